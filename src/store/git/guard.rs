//! What keeps a sync safe from another sync and from being cut off: one sync of a repository
//! at a time (a lock in its git folder, let go when the process ends however it ends), and a
//! note of where the repository stood while the team's changes are being taken in, so that a
//! sync killed half-way is rolled back by the next one rather than left mid-rebase.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Git, GitError};
use crate::store::lock::{BoardLock, LockError, Role, lock_blocking};

/// How long a sync waits for another sync of the same repository to end.
const PATIENCE: Duration = Duration::from_secs(120);

/// The repository's git folder, as a path from where the process runs.
pub(super) fn git_folder(git: &Git) -> Result<PathBuf, GitError> {
    let path = git.run(&["rev-parse", "--git-dir"])?;
    Ok(git.folder().join(path.trim_end_matches('\n')))
}

/// Waits its turn behind another sync of the repository, and holds it until dropped.
pub(super) fn one_at_a_time(git_folder: &Path) -> Result<BoardLock, LockError> {
    // The lock is a board's lock, of a file that stays: a lock file beside no file is removed
    // by whoever lets it go, under the feet of whoever waits for it.
    let stands_for = git_folder.join("dealboard-sync");
    if !stands_for.exists() {
        let _ = std::fs::write(&stands_for, "");
    }
    lock_blocking(&stands_for, Role::Command, PATIENCE)
}

/// The note of a sync taking the team's changes in: the commit it started from.
fn note_path(git_folder: &Path) -> PathBuf {
    git_folder.join("dealboard-sync-started-at")
}

pub(super) fn note_start(git_folder: &Path, head: &str) -> std::io::Result<()> {
    std::fs::write(note_path(git_folder), head)
}

pub(super) fn note_end(git_folder: &Path) {
    let _ = std::fs::remove_file(note_path(git_folder));
}

/// A sync cut off while taking the team's changes in (its note left, git mid-rebase or
/// mid-merge) is rolled back to where it started. A board changed since then is kept first
/// beside itself as `NAME.ron.unsaved.N`. Returns those copies, or `None` when there was no
/// such sync.
pub(super) fn roll_back_cut_off(git: &Git, git_folder: &Path) -> Option<Vec<PathBuf>> {
    let started = std::fs::read_to_string(note_path(git_folder)).ok()?;
    if !git.busy().unwrap_or(false) {
        note_end(git_folder);
        return None;
    }
    let kept = keep_changed_boards(git);
    roll_back_to(git, started.trim());
    note_end(git_folder);
    Some(kept)
}

/// Undoes a rebase or merge under way (or finished but with a board that does not load): back
/// to `started`, git left in the middle of nothing.
pub(super) fn roll_back_to(git: &Git, started: &str) {
    // Only the one under way succeeds; the other has nothing to abort.
    let _ = git.run(&["rebase", "--abort"]);
    let _ = git.run(&["merge", "--abort"]);
    if git.busy().unwrap_or(true) || git.head().as_deref() != Some(started) {
        let _ = git.run(&["reset", "-q", "--hard", started]);
    }
}

/// Copies of the folder's boards that differ from what git has for them.
fn keep_changed_boards(git: &Git) -> Vec<PathBuf> {
    let changed = git
        .run(&[
            "diff",
            "--name-only",
            "-z",
            "--relative",
            "HEAD",
            "--",
            ":(glob)*.ron",
        ])
        .unwrap_or_default();
    changed
        .split('\0')
        .filter(|p| !p.is_empty())
        .filter_map(|path| {
            let board = git.folder().join(path);
            let bytes = std::fs::read(&board).ok()?;
            crate::store::keep_beside(&board, "unsaved", &bytes).ok()
        })
        .collect()
}
