//! `dealboard show ID`: one deal, whole: as a block of fields for people, JSON or CSV.

use chrono::{DateTime, FixedOffset};

use super::Output;
use super::list::Format;
use super::{Failure, no_deal};
use crate::interchange::{FullDealJson, deals_csv};
use crate::model::{Board, DealField, DealId};
use crate::report::timeline;
use crate::text::{DealFacts, StayWords, field_label, fill, t};

pub fn show(
    board: &Board,
    id: DealId,
    format: Format,
    now: DateTime<FixedOffset>,
) -> Result<Output, Failure> {
    let deal = board.deal(id).ok_or_else(|| no_deal(id))?;
    Ok(match format {
        Format::Json => Output::Data(
            (serde_json::to_string_pretty(&FullDealJson::new(board, deal))? + "\n").into_bytes(),
        ),
        Format::Csv => Output::Data(deals_csv(board, &[deal], false)?),
        Format::Table => Output::Text(block(board, id, now)),
    })
}

/// The fields that have a value, each on its line; then the exit criteria and the history.
fn block(board: &Board, id: DealId, now: DateTime<FixedOffset>) -> String {
    let Some(deal) = board.deal(id) else {
        return String::new();
    };
    let d = &t().detail;
    let c = &t().cli;
    let facts = DealFacts::of(board, deal, now);
    let label = field_label;
    let fields = [
        (c.show_stage, format!("{} · {}", facts.stage, facts.status)),
        (label(DealField::Company), deal.company.clone()),
        (label(DealField::Contact), deal.contact.clone()),
        (label(DealField::Owner), deal.owner.clone()),
        (label(DealField::Source), facts.source),
        (label(DealField::Value), crate::text::money(&deal.value)),
        (d.weighted, facts.weighted),
        (label(DealField::Cost), facts.cost),
        (label(DealField::ExpectedClose), facts.expected_close),
        (label(DealField::NextAction), facts.next),
        (label(DealField::Tags), deal.tags.join(", ")),
        (d.touched, facts.touched),
        (d.created, facts.created),
    ];
    let width = fields
        .iter()
        .map(|(l, _)| crate::display_width::width(l))
        .max()
        .unwrap_or(0);
    let mut out = format!("#{} {}\n", deal.id, deal.title);
    for (name, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        out.push_str(&format!(
            "  {}  {value}\n",
            crate::display_width::pad(name, width, false)
        ));
    }
    if !deal.notes.is_empty() {
        out.push_str(&format!("{}\n", d.notes));
        for line in deal.notes.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if let Some(stage) = board.stage(&deal.stage).filter(|s| !s.checklist.is_empty()) {
        let unticked = board.unticked(deal);
        out.push_str(&fill(
            d.criteria,
            &[
                ("stage", &stage.name),
                ("done", &(stage.checklist.len() - unticked.len())),
                ("total", &stage.checklist.len()),
            ],
        ));
        out.push('\n');
        for item in &stage.checklist {
            let mark = if unticked.iter().any(|u| **u == **item) {
                d.unticked_mark
            } else {
                d.ticked_mark
            };
            out.push_str(&format!("  {mark} {item}\n"));
        }
    }
    for section in crate::text::deal_life::life_of(deal, now) {
        out.push_str(&format!("{}\n", section.heading));
        for entry in section.entries {
            let mut lines = entry.text.lines();
            let first = lines.next().unwrap_or_default();
            let lead = match entry.when.as_str() {
                "" => "  ".to_string(),
                when => format!("  {when}  "),
            };
            out.push_str(&format!("{lead}{first}\n"));
            let under = " ".repeat(crate::display_width::width(&lead));
            for more in lines {
                out.push_str(&format!("{under}{more}\n"));
            }
        }
    }
    out.push_str(&format!("{}\n", d.history));
    for stay in timeline(deal, board, now) {
        let stay = StayWords::of(&stay, now);
        let notes = if stay.notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", stay.notes.join("; "))
        };
        out.push_str(&format!(
            "  {}  {} · {}{notes}\n",
            stay.date, stay.name, stay.days
        ));
    }
    out
}
