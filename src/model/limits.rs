//! What a board may hold, wherever the text comes from (the form, the command line, a CSV, a
//! teammate's file): no control characters but line breaks and tabs, text of a bounded length,
//! and dates within years 1900 to 9999. Input is cleaned ([`clean_line`], [`clean_notes`]) and
//! then checked; a file that breaks a rule is refused with where and why.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The most characters in one line of text: a title, a company, a stage's name, a tag...
pub const LINE_CHARS: usize = 500;
/// The most characters in a deal's notes.
pub const NOTES_CHARS: usize = 20_000;
/// Dates and times are within these years.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 9999;

/// The invisible characters that reorder text on screen (a right-to-left override can make a
/// line read other than it is): counted with the control characters, never kept or shown.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// Why a piece of text may not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds this control character.
    Control(char),
    /// It is longer than this many characters.
    TooLong(usize),
}

/// One line as typed or imported: line breaks and tabs become spaces, other control characters
/// are dropped, and the ends are trimmed.
pub fn clean_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect();
    spaced.trim().to_string()
}

/// One line as [`clean_line`] makes it, cut to [`LINE_CHARS`]: for names and list items typed
/// in a field that already stops at that length.
pub fn fit_line(text: &str) -> String {
    let clean = clean_line(text);
    match clean.char_indices().nth(LINE_CHARS) {
        Some((at, _)) => clean[..at].trim_end().to_string(),
        None => clean,
    }
}

/// Text with every control character but line breaks and tabs dropped, otherwise as it is: for
/// our own export read back, whose text must come back exactly.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|c| (!c.is_control() || matches!(c, '\n' | '\t')) && !is_bidi_control(*c))
        .collect()
}

/// Notes as typed or imported: Windows and old Mac line ends become `\n`, control characters
/// other than line breaks and tabs are dropped, and the ends are trimmed.
pub fn clean_notes(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    strip_controls(&unified).trim().to_string()
}

/// Checks a line of text the board holds: no control character at all (a line break in a
/// title could fake another row of a listing).
pub fn check_line(text: &str) -> Result<(), TextProblem> {
    check(text, LINE_CHARS, |_| false)
}

/// Checks a deal's notes: line breaks and tabs are theirs.
pub fn check_notes(text: &str) -> Result<(), TextProblem> {
    check(text, NOTES_CHARS, |c| matches!(c, '\n' | '\t'))
}

/// No control character but those `allowed`, and at most `most` characters. Reads no further
/// than `most` characters past the limit, so a huge text is refused quickly.
fn check(text: &str, most: usize, allowed: fn(char) -> bool) -> Result<(), TextProblem> {
    // Most text is plain ASCII: one byte is one character, and its controls are all below 0x20
    // or 0x7f, so it is checked a byte at a time.
    let plain = |b: &u8| b.is_ascii() && (!b.is_ascii_control() || allowed(char::from(*b)));
    if text.len() <= most && text.as_bytes().iter().all(plain) {
        return Ok(());
    }
    for (count, c) in text.chars().enumerate() {
        if count >= most {
            return Err(TextProblem::TooLong(most));
        }
        if (c.is_control() && !allowed(c)) || is_bidi_control(c) {
            return Err(TextProblem::Control(c));
        }
    }
    Ok(())
}

pub fn date_in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

pub fn time_in_range(time: DateTime<Utc>) -> bool {
    date_in_range(time.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_is_cleaned_of_controls() {
        assert_eq!(clean_line(" a\u{0}b\nc\td\u{1b}[2J "), "ab c d[2J");
        assert_eq!(
            clean_notes("one\r\ntwo\rthree\u{7}\tfour\u{9b}"),
            "one\ntwo\nthree\tfour"
        );
    }

    #[test]
    fn text_is_checked_for_controls_and_length() {
        assert_eq!(check_line("one line"), Ok(()));
        assert_eq!(check_line("two\nlines"), Err(TextProblem::Control('\n')));
        assert_eq!(check_notes("fine\ttext\nhere"), Ok(()));
        assert_eq!(check_line("bad\u{1b}"), Err(TextProblem::Control('\u{1b}')));
        assert_eq!(check_line(&"x".repeat(LINE_CHARS)), Ok(()));
        assert_eq!(
            check_line(&"x".repeat(LINE_CHARS + 1)),
            Err(TextProblem::TooLong(LINE_CHARS))
        );
        assert_eq!(check_notes(&"я".repeat(NOTES_CHARS)), Ok(()));
    }

    #[test]
    fn dates_are_within_the_years() {
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert!(date_in_range(day(1900)) && date_in_range(day(9999)));
        assert!(!date_in_range(day(1899)) && !date_in_range(day(-711)));
        assert!(!date_in_range(day(10_000)));
    }
}
