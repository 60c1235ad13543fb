//! A recorded change to the board, which can be undone and redone. Only what changed is kept
//! (the deals touched, before and after), so undo stays cheap on a board of any size.

use std::sync::Arc;

use super::board::{Board, Settings};
use super::deal::{Deal, DealId};

#[derive(Clone, Debug, PartialEq, Eq)]
struct DealChange {
    id: DealId,
    before: Option<Deal>,
    after: Option<Deal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Patch {
    deals: Vec<DealChange>,
    next_deal_id: (u64, u64),
    /// The board's stages, lists and order, before and after, when the change touched them.
    settings: Option<Box<(Settings, Settings)>>,
}

impl Patch {
    /// The deals this change touched.
    pub fn deal_ids(&self) -> impl Iterator<Item = DealId> + '_ {
        self.deals.iter().map(|c| c.id)
    }
}

impl Board {
    /// Runs `edit`, which may change only the deals named in `ids`, the id counter and the
    /// board's settings, and returns the patch that undoes and redoes it. Callers check
    /// everything before editing.
    pub(super) fn record(&mut self, ids: &[DealId], edit: impl FnOnce(&mut Board)) -> Patch {
        let before: Vec<Option<Deal>> = ids.iter().map(|id| self.deal(*id).cloned()).collect();
        let next_before = self.next_deal_id;
        let settings_before = self.settings();
        edit(self);
        let settings_after = self.settings();
        let settings = (settings_before != settings_after)
            .then(|| Box::new((settings_before, settings_after)));
        let deals = ids
            .iter()
            .zip(before)
            .map(|(id, before)| DealChange {
                id: *id,
                before,
                after: self.deal(*id).cloned(),
            })
            .filter(|c| c.before != c.after)
            .collect();
        Patch {
            deals,
            next_deal_id: (next_before, self.next_deal_id),
            settings,
        }
    }

    /// Takes the board back to how it was before `patch`.
    pub fn undo(&mut self, patch: &Patch) {
        for change in patch.deals.iter().rev() {
            self.put_deal(change.id, change.before.clone());
        }
        if let Some(settings) = &patch.settings {
            self.restore_settings(&settings.0);
        }
        // The id counter stays: an id handed out once is never handed out again.
    }

    /// Applies `patch` again after an undo.
    pub fn redo(&mut self, patch: &Patch) {
        for change in &patch.deals {
            self.put_deal(change.id, change.after.clone());
        }
        if let Some(settings) = &patch.settings {
            self.restore_settings(&settings.1);
        }
        self.next_deal_id = self.next_deal_id.max(patch.next_deal_id.1);
    }

    /// Replaces, inserts (keeping the list sorted by id) or removes deal `id`.
    pub(super) fn put_deal(&mut self, id: DealId, deal: Option<Deal>) {
        match (self.position_of(id), deal) {
            (Ok(i), Some(deal)) => self.deals[i] = Arc::new(deal),
            (Ok(i), None) => {
                self.deals.remove(i);
            }
            (Err(i), Some(deal)) => self.deals.insert(i, Arc::new(deal)),
            (Err(_), None) => {}
        }
    }
}
