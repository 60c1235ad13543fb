//! The deals a board shows, in the order it shows them.

use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::attention::idle_days;
use super::filter::Filter;
use crate::model::{Board, ColumnSort, Currency, Deal};

/// One list per stage, in board order: the deals on the board (open ones, and won ones being
/// delivered) that pass `filter`, in the board's chosen order.
pub fn visible_columns<'a>(
    board: &'a Board,
    filter: &Filter,
    now: DateTime<FixedOffset>,
) -> Vec<Vec<&'a Arc<Deal>>> {
    // Each column is sorted once, after the filter (a filter typed on a big board sorts only
    // what it keeps).
    let filtering = filter.is_active();
    let matcher = filter.matcher();
    let mut columns = board.columns_keeping(|d| !filtering || matcher.matches(d, board, now));
    sort_columns(&mut columns, board, now);
    columns
}

/// Orders a column by [`Place`]. Each deal's place is worked out once, then the places are
/// sorted: comparing deals directly would read two deals from memory for every comparison,
/// which at a hundred thousand deals is most of the time a sort takes.
pub(super) fn sort<D: Placed>(column: &mut [D], board: &Board, now: DateTime<FixedOffset>) {
    column.sort_by_cached_key(|d| d.placing(now).place(board));
}

/// Sorts every column by [`Place`]; on two cores on a big board, the columns shared out so that
/// each core sorts about half the cards.
pub(super) fn sort_columns<D: Placed + Send>(
    columns: &mut [Vec<D>],
    board: &Board,
    now: DateTime<FixedOffset>,
) {
    let sort_all = |columns: &mut [Vec<D>]| {
        for column in columns {
            sort(column, board, now);
        }
    };
    let (middle, split) = crate::two_cores::middle(columns);
    let (first, second) = columns.split_at_mut(middle);
    crate::two_cores::both(split, || sort_all(first), || sort_all(second));
}

/// Something that can tell its deal's [`Placing`].
pub(super) trait Placed {
    fn placing(&self, now: DateTime<FixedOffset>) -> Placing;
}

impl Placed for &Arc<Deal> {
    fn placing(&self, now: DateTime<FixedOffset>) -> Placing {
        Placing::of(self, now)
    }
}

/// What a deal's place depends on, in every order. Kept with a card, it lets a column be
/// sorted in another order without reading its deals again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Placing {
    next_action_due: Option<NaiveDate>,
    expected_close: Option<NaiveDate>,
    currency: Currency,
    /// The value in minor units: an amount has at most 15 whole digits, so it fits in 64 bits
    /// (a bigger one, from a file edited by hand, counts as the biggest).
    minor: i64,
    idle_days: i64,
    rank: i64,
    id: u64,
}

impl Placing {
    pub(super) fn of(deal: &Deal, now: DateTime<FixedOffset>) -> Placing {
        let minor = deal.value.minor;
        Placing {
            next_action_due: deal.next_due(),
            expected_close: deal.expected_close,
            currency: deal.value.currency,
            minor: i64::try_from(minor).unwrap_or(if minor > 0 { i64::MAX } else { i64::MIN }),
            idle_days: idle_days(deal, now),
            rank: deal.rank,
            id: deal.id.0,
        }
    }

    /// The place in the board's chosen order.
    pub(super) fn place(&self, board: &Board) -> Place {
        let day =
            |date: Option<NaiveDate>| date.map_or((1, 0), |d| (0, i64::from(d.num_days_from_ce())));
        let chosen = match board.sort {
            ColumnSort::Manual => (0, 0),
            ColumnSort::NextAction => day(self.next_action_due),
            // Amounts in different currencies cannot be compared without exchange rates: the
            // board's own currency comes first, then each other currency, each largest first
            // (`!minor` orders the largest first, and cannot overflow as `-minor` can).
            ColumnSort::Value => {
                let other = u32::from(self.currency != board.currency) << 24;
                let code = self.currency.code().as_bytes();
                let letters = code.iter().fold(0, |n, b| n << 8 | u32::from(*b));
                (other | letters, !self.minor)
            }
            ColumnSort::ExpectedClose => day(self.expected_close),
            ColumnSort::Idle => (0, -self.idle_days),
        };
        Place {
            chosen,
            rank: self.rank,
            id: self.id,
        }
    }
}

/// Where a deal comes in a column: by the board's chosen order, then in manual order (rank,
/// then id), which breaks ties. No two deals share a place, so a deal's place in a column can
/// be found by binary search without sorting the column again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Place {
    chosen: (u32, i64),
    rank: i64,
    id: u64,
}

impl Place {
    pub(super) fn of(deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Place {
        Placing::of(deal, now).place(board)
    }
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
                    d.set_next_due(due.and_then(|day| NaiveDate::from_ymd_opt(2026, 11, day)));
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
