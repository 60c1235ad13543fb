//! The cursor and the view: which deal is selected, and scrolling just enough to keep it shown.

use crate::model::DealId;
use crate::tui::layout::{board_layout, columns_fitting, first_column_showing, first_visible};

use super::App;

impl App {
    /// Rebuilds the columns after a change, with the cursor on `follow` if it is on the board.
    pub(super) fn refresh(&mut self, follow: Option<DealId>) {
        // One moment for both: the columns' order (idle days) and finding the deal in them.
        let now = self.clock.now();
        self.shown.update(&self.board, &self.filter, now);
        // The board changed: the closed screen's list, the agenda and the customers are made
        // again (in `update`, for those open).
        self.closed_list = None;
        self.day_lists = Default::default();
        let stages = self.shown.columns().len();
        self.rows.resize(stages, 0);
        self.offsets.resize(stages, 0);
        self.focus = self.focus.min(stages.saturating_sub(1));
        let found = follow
            .and_then(|id| self.board.deal(id))
            .and_then(|deal| self.shown.position_of(deal, &self.board, now));
        if let Some((c, r)) = found {
            self.focus = c;
            self.rows[c] = r;
        }
        for (row, column) in self.rows.iter_mut().zip(self.shown.columns()) {
            *row = (*row).min(column.len().saturating_sub(1));
        }
        self.keep_in_view();
        self.recount_reports();
    }

    /// Rebuilds the columns after the filter changed. The cursor stays on the deal it was on if
    /// still shown; when the filter left the focused column empty, it goes to the first column
    /// with a match, so the user sees what was found.
    pub(super) fn refilter(&mut self) {
        let selected = self.selected().map(|d| d.id);
        self.refresh(selected);
        let here_empty = self
            .shown
            .columns()
            .get(self.focus)
            .is_none_or(Vec::is_empty);
        if here_empty && let Some(found) = self.shown.columns().iter().position(|c| !c.is_empty()) {
            self.focus_column(found);
        }
    }

    pub(super) fn focus_column(&mut self, column: usize) {
        self.focus = column.min(self.shown.columns().len().saturating_sub(1));
        self.keep_in_view();
    }

    pub(super) fn select_row(&mut self, row: usize) {
        let len = self.shown.columns().get(self.focus).map_or(0, Vec::len);
        if let Some(current) = self.rows.get_mut(self.focus) {
            *current = row.min(len.saturating_sub(1));
        }
        self.keep_in_view();
    }

    pub(super) fn page(&self) -> usize {
        board_layout(self.size.0, self.size.1).map_or(1, |l| l.cards)
    }

    /// Scrolls sideways and within each column just enough to keep the cursor on screen.
    pub(super) fn keep_in_view(&mut self) {
        // Offsets never point past a column's end, whatever the size (even too small to draw).
        for (offset, column) in self.offsets.iter_mut().zip(self.shown.columns()) {
            *offset = (*offset).min(column.len().saturating_sub(1));
        }
        let Some(layout) = board_layout(self.size.0, self.size.1) else {
            return;
        };
        let total = self.shown.columns().len();
        let width = self.size.0;
        self.first_column = first_column_showing(self.first_column, self.focus, total, |first| {
            columns_fitting(width, first, total, |i| self.is_folded(i))
        });
        for (c, column) in self.shown.columns().iter().enumerate() {
            self.offsets[c] =
                first_visible(self.offsets[c], self.rows[c], layout.cards, column.len());
        }
    }
}
