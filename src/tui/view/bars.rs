//! The title bar (board, counts, which stages are off screen) and the status bar (messages, key
//! hints, whether everything is saved).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::display_width::{truncate, width, width as width_of, wrap};
use crate::model::{ColumnSort, Totals};
use crate::text::{describe_filter, fill, sort_name, t};
use crate::tui::app::{App, Mode, ProcessTab, SaveState, TeamState};
use crate::tui::hints;
use crate::tui::keymap::Context;
use tui_input::Input;

/// The board's name and what needs attention; then the filter and order in force; then which
/// stages are off screen.
pub fn title_bar(app: &App, frame: &mut Frame, area: Rect) {
    let b = &t().board;
    let totals = &app.figures().totals;
    let mut counts = t().count(&b.deal_count, totals.shown);
    for (count, template) in [
        (totals.overdue, b.overdue_count),
        (totals.due_today, b.due_today_count),
        (totals.rotting, b.rotting_count),
    ] {
        if count > 0 {
            counts.push_str(" · ");
            counts.push_str(&fill(template, &[("count", &count)]));
        }
    }
    let mut state = Vec::new();
    if app.filter().is_active() {
        state.push(describe_filter(app.filter()));
    }
    if app.board().sort != ColumnSort::Manual {
        state.push(fill(
            b.sorted_by,
            &[("order", &sort_name(app.board().sort))],
        ));
    }
    let state = if state.is_empty() {
        String::new()
    } else {
        format!(" {} ", state.join("  ·  "))
    };
    let right = off_screen(app, area.width);
    let room = usize::from(area.width).saturating_sub(width(&right) + width(&state) + 1);
    // What needs attention matters more than the board's name: the name goes first.
    let named = format!(" {} · {counts}", app.board().name);
    let left = if width(&named) <= room {
        named
    } else {
        truncate(&format!(" {counts}"), room)
    };
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&state) + width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(gap)),
        Span::styled(state, theme::filter_state()),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::title_bar()), area);
}

/// The board's totals: open pipeline, weighted, won this month, each with its converted figure
/// when the board keeps rates. They follow the filter. When the line is too narrow, the labels
/// get shorter first; then each figure shows its largest currencies and how many more there are.
pub fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let b = &t().board;
    let totals = &app.figures().totals;
    let rates = app.rates();
    let money_list_of = |totals: &Totals, most: usize| {
        let list = money_list_of(totals, most);
        match crate::report::converted_if_mixed(totals, rates) {
            // In brackets: the board writes a weighted value after `≈` too.
            Some(converted) => format!("{list} ({})", crate::text::rates::approx(&converted)),
            None => list,
        }
    };
    let month = crate::text::month(app.today());
    let room = usize::from(area.width);
    let line = |(short, most): (bool, usize)| -> Vec<(String, String)> {
        let (weighted_label, won_label) = if short {
            (
                b.weighted_total_short.to_string(),
                b.won_total_short.to_string(),
            )
        } else {
            (
                b.weighted_total.to_string(),
                fill(b.won_total, &[("month", &month)]),
            )
        };
        let won = if totals.won_count_this_month == 0 {
            b.nothing.to_string()
        } else {
            format!(
                "{} ({})",
                money_list_of(&totals.won_this_month, most),
                totals.won_count_this_month
            )
        };
        vec![
            (b.open_total.to_string(), money_list_of(&totals.open, most)),
            (weighted_label, money_list_of(&totals.weighted, most)),
            (won_label, won),
        ]
    };
    let cells = |parts: &[(String, String)]| {
        parts
            .iter()
            .map(|(l, v)| width(l) + width(v) + 4)
            .sum::<usize>()
    };
    // Shorter labels go before any currency does.
    let parts = [
        (false, usize::MAX),
        (true, usize::MAX),
        (true, 2),
        (true, 1),
    ]
    .map(line)
    .into_iter()
    .find(|p| cells(p) <= room)
    .unwrap_or_else(|| line((true, 1)));
    let mut spans = Vec::new();
    let mut used = 0;
    for (label, value) in parts {
        let label = format!(" {label} ");
        let value = truncate(
            &format!("{value}  "),
            room.saturating_sub(used + width(&label)),
        );
        used += width(&label) + width(&value);
        spans.push(Span::styled(label, theme::dim()));
        spans.push(Span::styled(value, theme::totals()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Totals in at most `room` cells: every currency if they fit, closer together if need be
/// (`₽2.1M+€24k+$12k`), else the largest and `+2`.
pub fn money_list_fitting(totals: &Totals, room: usize) -> String {
    let all = money_list_of(totals, usize::MAX);
    let close = all.replace(" + ", "+");
    [all, close]
        .into_iter()
        .chain([2, 1].map(|most| money_list_of(totals, most)))
        .find(|text| width(text) <= room)
        .unwrap_or_else(|| truncate(&money_list_of(totals, 1), room))
}

/// Totals as `$1.2M + €48k`, largest first, at most `most` currencies and then `+2`; a dash
/// when there are none.
fn money_list_of(totals: &Totals, most: usize) -> String {
    let all = totals.largest_first();
    if all.is_empty() {
        return t().board.nothing.to_string();
    }
    let shown: Vec<String> = all
        .iter()
        .take(most)
        .map(crate::text::money_compact)
        .collect();
    let mut text = shown.join(" + ");
    if all.len() > most {
        text.push(' ');
        text.push_str(&fill(
            t().board.more_currencies,
            &[("count", &(all.len() - most))],
        ));
    }
    text
}

/// The filter being typed, over the title bar, with the cursor in it.
pub fn filter_line(input: &Input, frame: &mut Frame, area: Rect) {
    let prompt = t().board.filter_prompt;
    let line = Line::from(vec![
        Span::styled(format!(" {prompt} "), theme::heading()),
        Span::raw(input.value().to_string()),
    ]);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(line).style(theme::filter_line()), area);
    let (x, y) = filter_line_cursor(input, area);
    frame.set_cursor_position((x, y));
}

/// Where the cursor goes on the filter line.
pub fn filter_line_cursor(input: &Input, area: Rect) -> (u16, u16) {
    let prompt = width(t().board.filter_prompt) + 2;
    let x = area.x as usize + prompt + input.visual_cursor();
    (
        u16::try_from(x)
            .unwrap_or(u16::MAX)
            .min(area.right().saturating_sub(1)),
        area.y,
    )
}

/// "◀ 2 more   3 more ▶" for stages off screen, or "stage 2 of 10" when one column shows.
fn off_screen(app: &App, width: u16) -> String {
    let total = app.columns().len();
    let b = &t().board;
    let on_screen = app.columns_on_screen(width);
    if on_screen == 1 && total > 1 {
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
    let hidden_right = total.saturating_sub(app.first_column() + on_screen);
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
    /// "✓ saved" or "READ-ONLY", after how the team folder stands when the board is in one
    /// ("2↑ to share"), shown at the right unless an alert takes the whole bar.
    state: Option<(String, Style)>,
}

impl Status {
    pub fn of(app: &App, width: u16) -> Status {
        let b = &t().board;
        let alert = match (app.warning(), app.save_state()) {
            (Some(warning), _) => Some(warning.to_string()),
            (None, SaveState::Failed(error)) => {
                let error = crate::text::os_errors::localize(&error.kind.to_string());
                Some(fill(b.not_saved, &[("error", &error)]))
            }
            (None, SaveState::Saved | SaveState::Saving) => None,
        };
        if let Some(alert) = alert {
            return Status {
                lines: wrapped(&alert, usize::from(width)),
                style: theme::not_saved(),
                state: None,
            };
        }
        let (mark, style) = if app.is_read_only() {
            (b.read_only_mark, theme::error())
        } else if matches!(app.save_state(), SaveState::Saving) {
            (b.saving, theme::dim())
        } else {
            (b.saved, theme::saved())
        };
        let state = match team_words(app) {
            Some(team) => (format!("{team}  {mark}"), style),
            None => (mark.to_string(), style),
        };
        let room = usize::from(width).saturating_sub(width_of(&state.0) + 2);
        let (lines, style) = match app.flash() {
            Some(flash) => {
                let style = if flash.is_error {
                    theme::error()
                } else {
                    Style::new()
                };
                (wrapped(&flash.text, room), style)
            }
            None => (vec![fitting(&hints_for(app), room)], theme::dim()),
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
        let Some((state, state_style)) = &self.state else {
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
            Paragraph::new(Span::styled(state.as_str(), *state_style)).right_aligned(),
            last_line,
        );
    }
}

/// How the team folder stands: syncing, or what is not shared yet either way; `None` when the
/// board is in no team folder or all is shared.
fn team_words(app: &App) -> Option<String> {
    let w = &t().team;
    match app.team_state()? {
        TeamState::Syncing => Some(w.syncing.to_string()),
        TeamState::Standing(behind) => {
            let mut parts = Vec::new();
            if behind.ahead > 0 {
                parts.push(fill(w.ahead, &[("count", &behind.ahead)]));
            }
            if behind.behind > 0 {
                parts.push(fill(w.behind, &[("count", &behind.behind)]));
            }
            (!parts.is_empty()).then(|| parts.join(" · "))
        }
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

/// The key hints for what is on screen, in its keys.
fn hints_for(app: &App) -> Vec<String> {
    let context = app.context();
    let list = match app.mode() {
        Mode::Process(view) if view.tab == ProcessTab::Board => hints::PROCESS_BOARD,
        Mode::Process(view) if view.tab == ProcessTab::Log => hints::PROCESS_LOG,
        Mode::Reports(view) if view.sides().is_some() => hints::REPORTS_SIDES,
        Mode::Detail(view)
            if app
                .board()
                .deal(view.id)
                .is_some_and(|d| !d.status.is_open()) =>
        {
            hints::DETAIL_CLOSED
        }
        Mode::Picker(picker) if !picker.allows_typing() => hints::PICKER_LISTED,
        _ => match context {
            Context::Board => hints::BOARD,
            Context::Detail => hints::DETAIL,
            Context::Closed => hints::CLOSED,
            Context::Agenda => hints::AGENDA,
            Context::Customers => hints::CUSTOMERS,
            Context::Company => hints::COMPANY,
            Context::Process => hints::PROCESS,
            Context::Reports => hints::REPORTS,
            Context::Form => hints::FORM,
            Context::Picker => hints::PICKER,
            Context::Filter => hints::FILTER,
            Context::Help => hints::HELP,
            Context::Question => hints::QUESTION,
            Context::Review => hints::REVIEW,
        },
    };
    if app.team_state().is_none() {
        // No team folder: nothing to sync.
        return hints::texts_without(list, context, crate::tui::action::Action::Sync);
    }
    hints::texts(list, context)
}

/// As many of `hints` as fit in `room` cells, whole ones only.
fn fitting(hints: &[String], room: usize) -> String {
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
