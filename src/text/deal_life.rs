//! A deal's life beyond its stages, in words, for the detail view and `dealboard show` alike:
//! what is planned, its dated notes, the customer's feedback, its events (won, lost, reopened,
//! value and owner changes) and the activities done. Each section is a heading and entries,
//! each entry a date and its text (which may hold several lines).

use chrono::{DateTime, FixedOffset, Utc};

use super::day::{event_words, kind_and_text, stars};
use super::t;
use crate::model::Deal;

pub struct Section {
    pub heading: &'static str,
    pub entries: Vec<Entry>,
}

pub struct Entry {
    pub when: String,
    pub text: String,
}

/// The sections that have something in them, in the order shown.
pub fn life_of(deal: &Deal, now: DateTime<FixedOffset>) -> Vec<Section> {
    let d = &t().day;
    let when = |at: &DateTime<Utc>| {
        at.with_timezone(now.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut planned: Vec<_> = deal.activities.iter().collect();
    planned.sort_by_key(|a| (a.due.is_none(), a.due, a.time));
    let planned = planned
        .into_iter()
        .map(|a| Entry {
            when: match (a.due, a.time) {
                (Some(day), Some(time)) => format!("{day} {}", time.format("%H:%M")),
                (Some(day), None) => day.to_string(),
                (None, _) => String::new(),
            },
            text: kind_and_text(a.kind, &a.text),
        })
        .collect();
    let notes = deal
        .dated_notes
        .iter()
        .rev()
        .map(|n| Entry {
            when: when(&n.at),
            text: n.text.clone(),
        })
        .collect();
    let feedback = deal
        .feedback
        .iter()
        .rev()
        .map(|f| Entry {
            when: when(&f.at),
            text: format!("{} {}", stars(f.rating), f.text)
                .trim_end()
                .to_string(),
        })
        .collect();
    let events = deal
        .events
        .iter()
        .rev()
        .map(|e| Entry {
            when: when(&e.at),
            text: event_words(e),
        })
        .collect();
    let done = deal
        .done_actions
        .iter()
        .rev()
        .map(|a| Entry {
            when: when(&a.done),
            text: kind_and_text(a.kind, &a.text),
        })
        .collect();
    [
        (d.planned, planned),
        (d.feedback, feedback),
        (d.timeline, notes),
        (t().detail.events, events),
        (t().detail.done_actions, done),
    ]
    .into_iter()
    .filter(|(_, entries): &(_, Vec<Entry>)| !entries.is_empty())
    .map(|(heading, mut entries)| {
        // Dates with and without a time line up.
        let widest = entries
            .iter()
            .map(|e| e.when.chars().count())
            .max()
            .unwrap_or(0);
        for entry in &mut entries {
            let short = widest - entry.when.chars().count();
            entry.when.extend(std::iter::repeat_n(' ', short));
        }
        Section { heading, entries }
    })
    .collect()
}
