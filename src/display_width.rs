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
/// Reads no further into `text` than the cut, so a megabyte of text costs what fits.
pub fn truncate(text: &str, max: usize) -> String {
    // Printable ASCII (most names and figures) is one cell per byte, each its own cluster: cut
    // without the grapheme tables, which would cost a frame most of its time.
    let head = &text.as_bytes()[..text.len().min(max.saturating_add(1))];
    if head.iter().all(|b| (0x20..0x7f).contains(b)) {
        return match text.len() {
            n if n <= max => text.to_string(),
            _ if max == 0 => String::new(),
            _ => format!("{}…", &text[..max - 1]),
        };
    }
    truncate_clusters(text, max)
}

/// [`truncate`] for any text, cluster by cluster.
fn truncate_clusters(text: &str, max: usize) -> String {
    let mut out = String::new();
    // How much of `out` still leaves a cell for the `…`, should the text not fit.
    let mut room_for_mark = 0;
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        used += grapheme.width();
        if used > max {
            if max == 0 {
                return String::new();
            }
            out.truncate(room_for_mark);
            out.push('…');
            return out;
        }
        out.push_str(grapheme);
        if used < max {
            room_for_mark = out.len();
        }
    }
    out
}

/// `text` broken into lines of at most `cells` cells, at spaces where it can be (a word longer
/// than a line is cut).
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let line = lines.last_mut().map(|l| (width(l), l));
            let Some((used, line)) = line else { break };
            let gap = usize::from(used > 0);
            if used + gap + width(&word) <= cells {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(String::new());
                continue;
            }
            // A word wider than a whole line: cut it.
            let head = truncate_plain(&word, cells);
            word = word[head.len()..].to_string();
            line.push_str(&head);
            lines.push(String::new());
            if word.is_empty() {
                break;
            }
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The longest start of `text` at most `cells` wide (at least one character).
fn truncate_plain(text: &str, cells: usize) -> String {
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        if !out.is_empty() && width(&out) + grapheme.width() > cells {
            break;
        }
        out.push_str(grapheme);
    }
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
        assert_eq!(truncate("Acme Ltd", 5), "Acme…");
        assert_eq!(truncate("Acme Ltd", 1), "…");
        assert_eq!(truncate("Acme Ltd", 8), "Acme Ltd");
    }

    proptest::proptest! {
        /// Plain text cut the quick way is cut as cluster by cluster.
        #[test]
        fn plain_text_is_cut_as_any_text_is(text in "[ -~]{0,30}", max in 0usize..35) {
            proptest::prop_assert_eq!(truncate(&text, max), truncate_clusters(&text, max));
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(
            wrap("Поставка оборудования", 10),
            ["Поставка", "оборудован", "ия"]
        );
        assert_eq!(wrap("株式会社テスト", 6), ["株式会", "社テス", "ト"]);
        assert_eq!(wrap("", 5), [""]);
    }
}
