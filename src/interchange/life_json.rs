//! The JSON of what a deal plans and lived through beyond its stages (activities, dated notes,
//! feedback, events), and of the board's customers. Part of the JSON contract: fields are added,
//! never renamed or removed.

use serde::Serialize;

use super::utc;
use crate::model::{Activity, Company, DatedNote, DealEvent, EventKind, Feedback, Person};

#[derive(Serialize, Debug, PartialEq)]
pub struct ActivityJson<'a> {
    /// `call`, `meeting`, `email` or `task`.
    pub kind: &'static str,
    pub text: &'a str,
    pub due: Option<String>,
    /// `14:30`, the salesperson's own clock.
    pub time: Option<String>,
}

impl<'a> ActivityJson<'a> {
    pub fn of(a: &'a Activity) -> ActivityJson<'a> {
        ActivityJson {
            kind: a.kind.key(),
            text: &a.text,
            due: a.due.map(|d| d.to_string()),
            time: a.time.map(|t| t.format("%H:%M").to_string()),
        }
    }
}

#[derive(Serialize, Debug)]
pub struct NoteJson<'a> {
    pub at: String,
    pub text: &'a str,
}

impl<'a> NoteJson<'a> {
    pub fn of(n: &'a DatedNote) -> NoteJson<'a> {
        NoteJson {
            at: utc(&n.at),
            text: &n.text,
        }
    }
}

#[derive(Serialize, Debug)]
pub struct FeedbackJson<'a> {
    pub at: String,
    /// 1 to 5.
    pub rating: u8,
    pub text: &'a str,
}

impl<'a> FeedbackJson<'a> {
    pub fn of(f: &'a Feedback) -> FeedbackJson<'a> {
        FeedbackJson {
            at: utc(&f.at),
            rating: f.rating,
            text: &f.text,
        }
    }
}

#[derive(Serialize, Debug)]
pub struct EventJson<'a> {
    pub at: String,
    /// `won`, `lost`, `reopened`, `value` or `owner`.
    pub kind: &'static str,
    /// Why it was lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    /// The value (`12000.00 EUR`) or owner before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl<'a> EventJson<'a> {
    pub fn of(e: &'a DealEvent) -> EventJson<'a> {
        let (kind, reason, from, to) = match &e.what {
            EventKind::Won => ("won", None, None, None),
            EventKind::Lost { reason } => ("lost", Some(reason.as_str()), None, None),
            EventKind::Reopened => ("reopened", None, None, None),
            EventKind::Value { from, to } => (
                "value",
                None,
                Some(format!("{} {}", from.decimal(), from.currency.code())),
                Some(format!("{} {}", to.decimal(), to.currency.code())),
            ),
            EventKind::Owner { from, to } => ("owner", None, Some(from.clone()), Some(to.clone())),
        };
        EventJson {
            at: utc(&e.at),
            kind,
            reason,
            from,
            to,
        }
    }
}

#[derive(Serialize, Debug)]
pub struct CompanyJson<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub notes: &'a str,
}

impl<'a> CompanyJson<'a> {
    pub fn of(c: &'a Company) -> CompanyJson<'a> {
        CompanyJson {
            name: &c.name,
            phone: &c.phone,
            email: &c.email,
            notes: &c.notes,
        }
    }
}

#[derive(Serialize, Debug)]
pub struct ContactJson<'a> {
    pub name: &'a str,
    pub company: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub notes: &'a str,
}

impl<'a> ContactJson<'a> {
    pub fn of(p: &'a Person) -> ContactJson<'a> {
        ContactJson {
            name: &p.name,
            company: &p.company,
            phone: &p.phone,
            email: &p.email,
            notes: &p.notes,
        }
    }
}
