//! Reading a board file, with an exact account of anything wrong in it.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::{Board, DealId, FORMAT_VERSION, Problem};

use super::fingerprint::Fingerprint;
use super::format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
    /// The newest backup beside the file, if there is one, to suggest copying back.
    pub backup: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    Missing,
    Unreadable(String),
    /// A folder, a device, a pipe: nothing a board could be read from (or one that never ends).
    NotAFile,
    /// Larger than any board: [`MAX_FILE_BYTES`].
    TooLarge,
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

/// The largest board file read: a hundred thousand deals take about a tenth of it.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads the board at `path` (through any symbolic link), what the file held, and the format
/// version it was written in (older ones are brought up to this one).
pub(super) fn read(path: &Path, target: &Path) -> Result<(Board, Fingerprint, u32), LoadError> {
    let fail = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
        backup: super::backups::newest_backup(target),
    };
    let (file, meta) = open_bounded(target).map_err(fail)?;
    let len = meta.len();
    #[cfg(unix)]
    if len >= super::format::BIG_FILE_BYTES as u64
        && let Some((board, hash)) = super::pieces::read(&file, len)
        && let Some(board) = sound(board)
    {
        return Ok((
            board,
            Fingerprint::of(Some(&meta), len, hash),
            FORMAT_VERSION,
        ));
    }
    let bytes = read_whole(file, len).map_err(fail)?;
    // What the open file was before it was read: the name may hold another file by now.
    let fingerprint = Fingerprint::of_bytes(Some(&meta), &bytes);
    let (board, written) = parse_as_written(&bytes).map_err(fail)?;
    Ok((board, fingerprint, written))
}

/// A regular file of at most [`MAX_FILE_BYTES`], and its length. Opened without waiting (a pipe
/// put where the board was would otherwise wait for a writer forever) and looked at once open,
/// so what is read is what was checked.
pub(super) fn open_bounded(
    target: &Path,
) -> Result<(std::fs::File, std::fs::Metadata), LoadErrorKind> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(target).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(LoadErrorKind::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadErrorKind::TooLarge);
    }
    Ok((file, meta))
}

/// Every byte of `file` (of `len` bytes when looked at), up to [`MAX_FILE_BYTES`].
pub(super) fn read_whole(file: std::fs::File, len: u64) -> Result<Vec<u8>, LoadErrorKind> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadErrorKind::TooLarge);
    }
    Ok(bytes)
}

fn unreadable(e: io::Error) -> LoadErrorKind {
    match e.kind() {
        io::ErrorKind::NotFound => LoadErrorKind::Missing,
        _ => LoadErrorKind::Unreadable(super::io_message(&e)),
    }
}

/// A board read quickly (each deal checked by itself as it was read), made sound as `parse`
/// makes it; `None` when it has problems, which reading the file whole then places at their
/// lines.
#[cfg(unix)]
fn sound(mut board: Board) -> Option<Board> {
    board.normalize();
    board
        .problems_besides_deals_own()
        .is_empty()
        .then_some(board)
}

/// Turns the bytes of a board file into a sound board, or says exactly what is wrong.
pub fn parse(bytes: &[u8]) -> Result<Board, LoadErrorKind> {
    parse_as_written(bytes).map(|(board, _)| board)
}

/// [`parse`], and the format version the file was written in.
fn parse_as_written(bytes: &[u8]) -> Result<(Board, u32), LoadErrorKind> {
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
    let mut board = match format::from_text(text) {
        Ok(board) if board.version > FORMAT_VERSION => {
            return Err(LoadErrorKind::TooNew {
                found: board.version,
            });
        }
        Ok(board) => board,
        Err(e) => return Err(explain_unreadable(text, e)),
    };
    let written = board.version;
    board = migrate(board);
    board.normalize();
    let problems = board.problems();
    if problems.is_empty() {
        return Ok((board, written));
    }
    let mut seen = Vec::new();
    let located = problems
        .into_iter()
        .map(|p| {
            let line = p.deal().and_then(|id| {
                // A repeated id is pointed at where it repeats, not where it first appears.
                let nth = seen.iter().filter(|s| **s == id).count();
                seen.push(id);
                line_of_deal(text, id, nth)
            });
            let line = line
                .or_else(|| p.stage().and_then(|id| line_of_stage(text, id)))
                .or_else(|| match &p {
                    Problem::BoardText { field, .. } => line_of_board_field(text, field),
                    _ => None,
                });
            (p, line)
        })
        .collect();
    Err(LoadErrorKind::Invalid(located))
}

/// Brings a board from an older file format up to this one (it is written as the new version
/// on the next save, after the store kept the older file: see `Store::save`). Version 1 lacked
/// lost reasons, lead sources, sorting, referrals, done actions and the richer stage history;
/// version 2 the ids of imported deals and the changes of expected close dates; version 3
/// exchange rates: all of them default to empty. Up to version 4 a deal had one next action,
/// which becomes its first activity, and companies and contacts were text on each deal, which
/// become records.
fn migrate(mut board: Board) -> Board {
    for deal in board.deals.iter_mut() {
        if !deal.old_next_action.is_empty() || deal.old_next_action_due.is_some() {
            std::sync::Arc::make_mut(deal).take_old_next_action();
        }
    }
    if board.version < 5 {
        board.make_records_from_deals();
    }
    board.version = FORMAT_VERSION;
    board
}

/// Why text that is not a readable board is not: unresolved merge conflicts, a board from a
/// newer dealboard (which may have fields this one lacks), or a plain syntax error.
fn explain_unreadable(text: &str, error: ron::error::SpannedError) -> LoadErrorKind {
    let conflicts = conflict_marker_lines(text);
    if !conflicts.is_empty() {
        return LoadErrorKind::ConflictMarkers { lines: conflicts };
    }
    match format::version_of(text) {
        Some(found) if found > FORMAT_VERSION => LoadErrorKind::TooNew { found },
        _ => LoadErrorKind::Syntax {
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        },
    }
}

pub(super) fn conflict_marker_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.starts_with("<<<<<<< ") || line.starts_with(">>>>>>> ") || *line == "======="
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The line where the board's own `field` (`name:`, `owner:`, `sources:` ...) is written: the
/// first line that starts with it, before the stages.
fn line_of_board_field(text: &str, field: &str) -> Option<usize> {
    let wanted = format!("{field}:");
    let before_stages = text.find("stages:").unwrap_or(text.len());
    text[..before_stages]
        .lines()
        .position(|line| line.trim_start().starts_with(&wanted))
        .map(|i| i + 1)
}

/// The line where stage `id` is written in the stages list (the last such line: a repeated id
/// is pointed at where it repeats).
fn line_of_stage(text: &str, id: &crate::model::StageId) -> Option<usize> {
    let start = text.find("stages:")?;
    let end = text[start..]
        .find("deals:")
        .map_or(text.len(), |e| start + e);
    let first_line = 1 + text[..start].matches('\n').count();
    let wanted = format!("id: {:?}", id.0);
    text[start..end]
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(&wanted))
        .map(|(i, _)| first_line + i)
        .last()
}

/// The line of the `nth` (from 0) `id: N` of deal N in the deals list, so an error can point at
/// the deal in the file. A best guess: text inside notes could fool it.
fn line_of_deal(text: &str, id: DealId, nth: usize) -> Option<usize> {
    let deals_start = text
        .find("\n    deals:")
        .map(|i| i + 1)
        .or_else(|| text.find("deals:"))?;
    let first_line = 1 + text[..deals_start].matches('\n').count();
    let wanted = format!("id: {id}");
    text[deals_start..]
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start().trim_start_matches('(').trim_start();
            line.strip_prefix(&wanted)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ' ', ')']))
        })
        .nth(nth)
        .map(|(i, _)| first_line + i)
}
