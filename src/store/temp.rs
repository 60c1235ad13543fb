//! Temporary files beside a board: created exclusively under an unpredictable name (a link
//! planted there in advance cannot redirect the write), and found again when a killed writer
//! left one behind.
//!
//! Every temporary file a store writes for `board.ron`, whatever it becomes (the board, a backup,
//! a kept copy), is named `.board.ron.tmp.<pid>.<random>`, so that one pattern finds them all.

use std::collections::hash_map::RandomState;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// How many fresh names to try before giving up (each is unpredictable, so a clash is rare).
const NAME_TRIES: usize = 16;

/// A new, empty file beside `board`, opened for writing, that did not exist before this call
/// and is not a link. Its permissions are exactly `mode`, whatever the umask.
pub(super) fn create(board: &Path, mode: u32) -> io::Result<(File, PathBuf)> {
    under_fresh_name(board, |path| create_new(path, mode))
}

/// A new name beside `board` for the file `existing` (a hard link to it): the same file under
/// two names, at no cost whatever its size. `existing` must be a plain file, not a link.
pub(super) fn link(board: &Path, existing: &Path) -> io::Result<PathBuf> {
    if !is_plain_file(existing) {
        return Err(io::Error::from(io::ErrorKind::InvalidInput));
    }
    under_fresh_name(board, |path| fs::hard_link(existing, path)).map(|((), path)| path)
}

/// What `make` makes at a fresh temporary name beside `board`, and that name; a name that
/// exists already is never touched, another is tried.
fn under_fresh_name<T>(
    board: &Path,
    mut make: impl FnMut(&Path) -> io::Result<T>,
) -> io::Result<(T, PathBuf)> {
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..NAME_TRIES {
        let path = board.with_file_name(format!(
            "{}{}.{:016x}",
            prefix(board),
            std::process::id(),
            random()
        ));
        match make(&path) {
            Ok(made) => return Ok((made, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// A temporary file left beside the board by a writer that is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayFile {
    pub path: PathBuf,
    /// The process that wrote it, when its name says; `None` for a name that does not.
    pub pid: Option<u32>,
    /// That process is still running (it may be writing the file right now).
    pub alive: bool,
}

/// The temporary files beside `board`: this program's (`.board.ron.tmp.<pid>.<random>`) and
/// those older versions left (`.board.ron.tmp.<pid>`, `.board.ron.bak.new.<pid>` and its own
/// temporary file).
pub fn strays(board: &Path) -> Vec<StrayFile> {
    let Some(name) = board.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let prefixes = [
        format!(".{name}.tmp."),
        format!(".{name}.bak.new."),
        format!("..{name}.bak.new."),
    ];
    let folder = match board.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<StrayFile> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let rest = prefixes
                .iter()
                .find_map(|p| file_name.strip_prefix(p.as_str()))?;
            let pid = rest
                .split('.')
                .next()
                .and_then(|digits| digits.parse::<u32>().ok());
            Some(StrayFile {
                path: entry.path(),
                pid,
                alive: pid.is_some_and(process_alive),
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// Removes the temporary files beside `board` whose writer is provably gone (its process is not
/// running). Call it only while holding the board's lock: then no writer of this board is at
/// work. Returns what was left (a live process's file, or one that could not be removed).
pub fn remove_strays(board: &Path) -> Vec<StrayFile> {
    strays(board)
        .into_iter()
        .filter(|stray| {
            let dead = stray.pid.is_some() && !stray.alive;
            !(dead && is_plain_file(&stray.path) && fs::remove_file(&stray.path).is_ok())
        })
        .collect()
}

fn prefix(board: &Path) -> String {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.tmp.")
}

/// 64 bits from the standard library's per-process random keys, mixed with the time: enough
/// that nobody can guess the next name.
fn random() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since.as_nanos());
    }
    hasher.finish()
}

fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

#[cfg(unix)]
fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    // Readable too: the next save copies what did not change from it.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    // The umask may have taken bits away: set exactly the mode asked for.
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    Ok(file)
}

#[cfg(not(unix))]
fn create_new(path: &Path, _mode: u32) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
}

/// Whether process `pid` is running (or exists but belongs to someone else).
#[cfg(unix)]
pub(super) fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere a process cannot be asked about cheaply: count it as alive, so its file is kept.
#[cfg(not(unix))]
pub(super) fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_new_each_time_and_never_follow_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        let (_, first) = create(&board, 0o600).unwrap();
        let (_, second) = create(&board, 0o600).unwrap();
        assert_ne!(first, second);
        let name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".board.ron.tmp."), "{name}");
    }

    /// The attack: a link planted at the very name a writer is about to open. Opening is
    /// exclusive and never follows a link, so the write is refused, not sent through the link.
    #[cfg(unix)]
    #[test]
    fn a_link_at_the_name_being_opened_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let planted = dir.path().join(".board.ron.tmp.1.0");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let refused = create_new(&planted, 0o600).unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        let dangling = dir.path().join(".board.ron.tmp.1.1");
        std::os::unix::fs::symlink(dir.path().join("new-victim"), &dangling).unwrap();
        assert!(create_new(&dangling, 0o600).is_err());
        assert!(!dir.path().join("new-victim").exists());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[cfg(unix)]
    #[test]
    fn strays_of_dead_writers_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        let dead = dir.path().join(".board.ron.tmp.999999999");
        let old_backup = dir
            .path()
            .join("..board.ron.bak.new.999999998.tmp.999999998");
        let live = dir
            .path()
            .join(format!(".board.ron.tmp.{}.abc", std::process::id()));
        let other = dir.path().join(".other.ron.tmp.999999999");
        for path in [&dead, &old_backup, &live, &other] {
            fs::write(path, "x").unwrap();
        }
        assert_eq!(strays(&board).len(), 3);
        let left = remove_strays(&board);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].path, live);
        assert!(left[0].alive);
        assert!(!dead.exists() && !old_backup.exists());
        assert!(other.exists(), "another board's files are not touched");
    }
}
