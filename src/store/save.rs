//! Writing a board so that no moment leaves the file truncated or half-written: write a temporary
//! file beside it, flush it to disk, rename it over the old one, then flush the folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Permissions of a board file that did not exist before: only its owner may read it.
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o600;

/// How many old versions are kept beside the board: `board.ron.bak.1` (newest) to `.bak.N`.
pub const BACKUPS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub path: PathBuf,
    pub message: String,
}

/// Replaces `path` with `bytes` atomically, keeping the old file's permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |e: std::io::Error| SaveError {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let folder = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.tmp.{}", std::process::id()));
    let _ = fs::remove_file(&temp); // left by a crash: start afresh so the mode below applies
    let result = (|| {
        let mut file = create_private(&temp, existing_mode(path))?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_folder(&folder)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(fail)
}

/// Shifts `.bak.1 .. .bak.N-1` up by one and copies the current file to `.bak.1`. Each step is a
/// rename or an atomic write, so a crash part-way leaves every backup whole.
pub fn rotate_backups(path: &Path) -> Result<(), SaveError> {
    let fail = |e: std::io::Error| SaveError {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let current = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(fail(e)),
    };
    for n in (1..BACKUPS).rev() {
        let from = backup_path(path, n);
        if from.exists() {
            fs::rename(&from, backup_path(path, n + 1)).map_err(fail)?;
        }
    }
    write_atomically(&backup_path(path, 1), &current)
}

pub fn backup_path(path: &Path, n: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak.{n}"));
    path.with_file_name(name)
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
