//! A plain-text table that fits a width: wide columns give way first, money stays aligned.

use crate::display_width::{pad, width};

pub struct Column {
    pub header: String,
    pub right_align: bool,
    /// May be cut (with `…`) to make the table fit, down to this many cells; `None` never is.
    pub shrinks_to: Option<usize>,
    /// When cutting is not enough, columns are left out, lowest number first; `None` stays.
    pub drop_order: Option<u8>,
}

impl Column {
    /// Text that may be cut down to 10 cells, never left out.
    pub fn text(header: &str) -> Column {
        Column {
            header: header.to_string(),
            right_align: false,
            shrinks_to: Some(10),
            drop_order: None,
        }
    }

    /// A right-aligned figure, never cut.
    pub fn figure(header: &str) -> Column {
        Column {
            header: header.to_string(),
            right_align: true,
            shrinks_to: None,
            drop_order: None,
        }
    }
}

const GAP: &str = "  ";

/// The widest a text column grows, also when the table goes to a file or a pipe rather than a
/// terminal: a long title is cut with `…`, so no row is padded to the longest text.
const WIDEST_TEXT: usize = 80;

pub fn render(columns: &[Column], rows: &[Vec<String>], max_width: Option<usize>) -> String {
    let mut widths: Vec<usize> = columns.iter().map(|c| width(&c.header)).collect();
    for row in rows {
        for ((w, cell), column) in widths.iter_mut().zip(row).zip(columns) {
            let most = match column.shrinks_to {
                Some(_) => WIDEST_TEXT,
                None => usize::MAX,
            };
            *w = (*w).max(width(cell).min(most));
        }
    }
    let mut shown = vec![true; columns.len()];
    if let Some(max) = max_width {
        fit(&mut widths, &mut shown, columns, max);
    }
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = columns
            .iter()
            .zip(&widths)
            .zip(row)
            .zip(&shown)
            .filter(|(_, shown)| **shown)
            .map(|(((column, w), cell), _)| pad(cell, *w, column.right_align))
            .collect();
        out.push_str(cells.join(GAP).trim_end());
        out.push('\n');
    }
    out
}

/// Takes cells from the widest shrinkable column, one at a time, until the table fits; when
/// that is not enough, leaves out the columns that matter least and tries again.
fn fit(widths: &mut [usize], shown: &mut [bool], columns: &[Column], max: usize) {
    let natural = widths.to_vec();
    loop {
        widths.copy_from_slice(&natural);
        if shrink_to(widths, shown, columns, max) {
            return;
        }
        let next_to_drop = (0..columns.len())
            .filter(|i| shown[*i])
            .filter_map(|i| columns[i].drop_order.map(|order| (order, i)))
            .min()
            .map(|(_, i)| i);
        match next_to_drop {
            Some(i) => shown[i] = false,
            None => return,
        }
    }
}

/// Shrinks the shown columns towards `max` cells; true when the table then fits.
fn shrink_to(widths: &mut [usize], shown: &[bool], columns: &[Column], max: usize) -> bool {
    let total = |w: &[usize]| {
        let cells: Vec<usize> = w
            .iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(w, _)| *w)
            .collect();
        cells.iter().sum::<usize>() + GAP.len() * cells.len().saturating_sub(1)
    };
    while total(widths) > max {
        let widest = (0..widths.len())
            .filter(|i| shown[*i] && columns[*i].shrinks_to.is_some_and(|min| widths[*i] > min))
            .max_by_key(|i| widths[*i]);
        match widest {
            Some(i) => widths[i] -= 1,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(header: &str, right_align: bool, shrinks: bool) -> Column {
        let shrinks_to = shrinks.then_some(6);
        Column {
            header: header.into(),
            right_align,
            shrinks_to,
            drop_order: None,
        }
    }

    #[test]
    fn fits_the_width_by_cutting_the_widest_text() {
        let columns = [
            col("ID", true, false),
            col("TITLE", false, true),
            col("VALUE", true, false),
        ];
        let rows = vec![
            vec![
                "1".into(),
                "Поставка оборудования для склада".into(),
                "€12,000".into(),
            ],
            vec!["12".into(), "CRM".into(), "€500".into()],
        ];
        let table = render(&columns, &rows, Some(30));
        for line in table.lines() {
            assert!(width(line) <= 30, "{line}");
        }
        assert_eq!(
            table.lines().nth(1).unwrap(),
            " 1  Поставка оборудо…  €12,000"
        );
        assert_eq!(
            table.lines().nth(2).unwrap(),
            "12  CRM                   €500"
        );
    }

    #[test]
    fn columns_that_matter_least_go_when_cutting_is_not_enough() {
        let mut owner = col("OWNER", false, true);
        owner.drop_order = Some(1);
        let columns = [col("ID", true, false), col("TITLE", false, true), owner];
        let rows = vec![vec![
            "1".into(),
            "A long title for the deal".into(),
            "anna".into(),
        ]];
        let table = render(&columns, &rows, Some(14));
        assert_eq!(table.lines().nth(1).unwrap(), " 1  A long ti…");
        let wide = render(&columns, &rows, Some(80));
        assert!(wide.lines().nth(1).unwrap().ends_with("anna"));
    }
}
