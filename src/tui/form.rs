//! The deal form's state: one text field per editable deal field, with the errors found when the
//! user last tried to save.

use chrono::NaiveDate;
use tui_input::{Input, InputRequest};

use crate::model::input::InputError;
use crate::model::limits;
use crate::model::{Deal, DealField, DealId, StageId, set_fields};
use crate::tui::input_limit::edit_within;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormTarget {
    New(StageId),
    Edit(DealId),
}

#[derive(Clone, Debug)]
pub struct DealForm {
    pub target: FormTarget,
    /// The deal as it was when the form opened (for a new deal: a blank with the board's
    /// defaults). Saving applies the typed fields to a copy of it.
    original: Deal,
    inputs: Vec<Input>,
    errors: Vec<Option<InputError>>,
    focus: usize,
    /// What was typed in the focused field before Ctrl+N / Ctrl+P began to step through the
    /// names that match it (a company or contact on the board).
    typed: Option<String>,
}

impl DealForm {
    pub fn new(target: FormTarget, original: Deal) -> DealForm {
        let inputs = DealField::ALL
            .iter()
            .map(|f| Input::new(shown(*f, &f.get(&original))))
            .collect();
        DealForm {
            target,
            original,
            inputs,
            errors: vec![None; DealField::ALL.len()],
            focus: 0,
            typed: None,
        }
    }

    pub fn original(&self) -> &Deal {
        &self.original
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn input(&self, index: usize) -> Option<&Input> {
        self.inputs.get(index)
    }

    pub fn error(&self, index: usize) -> Option<&InputError> {
        self.errors.get(index).and_then(Option::as_ref)
    }

    /// Whether anything was typed that saving would keep.
    pub fn is_changed(&self) -> bool {
        DealField::ALL
            .iter()
            .zip(&self.inputs)
            .any(|(f, input)| shown(*f, &f.get(&self.original)) != input.value())
    }

    /// The first field that was refused, with why.
    pub fn first_error(&self) -> Option<(DealField, &InputError)> {
        let index = self.errors.iter().position(Option::is_some)?;
        Some((DealField::ALL[index], self.errors[index].as_ref()?))
    }

    /// The field that has the focus.
    pub fn focused(&self) -> Option<DealField> {
        DealField::ALL.get(self.focus).copied()
    }

    /// What the focused field held before stepping through choices began (else what it holds).
    pub fn typed(&self) -> String {
        self.typed.clone().unwrap_or_else(|| {
            self.inputs
                .get(self.focus)
                .map(|i| i.value().to_string())
                .unwrap_or_default()
        })
    }

    /// The value typed in `field` now.
    pub fn value_of(&self, field: DealField) -> &str {
        DealField::ALL
            .iter()
            .position(|f| *f == field)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |i| i.value())
    }

    /// Steps the focused field through `choices`: the board's lead sources for the source, the
    /// companies and contacts that match what was typed for those.
    pub fn choose(&mut self, choices: &[String], back: bool) {
        let choosing = matches!(
            self.focused(),
            Some(DealField::Source | DealField::Company | DealField::Contact)
        );
        if !choosing || choices.is_empty() {
            return;
        }
        if self.typed.is_none() {
            self.typed = Some(self.typed());
        }
        let Some(input) = self.inputs.get_mut(self.focus) else {
            return;
        };
        let len = choices.len();
        let at = choices
            .iter()
            .position(|c| c.eq_ignore_ascii_case(input.value()));
        let next = match (at, back) {
            (Some(i), false) => (i + 1) % len,
            (Some(i), true) => (i + len - 1) % len,
            (None, false) => 0,
            (None, true) => len - 1,
        };
        *input = Input::new(choices[next].clone());
        self.errors[self.focus] = None;
    }

    pub fn next_field(&mut self) {
        self.typed = None;
        self.focus = (self.focus + 1) % self.inputs.len();
    }

    pub fn previous_field(&mut self) {
        self.typed = None;
        self.focus = (self.focus + self.inputs.len() - 1) % self.inputs.len();
    }

    /// Edits the focused field; its old error goes, since it may no longer apply. A letter typed
    /// after a whole currency code starts a new code (`USD`, then `E` gives `E`, not `USDE`).
    pub fn edit(&mut self, request: InputRequest) {
        self.typed = None;
        let currency_field = DealField::ALL.get(self.focus) == Some(&DealField::Currency);
        if let Some(input) = self.inputs.get_mut(self.focus) {
            let whole_code = input.value().chars().count() == 3
                && input.cursor() == 3
                && crate::model::Currency::parse(input.value()).is_some();
            if currency_field && whole_code && matches!(request, InputRequest::InsertChar(_)) {
                input.reset();
            }
            let most = match DealField::ALL.get(self.focus) {
                Some(DealField::Notes) => limits::NOTES_CHARS,
                _ => limits::LINE_CHARS,
            };
            edit_within(input, request, most);
        }
        if let Some(error) = self.errors.get_mut(self.focus) {
            *error = None;
        }
    }

    /// The deal with the typed fields applied, or `None` with each bad field marked and the
    /// first of them focused. `current` is the deal as the board has it now: an edit applies
    /// only the fields the user changed to it, so a change made meanwhile by someone else to
    /// another field is kept.
    pub fn result(&mut self, today: NaiveDate, current: Option<&Deal>) -> Option<Deal> {
        let mut deal = current.unwrap_or(&self.original).clone();
        let new = matches!(self.target, FormTarget::New(_));
        let typed: Vec<(DealField, String)> = DealField::ALL
            .iter()
            .zip(&self.inputs)
            .filter(|(f, input)| new || shown(**f, &f.get(&self.original)) != input.value())
            .map(|(f, input)| (*f, kept(*f, input.value())))
            .collect();
        let typed: Vec<(DealField, &str)> = typed.iter().map(|(f, v)| (*f, v.as_str())).collect();
        let refused = set_fields(&mut deal, &typed, crate::text::dates(today));
        for (i, field) in DealField::ALL.iter().enumerate() {
            self.errors[i] = refused
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, e)| e.clone());
        }
        match self.errors.iter().position(Option::is_some) {
            Some(first_bad) => {
                self.focus = first_bad;
                None
            }
            None => Some(deal),
        }
    }
}

/// Between the lines of the notes in their one-line field (the detail view's `N` edits them
/// on several lines).
const LINE_BREAK: &str = " ⏎ ";

/// A field's value as its one-line input shows it.
fn shown(field: DealField, value: &str) -> String {
    match field {
        DealField::Notes => notes_on_one_line(value),
        _ => value.to_string(),
    }
}

/// What a one-line input's text means for the field: [`shown`] undone.
fn kept(field: DealField, text: &str) -> String {
    match field {
        DealField::Notes => notes_from_one_line(text),
        _ => text.to_string(),
    }
}

/// Notes of several lines in a one-line field: `⏎` between the lines.
pub fn notes_on_one_line(notes: &str) -> String {
    notes.replace('\n', LINE_BREAK)
}

/// [`notes_on_one_line`] undone.
pub fn notes_from_one_line(text: &str) -> String {
    text.replace(LINE_BREAK, "\n").replace('⏎', "\n")
}
