//! Choosing one of a list, or typing something else: the reason a deal was lost, the stage that
//! takes a removed stage's deals.

use tui_input::{Input, InputRequest};

use crate::model::limits::LINE_CHARS;
use crate::model::{DealId, StageId};
use crate::tui::input_limit::edit_within;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerPurpose {
    /// Why this deal was lost; any text will do.
    LostReason(DealId),
    /// Where the deals of this stage go before it is removed; one of the options.
    StageTarget(StageId),
    /// The stage this deal moves to; one of the options.
    MoveTo(DealId),
}

#[derive(Clone, Debug)]
pub struct Picker {
    pub purpose: PickerPurpose,
    pub title: String,
    options: Vec<String>,
    /// What was typed: narrows the options, and is the answer itself when free text is allowed
    /// and no option is highlighted.
    pub typed: Input,
    /// Index into the options that match what was typed.
    highlighted: usize,
    free_text: bool,
}

impl Picker {
    pub fn new(
        purpose: PickerPurpose,
        title: String,
        options: Vec<String>,
        free_text: bool,
    ) -> Picker {
        Picker {
            purpose,
            title,
            options,
            typed: Input::default(),
            highlighted: 0,
            free_text,
        }
    }

    /// Whether an answer may be typed rather than chosen.
    pub fn allows_typing(&self) -> bool {
        self.free_text
    }

    /// What can be chosen now: the options that contain what was typed (any case), then, when
    /// free text is allowed and the typed text is not an option already, the typed text.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let typed = self.typed.value().trim();
        let lower = typed.to_lowercase();
        let mut entries: Vec<Entry> = self
            .options
            .iter()
            .filter(|o| o.to_lowercase().contains(&lower))
            .map(|o| Entry::Option(o.as_str()))
            .collect();
        let exact = self.options.iter().any(|o| o.eq_ignore_ascii_case(typed));
        if self.free_text && !typed.is_empty() && !exact {
            entries.push(Entry::Typed(typed));
        }
        entries
    }

    pub fn highlighted(&self) -> usize {
        self.highlighted
    }

    pub fn up(&mut self) {
        self.highlighted = self.highlighted.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.highlighted = (self.highlighted + 1).min(self.entries().len().saturating_sub(1));
    }

    pub fn first(&mut self) {
        self.highlighted = 0;
    }

    pub fn last(&mut self) {
        self.highlighted = self.entries().len().saturating_sub(1);
    }

    pub fn edit(&mut self, request: InputRequest) {
        edit_within(&mut self.typed, request, LINE_CHARS);
        self.highlighted = 0;
    }

    /// The highlighted entry's text, if there is any entry.
    pub fn answer(&self) -> Option<String> {
        self.entries().get(self.highlighted).map(|e| match e {
            Entry::Option(text) | Entry::Typed(text) => text.to_string(),
        })
    }
}

/// One line of the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    Option(&'a str),
    /// Something typed that is not one of the options.
    Typed(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker(free_text: bool) -> Picker {
        let options = vec![
            "Price too high".into(),
            "Chose a competitor".into(),
            "No budget".into(),
        ];
        Picker::new(
            PickerPurpose::LostReason(DealId(1)),
            "t".into(),
            options,
            free_text,
        )
    }

    fn typed(p: &mut Picker, text: &str) {
        for c in text.chars() {
            p.edit(InputRequest::InsertChar(c));
        }
    }

    #[test]
    fn choose_an_option_or_type_another_reason() {
        let mut p = picker(true);
        assert_eq!(p.answer().as_deref(), Some("Price too high"));
        p.down();
        assert_eq!(p.answer().as_deref(), Some("Chose a competitor"));
        typed(&mut p, "bud");
        assert_eq!(
            p.entries(),
            [Entry::Option("No budget"), Entry::Typed("bud")]
        );
        assert_eq!(p.answer().as_deref(), Some("No budget"));
        p.down();
        assert_eq!(
            p.answer().as_deref(),
            Some("bud"),
            "what was typed is the last entry"
        );
        let mut p = picker(true);
        typed(&mut p, "no BUDGET");
        assert_eq!(
            p.entries(),
            [Entry::Option("No budget")],
            "an option typed is not repeated"
        );
        let mut p = picker(false);
        typed(&mut p, "zzz");
        assert_eq!(
            p.answer(),
            None,
            "only the options when free text is not allowed"
        );
    }
}
