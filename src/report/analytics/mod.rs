//! Is the sales process working? Figures about a period, computed from the stage history every
//! board records: the funnel and its conversions, time in each stage and the sales cycle, wins
//! and losses with their reasons, by lead source and by owner, velocity, the forecast, and how
//! closely the process is followed. Pure functions of a board, a period, an owner and the clock:
//! the reports screen and `dealboard stats` show the same numbers.

mod compliance;
mod durations;
mod forecast;
mod funnel;
mod outcomes;
mod people;
mod period;
mod usefulness;

use chrono::{DateTime, FixedOffset};

use crate::model::same_name;
use crate::model::{Board, Deal, Totals};

pub use compliance::{OwnerCompliance, StageCompliance};
pub use durations::Durations;
pub use forecast::ForecastMonth;
pub use funnel::StageFlow;
pub use outcomes::{GroupOutcome, ReasonCount};
pub use people::{PersonRow, people};
pub use period::{Period, Window};
pub use usefulness::{MIN_MOVES, Question, questions};

/// The figures at the top of a report: what was open at the end of the period, won and lost in
/// it. The review's headline shows them alone, worked out without the rest of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    /// Deals open at the end of the period, their value, and that weighted.
    pub open_count: usize,
    pub open_value: Totals,
    pub weighted_value: Totals,
    /// Deals won and lost in the period, and their value.
    pub won_count: usize,
    pub won_value: Totals,
    pub lost_count: usize,
    pub lost_value: Totals,
}

impl Headline {
    /// The figures of `deals` (of `board`) in `period`.
    pub fn of(
        board: &Board,
        deals: &[&Deal],
        period: Period,
        now: DateTime<FixedOffset>,
    ) -> Headline {
        let window = period.window(now);
        let closed = outcomes::closed(deals, &window);
        let open = outcomes::open_at(board, deals, window.end);
        Headline::of_outcomes(&open, &closed)
    }

    fn of_outcomes(open: &outcomes::Open, closed: &outcomes::Closed) -> Headline {
        Headline {
            open_count: open.count,
            open_value: open.value.clone(),
            weighted_value: open.weighted.clone(),
            won_count: closed.won_count,
            won_value: closed.won_value.clone(),
            lost_count: closed.lost_count,
            lost_value: closed.lost_value.clone(),
        }
    }
}

/// The deals of `owner` (any case), or everyone's.
fn owned<'a>(board: &'a Board, owner: Option<&str>) -> Vec<&'a Deal> {
    board
        .deals
        .iter()
        .map(AsRef::as_ref)
        .filter(|d| owner.is_none_or(|o| same_name(&d.owner, o)))
        .collect()
}

/// Everything the reports say about one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub period: Period,
    /// Only this owner's deals (any case), or everyone's.
    pub owner: Option<String>,
    /// Open at the period's end, won and lost in it.
    pub headline: Headline,
    /// Won of closed in the period, by count (0..1); `None` when nothing closed.
    pub win_rate: Option<f64>,
    /// Won value of closed value, per currency.
    pub win_rate_by_value: Vec<(crate::model::Currency, f64)>,
    /// The average won deal, per currency.
    pub average_won: Totals,
    /// Days from creation to the win, for deals won in the period.
    pub cycle: Durations,
    /// Per stage, in board order.
    pub stages: Vec<StageFlow>,
    /// The stage before the sale whose stays are longest (by median), when any stay ended in
    /// the period.
    pub slowest_stage: Option<usize>,
    /// Most frequent first.
    pub lost_reasons: Vec<ReasonCount>,
    pub sources: Vec<GroupOutcome>,
    pub owners: Vec<GroupOutcome>,
    /// Expected won value per month, per currency: open deals × win rate × average won deal ÷
    /// the sales cycle in months.
    pub velocity: Totals,
    /// Open deals by the month they are expected to close (now, not at the period's end).
    pub forecast: Vec<ForecastMonth>,
    pub compliance: Vec<StageCompliance>,
    pub owner_compliance: Vec<OwnerCompliance>,
    /// The board's exchange rates, for the converted figures beside each total.
    pub rates: Option<crate::model::Rates>,
}

impl Stats {
    /// The average won deal in the report currency: what was won converted, divided by the
    /// deals it was won in (the averages per currency cannot be added; a currency without a
    /// rate is left out of both), to the nearest minor unit. `None` without rates or wins.
    pub fn converted_average_won(&self) -> Option<crate::model::Converted> {
        let rates = self.rates.as_ref()?;
        let won = &self.headline.won_value;
        let mut converted = rates.convert_total(won);
        let deals: usize = won
            .iter()
            .filter(|m| !converted.missing.contains(&m.currency))
            .map(|m| won.count_in(m.currency))
            .sum();
        let deals = crate::model::Minor::try_from(deals)
            .ok()
            .filter(|n| *n > 0)?;
        let total = converted.amount.minor;
        converted.amount.minor = (total + total.signum() * deals / 2) / deals;
        Some(converted)
    }

    pub fn of(
        board: &Board,
        period: Period,
        owner: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Stats {
        Stats::in_window(board, period, period.window(now), owner, now)
    }

    /// The figures of the moments of `window` (which `period` names in whole days; a change to
    /// the process falls at any time of day).
    pub fn in_window(
        board: &Board,
        period: Period,
        window: Window,
        owner: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Stats {
        let deals = owned(board, owner);
        // Each figure walks the deals; on a big board that is bound by memory, not by counting,
        // so the walks are shared between two cores.
        let ((stages, closed, open, forecast), (compliance, owner_compliance, groups)) =
            crate::two_cores::both(
                deals.len() >= crate::two_cores::WORTH_IT_FROM,
                || {
                    (
                        funnel::flows(board, &deals, &window, now),
                        outcomes::closed(&deals, &window),
                        outcomes::open_at(board, &deals, window.end),
                        forecast::by_month(board, &deals),
                    )
                },
                || {
                    (
                        compliance::by_stage(board, &deals, &window),
                        compliance::by_owner(board, &deals, &window),
                        (
                            outcomes::lost_reasons(&deals, &window),
                            outcomes::by_group(&deals, &window, |d| d.source.as_str()),
                            outcomes::by_group(&deals, &window, |d| d.owner.as_str()),
                        ),
                    )
                },
            );
        let (lost_reasons, sources, owners) = groups;
        // Where deals wait before the sale: delivery taking long is another question.
        let slowest_stage = stages
            .iter()
            .enumerate()
            .filter(|(i, _)| board.stages[*i].phase == crate::model::Phase::PreSale)
            // Every stay shorter than a day says nothing about where deals wait.
            .filter_map(|(i, s)| s.time.median_days.filter(|m| *m > 0.0).map(|m| (i, m)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let velocity = outcomes::velocity(&open, &closed);
        Stats {
            period,
            owner: owner.map(str::to_string),
            headline: Headline::of_outcomes(&open, &closed),
            win_rate: closed.win_rate(),
            win_rate_by_value: closed.win_rate_by_value(),
            average_won: closed.average_won(),
            cycle: closed.cycle.clone(),
            stages,
            slowest_stage,
            lost_reasons,
            sources,
            owners,
            velocity,
            forecast,
            compliance,
            owner_compliance,
            rates: board.rates.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_boards::demo;
    use chrono::NaiveDate;

    /// The headline alone says what the full report says, for any period and owner.
    #[test]
    fn the_headline_gives_the_reports_figures() {
        let board = demo(600);
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap();
        let today = now.date_naive();
        let since = Period {
            from: NaiveDate::from_ymd_opt(2026, 11, 20),
            to: None,
        };
        let owner = board.deals[0].owner.to_uppercase();
        for period in [Period::all(), Period::last_days(30, today), since] {
            for owner in [None, Some(owner.as_str()), Some("nobody")] {
                let stats = Stats::of(&board, period, owner, now);
                let headline = Headline::of(&board, &owned(&board, owner), period, now);
                assert_eq!(headline, stats.headline, "{period:?} {owner:?}");
                assert!(owner != Some("nobody") || headline == Headline::default());
            }
        }
    }
}
