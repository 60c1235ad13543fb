//! The team table over the review (`p`): a row per person since the review's day, the row
//! chosen marked; Enter starts that person's turn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::look::{label, news, popup_block, selected, strong, text};
use super::state::Review;
use crate::display_width::{pad, truncate};
use crate::model::Rates;
use crate::report::analytics::PersonRow;
use crate::text::reports::{money_compact, percent};
use crate::text::{fill, t};
use crate::tui::view::centered;

/// How a column's cell is made from a person's row (and the rates the review converts with).
type Cells = fn(&PersonRow, Option<&Rates>) -> String;

fn columns() -> [(&'static str, Cells); 8] {
    let c = &t().cli;
    [
        (c.col_open, |p, _| p.headline.open_count.to_string()),
        // With rates, the converted figure the rows are ranked by.
        (c.col_weighted, |p, rates| {
            let weighted = &p.headline.weighted_value;
            match crate::report::converted_if_mixed(weighted, rates) {
                // Marked as in `stats --by owner`; the headline says what was left out.
                Some(converted) if !converted.missing.is_empty() => {
                    crate::text::rates::approx_amount(&converted) + " *"
                }
                Some(converted) => crate::text::rates::approx_amount(&converted),
                None => money_compact(weighted),
            }
        }),
        (c.col_won, |p, _| p.headline.won_count.to_string()),
        (c.col_lost, |p, _| p.headline.lost_count.to_string()),
        (c.col_win_rate, |p, _| percent(p.win_rate)),
        (c.col_overdue, |p, _| p.overdue.to_string()),
        (c.col_cold, |p, _| p.going_cold.to_string()),
        (c.col_this_month, |p, _| p.closing_this_month.to_string()),
    ]
}

pub fn render(review: &Review, rows: &[PersonRow], chosen: usize, frame: &mut Frame, area: Rect) {
    let since = crate::text::date_with_weekday(
        review
            .since()
            .with_timezone(review.now().offset())
            .date_naive(),
    );
    // Inside the popup (two narrower than the area) and its border.
    let room = usize::from(area.width.saturating_sub(4));
    let columns = columns();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            let rates = review.board().rates.as_ref();
            columns.iter().map(|(_, cell)| cell(p, rates)).collect()
        })
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (header, _))| {
            cells
                .iter()
                .map(|row| crate::display_width::width(&row[i]))
                .chain([crate::display_width::width(header)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The figures as far as they fit, the name in what is left (at least 12 cells); each
    // cell has a space either side.
    const NAME_AT_LEAST: usize = 12;
    let mut shown = 0;
    let mut used = NAME_AT_LEAST + 2;
    for width in &widths {
        if used + width + 2 > room {
            break;
        }
        used += width + 2;
        shown += 1;
    }
    let name_width = (room + NAME_AT_LEAST).saturating_sub(used).clamp(1, 30);
    let line = |name: &str, figures: Vec<&str>, style: Style| {
        let mut spans = vec![Span::styled(
            format!(" {} ", pad(&truncate(name, name_width), name_width, false)),
            style,
        )];
        for (figure, width) in figures.into_iter().zip(&widths).take(shown) {
            spans.push(Span::styled(
                format!(" {} ", pad(figure, *width, true)),
                style,
            ));
        }
        Line::from(spans)
    };
    let mut lines = vec![
        Line::styled(
            format!(" {}", fill(t().review.people_heading, &[("date", &since)])),
            strong(),
        ),
        line(
            t().cli.col_person,
            columns.iter().map(|(header, _)| *header).collect(),
            label(),
        ),
    ];
    for (i, (person, row)) in rows.iter().zip(&cells).enumerate() {
        let style = if i == chosen { selected() } else { text() };
        lines.push(line(
            &person.name,
            row.iter().map(String::as_str).collect(),
            style,
        ));
    }
    if rows.is_empty() {
        lines.push(Line::styled(format!(" {}", t().reports.nothing), news()));
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    // As wide as the table (and the heading), no wider: a projector's screen stays in view.
    let table = name_width + 2 + widths.iter().take(shown).map(|w| w + 2).sum::<usize>();
    let wide = table.max(crate::display_width::width(&lines[0].to_string()) + 1) + 2;
    let width = u16::try_from(wide)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(2));
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = popup_block();
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
