//! The process editor's Board tab: the board's name, whose board it is, and its currency.

use crate::model::{BoardDetails, Currency, EditError};
use crate::text::t;
use crate::tui::text_form::{Purpose, Row, TextForm};

use super::{App, Mode};

const NAME: usize = 0;
const OWNER: usize = 1;
const CURRENCY: usize = 2;

/// How many rows the Board tab lists.
pub(super) const DETAIL_ROWS: usize = 3;

impl App {
    /// Opens the form for the board's details, at the row the user was on.
    pub(super) fn open_board_details_form(&mut self, row: usize) {
        let p = &t().process;
        let rows = vec![
            Row::new(p.board_name, &self.board.name),
            Row::new(p.owner, &self.board.owner).hint(p.owner_hint),
            Row::new(p.currency, self.board.currency.code()).hint(t().errors.bad_currency),
        ];
        let form = TextForm::new(Purpose::BoardDetails, p.board_title.to_string(), rows)
            .focus_row(row.min(DETAIL_ROWS - 1));
        self.open(Mode::TextForm(Box::new(form)));
    }

    pub(super) fn save_board_details(&mut self, form: &TextForm) {
        let Some(currency) = Currency::parse(form.value(CURRENCY)) else {
            return self.refuse_text_form(CURRENCY, t().errors.bad_currency.to_string());
        };
        let details = BoardDetails {
            name: form.value(NAME).to_string(),
            owner: form.value(OWNER).to_string(),
            currency,
        };
        match self.board.set_details(details) {
            Ok(Some(patch)) => {
                self.close();
                self.commit(t().process.board_saved.to_string(), patch, None);
            }
            Ok(None) => {
                self.close();
                self.show_info(t().board.no_changes.to_string());
            }
            Err(e @ EditError::BoardNameEmpty) => self.refuse_text_form(NAME, e.to_string()),
            Err(e) => self.show_error(e.to_string()),
        }
    }
}
