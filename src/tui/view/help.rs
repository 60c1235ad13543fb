//! The `?` screen: every key, read from the same registry that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, theme};
use crate::display_width::pad;
use crate::text::{fill, t};
use crate::tui::app::App;
use crate::tui::keymap::{Context, help_lines};

const KEY_COLUMN: usize = 20;

pub fn render(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let h = &t().help;
    let mut lines: Vec<Line> = Vec::new();
    let entries = help_lines(t());
    for context in Context::ALL {
        let heading = section(context);
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(heading, theme::heading()));
        for (_, keys, what) in entries.iter().filter(|(c, _, _)| *c == context) {
            lines.push(entry(keys, what));
        }
        if context == Context::Form {
            lines.push(entry(h.editing_keys, h.editing_help));
        }
        if context == Context::Filter {
            lines.push(entry(h.filter_keys, h.filter_help));
        }
    }
    lines.push(Line::from(""));
    let path = app.store_path().display().to_string();
    lines.push(Line::styled(
        fill(
            if app.is_read_only() {
                h.reading
            } else {
                h.saving
            },
            &[("path", &path)],
        ),
        theme::dim(),
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    // As wide as the longest line needs (a language's may be longer), when the screen has room.
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(widest + 2).unwrap_or(u16::MAX).max(90);
    let popup = centered(area, width, height);
    let visible = popup.height.saturating_sub(2);
    let longest = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let scroll = scroll.min(longest.saturating_sub(visible));
    let below = longest.saturating_sub(scroll + visible);
    let mut footer = String::new();
    if below > 0 {
        footer = fill(t().board.more_below, &[("count", &below)]) + "  ";
    }
    let close = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Help,
        crate::tui::action::Action::Close,
    );
    footer.push_str(&fill(h.footer, &[("key", &close)]));
    frame.render_widget(Clear, popup);
    let above = if scroll > 0 {
        format!(" {} ", fill(t().board.more_above, &[("count", &scroll)]))
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(Line::styled(h.title, theme::heading()))
        .title(Line::from(above).right_aligned())
        .title_bottom(Line::from(format!(" {footer} ")).right_aligned())
        .border_style(theme::heading());
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block),
        popup,
    );
}

/// The help screen's heading for the keys of `context`.
fn section(context: Context) -> &'static str {
    let h = &t().help;
    match context {
        Context::Board => h.board,
        Context::Detail => h.detail,
        Context::Closed => h.closed,
        Context::Agenda => t().day.agenda_title,
        Context::Customers => t().day.customers_title,
        Context::Company => t().day.company_heading,
        Context::Process => h.process,
        Context::Reports => crate::text::t().report_screen.help_heading,
        Context::Form => h.form,
        Context::Picker => h.picker,
        Context::Filter => h.filter,
        Context::Question => h.question,
        Context::Help => h.help,
        Context::Review => t().review.help_heading,
    }
}

fn entry(keys: &str, what: &'static str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {}", pad(keys, KEY_COLUMN, false)), theme::key()),
        Span::raw(what),
    ])
}
