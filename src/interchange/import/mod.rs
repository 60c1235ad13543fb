//! Reading CSV exports into deals: Pipedrive's and HubSpot's deal exports, and our own CSV
//! export. This only reads: it turns rows into deals (or says why a row cannot be one) and never
//! touches a board; `super::merge` decides what is added and what is updated.

mod dates;
mod file;
#[cfg(test)]
mod fixture_tests;
mod headers;
mod money;
mod rows;
mod stages;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use crate::model::{Board, Deal, DealField, DealId};
use crate::text::t;
use crate::text::{Quoted, fill};
use dates::DateReader;
use headers::Layout;
use rows::Context;
use stages::StageFinder;

/// What the command line says about an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// `--map-stage OLD=NEW`, in order: a stage name as the file writes it → a stage of the
    /// board (its name or number).
    pub stage_map: Vec<(String, String)>,
    /// `--owner NAME`: the owner of every imported deal, whatever the file says.
    pub owner: Option<String>,
}

/// Which program wrote the file, told from its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    Pipedrive,
    HubSpot,
    /// Our own `export --format csv`.
    Dealboard,
}

/// How dates such as `03/04/2026` were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// One deal read from one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingDeal {
    /// The line of the file the row starts on (1 is the header line).
    pub line: u64,
    /// The deal's id in the system that exported it: `pipedrive:123`, `hubspot:456`; for our
    /// own export, its `external_id` column when set, else `dealboard:<id>`.
    pub key: String,
    /// Our own export's `id` column (only for [`SourceFormat::Dealboard`]).
    pub own_id: Option<DealId>,
    /// The deal as the row describes it. Its `id` and `rank` are placeholders (0). Its
    /// `external_id` is `key` for other systems' files, and the `external_id` column for ours.
    /// `history` is one visit to `stage`, entered at the row's last stage change (or creation).
    /// `status` carries the won / lost time and the lost reason.
    pub deal: Deal,
}

/// A row that cannot become a deal, and why, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

/// What a file's columns tell about its deals. When an import updates a deal, what the file has
/// no column for stays as it is on the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    pub fields: Vec<DealField>,
    pub stage: bool,
    /// Won / lost / open, with the times and the lost reason.
    pub status: bool,
}

/// Everything read from one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedImport {
    pub format: SourceFormat,
    pub carried: Carried,
    /// In file order.
    pub deals: Vec<IncomingDeal>,
    /// In file order.
    pub problems: Vec<RowProblem>,
    /// Headers nothing reads, as the file writes them.
    pub ignored_columns: Vec<String>,
    /// How ambiguous dates were read, when the file had any.
    pub date_order: Option<DateOrder>,
}

/// Why a whole file cannot be read (as opposed to one row of it), in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

/// Reads a CSV export. `board` gives the stages to match and the default currency and owner;
/// `now` is the clock (for the user's time zone and relative nothing: no wall clock here).
pub fn read_csv(
    bytes: &[u8],
    board: &Board,
    options: &ImportOptions,
    now: DateTime<FixedOffset>,
) -> Result<ParsedImport, ImportError> {
    let table = file::read_table(bytes)?;
    let layout = Layout::read(&table.headers)?;
    let stages = StageFinder::new(board, options)?;
    // HubSpot is mostly used in the US; the others write slash dates day first.
    let default_order = match layout.format {
        SourceFormat::HubSpot => DateOrder::MonthFirst,
        _ => DateOrder::DayFirst,
    };
    let date_cells = table
        .records
        .iter()
        .filter_map(|r| r.fields.as_ref().ok().map(|fields| (r.line, fields)))
        .flat_map(|(line, fields)| {
            layout
                .date_indexes()
                .filter_map(move |i| fields.get(i).map(|text| (line, text)))
        });
    let (order, any_slash_date) = dates::decide_order(date_cells, default_order)?;
    let context = Context {
        layout: &layout,
        board,
        options,
        stages: &stages,
        dates: DateReader {
            order,
            offset: *now.offset(),
        },
        now: now.to_utc(),
    };
    let mut parsed = ParsedImport {
        format: layout.format,
        carried: layout.carried(options),
        deals: Vec::new(),
        problems: Vec::new(),
        ignored_columns: layout.ignored.clone(),
        date_order: any_slash_date.then_some(order),
    };
    // Where each key was first seen: a second row for the same deal is refused.
    let mut first_lines: HashMap<String, u64> = HashMap::new();
    for record in &table.records {
        let read = match &record.fields {
            Ok(fields) => rows::read_row(&context, record.line, fields),
            Err(reason) => Err(reason.clone()),
        };
        let problem = match read {
            Ok(incoming) => match first_lines.get(&incoming.key) {
                Some(first) => fill(
                    t().import.duplicate_key,
                    &[("key", &Quoted(&incoming.key)), ("line", first)],
                ),
                None => {
                    first_lines.insert(incoming.key.clone(), incoming.line);
                    parsed.deals.push(incoming);
                    continue;
                }
            },
            Err(reason) => reason,
        };
        parsed.problems.push(RowProblem {
            line: record.line,
            reason: problem,
        });
    }
    Ok(parsed)
}
