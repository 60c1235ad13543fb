use std::path::Path;
use std::process::ExitCode;

use dealboard::cli::{self, Failure};
use dealboard::model::Board;
use dealboard::store::{LoadError, LoadErrorKind, LockError, Store};
use dealboard::text::{fill, t};

fn main() -> ExitCode {
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    cli::choose_language(&words);
    if let Some(folder) = dealboard::store::data_folder() {
        dealboard::store::keep_backups_in(folder);
    }
    let args = match cli::parse(&words) {
        Ok(args) => args,
        Err(error) => return ExitCode::from(cli::usage_error(&error)),
    };
    args.check_usage();
    let path = match dealboard::store::board_path(args.board) {
        Ok(path) => path,
        Err(e) => return Failure(e.to_string()).report(),
    };
    match args.command {
        Some(command) => cli::run(command, &path),
        None => match open_board(&path).and_then(|(store, board, notice)| {
            dealboard::tui::run(store, board, notice)
                .map_err(|e| Failure(fill(t().errors.terminal, &[("error", &e)])))
        }) {
            Ok(ending) => dealboard::cli::exit_code(ending),
            Err(failure) => failure.report(),
        },
    }
}

/// Opens the board for the app: creates it from the default process on first run, and opens it
/// read-only when another dealboard is already editing it. A bad file is reported and the app
/// does not start. Returns what the status bar should say first.
fn open_board(path: &Path) -> Result<(Store, Board, Option<String>), Failure> {
    match Store::open(path) {
        Ok((mut store, board)) => match store.lock() {
            Ok(()) => Ok((store, board, None)),
            Err(LockError::Held { .. }) => {
                Ok((store, board, Some(t().board.opened_read_only.into())))
            }
            // A folder this user may not write to: the board can still be read.
            Err(e) => Ok((store, board, Some(dealboard::text::read_only_reason(&e)))),
        },
        Err(LoadError {
            kind: LoadErrorKind::Missing,
            ..
        }) => {
            let board = cli::new_board()?;
            let store = Store::create(path, &board)?;
            let notice = fill(t().cli.created, &[("path", &path.display())]);
            Ok((store, board, Some(notice)))
        }
        Err(e) => Err(e.into()),
    }
}
