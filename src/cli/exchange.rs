//! `dealboard export` and `dealboard import`: the board's deals out to CSV or JSON, and deals
//! in from CSV exports of Pipedrive, HubSpot or our own export.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::change::{Change, read_board};
use super::{Failure, Output, notice};
use crate::clock::Clock;
use crate::interchange::import::{
    DateOrder, ImportOptions, ParsedImport, RowProblem, SourceFormat, read_csv,
};
use crate::interchange::{BoardJson, ImportReport, Merged, deals_csv, merge};
use crate::model::{Board, Deal};
use crate::text::{Quoted, fill, quote, t};

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum ExportFormat {
    #[default]
    #[value(help = t().cli.export_csv)]
    Csv,
    #[value(help = t().cli.export_json)]
    Json,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
    pub format: ExportFormat,
    #[arg(short, long, value_name = "FILE", help = t().cli.arg_output)]
    pub output: Option<PathBuf>,
    #[arg(long, help = t().cli.arg_bom)]
    pub bom: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[arg(value_name = "FILE.csv", help = t().cli.arg_import_file)]
    pub file: PathBuf,
    #[arg(long, help = t().cli.arg_dry_run)]
    pub dry_run: bool,
    #[arg(long = "map-stage", value_name = "OLD=NEW", value_parser = stage_mapping, help = t().cli.arg_map_stage)]
    pub map_stage: Vec<(String, String)>,
    #[arg(long, value_name = "NAME", help = t().cli.arg_import_owner)]
    pub owner: Option<String>,
    #[arg(long, help = t().cli.arg_skip_bad_rows)]
    pub skip_bad_rows: bool,
}

/// `OLD=NEW`, split at the last `=` (a stage name in the file may hold one).
fn stage_mapping(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((old, new)) if !old.trim().is_empty() && !new.trim().is_empty() => {
            Ok((old.trim().to_string(), new.trim().to_string()))
        }
        _ => Err(t().cli.bad_mapping.to_string()),
    }
}

/// Writes the export to the file named, or returns it for standard output.
pub fn export(path: &Path, args: &ExportArgs) -> Result<Output, Failure> {
    let board = read_board(path)?;
    let bytes = match args.format {
        ExportFormat::Csv => {
            let mut deals: Vec<&Deal> = board.deals.iter().map(AsRef::as_ref).collect();
            deals.sort_by_key(|d| (board.stage_index(&d.stage), d.rank, d.id));
            deals_csv(&board, &deals, args.bom)?
        }
        ExportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&BoardJson::new(&board))?;
            json.push('\n');
            json.into_bytes()
        }
    };
    let Some(output) = &args.output else {
        return Ok(Output::Data(bytes));
    };
    if same_file(output, path) {
        return Err(Failure(fill(
            t().cli.export_over_board,
            &[("path", &output.display())],
        )));
    }
    // Another board, or one of this board's backups and copies: never written over.
    if crate::store::Store::open(output).is_ok() {
        return Err(Failure(fill(
            t().cli.export_over_file,
            &[("path", &output.display())],
        )));
    }
    crate::store::write_output(output, &bytes)?;
    notice(&fill(
        t().cli.exported,
        &[
            (
                "deals",
                &t().count(&t().board.deal_count, board.deals.len()),
            ),
            ("path", &output.display()),
        ],
    ));
    Ok(Output::Text(String::new()))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Reads the file, merges it into a copy of the board, reports, and saves only a sound import:
/// every row good (or `--skip-bad-rows`), and not a dry run.
pub fn import(path: &Path, args: &ImportArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Failure(fill(
            t().cli.import_unreadable,
            &[("path", &args.file.display()), ("error", &e)],
        ))
    })?;
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if start.trim_ascii_start().starts_with(b"{") || start.trim_ascii_start().starts_with(b"[") {
        return Err(Failure(fill(
            t().cli.import_json,
            &[("path", &args.file.display())],
        )));
    }
    let options = ImportOptions {
        stage_map: args.map_stage.clone(),
        owner: args.owner.clone(),
    };
    // A dry run reads the board without locking it; a real import holds the lock throughout.
    let mut change = None;
    let board = if args.dry_run {
        read_board(path)?
    } else {
        let begun = Change::begin(path)?;
        let board = begun.board.clone();
        change = Some(begun);
        board
    };
    let (parsed, report, merged_board) = merged(&board, &bytes, &options, clock)?;
    if let Some(refusal) = refusal(args, &report) {
        // The whole report, however many rows it lists (each line quotes briefly), then why.
        let text = describe(args, &parsed, &report, true);
        super::to_stderr(&crate::text::terminal_safe(&text));
        return Err(Failure(refusal));
    }
    let text = describe(args, &parsed, &report, args.dry_run);
    let changed = !report.added.is_empty() || !report.updated.is_empty();
    if let (Some(mut change), true) = (change, changed) {
        change.board = merged_board;
        change.finish()?;
    }
    Ok(text)
}

/// Why the import cannot go ahead (and a dry run says it would not): rows with problems and no
/// `--skip-bad-rows`, or no row good at all.
fn refusal(args: &ImportArgs, report: &ImportReport) -> Option<String> {
    let problems = report.problems.len();
    if problems == 0 {
        return None;
    }
    let rows = t().count(&t().cli.row_count, problems);
    let good =
        report.added.len() + report.updated.len() + report.unchanged.len() + report.kept.len();
    if !args.skip_bad_rows {
        Some(fill(t().cli.import_refused, &[("rows", &rows)]))
    } else if good == 0 {
        Some(fill(t().cli.import_all_bad, &[("rows", &rows)]))
    } else {
        None
    }
}

fn merged(
    board: &Board,
    bytes: &[u8],
    options: &ImportOptions,
    clock: &dyn Clock,
) -> Result<(ParsedImport, ImportReport, Board), Failure> {
    let parsed = read_csv(bytes, board, options, clock.now()).map_err(|e| Failure(e.0))?;
    let mut copy = board.clone();
    let report = merge(&mut copy, &parsed);
    Ok((parsed, report, copy))
}

/// What was read and what it did (or, when nothing is `applied`, would do), deal by deal, then
/// the rows refused.
fn describe(
    args: &ImportArgs,
    parsed: &ParsedImport,
    report: &ImportReport,
    would: bool,
) -> String {
    let c = &t().cli;
    let format = match parsed.format {
        SourceFormat::Pipedrive => c.format_pipedrive,
        SourceFormat::HubSpot => c.format_hubspot,
        SourceFormat::Dealboard => c.format_dealboard,
    };
    let rows = parsed.deals.len() + parsed.problems.len();
    let mut out = fill(
        c.import_read,
        &[
            ("path", &args.file.display()),
            ("format", &format),
            ("rows", &t().count(&c.row_count, rows)),
        ],
    );
    out.push('\n');
    let counts = [
        (&report.added, c.import_added, c.import_would_add, "+"),
        (
            &report.updated,
            c.import_updated,
            c.import_would_update,
            "~",
        ),
    ];
    for (merged, done, would_do, mark) in counts.into_iter().filter(|c| !c.0.is_empty()) {
        let template = if would { would_do } else { done };
        let deals = t().count(&t().board.deal_count, merged.len());
        let _ = writeln!(out, "{}", fill(template, &[("deals", &deals)]));
        for m in merged {
            let _ = writeln!(out, "  {}", row_line(mark, m));
        }
    }
    if !report.kept.is_empty() {
        let deals = t().count(&t().board.deal_count, report.kept.len());
        let _ = writeln!(out, "{}", fill(c.import_kept, &[("deals", &deals)]));
        for m in &report.kept {
            let _ = writeln!(out, "  {}", row_line("=", m));
        }
    }
    if !report.unchanged.is_empty() {
        let deals = t().count(&t().board.deal_count, report.unchanged.len());
        let _ = writeln!(out, "{}", fill(c.import_unchanged, &[("deals", &deals)]));
    }
    if !report.problems.is_empty() {
        let rows = t().count(&c.row_count, report.problems.len());
        let _ = writeln!(out, "{}", fill(c.import_problems, &[("rows", &rows)]));
        for RowProblem { line, reason } in report.problems.iter().take(LISTED_PROBLEMS) {
            let _ = writeln!(
                out,
                "  {}",
                fill(c.import_problem, &[("line", line), ("reason", reason)])
            );
        }
        let unlisted = report.problems.len().saturating_sub(LISTED_PROBLEMS);
        if unlisted > 0 {
            let _ = writeln!(out, "  {}", t().count(&c.import_more_problems, unlisted));
        }
    }
    if !parsed.ignored_columns.is_empty() {
        let columns: Vec<String> = parsed
            .ignored_columns
            .iter()
            .take(LISTED_PROBLEMS)
            .map(|c| quote(c))
            .collect();
        let columns = columns.join(", ");
        let _ = writeln!(out, "{}", fill(c.import_ignored, &[("columns", &columns)]));
    }
    if let Some(order) = parsed.date_order {
        let read = match order {
            DateOrder::DayFirst => c.day_first,
            DateOrder::MonthFirst => c.month_first,
        };
        let _ = writeln!(out, "{}", fill(c.import_dates, &[("read", &read)]));
    }
    if args.dry_run {
        out.push_str(c.import_dry_run);
        out.push('\n');
    }
    out
}

/// The most refused rows an import report lists one by one (a file of a million bad rows
/// would otherwise print a million lines).
const LISTED_PROBLEMS: usize = 1_000;

fn row_line(mark: &str, merged: &Merged) -> String {
    fill(
        t().cli.import_row,
        &[
            ("mark", &mark),
            ("line", &merged.line),
            ("id", &merged.id),
            ("title", &Quoted(&merged.title)),
        ],
    )
}
