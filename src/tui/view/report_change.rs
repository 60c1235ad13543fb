//! The report's sections for two sides of the process: before and after a change (and the
//! questions of "Is the process still useful?"). Each makes exactly the rows
//! `report_layout::section_height` counts.

use ratatui::text::Line;

use super::report_sections::Drawing;
use super::report_table::{Cell, Column, cell, table};
use super::theme;
use crate::display_width::truncate;
use crate::report::analytics::StageFlow;
use crate::report::comparison::{Comparison, TOO_FEW_DEALS};
use crate::text::reports::{days, percent};
use crate::text::versions::{difference, points, question_words, side_line};
use crate::text::{fill, t};
use crate::tui::report_layout::question_lines;

/// The two sides' names, and the words for what only one side has.
struct Names {
    first: &'static str,
    second: &'static str,
    only_first: &'static str,
    only_second: &'static str,
}

/// Before and after a change, or the rest of the team and the pilot.
fn names(view: &crate::tui::app::ReportsView) -> Names {
    let v = &t().versions;
    if view.pilot.is_some() {
        return Names {
            first: v.side_rest,
            second: v.side_pilot,
            only_first: v.only_rest_short,
            only_second: v.only_pilot_short,
        };
    }
    Names {
        first: v.side_before,
        second: v.side_after,
        only_first: v.only_before_short,
        only_second: v.only_after_short,
    }
}

/// `a → b`, or a dash for a side without it.
fn arrow(a: Option<String>, b: Option<String>) -> String {
    let dash = || t().reports.nothing.to_string();
    format!("{} → {}", a.unwrap_or_else(dash), b.unwrap_or_else(dash))
}

/// A difference, coloured by whether it is better: `higher_is_better` says which way that is.
fn change_cell(text: String, delta: Option<f64>, higher_is_better: bool) -> Cell {
    let style = match delta {
        Some(d) if d.abs() < 1e-9 => theme::dim(),
        Some(d) if (d > 0.0) == higher_is_better => theme::better(),
        Some(_) => theme::worse(),
        None => theme::dim(),
    };
    (text, style)
}

pub fn change_figures(d: &Drawing) -> Vec<Line<'static>> {
    let Some((c, reason)) = d.view.sides() else {
        return Vec::new();
    };
    let names = names(d.view);
    let offset = c.after.stats_offset();
    let mut lines = Vec::new();
    if !reason.is_empty() {
        let why = fill(t().versions.why_line, &[("reason", &reason)]);
        lines.push(Line::from(truncate(&format!(" {why}"), d.room)));
    }
    for (name, side) in [(names.first, &c.before), (names.second, &c.after)] {
        let text = truncate(&format!(" {}", side_line(name, side, offset)), d.room);
        lines.push(if side.too_few() {
            Line::styled(text, theme::callout())
        } else {
            Line::from(text)
        });
    }
    lines.extend(figures_table(c, &names, d.room));
    lines
}

fn figures_table(c: &Comparison, names: &Names, room: usize) -> Vec<Line<'static>> {
    let v = &t().versions;
    let columns = [
        Column::name(""),
        Column::number(names.first, names.first),
        Column::number(names.second, names.second),
        Column::number(v.h_difference, v.h_difference_short),
    ];
    let (a, b) = (&c.before, &c.after);
    let count = |n: usize| crate::text::locale::number(n as u128);
    let whole = |x: usize, y: usize, better: bool| {
        let delta = y as f64 - x as f64;
        change_cell(
            difference(Some(x as f64), Some(y as f64), 0),
            Some(delta),
            better,
        )
    };
    let (a_skips, a_moves) = a.moves_with_skips();
    let (b_skips, b_moves) = b.moves_with_skips();
    let share = |with: usize, all: usize| (all > 0).then(|| with as f64 / all as f64);
    let skips = crate::text::versions::skips_of;
    let delta = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| y - x);
    let (ah, bh) = (&a.stats.headline, &b.stats.headline);
    let rows = vec![
        vec![
            cell(v.row_deals),
            cell(count(a.deals)),
            cell(count(b.deals)),
            whole(a.deals, b.deals, true),
        ],
        vec![
            cell(v.row_won),
            cell(count(ah.won_count)),
            cell(count(bh.won_count)),
            whole(ah.won_count, bh.won_count, true),
        ],
        vec![
            cell(v.row_lost),
            cell(count(ah.lost_count)),
            cell(count(bh.lost_count)),
            whole(ah.lost_count, bh.lost_count, false),
        ],
        vec![
            cell(v.row_win_rate),
            cell(percent(a.stats.win_rate)),
            cell(percent(b.stats.win_rate)),
            change_cell(
                points(a.stats.win_rate, b.stats.win_rate),
                delta(a.stats.win_rate, b.stats.win_rate),
                true,
            ),
        ],
        vec![
            cell(v.row_cycle),
            cell(days(a.stats.cycle.median_days)),
            cell(days(b.stats.cycle.median_days)),
            change_cell(
                difference(a.stats.cycle.median_days, b.stats.cycle.median_days, 1),
                delta(a.stats.cycle.median_days, b.stats.cycle.median_days),
                false,
            ),
        ],
        vec![
            cell(v.row_skips),
            cell(skips(a_skips, a_moves)),
            cell(skips(b_skips, b_moves)),
            change_cell(
                points(share(a_skips, a_moves), share(b_skips, b_moves)),
                delta(share(a_skips, a_moves), share(b_skips, b_moves)),
                false,
            ),
        ],
    ];
    table(&columns, &rows, room)
}

pub fn change_stages(d: &Drawing) -> Vec<Line<'static>> {
    let Some((comparison, _)) = d.view.sides() else {
        return Vec::new();
    };
    let names = names(d.view);
    let v = &t().versions;
    let columns = [
        Column::name(v.h_stage),
        Column::number(v.h_conversion, v.h_conversion),
        Column::number(v.h_difference, v.h_difference_short),
        Column::number(v.h_days, v.h_days),
        Column::number(v.h_difference, v.h_difference_short),
    ];
    let conversion = |f: Option<&StageFlow>| f.map(|f| percent(f.conversion));
    let median = |f: Option<&StageFlow>| f.map(|f| days(f.time.median_days));
    let rows: Vec<Vec<Cell>> = comparison
        .stages()
        .iter()
        .map(|row| {
            let (a, b) = (row.before, row.after);
            let only = match (a, b) {
                (Some(_), None) => Some(names.only_first),
                (None, Some(_)) => Some(names.only_second),
                _ => None,
            };
            let a_conv = a.and_then(|f| f.conversion);
            let b_conv = b.and_then(|f| f.conversion);
            let a_days = a.and_then(|f| f.time.median_days);
            let b_days = b.and_then(|f| f.time.median_days);
            let delta = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| y - x);
            // Fewer deals than a side needs to be judged by: the difference is shown, dim.
            let few = [a, b]
                .iter()
                .any(|f| f.is_some_and(|f| f.entered < TOO_FEW_DEALS));
            let judged = |cell: Cell| if few { (cell.0, theme::dim()) } else { cell };
            let (conv_change, days_change) = match only {
                Some(word) => (
                    (word.to_string(), theme::callout()),
                    (String::new(), theme::dim()),
                ),
                None => (
                    judged(change_cell(
                        points(a_conv, b_conv),
                        delta(a_conv, b_conv),
                        true,
                    )),
                    judged(change_cell(
                        difference(a_days, b_days, 1),
                        delta(a_days, b_days),
                        false,
                    )),
                ),
            };
            vec![
                cell(row.name.to_string()),
                cell(arrow(conversion(a), conversion(b))),
                conv_change,
                cell(arrow(median(a), median(b))),
                days_change,
            ]
        })
        .collect();
    table(&columns, &rows, d.room)
}

pub fn change_criteria(d: &Drawing) -> Vec<Line<'static>> {
    let Some((comparison, _)) = d.view.sides() else {
        return Vec::new();
    };
    let names = names(d.view);
    let v = &t().versions;
    let rows = comparison.criteria();
    if rows.is_empty() {
        return vec![Line::styled(
            truncate(&format!(" {}", t().reports.nothing), d.room),
            theme::dim(),
        )];
    }
    let columns = [
        Column::label(v.h_stage, 14),
        Column::text(v.h_criterion),
        Column::number(v.h_unticked, v.h_unticked),
        Column::number(v.h_difference, v.h_difference_short),
    ];
    let skips = |s: Option<(usize, usize)>| s.map(|(skipped, moves)| format!("{skipped}/{moves}"));
    let share = |s: Option<(usize, usize)>| {
        s.and_then(|(skipped, moves)| (moves > 0).then(|| skipped as f64 / moves as f64))
    };
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| {
            let only = match (row.before, row.after) {
                (Some(_), None) => Some(names.only_first),
                (None, Some(_)) => Some(names.only_second),
                _ => None,
            };
            let (a, b) = (share(row.before), share(row.after));
            let changed = match only {
                Some(word) => (word.to_string(), theme::callout()),
                None => change_cell(points(a, b), a.zip(b).map(|(a, b)| b - a), false),
            };
            vec![
                cell(row.stage.to_string()),
                cell(row.criterion.to_string()),
                cell(arrow(skips(row.before), skips(row.after))),
                changed,
            ]
        })
        .collect();
    table(&columns, &cells, d.room)
}

/// "Is the process still useful?": each question over as many lines as it needs.
pub fn questions(d: &Drawing) -> Vec<Line<'static>> {
    let room = u16::try_from(d.room).unwrap_or(u16::MAX);
    if d.view.questions.is_empty() {
        return question_lines(t().versions.no_questions, room)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme::dim()))
            .collect();
    }
    let mut lines = Vec::new();
    for question in &d.view.questions {
        for (i, line) in question_lines(&question_words(question), room)
            .into_iter()
            .enumerate()
        {
            let mark = if i == 0 { " • " } else { "   " };
            lines.push(Line::from(format!("{mark}{line}")));
        }
    }
    lines
}
