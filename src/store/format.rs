//! The board file's text: RON, pretty-printed the same way every time, so that the same board
//! always gives the same bytes and `git diff` shows only what changed.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use crate::model::{Board, FORMAT_VERSION};

/// Written at the top of every saved board.
const HEADER: &str = "// dealboard board file. Edit by hand only while dealboard is closed, then run \
`dealboard check`.\n// The format is described in the README (\"The board file\").\n";

pub fn to_text(board: &Board) -> Result<String, ron::Error> {
    let mut bytes = Vec::new();
    write_board(&mut bytes, board)?;
    String::from_utf8(bytes).map_err(|e| ron::Error::Message(e.to_string()))
}

/// Writes `board`'s text to `out` as it is made: a big board's text is never in memory whole.
pub(super) fn write_board(out: &mut dyn std::io::Write, board: &Board) -> Result<(), ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .depth_limit(4)
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    out.write_all(HEADER.as_bytes())?;
    ron::Options::default().to_io_writer_pretty(&mut *out, board, config)?;
    out.write_all(b"\n")?;
    Ok(())
}

pub(super) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The board in `text`: read quickly when it is written the way dealboard writes boards (on
/// two cores when it is big), else by ron, which reads any RON and places errors.
pub fn from_text(text: &str) -> Result<Board, ron::error::SpannedError> {
    let halves = (text.len() >= HALVES_FROM_BYTES)
        .then(|| read_in_halves(text))
        .flatten();
    match halves.or_else(|| super::canonical::board(text)) {
        Some(board) => Ok(board),
        None => options().from_str(text),
    }
}

/// How every deal's text begins in a board file as written here: at the deals list's depth,
/// with its numeric id first (a stage's id, at the same depth, is quoted).
pub(super) const DEAL_START: &str = "\n        (\n            id: ";
/// How the deals list starts in a board file written here.
pub(super) const BEFORE_DEALS: &str = "\n    deals: [\n";
/// How a board file written here ends after its last deal: the deals list is the last field.
pub(super) const AFTER_DEALS: &str = "    ],\n)\n";
/// Files smaller than this are read whole: two threads would not pay for themselves.
const HALVES_FROM_BYTES: usize = 4 << 20;

/// Where the first deal starts in `bytes` at or after byte `from`: its indentation, after the
/// line end of a [`DEAL_START`] with a numeric id (a stage's id, at the same depth, is quoted).
/// A deal's own text (a note, say) can hold what looks like a start too: callers check that
/// each piece cut at starts reads.
pub(super) fn deal_start_after(bytes: &[u8], from: usize) -> Option<usize> {
    let pattern = DEAL_START.as_bytes();
    let mut at = from;
    while let Some(found) = bytes
        .get(at..)?
        .windows(pattern.len())
        .position(|w| w == pattern)
    {
        let start = at + found;
        if bytes
            .get(start + pattern.len())
            .is_some_and(u8::is_ascii_digit)
        {
            return Some(start + 1);
        }
        at = start + 1;
    }
    None
}

/// A big board file as written here, read on two cores: the board without its deals, and the
/// deals of each half of the deals' text at once. `None` for anything else, or anything that
/// does not read: it is then read whole. A start of a deal forged inside a text cuts that text
/// in two, so the piece before it cannot read.
fn read_in_halves(text: &str) -> Option<Board> {
    if !text.ends_with(AFTER_DEALS) {
        return None;
    }
    let first = deal_start_after(text.as_bytes(), 0)?;
    // The list cut in halves is the deals (a hand edit could have renamed it).
    if !text[..first].ends_with(BEFORE_DEALS) {
        return None;
    }
    let end = text.len() - AFTER_DEALS.len();
    let middle =
        deal_start_after(text.as_bytes(), first + (end - first) / 2).filter(|m| *m < end)?;
    let deals_in = super::canonical::deals;
    let (front, back) = crate::two_cores::both(
        true,
        || deals_in(&text[first..middle]),
        || deals_in(&text[middle..end]),
    );
    let mut board = super::canonical::board(&format!("{}{AFTER_DEALS}", &text[..first]))?;
    if board.version != FORMAT_VERSION || !board.deals.is_empty() {
        return None;
    }
    let mut deals = front?;
    deals.extend(back?);
    board.deals = deals;
    Some(board)
}

/// Only the `version` field, read before the rest so that a file from a newer dealboard gets a
/// clear "too new" message rather than a confusing complaint about a field this build lacks.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

pub fn version_of(text: &str) -> Option<u32> {
    options()
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|p| p.version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_boards::{demo, moment};

    fn whole(text: &str) -> Board {
        options().from_str(text).unwrap()
    }

    #[test]
    fn a_big_file_read_in_halves_is_the_board_read_whole() {
        let board = demo(4000);
        let text = to_text(&board).unwrap();
        assert!(
            text.len() >= HALVES_FROM_BYTES,
            "big enough to be read in halves"
        );
        assert_eq!(read_in_halves(&text), Some(whole(&text)));
        assert_eq!(whole(&text), board);
    }

    #[test]
    fn a_big_list_of_deals_under_another_name_is_not_read_as_the_deals() {
        let mut board = demo(4000);
        board.sources.clear();
        let text = to_text(&board)
            .unwrap()
            .replacen(BEFORE_DEALS, "\n    sources: [\n", 1);
        assert!(text.len() >= HALVES_FROM_BYTES);
        assert!(
            from_text(&text).is_err(),
            "ron refuses deals where sources go"
        );
    }

    #[test]
    fn texts_that_look_like_deals_do_not_fool_the_halves() {
        let mut board = demo(4000);
        let forged = format!("{DEAL_START}5,\n        ),\n{DEAL_START}6,\n");
        let ids: Vec<_> = board.deals.iter().map(|d| d.id).collect();
        for id in ids.into_iter().step_by(3) {
            board
                .edit_deal(id, moment(), |d| d.notes = forged.clone())
                .unwrap();
        }
        let text = to_text(&board).unwrap();
        assert_eq!(from_text(&text).unwrap(), board);
    }
}
