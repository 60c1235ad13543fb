//! `dealboard stats --by owner`: a row per person, for reading down a team at the stand-up.

use super::table::{self, Column};
use crate::model::Rates;
use crate::report::analytics::PersonRow;
use crate::text::reports::{days, money, percent};
use crate::text::{fill, t};

/// The people table: who has what open, won and lost in the period, and what needs them now.
/// With rates, the weighted pipeline converted too (what the rows are ranked by).
pub fn people_table(rows: &[PersonRow], rates: Option<&Rates>, width: Option<usize>) -> String {
    let c = &t().cli;
    if rows.is_empty() {
        return format!("{}\n", t().reports.nothing);
    }
    let dropped_first = |header: &str, order| Column {
        drop_order: Some(order),
        ..Column::figure(header)
    };
    let converted_header =
        rates.map(|r| fill(t().rates.col_converted, &[("currency", &r.to().code())]));
    let mut columns = vec![
        Column::text(c.col_person),
        Column::figure(c.col_open),
        Column::figure(c.col_open_value),
        Column::figure(c.col_weighted),
        Column::figure(c.col_won),
        dropped_first(c.col_won_value, 2),
        Column::figure(c.col_lost),
        dropped_first(c.col_win_rate, 4),
        dropped_first(c.col_cycle, 1),
        Column::figure(c.col_overdue),
        dropped_first(c.col_cold, 3),
        dropped_first(c.col_this_month, 0),
    ];
    if let Some(header) = &converted_header {
        columns.insert(4, Column::figure(header));
    }
    let mut missing = Vec::new();
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            let h = &p.headline;
            let mut row = vec![
                p.name.clone(),
                h.open_count.to_string(),
                money(&h.open_value),
                money(&h.weighted_value),
                h.won_count.to_string(),
                money(&h.won_value),
                h.lost_count.to_string(),
                percent(p.win_rate),
                days(p.median_cycle_days),
                p.overdue.to_string(),
                p.going_cold.to_string(),
                closing(p),
            ];
            if let Some(rates) = rates {
                let converted = rates.convert_total(&h.weighted_value);
                missing.extend(converted.missing.iter().copied());
                row.insert(4, crate::text::rates::approx_short(&converted));
            }
            row
        })
        .collect();
    missing.sort();
    missing.dedup();
    let mut out = table::render(&columns, &table_rows, width);
    if !missing.is_empty() {
        let codes: Vec<&str> = missing.iter().map(|c| c.code()).collect();
        out += &format!(
            "* {}\n",
            fill(t().rates.without, &[("currencies", &codes.join(", "))])
        );
    }
    out
}

/// "2 · $30,000": how many are expected to close this month, and their value.
fn closing(p: &PersonRow) -> String {
    if p.closing_this_month == 0 {
        return "0".into();
    }
    format!(
        "{} · {}",
        p.closing_this_month,
        money(&p.closing_this_month_value)
    )
}
