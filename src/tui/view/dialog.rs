//! A yes/no question over the board.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, theme};
use crate::display_width::{width, wrap};
use crate::text::{fill, t};
use crate::tui::app::{App, Question, SaveState};
use crate::tui::hints;
use crate::tui::keymap::Context;

pub fn render(app: &App, question: &Question, frame: &mut Frame, area: Rect) {
    let b = &t().board;
    let text = match question {
        Question::Delete(id) => {
            let title = app
                .board()
                .deal(*id)
                .map(|d| d.title.as_str())
                .unwrap_or_default();
            fill(b.delete_question, &[("title", &title)])
        }
        Question::Discard => b.discard_question.to_string(),
        Question::SkipCriteria { .. } => skip_text(app, question),
        Question::RemoveStage(stage) => {
            let name = app.board().stage(stage).map_or("", |s| s.name.as_str());
            fill(t().process.remove_question, &[("name", &name)])
        }
        Question::Conflict => b.conflict_question.to_string(),
        Question::QuitUnsaved => {
            let error = match app.save_state() {
                SaveState::Failed(e) => e.to_string(),
                SaveState::Saved | SaveState::Saving => String::new(),
            };
            let error = crate::text::os_errors::localize(&error.to_string());
            fill(b.quit_question, &[("error", &error)])
        }
    };
    let text_width = u16::try_from(width(&text)).unwrap_or(u16::MAX);
    let box_width = text_width.saturating_add(4).clamp(30, 70).min(area.width);
    let inner = usize::from(box_width.saturating_sub(2));
    let text_lines = u16::try_from(wrap(&text, inner).len()).unwrap_or(u16::MAX);
    let popup = centered(area, box_width, text_lines.saturating_add(4));
    let body = vec![
        Line::from(text),
        Line::from(""),
        Line::styled(
            hints::texts(hints::QUESTION, Context::Question).join("   "),
            theme::key(),
        ),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme::error())),
        popup,
    );
}

/// What a move or a win that skips something asks: where the deal goes, the stages it jumps
/// over, the exit criteria not done.
fn skip_text(app: &App, question: &Question) -> String {
    let b = &t().board;
    let Question::SkipCriteria {
        id,
        to,
        items,
        jumped,
        mark_won,
        ..
    } = question
    else {
        return String::new();
    };
    let title = app
        .board()
        .deal(*id)
        .map(|d| d.title.as_str())
        .unwrap_or_default();
    let stage = app.board().stage(to).map_or("", |s| s.name.as_str());
    let wins = *mark_won
        || app
            .board()
            .deal(*id)
            .is_some_and(|deal| app.board().move_wins(deal, to));
    if jumped.is_empty() && !wins {
        return fill(
            b.skip_question,
            &[
                ("title", &title),
                ("stage", &stage),
                ("items", &items.join("; ")),
            ],
        );
    }
    let jumped = jumped.join(", ");
    let said = [
        ("title", &title as &dyn std::fmt::Display),
        ("stage", &stage),
        ("jumped", &jumped),
    ];
    let mut text = match (wins, jumped.is_empty()) {
        (true, true) => fill(b.win_to, &said),
        (true, false) => fill(b.win_past, &said),
        (false, _) => fill(b.move_past, &said),
    };
    if !items.is_empty() {
        text.push(' ');
        text.push_str(&fill(b.not_done, &[("items", &items.join("; "))]));
    }
    text.push(' ');
    text.push_str(b.go_ahead);
    text
}
