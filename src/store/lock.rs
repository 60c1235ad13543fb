//! One writer per board: an editing dealboard holds an advisory lock on a small file beside the
//! board (`.board.ron.lock`), so that a second copy, or a command-line change, cannot race it.
//! The lock goes when the process ends, however it ends.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct BoardLock {
    _file: File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another dealboard is editing this board.
    Held(PathBuf),
    Io {
        path: PathBuf,
        message: String,
    },
}

pub(super) fn lock(board: &Path) -> Result<BoardLock, LockError> {
    let path = lock_path(board);
    let io = |e: std::io::Error| LockError::Io {
        path: path.clone(),
        message: super::io_message(&e),
    };
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(BoardLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Held(board.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

fn lock_path(board: &Path) -> PathBuf {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    board.with_file_name(format!(".{name}.lock"))
}
