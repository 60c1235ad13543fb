//! The deal form: every editable field with its label, and an error beside each bad one.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, theme};
use crate::display_width::{pad, truncate, width};
use crate::model::{Deal, DealField};
use crate::text::{field_label, fill, t};
use crate::tui::app::App;
use crate::tui::form::{DealForm, FormTarget};

const LABEL_WIDTH: usize = 17;
/// An input next to an error message keeps at least this many cells.
const MIN_INPUT_WIDTH: usize = 16;
/// Rows around the fields: the two borders.
const FRAME_ROWS: u16 = 2;

pub fn render(app: &App, form: &DealForm, frame: &mut Frame, area: Rect) {
    let f = &t().form;
    let fields = DealField::ALL.len() as u16;
    let popup = centered(area, 78, fields + FRAME_ROWS);
    let title = match &form.target {
        FormTarget::New(stage) => {
            let name = app.board().stage(stage).map_or("", |s| s.name.as_str());
            fill(f.new_title, &[("stage", &name)])
        }
        FormTarget::Edit(id) => fill(f.edit_title, &[("id", id)]),
    };
    let block = Block::bordered()
        .title(Line::styled(title, theme::heading()))
        .border_style(theme::heading());
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let rows = inner.height.max(1);
    let first = usize::from((form.focus() as u16 + 1).saturating_sub(rows));
    let input_room = usize::from(inner.width).saturating_sub(LABEL_WIDTH + 1);
    for (slot, index) in (first..DealField::ALL.len())
        .take(usize::from(rows))
        .enumerate()
    {
        let y = inner.y + slot as u16;
        let row = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        let focused = index == form.focus();
        let cursor = field_row(app, form, index, input_room, frame, row);
        if focused {
            let x = inner.x + (LABEL_WIDTH + 1 + cursor) as u16;
            frame.set_cursor_position(Position {
                x: x.min(inner.right().saturating_sub(1)),
                y,
            });
        }
    }
}

/// Draws one field's row and returns where the cursor goes within its input.
fn field_row(
    app: &App,
    form: &DealForm,
    index: usize,
    room: usize,
    frame: &mut Frame,
    row: Rect,
) -> usize {
    let field = DealField::ALL[index];
    let focused = index == form.focus();
    let Some(input) = form.input(index) else {
        return 0;
    };
    let error = form
        .error(index)
        .map(|e| format!(" {} {e}", t().form.error_mark));
    let input_width = match &error {
        Some(e) => room.saturating_sub(width(e)).max(MIN_INPUT_WIDTH.min(room)),
        None => room,
    };
    let scroll = input.visual_scroll(input_width);
    let shown: String = visible_part(input.value(), scroll, input_width);
    let value = if input.value().is_empty() {
        Span::styled(
            pad(
                &placeholder(field, form.original(), app),
                input_width,
                false,
            ),
            theme::dim(),
        )
    } else {
        Span::styled(pad(&shown, input_width, false), theme::input(focused))
    };
    let mut spans = vec![
        Span::styled(
            pad(field_label(field), LABEL_WIDTH, false),
            theme::label(focused),
        ),
        Span::raw(" "),
        value,
    ];
    if let Some(error) = error {
        spans.push(Span::styled(
            truncate(&error, room.saturating_sub(input_width)),
            theme::error(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), row);
    input.visual_cursor().saturating_sub(scroll)
}

/// The part of `text` from display column `skip` on, at most `room` cells wide.
fn visible_part(text: &str, skip: usize, room: usize) -> String {
    let mut skipped = 0;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if skipped < skip {
            skipped += w;
            continue;
        }
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

/// A dim hint shown in an empty field.
fn placeholder(field: DealField, deal: &Deal, app: &App) -> String {
    let f = &t().form;
    match field {
        DealField::ExpectedClose | DealField::NextActionDue => f.placeholder_date.to_string(),
        DealField::Tags => f.placeholder_tags.to_string(),
        DealField::Cost => f.placeholder_cost.to_string(),
        DealField::Probability => {
            let percent = app.board().stage(&deal.stage).map_or(0, |s| s.probability);
            fill(f.placeholder_probability, &[("percent", &percent)])
        }
        _ => String::new(),
    }
}
