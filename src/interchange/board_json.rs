//! The whole board as JSON for other tools: settings, stages and every deal with its history.
//! Like the deal JSON it is a contract: fields are added, never renamed or removed.

use serde::Serialize;

use super::json::DealJson;
use super::life_json::{ActivityJson, CompanyJson, ContactJson, EventJson, FeedbackJson, NoteJson};
use super::utc;
use crate::model::{Board, Deal, DealField, Phase, StageId};

#[derive(Serialize, Debug)]
pub struct BoardJson<'a> {
    /// Always `dealboard`, so a reader can tell what it was given.
    pub format: &'static str,
    pub name: &'a str,
    pub owner: &'a str,
    pub currency: &'a str,
    pub stages: Vec<StageJson<'a>>,
    pub lost_reasons: &'a [String],
    pub sources: &'a [String],
    /// The exchange rates the board keeps (`dealboard rates`); absent without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<super::stats_json::RatesJson>,
    /// The customers: companies, and their people (the deals' contacts).
    pub companies: Vec<CompanyJson<'a>>,
    pub contacts: Vec<ContactJson<'a>>,
    /// Every change made to the stages, oldest first.
    pub process_log: Vec<super::process_json::ChangeJson<'a>>,
    pub deals: Vec<FullDealJson<'a>>,
}

#[derive(Serialize, Debug)]
pub struct StageJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub probability: u8,
    pub rot_days: u32,
    /// `pre-sale` or `post-sale`.
    pub phase: &'static str,
    pub checklist: &'a [String],
}

/// `pre-sale` or `post-sale`.
pub(super) fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::PreSale => "pre-sale",
        Phase::PostSale => "post-sale",
    }
}

impl<'a> StageJson<'a> {
    pub fn of(stage: &'a crate::model::Stage) -> StageJson<'a> {
        StageJson {
            id: &stage.id.0,
            name: &stage.name,
            probability: stage.probability,
            rot_days: stage.rot_days,
            phase: phase_name(stage.phase),
            checklist: &stage.checklist,
        }
    }
}

/// A deal as `list --format json` gives it, and everything it went through.
#[derive(Serialize, Debug)]
pub struct FullDealJson<'a> {
    #[serde(flatten)]
    pub deal: DealJson<'a>,
    /// `#12` for a deal on the board, or a person's name; absent when nobody referred it.
    pub referred_by: Option<String>,
    pub external_id: Option<&'a str>,
    pub history: Vec<VisitJson<'a>>,
    pub ticked: Vec<TickJson<'a>>,
    pub done_actions: Vec<DoneJson<'a>>,
    pub dated_notes: Vec<NoteJson<'a>>,
    pub feedback: Vec<FeedbackJson<'a>>,
    /// Won, lost, reopened, value and owner changes, oldest first.
    pub events: Vec<EventJson<'a>>,
}

#[derive(Serialize, Debug)]
pub struct VisitJson<'a> {
    pub stage_id: &'a str,
    pub stage: &'a str,
    pub at: String,
    /// Exit criteria of the stage left that were not ticked.
    pub skipped: &'a [std::sync::Arc<str>],
    /// Ids of the stages passed over.
    pub jumped: Vec<&'a str>,
    pub backward: bool,
    /// Moved there by a change to the process (its stage removed), not by a seller.
    pub by_process: bool,
}

#[derive(Serialize, Debug)]
pub struct TickJson<'a> {
    pub stage_id: &'a str,
    pub item: &'a str,
    pub at: String,
}

#[derive(Serialize, Debug)]
pub struct DoneJson<'a> {
    #[serde(flatten)]
    pub activity: ActivityJson<'a>,
    pub done: String,
}

impl<'a> FullDealJson<'a> {
    pub fn new(board: &'a Board, deal: &'a Deal) -> FullDealJson<'a> {
        let name = |id: &'a StageId| board.stage(id).map_or(id.as_str(), |s| s.name.as_str());
        FullDealJson {
            deal: DealJson::new(board, deal),
            referred_by: Some(DealField::ReferredBy.get(deal)).filter(|r| !r.is_empty()),
            external_id: Some(deal.external_id.as_str()).filter(|e| !e.is_empty()),
            history: deal
                .history
                .iter()
                .map(|v| VisitJson {
                    stage_id: &v.stage.0,
                    stage: name(&v.stage),
                    at: utc(&v.at),
                    skipped: &v.skipped,
                    jumped: v.jumped.iter().map(|s| s.as_str()).collect(),
                    backward: v.backward,
                    by_process: v.by_process,
                })
                .collect(),
            ticked: deal
                .ticked
                .iter()
                .map(|t| TickJson {
                    stage_id: &t.stage.0,
                    item: &t.item,
                    at: utc(&t.at),
                })
                .collect(),
            done_actions: deal
                .done_actions
                .iter()
                .map(|d| DoneJson {
                    activity: ActivityJson {
                        kind: d.kind.key(),
                        text: &d.text,
                        due: d.due.map(|d| d.to_string()),
                        time: d.time.map(|t| t.format("%H:%M").to_string()),
                    },
                    done: utc(&d.done),
                })
                .collect(),
            dated_notes: deal.dated_notes.iter().map(NoteJson::of).collect(),
            feedback: deal.feedback.iter().map(FeedbackJson::of).collect(),
            events: deal.events.iter().map(EventJson::of).collect(),
        }
    }
}

impl<'a> BoardJson<'a> {
    pub fn new(board: &'a Board) -> BoardJson<'a> {
        let mut deals: Vec<&Deal> = board.deals.iter().map(AsRef::as_ref).collect();
        deals.sort_by_key(|d| (board.stage_index(&d.stage), d.rank, d.id));
        BoardJson {
            format: "dealboard",
            name: &board.name,
            owner: &board.owner,
            currency: board.currency.code(),
            stages: board.stages.iter().map(StageJson::of).collect(),
            lost_reasons: &board.lost_reasons,
            sources: &board.sources,
            rates: board.rates.as_ref().map(super::stats_json::RatesJson::of),
            companies: board.companies.iter().map(CompanyJson::of).collect(),
            contacts: board.people.iter().map(ContactJson::of).collect(),
            process_log: super::process_json::process_log_json(board),
            deals: deals.iter().map(|d| FullDealJson::new(board, d)).collect(),
        }
    }
}
