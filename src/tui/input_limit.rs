//! Typing into a text field within the board's limits: no control characters, and no more
//! characters than the board keeps, so a long paste cannot make every frame slower.

use tui_input::{Input, InputRequest};

/// The characters of a paste as they are typed: line breaks and tabs become spaces, other
/// control characters are dropped, and no more is typed than the longest field takes.
pub fn pasted(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(crate::model::limits::NOTES_CHARS)
}

/// Applies `request` to `input`, unless it types a control character or a character past
/// `most`.
pub fn edit_within(input: &mut Input, request: InputRequest, most: usize) {
    if let InputRequest::InsertChar(c) = request
        && (c.is_control() || input.value().chars().nth(most.saturating_sub(1)).is_some())
    {
        return;
    }
    input.handle(request);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_typed_on_one_line_without_controls() {
        let typed: String = pasted("two\r\nlines\t\u{1b}[2Jx").collect();
        assert_eq!(typed, "two  lines [2Jx");
        assert_eq!(
            pasted(&"y".repeat(1_000_000)).count(),
            crate::model::limits::NOTES_CHARS
        );
    }

    #[test]
    fn typing_stops_at_the_limit_and_skips_controls() {
        let mut input = Input::new("ab".into());
        edit_within(&mut input, InputRequest::InsertChar('\u{1b}'), 3);
        edit_within(&mut input, InputRequest::InsertChar('c'), 3);
        edit_within(&mut input, InputRequest::InsertChar('d'), 3);
        assert_eq!(input.value(), "abc");
        edit_within(&mut input, InputRequest::DeletePrevChar, 3);
        assert_eq!(input.value(), "ab");
    }
}
