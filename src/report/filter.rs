//! Finding deals: words to look for, an owner (`@anna`), a tag (`#pilot`), and quick toggles.

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
    pub fn matches(&self, deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> bool {
        self.keeps(&Facts::of(deal, board, now), deal)
    }

    /// Whether the filter keeps `deal`, whose [`Facts`] are `facts`.
    pub fn keeps(&self, facts: &Facts, deal: &Deal) -> bool {
        let filter = self.filter;
        (!filter.only_mine || facts.mine)
            && (!filter.only_rotting || facts.rotting)
            && (!filter.only_due_now || facts.due_now)
            && self.words.iter().all(|word| word.matches(deal))
    }
}

/// What the quick toggles (`m`, `r`, `o`) ask of a deal, worked out once: a toggle then keeps
/// what it keeps without reading the deals again (at 100,000 deals, reading each one from
/// memory is most of the time a toggle takes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The board owner's deal.
    mine: bool,
    /// Untouched longer than its stage allows.
    rotting: bool,
    /// Its next action is overdue or due today.
    due_now: bool,
}

impl Facts {
    pub fn of(deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Facts {
        Facts {
            mine: same_name(&deal.owner, &board.owner),
            rotting: rotting_days(deal, board, now).is_some(),
            due_now: matches!(
                due_state(deal, now.date_naive()),
                Due::Overdue(_) | Due::Today
            ),
        }
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

    /// Whether `deal` has this word: in its texts, or as its owner (`@`) or a tag (`#`).
    fn matches(&self, deal: &Deal) -> bool {
        match self {
            Word::Owner(owner) => contains_folded(&deal.owner, owner),
            Word::Tag(tag) => deal.tags.iter().any(|t| {
                if t.is_ascii() {
                    t.eq_ignore_ascii_case(tag)
                } else {
                    t.to_lowercase() == *tag
                }
            }),
            Word::Text(word) => {
                [&deal.title, &deal.company, &deal.contact, &deal.notes]
                    .iter()
                    .any(|f| contains_folded(f, word))
                    || deal.tags.iter().any(|t| contains_folded(t, word))
            }
        }
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

/// Whether `text` in lower case contains `lower`. Plain ASCII text is searched as it is, without
/// making a lower-case copy: typing a filter looks through every deal at each key.
fn contains_folded(text: &str, lower: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(lower);
    }
    let (text, lower) = (text.as_bytes(), lower.as_bytes());
    let Some(&first) = lower.first() else {
        return true;
    };
    // An ASCII text lowered is ASCII: a word with anything else cannot be in it.
    lower.is_ascii()
        && text.windows(lower.len()).any(|window| {
            window[0].to_ascii_lowercase() == first && window.eq_ignore_ascii_case(lower)
        })
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
        late.next_action_due = Some(now().date_naive() - Duration::days(1));
        let mut today = deal("Today", "anna");
        today.next_action_due = Some(now().date_naive());
        let mut tomorrow = deal("Tomorrow", "anna");
        tomorrow.next_action_due = Some(now().date_naive() + Duration::days(1));
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
    fn looking_without_a_copy_finds_what_a_lower_case_copy_finds() {
        let texts = [
            "CRM Rollout",
            "crm",
            "",
            "Acme Ltd \u{212A}elvin",
            "Поставка в ЯНВАРЕ",
            "a\tb",
            "İstanbul office",
        ];
        let words = [
            "crm",
            "roll",
            "",
            "ltd k",
            "kelvin",
            "январе",
            "istanbul",
            "i̇stanbul",
            "b",
            "zz",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    contains_folded(text, word),
                    text.to_lowercase().contains(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }
}
