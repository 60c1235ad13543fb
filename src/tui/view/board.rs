//! The stage columns. Only the cards that fit on screen are built, so a column of thousands of
//! deals draws as fast as one of five.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::bars::money_list_fitting;
use super::{card, theme};
use crate::display_width::{truncate, width};
use crate::report::ColumnSummary;
use crate::text::{fill, t};
use crate::tui::app::App;
use crate::tui::layout::{BoardLayout, COLUMN_TOTALS_HEIGHT, FOLDED_WIDTH, TALL_CARD_HEIGHT};

pub fn render(app: &App, layout: BoardLayout, frame: &mut Frame, area: Rect) {
    let first = app.first_column();
    let last = (first + app.columns_on_screen(area.width)).min(app.columns().len());
    let widths: Vec<Constraint> = (first..last)
        .map(|index| {
            if app.is_folded(index) {
                Constraint::Length(FOLDED_WIDTH)
            } else {
                Constraint::Fill(1)
            }
        })
        .collect();
    let areas = Layout::horizontal(widths).split(area);
    for (index, column_area) in (first..last).zip(areas.iter()) {
        if app.is_folded(index) {
            folded(app, index, frame, *column_area);
        } else {
            column(app, index, layout, frame, *column_area);
        }
    }
}

/// An empty stage folded to a strip: its number, then its name down it.
fn folded(app: &App, index: usize, frame: &mut Frame, area: Rect) {
    let Some(stage) = app.board().stages.get(index) else {
        return;
    };
    let block = Block::bordered().border_style(theme::column_border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let number = (index + 1).to_string();
    let lines: Vec<Line> = std::iter::once(Line::styled(number, theme::column_title(false)))
        .chain(
            stage
                .name
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| Line::styled(c.to_string(), theme::dim())),
        )
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn column(app: &App, index: usize, layout: BoardLayout, frame: &mut Frame, area: Rect) {
    let board = app.board();
    let Some(stage) = board.stages.get(index) else {
        return;
    };
    let deals = &app.columns()[index];
    let focused = index == app.focus();
    let summary = app
        .figures()
        .columns
        .get(index)
        .cloned()
        .unwrap_or_default();
    let b = &t().board;
    let mut count = format!(" · {} ", deals.len());
    if summary.rotting > 0 {
        count.push_str(&fill(b.rotting_mark, &[("count", &summary.rotting)]));
        count.push(' ');
    }
    let offset = app.offset(index);
    // Cards scrolled past above are counted on the top border, the way those below are on the
    // bottom one; the stage's name gives way first, then the word "more".
    let room = usize::from(area.width).saturating_sub(width(&count) + 3);
    let above = match offset {
        0 => String::new(),
        _ => {
            let full = format!(" {} ", fill(b.more_above, &[("count", &offset)]));
            if width(&stage.name) + width(&full) <= room {
                full
            } else {
                format!(" {} ", fill(b.more_above_short, &[("count", &offset)]))
            }
        }
    };
    let name = truncate(&stage.name, room.saturating_sub(width(&above)));
    let shown = layout.cards.min(deals.len().saturating_sub(offset));
    let below = deals.len().saturating_sub(offset + shown);
    let mut block = Block::bordered()
        .border_style(theme::column_border(focused))
        .title(Line::from(vec![
            Span::styled(format!(" {name}"), theme::column_title(focused)),
            Span::styled(count, theme::column_title(focused)),
        ]));
    if offset > 0 {
        block = block.title(Line::styled(above, theme::column_title(focused)).right_aligned());
    }
    if below > 0 {
        let more = fill(b.more_below, &[("count", &below)]);
        block = block.title_bottom(Line::from(format!(" {more} ")).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let [totals_area, cards_area] = Layout::vertical([
        Constraint::Length(COLUMN_TOTALS_HEIGHT),
        Constraint::Fill(1),
    ])
    .areas(inner);
    totals_lines(&summary, frame, totals_area);
    if deals.is_empty() {
        let empty = if app.filter().is_active() {
            b.nothing_matches
        } else {
            b.empty_column
        };
        let hint = vec![
            Line::styled(format!(" {empty}"), theme::dim()),
            Line::styled(
                format!(
                    " {}",
                    fill(
                        b.empty_column_hint,
                        &[(
                            "key",
                            &crate::tui::keymap::key_for(
                                crate::tui::keymap::Context::Board,
                                crate::tui::action::Action::NewDeal
                            )
                        )]
                    )
                ),
                theme::dim(),
            ),
        ];
        frame.render_widget(Paragraph::new(hint), cards_area);
        return;
    }
    let card_width = usize::from(cards_area.width);
    for (slot, deal) in deals.iter().skip(offset).take(shown).enumerate() {
        let y = cards_area.y + slot as u16 * layout.card_height;
        let height = (layout.card_height - 1).min(cards_area.bottom().saturating_sub(y));
        if height == 0 {
            break;
        }
        let selected = focused && offset + slot == app.row(index);
        #[cfg(test)]
        tests::CARDS_BUILT.with(|built| built.set(built.get() + 1));
        let tall = layout.card_height == TALL_CARD_HEIGHT;
        let lines = card::lines(deal, board, app.now(), card_width, selected, tall);
        let card_area = Rect {
            x: cards_area.x,
            y,
            width: cards_area.width,
            height,
        };
        put_lines(&lines, frame, card_area);
    }
}

/// Lines already cut to the area's width, written straight into the frame: a paragraph would
/// measure and cut them again, which at a board's worth of cards is most of a frame's cost.
fn put_lines(lines: &[Line], frame: &mut Frame, area: Rect) {
    let buffer = frame.buffer_mut();
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        buffer.set_line(area.x, y, line, area.width);
    }
}

/// The column's value per currency, and under it the weighted value (`≈ $7k`). A figure too
/// wide for the column drops the spaces around `+` first, then shows its largest currencies and
/// how many more there are.
fn totals_lines(summary: &ColumnSummary, frame: &mut Frame, area: Rect) {
    if summary.count == 0 {
        return;
    }
    let cells = usize::from(area.width);
    let value = money_list_fitting(&summary.value, cells.saturating_sub(2));
    let mark = t().board.weighted_mark;
    let room = cells.saturating_sub(width(&fill(mark, &[("value", &"")])) + 2);
    let weighted = fill(
        mark,
        &[("value", &money_list_fitting(&summary.weighted, room))],
    );
    let lines = vec![
        Line::styled(format!(" {value}"), theme::totals()),
        Line::styled(format!(" {weighted}"), theme::dim()),
    ];
    put_lines(&lines, frame, area);
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::sync::Arc;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::clock::FixedClock;
    use crate::model::DealId;
    use crate::store::Store;
    use crate::tui::app::App;
    use crate::tui::layout::{CARD_HEIGHT, MIN_COLUMN_WIDTH};

    thread_local! {
        /// The cards made for frames drawn on this thread.
        pub static CARDS_BUILT: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn a_frame_of_a_hundred_thousand_deals_builds_only_the_cards_on_screen() {
        let demo = crate::test_boards::demo(1);
        let mut board = demo.clone();
        let one = Arc::clone(&demo.deals[0]);
        board.deals = (1..=100_000)
            .map(|id| {
                let mut deal = (*one).clone();
                deal.id = DealId(id);
                Arc::new(deal)
            })
            .collect();
        board.next_deal_id = 100_001;
        let dir = tempfile::tempdir().unwrap();
        let now = crate::test_boards::moment().fixed_offset();
        let store = Store::at(&dir.path().join("board.ron"));
        let app = App::new(board, store, Box::new(FixedClock(now)), (240, 60));
        let mut terminal = Terminal::new(TestBackend::new(240, 60)).unwrap();
        CARDS_BUILT.with(|built| built.set(0));
        terminal
            .draw(|frame| super::super::render(&app, frame))
            .unwrap();
        let built = CARDS_BUILT.with(Cell::get);
        let room = usize::from(240 / MIN_COLUMN_WIDTH) * usize::from(60 / CARD_HEIGHT);
        assert!(
            (1..=room).contains(&built),
            "{built} cards made for a screen with room for {room}"
        );
    }
}
