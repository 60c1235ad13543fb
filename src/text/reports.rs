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
    all.iter().map(|m| m.display()).collect::<Vec<_>>().join(" + ")
}

/// `$12k + €5k`, for where room is short.
pub fn money_compact(totals: &Totals) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return REPORTS.nothing.to_string();
    }
    all.iter().map(|m| m.compact()).collect::<Vec<_>>().join(" + ")
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
