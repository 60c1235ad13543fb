//! `dealboard process`: the log of changes to the process, and the team's process and pilots.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::{Args, Subcommand};

use super::stats::StatsFormat;
use super::table::{self, Column};
use super::{Failure, Output, team_process};
use crate::interchange::process_log_json;
use crate::model::Board;
use crate::text::versions::{edit_words, when};
use crate::text::{fill, t};

#[derive(Subcommand, Debug)]
pub enum ProcessCommand {
    #[command(about = t().versions.log_about)]
    Log {
        #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
        format: StatsFormat,
    },
    #[command(about = t().versions.apply_about)]
    Apply {
        #[arg(value_name = "DIR", help = t().versions.arg_dir)]
        dir: Option<PathBuf>,
        #[arg(long, value_name = "BOARD", help = t().versions.arg_from)]
        from: Option<PathBuf>,
        #[command(flatten)]
        how: HowArgs,
    },
    #[command(about = t().versions.pilot_about)]
    Pilot {
        #[arg(value_name = "DRAFT", help = t().versions.arg_draft)]
        draft: PathBuf,
        #[arg(value_name = "BOARD", required = true, help = t().versions.arg_pilot_boards)]
        boards: Vec<PathBuf>,
        #[command(flatten)]
        how: HowArgs,
    },
    #[command(about = t().versions.adopt_about)]
    Adopt {
        #[arg(value_name = "DIR", help = t().versions.arg_dir)]
        dir: Option<PathBuf>,
        #[command(flatten)]
        how: HowArgs,
    },
    #[command(about = t().versions.abandon_about)]
    Abandon {
        #[arg(value_name = "DIR", help = t().versions.arg_dir)]
        dir: Option<PathBuf>,
        #[command(flatten)]
        how: HowArgs,
    },
}

/// Where deals of stages a new process lacks go, and why the process changes.
#[derive(Args, Debug)]
pub struct HowArgs {
    #[arg(long = "move", value_name = "OLD=NEW", help = t().versions.arg_move)]
    pub moves: Vec<String>,
    #[arg(long, value_name = "TEXT", help = t().versions.arg_reason)]
    pub reason: Option<String>,
}

pub fn process(
    command: ProcessCommand,
    path: &Path,
    width: Option<usize>,
    now: DateTime<FixedOffset>,
) -> Result<Output, Failure> {
    let folder = |dir: Option<PathBuf>| dir.unwrap_or_else(|| crate::store::folder_of(path));
    let at = now.to_utc();
    let text = |result: Result<String, Failure>| result.map(Output::Text);
    match command {
        ProcessCommand::Log { format } => {
            let board = super::kept_to_the_end(super::change::read_board(path)?);
            log(board, format, width, *now.offset())
        }
        ProcessCommand::Apply { dir, from, how } => text(team_process::apply(
            &folder(dir),
            from.as_deref(),
            &how.moves,
            how.reason.as_deref(),
            at,
        )),
        ProcessCommand::Pilot { draft, boards, how } => text(team_process::pilot(
            &draft,
            &boards,
            &how.moves,
            how.reason.as_deref(),
            at,
        )),
        ProcessCommand::Adopt { dir, how } => text(team_process::adopt(
            &folder(dir),
            &how.moves,
            how.reason.as_deref(),
            at,
        )),
        ProcessCommand::Abandon { dir, how } => text(team_process::abandon(
            &folder(dir),
            &how.moves,
            how.reason.as_deref(),
            at,
        )),
    }
}

fn log(
    board: &Board,
    format: StatsFormat,
    width: Option<usize>,
    offset: FixedOffset,
) -> Result<Output, Failure> {
    let v = &t().versions;
    if let StatsFormat::Json = format {
        let json = serde_json::to_string_pretty(&process_log_json(board))?;
        return Ok(Output::Data((json + "\n").into_bytes()));
    }
    if board.process_log.is_empty() {
        let key = crate::tui::keymap::key_for(
            crate::tui::keymap::Context::Process,
            crate::tui::action::Action::EditItem,
        );
        return Ok(Output::Text(fill(v.no_changes, &[("key", &key)]) + "\n"));
    }
    let columns = [
        Column::figure(v.h_change),
        Column::text(&v.h_when.to_uppercase()),
        Column::text(&v.h_what.to_uppercase()),
        Column::text(&v.h_why.to_uppercase()),
    ];
    let mut rows = Vec::new();
    for (i, change) in board.process_log.iter().enumerate() {
        let edits = board.edits_of_change(i + 1);
        let reason = if change.reason.is_empty() {
            v.no_reason
        } else {
            &change.reason
        };
        let mut first = vec![
            (i + 1).to_string(),
            when(change.at, offset),
            String::new(),
            reason.to_string(),
        ];
        let mut words = edits.iter().map(edit_words);
        first[2] = words.next().unwrap_or_default();
        rows.push(first);
        rows.extend(words.map(|w| vec![String::new(), String::new(), w, String::new()]));
    }
    Ok(Output::Text(table::render(&columns, &rows, width)))
}
