//! The agenda screen: every planned activity across the deals, overdue first, then a heading
//! per day and its activities in time order. Text from the board is cut to its column.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::{pad, truncate};
use crate::report::UNDATED;
use crate::text::day::{agenda_day, kind_name};
use crate::text::{fill, t};
use chrono::NaiveDate;

use crate::tui::app::{AgendaItem, AgendaView, App};

pub fn render(app: &App, view: &AgendaView, frame: &mut Frame, area: Rect) {
    let d = &t().day;
    let items = app.agenda_items();
    let today = app.today();
    let overdue = items.iter().filter(|i| i.due < today).count();
    let mut title = vec![Span::styled(
        format!(" {} ", d.agenda_title),
        theme::heading(),
    )];
    if overdue > 0 {
        title.push(Span::styled(
            format!(
                " {} ",
                fill(t().board.overdue_count, &[("count", &overdue)])
            ),
            theme::overdue(),
        ));
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme::heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if items.is_empty() {
        let said = fill(d.agenda_nothing, &[("days", &crate::tui::app::AGENDA_DAYS)]);
        let lines: Vec<Line> = crate::display_width::wrap(&said, usize::from(inner.width) - 1)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme::dim()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let selected = view.row.min(items.len() - 1);
    let height = usize::from(inner.height).max(1);
    // Only the items near the selected one are drawn (a big board may have thousands overdue):
    // a screen's worth above it, with the headings of their days.
    let from = selected.saturating_sub(height);
    let until = (selected + height).min(items.len());
    let window = Window {
        items: &items[from..until],
        before: from.checked_sub(1).map(|i| items[i].due),
        at_end: until == items.len(),
        nothing_today: !items.iter().any(|i| i.due == app.today()),
    };
    let lines = lines_of(app, &window, selected - from, usize::from(inner.width));
    // The selected item's line, so that it stays in sight.
    let at = lines
        .iter()
        .position(|(item, _)| *item == Some(selected - from))
        .unwrap_or(0);
    let first = (at + 1).saturating_sub(height);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(first)
        .take(height)
        .map(|(_, line)| line)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The items drawn, and what the lines need to know of the others.
struct Window<'a> {
    items: &'a [AgendaItem],
    /// The day of the item just above the window.
    before: Option<NaiveDate>,
    /// The window holds the last item.
    at_end: bool,
    /// No item is due today (the agenda then says so under today's heading).
    nothing_today: bool,
}

/// The window's lines: day headings (no item) and activities (their index in the window).
fn lines_of(
    app: &App,
    window: &Window,
    selected: usize,
    room: usize,
) -> Vec<(Option<usize>, Line<'static>)> {
    let items = window.items;
    let today = app.today();
    let board = app.board();
    // Time, kind, deal, company share the row; the activity's text takes the rest.
    let kind_width = t()
        .day
        .kinds
        .iter()
        .map(|k| k.len())
        .max()
        .unwrap_or(8)
        .min(10);
    let flexible = room.saturating_sub(3 + 7 + kind_width + 2);
    let deal_width = (flexible * 35 / 100).min(40);
    let company_width = (flexible * 20 / 100).min(26);
    let text_width = flexible.saturating_sub(deal_width + company_width + 2);
    let mut lines = Vec::new();
    let mut heading: Option<String> = None;
    let nothing_today = window.nothing_today;
    // Said already above the window when an item there is after today.
    let mut today_said = window.before.is_some_and(|day| day > today);
    let say_today = |lines: &mut Vec<(Option<usize>, Line<'static>)>, before_any: bool| {
        if !before_any {
            lines.push((None, Line::from("")));
        }
        let day = capitalized(&agenda_day(today, today));
        lines.push((
            None,
            Line::from(vec![
                Span::styled(format!(" {day}"), theme::due_today()),
                Span::styled(format!("  {}", t().day.nothing_planned_today), theme::dim()),
            ]),
        ));
    };
    for (i, item) in items.iter().enumerate() {
        let late = item.due < today;
        if nothing_today && !today_said && item.due > today {
            say_today(&mut lines, heading.is_none());
            today_said = true;
        }
        let day = if late {
            t().day.overdue.to_string()
        } else if item.due == UNDATED {
            t().day.no_day.to_string()
        } else {
            agenda_day(item.due, today)
        };
        if heading.as_ref() != Some(&day) {
            if heading.is_some() {
                lines.push((None, Line::from("")));
            }
            let style = if late {
                theme::overdue()
            } else if item.due == today {
                theme::due_today()
            } else {
                theme::heading()
            };
            lines.push((None, Line::styled(format!(" {}", capitalized(&day)), style)));
            heading = Some(day);
        }
        let Some(deal) = board.deal(item.id) else {
            continue;
        };
        let Some(activity) = deal.activities.get(item.index) else {
            continue;
        };
        let when = match (late, activity.time) {
            (true, _) => crate::text::date_short(item.due),
            (false, Some(time)) => time.format("%H:%M").to_string(),
            (false, None) => String::new(),
        };
        let pointer = if i == selected { "▸" } else { " " };
        let line = Line::from(vec![
            Span::raw(format!("{pointer}  ")),
            Span::styled(pad(&when, 7, false), theme::dim()),
            Span::styled(
                pad(kind_name(activity.kind), kind_width, false),
                theme::dim(),
            ),
            Span::raw("  "),
            Span::raw(pad(
                &format!("#{} {}", deal.id, deal.title),
                deal_width,
                false,
            )),
            Span::raw(" "),
            Span::styled(pad(&deal.company, company_width, false), theme::dim()),
            Span::raw(" "),
            Span::styled(
                truncate(&activity.text, text_width),
                if late { theme::overdue() } else { Style::new() },
            ),
        ]);
        let line = if i == selected {
            line.patch_style(theme::selected())
        } else {
            line
        };
        lines.push((Some(i), line));
    }
    if nothing_today && !today_said && window.at_end {
        say_today(&mut lines, heading.is_none());
    }
    lines
}

/// "today · Thu 3 Dec" as a heading: "Today · Thu 3 Dec".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
