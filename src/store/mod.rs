//! The board file: where it is, reading it, and saving it safely. Nothing else in the program
//! touches the board's files.

mod backups;
mod canonical;
mod files;
mod fingerprint;
mod format;
pub mod git;
mod load;
mod lock;
mod path;
#[cfg(unix)]
mod pieces;
mod save;
mod team;
mod temp;
mod writer;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use backups::{
    BACKUPS, backup_folder, backup_path, data_folder, keep_backups_in, newest_backup,
};
pub use files::{board_files, board_name};
pub use load::{LoadError, LoadErrorKind, MAX_FILE_BYTES, parse};
pub use lock::{Holder, LockError, Role};
pub use path::{BOARD_ENV, NoConfigDir, board_path};
pub use save::{SaveError, SaveErrorKind, folder_of, keep_beside, write_atomically, write_output};
pub use team::{
    Pilot, TEAM_FILE, TEAM_VERSION, Team, folder_to_follow, read_team, save_team, team_file,
    team_file_stamp, team_folder, team_folder_of,
};
pub use temp::{StrayFile, strays};
pub use writer::{SaveNumber, Writer};

use crate::model::Board;
use fingerprint::Fingerprint;
use lock::BoardLock;

/// The default process (the source article's stages) in each language, by language code, with
/// the file it is built from into the binary. The stage ids are the same in every language.
const DEFAULT_BOARDS: [(&str, &str, &str); 2] = [
    (
        "en",
        "assets/default-board.ron",
        include_str!("../../assets/default-board.ron"),
    ),
    (
        "ru",
        "assets/default-board.ru.ron",
        include_str!("../../assets/default-board.ru.ron"),
    ),
];

/// Why a backup could not be brought back.
#[derive(Debug)]
pub enum RestoreError {
    /// The backup is missing or cannot be read (then the board is left as it is).
    Backup(LoadError),
    Save(SaveError),
}

impl From<SaveError> for RestoreError {
    fn from(error: SaveError) -> RestoreError {
        RestoreError::Save(error)
    }
}

/// A backup is taken when the newest one is older than this...
pub const BACKUP_EVERY: Duration = Duration::from_secs(10 * 60);
/// ...or, on a session's (or a command's) first save, older than this, so that what was there
/// before a session is kept without a burst of quick commands pushing out every older backup.
const BACKUP_SESSION_GAP: Duration = Duration::from_secs(60);

/// The default board: the article's ten stages with their checklists, and no deals, in English.
pub fn default_board() -> Result<Board, LoadError> {
    default_board_in("en")
}

/// The default board in the language with this code (`ru`); English for any other. A board
/// that does not parse is a fault of the build, reported with the file it came from.
pub fn default_board_in(language: &str) -> Result<Board, LoadError> {
    let (_, file, text) = DEFAULT_BOARDS
        .iter()
        .find(|(code, _, _)| *code == language)
        .unwrap_or(&DEFAULT_BOARDS[0]);
    parse(text.as_bytes()).map_err(|kind| LoadError {
        path: PathBuf::from(file),
        kind,
        backup: None,
    })
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
    /// Why this store may not write, when it tried to lock and could not.
    refused: Option<LockError>,
    /// Who this store writes for: the app waits for nobody, a command for another command.
    role: Role,
    /// The folders this store created for a new board (innermost first), removed again if no
    /// board was saved.
    created_folders: Vec<PathBuf>,
    /// When backups were last rotated by this store.
    last_rotation: Option<Instant>,
    /// Every save keeps the file before it as the newest backup (a change to take back).
    always_back_up: bool,
    saved_before: bool,
    /// The format version of the file as read, when older than this build's: before the file
    /// is first written in the new format, it is kept byte for byte as `board.ron.v<N>.1`.
    older_format: Option<u32>,
    /// The file this store last wrote (open: renamed into place, it stays that file), and where
    /// its pieces of deals are: the next save copies the unchanged ones from it.
    written: Option<(std::fs::File, Vec<format::WrittenPiece>)>,
}

impl Store {
    /// The board file at `path`, not yet read or locked.
    pub fn at(path: &Path) -> Store {
        Store {
            path: path.to_path_buf(),
            target: resolve_links(path),
            known: None,
            lock: None,
            refused: None,
            role: Role::App,
            created_folders: Vec::new(),
            last_rotation: None,
            always_back_up: false,
            saved_before: false,
            older_format: None,
            written: None,
        }
    }

    /// The same store, writing as a command-line change: see [`Store::lock_waiting`].
    /// A store whose every save first keeps the file as it was as backup 1, so that
    /// `dealboard restore 1` takes the save back.
    pub fn backing_up(mut self) -> Store {
        self.always_back_up = true;
        self
    }

    pub fn for_command(mut self) -> Store {
        self.role = Role::Command;
        self
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
        // What was written before is of no use for the board read now (and holds its deals).
        self.written = None;
        let (board, fingerprint, written) = load::read(&self.path, &self.target)?;
        self.known = Some(fingerprint);
        self.older_format = (written < crate::model::FORMAT_VERSION).then_some(written);
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
    /// [`Store::save_new`] takes the lock when it creates the folder. Once locked, temporary
    /// files that killed writers left beside the board are removed.
    pub fn lock(&mut self) -> Result<(), LockError> {
        if self.lock.is_none() && folder_exists(&self.target) {
            let taken = lock::lock(&self.target, self.role);
            return self.took(taken);
        }
        Ok(())
    }

    /// Keeps a lock just taken (and removes the temporary files killed writers left, now that
    /// no writer can be at work), or remembers why there is none.
    fn took(&mut self, taken: Result<lock::BoardLock, LockError>) -> Result<(), LockError> {
        match taken {
            Ok(lock) => {
                self.lock = Some(lock);
                self.refused = None;
                temp::remove_strays(&self.target);
                Ok(())
            }
            Err(e) => {
                self.refused = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Why this store may not write, if it tried to lock and could not.
    pub fn why_read_only(&self) -> Option<&LockError> {
        self.refused.as_ref()
    }

    /// Like [`Store::lock`], for a command: waits its turn behind another command for up to
    /// `patience`, and for an app that is just closing for up to a second; then says who holds
    /// the board.
    pub fn lock_waiting(&mut self, patience: Duration) -> Result<(), LockError> {
        let started = Instant::now();
        loop {
            let waited = started.elapsed();
            let error = match self.lock() {
                Err(e) if e.is_held() && waited < patience_for(&e, patience) => e,
                result => return result,
            };
            if matches!(
                error.holder(),
                Some(Holder {
                    role: Role::App,
                    ..
                })
            ) {
                // An app that is closing lets go in a moment; one that stays open is named.
                std::thread::sleep(Duration::from_millis(25));
                continue;
            }
            let taken = lock::lock_blocking(&self.target, self.role, patience - waited);
            match self.took(taken) {
                Err(e) if e.is_held() && started.elapsed() < patience => {}
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
        if let Some(version) = self.older_format {
            match std::fs::read(&self.target) {
                Ok(old) => {
                    save::keep_beside(&self.target, &format!("v{version}"), &old)?;
                }
                // Moved away meanwhile: nothing of the older format is left to keep.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(SaveError::io(&self.path, &e)),
            }
            self.older_format = None;
        }
        // The new file first: when space is short, the save comes before the backup. Its text
        // goes to the disk as it is made, never whole in memory; what did not change since
        // the last save is copied from the file that save wrote.
        let before = self.written.take();
        let mut pieces = Vec::new();
        let (staged, written) = save::Staged::write_with(&self.target, |out| {
            let before = before
                .as_ref()
                .map(|(file, pieces)| (file, pieces.as_slice()));
            pieces = format::write_board(out, board, before).map_err(std::io::Error::other)?;
            Ok(())
        })?;
        if self.always_back_up {
            // Promised as the way back: a backup that cannot be made stops the save.
            save::rotate_backups(&self.target)?;
            self.last_rotation = Some(Instant::now());
        } else if self.backup_due() && save::rotate_backups(&self.target).is_ok() {
            self.last_rotation = Some(Instant::now());
        }
        if self.changed_since_known() {
            return refuse(SaveErrorKind::ChangedOutside);
        }
        staged.put_in_place()?;
        // The file's own metadata, after the rename: what is at the name now could be another's.
        let meta = written.file.metadata().ok();
        self.known = Some(Fingerprint::of(meta.as_ref(), written.len, written.hash));
        self.saved_before = true;
        self.written = Some((written.file, pieces));
        Ok(())
    }

    /// Finds in the file the pieces of `board`, the board as read from it, so that the first
    /// save copies what it does not change, as later saves do (see [`Store::save`]). Gives up
    /// where `go_on` says so, keeping what it found. For a store that may save, before it has.
    pub fn find_pieces(&mut self, board: &Board, go_on: impl Fn() -> bool) {
        if self.lock.is_none() || self.written.is_some() {
            return;
        }
        let Ok(file) = std::fs::File::open(&self.target) else {
            return;
        };
        let pieces = format::pieces_in(&file, board, go_on);
        if !pieces.is_empty() {
            self.written = Some((file, pieces));
        }
    }

    /// Saves a board that has no file yet: creates the folder (private to its owner), takes the
    /// lock, and refuses if a file appeared there meanwhile.
    pub fn save_new(&mut self, board: &Board) -> Result<(), SaveError> {
        self.create_folder()?;
        self.lock_for_saving()?;
        self.save(board)
    }

    /// Puts `board` in place of whatever the file holds, even a file that cannot be read, after
    /// keeping the old file byte for byte as `board.ron.<label>.N` (which backups never rotate
    /// away). Returns that copy's path (`None` when there was no file). For `init --force`: the
    /// user chose to start over, so the old content is not checked, only kept.
    pub fn replace(&mut self, board: &Board, label: &str) -> Result<Option<PathBuf>, SaveError> {
        self.create_folder()?;
        self.lock_for_saving()?;
        let io = |e: std::io::Error| SaveError {
            path: self.path.clone(),
            kind: SaveErrorKind::Io(e.to_string()),
        };
        let kept = match std::fs::read(&self.target) {
            Ok(old) => Some(save::keep_beside(&self.target, label, &old)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(e)),
        };
        self.put_whole(board)?;
        Ok(kept)
    }

    /// Puts backup `n` back in the board's place, whatever the board file holds now (even a
    /// file that cannot be read), after keeping that file as the newest backup: a restore is
    /// undone by restoring backup 1. Returns the board brought back. Lock the store first.
    pub fn restore(&mut self, n: usize) -> Result<Board, RestoreError> {
        let backup = backups::backup_path(&self.target, n);
        let (board, _, _) = load::read(&backup, &backup).map_err(|mut e| {
            e.backup = None;
            RestoreError::Backup(e)
        })?;
        self.lock_for_saving()?;
        save::rotate_backups(&self.target)?;
        self.last_rotation = Some(Instant::now());
        self.put_whole(&board)?;
        Ok(board)
    }

    /// Writes `board` in the file's place whatever it holds (its old content already kept).
    fn put_whole(&mut self, board: &Board) -> Result<(), SaveError> {
        let (staged, written) = save::Staged::write_with(&self.target, |out| {
            format::write_board(out, board, None).map_err(std::io::Error::other)?;
            Ok(())
        })?;
        staged.put_in_place()?;
        let meta = written.file.metadata().ok();
        self.known = Some(Fingerprint::of(meta.as_ref(), written.len, written.hash));
        self.saved_before = true;
        self.written = None;
        // The old file, whatever its format, was kept whole before this.
        self.older_format = None;
        Ok(())
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
        save::keep_beside(&self.target, label, text.as_bytes())
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
        // Touched but maybe not changed: its bytes tell (read through a small buffer, not
        // into memory whole).
        let same =
            std::fs::File::open(&self.target).and_then(|mut file| known.same_file(&mut file));
        match same {
            Ok((true, now)) => {
                self.known = Some(now);
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
                LockError::Held { .. } => SaveErrorKind::ReadOnly,
                LockError::Io { message, .. } => SaveErrorKind::Io(message),
                LockError::Unsafe { .. } => SaveErrorKind::Io(e.to_string()),
            },
        })
    }

    /// Creates the folder of a new board (private to its owner), remembering that it did.
    fn create_folder(&mut self) -> Result<(), SaveError> {
        let Some(folder) = self.target.parent().filter(|p| !p.as_os_str().is_empty()) else {
            return Ok(());
        };
        if folder.is_dir() {
            return Ok(());
        }
        let missing: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|f| !f.as_os_str().is_empty() && !f.exists())
            .map(Path::to_path_buf)
            .collect();
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(folder)
            .map_err(|e| SaveError::io(folder, &e))?;
        self.created_folders = missing;
        Ok(())
    }

    /// A backup is due when the newest is old enough, and was not already taken this period.
    fn backup_due(&self) -> bool {
        if self.always_back_up {
            return true;
        }
        let tried_lately = self
            .last_rotation
            .is_some_and(|at| at.elapsed() < BACKUP_EVERY);
        let old_enough = match backups::newest_backup_age(&self.target) {
            None => true,
            Some(age) => age >= BACKUP_EVERY || (!self.saved_before && age >= BACKUP_SESSION_GAP),
        };
        old_enough && !tried_lately
    }
}

impl Drop for Store {
    /// A store that created folders for a new board and saved nothing leaves none behind
    /// (the lock file in it goes first: see `BoardLock`).
    fn drop(&mut self) {
        self.lock = None;
        if !self.target.exists() {
            for folder in &self.created_folders {
                if std::fs::remove_dir(folder).is_err() {
                    break;
                }
            }
        }
    }
}

/// How long a command waits for the writer holding the board: its whole patience behind another
/// command (done in a moment), a second behind the app (which may be just closing).
fn patience_for(error: &LockError, patience: Duration) -> Duration {
    match error.holder() {
        Some(Holder {
            role: Role::App, ..
        }) => patience.min(Duration::from_secs(1)),
        _ => patience,
    }
}

fn folder_exists(target: &Path) -> bool {
    target
        .parent()
        .is_none_or(|f| f.as_os_str().is_empty() || f.is_dir())
}

/// Follows symbolic links to the file they name, even one that does not exist yet, so that
/// saving writes the file and leaves the link a link.
pub fn resolve_links(path: &Path) -> PathBuf {
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

/// An I/O error as a person reads it: "Permission denied", without "(os error 13)".
fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_boards::{demo, moment};

    /// A big board saved (in pieces, with a backup) is not then taken for a change made by
    /// someone else: the app would read it again and set aside the changes made meanwhile.
    #[test]
    fn its_own_saves_are_not_changes_from_outside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        let mut board = demo(1500);
        let mut store = Store::create(&path, &board).unwrap();
        for step in 0..4u8 {
            crate::model::some_change::make(&mut board, usize::from(step) * 31, step, moment());
            store.save(&board).unwrap();
            assert!(
                matches!(store.check_outside(), Outside::Unchanged),
                "save {step}"
            );
        }
        let (mut opened, read) = Store::open(&path).unwrap();
        assert_eq!(read, board);
        assert!(matches!(opened.check_outside(), Outside::Unchanged));
    }
}
