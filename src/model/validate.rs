//! The rules a whole board must keep. A file that breaks one is refused on load (and never
//! overwritten), so that a hand edit gone wrong is reported instead of silently "repaired".

use std::collections::HashSet;

use super::board::{Board, MAX_DEAL_ID};
use super::deal::{DealId, DealProblem};
use super::stage::StageId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NoStages,
    EmptyStageName(StageId),
    DuplicateStageId(StageId),
    DuplicateStageName(String),
    StageProbability {
        stage: StageId,
        probability: u8,
    },
    DuplicateChecklistItem {
        stage: StageId,
        item: String,
    },
    DuplicateDealId(DealId),
    /// An id over [`MAX_DEAL_ID`].
    DealIdTooLarge(DealId),
    UnknownStage {
        deal: DealId,
        stage: StageId,
    },
    Deal {
        deal: DealId,
        problem: DealProblem,
    },
}

impl Problem {
    /// The deal the problem is about, so a message can point at it in the file.
    pub fn deal(&self) -> Option<DealId> {
        match self {
            Problem::DuplicateDealId(deal)
            | Problem::DealIdTooLarge(deal)
            | Problem::UnknownStage { deal, .. }
            | Problem::Deal { deal, .. } => Some(*deal),
            _ => None,
        }
    }
}

impl Board {
    /// Everything wrong with the board, in file order; empty when it is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.stages.is_empty() {
            problems.push(Problem::NoStages);
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for stage in &self.stages {
            if stage.name.trim().is_empty() {
                problems.push(Problem::EmptyStageName(stage.id.clone()));
            }
            if !ids.insert(&stage.id) {
                problems.push(Problem::DuplicateStageId(stage.id.clone()));
            }
            if !stage.name.trim().is_empty() && !names.insert(stage.name.trim().to_lowercase()) {
                problems.push(Problem::DuplicateStageName(stage.name.clone()));
            }
            if stage.probability > 100 {
                problems.push(Problem::StageProbability {
                    stage: stage.id.clone(),
                    probability: stage.probability,
                });
            }
            let mut items = HashSet::new();
            for item in &stage.checklist {
                if !items.insert(item.trim()) {
                    problems.push(Problem::DuplicateChecklistItem {
                        stage: stage.id.clone(),
                        item: item.clone(),
                    });
                }
            }
        }
        let mut deal_ids = HashSet::new();
        for deal in &self.deals {
            if !deal_ids.insert(deal.id) {
                problems.push(Problem::DuplicateDealId(deal.id));
            }
            if deal.id.0 > MAX_DEAL_ID {
                problems.push(Problem::DealIdTooLarge(deal.id));
            }
            if !ids.contains(&deal.stage) {
                problems.push(Problem::UnknownStage {
                    deal: deal.id,
                    stage: deal.stage.clone(),
                });
            }
            if let Err(problem) = deal.check() {
                problems.push(Problem::Deal {
                    deal: deal.id,
                    problem,
                });
            }
        }
        problems
    }

    /// Puts a freshly read board into the shape the rest of the program relies on: deals sorted
    /// by id, and an id counter past every id in use. Changes nothing a person would see.
    pub fn normalize(&mut self) {
        self.deals.sort_by_key(|d| d.id);
        let past_last = self.deals.last().map_or(1, |d| d.id.0.saturating_add(1));
        self.next_deal_id = self.next_deal_id.max(past_last);
    }
}
