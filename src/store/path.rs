//! Which board file to use: `--board PATH`, else `DEALBOARD_BOARD`, else the config folder.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The environment variable that names a board file.
pub const BOARD_ENV: &str = "DEALBOARD_BOARD";

/// No config folder could be worked out (no HOME): the user must name a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoConfigDir;

/// Resolves the board path from the flag, then the environment, then the platform's config folder
/// (`$XDG_CONFIG_HOME/dealboard/board.ron`, else `~/.config/dealboard/board.ron` on Linux).
pub fn board_path(flag: Option<PathBuf>) -> Result<PathBuf, NoConfigDir> {
    if let Some(path) = flag {
        return Ok(path);
    }
    if let Some(path) = std::env::var_os(BOARD_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    ProjectDirs::from("", "", "dealboard")
        .map(|dirs| dirs.config_dir().join("board.ron"))
        .ok_or(NoConfigDir)
}
