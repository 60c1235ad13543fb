//! The deals a board shows, in the order it shows them.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset};

use super::attention::idle_days;
use super::filter::Filter;
use crate::model::{Board, ColumnSort, Deal};

/// One list per stage, in board order: the deals on the board (open ones, and won ones being
/// delivered) that pass `filter`, in the board's chosen order.
pub fn visible_columns<'a>(
    board: &'a Board,
    filter: &Filter,
    now: DateTime<FixedOffset>,
) -> Vec<Vec<&'a Deal>> {
    // Each column is sorted once, after the filter (a filter typed on a big board sorts only
    // what it keeps).
    let filtering = filter.is_active();
    let mut columns = board.columns_keeping(|d| !filtering || filter.matches(d, board, now));
    for column in &mut columns {
        sort(column, board, now);
    }
    columns
}

/// Orders a column ([`compare`]: a total order, so no two deals are equal).
pub(super) fn sort(column: &mut [&Deal], board: &Board, now: DateTime<FixedOffset>) {
    if board.sort == ColumnSort::Manual {
        column.sort_unstable_by_key(|d| (d.rank, d.id));
    } else {
        column.sort_unstable_by(|a, b| compare(a, b, board, now));
    }
}

/// Where `a` comes in a column relative to `b`: by the board's chosen order, then in manual
/// order (rank, then id), which breaks ties. A total order, so a deal's place in a column can
/// be found without sorting the column again.
pub(super) fn compare(a: &Deal, b: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Ordering {
    let chosen = match board.sort {
        ColumnSort::Manual => Ordering::Equal,
        ColumnSort::NextAction => {
            let key = |d: &Deal| (d.next_action_due.is_none(), d.next_action_due);
            key(a).cmp(&key(b))
        }
        // Amounts in different currencies cannot be compared without exchange rates: the
        // board's own currency comes first, then each other currency, each largest first.
        ColumnSort::Value => {
            let key = |d: &Deal| (d.value.currency != board.currency, d.value.currency);
            key(a).cmp(&key(b)).then(b.value.minor.cmp(&a.value.minor))
        }
        ColumnSort::ExpectedClose => {
            let key = |d: &Deal| (d.expected_close.is_none(), d.expected_close);
            key(a).cmp(&key(b))
        }
        ColumnSort::Idle => idle_days(b, now).cmp(&idle_days(a, now)),
    };
    chosen.then((a.rank, a.id).cmp(&(b.rank, b.id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money, StageId};
    use chrono::{Duration, NaiveDate};

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    #[test]
    fn every_order_and_the_filter() {
        let mut board = crate::store::default_board().unwrap();
        let lead = StageId("lead".into());
        let add = |board: &mut Board, title: &str, value: &str, due: Option<u32>, idle: i64| {
            let at = (now() - Duration::days(idle)).to_utc();
            board
                .add_deal(&lead, at, |d| {
                    d.title = title.into();
                    d.value = Money::parse_with_currency(value, Currency::EUR).unwrap();
                    d.next_action_due = due.and_then(|day| NaiveDate::from_ymd_opt(2026, 11, day));
                    d.expected_close = due.and_then(|day| NaiveDate::from_ymd_opt(2026, 12, day));
                })
                .unwrap();
        };
        board.currency = Currency::EUR;
        add(&mut board, "A", "100 EUR", Some(28), 1);
        add(&mut board, "B", "5000 JPY", None, 20);
        add(&mut board, "C", "90 EUR", Some(20), 3);
        let titles = |board: &Board| -> Vec<String> {
            visible_columns(board, &Filter::default(), now())[0]
                .iter()
                .map(|d| d.title.clone())
                .collect()
        };
        assert_eq!(titles(&board), ["C", "B", "A"], "manual: newest on top");
        for (order, expected) in [
            (ColumnSort::NextAction, ["C", "A", "B"]),
            // The board's euros first; yen after, however many.
            (ColumnSort::Value, ["A", "C", "B"]),
            (ColumnSort::ExpectedClose, ["C", "A", "B"]),
            (ColumnSort::Idle, ["B", "C", "A"]),
        ] {
            board.sort = order;
            assert_eq!(titles(&board), expected, "{order:?}");
        }
        let filter = Filter {
            text: "a".into(),
            ..Filter::default()
        };
        assert_eq!(visible_columns(&board, &filter, now())[0].len(), 1);
    }
}
