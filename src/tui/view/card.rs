//! One deal's card: title (and how long it has gone cold); company and owner (and the stage's
//! exit criteria done); on a tall screen, contact, probability and tags; value and when the next
//! action is due. A wide card names the contact beside the company.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;
use crate::display_width::{pad, truncate, width};
use crate::model::{Board, Deal, Status};
use crate::report::{Due, due_state, rotting_days};
use crate::text::{fill, t};

pub fn lines(
    deal: &Deal,
    board: &Board,
    now: DateTime<FixedOffset>,
    cells: usize,
    selected: bool,
    tall: bool,
) -> Vec<Line<'static>> {
    let marker = if selected { "▌" } else { " " };
    let room = cells.saturating_sub(2);
    let b = &t().board;
    let rotting = rotting_days(deal, board, now)
        .map(|days| fill(b.rotting_days, &[("days", &days)]))
        .unwrap_or_default();
    // The contact beside the company on a wide card, else on a tall card's own line.
    let contact_beside = cells >= WIDE_CARD && !tall;
    let contact = if contact_beside {
        deal.contact.as_str()
    } else {
        ""
    };
    let who = [deal.company.as_str(), contact, deal.owner.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let progress = checklist_progress(deal, board);
    let (forms, status_style) = status_of(deal, board, now.date_naive());
    let value = truncate(&crate::text::money(&deal.value), room);
    let status_room = room.saturating_sub(width(&value) + 1);
    let status = forms
        .into_iter()
        .find(|f| width(f) <= status_room)
        .unwrap_or_default();
    let mut lines = vec![
        side_by_side(
            marker,
            (&deal.title, theme::card_title()),
            (&rotting, theme::rotting()),
            room,
        ),
        side_by_side(
            marker,
            (&who, theme::dim()),
            (&progress, theme::dim()),
            room,
        ),
    ];
    if tall {
        let (contact, tags) = (deal.contact.as_str(), tags_of(deal));
        lines.push(side_by_side(
            marker,
            (
                &[contact, &tags]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" · "),
                theme::dim(),
            ),
            (&probability_of(deal, board), theme::dim()),
            room,
        ));
    }
    lines.push(side_by_side(
        marker,
        (&value, Style::new()),
        (&status, status_style),
        room,
    ));
    if selected {
        lines = lines
            .into_iter()
            .map(|l| l.patch_style(theme::selected()))
            .collect();
    }
    lines
}

/// A card this wide names the contact beside the company.
const WIDE_CARD: usize = 40;

/// `#vip #renewal`.
fn tags_of(deal: &Deal) -> String {
    deal.tags
        .iter()
        .map(|tag| format!("#{tag}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The deal's chance of winning, as the weighted figures count it (a won deal: 100%).
fn probability_of(deal: &Deal, board: &Board) -> String {
    let percent = crate::report::probability(deal, board);
    crate::text::locale::percent(f64::from(percent) / 100.0)
}

/// `left` and `right` on one line of `room` cells; `right` goes first if they do not both fit.
fn side_by_side(
    marker: &'static str,
    left: (&str, Style),
    right: (&str, Style),
    room: usize,
) -> Line<'static> {
    let right_text = if width(right.0) + 1 < room {
        right.0.to_string()
    } else {
        String::new()
    };
    let left_room = room.saturating_sub(width(&right_text) + usize::from(!right_text.is_empty()));
    let left_text = pad(left.0, left_room, false);
    let gap = room.saturating_sub(width(&left_text) + width(&right_text));
    Line::from(vec![
        Span::styled(marker, theme::marker()),
        Span::styled(left_text, left.1),
        Span::raw(" ".repeat(gap)),
        Span::styled(right_text, right.1),
    ])
}

/// `2/3` of the current stage's exit criteria ticked; empty when the stage has none.
fn checklist_progress(deal: &Deal, board: &Board) -> String {
    let Some(stage) = board.stage(&deal.stage).filter(|s| !s.checklist.is_empty()) else {
        return String::new();
    };
    let done = stage.checklist.len() - board.unticked(deal).len();
    fill(
        t().board.checklist_progress,
        &[("done", &done), ("total", &stage.checklist.len())],
    )
}

/// What the card's corner says (won, or the next action's due state), in forms from longest to
/// shortest so a narrow card still shows the most it can; and its style.
fn status_of(deal: &Deal, board: &Board, today: NaiveDate) -> (Vec<String>, Style) {
    let b = &t().board;
    let forms = |forms: &[&str], name: &str, value: &dyn std::fmt::Display| -> Vec<String> {
        forms.iter().map(|f| fill(f, &[(name, value)])).collect()
    };
    let due = due_state(deal, today);
    // A won deal being delivered shows its next action once one is planned.
    let won = matches!(deal.status, Status::Won { .. }) && board.is_post_sale(&deal.stage);
    if won && due == Due::Unplanned && deal.next_action().trim().is_empty() {
        return (forms(b.won, "", &""), theme::won());
    }
    match due {
        Due::Overdue(days) => (forms(b.overdue, "days", &days), theme::overdue()),
        Due::Today => (forms(b.due_today, "", &""), theme::due_today()),
        Due::Later(date) => {
            let shown = crate::text::date_short(date);
            (forms(b.due_on, "date", &shown), theme::dim())
        }
        Due::Unplanned if deal.next_action().trim().is_empty() => {
            (forms(b.no_next_action, "", &""), theme::dim())
        }
        Due::Unplanned => (forms(b.no_due_date, "", &""), theme::dim()),
    }
}
