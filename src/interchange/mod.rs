//! Deals in formats other programs read and write: JSON (the `list --format json` contract),
//! CSV export, and CSV import from other CRMs.

mod board_json;
mod board_merge;
mod comparison_json;
mod csv_export;
mod customer_exports;
pub mod import;
mod json;
mod life_json;
mod merge;
mod process_json;
mod stats_json;

pub use board_json::{BoardJson, FullDealJson};
pub use board_merge::{MergedBoards, merge_boards};
pub use comparison_json::{ComparisonJson, QuestionJson};
pub use csv_export::{CSV_COLUMNS, deals_csv, needs_guard};
pub use customer_exports::{
    AgendaJson, COMPANY_COLUMNS, CONTACT_COLUMNS, CustomerJson, companies_csv, contacts_csv,
    contacts_json,
};
pub use json::{DealJson, write_deals_json};
pub use life_json::{ActivityJson, CompanyJson, ContactJson, EventJson, FeedbackJson, NoteJson};
pub use merge::{ImportReport, Merged, merge};
pub use process_json::{ChangeJson, EditJson, process_log_json};
pub use stats_json::{
    BoardFileJson, ChangeJson as ChangeJsonOfStats, PersonJson, PilotJson, StatsJson, people_json,
};

/// A time as every export writes it: RFC 3339, UTC, whole seconds (`2026-11-27T09:30:00Z`).
fn utc(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
