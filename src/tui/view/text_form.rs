//! A small form: the next action, a stage of the process, a list.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::fields::{self, FieldRow};
use crate::tui::text_form::TextForm;

pub fn render(form: &TextForm, frame: &mut Frame, area: Rect) {
    let rows: Vec<FieldRow> = form
        .rows
        .iter()
        .map(|row| FieldRow {
            label: &row.label,
            input: &row.input,
            placeholder: row.placeholder.clone(),
            error: row.error.clone(),
        })
        .collect();
    fields::render(
        frame,
        area,
        &format!(" {} ", form.title),
        &rows,
        form.focus(),
    );
}
