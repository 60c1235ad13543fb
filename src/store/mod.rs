//! The board file: where it is, reading it, and saving it safely. Nothing else in the program
//! touches the board's files.

mod format;
mod load;
mod path;
mod save;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use load::{LoadError, LoadErrorKind, parse};
pub use path::{BOARD_ENV, NoConfigDir, board_path};
pub use save::{BACKUPS, SaveError, backup_path};

use crate::model::Board;

/// The default process (the source article's stages), built into the binary.
const DEFAULT_BOARD: &str = include_str!("../../assets/default-board.ron");

/// A new backup is taken on a session's first save, then at most this often.
const BACKUP_EVERY: Duration = Duration::from_secs(10 * 60);

/// The default board: the article's ten stages with their checklists, and no deals.
pub fn default_board() -> Result<Board, LoadErrorKind> {
    parse(DEFAULT_BOARD.as_bytes())
}

/// The board's text exactly as it would be saved.
pub fn board_text(board: &Board) -> Result<String, String> {
    format::to_text(board).map_err(|e| e.to_string())
}

/// An open board file.
#[derive(Debug)]
pub struct Store {
    /// As the user named it, for messages.
    path: PathBuf,
    /// With symbolic links resolved, so that saving replaces the real file, not the link.
    target: PathBuf,
    last_backup: Option<Instant>,
}

impl Store {
    /// Opens an existing board file.
    pub fn open(path: &Path) -> Result<(Store, Board), LoadError> {
        let board = load::load(path)?;
        Ok((Store::at(path), board))
    }

    /// Creates a new board file (and its folder) holding `board`. The file is readable by its
    /// owner only.
    pub fn create(path: &Path, board: &Board) -> Result<Store, SaveError> {
        create_folder(path)?;
        let mut store = Store::at(path);
        store.save(board)?;
        Ok(store)
    }

    fn at(path: &Path) -> Store {
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Store {
            path: path.to_path_buf(),
            target,
            last_backup: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the whole board atomically, keeping rotating backups of earlier versions.
    pub fn save(&mut self, board: &Board) -> Result<(), SaveError> {
        let text = format::to_text(board).map_err(|e| SaveError {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let due = self
            .last_backup
            .is_none_or(|at| at.elapsed() >= BACKUP_EVERY);
        if due {
            save::rotate_backups(&self.target)?;
            self.last_backup = Some(Instant::now());
        }
        save::write_atomically(&self.target, text.as_bytes())
    }
}

fn create_folder(path: &Path) -> Result<(), SaveError> {
    let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder).map_err(|e| SaveError {
        path: folder.to_path_buf(),
        message: e.to_string(),
    })
}
