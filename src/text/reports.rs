//! The words and number forms of the process reports, shared by the reports screen and
//! `dealboard stats`, so that both say the same figures the same way. Each language fills them
//! in its own file (`en.rs`, `ru.rs`).

use super::{date_long, t};
use crate::model::Totals;
catalogue! {

pub struct ReportText {
    pub title: &'static str,
    /// `{from}` `{to}`.
    pub period_between: &'static str,
    /// `{from}`.
    pub period_since: &'static str,
    /// `{to}`.
    pub period_until: &'static str,
    pub period_all: &'static str,
    pub everyone: &'static str,
    pub open: &'static str,
    pub weighted: &'static str,
    pub won: &'static str,
    pub lost: &'static str,
    pub win_rate: &'static str,
    pub win_rate_by_value: &'static str,
    pub cycle: &'static str,
    pub velocity: &'static str,
    pub per_month: &'static str,
    pub funnel: &'static str,
    pub stage: &'static str,
    pub entered: &'static str,
    pub converted: &'static str,
    pub median_days: &'static str,
    pub mean_days: &'static str,
    pub lost_here: &'static str,
    pub rotting_now: &'static str,
    pub slowest: &'static str,
    pub lost_reasons: &'static str,
    pub reason: &'static str,
    pub count: &'static str,
    pub value: &'static str,
    pub sources: &'static str,
    pub owners: &'static str,
    pub new_deals: &'static str,
    pub forecast: &'static str,
    pub no_date: &'static str,
    pub compliance: &'static str,
    pub moves_on: &'static str,
    pub skipped: &'static str,
    pub jumped_over: &'static str,
    pub moved_back: &'static str,
    pub no_next_action: &'static str,
    pub most_skipped: &'static str,
    pub nothing: &'static str,
    pub no_reason: &'static str,
    pub no_source: &'static str,
    pub no_owner: &'static str,
}


/// The reports screen's own words: its period presets, keys and hints, the headings that fit a
/// narrow column, and what it says when a period has nothing to show. (`dealboard stats` does not
/// need them.)
pub struct ReportScreenText {
    /// The period presets, stepped through with `[` and `]`.
    pub last_30_days: &'static str,
    pub last_90_days: &'static str,
    pub this_month: &'static str,
    pub last_month: &'static str,
    pub this_quarter: &'static str,
    pub this_year: &'static str,
    pub all_time: &'static str,
    /// Before the owner in the header: `Owner: anna`.
    pub owner: &'static str,
    /// `{period}`: the dates compared with.
    pub compared_with: &'static str,
    /// `{preset}`: a period open at the start has nothing before it.
    pub nothing_before: &'static str,
    pub nothing_happened: &'static str,
    /// While the figures are being worked out (a big board).
    pub counting: &'static str,
    pub key_figures: &'static str,
    pub average_won: &'static str,
    /// Column headings when comparing: the period before, and the one chosen.
    pub before: &'static str,
    pub after: &'static str,
    /// `{before}` `{after}`: one figure in both periods.
    pub before_after: &'static str,
    /// `{count}` `{value}`.
    pub count_and_value: &'static str,
    /// `{median}` `{mean}`, in days.
    pub cycle_days: &'static str,
    /// `{days}`.
    pub in_days: &'static str,
    /// Marks a figure that rose, fell or stayed the same compared with the period before.
    pub up: &'static str,
    pub down: &'static str,
    pub same: &'static str,
    pub funnel_empty: &'static str,
    /// The per-stage table's heading.
    pub stages: &'static str,
    /// Marks the slowest stage's row; the sentence below says what it means.
    pub slowest_mark: &'static str,
    /// Marks a month before the current one: its deals were expected to have closed already.
    pub overdue_mark: &'static str,
    /// The forecast's key, for one currency and for several (a bar each, to its own scale).
    pub forecast_key: &'static str,
    pub forecast_key_currencies: &'static str,
    /// `{weighted}` `{value}`: one currency's sums in a month.
    pub forecast_row: &'static str,
    pub forecast_empty: &'static str,
    pub lost_empty: &'static str,
    pub groups_empty: &'static str,
    /// Shorter column headings for a narrow column.
    pub new_short: &'static str,
    pub win_rate_short: &'static str,
    pub moves_on_short: &'static str,
    pub jumped_over_short: &'static str,
    pub moved_back_short: &'static str,
    pub no_next_action_short: &'static str,
    pub median_days_short: &'static str,
    pub converted_short: &'static str,
    pub lost_here_short: &'static str,
    pub rotting_now_short: &'static str,
    pub with_skips: &'static str,
    pub with_skips_short: &'static str,
    /// `{item}` `{count}`: the most skipped exit criterion of a stage.
    pub skipped_count: &'static str,
    pub skipped_count_short: &'static str,
    pub compliance_by_owner: &'static str,
    pub moves_empty: &'static str,
    /// Column headings of the lead source and owner tables.
    pub source: &'static str,
    pub owner_heading: &'static str,
    pub won_value: &'static str,
    pub won_value_short: &'static str,
    /// Moves that jumped over a stage, per owner.
    pub jumps: &'static str,
    pub jumps_short: &'static str,
    /// The help screen's heading, and what each key does there.
    pub help_heading: &'static str,
    pub show_reports: &'static str,
    pub previous_period: &'static str,
    pub next_period: &'static str,
    pub next_owner: &'static str,
    pub previous_owner: &'static str,
    pub toggle_compare: &'static str,
    pub back: &'static str,
}
}

/// `67%` (`67 %` in Russian), or a dash when there is nothing to divide.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| t().reports.nothing.to_string(), super::locale::percent)
}

/// `USD 100% · EUR 0%`: the share of closed value that was won, per currency; a dash when
/// nothing closed.
pub fn percent_by_currency(shares: &[(crate::model::Currency, f64)]) -> String {
    if shares.is_empty() {
        return t().reports.nothing.to_string();
    }
    shares
        .iter()
        .map(|(currency, share)| format!("{} {}", currency.code(), percent(Some(*share))))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `6.5` (`6,5`), `12`, or a dash: days to one decimal, without a trailing zero.
pub fn days(days: Option<f64>) -> String {
    days.map_or_else(|| t().reports.nothing.to_string(), super::one_decimal)
}

/// `$12,000 + €5,000`, largest first, exact; a dash when empty.
pub fn money(totals: &Totals) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return t().reports.nothing.to_string();
    }
    all.iter().map(super::money).collect::<Vec<_>>().join(" + ")
}

/// `$12k + €5k`, for where room is short.
pub fn money_compact(totals: &Totals) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return t().reports.nothing.to_string();
    }
    all.iter()
        .map(super::money_compact)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The period in words: `November 1, 2026 – November 30, 2026`, `since …`, `until …`, `all time`.
pub fn period(period: &crate::report::analytics::Period) -> String {
    let r = &t().reports;
    match (period.from, period.to) {
        (Some(from), Some(to)) => super::fill(
            r.period_between,
            &[("from", &date_long(from)), ("to", &date_long(to))],
        ),
        (Some(from), None) => super::fill(r.period_since, &[("from", &date_long(from))]),
        (None, Some(to)) => super::fill(r.period_until, &[("to", &date_long(to))]),
        (None, None) => r.period_all.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_forms() {
        assert_eq!(percent(Some(2.0 / 3.0)), "67%");
        assert_eq!(percent(None), "—");
        assert_eq!(days(Some(6.5)), "6.5");
        assert_eq!(days(Some(31.0)), "31");
        assert_eq!(days(Some(16.0 / 3.0)), "5.3");
    }
}
