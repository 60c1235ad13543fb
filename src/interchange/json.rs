//! The JSON shape of a deal. Scripts depend on it: add fields, never rename or remove them.

use serde::Serialize;

use super::life_json::ActivityJson;
use super::utc;

use crate::model::{Board, Deal, Status};

#[derive(Serialize, Debug, PartialEq)]
pub struct DealJson<'a> {
    pub id: u64,
    pub title: &'a str,
    pub company: &'a str,
    pub contact: &'a str,
    /// Decimal string in the currency's units, e.g. "12000.00".
    pub value: String,
    pub currency: &'a str,
    pub cost: Option<String>,
    /// The chance of winning it used for the weighted value, in percent: the deal's own, else its
    /// stage's default; 100 once won, 0 once lost.
    pub probability: u8,
    /// The stage's name as the board shows it.
    pub stage: &'a str,
    pub stage_id: &'a str,
    pub owner: &'a str,
    pub source: &'a str,
    /// `open`, `won` or `lost`.
    pub status: &'static str,
    pub lost_reason: Option<&'a str>,
    pub closed: Option<String>,
    pub expected_close: Option<String>,
    /// The next activity's text and day (see `activities`).
    pub next_action: &'a str,
    pub next_action_due: Option<String>,
    /// Everything planned, soonest first.
    pub activities: Vec<ActivityJson<'a>>,
    pub tags: &'a [String],
    pub notes: &'a str,
    /// RFC 3339 timestamps in UTC.
    pub created: String,
    pub updated: String,
}

impl<'a> DealJson<'a> {
    pub fn new(board: &'a Board, deal: &'a Deal) -> DealJson<'a> {
        let stage = board.stage(&deal.stage);
        let (lost_reason, closed) = match &deal.status {
            Status::Open => (None, None),
            Status::Won { at } => (None, Some(utc(at))),
            Status::Lost { at, reason } => (Some(reason.as_str()), Some(utc(at))),
        };
        DealJson {
            id: deal.id.0,
            title: &deal.title,
            company: &deal.company,
            contact: &deal.contact,
            value: deal.value.decimal(),
            currency: deal.value.currency.code(),
            cost: deal.cost.map(|c| c.decimal()),
            probability: crate::report::probability(deal, board),
            stage: stage.map_or(deal.stage.as_str(), |s| s.name.as_str()),
            stage_id: &deal.stage.0,
            owner: &deal.owner,
            source: &deal.source,
            status: deal.status.key(),
            lost_reason,
            closed,
            expected_close: deal.expected_close.map(|d| d.to_string()),
            next_action: deal.next_action(),
            next_action_due: deal.next_due().map(|d| d.to_string()),
            activities: planned(deal).map(ActivityJson::of).collect(),
            tags: &deal.tags,
            notes: &deal.notes,
            created: utc(&deal.created),
            updated: utc(&deal.updated),
        }
    }
}

/// The deal's planned activities, soonest first (as the agenda lists them).
fn planned(deal: &Deal) -> impl Iterator<Item = &crate::model::Activity> {
    let mut planned: Vec<_> = deal.activities.iter().collect();
    planned.sort_by_key(|a| (a.due.is_none(), a.due, a.time));
    planned.into_iter()
}

/// The given deals as a pretty-printed JSON array (and a line end), written to `out` as it is
/// made: a hundred thousand deals' JSON is never in memory at once.
pub fn write_deals_json(
    out: &mut dyn std::io::Write,
    board: &Board,
    deals: &[&Deal],
) -> Result<(), serde_json::Error> {
    serde_json::to_writer_pretty(&mut *out, &Listed { board, deals })?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// Deals serialized one by one, each made into its JSON shape only when written.
struct Listed<'a> {
    board: &'a Board,
    deals: &'a [&'a Deal],
}

impl Serialize for Listed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.deals.iter().map(|d| DealJson::new(self.board, d)))
    }
}
