//! The process editor: the stages in order with their figures and exit criteria, and the
//! board's lists of lead sources and lost reasons.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::{pad, width};
use crate::model::Phase;
use crate::text::{fill, t};
use crate::tui::app::{App, ProcessTab, ProcessView};

pub fn render(app: &App, view: &ProcessView, frame: &mut Frame, area: Rect) {
    let p = &t().process;
    let tabs = [
        (ProcessTab::Stages, p.stages),
        (ProcessTab::Sources, p.sources),
        (ProcessTab::LostReasons, p.lost_reasons),
        (ProcessTab::Board, p.board),
        (ProcessTab::Log, t().versions.tab_log),
    ];
    let title = super::tabbed_title(p.title, &tabs, &view.tab);
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme::heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match view.tab {
        ProcessTab::Stages => stages(app, view.row, frame, inner),
        ProcessTab::Sources => list(&app.board().sources, view.row, frame, inner),
        ProcessTab::LostReasons => list(&app.board().lost_reasons, view.row, frame, inner),
        ProcessTab::Board => details(app, view.row, frame, inner),
        ProcessTab::Log => log(app, view.row, frame, inner),
    }
}

/// The log of changes, newest first, and what the selected one did with its reason.
fn log(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let v = &t().versions;
    let board = app.board();
    let changes = &board.process_log;
    let key = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Process,
        crate::tui::action::Action::EditItem,
    );
    // Words over as many lines as they need, each a cell in from the border.
    let wrapped = |text: &str| -> Vec<Line<'static>> {
        crate::display_width::wrap(text, usize::from(area.width.saturating_sub(2)).max(10))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme::dim()))
            .collect()
    };
    if changes.is_empty() {
        let text = fill(v.no_changes, &[("key", &key)]);
        frame.render_widget(Paragraph::new(wrapped(&text)), area);
        return;
    }
    let offset = *app.now().offset();
    let edits = app
        .change_of_row(selected)
        .map(|n| board.edits_of_change(n))
        .unwrap_or_default();
    let below = edits.len() as u16 + 4;
    let wanted = changes.len() as u16 + 1;
    let height = wanted.min(area.height.saturating_sub(below).max(area.height / 2));
    let [table, details] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let visible = usize::from(height.saturating_sub(1)).max(1);
    let first = (selected + 1).saturating_sub(visible);
    let number_width = width(&changes.len().to_string()).max(width(v.h_change));
    let when_width = changes
        .iter()
        .map(|c| width(&crate::text::versions::when(c.at, offset)))
        .fold(width(v.h_when), usize::max);
    let header = Line::styled(
        format!(
            "  {} {} {}",
            pad(v.h_change, number_width, true),
            pad(v.h_when, when_width, false),
            v.h_why
        ),
        theme::dim(),
    );
    let mut lines = vec![header];
    for (row, change) in changes.iter().rev().enumerate().skip(first).take(visible) {
        let n = changes.len() - row;
        let reason = if change.reason.is_empty() {
            v.no_reason
        } else {
            change.reason.as_str()
        };
        let line = Line::from(format!(
            "{} {} {} {reason} ",
            pointer(row == selected),
            pad(&n.to_string(), number_width, true),
            pad(
                &crate::text::versions::when(change.at, offset),
                when_width,
                false
            ),
        ));
        lines.push(if row == selected {
            line.patch_style(theme::selected())
        } else if change.reason.is_empty() {
            line.patch_style(theme::dim())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), table);
    let Some(n) = app.change_of_row(selected) else {
        return;
    };
    let date = crate::text::versions::when(changes[n - 1].at, offset);
    let mut lines = vec![
        Line::from(""),
        Line::styled(
            format!(" {}", fill(v.change_heading, &[("n", &n), ("date", &date)])),
            theme::heading(),
        ),
    ];
    let room = usize::from(area.width.saturating_sub(6)).max(10);
    for edit in &edits {
        let words = crate::text::versions::edit_words(edit);
        for (i, line) in crate::display_width::wrap(&words, room)
            .into_iter()
            .enumerate()
        {
            let mark = if i == 0 { "   • " } else { "     " };
            lines.push(Line::from(format!("{mark}{line}")));
        }
    }
    lines.push(Line::from(""));
    lines.extend(wrapped(&fill(v.log_is_kept, &[("key", &key)])));
    frame.render_widget(Paragraph::new(lines), details);
}

fn stages(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let p = &t().process;
    let board = app.board();
    let selected_stage = board.stages.get(selected);
    // The table gets what the selected stage's criteria below leave, and at least half; it
    // scrolls to keep the selected stage in sight.
    let below = selected_stage.map_or(0, |s| s.checklist.len().max(1) + 4) as u16;
    let wanted = board.stages.len() as u16 + 1;
    let height = wanted.min(area.height.saturating_sub(below).max(area.height / 2));
    let [table, details] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let visible = usize::from(height.saturating_sub(1)).max(1);
    let first = (selected + 1).saturating_sub(visible);
    // Columns as wide as the language's words need, and at least as wide as they were made.
    let widest =
        |words: &[&str], least: usize| words.iter().map(|w| width(w)).fold(least, usize::max);
    let phase_width = widest(&[p.phase, p.pre_sale, p.post_sale], 10);
    let probability_width = widest(&[p.probability_column], 13);
    let rot_width = widest(&[p.rot_days_column], 10);
    let header = Line::styled(
        format!(
            "   {} {} {} {} {}",
            pad(p.name, 24, false),
            pad(p.phase, phase_width, false),
            pad(p.probability_column, probability_width, true),
            pad(p.rot_days_column, rot_width, true),
            p.criteria_column
        ),
        theme::dim(),
    );
    let mut lines = vec![header];
    for (i, stage) in board.stages.iter().enumerate().skip(first).take(visible) {
        let phase = match stage.phase {
            Phase::PreSale => p.pre_sale,
            Phase::PostSale => p.post_sale,
        };
        let line = Line::from(format!(
            "{}{} {} {} {} {} {}",
            pointer(i == selected),
            pad(&(i + 1).to_string(), 2, true),
            pad(&stage.name, 24, false),
            pad(phase, phase_width, false),
            pad(
                &crate::text::locale::percent(f64::from(stage.probability) / 100.0),
                probability_width,
                true
            ),
            pad(&stage.rot_days.to_string(), rot_width, true),
            stage.checklist.len()
        ));
        lines.push(if i == selected {
            line.patch_style(theme::selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), table);
    let Some(stage) = selected_stage else {
        return;
    };
    let mut lines = vec![
        Line::from(""),
        Line::styled(
            format!(" {}", fill(p.criteria_of, &[("name", &stage.name)])),
            theme::heading(),
        ),
    ];
    if stage.checklist.is_empty() {
        lines.push(Line::styled(format!("   {}", p.no_criteria), theme::dim()));
    }
    lines.extend(
        stage
            .checklist
            .iter()
            .map(|item| Line::from(format!("   • {item}"))),
    );
    let (_, holding) = crate::text::stage_holdings(board, &stage.id);
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", fill(p.holds, &[("deals", &holding)])),
        theme::dim(),
    ));
    frame.render_widget(Paragraph::new(lines), details);
}

fn list(items: &[String], selected: usize, frame: &mut Frame, area: Rect) {
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {}",
                    fill(
                        t().process.empty_list,
                        &[(
                            "key",
                            &crate::tui::keymap::key_for(
                                crate::tui::keymap::Context::Process,
                                crate::tui::action::Action::AddItem
                            )
                        )]
                    )
                ),
                theme::dim(),
            )),
            area,
        );
        return;
    }
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let line = Line::from(format!(
                "{}{} {item} ",
                pointer(i == selected),
                pad(&(i + 1).to_string(), 2, true)
            ));
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The Board tab: name, owner and currency, and what the owner and currency are for.
fn details(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let p = &t().process;
    let board = app.board();
    let owner = if board.owner.is_empty() {
        p.no_owner
    } else {
        &board.owner
    };
    let rows = [
        (p.board_name, board.name.as_str()),
        (p.owner, owner),
        (p.currency, board.currency.code()),
    ];
    let label_width = rows.iter().map(|(l, _)| width(l) + 1).fold(14, usize::max);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let line = Line::from(format!(
                "{}{} {value} ",
                pointer(i == selected),
                pad(label, label_width, false)
            ));
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::from(""));
    let mine = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Board,
        crate::tui::action::Action::ToggleMine,
    );
    for means in [
        fill(p.owner_means, &[("key", &mine)]),
        p.currency_means.to_string(),
    ] {
        lines.push(Line::styled(format!(" {means}"), theme::dim()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The mark before the selected row, so it shows without colour or reverse video too.
fn pointer(selected: bool) -> &'static str {
    if selected { "▸" } else { " " }
}
