//! Where a board's backups are kept: the last few versions, `board.ron.bak.1` (newest) to
//! `.bak.N`. The program keeps them in the user's own data folder, one folder per board, so that
//! a board folder shared through git holds boards only; without a data folder (no home), and in
//! the library's own use, they are kept beside the board.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use directories::ProjectDirs;

/// How many old versions are kept.
pub const BACKUPS: usize = 5;

/// The folder under which every board's backups are kept, once the program has chosen one.
static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// The user's data folder for backups (`$XDG_DATA_HOME/dealboard/backups`, else
/// `~/.local/share/dealboard/backups` on Linux); `None` without a home.
pub fn data_folder() -> Option<PathBuf> {
    ProjectDirs::from("", "", "dealboard").map(|dirs| dirs.data_dir().join("backups"))
}

/// Keeps every board's backups under `root` from now on, each board in its own folder. Called
/// once, at the start; a later call changes nothing.
pub fn keep_backups_in(root: PathBuf) {
    let _ = ROOT.set(root);
}

/// The folder `board`'s backups are in.
pub fn backup_folder(board: &Path) -> PathBuf {
    match ROOT.get() {
        Some(root) => root.join(folder_name(board)),
        None => super::folder_of(board),
    }
}

/// Backup `n` of `board` (1 is the newest).
pub fn backup_path(board: &Path, n: usize) -> PathBuf {
    backup_folder(board).join(format!("{}.bak.{n}", file_name(board)))
}

/// The board's own name in its backup folder: temporary files there are named after it.
pub(super) fn stand_in(board: &Path) -> PathBuf {
    backup_folder(board).join(file_name(board))
}

/// The newest backup there is.
pub fn newest_backup(board: &Path) -> Option<PathBuf> {
    (1..=BACKUPS)
        .map(|n| backup_path(board, n))
        .find(|p| p.exists())
}

/// How old the newest backup is: since the version it keeps was written (a backup is that
/// file under a second name) or copied; `None` when there is none.
pub fn newest_backup_age(board: &Path) -> Option<Duration> {
    let modified = std::fs::metadata(backup_path(board, 1))
        .ok()?
        .modified()
        .ok()?;
    Some(
        SystemTime::now()
            .duration_since(modified)
            .unwrap_or_default(),
    )
}

fn file_name(board: &Path) -> String {
    board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "board.ron".into())
}

/// `board.ron-<hash of where the board is>`: readable, and one folder per board even when
/// many are called `board.ron`. The folder the board is in is taken through its links, so two
/// ways of naming one board share its backups.
fn folder_name(board: &Path) -> String {
    let folder = board
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = std::fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))
        .unwrap_or_else(|_| folder.to_path_buf());
    let whole = folder.join(file_name(board));
    let readable: String = file_name(board)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    format!(
        "{readable}-{:016x}",
        fnv1a(whole.as_os_str().as_encoded_bytes())
    )
}

/// FNV-1a, 64 bits: the same in every build and every release of Rust, which a folder name
/// kept from one version of the program to the next needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_name_says_which_board_and_tells_two_boards_of_one_name_apart() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("anna/board.ron");
        let two = dir.path().join("boris/board.ron");
        std::fs::create_dir_all(one.parent().unwrap()).unwrap();
        std::fs::create_dir_all(two.parent().unwrap()).unwrap();
        let (a, b) = (folder_name(&one), folder_name(&two));
        assert!(a.starts_with("board.ron-") && b.starts_with("board.ron-"));
        assert_ne!(a, b);
        // Named another way (through `..`), the board is the same board.
        let again = dir.path().join("boris/../anna/board.ron");
        assert_eq!(folder_name(&again), a);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
