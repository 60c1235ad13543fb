//! The title bar (board, counts, which stages are off screen) and the status bar (messages, key
//! hints, whether everything is saved).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::display_width::{truncate, width, width as width_of, wrap};
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

/// Most lines the status bar grows to for a long message.
const STATUS_LINES: usize = 3;

/// What the status bar says: an alert (not saved, a file that cannot be read), a message, or
/// the key hints; and whether all is saved. Long messages wrap onto up to three lines.
pub struct Status {
    lines: Vec<String>,
    style: Style,
    /// "✓ saved" or "READ-ONLY", shown at the right unless an alert takes the whole bar.
    state: Option<(&'static str, Style)>,
}

impl Status {
    pub fn of(app: &App, width: u16) -> Status {
        let b = &t().board;
        let alert = match (app.warning(), app.save_state()) {
            (Some(warning), _) => Some(warning.to_string()),
            (None, SaveState::Failed(error)) => Some(fill(b.not_saved, &[("error", &error.kind)])),
            (None, SaveState::Saved) => None,
        };
        if let Some(alert) = alert {
            return Status {
                lines: wrapped(&alert, usize::from(width)),
                style: theme::not_saved(),
                state: None,
            };
        }
        let state = if app.is_read_only() {
            (b.read_only_mark, theme::error())
        } else {
            (b.saved, theme::saved())
        };
        let room = usize::from(width).saturating_sub(width_of(state.0) + 2);
        let (lines, style) = match app.flash() {
            Some(flash) => {
                let style = if flash.is_error {
                    theme::error()
                } else {
                    Style::new()
                };
                (wrapped(&flash.text, room), style)
            }
            None => (vec![hints(hints_for(app.context()), room)], theme::dim()),
        };
        Status {
            lines,
            style,
            state: Some(state),
        }
    }

    pub fn height(&self) -> u16 {
        self.lines.len() as u16
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let text: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line::from(format!(" {l}")))
            .collect();
        let Some((state, state_style)) = self.state else {
            frame.render_widget(Paragraph::new(text).style(self.style), area);
            return;
        };
        let [left, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width_of(state) as u16 + 2),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(text).style(self.style), left);
        let last_line = Rect {
            y: right.bottom().saturating_sub(1),
            height: 1,
            ..right
        };
        frame.render_widget(
            Paragraph::new(Span::styled(state, state_style)).right_aligned(),
            last_line,
        );
    }
}

/// `text` on at most [`STATUS_LINES`] lines of `cells`, the last cut with `…` if need be.
fn wrapped(text: &str, cells: usize) -> Vec<String> {
    let room = cells.saturating_sub(1);
    let mut lines = wrap(text, room);
    if lines.len() > STATUS_LINES {
        let rest = lines[STATUS_LINES - 1..].join(" ");
        lines.truncate(STATUS_LINES - 1);
        lines.push(truncate(&rest, room));
    }
    lines
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
        let gap = if line.is_empty() { 0 } else { 2 };
        if width(&line) + gap + width(hint) + 1 > room {
            break;
        }
        if gap > 0 {
            line.push_str("  ");
        }
        line.push_str(hint);
    }
    line
}
