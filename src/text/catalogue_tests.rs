//! Every language says every message with the same blanks, and has a form for each of its
//! plural categories: a translation cannot lose a `{title}` or invent a `{name}`.

use std::collections::BTreeSet;

use super::entries::{Entries, Entry, Kind};
use super::{Language, Text};

fn entries(text: &Text) -> Vec<Entry> {
    let mut out = Vec::new();
    text.locale.entries("locale", &mut out);
    for (name, section) in [
        ("key_names", &text.key_names as &dyn Entries),
        ("hints", &text.hints),
        ("board", &text.board),
        ("form", &text.form),
        ("keys", &text.keys),
        ("help", &text.help),
        ("process", &text.process),
        ("closed", &text.closed),
        ("detail", &text.detail),
        ("errors", &text.errors),
        ("cli", &text.cli),
        ("review", &text.review),
        ("reports", &text.reports),
        ("report_screen", &text.report_screen),
        ("import", &text.import),
        ("clap", &text.clap),
        ("os_errors", &text.os_errors),
    ] {
        section.entries(name, &mut out);
    }
    out
}

/// The names in braces: `{title}`.
fn blanks(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.insert(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

#[test]
fn every_language_has_the_same_blanks_as_english() {
    let english = entries(Language::English.text());
    assert!(english.len() > 500, "the walk finds every message");
    for language in Language::ALL {
        let text = language.text();
        let translated = entries(text);
        assert_eq!(translated.len(), english.len());
        let mut wrong = Vec::new();
        for (en, tr) in english.iter().zip(&translated) {
            assert_eq!(en.name, tr.name);
            let all_english: BTreeSet<&str> = en.texts.iter().flat_map(|t| blanks(t)).collect();
            for form in &tr.texts {
                let found = blanks(form);
                let fits = match en.kind {
                    Kind::Sentence | Kind::Plural => found == all_english,
                    Kind::List => found.is_subset(&all_english),
                };
                if !fits {
                    wrong.push(format!(
                        "{} {:?}: {form:?} has {found:?}",
                        tr.name, language
                    ));
                }
            }
            if en.kind == Kind::Plural && tr.texts.len() != text.locale.plural_categories.len() {
                wrong.push(format!(
                    "{} {:?}: {} forms for {} plural categories",
                    tr.name,
                    language,
                    tr.texts.len(),
                    text.locale.plural_categories.len()
                ));
            }
            if en.kind == Kind::List && tr.texts.is_empty() && !en.texts.is_empty() {
                wrong.push(format!("{} {:?}: empty", tr.name, language));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

#[test]
fn no_message_is_left_empty_or_untranslated_by_accident() {
    let english = entries(Language::English.text());
    let russian = entries(Language::Russian.text());
    let mut same = Vec::new();
    for (en, ru) in english.iter().zip(&russian) {
        for (e, r) in en.texts.iter().zip(&ru.texts) {
            // Marks, symbols and key names may be the same; words may not.
            let has_words = without_blanks(e)
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .count()
                > 3;
            if has_words && e == r && !ALLOWED_SAME.contains(e) {
                same.push(format!("{}: {e:?}", en.name));
            }
        }
        assert!(
            ru.texts.iter().all(|t| !t.trim().is_empty()) || en.texts.iter().any(|t| t.is_empty()),
            "{} is empty in Russian",
            ru.name
        );
    }
    assert!(same.is_empty(), "still English:\n{}", same.join("\n"));
}

fn without_blanks(text: &str) -> String {
    let mut out = text.to_string();
    for blank in blanks(text) {
        out = out.replace(&format!("{{{blank}}}"), "");
    }
    out
}

/// English that Russian keeps on purpose: key names, file-name parts, ids.
const ALLOWED_SAME: &[&str] = &[
    "Enter", "PgUp", "PgDn", "Home", "End", "unsaved", "replaced", "Ctrl+", "Shift+",
];
