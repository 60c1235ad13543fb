//! Texts a board repeats many times over (stage ids, exit criteria), shared rather than copied
//! when a file is read: a board of 100,000 deals names its ten stages and their criteria
//! about two million times, and each copy would be an allocation of its own to make, to keep
//! and to free.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use serde::de::{Deserializer, Error, Visitor};

/// How many different texts a reading thread remembers. A board's stages and criteria fit many
/// times over; the texts of a file naming more (a hostile one) are simply not shared.
const REMEMBERED: usize = 1024;

thread_local! {
    static SEEN: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// `text`, shared with every other mention of it read on this thread.
pub fn shared(text: &str) -> Arc<str> {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(known) = seen.get(text) {
            return Arc::clone(known);
        }
        let new: Arc<str> = Arc::from(text);
        if seen.len() < REMEMBERED {
            seen.insert(Arc::clone(&new));
        }
        new
    })
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
        // Past what is remembered, every text is still read as it is.
        for n in 0..2 * REMEMBERED {
            assert_eq!(&*shared(&n.to_string()), n.to_string());
        }
    }
}
