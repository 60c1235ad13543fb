//! A stage of the company's own sales process: one column on the board.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A stage's stable id: a short slug such as `qualification`. Deals and history refer to stages by
/// this id, so a stage can be renamed without touching any deal.
///
/// A board names a few stages many times over (every deal's stage, every visit in its history,
/// every ticked criterion), so an id is shared, not copied: reading a file gives every mention
/// of one id the same text (see [`super::shared_text`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct StageId(pub Arc<str>);

impl<'de> Deserialize<'de> for StageId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::shared_text::deserialize(deserializer).map(StageId)
    }
}

impl StageId {
    /// Whether this could be a stage's id: letters, digits, `-`, `_` or `.`, and not too long.
    pub fn is_well_formed(&self) -> bool {
        !self.0.is_empty()
            && self.0.chars().count() <= super::limits::LINE_CHARS
            && self
                .0
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    }
}

impl StageId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a stage comes before the sale or after it (delivery, training, after-sale care).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    #[default]
    PreSale,
    PostSale,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// Default win probability of a deal in this stage, in percent.
    pub probability: u8,
    /// How many days a deal may sit untouched here before it counts as rotting.
    pub rot_days: u32,
    #[serde(default)]
    pub phase: Phase,
    /// Exit criteria: what good sellers always do before a deal leaves this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
}
