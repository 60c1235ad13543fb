//! One row per person, for the manager reading down a team at the stand-up: who has what open,
//! what they won and lost in the period, and what needs them now (overdue next actions, deals
//! going cold, deals expected to close this month).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::outcomes::{closed, open_at};
use super::{Headline, Period};
use crate::model::{Board, Currency, Deal, Status, Totals, position_of_name};
use crate::report::{Due, due_state, rotting_days};

#[derive(Clone, Debug, PartialEq)]
pub struct PersonRow {
    pub name: String,
    /// Their deals' headline: the pipeline at the period's end, won and lost in it.
    pub headline: Headline,
    pub win_rate: Option<f64>,
    /// Created to won, of the deals won in the period.
    pub median_cycle_days: Option<f64>,
    /// Open deals now whose next action is overdue.
    pub overdue: usize,
    /// Open deals now idle longer than their stage allows.
    pub going_cold: usize,
    /// Open deals now expected to close this calendar month.
    pub closing_this_month: usize,
    pub closing_this_month_value: Totals,
}

/// A row for each owner of `board`'s deals (names matched in any case, spelled as first met),
/// ranked by weighted pipeline converted with the board's rates (without rates: in the
/// currency most open deals are in), then by open deals, then by name.
pub fn people(board: &Board, period: Period, now: DateTime<FixedOffset>) -> Vec<PersonRow> {
    let mut names: Vec<String> = Vec::new();
    let mut groups: Vec<Vec<&Deal>> = Vec::new();
    for deal in board.deals.iter().map(AsRef::as_ref) {
        let name = deal.owner.trim();
        match position_of_name(&names, name, String::as_str) {
            Some(i) => groups[i].push(deal),
            None => {
                names.push(name.to_string());
                groups.push(vec![deal]);
            }
        }
    }
    let window = period.window(now);
    let today = now.date_naive();
    let mut rows: Vec<PersonRow> = names
        .into_iter()
        .zip(&groups)
        .map(|(name, deals)| {
            let done = closed(deals, &window);
            let open = open_at(board, deals, window.end);
            let mut row = PersonRow {
                name,
                headline: Headline::of_outcomes(&open, &done),
                win_rate: done.win_rate(),
                median_cycle_days: done.cycle.median_days,
                overdue: 0,
                going_cold: 0,
                closing_this_month: 0,
                closing_this_month_value: Totals::default(),
            };
            for deal in deals.iter().filter(|d| d.status == Status::Open) {
                row.overdue += usize::from(matches!(due_state(deal, today), Due::Overdue(_)));
                row.going_cold += usize::from(rotting_days(deal, board, now).is_some());
                if deal.expected_close.is_some_and(|d| same_month(d, today)) {
                    row.closing_this_month += 1;
                    row.closing_this_month_value.add(deal.value);
                }
            }
            row
        })
        .collect();
    let main = main_currency(board);
    let weighted = |row: &PersonRow| match &board.rates {
        Some(rates) => {
            rates
                .convert_total(&row.headline.weighted_value)
                .amount
                .minor
        }
        None => row.headline.weighted_value.amount_in(main),
    };
    rows.sort_by(|a, b| {
        let (a_sum, b_sum) = (&a.headline, &b.headline);
        weighted(b)
            .cmp(&weighted(a))
            .then(b_sum.open_count.cmp(&a_sum.open_count))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    rows
}

fn same_month(day: NaiveDate, today: NaiveDate) -> bool {
    (day.year(), day.month()) == (today.year(), today.month())
}

/// The currency most open deals are in (the board's own on a tie or with none open).
fn main_currency(board: &Board) -> Currency {
    let open = board.open_values();
    open.most_counted_first(board.currency)
        .first()
        .map_or(board.currency, |m| m.currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DealId, Money, StageId};
    use chrono::{Duration, TimeZone, Utc};

    /// Friday 2026-11-27 10:00 in Moscow.
    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    fn deal(id: u64, owner: &str, value: Money, days_ago: i64) -> Deal {
        let at = now().to_utc() - Duration::days(days_ago);
        let mut deal = Deal::new(DealId(id), "A deal", StageId("lead".into()), value, at);
        deal.owner = owner.into();
        deal
    }

    fn day(month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, month, day)
    }

    #[test]
    fn a_row_per_person_with_what_needs_them_now_ranked_by_weighted_pipeline() {
        let mut board = crate::store::default_board().unwrap();
        let dollars = Currency::parse("USD").unwrap();
        let usd = |n: i64| Money {
            minor: (n * 100).into(),
            currency: dollars,
        };
        // anna (spelled two ways): $1,000 overdue and closing this month, €500 closing in
        // December; both touched yesterday.
        let mut overdue = deal(1, "anna", usd(1000), 1);
        overdue.set_next_due(day(11, 26));
        overdue.expected_close = day(11, 30);
        let mut later = deal(
            2,
            "ANNA",
            Money {
                minor: 50_000,
                currency: Currency::EUR,
            },
            1,
        );
        later.expected_close = day(12, 4);
        // boris: $5,000 untouched for 60 days (Lead allows far fewer), and one won in the
        // period after 20 days, and one lost before it.
        let cold = deal(3, "boris", usd(5000), 60);
        let mut won = deal(4, "boris", usd(700), 30);
        won.status = Status::Won {
            at: now().to_utc() - Duration::days(10),
        };
        let mut lost = deal(5, "boris", usd(300), 200);
        lost.status = Status::Lost {
            at: Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap(),
            reason: "No budget".into(),
        };
        board.deals = [overdue, later, cold, won, lost]
            .into_iter()
            .map(std::sync::Arc::new)
            .collect();
        let lead = board.stages[0].probability;
        let rows = people(&board, Period::last_days(90, now().date_naive()), now());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        // Most open deals are in dollars: boris's $5,000 weighs more than anna's $1,000.
        assert_eq!(names, ["boris", "anna"]);
        let (boris, anna) = (&rows[0], &rows[1]);
        assert_eq!(
            (anna.headline.open_count, anna.overdue, anna.going_cold),
            (2, 1, 0)
        );
        assert_eq!(anna.closing_this_month, 1);
        assert_eq!(anna.closing_this_month_value.amount_in(dollars), 100_000);
        assert_eq!(
            anna.headline.weighted_value.amount_in(Currency::EUR),
            500 * crate::model::Minor::from(lead)
        );
        assert_eq!(
            (boris.headline.open_count, boris.going_cold, boris.overdue),
            (1, 1, 0)
        );
        assert_eq!(
            (boris.headline.won_count, boris.headline.lost_count),
            (1, 0),
            "the loss is before"
        );
        assert_eq!(boris.win_rate, Some(1.0));
        assert_eq!(boris.median_cycle_days, Some(20.0));
        assert_eq!(anna.win_rate, None, "nothing closed");
    }
}
