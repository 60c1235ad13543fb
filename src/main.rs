use std::process::ExitCode;

use clap::Parser;
use dealboard::cli::{self, Cli};
use dealboard::store::board_path;
use dealboard::text::{fill, t};

fn main() -> ExitCode {
    let args = Cli::parse();
    let path = match board_path(args.board) {
        Ok(path) => path,
        Err(e) => {
            eprintln!("{}{e}", t().cli.error_prefix);
            return ExitCode::FAILURE;
        }
    };
    match args.command {
        Some(command) => cli::run(command, &path),
        None => open_board(&path),
    }
}

/// Opens the interactive board, creating the file from the default process on first run. A bad
/// file is reported and the board does not start.
fn open_board(path: &std::path::Path) -> ExitCode {
    let result = cli::open_or_create(path).and_then(|(store, board, created)| {
        let notice = created.then(|| fill(t().cli.created, &[("path", &path.display())]));
        dealboard::tui::run(store, board, notice)
            .map_err(|e| cli::Failure(fill(t().errors.terminal, &[("error", &e)])))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::Failure(message)) => {
            eprintln!("{}{message}", t().cli.error_prefix);
            ExitCode::FAILURE
        }
    }
}
