//! Drawing: renders `&App` into a frame, computing the layout from the frame's size every time.

mod agenda;
pub(crate) mod bars;
mod board;
mod card;
mod closed;
mod customers;
mod detail;
mod dialog;
mod fields;
mod form;
mod help;
mod picker;
mod process;
mod report_change;
mod report_figures;
mod report_sections;
mod report_table;
pub(crate) mod reports;
mod text_form;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Mode};
use super::layout::{MIN_HEIGHT, MIN_WIDTH, board_layout};
use crate::display_width::wrap;
use crate::text::{fill, t};

pub use bars::filter_line_cursor;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let Some(layout) = board_layout(area.width, area.height) else {
        return too_small(frame, area);
    };
    let status = bars::Status::of(app, area.width);
    let [title, body, footer, status_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(status.height()),
    ])
    .areas(area);
    let screen_area = Rect {
        height: area.height.saturating_sub(status.height()),
        ..area
    };
    match app.screen() {
        Mode::Detail(view) => detail::render(app, view, frame, screen_area),
        Mode::Closed(view) => closed::render(app, view, frame, screen_area),
        Mode::Process(view) => process::render(app, view, frame, screen_area),
        Mode::Reports(view) => reports::render(app.today(), view, frame, screen_area),
        Mode::Agenda(view) => agenda::render(app, view, frame, screen_area),
        Mode::Customers(view) => customers::render_list(app, view, frame, screen_area),
        Mode::Company(view) => customers::render_company(app, view, frame, screen_area),
        _ => {
            bars::title_bar(app, frame, title);
            board::render(app, layout, frame, body);
            bars::footer(app, frame, footer);
        }
    }
    status.render(frame, status_area);
    for overlay in app.overlays() {
        match overlay {
            Mode::Help { scroll } => help::render(app, *scroll, frame, area),
            Mode::Form(deal_form) => form::render(app, deal_form, frame, area),
            Mode::TextForm(text_form) => text_form::render(text_form, frame, area),
            Mode::Picker(picker) => picker::render(picker, frame, area),
            Mode::Question(question) => dialog::render(app, question, frame, area),
            Mode::Filter(input) => bars::filter_line(input, frame, title),
            _ => {}
        }
    }
}

/// Says the window is too small, in the longest wording that fits.
fn too_small(frame: &mut Frame, area: Rect) {
    let quit = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Board,
        crate::tui::action::Action::Quit,
    );
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("key", &quit),
        ("width", &area.width),
        ("height", &area.height),
        ("min_width", &MIN_WIDTH),
        ("min_height", &MIN_HEIGHT),
    ];
    let forms: Vec<String> = t().board.too_small.iter().map(|f| fill(f, &args)).collect();
    let fits =
        |text: &String| wrap(text, usize::from(area.width)).len() <= usize::from(area.height);
    let text = forms
        .iter()
        .find(|f| fits(f))
        .or(forms.last())
        .cloned()
        .unwrap_or_default();
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A screen's title followed by its tabs, the current one highlighted.
fn tabbed_title<T: PartialEq>(
    title: &str,
    tabs: &[(T, &str)],
    current: &T,
) -> Vec<ratatui::text::Span<'static>> {
    use ratatui::text::Span;
    let mut spans = vec![Span::styled(format!(" {title} "), theme::heading())];
    for (tab, name) in tabs {
        // Brackets mark the current tab without colour too.
        let (text, style) = if tab == current {
            (format!("[{name}]"), theme::selected())
        } else {
            (format!(" {name} "), theme::dim())
        };
        spans.push(Span::styled(text, style));
    }
    spans
}

/// A box of at most `width` × `height` in the middle of `area`.
pub(in crate::tui) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
