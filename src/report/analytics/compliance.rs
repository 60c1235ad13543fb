//! Is the process followed? On the moves made in the period: exit criteria left unticked when a
//! deal moved on, stages jumped over, moves back; and, now, deals with no next action. Per
//! stage and per owner, so that a team sees where the process does not fit what sellers do.

use super::period::Window;
use crate::model::position_of_name;
use crate::model::{Board, Deal, Phase, StageId};
use crate::report::stage_index::StageIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageCompliance {
    pub id: StageId,
    pub name: String,
    /// Moves on from this stage in the period.
    pub moves_on: usize,
    /// This stage's exit criteria, each with how often a move on left it unticked; the most
    /// skipped first (criteria since removed from the checklist too).
    pub skipped: Vec<(String, usize)>,
    /// Times a move passed over this stage.
    pub jumped_over: usize,
    /// Moves back from this stage to an earlier one.
    pub moved_back: usize,
    /// Deals in this stage now with no next action planned.
    pub no_next_action: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerCompliance {
    pub owner: String,
    pub moves_on: usize,
    /// Moves on that left at least one exit criterion unticked.
    pub moves_with_skips: usize,
    pub jumps: usize,
    pub moved_back: usize,
    pub no_next_action: usize,
}

/// One move made in the period: from which stage, and how.
struct Move<'a> {
    from: &'a StageId,
    backward: bool,
    skipped: &'a [std::sync::Arc<str>],
    jumped: &'a [StageId],
}

fn moves<'a>(deal: &'a Deal, window: &'a Window) -> impl Iterator<Item = Move<'a>> + 'a {
    deal.history
        .windows(2)
        .filter(|pair| window.contains(pair[1].at) && !pair[1].by_process)
        .map(|pair| Move {
            from: &pair[0].stage,
            backward: pair[1].backward,
            skipped: &pair[1].skipped,
            jumped: &pair[1].jumped,
        })
}

/// On the board (its stage after the sale or not) with no next action planned.
fn unplanned(deal: &Deal, post_sale: bool) -> bool {
    deal.is_on_board(post_sale) && deal.next_action().trim().is_empty() && deal.next_due().is_none()
}

pub(super) fn by_stage(board: &Board, deals: &[&Deal], window: &Window) -> Vec<StageCompliance> {
    let mut stages: Vec<StageCompliance> = board
        .stages
        .iter()
        .map(|s| StageCompliance {
            id: s.id.clone(),
            name: s.name.clone(),
            moves_on: 0,
            skipped: s.checklist.iter().map(|item| (item.clone(), 0)).collect(),
            jumped_over: 0,
            moved_back: 0,
            no_next_action: 0,
        })
        .collect();
    let stage_index = StageIndex::of(board);
    let index = |id: &StageId| stage_index.get(id);
    for deal in deals {
        if let Some(here) = index(&deal.stage)
            && unplanned(deal, board.stages[here].phase == Phase::PostSale)
        {
            stages[here].no_next_action += 1;
        }
        for step in moves(deal, window) {
            for jumped in step.jumped.iter().filter_map(index) {
                stages[jumped].jumped_over += 1;
            }
            let Some(from) = index(step.from) else {
                continue;
            };
            let stage = &mut stages[from];
            if step.backward {
                stage.moved_back += 1;
                continue;
            }
            stage.moves_on += 1;
            for item in step.skipped {
                match stage.skipped.iter_mut().find(|(i, _)| **i == **item) {
                    Some((_, count)) => *count += 1,
                    None => stage.skipped.push((item.to_string(), 1)),
                }
            }
        }
    }
    for stage in &mut stages {
        // Most skipped first; the checklist's order among equals.
        stage
            .skipped
            .sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    }
    stages
}

pub(super) fn by_owner(board: &Board, deals: &[&Deal], window: &Window) -> Vec<OwnerCompliance> {
    let mut owners: Vec<OwnerCompliance> = Vec::new();
    let stages = StageIndex::of(board);
    for deal in deals {
        let mut steps = moves(deal, window).peekable();
        let post_sale = stages
            .get(&deal.stage)
            .is_some_and(|i| board.stages[i].phase == Phase::PostSale);
        let no_next = unplanned(deal, post_sale);
        if steps.peek().is_none() && !no_next {
            continue;
        }
        let name = deal.owner.trim();
        let at = match position_of_name(&owners, name, |o| &o.owner) {
            Some(at) => at,
            None => {
                owners.push(OwnerCompliance {
                    owner: name.to_string(),
                    moves_on: 0,
                    moves_with_skips: 0,
                    jumps: 0,
                    moved_back: 0,
                    no_next_action: 0,
                });
                owners.len() - 1
            }
        };
        let owner = &mut owners[at];
        owner.no_next_action += usize::from(no_next);
        for step in steps {
            if step.backward {
                owner.moved_back += 1;
            } else {
                owner.moves_on += 1;
                owner.moves_with_skips += usize::from(!step.skipped.is_empty());
                owner.jumps += usize::from(!step.jumped.is_empty());
            }
        }
    }
    owners.sort_by(|a, b| a.owner.cmp(&b.owner));
    owners
}
