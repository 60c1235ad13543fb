//! Reading CSV exports into deals: Pipedrive's and HubSpot's deal exports, and our own CSV
//! export. This only reads: it turns rows into deals (or says why a row cannot be one) and never
//! touches a board; `super::merge` decides what is added and what is updated.

use chrono::{DateTime, FixedOffset};

use crate::model::{Board, Deal, DealId};

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

/// Everything read from one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedImport {
    pub format: SourceFormat,
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
    let _ = (bytes, board, options, now);
    Err(ImportError("not written yet".into()))
}
