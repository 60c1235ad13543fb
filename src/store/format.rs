//! The board file's text: RON, pretty-printed the same way every time, so that the same board
//! always gives the same bytes and `git diff` shows only what changed.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use std::ops::Range;
use std::sync::Arc;

use crate::model::{Board, Deal, FORMAT_VERSION};

/// Written at the top of every saved board.
const HEADER: &str = "// dealboard board file. Edit by hand only while dealboard is closed, then run \
`dealboard check`.\n// The format is described in the README (\"The board file\").\n";

pub fn to_text(board: &Board) -> Result<String, ron::Error> {
    let mut bytes = Vec::new();
    write_board(&mut bytes, board, None)?;
    String::from_utf8(bytes).map_err(|e| ron::Error::Message(e.to_string()))
}

/// A piece of deals as written in a file: the next save copies it from there when none of
/// its deals changed (the same allocations: a change copies the deals it touches).
#[derive(Debug)]
pub(super) struct WrittenPiece {
    /// Held, so that no new deal can take one of their addresses.
    deals: Vec<Arc<Deal>>,
    at: u64,
    len: u64,
    /// XXH3-64 of its bytes: what is copied is checked to be what was written.
    hash: u64,
}

impl WrittenPiece {
    /// `deals`, whose text `text` is at `at` in the file.
    fn of(deals: &[Arc<Deal>], at: u64, text: &[u8]) -> WrittenPiece {
        WrittenPiece {
            deals: deals.to_vec(),
            at,
            len: text.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(text),
        }
    }
}

/// A file as written, and the pieces of deals in it.
pub(super) type Written<'a> = (&'a std::fs::File, &'a [WrittenPiece]);

/// Writes `board`'s text to `out` as it is made, never whole in memory, and tells where each
/// piece of deals went. A big board's deals are written a piece at a time, two pieces at once
/// on two cores (ron makes about 25 MB of text a second): a deal's text does not depend on
/// where in the list it stands, so each piece is written as a board with only those deals and
/// its deals' text taken from that. A piece whose deals are all as they were in `before` is
/// copied from that file instead.
pub(super) fn write_board(
    out: &mut dyn std::io::Write,
    board: &Board,
    before: Option<Written<'_>>,
) -> Result<Vec<WrittenPiece>, ron::Error> {
    let whole = |out: &mut dyn std::io::Write| -> Result<Vec<WrittenPiece>, ron::Error> {
        out.write_all(whole_text(board)?.as_bytes())?;
        Ok(Vec::new())
    };
    if board.deals.len() < 2 * PIECE_DEALS {
        return whole(out);
    }
    // The text of the board with no deals, up to and with `deals: [`, is what comes before
    // the deals in every piece, and in the whole.
    let frame = whole_text(&with_deals(board, Vec::new()))?;
    let Some(frame) = frame.strip_suffix(EMPTY_DEALS_END) else {
        return whole(out);
    };
    out.write_all(frame.as_bytes())?;
    out.write_all(b"\n")?;
    let mut at = frame.len() as u64 + 1;
    // A piece's bytes, and where its deals' text is in them.
    let piece_text =
        |(k, deals): (usize, &[Arc<Deal>])| -> Result<(Vec<u8>, Range<usize>), ron::Error> {
            if let Some(copied) = before.and_then(|b| copied(b, k, deals)) {
                let all = 0..copied.len();
                return Ok((copied, all));
            }
            piece_bytes(board, deals, frame)
        };
    let mut written = Vec::new();
    let mut pieces = board.deals.chunks(PIECE_DEALS).enumerate();
    while let Some(first) = pieces.next() {
        let second = pieces.next();
        let (first_text, second_text) = crate::two_cores::both(
            second.is_some(),
            || piece_text(first),
            || second.map(piece_text).transpose(),
        );
        for (deals, text) in [
            (Some(first.1), Some(first_text?)),
            (second.map(|s| s.1), second_text?),
        ] {
            let (Some(deals), Some((bytes, range))) = (deals, text) else {
                continue;
            };
            let text = &bytes[range];
            out.write_all(text)?;
            written.push(WrittenPiece::of(deals, at, text));
            at += text.len() as u64;
        }
    }
    out.write_all(AFTER_DEALS.as_bytes())?;
    Ok(written)
}

/// The text of `board` with only `deals`, and where the deals' text is in it (after `frame`,
/// the text of the board with no deals up to its list).
fn piece_bytes(
    board: &Board,
    deals: &[Arc<Deal>],
    frame: &str,
) -> Result<(Vec<u8>, Range<usize>), ron::Error> {
    let text = whole_text(&with_deals(board, deals.to_vec()))?;
    let range = deals_text(&text, frame)
        .ok_or_else(|| ron::Error::Message("deals written apart differ".into()))?;
    Ok((text.into_bytes(), range))
}

/// The pieces of `board`'s deals as `file` holds them already, when it holds the board as
/// [`write_board`] writes it (a board just read from its file): the first save after reading
/// then copies what did not change, as every later save does. Pieces are looked for in order,
/// while `go_on` says so and up to the first that differs (what follows is not where it
/// would be written).
pub(super) fn pieces_in(
    file: &std::fs::File,
    board: &Board,
    go_on: impl Fn() -> bool,
) -> Vec<WrittenPiece> {
    let mut found = Vec::new();
    if board.deals.len() < 2 * PIECE_DEALS {
        return found;
    }
    let Ok(frame) = whole_text(&with_deals(board, Vec::new())) else {
        return found;
    };
    let Some(frame) = frame.strip_suffix(EMPTY_DEALS_END) else {
        return found;
    };
    if !holds(file, 0, format!("{frame}\n").as_bytes()) {
        return found;
    }
    let mut at = frame.len() as u64 + 1;
    for deals in board.deals.chunks(PIECE_DEALS) {
        if !go_on() {
            break;
        }
        let Ok((bytes, range)) = piece_bytes(board, deals, frame) else {
            break;
        };
        let text = &bytes[range];
        if !holds(file, at, text) {
            break;
        }
        found.push(WrittenPiece::of(deals, at, text));
        at += text.len() as u64;
    }
    found
}

/// Whether `file` holds `bytes` at `at`.
fn holds(file: &std::fs::File, at: u64, bytes: &[u8]) -> bool {
    let mut there = vec![0; bytes.len()];
    read_exact_at(file, &mut there, at).is_ok() && there == bytes
}

/// Piece `k`'s bytes from the file written before, when it holds exactly `deals`, unchanged, and
/// its bytes are still what was written.
fn copied((file, pieces): Written<'_>, k: usize, deals: &[Arc<Deal>]) -> Option<Vec<u8>> {
    let piece = pieces.get(k)?;
    let same = piece.deals.len() == deals.len()
        && piece
            .deals
            .iter()
            .zip(deals)
            .all(|(a, b)| Arc::ptr_eq(a, b));
    if !same {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(piece.len).ok()?];
    read_exact_at(file, &mut bytes, piece.at).ok()?;
    (xxhash_rust::xxh3::xxh3_64(&bytes) == piece.hash).then_some(bytes)
}

/// Reads at `at` without moving the file's position: pieces are copied on two threads at once.
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

/// Elsewhere nothing is copied: every piece is written afresh.
#[cfg(not(unix))]
fn read_exact_at(_: &std::fs::File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// About what a deal takes in the file (1.7 KB for a demo deal with its history), rounded up.
const BYTES_PER_DEAL: usize = 2048;
/// Deals written as one piece.
const PIECE_DEALS: usize = 256;
/// How the text of a board with no deals ends.
const EMPTY_DEALS_END: &str = "],\n)\n";

/// Where the deals' text is in `text`, a board's text that starts with `before` (the board's
/// text up to its deals): from the first deal to the end of the last.
fn deals_text(text: &str, before: &str) -> Option<Range<usize>> {
    let deals = text
        .strip_prefix(before)?
        .strip_prefix('\n')?
        .strip_suffix(AFTER_DEALS)?;
    let start = before.len() + 1;
    Some(start..start + deals.len())
}

/// `board` with only `deals`.
fn with_deals(board: &Board, deals: Vec<Arc<Deal>>) -> Board {
    Board {
        version: board.version,
        name: board.name.clone(),
        currency: board.currency,
        owner: board.owner.clone(),
        next_deal_id: board.next_deal_id,
        stages: board.stages.clone(),
        lost_reasons: board.lost_reasons.clone(),
        sources: board.sources.clone(),
        sort: board.sort,
        rates: board.rates.clone(),
        companies: board.companies.clone(),
        people: board.people.clone(),
        process_log: board.process_log.clone(),
        deals: deals.into(),
    }
}

/// The board's text made whole, the way ron writes it.
fn whole_text(board: &Board) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .depth_limit(4)
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    // Made at about its size: a text grown step by step is copied at each step.
    let mut text = String::with_capacity(HEADER.len() + 4096 + board.deals.len() * BYTES_PER_DEAL);
    text.push_str(HEADER);
    ron::ser::to_writer_pretty(&mut text, board, config)?;
    text.push('\n');
    Ok(text)
}

pub(super) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The board in `text`: read quickly when it is written the way dealboard writes boards (on
/// two cores when it is big), else by ron, which reads any RON and places errors.
pub fn from_text(text: &str) -> Result<Board, ron::error::SpannedError> {
    let halves = (text.len() >= BIG_FILE_BYTES)
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
const BEFORE_DEALS: &str = "\n    deals: [\n";
/// How a board file written here ends after its last deal: the deals list is the last field.
pub(super) const AFTER_DEALS: &str = "    ],\n)\n";
/// Files from this size are read on two cores (a text in halves, a file on disk in pieces);
/// smaller ones whole: two threads would not pay for themselves.
pub(super) const BIG_FILE_BYTES: usize = 4 << 20;

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
    let (mut board, first) = board_before_deals(text)?;
    let end = text.len() - AFTER_DEALS.len();
    let middle =
        deal_start_after(text.as_bytes(), first + (end - first) / 2).filter(|m| *m < end)?;
    let deals_in = super::canonical::deals;
    let (front, back) = crate::two_cores::both(
        true,
        || deals_in(&text[first..middle]),
        || deals_in(&text[middle..end]),
    );
    let mut deals = front?;
    deals.extend(back?);
    board.deals = deals.into();
    Some(board)
}

/// The board's settings, read from the start of a file as written here up to its first deal
/// (`head` may go on after it), and where that deal starts. `None` for anything else.
pub(super) fn board_before_deals(head: &str) -> Option<(Board, usize)> {
    let first = deal_start_after(head.as_bytes(), 0)?;
    // The list cut into pieces is the deals (a hand edit could have renamed it).
    if !head[..first].ends_with(BEFORE_DEALS) {
        return None;
    }
    let board = super::canonical::board(&format!("{}{AFTER_DEALS}", &head[..first]))?;
    (board.version == FORMAT_VERSION && board.deals.is_empty()).then_some((board, first))
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

    /// Written a piece at a time on two cores, the text is the whole board's as ron writes it:
    /// whatever the deals' and the stages' texts hold.
    #[test]
    fn a_big_board_written_in_pieces_is_written_as_whole() {
        let mut board = demo(3 * PIECE_DEALS + 7);
        let id = board.deals[PIECE_DEALS].id;
        let forged = format!("{DEAL_START}5,\n{AFTER_DEALS}{EMPTY_DEALS_END}\n    deals: [\n");
        board
            .edit_deal(id, moment(), |d| d.notes = forged.clone())
            .unwrap();
        board.stages[0].name = format!("Lead{AFTER_DEALS}");
        let mut pieces = Vec::new();
        write_board(&mut pieces, &board, None).unwrap();
        assert_eq!(
            String::from_utf8(pieces).unwrap(),
            whole_text(&board).unwrap()
        );
        assert_eq!(from_text(&to_text(&board).unwrap()).unwrap(), board);
    }

    /// Written again after changes, with the pieces that did not change copied from the file
    /// written before, the text is the whole board's; and a copy whose bytes were changed in
    /// the file meanwhile is written afresh instead.
    #[test]
    fn pieces_copied_from_the_file_before_give_the_whole_text() {
        use std::io::{Seek, Write};
        let mut board = demo(4 * PIECE_DEALS + 3);
        let mut file = tempfile::tempfile().unwrap();
        let mut pieces = write_board(&mut file, &board, None).unwrap();
        assert_eq!(pieces.len(), 5);
        for step in 0..6u8 {
            crate::model::some_change::make(&mut board, usize::from(step) * 397, step, moment());
            if step == 3 {
                // Someone wrote over the file in place: the first piece no longer reads as it did.
                file.seek(std::io::SeekFrom::Start(pieces[0].at + 40))
                    .unwrap();
                file.write_all(b"XXXX").unwrap();
            }
            let mut next = tempfile::tempfile().unwrap();
            let written = write_board(&mut next, &board, Some((&file, &pieces))).unwrap();
            let mut text = String::new();
            next.seek(std::io::SeekFrom::Start(0)).unwrap();
            std::io::Read::read_to_string(&mut next, &mut text).unwrap();
            assert_eq!(text, whole_text(&board).unwrap(), "step {step}");
            (file, pieces) = (next, written);
        }
    }

    #[test]
    fn a_piece_is_copied_only_when_its_deals_and_bytes_are_as_written() {
        use std::io::{Seek, Write};
        let board = demo(2 * PIECE_DEALS);
        let mut file = tempfile::tempfile().unwrap();
        let pieces = write_board(&mut file, &board, None).unwrap();
        let first = &board.deals[..PIECE_DEALS];
        let copy = copied((&file, &pieces), 0, first).expect("unchanged: copied");
        assert!(
            String::from_utf8(copy)
                .unwrap()
                .contains(&board.deals[0].title)
        );
        let mut changed = board.clone();
        let id = changed.deals[1].id;
        changed
            .edit_deal(id, moment(), |d| d.title = "Changed".into())
            .unwrap();
        assert!(copied((&file, &pieces), 0, &changed.deals[..PIECE_DEALS]).is_none());
        assert!(
            copied((&file, &pieces), 1, first).is_none(),
            "another piece's deals"
        );
        file.seek(std::io::SeekFrom::Start(pieces[0].at)).unwrap();
        file.write_all(b"#").unwrap();
        assert!(copied((&file, &pieces), 0, first).is_none(), "written over");
    }

    /// A board read from its file finds its pieces there, up to the first one the file holds
    /// otherwise; a save from them copies those and gives the whole text.
    #[test]
    fn the_pieces_of_a_board_read_are_found_in_its_file() {
        use std::io::{Read, Seek, Write};
        let board = demo(4 * PIECE_DEALS + 3);
        let mut file = tempfile::tempfile().unwrap();
        let written = write_board(&mut file, &board, None).unwrap();
        let read = from_text(&to_text(&board).unwrap()).unwrap();
        let found = pieces_in(&file, &read, || true);
        let places = |pieces: &[WrittenPiece]| -> Vec<(u64, u64, u64)> {
            pieces.iter().map(|p| (p.at, p.len, p.hash)).collect()
        };
        assert_eq!(places(&found), places(&written));
        assert!(pieces_in(&file, &read, || false).is_empty(), "given up");

        let mut changed = read.clone();
        let id = changed.deals[PIECE_DEALS + 1].id;
        changed
            .edit_deal(id, moment(), |d| d.title = "Changed".into())
            .unwrap();
        let mut next = tempfile::tempfile().unwrap();
        let rewritten = write_board(&mut next, &changed, Some((&file, &found))).unwrap();
        let mut text = String::new();
        next.seek(std::io::SeekFrom::Start(0)).unwrap();
        next.read_to_string(&mut text).unwrap();
        assert_eq!(text, whole_text(&changed).unwrap());
        assert_eq!(rewritten.len(), 5);

        // Written over in the file's second piece: only the first is found.
        file.seek(std::io::SeekFrom::Start(written[1].at + 3))
            .unwrap();
        file.write_all(b"#").unwrap();
        assert_eq!(
            places(&pieces_in(&file, &read, || true)),
            places(&written[..1])
        );
        assert!(
            pieces_in(&file, &demo(4 * PIECE_DEALS), || true).is_empty(),
            "another board"
        );
    }

    fn whole(text: &str) -> Board {
        options().from_str(text).unwrap()
    }

    #[test]
    fn a_big_file_read_in_halves_is_the_board_read_whole() {
        let board = demo(4000);
        let text = to_text(&board).unwrap();
        assert!(
            text.len() >= BIG_FILE_BYTES,
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
        assert!(text.len() >= BIG_FILE_BYTES);
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
