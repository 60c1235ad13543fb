//! The deal form: every editable field with its label, and an error beside each bad one.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::fields::{self, FieldRow};
use crate::model::{Deal, DealField};
use crate::text::{field_label, fill, t};
use crate::tui::app::App;
use crate::tui::form::{DealForm, FormTarget};

pub fn render(app: &App, form: &DealForm, frame: &mut Frame, area: Rect) {
    let f = &t().form;
    let title = match &form.target {
        FormTarget::New(stage) => {
            let name = app.board().stage(stage).map_or("", |s| s.name.as_str());
            fill(f.new_title, &[("stage", &name)])
        }
        FormTarget::Edit(id) => fill(f.edit_title, &[("id", id)]),
    };
    let rows: Vec<FieldRow> = DealField::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, field)| {
            Some(FieldRow {
                label: field_label(*field),
                input: form.input(i)?,
                placeholder: placeholder(*field, form.original(), app),
                error: form.error(i).map(ToString::to_string),
            })
        })
        .collect();
    fields::render(frame, area, &title, &rows, form.focus());
}

/// A dim hint shown in an empty field.
fn placeholder(field: DealField, deal: &Deal, app: &App) -> String {
    let f = &t().form;
    match field {
        DealField::ExpectedClose | DealField::NextActionDue => f.placeholder_date.to_string(),
        DealField::Tags => f.placeholder_tags.to_string(),
        DealField::Cost => f.placeholder_cost.to_string(),
        DealField::Source if !app.board().sources.is_empty() => {
            let key = crate::tui::keymap::key_for(
                crate::tui::keymap::Context::Form,
                crate::tui::action::Action::NextChoice,
            );
            fill(f.placeholder_source, &[("key", &key)])
        }
        DealField::ReferredBy => f.placeholder_referred_by.to_string(),
        DealField::Company | DealField::Contact if !app.board().companies.is_empty() => {
            let key = crate::tui::keymap::key_for(
                crate::tui::keymap::Context::Form,
                crate::tui::action::Action::NextChoice,
            );
            fill(t().day.placeholder_customer, &[("key", &key)])
        }
        DealField::Probability => {
            let percent = app.board().stage(&deal.stage).map_or(0, |s| s.probability);
            fill(f.placeholder_probability, &[("percent", &percent)])
        }
        _ => String::new(),
    }
}
