//! A fast reader for board files exactly as dealboard writes them, several times quicker than
//! ron's general parser (which handles every spelling RON allows, and comments anywhere).
//!
//! It reads only the shapes the writer makes: unnamed structs, plain and raw strings without
//! escapes, whole numbers, unit, newtype and struct variants, implicit `Some`, and the header's
//! comments and `#![enable(implicit_some)]`. For anything else (an escape, a comment inside,
//! `Some(…)`, a float, an unknown field, a bad value) it gives up and the caller reads the file
//! with ron, which also gives errors their line and column. What it does read means what ron
//! reads it as: a property test holds the two to the same boards.

use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::model::{Board, Deal};

/// The board in `text`, if it is written the way dealboard writes boards.
pub(super) fn board(text: &str) -> Option<Board> {
    let mut reader = Reader::new(text);
    reader.skip_header();
    let board = Board::deserialize(&mut reader).ok()?;
    reader.at_end().then_some(board)
}

/// The deals in `piece`: a run of deals, each followed by a comma, as in a board's deals list.
pub(super) fn deals(piece: &str) -> Option<Vec<Arc<Deal>>> {
    let mut reader = Reader::new(piece);
    let mut deals = Vec::new();
    while !reader.at_end() {
        let mut deal = Deal::deserialize(&mut reader).ok()?;
        // A list read item by item grows by doubling: a deal's lists keep only what they hold
        // (a tenth of what a big board takes in memory).
        deal.shrink_to_fit();
        deals.push(Arc::new(deal));
        reader.expect(b',').ok()?;
    }
    Some(deals)
}

/// Why the text was not read here; never shown: the file is then read by ron.
#[derive(Debug)]
pub(super) struct NotCanonical;

impl fmt::Display for NotCanonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not as dealboard writes boards")
    }
}

impl std::error::Error for NotCanonical {}

impl de::Error for NotCanonical {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotCanonical
    }
}

type Result<T> = std::result::Result<T, NotCanonical>;

struct Reader<'de> {
    text: &'de str,
    at: usize,
}

const HEADER_EXTENSION: &str = "#![enable(implicit_some)]";

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

impl<'de> Reader<'de> {
    fn new(text: &'de str) -> Self {
        Reader { text, at: 0 }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte after whitespace (which is skipped).
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() != Some(byte) {
            return Err(NotCanonical);
        }
        self.at += 1;
        Ok(())
    }

    /// Takes `byte` if it comes next.
    fn take(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// The comment lines and the implicit-`Some` extension the writer puts first.
    fn skip_header(&mut self) {
        loop {
            self.peek();
            let rest = &self.text[self.at..];
            if rest.starts_with("//") {
                self.at += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with(HEADER_EXTENSION) {
                self.at += HEADER_EXTENSION.len();
            } else {
                return;
            }
        }
    }

    fn identifier(&mut self) -> Result<&'de str> {
        self.peek();
        let start = self.at;
        let bytes = self.bytes();
        if !bytes
            .get(start)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            return Err(NotCanonical);
        }
        let len = bytes[start..]
            .iter()
            .take_while(|b| is_ident_byte(**b))
            .count();
        self.at += len;
        Ok(&self.text[start..start + len])
    }

    /// A string as the writer writes it: `"…"` without escapes, or `r#"…"#` with any number of
    /// hashes when the text holds a quote or a backslash.
    fn string(&mut self) -> Result<&'de str> {
        let bytes = self.bytes();
        match self.peek() {
            Some(b'"') => {
                let start = self.at + 1;
                // One look for the closing quote that also finds an escape before it.
                let len = memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(NotCanonical)?;
                if bytes[start + len] != b'"' {
                    return Err(NotCanonical);
                }
                self.at = start + len + 1;
                Ok(&self.text[start..start + len])
            }
            Some(b'r') => {
                let hashes = bytes[self.at + 1..]
                    .iter()
                    .take_while(|b| **b == b'#')
                    .count();
                let start = self.at + 1 + hashes + 1;
                if bytes.get(start - 1) != Some(&b'"') {
                    return Err(NotCanonical);
                }
                let mut closing = Vec::with_capacity(hashes + 1);
                closing.push(b'"');
                closing.extend(std::iter::repeat_n(b'#', hashes));
                let len = memchr::memmem::find(&bytes[start..], &closing).ok_or(NotCanonical)?;
                self.at = start + len + closing.len();
                Ok(&self.text[start..start + len])
            }
            _ => Err(NotCanonical),
        }
    }

    /// Digits of a whole number, with no sign, leading zero, separator, fraction or suffix.
    fn digits(&mut self) -> Result<u64> {
        let bytes = self.bytes();
        let start = self.at;
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = start + len;
        let leading_zero = len > 1 && bytes[start] == b'0';
        if len == 0
            || leading_zero
            || bytes
                .get(end)
                .is_some_and(|b| is_ident_byte(*b) || *b == b'.')
        {
            return Err(NotCanonical);
        }
        self.at = end;
        self.text[start..end].parse().map_err(|_| NotCanonical)
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.peek();
        self.digits()
    }

    fn signed(&mut self) -> Result<i64> {
        let negative = self.take(b'-');
        let magnitude = i128::from(self.digits()?);
        i64::try_from(if negative { -magnitude } else { magnitude }).map_err(|_| NotCanonical)
    }
}

macro_rules! not_written_here {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
            Err(NotCanonical)
        })*
    };
}

/// Whole numbers of every width are read the same way: the visitor checks the range.
macro_rules! whole_numbers {
    ($($($method:ident)* => $visit:ident($read:ident);)*) => {
        $($(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.$read()?)
        })*)*
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = NotCanonical;

    not_written_here! {
        deserialize_any deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_map deserialize_ignored_any
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(NotCanonical),
        }
    }

    whole_numbers! {
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 => visit_u64(unsigned);
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 => visit_i64(signed);
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    /// With implicit `Some`, a value is the option's content; only a bare `None` is none.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let bytes = self.bytes();
        self.peek();
        let rest = &bytes[self.at..];
        let word =
            |w: &[u8]| rest.starts_with(w) && !rest.get(w.len()).is_some_and(|b| is_ident_byte(*b));
        if word(b"None") {
            self.at += 4;
            visitor.visit_none()
        } else if word(b"Some") {
            Err(NotCanonical)
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Items {
            reader: &mut *self,
            end: b']',
            first: true,
        })?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Items {
            reader: &mut *self,
            end: b')',
            first: true,
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The items of a list or the fields of a struct, each followed by a comma but the last one
/// maybe not.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    end: u8,
    first: bool,
}

impl Items<'_, '_> {
    /// Whether another item follows (after the comma that must end the one before).
    fn another(&mut self) -> Result<bool> {
        if self.reader.peek() == Some(self.end) {
            return Ok(false);
        }
        if !std::mem::take(&mut self.first) {
            self.reader.expect(b',')?;
            if self.reader.peek() == Some(self.end) {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = NotCanonical;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.another()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = NotCanonical;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.another()? {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        self.reader.expect(b':')?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = NotCanonical;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = NotCanonical;

    fn unit_variant(self) -> Result<()> {
        match self.bytes().get(self.at) {
            Some(b'(') => Err(NotCanonical),
            _ => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        if self.bytes().get(self.at) != Some(&b'(') {
            return Err(NotCanonical);
        }
        self.at += 1;
        let value = seed.deserialize(&mut *self)?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.bytes().get(self.at) != Some(&b'(') {
            return Err(NotCanonical);
        }
        self.deserialize_struct("", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Referral, Status};
    use crate::store::format::{options, to_text};
    use crate::test_boards::{demo, moment};
    use proptest::prelude::*;

    fn by_ron(text: &str) -> Option<Board> {
        options().from_str(text).ok()
    }

    /// A small board holding every shape the writer makes: raw strings with hashes, line
    /// breaks, other scripts, referrals, won and lost deals, empty and missing fields.
    fn every_shape() -> Board {
        let mut board = demo(12);
        let ids: Vec<_> = board.deals.iter().map(|d| d.id).collect();
        board
            .edit_deal(ids[0], moment(), |d| {
                d.notes = "quote \" hash \"# two \"## and \\ back\nline два\ttab".into();
                d.title = "r#\"not raw\"#".into();
                d.referred_by = Some(Referral::Person("None".into()));
                d.status = Status::Lost {
                    at: moment(),
                    reason: "Price \"too\" high".into(),
                };
            })
            .unwrap();
        board
            .edit_deal(ids[1], moment(), |d| {
                d.referred_by = Some(Referral::Deal(ids[0]));
                d.status = Status::Won { at: moment() };
                d.rank = -7;
            })
            .unwrap();
        board.lost_reasons = vec!["Price".into(), String::new()];
        let day = moment().date_naive();
        let mut rates = crate::model::Rates::new(crate::model::Currency::EUR, day);
        for (code, rate) in [("USD", "0.93"), ("RUB", "0.0098")] {
            let from = crate::model::Currency::parse(code).unwrap();
            let rate = crate::model::PerUnit::parse(rate).unwrap();
            rates.set(from, rate, day).unwrap();
        }
        board.rates = Some(rates);
        board
    }

    #[test]
    fn boards_as_written_are_read_here_as_ron_reads_them() {
        for board in [every_shape(), demo(300), demo(0)] {
            let text = to_text(&board).unwrap();
            assert_eq!(super::board(&text).as_ref(), Some(&board));
            assert_eq!(by_ron(&text).as_ref(), Some(&board));
        }
    }

    #[test]
    fn what_the_writer_never_writes_is_left_to_ron() {
        let text = to_text(&every_shape()).unwrap();
        let title = "title: \"CRM rollout\"";
        assert!(text.contains(title));
        for (spelling, why) in [
            ("title: \"CRM\\trollout\"", "an escape"),
            ("title: /* a comment */ \"CRM rollout\"", "a comment inside"),
            ("title: \"CRM rollout\", // a comment", "a comment inside"),
        ] {
            let changed = text.replacen(title, spelling, 1);
            assert_eq!(super::board(&changed), None, "{why}");
            assert!(by_ron(&changed).is_some(), "ron reads {why}");
        }
        let raw = text.replacen(title, "title: r\"CRM rollout\"", 1);
        assert_eq!(
            super::board(&raw),
            by_ron(&raw),
            "a raw string without hashes"
        );
        let close = text.find("expected_close: \"").unwrap() + "expected_close: ".len();
        let explicit = format!("{}Some({})", &text[..close], &text[close..close + 12]);
        let explicit = format!("{explicit}{}", &text[close + 12..]);
        assert_eq!(super::board(&explicit), None, "an explicit Some");
        assert_eq!(by_ron(&explicit).as_ref(), Some(&every_shape()));
        assert_eq!(
            super::board(&text.replacen("rank: -7", "rank: -0x7", 1)),
            None
        );
        assert_eq!(
            super::board(&text.replacen("rank: -7", "rank: 1_000", 1)),
            None
        );
        assert_eq!(super::board(&format!("{text}trailing")), None);
        assert_eq!(super::board(&text.replacen("(\n", "Board(\n", 1)), None);
        let unwrapped = text.replacen(
            "#![enable(implicit_some)]",
            "#![enable(implicit_some, unwrap_newtypes)]",
            1,
        );
        assert_eq!(super::board(&unwrapped), None, "another extension");
    }

    /// What a hand edit may put in or take out.
    const EDITS: &[&str] = &[
        " ", "\n", ",", "(", ")", "[", "]", ":", "\"", "#", "r#\"", "\"#", "\\", "//x\n", "/*x*/",
        "Some(", "None", "-", "+", "0", "1.5", "_", "x", "Open", "Won(", "Deal(", "1e3", "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever a hand edit does to a board's text, what is read here is what ron reads: the
        /// quick reader either agrees or gives up.
        #[test]
        fn an_edited_file_is_read_here_as_ron_reads_it_or_left_to_ron(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, prop::sample::select(EDITS)), 1..4),
        ) {
            let mut text = to_text(&every_shape()).unwrap();
            for (at, kind, token) in edits {
                let mut at = at.index(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match kind {
                    0 => text.insert_str(at, token),
                    1 => {
                        let end = (at + token.len()).min(text.len());
                        if text.is_char_boundary(end) {
                            text.replace_range(at..end, "");
                        }
                    }
                    _ => {
                        let end = (at + token.len()).min(text.len());
                        if text.is_char_boundary(end) {
                            text.replace_range(at..end, token);
                        }
                    }
                }
            }
            if let Some(quick) = super::board(&text) {
                prop_assert_eq!(Some(quick), by_ron(&text), "{}", text);
            }
        }
    }

    #[test]
    fn deals_of_a_piece_are_the_deals_of_the_list() {
        let board = every_shape();
        let text = to_text(&board).unwrap();
        let first = crate::store::format::deal_start_after(text.as_bytes(), 0).unwrap();
        let end = text.len() - crate::store::format::AFTER_DEALS.len();
        let deals = super::deals(&text[first..end]).unwrap();
        assert_eq!(deals, *board.deals);
        assert_eq!(
            super::deals(&text[first..end - 2]),
            None,
            "a deal cut short"
        );
    }
}
