//! The customers from the command line: `companies`, `company NAME`, `contacts`, `contact
//! NAME` (each record shown, or changed with options), and what is recorded on a deal about
//! them: `feedback ID` after the sale and `note ID` on its timeline.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use clap::Args;

use super::change::Change;
use super::list::Format;
use super::table::{self, Column};
use super::{Failure, Output, deal_id, no_deal, stage_name};
use crate::clock::Clock;
use crate::interchange::{CustomerJson, companies_csv, contacts_csv, contacts_json};
use crate::model::{Board, DealId, EditError, Person, Status};
use crate::report::{Customer, customer, customers};
use crate::text::day::stars;
use crate::text::{date_short, fill, money, t};

#[derive(Args, Debug)]
pub struct RecordArgs {
    #[arg(long, value_name = "NAME", help = t().day.arg_new_name)]
    pub rename: Option<String>,
    #[arg(long, value_name = "TEXT", help = t().day.arg_phone)]
    pub phone: Option<String>,
    #[arg(long, value_name = "TEXT", help = t().day.arg_email)]
    pub email: Option<String>,
    #[arg(long, value_name = "TEXT", help = t().day.arg_record_notes)]
    pub notes: Option<String>,
}

impl RecordArgs {
    fn is_empty(&self) -> bool {
        self.rename.is_none()
            && self.phone.is_none()
            && self.email.is_none()
            && self.notes.is_none()
    }
}

#[derive(Args, Debug)]
pub struct FeedbackArgs {
    #[arg(help = t().cli.arg_id, value_parser = deal_id)]
    pub id: u64,
    #[arg(long, value_name = "N", help = t().day.arg_rating,
          value_parser = clap::value_parser!(u8).range(1..=5))]
    pub rating: u8,
    #[arg(long, value_name = "TEXT", default_value = "", help = t().day.arg_feedback_text)]
    pub text: String,
}

/// `companies`: every customer with its figures.
pub fn companies(board: &Board, format: Format, width: Option<usize>) -> Result<Output, Failure> {
    let rows = customers(board);
    Ok(match format {
        Format::Json => {
            let json: Vec<CustomerJson> = rows.iter().map(CustomerJson::of).collect();
            Output::Data((serde_json::to_string_pretty(&json)? + "\n").into_bytes())
        }
        Format::Csv => Output::Data(companies_csv(&rows)?),
        Format::Table if rows.is_empty() => Output::Text(format!("{}\n", t().day.no_companies)),
        Format::Table => Output::Text(companies_table(&rows, width)),
    })
}

fn companies_table(rows: &[Customer], width: Option<usize>) -> String {
    let d = &t().day;
    let columns = [
        Column::text(&d.h_company.to_uppercase()),
        Column::text(&d.h_phone.to_uppercase()),
        Column::figure(&d.h_open.to_uppercase()),
        Column::figure(&d.h_won.to_uppercase()),
        Column::figure(&d.h_won_deals.to_uppercase()),
        Column::text(&d.h_last_contact.to_uppercase()),
        Column::figure(&d.h_referrals.to_uppercase()),
        Column::text(&d.h_feedback.to_uppercase()),
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|c| {
            vec![
                c.company.name.clone(),
                c.company.phone.clone(),
                crate::text::reports::money(&c.open),
                crate::text::reports::money(&c.won),
                c.won_deals.to_string(),
                c.last_contact
                    .map(|at| date_short(at.date_naive()))
                    .unwrap_or_default(),
                c.referrals.to_string(),
                c.feedback
                    .as_ref()
                    .map(|f| format!("{} {}", stars(f.rating), f.text))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table::render(&columns, &cells, width)
}

/// `company NAME`: the company with its people and every deal; with options, its record
/// changed first.
pub fn company(
    path: &Path,
    name: &str,
    args: &RecordArgs,
    clock: &dyn Clock,
) -> Result<Output, Failure> {
    let no_company = || Failure(EditError::NoCompany(name.to_string()).to_string());
    if args.is_empty() {
        let board = super::change::read_board(path)?;
        let found = board.company(name).ok_or_else(no_company)?;
        return Ok(Output::Text(company_block(
            &board,
            &found.name,
            clock.now(),
        )));
    }
    let mut session = Change::begin(path)?;
    let found = session
        .board
        .company_or_named(name)
        .map(|c| c.name)
        .ok_or_else(no_company)?;
    let changed = session.board.edit_company(&found, clock.now_utc(), |c| {
        apply(&mut c.name, &args.rename);
        apply(&mut c.phone, &args.phone);
        apply(&mut c.email, &args.email);
        apply(&mut c.notes, &args.notes);
    })?;
    let new_name = args.rename.clone().unwrap_or(found).trim().to_string();
    if changed.is_none() {
        return Ok(Output::Text(format!("{}\n", t().day.nothing_to_change)));
    }
    session.finish()?;
    Ok(Output::Text(
        fill(t().day.company_saved, &[("name", &new_name)])
            + "\n"
            + &company_block_of(path, &new_name, clock)?,
    ))
}

fn company_block_of(path: &Path, name: &str, clock: &dyn Clock) -> Result<String, Failure> {
    let board = super::change::read_board(path)?;
    Ok(company_block(&board, name, clock.now()))
}

fn apply(field: &mut String, given: &Option<String>) {
    if let Some(value) = given {
        *field = value.trim().to_string();
    }
}

/// The company as a block: its record, figures, people and deals.
pub fn company_block(board: &Board, name: &str, now: DateTime<FixedOffset>) -> String {
    let Some(company) = board.company_or_named(name) else {
        return String::new();
    };
    let company = &company;
    let d = &t().day;
    let figures = customer(board, company);
    let mut out = format!("{}\n", company.name);
    let line = |label: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("  {label}: {value}\n")
        }
    };
    out += &line(d.h_phone, &company.phone);
    out += &line(d.h_email, &company.email);
    if figures.open_deals > 0 {
        out += &line(d.h_open, &crate::text::reports::money(&figures.open));
    }
    if figures.won_deals > 0 {
        out += &line(d.h_won, &crate::text::reports::money(&figures.won));
    }
    if figures.is_repeat() {
        out += &format!("  {}\n", t().count(&d.repeat, figures.won_deals));
    }
    if figures.referrals > 0 {
        out += &format!("  {}\n", t().count(&d.brought, figures.referrals));
    }
    if let Some(f) = &figures.feedback {
        out += &line(
            d.h_feedback,
            &format!(
                "{} {} ({})",
                stars(f.rating),
                f.text,
                date_short(f.at.date_naive())
            ),
        );
    }
    if !company.notes.is_empty() {
        out += &format!("{}\n", d.notes);
        for note in company.notes.lines() {
            out += &format!("  {note}\n");
        }
    }
    let people: Vec<&Person> = board.people_at(&company.name).collect();
    if !people.is_empty() {
        out += &format!("{}\n", d.people);
        out += &indent(&people_table(&people, None));
    }
    out += &format!("{}\n", d.deals);
    out += &indent(&deals_table(board, &company.name, now));
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

fn people_table(people: &[&Person], width: Option<usize>) -> String {
    let d = &t().day;
    let columns = [
        Column::text(&d.h_name.to_uppercase()),
        Column::text(&d.h_company.to_uppercase()),
        Column::text(&d.h_phone.to_uppercase()),
        Column::text(&d.h_email.to_uppercase()),
    ];
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.company.clone(),
                p.phone.clone(),
                p.email.clone(),
            ]
        })
        .collect();
    table::render(&columns, &rows, width)
}

/// The company's deals, open first, each with its stage and status.
fn deals_table(board: &Board, company: &str, now: DateTime<FixedOffset>) -> String {
    let c = &t().cli;
    let mut deals: Vec<_> = board.deals_of(company).collect();
    deals.sort_by_key(|d| (!d.status.is_open(), std::cmp::Reverse(d.updated), d.id));
    let columns = [
        Column::figure("#"),
        Column::text(&t().day.h_deal.to_uppercase()),
        Column::text(c.col_stage),
        Column::figure(c.col_value),
    ];
    let rows: Vec<Vec<String>> = deals
        .iter()
        .map(|d| {
            let facts = crate::text::DealFacts::of(board, d, now);
            let stage = match d.status {
                Status::Open => stage_name(board, &d.stage),
                _ => format!("{} · {}", stage_name(board, &d.stage), facts.status),
            };
            vec![d.id.to_string(), d.title.clone(), stage, money(&d.value)]
        })
        .collect();
    table::render(&columns, &rows, None)
}

/// `contacts`: every person on the board.
pub fn contacts(board: &Board, format: Format, width: Option<usize>) -> Result<Output, Failure> {
    let people: Vec<&Person> = board.people.iter().collect();
    Ok(match format {
        Format::Json => Output::Data(
            (serde_json::to_string_pretty(&contacts_json(&people))? + "\n").into_bytes(),
        ),
        Format::Csv => Output::Data(contacts_csv(&people)?),
        Format::Table if people.is_empty() => Output::Text(format!("{}\n", t().day.no_contacts)),
        Format::Table => Output::Text(people_table(&people, width)),
    })
}

/// `contact NAME [--company C]`: the person and their deals; with options, changed first.
pub fn contact(
    path: &Path,
    name: &str,
    company: Option<&str>,
    args: &RecordArgs,
    clock: &dyn Clock,
) -> Result<Output, Failure> {
    let find = |board: &Board| {
        let named: Vec<&Person> = board
            .people
            .iter()
            .filter(|p| crate::model::same_name(&p.name, name))
            .collect();
        if company.is_none() && named.len() > 1 {
            let at: Vec<&str> = named.iter().map(|p| p.company.as_str()).collect();
            return Err(Failure(fill(
                t().day.several_contacts,
                &[
                    ("count", &named.len()),
                    ("name", &crate::text::Quoted(name)),
                    ("companies", &at.join(", ")),
                ],
            )));
        }
        board
            .person(name, company.unwrap_or(""))
            .cloned()
            .ok_or_else(|| Failure(EditError::NoPerson(name.to_string()).to_string()))
    };
    if !args.is_empty() {
        let mut session = Change::begin(path)?;
        let person = find(&session.board)?;
        let changed =
            session
                .board
                .edit_person(&person.name, &person.company, clock.now_utc(), |p| {
                    apply(&mut p.name, &args.rename);
                    apply(&mut p.phone, &args.phone);
                    apply(&mut p.email, &args.email);
                    apply(&mut p.notes, &args.notes);
                })?;
        if changed.is_none() {
            return Ok(Output::Text(format!("{}\n", t().day.nothing_to_change)));
        }
        session.finish()?;
        let new_name = args.rename.as_deref().unwrap_or(&person.name).trim();
        return Ok(Output::Text(
            fill(t().day.contact_saved, &[("name", &new_name)]) + "\n",
        ));
    }
    let board = super::change::read_board(path)?;
    let person = find(&board)?;
    let d = &t().day;
    let mut out = format!("{}\n", person.name);
    for (label, value) in [
        (d.h_company, &person.company),
        (d.h_phone, &person.phone),
        (d.h_email, &person.email),
    ] {
        if !value.is_empty() {
            out += &format!("  {label}: {value}\n");
        }
    }
    for note in person.notes.lines() {
        out += &format!("  {note}\n");
    }
    let deals: Vec<String> = board
        .deals
        .iter()
        .filter(|d| {
            crate::model::same_name(&d.contact, &person.name)
                && (person.company.is_empty()
                    || crate::model::same_name(&d.company, &person.company))
        })
        .map(|d| {
            format!(
                "  #{} {} · {}\n",
                d.id,
                d.title,
                stage_name(&board, &d.stage)
            )
        })
        .collect();
    if !deals.is_empty() {
        out += &format!("{}\n{}", d.deals, deals.concat());
    }
    Ok(Output::Text(out))
}

/// `feedback ID --rating N --text ...`.
pub fn feedback(path: &Path, args: &FeedbackArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let id = DealId(args.id);
    let title = change_deal(
        path,
        id,
        |board, now| board.add_feedback(id, args.rating, &args.text, now),
        clock,
    )?;
    Ok(fill(
        t().day.feedback_saved,
        &[("id", &id), ("title", &title), ("rating", &args.rating)],
    ) + "\n")
}

/// `note ID TEXT`.
pub fn note(path: &Path, id: u64, text: &str, clock: &dyn Clock) -> Result<String, Failure> {
    let id = DealId(id);
    let title = change_deal(path, id, |board, now| board.add_note(id, text, now), clock)?;
    Ok(fill(t().day.note_saved, &[("id", &id), ("title", &title)]) + "\n")
}

/// Changes deal `id` of the board at `path` through `change` and saves it; returns its title.
pub fn change_deal(
    path: &Path,
    id: DealId,
    change: impl FnOnce(
        &mut Board,
        chrono::DateTime<chrono::Utc>,
    ) -> Result<crate::model::Patch, EditError>,
    clock: &dyn Clock,
) -> Result<String, Failure> {
    let mut session = Change::begin(path)?;
    session.board.deal(id).ok_or_else(|| no_deal(id))?;
    change(&mut session.board, clock.now_utc())?;
    let title = session
        .board
        .deal(id)
        .map(|d| d.title.clone())
        .unwrap_or_default();
    session.finish()?;
    Ok(title)
}
