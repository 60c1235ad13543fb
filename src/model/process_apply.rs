//! Putting a whole process on a board at once: the team's process, a pilot's, or the team's
//! again after a pilot. Stages are matched by id, so a stage renamed keeps its deals; deals in a
//! stage the new process lacks go where the user said (a visit in their history, as when a
//! stage is removed). One undoable step, written in the process log.

use super::board::Board;
use super::deal::{DealId, StageVisit};
use super::edit::EditError;
use super::limits;
use super::patch::Patch;
use super::process_log::Why;
use super::stage::{Phase, Stage, StageId};

/// Why a process could not be put on a board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdoptError {
    /// The process itself is not sound (a stage without a name, two of one name...).
    Unsound(EditError),
    /// A stage's id is not a well-formed id, or two stages share one.
    BadStageId(String),
    /// Deals are in stages the new process lacks, and no stage was named for them: each such
    /// stage's id, name and how many deals it holds.
    Stranded(Vec<(StageId, String, usize)>),
    /// A stage named for deals is not in the new process.
    NoTarget(String),
    /// Deals would cross the sale: from a stage before it to one after, or back; or a stage
    /// holding deals would change sides. The stage's name.
    CrossesSale(String),
}

/// `stages` made tidy (names and criteria trimmed, criteria without repeats) and checked: at
/// least one stage, ids well formed and each once, names given and each once (any case),
/// probabilities up to 100, at least a day to rot, the stages before the sale first.
pub fn checked_process(stages: &[Stage]) -> Result<Vec<Stage>, AdoptError> {
    if stages.is_empty() {
        return Err(AdoptError::Unsound(EditError::LastStage));
    }
    let mut tidy: Vec<Stage> = Vec::new();
    for stage in stages {
        let mut stage = stage.clone();
        stage.name = limits::fit_line(&stage.name);
        if !stage.id.is_well_formed() || tidy.iter().any(|s| s.id == stage.id) {
            return Err(AdoptError::BadStageId(stage.id.to_string()));
        }
        if stage.name.is_empty() {
            return Err(AdoptError::Unsound(EditError::StageNameEmpty));
        }
        if tidy
            .iter()
            .any(|s| s.name.to_lowercase() == stage.name.to_lowercase())
        {
            return Err(AdoptError::Unsound(EditError::StageNameTaken(stage.name)));
        }
        if stage.probability > 100 {
            return Err(AdoptError::Unsound(EditError::StageProbability(
                stage.probability,
            )));
        }
        if stage.rot_days == 0 {
            return Err(AdoptError::Unsound(EditError::RotDays));
        }
        let mut items: Vec<String> = Vec::new();
        for item in stage.checklist.iter().map(|i| limits::fit_line(i)) {
            if !item.is_empty() && !items.contains(&item) {
                items.push(item);
            }
        }
        stage.checklist = items;
        tidy.push(stage);
    }
    let after_sale = tidy.iter().position(|s| s.phase == Phase::PostSale);
    if after_sale.is_some_and(|at| tidy[at..].iter().any(|s| s.phase == Phase::PreSale)) {
        return Err(AdoptError::Unsound(EditError::PhaseOrder));
    }
    Ok(tidy)
}

impl Board {
    /// This board's stages that hold deals (open or closed) and that `stages` lacks: each with
    /// its name and how many deals it holds.
    pub fn stranded_by(&self, stages: &[Stage]) -> Vec<(StageId, String, usize)> {
        self.stages
            .iter()
            .filter(|s| !stages.iter().any(|n| n.id == s.id))
            .filter_map(|s| {
                let count = self.deals.iter().filter(|d| d.stage == s.id).count();
                (count > 0).then(|| (s.id.clone(), s.name.clone(), count))
            })
            .collect()
    }

    /// Takes `stages` as the board's process (see the module's words). `moves` pairs a stage
    /// of this board the new process lacks with the stage its deals go to. `Ok(None)` when the
    /// board already has this process.
    pub fn adopt_process(
        &mut self,
        stages: &[Stage],
        moves: &[(StageId, StageId)],
        why: Why<'_>,
    ) -> Result<Option<Patch>, AdoptError> {
        let stages = checked_process(stages)?;
        if stages == self.stages {
            return Ok(None);
        }
        let phase_in =
            |list: &[Stage], id: &StageId| list.iter().find(|s| &s.id == id).map(|s| s.phase);
        let holds = |id: &StageId| self.deals.iter().any(|d| &d.stage == id);
        for kept in self.stages.iter().filter(|s| holds(&s.id)) {
            if phase_in(&stages, &kept.id).is_some_and(|p| p != kept.phase) {
                return Err(AdoptError::CrossesSale(kept.name.clone()));
            }
        }
        let stranded = self.stranded_by(&stages);
        let mut targets: Vec<(StageId, StageId)> = Vec::new();
        let mut unplaced = Vec::new();
        for (id, name, count) in stranded {
            let Some((_, to)) = moves.iter().find(|(from, _)| *from == id) else {
                unplaced.push((id, name, count));
                continue;
            };
            let Some(to_phase) = phase_in(&stages, to) else {
                return Err(AdoptError::NoTarget(to.to_string()));
            };
            if phase_in(&self.stages, &id) != Some(to_phase) {
                return Err(AdoptError::CrossesSale(name));
            }
            targets.push((id, to.clone()));
        }
        if !unplaced.is_empty() {
            return Err(AdoptError::Stranded(unplaced));
        }
        let moving: Vec<DealId> = self
            .deals
            .iter()
            .filter(|d| targets.iter().any(|(from, _)| *from == d.stage))
            .map(|d| d.id)
            .collect();
        let order = |list: &[Stage], id: &StageId| list.iter().position(|s| &s.id == id);
        let ranks: Vec<(StageId, i64)> = targets
            .iter()
            .map(|(_, to)| (to.clone(), self.top_rank(to)))
            .collect();
        let old_stages = self.stages.clone();
        Ok(Some(self.change_process(&moving, why, |board| {
            board.stages = stages.clone();
            for deal_id in &moving {
                let Some(deal) = board.deal_mut(*deal_id) else {
                    continue;
                };
                let Some((_, to)) = targets.iter().find(|(from, _)| *from == deal.stage) else {
                    continue;
                };
                let mut visit = StageVisit::new(to.clone(), why.at);
                visit.backward = order(&stages, to) < order(&old_stages, &deal.stage);
                visit.by_process = true;
                deal.stage = to.clone();
                deal.rank = ranks
                    .iter()
                    .find(|(id, _)| id == to)
                    .map_or(0, |(_, rank)| *rank);
                deal.history.push(visit);
            }
        })))
    }
}
