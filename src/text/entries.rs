//! Every message of a catalogue, by name, so a test can hold the languages side by side (the
//! same blanks in each, a plural form for each category). The sections are declared through
//! [`catalogue!`], which writes the struct and the walk over its fields together, so a new
//! field is walked without anyone remembering to.

#[cfg(test)]
use super::Plural;

/// What kind of message an entry is, which decides how strictly languages must agree.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One sentence: the same blanks in every language.
    Sentence,
    /// The forms of a counted phrase: one per plural category, each with the blanks.
    Plural,
    /// Alternatives or a list (longest-first forms, hints): any of the English blanks.
    List,
}

#[cfg(test)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    pub texts: Vec<&'static str>,
}

#[cfg(test)]
pub trait Entries {
    fn entries(&self, name: &str, out: &mut Vec<Entry>);
}

#[cfg(test)]
impl Entries for &'static str {
    fn entries(&self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry {
            name: name.to_string(),
            kind: Kind::Sentence,
            texts: vec![self],
        });
    }
}

#[cfg(test)]
impl Entries for &'static [&'static str] {
    fn entries(&self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry {
            name: name.to_string(),
            kind: Kind::List,
            texts: self.to_vec(),
        });
    }
}

#[cfg(test)]
impl Entries for Plural {
    fn entries(&self, name: &str, out: &mut Vec<Entry>) {
        out.push(Entry {
            name: name.to_string(),
            kind: Kind::Plural,
            texts: self.0.to_vec(),
        });
    }
}

/// Declares catalogue sections: each struct, and [`Entries`] walking all its fields.
macro_rules! catalogue {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            pub struct $name {
                $( $(#[$field_meta])* pub $field: $ty ),*
            }

            #[cfg(test)]
            impl $crate::text::entries::Entries for $name {
                fn entries(&self, name: &str, out: &mut Vec<$crate::text::entries::Entry>) {
                    $(
                        $crate::text::entries::Entries::entries(
                            &self.$field,
                            &format!("{name}.{}", stringify!($field)),
                            out,
                        );
                    )*
                }
            }
        )*
    };
}
