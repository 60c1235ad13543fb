//! The funnel: how many deals reached each stage in the period, how many of those went on to
//! the next, and how long stays in each stage took.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

use super::durations::Durations;
use super::period::Window;
use crate::model::{Board, Deal, Phase, StageId, Status, Totals};
use crate::report::attention::rotting_in;
use crate::report::stage_index::StageIndex;

#[derive(Clone, Debug, PartialEq)]
pub struct StageFlow {
    pub id: StageId,
    pub name: String,
    /// Deals that reached this stage (or went past it) in the period. A lost deal counts up to
    /// the furthest stage it reached.
    pub entered: usize,
    pub entered_value: Totals,
    /// Of those, the share that reached the next stage by the period's end; `None` for the
    /// last stage, or when none entered.
    pub conversion: Option<f64>,
    /// Of those, how many reached the next stage by the period's end.
    pub went_on: usize,
    /// Stays in this stage that ended in the period.
    pub time: Durations,
    /// Deals lost in the period in this stage (where they were when lost), and their value:
    /// where deals are lost.
    pub lost: usize,
    pub lost_value: Totals,
    /// Deals in this stage going cold now.
    pub rotting_now: usize,
}

/// For each of the board's stages, when the deal first got that far: reaching a stage counts
/// as reaching every stage before it. Stages no longer on the board are passed over.
/// Written into `reached` (one slot per stage), which is reused from deal to deal.
fn reached(stages: &StageIndex, deal: &Deal, reached: &mut [Option<DateTime<Utc>>]) {
    reached.fill(None);
    let mut furthest: Option<usize> = None;
    // A deal the process moved (its stage removed) did not get anywhere by it.
    for visit in deal.history.iter().filter(|v| !v.by_process) {
        let Some(index) = stages.get(&visit.stage) else {
            continue;
        };
        let from = furthest.map_or(0, |f| f + 1);
        for slot in reached.iter_mut().take(index + 1).skip(from) {
            *slot = Some(visit.at);
        }
        furthest = Some(furthest.map_or(index, |f| f.max(index)));
    }
}

/// Each stay in a stage that is over: the stage's index, when it started and when it ended (the
/// next stage entered, or the deal closed there).
fn stays<'a>(
    board: &Board,
    stages: &'a StageIndex,
    deal: &'a Deal,
) -> impl Iterator<Item = (usize, DateTime<Utc>, DateTime<Utc>)> + 'a {
    let post_sale = stages
        .get(&deal.stage)
        .is_some_and(|i| board.stages[i].phase == Phase::PostSale);
    // The last stay ends when the deal left the board (lost, or won with nowhere to go after
    // the sale); a deal on the board is still in it.
    let left_board = match &deal.status {
        Status::Won { at } | Status::Lost { at, .. } if !deal.is_on_board(post_sale) => Some(*at),
        _ => None,
    };
    let ends = deal
        .history
        .iter()
        .skip(1)
        .map(|v| Some(v.at))
        .chain([left_board]);
    deal.history.iter().zip(ends).filter_map(|(visit, end)| {
        let index = stages.get(&visit.stage)?;
        Some((index, visit.at, end?))
    })
}

/// The funnel, in one pass over the deals.
pub(super) fn flows(
    board: &Board,
    deals: &[&Deal],
    window: &Window,
    now: DateTime<FixedOffset>,
) -> Vec<StageFlow> {
    let stages = StageIndex::of(board);
    let count = board.stages.len();
    let mut flows: Vec<StageFlow> = board
        .stages
        .iter()
        .map(|stage| StageFlow {
            id: stage.id.clone(),
            name: stage.name.clone(),
            entered: 0,
            entered_value: Totals::default(),
            conversion: None,
            went_on: 0,
            time: Durations::of(&[]),
            lost: 0,
            lost_value: Totals::default(),
            rotting_now: 0,
        })
        .collect();
    let mut went_on = vec![0usize; count];
    let mut spans: Vec<Vec<TimeDelta>> = vec![Vec::new(); count];
    let mut path = vec![None; count];
    for deal in deals {
        reached(&stages, deal, &mut path);
        for (index, flow) in flows.iter_mut().enumerate() {
            if !path[index].is_some_and(|at| window.contains(at)) {
                continue;
            }
            flow.entered += 1;
            flow.entered_value.add(deal.value);
            let next = path.get(index + 1).copied().flatten();
            went_on[index] += usize::from(next.is_some_and(|at| at < window.end));
        }
        for (index, start, end) in stays(board, &stages, deal) {
            if window.contains(end) {
                spans[index].push(end - start);
            }
        }
        let Some(here) = stages.get(&deal.stage) else {
            continue;
        };
        let flow = &mut flows[here];
        if matches!(&deal.status, Status::Lost { at, .. } if window.contains(*at)) {
            flow.lost += 1;
            flow.lost_value.add(deal.value);
        }
        if rotting_in(deal, &board.stages[here], now).is_some() {
            flow.rotting_now += 1;
        }
    }
    for (index, flow) in flows.iter_mut().enumerate() {
        flow.conversion = (index + 1 < count && flow.entered > 0)
            .then(|| went_on[index] as f64 / flow.entered as f64);
        flow.time = Durations::of(&spans[index]);
        flow.went_on = went_on[index];
    }
    flows
}
