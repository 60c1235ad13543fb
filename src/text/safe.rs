//! Text from a file, a CSV or a teammate's board is hostile until shown otherwise: it must never
//! reach a terminal raw (an escape sequence could retitle or clear it, or fake other output) and
//! never make a message huge. Every command-line output and error goes through
//! [`terminal_safe`]; a message that quotes such text quotes at most [`QUOTE_CHARS`] of it with
//! [`quote`].

use std::borrow::Cow;
use std::fmt;

/// How much of a piece of user text a message quotes.
pub const QUOTE_CHARS: usize = 80;

/// The most a whole error message may hold, whatever it quotes.
pub const MESSAGE_CHARS: usize = 2_000;

/// `text` with every control character except line breaks and tabs shown escaped (`\u{1b}`),
/// so printing it cannot drive the terminal. Other text is returned as it is.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| needs_escape(c, Lines::Kept)) {
        Cow::Owned(escaped(text, Lines::Kept, usize::MAX))
    } else {
        Cow::Borrowed(text)
    }
}

/// At most [`QUOTE_CHARS`] characters of `text`, on one line, with every control character
/// (line breaks too) escaped and `…` where it was cut. Reads no further than it quotes, so a
/// megabyte of text costs no more than a short one.
pub fn quote(text: &str) -> String {
    excerpt(text, QUOTE_CHARS)
}

/// Like [`quote`], at most `most` characters.
pub fn excerpt(text: &str, most: usize) -> String {
    escaped(text, Lines::Escaped, most)
}

/// A whole message made safe to print: escaped as [`terminal_safe`] does, and cut to
/// [`MESSAGE_CHARS`] characters.
pub fn safe_message(text: &str) -> String {
    escaped(text, Lines::Kept, MESSAGE_CHARS)
}

/// Whether line breaks and tabs are kept (a message) or escaped too (a quote on one line).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    Kept,
    Escaped,
}

/// C0 and C1 control characters and DEL are what a terminal may act on instead of showing.
fn needs_escape(c: char, lines: Lines) -> bool {
    (c.is_control() && !(lines == Lines::Kept && matches!(c, '\n' | '\t')))
        || crate::model::limits::is_bidi_control(c)
}

/// `text` with controls escaped, cut with `…` once `most` characters are written.
fn escaped(text: &str, lines: Lines, most: usize) -> String {
    let mut out = String::new();
    let mut written = 0;
    for c in text.chars() {
        if written >= most {
            out.push('…');
            break;
        }
        if needs_escape(c, lines) {
            let escape = format!("\\u{{{:x}}}", u32::from(c));
            written += escape.len();
            out.push_str(&escape);
        } else {
            written += 1;
            out.push(c);
        }
    }
    out
}

/// `text` quoted for a message, for use as a blank of [`super::fill`].
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&quote(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_escaped_and_the_rest_kept() {
        let hostile = "Deal\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{0}\r";
        let safe = terminal_safe(hostile);
        assert_eq!(
            safe,
            "Deal\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{0}\\u{d}"
        );
        assert!(!safe.chars().any(char::is_control));
        assert_eq!(terminal_safe("Ромашка\t株式\n🚀"), "Ромашка\t株式\n🚀");
        assert!(matches!(terminal_safe("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn quotes_are_short_single_lines() {
        assert_eq!(quote("two\nlines"), "two\\u{a}lines");
        let long = "x".repeat(1_000_000);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(quote(&"я".repeat(QUOTE_CHARS)), "я".repeat(QUOTE_CHARS));
    }

    #[test]
    fn whole_messages_are_capped() {
        let message = format!("bad: {}", "\u{1b}".repeat(10_000));
        let safe = safe_message(&message);
        assert!(safe.chars().count() <= MESSAGE_CHARS + 8);
        assert!(!safe.chars().any(|c| c.is_control()));
        assert!(safe.ends_with('…'));
    }
}
