//! Writing a board so that no moment leaves the file truncated or half-written: write a temporary
//! file beside it, flush it to disk, rename it over the old one, then flush the folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Permissions of a board file that did not exist before: only its owner may read it.
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o600;

/// How many old versions are kept beside the board: `board.ron.bak.1` (newest) to `.bak.N`.
pub const BACKUPS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub path: PathBuf,
    pub kind: SaveErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveErrorKind {
    /// The system refused: a read-only folder, a full disk, a missing folder.
    Io(String),
    /// Someone else changed the file since it was read; it was not overwritten.
    ChangedOutside,
    /// Another dealboard is editing this board; this one may only read it.
    ReadOnly,
}

impl SaveError {
    pub(super) fn io(path: &Path, error: &std::io::Error) -> SaveError {
        SaveError {
            path: path.to_path_buf(),
            kind: SaveErrorKind::Io(super::io_message(error)),
        }
    }
}

/// Replaces `path` with `bytes` atomically, keeping the old file's permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let staged = Staged::write(path, bytes)?;
    staged.put_in_place()
}

/// New contents written beside the file and flushed to disk, not yet in its place: the moment
/// to check once more that nobody else changed the file.
pub struct Staged {
    temp: PathBuf,
    path: PathBuf,
}

impl Staged {
    pub fn write(path: &Path, bytes: &[u8]) -> Result<Staged, SaveError> {
        let temp = sibling(path, ".tmp");
        let _ = fs::remove_file(&temp); // left by a crash: start afresh so the mode below applies
        let written = (|| {
            let mut file = create_private(&temp, existing_mode(path))?;
            file.write_all(bytes)?;
            file.sync_all()
        })();
        match written {
            Ok(()) => Ok(Staged {
                temp,
                path: path.to_path_buf(),
            }),
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(SaveError::io(path, &e))
            }
        }
    }

    /// Renames the new contents over the file and makes the rename durable.
    pub fn put_in_place(self) -> Result<(), SaveError> {
        let done =
            fs::rename(&self.temp, &self.path).and_then(|()| sync_folder(&folder_of(&self.path)));
        done.map_err(|e| SaveError::io(&self.path, &e))
    }
}

impl Drop for Staged {
    /// A staged file that was never put in place is removed (a rename leaves nothing to remove).
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.temp);
    }
}

/// Keeps the current file as `.bak.1`, shifting older backups up by one. The copy is written
/// first, and only when it is safely on disk are the older ones shifted, so a failure to write
/// it (a full disk) loses no backup. The caller tries this at most once per backup period, so a
/// failure while shifting is not repeated either.
pub fn rotate_backups(path: &Path) -> Result<(), SaveError> {
    let current = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(SaveError::io(path, &e)),
    };
    let fresh = sibling(path, ".bak.new");
    write_atomically(&fresh, &current)?;
    let shift = || -> std::io::Result<()> {
        for n in (1..BACKUPS).rev() {
            let from = backup_path(path, n);
            if from.exists() {
                fs::rename(&from, backup_path(path, n + 1))?;
            }
        }
        fs::rename(&fresh, backup_path(path, 1))
    };
    shift().map_err(|e| {
        let _ = fs::remove_file(&fresh);
        SaveError::io(path, &e)
    })
}

pub fn backup_path(path: &Path, n: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak.{n}"));
    path.with_file_name(name)
}

/// The newest backup that exists beside `path`.
pub fn newest_backup(path: &Path) -> Option<PathBuf> {
    (1..=BACKUPS)
        .map(|n| backup_path(path, n))
        .find(|p| p.exists())
}

/// How long ago the newest backup was taken; `None` when there is none.
pub fn newest_backup_age(path: &Path) -> Option<Duration> {
    let modified = fs::metadata(backup_path(path, 1)).ok()?.modified().ok()?;
    Some(
        SystemTime::now()
            .duration_since(modified)
            .unwrap_or_default(),
    )
}

/// `.board.ron<suffix>.<pid>`: a hidden file beside `path`, private to this process.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{suffix}.{}", std::process::id()))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(unix)]
fn existing_mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).map_or(NEW_FILE_MODE, |m| m.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn existing_mode(_path: &Path) -> u32 {
    0
}

#[cfg(unix)]
fn create_private(path: &Path, mode: u32) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path, _mode: u32) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
}

/// Makes the rename itself durable. Folders cannot be opened this way on Windows; there the
/// rename is already durable once it returns.
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    if cfg!(unix) {
        File::open(folder)?.sync_all()
    } else {
        Ok(())
    }
}
