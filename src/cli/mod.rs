//! The command line: every subcommand is a thin call into model, store and report.

mod change;
mod deal_args;
mod list;
mod table;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::{Clock, SystemClock};
use crate::model::{Board, DealId, EditError, StageId};
use crate::store::Store;
use crate::text::{fill, t};
use change::Change;

pub use change::new_board;
pub use deal_args::DealArgs;
pub use list::{Format, ListArgs};

#[derive(Parser, Debug)]
#[command(name = "dealboard", version, about = t().cli.about)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH", help = t().cli.board_flag)]
    pub board: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(about = t().cli.add)]
    Add(Box<AddArgs>),
    #[command(about = t().cli.list)]
    List(ListArgs),
    #[command(name = "move", about = t().cli.move_cmd)]
    Move {
        #[arg(help = t().cli.arg_id)]
        id: u64,
        #[arg(help = t().cli.arg_stage_target)]
        stage: String,
    },
    #[command(about = t().cli.won)]
    Won {
        #[arg(help = t().cli.arg_id)]
        id: u64,
    },
    #[command(about = t().cli.lost)]
    Lost {
        #[arg(help = t().cli.arg_id)]
        id: u64,
        #[arg(long, value_name = "TEXT", help = t().cli.arg_reason)]
        reason: String,
    },
    #[command(about = t().cli.reopen)]
    Reopen {
        #[arg(help = t().cli.arg_id)]
        id: u64,
    },
    #[command(about = t().cli.path)]
    Path,
    #[command(about = t().cli.check)]
    Check,
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    #[arg(help = t().cli.arg_title)]
    pub title: String,
    #[arg(long, value_name = "NAME", help = t().cli.arg_stage_new)]
    pub stage: Option<String>,
    #[command(flatten)]
    pub fields: DealArgs,
}

/// A command that could not be done; the text says what to do about it.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(error.to_string())
    }
}

/// Runs one subcommand against the board at `path`: exit 0 when done, 1 when it failed.
pub fn run(command: Command, path: &Path) -> ExitCode {
    match dispatch(command, path, &SystemClock) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(Failure(message)) => {
            eprintln!("{}{message}", t().cli.error_prefix);
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: Command, path: &Path, clock: &dyn Clock) -> Result<String, Failure> {
    match command {
        Command::Path => Ok(format!("{}\n", path.display())),
        Command::Check => check(path),
        Command::List(args) => {
            let board = change::read_board(path)?;
            list::list(&board, &args, terminal_width(), clock.today())
        }
        Command::Add(args) => add(path, &args, clock),
        Command::Move { id, stage } => move_deal(path, DealId(id), &stage, clock),
        Command::Won { id } => close_deal(path, DealId(id), clock, |board, id, now| {
            board.mark_won(id, now)
        }),
        Command::Lost { id, reason } => close_deal(path, DealId(id), clock, |board, id, now| {
            board.mark_lost(id, &reason, now)
        }),
        Command::Reopen { id } => close_deal(path, DealId(id), clock, |board, id, now| {
            board.reopen(id, now)
        }),
    }
}

fn check(path: &Path) -> Result<String, Failure> {
    let (_, board) = Store::open(path)?;
    let open = board.deals.iter().filter(|d| d.status.is_open()).count();
    Ok(fill(
        t().cli.check_ok,
        &[
            ("path", &path.display()),
            (
                "stages",
                &t().count(&t().cli.stage_count, board.stages.len()),
            ),
            (
                "deals",
                &t().count(&t().board.deal_count, board.deals.len()),
            ),
            ("open", &open),
        ],
    ) + "\n")
}

fn add(path: &Path, args: &AddArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let stage = match &args.stage {
        Some(name) => find_stage(board, name)?,
        None => board.stages[0].id.clone(),
    };
    let mut errors = Vec::new();
    let today = clock.today();
    let title = args.title.clone();
    let added = board.add_deal(&stage, clock.now_utc(), |deal| {
        deal.title = title.trim().to_string();
        if let Err(e) = args.fields.apply(deal, today) {
            errors = e;
        }
    });
    if !errors.is_empty() {
        return Err(Failure(errors.join("\n")));
    }
    let (id, _) = added?;
    change.finish()?;
    Ok(format!("{id}\n"))
}

fn move_deal(path: &Path, id: DealId, stage: &str, clock: &dyn Clock) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let to = find_stage(board, stage)?;
    let deal = board.deal(id).ok_or_else(|| {
        Failure(format!(
            "{} {}",
            EditError::NoDeal(id),
            t().errors.list_hint
        ))
    })?;
    let title = deal.title.clone();
    let from = stage_name(board, &deal.stage);
    if deal.stage == to {
        // Already there: nothing to do, which a script may count as done.
        eprintln!(
            "{}",
            fill(
                t().cli.already_there,
                &[("id", &id), ("title", &title), ("stage", &from)]
            )
        );
        return Ok(String::new());
    }
    board.move_deal(id, &to, clock.now_utc())?;
    let to = stage_name(board, &to);
    change.finish()?;
    Ok(fill(
        t().cli.moved,
        &[("id", &id), ("title", &title), ("from", &from), ("to", &to)],
    ) + "\n")
}

/// Wins, loses or reopens a deal, and says where it is now.
fn close_deal(
    path: &Path,
    id: DealId,
    clock: &dyn Clock,
    change: impl FnOnce(
        &mut Board,
        DealId,
        chrono::DateTime<chrono::Utc>,
    ) -> Result<crate::model::Patch, EditError>,
) -> Result<String, Failure> {
    let mut session = Change::begin(path)?;
    let board = &mut session.board;
    if board.deal(id).is_none() {
        return Err(Failure(format!(
            "{} {}",
            EditError::NoDeal(id),
            t().errors.list_hint
        )));
    }
    change(board, id, clock.now_utc())?;
    let Some(deal) = board.deal(id) else {
        return Err(EditError::NoDeal(id).into());
    };
    let stage = stage_name(board, &deal.stage);
    let text = match &deal.status {
        crate::model::Status::Won { .. } => fill(
            t().cli.now_won,
            &[("id", &id), ("title", &deal.title), ("stage", &stage)],
        ),
        crate::model::Status::Lost { reason, .. } => fill(
            t().cli.now_lost,
            &[("id", &id), ("title", &deal.title), ("reason", reason)],
        ),
        crate::model::Status::Open => fill(
            t().cli.now_open,
            &[("id", &id), ("title", &deal.title), ("stage", &stage)],
        ),
    };
    session.finish()?;
    Ok(text + "\n")
}

fn stage_name(board: &Board, id: &StageId) -> String {
    board
        .stage(id)
        .map_or_else(|| id.0.clone(), |s| s.name.clone())
}

/// A stage named on the command line, or a failure that lists the board's stages.
fn find_stage(board: &Board, name: &str) -> Result<StageId, Failure> {
    board.find_stage(name).map(|s| s.id.clone()).ok_or_else(|| {
        let names: Vec<String> = board
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{} {}", i + 1, s.name))
            .collect();
        let e = &t().errors;
        Failure(format!(
            "{} {}",
            fill(e.no_stage, &[("name", &name)]),
            fill(e.stage_list, &[("stages", &names.join(", "))])
        ))
    })
}

/// The terminal's width when printing to one; unlimited when piped.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
