//! One deal, whole: every field, what it is worth, its stage's exit criteria (ticked with
//! space), the deals it brought in, its notes, and its way through the process.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::{pad, truncate, width};
use crate::model::{Board, Deal, Referral, Status};
use crate::report::{
    Due, due_state, idle_days, margin, probability, referrals_of, rotting_days, timeline, weighted,
};
use crate::text::{fill, t};
use crate::tui::app::{App, DetailView};

const LABEL: usize = 15;
/// From this width the fields stand in two columns.
const TWO_COLUMNS: u16 = 90;

pub fn render(app: &App, view: &DetailView, frame: &mut Frame, area: Rect) {
    let board = app.board();
    let Some(deal) = board.deal(view.id) else {
        return;
    };
    let d = &t().detail;
    let stage = board
        .stage(&deal.stage)
        .map_or(deal.stage.0.as_str(), |s| s.name.as_str());
    let status = match &deal.status {
        Status::Open => d.open.to_string(),
        Status::Won { .. } => d.won.to_string(),
        Status::Lost { reason, .. } => fill(d.lost, &[("reason", reason)]),
    };
    let room = usize::from(area.width).saturating_sub(4);
    let title = format!(
        " #{} · {} ",
        deal.id,
        truncate(
            &deal.title,
            room.saturating_sub(width(stage) + width(&status) + 12)
        )
    );
    let mut block = Block::bordered()
        .title(Line::styled(title, theme::heading()))
        .title(Line::styled(format!(" {stage} · {status} "), theme::heading()).right_aligned())
        .border_style(theme::heading());
    let inner = block.inner(area);
    let mut lines = fields(app, deal, inner.width);
    lines.push(Line::from(""));
    lines.extend(criteria(board, deal, view.item));
    lines.extend(referrals(board, deal));
    if !deal.notes.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(format!(" {}", d.notes), theme::heading()));
        lines.extend(
            crate::display_width::wrap(&deal.notes, room)
                .into_iter()
                .map(|l| Line::from(format!("   {l}"))),
        );
    }
    lines.extend(history(app, deal, usize::from(inner.width)));
    // Scrolled no further than the last line; what is below is counted on the bottom border.
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = view.scroll.min(u16::try_from(last).unwrap_or(u16::MAX));
    let below = last.saturating_sub(usize::from(scroll));
    if below > 0 {
        let more = fill(d.more_below, &[("count", &below)]);
        block =
            block.title_bottom(Line::styled(format!(" {more} "), theme::heading()).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// The deal's fields, in two columns on a wide screen.
fn fields(app: &App, deal: &Deal, cells: u16) -> Vec<Line<'static>> {
    let board = app.board();
    let d = &t().detail;
    let f = &t().form;
    let now = app.now();
    let referrer = match &deal.referred_by {
        Some(Referral::Deal(id)) => {
            let title = board.deal(*id).map(|r| r.title.clone()).unwrap_or_default();
            fill(d.referred_by_deal, &[("id", id), ("title", &title)])
        }
        Some(Referral::Person(name)) => fill(d.referred_by_person, &[("name", name)]),
        None => String::new(),
    };
    let source = [deal.source.as_str(), referrer.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let percent = probability(deal, board);
    let weighted = fill(
        d.weighted_value,
        &[
            ("value", &weighted(deal, board).display()),
            ("percent", &percent),
        ],
    );
    let cost = match (deal.cost, margin(deal)) {
        (Some(cost), Some((margin, Some(share)))) => fill(
            d.cost_margin,
            &[
                ("cost", &cost.display()),
                ("margin", &margin.display()),
                ("percent", &share),
            ],
        ),
        (Some(cost), _) => cost.display(),
        _ => String::new(),
    };
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let idle = idle_days(deal, now);
    let rot = board.stage(&deal.stage).map_or(0, |s| s.rot_days);
    let days = t().count(&d.days, usize::try_from(idle).unwrap_or(0));
    let template = match rotting_days(deal, board, now) {
        Some(_) => d.cold,
        None => d.idle,
    };
    let touched = fill(template, &[("days", &days), ("limit", &rot)]);
    let next = next_action(deal, now.date_naive());
    let left = vec![
        (f.company, deal.company.clone(), Style::new()),
        (f.contact, deal.contact.clone(), Style::new()),
        (f.owner, deal.owner.clone(), Style::new()),
        (f.source, source, Style::new()),
        (f.tags, deal.tags.join(", "), Style::new()),
        (
            d.touched,
            touched,
            if rotting_days(deal, board, now).is_some() {
                theme::rotting()
            } else {
                Style::new()
            },
        ),
    ];
    let right = vec![
        (f.value, deal.value.display(), theme::totals()),
        (d.weighted, weighted, Style::new()),
        (f.cost, cost, Style::new()),
        (f.expected_close, date(deal.expected_close), Style::new()),
        (f.next_action, next.0, next.1),
        (
            d.created,
            date(Some(deal.created.with_timezone(now.offset()).date_naive())),
            theme::dim(),
        ),
    ];
    if cells < TWO_COLUMNS {
        return left
            .into_iter()
            .chain(right)
            .map(|(label, value, style)| field(label, value, style, usize::from(cells)))
            .collect();
    }
    let half = usize::from(cells) / 2;
    left.into_iter()
        .zip(right)
        .map(|(l, r)| {
            let mut spans = field(l.0, l.1, l.2, half).spans;
            spans.extend(field(r.0, r.1, r.2, half).spans);
            Line::from(spans)
        })
        .collect()
}

fn field(label: &str, value: String, style: Style, cells: usize) -> Line<'static> {
    let room = cells.saturating_sub(LABEL + 2);
    Line::from(vec![
        Span::styled(format!(" {}", pad(label, LABEL, false)), theme::dim()),
        Span::styled(pad(&value, room, false), style),
        Span::raw(" "),
    ])
}

/// `Call back · due Dec 1 (2 days overdue)`, styled by how late it is.
fn next_action(deal: &Deal, today: chrono::NaiveDate) -> (String, Style) {
    let d = &t().detail;
    let b = &t().board;
    let text = match (deal.next_action.is_empty(), deal.next_action_due) {
        (false, _) => deal.next_action.clone(),
        (true, Some(_)) => d.undescribed.to_string(),
        (true, None) => b.no_next_action[0].to_string(),
    };
    match (deal.next_action_due, due_state(deal, today)) {
        (Some(due), Due::Overdue(days)) => (
            fill(
                d.next_overdue,
                &[("text", &text), ("date", &due), ("days", &days)],
            ),
            theme::overdue(),
        ),
        (Some(due), Due::Today) => (
            fill(d.next_today, &[("text", &text), ("date", &due)]),
            theme::due_today(),
        ),
        (Some(due), _) => (
            fill(d.next_later, &[("text", &text), ("date", &due)]),
            Style::new(),
        ),
        (None, _) => (text, theme::dim()),
    }
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
        Span::styled(format!("   {}", d.criteria_hint), theme::dim()),
    ])];
    for (i, item) in stage.checklist.iter().enumerate() {
        let ticked = deal
            .ticked
            .iter()
            .any(|t| t.stage == stage.id && &t.item == item);
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

/// Every stage the deal entered, how long it stayed and what was skipped (wrapped under its
/// own column, so nothing is cut off); then the actions done.
fn history(app: &App, deal: &Deal, room: usize) -> Vec<Line<'static>> {
    let d = &t().detail;
    let now = app.now();
    let mut lines = vec![
        Line::from(""),
        Line::styled(format!(" {}", d.history), theme::heading()),
    ];
    let stays = timeline(deal, app.board(), now);
    let name_of = |stay: &crate::report::StageStay| {
        stay.name
            .clone()
            .unwrap_or_else(|| fill(d.removed_stage, &[("id", &stay.stage)]))
    };
    let name_width = stays
        .iter()
        .map(|s| width(&name_of(s)))
        .max()
        .unwrap_or(0)
        .clamp(8, 30);
    // "   2026-06-02  " + name + days + "   "
    let notes_at = 15 + name_width + 10 + 3;
    let notes_room = room.saturating_sub(notes_at + 1).max(16);
    for stay in stays {
        let date = stay
            .entered
            .with_timezone(now.offset())
            .format("%Y-%m-%d")
            .to_string();
        let name = name_of(&stay);
        let days = t().count(&d.days, usize::try_from(stay.days).unwrap_or(0));
        let mut notes = Vec::new();
        if stay.current {
            notes.push(d.now.to_string());
        }
        if stay.backward {
            notes.push(d.went_back.to_string());
        }
        if !stay.jumped.is_empty() {
            notes.push(fill(d.jumped, &[("stages", &stay.jumped.join(", "))]));
        }
        if !stay.skipped.is_empty() {
            notes.push(fill(d.skipped, &[("items", &stay.skipped.join(", "))]));
        }
        let style = if stay.skipped.is_empty() && stay.jumped.is_empty() && !stay.backward {
            Style::new()
        } else {
            theme::due_today()
        };
        let mut notes = crate::display_width::wrap(&notes.join(" · "), notes_room).into_iter();
        lines.push(Line::from(vec![
            Span::styled(format!("   {date}  "), theme::dim()),
            Span::raw(pad(&name, name_width, false)),
            Span::raw(pad(&days, 10, true)),
            Span::styled(format!("   {}", notes.next().unwrap_or_default()), style),
        ]));
        lines.extend(
            notes.map(|more| Line::styled(format!("{}{more}", " ".repeat(notes_at)), style)),
        );
    }
    if !deal.done_actions.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(" {}", d.done_actions),
            theme::heading(),
        ));
        for done in deal.done_actions.iter().rev() {
            let date = done
                .done
                .with_timezone(now.offset())
                .format("%Y-%m-%d")
                .to_string();
            lines.push(Line::from(vec![
                Span::styled(format!("   {date}  "), theme::dim()),
                Span::raw(done.text.clone()),
            ]));
        }
    }
    lines
}
