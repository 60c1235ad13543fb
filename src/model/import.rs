//! Deals read from another system's export: which deal on the board each one is, and putting it
//! there, new or as the new version of that deal. Checked like any other change.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::board::{Board, MAX_DEAL_ID};
use super::deal::{Deal, DealId, Referral, StageVisit, Status};
use super::edit::{EditError, RANK_GAP};
use super::stage::StageId;

/// What putting an imported deal did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imported {
    Added(DealId),
    Updated(DealId),
    /// The board already had the deal just so.
    Unchanged(DealId),
}

impl Board {
    /// The deal on the board an imported one is: the one imported before from the same
    /// external id, or the one it was exported from (our own id, created at the same moment).
    pub fn find_imported(
        &self,
        external_id: &str,
        own_id: Option<DealId>,
        created: DateTime<Utc>,
    ) -> Option<DealId> {
        let same_deal = |id: DealId| self.deal(id).is_some_and(|d| d.created == created);
        let by_key = self
            .deals
            .iter()
            .find(|d| !external_id.is_empty() && d.external_id == external_id)
            .map(|d| d.id);
        let exported_here = external_id
            .strip_prefix("dealboard:")
            .and_then(|id| id.parse().ok())
            .map(DealId);
        by_key
            .or(own_id.filter(|id| same_deal(*id)))
            .or(exported_here.filter(|id| same_deal(*id)))
    }

    /// Puts an imported deal on the board. With `existing`, it is the new version of that deal:
    /// its fields and status are taken, while its id, place in the column, ticks, done actions
    /// and history stay (a new stage is added to the history). Otherwise it is added, keeping
    /// `wanted_id` when this board never used that id, at the bottom of its column.
    pub fn put_imported(
        &mut self,
        incoming: Deal,
        wanted_id: Option<DealId>,
        existing: Option<DealId>,
    ) -> Result<Imported, EditError> {
        incoming.check().map_err(EditError::Invalid)?;
        if self.stage(&incoming.stage).is_none() {
            return Err(EditError::NoStage(incoming.stage.0.clone()));
        }
        let mut incoming = incoming;
        // As on the board: a deal in a stage after the sale was sold.
        if self.is_post_sale(&incoming.stage) && incoming.status.is_open() {
            let entered = incoming.history.last().map_or(incoming.created, |v| v.at);
            incoming.status = Status::Won { at: entered };
        }
        if let Some(id) = existing {
            return self.update_imported(id, incoming);
        }
        let id = match wanted_id {
            Some(id) if id.0 >= self.next_deal_id && id.0 <= MAX_DEAL_ID => id,
            _ => DealId(self.next_deal_id),
        };
        let rank = self
            .deals
            .iter()
            .filter(|d| d.stage == incoming.stage)
            .map(|d| d.rank)
            .max()
            .map_or(0, |bottom| bottom.saturating_add(RANK_GAP));
        let deal = Deal {
            id,
            rank,
            ..incoming
        };
        self.check_referral(&deal)?;
        self.next_deal_id = id.0 + 1;
        self.put_deal(id, Some(deal));
        Ok(Imported::Added(id))
    }

    fn update_imported(&mut self, id: DealId, incoming: Deal) -> Result<Imported, EditError> {
        let old = self.deal(id).ok_or(EditError::NoDeal(id))?.clone();
        let mut new = Deal {
            id,
            rank: old.rank,
            created: old.created,
            updated: old.updated,
            ticked: old.ticked.clone(),
            done_actions: old.done_actions.clone(),
            history: old.history.clone(),
            // Imported once from elsewhere, it keeps that id even when updated from our export.
            external_id: if incoming.external_id.is_empty() {
                old.external_id.clone()
            } else {
                incoming.external_id.clone()
            },
            ..incoming.clone()
        };
        if new == old {
            return Ok(Imported::Unchanged(id));
        }
        if new.stage != old.stage {
            let entered = incoming.history.last().map_or(incoming.updated, |v| v.at);
            new.history
                .push(StageVisit::new(new.stage.clone(), entered));
        }
        new.updated = old.updated.max(incoming.updated);
        self.check_referral(&new)?;
        self.put_deal(id, Some(new));
        Ok(Imported::Updated(id))
    }

    /// Records that an imported deal was referred by deal `by` (its id on this board); a deal
    /// not on the board is kept by its number, as a name would be. Part of the import, so the
    /// deal's `updated` time is left alone.
    pub fn link_imported_referral(&mut self, id: DealId, by: DealId) {
        let on_board = by != id && self.deal(by).is_some();
        if let Some(deal) = self.deal_mut(id) {
            deal.referred_by = Some(if on_board {
                Referral::Deal(by)
            } else {
                Referral::Person(format!("#{by}"))
            });
        }
    }

    /// Stacks newly imported deals at the bottom of their columns in the order given (the
    /// file's order), below the deals that were there before.
    pub fn stack_imported(&mut self, ids: &[DealId]) {
        let new: HashSet<DealId> = ids.iter().copied().collect();
        let mut bottoms: HashMap<StageId, i64> = HashMap::new();
        for deal in self.deals.iter().filter(|d| !new.contains(&d.id)) {
            let bottom = bottoms.entry(deal.stage.clone()).or_insert(deal.rank);
            *bottom = (*bottom).max(deal.rank);
        }
        for id in ids {
            if let Some(deal) = self.deal_mut(*id) {
                let rank = bottoms
                    .get(&deal.stage)
                    .map_or(0, |bottom| bottom.saturating_add(RANK_GAP));
                deal.rank = rank;
                bottoms.insert(deal.stage.clone(), rank);
            }
        }
    }
}
