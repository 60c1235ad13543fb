//! What a deal keeps about its life besides its stages: dated notes, the customer's feedback
//! after the sale, and the changes a seller asks about later (won, lost and why, reopened, value
//! and owner changes).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::bad_text::file_time;
use super::board::Board;
use super::deal::{Deal, DealId, Status};
use super::edit::EditError;
use super::limits;
use super::money::Money;
use super::patch::Patch;

/// A note with its time, in the deal's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedNote {
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
    pub text: String,
}

/// The customer's word on a sale: a rating of 1 to 5 and what they said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
    pub rating: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The ratings feedback may give.
pub const RATINGS: std::ops::RangeInclusive<u8> = 1..=5;

/// A change to a deal worth seeing in its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealEvent {
    #[serde(deserialize_with = "file_time::timestamp")]
    pub at: DateTime<Utc>,
    pub what: EventKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    Won,
    Lost { reason: String },
    Reopened,
    Value { from: Money, to: Money },
    Owner { from: String, to: String },
}

impl Deal {
    /// Records in the deal's events what an edit from `old` changed of its value and owner.
    pub(super) fn note_events_since(&mut self, old: &Deal, at: DateTime<Utc>) {
        if self.value != old.value {
            self.events.push(DealEvent {
                at,
                what: EventKind::Value {
                    from: old.value,
                    to: self.value,
                },
            });
        }
        if self.owner != old.owner {
            self.events.push(DealEvent {
                at,
                what: EventKind::Owner {
                    from: old.owner.clone(),
                    to: self.owner.clone(),
                },
            });
        }
    }

    /// Records a change of status (won, lost, reopened).
    pub(super) fn note_status(&mut self, at: DateTime<Utc>) {
        let what = match &self.status {
            Status::Won { .. } => EventKind::Won,
            Status::Lost { reason, .. } => EventKind::Lost {
                reason: reason.clone(),
            },
            Status::Open => EventKind::Reopened,
        };
        self.events.push(DealEvent { at, what });
    }

    /// The latest feedback the customer gave on this deal.
    pub fn latest_feedback(&self) -> Option<&Feedback> {
        self.feedback.iter().max_by_key(|f| f.at)
    }
}

impl Board {
    /// Adds a dated note to the deal's timeline (several lines are fine).
    pub fn add_note(
        &mut self,
        id: DealId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        let text = text.trim().replace("\r\n", "\n");
        if text.is_empty() {
            return Err(EditError::EmptyNote);
        }
        let mut new = deal.clone();
        new.dated_notes.push(DatedNote { at: now, text });
        new.updated = now;
        new.check().map_err(EditError::Invalid)?;
        Ok(self.record(&[id], |board| board.put_deal(id, Some(new))))
    }

    /// Records the customer's feedback on a won deal.
    pub fn add_feedback(
        &mut self,
        id: DealId,
        rating: u8,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        if !matches!(deal.status, Status::Won { .. }) {
            return Err(EditError::FeedbackBeforeSale);
        }
        if !RATINGS.contains(&rating) {
            return Err(EditError::Rating(rating));
        }
        let mut new = deal.clone();
        new.feedback.push(Feedback {
            at: now,
            rating,
            text: limits::fit_line(text.trim()),
        });
        new.updated = now;
        new.check().map_err(EditError::Invalid)?;
        Ok(self.record(&[id], |board| board.put_deal(id, Some(new))))
    }
}
