//! The form of an activity: what, when (a day and maybe a time) and its kind (call, meeting,
//! e-mail, task: Ctrl+N steps through them). `a` asks it for what follows an activity done, the
//! agenda likewise, and `p` in a deal for one more.

use super::App;
use crate::model::{Activity, ActivityKind};
use crate::text::day::kind_name;
use crate::text::{fill, t};
use crate::tui::text_form::{Row, TextForm};

/// The rows, in order: what, the day, the kind, the time.
pub fn activity_rows() -> Vec<Row> {
    let f = &t().form;
    let d = &t().day;
    let kinds: Vec<String> = ActivityKind::ALL
        .iter()
        .map(|k| kind_name(*k).to_string())
        .collect();
    let key = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Form,
        crate::tui::action::Action::NextChoice,
    );
    vec![
        Row::new(d.activity_label, "").hint(f.placeholder_next_action),
        Row::new(d.day_label, "").hint(f.placeholder_date),
        Row::new(d.kind_label, "")
            .hint(&fill(d.placeholder_kind, &[("key", &key)]))
            .choices(kinds),
        Row::new(d.time_label, "").hint(d.placeholder_time),
    ]
}

/// A kind as typed: its name in either language or its key (`call`, `e-mail`); empty: a task.
fn read_kind(text: &str) -> Option<ActivityKind> {
    let text = text.trim();
    if text.is_empty() {
        return Some(ActivityKind::Task);
    }
    let lower = text.to_lowercase();
    ActivityKind::ALL
        .into_iter()
        .find(|k| {
            crate::text::Language::ALL
                .iter()
                .any(|l| crate::text::speaking(*l, || kind_name(*k).to_lowercase()) == lower)
        })
        .or_else(|| ActivityKind::from_key(&lower))
}

impl App {
    /// The activity the form of [`activity_rows`] holds; a bad row is marked (and `None`).
    pub(super) fn read_activity(&mut self, form: &TextForm) -> Option<Activity> {
        let due = match crate::text::parse_date(form.value(1), self.clock.today()) {
            Ok(due) => due,
            Err(e) => {
                self.refuse_text_form(1, e.to_string());
                return None;
            }
        };
        let Some(kind) = read_kind(form.value(2)) else {
            let kinds: Vec<&str> = ActivityKind::ALL.iter().map(|k| kind_name(*k)).collect();
            let said = fill(t().day.not_a_kind, &[("kinds", &kinds.join(", "))]);
            self.refuse_text_form(2, said);
            return None;
        };
        let Ok(time) = crate::model::input::parse_time_of_day(form.value(3)) else {
            self.refuse_text_form(3, t().day.not_a_time.to_string());
            return None;
        };
        if time.is_some() && due.is_none() {
            self.refuse_text_form(1, t().day.time_needs_day.to_string());
            return None;
        }
        Some(Activity {
            kind,
            text: form.value(0).trim().to_string(),
            due,
            time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    #[test]
    fn kinds_and_times_read_as_people_type_them() {
        assert_eq!(read_kind(""), Some(ActivityKind::Task));
        assert_eq!(read_kind("Call"), Some(ActivityKind::Call));
        assert_eq!(read_kind("e-mail"), Some(ActivityKind::Email));
        assert_eq!(read_kind("встреча"), Some(ActivityKind::Meeting));
        assert_eq!(read_kind("lunch"), None);
        let read_time = crate::model::input::parse_time_of_day;
        assert_eq!(read_time("14:30"), Ok(NaiveTime::from_hms_opt(14, 30, 0)));
        assert_eq!(read_time("9"), Ok(NaiveTime::from_hms_opt(9, 0, 0)));
        assert_eq!(read_time("9.05"), Ok(NaiveTime::from_hms_opt(9, 5, 0)));
        assert_eq!(read_time(""), Ok(None));
        assert!(read_time("25:00").is_err());
        assert!(read_time("soon").is_err());
    }
}
