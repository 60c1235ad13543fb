//! The process report: which period and whose deals it is about, whether it compares with the
//! period before, and its figures, worked out once per change (of the choice, of the board, of
//! the day) rather than once per frame, on a thread of their own (see `report_counter`).

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::report_counter::Counted;
use super::{App, Mode};
use crate::model::Board;
use crate::model::{fallback_owner, give_owners, position_of_name, same_name};
use crate::report::analytics::{Period, Question, Stats, questions};
use crate::report::comparison::ChangeComparison;
use crate::store::board_name;
use crate::text::fill;
use crate::text::t;
use crate::tui::action::Action;
use crate::tui::report_layout::for_terminal;

/// The periods `[` and `]` step through, relative to today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodPreset {
    Last30Days,
    /// Long enough for deals to go through the stages, short enough to be about now.
    #[default]
    Last90Days,
    /// So far: the comparison is with as many days just before it.
    ThisMonth,
    /// The whole calendar month; compared with the whole month before it.
    LastMonth,
    ThisQuarter,
    ThisYear,
    AllTime,
}

impl PeriodPreset {
    pub const ALL: [PeriodPreset; 7] = [
        PeriodPreset::Last30Days,
        PeriodPreset::Last90Days,
        PeriodPreset::ThisMonth,
        PeriodPreset::LastMonth,
        PeriodPreset::ThisQuarter,
        PeriodPreset::ThisYear,
        PeriodPreset::AllTime,
    ];

    pub fn name(self) -> &'static str {
        let s = &t().report_screen;
        match self {
            PeriodPreset::Last30Days => s.last_30_days,
            PeriodPreset::Last90Days => s.last_90_days,
            PeriodPreset::ThisMonth => s.this_month,
            PeriodPreset::LastMonth => s.last_month,
            PeriodPreset::ThisQuarter => s.this_quarter,
            PeriodPreset::ThisYear => s.this_year,
            PeriodPreset::AllTime => s.all_time,
        }
    }

    pub fn period(self, today: NaiveDate) -> Period {
        match self {
            PeriodPreset::Last30Days => Period::last_days(30, today),
            PeriodPreset::Last90Days => Period::last_days(90, today),
            PeriodPreset::ThisMonth => Period::month_to_date(today),
            PeriodPreset::LastMonth => Period::last_month(today),
            PeriodPreset::ThisQuarter => Period::quarter_to_date(today),
            PeriodPreset::ThisYear => Period::year_to_date(today),
            PeriodPreset::AllTime => Period::all(),
        }
    }

    /// The period to compare with: the month before last month, else as many days just before;
    /// `None` for all time, which has nothing before it.
    pub fn before(self, today: NaiveDate) -> Option<Period> {
        let period = self.period(today);
        match (self, period.from) {
            (PeriodPreset::LastMonth, Some(first)) => Some(Period::last_month(first)),
            _ => period.previous(today),
        }
    }

    /// The next preset (or the previous), round the list.
    fn step(self, forward: bool) -> PeriodPreset {
        let all = PeriodPreset::ALL;
        let at = all.iter().position(|p| *p == self).unwrap_or(0);
        let next = if forward {
            (at + 1) % all.len()
        } else {
            (at + all.len() - 1) % all.len()
        };
        all[next]
    }
}

/// What the report is about: kept while the app runs, so `s` opens it as it was left.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportChoice {
    pub preset: PeriodPreset,
    /// One owner's deals (as the deals write the name), or everyone's.
    pub owner: Option<String>,
    /// Also show the period before, side by side.
    pub compare: bool,
    /// Before and after this change to the process (1-based) in place of the period's report.
    pub change: Option<usize>,
    /// In a review of a team folder running a pilot: its boards against the rest.
    pub pilot: bool,
}

/// What a report over a team folder running a pilot needs to compare it: the pilot, the
/// team's process, and the boards on it and off it, each combined.
#[derive(Clone, Debug)]
pub struct PilotInput {
    pub pilot: crate::store::Pilot,
    pub team_stages: Vec<crate::model::Stage>,
    pub on: Board,
    pub off: Board,
}

/// A pilot's boards against the rest since it began, as the report shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct PilotSides {
    pub since: chrono::DateTime<chrono::Utc>,
    pub boards: Vec<String>,
    pub reason: String,
    pub comparison: crate::report::comparison::Comparison,
}

impl PilotSides {
    /// `input`'s pilot against the rest from its start to `now`, only `owner`'s deals if named.
    pub fn of(input: &PilotInput, owner: Option<&str>, now: DateTime<FixedOffset>) -> PilotSides {
        use crate::report::comparison::{Comparison, Side};
        let window = crate::report::analytics::Window {
            start: Some(input.pilot.since),
            end: now.to_utc() + chrono::Duration::seconds(1),
            offset: *now.offset(),
        };
        let team = if input.team_stages.is_empty() {
            &input.off.stages
        } else {
            &input.team_stages
        };
        PilotSides {
            since: input.pilot.since,
            boards: input.pilot.boards.clone(),
            reason: input.pilot.reason.clone(),
            comparison: Comparison {
                before: Side::of(&input.off, team, window, owner, now),
                after: Side::of(&input.on, &input.pilot.stages, window, owner, now),
            },
        }
    }
}

/// The report screen: the choice, how far it is scrolled, and the figures for that choice.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportsView {
    pub choice: ReportChoice,
    /// Rows scrolled past, all columns together.
    pub scroll: u16,
    pub stats: Stats,
    /// The period before, when comparing and there is one.
    pub before: Option<Stats>,
    /// "Is the process still useful?" for the period.
    pub questions: Vec<Question>,
    /// Before and after the change chosen, when one is.
    pub change: Option<ChangeComparison>,
    /// How many changes the process log holds (what `<` and `>` step through).
    pub changes: usize,
    /// A pilot's boards against the rest, when asked for (`v` in a review of a pilot).
    pub pilot: Option<PilotSides>,
    /// A pilot runs in the folder reviewed: `v` compares it with the rest.
    pub pilot_running: bool,
    /// The figures for the choice are being worked out: those held are not to be shown.
    pub counting: bool,
}

impl ReportsView {
    /// The view of `choice` while its figures are worked out: figures of no deals meanwhile.
    pub(crate) fn counting(
        choice: ReportChoice,
        board: &Board,
        now: DateTime<FixedOffset>,
    ) -> ReportsView {
        let mut no_deals = Board::placeholder();
        no_deals.stages.clone_from(&board.stages);
        no_deals.currency = board.currency;
        let counted = counted(
            &ReportChoice {
                change: None,
                ..choice.clone()
            },
            &no_deals,
            None,
            now,
        );
        ReportsView {
            choice,
            scroll: 0,
            stats: counted.stats,
            before: counted.before,
            questions: Vec::new(),
            change: None,
            changes: board.process_log.len(),
            pilot: None,
            pilot_running: false,
            counting: true,
        }
    }

    /// The two sides shown in place of the period's report, and why they differ: a pilot
    /// against the rest, or before and after a change.
    pub fn sides(&self) -> Option<(&crate::report::comparison::Comparison, &str)> {
        if let Some(pilot) = &self.pilot {
            return Some((&pilot.comparison, &pilot.reason));
        }
        let change = self.change.as_ref()?;
        Some((&change.comparison, &change.reason))
    }

    /// The figures worked out for its choice.
    pub(crate) fn take(&mut self, counted: Counted) {
        self.stats = counted.stats;
        self.before = counted.before;
        self.questions = counted.questions;
        self.change = counted.change;
        self.changes = counted.changes;
        self.pilot = counted.pilot;
        self.counting = false;
    }

    /// Moves the report by `action` in a screen of `size`: another period, owner (of those
    /// `owners` gives) or comparison, or the scroll. `Some(true)` when the choice changed, so
    /// the figures must be worked out again; `None` for an action that is not the report's.
    pub fn step(
        &mut self,
        action: &Action,
        owners: impl FnOnce() -> Vec<String>,
        size: (u16, u16),
    ) -> Option<bool> {
        use Action::*;
        let layout = for_terminal(size.0, size.1, self);
        let (max_scroll, page) = (layout.max_scroll(), layout.body.max(1));
        let was = self.choice.clone();
        let choice = &mut self.choice;
        match action {
            PreviousPeriod | NextPeriod => {
                choice.preset = choice.preset.step(*action == NextPeriod)
            }
            NextOwner | PreviousOwner => {
                choice.owner = next_owner(&owners(), choice.owner.as_deref(), *action == NextOwner);
            }
            ToggleCompare => choice.compare = !choice.compare,
            ToggleBeforeAfter if self.pilot_running => choice.pilot = !choice.pilot,
            ToggleBeforeAfter if choice.change.is_some() => choice.change = None,
            ToggleBeforeAfter => choice.change = (self.changes > 0).then_some(self.changes),
            PreviousChange | NextChange => {
                let Some(n) = choice.change else {
                    return Some(false);
                };
                choice.change = Some(if *action == NextChange {
                    (n + 1).min(self.changes.max(1))
                } else {
                    n.saturating_sub(1).max(1)
                });
            }
            SelectUp => self.scroll = self.scroll.saturating_sub(1),
            SelectDown => self.scroll = self.scroll.saturating_add(1).min(max_scroll),
            PageUp => self.scroll = self.scroll.saturating_sub(page),
            PageDown => self.scroll = self.scroll.saturating_add(page).min(max_scroll),
            SelectFirst => self.scroll = 0,
            SelectLast => self.scroll = max_scroll,
            _ => return None,
        }
        Some(self.choice != was)
    }

    /// What to say when the comparison was just asked for and the period has nothing before
    /// it (all time), or before and after when the process was never changed.
    pub fn nothing_before(&self, action: &Action, today: NaiveDate) -> Option<String> {
        if *action == Action::ToggleBeforeAfter && self.changes == 0 && !self.pilot_running {
            let key = crate::tui::keymap::key_for(
                crate::tui::keymap::Context::Board,
                Action::ShowProcess,
            );
            let v = &t().versions;
            return Some(fill(v.nothing_to_compare_here, &[("key", &key)]));
        }
        let preset = self.choice.preset;
        (*action == Action::ToggleCompare && self.choice.compare && preset.before(today).is_none())
            .then(|| {
                fill(
                    t().report_screen.nothing_before,
                    &[("preset", &preset.name())],
                )
            })
    }

    /// Keeps the scroll within what there is to see in a screen of `size`.
    pub fn keep_in_view(&mut self, size: (u16, u16)) {
        // While counting there is nothing to measure: the scroll waits for the figures.
        if !self.counting {
            self.scroll = self
                .scroll
                .min(for_terminal(size.0, size.1, self).max_scroll());
        }
    }
}

/// The figures for `choice`: the period's, those of the period before when comparing and there
/// is one, its questions, and before and after the change chosen.
pub(super) fn counted(
    choice: &ReportChoice,
    board: &Board,
    pilot: Option<&PilotInput>,
    now: DateTime<FixedOffset>,
) -> Counted {
    let today = now.date_naive();
    let owner = choice.owner.as_deref();
    let preset = choice.preset;
    let period = preset.period(today);
    let stats = Stats::of(board, period, owner, now);
    let before = if choice.compare {
        preset
            .before(today)
            .map(|before| Stats::of(board, before, owner, now))
    } else {
        None
    };
    let questions = questions(board, &stats, &period.window(now), now);
    let change = choice
        .change
        .and_then(|n| ChangeComparison::of(board, n, owner, now));
    let pilot = pilot
        .filter(|_| choice.pilot)
        .map(|input| PilotSides::of(input, owner, now));
    Counted {
        stats,
        before,
        questions,
        change,
        changes: board.process_log.len(),
        pilot,
    }
}

/// The owners of the board's deals (read from the file named `file_name`), each once (whatever
/// the case), in alphabetical order; a deal without one is its [`fallback_owner`]'s.
pub fn owners_of(board: &Board, file_name: &str) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for deal in &board.deals {
        let name = match deal.owner.trim() {
            "" => fallback_owner(board, file_name),
            name => name,
        };
        if !name.is_empty() && position_of_name(&owners, name, String::as_str).is_none() {
            owners.push(name.to_string());
        }
    }
    owners.sort_by_key(|o| o.to_lowercase());
    owners
}

impl App {
    /// The board as its report counts it: a deal without an owner is the board's owner's, else
    /// the file's name's ([`give_owners`]), as in `stats` and the review. Only such deals are
    /// copied.
    fn report_board(&self) -> Board {
        let mut board = self.board.clone();
        give_owners(&mut board, &board_name(&self.path));
        board.rates = self.rates().cloned();
        board
    }

    pub(super) fn open_reports(&mut self) {
        let now = self.clock.now();
        let mut view = ReportsView::counting(self.report_choice.clone(), &self.board, now);
        let asked = self
            .reports
            .ask(view.choice.clone(), self.report_board(), None, now);
        if let Some(counted) = asked {
            view.take(counted);
        }
        self.open(Mode::Reports(Box::new(view)));
    }

    /// Takes in the figures the report counter worked out, if they came.
    pub(super) fn take_report(&mut self) {
        let Some(counted) = self.reports.take() else {
            return;
        };
        if let Some(view) = self.report_view() {
            view.take(counted);
        }
        self.keep_report_in_view();
    }

    /// The open report, on screen or under another screen (its help).
    fn report_view(&mut self) -> Option<&mut ReportsView> {
        self.under
            .iter_mut()
            .chain(std::iter::once(&mut self.mode))
            .find_map(|mode| match mode {
                Mode::Reports(view) => Some(view.as_mut()),
                _ => None,
            })
    }

    /// Asks for the open report's figures again, for its choice and the board as they are.
    fn recount(&mut self) {
        let Some(view) = self.report_view() else {
            return;
        };
        view.counting = true;
        let choice = view.choice.clone();
        let asked = self
            .reports
            .ask(choice, self.report_board(), None, self.clock.now());
        if let Some(counted) = asked
            && let Some(view) = self.report_view()
        {
            view.take(counted);
        }
    }

    pub(super) fn on_reports(&mut self, action: Action) {
        let today = self.clock.now().date_naive();
        let Mode::Reports(view) = &mut self.mode else {
            return;
        };
        let owners = || owners_of(&self.board, &board_name(&self.path));
        match view.step(&action, owners, self.size) {
            Some(true) => {
                let nothing_before = view.nothing_before(&action, today);
                self.recount();
                self.keep_report_in_view();
                if let Some(message) = nothing_before {
                    self.show_info(message);
                }
            }
            Some(false) => {
                if let Some(message) = view.nothing_before(&action, today) {
                    self.show_info(message);
                }
            }
            None if action == Action::ShowHelp => self.open(Mode::Help { scroll: 0 }),
            None if action == Action::Close => {
                self.report_choice = view.choice.clone();
                self.close();
            }
            None => {}
        }
    }

    /// After the board, the day or the size changed: the figures of an open report are worked
    /// out again, and its scroll kept in range.
    pub(super) fn recount_reports(&mut self) {
        self.recount();
        self.keep_report_in_view();
    }

    /// Keeps the report's scroll within what there is to see at this size.
    pub(super) fn keep_report_in_view(&mut self) {
        let size = self.size;
        for mode in self.under.iter_mut().chain(std::iter::once(&mut self.mode)) {
            if let Mode::Reports(view) = mode {
                view.keep_in_view(size);
            }
        }
    }
}

/// The owner after (or before) `current` in "everyone, then each owner in turn".
fn next_owner(owners: &[String], current: Option<&str>, forward: bool) -> Option<String> {
    let at = current.and_then(|c| owners.iter().position(|o| same_name(o, c)));
    // Everyone is position 0, the owners 1..=n.
    let position = at.map_or(0, |i| i + 1);
    let count = owners.len() + 1;
    let next = if forward {
        (position + 1) % count
    } else {
        (position + count - 1) % count
    };
    next.checked_sub(1).map(|i| owners[i].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_come_after_everyone_and_round_again() {
        let owners = vec!["anna".to_string(), "boris".to_string()];
        assert_eq!(next_owner(&owners, None, true), Some("anna".into()));
        assert_eq!(
            next_owner(&owners, Some("ANNA"), true),
            Some("boris".into())
        );
        assert_eq!(next_owner(&owners, Some("boris"), true), None);
        assert_eq!(next_owner(&owners, None, false), Some("boris".into()));
        assert_eq!(next_owner(&[], None, true), None);
        assert_eq!(
            next_owner(&owners, Some("gone"), true),
            Some("anna".into()),
            "an owner no longer on the board counts as everyone"
        );
    }

    #[test]
    fn presets_step_round_and_compare_with_what_came_before() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(PeriodPreset::AllTime.step(true), PeriodPreset::Last30Days);
        assert_eq!(PeriodPreset::Last30Days.step(false), PeriodPreset::AllTime);
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        assert_eq!(
            PeriodPreset::LastMonth.before(today),
            Some(Period {
                from: day(9, 1),
                to: day(9, 30)
            })
        );
        assert_eq!(
            PeriodPreset::Last30Days.before(today),
            Some(Period {
                from: day(9, 29),
                to: day(10, 28)
            })
        );
        assert_eq!(PeriodPreset::AllTime.before(today), None);
    }
}
