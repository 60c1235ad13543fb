//! A plain-text table that fits a width: wide columns give way first, money stays aligned.

use crate::display_width::{pad, width};

pub struct Column {
    pub header: String,
    pub right_align: bool,
    /// May be cut (with `…`) to make the table fit.
    pub shrinks: bool,
}

const GAP: &str = "  ";
/// Narrowest a shrinking column gets before the table simply overflows.
const MIN_SHRUNK: usize = 6;

pub fn render(columns: &[Column], rows: &[Vec<String>], max_width: Option<usize>) -> String {
    let mut widths: Vec<usize> = columns.iter().map(|c| width(&c.header)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    if let Some(max) = max_width {
        shrink_to(&mut widths, columns, max);
    }
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = columns
            .iter()
            .zip(&widths)
            .zip(row)
            .map(|((column, w), cell)| pad(cell, *w, column.right_align))
            .collect();
        out.push_str(cells.join(GAP).trim_end());
        out.push('\n');
    }
    out
}

/// Takes cells from the widest shrinkable column, one at a time, until the table fits.
fn shrink_to(widths: &mut [usize], columns: &[Column], max: usize) {
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP.len() * w.len().saturating_sub(1);
    while total(widths) > max {
        let widest = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| columns[*i].shrinks && **w > MIN_SHRUNK)
            .max_by_key(|(_, w)| **w)
            .map(|(i, _)| i);
        match widest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(header: &str, right_align: bool, shrinks: bool) -> Column {
        Column {
            header: header.into(),
            right_align,
            shrinks,
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
}
