//! Saving a big board again without writing every deal out again. A change copies only the
//! deals it touches (unchanged ones stay the same allocation), and a deal's text in the file
//! does not depend on where in the list it stands: so the text of every unchanged deal is taken
//! from the last text written, and only the changed deals, the board's settings and the frame
//! around the deals are written anew. The result is byte for byte what writing the whole board
//! gives (the tests hold it to that).

use std::ops::Range;
use std::sync::Arc;

use super::format::{AFTER_DEALS, deal_starts, to_text};
use crate::model::{Board, Deal};

/// More changed deals than this share of all is quicker written whole.
const REUSE_BELOW_SHARE: usize = 4;

/// The last text written, and where each deal's text is in it.
#[derive(Debug)]
pub(super) struct Written {
    text: String,
    deals: Vec<(Arc<Deal>, Range<usize>)>,
}

impl Written {
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The whole board's text, kept for the next time when its deals can be found in it.
    pub(super) fn of(board: &Board) -> Result<Written, ron::Error> {
        let text = to_text(board)?;
        let deals = spans(&text, &board.deals).unwrap_or_default();
        Ok(Written { text, deals })
    }

    /// `board`'s text, reusing the text of each deal unchanged since `self` was written.
    pub(super) fn next(&self, board: &Board) -> Result<Written, ron::Error> {
        let Some(changed) = self.changed(board) else {
            return Written::of(board);
        };
        // The board's settings and the frame around the deals, with the changed deals' texts
        // (at least one deal, so that the frame is the frame around a list of deals).
        let sample = match changed.first() {
            Some(_) => changed.clone(),
            None => vec![Arc::clone(&board.deals[0])],
        };
        let skeleton = to_text(&with_deals(board, sample.clone()))?;
        let Some(fresh) = spans(&skeleton, &sample) else {
            return Written::of(board);
        };
        let prefix = &skeleton[..fresh[0].1.start];
        let mut text = String::with_capacity(self.text.len() + skeleton.len());
        text.push_str(prefix);
        let mut deals = Vec::with_capacity(board.deals.len());
        let mut old = self.deals.iter().peekable();
        let mut new = fresh.iter().peekable();
        for deal in &board.deals {
            while old.next_if(|(d, _)| d.id < deal.id).is_some() {}
            let piece = match old.next_if(|(d, _)| Arc::ptr_eq(d, deal)) {
                Some((_, range)) => &self.text[range.clone()],
                None => {
                    while new.next_if(|(d, _)| d.id < deal.id).is_some() {}
                    match new.next_if(|(d, _)| d.id == deal.id) {
                        Some((_, range)) => &skeleton[range.clone()],
                        None => return Written::of(board),
                    }
                }
            };
            let start = text.len();
            text.push_str(piece);
            deals.push((Arc::clone(deal), start..text.len()));
        }
        text.push_str(AFTER_DEALS);
        Ok(Written { text, deals })
    }

    /// The deals of `board` not in the last text, in id order; `None` when there is nothing to
    /// reuse, or so much changed that writing it all is as quick.
    fn changed(&self, board: &Board) -> Option<Vec<Arc<Deal>>> {
        if self.deals.is_empty() || board.deals.is_empty() {
            return None;
        }
        let limit = board.deals.len() / REUSE_BELOW_SHARE;
        let mut changed = Vec::new();
        let mut old = self.deals.iter().peekable();
        for deal in &board.deals {
            while old.next_if(|(d, _)| d.id < deal.id).is_some() {}
            if old.next_if(|(d, _)| Arc::ptr_eq(d, deal)).is_none() {
                changed.push(Arc::clone(deal));
                if changed.len() > limit {
                    return None;
                }
            }
        }
        Some(changed)
    }
}

/// `board` with only `deals`.
fn with_deals(board: &Board, deals: Vec<Arc<Deal>>) -> Board {
    Board {
        version: board.version,
        name: board.name.clone(),
        currency: board.currency,
        owner: board.owner.clone(),
        next_deal_id: board.next_deal_id,
        stages: board.stages.clone(),
        lost_reasons: board.lost_reasons.clone(),
        sources: board.sources.clone(),
        sort: board.sort,
        deals,
    }
}

/// Where each of `deals` is in `text` (its indentation, its text and the `,` and line end after
/// it); `None` when that cannot be told for certain: a deal's own text (a note, say) can hold
/// what looks like the start of a deal, and then there are more starts than deals.
fn spans(text: &str, deals: &[Arc<Deal>]) -> Option<Vec<(Arc<Deal>, Range<usize>)>> {
    let starts = deal_starts(text);
    if starts.len() != deals.len() || !text.ends_with(AFTER_DEALS) {
        return None;
    }
    let end = text.len() - AFTER_DEALS.len();
    let ends = starts.iter().skip(1).copied().chain([end]);
    Some(
        deals
            .iter()
            .zip(starts.iter().zip(ends))
            .map(|(deal, (start, end))| (Arc::clone(deal), *start..end))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DealId;
    use crate::store::format::DEAL_START;
    use crate::test_boards::{demo, moment as now};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever changed, the text is what writing the whole board gives.
        #[test]
        fn reusing_unchanged_deals_writes_what_writing_all_writes(
            steps in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        ) {
            let mut board = demo(40);
            let mut written = Written::of(&board).unwrap();
            for (pick, what) in steps {
                crate::model::some_change::make(&mut board, pick, what, now());
                written = written.next(&board).unwrap();
                let whole = to_text(&board).unwrap();
                prop_assert_eq!(written.text(), whole.as_str());
            }
        }
    }

    #[test]
    fn a_note_that_looks_like_a_deal_is_written_whole_and_right() {
        let mut board = demo(10);
        let id = board.deals[3].id;
        let forged = format!("{DEAL_START}5,\n{DEAL_START}6,");
        board
            .edit_deal(id, now(), |d| d.notes = forged.clone())
            .unwrap();
        let written = Written::of(&board).unwrap();
        assert!(
            written.deals.is_empty(),
            "not reused: the starts are ambiguous"
        );
        let mut next = board.clone();
        let other = next.deals[0].id;
        next.edit_deal(other, now(), |d| d.title = "Changed".into())
            .unwrap();
        assert_eq!(written.next(&next).unwrap().text(), to_text(&next).unwrap());
    }

    #[test]
    fn only_the_changed_deals_are_found_changed() {
        let board = demo(30);
        let written = Written::of(&board).unwrap();
        let mut next = board.clone();
        let id: DealId = next.deals[5].id;
        next.edit_deal(id, now(), |d| d.title = "Changed".into())
            .unwrap();
        let changed = written.changed(&next).unwrap();
        assert_eq!(changed.iter().map(|d| d.id).collect::<Vec<_>>(), [id]);
        let reused = written.next(&next).unwrap();
        assert_eq!(reused.deals.len(), 30, "found again for the next save");
        assert_eq!(reused.text(), to_text(&next).unwrap());
    }
}
