//! The changes a person makes to deals. Each checks first, then changes the board and returns
//! the [`Patch`] that undoes it; a refused change leaves the board exactly as it was.

use chrono::{DateTime, Utc};

use super::board::Board;
use super::board::MAX_DEAL_ID;
use super::deal::{Deal, DealId, DealProblem, StageVisit, Status};
use super::money::Money;
use super::patch::Patch;
use super::stage::StageId;

/// Space left between neighbours' ranks so a deal can be placed between them.
pub(super) const RANK_GAP: i64 = 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoDeal(DealId),
    NoStage(String),
    Invalid(DealProblem),
    /// The deal is already in the stage it was asked to move to.
    SameStage,
    /// There is no stage (or no deal) further in that direction.
    AtEdge,
    /// A won deal stays in the stages after the sale; it must be reopened to go back.
    WonStaysAfterSale,
    /// Every deal id up to [`MAX_DEAL_ID`] has been used.
    IdsExhausted,
    /// The deal is already won or lost.
    AlreadyClosed,
    /// The deal is open, so there is nothing to reopen.
    NotClosed,
    /// The stage has no such exit criterion.
    NoSuchItem(String),
    StageNameEmpty,
    StageNameTaken(String),
    StageProbability(u8),
    RotDays,
    /// The stage still holds this many deals; say where they go.
    StageHasDeals(usize),
    /// A board needs a name.
    BoardNameEmpty,
    /// A board needs at least one stage.
    LastStage,
    /// A lost deal stays where it was lost; it must be reopened to move.
    LostStays,
    /// Stages before the sale come first, then those after it; a change would mix them.
    PhaseOrder,
    /// A stage holding deals keeps its side of the sale (its deals would change meaning).
    PhaseHoldsDeals,
    /// Deals of a stage removed go to a stage on the same side of the sale.
    PhaseMismatch,
    /// The deal named as the referrer is not on the board (or is the deal itself).
    NoReferrer(DealId),
    /// A note with nothing in it.
    EmptyNote,
    /// Feedback is the customer's word on a sale: the deal must be won.
    FeedbackBeforeSale,
    /// A rating outside 1 to 5.
    Rating(u8),
    /// The deal has no such planned activity (it was done or removed meanwhile).
    NoActivity,
    NoCompany(String),
    NoPerson(String),
    /// Another company already has that name.
    CompanyExists(String),
    /// A company or person needs a name.
    EmptyName,
    /// A record's text holds a control character or is too long.
    RecordText(super::limits::TextProblem),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the first stage, or the top of a column.
    Back,
    /// Towards the last stage, or the bottom of a column.
    Forward,
}

impl Board {
    /// Adds a deal at the top of `stage`'s column; `fill` sets its fields. The deal starts with
    /// the board's owner and currency. Returns the new deal's id.
    pub fn add_deal(
        &mut self,
        stage: &StageId,
        now: DateTime<Utc>,
        fill: impl FnOnce(&mut Deal),
    ) -> Result<(DealId, Patch), EditError> {
        if self.stage(stage).is_none() {
            return Err(EditError::NoStage(stage.to_string()));
        }
        if self.next_deal_id > MAX_DEAL_ID {
            return Err(EditError::IdsExhausted);
        }
        let id = DealId(self.next_deal_id);
        let mut filled = Deal::new(id, "", stage.clone(), Money::zero(self.currency), now);
        filled.owner = self.owner.clone();
        fill(&mut filled);
        // Only the fields are the caller's; identity and history are the board's.
        let fresh = Deal::new(id, "", stage.clone(), filled.value, now);
        let deal = Deal {
            id,
            stage: fresh.stage,
            history: fresh.history,
            created: now,
            updated: now,
            rank: self.top_rank(stage),
            // A deal put straight into a stage after the sale was sold: it is won.
            status: if self.is_post_sale(stage) {
                Status::Won { at: now }
            } else {
                Status::Open
            },
            ticked: Vec::new(),
            ..filled
        };
        deal.check().map_err(EditError::Invalid)?;
        self.check_referral(&deal)?;
        let patch = self.record(&[id], |board| {
            board.keep_records_of(&deal);
            board.put_deal(id, Some(deal));
            board.next_deal_id += 1;
        });
        Ok((id, patch))
    }

    /// Changes a deal's fields through `edit`. Its id, stage, status and history stay as they
    /// were (they change only through their own operations). `Ok(None)` when nothing changed.
    pub fn edit_deal(
        &mut self,
        id: DealId,
        now: DateTime<Utc>,
        edit: impl FnOnce(&mut Deal),
    ) -> Result<Option<Patch>, EditError> {
        let old = self.deal(id).ok_or(EditError::NoDeal(id))?;
        let mut new = old.clone();
        edit(&mut new);
        new.id = old.id;
        new.stage = old.stage.clone();
        new.status = old.status.clone();
        new.history = old.history.clone();
        new.created = old.created;
        if &new == old {
            return Ok(None);
        }
        new.check().map_err(EditError::Invalid)?;
        if new.referred_by != old.referred_by {
            self.check_referral(&new)?;
        }
        new.note_close_change(old.expected_close, now);
        new.note_events_since(old, now);
        new.updated = now;
        Ok(Some(self.record(&[id], |board| {
            board.keep_records_of(&new);
            board.put_deal(id, Some(new));
        })))
    }

    /// Moves a deal to another stage, at the top of its column, and records the move.
    pub fn move_deal(
        &mut self,
        id: DealId,
        to: &StageId,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        if self.stage(to).is_none() {
            return Err(EditError::NoStage(to.to_string()));
        }
        if &deal.stage == to {
            return Err(EditError::SameStage);
        }
        if matches!(deal.status, Status::Won { .. }) && !self.is_post_sale(to) {
            return Err(EditError::WonStaysAfterSale);
        }
        if matches!(deal.status, Status::Lost { .. }) {
            return Err(EditError::LostStays);
        }
        let visit = self.visit_for_move(deal, to, now);
        let wins = self.move_wins(deal, to);
        let rank = self.top_rank(to);
        Ok(self.record(&[id], |board| {
            if let Some(deal) = board.deal_mut(id) {
                deal.stage = to.clone();
                deal.rank = rank;
                deal.updated = now;
                deal.history.push(visit);
                if wins {
                    deal.status = Status::Won { at: now };
                }
            }
        }))
    }

    /// Whether moving `deal` to `to` wins it: entering the stages after the sale from before
    /// them is the sale.
    pub fn move_wins(&self, deal: &Deal, to: &StageId) -> bool {
        deal.status.is_open() && !self.is_post_sale(&deal.stage) && self.is_post_sale(to)
    }

    /// The history entry for moving `deal` to `to`: going forward, the exit criteria of the stage
    /// it leaves that are not ticked, and the stages it jumps over; or that it went back.
    pub(super) fn visit_for_move(
        &self,
        deal: &Deal,
        to: &StageId,
        now: DateTime<Utc>,
    ) -> StageVisit {
        let mut visit = StageVisit::new(to.clone(), now);
        let (Some(from), Some(target)) = (self.stage_index(&deal.stage), self.stage_index(to))
        else {
            return visit;
        };
        if target < from {
            visit.backward = true;
            return visit;
        }
        visit.skipped = self.unticked(deal);
        visit.jumped = self.stages[from + 1..target]
            .iter()
            .map(|s| s.id.clone())
            .collect();
        visit
    }

    /// The exit criteria of the deal's current stage that are not ticked, in checklist order.
    pub fn unticked(&self, deal: &Deal) -> Vec<std::sync::Arc<str>> {
        let Some(stage) = self.stage(&deal.stage) else {
            return Vec::new();
        };
        stage
            .checklist
            .iter()
            .filter(|item| {
                !deal
                    .ticked
                    .iter()
                    .any(|t| t.stage == stage.id && *t.item == ***item)
            })
            .map(|item| item.as_str().into())
            .collect()
    }

    /// The stage after (or before) `stage` in the process.
    pub fn neighbour_stage(&self, stage: &StageId, direction: Direction) -> Option<StageId> {
        let here = self.stage_index(stage)?;
        let there = match direction {
            Direction::Back => here.checked_sub(1)?,
            Direction::Forward => here + 1,
        };
        self.stages.get(there).map(|s| s.id.clone())
    }

    /// Moves a deal to the next or previous stage of the board.
    pub fn move_deal_step(
        &mut self,
        id: DealId,
        direction: Direction,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        let to = self
            .neighbour_stage(&deal.stage, direction)
            .ok_or(EditError::AtEdge)?;
        self.move_deal(id, &to, now)
    }

    /// Swaps a deal with its neighbour above or below among `shown`: the column as the user sees
    /// it, in manual order (deals a filter hides keep their places). Manual order is layout, not
    /// news about the deal, so `updated` is left alone.
    pub fn reorder_deal(
        &mut self,
        id: DealId,
        direction: Direction,
        shown: &[DealId],
    ) -> Result<Patch, EditError> {
        let deal = self.deal(id).ok_or(EditError::NoDeal(id))?;
        let here = shown
            .iter()
            .position(|d| *d == id)
            .ok_or(EditError::AtEdge)?;
        let there = match direction {
            Direction::Back => here.checked_sub(1),
            Direction::Forward => Some(here + 1).filter(|i| *i < shown.len()),
        }
        .ok_or(EditError::AtEdge)?;
        let other = shown[there];
        let column: Vec<(DealId, i64)> = self
            .column(&deal.stage)
            .iter()
            .map(|d| (d.id, d.rank))
            .collect();
        let at = |wanted| column.iter().position(|(d, _)| *d == wanted);
        let (Some(a), Some(b)) = (at(id), at(other)) else {
            return Err(EditError::AtEdge);
        };
        // Two deals swap ranks. When either rank is shared (a hand-edited or merged file), the
        // swap alone could move a third deal too: the deals holding those ranks, and those
        // between, are given distinct ranks first, with as few neighbours as there is room for.
        // The column is sorted by rank, so the deals of one rank stand together.
        let holding = |at: usize| {
            let rank = column[at].1;
            let first = column.iter().position(|(_, r)| *r == rank).unwrap_or(at);
            let last = column.iter().rposition(|(_, r)| *r == rank).unwrap_or(at);
            (first, last)
        };
        let (mine, theirs) = (holding(a), holding(b));
        let mut ranks = column.clone();
        if mine.0 != mine.1 || theirs.0 != theirs.1 {
            spread(&mut ranks, mine.0.min(theirs.0)..=mine.1.max(theirs.1));
        }
        let (rank_a, rank_b) = (ranks[a].1, ranks[b].1);
        ranks[a].1 = rank_b;
        ranks[b].1 = rank_a;
        // Only the deals whose rank changes are touched (and copied, and saved): two, unless the
        // column had to be spread out.
        let changed: Vec<(DealId, i64)> = ranks
            .into_iter()
            .zip(&column)
            .filter(|((_, new), (_, old))| new != old)
            .map(|(new, _)| new)
            .collect();
        let ids: Vec<DealId> = changed.iter().map(|(d, _)| *d).collect();
        Ok(self.record(&ids, |board| {
            for (id, rank) in changed {
                if let Some(deal) = board.deal_mut(id) {
                    deal.rank = rank;
                }
            }
        }))
    }

    /// Deletes a deal. Deals it referred keep who referred them, as the deleted deal's title.
    pub fn delete_deal(&mut self, id: DealId) -> Result<Patch, EditError> {
        let title = self.deal(id).ok_or(EditError::NoDeal(id))?.title.clone();
        let referred: Vec<DealId> = self
            .deals
            .iter()
            .filter(|d| d.referred_by == Some(super::deal::Referral::Deal(id)))
            .map(|d| d.id)
            .collect();
        let touched: Vec<DealId> = std::iter::once(id)
            .chain(referred.iter().copied())
            .collect();
        Ok(self.record(&touched, |board| {
            board.put_deal(id, None);
            for deal_id in &referred {
                if let Some(deal) = board.deal_mut(*deal_id) {
                    deal.referred_by = Some(super::deal::Referral::Person(title.clone()));
                }
            }
        }))
    }

    /// A rank that puts a deal above everything now in `stage`'s column.
    /// A deal named as who referred another must be on the board, and not the deal itself.
    pub(super) fn check_referral(&self, deal: &Deal) -> Result<(), EditError> {
        match deal.referred_by {
            Some(super::deal::Referral::Deal(by)) if by == deal.id || self.deal(by).is_none() => {
                Err(EditError::NoReferrer(by))
            }
            _ => Ok(()),
        }
    }

    pub(super) fn top_rank(&self, stage: &StageId) -> i64 {
        self.deals
            .iter()
            .filter(|d| &d.stage == stage)
            .map(|d| d.rank)
            .min()
            .map_or(0, |top| top.saturating_sub(RANK_GAP))
    }
}

/// Gives the deals of `ranks` (a column in order) in `window` distinct ranks in their order,
/// keeping the order of the whole column: the window grows until the ranks around it leave room
/// for it, and at worst the whole column is numbered anew.
fn spread(ranks: &mut [(DealId, i64)], window: std::ops::RangeInclusive<usize>) {
    let (mut lo, mut hi) = window.into_inner();
    loop {
        let below = lo.checked_sub(1).map(|i| ranks[i].1);
        let above = ranks.get(hi + 1).map(|r| r.1);
        let count = (hi - lo + 1) as i64;
        let first_and_step = match (below, above) {
            (None, None) => Some((0, RANK_GAP)),
            (Some(below), None) => below.checked_add(RANK_GAP).map(|first| (first, RANK_GAP)),
            (None, Some(above)) => above
                .checked_sub(count.saturating_mul(RANK_GAP))
                .map(|first| (first, RANK_GAP)),
            (Some(below), Some(above)) => {
                // In 128 bits: the room between the ends of what a rank holds is wider than one.
                let room = i128::from(above) - i128::from(below);
                i64::try_from(room / i128::from(count + 1))
                    .ok()
                    .filter(|step| *step >= 1)
                    .and_then(|step| Some((below.checked_add(step)?, step)))
            }
        };
        if let Some((first, step)) = first_and_step {
            let last = step
                .checked_mul(count - 1)
                .and_then(|span| first.checked_add(span));
            if last.is_some() {
                for (k, (_, rank)) in ranks[lo..=hi].iter_mut().enumerate() {
                    *rank = first + step * k as i64;
                }
                return;
            }
        }
        if lo == 0 && hi + 1 == ranks.len() {
            // No room anywhere (ranks at the ends of what a number holds): start again from 0.
            for (k, (_, rank)) in ranks.iter_mut().enumerate() {
                *rank = k as i64 * RANK_GAP;
            }
            return;
        }
        lo = lo.saturating_sub(1);
        hi = (hi + 1).min(ranks.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the ranks (ties, gaps of one, the ends of what a number holds), the deals
        /// of the window get distinct ranks in their order and the column keeps its order.
        #[test]
        fn spreading_a_window_keeps_the_columns_order(
            mut raw in prop::collection::vec(prop_oneof![
                -3i64..3,
                Just(i64::MIN),
                Just(i64::MAX),
                any::<i64>(),
            ], 2..40),
            pick in any::<prop::sample::Index>(),
        ) {
            raw.sort_unstable();
            let before: Vec<(DealId, i64)> = raw.iter().enumerate().map(|(i, r)| (DealId(i as u64 + 1), *r)).collect();
            let a = pick.index(before.len() - 1);
            let mut ranks = before.clone();
            spread(&mut ranks, a..=a + 1);
            let order = |ranks: &[(DealId, i64)]| {
                let mut sorted = ranks.to_vec();
                sorted.sort_by_key(|(d, r)| (*r, *d));
                sorted.into_iter().map(|(d, _)| d).collect::<Vec<_>>()
            };
            prop_assert_eq!(order(&ranks), order(&before), "the column keeps its order");
            prop_assert!(ranks[a].1 < ranks[a + 1].1, "the two deals are apart");
            let touched = ranks.iter().zip(&before).filter(|(n, o)| n != o).count();
            prop_assert!(touched <= before.len());
        }
    }

    /// Adds deals 1, 2, 3... to the first stage, with these ranks.
    fn with_ranks(board: &mut Board, ranks: &[i64]) {
        let stage = board.stages[0].id.clone();
        for rank in ranks {
            let id = board
                .add_deal(&stage, crate::test_boards::moment(), |d| {
                    d.title = "deal".into()
                })
                .unwrap();
            if let Some(deal) = board.deal_mut(id.0) {
                deal.rank = *rank;
            }
        }
    }

    /// The column's ids in order after deal `id` is moved down, in a column of deals 1, 2, 3...
    /// with these ranks.
    fn after_moving(ranks: &[i64], id: u64) -> Vec<u64> {
        let mut board = crate::test_boards::demo(0);
        let stage = board.stages[0].id.clone();
        with_ranks(&mut board, ranks);
        let shown: Vec<DealId> = board.column(&stage).iter().map(|d| d.id).collect();
        board
            .reorder_deal(DealId(id), Direction::Forward, &shown)
            .unwrap();
        board.column(&stage).iter().map(|d| d.id.0).collect()
    }

    #[test]
    fn a_move_down_passes_only_the_neighbour_whatever_ranks_are_shared() {
        // The column is 3 (rank 0), then 1 and 2 (both rank 5): 3 moved down passes 1, not 2.
        assert_eq!(after_moving(&[5, 5, 0], 3), vec![1, 3, 2]);
        assert_eq!(after_moving(&[5, 5, 5], 1), vec![2, 1, 3]);
        assert_eq!(after_moving(&[0, 0, 10], 2), vec![1, 3, 2]);
        assert_eq!(
            after_moving(&[i64::MIN, i64::MIN, i64::MAX], 1),
            vec![2, 1, 3]
        );
        // The column is 2 (the least rank), then 1 and 3 (both the greatest).
        assert_eq!(
            after_moving(&[i64::MAX, i64::MIN, i64::MAX], 2),
            vec![1, 2, 3]
        );
    }

    #[test]
    fn a_deal_hidden_between_two_keeps_its_place() {
        let mut board = crate::test_boards::demo(0);
        let stage = board.stages[0].id.clone();
        with_ranks(&mut board, &[0, 0, 10]);
        // Deal 2 is hidden by a filter: 1 and 3 are neighbours on screen.
        board
            .reorder_deal(DealId(1), Direction::Forward, &[DealId(1), DealId(3)])
            .unwrap();
        let order: Vec<u64> = board.column(&stage).iter().map(|d| d.id.0).collect();
        assert_eq!(order, vec![3, 2, 1]);
    }

    #[test]
    fn a_tie_in_a_long_column_moves_only_the_deals_next_to_it() {
        let mut ranks: Vec<(DealId, i64)> = (0..10_000)
            .map(|i| (DealId(i + 1), i as i64 * RANK_GAP))
            .collect();
        ranks[5000].1 = ranks[5001].1;
        let before = ranks.clone();
        spread(&mut ranks, 5000..=5001);
        let touched = ranks.iter().zip(&before).filter(|(n, o)| n != o).count();
        assert!(touched <= 2, "{touched} deals were given new ranks");
        assert!(
            ranks[4999].1 < ranks[5000].1
                && ranks[5000].1 < ranks[5001].1
                && ranks[5001].1 < ranks[5002].1
        );
    }
}
