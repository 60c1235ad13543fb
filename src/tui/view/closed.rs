//! The closed deals: won and lost, newest first, with why they were lost.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::pad;
use crate::model::Status;
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
    // Mark, value and date have fixed widths; the title, company and outcome share the rest,
    // the title and company up to a width that still reads as one row on a wide screen.
    let flexible = room.saturating_sub(4 + 14 + 12 + 4);
    let title_width = (flexible * 5 / 10).min(40);
    let company_width = (flexible * 2 / 10).min(24);
    let outcome_width = flexible.saturating_sub(title_width + company_width);
    let selected = view.row.min(deals.len() - 1);
    let visible = usize::from(inner.height.saturating_sub(1)).max(1);
    let first = (selected + 1).saturating_sub(visible);
    let header = Line::styled(
        format!(
            "   {} {} {}  {}  {}",
            pad(c.deal, title_width, false),
            pad(c.company, company_width, false),
            pad(c.value, 14, true),
            pad(c.closed_on, 10, false),
            crate::display_width::truncate(c.outcome, outcome_width)
        ),
        theme::dim(),
    );
    let offset = app.now().offset().to_owned();
    let rows = deals
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, deal)| {
            let (mark, mark_style, when, why) = match &deal.status {
                Status::Won { at } => (
                    c.won_mark,
                    theme::won(),
                    *at,
                    app.board()
                        .stage(&deal.stage)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                ),
                Status::Lost { at, reason } => (c.lost_mark, theme::overdue(), *at, reason.clone()),
                Status::Open => ("", theme::dim(), deal.updated, String::new()),
            };
            let date = when
                .with_timezone(&offset)
                .date_naive()
                .format("%Y-%m-%d")
                .to_string();
            let line = Line::from(vec![
                Span::styled(format!(" {mark} "), mark_style),
                Span::raw(pad(&deal.title, title_width, false)),
                Span::raw(" "),
                Span::styled(pad(&deal.company, company_width, false), theme::dim()),
                Span::raw(" "),
                Span::raw(pad(&deal.value.display(), 14, true)),
                Span::raw("  "),
                Span::styled(date, theme::dim()),
                Span::raw("  "),
                Span::raw(crate::display_width::truncate(&why, outcome_width)),
            ]);
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        });
    let lines: Vec<Line> = std::iter::once(header).chain(rows).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
