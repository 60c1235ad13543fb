//! The process report's key figures: open, weighted, won, lost, win rate, average won deal,
//! sales cycle and velocity; when comparing, before → now with an arrow for which way each went.

use std::cmp::Ordering;

use ratatui::text::{Line, Span};

use super::report_sections::{Drawing, converted, converted_as, deals, money};
use super::report_table::before_after;
use super::theme;
use crate::display_width::{pad, truncate, width};
use crate::model::Totals;
use crate::report::analytics::Stats;
use crate::text::fill;
use crate::text::reports::{days, percent, percent_by_currency};
use crate::text::t;
use crate::tui::report_layout::KEY_FIGURES;

/// A key figure as something to compare: a number, or sums in several currencies.
enum Measure<'a> {
    /// `None` when there is none (nothing closed, nothing won).
    Number(Option<f64>),
    /// Sums: none is nought.
    Money(&'a Totals),
    /// An average: none is no figure at all.
    Average(&'a Totals),
}

impl Measure<'_> {
    /// Which way the figure went since the period before; `None` when that cannot be said
    /// (no figure on one side, or sums that rose in one currency and fell in another).
    fn since(&self, before: &Measure) -> Option<Ordering> {
        match (self, before) {
            (Measure::Number(now), Measure::Number(then)) => (*now)?.partial_cmp(&(*then)?),
            (Measure::Money(now), Measure::Money(then)) if now.is_empty() && then.is_empty() => {
                None
            }
            // A currency missing from a sum is nought of it.
            (Measure::Money(now), Measure::Money(then)) => {
                let currencies = now.iter().chain(then.iter()).map(|m| m.currency);
                one_way(currencies.map(|c| now.amount_in(c).cmp(&then.amount_in(c))))
            }
            // An average has no figure in a currency nothing was won in.
            (Measure::Average(now), Measure::Average(then)) => {
                let shared = now
                    .iter()
                    .map(|m| m.currency)
                    .filter(|c| then.iter().any(|m| m.currency == *c));
                one_way(shared.map(|c| now.amount_in(c).cmp(&then.amount_in(c))))
            }
            _ => None,
        }
    }
}

/// Up if every currency went up or stayed, down if every one went down or stayed, the same if
/// none moved; `None` when they went different ways (or there were none).
fn one_way(changes: impl Iterator<Item = Ordering>) -> Option<Ordering> {
    let mut way: Option<Ordering> = None;
    for change in changes {
        way = match (way, change) {
            (None, change) => Some(change),
            (Some(Ordering::Equal), change) => Some(change),
            (Some(way), Ordering::Equal) => Some(way),
            (Some(way), change) if way == change => Some(way),
            _ => return None,
        };
    }
    way
}

/// One key figure: its label, its words in `room` cells, and what says which way it went.
struct Figure {
    label: &'static str,
    words: fn(&Stats, usize) -> String,
    measure: for<'a> fn(&'a Stats) -> Measure<'a>,
    higher_is_better: bool,
}

fn count(n: usize) -> Measure<'static> {
    Measure::Number(Some(n as f64))
}

fn figures() -> [Figure; KEY_FIGURES] {
    [
        Figure {
            label: t().reports.open,
            words: |s, room| {
                count_and_value(s, s.headline.open_count, &s.headline.open_value, room)
            },
            measure: |s| count(s.headline.open_count),
            higher_is_better: true,
        },
        Figure {
            label: t().reports.weighted,
            words: |s, room| converted(&s.headline.weighted_value, s.rates.as_ref(), room),
            measure: |s| Measure::Money(&s.headline.weighted_value),
            higher_is_better: true,
        },
        Figure {
            label: t().reports.won,
            words: |s, room| count_and_value(s, s.headline.won_count, &s.headline.won_value, room),
            measure: |s| count(s.headline.won_count),
            higher_is_better: true,
        },
        Figure {
            label: t().reports.lost,
            words: |s, room| {
                count_and_value(s, s.headline.lost_count, &s.headline.lost_value, room)
            },
            measure: |s| count(s.headline.lost_count),
            higher_is_better: false,
        },
        Figure {
            label: t().reports.win_rate,
            words: |s, _| percent(s.win_rate),
            measure: |s| Measure::Number(s.win_rate),
            higher_is_better: true,
        },
        Figure {
            label: t().reports.win_rate_by_value,
            words: |s, room| truncate(&percent_by_currency(&s.win_rate_by_value), room),
            // Per currency, each its own way: no one arrow says which way it went.
            measure: |_| Measure::Number(None),
            higher_is_better: true,
        },
        Figure {
            label: t().report_screen.average_won,
            words: |s, room| {
                let average = s.converted_average_won();
                let mixed = crate::report::converted_if_mixed(&s.average_won, s.rates.as_ref());
                converted_as(&s.average_won, mixed.and(average), room)
            },
            measure: |s| Measure::Average(&s.average_won),
            higher_is_better: true,
        },
        Figure {
            label: t().reports.cycle,
            words: cycle_words,
            measure: |s| Measure::Number(s.cycle.median_days),
            higher_is_better: false,
        },
        Figure {
            label: t().reports.velocity,
            words: |s, room| {
                if s.velocity.is_empty() {
                    return t().reports.nothing.to_string();
                }
                // `$120k + €40k a month ≈ $163k`: the converted figure after the words.
                let rates = s.rates.as_ref();
                let approx = crate::report::converted_if_mixed(&s.velocity, rates)
                    .map(|c| format!(" {}", crate::text::rates::approx(&c)))
                    .unwrap_or_default();
                let words = width(&fill(t().reports.per_month, &[("value", &"")])) + width(&approx);
                let value = money(&s.velocity, room.saturating_sub(words));
                fill(t().reports.per_month, &[("value", &value)]) + &approx
            },
            measure: |s| Measure::Money(&s.velocity),
            higher_is_better: true,
        },
    ]
}

/// `31 days median · 34 mean`, or just `31 days` where that does not fit.
fn cycle_words(s: &Stats, room: usize) -> String {
    let Some(median) = s.cycle.median_days else {
        return t().reports.nothing.to_string();
    };
    let full = fill(
        t().report_screen.cycle_days,
        &[
            ("median", &days(Some(median))),
            ("mean", &days(s.cycle.mean_days)),
        ],
    );
    if width(&full) <= room {
        full
    } else {
        fill(t().report_screen.in_days, &[("days", &days(Some(median)))])
    }
}

/// `12 deals · $240k + €60k`, the money fitted to what the count leaves.
fn count_and_value(s: &Stats, count: usize, value: &Totals, room: usize) -> String {
    let count = deals(count);
    if value.is_empty() {
        return count;
    }
    let words = width(&fill(
        t().report_screen.count_and_value,
        &[("count", &count), ("value", &"")],
    ));
    let value = converted(value, s.rates.as_ref(), room.saturating_sub(words));
    fill(
        t().report_screen.count_and_value,
        &[("count", &count), ("value", &value)],
    )
}

/// The arrow saying which way a figure went, coloured by whether that is good; nothing when
/// that cannot be said.
fn trend(change: Option<Ordering>, higher_is_better: bool) -> Span<'static> {
    let better = |up: bool| {
        if up == higher_is_better {
            theme::better()
        } else {
            theme::worse()
        }
    };
    match change {
        Some(Ordering::Greater) => Span::styled(t().report_screen.up, better(true)),
        Some(Ordering::Less) => Span::styled(t().report_screen.down, better(false)),
        Some(Ordering::Equal) => Span::styled(t().report_screen.same, theme::dim()),
        None => Span::raw(" "),
    }
}

pub fn key_figures(d: &Drawing) -> Vec<Line<'static>> {
    let stats = &d.view.stats;
    let figures = figures();
    let label_width = figures.iter().map(|f| width(f.label)).max().unwrap_or(0);
    let Some(before) = &d.view.before else {
        let room = d.room.saturating_sub(label_width + 3);
        return figures
            .iter()
            .map(|f| {
                Line::from(vec![
                    Span::styled(
                        format!(" {}  ", pad(f.label, label_width, false)),
                        theme::dim(),
                    ),
                    Span::raw(truncate(&(f.words)(stats, room), room)),
                ])
            })
            .collect();
    };
    // Label, before → now, and the arrow of the change.
    let side = d.room.saturating_sub(label_width + 3 + 3 + 2) / 2;
    let pairs: Vec<(String, String)> = figures
        .iter()
        .map(|f| {
            (
                truncate(&(f.words)(before, side), side),
                truncate(&(f.words)(stats, side), side),
            )
        })
        .collect();
    let before_width = pairs.iter().map(|(b, _)| width(b)).max().unwrap_or(0);
    let after_width = pairs.iter().map(|(_, a)| width(a)).max().unwrap_or(0);
    let header = format!(
        " {}  {}   {} ",
        pad("", label_width, false),
        pad(t().report_screen.before, before_width, true),
        pad(t().report_screen.after, after_width, true)
    );
    let mut lines = vec![Line::styled(header, theme::dim())];
    let cells = before_after(&pairs, "→");
    for (f, cells) in figures.iter().zip(cells) {
        let change = (f.measure)(stats).since(&(f.measure)(before));
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {}  ", pad(f.label, label_width, false)),
                theme::dim(),
            ),
            Span::raw(cells),
            Span::raw(" "),
            trend(change, f.higher_is_better),
        ]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_in_several_currencies_go_one_way_or_none() {
        use Ordering::*;
        assert_eq!(
            one_way([Greater, Equal, Greater].into_iter()),
            Some(Greater)
        );
        assert_eq!(one_way([Equal, Less].into_iter()), Some(Less));
        assert_eq!(one_way([Equal, Equal].into_iter()), Some(Equal));
        assert_eq!(one_way([Greater, Less].into_iter()), None);
        assert_eq!(one_way(std::iter::empty()), None);
    }
}
