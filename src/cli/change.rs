//! Opening the board to change it from the command line: take the writer lock (so the change
//! cannot race an open dealboard), read, and save only when the change is sound. A command that
//! fails leaves everything as it was, and creates no file.

use std::path::Path;
use std::time::Duration;

use super::Failure;
use crate::model::Board;
use crate::store::{self, LoadError, LoadErrorKind, Store};
use crate::text::{fill, t};

/// How long a command waits its turn behind another command changing the board (behind the
/// app, only a second: it may be just closing).
pub const LOCK_PATIENCE: Duration = Duration::from_secs(10);

pub struct Change {
    store: Store,
    /// False while the board exists only in memory (there was no file yet).
    existed: bool,
    pub board: Board,
}

impl Change {
    pub fn begin(path: &Path) -> Result<Change, Failure> {
        Change::begin_with(Store::at(path).for_command())
    }

    /// Like [`Change::begin`], for a change the user may want to take back: saving keeps the
    /// board as it was as backup 1 (`dealboard restore 1`).
    pub fn begin_backing_up(path: &Path) -> Result<Change, Failure> {
        Change::begin_with(Store::at(path).for_command().backing_up())
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    fn begin_with(mut store: Store) -> Result<Change, Failure> {
        store.lock_waiting(LOCK_PATIENCE)?;
        match store.read() {
            Ok(board) => Ok(Change {
                store,
                existed: true,
                board,
            }),
            Err(LoadError {
                kind: LoadErrorKind::Missing,
                ..
            }) => Ok(Change {
                store,
                existed: false,
                board: new_board()?,
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves the changed board, first creating the file if there was none (and saying so).
    pub fn finish(mut self) -> Result<(), Failure> {
        if self.existed {
            self.store.save(&self.board)?;
        } else {
            self.store.save_new(&self.board)?;
            super::notice(&fill(
                t().cli.created,
                &[("path", &self.store.path().display())],
            ));
        }
        Ok(())
    }
}

/// The board for reading: a missing file reads as the default board (with a note on stderr),
/// and nothing is created.
pub fn read_board(path: &Path) -> Result<Board, Failure> {
    match Store::open(path) {
        Ok((_, board)) => Ok(board),
        Err(LoadError {
            kind: LoadErrorKind::Missing,
            ..
        }) => {
            super::notice(&fill(t().cli.no_board_yet, &[("path", &path.display())]));
            new_board()
        }
        Err(e) => Err(e.into()),
    }
}

/// The board a first run starts with: the default process, owned by the person running it.
pub fn new_board() -> Result<Board, Failure> {
    let language = crate::text::t().locale.code;
    let mut board = store::default_board_in(language)?;
    board.owner = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    Ok(board)
}
