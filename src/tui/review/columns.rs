//! The review's board: the stages as columns of large, sparse cards (title, value and owner,
//! and what is late or next), each marked with its news since the review's moment. When not
//! every stage fits, the empty ones give way and the rest scroll with the cursor.

use chrono::{DateTime, Datelike, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::big_text::{BigText, PixelSize, can_draw};
use super::look::{label, late, money_style, news, selected, strong, text, today};
use super::state::Review;
use crate::display_width::{pad, truncate, width};
use crate::model::{Board, Deal, Money, Status, Totals};
use crate::report::{ChangeKind, Due, due_state, rotting_days};
use crate::text::reports::money_compact;
use crate::text::{fill, t};

/// Columns narrower than this make presentation cards hard to read from afar.
const COLUMN_WIDTH: u16 = 26;

/// Which stages get a column on a screen `width` wide.
pub struct Window {
    /// The stages shown, left to right (indexes into the board's stages).
    pub stages: Vec<usize>,
    /// Stages with deals out of sight to the left and to the right.
    pub left: usize,
    pub right: usize,
    /// Stages with nothing to show, left out for room.
    pub empty_hidden: usize,
}

impl Window {
    /// Every stage when all fit; otherwise only those with deals shown, as many as fit, with
    /// the cursor's among them.
    pub fn of(review: &Review, width: u16) -> Window {
        let shown = review.columns();
        let fit = usize::from((width / COLUMN_WIDTH).max(1));
        let all: Vec<usize> = (0..shown.len()).collect();
        let candidates: Vec<usize> = if all.len() <= fit {
            all
        } else {
            all.into_iter().filter(|i| !shown[*i].is_empty()).collect()
        };
        let empty_hidden = shown.len() - candidates.len();
        if candidates.is_empty() {
            // Nothing to show anywhere (a new board, or nothing needs attention).
            return Window {
                stages: Vec::new(),
                left: 0,
                right: 0,
                empty_hidden,
            };
        }
        let (cursor, _) = review.cursor();
        let at = candidates.iter().position(|i| *i == cursor).unwrap_or(0);
        let count = fit.min(candidates.len());
        let first = (at + 1).saturating_sub(count);
        Window {
            left: first,
            right: candidates.len() - first - count,
            stages: candidates[first..first + count].to_vec(),
            empty_hidden,
        }
    }

    /// "◀ 2 more · 3 more ▶ · 4 empty stages hidden", or nothing when all is in sight.
    pub fn note(&self) -> String {
        let r = &t().review;
        let mut parts = Vec::new();
        if self.left > 0 {
            parts.push(fill(r.more_left, &[("count", &self.left)]));
        }
        if self.right > 0 {
            parts.push(fill(r.more_right, &[("count", &self.right)]));
        }
        if self.empty_hidden > 0 {
            parts.push(t().count(&r.empty_hidden, self.empty_hidden));
        }
        parts.join(" · ")
    }
}

pub fn columns(review: &Review, window: &Window, frame: &mut Frame, area: Rect) {
    let board = review.board();
    let shown = review.columns();
    if shown.is_empty() || window.stages.is_empty() || area.width == 0 {
        let none = if review.sources().iter().all(|s| s.board.is_none()) {
            t().review.no_boards.to_string()
        } else if review.attention_only() {
            let key = crate::tui::keymap::key_for(
                crate::tui::keymap::Context::Review,
                crate::tui::action::Action::ToggleAttention,
            );
            fill(t().review.nothing_needs_attention, &[("key", &key)])
        } else {
            t().review.nothing_here.to_string()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {none}"), label())),
            area,
        );
        return;
    }
    let (cursor_column, cursor_row) = review.cursor();
    let fit = window.stages.len().max(1);
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, fit as u32); fit]).split(area);
    let now = review.now();
    for (slot, &index) in window.stages.iter().enumerate() {
        let (Some(stage), Some(ids)) = (board.stages.get(index), shown.get(index)) else {
            continue;
        };
        let focused = index == cursor_column;
        let empty = Totals::default();
        let value = review.column_value(index).unwrap_or(&empty);
        // The count stays whole; a long stage name gives way.
        let count = format!(" · {} ", ids.len());
        let name_room =
            usize::from(areas[slot].width.saturating_sub(3)).saturating_sub(width(&count));
        let title = format!(" {}{count}", truncate(&stage.name, name_room));
        let inner = Block::bordered().inner(areas[slot]);
        let size = CardSize::for_column(inner);
        let height = size.height();
        let fits = usize::from((inner.height / height).max(1));
        let row = if focused { cursor_row } else { 0 };
        let skip = (row + 1).saturating_sub(fits);
        let below = ids.len().saturating_sub(skip + fits);
        let b = &t().board;
        let block = Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(if focused { strong() } else { label() })
            .title(Line::styled(
                truncate(&title, usize::from(areas[slot].width.saturating_sub(2))),
                strong(),
            ))
            .title_bottom(Line::styled(
                format!(" {} ", money_compact(value)),
                money_style(),
            ));
        // Cards out of sight are counted, as on the board.
        let mut hidden = Vec::new();
        if skip > 0 {
            hidden.push(fill(b.more_above_short, &[("count", &skip)]));
        }
        if below > 0 {
            hidden.push(fill(b.more_below, &[("count", &below)]));
        }
        frame.render_widget(block, areas[slot]);
        if !hidden.is_empty() {
            // On the last row, which is a card's blank line or spare.
            let last = Rect {
                y: inner.bottom().saturating_sub(1),
                height: inner.height.min(1),
                ..inner
            };
            let hidden = format!("{} ", hidden.join(" "));
            frame.render_widget(Line::styled(hidden, label()).right_aligned(), last);
        }
        for (n, id) in ids.iter().skip(skip).take(fits).enumerate() {
            let Some(deal) = board.deal(*id) else {
                continue;
            };
            let y = inner.y + n as u16 * height;
            let area = Rect {
                y,
                height: (height - 1).min(inner.bottom().saturating_sub(y)),
                ..inner
            };
            let look = Card {
                deal,
                board,
                now,
                mark: change_mark(review, deal),
                chosen: focused && skip + n == cursor_row,
            };
            look.render(size, frame, area);
        }
    }
}

/// Presentation cards: the value in big letters when a column is wide and tall enough.
#[derive(Clone, Copy, PartialEq)]
enum CardSize {
    Normal,
    Large,
}

impl CardSize {
    /// Large when a column is tall enough for three of them: a projector, not a laptop.
    fn for_column(inner: Rect) -> CardSize {
        if inner.width >= 24 && inner.height >= 3 * CardSize::Large.height() {
            CardSize::Large
        } else {
            CardSize::Normal
        }
    }

    /// Rows a card takes, the blank line after it included.
    fn height(self) -> u16 {
        match self {
            CardSize::Normal => 4,
            CardSize::Large => 9,
        }
    }
}

/// The mark of the latest change to a deal since the review's moment, if any.
fn change_mark(review: &Review, deal: &Deal) -> &'static str {
    let r = &t().review;
    let latest = review.changes().iter().rev().find(|c| c.deal == deal.id);
    match latest.map(|c| &c.kind) {
        Some(ChangeKind::Created) => r.mark_created,
        Some(ChangeKind::MovedForward { .. }) => r.mark_forward,
        Some(ChangeKind::MovedBack { .. }) => r.mark_back,
        Some(ChangeKind::Won) => r.mark_won,
        Some(ChangeKind::Lost { .. }) => r.mark_lost,
        Some(ChangeKind::ClosePushed { .. }) => r.mark_pushed,
        None => "",
    }
}

/// One deal as the room sees it: title, value and owner, and what is late or next.
struct Card<'a> {
    deal: &'a Deal,
    board: &'a Board,
    now: DateTime<FixedOffset>,
    mark: &'static str,
    chosen: bool,
}

impl Card<'_> {
    fn render(&self, size: CardSize, frame: &mut Frame, area: Rect) {
        let room = usize::from(area.width).saturating_sub(2);
        let value = crate::text::money(&self.deal.value);
        let (alert, next, alert_style) = self.state();
        let indented = |text: &str, style: Style| {
            Line::from(vec![
                Span::raw(" "),
                Span::styled(truncate(text, room), style),
            ])
        };
        if size == CardSize::Normal {
            let owner = truncate(&self.deal.owner, room.saturating_sub(width(&value) + 3));
            let state: Vec<String> = std::iter::once(alert).chain(next).collect();
            let lines = vec![
                self.title(room),
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(value, money_style()),
                    Span::styled(format!(" · {owner}"), label()),
                ]),
                indented(&state.join(" · "), alert_style),
            ];
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        let [title, big, owner, alert_line, next_line] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(4),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(self.title(room), title);
        let big = Rect {
            x: big.x + 1,
            width: big.width.saturating_sub(1),
            ..big
        };
        let amount = big_amount(&self.deal.value, big.width);
        // Quadrant letters on every card, so that all values read alike.
        let letters = PixelSize::Quadrant;
        // The exact amount in small letters when the big one is rounded.
        let owner_text = if amount == value {
            self.deal.owner.clone()
        } else {
            format!("{value} · {}", self.deal.owner)
        };
        frame.render_widget(
            BigText {
                lines: vec![amount],
                size: letters,
                style: money_style(),
            },
            big,
        );
        frame.render_widget(indented(&owner_text, strong()), owner);
        frame.render_widget(indented(&alert, alert_style), alert_line);
        frame.render_widget(indented(&next.unwrap_or_default(), text()), next_line);
    }

    fn title(&self, room: usize) -> Line<'static> {
        let pointer = if self.chosen { "▌" } else { " " };
        let mark = if self.mark.is_empty() {
            String::new()
        } else {
            format!("{} ", self.mark)
        };
        let title = truncate(&format!("{mark}{}", self.deal.title), room);
        let style = if self.chosen { selected() } else { strong() };
        Line::from(vec![
            Span::styled(pointer, news()),
            Span::styled(pad(&title, room, false), style),
        ])
    }

    /// What is late or due ("❄ 30 days idle · ⚠ 4d overdue"), in its colour, and the next
    /// action itself.
    fn state(&self) -> (String, Option<String>, Style) {
        let b = &t().board;
        let deal = self.deal;
        let (due, mut style) = match due_state(deal, self.now.date_naive()) {
            Due::Overdue(days) => (fill(b.overdue[0], &[("days", &days)]), late()),
            Due::Today => (b.due_today[0].to_string(), today()),
            Due::Later(date) => (
                fill(b.due_on[0], &[("date", &crate::text::date_short(date))]),
                text(),
            ),
            Due::Unplanned => (b.no_next_action[0].to_string(), label()),
        };
        let mut alert = Vec::new();
        if let Some(days) = rotting_days(deal, self.board, self.now) {
            alert.push(fill(t().review.idle, &[("days", &days)]));
            style = late();
        }
        // The forecast: an open deal expected to close this month, or already past its date.
        let today = self.now.date_naive();
        if let (Status::Open, Some(close)) = (&deal.status, deal.expected_close) {
            let date = crate::text::date_short(close);
            if close < today {
                alert.push(fill(t().review.close_passed, &[("date", &date)]));
                style = late();
            } else if (close.year(), close.month()) == (today.year(), today.month()) {
                alert.push(fill(t().review.closes_on, &[("date", &date)]));
            }
        }
        alert.push(due);
        let next = Some(deal.next_action().trim().to_string()).filter(|n| !n.is_empty());
        (alert.join(" · "), next, style)
    }
}

/// The amount as big as it fits `width` columns (four to a big letter), always with its
/// currency: exact when there is room, else rounded (`$75.4k`, `29 млн ₽`), else by its code
/// when the font lacks the sign (`38.3k CHF` is drawn as it is).
fn big_amount(money: &Money, width: u16) -> String {
    let fits = |text: &String| can_draw(text) && text.chars().count() * 4 <= usize::from(width);
    let compact = crate::text::money_compact(money);
    [crate::text::money(money), compact.clone()]
        .into_iter()
        .find(fits)
        .unwrap_or(compact)
}
