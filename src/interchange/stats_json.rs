//! The process report as JSON (`dealboard stats --format json`). A contract like the deal JSON:
//! fields are added, never renamed or removed. Money is decimal strings per currency
//! (`{"USD": "12000.00"}`), shares are 0..1 or `null` when there is nothing to divide. With
//! exchange rates, `rates` says which, and each object holding money maps has `converted`
//! beside them: the same keys, each map as one amount in the report currency (`null` when a
//! currency in it has no rate).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Rates, Totals};
use crate::report::analytics::{Durations, Headline, Period, PersonRow, Stats};

#[derive(Serialize, Debug)]
pub struct StatsJson {
    pub period: PeriodJson,
    pub owner: Option<String>,
    /// The rates converted figures use; absent without rates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<RatesJson>,
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
    /// "Is the process still useful?": the questions the period's moves raise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<super::QuestionJson>>,
    /// With `--change N`: the deals worked before change N of the process and after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeJson>,
    /// Over a team folder keeping a process: the boards not on it (nor on the pilot's, for a
    /// pilot's board); absent when all are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub off_process: Option<Vec<String>>,
    /// Over a team folder with a pilot: the pilot's boards and the rest over the same dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilot: Option<PilotJson>,
    /// The period just before, of the same length, with `--compare`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<StatsJson>>,
}

/// Change `change` of the process, and the deals before and after it.
#[derive(Serialize, Debug)]
pub struct ChangeJson {
    pub change: usize,
    pub at: String,
    pub reason: String,
    pub edits: Vec<super::EditJson>,
    #[serde(flatten)]
    pub comparison: super::ComparisonJson,
}

/// A pilot in a team folder: since when, which boards are on it and which are not, and both
/// sides' figures since it began.
#[derive(Serialize, Debug)]
pub struct PilotJson {
    pub since: String,
    pub reason: String,
    pub boards: Vec<String>,
    pub other_boards: Vec<String>,
    #[serde(flatten)]
    pub comparison: super::ComparisonJson,
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
    /// The money maps of the object, converted (with `average_won` and `velocity_per_month`
    /// for the report, `closing_this_month_value` for a person).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedJson>,
}

/// `{"open_value": "2912345.50", "weighted_value": null, ...}` in the report currency.
pub type ConvertedJson = BTreeMap<&'static str, Option<String>>;

/// The report currency, the day the rates were set, and each rate.
#[derive(Serialize, Debug)]
pub struct RatesJson {
    pub currency: String,
    pub set_on: String,
    /// `{"EUR": "1.08"}`: what one unit is worth in the report currency.
    pub rates: BTreeMap<String, String>,
}

impl RatesJson {
    pub fn of(rates: &Rates) -> RatesJson {
        RatesJson {
            currency: rates.to().code().to_string(),
            set_on: rates.set_on().to_string(),
            rates: rates
                .rates()
                .iter()
                .map(|r| (r.from.code().to_string(), r.per_unit.to_string()))
                .collect(),
        }
    }
}

/// Each of `maps` converted with `rates`; `None` without rates.
fn converted(rates: Option<&Rates>, maps: &[(&'static str, &Totals)]) -> Option<ConvertedJson> {
    let rates = rates?;
    Some(
        maps.iter()
            .map(|(key, totals)| {
                let amount = rates.convert_total(totals).whole().map(|m| m.decimal());
                (*key, amount)
            })
            .collect(),
    )
}

impl HeadlineJson {
    /// `more`: the object's other money maps, converted with the headline's.
    fn of(h: &Headline, rates: Option<&Rates>, more: &[(&'static str, &Totals)]) -> HeadlineJson {
        let mut maps = vec![
            ("open_value", &h.open_value),
            ("weighted_value", &h.weighted_value),
            ("won_value", &h.won_value),
            ("lost_value", &h.lost_value),
        ];
        maps.extend_from_slice(more);
        HeadlineJson {
            converted: converted(rates, &maps),
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
pub fn people_json(rows: &[PersonRow], rates: Option<&Rates>) -> Vec<PersonJson> {
    rows.iter()
        .map(|p| PersonJson {
            name: p.name.clone(),
            headline: HeadlineJson::of(
                &p.headline,
                rates,
                &[("closing_this_month_value", &p.closing_this_month_value)],
            ),
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedJson>,
}

#[derive(Serialize, Debug)]
pub struct ReasonJson {
    pub reason: String,
    pub count: usize,
    pub value: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedJson>,
}

#[derive(Serialize, Debug)]
pub struct GroupJson {
    pub name: String,
    pub new: usize,
    pub won: usize,
    pub lost: usize,
    pub win_rate: Option<f64>,
    pub won_value: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedJson>,
}

#[derive(Serialize, Debug)]
pub struct ForecastJson {
    /// `2026-12`, or `null` for deals with no expected close date.
    pub month: Option<String>,
    pub count: usize,
    pub value: BTreeMap<String, String>,
    pub weighted: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedJson>,
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
        let rates = stats.rates.as_ref();
        let mut json = StatsJson {
            period: period(&stats.period),
            owner: stats.owner.clone(),
            rates: rates.map(RatesJson::of),
            headline: HeadlineJson::of(
                &stats.headline,
                rates,
                &[("velocity_per_month", &stats.velocity)],
            ),
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
                    converted: converted(
                        rates,
                        &[
                            ("entered_value", &s.entered_value),
                            ("lost_value", &s.lost_value),
                        ],
                    ),
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
                    converted: converted(rates, &[("value", &r.value)]),
                })
                .collect(),
            sources: stats.sources.iter().map(|g| group(g, rates)).collect(),
            owners: stats.owners.iter().map(|g| group(g, rates)).collect(),
            forecast: stats
                .forecast
                .iter()
                .map(|m| ForecastJson {
                    month: m.month.map(|(y, m)| format!("{y}-{m:02}")),
                    count: m.count,
                    value: money(&m.value),
                    weighted: money(&m.weighted),
                    converted: converted(rates, &[("value", &m.value), ("weighted", &m.weighted)]),
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
            questions: None,
            change: None,
            off_process: None,
            pilot: None,
        };
        if let Some(converted) = &mut json.headline.converted {
            // Like the velocity itself: unknown until enough deals were won to judge by.
            if stats.velocity.is_empty() {
                converted.insert("velocity_per_month", None);
            }
            // All that was won converted, over the deals won: averages per currency do not add.
            let average = stats.converted_average_won().and_then(|c| c.whole());
            converted.insert("average_won", average.map(|m| m.decimal()));
        }
        json
    }
}

fn group(g: &crate::report::analytics::GroupOutcome, rates: Option<&Rates>) -> GroupJson {
    GroupJson {
        name: g.name.clone(),
        new: g.new,
        won: g.won,
        lost: g.lost,
        win_rate: g.win_rate,
        won_value: money(&g.won_value),
        converted: converted(rates, &[("won_value", &g.won_value)]),
    }
}
