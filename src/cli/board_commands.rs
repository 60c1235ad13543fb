//! Commands about the board file itself: check it, create it (with demo deals if asked), and
//! shell completions for the whole command line.

use std::path::Path;

use clap::{Args, CommandFactory};

use super::change::new_board;
use super::{Cli, Failure};
use crate::clock::Clock;
use crate::store::{LoadErrorKind, Store};
use crate::text::{fill, t};

/// `board.ron.before-init.N`: a board `init --force` replaced.
const KEPT_LABEL: &str = "before-init";

/// The most demo deals `init --demo --deals N` makes.
const MOST_DEMO_DEALS: usize = 1_000_000;

#[derive(Args, Debug)]
pub struct InitArgs {
    #[arg(long, help = t().cli.arg_demo)]
    pub demo: bool,
    #[arg(
        long,
        requires = "demo",
        default_value_t = 40,
        value_parser = clap::value_parser!(u64).range(1..=MOST_DEMO_DEALS as u64),
        help = t().cli.arg_deals
    )]
    pub deals: u64,
    #[arg(long, help = t().cli.arg_force)]
    pub force: bool,
}

/// Says whether the board file is sound, and names any temporary files a killed writer left.
pub fn check(path: &Path) -> Result<String, Failure> {
    let strays = strays_beside(path);
    let (_, board) = Store::open(path).map_err(|e| Failure(format!("{e}{strays}")))?;
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
    ) + "\n"
        + &strays)
}

/// The temporary files beside the board, a line each after a heading; empty when none.
fn strays_beside(path: &Path) -> String {
    let c = &t().cli;
    let found = crate::store::strays(path);
    if found.is_empty() {
        return String::new();
    }
    let mut text = format!("\n{}\n", t().count(&c.check_strays, found.len()));
    for stray in &found {
        let name = stray.path.display();
        let line = match stray.pid {
            Some(pid) if stray.alive => fill(c.check_stray_live, &[("name", &name), ("pid", &pid)]),
            _ => name.to_string(),
        };
        text.push_str(&format!("  {line}\n"));
    }
    text
}

/// Writes a new board from the default process, with demo deals when asked. An existing board
/// is replaced only with `--force`, and then kept as the newest backup first.
pub fn init(path: &Path, args: &InitArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let c = &t().cli;
    let mut store = Store::at(path).for_command();
    store.lock_waiting(super::change::LOCK_PATIENCE)?;
    let exists = match store.read() {
        Err(e) if e.kind == LoadErrorKind::Missing => false,
        // A file that cannot be read is still a file the user may want back.
        _ => true,
    };
    if exists && !args.force {
        return Err(Failure(fill(c.init_exists, &[("path", &path.display())])));
    }
    let mut board = new_board()?;
    if args.demo {
        let deals = usize::try_from(args.deals).unwrap_or(MOST_DEMO_DEALS);
        crate::demo::fill(&mut board, deals, clock.now_utc());
        // One of the demo sellers, so that "only mine" shows something.
        board.owner = crate::demo::DEMO_OWNER.to_string();
    }
    let backup = store.replace(&board, KEPT_LABEL)?;
    let mut text = if args.demo {
        fill(
            c.init_demo,
            &[("path", &path.display()), ("deals", &board.deals.len())],
        )
    } else {
        fill(c.created, &[("path", &path.display())])
    };
    if let Some(backup) = backup {
        text.push(' ');
        text.push_str(&fill(c.init_backup, &[("backup", &backup.display())]));
    }
    Ok(text + "\n")
}

/// The completion script for `shell`, for every command and flag.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dealboard", &mut script);
    script
}
