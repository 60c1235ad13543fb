//! Which board stage a file's stage name means: `--map-stage` first, then the board's own names.

use super::{ImportError, ImportOptions};
use crate::model::{Board, Phase, Problem, Stage, StageId};
use crate::text::t;
use crate::text::{Quoted, fill, quote};

pub(super) struct StageFinder<'a> {
    board: &'a Board,
    /// `--map-stage` entries: the file's name lowercased, and the board stage it means.
    map: Vec<(String, StageId)>,
}

impl<'a> StageFinder<'a> {
    /// Refuses a `--map-stage` whose board stage does not exist before any row is read, so a
    /// typo there is one message, not one per row.
    pub fn new(board: &'a Board, options: &ImportOptions) -> Result<StageFinder<'a>, ImportError> {
        if board.stages.is_empty() {
            return Err(ImportError(Problem::NoStages.to_string()));
        }
        let mut map = Vec::new();
        for (old, new) in &options.stage_map {
            let stage = board.find_stage(new).ok_or_else(|| {
                let entry = format!("{old}={new}");
                ImportError(fill(
                    t().import.bad_stage_map,
                    &[
                        ("entry", &Quoted(&entry)),
                        ("name", &Quoted(new.trim())),
                        ("stages", &stage_list(board)),
                    ],
                ))
            })?;
            map.push((old.trim().to_lowercase(), stage.id.clone()));
        }
        Ok(StageFinder { board, map })
    }

    /// The board stage a file's stage name means: a `--map-stage` entry, else a board stage of
    /// that name (or id) in any case. Not a number: a stage called `3` in a file is a name.
    pub fn find(&self, written: &str) -> Result<StageId, String> {
        let lower = written.trim().to_lowercase();
        let mapped = self.map.iter().find(|(old, _)| *old == lower);
        if let Some((_, stage)) = mapped {
            return Ok(stage.clone());
        }
        let by = |matches: &dyn Fn(&Stage) -> bool| self.board.stages.iter().find(|s| matches(s));
        by(&|s| s.name.trim().to_lowercase() == lower)
            .or_else(|| by(&|s| s.id.as_str() == lower))
            .map(|s| s.id.clone())
            .ok_or_else(|| {
                fill(
                    t().import.unknown_stage,
                    &[
                        ("stage", &Quoted(written.trim())),
                        ("stages", &stage_list(self.board)),
                    ],
                )
            })
    }

    /// Where an open deal without a stage goes.
    pub fn first(&self) -> StageId {
        self.board.stages[0].id.clone()
    }

    /// Where a closed deal goes when the file does not say: the last stage before the sale
    /// (the first stage when the board has none).
    pub fn closing(&self) -> StageId {
        self.board
            .stages
            .iter()
            .rev()
            .find(|s| s.phase == Phase::PreSale)
            .map_or_else(|| self.first(), |s| s.id.clone())
    }
}

fn stage_list(board: &Board) -> String {
    let names: Vec<String> = board.stages.iter().map(|s| quote(&s.name)).collect();
    names.join(t().import.stage_separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::default_board;

    fn options(map: &[(&str, &str)]) -> ImportOptions {
        ImportOptions {
            stage_map: map
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            owner: None,
        }
    }

    #[test]
    fn names_in_any_case_ids_and_the_map_first() {
        let board = default_board().unwrap();
        let map = options(&[("Lead", "Qualification"), ("Demo Scheduled", "4")]);
        let finder = StageFinder::new(&board, &map).unwrap();
        let found = |name| finder.find(name).map(|s| s.0);
        assert_eq!(
            found("lead"),
            Ok("qualification".into()),
            "the map comes first"
        );
        assert_eq!(found(" demo scheduled "), Ok("proposal-sent".into()));
        assert_eq!(
            found("PROPOSAL PREPARATION"),
            Ok("proposal-preparation".into())
        );
        assert_eq!(found("contract-invoice"), Ok("contract-invoice".into()));
        assert_eq!(
            found("3"),
            Err("stage “3” is not on the board; import again with --map-stage \"3=<board stage>\". \
                 The board's stages are: Lead, Qualification, Proposal preparation, \
                 Proposal sent, Negotiation, Agreed, Contract & invoice, Delivery, \
                 Customer training, After-sale"
                .into())
        );
        assert_eq!(finder.first().as_str(), "lead");
        assert_eq!(finder.closing().as_str(), "contract-invoice");
    }

    #[test]
    fn a_map_to_no_board_stage_refuses_the_file() {
        let board = default_board().unwrap();
        let error = StageFinder::new(&board, &options(&[("Won", "Signed")]))
            .err()
            .unwrap();
        assert!(
            error
                .0
                .starts_with("--map-stage \"Won=Signed\": the board has no stage “Signed”."),
            "{}",
            error.0
        );
    }
}
