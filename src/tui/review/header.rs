//! The review's header: the open pipeline, the weighted pipeline, and what was won and lost
//! since the review's moment, for whose turn it is. On a large screen in big letters, the
//! largest currency big and the others under it; on a small one, two lines of text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::BigText;

use super::look::{big_and_rest, big_letters, label, late, money_style, news};
use super::state::Review;
use crate::display_width::truncate;
use crate::model::{Currency, Totals};
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

/// `1,5 млн ₽ +2`: the home currency's amount (or the largest) and how many more there are.
fn largest_and_more(totals: &Totals, home: Currency) -> String {
    let all = totals.home_first(home);
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
    fn money(name: &'static str, totals: &Totals, home: Currency) -> Figure {
        let (big, under) = big_money(totals, home);
        Figure {
            name,
            big,
            under,
            line: money_compact(totals),
            short: largest_and_more(totals, home),
            style: money_style(),
        }
    }

    fn closed(
        name: &'static str,
        count: usize,
        (value, home): (&Totals, Currency),
        style: Style,
    ) -> Figure {
        let under = if count == 0 {
            String::new()
        } else {
            money_compact(value)
        };
        let line = if count == 0 {
            "0".to_string()
        } else {
            format!("{count} · {under}")
        };
        let short = if count == 0 {
            "0".to_string()
        } else {
            format!("{count} · {}", largest_and_more(value, home))
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

/// The board's own currency's amount (or the largest), compact, in letters the big font has
/// (`$470k`; `25.2M` when the symbol is not ASCII; `29` of `29 млн ₽`), and under it what the
/// big letters leave out: `RUB + $470k + €239k`, `млн ₽ + 470 тыс. $`.
fn big_money(totals: &Totals, home: Currency) -> (String, String) {
    let all = totals.home_first(home);
    let Some(first) = all.first() else {
        return ("0".to_string(), String::new());
    };
    let others: Vec<String> = all[1..].iter().map(crate::text::money_compact).collect();
    let (big, unit) = big_and_rest(first);
    let mut under: Vec<String> = Some(unit).filter(|u| !u.is_empty()).into_iter().collect();
    under.extend(others);
    (big, under.join(" + "))
}

pub fn totals(review: &Review, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let stats = review.totals();
    let home = review.board().currency;
    let figures = [
        Figure::money(r.open, &stats.open_value, home),
        Figure::money(r.weighted, &stats.weighted_value, home),
        Figure::closed(
            r.won_since,
            stats.won_count,
            (&stats.won_value, home),
            news(),
        ),
        Figure::closed(
            r.lost_since,
            stats.lost_count,
            (&stats.lost_value, home),
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
    let size = big_letters(
        longest,
        cell.width.saturating_sub(1),
        cell.height.saturating_sub(2),
    );
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
        let big = BigText::builder()
            .pixel_size(size)
            .style(figure.style)
            .lines(vec![Line::from(figure.big.clone())])
            .build();
        frame.render_widget(big, digits);
        frame.render_widget(
            Line::styled(format!(" {}", truncate(&figure.under, room)), figure.style),
            under,
        );
    }
}
