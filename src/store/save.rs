//! Writing a board so that no moment leaves the file truncated or half-written: write a temporary
//! file beside it, flush it to disk, rename it over the old one, then flush the folder.

use super::backups::{BACKUPS, backup_path, stand_in};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Permissions of a board file that did not exist before, and of backups and kept copies: only
/// its owner may read it.
const NEW_FILE_MODE: u32 = 0o600;

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

/// Writes an export to `path` as the user named it: a pipe, a device or a terminal
/// (`/dev/stdout`, `>(gzip > x)`) is written to as it is; a file is replaced atomically, through
/// any symbolic link to it, so that the link stays a link and nothing else is replaced.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let mut out = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| SaveError::io(path, &e))?;
            out.write_all(bytes).map_err(|e| SaveError::io(path, &e))
        }
        Ok(_) => {
            let target = fs::canonicalize(path).map_err(|e| SaveError::io(path, &e))?;
            write_atomically(&target, bytes)
        }
        Err(_) => write_atomically(path, bytes),
    }
}

/// New contents written beside the file and flushed to disk, not yet in its place: the moment
/// to check once more that nobody else changed the file.
pub struct Staged {
    temp: PathBuf,
    path: PathBuf,
    /// The temporary file as written, to tell whether the name still holds it.
    written: Option<fs::Metadata>,
}

/// What was written to a staged file: how many bytes, their XXH3-128 hash, and the file, open
/// (it stays the same file once renamed into place).
pub struct WrittenBytes {
    pub len: u64,
    pub hash: u128,
    pub file: File,
}

impl Staged {
    /// Stages `bytes` to become `path`, with `path`'s permissions (a new file's: owner only).
    pub fn write(path: &Path, bytes: &[u8]) -> Result<Staged, SaveError> {
        Staged::write_with(path, |out| out.write_all(bytes)).map(|(staged, _)| staged)
    }

    /// Stages what `write` writes to become `path` (written as it is made, never whole in
    /// memory), with what was written.
    pub fn write_with(
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(Staged, WrittenBytes), SaveError> {
        Staged::write_beside(path, path, existing_mode(path), write)
    }

    /// Stages what `write` writes to become `destination`, in a temporary file named after
    /// `board` (so that a stray one left by a killed writer is found with the board's).
    fn write_beside(
        board: &Path,
        destination: &Path,
        mode: u32,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(Staged, WrittenBytes), SaveError> {
        let (file, temp) =
            super::temp::create(board, mode).map_err(|e| SaveError::io(board, &e))?;
        let mut staged = Staged {
            temp,
            path: destination.to_path_buf(),
            written: None,
        };
        let mut out = std::io::BufWriter::with_capacity(WRITE_BUFFER, Hashing::new(file));
        // On failure `staged` is dropped here, which removes the temporary file.
        let file = write(&mut out)
            .and_then(|()| {
                out.into_inner()
                    .map_err(std::io::IntoInnerError::into_error)
            })
            .and_then(|hashed| {
                hashed.file.sync_all()?;
                Ok(hashed)
            })
            .map_err(|e| SaveError::io(board, &e))?;
        staged.written = file.file.metadata().ok();
        let written = WrittenBytes {
            len: file.len,
            hash: file.hasher.digest128(),
            file: file.file,
        };
        Ok((staged, written))
    }

    /// Stages `board`'s own file, under a second name in `folder`, to become `destination`;
    /// `None` when the file system cannot give a file a second name there.
    fn link_beside(board: &Path, folder: &Path, destination: &Path) -> Option<Staged> {
        let temp = super::temp::link(folder, board).ok()?;
        Some(Staged {
            written: fs::symlink_metadata(&temp).ok(),
            temp,
            path: destination.to_path_buf(),
        })
    }

    /// Renames the new contents over the file and makes the rename durable.
    /// Refuses when the temporary file's name no longer holds what was written (something
    /// was put in its place meanwhile: renaming it would put that in the board's place).
    pub fn put_in_place(self) -> Result<(), SaveError> {
        if !self.still_ours() {
            let replaced = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
            return Err(SaveError::io(&self.path, &replaced));
        }
        let done =
            fs::rename(&self.temp, &self.path).and_then(|()| sync_folder(&folder_of(&self.path)));
        done.map_err(|e| SaveError::io(&self.path, &e))
    }

    #[cfg(unix)]
    fn still_ours(&self) -> bool {
        use std::os::unix::fs::MetadataExt;
        match (&self.written, fs::symlink_metadata(&self.temp)) {
            (Some(written), Ok(now)) => {
                now.file_type().is_file()
                    && written.dev() == now.dev()
                    && written.ino() == now.ino()
            }
            _ => false,
        }
    }

    #[cfg(not(unix))]
    fn still_ours(&self) -> bool {
        self.written.is_some()
    }
}

/// Bytes handed to the file at a time.
const WRITE_BUFFER: usize = 1 << 20;

/// A file that hashes what is written to it on the way.
struct Hashing {
    file: File,
    hasher: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl Hashing {
    fn new(file: File) -> Hashing {
        Hashing {
            file,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        }
    }
}

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.file.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Staged {
    /// A staged file that was never put in place is removed (a rename leaves nothing to remove).
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.temp);
    }
}

/// Keeps the current file as `.bak.1`, shifting older backups up by one. The backup is made
/// first, and only when it is safely on disk are the older ones shifted, so a failure to make
/// it (a full disk) loses no backup. Errors name the board: the backups are its.
///
/// The backup is the current file itself under a second name (a hard link): a save never
/// writes into the board's file but puts a new one in its place, so once the save is done the
/// old file is the backup's alone, byte for byte, and a board of any size is kept at no cost.
/// Where the file system has no hard links, the file is copied.
pub fn rotate_backups(path: &Path) -> Result<(), SaveError> {
    let mut current = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(SaveError::io(path, &e)),
    };
    let newest = backup_path(path, 1);
    // Temporary files in the backup folder are named after the board, to be found as its.
    let stand_in = stand_in(path);
    make_private_folder(newest.parent().unwrap_or(Path::new(".")))
        .map_err(|e| SaveError::io(path, &e))?;
    super::temp::remove_strays(&stand_in);
    let fresh = match Staged::link_beside(path, &stand_in, &newest) {
        Some(linked) => linked,
        None => {
            // Copied through a small buffer: a big board is not read into memory whole for it.
            let copy = |out: &mut dyn Write| std::io::copy(&mut current, out).map(|_| ());
            Staged::write_beside(&stand_in, &newest, NEW_FILE_MODE, copy)?.0
        }
    };
    let shift = || -> std::io::Result<()> {
        for n in (1..BACKUPS).rev() {
            let from = backup_path(path, n);
            if from.exists() {
                fs::rename(&from, backup_path(path, n + 1))?;
            }
        }
        Ok(())
    };
    shift().map_err(|e| SaveError::io(path, &e))?;
    fresh.put_in_place()
}

/// Keeps `bytes` beside `file` as `<file>.<label>.N`, the first N free (a replaced, unsaved or
/// older-format version, which backups never rotate away). Returns the copy's path.
pub fn keep_beside(file: &Path, label: &str, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let copy = (1..)
        .map(|n| file.with_file_name(format!("{name}.{label}.{n}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| file.with_file_name(format!("{name}.{label}")));
    let (staged, _) = Staged::write_beside(file, &copy, NEW_FILE_MODE, |out| out.write_all(bytes))?;
    staged.put_in_place()?;
    Ok(copy)
}

/// Makes `folder` and those above it when missing, readable by their owner only.
fn make_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// The folder `path` is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
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
    NEW_FILE_MODE
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The race an attack won once: the temporary file swapped for a link between writing and
    /// renaming. The rename is refused, so the board is never replaced by what was planted.
    #[test]
    fn a_temporary_file_swapped_before_the_rename_is_not_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        fs::write(&board, "the board").unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, "planted").unwrap();
        let staged = Staged::write(&board, b"the new board").unwrap();
        fs::remove_file(&staged.temp).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &staged.temp).unwrap();
        assert!(staged.put_in_place().is_err());
        assert_eq!(fs::read_to_string(&board).unwrap(), "the board");
        assert!(fs::symlink_metadata(&board).unwrap().file_type().is_file());
    }

    /// The backup is the old file under a second name; the save that follows puts a new file
    /// in the board's place, so the backup keeps the old version whatever is written next.
    #[test]
    fn a_backup_keeps_the_old_version_when_the_new_one_takes_its_place() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        fs::write(&board, "version 1").unwrap();
        let staged = Staged::write(&board, b"version 2").unwrap();
        rotate_backups(&board).unwrap();
        staged.put_in_place().unwrap();
        write_atomically(&board, b"version 3").unwrap();
        let backup = backup_path(&board, 1);
        assert_eq!(fs::read_to_string(&backup).unwrap(), "version 1");
        assert_eq!(fs::read_to_string(&board).unwrap(), "version 3");
        let inode = |path: &Path| fs::metadata(path).unwrap().ino();
        assert_ne!(inode(&backup), inode(&board));
        assert!(
            super::super::temp::strays(&board).is_empty(),
            "no temporary file left"
        );
    }
}
