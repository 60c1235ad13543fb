//! How errors read: each error type's `Display` comes from the catalogue.

use std::fmt;

use super::{Quoted, fill, quote, t};
use crate::model::input::InputError;
use crate::model::limits::{self, TextProblem};
use crate::model::{
    AmountError, BadText, BadTextKind, ColumnSort, DealProblem, EditError, Problem,
};
use crate::report::Filter;
use crate::store::{
    Holder, LoadError, LoadErrorKind, LockError, NoConfigDir, Role, SaveError, SaveErrorKind,
};

impl fmt::Display for DealProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        f.write_str(&match self {
            DealProblem::EmptyTitle => e.empty_title.to_string(),
            DealProblem::NegativeValue => e.negative_value.to_string(),
            DealProblem::NegativeCost => e.negative_cost.to_string(),
            DealProblem::CostCurrency { value, cost } => {
                fill(e.cost_currency, &[("value", value), ("cost", cost)])
            }
            DealProblem::Probability(p) => fill(e.probability_over, &[("probability", p)]),
            DealProblem::Rating(rating) => fill(e.rating_range, &[("rating", rating)]),
            DealProblem::Text { field, problem } => text_problem(field, problem),
            DealProblem::DateOutOfRange { field } => fill(
                e.date_out_of_range,
                &[
                    ("field", field),
                    ("first", &limits::FIRST_YEAR),
                    ("last", &limits::LAST_YEAR),
                ],
            ),
        })
    }
}

/// Why a text in the file cannot be kept, naming its field as the file does.
fn text_problem(field: &str, problem: &TextProblem) -> String {
    let e = &t().errors;
    match problem {
        TextProblem::Control(c) => fill(
            e.text_control,
            &[("field", &field), ("char", &quote(&c.to_string()))],
        ),
        TextProblem::TooLong(most) => fill(e.text_too_long, &[("field", &field), ("most", most)]),
    }
}

impl fmt::Display for BadText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        let quoted = Quoted(&self.text);
        let text: &dyn fmt::Display = &quoted;
        f.write_str(&match &self.kind {
            BadTextKind::Money(Some(problem)) => {
                fill(e.bad_money_amount, &[("text", text), ("problem", problem)])
            }
            BadTextKind::Money(None) => fill(e.bad_money, &[("text", text)]),
            BadTextKind::Currency => fill(e.bad_currency_in_file, &[("text", text)]),
            BadTextKind::Date => fill(e.bad_date_in_file, &[("text", text)]),
            BadTextKind::ClockTime => fill(e.bad_clock_in_file, &[("text", text)]),
            BadTextKind::Timestamp => fill(e.bad_timestamp_in_file, &[("text", text)]),
            BadTextKind::Rate => fill(e.bad_rate_in_file, &[("text", text)]),
            BadTextKind::RateTwice => fill(e.rate_twice_in_file, &[("currency", &self.text)]),
            BadTextKind::RateOfReportCurrency => {
                fill(e.rate_of_report_currency, &[("currency", &self.text)])
            }
        })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        f.write_str(&match self {
            Problem::NoStages => e.no_stages.to_string(),
            Problem::EmptyStageName(id) => fill(e.empty_stage_name, &[("id", &Quoted(&id.0))]),
            Problem::BadStageId(id) => fill(e.bad_stage_id, &[("id", &Quoted(&id.0))]),
            Problem::DuplicateStageId(id) => fill(e.duplicate_stage_id, &[("id", &Quoted(&id.0))]),
            Problem::DuplicateStageName(name) => {
                fill(e.duplicate_stage_name, &[("name", &Quoted(name))])
            }
            Problem::StageProbability { stage, probability } => fill(
                e.stage_probability,
                &[("id", &Quoted(&stage.0)), ("probability", probability)],
            ),
            Problem::DuplicateChecklistItem { stage, item } => fill(
                e.duplicate_checklist_item,
                &[("id", &Quoted(&stage.0)), ("item", &Quoted(item))],
            ),
            Problem::DuplicateDealId(id) => fill(e.duplicate_deal_id, &[("id", id)]),
            Problem::DealIdOutOfRange(id) => fill(e.deal_id_too_large, &[("id", id)]),
            Problem::UnknownStage { deal, stage } => fill(
                e.unknown_stage,
                &[("id", deal), ("stage", &Quoted(&stage.0))],
            ),
            Problem::BadHistoryStage { deal, stage } => fill(
                e.bad_history_stage,
                &[("id", deal), ("stage", &Quoted(&stage.0))],
            ),
            Problem::BoardText { field, problem, .. } => text_problem(field, problem),
            Problem::Deal { deal, problem } => {
                fill(e.deal_problem, &[("id", deal), ("problem", problem)])
            }
        })
    }
}

/// A load error on one line, without the advice: for a status bar.
pub fn load_error_in_a_line(error: &LoadError) -> String {
    let full = error.to_string();
    let described = match &error.kind {
        LoadErrorKind::Missing
        | LoadErrorKind::Unreadable(_)
        | LoadErrorKind::NotAFile
        | LoadErrorKind::TooLarge
        | LoadErrorKind::TooNew { .. } => &full,
        _ => full
            .rsplit_once('\n')
            .map_or(full.as_str(), |(described, _advice)| described),
    };
    described.replace("\n  ", " ").replace('\n', " ")
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        let path = self.path.display();
        let path: &dyn fmt::Display = &path;
        let described = match &self.kind {
            LoadErrorKind::Missing => return f.write_str(&fill(e.missing, &[("path", path)])),
            LoadErrorKind::Unreadable(error) => {
                return f.write_str(&fill(e.unreadable, &[("path", path), ("error", error)]));
            }
            LoadErrorKind::NotAFile => return f.write_str(&fill(e.not_a_file, &[("path", path)])),
            LoadErrorKind::TooLarge => {
                let most = crate::store::MAX_FILE_BYTES / (1024 * 1024);
                return f.write_str(&fill(e.file_too_large, &[("path", path), ("most", &most)]));
            }
            LoadErrorKind::Empty => fill(e.empty, &[("path", path)]),
            LoadErrorKind::NotUtf8 { line } => fill(e.not_utf8, &[("path", path), ("line", line)]),
            LoadErrorKind::ConflictMarkers { lines } => {
                let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
                let form = t().form(&e.line_numbers, lines.len());
                let lines = fill(form, &[("numbers", &numbers.join(", "))]);
                fill(e.conflict_markers, &[("path", path), ("lines", &lines)])
            }
            LoadErrorKind::Syntax {
                line,
                column,
                message,
            } => fill(
                e.syntax,
                &[
                    ("path", path),
                    ("line", line),
                    ("column", column),
                    ("message", &Quoted(message)),
                ],
            ),
            LoadErrorKind::TooNew { found } => {
                let supported = crate::model::FORMAT_VERSION;
                return f.write_str(&fill(
                    e.too_new,
                    &[("path", path), ("found", found), ("supported", &supported)],
                ));
            }
            LoadErrorKind::Invalid(problems) => {
                let mut text = fill(e.invalid, &[("path", path)]);
                for (problem, line) in problems {
                    text.push_str("\n  ");
                    match line {
                        Some(line) => {
                            text.push_str(&fill(e.at_line, &[("line", line), ("problem", problem)]))
                        }
                        None => text.push_str(&problem.to_string()),
                    }
                }
                text
            }
        };
        let advice = match &self.backup {
            Some(backup) => fill(e.left_alone, &[("backup", &backup.display())]),
            None => e.left_alone_no_backup.to_string(),
        };
        write!(f, "{described}\n{advice}")
    }
}

impl fmt::Display for SaveErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        match self {
            SaveErrorKind::Io(message) => f.write_str(message),
            SaveErrorKind::ChangedOutside => f.write_str(e.changed_outside),
            SaveErrorKind::ReadOnly => f.write_str(e.read_only),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = fill(
            t().errors.save_failed,
            &[("path", &self.path.display()), ("error", &self.kind)],
        );
        f.write_str(&text)
    }
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        f.write_str(&match self {
            LockError::Held { path, holder } => {
                let path = &path.display();
                match holder {
                    None => fill(e.locked, &[("path", path)]),
                    Some(Holder { role, pid }) => {
                        let template = match role {
                            Role::App => e.locked_by_app,
                            Role::Command => e.locked_by_command,
                        };
                        fill(template, &[("path", path), ("pid", pid)])
                    }
                }
            }
            LockError::Io { path, message } => fill(
                e.lock_failed,
                &[("path", &path.display()), ("error", message)],
            ),
            LockError::Unsafe { path } => fill(e.lock_unsafe, &[("path", &path.display())]),
        })
    }
}

/// Why an app that could not take the lock may only read the board, for the status bar.
pub fn read_only_reason(error: &LockError) -> String {
    match error {
        LockError::Held { .. } => t().board.read_only.to_string(),
        LockError::Io { path, message } => fill(
            t().errors.cannot_write_folder,
            &[("path", &path.display()), ("error", message)],
        ),
        LockError::Unsafe { .. } => error.to_string(),
    }
}

impl fmt::Display for NoConfigDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(t().errors.no_config_dir)
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        f.write_str(&match self {
            EditError::NoDeal(id) => fill(e.no_deal, &[("id", id)]),
            EditError::NoStage(name) => fill(e.no_stage, &[("name", &Quoted(name))]),
            EditError::Invalid(problem) => problem.to_string(),
            EditError::SameStage => e.same_stage.to_string(),
            EditError::AtEdge => e.at_edge.to_string(),
            EditError::WonStaysAfterSale => e.won_stays_after_sale.to_string(),
            EditError::IdsExhausted => e.ids_exhausted.to_string(),
            EditError::AlreadyClosed => e.already_closed.to_string(),
            EditError::NotClosed => e.not_closed.to_string(),
            EditError::NoSuchItem(item) => fill(e.no_such_item, &[("item", &Quoted(item))]),
            EditError::StageNameEmpty => e.stage_name_empty.to_string(),
            EditError::BoardNameEmpty => e.board_name_empty.to_string(),
            EditError::StageNameTaken(name) => fill(e.stage_name_taken, &[("name", &Quoted(name))]),
            EditError::StageProbability(p) => fill(e.probability_over, &[("probability", p)]),
            EditError::RotDays => e.rot_days.to_string(),
            EditError::StageHasDeals(count) => fill(
                e.stage_has_deals,
                &[("deals", &t().count(&t().board.deal_count, *count))],
            ),
            EditError::LastStage => e.last_stage.to_string(),
            EditError::NoReferrer(id) => fill(e.no_referrer, &[("id", id)]),
            EditError::LostStays => e.lost_stays.to_string(),
            EditError::PhaseOrder => e.phase_order.to_string(),
            EditError::PhaseHoldsDeals => e.phase_holds_deals.to_string(),
            EditError::PhaseMismatch => e.phase_mismatch.to_string(),
            EditError::EmptyNote => e.empty_note.to_string(),
            EditError::FeedbackBeforeSale => e.feedback_before_sale.to_string(),
            EditError::Rating(rating) => fill(e.rating_range, &[("rating", rating)]),
            EditError::NoActivity => e.no_activity.to_string(),
            EditError::NoCompany(name) => fill(e.no_company, &[("name", &Quoted(name))]),
            EditError::NoPerson(name) => fill(e.no_person, &[("name", &Quoted(name))]),
            EditError::CompanyExists(name) => fill(e.company_exists, &[("name", &Quoted(name))]),
            EditError::EmptyName => e.empty_name.to_string(),
            EditError::RecordText(problem) => text_problem("name", problem),
        })
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        f.write_str(match self {
            AmountError::NotANumber => e.bad_amount,
            AmountError::TooPrecise(currency) => {
                return f.write_str(&match currency.exponent() {
                    0 => fill(e.no_decimals, &[("currency", currency)]),
                    n => fill(e.too_precise, &[("currency", currency), ("decimals", &n)]),
                });
            }
            AmountError::TooLarge => e.too_large,
            AmountError::BadCurrency => e.bad_currency,
        })
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &t().errors;
        match self {
            InputError::Required => f.write_str(e.required),
            InputError::Negative => f.write_str(e.negative),
            InputError::Date => f.write_str(e.bad_date),
            InputError::Probability => f.write_str(e.bad_probability),
            InputError::TimeOfDay => f.write_str(t().day.not_a_time),
            InputError::TooLong(most) => f.write_str(&fill(e.input_too_long, &[("most", most)])),
            InputError::Amount(amount) => amount.fmt(f),
            InputError::Currency => f.write_str(e.bad_currency),
        }
    }
}

impl std::error::Error for LoadError {}
impl std::error::Error for SaveError {}
impl std::error::Error for LockError {}

/// The filter in force, in a few words: `Showing “acme” · only mine`.
pub fn describe_filter(filter: &Filter) -> String {
    let b = &t().board;
    let mut parts = Vec::new();
    if !filter.text.trim().is_empty() {
        parts.push(fill(b.filter_words, &[("text", &filter.text.trim())]));
    }
    for (on, words) in [
        (filter.only_mine, b.filter_mine),
        (filter.only_rotting, b.filter_rotting),
        (filter.only_due_now, b.filter_overdue),
    ] {
        if on {
            parts.push(words.to_string());
        }
    }
    if parts.is_empty() {
        return b.filter_all.to_string();
    }
    fill(b.filter_showing, &[("what", &parts.join(" · "))])
}

/// What the columns' order is called.
pub fn sort_name(sort: ColumnSort) -> &'static str {
    let b = &t().board;
    match sort {
        ColumnSort::Manual => b.sort_manual,
        ColumnSort::NextAction => b.sort_next_action,
        ColumnSort::Value => b.sort_value,
        ColumnSort::ExpectedClose => b.sort_expected_close,
        ColumnSort::Idle => b.sort_idle,
    }
}

/// How many deals a stage holds ("3 deals", "3 deals, 1 of them closed"), and how many. Closed
/// deals keep the stage they reached, so they count: removing the stage moves them too.
pub fn stage_holdings(
    board: &crate::model::Board,
    stage: &crate::model::StageId,
) -> (usize, String) {
    let post_sale = board.is_post_sale(stage);
    let held: Vec<_> = board.deals.iter().filter(|d| &d.stage == stage).collect();
    let closed = held.iter().filter(|d| !d.is_on_board(post_sale)).count();
    let deals = t().count(&t().board.deal_count, held.len());
    let text = if closed == 0 {
        deals
    } else {
        fill(
            t().process.holds_closed,
            &[("deals", &deals), ("closed", &closed)],
        )
    };
    (held.len(), text)
}
