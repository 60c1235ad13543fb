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

/// The lock file, open and known to be a plain file of its own, not yet locked.
struct Opened {
    file: File,
    path: PathBuf,
    board: PathBuf,
    created: bool,
    writable: bool,
}

impl Opened {
    fn of(board: &Path) -> Result<Opened, LockError> {
        let path = lock_path(board);
        let (file, created, writable) = open(&path, board).map_err(|e| io_error(board, &e))?;
        let opened = Opened {
            file,
            path,
            board: board.to_path_buf(),
            created,
            writable,
        };
        if !plain_file_of_its_own(&opened.file) {
            let path = opened.path.clone();
            opened.forget();
            return Err(LockError::Unsafe { path });
        }
        Ok(opened)
    }

    /// Once locked: the lock, or `None` when the file was removed or replaced meanwhile (lock
    /// afresh). Who holds it is written only as a courtesy to whoever finds it held: a lock file
    /// this user may read but not write (a teammate's, in a shared folder) locks all the same.
    fn keep(mut self, role: Role) -> Result<Option<BoardLock>, LockError> {
        if !still_there(&self.file, &self.path) {
            return Ok(None);
        }
        if self.writable
            && let Err(e) = write_holder(&mut self.file, role)
        {
            let error = io_error(&self.board, &e);
            self.forget();
            return Err(error);
        }
        Ok(Some(BoardLock {
            file: self.file,
            path: self.path,
            board: self.board,
            created: self.created,
        }))
    }

    /// Lets the file go; one made here, and so holding nobody's lock, goes too: a failed
    /// command leaves nothing behind.
    fn forget(self) {
        if self.created {
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// The board held by whoever holds the lock, as its file says.
    fn held(mut self) -> LockError {
        LockError::Held {
            path: self.board,
            holder: read_holder(&mut self.file),
        }
    }
}

fn io_error(board: &Path, error: &io::Error) -> LockError {
    LockError::Io {
        path: board.to_path_buf(),
        message: super::io_message(error),
    }
}

pub(super) fn lock(board: &Path, role: Role) -> Result<BoardLock, LockError> {
    for _ in 0..TRIES {
        let opened = Opened::of(board)?;
        match opened.file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(opened.held()),
            Err(std::fs::TryLockError::Error(e)) => {
                opened.forget();
                return Err(io_error(board, &e));
            }
        }
        if let Some(lock) = opened.keep(role)? {
            return Ok(lock);
        }
    }
    Err(io_error(
        board,
        &io::Error::from(io::ErrorKind::ResourceBusy),
    ))
}

/// Waits, up to `patience`, for whoever holds the board's lock to let it go, and takes it: the
/// system hands a released lock to a waiter at once, so a command waiting its turn behind other
/// commands is not starved by ones that happen to try at the right moment.
pub(super) fn lock_blocking(
    board: &Path,
    role: Role,
    patience: std::time::Duration,
) -> Result<BoardLock, LockError> {
    let opened = Opened::of(board)?;
    let (send, receive) = std::sync::mpsc::channel();
    // Left waiting if the patience runs out: the command is about to end anyway.
    std::thread::spawn(move || {
        let locked = opened.file.lock();
        let _ = send.send(locked.map(|()| opened));
    });
    let held = || Opened::of(board).map_or_else(|e| e, Opened::held);
    match receive.recv_timeout(patience) {
        Ok(Ok(opened)) => opened.keep(role)?.ok_or_else(held),
        Ok(Err(e)) => Err(io_error(board, &e)),
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
