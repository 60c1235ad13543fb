//! One deal's card: title; company and owner; value and when the next action is due.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;
use crate::display_width::{truncate, width};
use crate::model::{Board, Deal, Status};
use crate::report::{Due, due_state};
use crate::text::{fill, t};

pub fn lines(
    deal: &Deal,
    board: &Board,
    today: NaiveDate,
    cells: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let marker = if selected { "▌" } else { " " };
    let room = cells.saturating_sub(2);
    let who = [deal.company.as_str(), deal.owner.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let (forms, status_style) = status_of(deal, board, today);
    let value = deal.value.display();
    let title = Line::from(vec![
        Span::styled(marker, theme::marker()),
        Span::styled(fit(&deal.title, room), theme::card_title()),
    ]);
    let company = Line::from(vec![
        Span::styled(marker, theme::marker()),
        Span::styled(fit(&who, room), theme::dim()),
    ]);
    let value = truncate(&value, room);
    let status_room = room.saturating_sub(width(&value) + 1);
    let status = forms
        .into_iter()
        .find(|f| width(f) <= status_room)
        .unwrap_or_default();
    let gap = room.saturating_sub(width(&value) + width(&status));
    let money = Line::from(vec![
        Span::styled(marker, theme::marker()),
        Span::raw(value),
        Span::raw(" ".repeat(gap)),
        Span::styled(status, status_style),
    ]);
    let mut lines = vec![title, company, money];
    if selected {
        lines = lines
            .into_iter()
            .map(|l| l.patch_style(theme::selected()))
            .collect();
    }
    lines
}

/// The text padded to the full width, so a selected card is highlighted edge to edge.
fn fit(text: &str, room: usize) -> String {
    crate::display_width::pad(text, room, false)
}

/// What the card's corner says (won, or the next action's due state), in forms from longest to
/// shortest so a narrow card still shows the most it can; and its style.
fn status_of(deal: &Deal, board: &Board, today: NaiveDate) -> (Vec<String>, Style) {
    let b = &t().board;
    let forms = |forms: &[&str], name: &str, value: &dyn std::fmt::Display| -> Vec<String> {
        forms.iter().map(|f| fill(f, &[(name, value)])).collect()
    };
    if matches!(deal.status, Status::Won { .. }) && board.is_post_sale(&deal.stage) {
        return (forms(b.won, "", &""), theme::won());
    }
    match due_state(deal, today) {
        Due::Overdue(days) => (forms(b.overdue, "days", &days), theme::overdue()),
        Due::Today => (forms(b.due_today, "", &""), theme::due_today()),
        Due::Later(date) => {
            let shown = date.format(b.short_date).to_string();
            (forms(b.due_on, "date", &shown), theme::dim())
        }
        Due::Unplanned => (forms(b.no_next_action, "", &""), theme::dim()),
    }
}
