//! The board file: where it is, reading it, and saving it safely. Nothing else in the program
//! touches the board's files.

mod files;
mod fingerprint;
mod format;
mod load;
mod lock;
mod path;
mod save;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use files::board_files;
pub use load::{LoadError, LoadErrorKind, parse};
pub use lock::LockError;
pub use path::{BOARD_ENV, NoConfigDir, board_path};
pub use save::{BACKUPS, SaveError, SaveErrorKind, backup_path, write_atomically};

use crate::model::Board;
use fingerprint::Fingerprint;
use lock::BoardLock;

/// The default process (the source article's stages), built into the binary.
const DEFAULT_BOARD: &str = include_str!("../../assets/default-board.ron");

/// A backup is taken when the newest one is older than this...
const BACKUP_EVERY: Duration = Duration::from_secs(10 * 60);
/// ...or, on a session's (or a command's) first save, older than this, so that what was there
/// before a session is kept without a burst of quick commands pushing out every older backup.
const BACKUP_SESSION_GAP: Duration = Duration::from_secs(60);

/// The default board: the article's ten stages with their checklists, and no deals.
pub fn default_board() -> Result<Board, LoadErrorKind> {
    parse(DEFAULT_BOARD.as_bytes())
}

/// The board's text exactly as it would be saved.
pub fn board_text(board: &Board) -> Result<String, String> {
    format::to_text(board).map_err(|e| e.to_string())
}

/// What changed in the file since this store last read or wrote it.
#[derive(Debug)]
pub enum Outside {
    Unchanged,
    /// Someone else saved a sound board; here it is.
    Changed(Board),
    /// Someone else changed the file and it cannot be read now (half-written, or broken).
    Unreadable(LoadError),
}

/// An open board file.
#[derive(Debug)]
pub struct Store {
    /// As the user named it, for messages.
    path: PathBuf,
    /// With symbolic links resolved, so that saving replaces the real file, not the link.
    target: PathBuf,
    /// The file as this store last read or wrote it.
    known: Option<Fingerprint>,
    /// Held while this store may write.
    lock: Option<BoardLock>,
    /// When backups were last rotated (or tried) by this store.
    last_rotation: Option<Instant>,
    saved_before: bool,
}

impl Store {
    /// The board file at `path`, not yet read or locked.
    pub fn at(path: &Path) -> Store {
        Store {
            path: path.to_path_buf(),
            target: resolve_links(path),
            known: None,
            lock: None,
            last_rotation: None,
            saved_before: false,
        }
    }

    /// Opens an existing board file for reading. Lock it before saving.
    pub fn open(path: &Path) -> Result<(Store, Board), LoadError> {
        let mut store = Store::at(path);
        let board = store.read()?;
        Ok((store, board))
    }

    /// Creates a new board file (and its folder) holding `board`, locked for this process. The
    /// file is readable by its owner only.
    pub fn create(path: &Path, board: &Board) -> Result<Store, SaveError> {
        let mut store = Store::at(path);
        store.save_new(board)?;
        Ok(store)
    }

    /// Reads the board, remembering what the file held.
    pub fn read(&mut self) -> Result<Board, LoadError> {
        let (board, fingerprint) = load::read(&self.path, &self.target)?;
        self.known = Some(fingerprint);
        Ok(board)
    }

    /// True while the board file is there (a presented file may be moved or deleted).
    pub fn exists(&self) -> bool {
        self.target.exists()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this store holds the writer lock, so may save.
    pub fn can_write(&self) -> bool {
        self.lock.is_some()
    }

    /// Takes the board's writer lock; fails when another dealboard holds it. A board whose
    /// folder does not exist yet cannot be open anywhere: then there is nothing to lock, and
    /// [`Store::save_new`] takes the lock when it creates the folder.
    pub fn lock(&mut self) -> Result<(), LockError> {
        if self.lock.is_none() && folder_exists(&self.target) {
            self.lock = Some(lock::lock(&self.target)?);
        }
        Ok(())
    }

    /// Like [`Store::lock`], but waits up to `patience` for a dealboard that is just closing.
    pub fn lock_waiting(&mut self, patience: Duration) -> Result<(), LockError> {
        let started = Instant::now();
        loop {
            match self.lock() {
                Err(LockError::Held(_)) if started.elapsed() < patience => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                result => return result,
            }
        }
    }

    /// Saves the whole board atomically, keeping rotating backups of earlier versions. Refuses
    /// without the lock, and refuses to overwrite a file someone else changed since it was read:
    /// checked before writing and again just before the new file takes the old one's place.
    pub fn save(&mut self, board: &Board) -> Result<(), SaveError> {
        let path = self.path.clone();
        let refuse = |kind| {
            Err(SaveError {
                path: path.clone(),
                kind,
            })
        };
        if self.lock.is_none() {
            return refuse(SaveErrorKind::ReadOnly);
        }
        if self.changed_since_known() {
            return refuse(SaveErrorKind::ChangedOutside);
        }
        let text = match format::to_text(board) {
            Ok(text) => text,
            Err(e) => return refuse(SaveErrorKind::Io(e.to_string())),
        };
        if self.backup_due() {
            self.last_rotation = Some(Instant::now());
            save::rotate_backups(&self.target)?;
        }
        let staged = save::Staged::write(&self.target, text.as_bytes())?;
        if self.changed_since_known() {
            return refuse(SaveErrorKind::ChangedOutside);
        }
        staged.put_in_place()?;
        self.known = Some(Fingerprint::of_file(&self.target, text.as_bytes()));
        self.saved_before = true;
        Ok(())
    }

    /// Saves a board that has no file yet: creates the folder (private to its owner), takes the
    /// lock, and refuses if a file appeared there meanwhile.
    pub fn save_new(&mut self, board: &Board) -> Result<(), SaveError> {
        create_folder(&self.target)?;
        self.lock_for_saving()?;
        self.save(board)
    }

    /// Puts `board` in place of whatever the file holds, even a file that cannot be read, after
    /// keeping the old file byte for byte as `board.ron.<label>.N` (which backups never rotate
    /// away). Returns that copy's path (`None` when there was no file). For `init --force`: the
    /// user chose to start over, so the old content is not checked, only kept.
    pub fn replace(&mut self, board: &Board, label: &str) -> Result<Option<PathBuf>, SaveError> {
        create_folder(&self.target)?;
        self.lock_for_saving()?;
        let io = |e: std::io::Error| SaveError {
            path: self.path.clone(),
            kind: SaveErrorKind::Io(e.to_string()),
        };
        let kept = match std::fs::read(&self.target) {
            Ok(old) => {
                let copy = self.free_copy_path(label);
                save::write_atomically(&copy, &old)?;
                Some(copy)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(e)),
        };
        let text = format::to_text(board).map_err(|e| SaveError {
            path: self.path.clone(),
            kind: SaveErrorKind::Io(e.to_string()),
        })?;
        save::Staged::write(&self.target, text.as_bytes())?.put_in_place()?;
        self.known = Some(Fingerprint::of_file(&self.target, text.as_bytes()));
        self.saved_before = true;
        Ok(kept)
    }

    /// Looks whether someone else changed the file, and reads it if so. What it read becomes
    /// what this store knows, so call [`Store::save`] only once the change is dealt with.
    pub fn check_outside(&mut self) -> Outside {
        if !self.changed_since_known() {
            return Outside::Unchanged;
        }
        match self.read() {
            Ok(board) => Outside::Changed(board),
            Err(e) => Outside::Unreadable(e),
        }
    }

    /// Writes `board` beside the file as `board.ron.<label>.N` (the first N free), so that the
    /// side that loses when two changes clash is kept. Returns the copy's path.
    pub fn keep_copy(&self, board: &Board, label: &str) -> Result<PathBuf, SaveError> {
        let text = format::to_text(board).map_err(|e| SaveError {
            path: self.path.clone(),
            kind: SaveErrorKind::Io(e.to_string()),
        })?;
        let copy = self.free_copy_path(label);
        save::write_atomically(&copy, text.as_bytes())?;
        Ok(copy)
    }

    /// `board.ron.<label>.N` beside the file, with the first N not taken.
    fn free_copy_path(&self, label: &str) -> PathBuf {
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (1..)
            .map(|n| self.target.with_file_name(format!("{name}.{label}.{n}")))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.target.with_file_name(format!("{name}.{label}")))
    }

    /// True when the file differs from what this store last read or wrote. A file that is gone
    /// has nothing to lose, so it counts as unchanged (saving writes it again); a file that
    /// cannot be looked at counts as changed, so it is never written over blindly.
    fn changed_since_known(&mut self) -> bool {
        let meta = match std::fs::metadata(&self.target) {
            Ok(meta) => meta,
            Err(e) => return e.kind() != std::io::ErrorKind::NotFound,
        };
        let Some(known) = &self.known else {
            return true;
        };
        if known.same_stat(&meta) {
            return false;
        }
        match std::fs::read(&self.target) {
            Ok(bytes) if known.same_bytes(&bytes) => {
                self.known = Some(Fingerprint::of_file(&self.target, &bytes));
                false
            }
            _ => true,
        }
    }

    /// Takes the lock for a save that creates or replaces the file: a lock held elsewhere
    /// means this copy is read-only.
    fn lock_for_saving(&mut self) -> Result<(), SaveError> {
        self.lock().map_err(|e| SaveError {
            path: self.path.clone(),
            kind: match e {
                LockError::Held(_) => SaveErrorKind::ReadOnly,
                LockError::Io { message, .. } => SaveErrorKind::Io(message),
            },
        })
    }

    /// A backup is due when the newest is old enough, and was not already tried this period
    /// (so that a failing save does not rotate the backups again on every retry).
    fn backup_due(&self) -> bool {
        let tried_lately = self
            .last_rotation
            .is_some_and(|at| at.elapsed() < BACKUP_EVERY);
        let old_enough = match save::newest_backup_age(&self.target) {
            None => true,
            Some(age) => age >= BACKUP_EVERY || (!self.saved_before && age >= BACKUP_SESSION_GAP),
        };
        old_enough && !tried_lately
    }
}

fn folder_exists(target: &Path) -> bool {
    target
        .parent()
        .is_none_or(|f| f.as_os_str().is_empty() || f.is_dir())
}

/// Follows symbolic links to the file they name, even one that does not exist yet, so that
/// saving writes the file and leaves the link a link.
fn resolve_links(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let mut current = path.to_path_buf();
    for _ in 0..16 {
        match std::fs::read_link(&current) {
            Ok(next) => {
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    current
}

fn create_folder(path: &Path) -> Result<(), SaveError> {
    let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(folder)
        .map_err(|e| SaveError::io(folder, &e))
}

/// An I/O error as a person reads it: "Permission denied", without "(os error 13)".
fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
