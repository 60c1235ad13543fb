//! The words of a salesperson's day: the agenda of planned activities, customers (companies
//! and their people), feedback after the sale, dated notes, and a deal's events.

use super::Plural;

catalogue! {
pub struct DayText {
    /// Call, meeting, e-mail, task: in the order of `ActivityKind::ALL`.
    pub kinds: &'static [&'static str],

    pub agenda_about: &'static str,
    pub arg_days: &'static str,
    pub overdue: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    pub no_day: &'static str,
    /// `{date}`: the last day looked at.
    pub agenda_empty: &'static str,
    pub h_when: &'static str,
    pub h_kind: &'static str,
    pub h_deal: &'static str,
    pub h_activity: &'static str,

    pub companies_about: &'static str,
    pub company_about: &'static str,
    pub contacts_about: &'static str,
    pub contact_about: &'static str,
    pub feedback_about: &'static str,
    pub note_about: &'static str,
    pub arg_company_name: &'static str,
    pub arg_contact_name: &'static str,
    pub arg_contact_company: &'static str,
    pub arg_new_name: &'static str,
    pub arg_phone: &'static str,
    pub arg_email: &'static str,
    pub arg_record_notes: &'static str,
    pub arg_rating: &'static str,
    pub arg_feedback_text: &'static str,
    pub arg_note_text: &'static str,
    pub h_company: &'static str,
    pub h_name: &'static str,
    pub h_phone: &'static str,
    pub h_email: &'static str,
    pub h_open: &'static str,
    pub h_won: &'static str,
    pub h_won_deals: &'static str,
    pub h_last_contact: &'static str,
    pub h_referrals: &'static str,
    pub h_feedback: &'static str,
    pub h_deals: &'static str,
    pub no_companies: &'static str,
    pub no_contacts: &'static str,
    pub people: &'static str,
    pub deals: &'static str,
    pub notes: &'static str,
    /// `{count}` deals won: shown beside a repeat customer.
    pub repeat: Plural,
    /// `{count}` deals brought by referral.
    pub brought: Plural,
    /// `{name}`.
    pub company_saved: &'static str,
    /// `{name}`.
    pub contact_saved: &'static str,
    /// `{id}`, `{title}`, `{rating}`.
    pub feedback_saved: &'static str,
    /// `{id}`, `{title}`.
    pub note_saved: &'static str,
    pub nothing_to_change: &'static str,
    /// `{count}`, `{name}`, `{companies}`.
    pub several_contacts: &'static str,

    pub planned: &'static str,
    pub timeline: &'static str,
    pub feedback: &'static str,
    pub event_won: &'static str,
    /// `{reason}`.
    pub event_lost: &'static str,
    pub event_reopened: &'static str,
    /// `{from}`, `{to}`.
    pub event_value: &'static str,
    /// `{from}`, `{to}`.
    pub event_owner: &'static str,
    pub nobody: &'static str,

    pub key_agenda: &'static str,
    pub key_customers: &'static str,
    pub key_note: &'static str,
    pub key_edit_notes: &'static str,
    pub key_feedback: &'static str,
    pub key_plan: &'static str,
    pub activity_label: &'static str,
    pub day_label: &'static str,
    pub kind_label: &'static str,
    pub time_label: &'static str,
    /// `{key}`.
    pub placeholder_kind: &'static str,
    pub placeholder_time: &'static str,
    /// `{kinds}`.
    pub not_a_kind: &'static str,
    pub not_a_time: &'static str,
    pub time_needs_day: &'static str,
    pub say_what: &'static str,
    /// `{title}`.
    pub plan_title: &'static str,
    /// `{kind}`, `{title}`.
    pub activity_planned: &'static str,
    /// `{text}` (the kind and what), `{title}`.
    pub activity_done: &'static str,
    /// `{text}`.
    pub no_customer_matches: &'static str,
    pub hint_find: &'static str,
    pub arg_activity_text: &'static str,
    pub arg_kind: &'static str,
    pub arg_time: &'static str,
    pub plan_about: &'static str,
    pub key_done: &'static str,
    pub key_postpone: &'static str,
    pub key_reschedule: &'static str,
    pub key_open_company: &'static str,
    pub key_find_customer: &'static str,
    pub key_edit_company: &'static str,
    pub hint_agenda: &'static str,
    pub hint_customers: &'static str,
    pub hint_note: &'static str,
    pub hint_plan: &'static str,
    pub hint_feedback: &'static str,
    pub hint_done: &'static str,
    pub hint_postpone: &'static str,
    pub hint_reschedule: &'static str,
    pub agenda_title: &'static str,
    pub customers_title: &'static str,
    pub company_heading: &'static str,
    /// `{days}`: how far the agenda looks.
    pub agenda_nothing: &'static str,
    /// `{text}`.
    pub customers_filtered: &'static str,
    /// `{title}`.
    pub reschedule_title: &'static str,
    pub not_a_day: &'static str,
    /// `{title}`, `{date}`.
    pub moved_to: &'static str,
    /// `{name}`.
    pub edit_company_title: &'static str,
    /// `{title}`.
    pub feedback_title: &'static str,
    pub rating: &'static str,
    pub said: &'static str,
    /// `{title}`.
    pub note_title: &'static str,
    /// `{title}`.
    pub notes_title: &'static str,
    /// `{line}`: a row of the built-in notes field.
    pub line: &'static str,
    pub no_editor: &'static str,
    pub editor_missing: &'static str,
    /// `{editor}`, `{error}`.
    pub editor_failed: &'static str,
    /// `{title}`.
    pub notes_saved: &'static str,
    /// `{most}`: the characters notes may hold.
    pub notes_cut: &'static str,
    pub nothing_planned_today: &'static str,
    /// `{key}`.
    pub placeholder_customer: &'static str,
}
}

use crate::model::{ActivityKind, DealEvent, EventKind};

/// The kind's name in the language in use.
pub fn kind_name(kind: ActivityKind) -> &'static str {
    let at = ActivityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    super::t().day.kinds.get(at).copied().unwrap_or_default()
}

/// A rating as stars: `★★★★☆`.
pub fn stars(rating: u8) -> String {
    let full = usize::from(rating.min(5));
    "★".repeat(full) + &"☆".repeat(5 - full)
}

/// What an event says: `won`, `lost: No budget`, `value €1,000 → €1,200`.
pub fn event_words(event: &DealEvent) -> String {
    let d = &super::t().day;
    let who = |name: &str| {
        if name.is_empty() {
            d.nobody.to_string()
        } else {
            name.to_string()
        }
    };
    match &event.what {
        EventKind::Won => d.event_won.to_string(),
        EventKind::Lost { reason } => super::fill(d.event_lost, &[("reason", reason)]),
        EventKind::Reopened => d.event_reopened.to_string(),
        EventKind::Value { from, to } => super::fill(
            d.event_value,
            &[("from", &super::money(from)), ("to", &super::money(to))],
        ),
        EventKind::Owner { from, to } => {
            super::fill(d.event_owner, &[("from", &who(from)), ("to", &who(to))])
        }
    }
}

/// A day as the agenda names it: `today · Thu 3 Dec`, `tomorrow · Fri 4 Dec`, `Sat 5 Dec`;
/// an earlier day is `overdue · Mon 30 Nov`.
pub fn agenda_day(date: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    let d = &super::t().day;
    let day = super::date_with_weekday(date);
    let word = match (date - today).num_days() {
        ..0 => d.overdue,
        0 => d.today,
        1 => d.tomorrow,
        _ => return day,
    };
    format!("{word} · {day}")
}

/// "Planned a call for “CRM rollout”."
pub fn planned_words(kind: ActivityKind, title: &str) -> String {
    super::fill(
        super::t().day.activity_planned,
        &[("kind", &kind_name(kind)), ("title", &title)],
    )
}

/// `call · Call Jane`; the kind alone when nothing was written.
pub fn kind_and_text(kind: ActivityKind, text: &str) -> String {
    match text {
        "" => kind_name(kind).to_string(),
        text => format!("{} · {text}", kind_name(kind)),
    }
}
