//! The review's high-contrast look: white and bright colours on black, bold where it matters,
//! to be read from across a room on a projector.

use ratatui::style::{Color, Modifier, Style};
use tui_big_text::PixelSize;

use crate::model::Money;

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

/// A compact amount in the letters the big font has (ASCII only): `$38.3k` as it is,
/// `38.3k EUR` for `€38.3k`; where the language writes the scale in words (`29 млн ₽`), the
/// whole amount in digits: `29 000 000 RUB`.
pub(super) fn ascii_compact(money: &Money) -> String {
    let compact = crate::text::money_compact(money);
    if compact.is_ascii() {
        return compact;
    }
    let (big, rest) = big_and_rest(money);
    if rest == money.currency.code() {
        return format!("{big} {rest}");
    }
    let (whole, _) = money.whole_and_fraction();
    let digits = crate::text::number(whole).replace(|c: char| !c.is_ascii_digit(), " ");
    let sign = if money.minor < 0 { "-" } else { "" };
    format!("{sign}{digits} {}", money.currency.code())
}

/// A compact amount split for big letters: the number they can draw (`29`, `38.3k`, `6,3`)
/// and, for the normal letters under it, what they cannot: the scale in words and the currency
/// (`млн ₽`), or the code of a currency whose sign the font lacks (`EUR` for `€38.3k`).
pub(super) fn big_and_rest(money: &Money) -> (String, String) {
    let compact = crate::text::money_compact(money);
    if compact.is_ascii() {
        return (compact, String::new());
    }
    let start = compact
        .find(|c: char| c.is_ascii_digit() || c == '-')
        .unwrap_or(compact.len());
    let prefixed = start > 0;
    let body = &compact[start..];
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '-')))
        .unwrap_or(body.len());
    let rest = body[end..].trim();
    let rest = if prefixed && rest.is_empty() {
        money.currency.code().to_string()
    } else {
        rest.to_string()
    };
    (body[..end].to_string(), rest)
}

/// The frame of what opens over the board (the list of keys, the team): a double border on
/// black, so it stands out from the columns under it.
pub(super) fn popup_block() -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Double)
        .border_style(strong())
        .style(Style::new().bg(ratatui::style::Color::Black))
}
