//! Big letters for the review's figures, read from across a room: each character an 8×8
//! glyph drawn with block characters. The font8x8 glyphs, plus what money needs and that font
//! lacks: the signs of € ₽ ₹ ₩ ₴, ≈, and the Russian words of scale (тыс., млн, млрд, трлн),
//! so that a big amount always carries its currency sign in either language.

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// How many glyph pixels one terminal cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PixelSize {
    /// One pixel per cell: 8 columns and 8 rows a letter.
    Full,
    /// Two pixels stacked per cell: 8 columns, 4 rows.
    HalfHeight,
    /// Two pixels side by side per cell: 4 columns, 8 rows.
    HalfWidth,
    /// Four pixels per cell: 4 columns, 4 rows.
    Quadrant,
}

impl PixelSize {
    /// Columns and rows of one letter.
    pub fn letter(self) -> (u16, u16) {
        match self {
            PixelSize::Full => (8, 8),
            PixelSize::HalfHeight => (8, 4),
            PixelSize::HalfWidth => (4, 8),
            PixelSize::Quadrant => (4, 4),
        }
    }

    /// The block character for the cell at (`column`, `row`) of a letter.
    fn cell(self, glyph: &[u8; 8], column: usize, row: usize) -> char {
        let on = |x: usize, y: usize| y < 8 && x < 8 && glyph[y] & (1 << x) != 0;
        match self {
            PixelSize::Full => [' ', '█'][usize::from(on(column, row))],
            PixelSize::HalfHeight => {
                let (x, y) = (column, row * 2);
                [' ', '▀', '▄', '█'][usize::from(on(x, y)) | usize::from(on(x, y + 1)) << 1]
            }
            PixelSize::HalfWidth => {
                let (x, y) = (column * 2, row);
                [' ', '▌', '▐', '█'][usize::from(on(x, y)) | usize::from(on(x + 1, y)) << 1]
            }
            PixelSize::Quadrant => {
                let (x, y) = (column * 2, row * 2);
                let index = usize::from(on(x, y))
                    | usize::from(on(x + 1, y)) << 1
                    | usize::from(on(x, y + 1)) << 2
                    | usize::from(on(x + 1, y + 1)) << 3;
                QUADRANTS[index]
            }
        }
    }
}

/// By the pixels set: top left 1, top right 2, bottom left 4, bottom right 8.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

/// Glyphs font8x8 lacks, as it stores them: a byte per row, the lowest bit leftmost.
const OWN_GLYPHS: [(char, [u8; 8]); 14] = [
    ('€', [0x3C, 0x66, 0x1F, 0x06, 0x1F, 0x66, 0x3C, 0x00]),
    ('₽', [0x3E, 0x66, 0x66, 0x3E, 0x1F, 0x06, 0x06, 0x00]),
    ('₹', [0x3F, 0x18, 0x3F, 0x18, 0x0F, 0x1C, 0x38, 0x00]),
    ('₩', [0x63, 0x63, 0x7F, 0x6B, 0x7F, 0x36, 0x36, 0x00]),
    ('₴', [0x1E, 0x33, 0x7F, 0x18, 0x7F, 0x03, 0x3F, 0x00]),
    ('≈', [0x00, 0x6E, 0x3B, 0x00, 0x6E, 0x3B, 0x00, 0x00]),
    ('т', [0x00, 0x00, 0x3F, 0x2D, 0x0C, 0x0C, 0x1E, 0x00]),
    ('ы', [0x00, 0x00, 0x63, 0x63, 0x6F, 0x7B, 0x6F, 0x00]),
    ('с', [0x00, 0x00, 0x1E, 0x33, 0x03, 0x33, 0x1E, 0x00]),
    ('м', [0x00, 0x00, 0x63, 0x77, 0x7F, 0x6B, 0x63, 0x00]),
    ('л', [0x00, 0x00, 0x3C, 0x36, 0x36, 0x36, 0x33, 0x00]),
    ('н', [0x00, 0x00, 0x33, 0x33, 0x3F, 0x33, 0x33, 0x00]),
    ('р', [0x00, 0x00, 0x3B, 0x66, 0x66, 0x3E, 0x06, 0x0F]),
    ('д', [0x00, 0x00, 0x3C, 0x36, 0x36, 0x36, 0x7F, 0x63]),
];

/// The glyph of `c`; `None` for a character these letters cannot draw.
fn glyph(c: char) -> Option<[u8; 8]> {
    if let Some((_, glyph)) = OWN_GLYPHS.iter().find(|(own, _)| *own == c) {
        return Some(*glyph);
    }
    font8x8::BASIC_FONTS
        .get(c)
        .or_else(|| font8x8::LATIN_FONTS.get(c))
}

/// True when every character of `text` is a space or has a big letter.
pub fn can_draw(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || glyph(c).is_some())
}

/// Lines of big letters from the top left of the area; what does not fit is cut.
pub struct BigText {
    pub lines: Vec<String>,
    pub size: PixelSize,
    pub style: Style,
}

impl Widget for BigText {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (width, height) = self.size.letter();
        for (n, line) in self.lines.iter().enumerate() {
            let top = area.y.saturating_add(height.saturating_mul(n as u16));
            if top >= area.bottom() {
                break;
            }
            for (i, c) in line.chars().enumerate() {
                let left = area.x.saturating_add(width.saturating_mul(i as u16));
                if left >= area.right() {
                    break;
                }
                let letter = Rect::new(left, top, width, height).intersection(area);
                buf.set_style(letter, self.style);
                let Some(glyph) = glyph(c) else { continue };
                for row in 0..letter.height {
                    for column in 0..letter.width {
                        let symbol = self.size.cell(&glyph, column.into(), row.into());
                        if let Some(cell) = buf.cell_mut((left + column, top + row)) {
                            cell.set_char(symbol);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, size: PixelSize) -> Vec<String> {
        let area = Rect::new(0, 0, 40, 8);
        let mut buf = Buffer::empty(area);
        BigText {
            lines: vec![text.to_string()],
            size,
            style: Style::new(),
        }
        .render(area, &mut buf);
        (0..size.letter().1)
            .map(|y| (0..40).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn money_in_both_languages_is_drawn_with_its_sign() {
        for text in [
            "€38.3k",
            "≈ $2.9M",
            "29 млн ₽",
            "12,5 тыс. ₹",
            "1 млрд ₩",
            "2 трлн ₴",
        ] {
            assert!(can_draw(text), "{text}");
        }
        assert!(!can_draw("中"));
        // The euro's two bars in full-size letters.
        let euro = drawn("€", PixelSize::Full);
        assert_eq!(euro[2].trim_end(), "█████");
        assert_eq!(euro[4].trim_end(), "█████");
    }

    #[test]
    fn a_quadrant_letter_takes_four_columns_and_four_rows() {
        let one = drawn("1", PixelSize::Quadrant);
        assert!(one.iter().all(|row| {
            row[row.char_indices().nth(4).map_or(row.len(), |(i, _)| i)..]
                .trim()
                .is_empty()
        }));
        assert!(one.iter().any(|row| !row.trim().is_empty()));
    }
}
