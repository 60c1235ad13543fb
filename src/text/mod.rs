//! Every sentence the user reads: screen, help, errors and command-line messages, and how
//! numbers, money and dates are written. Each language is one file (`en.rs`, `ru.rs`) filling
//! one [`Text`]; a missing sentence does not compile. Templates name their blanks (`{title}`),
//! filled by [`fill`]; `tests/catalogue.rs` checks every language has the same blanks.

#[macro_use]
mod entries;
pub mod clap_words;
pub mod day;
mod deal_facts;
pub mod deal_life;
mod describe;
mod en;
pub mod import;
pub mod locale;
pub mod os_errors;
pub mod rates;
pub mod reports;
mod review;
mod ru;
pub mod safe;
pub mod sync_words;
pub mod team;
pub mod versions;

#[cfg(test)]
mod catalogue_tests;

pub use deal_facts::{DealFacts, StayWords};
pub use describe::{
    describe_filter, load_error_in_a_line, read_only_reason, sort_name, stage_holdings,
};
pub use locale::{
    date_long, date_short, date_with_weekday, money, money_compact, month, month_year, number,
    one_decimal,
};
pub use review::ReviewText;
pub use safe::{Quoted, excerpt, quote, safe_message, terminal_safe};

use std::cell::Cell;
use std::fmt::Display;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::model::DealField;
use crate::model::input::{self, DateInput, InputError};
use locale::{Category, Operands};

/// A language dealboard speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    Russian,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Russian];

    /// The catalogue of the language.
    pub fn text(self) -> &'static Text {
        match self {
            Language::English => &en::EN,
            Language::Russian => &ru::RU,
        }
    }

    /// `en`, `ru`: as `--lang` and `DEALBOARD_LANG` take it.
    pub fn code(self) -> &'static str {
        self.text().locale.code
    }

    /// A language code or a locale name: `ru`, `RU`, `ru_RU.UTF-8`, `ru-RU`, `en_GB`. `C` and
    /// `POSIX` are English.
    pub fn parse(name: &str) -> Option<Language> {
        let name = name.trim();
        if name == "C" || name == "POSIX" || name.starts_with("C.") {
            return Some(Language::English);
        }
        let code = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language the environment asks for: `DEALBOARD_LANG`, else the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set (as POSIX orders them), else English. A locale of a
    /// language dealboard does not speak is English too.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Language {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if let Some(language) = set("DEALBOARD_LANG").and_then(|v| Language::parse(&v)) {
            return language;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(set)
            .and_then(|v| Language::parse(&v))
            .unwrap_or(Language::English)
    }
}

static CHOSEN: OnceLock<Language> = OnceLock::new();

thread_local! {
    /// A language for this thread only, for tests that look at a screen in each language.
    static ON_THIS_THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Chooses the language once, at start-up, before anything is said.
pub fn choose(language: Language) {
    let _ = CHOSEN.set(language);
}

/// The language in use.
pub fn language() -> Language {
    ON_THIS_THREAD
        .with(Cell::get)
        .or_else(|| CHOSEN.get().copied())
        .unwrap_or(Language::English)
}

/// Runs `f` with `language` in use on this thread (for tests and snapshots).
pub fn speaking<R>(language: Language, f: impl FnOnce() -> R) -> R {
    let before = ON_THIS_THREAD.with(|c| c.replace(Some(language)));
    let result = f();
    ON_THIS_THREAD.with(|c| c.set(before));
    result
}

/// The catalogue in use.
pub fn t() -> &'static Text {
    language().text()
}

/// A typed date in digits or in words of any language dealboard speaks: `2026-12-31`,
/// `31.12.2026`, `today`, `завтра`, `+3d`, `+2н`, `-1w`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, InputError> {
    match locale::date_from_words(text, today) {
        Some(date) => input::checked_date(date),
        None => input::parse_date(text, today),
    }
}

/// How typed dates are read in the app and on the command line.
pub fn dates(today: NaiveDate) -> DateInput {
    DateInput {
        today,
        reader: parse_date,
    }
}

/// Fills the named blanks of `template`: `fill("Moved {title}", &[("title", &"Acme")])`.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The forms of a phrase that changes with a number, e.g. "1 deal" / "5 deals": one per CLDR
/// plural category the language uses, in the order of its [`locale::Locale::plural_categories`].
pub struct Plural(pub &'static [&'static str]);

impl Text {
    /// The form of `phrase` for `count`, with `{count}` filled in (grouped: `1 500 сделок`).
    pub fn count(&self, phrase: &Plural, count: usize) -> String {
        fill(
            self.form(phrase, count),
            &[("count", &self.locale.number(count as u128))],
        )
    }

    /// The form of `phrase` for a number with one decimal (`2.5 days` / `2,5 дня`).
    pub fn count_decimal(&self, phrase: &Plural, value: f64) -> String {
        fill(
            self.form_of(phrase, locale::operands_of(value)),
            &[("count", &self.locale.one_decimal(value))],
        )
    }

    /// The form of `phrase` that goes with `count`, its blanks unfilled.
    pub fn form(&self, phrase: &Plural, count: usize) -> &'static str {
        self.form_of(phrase, Operands::whole(count as u64))
    }

    fn form_of(&self, phrase: &Plural, number: Operands) -> &'static str {
        let category = (self.locale.plural)(number);
        let at = self
            .locale
            .plural_categories
            .iter()
            .position(|c| *c == category)
            .or_else(|| {
                let other = self.locale.plural_categories.iter();
                other.clone().position(|c| *c == Category::Other)
            });
        let forms = phrase.0;
        at.and_then(|i| forms.get(i))
            .or(forms.last())
            .copied()
            .unwrap_or_default()
    }
}

/// What the deal form calls a field.
pub fn field_label(field: DealField) -> &'static str {
    let f = &t().form;
    match field {
        DealField::Title => f.title,
        DealField::Company => f.company,
        DealField::Contact => f.contact,
        DealField::Value => f.value,
        DealField::Currency => f.currency,
        DealField::Cost => f.cost,
        DealField::Probability => f.probability,
        DealField::Owner => f.owner,
        DealField::Source => f.source,
        DealField::ReferredBy => f.referred_by,
        DealField::ExpectedClose => f.expected_close,
        DealField::NextAction => f.next_action,
        DealField::NextActionDue => f.next_action_due,
        DealField::Tags => f.tags,
        DealField::Notes => f.notes,
    }
}

catalogue! {
pub struct Text {
    pub locale: locale::Locale,
    pub key_names: KeyNames,
    pub hints: HintText,
    pub board: BoardText,
    pub form: FormText,
    pub keys: KeyText,
    pub help: HelpText,
    pub process: ProcessText,
    pub closed: ClosedText,
    pub detail: DetailText,
    pub errors: ErrorText,
    pub cli: CliText,
    pub review: ReviewText,
    pub reports: reports::ReportText,
    pub report_screen: reports::ReportScreenText,
    pub rates: rates::RatesText,
    pub team: team::TeamText,
    pub day: day::DayText,
    pub versions: versions::VersionsText,
    pub import: import::ImportText,
    pub clap: clap_words::ClapWords,
    pub os_errors: os_errors::OsErrors,
}

/// The board screen.
pub struct BoardText {
    /// `{title}`, `{stage}`.
    pub already_in: &'static str,
    pub folded: &'static str,
    pub unfolded: &'static str,
    /// `{title}`: the list of stages a deal can move to.
    pub move_to_title: &'static str,
    /// `{title}`, `{stage}`, `{jumped}`: a move over stages.
    pub move_past: &'static str,
    /// `{title}`, `{stage}`: `w`, or a move into the stages after the sale.
    pub win_to: &'static str,
    /// `{title}`, `{stage}`, `{jumped}`.
    pub win_past: &'static str,
    /// `{items}`.
    pub not_done: &'static str,
    pub go_ahead: &'static str,
    pub deal_count: Plural,
    pub due_today_count: &'static str,
    pub rotting_count: &'static str,
    pub sorted_by: &'static str,
    pub open_total: &'static str,
    pub weighted_total: &'static str,
    pub won_total: &'static str,
    /// Shorter labels for a narrow footer.
    pub weighted_total_short: &'static str,
    pub won_total_short: &'static str,
    pub nothing: &'static str,
    pub filter_prompt: &'static str,
    pub rotting_mark: &'static str,
    pub weighted_mark: &'static str,
    pub nothing_matches: &'static str,
    pub more_currencies: &'static str,
    pub rotting_days: &'static str,
    pub checklist_progress: &'static str,
    pub picker_prompt: &'static str,
    pub picker_other: &'static str,
    pub filter_cleared: &'static str,
    pub nothing_closed: &'static str,
    pub no_criteria: &'static str,
    pub ticked: &'static str,
    pub unticked: &'static str,
    pub action_done: &'static str,
    pub action_planned: &'static str,
    pub won_deal: &'static str,
    pub now_in: &'static str,
    pub in_closed_list: &'static str,
    pub lost_title: &'static str,
    pub pick_something: &'static str,
    pub pick_listed: &'static str,
    pub lost: &'static str,
    pub reopened: &'static str,
    pub sorted: &'static str,
    pub sorted_no_reorder: &'static str,
    pub moved_meanwhile: &'static str,
    pub skip_question: &'static str,
    pub filter_words: &'static str,
    pub filter_mine: &'static str,
    pub filter_rotting: &'static str,
    pub filter_overdue: &'static str,
    pub filter_showing: &'static str,
    pub filter_all: &'static str,
    pub sort_manual: &'static str,
    pub sort_next_action: &'static str,
    pub sort_value: &'static str,
    pub sort_expected_close: &'static str,
    pub sort_idle: &'static str,
    pub overdue_count: &'static str,
    pub more_left: &'static str,
    pub more_right: &'static str,
    pub stage_position: &'static str,
    pub empty_column: &'static str,
    pub empty_column_hint: &'static str,
    pub more_above: &'static str,
    pub more_above_short: &'static str,
    pub more_below: &'static str,
    // A card's corner: each has forms from longest to shortest; the longest that fits is shown.
    pub overdue: &'static [&'static str],
    pub due_today: &'static [&'static str],
    pub due_on: &'static [&'static str],
    pub no_next_action: &'static [&'static str],
    pub no_due_date: &'static [&'static str],
    pub won: &'static [&'static str],
    /// Longest first; the longest that fits the window is shown.
    pub too_small: &'static [&'static str],
    pub saved: &'static str,
    /// While a change is being written in the background.
    pub saving: &'static str,
    /// The user quit while the disk was still writing the last change.
    pub quitting_after_save: &'static str,
    pub not_saved: &'static str,
    pub added: &'static str,
    pub edited: &'static str,
    pub moved: &'static str,
    pub reordered: &'static str,
    pub deleted: &'static str,
    pub undo_hint: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub no_deal_selected: &'static str,
    pub at_first_stage: &'static str,
    pub at_last_stage: &'static str,
    pub at_top: &'static str,
    pub at_bottom: &'static str,
    pub no_changes: &'static str,
    pub save_recovered: &'static str,
    pub delete_question: &'static str,
    pub discard_question: &'static str,
    pub opened_read_only: &'static str,
    pub read_only: &'static str,
    pub reloaded: &'static str,
    pub reloaded_undo_reset: &'static str,
    pub now_editable: &'static str,
    pub conflict_question: &'static str,
    /// Parts of the names of the copies kept when two changes clash (`board.ron.unsaved.1`).
    pub unsaved_copy_label: &'static str,
    pub replaced_copy_label: &'static str,
    pub took_theirs: &'static str,
    pub kept_mine: &'static str,
    pub outside_unreadable: &'static str,
    pub read_only_mark: &'static str,
    pub quit_question: &'static str,
}

/// The deal form.
pub struct FormText {
    pub new_title: &'static str,
    pub nothing_planned: &'static str,
    pub next_action_title: &'static str,
    pub plan_action_title: &'static str,
    pub placeholder_next_action: &'static str,
    pub referred_by: &'static str,
    pub placeholder_referred_by: &'static str,
    pub placeholder_source: &'static str,
    pub edit_title: &'static str,
    pub fix_first: &'static str,
    /// Put before an error next to a field.
    pub error_mark: &'static str,
    pub title: &'static str,
    pub company: &'static str,
    pub contact: &'static str,
    pub value: &'static str,
    pub currency: &'static str,
    pub cost: &'static str,
    pub probability: &'static str,
    pub owner: &'static str,
    pub source: &'static str,
    pub expected_close: &'static str,
    pub next_action: &'static str,
    pub next_action_due: &'static str,
    pub tags: &'static str,
    pub notes: &'static str,
    pub placeholder_date: &'static str,
    pub placeholder_probability: &'static str,
    pub placeholder_tags: &'static str,
    pub placeholder_cost: &'static str,
}

/// What each key does, for the help screen.
pub struct KeyText {
    pub toggle_fold: &'static str,
    pub first_row: &'static str,
    pub last_row: &'static str,
    pub pick_stage: &'static str,
    pub focus_column: &'static str,
    pub focus_left: &'static str,
    pub show_detail: &'static str,
    pub complete_action: &'static str,
    pub mark_won: &'static str,
    pub mark_lost: &'static str,
    pub start_filter: &'static str,
    pub toggle_mine: &'static str,
    pub toggle_rotting: &'static str,
    pub toggle_overdue: &'static str,
    pub clear_filter: &'static str,
    pub cycle_sort: &'static str,
    pub show_closed: &'static str,
    pub show_process: &'static str,
    pub criterion_up: &'static str,
    pub criterion_down: &'static str,
    pub toggle_tick: &'static str,
    pub reopen: &'static str,
    pub back: &'static str,
    pub closed_tab: &'static str,
    pub process_tab: &'static str,
    pub add_item: &'static str,
    pub edit_item: &'static str,
    pub delete_item: &'static str,
    pub item_up: &'static str,
    pub item_down: &'static str,
    pub next_choice: &'static str,
    pub previous_choice: &'static str,
    pub choose: &'static str,
    pub keep_filter: &'static str,
    pub focus_right: &'static str,
    pub select_up: &'static str,
    pub select_down: &'static str,
    pub one_above_row: &'static str,
    pub one_below_row: &'static str,
    pub select_first: &'static str,
    pub select_last: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub move_forward: &'static str,
    pub move_back: &'static str,
    pub reorder_up: &'static str,
    pub reorder_down: &'static str,
    pub new_deal: &'static str,
    pub edit_deal: &'static str,
    pub delete_deal: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub suspend: &'static str,
    pub next_field: &'static str,
    pub previous_field: &'static str,
    pub save_form: &'static str,
    pub cancel_form: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub scroll_up: &'static str,
    pub scroll_down: &'static str,
    pub close_help: &'static str,
    pub help_top: &'static str,
    pub help_end: &'static str,
}

/// What a key does, in the status bar's hints (`n new`): the key comes from the key registry.
pub struct HintText {
    pub pick_stage: &'static str,
    pub help: &'static str,
    pub open: &'static str,
    pub new: &'static str,
    pub move_deal: &'static str,
    pub done: &'static str,
    pub won: &'static str,
    pub lost: &'static str,
    pub filter: &'static str,
    pub undo: &'static str,
    pub quit: &'static str,
    pub report: &'static str,
    pub next_field: &'static str,
    pub previous_field: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub scroll: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub tick: &'static str,
    pub action_done: &'static str,
    pub edit: &'static str,
    pub back: &'static str,
    pub reopen: &'static str,
    pub closed_tabs: &'static str,
    pub next_tab: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub choose: &'static str,
    /// Not a key: what typing does.
    pub narrow_or_write: &'static str,
    pub narrow: &'static str,
    pub filter_words: &'static str,
    pub take: &'static str,
    pub keep: &'static str,
    pub clear: &'static str,
    pub period: &'static str,
    pub owner: &'static str,
    pub compare: &'static str,
    pub next_person: &'static str,
    pub changes: &'static str,
    pub focus: &'static str,
    pub attention: &'static str,
    pub people: &'static str,
    pub change_steps: &'static str,
    pub back_to_board: &'static str,
}

/// Names of keys as the help screen writes them.
pub struct KeyNames {
    pub space: &'static str,
    pub enter: &'static str,
    pub esc: &'static str,
    pub tab: &'static str,
    pub delete: &'static str,
    pub home: &'static str,
    pub end: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    /// Written before a key held with Ctrl / Shift.
    pub ctrl: &'static str,
    pub shift: &'static str,
}

/// The help screen around the key list.
pub struct HelpText {
    pub title: &'static str,
    pub board: &'static str,
    pub form: &'static str,
    pub detail: &'static str,
    pub closed: &'static str,
    pub process: &'static str,
    pub picker: &'static str,
    pub filter: &'static str,
    pub filter_keys: &'static str,
    pub filter_help: &'static str,
    pub question: &'static str,
    pub help: &'static str,
    pub editing_keys: &'static str,
    pub editing_help: &'static str,
    pub saving: &'static str,
    pub reading: &'static str,
    pub footer: &'static str,
}

/// The process editor.
pub struct ProcessText {
    pub title: &'static str,
    pub stages: &'static str,
    pub sources: &'static str,
    pub lost_reasons: &'static str,
    pub edit_stage: &'static str,
    pub new_stage: &'static str,
    pub name: &'static str,
    pub probability: &'static str,
    pub rot_days: &'static str,
    /// The table's headings, shorter than the form's labels where the language needs it.
    pub probability_column: &'static str,
    pub rot_days_column: &'static str,
    pub criteria_column: &'static str,
    pub phase: &'static str,
    pub phase_hint: &'static str,
    pub default_is: &'static str,
    pub pre_sale: &'static str,
    pub post_sale: &'static str,
    pub criterion: &'static str,
    pub source: &'static str,
    pub reason: &'static str,
    pub criteria: &'static str,
    pub criteria_of: &'static str,
    pub no_criteria: &'static str,
    pub holds: &'static str,
    pub holds_closed: &'static str,
    pub empty_list: &'static str,
    pub stage_saved: &'static str,
    pub stage_added: &'static str,
    pub list_saved: &'static str,
    pub item_removed: &'static str,
    pub move_deals_first: &'static str,
    pub stage_removed: &'static str,
    pub reordered: &'static str,
    pub remove_question: &'static str,
    pub board: &'static str,
    pub board_title: &'static str,
    pub board_name: &'static str,
    pub owner: &'static str,
    pub owner_hint: &'static str,
    pub currency: &'static str,
    pub no_owner: &'static str,
    pub owner_means: &'static str,
    pub currency_means: &'static str,
    pub board_saved: &'static str,
    pub fixed_rows: &'static str,
}

/// The closed deals.
pub struct ClosedText {
    pub title: &'static str,
    pub all: &'static str,
    pub won: &'static str,
    pub lost: &'static str,
    pub filtered: &'static str,
    pub none: &'static str,
    pub deal: &'static str,
    pub company: &'static str,
    pub value: &'static str,
    pub closed_on: &'static str,
    pub outcome: &'static str,
    pub lost_in: &'static str,
    pub won_total: &'static str,
    pub lost_total: &'static str,
    pub won_mark: &'static str,
    pub lost_mark: &'static str,
}

/// A deal's detail view.
pub struct DetailText {
    pub open: &'static str,
    pub won: &'static str,
    pub lost: &'static str,
    pub notes: &'static str,
    pub more_below: &'static str,
    pub closed_on: &'static str,
    pub referred_by_deal: &'static str,
    pub referred_by_person: &'static str,
    pub weighted_value: &'static str,
    /// `{value}` and, in brackets, `{weighted}` (a [`Self::weighted_value`]).
    pub value_and_weighted: &'static str,
    pub weighted: &'static str,
    pub cost_margin: &'static str,
    pub cold: &'static str,
    pub idle: &'static str,
    pub touched: &'static str,
    pub created: &'static str,
    pub next_overdue: &'static str,
    pub next_today: &'static str,
    pub next_later: &'static str,
    pub no_criteria: &'static str,
    pub criteria: &'static str,
    pub criteria_hint: &'static str,
    pub ticked_mark: &'static str,
    pub unticked_mark: &'static str,
    pub brought_in: &'static str,
    pub undescribed: &'static str,
    pub history: &'static str,
    pub removed_stage: &'static str,
    pub now: &'static str,
    pub went_back: &'static str,
    pub jumped: &'static str,
    pub skipped: &'static str,
    pub done_actions: &'static str,
    pub events: &'static str,
    pub days: Plural,
}

/// Errors from the file, the model and typed input.
pub struct ErrorText {
    pub missing: &'static str,
    pub unreadable: &'static str,
    pub not_a_file: &'static str,
    pub file_too_large: &'static str,
    pub empty: &'static str,
    pub not_utf8: &'static str,
    pub conflict_markers: &'static str,
    /// `{numbers}` is the list of line numbers.
    pub line_numbers: Plural,
    pub syntax: &'static str,
    pub too_new: &'static str,
    pub invalid: &'static str,
    pub at_line: &'static str,
    pub left_alone: &'static str,
    pub left_alone_no_backup: &'static str,
    pub no_stages: &'static str,
    pub empty_stage_name: &'static str,
    pub duplicate_stage_id: &'static str,
    pub duplicate_stage_name: &'static str,
    pub stage_probability: &'static str,
    pub duplicate_checklist_item: &'static str,
    pub duplicate_deal_id: &'static str,
    pub deal_id_too_large: &'static str,
    pub unknown_stage: &'static str,
    pub deal_problem: &'static str,
    pub bad_history_stage: &'static str,
    pub bad_stage_id: &'static str,
    pub text_control: &'static str,
    pub text_too_long: &'static str,
    pub date_out_of_range: &'static str,
    pub input_too_long: &'static str,
    pub empty_title: &'static str,
    pub negative_value: &'static str,
    pub negative_cost: &'static str,
    pub negative: &'static str,
    pub bad_money: &'static str,
    pub bad_money_amount: &'static str,
    pub bad_currency_in_file: &'static str,
    pub bad_date_in_file: &'static str,
    pub bad_clock_in_file: &'static str,
    pub bad_timestamp_in_file: &'static str,
    /// `{text}`: a rate in a board or team file.
    pub bad_rate_in_file: &'static str,
    /// `{currency}`.
    pub rate_twice_in_file: &'static str,
    /// `{currency}`.
    pub rate_of_report_currency: &'static str,
    pub cost_currency: &'static str,
    pub probability_over: &'static str,
    pub save_failed: &'static str,
    pub changed_outside: &'static str,
    pub read_only: &'static str,
    pub locked: &'static str,
    pub locked_by_app: &'static str,
    pub locked_by_command: &'static str,
    pub lock_failed: &'static str,
    pub lock_unsafe: &'static str,
    pub cannot_write_folder: &'static str,
    pub no_config_dir: &'static str,
    pub no_deal: &'static str,
    pub list_hint: &'static str,
    pub no_stage: &'static str,
    pub stage_list: &'static str,
    pub same_stage: &'static str,
    pub at_edge: &'static str,
    pub won_stays_after_sale: &'static str,
    pub ids_exhausted: &'static str,
    pub already_closed: &'static str,
    pub not_closed: &'static str,
    pub no_such_item: &'static str,
    pub stage_name_empty: &'static str,
    pub board_name_empty: &'static str,
    pub stage_name_taken: &'static str,
    pub rot_days: &'static str,
    pub stage_has_deals: &'static str,
    pub last_stage: &'static str,
    pub lost_stays: &'static str,
    pub phase_order: &'static str,
    pub phase_mismatch: &'static str,
    pub phase_holds_deals: &'static str,
    pub no_referrer: &'static str,
    pub empty_note: &'static str,
    pub feedback_before_sale: &'static str,
    pub rating_range: &'static str,
    pub no_activity: &'static str,
    pub no_company: &'static str,
    pub no_person: &'static str,
    pub company_exists: &'static str,
    pub empty_name: &'static str,
    pub required: &'static str,
    pub bad_date: &'static str,
    pub bad_probability: &'static str,
    pub bad_amount: &'static str,
    pub too_precise: &'static str,
    pub no_decimals: &'static str,
    pub too_large: &'static str,
    pub bad_currency: &'static str,
    pub terminal: &'static str,
    /// `{words}` of a system error and its number `{code}`.
    pub os_error: &'static str,
}

/// The command line.
pub struct CliText {
    pub about: &'static str,
    pub board_flag: &'static str,
    pub lang_flag: &'static str,
    pub add: &'static str,
    pub list: &'static str,
    pub move_cmd: &'static str,
    pub won: &'static str,
    pub lost: &'static str,
    pub reopen: &'static str,
    pub arg_reason: &'static str,
    pub now_won: &'static str,
    pub now_lost: &'static str,
    pub now_open: &'static str,
    pub path: &'static str,
    pub check: &'static str,
    pub arg_title: &'static str,
    pub arg_company: &'static str,
    pub arg_contact: &'static str,
    pub arg_value: &'static str,
    pub arg_currency: &'static str,
    pub arg_cost: &'static str,
    pub arg_probability: &'static str,
    pub arg_stage_new: &'static str,
    pub arg_owner: &'static str,
    pub arg_source: &'static str,
    pub arg_close: &'static str,
    pub arg_next: &'static str,
    pub arg_due: &'static str,
    pub arg_tag: &'static str,
    pub arg_notes: &'static str,
    pub arg_stage_filter: &'static str,
    pub arg_owner_filter: &'static str,
    pub arg_format: &'static str,
    pub arg_id: &'static str,
    pub arg_stage_target: &'static str,
    pub created: &'static str,
    pub moved: &'static str,
    pub already_there: &'static str,
    pub no_board_yet: &'static str,
    pub check_ok: &'static str,
    pub check_strays: Plural,
    pub check_stray_live: &'static str,
    pub import_more_problems: Plural,
    pub stage_count: Plural,
    pub no_deals: &'static str,
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_company: &'static str,
    pub col_stage: &'static str,
    pub col_value: &'static str,
    pub col_owner: &'static str,
    pub col_next: &'static str,
    pub col_status: &'static str,
    pub status_open: &'static str,
    pub status_won: &'static str,
    pub status_lost: &'static str,
    pub bad_field: &'static str,
    pub bad_title: &'static str,
    pub currency_clash: &'static str,
    pub error_prefix: &'static str,
    pub row_count: Plural,
    pub show: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub export: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub import: &'static str,
    pub init: &'static str,
    pub completions: &'static str,
    pub arg_shell: &'static str,
    pub arg_new_title: &'static str,
    pub arg_referred_by: &'static str,
    pub arg_demo: &'static str,
    pub arg_deals: &'static str,
    pub arg_force: &'static str,
    pub arg_output: &'static str,
    pub arg_bom: &'static str,
    pub arg_import_file: &'static str,
    pub arg_dry_run: &'static str,
    pub arg_map_stage: &'static str,
    pub arg_import_owner: &'static str,
    pub arg_skip_bad_rows: &'static str,
    pub bad_mapping: &'static str,
    pub show_stage: &'static str,
    pub stats: &'static str,
    pub arg_from: &'static str,
    pub arg_to: &'static str,
    pub arg_stats_owner: &'static str,
    pub arg_compare: &'static str,
    pub from_after_to: &'static str,
    pub compare_needs_from: &'static str,
    pub compared_with: &'static str,
    pub review: &'static str,
    pub arg_review_owner: &'static str,
    pub arg_since: &'static str,
    pub arg_review_boards: &'static str,
    pub review_no_files: &'static str,
    pub arg_stats_boards: &'static str,
    pub stats_no_files: &'static str,
    pub stats_boards: &'static str,
    pub stats_board: &'static str,
    pub stats_not_read: &'static str,
    pub arg_stats_by: &'static str,
    pub col_person: &'static str,
    pub col_open: &'static str,
    pub col_open_value: &'static str,
    pub col_weighted: &'static str,
    pub col_won: &'static str,
    pub col_won_value: &'static str,
    pub col_lost: &'static str,
    pub col_win_rate: &'static str,
    pub col_cycle: &'static str,
    pub col_overdue: &'static str,
    pub col_cold: &'static str,
    pub col_this_month: &'static str,
    pub since_hint: &'static str,
    pub since_future: &'static str,
    pub no_such_owner: &'static str,
    pub days_median: &'static str,
    pub before: &'static str,
    pub month: &'static str,
    pub source: &'static str,
    pub owner: &'static str,
    pub moves_with_skips: &'static str,
    pub bad_id: &'static str,
    pub moved_and_won: &'static str,
    pub lost_needs_reason: &'static str,
    pub export_over_file: &'static str,
    pub import_json: &'static str,
    pub edit_nothing: &'static str,
    pub edited: &'static str,
    pub unchanged: &'static str,
    pub deleted: &'static str,
    pub init_exists: &'static str,
    pub init_demo: &'static str,
    pub init_backup: &'static str,
    pub export_over_board: &'static str,
    /// `{field}`, `{value}`: appended to a deal's notes when a merge kept the other change.
    pub merge_kept_value: &'static str,
    pub merge: &'static str,
    pub arg_merge_base: &'static str,
    pub arg_merge_ours: &'static str,
    pub arg_merge_theirs: &'static str,
    pub arg_merge_path: &'static str,
    /// `{path}`, `{deals}`, `{clashes}`: what the merge did.
    pub merged: &'static str,
    pub exported: &'static str,
    pub import_unreadable: &'static str,
    pub import_refused: &'static str,
    pub import_all_bad: &'static str,
    pub format_pipedrive: &'static str,
    pub format_hubspot: &'static str,
    pub format_dealboard: &'static str,
    pub import_read: &'static str,
    pub import_added: &'static str,
    pub import_would_add: &'static str,
    pub import_updated: &'static str,
    pub import_would_update: &'static str,
    pub import_unchanged: &'static str,
    pub import_kept: &'static str,
    pub import_problems: &'static str,
    pub import_problem: &'static str,
    pub import_row: &'static str,
    pub import_ignored: &'static str,
    pub import_dates: &'static str,
    pub day_first: &'static str,
    pub month_first: &'static str,
    pub import_dry_run: &'static str,
}
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_named_blanks_and_leaves_unknown_ones() {
        assert_eq!(
            fill(
                "Moved {title} to {stage}",
                &[("title", &"Acme"), ("stage", &"Lead")]
            ),
            "Moved Acme to Lead"
        );
        assert_eq!(fill("{a}{a} {b}", &[("a", &1)]), "11 {b}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }
}
