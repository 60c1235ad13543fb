//! The funnel: how many deals reached each stage in the period, how many of those went on to
//! the next, and how long stays in each stage took.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

use super::durations::Durations;
use super::period::Window;
use crate::model::{Board, Deal, StageId, Status, Totals};
use crate::report::rotting_days;

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
pub(super) fn reached(board: &Board, deal: &Deal) -> Vec<Option<DateTime<Utc>>> {
    let mut reached = vec![None; board.stages.len()];
    let mut furthest: Option<usize> = None;
    for visit in &deal.history {
        let Some(index) = board.stage_index(&visit.stage) else {
            continue;
        };
        let from = furthest.map_or(0, |f| f + 1);
        for slot in reached.iter_mut().take(index + 1).skip(from) {
            *slot = Some(visit.at);
        }
        furthest = Some(furthest.map_or(index, |f| f.max(index)));
    }
    reached
}

/// Each stay in a stage that is over: the stage's index, when it started and when it ended (the
/// next stage entered, or the deal closed there).
pub(super) fn stays(board: &Board, deal: &Deal) -> Vec<(usize, DateTime<Utc>, DateTime<Utc>)> {
    // The last stay ends when the deal left the board (lost, or won with nowhere to go after
    // the sale); a deal on the board is still in it.
    let left_board = match &deal.status {
        Status::Won { at } | Status::Lost { at, .. }
            if !deal.is_on_board(board.is_post_sale(&deal.stage)) =>
        {
            Some(*at)
        }
        _ => None,
    };
    let ends = deal
        .history
        .iter()
        .skip(1)
        .map(|v| Some(v.at))
        .chain([left_board]);
    deal.history
        .iter()
        .zip(ends)
        .filter_map(|(visit, end)| {
            let index = board.stage_index(&visit.stage)?;
            Some((index, visit.at, end?))
        })
        .collect()
}

pub(super) fn flows(
    board: &Board,
    deals: &[&Deal],
    window: &Window,
    now: DateTime<FixedOffset>,
) -> Vec<StageFlow> {
    let paths: Vec<(&Deal, Vec<Option<DateTime<Utc>>>)> =
        deals.iter().map(|d| (*d, reached(board, d))).collect();
    let mut spans: Vec<Vec<TimeDelta>> = vec![Vec::new(); board.stages.len()];
    for deal in deals {
        for (index, start, end) in stays(board, deal) {
            if window.contains(end) {
                spans[index].push(end - start);
            }
        }
    }
    board
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            let entered: Vec<&(&Deal, Vec<Option<DateTime<Utc>>>)> = paths
                .iter()
                .filter(|(_, path)| path[index].is_some_and(|at| window.contains(at)))
                .collect();
            let mut entered_value = Totals::default();
            for (deal, _) in &entered {
                entered_value.add(deal.value);
            }
            let went_on = entered
                .iter()
                .filter(|(_, path)| {
                    path.get(index + 1)
                        .copied()
                        .flatten()
                        .is_some_and(|at| at < window.end)
                })
                .count();
            let conversion = (index + 1 < board.stages.len() && !entered.is_empty())
                .then(|| went_on as f64 / entered.len() as f64);
            let mut lost_value = Totals::default();
            let lost = deals
                .iter()
                .filter(|d| d.stage == stage.id)
                .filter(|d| matches!(&d.status, Status::Lost { at, .. } if window.contains(*at)))
                .inspect(|d| lost_value.add(d.value))
                .count();
            StageFlow {
                id: stage.id.clone(),
                name: stage.name.clone(),
                entered: entered.len(),
                entered_value,
                conversion,
                time: Durations::of(&spans[index]),
                lost,
                lost_value,
                rotting_now: deals
                    .iter()
                    .filter(|d| d.stage == stage.id && rotting_days(d, board, now).is_some())
                    .count(),
            }
        })
        .collect()
}
