//! The process report's sections, each a heading and lines fitted to its column's width. Each
//! makes exactly the rows `report_layout::section_height` counts: lines are cut, never wrapped.

use chrono::{Datelike, NaiveDate};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::bars::money_list_fitting;
use super::report_table::{Cell, Column, before_after, cell, table};
use super::theme;
use crate::display_width::{pad, truncate, width};
use crate::model::{Currency, Minor, Money, Totals};
use crate::report::analytics::GroupOutcome;
use crate::text::reports::{days, percent};
use crate::text::{fill, t};
use crate::tui::app::ReportsView;
use crate::tui::report_layout::Section;

/// What every section is drawn from.
pub struct Drawing<'a> {
    pub view: &'a ReportsView,
    pub today: NaiveDate,
    /// Cells across the column.
    pub room: usize,
}

pub fn section_lines(section: Section, d: &Drawing) -> Vec<Line<'static>> {
    let title = match section {
        Section::KeyFigures => t().report_screen.key_figures,
        Section::Funnel => t().reports.funnel,
        Section::Stages => t().report_screen.stages,
        Section::Forecast => t().reports.forecast,
        Section::LostReasons => t().reports.lost_reasons,
        Section::Sources => t().reports.sources,
        Section::Owners => t().reports.owners,
        Section::Compliance => t().reports.compliance,
        Section::OwnerCompliance => t().report_screen.compliance_by_owner,
        Section::Questions => t().versions.questions_heading,
        Section::ChangeFigures => t().report_screen.key_figures,
        Section::ChangeStages => t().versions.stages_heading,
        Section::ChangeCriteria => t().versions.criteria_heading,
    };
    let mut lines = vec![heading(title, d.room)];
    lines.extend(match section {
        Section::KeyFigures => super::report_figures::key_figures(d),
        Section::Funnel => funnel(d),
        Section::Stages => stages(d),
        Section::Forecast => forecast(d),
        Section::LostReasons => lost_reasons(d),
        Section::Sources => groups(
            &d.view.stats.sources,
            t().report_screen.source,
            t().reports.no_source,
            d.view.stats.rates.as_ref(),
            d.room,
        ),
        Section::Owners => groups(
            &d.view.stats.owners,
            t().report_screen.owner_heading,
            t().reports.no_owner,
            d.view.stats.rates.as_ref(),
            d.room,
        ),
        Section::Compliance => compliance(d),
        Section::OwnerCompliance => owner_compliance(d),
        Section::Questions => super::report_change::questions(d),
        Section::ChangeFigures => super::report_change::change_figures(d),
        Section::ChangeStages => super::report_change::change_stages(d),
        Section::ChangeCriteria => super::report_change::change_criteria(d),
    });
    lines
}

/// `─ Funnel ──────────` across the column.
fn heading(title: &str, room: usize) -> Line<'static> {
    let text = format!("─ {title} ");
    let rule = "─".repeat(room.saturating_sub(width(&text)));
    Line::styled(truncate(&(text + &rule), room), theme::heading())
}

/// One line saying there is nothing to show.
fn nothing(text: &str, room: usize) -> Vec<Line<'static>> {
    vec![Line::styled(
        truncate(&format!(" {text}"), room),
        theme::dim(),
    )]
}

/// Totals in at most `room` cells.
pub(super) fn money(totals: &Totals, room: usize) -> String {
    money_list_fitting(totals, room)
}

/// `$240k + €60k ≈ $305k`: `totals` in `room` cells and `converted`, their figure in the report
/// currency, when there is one (kept whole: the totals give way to it).
pub(super) fn converted_as(
    totals: &Totals,
    converted: Option<crate::model::Converted>,
    room: usize,
) -> String {
    let Some(converted) = converted else {
        return money(totals, room);
    };
    let approx = crate::text::rates::approx(&converted);
    let left = room.saturating_sub(width(&approx) + 1);
    if left < 4 {
        return crate::display_width::truncate(&approx, room);
    }
    crate::text::rates::beside(money(totals, left), Some(&converted))
}

/// [`converted_as`] with `totals` converted with `rates`.
pub(super) fn converted(
    totals: &Totals,
    rates: Option<&crate::model::Rates>,
    room: usize,
) -> String {
    converted_as(
        totals,
        crate::report::converted_if_mixed(totals, rates),
        room,
    )
}

pub(super) fn deals(count: usize) -> String {
    t().count(&t().board.deal_count, count)
}

fn funnel(d: &Drawing) -> Vec<Line<'static>> {
    let stages = &d.view.stats.stages;
    let most = stages.iter().map(|s| s.entered).max().unwrap_or(0);
    if most == 0 {
        return nothing(t().report_screen.funnel_empty, d.room);
    }
    let name_width = stages
        .iter()
        .map(|s| width(&s.name))
        .max()
        .unwrap_or(0)
        .max(width(t().reports.stage))
        .min(22)
        .min(d.room / 3);
    let count_width = width(t().reports.entered).max(most.to_string().len());
    let long = width(t().reports.converted);
    let on_width = if d.room >= name_width + count_width + long + 7 + 16 {
        long
    } else {
        width(t().report_screen.converted_short).max(4)
    };
    let on_heading = if on_width == long {
        t().reports.converted
    } else {
        t().report_screen.converted_short
    };
    let bar_width = d
        .room
        .saturating_sub(1 + name_width + 2 + 2 + count_width + 2 + on_width)
        .max(1);
    let mut lines = vec![Line::styled(
        format!(
            " {}  {}  {}  {}",
            pad(t().reports.stage, name_width, false),
            " ".repeat(bar_width),
            pad(t().reports.entered, count_width, true),
            pad(on_heading, on_width, true)
        ),
        theme::dim(),
    )];
    for stage in stages {
        // Centred, so the bars draw the funnel's shape; at least one block for any deal.
        let length = if stage.entered == 0 {
            0
        } else {
            ((stage.entered * bar_width).div_ceil(most)).clamp(1, bar_width)
        };
        let left = (bar_width - length) / 2;
        let bar = format!(
            "{}{}{}",
            " ".repeat(left),
            "█".repeat(length),
            " ".repeat(bar_width - length - left)
        );
        lines.push(Line::from(vec![
            Span::raw(format!(" {}  ", pad(&stage.name, name_width, false))),
            Span::styled(bar, theme::bar()),
            Span::raw(format!(
                "  {}  {}",
                pad(&stage.entered.to_string(), count_width, true),
                pad(&percent(stage.conversion), on_width, true)
            )),
        ]));
    }
    lines
}

/// A stage where deals were lost stands out; none is quiet.
fn lost_style(lost: usize) -> Style {
    if lost > 0 {
        theme::overdue()
    } else {
        theme::dim()
    }
}

fn stages(d: &Drawing) -> Vec<Line<'static>> {
    let stats = &d.view.stats;
    let before = d.view.before.as_ref();
    let slowest = stats.slowest_stage;
    // Where deals were lost in this period; comparing, the room goes to the before → after.
    let lost_column = before.is_none();
    let mut columns = vec![
        Column::name(t().reports.stage),
        Column::number(t().reports.entered, t().reports.entered),
        Column::number(t().reports.converted, t().report_screen.converted_short),
        Column::number(t().reports.median_days, t().report_screen.median_days_short),
    ];
    if lost_column {
        columns.push(Column::number(
            t().reports.lost_here,
            t().report_screen.lost_here_short,
        ));
    }
    columns.extend([
        Column::number(t().reports.rotting_now, t().report_screen.rotting_now_short),
        Column::number("", ""),
    ]);
    // The same stage in the period before, if comparing.
    let then = |id| before.and_then(|b| b.stages.iter().find(|s| &s.id == id));
    let column_of = |f: &dyn Fn(&crate::report::analytics::StageFlow) -> String| -> Vec<String> {
        match before {
            None => stats.stages.iter().map(f).collect(),
            Some(_) => {
                let pairs: Vec<(String, String)> = stats
                    .stages
                    .iter()
                    .map(|s| {
                        (
                            then(&s.id).map_or_else(|| t().reports.nothing.to_string(), f),
                            f(s),
                        )
                    })
                    .collect();
                before_after(&pairs, "→")
            }
        }
    };
    let entered = column_of(&|s| s.entered.to_string());
    let converted = column_of(&|s| percent(s.conversion));
    let median = column_of(&|s| days(s.time.median_days));
    let rows: Vec<Vec<Cell>> = stats
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let is_slowest = slowest == Some(i);
            let mark = if is_slowest {
                t().report_screen.slowest_mark
            } else {
                ""
            };
            let cold_style = if s.rotting_now > 0 {
                theme::rotting()
            } else {
                theme::dim()
            };
            let mut row = vec![
                cell(s.name.clone()),
                cell(entered[i].clone()),
                cell(converted[i].clone()),
                (
                    median[i].clone(),
                    if is_slowest {
                        theme::callout()
                    } else {
                        Style::new()
                    },
                ),
            ];
            if lost_column {
                row.push((s.lost.to_string(), lost_style(s.lost)));
            }
            row.extend([
                (s.rotting_now.to_string(), cold_style),
                (mark.to_string(), theme::callout()),
            ]);
            row
        })
        .collect();
    let mut lines = table(&columns, &rows, d.room);
    if let Some(stage) = slowest.and_then(|i| stats.stages.get(i)) {
        let median = days(stage.time.median_days);
        let say = |days: &str| {
            let sentence = fill(
                t().reports.slowest,
                &[("stage", &stage.name), ("days", &days)],
            );
            format!(" {} {sentence}", t().report_screen.slowest_mark)
        };
        // With the unit if it fits.
        let long = say(&fill(t().report_screen.in_days, &[("days", &median)]));
        let sentence = if width(&long) <= d.room {
            long
        } else {
            say(&median)
        };
        lines.push(Line::styled(truncate(&sentence, d.room), theme::callout()));
    }
    lines
}

fn forecast(d: &Drawing) -> Vec<Line<'static>> {
    let months = &d.view.stats.forecast;
    if months.is_empty() {
        return nothing(t().report_screen.forecast_empty, d.room);
    }
    // A bar per month and currency, each currency to its own scale: two currencies are never
    // added, and no month is measured in a currency it has little of. Largest currency first.
    let mut all = Totals::default();
    for m in months {
        for money in m.value.iter() {
            all.add(*money);
        }
    }
    let currencies: Vec<Currency> = all.largest_first().iter().map(|m| m.currency).collect();
    let key = if currencies.len() > 1 {
        t().report_screen.forecast_key_currencies
    } else {
        t().report_screen.forecast_key
    };
    let this_month = (d.today.year(), d.today.month());
    let labels: Vec<(String, bool)> = months
        .iter()
        .map(|m| match m.month {
            Some((year, month)) => {
                let name = NaiveDate::from_ymd_opt(year, month, 1)
                    .map(crate::text::month_year)
                    .unwrap_or_default();
                (name, (year, month) < this_month)
            }
            None => (t().reports.no_date.to_string(), false),
        })
        .collect();
    let counts: Vec<String> = months.iter().map(|m| deals(m.count)).collect();
    let label_width = labels.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let count_width = counts.iter().map(|c| width(c)).max().unwrap_or(0);
    // Mark, month, count; then the bar, then its sums.
    let fixed = 3 + label_width + 2 + count_width + 2;
    let rows: Vec<(usize, Currency, String)> = months
        .iter()
        .enumerate()
        .flat_map(|(i, m)| {
            let listed: Vec<Currency> = currencies
                .iter()
                .copied()
                .filter(|c| m.value.iter().any(|v| v.currency == *c))
                .collect();
            listed.into_iter().map(move |c| {
                let sum = |totals: &Totals| Money {
                    minor: totals.amount_in(c).max(0),
                    currency: c,
                };
                let text = fill(
                    t().report_screen.forecast_row,
                    &[
                        ("weighted", &crate::text::money_compact(&sum(&m.weighted))),
                        ("value", &crate::text::money_compact(&sum(&m.value))),
                    ],
                );
                (i, c, text)
            })
        })
        .collect();
    let text_width = rows
        .iter()
        .map(|(_, _, t)| width(t))
        .max()
        .unwrap_or(0)
        .min(d.room.saturating_sub(fixed + MIN_BAR + 2));
    let bar_width = d.room.saturating_sub(fixed + 2 + text_width).max(1);
    let most = |c: Currency| {
        months
            .iter()
            .map(|m| m.value.amount_in(c).max(0))
            .max()
            .unwrap_or(0)
    };
    let scaled = |value: Minor, most: Minor| {
        if most <= 0 || value <= 0 {
            return 0;
        }
        let cells = (value as f64 / most as f64 * bar_width as f64).round() as usize;
        cells.clamp(1, bar_width)
    };
    let mut lines = vec![Line::styled(
        truncate(&format!(" {key}"), d.room),
        theme::dim(),
    )];
    let mut previous = None;
    for (i, currency, text) in rows {
        let m = &months[i];
        let most = most(currency);
        let full = scaled(m.value.amount_in(currency).max(0), most);
        let weighted = scaled(m.weighted.amount_in(currency).max(0), most).min(full);
        // The month and its count on its first line only.
        let first = previous != Some(i);
        previous = Some(i);
        let (label, past) = &labels[i];
        let (mark, label, count) = match first {
            true if *past => (
                t().report_screen.overdue_mark,
                label.as_str(),
                counts[i].as_str(),
            ),
            true => (" ", label.as_str(), counts[i].as_str()),
            false => (" ", "", ""),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} "), theme::overdue()),
            Span::raw(format!("{}  ", pad(label, label_width, false))),
            Span::styled(format!("{}  ", pad(count, count_width, true)), theme::dim()),
            Span::styled("█".repeat(weighted), theme::bar()),
            Span::styled("░".repeat(full - weighted), theme::bar()),
            Span::raw(" ".repeat(bar_width - full + 2)),
            Span::raw(truncate(&text, text_width)),
        ]));
    }
    lines
}

/// The forecast's bars get at least this many cells.
const MIN_BAR: usize = 12;

fn lost_reasons(d: &Drawing) -> Vec<Line<'static>> {
    let reasons = &d.view.stats.lost_reasons;
    if reasons.is_empty() {
        return nothing(t().report_screen.lost_empty, d.room);
    }
    let columns = [
        Column::name(t().reports.reason),
        Column::number(t().reports.count, t().reports.count),
        Column::number(t().reports.value, t().reports.value),
    ];
    let money_room = (d.room / 3).max(8);
    let rows: Vec<Vec<Cell>> = reasons
        .iter()
        .map(|r| {
            let reason = if r.reason.is_empty() {
                t().reports.no_reason
            } else {
                &r.reason
            };
            vec![
                cell(reason),
                cell(r.count.to_string()),
                cell(converted(&r.value, d.view.stats.rates.as_ref(), money_room)),
            ]
        })
        .collect();
    table(&columns, &rows, d.room)
}

/// Lead sources or owners: new, won, lost, win rate, won value.
fn groups(
    groups: &[GroupOutcome],
    heading: &'static str,
    unnamed: &str,
    rates: Option<&crate::model::Rates>,
    room: usize,
) -> Vec<Line<'static>> {
    if groups.is_empty() {
        return nothing(t().report_screen.groups_empty, room);
    }
    let columns = [
        Column::name(heading),
        Column::number(t().reports.new_deals, t().report_screen.new_short),
        Column::number(t().reports.won, t().reports.won),
        Column::number(t().reports.lost, t().reports.lost),
        Column::number(t().reports.win_rate, t().report_screen.win_rate_short),
        Column::number(
            t().report_screen.won_value,
            t().report_screen.won_value_short,
        ),
    ];
    let money_room = (room / 4).max(8);
    let rows: Vec<Vec<Cell>> = groups
        .iter()
        .map(|g| {
            let name = if g.name.is_empty() { unnamed } else { &g.name };
            vec![
                cell(name),
                count_cell(g.new),
                count_cell(g.won),
                count_cell(g.lost),
                cell(percent(g.win_rate)),
                cell(converted(&g.won_value, rates, money_room)),
            ]
        })
        .collect();
    table(&columns, &rows, room)
}

/// A count, dim when it is nought so that the others stand out.
fn count_cell(count: usize) -> Cell {
    let style = if count == 0 {
        theme::dim()
    } else {
        Style::new()
    };
    (count.to_string(), style)
}

fn compliance(d: &Drawing) -> Vec<Line<'static>> {
    let columns = [
        Column::label(t().reports.stage, 18),
        Column::number(t().reports.moves_on, t().report_screen.moves_on_short),
        Column::text(t().reports.most_skipped),
        Column::number(
            t().report_screen.skipped_count,
            t().report_screen.skipped_count_short,
        ),
        Column::number(t().reports.jumped_over, t().report_screen.jumped_over_short),
        Column::number(t().reports.moved_back, t().report_screen.moved_back_short),
        Column::number(
            t().reports.no_next_action,
            t().report_screen.no_next_action_short,
        ),
    ];
    let rows: Vec<Vec<Cell>> = d
        .view
        .stats
        .compliance
        .iter()
        .map(|s| {
            // The count in a column of its own, so that a long item is cut, never its count.
            let (skipped, times) = match s.skipped.first() {
                Some((item, count)) if *count > 0 => (
                    (item.clone(), theme::callout()),
                    (count.to_string(), theme::callout()),
                ),
                _ => (
                    (t().reports.nothing.to_string(), theme::dim()),
                    count_cell(0),
                ),
            };
            vec![
                cell(s.name.clone()),
                count_cell(s.moves_on),
                skipped,
                times,
                count_cell(s.jumped_over),
                count_cell(s.moved_back),
                count_cell(s.no_next_action),
            ]
        })
        .collect();
    table(&columns, &rows, d.room)
}

fn owner_compliance(d: &Drawing) -> Vec<Line<'static>> {
    let owners = &d.view.stats.owner_compliance;
    if owners.is_empty() {
        return nothing(t().report_screen.moves_empty, d.room);
    }
    let columns = [
        Column::name(t().report_screen.owner_heading),
        Column::number(t().reports.moves_on, t().report_screen.moves_on_short),
        Column::number(
            t().report_screen.with_skips,
            t().report_screen.with_skips_short,
        ),
        Column::number(t().report_screen.jumps, t().report_screen.jumps_short),
        Column::number(t().reports.moved_back, t().report_screen.moved_back_short),
        Column::number(
            t().reports.no_next_action,
            t().report_screen.no_next_action_short,
        ),
    ];
    let rows: Vec<Vec<Cell>> = owners
        .iter()
        .map(|o| {
            let name = if o.owner.is_empty() {
                t().reports.no_owner
            } else {
                &o.owner
            };
            vec![
                cell(name),
                count_cell(o.moves_on),
                count_cell(o.moves_with_skips),
                count_cell(o.jumps),
                count_cell(o.moved_back),
                count_cell(o.no_next_action),
            ]
        })
        .collect();
    table(&columns, &rows, d.room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::analytics::{Period, Stats, questions};
    use crate::report::comparison::ChangeComparison;
    use crate::tui::app::{PeriodPreset, ReportChoice};
    use crate::tui::report_layout::{section_height, sections};

    /// The layout counts rows without drawing; the drawing must make exactly that many, or the
    /// scroll would stop short of the end or run past it.
    #[test]
    fn every_section_draws_the_rows_the_layout_counts() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap();
        let today = now.date_naive();
        let mut board = crate::store::default_board().unwrap();
        let empty = board.clone();
        crate::demo::fill(&mut board, 80, now.to_utc());
        for board in [&empty, &board] {
            for preset in PeriodPreset::ALL {
                for owner in [None, Some("anna")] {
                    let stats = |period: Period| Stats::of(board, period, owner, now);
                    let period = preset.period(today);
                    let change = ChangeComparison::of(board, 1, owner, now);
                    let mut view = ReportsView {
                        choice: ReportChoice {
                            preset,
                            owner: owner.map(str::to_string),
                            compare: true,
                            change: None,
                            pilot: false,
                        },
                        scroll: 0,
                        stats: stats(period),
                        before: preset.before(today).map(stats),
                        questions: Vec::new(),
                        change: None,
                        changes: board.process_log.len(),
                        pilot: None,
                        pilot_running: false,
                        counting: false,
                    };
                    view.questions = questions(board, &view.stats, &period.window(now), now);
                    let mut views = vec![view.clone()];
                    if change.is_some() {
                        view.choice.change = Some(1);
                        view.change = change;
                        views.push(view);
                    }
                    for (view, room) in views
                        .iter()
                        .flat_map(|v| [0, 12, 40, 56, 76, 120].map(|room| (v, room)))
                    {
                        let d = Drawing { view, today, room };
                        let cells = u16::try_from(room).unwrap();
                        for section in sections(view) {
                            let lines = section_lines(section, &d);
                            assert_eq!(
                                lines.len(),
                                usize::from(section_height(section, view, cells)),
                                "{section:?} of {preset:?} for {owner:?} in {room} cells"
                            );
                            // Narrower than a column ever is, the screen just clips.
                            for line in lines.iter().filter(|_| room >= 40) {
                                assert!(line.width() <= room, "{line:?} in {room}");
                            }
                        }
                    }
                }
            }
        }
    }
}
