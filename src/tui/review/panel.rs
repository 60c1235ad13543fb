//! What opens over the review's board: a deal or a change in a large panel with its history,
//! and the list of keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Wrap};

use super::big_text::{BigText, can_draw};
use super::look::{big_letters, label, news, popup_block, strong, text, today};
use super::state::Review;
use crate::display_width::{pad, width};
use crate::model::{Board, Deal};
use crate::report::{ChangeKind, timeline};
use crate::text::{DealFacts, StayWords, fill, t};
use crate::tui::keymap::{Context, help_lines};
use crate::tui::view::centered;

/// A large panel over the board: the change it is about (if any), the deal's facts and its
/// way through the process.
pub fn panel(
    review: &Review,
    deal: &Deal,
    change: Option<&ChangeKind>,
    frame: &mut Frame,
    area: Rect,
) {
    let board = review.board();
    let now = review.now();
    let facts = DealFacts::of(board, deal, now);
    let f = &t().form;
    let d = &t().detail;
    let mut head = Vec::new();
    // Stepping through the changes says which one this is; a deal in focus, its latest news.
    if let Some(position) = review.change_position() {
        let heading = fill(
            t().review.change_heading,
            &[("at", &(position + 1)), ("count", &review.changes().len())],
        );
        head.push(Line::styled(heading, label()));
    }
    if let Some(kind) = change {
        head.push(Line::styled(describe(board, kind), news()));
        head.push(Line::from(""));
    }
    let mut lines = vec![Line::styled(deal.title.clone(), strong())];
    lines.push(Line::styled(
        format!("{} · {}", facts.stage, facts.status),
        label(),
    ));
    lines.push(Line::from(""));
    let rows = [
        (f.company, deal.company.clone()),
        (f.owner, deal.owner.clone()),
        (
            f.value,
            crate::text::fill(
                d.value_and_weighted,
                &[
                    ("value", &crate::text::money(&deal.value)),
                    ("weighted", &facts.weighted),
                ],
            ),
        ),
        (f.next_action, facts.next),
        (f.expected_close, facts.expected_close),
        (d.touched, facts.touched),
    ];
    for (name, value) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", pad(name, 16, false)), label()),
            Span::styled(value, text()),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(d.history.to_string(), strong()));
    for stay in timeline(deal, board, now) {
        let stay = StayWords::of(&stay, now);
        let notes = if stay.notes.is_empty() {
            String::new()
        } else {
            format!("  {}", stay.notes.join(" · "))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", stay.date), label()),
            Span::styled(format!("{} · {}", stay.name, stay.days), text()),
            Span::styled(notes, if stay.irregular { today() } else { label() }),
        ]));
    }
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(strong())
        .padding(Padding::horizontal(1))
        .style(Style::new().bg(Color::Black));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let big = big_lines(deal, inner);
    let [head_area, big_area, body] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(big.len() as u16 * BIG_ROWS + u16::from(!big.is_empty())),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), head_area);
    if !big.is_empty() {
        let longest = big.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let size = big_letters(longest, big_area.width, BIG_ROWS);
        let text = BigText {
            lines: big,
            size,
            style: strong(),
        };
        frame.render_widget(text, big_area);
    }
    // Scrolled with ↑↓ PgUp PgDn when the history is longer than the panel (counted as
    // wrapped to its width).
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = u16::try_from(paragraph.line_count(body.width)).unwrap_or(u16::MAX);
    let [text, last] = if rows <= body.height {
        [body, Rect { height: 0, ..body }]
    } else {
        // The last row says there is more, while there is.
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(body)
    };
    let scroll = review.panel_scroll().min(rows.saturating_sub(text.height));
    frame.render_widget(paragraph.scroll((scroll, 0)), text);
    if rows.saturating_sub(scroll) > text.height {
        frame.render_widget(Line::styled(more_in_panel(), label()).right_aligned(), last);
    }
}

/// Rows one line of big letters takes (8 pixels, two to a row).
const BIG_ROWS: u16 = 4;

/// On a large screen, the deal's title and value in big letters, as far as the big font draws
/// them and they fit; none on a small one.
fn big_lines(deal: &Deal, area: Rect) -> Vec<String> {
    if area.width < 100 || area.height < 30 {
        return Vec::new();
    }
    // A big letter is four columns wide, and the font has not every letter.
    let fits = |text: &str| can_draw(text) && text.chars().count() * 4 <= usize::from(area.width);
    let value = crate::text::money_compact(&deal.value);
    [deal.title.clone(), value]
        .into_iter()
        .filter(|line| fits(line))
        .collect()
}

fn describe(board: &Board, kind: &ChangeKind) -> String {
    let r = &t().review;
    let name = |id: &crate::model::StageId| {
        board
            .stage(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    let date = |d: &Option<chrono::NaiveDate>| d.map_or(r.no_date.to_string(), |d| d.to_string());
    match kind {
        ChangeKind::Created => r.created.to_string(),
        ChangeKind::MovedForward { from, to } => {
            fill(r.moved_forward, &[("from", &name(from)), ("to", &name(to))])
        }
        ChangeKind::MovedBack { from, to } => {
            fill(r.moved_back, &[("from", &name(from)), ("to", &name(to))])
        }
        ChangeKind::Won => r.won.to_string(),
        ChangeKind::Lost { reason } => fill(r.lost, &[("reason", reason)]),
        ChangeKind::ClosePushed { from, to } => {
            fill(r.close_pushed, &[("from", &date(from)), ("to", &date(to))])
        }
    }
}

/// Columns of the keys in the list of keys.
const KEY_COLUMN: usize = 16;

/// Every key of the review, from the registry that dispatches them.
/// The keys of `context`: the review's, or its report's while that is open.
pub fn help(frame: &mut Frame, area: Rect, context: Context) {
    let heading = match context {
        Context::Reports => t().reports.title,
        _ => t().review.help_heading,
    };
    let mut lines = vec![
        Line::styled(format!(" {heading}"), strong()),
        Line::from(""),
    ];
    let nine_tenths = u16::try_from(u32::from(area.width) * 9 / 10).unwrap_or(area.width);
    let inner = usize::from(nine_tenths.saturating_sub(2));
    for (_, keys, what) in help_lines(t())
        .into_iter()
        .filter(|(c, _, _)| *c == context)
    {
        // A long list of keys goes before its words when they fit the line together, else
        // on a line of its own, so that every line fits 80 columns.
        if width(&keys) > KEY_COLUMN && 1 + width(&keys) + 2 + width(what) <= inner {
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys}  "), news()),
                Span::styled(what, text()),
            ]));
            continue;
        }
        if width(&keys) > KEY_COLUMN {
            lines.push(Line::styled(format!(" {keys}"), news()));
            lines.push(Line::styled(
                format!(" {}{what}", " ".repeat(KEY_COLUMN + 1)),
                text(),
            ));
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", pad(&keys, KEY_COLUMN, false)), news()),
            Span::styled(what, text()),
        ]));
    }
    // On a short screen the blank line under the heading gives way first.
    if lines.len() + 2 > usize::from(area.height) {
        lines.remove(1);
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, nine_tenths, height);
    frame.render_widget(Clear, popup);
    let block = popup_block();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

/// "▼ more: ↓ PgDn", in the review's keys.
fn more_in_panel() -> String {
    let keys = [
        crate::tui::action::Action::SelectDown,
        crate::tui::action::Action::PageDown,
    ]
    .map(|action| crate::tui::keymap::key_for(crate::tui::keymap::Context::Review, action))
    .join(" ");
    crate::text::fill(t().review.more_in_panel, &[("keys", &keys)])
}
