//! What a salesperson plans to do for a deal: calls, meetings, e-mails and tasks, each with a
//! day and maybe a time. A deal may plan several; the soonest is its next action, the one its
//! card shows and the board counts as overdue or due today. Done ones move to the deal's
//! done actions, with when.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::bad_text::file_time;
use super::board::Board;
use super::deal::{Deal, DealId, DoneAction};
use super::edit::EditError;
use super::patch::Patch;

/// The kind of an activity, as the agenda shows and the CLI and JSON name it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ActivityKind {
    Call,
    Meeting,
    Email,
    #[default]
    Task,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Call,
        ActivityKind::Meeting,
        ActivityKind::Email,
        ActivityKind::Task,
    ];

    /// The stable lowercase name used by the CLI and JSON.
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Call => "call",
            ActivityKind::Meeting => "meeting",
            ActivityKind::Email => "email",
            ActivityKind::Task => "task",
        }
    }

    pub fn from_key(key: &str) -> Option<ActivityKind> {
        let key = key.trim().to_lowercase();
        let key = if key == "e-mail" { "email" } else { &key };
        ActivityKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn is_task(&self) -> bool {
        *self == ActivityKind::Task
    }

    /// The kind after this one, for a key that steps through them.
    pub fn next(self) -> ActivityKind {
        let at = ActivityKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0);
        ActivityKind::ALL[(at + 1) % ActivityKind::ALL.len()]
    }
}

/// One planned activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[serde(default, skip_serializing_if = "ActivityKind::is_task")]
    pub kind: ActivityKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::date"
    )]
    pub due: Option<NaiveDate>,
    /// The time of day, in the salesperson's own clock (as a diary keeps it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file_time::clock",
        serialize_with = "file_time::write_clock"
    )]
    pub time: Option<NaiveTime>,
}

impl Activity {
    /// A task to do by `due`.
    pub fn task(text: &str, due: Option<NaiveDate>) -> Activity {
        Activity {
            kind: ActivityKind::Task,
            text: text.trim().to_string(),
            due,
            time: None,
        }
    }

    fn is_blank(&self) -> bool {
        self.text.is_empty() && self.due.is_none()
    }
}

impl Deal {
    /// Where the next activity is in the list: the soonest day first (untimed before timed on a
    /// day), undated ones last; the list's order breaks ties.
    pub fn next_index(&self) -> Option<usize> {
        self.activities
            .iter()
            .enumerate()
            .min_by_key(|(i, a)| (a.due.is_none(), a.due, a.time, *i))
            .map(|(i, _)| i)
    }

    /// The activity the card shows: see [`Deal::next_index`].
    pub fn next_activity(&self) -> Option<&Activity> {
        self.next_index().map(|i| &self.activities[i])
    }

    /// What the deal's next activity says; empty when nothing is planned.
    pub fn next_action(&self) -> &str {
        self.next_activity().map_or("", |a| a.text.as_str())
    }

    /// When the deal's next activity is due.
    pub fn next_due(&self) -> Option<NaiveDate> {
        self.next_activity().and_then(|a| a.due)
    }

    /// Sets the text of the next activity (a task is planned when there is none); an activity
    /// left with no text and no day is dropped.
    pub fn set_next_action(&mut self, text: &str) {
        self.change_next(|a| a.text = text.trim().to_string());
    }

    /// Sets the day of the next activity, as [`Deal::set_next_action`] does its text.
    pub fn set_next_due(&mut self, due: Option<NaiveDate>) {
        self.change_next(|a| a.due = due);
    }

    fn change_next(&mut self, change: impl FnOnce(&mut Activity)) {
        match self.next_index() {
            Some(i) => {
                change(&mut self.activities[i]);
                if self.activities[i].is_blank() {
                    self.activities.remove(i);
                }
            }
            None => {
                let mut planned = Activity::default();
                change(&mut planned);
                if !planned.is_blank() {
                    self.activities.push(planned);
                }
            }
        }
    }

    /// Plans one more activity (a blank one is not kept).
    pub fn plan(&mut self, activity: Activity) {
        if !activity.is_blank() {
            self.activities.push(activity);
        }
    }

    /// Marks activity `index` done at `now`: it leaves the plan for the done actions.
    pub fn finish_activity(&mut self, index: usize, now: DateTime<Utc>) {
        if index < self.activities.len() {
            let done = self.activities.remove(index);
            self.done_actions.push(DoneAction {
                kind: done.kind,
                text: done.text,
                due: done.due,
                time: done.time,
                done: now,
            });
        }
    }

    /// Moves what files before format 5 kept as the one next action into the list of
    /// activities.
    pub(crate) fn take_old_next_action(&mut self) {
        let text = std::mem::take(&mut self.old_next_action);
        let due = self.old_next_action_due.take();
        let old = Activity::task(&text, due);
        if !old.is_blank() {
            self.activities.insert(0, old);
        }
    }
}

impl Board {
    /// Records activity `index` of the deal as done and plans `following` (a blank one plans
    /// nothing).
    pub fn finish_activity(
        &mut self,
        id: DealId,
        index: usize,
        following: Activity,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        self.change_plan(id, Some(now), |deal| {
            if index >= deal.activities.len() {
                return Err(EditError::NoActivity);
            }
            deal.finish_activity(index, now);
            deal.plan(following);
            Ok(())
        })
    }

    /// Records the deal's next activity as done (if it has one) and plans `following`.
    pub fn complete_next_action(
        &mut self,
        id: DealId,
        following: Activity,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        self.change_plan(id, Some(now), |deal| {
            if let Some(next) = deal.next_index() {
                deal.finish_activity(next, now);
            }
            deal.plan(following);
            Ok(())
        })
    }

    /// Plans one more activity for the deal.
    pub fn plan_activity(
        &mut self,
        id: DealId,
        activity: Activity,
        now: DateTime<Utc>,
    ) -> Result<Patch, EditError> {
        self.change_plan(id, Some(now), |deal| {
            deal.plan(activity);
            Ok(())
        })
    }

    /// Moves activity `index` of the deal to another day and time. Putting something off is not
    /// working the deal: it does not count as touching it (a deal going cold stays cold).
    pub fn reschedule(
        &mut self,
        id: DealId,
        index: usize,
        due: NaiveDate,
        time: Option<NaiveTime>,
    ) -> Result<Patch, EditError> {
        self.change_plan(id, None, |deal| {
            let activity = deal
                .activities
                .get_mut(index)
                .ok_or(EditError::NoActivity)?;
            activity.due = Some(due);
            activity.time = time;
            Ok(())
        })
    }

    /// Changes the deal's plan through `change`; `touched`: when the deal was worked (none for
    /// a change that is not work on it).
    fn change_plan(
        &mut self,
        id: DealId,
        touched: Option<DateTime<Utc>>,
        change: impl FnOnce(&mut Deal) -> Result<(), EditError>,
    ) -> Result<Patch, EditError> {
        let mut new = self.deal(id).ok_or(EditError::NoDeal(id))?.clone();
        change(&mut new)?;
        if let Some(now) = touched {
            new.updated = now;
        }
        new.check().map_err(EditError::Invalid)?;
        Ok(self.record(&[id], |board| board.put_deal(id, Some(new))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, StageId};
    use chrono::TimeZone;

    fn deal() -> Deal {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        Deal::new(
            DealId(1),
            "Pilot",
            StageId("lead".into()),
            Money::zero(crate::model::Currency::EUR),
            now,
        )
    }

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 12, d)
    }

    #[test]
    fn the_next_activity_is_the_soonest_and_undated_ones_come_last() {
        let mut deal = deal();
        deal.plan(Activity::task("Someday", None));
        deal.plan(Activity::task("Send the offer", day(5)));
        deal.plan(Activity {
            kind: ActivityKind::Call,
            text: "Call at ten".into(),
            due: day(3),
            time: NaiveTime::from_hms_opt(10, 0, 0),
        });
        deal.plan(Activity::task("Before the call", day(3)));
        assert_eq!(deal.next_action(), "Before the call");
        assert_eq!(deal.next_due(), day(3));
    }

    #[test]
    fn setting_the_next_action_plans_a_task_or_changes_the_next_one() {
        let mut deal = deal();
        deal.set_next_due(day(4));
        deal.set_next_action("Call Anna");
        assert_eq!(deal.activities, vec![Activity::task("Call Anna", day(4))]);
        deal.plan(Activity::task("Later", day(9)));
        deal.set_next_action("");
        deal.set_next_due(None);
        assert_eq!(deal.activities, vec![Activity::task("Later", day(9))]);
    }

    #[test]
    fn a_finished_activity_moves_to_the_done_actions() {
        let mut deal = deal();
        deal.plan(Activity::task("Call", day(2)));
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 15, 0, 0).unwrap();
        deal.finish_activity(0, now);
        assert!(deal.activities.is_empty());
        assert_eq!(deal.done_actions[0].text, "Call");
        assert_eq!(deal.done_actions[0].done, now);
    }
}
