//! Choosing from a list, or typing something else.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, theme};
use crate::display_width::pad;
use crate::text::{fill, t};
use crate::tui::picker::{Entry, Picker};

const WIDTH: u16 = 60;

pub fn render(picker: &Picker, frame: &mut Frame, area: Rect) {
    let entries = picker.entries();
    let height = u16::try_from(entries.len() + 4).unwrap_or(u16::MAX).max(6);
    let popup = centered(area, WIDTH, height);
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", picker.title),
            theme::heading(),
        ))
        .border_style(theme::heading());
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let room = usize::from(inner.width);
    let typed = Line::from(vec![
        Span::styled(format!("{} ", t().board.picker_prompt), theme::dim()),
        Span::raw(picker.typed.value().to_string()),
    ]);
    let mut lines = vec![typed, Line::from("")];
    let visible = usize::from(inner.height.saturating_sub(2));
    let first = (picker.highlighted() + 1).saturating_sub(visible);
    for (i, entry) in entries.iter().enumerate().skip(first).take(visible) {
        let text = match entry {
            Entry::Option(option) => option.to_string(),
            Entry::Typed(typed) => fill(t().board.picker_other, &[("text", typed)]),
        };
        let style = if i == picker.highlighted() {
            theme::selected()
        } else {
            theme::label(false)
        };
        let pointer = if i == picker.highlighted() {
            "▸"
        } else {
            " "
        };
        lines.push(Line::styled(
            pad(&format!("{pointer}{text}"), room, false),
            style,
        ));
    }
    if entries.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t().board.nothing_matches),
            theme::dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let prompt = crate::display_width::width(t().board.picker_prompt) + 1;
    let x = inner.x as usize + prompt + picker.typed.visual_cursor();
    let x = u16::try_from(x)
        .unwrap_or(u16::MAX)
        .min(inner.right().saturating_sub(1));
    frame.set_cursor_position(Position { x, y: inner.y });
}
