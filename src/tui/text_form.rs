//! A small form of labelled text rows: the next action after one is done, a stage of the
//! process, a list of lead sources or lost reasons. Rows can grow: typing into the last, empty
//! row of a growing form adds another, so a list is edited by typing, and an item is removed by
//! emptying its row.

use tui_input::{Input, InputRequest};

use crate::model::limits::LINE_CHARS;
use crate::model::{BoardList, DealId, StageId};
use crate::tui::input_limit::edit_within;

/// What a text form is for, which decides what saving it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The next action of this deal is done; the form asks for the following one.
    NextAction(DealId),
    /// A new stage, to go at this position.
    NewStage {
        at: usize,
    },
    EditStage(StageId),
    /// One of the board's lists, whole.
    List(BoardList),
    /// The board's name, owner and currency.
    BoardDetails,
    /// An activity of the agenda (the deal's, at this place in its list) is done.
    FinishActivity(DealId, usize),
    /// An activity of the agenda moves to another day.
    Reschedule(DealId, usize),
    /// One more activity for this deal.
    PlanActivity(DealId),
    /// The record of the company of this name.
    EditCompany(String),
    /// The customer's feedback on this deal.
    Feedback(DealId),
    /// A dated note for this deal (the built-in field, a row a line).
    Note(DealId),
    /// The deal's notes, whole (the built-in field).
    Notes(DealId),
    /// Why change `n` (1-based) was made to the process.
    ChangeReason(usize),
}

#[derive(Clone, Debug)]
pub struct Row {
    pub label: String,
    pub input: Input,
    /// A dim hint shown while the row is empty.
    pub placeholder: String,
    pub error: Option<String>,
    /// Values Ctrl+N / Ctrl+P step through.
    pub choices: Vec<String>,
}

impl Row {
    pub fn new(label: &str, value: &str) -> Row {
        Row {
            label: label.to_string(),
            input: Input::new(value.to_string()),
            placeholder: String::new(),
            error: None,
            choices: Vec::new(),
        }
    }

    pub fn hint(mut self, placeholder: &str) -> Row {
        self.placeholder = placeholder.to_string();
        self
    }

    pub fn choices(mut self, choices: Vec<String>) -> Row {
        self.choices = choices;
        self
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }
}

#[derive(Clone, Debug)]
pub struct TextForm {
    pub purpose: Purpose,
    pub title: String,
    pub rows: Vec<Row>,
    /// Rows from this index on are a list that grows: the last is always empty.
    pub grows_from: Option<usize>,
    /// Label of a grown row, with `{n}` for its number.
    pub grown_label: String,
    focus: usize,
    /// The values when the form opened, to tell whether anything was typed.
    original: Vec<String>,
}

impl TextForm {
    pub fn new(purpose: Purpose, title: String, rows: Vec<Row>) -> TextForm {
        let original = rows.iter().map(|r| r.value().to_string()).collect();
        TextForm {
            purpose,
            title,
            rows,
            grows_from: None,
            grown_label: String::new(),
            focus: 0,
            original,
        }
    }

    /// Makes rows from `from` on a growing list labelled like `label` (`{n}` is the number),
    /// with an empty row at the end to type a new item into.
    pub fn growing(mut self, from: usize, label: &str) -> TextForm {
        self.grows_from = Some(from);
        self.grown_label = label.to_string();
        self.keep_one_empty_row();
        self.original = self.rows.iter().map(|r| r.value().to_string()).collect();
        self
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    /// Moves to `row` (for a form that opens on a particular row).
    pub fn focus_row(mut self, row: usize) -> TextForm {
        self.focus = row.min(self.rows.len().saturating_sub(1));
        self
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.rows.len().max(1);
    }

    pub fn previous_field(&mut self) {
        let len = self.rows.len().max(1);
        self.focus = (self.focus + len - 1) % len;
    }

    pub fn edit(&mut self, request: InputRequest) {
        if let Some(row) = self.rows.get_mut(self.focus) {
            edit_within(&mut row.input, request, LINE_CHARS);
            row.error = None;
        }
        self.keep_one_empty_row();
    }

    /// Steps the focused row through its choices (forward, or back when `back`).
    pub fn choose(&mut self, back: bool) {
        let Some(row) = self.rows.get_mut(self.focus) else {
            return;
        };
        if row.choices.is_empty() {
            return;
        }
        let len = row.choices.len();
        let next = match row
            .choices
            .iter()
            .position(|c| c.eq_ignore_ascii_case(row.input.value()))
        {
            Some(at) if back => (at + len - 1) % len,
            Some(at) => (at + 1) % len,
            None if back => len - 1,
            None => 0,
        };
        row.input = Input::new(row.choices[next].clone());
        row.error = None;
    }

    /// The values of the growing rows, without the empty ones.
    pub fn list_values(&self) -> Vec<String> {
        let from = self.grows_from.unwrap_or(self.rows.len());
        self.rows[from.min(self.rows.len())..]
            .iter()
            .map(|r| r.value().trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Growing rows whose text was retyped: (what it was, what it is now). Emptied and new rows
    /// are not renames.
    pub fn renamed_rows(&self) -> Vec<(String, String)> {
        let from = self.grows_from.unwrap_or(self.rows.len());
        self.rows
            .iter()
            .zip(&self.original)
            .skip(from)
            .map(|(row, was)| (was.trim().to_string(), row.value().trim().to_string()))
            .filter(|(was, now)| !was.is_empty() && !now.is_empty() && was != now)
            .collect()
    }

    pub fn value(&self, row: usize) -> &str {
        self.rows.get(row).map_or("", Row::value)
    }

    pub fn set_error(&mut self, row: usize, error: String) {
        if let Some(r) = self.rows.get_mut(row) {
            r.error = Some(error);
        }
        self.focus = row.min(self.rows.len().saturating_sub(1));
    }

    pub fn first_error(&self) -> Option<(&str, &str)> {
        self.rows
            .iter()
            .find_map(|r| r.error.as_deref().map(|e| (r.label.as_str(), e)))
    }

    pub fn is_changed(&self) -> bool {
        let now: Vec<&str> = self.rows.iter().map(Row::value).collect();
        let trimmed = |v: &[&str]| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let was: Vec<&str> = self.original.iter().map(String::as_str).collect();
        trimmed(&now) != trimmed(&was)
    }

    /// A growing list always ends in one empty row, and the rows are numbered in order.
    fn keep_one_empty_row(&mut self) {
        let Some(from) = self.grows_from else { return };
        while self.rows.len() > from + 1
            && self.rows.len() - 1 != self.focus
            && self.rows.last().is_some_and(|r| r.value().is_empty())
            && self.rows[self.rows.len() - 2].value().is_empty()
        {
            self.rows.pop();
        }
        if self.rows.len() <= from || self.rows.last().is_some_and(|r| !r.value().is_empty()) {
            self.rows.push(Row::new("", ""));
        }
        for (n, row) in self.rows.iter_mut().skip(from).enumerate() {
            row.label = crate::text::fill(&self.grown_label, &[("n", &(n + 1))]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut TextForm, text: &str) {
        for c in text.chars() {
            form.edit(InputRequest::InsertChar(c));
        }
    }

    #[test]
    fn a_growing_list_always_has_one_empty_row_to_type_into() {
        let rows = vec![Row::new("", "Price"), Row::new("", "Timing")];
        let mut form = TextForm::new(Purpose::List(BoardList::LostReasons), "t".into(), rows)
            .growing(0, "Reason {n}");
        assert_eq!(form.rows.len(), 3);
        assert_eq!(form.rows[2].label, "Reason 3");
        form.focus_row_mut(2);
        typed(&mut form, "No budget");
        assert_eq!(form.rows.len(), 4, "typing into the empty row adds another");
        assert_eq!(form.list_values(), ["Price", "Timing", "No budget"]);
        assert!(form.is_changed());
    }

    #[test]
    fn choices_cycle_forwards_and_back() {
        let rows = vec![Row::new("Phase", "").choices(vec!["pre-sale".into(), "post-sale".into()])];
        let mut form = TextForm::new(Purpose::NewStage { at: 0 }, "t".into(), rows);
        form.choose(false);
        assert_eq!(form.value(0), "pre-sale");
        form.choose(false);
        assert_eq!(form.value(0), "post-sale");
        form.choose(false);
        assert_eq!(form.value(0), "pre-sale");
        form.choose(true);
        assert_eq!(form.value(0), "post-sale");
    }

    impl TextForm {
        fn focus_row_mut(&mut self, row: usize) {
            self.focus = row;
        }
    }
}
