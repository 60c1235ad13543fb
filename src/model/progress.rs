//! Working a deal: ticking its stage's exit criteria and doing its next action. Both count as
//! touching the deal, so it is no longer going cold.

use chrono::{DateTime, Utc};

use super::board::Board;
use super::deal::{DealId, Tick};
use super::edit::EditError;
use super::patch::Patch;

impl Board {
    /// Ticks an exit criterion of the deal's current stage, or unticks it if it was ticked.
    pub fn toggle_tick(
        &mut self,
        id: DealId,
        item: &str,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        let stage = deal.stage.clone();
        let listed = self
            .stage(&stage)
            .is_some_and(|s| s.checklist.iter().any(|i| i == item));
        if !listed {
            return Err(EditError::NoSuchItem(item.to_string()));
        }
        Ok(self.record(&[id], |board| {
            if let Some(deal) = board.deal_mut(id) {
                let at = deal
                    .ticked
                    .iter()
                    .position(|t| t.stage == stage && *t.item == *item);
                match at {
                    Some(i) => {
                        deal.ticked.remove(i);
                    }
                    None => deal.ticked.push(Tick {
                        stage,
                        item: item.into(),
                        at: now,
                    }),
                }
                deal.updated = now;
            }
        }))
    }
}
