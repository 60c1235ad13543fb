//! The process report as JSON (`dealboard stats --format json`). A contract like the deal JSON:
//! fields are added, never renamed or removed. Money is decimal strings per currency
//! (`{"USD": "12000.00"}`), shares are 0..1 or `null` when there is nothing to divide.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Totals;
use crate::report::analytics::{Durations, Headline, Period, PersonRow, Stats};

#[derive(Serialize, Debug)]
pub struct StatsJson {
    pub period: PeriodJson,
    pub owner: Option<String>,
    #[serde(flatten)]
    pub headline: HeadlineJson,
    pub win_rate: Option<f64>,
    pub win_rate_by_value: BTreeMap<String, f64>,
    pub average_won: BTreeMap<String, String>,
    pub cycle: DurationsJson,
    /// `null` until enough deals were won in the period to judge by.
    pub velocity_per_month: Option<BTreeMap<String, String>>,
    pub stages: Vec<StageJson>,
    pub slowest_stage: Option<String>,
    pub lost_reasons: Vec<ReasonJson>,
    pub sources: Vec<GroupJson>,
    pub owners: Vec<GroupJson>,
    pub forecast: Vec<ForecastJson>,
    pub compliance: Vec<ComplianceJson>,
    pub owner_compliance: Vec<OwnerComplianceJson>,
    /// The board files read (more than one over a team), with any that could not be read and
    /// why; not given for the period before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub boards: Vec<BoardFileJson>,
    /// With `--by owner`: a row per person, ranked as the table ranks them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<PersonJson>>,
    /// The period just before, of the same length, with `--compare`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<StatsJson>>,
}

/// The pipeline at the period's end, and what was won and lost in it: the report's and each
/// person's, at the top level of their object.
#[derive(Serialize, Debug)]
pub struct HeadlineJson {
    pub open_count: usize,
    pub open_value: BTreeMap<String, String>,
    pub weighted_value: BTreeMap<String, String>,
    pub won_count: usize,
    pub won_value: BTreeMap<String, String>,
    pub lost_count: usize,
    pub lost_value: BTreeMap<String, String>,
}

impl HeadlineJson {
    fn of(h: &Headline) -> HeadlineJson {
        HeadlineJson {
            open_count: h.open_count,
            open_value: money(&h.open_value),
            weighted_value: money(&h.weighted_value),
            won_count: h.won_count,
            won_value: money(&h.won_value),
            lost_count: h.lost_count,
            lost_value: money(&h.lost_value),
        }
    }
}

/// A person's row of `--by owner`.
#[derive(Serialize, Debug)]
pub struct PersonJson {
    pub name: String,
    #[serde(flatten)]
    pub headline: HeadlineJson,
    pub win_rate: Option<f64>,
    pub median_cycle_days: Option<f64>,
    pub overdue: usize,
    pub going_cold: usize,
    pub closing_this_month: usize,
    pub closing_this_month_value: BTreeMap<String, String>,
}

/// The rows of `--by owner` as JSON.
pub fn people_json(rows: &[PersonRow]) -> Vec<PersonJson> {
    rows.iter()
        .map(|p| PersonJson {
            name: p.name.clone(),
            headline: HeadlineJson::of(&p.headline),
            win_rate: p.win_rate,
            median_cycle_days: p.median_cycle_days,
            overdue: p.overdue,
            going_cold: p.going_cold,
            closing_this_month: p.closing_this_month,
            closing_this_month_value: money(&p.closing_this_month_value),
        })
        .collect()
}

/// A board file the report read, with its deals, or could not read, with why.
#[derive(Serialize, Debug)]
pub struct BoardFileJson {
    pub path: String,
    pub deals: Option<usize>,
    pub error: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct PeriodJson {
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct DurationsJson {
    pub count: usize,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

#[derive(Serialize, Debug)]
pub struct StageJson {
    pub id: String,
    pub name: String,
    pub entered: usize,
    pub entered_value: BTreeMap<String, String>,
    pub conversion: Option<f64>,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
    pub stays: usize,
    pub lost: usize,
    pub lost_value: BTreeMap<String, String>,
    pub rotting_now: usize,
}

#[derive(Serialize, Debug)]
pub struct ReasonJson {
    pub reason: String,
    pub count: usize,
    pub value: BTreeMap<String, String>,
}

#[derive(Serialize, Debug)]
pub struct GroupJson {
    pub name: String,
    pub new: usize,
    pub won: usize,
    pub lost: usize,
    pub win_rate: Option<f64>,
    pub won_value: BTreeMap<String, String>,
}

#[derive(Serialize, Debug)]
pub struct ForecastJson {
    /// `2026-12`, or `null` for deals with no expected close date.
    pub month: Option<String>,
    pub count: usize,
    pub value: BTreeMap<String, String>,
    pub weighted: BTreeMap<String, String>,
}

#[derive(Serialize, Debug)]
pub struct ComplianceJson {
    pub stage: String,
    pub moves_on: usize,
    pub skipped: Vec<SkippedJson>,
    pub jumped_over: usize,
    pub moved_back: usize,
    pub no_next_action: usize,
}

#[derive(Serialize, Debug)]
pub struct SkippedJson {
    pub item: String,
    pub count: usize,
}

#[derive(Serialize, Debug)]
pub struct OwnerComplianceJson {
    pub owner: String,
    pub moves_on: usize,
    pub moves_with_skips: usize,
    pub jumps: usize,
    pub moved_back: usize,
    pub no_next_action: usize,
}

/// `{"EUR": "5000.00", "USD": "12000.00"}`.
fn money(totals: &Totals) -> BTreeMap<String, String> {
    totals
        .iter()
        .map(|m| (m.currency.code().to_string(), m.decimal()))
        .collect()
}

fn durations(d: &Durations) -> DurationsJson {
    DurationsJson {
        count: d.count,
        median_days: d.median_days,
        mean_days: d.mean_days,
    }
}

fn period(p: &Period) -> PeriodJson {
    PeriodJson {
        from: p.from.map(|d| d.to_string()),
        to: p.to.map(|d| d.to_string()),
    }
}

impl StatsJson {
    pub fn new(stats: &Stats, previous: Option<&Stats>) -> StatsJson {
        StatsJson {
            period: period(&stats.period),
            owner: stats.owner.clone(),
            headline: HeadlineJson::of(&stats.headline),
            win_rate: stats.win_rate,
            win_rate_by_value: stats
                .win_rate_by_value
                .iter()
                .map(|(c, r)| (c.code().to_string(), *r))
                .collect(),
            average_won: money(&stats.average_won),
            cycle: durations(&stats.cycle),
            velocity_per_month: (!stats.velocity.is_empty()).then(|| money(&stats.velocity)),
            stages: stats
                .stages
                .iter()
                .map(|s| StageJson {
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    entered: s.entered,
                    entered_value: money(&s.entered_value),
                    conversion: s.conversion,
                    median_days: s.time.median_days,
                    mean_days: s.time.mean_days,
                    stays: s.time.count,
                    lost: s.lost,
                    lost_value: money(&s.lost_value),
                    rotting_now: s.rotting_now,
                })
                .collect(),
            slowest_stage: stats
                .slowest_stage
                .and_then(|i| stats.stages.get(i))
                .map(|s| s.name.clone()),
            lost_reasons: stats
                .lost_reasons
                .iter()
                .map(|r| ReasonJson {
                    reason: r.reason.clone(),
                    count: r.count,
                    value: money(&r.value),
                })
                .collect(),
            sources: stats.sources.iter().map(group).collect(),
            owners: stats.owners.iter().map(group).collect(),
            forecast: stats
                .forecast
                .iter()
                .map(|m| ForecastJson {
                    month: m.month.map(|(y, m)| format!("{y}-{m:02}")),
                    count: m.count,
                    value: money(&m.value),
                    weighted: money(&m.weighted),
                })
                .collect(),
            compliance: stats
                .compliance
                .iter()
                .map(|c| ComplianceJson {
                    stage: c.name.clone(),
                    moves_on: c.moves_on,
                    skipped: c
                        .skipped
                        .iter()
                        .map(|(item, count)| SkippedJson {
                            item: item.clone(),
                            count: *count,
                        })
                        .collect(),
                    jumped_over: c.jumped_over,
                    moved_back: c.moved_back,
                    no_next_action: c.no_next_action,
                })
                .collect(),
            owner_compliance: stats
                .owner_compliance
                .iter()
                .map(|o| OwnerComplianceJson {
                    owner: o.owner.clone(),
                    moves_on: o.moves_on,
                    moves_with_skips: o.moves_with_skips,
                    jumps: o.jumps,
                    moved_back: o.moved_back,
                    no_next_action: o.no_next_action,
                })
                .collect(),
            boards: Vec::new(),
            people: None,
            previous: previous.map(|p| Box::new(StatsJson::new(p, None))),
        }
    }
}

fn group(g: &crate::report::analytics::GroupOutcome) -> GroupJson {
    GroupJson {
        name: g.name.clone(),
        new: g.new,
        won: g.won,
        lost: g.lost,
        win_rate: g.win_rate,
        won_value: money(&g.won_value),
    }
}
