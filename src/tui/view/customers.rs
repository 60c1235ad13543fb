//! The customers screen (a row per company: phone, open pipeline, won value, deals won, last
//! contact, referrals, latest feedback) and one company (its record, people, every deal).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::bars::money_list_fitting;
use super::theme;
use crate::display_width::{pad, truncate, wrap};
use crate::model::Status;
use crate::report::Customer;
use crate::text::day::stars;
use crate::text::{date_short, fill, money, t};
use crate::tui::app::{App, CompanyView, CustomersView};

pub fn render_list(app: &App, view: &CustomersView, frame: &mut Frame, area: Rect) {
    let d = &t().day;
    let mut title = vec![Span::styled(
        format!(" {} ", d.customers_title),
        theme::heading(),
    )];
    if !view.text.is_empty() {
        title.push(Span::styled(
            format!(" {} ", fill(d.customers_filtered, &[("text", &view.text)])),
            theme::filter_state(),
        ));
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme::heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = app.customer_rows();
    if rows.is_empty() {
        let said = match view.text.as_str() {
            "" => d.no_companies.to_string(),
            text => fill(d.no_customer_matches, &[("text", &text)]),
        };
        let lines: Vec<Line> = wrap(&said, usize::from(inner.width).saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme::dim()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let room = usize::from(inner.width).saturating_sub(2);
    let columns = columns_fitting(room);
    let name_width = room.saturating_sub(columns.iter().map(|c| c.width + 1).sum::<usize>());
    let selected = view.row.min(rows.len() - 1);
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let first = (selected + 1).saturating_sub(height);
    let mut header = vec![Span::raw(format!(
        "  {}",
        pad(d.h_company, name_width, false)
    ))];
    for column in &columns {
        header.push(Span::raw(format!(
            " {}",
            pad(column.header, column.width, column.right)
        )));
    }
    let header = Line::from(header).style(theme::dim());
    let lines = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, c)| {
            let pointer = if i == selected { "▸ " } else { "  " };
            let name_style = if c.is_repeat() {
                theme::won()
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::raw(pointer),
                Span::styled(pad(&c.company.name, name_width, false), name_style),
            ];
            for column in &columns {
                let text = (column.cell)(c, column.width);
                let text = if column.right {
                    pad(&text, column.width, true)
                } else {
                    pad(&truncate(&text, column.width), column.width, false)
                };
                spans.push(Span::raw(" "));
                spans.push(Span::styled(text, (column.style)()));
            }
            let line = Line::from(spans);
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        });
    let all: Vec<Line> = std::iter::once(header).chain(lines).collect();
    frame.render_widget(Paragraph::new(all), inner);
}

/// A column of the customers list besides the name.
struct Column {
    header: &'static str,
    width: usize,
    right: bool,
    cell: fn(&Customer, usize) -> String,
    style: fn() -> Style,
}

/// The columns that fit in `room` with a name of at least 14 cells: the least needed go first
/// on a narrow screen (referrals, last contact, deals won, e-mail...); the feedback takes
/// what is left over on a wide one.
fn columns_fitting(room: usize) -> Vec<Column> {
    let d = &t().day;
    let w = |text: &str| crate::display_width::width(text);
    // In the order shown, each with its priority (kept longest: lowest).
    let all: Vec<(u8, Column)> = vec![
        (
            0,
            Column {
                header: d.h_phone,
                width: 16,
                right: false,
                cell: |c, _| c.company.phone.clone(),
                style: Style::new,
            },
        ),
        (
            5,
            Column {
                header: d.h_email,
                width: 22,
                right: false,
                cell: |c, _| c.company.email.clone(),
                style: theme::dim,
            },
        ),
        (
            1,
            Column {
                header: d.h_open,
                width: 13,
                right: true,
                cell: |c, w| money_list_fitting(&c.open, w),
                style: Style::new,
            },
        ),
        (
            2,
            Column {
                header: d.h_won,
                width: 13,
                right: true,
                cell: |c, w| money_list_fitting(&c.won, w),
                style: theme::won,
            },
        ),
        (
            3,
            Column {
                header: d.h_won_deals,
                width: w(d.h_won_deals).max(3),
                right: true,
                cell: |c, _| c.won_deals.to_string(),
                style: Style::new,
            },
        ),
        (
            6,
            Column {
                header: d.h_last_contact,
                width: w(d.h_last_contact).max(8),
                right: false,
                cell: |c, _| {
                    c.last_contact
                        .map(|at| date_short(at.date_naive()))
                        .unwrap_or_default()
                },
                style: theme::dim,
            },
        ),
        (
            7,
            Column {
                header: d.h_referrals,
                width: w(d.h_referrals).max(3),
                right: true,
                cell: |c, _| c.referrals.to_string(),
                style: Style::new,
            },
        ),
        (
            4,
            Column {
                header: d.h_feedback,
                width: 24,
                right: false,
                cell: |c, _| {
                    c.feedback
                        .as_ref()
                        .map(|f| format!("{} {}", stars(f.rating), f.text))
                        .unwrap_or_default()
                },
                style: Style::new,
            },
        ),
    ];
    let need = |kept: &[&(u8, Column)]| 14 + kept.iter().map(|(_, c)| c.width + 1).sum::<usize>();
    let mut most = 7u8;
    loop {
        let kept: Vec<&(u8, Column)> = all.iter().filter(|(p, _)| *p <= most).collect();
        if need(&kept) <= room || most == 0 {
            break;
        }
        most -= 1;
    }
    let mut kept: Vec<Column> = all
        .into_iter()
        .filter(|(p, _)| *p <= most)
        .map(|(_, c)| c)
        .collect();
    // What the name does not need (past 32 cells) goes to the feedback.
    let used = 32 + kept.iter().map(|c| c.width + 1).sum::<usize>();
    if let Some(feedback) = kept.iter_mut().find(|c| c.header == d.h_feedback) {
        feedback.width += room.saturating_sub(used);
    }
    kept
}

pub fn render_company(app: &App, view: &CompanyView, frame: &mut Frame, area: Rect) {
    let d = &t().day;
    let board = app.board();
    let Some(shown) = app.shown_company() else {
        return;
    };
    let figures = &shown.figures;
    let company = &figures.company;
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", company.name),
            theme::heading(),
        ))
        .border_style(theme::heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let room = usize::from(inner.width).saturating_sub(2).max(8);
    let mut top: Vec<Line> = Vec::new();
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!(" {} ", pad(label, 14, false)), theme::dim()),
            Span::raw(truncate(&value, room.saturating_sub(16))),
        ])
    };
    for (label, value) in [(d.h_phone, &company.phone), (d.h_email, &company.email)] {
        if !value.is_empty() {
            top.push(field(label, value.clone()));
        }
    }
    if figures.open_deals > 0 {
        top.push(field(d.h_open, crate::text::reports::money(&figures.open)));
    }
    if figures.won_deals > 0 {
        top.push(field(d.h_won, crate::text::reports::money(&figures.won)));
    }
    if figures.is_repeat() {
        top.push(Line::styled(
            format!(" {}", t().count(&d.repeat, figures.won_deals)),
            theme::won(),
        ));
    }
    if figures.referrals > 0 {
        top.push(Line::raw(format!(
            " {}",
            t().count(&d.brought, figures.referrals)
        )));
    }
    if let Some(f) = &figures.feedback {
        let said = format!(
            "{} {} ({})",
            stars(f.rating),
            f.text,
            date_short(f.at.date_naive())
        );
        for (i, part) in wrap(&said, room.saturating_sub(16)).into_iter().enumerate() {
            let label = if i == 0 { d.h_feedback } else { "" };
            top.push(field(label, part));
        }
    }
    for line in company.notes.lines() {
        for part in wrap(line, room) {
            top.push(Line::raw(format!(" {part}")));
        }
    }
    let people: Vec<_> = board.people_at(&company.name).collect();
    if !people.is_empty() {
        top.push(Line::from(""));
        top.push(Line::styled(format!(" {}", d.people), theme::heading()));
        let name_width = (room / 3).clamp(8, 28);
        for p in &people {
            top.push(Line::from(vec![
                Span::raw(format!("   {} ", pad(&p.name, name_width, false))),
                Span::raw(pad(&p.phone, 18, false)),
                Span::styled(
                    truncate(&p.email, room.saturating_sub(name_width + 22)),
                    theme::dim(),
                ),
            ]));
        }
    }
    top.push(Line::from(""));
    let deals: Vec<_> = shown
        .deals
        .iter()
        .filter_map(|id| board.deal(*id))
        .collect();
    // The record gives way to the deals: a few of them, and their heading, always show.
    let least_deals = deals.len().clamp(1, 5) as u16 + 1;
    let top_height = (top.len() as u16)
        .min(inner.height.saturating_sub(least_deals))
        .max(1);
    let [head, list] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(top), head);
    if deals.is_empty() {
        return;
    }
    let [heading, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(list);
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", d.deals), theme::heading())),
        heading,
    );
    let selected = view.row.min(deals.len() - 1);
    let height = usize::from(list.height).max(1);
    let first = (selected + 1).saturating_sub(height);
    let title_width = (room * 45 / 100).min(40);
    let now = app.now();
    let lines: Vec<Line> = deals
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, deal)| {
            let facts = crate::text::DealFacts::of(board, deal, now);
            let stage = board
                .stage(&deal.stage)
                .map_or_else(|| deal.stage.to_string(), |s| s.name.clone());
            let (state, style) = match deal.status {
                Status::Open => (stage, Style::new()),
                Status::Won { .. } => (format!("{stage} · {}", facts.status), theme::won()),
                Status::Lost { .. } => (format!("{stage} · {}", facts.status), theme::overdue()),
            };
            let pointer = if i == selected { "▸" } else { " " };
            let line = Line::from(vec![
                Span::raw(format!("{pointer}  ")),
                Span::raw(pad(
                    &format!("#{} {}", deal.id, deal.title),
                    title_width,
                    false,
                )),
                Span::raw(" "),
                Span::raw(pad(&money(&deal.value), 14, true)),
                Span::raw("  "),
                Span::styled(
                    truncate(&state, room.saturating_sub(title_width + 19)),
                    style,
                ),
            ]);
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
