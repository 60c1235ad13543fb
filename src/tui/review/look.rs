//! The review's high-contrast look: white and bright colours on black, bold where it matters,
//! to be read from across a room on a projector.

use super::big_text::PixelSize;
use ratatui::style::{Color, Modifier, Style};

pub(super) fn text() -> Style {
    Style::new().fg(Color::White)
}
pub(super) fn strong() -> Style {
    text().add_modifier(Modifier::BOLD)
}
pub(super) fn label() -> Style {
    Style::new().fg(Color::Gray)
}
pub(super) fn money_style() -> Style {
    Style::new()
        .fg(Color::LightGreen)
        .add_modifier(Modifier::BOLD)
}
pub(super) fn late() -> Style {
    Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}
pub(super) fn today() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}
pub(super) fn news() -> Style {
    Style::new()
        .fg(Color::LightCyan)
        .add_modifier(Modifier::BOLD)
}
pub(super) fn selected() -> Style {
    strong().add_modifier(Modifier::REVERSED)
}

/// The largest big letters that draw `chars` letters in `width` columns and `rows` rows: the
/// font's letters are 8 by 8 pixels, a cell holds one, two or four of them.
pub(super) fn big_letters(chars: usize, width: u16, rows: u16) -> PixelSize {
    let fits = |columns_per_letter: usize| chars * columns_per_letter <= usize::from(width);
    match rows {
        8.. if fits(8) => PixelSize::Full,
        8.. if fits(4) => PixelSize::HalfWidth,
        4.. if fits(8) => PixelSize::HalfHeight,
        _ => PixelSize::Quadrant,
    }
}

/// The frame of what opens over the board (the list of keys, the team): a double border on
/// black, so it stands out from the columns under it.
pub(super) fn popup_block() -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Double)
        .border_style(strong())
        .style(Style::new().bg(ratatui::style::Color::Black))
}
