//! Deals in formats other programs read: JSON now (the `list --format json` contract).

mod json;

pub use json::{DealJson, deals_json};
