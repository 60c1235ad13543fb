//! The review as it is presented: big totals at the top, whose turn it is and what changed,
//! then the stages as columns of large, sparse cards, in a high-contrast look meant to be read
//! from across a room. A change or a deal in focus opens over the board in a large panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::columns::{Window, columns};
use super::header::{header_height, totals};
use super::look::{label, late, news, strong, today};
use super::panel::{help, panel};
use super::state::Review;
use crate::display_width::width;
use crate::text::{fill, t};
use crate::tui::action::Action;
use crate::tui::hints;
use crate::tui::keymap::{self, Context};

pub fn render(review: &Review, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::new().style(Style::new().bg(Color::Black)), area);
    let warnings = warnings(review);
    // Each warning whole (it names the file and the lines to fix), up to three rows.
    let warning_rows: usize = warnings
        .iter()
        .map(|w| {
            (width(w) + 1)
                .div_ceil(usize::from(area.width.max(1)))
                .min(3)
        })
        .sum();
    let header = header_height(area);
    let [top, turn, warn, board, status] = Layout::vertical([
        Constraint::Length(header),
        Constraint::Length(2),
        Constraint::Length(u16::try_from(warning_rows).unwrap_or(u16::MAX)),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    totals(review, frame, top);
    let window = Window::of(review, area.width);
    turn_line(review, &window, frame, turn);
    let lines: Vec<Line> = warnings
        .into_iter()
        .map(|w| Line::styled(format!(" {w}"), late()))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), warn);
    columns(review, &window, frame, board);
    match review.typing() {
        Some(input) => crate::tui::view::bars::filter_line(input, frame, status),
        None => status_line(review, frame, status),
    }
    // A deal in focus or a change: full-screen, but for the status line that says how to get
    // back.
    let above_status = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    if let Some(deal) = review.focused() {
        let news = review.changes().iter().rev().find(|c| c.deal == deal.id);
        panel(review, deal, news.map(|c| &c.kind), frame, above_status);
    } else if let Some(change) = review.change()
        && let Some(deal) = review.board().deal(change.deal)
    {
        panel(review, deal, Some(&change.kind), frame, above_status);
    }
    if let Some((rows, chosen)) = review.people() {
        super::people::render(review, rows, chosen, frame, above_status);
    }
    if let Some(view) = review.report() {
        frame.render_widget(ratatui::widgets::Clear, above_status);
        let today = review.now().date_naive();
        crate::tui::view::reports::render(today, view, frame, above_status);
    }
    if review.showing_help() {
        help(frame, area, review.context());
    }
}

/// A line for each file that cannot be read now: kept at its last good state, or, never read,
/// left out.
fn warnings(review: &Review) -> Vec<String> {
    let r = &t().review;
    let team = review.team_warning().map(|(file, error)| {
        fill(
            r.team_unreadable,
            &[("file", &file.display()), ("error", &error)],
        )
    });
    team.into_iter()
        .chain(review.sources().iter().filter_map(|s| {
            let error = s.warning.as_ref()?;
            let text = if s.board.is_some() {
                r.unreadable
            } else {
                r.left_out
            };
            Some(fill(text, &[("file", &s.path.display()), ("error", error)]))
        }))
        .collect()
}

fn turn_line(review: &Review, window: &Window, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let who = match review.owner() {
        Some(owner) => fill(r.turn_of, &[("owner", &owner)]),
        None => r.everyone.to_string(),
    };
    let all = review.sources().len();
    let readable = review
        .sources()
        .iter()
        .filter(|s| s.board.is_some())
        .count();
    let boards = if readable == all {
        t().count(&r.boards, all)
    } else {
        fill(r.some_boards, &[("shown", &readable), ("count", &all)])
    };
    let since = crate::text::date_with_weekday(
        review
            .since()
            .with_timezone(review.now().offset())
            .date_naive(),
    );
    let changes = fill(
        &t().count(&r.changes_since, review.changes().len()),
        &[("since", &since)],
    );
    let mut spans = vec![
        Span::styled(
            format!(" ◆ {who} "),
            strong().add_modifier(Modifier::REVERSED),
        ),
        Span::styled(format!("  {boards} · "), label()),
        Span::styled(changes, news()),
    ];
    if let Some(pilot) = review.pilot() {
        let date = crate::text::date_short(
            pilot
                .since
                .with_timezone(review.now().offset())
                .date_naive(),
        );
        let words = fill(
            t().versions.pilot_heading,
            &[("date", &date), ("boards", &pilot.boards.join(", "))],
        );
        spans.push(Span::styled(format!("  · {words}"), today()));
    }
    if review.attention_only() {
        let key = keymap::key_for(Context::Review, Action::ToggleAttention);
        let only = fill(r.attention_only, &[("key", &key)]);
        spans.push(Span::styled(format!("  · {only}"), today()));
    }
    if review.filter().is_active() {
        let showing = crate::text::describe_filter(review.filter());
        spans.push(Span::styled(format!("  · {showing}"), today()));
    }
    let note = Line::styled(format!("{} ", window.note()), label()).right_aligned();
    frame.render_widget(Paragraph::new(vec![Line::from(spans), note]), area);
}

fn status_line(review: &Review, frame: &mut Frame, area: Rect) {
    let line = match review.flash() {
        Some(flash) => Line::styled(format!(" {flash}"), today()),
        None => {
            let context = review.context();
            let list = if review.report().is_some_and(|r| r.pilot.is_some()) {
                hints::REPORTS_PILOT
            } else if review.report().is_some_and(|r| r.sides().is_some()) {
                hints::REPORTS_SIDES
            } else if review.report().is_some() {
                hints::REPORTS
            } else if review.change().is_some() || review.focused().is_some() {
                hints::REVIEW_PANEL
            } else {
                hints::REVIEW
            };
            // As many as fit, whole ones only.
            let room = usize::from(area.width).saturating_sub(1);
            let mut shown = String::new();
            for hint in hints::texts(list, context) {
                let gap = if shown.is_empty() { "" } else { "   " };
                if crate::display_width::width(&shown)
                    + gap.len()
                    + crate::display_width::width(&hint)
                    > room
                {
                    break;
                }
                shown = format!("{shown}{gap}{hint}");
            }
            Line::styled(format!(" {shown}"), label())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
