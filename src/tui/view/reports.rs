//! The process report: the period and owner at the top, then the sections in one column that
//! scrolls, or side by side on a wide screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::report_sections::{Drawing, section_lines};
use super::theme;
use crate::text::reports;
use crate::text::{fill, t};
use crate::tui::app::{PeriodPreset, ReportsView};
use crate::tui::report_layout::{
    COLUMN_GAP, MARGIN, change_words, header_split, nothing_happened, report_layout,
};

/// The report in `area`; `today` dates its forecast.
pub fn render(today: chrono::NaiveDate, view: &ReportsView, frame: &mut Frame, area: Rect) {
    let layout = report_layout(area.width, area.height, view);
    let scroll = view.scroll.min(layout.max_scroll());
    let below = layout.max_scroll() - scroll;
    let b = &t().board;
    let mut block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", t().reports.title),
            theme::heading(),
        ))
        .border_style(theme::heading());
    // Whether there is more above or below, in words and arrows, not colour.
    if scroll > 0 {
        let above = fill(b.more_above, &[("count", &scroll)]);
        block = block.title(Line::from(format!(" {above} ")).right_aligned());
    }
    if below > 0 {
        let more = fill(b.more_below, &[("count", &below)]);
        block = block.title_bottom(Line::from(format!(" {more} ")).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let header = Rect {
        height: layout.header.min(inner.height),
        ..inner
    };
    frame.render_widget(Paragraph::new(header_lines(view, inner.width)), header);
    // A cell of margin on either side, inside the border.
    let body = Rect {
        x: inner.x + MARGIN,
        y: inner.y + header.height,
        width: inner.width.saturating_sub(2 * MARGIN),
        height: inner.height - header.height,
    };
    let drawing = |room: u16| Drawing {
        view,
        today,
        room: usize::from(room),
    };
    for (i, sections) in layout.columns.iter().enumerate() {
        let x = body.x + (layout.column_width + COLUMN_GAP) * i as u16;
        let column = Rect {
            x,
            width: layout.column_width.min(body.right().saturating_sub(x)),
            ..body
        };
        let d = drawing(column.width);
        let mut lines: Vec<Line> = Vec::new();
        for section in sections {
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.extend(section_lines(*section, &d));
        }
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), column);
    }
}

/// The period and owner, each with arrows to say they can be changed; what is compared with;
/// and a word when the period is empty.
fn header_lines(view: &ReportsView, width: u16) -> Vec<Line<'static>> {
    let choice = &view.choice;
    let owner = choice
        .owner
        .as_deref()
        .unwrap_or(t().reports.everyone)
        .to_string();
    let change = change_words(view);
    // A pilot has nothing before or after it to step to: no arrows.
    let stepping = view.pilot.is_none();
    let mut period = vec![
        Span::styled(if stepping { " ◂ " } else { " " }, theme::dim()),
        Span::styled(
            change
                .clone()
                .unwrap_or_else(|| choice.preset.name().to_string()),
            theme::selected(),
        ),
        Span::styled(if stepping { " ▸" } else { "" }, theme::dim()),
    ];
    if change.is_none() && choice.preset != PeriodPreset::AllTime {
        period.push(Span::raw(format!(
            " {}",
            reports::period(&view.stats.period)
        )));
    }
    let owner = [
        Span::styled(format!("   {} ◂ ", t().report_screen.owner), theme::dim()),
        Span::styled(owner, theme::selected()),
        Span::styled(" ▸", theme::dim()),
    ];
    // The same words as `header_parts`, which the layout measures.
    let mut lines = if header_split(view, width) {
        vec![Line::from(period), Line::from(owner.to_vec())]
    } else {
        period.extend(owner);
        vec![Line::from(period)]
    };
    if let Some(rates) = &view.stats.rates {
        let text = crate::text::rates::converted_in(rates);
        let room = usize::from(width.saturating_sub(1));
        lines.push(Line::styled(
            format!(" {}", crate::display_width::truncate(&text, room)),
            theme::dim(),
        ));
    }
    if choice.compare && change.is_none() {
        let text = match &view.before {
            Some(before) => fill(
                t().report_screen.compared_with,
                &[("period", &reports::period(&before.period))],
            ),
            None => fill(
                t().report_screen.nothing_before,
                &[("preset", &choice.preset.name())],
            ),
        };
        lines.push(Line::styled(format!(" {text}"), theme::marker()));
    }
    if view.counting {
        lines.push(Line::styled(
            format!(" {}", t().report_screen.counting),
            theme::dim(),
        ));
    } else if change.is_none() && nothing_happened(&view.stats) {
        lines.push(Line::styled(
            format!(" {}", t().report_screen.nothing_happened),
            theme::callout(),
        ));
    }
    lines
}
