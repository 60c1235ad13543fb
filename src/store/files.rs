//! Finding board files: the files and folders a command names.

use std::path::{Path, PathBuf};

/// A board file's name without `.ron`: what its deals without an owner fall back to (see
/// [`crate::model::fallback_owner`]), and how the review names a board. A name becomes a
/// person's name on screen, so a control character in it (a teammate's file may be named
/// anything) is shown as `�`, as no owner read from a board can hold one.
pub fn board_name(path: &Path) -> String {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    name.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// The board files named on the command line: a folder stands for every `.ron` file in it
/// but its `team.ron` (backups and copies beside a board end otherwise, so they are left out),
/// in name order. A file named twice (itself and in its folder) is one board.
pub fn board_files(named: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    for path in named {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| {
                            p.is_file()
                                && p.extension().is_some_and(|e| e == "ron")
                                && p.file_name().is_some_and(|n| n != super::TEAM_FILE)
                        })
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    files
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_board_name_holds_no_control_character() {
        let path = std::path::Path::new("team/x\u{1b}]0;pwned\u{7}y.ron");
        assert_eq!(super::board_name(path), "x\u{FFFD}]0;pwned\u{FFFD}y");
        assert_eq!(super::board_name(std::path::Path::new("anna.ron")), "anna");
    }
}
