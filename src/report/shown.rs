//! What the board shows (each column's deals in order) and its figures, kept up to date as the
//! board changes rather than counted again for every change.
//!
//! A change copies only the deals it touches ([`Board::deals`] shares the rest), so comparing
//! the deals with those last counted, pointer by pointer, finds what changed in one cheap pass;
//! only those deals are taken out and counted in again. Two views are kept: the whole board,
//! and (while a filter is on) what the filter keeps. A filter is worked out from the whole
//! board's columns, already in order, so turning it on sorts nothing and turning it off costs
//! nothing; a filter typed a key further looks only through what it kept before.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::figures::{Count, Figures, Share, won_this_month};
use super::filter::{Facts, Filter};
use super::order::{Place, Placed, Placing, sort_columns, visible_columns};
use crate::model::{Board, ColumnSort, Currency, Deal, Phase, Stage};

/// More changed deals than this (an import, a big undo) are quicker counted from scratch.
const FOLLOW_AT_MOST: usize = 256;

#[derive(Clone, Debug, Default)]
pub struct Shown {
    /// The deals as last counted: a deal not changed since is the same allocation. Held, so
    /// that its address cannot be taken by a new deal.
    deals: Vec<Arc<Deal>>,
    /// The whole board, with no filter.
    whole: View,
    /// What the filter keeps, while one is on.
    filtered: Option<View>,
}

/// A deal as a column shows it, with what a filter asks of it and what it adds to the figures.
/// A filtered view shares the whole board's cards: keeping one reads the card, never the deal,
/// which at 100,000 deals is what keeps typing a filter quick (cards counted together lie
/// together in memory; deals lie wherever they were read or changed).
#[derive(Clone, Debug)]
pub struct Card(Arc<Seen>);

#[derive(Debug)]
struct Seen {
    deal: Arc<Deal>,
    facts: Facts,
    share: Share,
    placing: Placing,
}

impl Card {
    /// `deal` as shown in the column of `stage`.
    fn of(deal: &Arc<Deal>, stage: &Stage, board: &Board, now: DateTime<FixedOffset>) -> Card {
        Card(Arc::new(Seen {
            deal: Arc::clone(deal),
            facts: Facts::of(deal, board, now),
            share: Share::of(deal, stage, now),
            placing: Placing::of(deal, now),
        }))
    }

    fn place(&self, board: &Board) -> Place {
        self.0.placing.place(board)
    }
}

/// A card tells the placing its deal had when it was counted in: a view is counted again on a
/// new day, so it holds for the day the view is for.
impl Placed for Card {
    fn placing(&self, _now: DateTime<FixedOffset>) -> Placing {
        self.0.placing
    }
}

impl std::ops::Deref for Card {
    type Target = Deal;

    fn deref(&self) -> &Deal {
        &self.0.deal
    }
}

impl AsRef<Deal> for Card {
    fn as_ref(&self) -> &Deal {
        &self.0.deal
    }
}

/// One list of deals per stage, in the order shown, and their figures.
#[derive(Clone, Debug, Default)]
struct View {
    basis: Option<Basis>,
    /// Each card's facts hold for the basis (the board's owner and stages, the day).
    columns: Vec<Vec<Card>>,
    /// The deals won this month that the view counts: few, so a filter picks its own from the
    /// whole board's without a pass over every deal.
    won: Vec<Arc<Deal>>,
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

/// How the basis of a view differs from the one it was counted on.
enum Difference<'a> {
    None,
    Order,
    /// The filter, which was this one.
    Filter(&'a Filter),
    More,
}

impl Basis {
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

    fn difference(
        &self,
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
    ) -> Difference<'_> {
        let rest = self.day == now.date_naive()
            && self.offset == *now.offset()
            && self.currency == board.currency
            && self.owner == board.owner
            && self.stages == board.stages;
        match (rest, self.sort == board.sort, self.filter == *filter) {
            (true, true, true) => Difference::None,
            (true, false, true) => Difference::Order,
            (true, true, false) => Difference::Filter(&self.filter),
            _ => Difference::More,
        }
    }
}

/// A deal as it was and as it is now (`None`: not there).
type Change<'a> = (Option<&'a Arc<Deal>>, Option<&'a Arc<Deal>>);

impl Shown {
    /// One list of deals per stage, in the order the board shows them.
    pub fn columns(&self) -> &[Vec<Card>] {
        &self.view().columns
    }

    pub fn figures(&self) -> &Figures {
        &self.view().figures
    }

    fn view(&self) -> &View {
        self.filtered.as_ref().unwrap_or(&self.whole)
    }

    /// Where `deal` is shown: its column and row, if the board shows it.
    pub fn position_of(
        &self,
        deal: &Deal,
        board: &Board,
        now: DateTime<FixedOffset>,
    ) -> Option<(usize, usize)> {
        let c = board.stage_index(&deal.stage)?;
        let place = Place::of(deal, board, now);
        let row = self
            .columns()
            .get(c)?
            .binary_search_by(|card| card.place(board).cmp(&place))
            .ok()?;
        Some((c, row))
    }

    /// Brings the columns and figures up to date with `board` seen through `filter` at `now`.
    pub fn update(&mut self, board: &Board, filter: &Filter, now: DateTime<FixedOffset>) {
        let counted = std::mem::take(&mut self.deals);
        let changes = changes(&counted, &board.deals);
        self.whole
            .update(board, &Filter::default(), now, changes.as_deref(), None);
        self.filtered = filter.is_active().then(|| {
            let mut view = self.filtered.take().unwrap_or_default();
            view.update(board, filter, now, changes.as_deref(), Some(&self.whole));
            view
        });
        // Only the changed deals need holding anew when no deal came or went.
        let in_place = changes
            .as_ref()
            .is_some_and(|c| c.iter().all(|c| c.0.is_some() && c.1.is_some()));
        if in_place {
            let positions: Vec<usize> = changes
                .iter()
                .flatten()
                .filter_map(|c| c.1)
                .filter_map(|d| board.position_of(d.id).ok())
                .collect();
            self.deals = counted;
            for i in positions {
                self.deals[i] = Arc::clone(&board.deals[i]);
            }
        } else {
            self.deals.clone_from(&board.deals);
        }
    }
}

impl View {
    /// Brings the view up to date: follows the changed deals when nothing else changed; sorts
    /// again when only the order did; narrows itself when a filter was typed further; else
    /// counts again, from `whole` (the whole board, up to date) when there is one.
    fn update(
        &mut self,
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
        changes: Option<&[Change<'_>]>,
        whole: Option<&View>,
    ) {
        let unchanged = changes.is_some_and(<[_]>::is_empty);
        let difference = self
            .basis
            .as_ref()
            .map_or(Difference::More, |b| b.difference(board, filter, now));
        match (difference, changes) {
            (Difference::None, Some(changes)) => self.follow(changes, board, filter, now),
            (Difference::Order, _) if unchanged => self.reorder(board, now),
            (Difference::Filter(before), _) if unchanged && filter.narrows(before) => {
                *self = self.kept(board, filter, now);
            }
            _ => match whole {
                Some(whole) => *self = whole.kept(board, filter, now),
                None => self.count_all(board, now),
            },
        }
    }

    /// Sorts each column again in the board's order.
    fn reorder(&mut self, board: &Board, now: DateTime<FixedOffset>) {
        sort_columns(&mut self.columns, board, now);
        if let Some(basis) = &mut self.basis {
            basis.sort = board.sort;
        }
    }

    /// Counts the whole board afresh.
    fn count_all(&mut self, board: &Board, now: DateTime<FixedOffset>) {
        let found = visible_columns(board, &Filter::default(), now);
        let cards = |columns: &[Vec<&Arc<Deal>>], stages: &[Stage]| -> Vec<Vec<Card>> {
            columns
                .iter()
                .zip(stages)
                .map(|(column, stage)| {
                    column
                        .iter()
                        .map(|d| Card::of(d, stage, board, now))
                        .collect()
                })
                .collect()
        };
        // The cards of a big board are made on two cores, about half of them on each.
        let (middle, split) = crate::two_cores::middle(&found);
        let middle = middle.min(board.stages.len());
        let (front, back) = crate::two_cores::both(
            split,
            || cards(&found[..middle], &board.stages[..middle]),
            || cards(&found[middle..], &board.stages[middle..]),
        );
        let mut columns = front;
        columns.extend(back);
        let won: Vec<Arc<Deal>> = board
            .deals
            .iter()
            .filter(|d| won_this_month(d, now))
            .cloned()
            .collect();
        let mut figures = Figures::empty(columns.len(), now);
        for (c, column) in columns.iter().enumerate() {
            for card in column {
                figures.count_share(c, &card.0.share, Count::In);
            }
        }
        for deal in &won {
            figures.count_won(deal, Count::In);
        }
        self.figures = figures;
        self.columns = columns;
        self.won = won;
        self.basis = Some(Basis::of(board, &Filter::default(), now));
    }

    /// The deals of this view that `filter` keeps, in the same order, and their figures.
    fn kept(&self, board: &Board, filter: &Filter, now: DateTime<FixedOffset>) -> View {
        let matcher = filter.matcher();
        // Each deal kept is counted at once, while it is at hand: a second pass would read
        // every one from memory again.
        let mut figures = Figures::empty(self.columns.len(), now);
        let columns: Vec<Vec<Card>> = self
            .columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                column
                    .iter()
                    .filter(|card| matcher.keeps(&card.0.facts, &card.0.deal))
                    .inspect(|card| figures.count_share(c, &card.0.share, Count::In))
                    .cloned()
                    .collect()
            })
            .collect();
        let won: Vec<Arc<Deal>> = self
            .won
            .iter()
            .filter(|d| matcher.matches(d, board, now))
            .inspect(|d| figures.count_won(d, Count::In))
            .cloned()
            .collect();
        View {
            figures,
            columns,
            won,
            basis: Some(Basis::of(board, filter, now)),
        }
    }

    /// Takes every changed deal out as it was, then counts it in as it is.
    fn follow(
        &mut self,
        changes: &[Change<'_>],
        board: &Board,
        filter: &Filter,
        now: DateTime<FixedOffset>,
    ) {
        let matcher = filter.matcher();
        let passes = |deal: &Deal| !filter.is_active() || matcher.matches(deal, board, now);
        for old in changes.iter().filter_map(|c| c.0) {
            self.count(old, board, passes(old), now, Count::Out);
        }
        for new in changes.iter().filter_map(|c| c.1) {
            self.count(new, board, passes(new), now, Count::In);
        }
    }

    /// Counts in (or takes out) one deal; `passes`: whether the view's filter keeps it.
    fn count(
        &mut self,
        deal: &Arc<Deal>,
        board: &Board,
        passes: bool,
        now: DateTime<FixedOffset>,
        count: Count,
    ) {
        if !passes {
            return;
        }
        if won_this_month(deal, now) {
            self.figures.count_won(deal, count);
            match count {
                Count::Out => self.won.retain(|d| !Arc::ptr_eq(d, deal)),
                Count::In => self.won.push(Arc::clone(deal)),
            }
        }
        let Some(c) = column_of(deal, board) else {
            return;
        };
        self.figures.count_shown(c, deal, board, now, count);
        let (Some(column), Some(stage)) = (self.columns.get_mut(c), board.stages.get(c)) else {
            return;
        };
        // The column is in order of place, and no two deals share one.
        let place = Place::of(deal, board, now);
        let at = column.binary_search_by(|card| card.place(board).cmp(&place));
        match (count, at) {
            (Count::Out, Ok(at)) => {
                column.remove(at);
            }
            (Count::In, Err(at)) => column.insert(at, Card::of(deal, stage, board, now)),
            // Not there to take out, or there already: nothing to do.
            (Count::Out, Err(_)) | (Count::In, Ok(_)) => {}
        }
    }
}

/// The column a deal is shown in, if the board shows it.
fn column_of(deal: &Deal, board: &Board) -> Option<usize> {
    let c = board.stage_index(&deal.stage)?;
    deal.is_on_board(board.stages[c].phase == Phase::PostSale)
        .then_some(c)
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

    use crate::model::DealId;
    use crate::test_boards::demo;
    use chrono::Duration;
    use proptest::prelude::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    /// What counting everything from scratch gives, without anything kept from before.
    fn counted_afresh(board: &Board, filter: &Filter) -> (Vec<Vec<DealId>>, Figures) {
        let columns = visible_columns(board, filter, now());
        let won: Vec<&Arc<Deal>> = board
            .deals
            .iter()
            .filter(|d| won_this_month(d, now()) && filter.matches(d, board, now()))
            .collect();
        let mut figures = Figures::empty(columns.len(), now());
        for (c, column) in columns.iter().enumerate() {
            for deal in column {
                figures.count_shown(c, deal, board, now(), Count::In);
            }
        }
        for deal in won {
            figures.count_won(deal, Count::In);
        }
        (ids(&columns), figures)
    }

    fn ids<D: AsRef<Deal>>(columns: &[Vec<D>]) -> Vec<Vec<DealId>> {
        columns
            .iter()
            .map(|c| c.iter().map(|d| d.as_ref().id).collect())
            .collect()
    }

    /// A filter picked by numbers: toggles, and words typed or taken back a letter at a time.
    fn change_filter(filter: &mut Filter, what: u8) {
        const WORDS: [&str; 6] = ["a", "o", "@", "#", "Ко", "e"];
        match what % 6 {
            0 => filter.only_mine = !filter.only_mine,
            1 => filter.only_due_now = !filter.only_due_now,
            2 => filter.only_rotting = !filter.only_rotting,
            3 => {
                filter.text.pop();
            }
            4 => filter.text.push(' '),
            _ => filter
                .text
                .push_str(WORDS[usize::from(what / 6) % WORDS.len()]),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// However the board, its order and the filter change, what is kept up to date equals
        /// what is counted afresh.
        #[test]
        fn following_changes_gives_what_counting_afresh_gives(
            steps in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..16),
        ) {
            let mut board = demo(120);
            board.owner = board.deals[0].owner.clone();
            let mut filter = Filter::default();
            let mut shown = Shown::default();
            shown.update(&board, &filter, now());
            for (pick, what, kind) in steps {
                match kind {
                    0 => crate::model::some_change::make(&mut board, pick, what, now().to_utc()),
                    1 => change_filter(&mut filter, what),
                    _ => board.sort = ColumnSort::ALL[usize::from(what) % ColumnSort::ALL.len()],
                }
                shown.update(&board, &filter, now());
                let (columns, figures) = counted_afresh(&board, &filter);
                prop_assert_eq!(ids(shown.columns()), columns, "{:?}", filter);
                prop_assert_eq!(shown.figures(), &figures, "{:?}", filter);
            }
        }

        /// A filter that narrows another keeps only deals the other keeps.
        #[test]
        fn a_narrower_filter_keeps_nothing_the_wider_one_left_out(
            before in prop::collection::vec(any::<u8>(), 0..6),
            after in prop::collection::vec(any::<u8>(), 0..6),
        ) {
            let mut board = demo(80);
            board.owner = board.deals[0].owner.clone();
            let mut wider = Filter::default();
            for what in before {
                change_filter(&mut wider, what);
            }
            let mut narrower = wider.clone();
            for what in after {
                change_filter(&mut narrower, what);
            }
            if narrower.narrows(&wider) {
                for deal in &board.deals {
                    prop_assert!(!narrower.matches(deal, &board, now()) || wider.matches(deal, &board, now()));
                }
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
                assert_eq!(ids(shown.columns()), columns, "{sort:?}");
                assert_eq!(shown.figures(), &figures, "{sort:?}");
            }
        }
    }

    #[test]
    fn typing_a_filter_further_and_back_again() {
        let board = demo(200);
        let mut shown = Shown::default();
        let mut filter = Filter::default();
        for text in [
            "a", "ac", "acm", "ac", "", "#", "#p", "@", "@d", "@da", "@d a",
        ] {
            filter.text = text.into();
            shown.update(&board, &filter, now());
            let (columns, figures) = counted_afresh(&board, &filter);
            assert_eq!(ids(shown.columns()), columns, "{text:?}");
            assert_eq!(shown.figures(), &figures, "{text:?}");
        }
        let typed = |text: &str| Filter {
            text: text.into(),
            ..Filter::default()
        };
        assert!(typed("acme").narrows(&typed("acm")));
        assert!(typed("acm x").narrows(&typed("acm")));
        assert!(typed("@anna").narrows(&typed("@an")));
        assert!(
            !typed("@a").narrows(&typed("@")),
            "`@` alone is a word to find in texts"
        );
        assert!(
            !typed("#pilots").narrows(&typed("#pilot")),
            "tags match whole"
        );
        assert!(!typed("ac").narrows(&typed("acm")));
    }

    #[test]
    fn where_a_deal_is_shown() {
        let board = demo(200);
        let mut shown = Shown::default();
        shown.update(&board, &Filter::default(), now());
        for (c, column) in shown.columns().iter().enumerate() {
            for (r, deal) in column.iter().enumerate() {
                assert_eq!(shown.position_of(deal, &board, now()), Some((c, r)));
            }
        }
        let off_board = board
            .deals
            .iter()
            .find(|d| column_of(d, &board).is_none())
            .unwrap();
        assert_eq!(shown.position_of(off_board, &board, now()), None);
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
        assert_eq!(shown.figures(), fresh.figures());
        assert_eq!(shown.figures().counted_on, Some(tomorrow.date_naive()));
    }
}
