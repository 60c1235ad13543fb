//! The board files a review presents, followed as their owners change them: opened for reading
//! only (no lock is taken, nothing is ever written), re-read when a file changes on disk, and
//! a file that is mid-write or broken keeps its last good state, with a warning.

use std::path::{Path, PathBuf};

use crate::model::Board;
use crate::store::{LoadError, Outside, Store};
use crate::text::{load_error_in_a_line, t};

pub struct Source {
    pub path: PathBuf,
    /// The file's name without `.ron`: the owner of its deals that name none.
    pub name: String,
    store: Store,
    /// The last good state of the board; `None` until it could be read once.
    pub board: Option<Board>,
    /// Why the file cannot be read right now, when it cannot.
    pub warning: Option<String>,
}

impl Source {
    pub fn open(path: &Path) -> Source {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let mut store = Store::at(path);
        let (board, warning) = match store.read() {
            Ok(board) => (Some(board), None),
            Err(e) => (None, Some(described(&e))),
        };
        Source {
            path: path.to_path_buf(),
            name,
            store,
            board,
            warning,
        }
    }

    /// Looks at the file again; true when its board changed.
    pub fn follow(&mut self) -> bool {
        if self.board.is_none() {
            return match self.store.read() {
                Ok(board) => {
                    self.board = Some(board);
                    self.warning = None;
                    true
                }
                Err(e) => {
                    self.warning = Some(described(&e));
                    false
                }
            };
        }
        match self.store.check_outside() {
            Outside::Unchanged => {
                // Back as it was after being broken for a moment, or gone (moved, deleted).
                self.warning = (!self.store.exists()).then(|| t().review.gone.to_string());
                false
            }
            Outside::Changed(board) => {
                self.board = Some(board);
                self.warning = None;
                true
            }
            Outside::Unreadable(e) => {
                self.warning = Some(described(&e));
                false
            }
        }
    }
}

fn described(error: &LoadError) -> String {
    load_error_in_a_line(error)
}
