//! A big board file read a piece at a time, never whole: reading a 175 MB file into memory
//! before turning it into deals made the text as big a part of the memory used as the board.
//! The file is cut where deals start (found by a look around planned places, before reading),
//! this thread reads the pieces in order and takes the fingerprint of their bytes, and two
//! threads turn them into deals, so only a few pieces are in memory at a time. Each deal is
//! checked by itself as soon as it is read, while it is still in the cache.
//!
//! Only a file as dealboard writes it is read this way; anything else (`None`) is read whole,
//! which places any error at its line and column.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};

use super::format::{AFTER_DEALS, board_before_deals, deal_start_after};
use crate::model::{Board, Deal, KnownStages};

/// Bytes of deals read at a time (a piece ends where the next deal starts).
const PIECE: u64 = 256 << 10;
/// Where the deals start is looked for in the first bytes of the file: the board's settings and
/// stages are far shorter.
const HEAD: u64 = 1 << 20;
/// Bytes looked at around a planned cut to find where the next deal starts; more when a deal
/// is longer than that.
const LOOK: u64 = 64 << 10;
/// Pieces read ahead of those being turned into deals.
const AHEAD: usize = 2;

/// The board in `file` (`len` bytes) and the XXH3-128 hash of its bytes; `None` when it is not
/// a file as dealboard writes it, does not read, has a deal that breaks the rules by itself
/// ([`KnownStages::sound`]), or changed while it was read.
pub(super) fn read(file: &File, len: u64) -> Option<(Board, u128)> {
    let head = read_at(file, 0, HEAD.min(len))?;
    let head = valid_start(&head);
    let (mut board, first) = board_before_deals(head)?;
    let known = KnownStages::of(&board);
    let end = len.checked_sub(AFTER_DEALS.len() as u64)?;
    if read_at(file, end, AFTER_DEALS.len() as u64)? != AFTER_DEALS.as_bytes() {
        return None;
    }
    let cuts = cuts(file, first as u64, end)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&head.as_bytes()[..first]);
    let pieces = cuts.len() - 1;
    let done: Mutex<Vec<Option<Vec<Arc<Deal>>>>> = Mutex::new(vec![None; pieces]);
    let (send, receive) = sync_channel::<(usize, Vec<u8>)>(AHEAD);
    let receive = Mutex::new(receive);
    let mut send = Some(send);
    let read_all = std::thread::scope(|scope| {
        // Dropped when this returns, however it returns: the threads then stop.
        let send = send.take()?;
        for _ in 0..2 {
            std::thread::Builder::new()
                .name("dealboard-read".into())
                .spawn_scoped(scope, || turn_into_deals(&receive, &known, &done))
                .ok()?;
        }
        for (i, piece) in cuts.windows(2).enumerate() {
            let bytes = read_at(file, piece[0], piece[1] - piece[0])?;
            hasher.update(&bytes);
            send.send((i, bytes)).ok()?;
        }
        Some(())
    });
    read_all?;
    hasher.update(AFTER_DEALS.as_bytes());
    // A file that grew while it was read is read again, whole.
    if file.read_at(&mut [0], len).map_or(true, |more| more > 0) {
        return None;
    }
    let done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut deals = Vec::new();
    for piece in done {
        deals.extend(piece?);
    }
    board.deals = deals.into();
    Some((board, hasher.digest128()))
}

/// A thread's share: pieces taken as they come, each turned into its deals (`None` when it
/// does not read or a deal in it is not sound).
fn turn_into_deals(
    pieces: &Mutex<Receiver<(usize, Vec<u8>)>>,
    known: &KnownStages,
    done: &Mutex<Vec<Option<Vec<Arc<Deal>>>>>,
) {
    loop {
        let next = pieces.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((i, bytes)) = next else {
            return;
        };
        // A piece that cannot be read, even by a panic, is read whole with the file.
        let deals = std::panic::catch_unwind(|| {
            std::str::from_utf8(&bytes)
                .ok()
                .and_then(super::canonical::deals)
                .filter(|deals| deals.iter().all(|d| known.sound(d)))
        })
        .ok()
        .flatten();
        done.lock().unwrap_or_else(PoisonError::into_inner)[i] = deals;
    }
}

/// Where the pieces of the deals' text (from `first` to `end`) begin, and `end`: a deal start
/// at or after each planned place, a [`PIECE`] apart.
fn cuts(file: &File, first: u64, end: u64) -> Option<Vec<u64>> {
    let mut cuts = vec![first];
    let mut planned = first + PIECE;
    while planned < end {
        let Some(cut) = start_at_or_after(file, planned, end) else {
            break;
        };
        cuts.push(cut);
        planned = cut + PIECE;
    }
    cuts.push(end);
    Some(cuts)
}

/// The first start of a deal at or after byte `from` of the file, before `end`.
fn start_at_or_after(file: &File, from: u64, end: u64) -> Option<u64> {
    let mut look = LOOK;
    loop {
        let len = look.min(end - from);
        let bytes = read_at(file, from, len)?;
        if let Some(at) = deal_start_after(&bytes, 0) {
            return Some(from + at as u64);
        }
        if from + len >= end {
            return None;
        }
        look *= 2;
    }
}

/// The longest start of `bytes` that is UTF-8 (a read can end inside a character).
fn valid_start(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

fn read_at(file: &File, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    file.read_exact_at(&mut bytes, at).ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format::{DEAL_START, to_text};
    use crate::test_boards::{demo, moment};
    use std::io::Write;

    fn file_of(text: &str) -> (tempfile::NamedTempFile, u64) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        (file, text.len() as u64)
    }

    #[test]
    fn a_big_file_read_in_pieces_is_the_board_read_whole_with_its_hash() {
        let board = demo(3000);
        let text = to_text(&board).unwrap();
        assert!(text.len() as u64 > 4 * PIECE, "several pieces");
        let (file, len) = file_of(&text);
        let (read, hash) = read(file.as_file(), len).expect("read in pieces");
        assert_eq!(read, super::super::format::from_text(&text).unwrap());
        assert_eq!(hash, xxhash_rust::xxh3::xxh3_128(text.as_bytes()));
    }

    #[test]
    fn anything_but_a_file_as_written_here_is_left_to_be_read_whole() {
        let mut board = demo(1500);
        let id = board.deals[700].id;
        // A note holding what looks like the start of a deal cuts that deal in two.
        let forged = format!("{DEAL_START}5,{DEAL_START}6,");
        board
            .edit_deal(id, moment(), |d| d.notes = forged.clone())
            .unwrap();
        let text = to_text(&board).unwrap();
        let (file, len) = file_of(&text);
        if let Some((read, _)) = read(file.as_file(), len) {
            assert_eq!(read, board, "read right, or not at all");
        }
        let commented = text.replacen("deals: [", "deals: [ // the deals", 1);
        let (file, len) = file_of(&commented);
        assert!(read(file.as_file(), len).is_none());
        let (file, len) = file_of(&text[..text.len() - 3]);
        assert!(read(file.as_file(), len).is_none(), "cut short");
    }

    #[test]
    fn a_board_that_breaks_the_rules_is_read_whole_and_each_problem_placed_at_its_line() {
        use crate::model::{Problem, StageId};
        use crate::store::load::{self, LoadErrorKind};
        let sound = demo(3000);
        let mut unknown_stage = sound.clone();
        Arc::make_mut(&mut unknown_stage.deals[2000]).stage = StageId("nowhere".into());
        let mut repeated_id = sound.clone();
        let first_id = repeated_id.deals[10].id;
        Arc::make_mut(&mut repeated_id.deals[2500]).id = first_id;
        for (board, own) in [(unknown_stage, true), (repeated_id, false)] {
            let text = to_text(&board).unwrap();
            let (file, len) = file_of(&text);
            // A deal's own problem is found as the piece is read; one between deals after.
            assert_eq!(read(file.as_file(), len).is_none(), own);
            let error = load::read(file.path(), file.path()).unwrap_err();
            let LoadErrorKind::Invalid(problems) = error.kind else {
                panic!("{:?}", error.kind);
            };
            let [(problem, Some(line))] = problems.as_slice() else {
                panic!("{problems:?}");
            };
            let deal = if own { board.deals[2000].id } else { first_id };
            assert_eq!(problem.deal(), Some(deal));
            assert!(matches!(
                problem,
                Problem::UnknownStage { .. } | Problem::DuplicateDealId(_)
            ));
            let said = text.lines().nth(line - 1).unwrap();
            assert!(said.contains(&format!("id: {deal},")), "{said}");
        }
    }
}
