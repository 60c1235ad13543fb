//! A deal: one card on the board.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::activity::{Activity, ActivityKind};
use super::bad_text::file_time;
use super::deal_log::{DatedNote, DealEvent, EventKind, Feedback};
use super::limits::{self, TextProblem};
use super::money::Money;
use super::stage::StageId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DealId(pub u64);

impl fmt::Display for DealId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    Won {
        #[serde(deserialize_with = "file_time::timestamp")]
        at: DateTime<Utc>,
    },
    Lost {
        #[serde(deserialize_with = "file_time::timestamp")]
        at: DateTime<Utc>,
        reason: String,
    },
}

impl Status {
    pub fn is_open(&self) -> bool {
        matches!(self, Status::Open)
    }

    /// The stable lowercase name used by the CLI and JSON: `open`, `won`, `lost`.
    pub fn key(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Won { .. } => "won",
            Status::Lost { .. } => "lost",
        }
    }
}

/// One stage the deal entered, and when; with what the move left out of the process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageVisit {
    pub stage: StageId,
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
    /// Exit criteria of the stage left behind that were not ticked.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::shared_text::deserialize_list"
    )]
    pub skipped: Vec<Arc<str>>,
    /// Stages passed over on the way here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jumped: Vec<StageId>,
    /// The deal went back to an earlier stage.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub backward: bool,
    /// Moved by a change to the process (its stage removed), not by a seller: not a move the
    /// reports count as work done or as a step of the process followed or skipped (format 6).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_process: bool,
}

impl StageVisit {
    pub fn new(stage: StageId, at: DateTime<Utc>) -> StageVisit {
        StageVisit {
            stage,
            at,
            skipped: Vec::new(),
            jumped: Vec::new(),
            backward: false,
            by_process: false,
        }
    }
}

/// Who brought a deal in, when it came by referral.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Referral {
    /// Another deal on this board (its customer).
    Deal(DealId),
    /// A customer or person not on the board.
    Person(String),
}

/// The expected close date changed, and when: a deal whose close keeps slipping is news at the
/// stand-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloseChange {
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::date"
    )]
    pub from: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::date"
    )]
    pub to: Option<NaiveDate>,
}

/// An activity that was done, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneAction {
    #[serde(default, skip_serializing_if = "ActivityKind::is_task")]
    pub kind: ActivityKind,
    pub text: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::date"
    )]
    pub due: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::clock",
        serialize_with = "file_time::write_clock"
    )]
    pub time: Option<NaiveTime>,
    #[serde(deserialize_with = "file_time::timestamp")]
    pub done: DateTime<Utc>,
}

/// A checklist item of a stage that was ticked for this deal, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tick {
    pub stage: StageId,
    #[serde(deserialize_with = "super::shared_text::deserialize")]
    pub item: Arc<str>,
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// Contact person at the company.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    pub value: Money,
    /// What the deal costs us to deliver; with the value it gives the margin. Same currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Win probability in percent when it differs from the stage's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Where the lead came from: own prospecting, a marketing campaign, a referral, ...
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who referred it, when it came by referral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_by: Option<Referral>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::date"
    )]
    pub expected_close: Option<NaiveDate>,
    /// What is planned: calls, meetings, e-mails, tasks (see [`Deal::next_activity`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// The one next action of files before format 5: read, then moved into `activities` as
    /// the board is read; never written.
    #[serde(default, rename = "next_action", skip_serializing)]
    pub(crate) old_next_action: String,
    #[serde(
        default,
        rename = "next_action_due",
        skip_serializing,
        deserialize_with = "file_time::date"
    )]
    pub(crate) old_next_action_due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Free notes, several lines, edited as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Dated notes, oldest first: the deal's timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dated_notes: Vec<DatedNote>,
    /// The customer's feedback after the sale, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    /// Won, lost, reopened, value and owner changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<DealEvent>,
    /// The deal's id in the system it was imported from (`pipedrive:123`, `hubspot:456`), so
    /// importing the same export again updates it instead of adding it twice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub external_id: String,
    #[serde(default)]
    pub status: Status,
    pub stage: StageId,
    /// Manual order inside a column: smaller comes first. Gaps leave room to insert.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rank: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ticked: Vec<Tick>,
    /// Next actions that were done, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done_actions: Vec<DoneAction>,
    /// Changes of the expected close date, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub close_changes: Vec<CloseChange>,
    #[serde(deserialize_with = "file_time::timestamp")]
    pub created: DateTime<Utc>,
    #[serde(deserialize_with = "file_time::timestamp")]
    pub updated: DateTime<Utc>,
    /// Every stage the deal entered, oldest first; the first entry is where it was created.
    #[serde(default)]
    pub history: Vec<StageVisit>,
}

/// Why a deal's fields cannot be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealProblem {
    EmptyTitle,
    NegativeValue,
    NegativeCost,
    CostCurrency {
        value: String,
        cost: String,
    },
    Probability(u8),
    /// A feedback rating outside 1 to 5.
    Rating(u8),
    /// A text field (named as in the file) holds a control character or is too long.
    Text {
        field: &'static str,
        problem: TextProblem,
    },
    /// A date or time (named as in the file) outside the years dealboard keeps.
    DateOutOfRange {
        field: &'static str,
    },
}

impl Deal {
    /// Gives back the room its lists grew into while read and no longer need.
    pub fn shrink_to_fit(&mut self) {
        self.tags.shrink_to_fit();
        self.ticked.shrink_to_fit();
        self.done_actions.shrink_to_fit();
        self.activities.shrink_to_fit();
        self.dated_notes.shrink_to_fit();
        self.feedback.shrink_to_fit();
        self.events.shrink_to_fit();
        self.close_changes.shrink_to_fit();
        self.history.shrink_to_fit();
        for visit in &mut self.history {
            visit.skipped.shrink_to_fit();
            visit.jumped.shrink_to_fit();
        }
    }

    /// Records that the expected close date changed from `before` (a first date set is not a
    /// change).
    pub(super) fn note_close_change(&mut self, before: Option<NaiveDate>, at: DateTime<Utc>) {
        if before.is_some() && self.expected_close != before {
            self.close_changes.push(CloseChange {
                at,
                from: before,
                to: self.expected_close,
            });
        }
    }

    /// A new open deal entering `stage` at `now`, with no value yet.
    pub fn new(id: DealId, title: &str, stage: StageId, value: Money, now: DateTime<Utc>) -> Deal {
        Deal {
            id,
            title: title.trim().to_string(),
            company: String::new(),
            contact: String::new(),
            value,
            cost: None,
            probability: None,
            owner: String::new(),
            source: String::new(),
            referred_by: None,
            expected_close: None,
            activities: Vec::new(),
            old_next_action: String::new(),
            old_next_action_due: None,
            tags: Vec::new(),
            notes: String::new(),
            dated_notes: Vec::new(),
            feedback: Vec::new(),
            events: Vec::new(),
            external_id: String::new(),
            status: Status::Open,
            history: vec![StageVisit::new(stage.clone(), now)],
            stage,
            rank: 0,
            ticked: Vec::new(),
            done_actions: Vec::new(),
            close_changes: Vec::new(),
            created: now,
            updated: now,
        }
    }

    /// Checks the rules a deal's own fields must keep, whoever set them (form, CLI or file).
    pub fn check(&self) -> Result<(), DealProblem> {
        if self.title.trim().is_empty() {
            return Err(DealProblem::EmptyTitle);
        }
        if self.value.minor < 0 {
            return Err(DealProblem::NegativeValue);
        }
        if self.cost.is_some_and(|c| c.minor < 0) {
            return Err(DealProblem::NegativeCost);
        }
        if let Some(cost) = self.cost
            && cost.currency != self.value.currency
        {
            return Err(DealProblem::CostCurrency {
                value: self.value.currency.to_string(),
                cost: cost.currency.to_string(),
            });
        }
        if let Some(p) = self.probability.filter(|p| *p > 100) {
            return Err(DealProblem::Probability(p));
        }
        self.check_texts()?;
        self.check_dates()
    }

    /// Every text the deal holds keeps the rules of [`limits`].
    fn check_texts(&self) -> Result<(), DealProblem> {
        let referrer = match &self.referred_by {
            Some(Referral::Person(name)) => name.as_str(),
            _ => "",
        };
        let reason = match &self.status {
            Status::Lost { reason, .. } => reason.as_str(),
            _ => "",
        };
        let lines = [
            ("title", self.title.as_str()),
            ("company", &self.company),
            ("contact", &self.contact),
            ("owner", &self.owner),
            ("source", &self.source),
            ("referred_by", referrer),
            ("external_id", &self.external_id),
            ("reason", reason),
        ]
        .into_iter()
        .chain(
            self.activities
                .iter()
                .map(|a| ("activities", a.text.as_str())),
        )
        .chain(self.feedback.iter().map(|f| ("feedback", f.text.as_str())))
        .chain(self.events.iter().flat_map(|e| match &e.what {
            EventKind::Lost { reason } => vec![("events", reason.as_str())],
            EventKind::Owner { from, to } => {
                vec![("events", from.as_str()), ("events", to.as_str())]
            }
            _ => Vec::new(),
        }))
        .chain(self.tags.iter().map(|t| ("tags", t.as_str())))
        .chain(self.ticked.iter().map(|t| ("ticked", &*t.item)))
        .chain(
            self.done_actions
                .iter()
                .map(|a| ("done_actions", a.text.as_str())),
        )
        .chain(
            self.history
                .iter()
                .flat_map(|v| v.skipped.iter().map(|s| ("skipped", &**s))),
        );
        let text = |field, problem| DealProblem::Text { field, problem };
        for (field, line) in lines {
            limits::check_line(line).map_err(|p| text(field, p))?;
        }
        if let Some(f) = self
            .feedback
            .iter()
            .find(|f| !super::deal_log::RATINGS.contains(&f.rating))
        {
            return Err(DealProblem::Rating(f.rating));
        }
        for note in &self.dated_notes {
            limits::check_notes(&note.text).map_err(|p| text("dated_notes", p))?;
        }
        limits::check_notes(&self.notes).map_err(|p| text("notes", p))
    }

    /// Every date and time the deal holds is within the years of [`limits`].
    fn check_dates(&self) -> Result<(), DealProblem> {
        let days = [("expected_close", self.expected_close)]
            .into_iter()
            .chain(self.activities.iter().map(|a| ("activities", a.due)))
            .chain(self.done_actions.iter().map(|a| ("done_actions", a.due)))
            .chain(
                self.close_changes
                    .iter()
                    .flat_map(|c| [("close_changes", c.from), ("close_changes", c.to)]),
            );
        let closed = match &self.status {
            Status::Won { at } | Status::Lost { at, .. } => Some(*at),
            Status::Open => None,
        };
        let times = [
            ("created", Some(self.created)),
            ("updated", Some(self.updated)),
            ("status", closed),
        ]
        .into_iter()
        .chain(self.history.iter().map(|v| ("history", Some(v.at))))
        .chain(self.ticked.iter().map(|t| ("ticked", Some(t.at))))
        .chain(self.dated_notes.iter().map(|n| ("dated_notes", Some(n.at))))
        .chain(self.feedback.iter().map(|f| ("feedback", Some(f.at))))
        .chain(self.events.iter().map(|e| ("events", Some(e.at))))
        .chain(
            self.done_actions
                .iter()
                .map(|a| ("done_actions", Some(a.done))),
        )
        .chain(
            self.close_changes
                .iter()
                .map(|c| ("close_changes", Some(c.at))),
        );
        let bad_day = days
            .filter_map(|(field, day)| day.map(|d| (field, d)))
            .find(|(_, day)| !limits::date_in_range(*day))
            .map(|(field, _)| field);
        let bad_time = || {
            times
                .filter_map(|(field, time)| time.map(|t| (field, t)))
                .find(|(_, time)| !limits::time_in_range(*time))
                .map(|(field, _)| field)
        };
        match bad_day.or_else(bad_time) {
            Some(field) => Err(DealProblem::DateOutOfRange { field }),
            None => Ok(()),
        }
    }

    /// Shown on the board: open deals, and won deals still being delivered in a post-sale stage.
    /// Lost deals and deals won before any post-sale stage leave the board for the closed list.
    pub fn is_on_board(&self, stage_is_post_sale: bool) -> bool {
        match self.status {
            Status::Open => true,
            Status::Won { .. } => stage_is_post_sale,
            Status::Lost { .. } => false,
        }
    }
}
