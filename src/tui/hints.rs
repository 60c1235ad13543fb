//! The status bar's key hints. Each names actions, and the keys shown are those the registry
//! binds to them on that screen, so a hint can never name a key that does something else.

use super::action::Action::{self, *};
use super::keymap::{Context, keys_for};
use crate::text::{HintText, Language, language, t};

/// One hint: the actions whose keys it shows (`>/<` for moving on and back), and what they do.
/// No actions: the hint is words only ("type to narrow").
pub struct Hint {
    actions: &'static [Action],
    /// Also show the action's keys that are letters of a language's own alphabet (`y/д`),
    /// when that language is in use.
    own_letters: bool,
    label: fn(&HintText) -> &'static str,
}

const fn hint(actions: &'static [Action], label: fn(&HintText) -> &'static str) -> Hint {
    Hint {
        actions,
        own_letters: false,
        label,
    }
}

/// A hint that also shows the keys in the alphabet of the language in use: `y/д да`.
const fn hint_own_letters(action: &'static [Action], label: fn(&HintText) -> &'static str) -> Hint {
    Hint {
        actions: action,
        own_letters: true,
        label,
    }
}

impl Hint {
    /// `>/< move`, in `context`'s keys.
    pub fn text(&self, context: Context) -> String {
        let label = (self.label)(&t().hints);
        let keys: Vec<String> = self
            .actions
            .iter()
            .flat_map(|a| {
                let keys = keys_for(context, *a);
                let first = keys.first().cloned();
                let own = keys.into_iter().skip(1).filter(|k| {
                    self.own_letters
                        && language() != Language::English
                        && k.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
                });
                first.into_iter().chain(own)
            })
            .collect();
        if keys.is_empty() {
            label.to_string()
        } else {
            format!("{} {label}", keys.join("/"))
        }
    }
}

// The hints of each screen, most important first; as many as fit are shown.

#[rustfmt::skip]
pub const BOARD: &[Hint] = &[
    hint(&[ShowHelp], |h| h.help),
    hint(&[ShowDetail], |h| h.open),
    hint(&[NewDeal], |h| h.new),
    hint(&[MoveForward, MoveBack], |h| h.move_deal),
    hint(&[CompleteAction], |h| h.done),
    hint(&[MarkWon], |h| h.won),
    hint(&[MarkLost], |h| h.lost),
    hint(&[StartFilter], |h| h.filter),
    hint(&[PickStage], |h| h.pick_stage),
    hint(&[Undo], |h| h.undo),
    hint(&[Quit], |h| h.quit),
    hint(&[ShowAgenda], |_| t().day.hint_agenda),
    hint(&[ShowCustomers], |_| t().day.hint_customers),
    // Last: a narrow screen drops it before quitting is no longer shown.
    hint(&[ShowReports], |h| h.report),
    // Only in a team folder (see `hints_for`).
    hint(&[Sync], |_| crate::text::t().team.hint_sync),
];

#[rustfmt::skip]
pub const FORM: &[Hint] = &[
    hint(&[NextField], |h| h.next_field),
    hint(&[PreviousField], |h| h.previous_field),
    hint(&[SaveForm], |h| h.save),
    hint(&[Close], |h| h.cancel),
];

#[rustfmt::skip]
pub const HELP: &[Hint] = &[
    hint(&[Close], |h| h.close),
    hint(&[SelectUp, SelectDown, PageUp, PageDown], |h| h.scroll),
];

// Both the Latin and the Russian letter answer: a question reads the letter typed, whatever
// the keyboard's layout, so that `н` ("нет") is never read as the `y` on the same key.
#[rustfmt::skip]
pub const QUESTION: &[Hint] = &[
    hint_own_letters(&[Yes], |h| h.yes),
    hint_own_letters(&[No], |h| h.no),
];

#[rustfmt::skip]
pub const DETAIL: &[Hint] = &[
    hint(&[ToggleTick], |h| h.tick),
    hint(&[CompleteAction], |h| h.action_done),
    hint(&[EditDeal], |h| h.edit),
    hint(&[MoveForward, MoveBack], |h| h.move_deal),
    hint(&[MarkWon], |h| h.won),
    hint(&[MarkLost], |h| h.lost),
    hint(&[Close], |h| h.back),
    hint(&[PickStage], |h| h.pick_stage),
    hint(&[PlanActivity], |_| t().day.hint_plan),
    hint(&[AddNote], |_| t().day.hint_note),
];

#[rustfmt::skip]
pub const DETAIL_CLOSED: &[Hint] = &[
    hint(&[ToggleTick], |h| h.tick),
    hint(&[CompleteAction], |h| h.action_done),
    hint(&[EditDeal], |h| h.edit),
    hint(&[AddFeedback], |_| t().day.hint_feedback),
    hint(&[Reopen], |h| h.reopen),
    hint(&[Close], |h| h.back),
    hint(&[AddNote], |_| t().day.hint_note),
];

#[rustfmt::skip]
pub const AGENDA: &[Hint] = &[
    hint(&[CompleteAction], |_| t().day.hint_done),
    hint(&[Postpone], |_| t().day.hint_postpone),
    hint(&[Reschedule], |_| t().day.hint_reschedule),
    hint(&[ShowDetail], |h| h.open),
    hint(&[Undo], |h| h.undo),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const CUSTOMERS: &[Hint] = &[
    hint(&[ShowDetail], |h| h.open),
    hint(&[StartFilter], |_| t().day.hint_find),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const COMPANY: &[Hint] = &[
    hint(&[ShowDetail], |h| h.open),
    hint(&[EditItem], |h| h.edit),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const CLOSED: &[Hint] = &[
    hint(&[NextTab], |h| h.closed_tabs),
    hint(&[StartFilter], |h| h.filter),
    hint(&[ShowDetail], |h| h.open),
    hint(&[Reopen], |h| h.reopen),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const PROCESS: &[Hint] = &[
    hint(&[NextTab], |h| h.next_tab),
    hint(&[AddItem], |h| h.add),
    hint(&[EditItem], |h| h.edit),
    hint(&[DeleteItem], |h| h.remove),
    hint(&[ReorderDown, ReorderUp], |h| h.move_deal),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const PROCESS_BOARD: &[Hint] = &[
    hint(&[NextTab], |h| h.next_tab),
    hint(&[EditItem], |h| h.edit),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const PROCESS_LOG: &[Hint] = &[
    hint(&[NextTab], |h| h.next_tab),
    hint(&[EditItem], |_| t().versions.hint_reason),
    hint(&[Close], |h| h.back),
];

#[rustfmt::skip]
pub const PICKER: &[Hint] = &[
    hint(&[SelectUp, SelectDown], |h| h.choose),
    hint(&[], |h| h.narrow_or_write),
    hint(&[SaveForm], |h| h.take),
    hint(&[Close], |h| h.cancel),
];

#[rustfmt::skip]
pub const PICKER_LISTED: &[Hint] = &[
    hint(&[SelectUp, SelectDown], |h| h.choose),
    hint(&[], |h| h.narrow),
    hint(&[SaveForm], |h| h.take),
    hint(&[Close], |h| h.cancel),
];

#[rustfmt::skip]
pub const FILTER: &[Hint] = &[
    hint(&[], |h| h.filter_words),
    hint(&[SaveForm], |h| h.keep),
    hint(&[Close], |h| h.clear),
];

#[rustfmt::skip]
pub const REPORTS: &[Hint] = &[
    hint(&[PreviousPeriod, NextPeriod], |h| h.period),
    hint(&[NextOwner], |h| h.owner),
    hint(&[ToggleCompare], |h| h.compare),
    hint(&[ToggleBeforeAfter], |_| t().versions.hint_before_after),
    hint(&[Close], |h| h.back),
    hint(&[SelectUp, SelectDown, PageDown], |h| h.scroll),
    hint(&[ShowHelp], |h| h.help),
];

/// The reports screen showing two sides of the process: before and after a change (or a pilot
/// against the rest).
#[rustfmt::skip]
pub const REPORTS_SIDES: &[Hint] = &[
    hint(&[PreviousChange, NextChange], |_| t().versions.hint_other_change),
    hint(&[ToggleBeforeAfter], |_| t().versions.hint_the_period),
    hint(&[NextOwner], |h| h.owner),
    hint(&[Close], |h| h.back),
    hint(&[SelectUp, SelectDown, PageDown], |h| h.scroll),
];

/// A pilot against the rest: nothing to step through.
#[rustfmt::skip]
pub const REPORTS_PILOT: &[Hint] = &[
    hint(&[ToggleBeforeAfter], |_| t().versions.hint_the_period),
    hint(&[NextOwner], |h| h.owner),
    hint(&[Close], |h| h.back),
    hint(&[SelectUp, SelectDown, PageDown], |h| h.scroll),
];

#[rustfmt::skip]
pub const REVIEW: &[Hint] = &[
    hint(&[NextOwner], |h| h.next_person),
    hint(&[NextChange, PreviousChange], |h| h.changes),
    hint(&[FocusDeal], |h| h.focus),
    hint(&[ToggleAttention], |h| h.attention),
    hint(&[ShowHelp], |h| h.help),
    hint(&[Quit], |h| h.quit),
    // Last: on a narrow screen they give way first (they are in the list of keys).
    hint(&[ShowPeople], |h| h.people),
    hint(&[ShowReports], |h| h.report),
    hint(&[StartFilter], |h| h.filter),
];

#[rustfmt::skip]
pub const REVIEW_PANEL: &[Hint] = &[
    hint(&[NextChange, PreviousChange], |h| h.change_steps),
    hint(&[Close], |h| h.back_to_board),
    hint(&[Quit], |h| h.quit),
];

/// Every hint of a screen, in `context`'s keys.
pub fn texts(hints: &[Hint], context: Context) -> Vec<String> {
    hints.iter().map(|h| h.text(context)).collect()
}

/// [`texts`] without the hints for `left_out`.
pub fn texts_without(hints: &[Hint], context: Context, left_out: Action) -> Vec<String> {
    hints
        .iter()
        .filter(|h| !h.actions.contains(&left_out))
        .map(|h| h.text(context))
        .collect()
}
