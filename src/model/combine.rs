//! Several salespeople's boards presented as one pipeline for the stand-up. Stages are matched
//! by name (any case); a stage only some boards have still gets its column, placed after the
//! stage it follows on its own board. Deals keep their owner; a deal without one is its board's
//! owner's ([`fallback_owner`]: the board's `owner`, else the file's name), and keeps the win
//! probability of its own board's stage. The result is for reading only. The review, `stats`
//! and the reports screen all give owner-less deals their owner by the same rule.

use std::sync::Arc;

use super::board::Board;
use super::deal::{Deal, DealId, Referral};
use super::names::same_name;
use super::rates::Rates;
use super::stage::{Stage, StageId};

/// Where a deal of the combined board lives: which of the boards, and its id there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub board: usize,
    pub id: DealId,
}

/// Whose a deal without an owner is, on `board` read from the file named `file_name` (without
/// `.ron`): the board's owner, else the file's name.
pub fn fallback_owner<'a>(board: &'a Board, file_name: &'a str) -> &'a str {
    match board.owner.trim() {
        "" => file_name,
        owner => owner,
    }
}

/// Gives each deal of `board` (read from the file named `file_name`) that has no owner its
/// [`fallback_owner`]. Only those deals are copied.
pub fn give_owners(board: &mut Board, file_name: &str) {
    let unowned = |d: &Deal| d.owner.trim().is_empty();
    if !board.deals.iter().any(|d| unowned(d)) {
        return;
    }
    let owner = fallback_owner(board, file_name).to_string();
    for deal in board.deals.iter_mut().filter(|d| unowned(d)) {
        Arc::make_mut(deal).owner.clone_from(&owner);
    }
}

/// The boards as one, and for each of its deals (in the combined board's id order) where it
/// came from; `None` for no boards. `boards` pairs each board with the name of its file
/// (without `.ron`), for [`fallback_owner`]. The first board gives the settings (name,
/// currency, lists).
pub fn combine(boards: &[(&str, &Board)]) -> Option<(Board, Vec<Origin>)> {
    let (_, first) = boards.first()?;
    let mut combined = Board {
        deals: Default::default(),
        next_deal_id: 1,
        stages: Vec::new(),
        ..(*first).clone()
    };
    for (_, board) in boards {
        merge_stages(&mut combined.stages, &board.stages);
    }
    combined.rates = Rates::merged(boards.iter().filter_map(|(_, b)| b.rates.as_ref()));
    let mut first_ids = Vec::with_capacity(boards.len());
    for (_, board) in boards {
        first_ids.push(combined.next_deal_id);
        combined.next_deal_id += board.deals.len() as u64;
    }
    // Each board's deals are copied on a thread of their own: at 100,000 deals the copies are
    // most of the time it takes.
    let stages = &combined.stages;
    let parts: Vec<Vec<Arc<Deal>>> = std::thread::scope(|scope| {
        let copying: Vec<_> = boards
            .iter()
            .zip(&first_ids)
            .map(|((name, board), first_id)| {
                scope.spawn(move || part(stages, name, board, *first_id))
            })
            .collect();
        copying
            .into_iter()
            .map(|copy| {
                copy.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    combined.deals = parts.into_iter().flatten().collect();
    let origins = boards
        .iter()
        .enumerate()
        .flat_map(|(index, (_, board))| {
            board.deals.iter().map(move |d| Origin {
                board: index,
                id: d.id,
            })
        })
        .collect();
    Some((combined, origins))
}

/// The deals of `board` as the combined board (with `stages`) holds them, numbered from
/// `first_id`.
fn part(stages: &[Stage], file_name: &str, board: &Board, first_id: u64) -> Vec<Arc<Deal>> {
    let owner = fallback_owner(board, file_name);
    // A board as read is sorted by id: a referral's deal is found by halving.
    let sorted = board.deals.is_sorted_by_key(|d| d.id);
    let new_id = |old: DealId| {
        let at = if sorted {
            board.deals.binary_search_by_key(&old, |d| d.id).ok()
        } else {
            board.deals.iter().position(|d| d.id == old)
        };
        at.map(|at| DealId(first_id + at as u64))
    };
    // Each of the board's stages, and the combined board's stage of the same name.
    let shared: Vec<(&StageId, &Stage)> = board
        .stages
        .iter()
        .filter_map(|s| Some((&s.id, &stages[position_by_name(stages, &s.name)?])))
        .collect();
    let local = |stage: &StageId| {
        shared
            .iter()
            .find(|(own, _)| *own == stage)
            .map_or_else(|| stage.clone(), |(_, combined)| combined.id.clone())
    };
    let mut deals = Vec::with_capacity(board.deals.len());
    for (at, deal) in board.deals.iter().enumerate() {
        let mut deal = Deal::clone(deal);
        deal.id = DealId(first_id + at as u64);
        if deal.owner.trim().is_empty() {
            deal.owner = owner.to_string();
        }
        // Weighted as on its own board, whose stage of the same name may say otherwise.
        if deal.probability.is_none()
            && let Some(own) = board.stage(&deal.stage)
        {
            let combined = shared
                .iter()
                .find(|(own_id, _)| **own_id == deal.stage)
                .map(|(_, s)| s.probability);
            if combined != Some(own.probability) {
                deal.probability = Some(own.probability);
            }
        }
        deal.stage = local(&deal.stage);
        for visit in &mut deal.history {
            visit.stage = local(&visit.stage);
            for jumped in &mut visit.jumped {
                *jumped = local(jumped);
            }
        }
        for tick in &mut deal.ticked {
            tick.stage = local(&tick.stage);
        }
        deal.referred_by = match deal.referred_by {
            Some(Referral::Deal(by)) => new_id(by).map(Referral::Deal),
            other => other,
        };
        deals.push(Arc::new(deal));
    }
    deals
}

/// Adds the stages `more` has that `stages` lacks (by name), each after the stage it follows
/// in `more`.
fn merge_stages(stages: &mut Vec<Stage>, more: &[Stage]) {
    let mut after: Option<usize> = None;
    for stage in more {
        match position_by_name(stages, &stage.name) {
            Some(at) => after = Some(at),
            None => {
                let at = after.map_or(0, |a| a + 1);
                let mut stage = stage.clone();
                // Two boards may use one id for different stages: keep ids unique.
                while stages.iter().any(|s| s.id == stage.id) {
                    stage.id = StageId(format!("{}-{}", stage.id, stages.len()).into());
                }
                stages.insert(at, stage);
                after = Some(at);
            }
        }
    }
}

fn position_by_name(stages: &[Stage], name: &str) -> Option<usize> {
    stages.iter().position(|s| same_name(&s.name, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Deal, Money, Phase};
    use chrono::{TimeZone, Utc};

    fn deal(id: u64, title: &str, stage: &str, owner: &str) -> Deal {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let mut d = Deal::new(
            DealId(id),
            title,
            StageId(stage.into()),
            Money::zero(Currency::EUR),
            at,
        );
        d.owner = owner.into();
        d
    }

    fn stage(id: &str, name: &str) -> Stage {
        Stage {
            id: StageId(id.into()),
            name: name.into(),
            probability: 10,
            rot_days: 14,
            phase: Phase::PreSale,
            checklist: Vec::new(),
        }
    }

    #[test]
    fn stages_match_by_name_and_every_stage_gets_a_column() {
        let mut anna = crate::store::default_board().unwrap();
        anna.stages = vec![stage("lead", "Lead"), stage("won", "Negotiation")];
        anna.deals = vec![deal(1, "Anna's", "won", "").into()].into();
        let mut boris = anna.clone();
        let mut carla = anna.clone();
        carla.owner = "Carla Díaz".into();
        boris.stages = vec![
            stage("l", "LEAD"),
            stage("demo", "Demo"),
            stage("neg", "negotiation"),
        ];
        let mut referred = deal(2, "Boris's second", "neg", "boris");
        referred.referred_by = Some(Referral::Deal(DealId(1)));
        boris.deals = vec![deal(1, "Boris's", "demo", "").into(), referred.into()].into();
        let (board, origins) =
            combine(&[("anna", &anna), ("boris-board", &boris), ("c", &carla)]).unwrap();
        let names: Vec<&str> = board.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Lead", "Demo", "Negotiation"],
            "Demo after Lead, as on its board"
        );
        let placed: Vec<(&str, &str, &str)> = board
            .deals
            .iter()
            .map(|d| (d.title.as_str(), d.stage.as_str(), d.owner.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                ("Anna's", "won", "anna"),
                ("Boris's", "demo", "boris-board"),
                ("Boris's second", "won", "boris"),
                ("Anna's", "won", "Carla Díaz"),
            ],
            "stage ids of the first board; no owner: the board's owner, else the file's name"
        );
        assert_eq!(
            board.deals[2].referred_by,
            Some(Referral::Deal(DealId(2))),
            "Boris's deal 1 is deal 2 here"
        );
        assert_eq!(
            origins[2],
            Origin {
                board: 1,
                id: DealId(2)
            }
        );
        assert_eq!(board.next_deal_id, 5);
        give_owners(&mut carla, "c");
        assert_eq!(
            carla.deals[0].owner, "Carla Díaz",
            "the same rule for one board"
        );
        give_owners(&mut boris, "boris-board");
        let owners: Vec<&str> = boris.deals.iter().map(|d| d.owner.as_str()).collect();
        assert_eq!(owners, ["boris-board", "boris"]);
    }

    #[test]
    fn a_deal_keeps_the_probability_of_its_own_boards_stage() {
        let mut anna = crate::store::default_board().unwrap();
        anna.stages = vec![stage("neg", "Negotiation")];
        anna.deals = vec![deal(1, "Anna's", "neg", "anna").into()].into();
        let mut boris = anna.clone();
        boris.stages[0].probability = 60;
        boris.deals = vec![deal(1, "Boris's", "neg", "boris").into()].into();
        let mut set = deal(2, "Boris's own guess", "neg", "boris");
        set.probability = Some(90);
        boris.deals.push(set.into());
        let (board, _) = combine(&[("anna", &anna), ("boris", &boris)]).unwrap();
        let chances: Vec<Option<u8>> = board.deals.iter().map(|d| d.probability).collect();
        assert_eq!(chances, [None, Some(60), Some(90)]);
    }
}
