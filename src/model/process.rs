//! Changing the company's own process: its stages (with their probabilities, rot days, phase and
//! exit criteria), its lists of lead sources and lost reasons, and the order deals show in. Every
//! change here is a patch like any other, so it can be undone.

use super::board::{Board, ColumnSort};
use super::deal::{DealId, StageVisit};
use super::edit::{Direction, EditError};
use super::limits;
use super::money::Currency;
use super::patch::Patch;
use super::process_log::Why;
use super::stage::{Phase, Stage, StageId};

/// A stage as the stage form fills it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageDraft {
    pub name: String,
    pub probability: u8,
    pub rot_days: u32,
    pub phase: Phase,
    pub checklist: Vec<String>,
}

impl StageDraft {
    pub fn of(stage: &Stage) -> StageDraft {
        StageDraft {
            name: stage.name.clone(),
            probability: stage.probability,
            rot_days: stage.rot_days,
            phase: stage.phase,
            checklist: stage.checklist.clone(),
        }
    }
}

/// Whether every stage before the sale comes before every stage after it.
fn in_order(phases: &[Phase]) -> bool {
    phases
        .windows(2)
        .all(|w| !(w[0] == Phase::PostSale && w[1] == Phase::PreSale))
}

/// The board's own details: its name, whose board it is (the deals "only mine" keeps), and the
/// currency new deals start in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardDetails {
    pub name: String,
    pub owner: String,
    pub currency: Currency,
}

impl BoardDetails {
    pub fn of(board: &Board) -> BoardDetails {
        BoardDetails {
            name: board.name.clone(),
            owner: board.owner.clone(),
            currency: board.currency,
        }
    }
}

/// Which of the board's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardList {
    Sources,
    LostReasons,
}

impl Board {
    /// Adds a stage at position `at` (0 is first). Returns its new id.
    pub fn add_stage(
        &mut self,
        at: usize,
        draft: StageDraft,
        why: Why<'_>,
    ) -> Result<(StageId, Patch), EditError> {
        let draft = self.checked(draft, None)?;
        let id = self.free_stage_id(&draft.name);
        let stage = Stage {
            id: id.clone(),
            name: draft.name,
            probability: draft.probability,
            rot_days: draft.rot_days,
            phase: draft.phase,
            checklist: draft.checklist,
        };
        let at = at.min(self.stages.len());
        let mut phases: Vec<Phase> = self.stages.iter().map(|s| s.phase).collect();
        phases.insert(at, stage.phase);
        if !in_order(&phases) {
            return Err(EditError::PhaseOrder);
        }
        Ok((
            id,
            self.change_process(&[], why, |board| board.stages.insert(at, stage)),
        ))
    }

    /// Changes a stage. `renamed` pairs exit criteria retyped (old text, new text), so deals that
    /// ticked one keep their tick; a criterion removed takes its ticks with it only from the
    /// checklist (the ticks stay in the deals' records). `Ok(None)` when nothing changed.
    pub fn update_stage(
        &mut self,
        id: &StageId,
        draft: StageDraft,
        renamed: &[(String, String)],
        why: Why<'_>,
    ) -> Result<Option<Patch>, EditError> {
        let old = self
            .stage(id)
            .ok_or_else(|| EditError::NoStage(id.to_string()))?
            .clone();
        let draft = self.checked(draft, Some(id))?;
        if draft == StageDraft::of(&old) {
            return Ok(None);
        }
        if draft.phase != old.phase {
            let holds = self.deals.iter().any(|d| &d.stage == id);
            let mut phases: Vec<Phase> = self.stages.iter().map(|s| s.phase).collect();
            if let Some(at) = self.stage_index(id) {
                phases[at] = draft.phase;
            }
            if holds {
                return Err(EditError::PhaseHoldsDeals);
            }
            if !in_order(&phases) {
                return Err(EditError::PhaseOrder);
            }
        }
        let renamed: Vec<(String, String)> = renamed
            .iter()
            .filter(|(was, now)| was != now && draft.checklist.contains(now))
            .cloned()
            .collect();
        let ticked: Vec<DealId> = self
            .deals
            .iter()
            .filter(|d| {
                d.ticked
                    .iter()
                    .any(|t| &t.stage == id && renamed.iter().any(|(w, _)| **w == *t.item))
            })
            .map(|d| d.id)
            .collect();
        Ok(Some(self.change_process(&ticked, why, |board| {
            if let Some(stage) = board.stages.iter_mut().find(|s| &s.id == id) {
                stage.name = draft.name;
                stage.probability = draft.probability;
                stage.rot_days = draft.rot_days;
                stage.phase = draft.phase;
                stage.checklist = draft.checklist;
            }
            for deal_id in &ticked {
                if let Some(deal) = board.deal_mut(*deal_id) {
                    for tick in deal.ticked.iter_mut().filter(|t| &t.stage == id) {
                        if let Some((_, new)) = renamed.iter().find(|(was, _)| **was == *tick.item)
                        {
                            tick.item = new.as_str().into();
                        }
                    }
                    // Two ticks of one criterion (a rename onto one already ticked) are one.
                    let mut seen = Vec::new();
                    deal.ticked.retain(|t| {
                        let key = (t.stage.clone(), t.item.clone());
                        let first = !seen.contains(&key);
                        seen.push(key);
                        first
                    });
                }
            }
        })))
    }

    /// Moves a stage one place earlier or later in the process.
    pub fn move_stage(
        &mut self,
        id: &StageId,
        direction: Direction,
        why: Why<'_>,
    ) -> Result<Patch, EditError> {
        let here = self
            .stage_index(id)
            .ok_or_else(|| EditError::NoStage(id.to_string()))?;
        let there = match direction {
            Direction::Back => here.checked_sub(1),
            Direction::Forward => Some(here + 1).filter(|i| *i < self.stages.len()),
        }
        .ok_or(EditError::AtEdge)?;
        if self.stages[here].phase != self.stages[there].phase {
            return Err(EditError::PhaseOrder);
        }
        Ok(self.change_process(&[], why, |board| board.stages.swap(here, there)))
    }

    /// Removes a stage. Its deals (open or closed) must go somewhere: to `deals_to`, recorded in
    /// their history; without it only an empty stage can go. The last stage cannot.
    pub fn remove_stage(
        &mut self,
        id: &StageId,
        deals_to: Option<&StageId>,
        why: Why<'_>,
    ) -> Result<Patch, EditError> {
        let here = self
            .stage_index(id)
            .ok_or_else(|| EditError::NoStage(id.to_string()))?;
        if self.stages.len() == 1 {
            return Err(EditError::LastStage);
        }
        let inside: Vec<DealId> = self
            .deals
            .iter()
            .filter(|d| &d.stage == id)
            .map(|d| d.id)
            .collect();
        let target = match (deals_to, inside.is_empty()) {
            (_, true) => None,
            (None, false) => return Err(EditError::StageHasDeals(inside.len())),
            (Some(to), false) if to == id => return Err(EditError::SameStage),
            (Some(to), false) => {
                let index = self
                    .stage_index(to)
                    .ok_or_else(|| EditError::NoStage(to.to_string()))?;
                if self.stages[index].phase != self.stages[here].phase {
                    return Err(EditError::PhaseMismatch);
                }
                Some((to.clone(), index < here, self.top_rank(to)))
            }
        };
        Ok(self.change_process(&inside, why, |board| {
            board.stages.remove(here);
            let Some((to, backward, rank)) = target else {
                return;
            };
            for deal_id in &inside {
                if let Some(deal) = board.deal_mut(*deal_id) {
                    let mut visit = StageVisit::new(to.clone(), why.at);
                    visit.backward = backward;
                    visit.by_process = true;
                    deal.stage = to.clone();
                    deal.rank = rank;
                    deal.history.push(visit);
                }
            }
        }))
    }

    /// Replaces one of the board's lists (trimmed, without blanks or repeats). `None` when it is
    /// the same as before.
    pub fn set_list(&mut self, list: BoardList, items: &[String]) -> Option<Patch> {
        let mut clean: Vec<String> = Vec::new();
        for item in items.iter().map(|i| limits::fit_line(i)) {
            if !item.is_empty() && !clean.iter().any(|c| c.eq_ignore_ascii_case(&item)) {
                clean.push(item);
            }
        }
        let current = match list {
            BoardList::Sources => &self.sources,
            BoardList::LostReasons => &self.lost_reasons,
        };
        if *current == clean {
            return None;
        }
        Some(self.record(&[], |board| match list {
            BoardList::Sources => board.sources = clean,
            BoardList::LostReasons => board.lost_reasons = clean,
        }))
    }

    /// Changes the board's name, owner and currency (trimmed). The currency is only where new
    /// deals start: deals keep theirs. `Ok(None)` when nothing changed.
    pub fn set_details(&mut self, details: BoardDetails) -> Result<Option<Patch>, EditError> {
        let details = BoardDetails {
            name: limits::fit_line(&details.name),
            owner: limits::fit_line(&details.owner),
            currency: details.currency,
        };
        if details.name.is_empty() {
            return Err(EditError::BoardNameEmpty);
        }
        if details == BoardDetails::of(self) {
            return Ok(None);
        }
        Ok(Some(self.record(&[], |board| {
            board.name = details.name;
            board.owner = details.owner;
            board.currency = details.currency;
        })))
    }

    pub fn set_sort(&mut self, sort: ColumnSort) -> Option<Patch> {
        (self.sort != sort).then(|| self.record(&[], |board| board.sort = sort))
    }

    /// The draft made tidy and checked: a name no other stage has, a probability up to 100,
    /// at least a day to rot, exit criteria without blanks or repeats.
    fn checked(
        &self,
        mut draft: StageDraft,
        editing: Option<&StageId>,
    ) -> Result<StageDraft, EditError> {
        draft.name = limits::fit_line(&draft.name);
        if draft.name.is_empty() {
            return Err(EditError::StageNameEmpty);
        }
        let lower = draft.name.to_lowercase();
        if self
            .stages
            .iter()
            .any(|s| Some(&s.id) != editing && s.name.to_lowercase() == lower)
        {
            return Err(EditError::StageNameTaken(draft.name));
        }
        if draft.probability > 100 {
            return Err(EditError::StageProbability(draft.probability));
        }
        if draft.rot_days == 0 {
            return Err(EditError::RotDays);
        }
        let mut items: Vec<String> = Vec::new();
        for item in draft.checklist.iter().map(|i| limits::fit_line(i)) {
            if !item.is_empty() && !items.contains(&item) {
                items.push(item);
            }
        }
        draft.checklist = items;
        Ok(draft)
    }

    /// A short id from the name (`Contract & invoice` -> `contract-invoice`) that no stage has,
    /// nor any deal's history (a removed stage's id is not given to a new one).
    fn free_stage_id(&self, name: &str) -> StageId {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let base = match slug.trim_end_matches('-') {
            "" => "stage".to_string(),
            s => s.to_string(),
        };
        let taken = |id: &str| {
            self.stages.iter().any(|s| s.id.as_str() == id)
                || self
                    .deals
                    .iter()
                    .any(|d| d.history.iter().any(|v| v.stage.as_str() == id))
        };
        (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !taken(id))
            .map(|id| StageId(id.into()))
            .unwrap_or_else(|| StageId(base.into()))
    }
}
