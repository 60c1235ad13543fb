//! The process's log of changes as JSON (`dealboard process log --format json`, and in the
//! board's export): each change with its number, time, reason, what it did and the stages after.

use serde::Serialize;

use super::board_json::StageJson;
use super::utc;
use crate::model::{Board, Phase, StageEdit};

#[derive(Serialize, Debug)]
pub struct ChangeJson<'a> {
    /// 1 is the first change; the process before it is version 0.
    pub change: usize,
    pub at: String,
    pub reason: &'a str,
    pub edits: Vec<EditJson>,
    /// The stages as the change left them.
    pub stages: Vec<StageJson<'a>>,
}

/// One thing a change did. `kind` is one of `stage_added`, `stage_removed`, `stage_renamed`,
/// `stage_moved`, `probability`, `rot_days`, `phase`, `criterion_added`, `criterion_removed`,
/// `criterion_reworded`; the other fields are there when they apply.
#[derive(Serialize, Debug, Default)]
pub struct EditJson {
    pub kind: &'static str,
    pub stage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
}

fn phase(phase: &Phase) -> String {
    super::board_json::phase_name(*phase).to_string()
}

impl EditJson {
    pub fn of(edit: &StageEdit) -> EditJson {
        let with = |kind, stage: &str| EditJson {
            kind,
            stage: stage.to_string(),
            ..EditJson::default()
        };
        let from_to = |kind, stage: &str, from: String, to: String| EditJson {
            from: Some(from),
            to: Some(to),
            ..with(kind, stage)
        };
        match edit {
            StageEdit::Added { name, at } => EditJson {
                to: Some(at.to_string()),
                ..with("stage_added", name)
            },
            StageEdit::Removed { name } => with("stage_removed", name),
            StageEdit::Renamed { from, to } => {
                from_to("stage_renamed", to, from.clone(), to.clone())
            }
            StageEdit::Moved { name, to } => EditJson {
                to: Some(to.to_string()),
                ..with("stage_moved", name)
            },
            StageEdit::Probability { name, from, to } => {
                from_to("probability", name, from.to_string(), to.to_string())
            }
            StageEdit::RotDays { name, from, to } => {
                from_to("rot_days", name, from.to_string(), to.to_string())
            }
            StageEdit::Phase { name, from, to } => from_to("phase", name, phase(from), phase(to)),
            StageEdit::CriterionAdded { name, text } => EditJson {
                criterion: Some(text.clone()),
                ..with("criterion_added", name)
            },
            StageEdit::CriterionRemoved { name, text } => EditJson {
                criterion: Some(text.clone()),
                ..with("criterion_removed", name)
            },
            StageEdit::CriterionReworded { name, from, to } => {
                from_to("criterion_reworded", name, from.clone(), to.clone())
            }
        }
    }
}

/// Every change of `board`'s log, oldest first.
pub fn process_log_json(board: &Board) -> Vec<ChangeJson<'_>> {
    board
        .process_log
        .iter()
        .enumerate()
        .map(|(i, change)| ChangeJson {
            change: i + 1,
            at: utc(&change.at),
            reason: &change.reason,
            edits: board
                .edits_of_change(i + 1)
                .iter()
                .map(EditJson::of)
                .collect(),
            stages: board
                .stages_of_version(i + 1)
                .iter()
                .map(StageJson::of)
                .collect(),
        })
        .collect()
}
