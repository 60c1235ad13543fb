//! Wins and losses in the period: how many, how much, the win rate, why deals were lost, which
//! lead sources and owners win, the sales cycle, and the pipeline open at the period's end.

use chrono::{DateTime, TimeDelta, Utc};

use super::durations::Durations;
use super::period::Window;
use crate::model::position_of_name;
use crate::model::{Board, Currency, Deal, Minor, Money, Status, Totals};

/// Deals closed in the period.
#[derive(Clone, Debug, Default)]
pub(super) struct Closed {
    pub won_count: usize,
    pub won_value: Totals,
    pub lost_count: usize,
    pub lost_value: Totals,
    /// Won deals per currency, for the average.
    won_per_currency: Vec<(Currency, usize)>,
    pub cycle: Durations,
}

impl Closed {
    pub fn win_rate(&self) -> Option<f64> {
        let closed = self.won_count + self.lost_count;
        (closed > 0).then(|| self.won_count as f64 / closed as f64)
    }

    /// Won value of closed value, per currency that has any.
    pub fn win_rate_by_value(&self) -> Vec<(Currency, f64)> {
        let mut closed = self.won_value.clone();
        for lost in self.lost_value.iter() {
            closed.add(*lost);
        }
        closed
            .largest_first()
            .iter()
            .filter(|total| total.minor > 0)
            .map(|total| {
                let won = self.won_value.amount_in(total.currency);
                (total.currency, won as f64 / total.minor as f64)
            })
            .collect()
    }

    /// The average won deal, per currency.
    pub fn average_won(&self) -> Totals {
        let mut average = Totals::default();
        for (currency, count) in &self.won_per_currency {
            let total = self.won_value.amount_in(*currency);
            average.add(Money {
                minor: total / Minor::from((*count).max(1) as u64),
                currency: *currency,
            });
        }
        average
    }
}

pub(super) fn closed_at(deal: &Deal) -> Option<DateTime<Utc>> {
    match &deal.status {
        Status::Open => None,
        Status::Won { at } | Status::Lost { at, .. } => Some(*at),
    }
}

pub(super) fn closed(deals: &[&Deal], window: &Window) -> Closed {
    let mut closed = Closed::default();
    let mut cycles: Vec<TimeDelta> = Vec::new();
    for deal in deals {
        match &deal.status {
            Status::Won { at } if window.contains(*at) => {
                closed.won_count += 1;
                closed.won_value.add(deal.value);
                match closed
                    .won_per_currency
                    .iter_mut()
                    .find(|(c, _)| *c == deal.value.currency)
                {
                    Some((_, count)) => *count += 1,
                    None => closed.won_per_currency.push((deal.value.currency, 1)),
                }
                cycles.push(*at - deal.created);
            }
            Status::Lost { at, .. } if window.contains(*at) => {
                closed.lost_count += 1;
                closed.lost_value.add(deal.value);
            }
            _ => {}
        }
    }
    closed.cycle = Durations::of(&cycles);
    closed
}

/// The pipeline as it stood at `end`: deals created before it and not yet closed then.
#[derive(Clone, Debug, Default)]
pub(super) struct Open {
    pub count: usize,
    pub value: Totals,
    pub weighted: Totals,
    per_currency: Vec<(Currency, usize)>,
}

pub(super) fn open_at(board: &Board, deals: &[&Deal], end: DateTime<Utc>) -> Open {
    let mut open = Open::default();
    let stages = crate::report::stage_index::StageIndex::of(board);
    for deal in deals {
        let still_open = closed_at(deal).is_none_or(|at| at >= end);
        if deal.created >= end || !still_open {
            continue;
        }
        // The stage it was in then, for its chance of being won.
        let stage = deal
            .history
            .iter()
            .rev()
            .find(|v| v.at < end)
            .map_or(&deal.stage, |v| &v.stage);
        let percent = deal
            .probability
            .or_else(|| stages.get(stage).map(|i| board.stages[i].probability))
            .unwrap_or(0);
        open.count += 1;
        open.value.add(deal.value);
        let weighted = (deal.value.minor * Minor::from(percent) + 50).div_euclid(100);
        open.weighted.add(Money {
            minor: weighted,
            currency: deal.value.currency,
        });
        match open
            .per_currency
            .iter_mut()
            .find(|(c, _)| *c == deal.value.currency)
        {
            Some((_, count)) => *count += 1,
            None => open.per_currency.push((deal.value.currency, 1)),
        }
    }
    open
}

/// Expected won value per month, per currency: open deals × win rate × average won deal ÷ the
/// mean sales cycle in months (of 30 days). Nothing when nothing was won in the period.
/// Deals won in the period before velocity is worked out: fewer make its rate and cycle
/// chance, and a room reads a figure as a fact.
pub const VELOCITY_FROM_WON: usize = 3;

pub(super) fn velocity(open: &Open, closed: &Closed) -> Totals {
    let mut velocity = Totals::default();
    let (Some(rate), Some(cycle)) = (closed.win_rate(), closed.cycle.mean_days) else {
        return velocity;
    };
    // A cycle of less than a day (deals entered already won) would make it soar.
    let too_quick = closed.cycle.median_days.is_none_or(|days| days < 1.0);
    if closed.won_count < VELOCITY_FROM_WON || too_quick {
        return velocity;
    }
    let months = (cycle / 30.0).max(1.0 / 30.0);
    let average = closed.average_won();
    for (currency, count) in &open.per_currency {
        let won = average.amount_in(*currency);
        if won > 0 {
            velocity.add(Money {
                minor: (*count as f64 * rate * won as f64 / months).round() as Minor,
                currency: *currency,
            });
        }
    }
    velocity
}

/// Why deals were lost in the period, the most frequent first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonCount {
    pub reason: String,
    pub count: usize,
    pub value: Totals,
}

pub(super) fn lost_reasons(deals: &[&Deal], window: &Window) -> Vec<ReasonCount> {
    let mut reasons: Vec<ReasonCount> = Vec::new();
    for deal in deals {
        let Status::Lost { at, reason } = &deal.status else {
            continue;
        };
        if !window.contains(*at) {
            continue;
        }
        let reason = reason.trim();
        match reasons
            .iter_mut()
            .find(|r| r.reason.eq_ignore_ascii_case(reason))
        {
            Some(r) => {
                r.count += 1;
                r.value.add(deal.value);
            }
            None => {
                let mut value = Totals::default();
                value.add(deal.value);
                reasons.push(ReasonCount {
                    reason: reason.to_string(),
                    count: 1,
                    value,
                });
            }
        }
    }
    reasons.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
    reasons
}

/// How one lead source (or one owner) did in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupOutcome {
    /// As the deals write it; empty when they do not say.
    pub name: String,
    /// Deals created in the period.
    pub new: usize,
    pub won: usize,
    pub lost: usize,
    /// Won of closed, by count; `None` when none closed.
    pub win_rate: Option<f64>,
    pub won_value: Totals,
}

pub(super) fn by_group(
    deals: &[&Deal],
    window: &Window,
    name_of: impl Fn(&Deal) -> &str,
) -> Vec<GroupOutcome> {
    let mut groups: Vec<GroupOutcome> = Vec::new();
    for deal in deals {
        let new = window.contains(deal.created);
        let (won, lost) = match &deal.status {
            Status::Won { at } if window.contains(*at) => (true, false),
            Status::Lost { at, .. } if window.contains(*at) => (false, true),
            _ => (false, false),
        };
        if !(new || won || lost) {
            continue;
        }
        let name = name_of(deal).trim();
        let at = match position_of_name(&groups, name, |g| &g.name) {
            Some(at) => at,
            None => {
                groups.push(GroupOutcome {
                    name: name.to_string(),
                    new: 0,
                    won: 0,
                    lost: 0,
                    win_rate: None,
                    won_value: Totals::default(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        group.new += usize::from(new);
        group.won += usize::from(won);
        group.lost += usize::from(lost);
        if won {
            group.won_value.add(deal.value);
        }
    }
    for group in &mut groups {
        let closed = group.won + group.lost;
        group.win_rate = (closed > 0).then(|| group.won as f64 / closed as f64);
    }
    groups.sort_by(|a, b| {
        (b.won, b.new)
            .cmp(&(a.won, a.new))
            .then(a.name.cmp(&b.name))
    });
    groups
}
