//! The closed deals: won and lost, newest first, with why they were lost.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::bars::money_list_fitting;
use super::theme;
use crate::display_width::{pad, truncate};
use crate::model::{Deal, Status};
use crate::report::ClosedTotals;
use crate::text::{fill, t};
use crate::tui::app::{App, ClosedShow, ClosedView};

pub fn render(app: &App, view: &ClosedView, frame: &mut Frame, area: Rect) {
    let c = &t().closed;
    let tabs = [
        (ClosedShow::All, c.all),
        (ClosedShow::Won, c.won),
        (ClosedShow::Lost, c.lost),
    ];
    let mut title = super::tabbed_title(c.title, &tabs, &view.show);
    if !view.text.is_empty() {
        title.push(Span::styled(
            format!("  {} ", fill(c.filtered, &[("text", &view.text)])),
            theme::filter_state(),
        ));
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme::heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let deals = app.closed_deals(view);
    if deals.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {}", c.none), theme::dim())),
            inner,
        );
        return;
    }
    let room = usize::from(inner.width);
    // Marks, value and date have fixed widths; the title, company and outcome share the rest,
    // the title and company up to a width that still reads as one row on a wide screen.
    let flexible = room.saturating_sub(3 + 1 + 1 + 14 + 2 + 10 + 2 + 1);
    let title_width = (flexible * 45 / 100).min(40);
    let company_width = (flexible * 25 / 100).min(28);
    let outcome_width = flexible.saturating_sub(title_width + company_width);
    let selected = view.row.min(deals.len() - 1);
    // A header above the rows, the totals below them.
    let visible = usize::from(inner.height.saturating_sub(2)).max(1);
    let first = (selected + 1).saturating_sub(visible);
    let header = Line::styled(
        format!(
            "   {} {} {}  {}  {}",
            pad(c.deal, title_width, false),
            pad(c.company, company_width, false),
            pad(c.value, 14, true),
            pad(c.closed_on, 10, false),
            truncate(c.outcome, outcome_width)
        ),
        theme::dim(),
    );
    let offset = app.now().offset().to_owned();
    let board = app.board();
    let stage_name = |deal: &Deal| {
        board
            .stage(&deal.stage)
            .map_or_else(|| deal.stage.to_string(), |s| s.name.clone())
    };
    let rows = deals
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, deal)| {
            let (mark, mark_style, when, outcome) = match &deal.status {
                Status::Won { at } => (c.won_mark, theme::won(), *at, stage_name(deal)),
                Status::Lost { at, reason } => (
                    c.lost_mark,
                    theme::overdue(),
                    *at,
                    fill(
                        c.lost_in,
                        &[("reason", reason), ("stage", &stage_name(deal))],
                    ),
                ),
                Status::Open => ("", theme::dim(), deal.updated, String::new()),
            };
            let date = when
                .with_timezone(&offset)
                .date_naive()
                .format("%Y-%m-%d")
                .to_string();
            let pointer = if i == selected { "▸" } else { " " };
            let line = Line::from(vec![
                Span::raw(pointer),
                Span::styled(format!("{mark} "), mark_style),
                Span::raw(pad(&deal.title, title_width, false)),
                Span::raw(" "),
                Span::styled(pad(&deal.company, company_width, false), theme::dim()),
                Span::raw(" "),
                Span::raw(pad(&crate::text::money(&deal.value), 14, true)),
                Span::raw("  "),
                Span::styled(date, theme::dim()),
                Span::raw("  "),
                Span::raw(truncate(&outcome, outcome_width)),
            ]);
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        });
    let lines: Vec<Line> = std::iter::once(header).chain(rows).collect();
    let [list, totals] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), list);
    let counted = app.closed_totals(view);
    frame.render_widget(Paragraph::new(totals_line(&counted, room)), totals);
}

/// "✓ 3 won: $120k   ✗ 5 lost: $230k" for the deals listed.
fn totals_line(totals: &ClosedTotals, room: usize) -> Line<'static> {
    let c = &t().closed;
    let half = room.saturating_sub(6) / 2;
    let won = fill(
        c.won_total,
        &[
            ("count", &totals.won),
            ("value", &money_list_fitting(&totals.won_value, half)),
        ],
    );
    let lost = fill(
        c.lost_total,
        &[
            ("count", &totals.lost),
            ("value", &money_list_fitting(&totals.lost_value, half)),
        ],
    );
    Line::from(vec![
        Span::styled(format!(" {won}"), theme::won()),
        Span::raw("   "),
        Span::styled(lost, theme::overdue()),
    ])
}
