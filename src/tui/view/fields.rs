//! A popup of labelled text fields, shared by the deal form and the small forms: each row a
//! label, an input (or a dim hint while empty) and, when it was refused, why.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_input::Input;

use super::{centered, theme};
use crate::display_width::{pad, truncate, width};
use crate::text::t;

/// Labels take at least this many columns, more when a language's are longer, up to the most.
const LABEL_WIDTH: usize = 17;
const LABEL_WIDTH_MOST: usize = 24;
/// An input next to an error message keeps at least this many cells.
const MIN_INPUT_WIDTH: usize = 16;
const POPUP_WIDTH: u16 = 78;

pub struct FieldRow<'a> {
    pub label: &'a str,
    pub input: &'a Input,
    pub placeholder: String,
    pub error: Option<String>,
}

/// Draws the popup titled `title` over `area`, scrolled so the focused row shows, with the
/// cursor in it.
pub fn render(frame: &mut Frame, area: Rect, title: &str, rows: &[FieldRow], focus: usize) {
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, POPUP_WIDTH, height);
    let block = Block::bordered()
        .title(Line::styled(title.to_string(), theme::heading()))
        .border_style(theme::heading());
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let visible = usize::from(inner.height.max(1));
    let first = (focus + 1).saturating_sub(visible);
    let label_width = rows
        .iter()
        .map(|r| width(r.label))
        .max()
        .unwrap_or(0)
        .clamp(LABEL_WIDTH, LABEL_WIDTH_MOST);
    let room = usize::from(inner.width).saturating_sub(label_width + 1);
    for (slot, (index, row)) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + slot as u16;
        let area = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        let cursor = draw_row(row, (index == focus, label_width), room, frame, area);
        if index == focus {
            let x = inner.x + (label_width + 1 + cursor) as u16;
            frame.set_cursor_position(Position {
                x: x.min(inner.right().saturating_sub(1)),
                y,
            });
        }
    }
}

/// Draws one row and returns where the cursor goes within its input.
fn draw_row(
    row: &FieldRow,
    (focused, label_width): (bool, usize),
    room: usize,
    frame: &mut Frame,
    area: Rect,
) -> usize {
    let error = row
        .error
        .as_ref()
        .map(|e| format!(" {} {e}", t().form.error_mark));
    let input_width = match &error {
        Some(e) => room.saturating_sub(width(e)).max(MIN_INPUT_WIDTH.min(room)),
        None => room,
    };
    let scroll = row.input.visual_scroll(input_width);
    let value = if row.input.value().is_empty() {
        Span::styled(pad(&row.placeholder, input_width, false), theme::dim())
    } else {
        let shown = visible_part(row.input.value(), scroll, input_width);
        Span::styled(pad(&shown, input_width, false), theme::input(focused))
    };
    let mut spans = vec![
        Span::styled(pad(row.label, label_width, false), theme::label(focused)),
        Span::raw(" "),
        value,
    ];
    if let Some(error) = error {
        spans.push(Span::styled(
            truncate(&error, room.saturating_sub(input_width)),
            theme::error(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    row.input.visual_cursor().saturating_sub(scroll)
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
