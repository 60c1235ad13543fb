//! The process's own history: every change to the stages (added, removed, renamed, reordered,
//! probability, rot days, phase, exit criteria), when it was made and why. Each entry keeps the
//! stages as they were before it, so any version of the process can be looked at again and a
//! deal's moves can be told apart by the version they were made under (from their times: no
//! deal carries a version). Version 0 is the process before the first change; change `n` makes
//! version `n`.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::board::Board;
use super::deal::DealId;
use super::limits;
use super::patch::Patch;
use super::stage::{Phase, Stage, StageId};

/// The most changes a board keeps: a process changed every day for years. Older ones go first.
pub const MAX_PROCESS_CHANGES: usize = 2_000;

/// One change to the process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessChange {
    pub at: DateTime<Utc>,
    /// Why, as typed when the change was saved ("criteria from the top three sellers").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The stages before the change. Those after it are the next change's `before`, or the
    /// board's own stages after the last change.
    pub before: Vec<Stage>,
}

/// Stages moved within this many minutes of the last move make one change in the log.
const REORDER_MINUTES: i64 = 10;

/// Whether `after` is `before` in another order (or the same).
fn only_order(before: &[Stage], after: &[Stage]) -> bool {
    before.len() == after.len() && before.iter().all(|s| after.contains(s))
}

/// When a change to the process is made, and the reason typed for it (may be empty).
#[derive(Clone, Copy, Debug)]
pub struct Why<'a> {
    pub at: DateTime<Utc>,
    pub reason: &'a str,
}

/// What one change did to one stage, worked out from the stages before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageEdit {
    Added {
        name: String,
        at: usize,
    },
    Removed {
        name: String,
    },
    Renamed {
        from: String,
        to: String,
    },
    /// Now at `to` (1-based) among the stages.
    Moved {
        name: String,
        to: usize,
    },
    Probability {
        name: String,
        from: u8,
        to: u8,
    },
    RotDays {
        name: String,
        from: u32,
        to: u32,
    },
    Phase {
        name: String,
        from: Phase,
        to: Phase,
    },
    CriterionAdded {
        name: String,
        text: String,
    },
    CriterionRemoved {
        name: String,
        text: String,
    },
    CriterionReworded {
        name: String,
        from: String,
        to: String,
    },
}

/// What turned `before` into `after`, stage by stage (by id: a renamed stage is the same
/// stage). A criterion removed and another added in its place in one change is a rewording.
pub fn stage_edits(before: &[Stage], after: &[Stage]) -> Vec<StageEdit> {
    let mut edits = Vec::new();
    let find = |stages: &[Stage], id: &StageId| stages.iter().position(|s| &s.id == id);
    for old in before.iter().filter(|s| find(after, &s.id).is_none()) {
        edits.push(StageEdit::Removed {
            name: old.name.clone(),
        });
    }
    for (at, new) in after.iter().enumerate() {
        let Some(old) = find(before, &new.id).map(|i| &before[i]) else {
            edits.push(StageEdit::Added {
                name: new.name.clone(),
                at: at + 1,
            });
            continue;
        };
        let name = new.name.clone();
        if old.name != new.name {
            edits.push(StageEdit::Renamed {
                from: old.name.clone(),
                to: new.name.clone(),
            });
        }
        if old.probability != new.probability {
            edits.push(StageEdit::Probability {
                name: name.clone(),
                from: old.probability,
                to: new.probability,
            });
        }
        if old.rot_days != new.rot_days {
            edits.push(StageEdit::RotDays {
                name: name.clone(),
                from: old.rot_days,
                to: new.rot_days,
            });
        }
        if old.phase != new.phase {
            edits.push(StageEdit::Phase {
                name: name.clone(),
                from: old.phase,
                to: new.phase,
            });
        }
        edits.extend(criterion_edits(&name, &old.checklist, &new.checklist));
    }
    for at in moved(before, after) {
        edits.push(StageEdit::Moved {
            name: after[at].name.clone(),
            to: at + 1,
        });
    }
    edits
}

fn criterion_edits(name: &str, before: &[String], after: &[String]) -> Vec<StageEdit> {
    let removed: Vec<&String> = before.iter().filter(|c| !after.contains(c)).collect();
    let added: Vec<&String> = after.iter().filter(|c| !before.contains(c)).collect();
    let reworded = removed.len().min(added.len());
    let mut edits: Vec<StageEdit> = removed
        .iter()
        .zip(&added)
        .map(|(from, to)| StageEdit::CriterionReworded {
            name: name.to_string(),
            from: from.to_string(),
            to: to.to_string(),
        })
        .collect();
    edits.extend(
        removed[reworded..]
            .iter()
            .map(|text| StageEdit::CriterionRemoved {
                name: name.to_string(),
                text: text.to_string(),
            }),
    );
    edits.extend(
        added[reworded..]
            .iter()
            .map(|text| StageEdit::CriterionAdded {
                name: name.to_string(),
                text: text.to_string(),
            }),
    );
    edits
}

/// Positions in `after` of the stages kept from `before` that changed place: those outside the
/// longest run of kept stages still in their old order.
fn moved(before: &[Stage], after: &[Stage]) -> Vec<usize> {
    let kept: Vec<usize> = (0..after.len())
        .filter(|i| before.iter().any(|s| s.id == after[*i].id))
        .collect();
    let old_place = |i: usize| before.iter().position(|s| s.id == after[i].id);
    // Longest increasing run of old places (stages are few: the quadratic way is plenty).
    let places: Vec<usize> = kept.iter().filter_map(|i| old_place(*i)).collect();
    let n = places.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![None; n];
    for j in 0..n {
        for i in 0..j {
            if places[i] < places[j] && length[i] + 1 > length[j] {
                length[j] = length[i] + 1;
                previous[j] = Some(i);
            }
        }
    }
    let mut in_order = vec![false; n];
    let mut at = (0..n).max_by_key(|j| (length[*j], std::cmp::Reverse(*j)));
    while let Some(j) = at {
        in_order[j] = true;
        at = previous[j];
    }
    kept.into_iter()
        .zip(in_order)
        .filter(|(_, ordered)| !ordered)
        .map(|(i, _)| i)
        .collect()
}

impl Board {
    /// The version of the process in force at `at`: how many changes were made by then.
    pub fn process_version_at(&self, at: DateTime<Utc>) -> usize {
        self.process_log.partition_point(|c| c.at <= at)
    }

    /// The stages of version `n` (0: before the first change; the last: the board's own).
    pub fn stages_of_version(&self, n: usize) -> &[Stage] {
        match self.process_log.get(n) {
            Some(change) => &change.before,
            None => &self.stages,
        }
    }

    /// What change `n` (1-based) did.
    pub fn edits_of_change(&self, n: usize) -> Vec<StageEdit> {
        if n == 0 || n > self.process_log.len() {
            return Vec::new();
        }
        stage_edits(self.stages_of_version(n - 1), self.stages_of_version(n))
    }

    /// Gives change `n` (1-based) another reason. `None` when there is no such change or the
    /// reason is the same.
    pub fn set_change_reason(&mut self, n: usize, reason: &str) -> Option<Patch> {
        let reason = limits::fit_line(reason);
        let index = n.checked_sub(1)?;
        if self.process_log.get(index)?.reason == reason {
            return None;
        }
        Some(self.record(&[], |board| board.process_log[index].reason = reason))
    }

    /// Makes a change to the stages (and to `deals`) as one undoable step, written in the log
    /// with its time and reason. A change that leaves the stages as they were is not logged.
    pub(super) fn change_process(
        &mut self,
        deals: &[DealId],
        why: Why<'_>,
        edit: impl FnOnce(&mut Board),
    ) -> Patch {
        let before = self.stages.clone();
        let reason = limits::fit_line(why.reason);
        self.record(deals, |board| {
            edit(board);
            if board.stages == before {
                return;
            }
            // Stages put in order a step at a time (`J J J`) make one change, not three.
            if let Some(last) = board.process_log.last()
                && reason.is_empty()
                && last.reason.is_empty()
                && (why.at - last.at) < TimeDelta::minutes(REORDER_MINUTES)
                && only_order(&last.before, &before)
                && only_order(&before, &board.stages)
            {
                if last.before == board.stages {
                    board.process_log.pop();
                } else if let Some(last) = board.process_log.last_mut() {
                    // Ten minutes from the latest step, not the first.
                    last.at = why.at;
                }
                return;
            }
            board.log_process_change(ProcessChange {
                at: why.at,
                reason,
                before,
            });
        })
    }

    /// Adds `change` to the log, kept in time order, dropping the oldest past the limit.
    pub fn log_process_change(&mut self, mut change: ProcessChange) {
        // Each change follows the one before it (its `before` is what that one left), so a
        // change is never put before one logged already, even by a clock behind a teammate's.
        if let Some(last) = self.process_log.last() {
            change.at = change.at.max(last.at);
        }
        self.process_log.push(change);
        let over = self.process_log.len().saturating_sub(MAX_PROCESS_CHANGES);
        self.process_log.drain(..over);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(id: &str, checklist: &[&str]) -> Stage {
        Stage {
            id: StageId(id.into()),
            name: id.to_uppercase(),
            probability: 10,
            rot_days: 7,
            phase: Phase::PreSale,
            checklist: checklist.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn a_swap_of_two_stages_is_one_move_and_criteria_retyped_are_reworded() {
        let before = [stage("a", &["x", "y"]), stage("b", &[]), stage("c", &[])];
        let mut after = [stage("b", &[]), stage("a", &["x", "z"]), stage("c", &[])];
        after[1].name = "Alpha".into();
        let edits = stage_edits(&before, &after);
        assert_eq!(
            edits,
            [
                StageEdit::Renamed {
                    from: "A".into(),
                    to: "Alpha".into()
                },
                StageEdit::CriterionReworded {
                    name: "Alpha".into(),
                    from: "y".into(),
                    to: "z".into()
                },
                StageEdit::Moved {
                    name: "Alpha".into(),
                    to: 2
                },
            ]
        );
    }

    #[test]
    fn stages_added_and_removed_are_not_moves() {
        let before = [stage("a", &[]), stage("b", &[])];
        let after = [stage("a", &["new"]), stage("c", &[])];
        assert_eq!(
            stage_edits(&before, &after),
            [
                StageEdit::Removed { name: "B".into() },
                StageEdit::CriterionAdded {
                    name: "A".into(),
                    text: "new".into()
                },
                StageEdit::Added {
                    name: "C".into(),
                    at: 2
                },
            ]
        );
    }
}
