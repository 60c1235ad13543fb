//! The process editor: the stages in order with their figures and exit criteria, and the
//! board's lists of lead sources and lost reasons.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::display_width::pad;
use crate::model::Phase;
use crate::text::{fill, t};
use crate::tui::app::{App, ProcessTab, ProcessView};

pub fn render(app: &App, view: &ProcessView, frame: &mut Frame, area: Rect) {
    let p = &t().process;
    let tabs = [
        (ProcessTab::Stages, p.stages),
        (ProcessTab::Sources, p.sources),
        (ProcessTab::LostReasons, p.lost_reasons),
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
    }
}

fn stages(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let p = &t().process;
    let board = app.board();
    let [table, details] = Layout::vertical([
        Constraint::Length(board.stages.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let header = Line::styled(
        format!(
            "   {} {} {} {} {}",
            pad(p.name, 24, false),
            pad(p.phase, 10, false),
            pad(p.probability, 13, true),
            pad(p.rot_days, 10, true),
            p.criteria
        ),
        theme::dim(),
    );
    let mut lines = vec![header];
    for (i, stage) in board.stages.iter().enumerate() {
        let phase = match stage.phase {
            Phase::PreSale => p.pre_sale,
            Phase::PostSale => p.post_sale,
        };
        let line = Line::from(format!(
            " {} {} {} {} {} {}",
            pad(&(i + 1).to_string(), 2, true),
            pad(&stage.name, 24, false),
            pad(phase, 10, false),
            pad(&format!("{}%", stage.probability), 13, true),
            pad(&stage.rot_days.to_string(), 10, true),
            stage.checklist.len()
        ));
        lines.push(if i == selected {
            line.patch_style(theme::selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), table);
    let Some(stage) = board.stages.get(selected) else {
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
    let holding = board.deals.iter().filter(|d| d.stage == stage.id).count();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            " {}",
            fill(
                p.holds,
                &[("deals", &t().count(&t().board.deal_count, holding))]
            )
        ),
        theme::dim(),
    ));
    frame.render_widget(Paragraph::new(lines), details);
}

fn list(items: &[String], selected: usize, frame: &mut Frame, area: Rect) {
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", t().process.empty_list),
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
            let line = Line::from(format!(" {} {item} ", pad(&(i + 1).to_string(), 2, true)));
            if i == selected {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
