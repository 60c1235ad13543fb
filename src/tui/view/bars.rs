//! The title bar (board, counts, which stages are off screen) and the status bar (messages, key
//! hints, whether everything is saved).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::display_width::{truncate, width};
use crate::text::{fill, t};
use crate::tui::app::{App, SaveState};
use crate::tui::layout::BoardLayout;

pub fn title_bar(app: &App, layout: BoardLayout, frame: &mut Frame, area: Rect) {
    let board = app.board();
    let figures = app.figures();
    let mut left = format!(
        " {}  ·  {}",
        board.name,
        t().count(&t().board.deal_count, figures.shown)
    );
    if figures.overdue > 0 {
        left.push_str("  ·  ");
        left.push_str(&fill(
            t().board.overdue_count,
            &[("count", &figures.overdue)],
        ));
    }
    let right = off_screen(app, layout);
    let room = usize::from(area.width).saturating_sub(width(&right) + 1);
    let left = truncate(&left, room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    let line = Line::from(format!("{left}{}{right}", " ".repeat(gap)));
    frame.render_widget(Paragraph::new(line).style(theme::title_bar()), area);
}

/// "◀ 2 more   3 more ▶" for stages off screen, or "stage 2 of 10" when one column shows.
fn off_screen(app: &App, layout: BoardLayout) -> String {
    let total = app.columns().len();
    let b = &t().board;
    if layout.columns == 1 && total > 1 {
        let position = fill(
            b.stage_position,
            &[("number", &(app.focus() + 1)), ("total", &total)],
        );
        let left = if app.focus() > 0 { "◀ " } else { "  " };
        let right = if app.focus() + 1 < total {
            " ▶ "
        } else {
            "   "
        };
        return format!("{left}{position}{right}");
    }
    let hidden_left = app.first_column();
    let hidden_right = total.saturating_sub(app.first_column() + layout.columns);
    let mut parts = Vec::new();
    if hidden_left > 0 {
        parts.push(fill(b.more_left, &[("count", &hidden_left)]));
    }
    if hidden_right > 0 {
        parts.push(fill(b.more_right, &[("count", &hidden_right)]));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} ", parts.join("   "))
    }
}

pub fn status_bar(app: &App, frame: &mut Frame, area: Rect) {
    if let SaveState::Failed(error) = app.save_state() {
        let text = fill(t().board.not_saved, &[("error", &error.message)]);
        frame.render_widget(
            Paragraph::new(format!(" {text}")).style(theme::not_saved()),
            area,
        );
        return;
    }
    let saved = t().board.saved;
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width(saved) as u16 + 2),
    ])
    .areas(area);
    let message = match app.flash() {
        Some(flash) if flash.is_error => Span::styled(format!(" {}", flash.text), theme::error()),
        Some(flash) => Span::raw(format!(" {}", flash.text)),
        None => Span::styled(hints(usize::from(left.width)), theme::dim()),
    };
    frame.render_widget(Paragraph::new(Line::from(message)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(saved, theme::saved())).right_aligned(),
        right,
    );
}

/// As many key hints as fit in `room` cells, whole ones only.
fn hints(room: usize) -> String {
    let mut line = String::new();
    for hint in t().board.hints {
        if width(&line) + width(hint) + 2 > room {
            break;
        }
        line.push_str("  ");
        line.push_str(hint);
    }
    line.replacen("  ", " ", 1)
}
