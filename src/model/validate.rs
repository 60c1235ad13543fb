//! The rules a whole board must keep. A file that breaks one is refused on load (and never
//! overwritten), so that a hand edit gone wrong is reported instead of silently "repaired".

use std::collections::HashSet;
use std::sync::Arc;

use super::board::{Board, MAX_DEAL_ID};
use super::deal::{Deal, DealId, DealProblem};
use super::limits::{self, TextProblem};
use super::stage::StageId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NoStages,
    EmptyStageName(StageId),
    /// A stage id that is empty, too long, or holds what an id may not (letters, digits, `-`,
    /// `_` and `.` only).
    BadStageId(StageId),
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
    /// An id of 0 or over [`MAX_DEAL_ID`].
    DealIdOutOfRange(DealId),
    UnknownStage {
        deal: DealId,
        stage: StageId,
    },
    Deal {
        deal: DealId,
        problem: DealProblem,
    },
    /// A deal's history, ticks or jumps name something that cannot be a stage id. (An id that
    /// is not on the board is fine: it is a stage since removed, and its history is kept.)
    BadHistoryStage {
        deal: DealId,
        stage: StageId,
    },
    /// Text of the board itself (its name, owner, a stage's name or exit criterion, a lost
    /// reason, a lead source), named as in the file.
    BoardText {
        field: &'static str,
        /// The stage whose name or exit criterion it is.
        stage: Option<StageId>,
        problem: TextProblem,
    },
}

impl Problem {
    /// The stage the problem is about, so a message can point at it in the file.
    pub fn stage(&self) -> Option<&StageId> {
        match self {
            Problem::EmptyStageName(stage)
            | Problem::BadStageId(stage)
            | Problem::DuplicateStageId(stage)
            | Problem::StageProbability { stage, .. }
            | Problem::DuplicateChecklistItem { stage, .. }
            | Problem::BoardText {
                stage: Some(stage), ..
            } => Some(stage),
            _ => None,
        }
    }

    /// The deal the problem is about, so a message can point at it in the file.
    pub fn deal(&self) -> Option<DealId> {
        match self {
            Problem::DuplicateDealId(deal)
            | Problem::DealIdOutOfRange(deal)
            | Problem::UnknownStage { deal, .. }
            | Problem::BadHistoryStage { deal, .. }
            | Problem::Deal { deal, .. } => Some(*deal),
            _ => None,
        }
    }
}

/// The ids of a board's stages, for checking its deals one at a time (a reader checks each deal
/// as it reads it, while it is still in the cache).
pub struct KnownStages(Vec<StageId>);

impl KnownStages {
    pub fn of(board: &Board) -> KnownStages {
        let mut ids: Vec<StageId> = board.stages.iter().map(|s| s.id.clone()).collect();
        // Found by binary search: hashing each of a deal's many stage names cost more than
        // reading the deal.
        ids.sort_unstable();
        KnownStages(ids)
    }

    fn knows(&self, stage: &StageId) -> bool {
        self.0.binary_search(stage).is_ok()
    }

    /// Whether `deal` by itself (its id, stage, fields and history) keeps the rules.
    pub fn sound(&self, deal: &Deal) -> bool {
        deal_problems(deal, self).next().is_none()
    }
}

/// What is wrong with one deal by itself (its id, stage, fields and history), in file order.
fn deal_problems<'a>(deal: &'a Deal, known: &KnownStages) -> impl Iterator<Item = Problem> + 'a {
    let id_out_of_range =
        (deal.id.0 == 0 || deal.id.0 > MAX_DEAL_ID).then_some(Problem::DealIdOutOfRange(deal.id));
    let unknown_stage = (!known.knows(&deal.stage)).then(|| Problem::UnknownStage {
        deal: deal.id,
        stage: deal.stage.clone(),
    });
    let fields = deal.check().err().map(|problem| Problem::Deal {
        deal: deal.id,
        problem,
    });
    let named = deal.history.iter().map(|v| &v.stage);
    let mut named = named
        .chain(deal.history.iter().flat_map(|v| &v.jumped))
        .chain(deal.ticked.iter().map(|t| &t.stage));
    let history = named
        .find(|s| !known.knows(s) && !s.is_well_formed())
        .map(|stage| Problem::BadHistoryStage {
            deal: deal.id,
            stage: stage.clone(),
        });
    [id_out_of_range, unknown_stage, fields, history]
        .into_iter()
        .flatten()
}

impl Board {
    /// Everything wrong with the board, in file order; empty when it is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = self.stage_problems();
        let known = KnownStages::of(self);
        // A deal's own problems are found on two cores for a big board; the problems are then
        // put in file order, each deal's after its repeated id.
        let own = |from: usize, deals: &[Arc<Deal>]| {
            let mut found = Vec::new();
            for (i, deal) in deals.iter().enumerate() {
                found.extend(deal_problems(deal, &known).map(|p| (from + i, p)));
            }
            found
        };
        let half = self.deals.len() / 2;
        let (front, back) = crate::two_cores::both(
            self.deals.len() >= crate::two_cores::WORTH_IT_FROM,
            || own(0, &self.deals[..half]),
            || own(half, &self.deals[half..]),
        );
        let mut own = front.into_iter().chain(back).peekable();
        let mut deal_ids = HashSet::with_capacity(self.deals.len());
        for (i, deal) in self.deals.iter().enumerate() {
            if !deal_ids.insert(deal.id) {
                problems.push(Problem::DuplicateDealId(deal.id));
            }
            while let Some((_, problem)) = own.next_if(|(at, _)| *at == i) {
                problems.push(problem);
            }
        }
        problems.extend(self.text_problems());
        problems
    }

    /// What [`Board::problems`] finds but the problems of each deal by itself, for a board
    /// whose every deal was found [`KnownStages::sound`] as it was read: empty when the board is
    /// sound.
    pub fn problems_besides_deals_own(&self) -> Vec<Problem> {
        let mut problems = self.stage_problems();
        let mut deal_ids = HashSet::with_capacity(self.deals.len());
        problems.extend(
            self.deals
                .iter()
                .filter(|d| !deal_ids.insert(d.id))
                .map(|d| Problem::DuplicateDealId(d.id)),
        );
        problems.extend(self.text_problems());
        problems
    }

    /// The problems of the stages themselves.
    fn stage_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.stages.is_empty() {
            problems.push(Problem::NoStages);
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for stage in &self.stages {
            if !stage.id.is_well_formed() {
                problems.push(Problem::BadStageId(stage.id.clone()));
            }
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
        problems
    }

    /// The board's own texts that break the rules of [`limits`].
    fn text_problems(&self) -> Vec<Problem> {
        let stage_texts = self.stages.iter().flat_map(|s| {
            std::iter::once(("name", Some(&s.id), s.name.as_str())).chain(
                s.checklist
                    .iter()
                    .map(|c| ("checklist", Some(&s.id), c.as_str())),
            )
        });
        let lists = self
            .lost_reasons
            .iter()
            .map(|r| ("lost_reasons", r.as_str()));
        let board_texts = [("name", self.name.as_str()), ("owner", &self.owner)]
            .into_iter()
            .chain(lists)
            .chain(self.sources.iter().map(|s| ("sources", s.as_str())))
            .map(|(field, text)| (field, None, text));
        let records = self
            .companies
            .iter()
            .flat_map(|c| [&c.name, &c.phone, &c.email].map(|t| ("companies", t.as_str())))
            .chain(self.people.iter().flat_map(|p| {
                [&p.name, &p.company, &p.phone, &p.email].map(|t| ("people", t.as_str()))
            }))
            .map(|(field, text)| (field, None, text));
        // The stages of older versions are shown again in the log: held to the same rules.
        let log_texts = self.process_log.iter().flat_map(|change| {
            std::iter::once(("process_log", None, change.reason.as_str())).chain(
                change.before.iter().flat_map(|s| {
                    std::iter::once(("process_log", Some(&s.id), s.name.as_str())).chain(
                        s.checklist
                            .iter()
                            .map(|c| ("process_log", Some(&s.id), c.as_str())),
                    )
                }),
            )
        });
        let record_notes = self
            .companies
            .iter()
            .map(|c| ("companies", c.notes.as_str()))
            .chain(self.people.iter().map(|p| ("people", p.notes.as_str())))
            .filter_map(|(field, notes)| {
                let problem = limits::check_notes(notes).err()?;
                Some(Problem::BoardText {
                    field,
                    stage: None,
                    problem,
                })
            });
        board_texts
            .chain(stage_texts)
            .chain(records)
            .chain(log_texts)
            .filter_map(|(field, stage, text)| {
                let problem = limits::check_line(text).err()?;
                Some(Problem::BoardText {
                    field,
                    stage: stage.cloned(),
                    problem,
                })
            })
            .chain(record_notes)
            .collect()
    }

    /// Puts a freshly read board into the shape the rest of the program relies on: deals sorted
    /// by id, and an id counter past every id in use. Changes nothing a person would see.
    pub fn normalize(&mut self) {
        self.deals.sort_by_key(|d| d.id);
        self.sort_records();
        self.process_log.sort_by_key(|c| c.at);
        let over = self
            .process_log
            .len()
            .saturating_sub(super::MAX_PROCESS_CHANGES);
        self.process_log.drain(..over);
        let past_last = self.deals.last().map_or(1, |d| d.id.0.saturating_add(1));
        self.next_deal_id = self.next_deal_id.max(past_last);
    }
}
