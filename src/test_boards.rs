//! For tests: demo boards of any size, made at one fixed moment.

use chrono::{DateTime, Utc};

use crate::model::Board;

/// The moment demo boards are made at.
pub fn moment() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z")
        .map(|at| at.to_utc())
        .unwrap_or_default()
}

/// The default process with `deals` realistic deals and their histories.
pub fn demo(deals: usize) -> Board {
    let mut board = crate::store::default_board().expect("the built-in board parses");
    crate::demo::fill(&mut board, deals, moment());
    board
}
