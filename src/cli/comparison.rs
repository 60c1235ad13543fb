//! Two sides of the process side by side, as `stats --change N` and the team report's pilot
//! print them: the key figures, each stage's conversion and time, the exit criteria left
//! unticked, with the differences; a side with too few deals is said to be.

use std::fmt::Write as _;

use chrono::FixedOffset;

use super::table::{self, Column};
use crate::report::comparison::{Comparison, Side, TOO_FEW_DEALS};
use crate::text::reports::{days, percent};
use crate::text::versions::{difference, points, side_line};
use crate::text::{fill, t};

/// What the two sides are called: before and after a change, or the rest and the pilot.
pub struct SideNames {
    pub first: &'static str,
    pub second: &'static str,
    pub only_first: &'static str,
    pub only_second: &'static str,
}

impl SideNames {
    pub fn change() -> SideNames {
        let v = &t().versions;
        SideNames {
            first: v.side_before,
            second: v.side_after,
            only_first: v.only_before,
            only_second: v.only_after,
        }
    }

    pub fn pilot() -> SideNames {
        let v = &t().versions;
        SideNames {
            first: v.side_rest,
            second: v.side_pilot,
            only_first: v.only_rest,
            only_second: v.only_pilot,
        }
    }
}

pub fn tables(
    comparison: &Comparison,
    names: &SideNames,
    offset: FixedOffset,
    width: Option<usize>,
) -> String {
    let v = &t().versions;
    let (a, b) = (&comparison.before, &comparison.after);
    let mut out = String::new();
    let _ = writeln!(out, "{}", side_line(names.first, a, offset));
    let _ = writeln!(out, "{}", side_line(names.second, b, offset));
    if comparison.too_few() {
        let _ = writeln!(
            out,
            "{}",
            fill(v.too_few_note, &[("count", &TOO_FEW_DEALS)])
        );
    }
    out.push('\n');
    let headers = [
        String::new(),
        names.first.to_uppercase(),
        names.second.to_uppercase(),
        v.h_difference.to_uppercase(),
    ];
    let columns = [
        Column::text(&headers[0]),
        Column::figure(&headers[1]),
        Column::figure(&headers[2]),
        Column::figure(&headers[3]),
    ];
    out.push_str(&table::render(&columns, &key_rows(a, b), width));
    out.push('\n');
    let _ = writeln!(out, "{}", v.stages_heading.to_uppercase());
    let h = [
        v.h_stage.to_string(),
        format!("{} · {}", v.h_conversion, names.first),
        names.second.to_string(),
        v.h_difference.to_string(),
        format!("{} · {}", v.h_days, names.first),
        names.second.to_string(),
        v.h_difference.to_string(),
        String::new(),
    ];
    let columns: Vec<Column> = h
        .iter()
        .enumerate()
        .map(|(i, h)| match i {
            0 | 7 => Column::text(h),
            _ => Column::figure(h),
        })
        .collect();
    let dash = || t().reports.nothing.to_string();
    let rows: Vec<Vec<String>> = comparison
        .stages()
        .iter()
        .map(|row| {
            let conversion = |f: Option<&crate::report::analytics::StageFlow>| {
                f.map_or_else(dash, |f| percent(f.conversion))
            };
            let median = |f: Option<&crate::report::analytics::StageFlow>| {
                f.map_or_else(dash, |f| days(f.time.median_days))
            };
            let few = |f: Option<&crate::report::analytics::StageFlow>| {
                f.is_some_and(|f| f.entered < TOO_FEW_DEALS)
            };
            let note = match (row.before, row.after) {
                (Some(_), None) => names.only_first,
                (None, Some(_)) => names.only_second,
                _ if few(row.before) || few(row.after) => t().versions.too_few,
                _ => "",
            };
            vec![
                row.name.to_string(),
                conversion(row.before),
                conversion(row.after),
                points(
                    row.before.and_then(|f| f.conversion),
                    row.after.and_then(|f| f.conversion),
                ),
                median(row.before),
                median(row.after),
                difference(
                    row.before.and_then(|f| f.time.median_days),
                    row.after.and_then(|f| f.time.median_days),
                    1,
                ),
                note.to_string(),
            ]
        })
        .collect();
    out.push_str(&table::render(&columns, &rows, width));
    let criteria = comparison.criteria();
    if !criteria.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", v.criteria_heading.to_uppercase());
        let h = [
            v.h_stage.to_string(),
            v.h_criterion.to_string(),
            names.first.to_string(),
            names.second.to_string(),
            String::new(),
        ];
        let columns = [
            Column::text(&h[0]),
            Column::text(&h[1]),
            Column::figure(&h[2]),
            Column::figure(&h[3]),
            Column::text(&h[4]),
        ];
        let skips = |side: Option<(usize, usize)>| {
            side.map_or_else(dash, |(skipped, moves)| {
                crate::text::versions::skips_of(skipped, moves)
            })
        };
        let rows: Vec<Vec<String>> = criteria
            .iter()
            .map(|row| {
                let note = match (row.before, row.after) {
                    (Some(_), None) => names.only_first,
                    (None, Some(_)) => names.only_second,
                    _ => "",
                };
                vec![
                    row.stage.to_string(),
                    row.criterion.to_string(),
                    skips(row.before),
                    skips(row.after),
                    note.to_string(),
                ]
            })
            .collect();
        out.push_str(&table::render(&columns, &rows, width));
    }
    out
}

/// The key figures of both sides and their differences.
fn key_rows(a: &Side, b: &Side) -> Vec<Vec<String>> {
    let v = &t().versions;
    let count = |n: usize| crate::text::locale::number(n as u128);
    let whole = |x: usize, y: usize| difference(Some(x as f64), Some(y as f64), 0);
    let (a_skips, a_moves) = a.moves_with_skips();
    let (b_skips, b_moves) = b.moves_with_skips();
    let share = |with: usize, all: usize| (all > 0).then(|| with as f64 / all as f64);
    let skips = crate::text::versions::skips_of;
    let (ah, bh) = (&a.stats.headline, &b.stats.headline);
    vec![
        vec![
            v.row_deals.into(),
            count(a.deals),
            count(b.deals),
            whole(a.deals, b.deals),
        ],
        vec![
            v.row_won.into(),
            count(ah.won_count),
            count(bh.won_count),
            whole(ah.won_count, bh.won_count),
        ],
        vec![
            v.row_lost.into(),
            count(ah.lost_count),
            count(bh.lost_count),
            whole(ah.lost_count, bh.lost_count),
        ],
        vec![
            v.row_win_rate.into(),
            percent(a.stats.win_rate),
            percent(b.stats.win_rate),
            points(a.stats.win_rate, b.stats.win_rate),
        ],
        vec![
            v.row_cycle.into(),
            days(a.stats.cycle.median_days),
            days(b.stats.cycle.median_days),
            difference(a.stats.cycle.median_days, b.stats.cycle.median_days, 1),
        ],
        vec![
            v.row_skips.into(),
            skips(a_skips, a_moves),
            skips(b_skips, b_moves),
            points(share(a_skips, a_moves), share(b_skips, b_moves)),
        ],
    ]
}
