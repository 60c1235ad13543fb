//! One writer per board: a writer holds an advisory lock on a small file beside the board
//! (`.board.ron.lock`), so that a second copy, or a command-line change, cannot race it. The
//! lock goes when the process ends, however it ends.
//!
//! The file says who holds it (`app 1234` or `command 1234`), so that whoever finds it held can
//! say who has the board, and a command can wait for another command but not for the app. It is
//! never followed through a link, and a lock file that was removed or replaced while being
//! locked is locked afresh, so two writers can never hold two different files.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Who takes the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The app, editing until the user closes it.
    App,
    /// A command-line change, done in a moment.
    Command,
}

/// Who holds a lock, as its file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    pub role: Role,
    pub pid: u32,
}

#[derive(Debug)]
pub struct BoardLock {
    file: File,
    path: PathBuf,
    board: PathBuf,
    /// This lock made the file, so it removes it again if it leaves no board behind.
    created: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another dealboard is writing this board: the app, or a command (with its process id when
    /// its lock file says).
    Held {
        path: PathBuf,
        holder: Option<Holder>,
    },
    /// The lock could not be taken; `path` is the board's.
    Io { path: PathBuf, message: String },
    /// The lock file is not a plain file of its own (a hard link to another file, say): it is
    /// not written to. `path` is the lock file's, for the user to remove.
    Unsafe { path: PathBuf },
}

impl LockError {
    /// The holder, when the lock is held by another dealboard.
    pub fn holder(&self) -> Option<Holder> {
        match self {
            LockError::Held { holder, .. } => *holder,
            LockError::Io { .. } | LockError::Unsafe { .. } => None,
        }
    }

    pub fn is_held(&self) -> bool {
        matches!(self, LockError::Held { .. })
    }
}

/// How often a lock file that keeps being replaced under us is tried before giving up.
const TRIES: usize = 8;

pub(super) fn lock(board: &Path, role: Role) -> Result<BoardLock, LockError> {
    let path = lock_path(board);
    let io = |e: io::Error| LockError::Io {
        path: board.to_path_buf(),
        message: super::io_message(&e),
    };
    for _ in 0..TRIES {
        let (mut file, created, writable) = open(&path, board).map_err(io)?;
        // A lock file made here and not kept (locking failed) goes again: a failed command
        // leaves nothing behind.
        let forget = |file: File| {
            if created {
                let _ = std::fs::remove_file(&path);
            }
            drop(file);
        };
        if !plain_file_of_its_own(&file) {
            forget(file);
            return Err(LockError::Unsafe { path });
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    path: board.to_path_buf(),
                    holder: read_holder(&mut file),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                forget(file);
                return Err(io(e));
            }
        }
        if !still_there(&file, &path) {
            continue;
        }
        // Who holds it is only a courtesy to whoever finds it held: a lock file this user may
        // read but not write (a teammate's, in a shared folder) locks all the same.
        if writable && let Err(e) = write_holder(&mut file, role) {
            forget(file);
            return Err(io(e));
        }
        return Ok(BoardLock {
            file,
            path,
            board: board.to_path_buf(),
            created,
        });
    }
    Err(io(io::Error::from(io::ErrorKind::ResourceBusy)))
}

/// Waits, up to `patience`, for whoever holds the board's lock to let it go, and takes it: the
/// system hands a released lock to a waiter at once, so a command waiting its turn behind other
/// commands is not starved by ones that happen to try at the right moment.
pub(super) fn lock_blocking(
    board: &Path,
    role: Role,
    patience: std::time::Duration,
) -> Result<BoardLock, LockError> {
    let path = lock_path(board);
    let io = |e: io::Error| LockError::Io {
        path: board.to_path_buf(),
        message: super::io_message(&e),
    };
    let (file, created, writable) = open(&path, board).map_err(io)?;
    if !plain_file_of_its_own(&file) {
        return Err(LockError::Unsafe { path });
    }
    let (send, receive) = std::sync::mpsc::channel();
    // Left waiting if the patience runs out: the command is about to end anyway.
    std::thread::spawn(move || {
        let _ = send.send(file.lock().map(|()| file));
    });
    let held = || LockError::Held {
        path: board.to_path_buf(),
        holder: open(&path, board)
            .ok()
            .and_then(|(mut f, _, _)| read_holder(&mut f)),
    };
    match receive.recv_timeout(patience) {
        Ok(Ok(mut file)) if still_there(&file, &path) => {
            if writable {
                write_holder(&mut file, role).map_err(io)?;
            }
            Ok(BoardLock {
                file,
                path,
                board: board.to_path_buf(),
                created,
            })
        }
        Ok(Ok(_)) => Err(held()),
        Ok(Err(e)) => Err(io(e)),
        Err(_) => Err(held()),
    }
}

impl Drop for BoardLock {
    /// A lock file this lock created beside no board (a command that failed on a new board)
    /// is removed while still locked, so that a failed command leaves no file behind.
    fn drop(&mut self) {
        if self.created && !self.board.exists() && still_there(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Opens the lock file, creating it if need be (readable and writable by whoever may write
/// the board, so that a board shared by a group stays shared); says whether it was created.
/// Never follows a link: a link planted there is refused, not written through. One this user
/// may not write (made by a teammate) is opened for reading, which locks as well.
/// Says too whether it is open for writing.
fn open(path: &Path, board: &Path) -> io::Result<(File, bool, bool)> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        let shared = std::fs::metadata(board).map_or(0, |m| m.mode() & 0o066);
        options.mode(0o600 | shared).custom_flags(libc::O_NOFOLLOW);
    }
    match options.clone().create_new(true).open(path) {
        Ok(file) => Ok((file, true, true)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match options.open(path) {
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => options
                .write(false)
                .open(path)
                .map(|file| (file, false, false)),
            opened => opened.map(|file| (file, false, true)),
        },
        Err(e) => Err(e),
    }
}

/// Whether the open lock file is a plain file with no other name (a hard link planted there
/// would make writing the holder write into someone else's file).
#[cfg(unix)]
fn plain_file_of_its_own(file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    file.metadata()
        .is_ok_and(|m| m.file_type().is_file() && m.nlink() == 1)
}

#[cfg(not(unix))]
fn plain_file_of_its_own(file: &File) -> bool {
    file.metadata().is_ok_and(|m| m.file_type().is_file())
}

/// Whether `path` still names the file that is open as `file` (another writer may have removed
/// the lock file between our opening and locking it).
#[cfg(unix)]
fn still_there(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_there(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn write_holder(file: &mut File, role: Role) -> io::Result<()> {
    let word = match role {
        Role::App => "app",
        Role::Command => "command",
    };
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(format!("{word} {}\n", std::process::id()).as_bytes())
}

/// The holder its lock file names; `None` when it says nothing readable (it has just been
/// locked and not yet written, or an older dealboard holds it).
fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(64).read_to_string(&mut text).ok()?;
    let (word, pid) = text.trim().split_once(' ')?;
    let role = match word {
        "app" => Role::App,
        "command" => Role::Command,
        _ => return None,
    };
    Some(Holder {
        role,
        pid: pid.parse().ok()?,
    })
}

fn lock_path(board: &Path) -> PathBuf {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    board.with_file_name(format!(".{name}.lock"))
}
