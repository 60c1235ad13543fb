//! The review's header: the open pipeline, the weighted pipeline, and what was won and lost
//! since the review's moment, for whose turn it is. On a large screen in big letters (with
//! rates the converted total, else the currency most deals are in, the others under it); on
//! a small one, two lines of text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::big_text::{BigText, can_draw};
use super::look::{big_letters, label, late, money_style, news};
use super::state::Review;
use crate::display_width::truncate;
use crate::model::{Currency, Rates, Totals};
use crate::report::converted_if_mixed;
use crate::text::rates::{approx, approx_amount, beside, in_rates_of};
use crate::text::reports::money_compact;
use crate::text::t;

/// Big digits where there is room for them (a projector), two lines of text where there is not.
pub fn header_height(area: Rect) -> u16 {
    match (area.width, area.height) {
        (w, h) if w >= 160 && h >= 50 => 11,
        (w, h) if w >= 100 && h >= 30 => 6,
        _ => 2,
    }
}

/// One figure of the header.
struct Figure {
    name: &'static str,
    /// Drawn in big letters.
    big: String,
    /// Under the big letters: the currency and the other currencies, or the value of a count.
    under: String,
    /// All of it in a line, for small screens.
    line: String,
    /// The line with only the largest currency and how many more, when the line does not fit.
    short: String,
    style: Style,
}

/// `1,5 млн ₽ +2`: the amount of the currency most deals are in and how many more there are.
fn largest_and_more(totals: &Totals, home: Currency) -> String {
    let all = totals.most_counted_first(home);
    let Some(first) = all.first() else {
        return t().reports.nothing.to_string();
    };
    let first = crate::text::money_compact(first);
    match all.len() - 1 {
        0 => first,
        more => format!(
            "{first} {}",
            crate::text::fill(t().board.more_currencies, &[("count", &more)])
        ),
    }
}

impl Figure {
    fn money(name: &'static str, totals: &Totals, home: Currency, rates: Option<&Rates>) -> Figure {
        let (big, under) = big_money(totals, home, rates);
        let converted = converted_if_mixed(totals, rates);
        let line = beside(money_compact(totals), converted.as_ref());
        let short = converted
            .as_ref()
            .map_or_else(|| largest_and_more(totals, home), approx);
        Figure {
            name,
            big,
            under,
            line,
            short,
            style: money_style(),
        }
    }

    fn closed(
        name: &'static str,
        count: usize,
        (value, home, rates): (&Totals, Currency, Option<&Rates>),
        style: Style,
    ) -> Figure {
        let converted = converted_if_mixed(value, rates);
        let under = match count {
            0 => String::new(),
            _ => beside(money_compact(value), converted.as_ref()),
        };
        let line = if count == 0 {
            "0".to_string()
        } else {
            format!("{count} · {under}")
        };
        let short = match (count, &converted) {
            (0, _) => "0".to_string(),
            (_, Some(converted)) => format!("{count} · {}", approx(converted)),
            (_, None) => format!("{count} · {}", largest_and_more(value, home)),
        };
        Figure {
            name,
            big: count.to_string(),
            under,
            line,
            short,
            style,
        }
    }
}

/// The big figure, always with its currency sign, and what goes under it. With rates, the
/// converted total (`≈ $2.9M`), and under it what it is in and the amounts it was made of;
/// else the amount of the currency most deals are in (`29 млн ₽`), and the others under it.
fn big_money(totals: &Totals, home: Currency, rates: Option<&Rates>) -> (String, String) {
    if let (Some(rates), Some(converted)) = (rates, converted_if_mixed(totals, rates)) {
        let under = in_rates_of(&converted, rates, &money_compact(totals));
        // What it leaves out is said under it: the big letters keep to the figure.
        return (approx_amount(&converted), under);
    }
    let all = totals.most_counted_first(home);
    let Some(first) = all.first() else {
        return ("0".to_string(), String::new());
    };
    let others: Vec<String> = all[1..].iter().map(crate::text::money_compact).collect();
    (crate::text::money_compact(first), others.join(" + "))
}

pub fn totals(review: &Review, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let stats = review.totals();
    let home = review.board().currency;
    let rates = review.board().rates.as_ref();
    let figures = [
        Figure::money(r.open, &stats.open_value, home, rates),
        Figure::money(r.weighted, &stats.weighted_value, home, rates),
        Figure::closed(
            r.won_since,
            stats.won_count,
            (&stats.won_value, home, rates),
            news(),
        ),
        Figure::closed(
            r.lost_since,
            stats.lost_count,
            (&stats.lost_value, home, rates),
            late(),
        ),
    ];
    if area.height <= 2 {
        // Money on the first line, what closed on the second: each fits 80 columns.
        let lines: Vec<Line> = figures
            .chunks(2)
            .map(|pair| {
                let line = |shown: fn(&Figure) -> &String| {
                    let spans: Vec<Span> = pair
                        .iter()
                        .flat_map(|f| {
                            [
                                Span::styled(format!(" {}: ", f.name), label()),
                                Span::styled(format!("{}  ", shown(f)), f.style),
                            ]
                        })
                        .collect();
                    Line::from(spans)
                };
                let whole = line(|f| &f.line);
                if whole.width() <= usize::from(area.width) {
                    whole
                } else {
                    line(|f| &f.short)
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let boxes = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(area);
    // One size of letters for all four, the largest the longest figure allows.
    let longest = figures
        .iter()
        .map(|f| f.big.chars().count())
        .max()
        .unwrap_or(1);
    let cell = boxes[0];
    let (room, rows) = (cell.width.saturating_sub(1), cell.height.saturating_sub(2));
    let size = big_letters(longest, room, rows);
    // A figure too long even for the smallest letters is shown in plain ones, whole.
    let (letter_width, letter_rows) = size.letter();
    let big_fits = longest * usize::from(letter_width) <= usize::from(room)
        && letter_rows <= rows
        && figures.iter().all(|f| can_draw(&f.big));
    for (figure, cell) in figures.iter().zip(boxes.iter()) {
        let [caption, digits, under] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(*cell);
        let room = usize::from(cell.width.saturating_sub(1));
        frame.render_widget(
            Line::styled(format!(" {}", truncate(figure.name, room)), label()),
            caption,
        );
        let digits = Rect {
            x: digits.x + 1,
            width: digits.width.saturating_sub(1),
            ..digits
        };
        if big_fits {
            let big = BigText {
                lines: vec![figure.big.clone()],
                size,
                style: figure.style,
            };
            frame.render_widget(big, digits);
        } else {
            let style = figure.style.add_modifier(ratatui::style::Modifier::BOLD);
            frame.render_widget(Line::styled(truncate(&figure.big, room), style), digits);
        }
        frame.render_widget(
            Line::styled(format!(" {}", truncate(&figure.under, room)), figure.style),
            under,
        );
    }
}
