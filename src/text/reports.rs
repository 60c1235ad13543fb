//! The words and number forms of the process reports, shared by the reports screen and
//! `dealboard stats`, so that both say the same figures the same way. A translation is one more
//! `static` of [`ReportText`].

use crate::model::Totals;

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

pub static REPORTS: ReportText = ReportText {
    title: "Process report",
    period_between: "{from} – {to}",
    period_since: "since {from}",
    period_until: "until {to}",
    period_all: "all time",
    everyone: "everyone",
    open: "Open",
    weighted: "Weighted",
    won: "Won",
    lost: "Lost",
    win_rate: "Win rate",
    cycle: "Sales cycle",
    velocity: "Velocity",
    per_month: "{value} a month",
    funnel: "Funnel",
    stage: "Stage",
    entered: "In",
    converted: "On to next",
    median_days: "Median days",
    mean_days: "Mean days",
    lost_here: "Lost here",
    rotting_now: "Cold now",
    slowest: "Deals wait longest in {stage} (median {days}).",
    lost_reasons: "Why deals were lost",
    reason: "Reason",
    count: "Deals",
    value: "Value",
    sources: "Lead sources",
    owners: "Owners",
    new_deals: "New",
    forecast: "Forecast (open deals by expected close)",
    no_date: "no date",
    compliance: "Is the process followed?",
    moves_on: "Moves on",
    skipped: "Skipped criteria",
    jumped_over: "Jumped over",
    moved_back: "Moved back",
    no_next_action: "No next action",
    most_skipped: "Most skipped",
    nothing: "—",
    no_reason: "(no reason given)",
    no_source: "(no source)",
    no_owner: "(no owner)",
};

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
    /// How the forecast writes a month (a chrono format): `Dec 2026`.
    pub month_format: &'static str,
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
    /// The status bar's key hints on the screen.
    pub hints: &'static [&'static str],
}

pub static REPORT_SCREEN: ReportScreenText = ReportScreenText {
    last_30_days: "Last 30 days",
    last_90_days: "Last 90 days",
    this_month: "This month",
    last_month: "Last month",
    this_quarter: "This quarter",
    this_year: "This year",
    all_time: "All time",
    owner: "Owner:",
    compared_with: "Compared with {period} (before → now)",
    nothing_before: "{preset} has nothing before it to compare with",
    nothing_happened: "Nothing happened in this period: no deal came in, moved on or closed.",
    key_figures: "Key figures",
    average_won: "Average won",
    before: "Before",
    after: "Now",
    before_after: "{before} → {after}",
    count_and_value: "{count} · {value}",
    cycle_days: "{median} days median · {mean} mean",
    in_days: "{days} days",
    up: "▲",
    down: "▼",
    same: "=",
    funnel_empty: "No deal reached a stage in this period.",
    stages: "Stages: conversion and time",
    slowest_mark: "◀",
    month_format: "%b %Y",
    overdue_mark: "⚠",
    forecast_key: "█ weighted  ░ rest of the value  ⚠ overdue",
    forecast_key_currencies: "█ weighted  ░ rest  ⚠ overdue  · a scale per currency",
    forecast_row: "{weighted} of {value}",
    forecast_empty: "No open deals.",
    lost_empty: "No deal was lost in this period.",
    groups_empty: "No deal came in, was won or was lost in this period.",
    new_short: "New",
    win_rate_short: "Rate",
    moves_on_short: "On",
    jumped_over_short: "Jumped",
    moved_back_short: "Back",
    no_next_action_short: "No plan",
    median_days_short: "Days",
    converted_short: "On",
    lost_here_short: "Lost",
    rotting_now_short: "Cold",
    with_skips: "Skipping criteria",
    with_skips_short: "Skips",
    skipped_count: "Times",
    skipped_count_short: "×",
    compliance_by_owner: "Is the process followed? By owner",
    moves_empty: "No deal moved in this period.",
    source: "Source",
    owner_heading: "Owner",
    won_value: "Won value",
    won_value_short: "Value",
    jumps: "Stage jumps",
    jumps_short: "Jumps",
    help_heading: "In the process report",
    show_reports: "process report: funnel, conversion, win rate, forecast",
    previous_period: "previous period (30 days, 90 days, month, quarter, year, all time)",
    next_period: "next period",
    next_owner: "next owner (everyone, then each in turn)",
    previous_owner: "previous owner",
    toggle_compare: "compare with the period before (again: stop)",
    back: "back to the board",
    hints: &[
        "[ ] period",
        "Tab owner",
        "c compare",
        "Esc back",
        "↑↓ PgDn scroll",
        "? help",
    ],
};

/// `67%`, or a dash when there is nothing to divide.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(
        || REPORTS.nothing.to_string(),
        |s| format!("{:.0}%", s * 100.0),
    )
}

/// `6.5`, `12`, or a dash: days to one decimal, without a trailing `.0`.
pub fn days(days: Option<f64>) -> String {
    match days {
        None => REPORTS.nothing.to_string(),
        Some(d) => {
            let text = format!("{d:.1}");
            text.strip_suffix(".0").map_or(text.clone(), str::to_string)
        }
    }
}

/// `$12,000 + €5,000`, largest first, exact; a dash when empty.
pub fn money(totals: &Totals) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return REPORTS.nothing.to_string();
    }
    all.iter()
        .map(|m| m.display())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `$12k + €5k`, for where room is short.
pub fn money_compact(totals: &Totals) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return REPORTS.nothing.to_string();
    }
    all.iter()
        .map(|m| m.compact())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The period in words: `2026-11-01 – 2026-11-30`, `since …`, `until …`, `all time`.
pub fn period(period: &crate::report::analytics::Period) -> String {
    let r = &REPORTS;
    match (period.from, period.to) {
        (Some(from), Some(to)) => super::fill(r.period_between, &[("from", &from), ("to", &to)]),
        (Some(from), None) => super::fill(r.period_since, &[("from", &from)]),
        (None, Some(to)) => super::fill(r.period_until, &[("to", &to)]),
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
