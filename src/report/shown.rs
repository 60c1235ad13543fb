//! What the board shows (each column's deals in order) and its figures, kept up to date as the
//! board changes rather than counted again for every change.
//!
//! A change copies only the deals it touches ([`Board::deals`] shares the rest), so comparing
//! the deals with those last counted, pointer by pointer, finds what changed in one cheap pass;
//! only those deals are taken out and counted in again. Anything else that changes what is
//! shown (the stages, the order, the filter, the day) counts everything again.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::figures::{Count, Figures, won_this_month};
use super::filter::Filter;
use super::order::{compare, sort, visible_columns};
use crate::model::{Board, ColumnSort, Currency, Deal, DealId, Phase, Stage};

/// More changed deals than this (an import, a big undo) are quicker counted from scratch.
const FOLLOW_AT_MOST: usize = 256;

#[derive(Clone, Debug, Default)]
pub struct Shown {
    /// The deals as last counted: a deal not changed since is the same allocation. Held, so
    /// that its address cannot be taken by a new deal.
    deals: Vec<Arc<Deal>>,
    basis: Option<Basis>,
    columns: Vec<Vec<DealId>>,
    figures: Figures,
}

/// Everything besides the deals that decides what is shown and counted.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Basis {
    stages: Vec<Stage>,
    currency: Currency,
    owner: String,
    sort: ColumnSort,
    filter: Filter,
    /// Deals go overdue and idle by the calendar day where the user is.
    day: NaiveDate,
    offset: FixedOffset,
}

impl Basis {
    fn is(&self, board: &Board, filter: &Filter, now: DateTime<FixedOffset>) -> bool {
        self.day == now.date_naive()
            && self.offset == *now.offset()
            && self.currency == board.currency
            && self.sort == board.sort
            && self.owner == board.owner
            && self.filter == *filter
            && self.stages == board.stages
    }

    fn of(board: &Board, filter: &Filter, now: DateTime<FixedOffset>) -> Basis {
        Basis {
            stages: board.stages.clone(),
            currency: board.currency,
            owner: board.owner.clone(),
            sort: board.sort,
            filter: filter.clone(),
            day: now.date_naive(),
            offset: *now.offset(),
        }
    }
}

/// A deal as it was and as it is now (`None`: not there).
type Change<'a> = (Option<&'a Arc<Deal>>, Option<&'a Arc<Deal>>);

impl Shown {
    /// One list of deal ids per stage, as [`visible_columns`] orders them.
    pub fn columns(&self) -> &[Vec<DealId>] {
        &self.columns
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    /// Brings the columns and figures up to date with `board` seen through `filter` at `now`.
    pub fn update(&mut self, board: &Board, filter: &Filter, now: DateTime<FixedOffset>) {
        let follows = self
            .basis
            .as_ref()
            .is_some_and(|b| b.is(board, filter, now));
        let counted = std::mem::take(&mut self.deals);
        if !follows && self.only_order_changed(board, filter, now, &counted) {
            self.deals = counted;
            self.reorder(board, now);
            return;
        }
        let changes = if follows {
            changes(&counted, &board.deals)
        } else {
            None
        };
        let followed = match changes {
            Some(changes) => {
                self.follow(&changes, board, filter, now);
                // Only the changed deals need holding anew when no deal came or went.
                let in_place = changes.iter().all(|c| c.0.is_some() && c.1.is_some());
                in_place.then(|| {
                    changes
                        .iter()
                        .filter_map(|c| c.1)
                        .filter_map(|d| board.position_of(d.id).ok())
                        .collect::<Vec<_>>()
                })
            }
            None => {
                self.count_all(board, filter, now);
                None
            }
        };
        match followed {
            Some(positions) => {
                self.deals = counted;
                for i in positions {
                    self.deals[i] = Arc::clone(&board.deals[i]);
                }
            }
            None => self.deals.clone_from(&board.deals),
        }
    }

    /// True when only the columns' order differs from what was counted: the same deals,
    /// filter, stages and day. The figures then stand; the columns are only sorted again.
    fn only_order_changed(
        &self,
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
        counted: &[Arc<Deal>],
    ) -> bool {
        let Some(basis) = &self.basis else {
            return false;
        };
        let ordered = Basis {
            sort: board.sort,
            ..basis.clone()
        };
        ordered.is(board, filter, now)
            && changes(counted, &board.deals).is_some_and(|c| c.is_empty())
    }

    /// Sorts each column again in the board's order.
    fn reorder(&mut self, board: &Board, now: DateTime<FixedOffset>) {
        for column in &mut self.columns {
            let mut deals: Vec<&Deal> = column.iter().filter_map(|id| board.deal(*id)).collect();
            sort(&mut deals, board, now);
            *column = deals.iter().map(|d| d.id).collect();
        }
        if let Some(basis) = &mut self.basis {
            basis.sort = board.sort;
        }
    }

    fn count_all(&mut self, board: &Board, filter: &Filter, now: DateTime<FixedOffset>) {
        let columns = visible_columns(board, filter, now);
        self.figures = Figures::of(board, &columns, filter, now);
        self.columns = columns
            .iter()
            .map(|c| c.iter().map(|d| d.id).collect())
            .collect();
        self.basis = Some(Basis::of(board, filter, now));
    }

    /// Takes every changed deal out as it was, then counts it in as it is.
    fn follow(
        &mut self,
        changes: &[Change<'_>],
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
    ) {
        for old in changes.iter().filter_map(|c| c.0) {
            self.count(old, board, filter, now, Count::Out);
        }
        for new in changes.iter().filter_map(|c| c.1) {
            self.count(new, board, filter, now, Count::In);
        }
    }

    fn count(
        &mut self,
        deal: &Deal,
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
        count: Count,
    ) {
        if won_this_month(deal, board, filter, now) {
            self.figures.count_won(deal, count);
        }
        let Some(c) = column_of(deal, board, filter, now) else {
            return;
        };
        self.figures.count_shown(c, deal, board, now, count);
        let Some(column) = self.columns.get_mut(c) else {
            return;
        };
        match count {
            Count::Out => column.retain(|id| *id != deal.id),
            Count::In => {
                // The column is in order, and every deal in it is in `board`.
                let at = column.partition_point(|id| {
                    board
                        .deal(*id)
                        .is_some_and(|d| compare(d, deal, board, now).is_lt())
                });
                column.insert(at, deal.id);
            }
        }
    }
}

/// The column a deal is shown in, if it is shown.
fn column_of(
    deal: &Deal,
    board: &Board,
    filter: &Filter,
    now: DateTime<FixedOffset>,
) -> Option<usize> {
    let c = board.stage_index(&deal.stage)?;
    let on_board = deal.is_on_board(board.stages[c].phase == Phase::PostSale);
    (on_board && (!filter.is_active() || filter.matches(deal, board, now))).then_some(c)
}

/// The deals that differ between `old` and `new` (both in id order), or `None` when there are
/// too many to follow one by one.
fn changes<'a>(old: &'a [Arc<Deal>], new: &'a [Arc<Deal>]) -> Option<Vec<Change<'a>>> {
    let mut changes = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let change = match (old.get(i), new.get(j)) {
            // The same allocation is the same deal, unchanged: told without reading the deal,
            // which keeps this pass cheap at a hundred thousand deals.
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => {
                i += 1;
                j += 1;
                continue;
            }
            (Some(a), Some(b)) if a.id == b.id => {
                i += 1;
                j += 1;
                (Some(a), Some(b))
            }
            (Some(a), Some(b)) if a.id < b.id => {
                i += 1;
                (Some(a), None)
            }
            (Some(a), None) => {
                i += 1;
                (Some(a), None)
            }
            (_, b) => {
                j += 1;
                (None, b)
            }
        };
        if changes.len() == FOLLOW_AT_MOST {
            return None;
        }
        changes.push(change);
    }
    Some(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_boards::demo;
    use chrono::Duration;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    /// What counting everything from scratch gives.
    fn counted_afresh(board: &Board, filter: &Filter) -> (Vec<Vec<DealId>>, Figures) {
        let mut fresh = Shown::default();
        fresh.update(board, filter, now());
        (fresh.columns, fresh.figures)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// However the board changes, what is kept up to date equals what is counted afresh.
        #[test]
        fn following_changes_gives_what_counting_afresh_gives(
            steps in prop::collection::vec((any::<usize>(), any::<u8>()), 1..12),
            sort in 0usize..5,
            filtered in any::<bool>(),
        ) {
            let mut board = demo(120);
            board.sort = ColumnSort::ALL[sort];
            let filter = Filter { only_due_now: filtered, ..Filter::default() };
            let mut shown = Shown::default();
            shown.update(&board, &filter, now());
            for (pick, what) in steps {
                crate::model::some_change::make(&mut board, pick, what, now().to_utc());
                shown.update(&board, &filter, now());
                let (columns, figures) = counted_afresh(&board, &filter);
                prop_assert_eq!(&shown.columns, &columns);
                prop_assert_eq!(&shown.figures, &figures);
            }
        }
    }

    #[test]
    fn a_new_order_sorts_the_columns_again_as_counting_afresh_does() {
        let mut board = demo(300);
        for filtered in [false, true] {
            let filter = Filter {
                only_due_now: filtered,
                ..Filter::default()
            };
            let mut shown = Shown::default();
            shown.update(&board, &filter, now());
            for sort in ColumnSort::ALL.iter().chain(ColumnSort::ALL.iter().rev()) {
                board.sort = *sort;
                shown.update(&board, &filter, now());
                let (columns, figures) = counted_afresh(&board, &filter);
                assert_eq!(shown.columns, columns, "{sort:?}");
                assert_eq!(shown.figures, figures, "{sort:?}");
            }
        }
    }

    #[test]
    fn a_change_to_one_deal_is_followed_not_counted_afresh() {
        let old = demo(50);
        let mut new = old.clone();
        let id = new.deals[7].id;
        new.edit_deal(id, now().to_utc(), |d| d.title = "changed".into())
            .unwrap();
        let found = changes(&old.deals, &new.deals).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.map(|d| d.id), Some(id));
    }

    #[test]
    fn a_new_day_counts_again() {
        let mut board = demo(60);
        let mut shown = Shown::default();
        shown.update(&board, &Filter::default(), now());
        let tomorrow = now() + Duration::days(1);
        board.sort = ColumnSort::Idle;
        shown.update(&board, &Filter::default(), tomorrow);
        let mut fresh = Shown::default();
        fresh.update(&board, &Filter::default(), tomorrow);
        assert_eq!(shown.figures, fresh.figures);
        assert_eq!(shown.figures.counted_on, Some(tomorrow.date_naive()));
    }
}
