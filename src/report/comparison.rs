//! Two sides of the process compared the same way: the deals worked before a change to the
//! process with those after it, or the boards on a pilot with the rest of the team over the same
//! dates. Each side is the report of its own process (its stages and exit criteria), so a stage
//! or a criterion that exists on one side only is shown as such, never compared with zero.
//!
//! A side with fewer than [`TOO_FEW_DEALS`] deals still shows its figures, marked "too few to
//! judge": ten deals is where one deal more or less stops moving a rate by more than ten points.

use chrono::{DateTime, FixedOffset, Utc};

use super::analytics::{Period, StageCompliance, StageFlow, Stats, Window};
use crate::model::{Board, Stage, StageId, Status};

/// Below this many deals worked, a side's figures are "too few to judge".
pub const TOO_FEW_DEALS: usize = 10;

/// One side: its report, and how many deals were worked in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub stats: Stats,
    /// The stages of this side's process.
    pub stages: Vec<Stage>,
    /// Deals that moved or closed in the side's window.
    pub deals: usize,
    pub from: Option<DateTime<Utc>>,
    pub to: DateTime<Utc>,
    to_now: bool,
    offset: FixedOffset,
}

impl Side {
    /// `board`'s deals in `window`, reported against `stages` (the process of that side).
    pub fn of(
        board: &Board,
        stages: &[Stage],
        window: Window,
        owner: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Side {
        let to_now = window.end > now.to_utc();
        let mut board = board.clone();
        board.stages = stages.to_vec();
        let local = |at: DateTime<Utc>| at.with_timezone(&window.offset).date_naive();
        let period = Period {
            from: window.start.map(local),
            to: Some(local(window.end - chrono::Duration::seconds(1))),
        };
        let stats = Stats::in_window(&board, period, window, owner, now);
        let deals = board
            .deals
            .iter()
            .filter(|d| owner.is_none_or(|o| crate::model::same_name(&d.owner, o)))
            .filter(|d| {
                d.history
                    .iter()
                    .any(|v| window.contains(v.at) && !v.by_process)
                    || match &d.status {
                        Status::Open => false,
                        Status::Won { at } | Status::Lost { at, .. } => window.contains(*at),
                    }
            })
            .count();
        Side {
            stats,
            stages: board.stages,
            deals,
            from: window.start,
            to: window.end,
            to_now,
            offset: window.offset,
        }
    }

    pub fn too_few(&self) -> bool {
        self.deals < TOO_FEW_DEALS
    }

    /// The time zone the side's days are in.
    pub fn stats_offset(&self) -> FixedOffset {
        self.offset
    }

    /// Whether the side runs up to now (not to a later change).
    pub fn to_now(&self) -> bool {
        self.to_now
    }

    fn flow(&self, id: &StageId) -> Option<&StageFlow> {
        self.stats.stages.iter().find(|f| &f.id == id)
    }

    fn compliance(&self, id: &StageId) -> Option<&StageCompliance> {
        self.stats.compliance.iter().find(|c| &c.id == id)
    }

    /// Moves on made in the side, and how many of them left an exit criterion unticked.
    pub fn moves_with_skips(&self) -> (usize, usize) {
        self.stats
            .owner_compliance
            .iter()
            .fold((0, 0), |(with, all), o| {
                (with + o.moves_with_skips, all + o.moves_on)
            })
    }
}

/// A stage on either side: its figures where it exists.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow<'a> {
    pub name: &'a str,
    pub before: Option<&'a StageFlow>,
    pub after: Option<&'a StageFlow>,
}

/// An exit criterion on either side: (times left unticked, moves on from its stage) where it
/// is in that side's checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionRow<'a> {
    pub stage: &'a str,
    pub criterion: &'a str,
    pub before: Option<(usize, usize)>,
    pub after: Option<(usize, usize)>,
}

/// The two sides of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub before: Side,
    pub after: Side,
}

impl Comparison {
    /// Whether either side has too few deals to judge by.
    pub fn too_few(&self) -> bool {
        self.before.too_few() || self.after.too_few()
    }

    /// Every stage of either side: the later side's in its order, then those it no longer has
    /// (matched by id, so a renamed stage is one row, under its new name).
    pub fn stages(&self) -> Vec<StageRow<'_>> {
        let mut rows: Vec<StageRow> = self
            .after
            .stages
            .iter()
            .map(|s| StageRow {
                name: &s.name,
                before: self.before.flow(&s.id),
                after: self.after.flow(&s.id),
            })
            .collect();
        rows.extend(
            self.before
                .stages
                .iter()
                .filter(|s| !self.after.stages.iter().any(|a| a.id == s.id))
                .map(|s| StageRow {
                    name: &s.name,
                    before: self.before.flow(&s.id),
                    after: None,
                }),
        );
        rows
    }

    /// Every exit criterion of either side, stage by stage as [`Comparison::stages`] orders
    /// them (a criterion is the same on both sides when its stage and text are).
    pub fn criteria(&self) -> Vec<CriterionRow<'_>> {
        let side_of = |side: &Side, id: &StageId, text: &str| {
            let stage = side.stages.iter().find(|s| &s.id == id)?;
            stage.checklist.iter().any(|c| c == text).then(|| {
                let compliance = side.compliance(id);
                let skipped = compliance
                    .and_then(|c| c.skipped.iter().find(|(item, _)| item == text))
                    .map_or(0, |(_, n)| *n);
                (skipped, compliance.map_or(0, |c| c.moves_on))
            })
        };
        let mut rows: Vec<CriterionRow> = Vec::new();
        let stages = self.after.stages.iter().chain(
            self.before
                .stages
                .iter()
                .filter(|s| !self.after.stages.iter().any(|a| a.id == s.id)),
        );
        for stage in stages {
            let before = self.before.stages.iter().find(|s| s.id == stage.id);
            let texts = stage.checklist.iter().chain(
                before
                    .into_iter()
                    .flat_map(|b| b.checklist.iter())
                    .filter(|c| !stage.checklist.contains(c)),
            );
            for text in texts {
                rows.push(CriterionRow {
                    stage: &stage.name,
                    criterion: text,
                    before: side_of(&self.before, &stage.id, text),
                    after: side_of(&self.after, &stage.id, text),
                });
            }
        }
        rows
    }
}

/// Change `n` of a board's process (1-based), with the deals worked under the version before
/// it (from the change before, or the beginning) and under the version it made (up to the next
/// change, or now).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeComparison {
    pub change: usize,
    pub at: DateTime<Utc>,
    pub reason: String,
    pub comparison: Comparison,
}

impl ChangeComparison {
    /// `None` when the board has no change `n`. Only `owner`'s deals, if named.
    pub fn of(
        board: &Board,
        n: usize,
        owner: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Option<ChangeComparison> {
        let change = board.process_log.get(n.checked_sub(1)?)?;
        let offset = *now.offset();
        let previous = n.checked_sub(2).map(|i| board.process_log[i].at);
        let next = board.process_log.get(n).map(|c| c.at);
        let now_end = now.to_utc() + chrono::Duration::seconds(1);
        let before = Window {
            start: previous,
            end: change.at,
            offset,
        };
        let after = Window {
            start: Some(change.at),
            end: next.map_or(now_end, |at| at.min(now_end)),
            offset,
        };
        Some(ChangeComparison {
            change: n,
            at: change.at,
            reason: change.reason.clone(),
            comparison: Comparison {
                before: Side::of(board, board.stages_of_version(n - 1), before, owner, now),
                after: Side::of(board, board.stages_of_version(n), after, owner, now),
            },
        })
    }
}
