//! The process report's tables: a header and rows of cells fitted into a column of sections,
//! with shorter headings when the long ones do not fit, and the name column cut to what is left.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;
use crate::display_width::{pad, width};

pub struct Column {
    pub long: &'static str,
    pub short: &'static str,
    /// Numbers are right-aligned; names are not.
    pub right: bool,
    /// Gets the room the others leave, and is cut to it. One per table.
    pub flexible: bool,
    /// At most this many cells (names are cut), if set.
    pub most: Option<usize>,
}

impl Column {
    pub const fn name(heading: &'static str) -> Column {
        Column {
            long: heading,
            short: heading,
            right: false,
            flexible: true,
            most: None,
        }
    }

    pub const fn number(long: &'static str, short: &'static str) -> Column {
        Column {
            long,
            short,
            right: true,
            flexible: false,
            most: None,
        }
    }

    /// A name column of fixed width (at most `most` cells), when another column is flexible.
    pub const fn label(heading: &'static str, most: usize) -> Column {
        Column {
            long: heading,
            short: heading,
            right: false,
            flexible: false,
            most: Some(most),
        }
    }

    /// Text that is cut to the room left over.
    pub const fn text(heading: &'static str) -> Column {
        Column {
            long: heading,
            short: heading,
            right: false,
            flexible: true,
            most: None,
        }
    }
}

/// One cell: its text and how it looks.
pub type Cell = (String, Style);

pub fn cell(text: impl Into<String>) -> Cell {
    (text.into(), Style::new())
}

/// Narrowest a flexible column gets before headings are shortened.
const FLEXIBLE_AT_LEAST: usize = 10;
/// Narrowest a capped name column gets when room is very short.
const NAME_AT_LEAST: usize = 6;

/// The table in `room` cells: a dim header line, then one line per row.
pub fn table(columns: &[Column], rows: &[Vec<Cell>], room: usize) -> Vec<Line<'static>> {
    let content = |i: usize| {
        rows.iter()
            .map(|r| r.get(i).map_or(0, |c| width(&c.0)))
            .max()
            .unwrap_or(0)
    };
    // Long headings if they leave the flexible column all it needs, else short ones; failing
    // that, the first that leaves it enough to read, closer together if need be; failing that,
    // names cut shorter.
    let attempt = |short: bool, gap: usize, squeeze: bool| {
        let heading = |c: &Column| if short { c.short } else { c.long };
        let mut widths: Vec<usize> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let wanted = content(i).max(width(heading(c)));
                c.most.map_or(wanted, |most| wanted.min(most))
            })
            .collect();
        let gaps = gap * columns.len().saturating_sub(1) + 1;
        if squeeze {
            // Capped name columns give up cells (down to a few) so the flexible one has some.
            let fixed: usize = columns
                .iter()
                .zip(&widths)
                .filter(|(c, _)| !c.flexible)
                .map(|(_, w)| *w)
                .sum();
            let mut short_by = (fixed + gaps + FLEXIBLE_AT_LEAST).saturating_sub(room);
            for (c, w) in columns.iter().zip(widths.iter_mut()) {
                if c.most.is_some() && !c.flexible {
                    let give = short_by.min(w.saturating_sub(NAME_AT_LEAST));
                    *w -= give;
                    short_by -= give;
                }
            }
        }
        let fixed: usize = columns
            .iter()
            .zip(&widths)
            .filter(|(c, _)| !c.flexible)
            .map(|(_, w)| *w)
            .sum();
        let left = room.saturating_sub(fixed + gaps);
        let mut whole = fixed + gaps <= room;
        let mut enough = whole;
        for (c, w) in columns.iter().zip(widths.iter_mut()) {
            if c.flexible {
                whole &= left >= *w;
                enough &= left >= (*w).min(FLEXIBLE_AT_LEAST);
                *w = (*w).min(left);
            }
        }
        (widths, gap, short, whole, enough)
    };
    let attempts =
        [(false, 2), (true, 2), (true, 1)].map(|(short, gap)| attempt(short, gap, false));
    let (widths, gap, short, _, _) = attempts
        .iter()
        .find(|a| a.3 && a.1 > 1)
        .or_else(|| attempts.iter().find(|a| a.4))
        .cloned()
        .unwrap_or_else(|| attempt(true, 1, true));
    let spaces = " ".repeat(gap);
    let line = |cells: Vec<Cell>| {
        let mut spans = vec![Span::raw(" ")];
        for (i, ((text, style), (column, cells_wide))) in cells
            .into_iter()
            .zip(columns.iter().zip(&widths))
            .enumerate()
        {
            if i > 0 {
                spans.push(Span::raw(spaces.clone()));
            }
            spans.push(Span::styled(pad(&text, *cells_wide, column.right), style));
        }
        Line::from(spans)
    };
    let header: Vec<Cell> = columns
        .iter()
        .map(|c| {
            (
                if short { c.short } else { c.long }.to_string(),
                Style::new(),
            )
        })
        .collect();
    let mut lines = vec![line(header).patch_style(theme::dim())];
    lines.extend(rows.iter().map(|r| line(r.clone())));
    lines
}

/// Lines the same figure takes in two periods: `before → after`, the arrows one under another.
pub fn before_after(pairs: &[(String, String)], arrow: &str) -> Vec<String> {
    let before = pairs.iter().map(|(b, _)| width(b)).max().unwrap_or(0);
    let after = pairs.iter().map(|(_, a)| width(a)).max().unwrap_or(0);
    pairs
        .iter()
        .map(|(b, a)| format!("{} {arrow} {}", pad(b, before, true), pad(a, after, true)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn headings_shorten_before_names_are_cut_too_far() {
        let columns = [
            Column::name("Stage"),
            Column::number("Moves on", "On"),
            Column::number("No next action", "No plan"),
        ];
        let rows = vec![vec![cell("Proposal preparation"), cell("12"), cell("3")]];
        let wide = text(&table(&columns, &rows, 60));
        assert_eq!(wide[0], " Stage                 Moves on  No next action");
        assert_eq!(wide[1], " Proposal preparation        12               3");
        let narrow = text(&table(&columns, &rows, 30));
        assert_eq!(narrow[0], " Stage             On  No plan");
        assert_eq!(narrow[1], " Proposal prepar…  12        3");
    }

    #[test]
    fn arrows_line_up() {
        let pairs = vec![
            ("5".to_string(), "12".to_string()),
            ("40%".to_string(), "7%".to_string()),
        ];
        assert_eq!(before_after(&pairs, "→"), vec!["  5 → 12", "40% → 7%"]);
    }
}
