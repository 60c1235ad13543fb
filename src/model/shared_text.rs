//! Texts a board repeats many times over (stage ids, exit criteria), shared rather than copied
//! when a file is read: a board of 100,000 deals names its ten stages and their criteria
//! about two million times, and each copy would be an allocation of its own to make, to keep
//! and to free.

use std::cell::RefCell;
use std::sync::Arc;

use serde::de::{Deserializer, Error, Visitor};

/// How many texts a reading thread remembers, each in its place or one of the few after it
/// (a text's place is worked out from its length and its ends). A board's stages and
/// criteria fit many times over; once the places are full (a file naming very many texts, a
/// hostile one), a text not remembered is read as a copy of its own, so memory stays the
/// same whatever a file holds, and nothing is ever read wrong.
const PLACES: usize = 1024;
/// How many places after its own a text may take.
const TRIES: usize = 8;

thread_local! {
    static SEEN: RefCell<[Option<Arc<str>>; PLACES]> =
        const { RefCell::new([const { None }; PLACES]) };
}

/// `text`, shared with the other mentions of it read on this thread.
pub fn shared(text: &str) -> Arc<str> {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let first = place_of(text);
        for n in 0..TRIES {
            match &mut seen[(first + n) % PLACES] {
                Some(known) if **known == *text => return Arc::clone(known),
                Some(_) => {}
                free @ None => return Arc::clone(free.insert(Arc::from(text))),
            }
        }
        Arc::from(text)
    })
}

/// Where `text` is remembered: its length and up to eight bytes from each end, mixed. Quicker
/// than hashing it whole, and enough to tell a board's stage ids and criteria apart.
fn place_of(text: &str) -> usize {
    let bytes = text.as_bytes();
    let word = |part: &[u8]| part.iter().fold(0u64, |w, b| w << 8 | u64::from(*b));
    let head = word(&bytes[..bytes.len().min(8)]);
    let tail = word(&bytes[bytes.len().saturating_sub(8)..]);
    const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
    let mixed = ((bytes.len() as u64 ^ head).wrapping_mul(MIX) ^ tail).wrapping_mul(MIX);
    // The top bits are the best mixed.
    (mixed >> 32) as usize % PLACES
}

/// Reads a text, shared (for `#[serde(deserialize_with)]` and hand-written `Deserialize`).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
    deserializer.deserialize_str(SharedText)
}

/// Reads a list of texts, each shared.
pub fn deserialize_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Arc<str>>, D::Error> {
    struct Texts;
    impl<'de> Visitor<'de> for Texts {
        type Value = Vec<Arc<str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of texts")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut texts = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(text) = seq.next_element_seed(SharedText)? {
                texts.push(text);
            }
            Ok(texts)
        }
    }
    deserializer.deserialize_seq(Texts)
}

struct SharedText;

impl<'de> Visitor<'de> for SharedText {
    type Value = Arc<str>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a text")
    }
    fn visit_str<E: Error>(self, text: &str) -> Result<Arc<str>, E> {
        Ok(shared(text))
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for SharedText {
    type Value = Arc<str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Arc<str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_read_twice_is_one_text_and_many_texts_are_each_kept() {
        let first = shared("qualification");
        assert!(Arc::ptr_eq(&first, &shared("qualification")));
        let read: Vec<Arc<str>> = deserialize_list(&mut serde_json::Deserializer::from_str(
            r#"["a", "b", "a"]"#,
        ))
        .unwrap();
        assert_eq!(read, ["a".into(), "b".into(), "a".into()] as [Arc<str>; 3]);
        assert!(Arc::ptr_eq(&read[0], &read[2]));
        for language in ["en", "ru"] {
            let board = crate::store::default_board_in(language).unwrap();
            for stage in &board.stages {
                let texts = stage.checklist.iter().map(String::as_str);
                for text in texts.chain([stage.id.as_str()]) {
                    assert!(Arc::ptr_eq(&shared(text), &shared(text)), "{text}");
                }
            }
        }
        // Past what is remembered, every text is still read as it is.
        for n in 0..2 * PLACES {
            assert_eq!(&*shared(&n.to_string()), n.to_string());
        }
    }
}
