//! Finding deals: words to look for, an owner (`@anna`), a tag (`#pilot`), and quick toggles.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::attention::{Due, due_state, rotting_days};
use crate::model::same_name;
use crate::model::{Board, Deal};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear (any case) in the title, company, contact, tags or notes;
    /// `@name` keeps one owner's deals, `#tag` deals with that tag.
    pub text: String,
    /// Only deals of the board's owner (the person whose board it is).
    pub only_mine: bool,
    pub only_rotting: bool,
    /// Only deals whose next action is overdue or due today: what the seller has to do today.
    pub only_due_now: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.only_mine || self.only_rotting || self.only_due_now
    }

    pub fn matches(&self, deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> bool {
        self.matcher().matches(deal, board, now)
    }

    /// The filter ready to try on many deals: its words read once.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            filter: self,
            words: self.words(),
        }
    }

    fn words(&self) -> Vec<Word> {
        self.text
            .split_whitespace()
            .map(|w| Word::of(w.to_lowercase()))
            .collect()
    }

    /// Whether every deal this filter keeps is one `before` kept too: it has every toggle
    /// `before` had, and each word of `before` is implied by a word of this one (`acm` by
    /// `acme`, `@an` by `@anna`). A filter typed a key further then only needs to look
    /// through what `before` kept, not the whole board.
    pub fn narrows(&self, before: &Filter) -> bool {
        let (now, then) = (self.words(), before.words());
        (self.only_mine || !before.only_mine)
            && (self.only_rotting || !before.only_rotting)
            && (self.only_due_now || !before.only_due_now)
            && then
                .iter()
                .all(|old| now.iter().any(|new| new.implies(old)))
    }
}

pub struct Matcher<'f> {
    filter: &'f Filter,
    words: Vec<Word>,
}

impl Matcher<'_> {
    /// Whether the filter keeps `deal`. A filter that asks for nothing keeps every deal
    /// without working out its facts.
    pub fn matches(&self, deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> bool {
        !self.filter.is_active() || self.keeps_with(&Facts::of(deal, board, now), || deal)
    }

    /// Whether the filter keeps `deal`, whose [`Facts`] are `facts`. Only a tag (`#`) reads
    /// the deal itself.
    pub fn keeps(&self, facts: &Facts, deal: &Arc<Deal>) -> bool {
        self.keeps_with(facts, || deal)
    }

    /// `deal` is asked for only when a tag is: given as a reference, the compiler reads the
    /// deal's tags before it knows whether a tag is asked for, and at 100,000 deals reading
    /// each deal from memory is what makes typing a filter slow.
    fn keeps_with<'d>(&self, facts: &Facts, deal: impl Fn() -> &'d Deal) -> bool {
        let filter = self.filter;
        (!filter.only_mine || facts.mine)
            && (!filter.only_rotting || facts.rotting)
            && (!filter.only_due_now || facts.due_now)
            && self.words.iter().all(|word| match word {
                Word::Owner(owner) => facts.owner().contains(owner.as_str()),
                Word::Tag(tag) => has_tag(deal(), tag),
                Word::Text(text) => facts.texts().contains(text.as_str()),
            })
    }
}

/// What a filter asks of a deal, worked out once: its texts in lower case, and what the quick
/// toggles (`m`, `r`, `o`) look at. A filter then keeps what it keeps without reading the deals
/// again: at 100,000 deals, reading each deal and its texts from wherever they are in memory
/// is most of the time a key takes, while the folded texts of a column lie close together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The board owner's deal.
    mine: bool,
    /// Untouched longer than its stage allows.
    rotting: bool,
    /// Its next action is overdue or due today.
    due_now: bool,
    /// Title, company, contact, notes and tags in lower case, one per line, then the owner.
    folded: Box<str>,
    /// Where the owner starts in `folded`.
    owner_from: usize,
}

impl Facts {
    /// Untouched longer than its stage allows.
    pub fn rotting(&self) -> bool {
        self.rotting
    }

    /// Its next action is overdue or due today.
    pub fn due_now(&self) -> bool {
        self.due_now
    }

    pub fn of(deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Facts {
        let texts = || {
            [&deal.title, &deal.company, &deal.contact, &deal.notes]
                .into_iter()
                .chain(&deal.tags)
        };
        let length = texts().map(|t| t.len() + 1).sum::<usize>() + deal.owner.len();
        let mut folded = String::with_capacity(length);
        for text in texts() {
            fold_into(&mut folded, text);
            folded.push('\n');
        }
        let owner_from = folded.len();
        fold_into(&mut folded, &deal.owner);
        Facts {
            mine: same_name(&deal.owner, &board.owner),
            rotting: rotting_days(deal, board, now).is_some(),
            due_now: matches!(
                due_state(deal, now.date_naive()),
                Due::Overdue(_) | Due::Today
            ),
            folded: folded.into(),
            owner_from,
        }
    }

    /// The texts a word looks through: a word has no white space, so it is found in one of
    /// them or in none, never across two.
    fn texts(&self) -> &str {
        self.folded.get(..self.owner_from).unwrap_or_default()
    }

    fn owner(&self) -> &str {
        self.folded.get(self.owner_from..).unwrap_or_default()
    }
}

/// Whether `deal` has the tag `lower` (in any case).
fn has_tag(deal: &Deal, lower: &str) -> bool {
    deal.tags.iter().any(|t| {
        if t.is_ascii() {
            t.eq_ignore_ascii_case(lower)
        } else {
            t.to_lowercase() == lower
        }
    })
}

/// Appends `text` in lower case, as `str::to_lowercase` gives it.
fn fold_into(folded: &mut String, text: &str) {
    if text.is_ascii() {
        folded.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        folded.push_str(&text.to_lowercase());
    }
}

/// A word of the filter, in lower case, by what it looks at.
enum Word {
    Owner(String),
    Tag(String),
    Text(String),
}

impl Word {
    fn of(lower: String) -> Word {
        if let Some(owner) = lower.strip_prefix('@').filter(|o| !o.is_empty()) {
            return Word::Owner(owner.to_string());
        }
        if let Some(tag) = lower.strip_prefix('#').filter(|t| !t.is_empty()) {
            return Word::Tag(tag.to_string());
        }
        Word::Text(lower)
    }

    /// Whether every deal this word matches is matched by `other`.
    fn implies(&self, other: &Word) -> bool {
        match (self, other) {
            (Word::Owner(a), Word::Owner(b)) | (Word::Text(a), Word::Text(b)) => {
                a.contains(b.as_str())
            }
            (Word::Tag(a), Word::Tag(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, Money, StageId};
    use chrono::Duration;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    fn deal(title: &str, owner: &str) -> Deal {
        let mut d = Deal::new(
            DealId(1),
            title,
            StageId("lead".into()),
            Money::zero(Currency::EUR),
            now().to_utc(),
        );
        d.owner = owner.into();
        d
    }

    #[test]
    fn words_owners_tags_and_toggles() {
        let mut board = crate::store::default_board().unwrap();
        board.owner = "anna".into();
        let mut acme = deal("CRM rollout", "anna");
        acme.company = "Acme Ltd".into();
        acme.tags = vec!["Pilot".into()];
        acme.notes = "Поставка в январе".into();
        let other = deal("Scanners", "boris");
        let f = |text: &str| Filter {
            text: text.into(),
            ..Filter::default()
        };
        for blank in ["", "  "] {
            assert!(
                f(blank).matches(&acme, &board, now()) && f(blank).matches(&other, &board, now())
            );
        }
        assert!(f("acme crm").matches(&acme, &board, now()));
        assert!(
            !f("acme scanners").matches(&acme, &board, now()),
            "every word must match"
        );
        assert!(
            f("ЯНВАРЕ").matches(&acme, &board, now()),
            "any case, Cyrillic too"
        );
        assert!(f("@ann").matches(&acme, &board, now()));
        assert!(!f("@ann").matches(&other, &board, now()));
        assert!(f("#pilot").matches(&acme, &board, now()));
        assert!(!f("#pil").matches(&acme, &board, now()), "tags match whole");
        let mine = Filter {
            only_mine: true,
            ..Filter::default()
        };
        assert!(mine.matches(&acme, &board, now()) && !mine.matches(&other, &board, now()));
        let mut late = deal("Late", "anna");
        late.set_next_due(Some(now().date_naive() - Duration::days(1)));
        let mut today = deal("Today", "anna");
        today.set_next_due(Some(now().date_naive()));
        let mut tomorrow = deal("Tomorrow", "anna");
        tomorrow.set_next_due(Some(now().date_naive() + Duration::days(1)));
        let due_now = Filter {
            only_due_now: true,
            ..Filter::default()
        };
        assert!(due_now.matches(&late, &board, now()) && due_now.matches(&today, &board, now()));
        assert!(
            !due_now.matches(&tomorrow, &board, now()) && !due_now.matches(&acme, &board, now()),
            "not due yet, or nothing planned"
        );
        let mut cold = deal("Cold", "anna");
        cold.updated = (now() - Duration::days(30)).to_utc();
        let rotting = Filter {
            only_rotting: true,
            ..Filter::default()
        };
        assert!(rotting.matches(&cold, &board, now()) && !rotting.matches(&acme, &board, now()));
        assert!(!Filter::default().is_active() && rotting.is_active() && f(" x ").is_active());
    }

    #[test]
    fn a_word_is_found_where_a_lower_case_copy_of_a_text_has_it() {
        let board = crate::store::default_board().unwrap();
        let texts = [
            "CRM Rollout",
            "",
            "Acme Ltd \u{212A}elvin",
            "Поставка в ЯНВАРЕ",
            "a\tb\nc",
            "İstanbul office",
        ];
        let words = [
            "crm",
            "roll",
            "ltd",
            "kelvin",
            "январе",
            "istanbul",
            "i̇stanbul",
            "b",
            "zz",
            "c",
        ];
        for text in texts {
            let mut in_title = deal(text, "");
            in_title.company = "x".into();
            let mut in_a_tag = deal("x", "");
            in_a_tag.tags = vec!["y".into(), text.into()];
            let owned = deal("x", text);
            for word in words {
                let found = text.to_lowercase().contains(word);
                let f = |text: String| Filter {
                    text,
                    ..Filter::default()
                };
                let (plain, owner) = (f(word.into()), f(format!("@{word}")));
                assert_eq!(
                    plain.matches(&in_title, &board, now()),
                    found,
                    "{text:?} {word:?}"
                );
                assert_eq!(
                    plain.matches(&in_a_tag, &board, now()),
                    found,
                    "{text:?} {word:?}"
                );
                assert_eq!(
                    owner.matches(&owned, &board, now()),
                    found,
                    "{text:?} @{word:?}"
                );
                assert!(
                    !plain.matches(&owned, &board, now()),
                    "a word is not looked for in the owner"
                );
            }
        }
    }
}
