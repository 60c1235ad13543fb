//! For tests: one change a user could make to a board, picked by numbers (so that property
//! tests can make any sequence of them). A change the board refuses is simply not made.

use chrono::{DateTime, Duration, Utc};

use super::{Board, Currency, DealId, Direction, Money};

/// Applies change number `what` to the deal at `pick` (wrapped around), at `at` plus `what`
/// minutes.
pub fn make(board: &mut Board, pick: usize, what: u8, at: DateTime<Utc>) {
    let Some(id) = board
        .deals
        .get(pick % board.deals.len().max(1))
        .map(|d| d.id)
    else {
        return;
    };
    let at = at + Duration::minutes(i64::from(what));
    let stage = board.stages[pick % board.stages.len()].id.clone();
    let _ = match what % 9 {
        0 => board.move_deal(id, &stage, at).map(|_| ()),
        1 => board.mark_won(id, at).map(|_| ()),
        2 => board.mark_lost(id, "Price", at).map(|_| ()),
        3 => board.delete_deal(id).map(|_| ()),
        // A title that looks like the start of a deal in the file.
        4 => board
            .add_deal(&stage, at, |d| {
                d.title = format!("new \"{pick}\"\n        (\n            id: 7");
                d.value = Money::parse_with_currency("123 USD", Currency::EUR).unwrap_or(d.value);
            })
            .map(|_| ()),
        5 => {
            let here = board.deal(id).map(|d| d.stage.clone()).unwrap_or(stage);
            let shown: Vec<DealId> = board.column(&here).iter().map(|d| d.id).collect();
            board.reorder_deal(id, Direction::Back, &shown).map(|_| ())
        }
        6 => {
            board.name = format!("Renamed {pick}");
            Ok(())
        }
        7 => board
            .edit_deal(id, at, |d| d.notes = format!("note {what}"))
            .map(|_| ()),
        _ => board
            .edit_deal(id, at, |d| {
                d.value.minor += 100;
                d.set_next_due(Some(at.date_naive()));
            })
            .map(|_| ()),
    };
}
