//! `dealboard stats`: the process report for a period, as tables for people or JSON for
//! scripts. The figures are the reports screen's, from the same code. Over several boards (files
//! or folders, as for the review) the deals are combined as the review combines them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};

use super::Failure;
use super::table::{self, Column};
use crate::interchange::{BoardFileJson, StatsJson};
use crate::model::{Board, Totals, combine, give_owners, same_name};
use crate::report::analytics::{Period, PersonRow, Stats, people};
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
    stats(super::kept_to_the_end(board), &read, args, width, now)
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
    read: &[BoardRead],
    args: &StatsArgs,
    width: Option<usize>,
    now: DateTime<FixedOffset>,
) -> Result<String, Failure> {
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
            Ok(serde_json::to_string_pretty(&json)? + "\n")
        }
        StatsFormat::Table => Ok(boards_read(read)
            + &match people {
                Some(rows) => people_report(&stats, &rows, width),
                None => tables(&stats, previous.as_ref(), width),
            }),
    }
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
