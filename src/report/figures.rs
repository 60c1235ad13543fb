//! The board's figures: per column, and for the whole board (the footer). They count the deals
//! the board shows, so they follow the filter.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::attention::{Due, due_state, rotting_in};
use super::value::weighted_in;
use crate::model::{Board, Deal, Money, Stage, Status, Totals};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnSummary {
    pub count: usize,
    /// The deals' values, one figure per currency.
    pub value: Totals,
    /// The values weighted by each deal's chance of being won.
    pub weighted: Totals,
    /// Deals untouched for longer than the stage allows.
    pub rotting: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardTotals {
    /// Deals on the board (after the filter).
    pub shown: usize,
    /// Open deals' values and weighted values.
    pub open: Totals,
    pub weighted: Totals,
    /// Deals won since the first of this month, and their value.
    pub won_this_month: Totals,
    pub won_count_this_month: usize,
    pub overdue: usize,
    pub due_today: usize,
    /// Open deals with no next action planned.
    pub unplanned: usize,
    pub rotting: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub columns: Vec<ColumnSummary>,
    pub totals: BoardTotals,
    /// The day these were counted for; a new day counts again (deals go overdue at midnight).
    pub counted_on: Option<NaiveDate>,
}

/// What a deal shown in a column adds to the figures. Worked out once, when the deal is counted
/// in, a filter counts what it keeps from these without reading the deals again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Share {
    value: Money,
    weighted: Money,
    rotting: bool,
    due: Due,
    open: bool,
}

impl Share {
    /// The share of `deal`, shown in `stage`, on the day of `now`.
    pub(super) fn of(deal: &Deal, stage: &Stage, now: DateTime<FixedOffset>) -> Share {
        Share {
            value: deal.value,
            weighted: weighted_in(deal, Some(stage)),
            rotting: rotting_in(deal, stage, now).is_some(),
            due: due_state(deal, now.date_naive()),
            open: deal.status.is_open(),
        }
    }
}

/// Whether a deal's share of the figures is being counted in or taken out again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Count {
    In,
    Out,
}

impl Count {
    fn money(self, totals: &mut Totals, money: Money) {
        match self {
            Count::In => totals.add(money),
            Count::Out => totals.remove(money),
        }
    }

    fn deal(self, count: &mut usize) {
        match self {
            Count::In => *count += 1,
            Count::Out => *count = count.saturating_sub(1),
        }
    }
}

impl Figures {
    /// Nothing counted yet, for a board of `columns` stages.
    pub(super) fn empty(columns: usize, now: DateTime<FixedOffset>) -> Figures {
        Figures {
            columns: vec![ColumnSummary::default(); columns],
            totals: BoardTotals::default(),
            counted_on: Some(now.date_naive()),
        }
    }

    /// Counts in (or takes out) a deal shown in column `c`.
    pub(super) fn count_shown(
        &mut self,
        c: usize,
        deal: &Deal,
        board: &Board,
        now: DateTime<FixedOffset>,
        count: Count,
    ) {
        if let Some(stage) = board.stages.get(c) {
            self.count_share(c, &Share::of(deal, stage, now), count);
        }
    }

    /// Counts in (or takes out) the share of a deal shown in column `c`.
    pub(super) fn count_share(&mut self, c: usize, share: &Share, count: Count) {
        let Some(summary) = self.columns.get_mut(c) else {
            return;
        };
        let totals = &mut self.totals;
        count.deal(&mut summary.count);
        count.deal(&mut totals.shown);
        count.money(&mut summary.value, share.value);
        count.money(&mut summary.weighted, share.weighted);
        // Every deal on the board is worked, won ones being delivered too: they count for
        // what needs attention; only open ones are pipeline value.
        if share.rotting {
            count.deal(&mut summary.rotting);
            count.deal(&mut totals.rotting);
        }
        match share.due {
            Due::Overdue(_) => count.deal(&mut totals.overdue),
            Due::Today => count.deal(&mut totals.due_today),
            Due::Unplanned => count.deal(&mut totals.unplanned),
            Due::Later(_) => {}
        }
        if share.open {
            count.money(&mut totals.open, share.value);
            count.money(&mut totals.weighted, share.weighted);
        }
    }

    /// Counts in (or takes out) a deal won this month.
    pub(super) fn count_won(&mut self, deal: &Deal, count: Count) {
        count.money(&mut self.totals.won_this_month, deal.value);
        count.deal(&mut self.totals.won_count_this_month);
    }
}

/// Whether a deal was won this month (where the user is).
pub(super) fn won_this_month(deal: &Deal, now: DateTime<FixedOffset>) -> bool {
    let Status::Won { at } = deal.status else {
        return false;
    };
    let today = now.date_naive();
    let won_on = at.with_timezone(now.offset()).date_naive();
    won_on.year() == today.year() && won_on.month() == today.month()
}

/// How many of some closed deals were won and lost, and their values per currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosedTotals {
    pub won: usize,
    pub won_value: Totals,
    pub lost: usize,
    pub lost_value: Totals,
}

impl ClosedTotals {
    pub fn of<D: AsRef<Deal>>(deals: &[D]) -> ClosedTotals {
        let mut totals = ClosedTotals::default();
        for deal in deals {
            match deal.as_ref().status {
                Status::Won { .. } => {
                    totals.won += 1;
                    totals.won_value.add(deal.as_ref().value);
                }
                Status::Lost { .. } => {
                    totals.lost += 1;
                    totals.lost_value.add(deal.as_ref().value);
                }
                Status::Open => {}
            }
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money, StageId};
    use crate::report::{Filter, Shown};
    use chrono::Duration;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    /// Deals worked out by hand: per column, per currency, weighted by stage or by deal.
    #[test]
    fn totals_weighted_rotting_and_won_this_month() {
        let mut board = crate::store::default_board().unwrap();
        let at = |days: i64| (now() - Duration::days(days)).to_utc();
        let mut add = |stage: &str, value: &str, days: i64, fill: &dyn Fn(&mut Deal)| {
            let (id, _) = board
                .add_deal(&StageId(stage.into()), at(days), |d| {
                    d.title = format!("{value} in {stage}");
                    d.value = Money::parse_with_currency(value, Currency::EUR).unwrap();
                    fill(d);
                })
                .unwrap();
            id
        };
        add("lead", "1000 EUR", 1, &|_| {}); // 10%: 100
        add("lead", "500 USD", 20, &|d| {
            d.set_next_due(Some(now().date_naive() - Duration::days(2)))
        }); // rotting, overdue
        add("negotiation", "2000 EUR", 1, &|d| d.probability = Some(50)); // 1000
        let won = add("negotiation", "300 EUR", 1, &|_| {});
        let lost = add("lead", "999 EUR", 1, &|_| {});
        board.mark_won(won, at(0)).unwrap(); // to Delivery, won today
        board.mark_lost(lost, "Price", at(0)).unwrap();
        let closed = ClosedTotals::of(&board.deals);
        assert_eq!((closed.won, closed.lost), (1, 1));
        assert_eq!(closed.won_value.largest_first()[0].decimal(), "300.00");
        assert_eq!(closed.lost_value.largest_first()[0].decimal(), "999.00");
        let mut board_shown = Shown::default();
        board_shown.update(&board, &Filter::default(), now());
        let figures = board_shown.figures().clone();
        let lead = &figures.columns[0];
        assert_eq!(lead.count, 2, "the lost deal left the board");
        // Largest first, as the screen shows them.
        let shown = |t: &Totals| {
            t.largest_first()
                .iter()
                .map(|m| format!("{} {}", m.decimal(), m.currency))
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&lead.value), ["1000.00 EUR", "500.00 USD"]);
        assert_eq!(shown(&lead.weighted), ["100.00 EUR", "50.00 USD"]);
        assert_eq!(lead.rotting, 1);
        assert_eq!(shown(&figures.columns[4].weighted), ["1000.00 EUR"]);
        assert_eq!(
            shown(&figures.columns[7].value),
            ["300.00 EUR"],
            "won, being delivered"
        );
        let totals = &figures.totals;
        assert_eq!(
            shown(&totals.open),
            ["3000.00 EUR", "500.00 USD"],
            "won deals are not open"
        );
        assert_eq!(shown(&totals.weighted), ["1100.00 EUR", "50.00 USD"]);
        assert_eq!(shown(&totals.won_this_month), ["300.00 EUR"]);
        assert_eq!(
            (
                totals.shown,
                totals.overdue,
                totals.rotting,
                totals.unplanned
            ),
            (4, 1, 1, 3),
            "the won deal being delivered has nothing planned either"
        );
        let filter = Filter {
            text: "nothing-matches".into(),
            ..Filter::default()
        };
        board_shown.update(&board, &filter, now());
        let filtered = board_shown.figures();
        assert_eq!(filtered.totals.shown, 0);
        assert!(
            filtered.totals.won_this_month.is_empty(),
            "totals follow the filter"
        );
    }
}
