//! One deal, whole: every field, what it is worth, its stage's exit criteria (ticked with
//! space), the deals it brought in, its notes, and its way through the process.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::{pad, truncate, width};
use crate::model::{Board, Deal};
use crate::report::{Due, referrals_of, timeline};
use crate::text::{DealFacts, StayWords, fill, t};
use crate::tui::app::{App, DetailView};

/// Labels take at least this many columns, more when a language's are longer, up to the most.
const LABEL: usize = 15;
const LABEL_MOST: usize = 22;
/// From this width the fields stand in two columns.
const TWO_COLUMNS: u16 = 90;

pub fn render(app: &App, view: &DetailView, frame: &mut Frame, area: Rect) {
    let board = app.board();
    let Some(deal) = board.deal(view.id) else {
        return;
    };
    let d = &t().detail;
    let facts = DealFacts::of(board, deal, app.now());
    let (stage, status) = (facts.stage.as_str(), facts.status.as_str());
    let room = usize::from(area.width).saturating_sub(4);
    let title_room = room.saturating_sub(width(stage) + width(status) + 12);
    let cut = width(&deal.title) > title_room;
    let title = format!(" #{} · {} ", deal.id, truncate(&deal.title, title_room));
    let mut block = Block::bordered()
        .title(Line::styled(title, theme::heading()))
        .title(Line::styled(format!(" {stage} · {status} "), theme::heading()).right_aligned())
        .border_style(theme::heading());
    let inner = block.inner(area);
    // A title too long for the border is shown whole above the fields.
    let mut lines: Vec<Line> = if cut {
        let mut whole: Vec<Line> = crate::display_width::wrap(&deal.title, room)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme::heading()))
            .collect();
        whole.push(Line::from(""));
        whole
    } else {
        Vec::new()
    };
    lines.extend(fields(app, deal, inner.width));
    lines.push(Line::from(""));
    lines.extend(criteria(board, deal, view.item));
    lines.extend(referrals(board, deal));
    if !deal.notes.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(format!(" {}", d.notes), theme::heading()));
        // Line by line: the notes' own line breaks are kept.
        lines.extend(
            deal.notes
                .lines()
                .flat_map(|line| crate::display_width::wrap(line, room))
                .map(|l| Line::from(format!("   {l}"))),
        );
    }
    lines.extend(history(app, deal, usize::from(inner.width)));
    // Scrolled no further than the last line; what is below is counted on the bottom border.
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = view.scroll.min(u16::try_from(last).unwrap_or(u16::MAX));
    let below = last.saturating_sub(usize::from(scroll));
    if below > 0 {
        let key = crate::tui::keymap::key_for(
            crate::tui::keymap::Context::Detail,
            crate::tui::action::Action::PageDown,
        );
        let more = fill(d.more_below, &[("count", &below), ("key", &key)]);
        block =
            block.title_bottom(Line::styled(format!(" {more} "), theme::heading()).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// The deal's fields, in two columns on a wide screen.
fn fields(app: &App, deal: &Deal, cells: u16) -> Vec<Line<'static>> {
    let d = &t().detail;
    let f = &t().form;
    let facts = DealFacts::of(app.board(), deal, app.now());
    let touched_style = if facts.rotting {
        theme::rotting()
    } else {
        Style::new()
    };
    let next_style = match facts.due {
        Due::Overdue(_) => theme::overdue(),
        Due::Today => theme::due_today(),
        Due::Later(_) => Style::new(),
        Due::Unplanned => theme::dim(),
    };
    let left = vec![
        (f.company, deal.company.clone(), Style::new()),
        (f.contact, deal.contact.clone(), Style::new()),
        (f.owner, deal.owner.clone(), Style::new()),
        (f.source, facts.source, Style::new()),
        (f.tags, deal.tags.join(", "), Style::new()),
        (d.touched, facts.touched, touched_style),
    ];
    let right = vec![
        (f.value, crate::text::money(&deal.value), theme::totals()),
        (d.weighted, facts.weighted, Style::new()),
        (f.cost, facts.cost, Style::new()),
        (f.expected_close, facts.expected_close, Style::new()),
        (f.next_action, facts.next, next_style),
        (d.created, facts.created, theme::dim()),
    ];
    let label_width = left
        .iter()
        .chain(&right)
        .map(|(label, _, _)| width(label) + 1)
        .max()
        .unwrap_or(0)
        .clamp(LABEL, LABEL_MOST);
    let field = |(label, value, style): (&str, String, Style), cells: usize| {
        let room = cells.saturating_sub(label_width + 2);
        Line::from(vec![
            Span::styled(format!(" {}", pad(label, label_width, false)), theme::dim()),
            Span::styled(pad(&value, room, false), style),
            Span::raw(" "),
        ])
    };
    if cells < TWO_COLUMNS {
        return left
            .into_iter()
            .chain(right)
            .map(|row| field(row, usize::from(cells)))
            .collect();
    }
    let half = usize::from(cells) / 2;
    left.into_iter()
        .zip(right)
        .map(|(l, r)| {
            let mut spans = field(l, half).spans;
            spans.extend(field(r, half).spans);
            Line::from(spans)
        })
        .collect()
}

/// The current stage's exit criteria, ticked or not, with the cursor on `selected`.
fn criteria(board: &Board, deal: &Deal, selected: usize) -> Vec<Line<'static>> {
    let d = &t().detail;
    let Some(stage) = board.stage(&deal.stage) else {
        return Vec::new();
    };
    if stage.checklist.is_empty() {
        return vec![Line::styled(
            format!(" {}", fill(d.no_criteria, &[("stage", &stage.name)])),
            theme::dim(),
        )];
    }
    let done = stage.checklist.len() - board.unticked(deal).len();
    let heading = fill(
        d.criteria,
        &[
            ("stage", &stage.name),
            ("done", &done),
            ("total", &stage.checklist.len()),
        ],
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {heading}"), theme::heading()),
        Span::styled(format!("   {}", criteria_hint()), theme::dim()),
    ])];
    for (i, item) in stage.checklist.iter().enumerate() {
        let ticked = deal
            .ticked
            .iter()
            .any(|t| t.stage == stage.id && *t.item == **item);
        let mark = if ticked {
            d.ticked_mark
        } else {
            d.unticked_mark
        };
        let cursor = if i == selected { "▸" } else { " " };
        let style = if i == selected {
            theme::selected()
        } else if ticked {
            theme::won()
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("  {cursor} {mark} {item} "), style));
    }
    lines
}

/// The deals this one brought in by referral.
fn referrals(board: &Board, deal: &Deal) -> Vec<Line<'static>> {
    let brought = referrals_of(board, deal.id);
    if brought.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = brought
        .iter()
        .map(|r| format!("#{} {}", r.id, r.title))
        .collect();
    vec![
        Line::from(""),
        Line::from(vec![
            Span::styled(format!(" {} ", t().detail.brought_in), theme::heading()),
            Span::raw(names.join(", ")),
        ]),
    ]
}

/// What is planned, the customer's feedback, dated notes, events and activities done: each a
/// heading and its entries, a date and the text wrapped under itself.
fn life(
    deal: &Deal,
    now: chrono::DateTime<chrono::FixedOffset>,
    room: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for section in crate::text::deal_life::life_of(deal, now) {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(" {}", section.heading),
            theme::heading(),
        ));
        for entry in section.entries {
            let lead = 3 + width(&entry.when) + 2;
            let text_room = room.saturating_sub(lead + 1).max(16);
            let mut parts = entry
                .text
                .lines()
                .flat_map(|line| crate::display_width::wrap(line, text_room))
                .collect::<Vec<_>>()
                .into_iter();
            lines.push(Line::from(vec![
                Span::styled(format!("   {}  ", entry.when), theme::dim()),
                Span::raw(parts.next().unwrap_or_default()),
            ]));
            lines.extend(parts.map(|more| Line::raw(format!("{}{more}", " ".repeat(lead)))));
        }
    }
    lines
}

/// Every stage the deal entered, how long it stayed and what was skipped (wrapped under its
/// own column, so nothing is cut off); then the actions done.
fn history(app: &App, deal: &Deal, room: usize) -> Vec<Line<'static>> {
    let d = &t().detail;
    let now = app.now();
    let mut lines = life(deal, now, room);
    lines.extend([
        Line::from(""),
        Line::styled(format!(" {}", d.history), theme::heading()),
    ]);
    let stays: Vec<StayWords> = timeline(deal, app.board(), now)
        .iter()
        .map(|stay| StayWords::of(stay, now))
        .collect();
    let name_width = stays
        .iter()
        .map(|s| width(&s.name))
        .max()
        .unwrap_or(0)
        .clamp(8, 30);
    // "   2026-06-02  " + name + days + "   "
    let notes_at = 15 + name_width + 10 + 3;
    let notes_room = room.saturating_sub(notes_at + 1).max(16);
    for stay in stays {
        let style = if stay.irregular {
            theme::due_today()
        } else {
            Style::new()
        };
        let mut notes = crate::display_width::wrap(&stay.notes.join(" · "), notes_room).into_iter();
        lines.push(Line::from(vec![
            Span::styled(format!("   {}  ", stay.date), theme::dim()),
            Span::raw(pad(&stay.name, name_width, false)),
            Span::raw(pad(&stay.days, 10, true)),
            Span::styled(format!("   {}", notes.next().unwrap_or_default()), style),
        ]));
        lines.extend(
            notes.map(|more| Line::styled(format!("{}{more}", " ".repeat(notes_at)), style)),
        );
    }
    lines
}

/// "↑/↓ choose, Space ticks", in the deal's keys.
fn criteria_hint() -> String {
    let key = |action| crate::tui::keymap::key_for(crate::tui::keymap::Context::Detail, action);
    let keys = format!(
        "{}/{}",
        key(crate::tui::action::Action::SelectUp),
        key(crate::tui::action::Action::SelectDown)
    );
    fill(
        t().detail.criteria_hint,
        &[
            ("keys", &keys),
            ("key", &key(crate::tui::action::Action::ToggleTick)),
        ],
    )
}
