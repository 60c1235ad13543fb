//! Deals in formats other programs read and write: JSON (the `list --format json` contract),
//! CSV export, and CSV import from other CRMs.

pub mod import;
mod json;

pub use json::{DealJson, deals_json};
