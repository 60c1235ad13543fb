//! Reading a board file, with an exact account of anything wrong in it.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{Board, FORMAT_VERSION, Problem};

use super::format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    Missing,
    Unreadable(String),
    Empty,
    NotUtf8 {
        line: usize,
    },
    /// Lines left by an unfinished `git merge`.
    ConflictMarkers {
        lines: Vec<usize>,
    },
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    TooNew {
        found: u32,
    },
    /// The file parses but breaks the board's rules; each problem with its line when known.
    Invalid(Vec<(Problem, Option<usize>)>),
}

pub fn load(path: &Path) -> Result<Board, LoadError> {
    let fail = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => fail(LoadErrorKind::Missing),
        _ => fail(LoadErrorKind::Unreadable(e.to_string())),
    })?;
    parse(&bytes).map_err(fail)
}

/// Turns the bytes of a board file into a sound board, or says exactly what is wrong.
pub fn parse(bytes: &[u8]) -> Result<Board, LoadErrorKind> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            return Err(LoadErrorKind::NotUtf8 { line });
        }
    };
    if text.trim().is_empty() {
        return Err(LoadErrorKind::Empty);
    }
    let conflicts = conflict_marker_lines(text);
    if !conflicts.is_empty() {
        return Err(LoadErrorKind::ConflictMarkers { lines: conflicts });
    }
    let mut board = match format::from_text(text) {
        Ok(board) if board.version > FORMAT_VERSION => {
            return Err(LoadErrorKind::TooNew {
                found: board.version,
            });
        }
        Ok(board) => board,
        // A newer dealboard may have written fields this one does not know: say "too new"
        // rather than complain about them.
        Err(e) => {
            return Err(match format::version_of(text) {
                Some(found) if found > FORMAT_VERSION => LoadErrorKind::TooNew { found },
                _ => LoadErrorKind::Syntax {
                    line: e.span.start.line,
                    column: e.span.start.col,
                    message: e.code.to_string(),
                },
            });
        }
    };
    board.normalize();
    let problems = board.problems();
    if problems.is_empty() {
        Ok(board)
    } else {
        let located = problems
            .into_iter()
            .map(|p| {
                let line = p.deal().and_then(|id| line_of_deal(text, id.0));
                (p, line)
            })
            .collect();
        Err(LoadErrorKind::Invalid(located))
    }
}

fn conflict_marker_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") || *line == "======="
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The line holding `id: N` of deal N, so an error can point at the deal in the file.
fn line_of_deal(text: &str, id: u64) -> Option<usize> {
    let deals_start = text.find("deals:")?;
    let wanted = format!("id: {id}");
    let before = text[..deals_start].lines().count();
    text[deals_start..]
        .lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches('(').trim_start();
            line.strip_prefix(&wanted)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ' ', ')']))
        })
        .map(|i| before + i)
}
