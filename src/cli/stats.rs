//! `dealboard stats`: the process report for a period, as tables for people or JSON for
//! scripts. The figures are the reports screen's, from the same code. Over several boards (files
//! or folders, as for the review) the deals are combined as the review combines them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};

use super::Failure;
use super::table::{self, Column};
use crate::interchange::{BoardFileJson, ComparisonJson, QuestionJson, StatsJson};
use crate::model::{Board, Totals, combine, give_owners, same_name};
use crate::report::analytics::{Period, PersonRow, Question, Stats, people, questions};
use crate::report::comparison::ChangeComparison;
use crate::report::converted_if_mixed;
use crate::store::{Store, board_files, board_name};
use crate::text::rates::{approx, approx_amount, money_and_converted, without_part};
use crate::text::reports::{days, money, percent, percent_by_currency, period};
use crate::text::{fill, t};

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum StatsFormat {
    #[default]
    Table,
    Json,
}

/// What `--by` breaks the report down by. (No doc comments on the values: clap would show them
/// in English whatever the language.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsBy {
    Owner,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, help = t().cli.arg_from)]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, help = t().cli.arg_to)]
    pub to: Option<String>,
    #[arg(long, value_name = "NAME", help = t().cli.arg_stats_owner)]
    pub owner: Option<String>,
    #[arg(long, help = t().cli.arg_compare)]
    pub compare: bool,
    #[arg(long, value_name = "N", help = t().versions.arg_change)]
    pub change: Option<String>,
    #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
    pub format: StatsFormat,
    #[arg(long, value_enum, value_name = "GROUP", help = t().cli.arg_stats_by)]
    pub by: Option<StatsBy>,
    #[arg(value_name = "BOARD", help = t().cli.arg_stats_boards)]
    pub boards: Vec<PathBuf>,
}

/// A board file the report was asked to read: how many deals it gave, or why it could not be
/// read.
pub struct BoardRead {
    pub path: PathBuf,
    pub deals: Result<usize, String>,
    /// The board's process, to see whether it is the team's (empty when it could not be read).
    pub stages: Vec<crate::model::Stage>,
}

/// `dealboard stats [BOARD...]`: the report over the boards named, combined; none named: your
/// own board (made from the default process when there is none yet).
pub fn stats_of_boards(
    path: &Path,
    args: &StatsArgs,
    width: Option<usize>,
    now: DateTime<FixedOffset>,
) -> Result<String, Failure> {
    let (mut board, read) = if args.boards.is_empty() {
        let mut board = super::change::read_board(path)?;
        let read = BoardRead {
            path: path.to_path_buf(),
            deals: Ok(board.deals.len()),
            stages: board.stages.clone(),
        };
        give_owners(&mut board, &board_name(path));
        (board, vec![read])
    } else {
        read_boards(&args.boards)?
    };
    let named = if args.boards.is_empty() {
        std::slice::from_ref(&read[0].path)
    } else {
        args.boards.as_slice()
    };
    if let Some(rates) = super::rates::team_rates(named)? {
        board.rates = Some(rates);
    }
    let (pilot, off_process) = if args.boards.is_empty() {
        (None, Vec::new())
    } else {
        (
            pilot_sides(named, args.owner.as_deref(), now)?,
            off_process(named, &read)?,
        )
    };
    let read = Boards { read, off_process };
    stats(
        super::kept_to_the_end(board),
        &read,
        args,
        pilot.as_ref(),
        width,
        now,
    )
}

/// The boards a report read, and those of them not on the process the team file says they
/// should be on (the team's, or the pilot's for a board on it).
pub struct Boards {
    pub read: Vec<BoardRead>,
    pub off_process: Vec<String>,
}

/// The file names of the boards read that are not on the team's process (or the pilot's);
/// none when the team folder keeps no process.
fn off_process(named: &[PathBuf], read: &[BoardRead]) -> Result<Vec<String>, Failure> {
    let Some(folder) = crate::store::team_folder(named) else {
        return Ok(Vec::new());
    };
    let Some(team) = crate::store::read_team(&folder)? else {
        return Ok(Vec::new());
    };
    if team.process.is_empty() {
        return Ok(Vec::new());
    }
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    Ok(read
        .iter()
        .filter(|r| r.deals.is_ok())
        .filter_map(|r| {
            let file = name(&r.path)?;
            let expected = match &team.pilot {
                Some(pilot) if pilot.boards.contains(&file) => &pilot.stages,
                _ => &team.process,
            };
            (r.stages != *expected).then_some(file)
        })
        .collect())
}

/// A pilot in a team folder, and its boards against the rest since it began.
pub struct PilotSides {
    pub pilot: crate::store::Pilot,
    pub others: Vec<String>,
    pub comparison: Option<crate::report::comparison::Comparison>,
}

/// The pilot of the team folder `named` is about, if one runs: the boards on it combined
/// against the others combined, each side on its own process, from its start to now.
fn pilot_sides(
    named: &[PathBuf],
    owner: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<Option<PilotSides>, Failure> {
    let Some(folder) = crate::store::team_folder(named) else {
        return Ok(None);
    };
    let Some(team) = crate::store::read_team(&folder)? else {
        return Ok(None);
    };
    let Some(pilot) = team.pilot else {
        return Ok(None);
    };
    let files = board_files(std::slice::from_ref(&folder));
    let name = |f: &PathBuf| f.file_name().map(|n| n.to_string_lossy().into_owned());
    let (on, off): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|f| name(f).is_some_and(|n| pilot.boards.contains(&n)));
    let others: Vec<String> = off.iter().filter_map(name).collect();
    if on.is_empty() || off.is_empty() {
        return Ok(Some(PilotSides {
            pilot,
            others,
            comparison: None,
        }));
    }
    let (on_board, _) = combined(&on)?;
    let (off_board, _) = combined(&off)?;
    let window = crate::report::analytics::Window {
        start: Some(pilot.since),
        end: now.to_utc() + chrono::Duration::seconds(1),
        offset: *now.offset(),
    };
    let team_stages = if team.process.is_empty() {
        off_board.stages.clone()
    } else {
        team.process.clone()
    };
    let side = crate::report::comparison::Side::of;
    let comparison = crate::report::comparison::Comparison {
        before: side(&off_board, &team_stages, window, owner, now),
        after: side(&on_board, &pilot.stages, window, owner, now),
    };
    Ok(Some(PilotSides {
        pilot,
        others,
        comparison: Some(comparison),
    }))
}

/// The boards `named` stands for, combined; refused when there are none or none can be read.
fn read_boards(named: &[PathBuf]) -> Result<(Board, Vec<BoardRead>), Failure> {
    let files = board_files(named);
    if files.is_empty() {
        return Err(Failure(t().cli.stats_no_files.to_string()));
    }
    let (board, results) = combined(&files)?;
    let read = files
        .into_iter()
        .zip(&results)
        .map(|(path, result)| BoardRead {
            path,
            stages: result
                .as_ref()
                .map(|b| b.stages.clone())
                .unwrap_or_default(),
            deals: result
                .as_ref()
                .map(|b| b.deals.len())
                .map_err(crate::text::load_error_in_a_line),
        })
        .collect();
    Ok((board, read))
}

pub fn stats(
    board: &Board,
    boards: &Boards,
    args: &StatsArgs,
    pilot: Option<&PilotSides>,
    width: Option<usize>,
    now: DateTime<FixedOffset>,
) -> Result<String, Failure> {
    let read = boards.read.as_slice();
    let today = now.date_naive();
    let date = |flag: &str, text: &Option<String>| match text {
        None => Ok(None),
        Some(text) => crate::text::parse_date(text, today).map_err(|e| {
            Failure(fill(
                t().cli.bad_field,
                &[("field", &flag), ("problem", &e)],
            ))
        }),
    };
    let chosen = Period {
        from: date("from", &args.from)?,
        to: date("to", &args.to)?,
    };
    if let (Some(from), Some(to)) = (chosen.from, chosen.to)
        && from > to
    {
        return Err(Failure(t().cli.from_after_to.to_string()));
    }
    if chosen.from.is_some_and(|from| from > today) {
        return Err(Failure(fill(
            t().cli.bad_field,
            &[("field", &"from"), ("problem", &t().cli.since_future)],
        )));
    }
    let owner = args.owner.as_deref();
    // A name no deal has is most likely a typo: say so, with the names there are.
    if let Some(name) = owner {
        no_such_owner(board, name)?;
    }
    let stats = Stats::of(board, chosen, owner, now);
    if args.change.is_some() && read.len() > 1 {
        return Err(Failure(t().versions.change_of_one_board.to_string()));
    }
    let change = match &args.change {
        Some(n) => Some(change_comparison(board, n, owner, now)?),
        None => None,
    };
    let questions = questions(board, &stats, &chosen.window(now), now);
    let previous = if args.compare {
        let before = chosen
            .previous(today)
            .ok_or_else(|| Failure(t().cli.compare_needs_from.to_string()))?;
        Some(Stats::of(board, before, owner, now))
    } else {
        None
    };
    // A row per person, or the one asked for with --owner.
    let people: Option<Vec<PersonRow>> = (args.by == Some(StatsBy::Owner)).then(|| {
        let mut rows = people(board, chosen, now);
        rows.retain(|p| owner.is_none_or(|o| same_name(&p.name, o)));
        rows
    });
    match args.format {
        StatsFormat::Json => {
            let mut json = StatsJson::new(&stats, previous.as_ref());
            json.boards = read.iter().map(board_file_json).collect();
            json.people = people
                .as_deref()
                .map(|rows| crate::interchange::people_json(rows, stats.rates.as_ref()));
            json.questions = Some(questions.iter().map(QuestionJson::of).collect());
            json.change = change.as_ref().map(|c| change_json(board, c));
            json.pilot = pilot.and_then(pilot_json);
            json.off_process = (!boards.off_process.is_empty()).then(|| boards.off_process.clone());
            Ok(serde_json::to_string_pretty(&json)? + "\n")
        }
        StatsFormat::Table => Ok(boards_read(read)
            + &off_process_line(&boards.off_process)
            + &match (people, &change) {
                (_, Some(change)) => change_tables(change, *now.offset(), width),
                (Some(rows), None) => people_report(&stats, &rows, width),
                (None, None) => {
                    tables(&stats, previous.as_ref(), width)
                        + "\n"
                        + &questions_text(&questions)
                        + &pilot.map_or_else(String::new, |p| pilot_tables(p, *now.offset(), width))
                }
            }),
    }
}

/// The change `--change` names (its number, or `last`) compared before and after.
fn change_comparison(
    board: &Board,
    named: &str,
    owner: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<ChangeComparison, Failure> {
    let v = &t().versions;
    let count = board.process_log.len();
    if count == 0 {
        return Err(Failure(v.nothing_to_compare.to_string()));
    }
    let n = match named.trim() {
        "last" => count,
        number => number
            .parse::<usize>()
            .map_err(|_| Failure(v.not_a_change.to_string()))?,
    };
    ChangeComparison::of(board, n, owner, now)
        .ok_or_else(|| Failure(fill(v.no_such_change, &[("n", &n), ("count", &count)])))
}

fn change_json(board: &Board, change: &ChangeComparison) -> crate::interchange::ChangeJsonOfStats {
    crate::interchange::ChangeJsonOfStats {
        change: change.change,
        at: change.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        reason: change.reason.clone(),
        edits: board
            .edits_of_change(change.change)
            .iter()
            .map(crate::interchange::EditJson::of)
            .collect(),
        comparison: ComparisonJson::of(&change.comparison, ["before", "after"]),
    }
}

/// `stats --change N`: the change, why, and the deals before and after it.
fn change_tables(change: &ChangeComparison, offset: FixedOffset, width: Option<usize>) -> String {
    let v = &t().versions;
    let date = crate::text::versions::when(change.at, offset);
    let mut out = fill(v.compare_heading, &[("n", &change.change), ("date", &date)]) + "\n";
    if !change.reason.is_empty() {
        out += &(fill(v.why_line, &[("reason", &change.reason)]) + "\n");
    }
    out + &super::comparison::tables(
        &change.comparison,
        &super::comparison::SideNames::change(),
        offset,
        width,
    )
}

fn pilot_json(sides: &PilotSides) -> Option<crate::interchange::PilotJson> {
    let comparison = sides.comparison.as_ref()?;
    Some(crate::interchange::PilotJson {
        since: sides
            .pilot
            .since
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        reason: sides.pilot.reason.clone(),
        boards: sides.pilot.boards.clone(),
        other_boards: sides.others.clone(),
        comparison: ComparisonJson::of(comparison, ["rest", "pilot"]),
    })
}

/// The pilot: since when and on which boards, and its boards against the rest.
fn pilot_tables(sides: &PilotSides, offset: FixedOffset, width: Option<usize>) -> String {
    let v = &t().versions;
    let since = crate::text::versions::when(sides.pilot.since, offset);
    let mut out = String::from("\n");
    let heading_text = fill(
        v.pilot_heading,
        &[("date", &since), ("boards", &sides.pilot.boards.join(", "))],
    );
    out += &(heading_text + "\n");
    if !sides.pilot.reason.is_empty() {
        out += &(fill(v.why_line, &[("reason", &sides.pilot.reason)]) + "\n");
    }
    match &sides.comparison {
        Some(comparison) => {
            out += &super::comparison::tables(
                comparison,
                &super::comparison::SideNames::pilot(),
                offset,
                width,
            )
        }
        None => out += &(v.pilot_on_one_side.to_string() + "\n"),
    }
    out
}

/// "Is the process still useful?": a heading and a line per question.
fn questions_text(questions: &[Question]) -> String {
    let v = &t().versions;
    let mut out = heading(v.questions_heading);
    if questions.is_empty() {
        let _ = writeln!(out, "{}", v.no_questions);
    }
    for question in questions {
        let _ = writeln!(out, "• {}", crate::text::versions::question_words(question));
    }
    out
}

/// Refuses an owner no deal of `board` has (most likely a typo), naming the owners there are.
pub(super) fn no_such_owner(board: &Board, name: &str) -> Result<(), Failure> {
    if board.deals.iter().any(|d| same_name(&d.owner, name)) {
        return Ok(());
    }
    let mut owners: Vec<&str> = board
        .deals
        .iter()
        .map(|d| d.owner.trim())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort_by_key(|o| o.to_lowercase());
    owners.dedup_by(|a, b| same_name(a, b));
    let owners: Vec<String> = owners.into_iter().map(crate::text::quote).collect();
    Err(Failure(fill(
        t().cli.no_such_owner,
        &[
            ("owner", &crate::text::Quoted(name)),
            ("owners", &owners.join(", ")),
        ],
    )))
}

/// The board files `files` read, each on a thread of its own, and combined as the review
/// combines them; what came of reading each. Refused, with each file's problem, when none can be
/// read.
pub(super) fn combined(
    files: &[PathBuf],
) -> Result<(Board, Vec<Result<Board, crate::store::LoadError>>), Failure> {
    let results: Vec<Result<Board, crate::store::LoadError>> = std::thread::scope(|scope| {
        let reading: Vec<_> = files
            .iter()
            .map(|file| scope.spawn(|| Store::at(file).read()))
            .collect();
        reading
            .into_iter()
            .map(|read| read.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let names: Vec<String> = files.iter().map(|f| board_name(f)).collect();
    let boards: Vec<(&str, &Board)> = names
        .iter()
        .zip(&results)
        .filter_map(|(name, read)| Some((name.as_str(), read.as_ref().ok()?)))
        .collect();
    let Some((board, _)) = combine(&boards) else {
        let problems: Vec<String> = results
            .iter()
            .filter_map(|r| r.as_ref().err().map(ToString::to_string))
            .collect();
        return Err(Failure(problems.join("\n")));
    };
    Ok((board, results))
}

fn board_file_json(read: &BoardRead) -> BoardFileJson {
    BoardFileJson {
        path: read.path.display().to_string(),
        deals: read.deals.as_ref().ok().copied(),
        error: read.deals.as_ref().err().cloned(),
    }
}

/// "Not on the team's process: chen.ron", and what puts it back; nothing when all are.
fn off_process_line(files: &[String]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let boards = files.join(", ");
    fill(t().versions.off_process, &[("boards", &boards)]) + "\n"
}

/// Over several boards, or when one could not be read, which boards the figures are of and
/// which were left out; nothing for one board read.
fn boards_read(read: &[BoardRead]) -> String {
    let c = &t().cli;
    if read.len() < 2 && read.iter().all(|r| r.deals.is_ok()) {
        return String::new();
    }
    let mut out = String::new();
    let counted: Vec<String> = read
        .iter()
        .filter_map(|r| {
            let deals = r.deals.as_ref().ok()?;
            Some(fill(
                c.stats_board,
                &[
                    ("board", &crate::text::quote(&board_name(&r.path))),
                    ("deals", &t().count(&t().board.deal_count, *deals)),
                ],
            ))
        })
        .collect();
    let _ = writeln!(
        out,
        "{}",
        fill(c.stats_boards, &[("boards", &counted.join(", "))])
    );
    for problem in read.iter().filter_map(|r| r.deals.as_ref().err()) {
        let _ = writeln!(out, "{}", fill(c.stats_not_read, &[("problem", problem)]));
    }
    out
}

/// `--by owner`: the report's heading and a row per person.
fn people_report(stats: &Stats, rows: &[PersonRow], width: Option<usize>) -> String {
    let r = &t().reports;
    let owner = stats.owner.as_deref().unwrap_or(r.everyone);
    let converted = stats
        .rates
        .as_ref()
        .map(|rates| crate::text::rates::converted_in(rates) + "\n")
        .unwrap_or_default();
    format!(
        "{} · {} · {owner}\n{converted}\n{}",
        r.title,
        period(&stats.period),
        super::stats_people::people_table(rows, stats.rates.as_ref(), width)
    )
}

/// The report as a heading, the key figures, and a table per question.
fn tables(stats: &Stats, before: Option<&Stats>, width: Option<usize>) -> String {
    let r = &t().reports;
    let c = &t().cli;
    let mut out = String::new();
    let owner = stats.owner.as_deref().unwrap_or(r.everyone);
    let _ = writeln!(out, "{} · {} · {owner}", r.title, period(&stats.period));
    if let Some(rates) = &stats.rates {
        let _ = writeln!(out, "{}", crate::text::rates::converted_in(rates));
    }
    if let Some(before) = before {
        let _ = writeln!(
            out,
            "{}",
            fill(c.compared_with, &[("period", &period(&before.period))])
        );
    }
    out.push('\n');
    // Key figures: the figure, and with --compare the one before it.
    let mut columns = vec![Column::text(""), Column::text(&period(&stats.period))];
    if let Some(before) = before {
        columns.push(Column::text(&period(&before.period)));
    }
    let earlier = before.map(key_figures);
    let rows: Vec<Vec<String>> = key_figures(stats)
        .into_iter()
        .enumerate()
        .map(|(i, (label, figure))| {
            let mut row = vec![label.to_string(), figure];
            if let Some((_, was)) = earlier.as_ref().and_then(|e| e.get(i)) {
                row.push(was.clone());
            }
            row
        })
        .collect();
    out.push_str(&table::render(&columns, &rows, width));
    out.push('\n');
    out.push_str(&stage_table(stats, before, width));
    if let Some(slowest) = stats.slowest_stage.and_then(|i| stats.stages.get(i)) {
        let _ = writeln!(
            out,
            "{}",
            fill(
                r.slowest,
                &[
                    ("stage", &slowest.name),
                    ("days", &days(slowest.time.median_days))
                ]
            )
        );
    }
    out.push('\n');
    out.push_str(&lost_table(stats, width));
    out.push('\n');
    out.push_str(&group_table(
        r.sources,
        c.source,
        &stats.sources,
        r.no_source,
        stats.rates.as_ref(),
        width,
    ));
    out.push('\n');
    out.push_str(&group_table(
        r.owners,
        c.owner,
        &stats.owners,
        r.no_owner,
        stats.rates.as_ref(),
        width,
    ));
    out.push('\n');
    out.push_str(&forecast_table(stats, width));
    out.push('\n');
    out.push_str(&compliance_table(stats, width));
    out
}

/// The figures a report opens with, each with its label. With rates, each money figure has a
/// line of its own under it for its converted figure (empty when there is nothing to convert),
/// so that the lines of two periods stay side by side.
fn key_figures(s: &Stats) -> Vec<(&'static str, String)> {
    let r = &t().reports;
    let deals = |n: usize| t().count(&t().board.deal_count, n);
    let rates = s.rates.as_ref();
    let converted = |totals: &Totals| -> Option<String> {
        rates?;
        Some(converted_if_mixed(totals, rates).map_or_else(String::new, |c| approx(&c)))
    };
    let counted = |count, totals: &Totals| format!("{} · {}", deals(count), money(totals));
    let h = &s.headline;
    let mut rows = vec![
        (
            r.open,
            counted(h.open_count, &h.open_value),
            converted(&h.open_value),
        ),
        (
            r.weighted,
            money(&h.weighted_value),
            converted(&h.weighted_value),
        ),
        (
            r.won,
            counted(h.won_count, &h.won_value),
            converted(&h.won_value),
        ),
        (
            r.lost,
            counted(h.lost_count, &h.lost_value),
            converted(&h.lost_value),
        ),
        (r.win_rate, percent(s.win_rate), None),
        (
            r.win_rate_by_value,
            percent_by_currency(&s.win_rate_by_value),
            None,
        ),
        (
            t().report_screen.average_won,
            money(&s.average_won),
            rates.map(|_| match s.converted_average_won() {
                Some(c) if converted_if_mixed(&s.average_won, rates).is_some() => approx(&c),
                _ => String::new(),
            }),
        ),
        (
            r.cycle,
            fill(t().cli.days_median, &[("days", &days(s.cycle.median_days))]),
            None,
        ),
    ];
    let velocity = if s.velocity.is_empty() {
        r.nothing.to_string()
    } else {
        fill(r.per_month, &[("value", &money(&s.velocity))])
    };
    let converted_velocity = rates.map(|_| match converted_if_mixed(&s.velocity, rates) {
        Some(c) => fill(r.per_month, &[("value", &approx_amount(&c))]) + &without_part(&c),
        None => String::new(),
    });
    rows.push((r.velocity, velocity, converted_velocity));
    rows.into_iter()
        .flat_map(|(label, figure, converted)| {
            std::iter::once((label, figure)).chain(converted.map(|c| ("", c)))
        })
        .collect()
}

fn heading(text: &str) -> String {
    format!("{}\n", text.to_uppercase())
}

fn stage_table(stats: &Stats, before: Option<&Stats>, width: Option<usize>) -> String {
    let r = &t().reports;
    let c = &t().cli;
    let mut columns = vec![
        Column::text(r.stage),
        Column::figure(r.entered),
        Column::figure(r.converted),
        Column::figure(r.median_days),
        Column::figure(r.lost_here),
        Column::figure(r.rotting_now),
    ];
    if before.is_some() {
        columns.insert(2, Column::figure(c.before));
        columns.insert(4, Column::figure(c.before));
        columns.insert(6, Column::figure(c.before));
    }
    let rows: Vec<Vec<String>> = stats
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let was = before.and_then(|b| b.stages.get(i));
            let mut row = vec![s.name.clone(), s.entered.to_string()];
            if let Some(was) = was {
                row.push(was.entered.to_string());
            }
            row.push(percent(s.conversion));
            if let Some(was) = was {
                row.push(percent(was.conversion));
            }
            row.push(days(s.time.median_days));
            if let Some(was) = was {
                row.push(days(was.time.median_days));
            }
            row.push(s.lost.to_string());
            row.push(s.rotting_now.to_string());
            row
        })
        .collect();
    heading(r.funnel) + &table::render(&columns, &rows, width)
}

fn lost_table(stats: &Stats, width: Option<usize>) -> String {
    let r = &t().reports;
    if stats.lost_reasons.is_empty() {
        return heading(r.lost_reasons) + r.nothing + "\n";
    }
    let columns = [
        Column::text(r.reason),
        Column::figure(r.count),
        Column::figure(r.value),
    ];
    let rows: Vec<Vec<String>> = stats
        .lost_reasons
        .iter()
        .map(|reason| {
            let name = if reason.reason.is_empty() {
                r.no_reason.to_string()
            } else {
                reason.reason.clone()
            };
            let value = money_and_converted(&reason.value, stats.rates.as_ref());
            vec![name, reason.count.to_string(), value]
        })
        .collect();
    heading(r.lost_reasons) + &table::render(&columns, &rows, width)
}

fn group_table(
    title: &str,
    label: &str,
    groups: &[crate::report::analytics::GroupOutcome],
    unnamed: &str,
    rates: Option<&crate::model::Rates>,
    width: Option<usize>,
) -> String {
    let r = &t().reports;
    if groups.is_empty() {
        return heading(title) + r.nothing + "\n";
    }
    let columns = [
        Column::text(label),
        Column::figure(r.new_deals),
        Column::figure(r.won),
        Column::figure(r.lost),
        Column::figure(r.win_rate),
        Column::figure(r.value),
    ];
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            let name = if g.name.is_empty() { unnamed } else { &g.name };
            vec![
                name.to_string(),
                g.new.to_string(),
                g.won.to_string(),
                g.lost.to_string(),
                percent(g.win_rate),
                money_and_converted(&g.won_value, rates),
            ]
        })
        .collect();
    heading(title) + &table::render(&columns, &rows, width)
}

fn forecast_table(stats: &Stats, width: Option<usize>) -> String {
    let r = &t().reports;
    if stats.forecast.is_empty() {
        return heading(r.forecast) + r.nothing + "\n";
    }
    let columns = [
        Column::text(t().cli.month),
        Column::figure(r.count),
        Column::figure(r.value),
        Column::figure(r.weighted),
    ];
    let rows: Vec<Vec<String>> = stats
        .forecast
        .iter()
        .map(|m| {
            let month = m
                .month
                .map_or(r.no_date.to_string(), |(y, m)| format!("{y}-{m:02}"));
            vec![
                month,
                m.count.to_string(),
                money_and_converted(&m.value, stats.rates.as_ref()),
                money_and_converted(&m.weighted, stats.rates.as_ref()),
            ]
        })
        .collect();
    heading(r.forecast) + &table::render(&columns, &rows, width)
}

fn compliance_table(stats: &Stats, width: Option<usize>) -> String {
    let r = &t().reports;
    let columns = [
        Column::text(r.stage),
        Column::figure(r.moves_on),
        Column::text(r.most_skipped),
        Column::figure(r.jumped_over),
        Column::figure(r.moved_back),
        Column::figure(r.no_next_action),
    ];
    let rows: Vec<Vec<String>> = stats
        .compliance
        .iter()
        .map(|s| {
            let skipped = s
                .skipped
                .first()
                .filter(|(_, count)| *count > 0)
                .map_or(r.nothing.to_string(), |(item, count)| {
                    format!("{item} ({count})")
                });
            vec![
                s.name.clone(),
                s.moves_on.to_string(),
                skipped,
                s.jumped_over.to_string(),
                s.moved_back.to_string(),
                s.no_next_action.to_string(),
            ]
        })
        .collect();
    let owners = [
        Column::text(t().cli.owner),
        Column::figure(r.moves_on),
        Column::figure(t().cli.moves_with_skips),
        // A stage "jumped over" is counted per stage; an owner makes moves that jump.
        Column::figure(t().report_screen.jumps),
        Column::figure(r.moved_back),
        Column::figure(r.no_next_action),
    ];
    let owner_rows: Vec<Vec<String>> = stats
        .owner_compliance
        .iter()
        .map(|o| {
            let name = if o.owner.is_empty() {
                r.no_owner
            } else {
                &o.owner
            };
            vec![
                name.to_string(),
                o.moves_on.to_string(),
                o.moves_with_skips.to_string(),
                o.jumps.to_string(),
                o.moved_back.to_string(),
                o.no_next_action.to_string(),
            ]
        })
        .collect();
    heading(r.compliance)
        + &table::render(&columns, &rows, width)
        + "\n"
        + &table::render(&owners, &owner_rows, width)
}
