//! Customers and the agenda for other programs: `companies` and `contacts` as JSON or CSV, and
//! `agenda --format json`. Contracts like the deal JSON: fields are added, never renamed.

use chrono::NaiveDate;
use serde::Serialize;

use super::csv_export::text;
use super::life_json::{ActivityJson, CompanyJson, ContactJson, FeedbackJson};
use super::utc;
use crate::model::{Board, Person, Totals};
use crate::report::{Agenda, Customer, Planned};

#[derive(Serialize, Debug)]
pub struct CustomerJson<'a> {
    #[serde(flatten)]
    pub company: CompanyJson<'a>,
    /// Open deals' values per currency, as decimal strings.
    pub open: Vec<AmountJson>,
    pub won: Vec<AmountJson>,
    pub open_deals: usize,
    pub won_deals: usize,
    pub lost_deals: usize,
    pub last_contact: Option<String>,
    pub referrals: usize,
    pub feedback: Option<FeedbackJson<'a>>,
}

#[derive(Serialize, Debug)]
pub struct AmountJson {
    pub value: String,
    pub currency: String,
}

fn amounts(totals: &Totals) -> Vec<AmountJson> {
    totals
        .iter()
        .map(|m| AmountJson {
            value: m.decimal(),
            currency: m.currency.code().to_string(),
        })
        .collect()
}

impl<'a> CustomerJson<'a> {
    pub fn of(c: &'a Customer) -> CustomerJson<'a> {
        CustomerJson {
            company: CompanyJson::of(&c.company),
            open: amounts(&c.open),
            won: amounts(&c.won),
            open_deals: c.open_deals,
            won_deals: c.won_deals,
            lost_deals: c.lost_deals,
            last_contact: c.last_contact.as_ref().map(utc),
            referrals: c.referrals,
            feedback: c.feedback.as_ref().map(FeedbackJson::of),
        }
    }
}

/// The columns of `companies --format csv`.
pub const COMPANY_COLUMNS: [&str; 10] = [
    "name",
    "phone",
    "email",
    "open",
    "won",
    "won_deals",
    "last_contact",
    "referrals",
    "feedback_rating",
    "feedback",
];

pub fn companies_csv(customers: &[Customer]) -> Result<Vec<u8>, csv::Error> {
    let joined = |t: &Totals| {
        let parts: Vec<String> = t
            .iter()
            .map(|m| format!("{} {}", m.decimal(), m.currency.code()))
            .collect();
        parts.join("; ")
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COMPANY_COLUMNS)?;
    for c in customers {
        writer.write_record([
            text(&c.company.name),
            text(&c.company.phone),
            text(&c.company.email),
            joined(&c.open),
            joined(&c.won),
            c.won_deals.to_string(),
            c.last_contact.as_ref().map(utc).unwrap_or_default(),
            c.referrals.to_string(),
            c.feedback
                .as_ref()
                .map(|f| f.rating.to_string())
                .unwrap_or_default(),
            c.feedback
                .as_ref()
                .map(|f| text(&f.text))
                .unwrap_or_default(),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The columns of `contacts --format csv`.
pub const CONTACT_COLUMNS: [&str; 5] = ["name", "company", "phone", "email", "notes"];

pub fn contacts_csv(people: &[&Person]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CONTACT_COLUMNS)?;
    for p in people {
        writer.write_record([
            text(&p.name),
            text(&p.company),
            text(&p.phone),
            text(&p.email),
            text(&p.notes),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

pub fn contacts_json<'a>(people: &[&'a Person]) -> Vec<ContactJson<'a>> {
    people.iter().map(|p| ContactJson::of(p)).collect()
}

#[derive(Serialize, Debug)]
pub struct AgendaJson<'a> {
    pub today: String,
    pub overdue: Vec<AgendaItemJson<'a>>,
    pub days: Vec<AgendaDayJson<'a>>,
    /// Planned for no day.
    pub undated: Vec<AgendaItemJson<'a>>,
}

#[derive(Serialize, Debug)]
pub struct AgendaDayJson<'a> {
    pub date: String,
    pub items: Vec<AgendaItemJson<'a>>,
}

#[derive(Serialize, Debug)]
pub struct AgendaItemJson<'a> {
    pub deal_id: u64,
    pub title: &'a str,
    pub company: &'a str,
    pub contact: &'a str,
    pub stage: &'a str,
    #[serde(flatten)]
    pub activity: ActivityJson<'a>,
}

impl<'a> AgendaJson<'a> {
    pub fn of(board: &'a Board, agenda: &Agenda<'a>, today: NaiveDate) -> AgendaJson<'a> {
        let item = |p: &Planned<'a>| AgendaItemJson {
            deal_id: p.deal.id.0,
            title: &p.deal.title,
            company: &p.deal.company,
            contact: &p.deal.contact,
            stage: board
                .stage(&p.deal.stage)
                .map_or(p.deal.stage.as_str(), |s| s.name.as_str()),
            activity: ActivityJson::of(p.activity),
        };
        AgendaJson {
            today: today.to_string(),
            overdue: agenda.overdue.iter().map(item).collect(),
            days: agenda
                .days
                .iter()
                .map(|(date, items)| AgendaDayJson {
                    date: date.to_string(),
                    items: items.iter().map(item).collect(),
                })
                .collect(),
            undated: agenda.undated.iter().map(item).collect(),
        }
    }
}
