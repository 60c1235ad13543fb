//! Opening the board to change it from the command line: read it, take the writer lock (so the
//! change cannot race an open dealboard), and save only when the change is sound. A command that
//! fails leaves everything as it was, and creates no file.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::model::Board;
use crate::store::{self, LoadError, LoadErrorKind, LockError, Store};

/// How long, in all, a command waits for the board's lock: `LOCK_TRIES` × `LOCK_WAIT`.
const LOCK_TRIES: u32 = 20;
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(50);
use crate::text::{fill, t};

pub struct Change {
    path: PathBuf,
    /// `None` while the board exists only in memory (there was no file yet).
    store: Option<Store>,
    pub board: Board,
}

impl Change {
    pub fn begin(path: &Path) -> Result<Change, Failure> {
        match Store::open(path) {
            Ok((mut store, board)) => {
                lock_patiently(&mut store)?;
                Ok(Change {
                    path: path.to_path_buf(),
                    store: Some(store),
                    board,
                })
            }
            Err(LoadError {
                kind: LoadErrorKind::Missing,
                ..
            }) => Ok(Change {
                path: path.to_path_buf(),
                store: None,
                board: new_board()?,
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves the changed board, first creating the file if there was none (and saying so).
    pub fn finish(self) -> Result<(), Failure> {
        match self.store {
            Some(mut store) => store.save(&self.board)?,
            None => {
                Store::create(&self.path, &self.board)?;
                eprintln!(
                    "{}",
                    fill(t().cli.created, &[("path", &self.path.display())])
                );
            }
        }
        Ok(())
    }
}

/// Takes the writer lock, waiting up to a second for a dealboard that is just closing.
fn lock_patiently(store: &mut Store) -> Result<(), LockError> {
    let mut tries = 0;
    loop {
        match store.lock() {
            Err(LockError::Held(_)) if tries < LOCK_TRIES => {
                tries += 1;
                std::thread::sleep(LOCK_WAIT);
            }
            result => return result,
        }
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
            eprintln!(
                "{}",
                fill(t().cli.no_board_yet, &[("path", &path.display())])
            );
            new_board()
        }
        Err(e) => Err(e.into()),
    }
}

/// The board a first run starts with: the default process, owned by the person running it.
pub fn new_board() -> Result<Board, Failure> {
    let mut board = store::default_board().map_err(|kind| {
        let path = PathBuf::from("assets/default-board.ron");
        Failure(
            LoadError {
                path,
                kind,
                backup: None,
            }
            .to_string(),
        )
    })?;
    board.owner = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    Ok(board)
}
