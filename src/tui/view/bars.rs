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
use crate::tui::keymap::Context;
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
    let alert = match (app.warning(), app.save_state()) {
        (Some(warning), _) => Some(warning.to_string()),
        (None, SaveState::Failed(error)) => {
            Some(fill(t().board.not_saved, &[("error", &error.kind)]))
        }
        (None, SaveState::Saved) => None,
    };
    if let Some(alert) = alert {
        frame.render_widget(
            Paragraph::new(format!(" {alert}")).style(theme::not_saved()),
            area,
        );
        return;
    }
    let b = &t().board;
    let state = if app.is_read_only() {
        b.read_only_mark
    } else {
        b.saved
    };
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width(state) as u16 + 2),
    ])
    .areas(area);
    let message = match app.flash() {
        Some(flash) if flash.is_error => Span::styled(format!(" {}", flash.text), theme::error()),
        Some(flash) => Span::raw(format!(" {}", flash.text)),
        None => Span::styled(
            hints(hints_for(app.context()), usize::from(left.width)),
            theme::dim(),
        ),
    };
    let state_style = if app.is_read_only() {
        theme::error()
    } else {
        theme::saved()
    };
    frame.render_widget(Paragraph::new(Line::from(message)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(state, state_style)).right_aligned(),
        right,
    );
}

/// The key hints for what is on screen.
fn hints_for(context: Context) -> &'static [&'static str] {
    let b = &t().board;
    match context {
        Context::Board => b.hints,
        Context::Form => b.form_hints,
        Context::Help => b.help_hints,
        Context::Question => b.question_hints,
    }
}

/// As many of `hints` as fit in `room` cells, whole ones only.
fn hints(hints: &[&str], room: usize) -> String {
    let mut line = String::new();
    for hint in hints {
        if width(&line) + width(hint) + 2 > room {
            break;
        }
        line.push_str("  ");
        line.push_str(hint);
    }
    line.replacen("  ", " ", 1)
}
