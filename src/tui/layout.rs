//! Where things go on the board screen, worked out from the terminal size alone. Both drawing and
//! `update` (which keeps the selection in view) use it, so they always agree.

/// Below this the board cannot be drawn usefully; a message says so instead.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 10;
/// A column narrower than this makes cards hard to read (titles and due dates get cut), so fewer
/// columns are shown and the board scrolls sideways.
pub const MIN_COLUMN_WIDTH: u16 = 24;
/// A stage folded away (an empty one, when empty stages are folded): a narrow strip with its
/// number and name down it.
pub const FOLDED_WIDTH: u16 = 4;
/// Rows one card takes: title, company and owner, value and next action, a blank line.
pub const CARD_HEIGHT: u16 = 4;
/// On a tall screen a card takes a row more: contact, probability and tags.
pub const TALL_CARD_HEIGHT: u16 = 5;
/// Cards are tall when this many of them still fit in a column.
const TALL_CARDS_FROM: u16 = 7;
/// Rows of a column's totals above its cards: open value, then weighted value.
pub const COLUMN_TOTALS_HEIGHT: u16 = 2;
/// Rows above and below the cards: title bar, column top border, column totals, bottom border,
/// board totals, status bar.
const CHROME_HEIGHT: u16 = 5 + COLUMN_TOTALS_HEIGHT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardLayout {
    /// How many cards fit in one column.
    pub cards: usize,
    /// Rows one card takes: [`CARD_HEIGHT`], or [`TALL_CARD_HEIGHT`] on a tall screen.
    pub card_height: u16,
}

/// `None` when the terminal is too small for the board.
/// (How many stage columns fit across is [`columns_fitting`]'s, as some may be folded.)
pub fn board_layout(width: u16, height: u16) -> Option<BoardLayout> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    // The last card needs no blank line after it.
    let room = height - CHROME_HEIGHT + 1;
    let card_height = if room / TALL_CARD_HEIGHT >= TALL_CARDS_FROM {
        TALL_CARD_HEIGHT
    } else {
        CARD_HEIGHT
    };
    let cards = usize::from(room / card_height).max(1);
    Some(BoardLayout { cards, card_height })
}

/// How many columns from `first` fit in `width`: a folded one takes [`FOLDED_WIDTH`], the others
/// at least [`MIN_COLUMN_WIDTH`] (they share what is left); always at least one.
pub fn columns_fitting(
    width: u16,
    first: usize,
    total: usize,
    folded: impl Fn(usize) -> bool,
) -> usize {
    let mut used: u32 = 0;
    let mut count = 0;
    for index in first..total {
        let needs = u32::from(if folded(index) {
            FOLDED_WIDTH
        } else {
            MIN_COLUMN_WIDTH
        });
        if used + needs > u32::from(width) && count > 0 {
            break;
        }
        used += needs;
        count += 1;
    }
    count.max(1)
}

/// The first column to show so that `focus` is on screen, moving the view as little as possible
/// and leaving no room unused at the end; `fitting(first)` is how many columns fit from `first`.
pub fn first_column_showing(
    current_first: usize,
    focus: usize,
    total: usize,
    fitting: impl Fn(usize) -> usize,
) -> usize {
    let mut first = current_first.min(focus);
    while focus >= first + fitting(first) && first < focus {
        first += 1;
    }
    while first > 0 && first - 1 + fitting(first - 1) >= total {
        first -= 1;
    }
    first
}

/// The first column to show so that `focus` is on screen, moving the view as little as possible.
pub fn first_visible(current_first: usize, focus: usize, visible: usize, total: usize) -> usize {
    let visible = visible.max(1);
    let first = if focus < current_first {
        focus
    } else if focus >= current_first + visible {
        focus + 1 - visible
    } else {
        current_first
    };
    first.min(total.saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_cards_follow_the_size() {
        let across = |width, stages| columns_fitting(width, 0, stages, |_| false);
        assert_eq!(
            board_layout(80, 24),
            Some(BoardLayout {
                cards: 4,
                card_height: CARD_HEIGHT
            })
        );
        assert_eq!(across(80, 10), 3);
        assert_eq!(
            board_layout(200, 50),
            Some(BoardLayout {
                cards: 8,
                card_height: TALL_CARD_HEIGHT
            })
        );
        assert_eq!(across(200, 10), 8);
        assert_eq!(across(240, 10), 10);
        assert_eq!(across(160, 10), 6);
        assert_eq!(across(80, 3), 3);
        assert_eq!(across(300, 10), 10);
        assert_eq!(
            board_layout(40, 12),
            Some(BoardLayout {
                cards: 1,
                card_height: CARD_HEIGHT
            })
        );
        assert_eq!(across(40, 10), 1);
        assert_eq!(board_layout(23, 24), None);
        assert_eq!(board_layout(80, 9), None);
    }

    #[test]
    fn the_view_scrolls_only_as_far_as_needed() {
        assert_eq!(first_visible(0, 2, 3, 10), 0);
        assert_eq!(first_visible(0, 3, 3, 10), 1);
        assert_eq!(first_visible(5, 2, 3, 10), 2);
        assert_eq!(first_visible(9, 9, 3, 10), 7);
        assert_eq!(first_visible(0, 0, 3, 2), 0);
    }

    #[test]
    fn folded_columns_make_room_for_more_and_the_focus_stays_in_view() {
        // Ten stages, the 3rd to 5th folded: at 80 cells, two open columns and three strips fit.
        let folded = |i: usize| (2..5).contains(&i);
        assert_eq!(columns_fitting(80, 0, 10, folded), 5);
        assert_eq!(columns_fitting(80, 0, 10, |_| false), 3);
        // Focus on the last stage: the view ends there, as full as it can be.
        let first = first_column_showing(0, 9, 10, |f| columns_fitting(80, f, 10, folded));
        assert!(first + columns_fitting(80, first, 10, folded) >= 10);
        assert_eq!(first, 7);
        // Unfolded, it is the same as before.
        for focus in 0..10 {
            assert_eq!(
                first_column_showing(0, focus, 10, |f| columns_fitting(80, f, 10, |_| false)),
                first_visible(0, focus, 3, 10)
            );
        }
    }
}
