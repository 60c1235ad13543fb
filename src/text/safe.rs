//! Text from a file, a CSV or a teammate's board is hostile until shown otherwise: it must never
//! reach a terminal raw (an escape sequence could retitle or clear it, or fake other output) and
//! never make a message huge. Every command-line output and error goes through
//! [`terminal_safe`]; a message that quotes such text quotes at most [`QUOTE_CHARS`] of it with
//! [`quote`].

use std::borrow::Cow;
use std::fmt::{self, Write};

/// How much of a piece of user text a message quotes.
pub const QUOTE_CHARS: usize = 80;

/// The most a whole error message may hold, whatever it quotes.
pub const MESSAGE_CHARS: usize = 2_000;

/// `text` with every control character except line breaks and tabs shown escaped (`\u{1b}`),
/// so printing it cannot drive the terminal. Other text is returned as it is.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| unsafe_char(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) && c != '\n' && c != '\t' {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most [`QUOTE_CHARS`] characters of `text`, on one line, with every control character
/// (line breaks too) escaped and `…` where it was cut. Reads no further than it quotes, so a
/// megabyte of text costs no more than a short one.
pub fn quote(text: &str) -> String {
    excerpt(text, QUOTE_CHARS)
}

/// Like [`quote`], at most `most` characters.
pub fn excerpt(text: &str, most: usize) -> String {
    let mut out = String::new();
    for (shown, c) in text.chars().enumerate() {
        if shown >= most {
            out.push('…');
            break;
        }
        if unsafe_char(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// A whole message made safe to print: escaped as [`terminal_safe`] does, and cut to
/// [`MESSAGE_CHARS`] characters.
pub fn safe_message(text: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for c in text.chars() {
        if shown >= MESSAGE_CHARS {
            out.push('…');
            break;
        }
        let before = out.len();
        if unsafe_char(c) && c != '\n' && c != '\t' {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
        shown += out[before..].chars().count();
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

/// C0 and C1 control characters and DEL: what a terminal may act on instead of showing.
fn unsafe_char(c: char) -> bool {
    c.is_control()
}

fn escape(c: char, out: &mut String) {
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
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
