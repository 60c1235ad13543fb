//! The words of the process's own history: the log of changes to the stages, before and after
//! a change, the team's process and its pilots, and the questions about what may have stopped
//! being useful.

catalogue! {
pub struct VersionsText {
    pub tab_log: &'static str,
    /// `{key}`: the key that gives a change its reason.
    pub no_changes: &'static str,
    pub h_change: &'static str,
    pub h_when: &'static str,
    pub h_why: &'static str,
    pub h_what: &'static str,
    pub no_reason: &'static str,
    /// `{name}`, `{at}` (its place, 1 is first).
    pub stage_added: &'static str,
    /// `{name}`.
    pub stage_removed: &'static str,
    /// `{from}`, `{to}`.
    pub stage_renamed: &'static str,
    /// `{name}`, `{to}`.
    pub stage_moved: &'static str,
    /// `{name}`, `{from}`, `{to}`.
    pub probability_changed: &'static str,
    /// `{name}`, `{from}`, `{to}`.
    pub rot_days_changed: &'static str,
    /// `{name}`, `{from}`, `{to}`.
    pub phase_changed: &'static str,
    /// `{name}`, `{text}`.
    pub criterion_added: &'static str,
    /// `{name}`, `{text}`.
    pub criterion_removed: &'static str,
    /// `{name}`, `{from}`, `{to}`.
    pub criterion_reworded: &'static str,
    pub why_label: &'static str,
    pub why_placeholder: &'static str,
    /// `{n}`.
    pub reason_title: &'static str,
    /// `{n}`.
    pub reason_saved: &'static str,
    /// `{key}`.
    pub log_is_kept: &'static str,
    /// `{n}`, `{date}`: the selected change, above what it did.
    pub change_heading: &'static str,
    pub key_reason: &'static str,
    pub key_before_after: &'static str,
    pub key_earlier_change: &'static str,
    pub key_later_change: &'static str,
    pub hint_before_after: &'static str,
    pub hint_other_change: &'static str,
    pub hint_the_period: &'static str,
    /// `{key}`: the key that opens the process editor.
    pub nothing_to_compare_here: &'static str,
    /// `{n}`, `{count}`, `{date}`.
    pub change_of: &'static str,
    pub questions_short: &'static str,
    pub hint_reason: &'static str,

    pub process_about: &'static str,
    pub log_about: &'static str,

    pub arg_change: &'static str,
    /// `{n}`, `{count}`: the changes there are.
    pub no_such_change: &'static str,
    pub nothing_to_compare: &'static str,
    pub not_a_change: &'static str,
    /// `{n}`, `{date}`.
    pub compare_heading: &'static str,
    /// `{reason}`.
    pub why_line: &'static str,
    pub side_before: &'static str,
    pub side_after: &'static str,
    pub side_pilot: &'static str,
    pub side_rest: &'static str,
    /// `{side}`, `{from}`, `{to}`, `{deals}` (a count of deals).
    pub side_line: &'static str,
    pub the_beginning: &'static str,
    pub now: &'static str,
    pub too_few: &'static str,
    /// `{count}`: the fewest deals a side needs.
    pub too_few_note: &'static str,
    pub h_difference: &'static str,
    pub row_deals: &'static str,
    pub row_won: &'static str,
    pub row_lost: &'static str,
    pub row_win_rate: &'static str,
    pub row_cycle: &'static str,
    pub row_skips: &'static str,
    pub stages_heading: &'static str,
    pub h_stage: &'static str,
    pub h_conversion: &'static str,
    pub h_days: &'static str,
    pub criteria_heading: &'static str,
    pub h_criterion: &'static str,
    /// `{skipped}`, `{moves}`.
    pub skips_of: &'static str,
    pub only_before_short: &'static str,
    pub only_after_short: &'static str,
    pub only_pilot_short: &'static str,
    pub only_rest_short: &'static str,
    pub h_difference_short: &'static str,
    pub h_unticked: &'static str,
    pub only_before: &'static str,
    pub only_after: &'static str,
    pub only_pilot: &'static str,
    pub only_rest: &'static str,
    pub apply_about: &'static str,
    pub pilot_about: &'static str,
    pub adopt_about: &'static str,
    pub abandon_about: &'static str,
    pub arg_dir: &'static str,
    pub arg_from: &'static str,
    pub arg_move: &'static str,
    pub arg_reason: &'static str,
    pub arg_draft: &'static str,
    pub arg_pilot_boards: &'static str,
    /// `{folder}`.
    pub no_team_process: &'static str,
    /// `{folder}`, `{since}`, `{boards}`.
    pub pilot_running: &'static str,
    /// `{folder}`.
    pub no_pilot: &'static str,
    /// `{path}`, `{folder}`.
    pub not_in_folder: &'static str,
    /// `{folder}`.
    pub no_boards_in: &'static str,
    /// `{stages}`, `{example}`, `{targets}`.
    pub stranded: &'static str,
    /// `{name}`, `{boards}` (each with its count of deals).
    pub stranded_stage: &'static str,
    /// `{text}`.
    pub bad_move: &'static str,
    /// `{name}`, `{targets}`.
    pub move_to_unknown: &'static str,
    /// `{name}`.
    pub crosses_sale: &'static str,
    /// `{id}`.
    pub bad_stage_id: &'static str,
    /// `{board}`, `{n}`.
    pub board_changed: &'static str,
    /// `{board}`, `{deals}`, `{from}`, `{to}`.
    pub board_moved: &'static str,
    /// `{board}`.
    pub board_same: &'static str,
    pub restore_hint: &'static str,
    /// `{error}`, `{boards}`.
    pub partly_written: &'static str,
    /// `{path}`.
    pub team_kept: &'static str,
    /// `{folder}`, `{boards}`.
    pub pilot_started: &'static str,
    pub pilot_adopted: &'static str,
    /// `{boards}`.
    pub pilot_abandoned: &'static str,
    /// `{path}`.
    pub team_process_saved: &'static str,
    /// `{reason}`.
    pub reason_pilot: &'static str,
    /// `{reason}`.
    pub reason_adopted: &'static str,
    /// `{reason}`.
    pub reason_abandoned: &'static str,
    pub reason_team: &'static str,
    /// `{date}`, `{boards}`.
    pub pilot_heading: &'static str,
    pub pilot_on_one_side: &'static str,
    /// `{boards}`.
    pub off_process: &'static str,
    /// `{path}`.
    pub draft_in_folder: &'static str,
    /// `{name}`.
    pub bad_board_name: &'static str,
    /// `{name}`, `{stages}`.
    pub no_stage_to_move: &'static str,
    pub change_of_one_board: &'static str,
    /// `{points}`: a difference of two shares, in percentage points.
    pub points: &'static str,

    pub questions_heading: &'static str,
    pub no_questions: &'static str,
    /// `{criterion}`, `{stage}`, `{skipped}`, `{moves}`.
    pub q_skipped: &'static str,
    /// `{stage}`, `{jumped}`, `{passed}`.
    pub q_jumped: &'static str,
    /// `{stage}`, `{back}`, `{moves}`.
    pub q_back: &'static str,
    /// `{stage}`, `{owner}`, `{conversion}`, `{deals}`, `{others}`, `{others_deals}`.
    pub q_far: &'static str,
}
}

use chrono::{DateTime, FixedOffset, Utc};

use crate::model::{Phase, StageEdit};

/// When a change was made, in the user's time zone: `3 Dec 2026 09:14`.
pub fn when(at: DateTime<Utc>, offset: FixedOffset) -> String {
    let local = at.with_timezone(&offset);
    format!(
        "{} {}",
        super::locale::date_long(local.date_naive()),
        local.format("%H:%M")
    )
}

/// What one change did to one stage, in a line: `“Demo” added (3rd)`.
pub fn edit_words(edit: &StageEdit) -> String {
    let v = &super::t().versions;
    let p = &super::t().process;
    let phase = |phase: &Phase| match phase {
        Phase::PreSale => p.pre_sale,
        Phase::PostSale => p.post_sale,
    };
    let percent = |n: &u8| super::locale::percent(f64::from(*n) / 100.0);
    use super::fill;
    match edit {
        StageEdit::Added { name, at } => fill(v.stage_added, &[("name", name), ("at", at)]),
        StageEdit::Removed { name } => fill(v.stage_removed, &[("name", name)]),
        StageEdit::Renamed { from, to } => fill(v.stage_renamed, &[("from", from), ("to", to)]),
        StageEdit::Moved { name, to } => fill(v.stage_moved, &[("name", name), ("to", to)]),
        StageEdit::Probability { name, from, to } => fill(
            v.probability_changed,
            &[
                ("name", name),
                ("from", &percent(from)),
                ("to", &percent(to)),
            ],
        ),
        StageEdit::RotDays { name, from, to } => fill(
            v.rot_days_changed,
            &[("name", name), ("from", from), ("to", to)],
        ),
        StageEdit::Phase { name, from, to } => fill(
            v.phase_changed,
            &[("name", name), ("from", &phase(from)), ("to", &phase(to))],
        ),
        StageEdit::CriterionAdded { name, text } => {
            fill(v.criterion_added, &[("name", name), ("text", text)])
        }
        StageEdit::CriterionRemoved { name, text } => {
            fill(v.criterion_removed, &[("name", name), ("text", text)])
        }
        StageEdit::CriterionReworded { name, from, to } => fill(
            v.criterion_reworded,
            &[("name", name), ("from", from), ("to", to)],
        ),
    }
}

use crate::report::analytics::Question;
use crate::report::comparison::Side;

/// A question about the process, with the counts behind it.
pub fn question_words(question: &Question) -> String {
    let v = &super::t().versions;
    let deals = |n: &usize| super::t().count(&super::t().board.deal_count, *n);
    let share = |s: &f64| super::locale::percent(*s);
    use super::fill;
    match question {
        Question::Skipped {
            stage,
            criterion,
            skipped,
            moves,
        } => fill(
            v.q_skipped,
            &[
                ("criterion", criterion),
                ("stage", stage),
                ("skipped", skipped),
                ("moves", moves),
            ],
        ),
        Question::JumpedOver {
            stage,
            jumped,
            passed,
        } => fill(
            v.q_jumped,
            &[("stage", stage), ("jumped", jumped), ("passed", passed)],
        ),
        Question::MovedBack { stage, back, moves } => fill(
            v.q_back,
            &[("stage", stage), ("back", back), ("moves", moves)],
        ),
        Question::FarConversion {
            stage,
            owner,
            conversion,
            deals: own,
            others,
            others_deals,
        } => fill(
            v.q_far,
            &[
                ("stage", stage),
                ("owner", owner),
                ("conversion", &share(conversion)),
                ("deals", &deals(own)),
                ("others", &share(others)),
                ("others_deals", &deals(others_deals)),
            ],
        ),
    }
}

/// `Before: the beginning – 3 Dec 2026 09:14 · 24 deals`, and "too few to judge" after a side
/// with too few deals.
pub fn side_line(label: &str, side: &Side, offset: FixedOffset) -> String {
    let v = &super::t().versions;
    let from = side
        .from
        .map_or_else(|| v.the_beginning.to_string(), |at| when(at, offset));
    let to = if side.to_now() {
        v.now.to_string()
    } else {
        when(side.to, offset)
    };
    let deals = super::t().count(&super::t().board.deal_count, side.deals);
    let line = super::fill(
        v.side_line,
        &[
            ("side", &label),
            ("from", &from),
            ("to", &to),
            ("deals", &deals),
        ],
    );
    if side.too_few() {
        format!("{line} · {}", v.too_few)
    } else {
        line
    }
}

/// A difference of two shares in points: `+12 pts`, `−5 pts`; a dash when either is missing.
pub fn points(before: Option<f64>, after: Option<f64>) -> String {
    match (before, after) {
        (Some(b), Some(a)) => super::fill(
            super::t().versions.points,
            &[("points", &signed((a - b) * 100.0, 0))],
        ),
        _ => super::t().reports.nothing.to_string(),
    }
}

/// A difference of two figures: `+1.5`, `−2`; a dash when either is missing.
pub fn difference(before: Option<f64>, after: Option<f64>, decimals: usize) -> String {
    match (before, after) {
        (Some(b), Some(a)) => signed(a - b, decimals),
        _ => super::t().reports.nothing.to_string(),
    }
}

/// `+3`, `−1.5`, `0` with the language's decimal mark.
fn signed(value: f64, decimals: usize) -> String {
    let rounded = if decimals == 0 {
        value.round()
    } else {
        (value * 10.0).round() / 10.0
    };
    if rounded == 0.0 {
        return "0".into();
    }
    let figure = if decimals == 0 {
        super::locale::number(rounded.abs() as u128)
    } else {
        super::one_decimal(rounded.abs())
    };
    format!("{}{figure}", if rounded > 0.0 { "+" } else { "−" })
}

/// `38 of 100`, the numbers as the language writes them.
pub fn skips_of(skipped: usize, moves: usize) -> String {
    let n = |n: usize| super::locale::number(n as u128);
    super::fill(
        super::t().versions.skips_of,
        &[("skipped", &n(skipped)), ("moves", &n(moves))],
    )
}
