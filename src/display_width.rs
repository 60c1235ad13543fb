//! Text measured the way a terminal draws it: Cyrillic is one cell a letter, CJK and most emoji
//! two. Everything that fits text into columns goes through here.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cells `text` takes on screen.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` cells, ending in `…` when something was cut. Never splits a
/// character cluster (a flag or an accented letter stays whole).
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces (or cut) to exactly `cells` cells, on the left when `right_align`.
pub fn pad(text: &str, cells: usize, right_align: bool) -> String {
    let cut = truncate(text, cells);
    let gap = " ".repeat(cells.saturating_sub(cut.width()));
    if right_align { gap + &cut } else { cut + &gap }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_narrow_text_is_cut_by_cells() {
        assert_eq!(truncate("Acme", 10), "Acme");
        assert_eq!(truncate("Ромашка и партнёры", 8), "Ромашка…");
        assert_eq!(truncate("株式会社テスト", 7), "株式会…");
        assert_eq!(width(&truncate("株式会社テスト", 6)), 5);
        assert_eq!(truncate("🇩🇪🇩🇪🇩🇪", 5), "🇩🇪🇩🇪…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(pad("株", 4, false), "株  ");
        assert_eq!(pad("12", 4, true), "  12");
    }
}
