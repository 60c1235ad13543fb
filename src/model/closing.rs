//! Closing deals: won, lost, and reopened.

use chrono::{DateTime, Utc};

use super::board::Board;
use super::deal::{DealId, StageVisit, Status};
use super::edit::EditError;
use super::patch::Patch;
use super::stage::Phase;

impl Board {
    /// Marks a deal won. It moves on to the first stage after the sale (delivery), if the board
    /// has one; otherwise it leaves the board for the closed list. The time is recorded.
    pub fn mark_won(&mut self, id: DealId, now: DateTime<Utc>) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        if !deal.status.is_open() {
            return Err(EditError::AlreadyClosed);
        }
        let after_sale = self
            .stages
            .iter()
            .find(|s| s.phase == Phase::PostSale)
            .map(|s| s.id.clone());
        let visit = match &after_sale {
            Some(stage) if !self.is_post_sale(&deal.stage) => {
                Some(self.visit_for_move(deal, stage, now))
            }
            _ => None,
        };
        let rank = after_sale.as_ref().map(|s| self.top_rank(s));
        Ok(self.record(&[id], |board| {
            if let Some(deal) = board.deal_mut(id) {
                deal.status = Status::Won { at: now };
                deal.note_status(now);
                deal.updated = now;
                if let (Some(visit), Some(rank)) = (visit, rank) {
                    deal.stage = visit.stage.clone();
                    deal.rank = rank;
                    deal.history.push(visit);
                }
            }
        }))
    }

    /// Marks a deal lost, with why. It keeps the stage it reached, for the reports.
    pub fn mark_lost(
        &mut self,
        id: DealId,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        if !deal.status.is_open() {
            return Err(EditError::AlreadyClosed);
        }
        let reason = super::limits::fit_line(reason);
        Ok(self.record(&[id], |board| {
            if let Some(deal) = board.deal_mut(id) {
                deal.status = Status::Lost { at: now, reason };
                deal.note_status(now);
                deal.updated = now;
            }
        }))
    }

    /// Opens a closed deal again. A lost deal goes back where it was lost; a won deal goes back
    /// to the last stage before the sale that it reached (the sale did not happen after all).
    pub fn reopen(&mut self, id: DealId, now: DateTime<Utc>) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        if deal.status.is_open() {
            return Err(EditError::NotClosed);
        }
        let back_to = match deal.status {
            Status::Won { .. } if self.is_post_sale(&deal.stage) => deal
                .history
                .iter()
                .rev()
                .map(|v| &v.stage)
                .find(|s| self.stage(s).is_some_and(|s| s.phase == Phase::PreSale))
                .or_else(|| {
                    self.stages
                        .iter()
                        .rev()
                        .map(|s| &s.id)
                        .find(|s| !self.is_post_sale(s))
                })
                .cloned(),
            _ => None,
        };
        let rank = back_to.as_ref().map(|s| self.top_rank(s));
        Ok(self.record(&[id], |board| {
            if let Some(deal) = board.deal_mut(id) {
                deal.status = Status::Open;
                deal.note_status(now);
                deal.updated = now;
                if let (Some(stage), Some(rank)) = (back_to, rank) {
                    let mut visit = StageVisit::new(stage.clone(), now);
                    visit.backward = true;
                    deal.stage = stage;
                    deal.rank = rank;
                    deal.history.push(visit);
                }
            }
        }))
    }
}
