//! What the benchmarks share: the board sizes measured, a fixed moment, and demo boards.

use chrono::{DateTime, TimeZone, Utc};
use dealboard::model::Board;
use dealboard::store;

pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The default process with `deals` realistic deals and their histories.
pub fn demo(deals: usize) -> Board {
    let mut board = store::default_board().expect("the built-in board parses");
    dealboard::demo::fill(&mut board, deals, now());
    board
}
