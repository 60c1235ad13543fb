//! One row to one deal, or every reason it cannot be one.

use std::fmt::Display;

use chrono::{DateTime, NaiveDate, Utc};
use csv::StringRecord;

use super::dates::DateReader;
use super::headers::{Column, Layout};
use super::money::{amount_in, currency_of, split_amount};
use super::stages::StageFinder;
use super::{ImportOptions, IncomingDeal, SourceFormat};
use crate::model::input::{parse_probability, parse_tags};
use crate::model::limits;
use crate::model::{
    AmountError, Board, Currency, Deal, DealId, MAX_DEAL_ID, Money, Referral, StageId, StageVisit,
    Status,
};
use crate::text::t;
use crate::text::{Quoted, fill};

/// What every row of one file is read with.
pub(super) struct Context<'a> {
    pub layout: &'a Layout,
    pub board: &'a Board,
    pub options: &'a ImportOptions,
    pub stages: &'a StageFinder<'a>,
    pub dates: DateReader,
    /// When a deal without a creation time was created.
    pub now: DateTime<Utc>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Open,
    Won,
    Lost,
}

/// Reads one row. The error is every problem of the row, joined, in words for the user.
pub(super) fn read_row(
    cx: &Context,
    line: u64,
    record: &StringRecord,
) -> Result<IncomingDeal, String> {
    let mut row = Row {
        cx,
        record,
        problems: Vec::new(),
    };
    let outcome = row.outcome()?;
    let (key, own_id) = row.key();
    let stage = row.stage(outcome);
    let (value, cost) = row.money();
    let probability = row.probability();
    let created = row.time(Column::Created).unwrap_or(cx.now);
    let stage_changed = row.time(Column::StageChanged);
    let status = row.status(outcome, created);
    let closed_at = match &status {
        Status::Open => None,
        Status::Won { at } | Status::Lost { at, .. } => Some(*at),
    };
    let updated = row.time(Column::Updated).unwrap_or_else(|| {
        [Some(created), stage_changed, closed_at]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(created)
    });
    let expected_close = match (cx.layout.format, outcome) {
        (SourceFormat::HubSpot, Outcome::Open) => row.date(Column::CloseDate),
        _ => row.date(Column::ExpectedClose),
    };
    let next_action_due = row.date(Column::NextActionDue);
    // Without a stage the row is refused below; the deal is still checked for what else is wrong.
    let stage = stage.unwrap_or_else(|| cx.stages.first());

    let mut deal = Deal::new(
        DealId(0),
        &row.line_text(Column::Title),
        stage,
        value,
        created,
    );
    deal.company = row.line_text(Column::Company);
    deal.contact = row.line_text(Column::Contact);
    deal.cost = cost;
    deal.probability = probability;
    deal.owner = row.owner();
    deal.source = row.source();
    deal.referred_by = referral(&row.line_text(Column::ReferredBy));
    deal.expected_close = expected_close;
    deal.set_next_action(&row.line_text(Column::NextAction));
    deal.set_next_due(next_action_due);
    deal.tags = row.tags();
    deal.notes = match row.cx.layout.format {
        SourceFormat::Dealboard => limits::strip_controls(&unguarded(row.raw(Column::Notes))),
        _ => limits::clean_notes(row.cell(Column::Notes)),
    };
    deal.external_id = match cx.layout.format {
        SourceFormat::Dealboard => row.line_text(Column::ExternalId),
        _ => key.clone(),
    };
    deal.status = status;
    deal.history = vec![StageVisit::new(
        deal.stage.clone(),
        stage_changed.unwrap_or(created),
    )];
    deal.updated = updated;
    if let Err(problem) = deal.check() {
        row.problems.push(problem.to_string());
    }
    if !row.problems.is_empty() {
        return Err(row.joined());
    }
    Ok(IncomingDeal {
        line,
        key,
        own_id,
        deal,
    })
}

/// A row being read: its cells, and the problems found so far.
struct Row<'a> {
    cx: &'a Context<'a>,
    record: &'a StringRecord,
    problems: Vec<String>,
}

impl Row<'_> {
    /// The cell of `column`, trimmed; empty when the file has no such column or the row is short.
    fn cell(&self, column: Column) -> &str {
        self.cx
            .layout
            .index(column)
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// A text cell. Our own export's is taken exactly as written, so that a deal reads back as
    /// it was; another program's is put on one line (line breaks become spaces) and trimmed.
    fn line_text(&self, column: Column) -> String {
        if self.cx.layout.format == SourceFormat::Dealboard {
            return limits::clean_line(&unguarded(self.raw(column)));
        }
        let lines: Vec<String> = self
            .cell(column)
            .lines()
            .map(limits::clean_line)
            .filter(|l| !l.is_empty())
            .collect();
        lines.join(" ")
    }

    /// The cell exactly as the file holds it.
    fn raw(&self, column: Column) -> &str {
        self.cx
            .layout
            .index(column)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }

    /// Notes that a cell cannot be read, naming the column as the file heads it.
    fn complain(&mut self, column: Column, problem: &dyn Display) {
        let header = self.cx.layout.header(column).to_string();
        let text = Quoted(self.cell(column));
        self.problems.push(fill(
            t().import.field,
            &[
                ("column", &Quoted(&header)),
                ("text", &text),
                ("problem", problem),
            ],
        ));
    }

    fn joined(&self) -> String {
        self.problems.join(t().import.separator)
    }

    fn date(&mut self, column: Column) -> Option<NaiveDate> {
        let read = self.cx.dates.date(self.cell(column));
        read.unwrap_or_else(|problem| {
            self.complain(column, &problem);
            None
        })
    }

    fn time(&mut self, column: Column) -> Option<DateTime<Utc>> {
        let read = self.cx.dates.time(self.cell(column));
        read.unwrap_or_else(|problem| {
            self.complain(column, &problem);
            None
        })
    }

    /// Open, won or lost: HubSpot says it with the stage, the others with a status column.
    /// A deal Pipedrive deleted is refused on its own: nothing else about it matters.
    fn outcome(&mut self) -> Result<Outcome, String> {
        if self.cx.layout.format == SourceFormat::HubSpot {
            let stage: String = self.cell(Column::Stage).split_whitespace().collect();
            return Ok(match stage.to_lowercase().as_str() {
                "closedwon" => Outcome::Won,
                "closedlost" => Outcome::Lost,
                _ => Outcome::Open,
            });
        }
        match self.cell(Column::Status).to_lowercase().as_str() {
            "" | "open" => Ok(Outcome::Open),
            "won" => Ok(Outcome::Won),
            "lost" => Ok(Outcome::Lost),
            "deleted" => Err(t().import.deleted.to_string()),
            _ => {
                self.complain(Column::Status, &t().import.bad_status);
                Ok(Outcome::Open)
            }
        }
    }

    /// The deal's id in the exporting system, and for our own files its id on the old board.
    fn key(&mut self) -> (String, Option<DealId>) {
        let id = self.cell(Column::Id).to_string();
        let prefix = match self.cx.layout.format {
            SourceFormat::Pipedrive => "pipedrive",
            SourceFormat::HubSpot => "hubspot",
            SourceFormat::Dealboard => return self.own_key(),
        };
        if id.is_empty() {
            self.no_key(Column::Id);
        }
        (format!("{prefix}:{id}"), None)
    }

    fn own_key(&mut self) -> (String, Option<DealId>) {
        let id = self.cell(Column::Id).to_string();
        let own_id = match id.strip_prefix('#').unwrap_or(&id).parse::<u64>() {
            _ if id.is_empty() => None,
            Ok(number) if number <= MAX_DEAL_ID => Some(DealId(number)),
            _ => {
                self.complain(Column::Id, &t().import.bad_deal_number);
                None
            }
        };
        let external = self.line_text(Column::ExternalId);
        let key = match own_id {
            _ if !external.is_empty() => external,
            Some(id) => format!("{}{id}", crate::model::OWN_KEY_PREFIX),
            None if id.is_empty() => {
                self.no_key(Column::Id);
                String::new()
            }
            None => String::new(),
        };
        (key, own_id)
    }

    fn no_key(&mut self, column: Column) {
        let mut header = self.cx.layout.header(column);
        if header.is_empty() {
            header = "id";
        }
        let reason = fill(t().import.no_key, &[("column", &Quoted(header))]);
        self.problems.push(reason);
    }

    /// HubSpot's closed deals, and closed deals without a stage, go to the last stage before
    /// the sale; open deals without one to the first stage.
    fn stage(&mut self, outcome: Outcome) -> Option<StageId> {
        let written = self.cell(Column::Stage);
        let hubspot_closed =
            self.cx.layout.format == SourceFormat::HubSpot && outcome != Outcome::Open;
        if hubspot_closed || (written.is_empty() && outcome != Outcome::Open) {
            return Some(self.cx.stages.closing());
        }
        if written.is_empty() {
            return Some(self.cx.stages.first());
        }
        match self.cx.stages.find(written) {
            Ok(stage) => Some(stage),
            Err(problem) => {
                self.problems.push(problem);
                None
            }
        }
    }

    /// The value and the cost. The currency column decides the currency, else a symbol or code
    /// beside the value, else the board's currency. An empty value is zero.
    fn money(&mut self) -> (Money, Option<Money>) {
        let board_currency = self.cx.board.currency;
        let column = match self.cell(Column::Currency) {
            "" => None,
            text => currency_of(text).or_else(|| {
                self.complain(Column::Currency, &t().import.bad_currency);
                None
            }),
        };
        let value = match self.cell(Column::Value) {
            "" => Money::zero(column.unwrap_or(board_currency)),
            text => match split_amount(text) {
                Ok(written) => {
                    if let (Some(marked), Some(column)) = (written.marked, column)
                        && marked != column
                    {
                        let clash = fill(
                            t().import.currency_clash,
                            &[("value", &marked), ("column", &column)],
                        );
                        self.complain(Column::Value, &clash);
                    }
                    let currency = column.or(written.marked).unwrap_or(board_currency);
                    self.amount(Column::Value, amount_in(&written, currency), currency)
                }
                Err(error) => self.amount(Column::Value, Err(error), board_currency),
            },
        };
        let cost = match self.cell(Column::Cost) {
            "" => None,
            text => Some(match split_amount(text) {
                Ok(written) => {
                    let currency = written.marked.unwrap_or(value.currency);
                    self.amount(Column::Cost, amount_in(&written, currency), currency)
                }
                Err(error) => self.amount(Column::Cost, Err(error), value.currency),
            }),
        };
        (value, cost)
    }

    /// The amount read, or zero after noting why it cannot be read.
    fn amount(
        &mut self,
        column: Column,
        read: Result<Money, AmountError>,
        currency: Currency,
    ) -> Money {
        read.unwrap_or_else(|error| {
            match error {
                AmountError::BadCurrency => self.complain(column, &t().import.bad_currency),
                error => self.complain(column, &error),
            }
            Money::zero(currency)
        })
    }

    fn probability(&mut self) -> Option<u8> {
        parse_probability(self.cell(Column::Probability)).unwrap_or_else(|error| {
            self.complain(Column::Probability, &error);
            None
        })
    }

    /// Won or lost at the file's close time, else at creation; lost with its reason.
    fn status(&mut self, outcome: Outcome, created: DateTime<Utc>) -> Status {
        let time_column = match (self.cx.layout.format, outcome) {
            (_, Outcome::Open) => return Status::Open,
            (SourceFormat::HubSpot, _) => Column::CloseDate,
            (SourceFormat::Dealboard, _) => Column::Closed,
            (SourceFormat::Pipedrive, Outcome::Won) => Column::WonTime,
            (SourceFormat::Pipedrive, Outcome::Lost) => Column::LostTime,
        };
        let at = self.time(time_column).unwrap_or(created);
        match outcome {
            Outcome::Lost => Status::Lost {
                at,
                reason: self.line_text(Column::LostReason),
            },
            _ => Status::Won { at },
        }
    }

    /// `--owner` first, then the file, then (for other systems' files) the board's owner. Our
    /// own export is a whole record of the deal: a deal without an owner stays without one.
    fn owner(&self) -> String {
        let forced = self.cx.options.owner.as_deref().map(limits::fit_line);
        if let Some(owner) = forced.filter(|o| !o.is_empty()) {
            return owner;
        }
        match self.line_text(Column::Owner) {
            owner if owner.is_empty() && self.cx.layout.format != SourceFormat::Dealboard => {
                self.cx.board.owner.clone()
            }
            owner => owner,
        }
    }

    fn source(&self) -> String {
        match self.line_text(Column::Source) {
            source if source.is_empty() => self.line_text(Column::SourceChannel),
            source => source,
        }
    }

    /// Comma-separated tags (Pipedrive's labels), then HubSpot's deal type as one more.
    fn tags(&self) -> Vec<String> {
        let mut tags = parse_tags(&self.line_text(Column::Tags));
        let deal_type = self.line_text(Column::DealType);
        if !deal_type.is_empty() && !tags.contains(&deal_type) {
            tags.push(deal_type);
        }
        tags
    }
}

/// `#12` or `12` is deal 12 (as the deal form reads it); other text a person; nothing nobody.
fn referral(text: &str) -> Option<Referral> {
    if text.is_empty() {
        return None;
    }
    match text.strip_prefix('#').unwrap_or(text).parse::<u64>() {
        Ok(id) => Some(Referral::Deal(DealId(id))),
        Err(_) => Some(Referral::Person(text.to_string())),
    }
}

/// Our export puts a `'` before text that a spreadsheet would take for a formula; it is not
/// part of the text.
fn unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::interchange::needs_guard(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}
