//! Deals read from another system's export: which deal on the board each one is, and putting it
//! there, new or as the new version of that deal. Checked like any other change.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::board::{Board, MAX_DEAL_ID};
use super::deal::{Deal, DealId, Referral, StageVisit, Status};
use super::edit::{EditError, RANK_GAP};
use super::stage::StageId;

/// How a deal from another dealboard's export is known when it could not keep its id:
/// `dealboard:12`.
pub const OWN_KEY_PREFIX: &str = "dealboard:";

/// What putting an imported deal did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imported {
    Added(DealId),
    Updated(DealId),
    /// The board already had the deal just so.
    Unchanged(DealId),
}

/// The board's deals by their id in the system they were imported from, so that each row of
/// an import finds its deal at once (an import of many rows stays linear in their number).
#[derive(Debug, Default)]
pub struct ImportKeys(HashMap<String, Vec<DealId>>);

impl ImportKeys {
    pub fn of(board: &Board) -> ImportKeys {
        let mut keys = ImportKeys::default();
        for deal in &board.deals {
            keys.note(&deal.external_id, deal.id);
        }
        keys
    }

    /// Remembers that deal `id` now has `external_id`.
    pub fn note(&mut self, external_id: &str, id: DealId) {
        if !external_id.is_empty() {
            let ids = self.0.entry(external_id.to_string()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
}

impl Board {
    /// The deal on the board an imported one is: the one imported before from the same
    /// external id, or the one it was exported from (our own id, created at the same moment).
    pub fn find_imported(
        &self,
        keys: &ImportKeys,
        external_id: &str,
        own_id: Option<DealId>,
        created: DateTime<Utc>,
    ) -> Option<DealId> {
        let same_deal = |id: DealId| self.deal(id).is_some_and(|d| d.created == created);
        // Another dealboard's ids are only numbers: two boards both have a deal 12, so such a
        // key names a deal only together with the moment it was created.
        let ours = external_id.starts_with(OWN_KEY_PREFIX);
        let by_key = keys
            .0
            .get(external_id)
            .into_iter()
            .flatten()
            .copied()
            .filter(|id| {
                self.deal(*id).is_some_and(|d| {
                    d.external_id == external_id && (!ours || d.created == created)
                })
            })
            .min();
        by_key.or(own_id.filter(|id| same_deal(*id)))
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
            return Err(EditError::NoStage(incoming.stage.to_string()));
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
        // Its place in the column is given once every row is in: see `stack_imported`.
        let deal = Deal {
            id,
            rank: 0,
            ..incoming
        };
        self.check_referral(&deal)?;
        self.next_deal_id = id.0 + 1;
        self.keep_records_of(&deal);
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
            close_changes: old.close_changes.clone(),
            done_actions: old.done_actions.clone(),
            history: old.history.clone(),
            activities: old.activities.clone(),
            dated_notes: old.dated_notes.clone(),
            feedback: old.feedback.clone(),
            events: old.events.clone(),
            // Imported once from elsewhere, it keeps that id even when updated from our export.
            external_id: if incoming.external_id.is_empty() {
                old.external_id.clone()
            } else {
                incoming.external_id.clone()
            },
            ..incoming.clone()
        };
        // The file's next action is the deal's next activity; the rest of its plan stays.
        new.set_next_action(incoming.next_action());
        new.set_next_due(incoming.next_due());
        if new == old {
            return Ok(Imported::Unchanged(id));
        }
        if new.stage != old.stage {
            // Entered no earlier than the last stage before it, so the history stays in order.
            let entered = incoming.history.last().map_or(incoming.updated, |v| v.at);
            let last = old.history.last().map_or(old.created, |v| v.at);
            let mut visit = StageVisit::new(new.stage.clone(), entered.max(last));
            visit.backward = self.stage_index(&new.stage) < self.stage_index(&old.stage);
            new.history.push(visit);
        }
        new.updated = old.updated.max(incoming.updated);
        new.note_close_change(old.expected_close, new.updated);
        new.note_events_since(&old, new.updated);
        if new.status.key() != old.status.key() {
            new.note_status(new.updated);
        }
        self.check_referral(&new)?;
        self.keep_records_of(&new);
        self.put_deal(id, Some(new));
        Ok(Imported::Updated(id))
    }

    /// Remembers where an imported deal came from, when it has no external id yet: a deal from
    /// another dealboard that could not keep its id there is found again by this key.
    pub fn remember_import_key(&mut self, id: DealId, key: &str) {
        if let Some(deal) = self.deal_mut(id).filter(|d| d.external_id.is_empty()) {
            deal.external_id = key.to_string();
        }
    }

    /// Records who referred an imported deal. A deal that is not on the board (or is the deal
    /// itself) is kept by its number, as a name would be. Part of the import, so the deal's
    /// `updated` time is left alone.
    pub fn link_imported_referral(&mut self, id: DealId, referral: Referral) {
        let referral = match referral {
            Referral::Deal(by) if by == id || self.deal(by).is_none() => {
                Referral::Person(format!("#{by}"))
            }
            other => other,
        };
        if let Some(deal) = self.deal_mut(id) {
            deal.referred_by = Some(referral);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money};

    fn at(day: u32) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00Z"))
            .map(|t| t.to_utc())
            .unwrap_or_default()
    }

    fn incoming(title: &str, stage: &str, key: &str, day: u32) -> Deal {
        let mut deal = Deal::new(
            DealId(0),
            title,
            StageId(stage.into()),
            Money::zero(Currency::EUR),
            at(day),
        );
        deal.external_id = key.into();
        deal
    }

    #[test]
    fn a_deal_is_found_by_its_key_or_as_the_one_it_was_exported_from() {
        let mut board = crate::store::default_board().unwrap();
        let id = match board.put_imported(incoming("A", "lead", "pipedrive:7", 1), None, None) {
            Ok(Imported::Added(id)) => id,
            other => panic!("{other:?}"),
        };
        let keys = ImportKeys::of(&board);
        assert_eq!(
            board.find_imported(&keys, "pipedrive:7", None, at(9)),
            Some(id)
        );
        assert_eq!(board.find_imported(&keys, "", Some(id), at(1)), Some(id));
        assert_eq!(
            board.find_imported(&keys, "", Some(id), at(2)),
            None,
            "created at another moment: another board's deal with the same number"
        );
        let Ok(Imported::Added(other)) =
            board.put_imported(incoming("B", "lead", "", 1), None, None)
        else {
            panic!("added")
        };
        board.remember_import_key(other, "dealboard:3");
        let keys = ImportKeys::of(&board);
        assert_eq!(
            board.find_imported(&keys, "dealboard:3", None, at(1)),
            Some(other)
        );
        assert_eq!(
            board.find_imported(&keys, "dealboard:3", None, at(2)),
            None,
            "a number from another dealboard names a deal only with its moment"
        );
    }

    #[test]
    fn an_added_deal_keeps_a_never_used_id_and_one_after_the_sale_is_won() {
        let mut board = crate::store::default_board().unwrap();
        board.next_deal_id = 5;
        let kept = board.put_imported(incoming("A", "lead", "", 1), Some(DealId(9)), None);
        assert_eq!(kept, Ok(Imported::Added(DealId(9))));
        let used = board.put_imported(incoming("B", "lead", "", 1), Some(DealId(3)), None);
        assert_eq!(
            used,
            Ok(Imported::Added(DealId(10))),
            "3 may have been a deleted deal's"
        );
        board
            .put_imported(incoming("C", "delivery", "", 4), None, None)
            .unwrap();
        let delivered = board.deals.iter().find(|d| d.title == "C").unwrap();
        assert_eq!(delivered.status, Status::Won { at: at(4) });
    }

    #[test]
    fn an_update_into_another_stage_keeps_the_history_in_order() {
        let mut board = crate::store::default_board().unwrap();
        let Ok(Imported::Added(id)) =
            board.put_imported(incoming("A", "negotiation", "x:1", 1), None, None)
        else {
            panic!("added")
        };
        // The file says it went to Lead on the 1st, but it was in Negotiation since the 1st.
        let mut newer = incoming("A", "lead", "x:1", 1);
        newer.updated = at(5);
        assert_eq!(
            board.put_imported(newer, None, Some(id)),
            Ok(Imported::Updated(id))
        );
        let deal = board.deal(id).unwrap();
        let last = deal.history.last().unwrap();
        assert!(last.backward);
        assert!(deal.history.windows(2).all(|w| w[0].at <= w[1].at));
        assert_eq!(deal.updated, at(5));
    }

    #[test]
    fn imported_deals_stack_at_the_bottom_in_file_order() {
        let mut board = crate::store::default_board().unwrap();
        let mut ids = Vec::new();
        for title in ["First", "Second", "Third"] {
            if let Ok(Imported::Added(id)) =
                board.put_imported(incoming(title, "lead", "", 1), None, None)
            {
                ids.push(id);
            }
        }
        ids.reverse();
        board.stack_imported(&ids);
        let titles: Vec<&str> = board
            .column(&StageId("lead".into()))
            .iter()
            .map(|d| d.title.as_str())
            .collect();
        assert_eq!(titles, ["Third", "Second", "First"]);
    }
}
