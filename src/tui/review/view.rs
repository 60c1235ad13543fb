//! The review as it is presented: big totals at the top, whose turn it is and what changed,
//! then the stages as columns of large, sparse cards, in a high-contrast look meant to be read
//! from across a room. A change or a deal in focus opens over the board in a large panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::BigText;

use super::columns::{Window, columns};
use super::look::{big_letters, label, late, money_style, news, strong, today};
use super::panel::{centered, help, panel};
use super::state::Review;
use crate::display_width::truncate;
use crate::model::{Money, Totals};
use crate::text::reports::money_compact;
use crate::text::{fill, t};

pub fn render(review: &Review, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::new().style(Style::new().bg(Color::Black)), area);
    let warnings: Vec<String> = review
        .sources()
        .iter()
        .filter_map(|s| {
            s.warning.as_ref().map(|e| {
                fill(
                    t().review.unreadable,
                    &[("file", &s.path.display()), ("error", e)],
                )
            })
        })
        .collect();
    let header = header_height(area);
    let [top, turn, warn, board, status] = Layout::vertical([
        Constraint::Length(header),
        Constraint::Length(2),
        Constraint::Length(warnings.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    totals(review, frame, top);
    let window = Window::of(review, area.width);
    turn_line(review, &window, frame, turn);
    let lines: Vec<Line> = warnings
        .into_iter()
        .map(|w| Line::styled(truncate(&format!(" {w}"), usize::from(area.width)), late()))
        .collect();
    frame.render_widget(Paragraph::new(lines), warn);
    columns(review, &window, frame, board);
    status_line(review, frame, status);
    if let Some(deal) = review.focused() {
        panel(review, deal, None, frame, area);
    } else if let Some(change) = review.change()
        && let Some(deal) = review.board().deal(change.deal)
    {
        let inner = centered(area, 90, 85);
        panel(review, deal, Some(&change.kind), frame, inner);
    }
    if review.showing_help() {
        help(frame, area);
    }
}

/// Big digits where there is room for them (a projector), one line where there is not.
fn header_height(area: Rect) -> u16 {
    match (area.width, area.height) {
        (w, h) if w >= 160 && h >= 50 => 10,
        (w, h) if w >= 100 && h >= 30 => 6,
        _ => 2,
    }
}

/// The figure shown big: the largest currency, compact, in letters the big font has.
fn big_money(totals: &Totals) -> String {
    totals
        .largest_first()
        .first()
        .map_or_else(|| "-".to_string(), ascii_compact)
}

/// A compact amount in the letters the big font has: `38.3k EUR` for `€38.3k`.
pub(super) fn ascii_compact(money: &Money) -> String {
    let compact = money.compact();
    if compact.is_ascii() {
        return compact;
    }
    let number: String = compact.chars().filter(char::is_ascii).collect();
    format!("{} {}", number.trim(), money.currency.code())
}

fn totals(review: &Review, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let stats = review.totals();
    let closed = |count: usize, value: &Totals| match count {
        0 => "0".to_string(),
        _ => format!("{count} · {}", money_compact(value)),
    };
    let figures = [
        (
            r.open,
            big_money(&stats.open_value),
            money_compact(&stats.open_value),
            money_style(),
        ),
        (
            r.weighted,
            big_money(&stats.weighted_value),
            money_compact(&stats.weighted_value),
            money_style(),
        ),
        (
            r.won_since,
            stats.won_count.to_string(),
            closed(stats.won_count, &stats.won_value),
            news(),
        ),
        (
            r.lost_since,
            stats.lost_count.to_string(),
            closed(stats.lost_count, &stats.lost_value),
            late(),
        ),
    ];
    if area.height <= 2 {
        // Money on the first line, what closed on the second: each fits 80 columns.
        let lines: Vec<Line> = figures
            .chunks(2)
            .map(|pair| {
                let spans: Vec<Span> = pair
                    .iter()
                    .flat_map(|(name, _, all, style)| {
                        [
                            Span::styled(format!(" {name}: "), label()),
                            Span::styled(format!("{all}  "), *style),
                        ]
                    })
                    .collect();
                Line::from(spans)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let boxes = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(area);
    for ((name, big, all, style), cell) in figures.iter().zip(boxes.iter()) {
        let [caption, digits] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(*cell);
        let caption_text = format!(" {name}: {all}");
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(&caption_text, usize::from(caption.width)),
                label(),
            )),
            caption,
        );
        let digits = Rect {
            x: digits.x + 1,
            width: digits.width.saturating_sub(1),
            ..digits
        };
        let size = big_letters(big.chars().count(), digits.width, digits.height);
        let big = BigText::builder()
            .pixel_size(size)
            .style(*style)
            .lines(vec![Line::from(big.clone())])
            .build();
        frame.render_widget(big, digits);
    }
}

fn turn_line(review: &Review, window: &Window, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let who = match review.owner() {
        Some(owner) => fill(r.turn_of, &[("owner", &owner)]),
        None => r.everyone.to_string(),
    };
    let boards = t().count(&r.boards, review.sources().len());
    let since = review
        .since
        .with_timezone(review.now().offset())
        .format(r.since_format)
        .to_string();
    let changes = fill(
        (r.changes_since.0)[usize::from(review.changes().len() != 1)],
        &[("count", &review.changes().len()), ("since", &since)],
    );
    let mut spans = vec![
        Span::styled(
            format!(" ◆ {who} "),
            strong().add_modifier(Modifier::REVERSED),
        ),
        Span::styled(format!("  {boards} · "), label()),
        Span::styled(changes, news()),
    ];
    if review.attention_only() {
        spans.push(Span::styled(format!("  · {}", r.attention_only), today()));
    }
    let note = Line::styled(format!("{} ", window.note()), label()).right_aligned();
    frame.render_widget(Paragraph::new(vec![Line::from(spans), note]), area);
}

fn status_line(review: &Review, frame: &mut Frame, area: Rect) {
    let r = &t().review;
    let line = match review.flash() {
        Some(flash) => Line::styled(format!(" {flash}"), today()),
        None => {
            let hints = if review.change().is_some() || review.focused().is_some() {
                r.panel_hints
            } else {
                r.hints
            };
            Line::styled(format!(" {}", hints.join("   ")), label())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
