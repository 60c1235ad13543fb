//! What a seller writes on a deal: a dated note, its notes as a whole, and the customer's
//! feedback. Notes are written in the user's own editor ($VISUAL, else $EDITOR), which the event
//! loop runs with the terminal given back (see `tui::editor`); without one, a simple field of
//! several lines, one a row, does.

use super::{App, Mode};
use crate::model::DealId;
use crate::text::{fill, t};
use crate::tui::text_form::{Purpose, Row, TextForm};

/// What the user's editor is asked to edit, and for what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorRequest {
    pub purpose: EditPurpose,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditPurpose {
    /// A new dated note for the deal.
    Note(DealId),
    /// The deal's notes, whole.
    Notes(DealId),
}

/// How the editor ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edited {
    Text(String),
    /// No $VISUAL or $EDITOR: the built-in field is offered.
    NoEditor,
    /// The editor could not run or failed: `{editor}`, `{error}`.
    Failed {
        editor: String,
        error: String,
    },
}

/// Rows of the built-in field: room for this many lines at least, and one more than written...
const FIELD_LINES: usize = 6;
/// ...but no more rows than this (a form fits a 24-row terminal): lines past the last row are
/// kept in it, joined by ` ⏎ `.
const MOST_ROWS: usize = 12;
const LINE_BREAK: &str = " ⏎ ";

impl App {
    /// The request for the user's editor, taken once by the event loop.
    pub fn take_editor_request(&mut self) -> Option<EditorRequest> {
        self.editor_request.take()
    }

    /// What the editor gave back; taken in on the next `News`.
    pub fn give_edited(&mut self, purpose: EditPurpose, edited: Edited) {
        self.edited = Some((purpose, edited));
    }

    pub(super) fn ask_note(&mut self, id: DealId) {
        self.editor_request = Some(EditorRequest {
            purpose: EditPurpose::Note(id),
            text: String::new(),
        });
    }

    pub(super) fn ask_notes(&mut self, id: DealId) {
        let text = self
            .board
            .deal(id)
            .map(|d| d.notes.clone())
            .unwrap_or_default();
        self.editor_request = Some(EditorRequest {
            purpose: EditPurpose::Notes(id),
            text,
        });
    }

    /// Takes in what the editor gave back.
    pub(super) fn take_edited(&mut self) {
        let Some((purpose, edited)) = self.edited.take() else {
            return;
        };
        match edited {
            Edited::Text(text) => self.keep_written(purpose, &text),
            Edited::NoEditor => {
                self.open_lines_field(purpose);
                self.show_info(t().day.no_editor.to_string());
            }
            Edited::Failed { editor, error } => self.show_error(fill(
                t().day.editor_failed,
                &[("editor", &editor), ("error", &error)],
            )),
        }
    }

    /// The built-in field: a row a line.
    fn open_lines_field(&mut self, purpose: EditPurpose) {
        let (id, text, template, form_purpose) = match purpose {
            EditPurpose::Note(id) => (id, String::new(), t().day.note_title, Purpose::Note(id)),
            EditPurpose::Notes(id) => (
                id,
                self.board
                    .deal(id)
                    .map(|d| d.notes.clone())
                    .unwrap_or_default(),
                t().day.notes_title,
                Purpose::Notes(id),
            ),
        };
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if lines.len() > MOST_ROWS {
            let rest = lines.split_off(MOST_ROWS - 1).join(LINE_BREAK);
            lines.push(rest);
        }
        let count = (lines.len() + 1).clamp(FIELD_LINES, MOST_ROWS);
        let rows = (0..count)
            .map(|i| {
                let label = fill(t().day.line, &[("line", &(i + 1))]);
                Row::new(&label, lines.get(i).map_or("", String::as_str))
            })
            .collect();
        let title = fill(template, &[("title", &self.title_of(id))]);
        self.open(Mode::TextForm(Box::new(TextForm::new(
            form_purpose,
            title,
            rows,
        ))));
    }

    fn title_of(&self, id: DealId) -> String {
        self.board
            .deal(id)
            .map(|d| d.title.clone())
            .unwrap_or_default()
    }

    /// Saves the built-in field's lines as the note or the notes.
    pub(super) fn save_lines(&mut self, purpose: EditPurpose, form: &TextForm) {
        let lines: Vec<&str> = (0..form.rows.len()).map(|i| form.value(i)).collect();
        let text = lines.join("\n").replace(LINE_BREAK, "\n");
        let text = text.trim_end().to_string();
        self.close();
        self.keep_written(purpose, &text);
    }

    /// Keeps what was written: control characters dropped and the text cut to what notes may
    /// hold (said), never refused, so nothing typed in the editor is lost for a character.
    fn keep_written(&mut self, purpose: EditPurpose, text: &str) {
        let now = self.clock.now_utc();
        let mut text = crate::model::limits::clean_notes(text);
        let most = crate::model::limits::NOTES_CHARS;
        let cut = text.char_indices().nth(most).map(|(at, _)| at);
        if let Some(at) = cut {
            text.truncate(at);
        }
        let (id, result, template) = match purpose {
            EditPurpose::Note(id) if text.trim().is_empty() => {
                let _ = id;
                return self.show_info(t().board.no_changes.to_string());
            }
            EditPurpose::Note(id) => (
                id,
                self.board.add_note(id, &text, now).map(Some),
                t().day.note_saved,
            ),
            EditPurpose::Notes(id) => (
                id,
                self.board
                    .edit_deal(id, now, |d| d.notes = text.trim_end().to_string()),
                t().day.notes_saved,
            ),
        };
        match result {
            Ok(Some(patch)) => {
                let title = self.title_of(id);
                let mut said = fill(template, &[("id", &id), ("title", &title)]);
                if cut.is_some() {
                    said = format!("{said} {}", fill(t().day.notes_cut, &[("most", &most)]));
                }
                self.commit(said, patch, Some(id));
            }
            Ok(None) => self.show_info(t().board.no_changes.to_string()),
            Err(e) => self.show_error(e.to_string()),
        }
    }

    pub(super) fn ask_feedback(&mut self, id: DealId) {
        let d = &t().day;
        let rows = vec![Row::new(d.rating, ""), Row::new(d.said, "")];
        let title = fill(d.feedback_title, &[("title", &self.title_of(id))]);
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::Feedback(id),
            title,
            rows,
        ))));
    }

    pub(super) fn save_feedback(&mut self, id: DealId, form: &TextForm) {
        let Ok(rating) = form.value(0).trim().parse::<u8>() else {
            let said = crate::model::EditError::Rating(0).to_string();
            return self.refuse_text_form(0, said);
        };
        match self
            .board
            .add_feedback(id, rating, form.value(1), self.clock.now_utc())
        {
            Ok(patch) => {
                self.close();
                let said = fill(
                    t().day.feedback_saved,
                    &[
                        ("id", &id),
                        ("title", &self.title_of(id)),
                        ("rating", &rating),
                    ],
                );
                self.commit(said, patch, Some(id));
            }
            Err(e @ crate::model::EditError::Rating(_)) => self.refuse_text_form(0, e.to_string()),
            Err(e) => {
                self.close();
                self.show_error(e.to_string());
            }
        }
    }
}
