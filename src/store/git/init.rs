//! `dealboard team init`: a folder made a team folder, step by step, each step skipped when it
//! is done already, so running it again changes nothing; a board is never touched.

use std::path::{Path, PathBuf};

use super::{Git, GitError, TeamError};
use crate::store::{TEAM_VERSION, Team, read_team, save_team, write_atomically};

/// Board files go to dealboard's merge; the team file is merged as text (a clash in it stops
/// the sync, which then rolls back).
const ATTRIBUTES: [&str; 2] = ["*.ron merge=dealboard", "team.ron merge=text"];
const ATTRIBUTES_HEADING: &str =
    "# dealboard: boards are merged deal by deal (`dealboard merge`), team.ron as text";

/// What stays on each machine: locks, temporary files of a save, backups and kept copies.
const IGNORED: [&str; 8] = [
    ".*.lock",
    ".*.tmp.*",
    ".*.bak.new.*",
    "*.bak.*",
    "*.ron.unsaved.*",
    "*.ron.replaced.*",
    "*.ron.before-init.*",
    "*.ron.v[0-9]*.*",
];
const IGNORED_HEADING: &str =
    "# dealboard: locks, temporary files, backups and kept copies stay on each machine";

/// What `team init` found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitDone {
    pub folder: PathBuf,
    pub made_repository: bool,
    /// The repository the folder is in, when it starts above the folder (its boards are then
    /// shared through it).
    pub inside: Option<PathBuf>,
    pub attributes_written: bool,
    /// The merge driver's command line, as registered.
    pub driver: String,
    pub ignore_written: bool,
    pub team_written: bool,
    pub team_name: String,
    pub remote: RemoteState,
    pub committed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteState {
    None,
    Set(String),
    Kept(String),
    /// Another remote was named than the one there, which is kept.
    Differs {
        old: String,
        named: String,
    },
}

/// Makes `folder` a team folder: a git repository (the one it is in, or a new one), with
/// `.gitattributes`, the merge driver, `.gitignore` and `team.ron`, and `origin` when named. A
/// new repository with a remote that has the team's history takes that history first.
pub fn init_team(
    folder: &Path,
    remote: Option<&str>,
    name: Option<&str>,
) -> Result<InitDone, TeamError> {
    if folder.exists() && !folder.is_dir() {
        return Err(TeamError::NotAFolder(folder.to_path_buf()));
    }
    if !Git::available() {
        return Err(GitError::Missing.into());
    }
    std::fs::create_dir_all(folder).map_err(|e| TeamError::io(folder, &e))?;
    let mut git = Git::in_folder(folder);
    let top = git.top()?;
    let made_repository = top.is_none();
    let here = std::fs::canonicalize(folder).ok();
    let inside = top.filter(|top| std::fs::canonicalize(top).ok() != here);
    if made_repository {
        git.run(&["init", "-q"])?;
    }
    let remote = set_remote(&git, remote)?;
    if !git.succeeds(&["rev-parse", "-q", "--verify", "HEAD"])? && git.origin().is_some() {
        take_the_teams_history(&git)?;
    }
    let attributes_written = add_lines(
        &folder.join(".gitattributes"),
        ATTRIBUTES_HEADING,
        &ATTRIBUTES,
    )?;
    let driver = route_boards(&git)?;
    let ignore_written = add_lines(&folder.join(".gitignore"), IGNORED_HEADING, &IGNORED)?;
    let (team_written, team_name) = match read_team(folder).map_err(TeamError::Load)? {
        Some(team) => (false, team.name),
        None => {
            let team_name = name
                .map(str::to_string)
                .unwrap_or_else(|| folder_name(folder));
            let team = Team {
                version: TEAM_VERSION,
                name: team_name.clone(),
                ..Team::default()
            };
            save_team(folder, &team, false).map_err(TeamError::Save)?;
            (true, team_name)
        }
    };
    git.run(&["add", "--", ".gitattributes", ".gitignore", "team.ron"])?;
    let committed = !git.succeeds(&["diff", "--cached", "--quiet"])?;
    if committed {
        git.commit_as(None)?;
        git.commit(
            "dealboard team init",
            &[".gitattributes", ".gitignore", "team.ron"],
        )?;
    }
    Ok(InitDone {
        folder: folder.to_path_buf(),
        made_repository,
        inside,
        attributes_written,
        driver,
        ignore_written,
        team_written,
        team_name,
        remote,
        committed,
    })
}

/// Registers dealboard's merge in this copy and routes board files to it in the copy's own
/// attributes too (`.git/info/attributes`, which come before any `.gitattributes`), so that no
/// committed `.gitattributes` can send boards to another merge. Returns the driver's command.
pub(super) fn route_boards(git: &Git) -> Result<String, TeamError> {
    let driver = git.register_driver()?;
    let path = git.git_path("info/attributes")?;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| TeamError::io(folder, &e))?;
    }
    add_lines(&path, ATTRIBUTES_HEADING, &ATTRIBUTES)?;
    Ok(driver)
}

fn set_remote(git: &Git, named: Option<&str>) -> Result<RemoteState, GitError> {
    Ok(match (git.origin(), named) {
        (None, None) => RemoteState::None,
        (Some(old), None) => RemoteState::Kept(old),
        (None, Some(url)) => {
            git.run(&["remote", "add", "origin", url])?;
            RemoteState::Set(url.to_string())
        }
        (Some(old), Some(url)) if old == url => RemoteState::Kept(old),
        (Some(old), Some(url)) => RemoteState::Differs {
            old,
            named: url.to_string(),
        },
    })
}

/// A repository with no commit yet, joining a team whose shared repository has some, starts
/// from them (rather than from a history of its own that could never be joined). Offline, or
/// with an empty shared repository, there is nothing to take: the first sync sends instead.
fn take_the_teams_history(git: &Git) -> Result<(), GitError> {
    if git.run(&["fetch", "-q", "origin"]).is_err() {
        return Ok(());
    }
    let Some(branch) = git.remote_branch()? else {
        return Ok(());
    };
    git.run(&[
        "checkout",
        "-q",
        "-B",
        &branch,
        "--track",
        &format!("origin/{branch}"),
    ])?;
    Ok(())
}

/// Adds to the file at `path` those of `lines` it lacks, under `heading`; true when it wrote.
fn add_lines(path: &Path, heading: &str, lines: &[&str]) -> Result<bool, TeamError> {
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(TeamError::io(path, &e)),
    };
    let have: Vec<&str> = old.lines().map(str::trim).collect();
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !have.contains(l))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !have.contains(&heading) {
        text.push_str(heading);
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    write_atomically(path, text.as_bytes()).map_err(TeamError::Save)?;
    Ok(true)
}

fn folder_name(folder: &Path) -> String {
    std::fs::canonicalize(folder)
        .ok()
        .and_then(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "team".into())
}
