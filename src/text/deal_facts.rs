//! A deal's facts in words: where it came from, what it is worth, how long it sat, what is
//! next. The detail view and `dealboard show` both say them, so they say them the same way.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{fill, t};
use crate::model::{Board, Deal, Referral, Status};
use crate::report::{
    Due, StageStay, due_state, idle_days, margin, probability, rotting_days, weighted,
};

pub struct DealFacts {
    pub stage: String,
    /// `open`, `won`, `lost: Price too high`.
    pub status: String,
    /// The lead source and who referred it: `Referral · by #3 Acme rollout`.
    pub source: String,
    /// `$7,200 at 60%`.
    pub weighted: String,
    /// `$4,000 · margin $8,000 (67%)`, or empty.
    pub cost: String,
    /// `12 days untouched (cold after 14)`, marked when going cold.
    pub touched: String,
    pub rotting: bool,
    /// `Call back · due Nov 20, 2026 (⚠ 7d overdue)`.
    pub next: String,
    pub due: Due,
    pub expected_close: String,
    pub created: String,
}

impl DealFacts {
    pub fn of(board: &Board, deal: &Deal, now: DateTime<FixedOffset>) -> DealFacts {
        let d = &t().detail;
        let date = |d: Option<NaiveDate>| d.map(super::date_long);
        let idle = idle_days(deal, now);
        let rotting = rotting_days(deal, board, now).is_some();
        let rot = board.stage(&deal.stage).map_or(0, |s| s.rot_days);
        let days = t().count(&d.days, usize::try_from(idle).unwrap_or(0));
        // A closed deal off the board is not going cold: it says when it closed.
        let closed_at = match &deal.status {
            Status::Won { at } | Status::Lost { at, .. }
                if !deal.is_on_board(board.is_post_sale(&deal.stage)) =>
            {
                Some(super::date_long(
                    at.with_timezone(now.offset()).date_naive(),
                ))
            }
            _ => None,
        };
        let touched = match closed_at {
            Some(date) => fill(d.closed_on, &[("date", &date)]),
            None => fill(
                if rotting { d.cold } else { d.idle },
                &[("days", &days), ("limit", &rot)],
            ),
        };
        let today = now.date_naive();
        DealFacts {
            stage: board
                .stage(&deal.stage)
                .map_or_else(|| deal.stage.to_string(), |s| s.name.clone()),
            status: match &deal.status {
                Status::Open => d.open.to_string(),
                Status::Won { .. } => d.won.to_string(),
                Status::Lost { reason, .. } => fill(d.lost, &[("reason", reason)]),
            },
            source: source(board, deal),
            weighted: fill(
                d.weighted_value,
                &[
                    ("value", &crate::text::money(&weighted(deal, board))),
                    ("percent", &probability(deal, board)),
                ],
            ),
            cost: cost(deal),
            touched,
            rotting,
            next: next_action(deal, today),
            due: due_state(deal, today),
            expected_close: date(deal.expected_close).unwrap_or_default(),
            created: date(Some(deal.created.with_timezone(now.offset()).date_naive()))
                .unwrap_or_default(),
        }
    }
}

fn source(board: &Board, deal: &Deal) -> String {
    let d = &t().detail;
    let referrer = match &deal.referred_by {
        Some(Referral::Deal(id)) => {
            let title = board.deal(*id).map(|r| r.title.clone()).unwrap_or_default();
            fill(d.referred_by_deal, &[("id", id), ("title", &title)])
        }
        Some(Referral::Person(name)) => fill(d.referred_by_person, &[("name", name)]),
        None => String::new(),
    };
    [deal.source.as_str(), referrer.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn cost(deal: &Deal) -> String {
    match (deal.cost, margin(deal)) {
        (Some(cost), Some((margin, Some(share)))) => fill(
            t().detail.cost_margin,
            &[
                ("cost", &crate::text::money(&cost)),
                ("margin", &crate::text::money(&margin)),
                ("percent", &share),
            ],
        ),
        (Some(cost), _) => crate::text::money(&cost),
        _ => String::new(),
    }
}

/// `Call back · due 2026-11-20 (⚠ 7d overdue)`.
fn next_action(deal: &Deal, today: NaiveDate) -> String {
    let d = &t().detail;
    let text = match (deal.next_action().is_empty(), deal.next_due()) {
        (false, _) => deal.next_action().to_string(),
        (true, Some(_)) => d.undescribed.to_string(),
        (true, None) => t().board.no_next_action[0].to_string(),
    };
    let due = deal.next_due().map(super::date_long);
    match (due, due_state(deal, today)) {
        (Some(due), Due::Overdue(days)) => fill(
            d.next_overdue,
            &[("text", &text), ("date", &due), ("days", &days)],
        ),
        (Some(due), Due::Today) => fill(d.next_today, &[("text", &text), ("date", &due)]),
        (Some(due), _) => fill(d.next_later, &[("text", &text), ("date", &due)]),
        (None, _) => text,
    }
}

/// One stay in a stage, in words: the stage's name (even once removed), the days, and what the
/// move there left out (`now`, `went back`, `jumped over …`, `skipped …`).
pub struct StayWords {
    pub date: String,
    pub name: String,
    pub days: String,
    pub notes: Vec<String>,
    /// Something was skipped, jumped or undone: worth a second look.
    pub irregular: bool,
}

impl StayWords {
    pub fn of(stay: &StageStay, now: DateTime<FixedOffset>) -> StayWords {
        let d = &t().detail;
        let mut notes = Vec::new();
        if stay.current {
            notes.push(d.now.to_string());
        }
        if stay.backward {
            notes.push(d.went_back.to_string());
        }
        if !stay.jumped.is_empty() {
            notes.push(fill(d.jumped, &[("stages", &stay.jumped.join(", "))]));
        }
        if !stay.skipped.is_empty() {
            notes.push(fill(d.skipped, &[("items", &stay.skipped.join(", "))]));
        }
        StayWords {
            date: stay
                .entered
                .with_timezone(now.offset())
                .format("%Y-%m-%d")
                .to_string(),
            name: stay
                .name
                .clone()
                .unwrap_or_else(|| fill(d.removed_stage, &[("id", &stay.stage)])),
            days: t().count(&d.days, usize::try_from(stay.days).unwrap_or(0)),
            notes,
            irregular: stay.backward || !stay.jumped.is_empty() || !stay.skipped.is_empty(),
        }
    }
}
