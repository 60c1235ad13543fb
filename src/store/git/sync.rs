//! `dealboard sync`: commit the boards that changed (the message, in words, is the caller's),
//! take the team's changes in with dealboard's merge, push. Whatever git cannot finish is
//! rolled back: the folder is never left mid-rebase, with conflict markers, or with a board
//! that does not load.

use std::path::{Path, PathBuf};

use super::guard;
use super::{Git, GitError, TeamError};
use crate::model::Board;
use crate::store::{LoadError, LockError, Store, TEAM_FILE};

/// How many times a push refused because someone pushed first is tried again.
const PUSH_TRIES: usize = 3;

/// A file of the team folder that changed since the last commit, for the commit message.
pub struct ChangedFile {
    /// As git names it (from the top of the repository).
    pub path: String,
    pub before: Option<Board>,
    pub after: Option<Board>,
    /// `team.ron`, `.gitattributes`, `.gitignore`: not a board.
    pub board: bool,
}

impl ChangedFile {
    /// Whose board it is, as the board says (after the change, else before it).
    pub fn owner(&self) -> Option<&str> {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map(|b| b.owner.as_str())
            .filter(|o| !o.is_empty())
    }
}

/// A commit that came in from the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub author: String,
    pub subject: String,
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// The first line of the commit made, if one was.
    pub committed: Option<String>,
    /// The team's commits taken in, oldest first.
    pub incoming: Vec<Incoming>,
    /// Whether commits were sent.
    pub pushed: bool,
    pub url: String,
    /// An earlier sync was cut off half-way and rolled back first; the copies kept of boards
    /// changed meanwhile.
    pub cut_off: Option<Vec<PathBuf>>,
}

/// Why a sync stopped. Whatever it committed stays committed (`committed`), to be sent by the
/// next sync.
#[derive(Debug)]
pub enum SyncError {
    Team(TeamError),
    NotARepository(PathBuf),
    /// Another sync of the repository did not end in time.
    Locked(LockError),
    /// Files other than the folder's boards have changes not committed: git cannot take the
    /// team's changes in over them, and they are the user's to commit.
    Uncommitted {
        files: Vec<String>,
        committed: Option<String>,
    },
    /// git is in the middle of something the user started (a merge, a rebase).
    Busy(PathBuf),
    /// A changed board that does not load: nothing was committed.
    Unreadable(LoadError),
    NoRemote {
        committed: Option<String>,
    },
    Offline {
        url: String,
        error: String,
        committed: Option<String>,
    },
    /// Taking the team's changes in failed and was undone.
    RolledBack {
        error: String,
        committed: Option<String>,
    },
    PushRefused {
        url: String,
        error: String,
        committed: Option<String>,
    },
}

impl From<GitError> for SyncError {
    fn from(error: GitError) -> SyncError {
        SyncError::Team(TeamError::Git(error))
    }
}

/// How the team's changes are taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pull {
    /// Yours replayed on top of theirs: a straight history (the default).
    Rebase,
    /// A merge commit joining both.
    Merge,
}

/// Commits the changed board files of `folder` (with `message` worded from them), takes the
/// team's changes in and sends yours.
pub fn sync_team(
    folder: &Path,
    pull: Pull,
    message: &dyn Fn(Option<&str>, &[ChangedFile]) -> String,
) -> Result<SyncReport, SyncError> {
    if !folder.is_dir() {
        return Err(SyncError::Team(TeamError::NotAFolder(folder.to_path_buf())));
    }
    let mut git = Git::in_folder(folder);
    if git.top()?.is_none() {
        return Err(SyncError::NotARepository(folder.to_path_buf()));
    };
    let git_folder = guard::git_folder(&git)?;
    let _turn = guard::one_at_a_time(&git_folder).map_err(SyncError::Locked)?;
    let cut_off = guard::roll_back_cut_off(&git, &git_folder);
    if git.busy()? {
        return Err(SyncError::Busy(folder.to_path_buf()));
    }
    super::init::route_boards(&git).map_err(SyncError::Team)?;
    git.commit_as(None)?;
    let committed = commit_changes(&mut git, message)?;
    let left = uncommitted(&git)?;
    if !left.is_empty() {
        return Err(SyncError::Uncommitted {
            files: left,
            committed,
        });
    }
    let Some(url) = git.origin() else {
        return Err(SyncError::NoRemote { committed });
    };
    let mut tries = 0;
    loop {
        tries += 1;
        let incoming = take_in(&git, &git_folder, pull, &url, &committed)?;
        match send(&git) {
            Ok(pushed) => {
                return Ok(SyncReport {
                    committed,
                    incoming,
                    pushed,
                    url,
                    cut_off,
                });
            }
            // Someone sent theirs in between: take it in too, and send again.
            Err(GitError::Failed { error, .. })
                if refused_as_behind(&error) && tries < PUSH_TRIES =>
            {
                continue;
            }
            Err(GitError::Failed { error, .. }) => {
                return Err(if refused_as_behind(&error) || !unreachable(&error) {
                    SyncError::PushRefused {
                        url,
                        error,
                        committed,
                    }
                } else {
                    SyncError::Offline {
                        url,
                        error,
                        committed,
                    }
                });
            }
            Err(GitError::Missing) => return Err(GitError::Missing.into()),
        }
    }
}

/// Stages and commits every changed `.ron` file of the folder (boards and `team.ron`) and its
/// `.gitattributes` / `.gitignore`. A changed board that does not load is not committed: it
/// would reach every teammate.
fn commit_changes(
    git: &mut Git,
    message: &dyn Fn(Option<&str>, &[ChangedFile]) -> String,
) -> Result<Option<String>, SyncError> {
    // The folder's boards, tracked or new (deleted ones too: git still lists them as tracked).
    let listed = git.run(&[
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
        "--",
        ":(glob)*.ron",
        ".gitattributes",
        ".gitignore",
    ])?;
    let paths: Vec<String> = listed
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if paths.is_empty() {
        return Ok(None);
    }
    let mut add = vec!["add", "-A", "--"];
    add.extend(paths.iter().map(String::as_str));
    git.run(&add)?;
    // Only these files: whatever else the user staged is theirs to commit.
    let mut diff = vec![
        "diff",
        "--cached",
        "--no-renames",
        "--name-status",
        "-z",
        "--relative",
        "--",
    ];
    diff.extend(paths.iter().map(String::as_str));
    let staged = git.run(&diff)?;
    let mut fields = staged.split('\0').filter(|f| !f.is_empty());
    let mut changed = Vec::new();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        let name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let board = path.ends_with(".ron") && name.as_deref() != Some(TEAM_FILE);
        let mut file = ChangedFile {
            path: path.to_string(),
            before: None,
            after: None,
            board,
        };
        if board {
            if status != "A" {
                file.before = git
                    .run(&["show", &format!("HEAD:./{path}")])
                    .ok()
                    .and_then(|text| crate::store::parse(text.as_bytes()).ok());
            }
            if status != "D" {
                match Store::open(&git.folder().join(path)) {
                    Ok((_, board)) => file.after = Some(board),
                    Err(e) => {
                        // Left as it was: staged nothing.
                        let _ = git.run(&["reset", "-q"]);
                        return Err(SyncError::Unreadable(e));
                    }
                }
            }
        }
        changed.push(file);
    }
    if changed.is_empty() {
        return Ok(None);
    }
    git.commit_as(changed.iter().find_map(ChangedFile::owner))?;
    let text = message(git.committer().as_deref(), &changed);
    let paths: Vec<&str> = changed.iter().map(|f| f.path.as_str()).collect();
    git.commit(&text, &paths)?;
    Ok(Some(text.lines().next().unwrap_or_default().to_string()))
}

/// Fetches and takes the team's commits in; rolls back whatever git could not finish. Returns
/// what came in.
fn take_in(
    git: &Git,
    git_folder: &Path,
    pull: Pull,
    url: &str,
    committed: &Option<String>,
) -> Result<Vec<Incoming>, SyncError> {
    if let Err(GitError::Failed { error, .. }) = git.run(&["fetch", "-q", "origin"]) {
        return Err(SyncError::Offline {
            url: url.to_string(),
            error,
            committed: committed.clone(),
        });
    }
    let theirs = git.followed_branch()?;
    if !git.has_remote_branch(&theirs)? {
        return Ok(Vec::new());
    }
    let log = git.run(&[
        "log",
        "--reverse",
        "--format=%an%x1f%s%x1e",
        &format!("HEAD..{theirs}"),
    ])?;
    let incoming: Vec<Incoming> = log
        .split('\x1e')
        .filter_map(|entry| {
            let (author, subject) = entry.trim_start_matches('\n').split_once('\x1f')?;
            Some(Incoming {
                author: author.to_string(),
                subject: subject.to_string(),
            })
        })
        .collect();
    if incoming.is_empty() {
        return Ok(incoming);
    }
    let before = git.head();
    if let Some(before) = &before {
        guard::note_start(git_folder, before).map_err(|e| SyncError::RolledBack {
            error: e.to_string(),
            committed: committed.clone(),
        })?;
    }
    let taken = match pull {
        Pull::Rebase => git.run(&["rebase", "-q", &theirs]),
        Pull::Merge => git.run(&["merge", "-q", "--no-edit", &theirs]),
    };
    let failed = match taken {
        Err(GitError::Failed { error, .. }) => Some(error),
        Err(GitError::Missing) => return Err(GitError::Missing.into()),
        Ok(_) => unloadable_board(git).map(|e| e.to_string()),
    };
    if let (Some(_), Some(before)) = (&failed, &before) {
        guard::roll_back_to(git, before);
    }
    guard::note_end(git_folder);
    if let Some(error) = failed {
        return Err(SyncError::RolledBack {
            error,
            committed: committed.clone(),
        });
    }
    Ok(incoming)
}

/// The first board of the folder (or its team file) that does not load after taking changes
/// in, if any.
fn unloadable_board(git: &Git) -> Option<LoadError> {
    crate::store::board_files(&[git.folder().to_path_buf()])
        .iter()
        .find_map(|path| Store::open(path).err())
        .or_else(|| crate::store::read_team(git.folder()).err())
}

/// Tracked files with changes not committed, after the boards were committed.
fn uncommitted(git: &Git) -> Result<Vec<String>, GitError> {
    let status = git.run(&["status", "--porcelain", "-z", "--untracked-files=no"])?;
    Ok(status
        .split('\0')
        .filter(|entry| entry.len() > 3)
        .map(|entry| entry[3..].to_string())
        .collect())
}

/// Sends the commits the shared repository lacks; true when there were any.
fn send(git: &Git) -> Result<bool, GitError> {
    let branch = git.current_branch()?;
    let theirs = git.followed_branch()?;
    let ahead = if git.has_remote_branch(&theirs)? {
        git.run(&["rev-list", "--count", &format!("{theirs}..HEAD")])?
            .trim()
            .parse()
            .unwrap_or(0)
    } else {
        1
    };
    if ahead == 0 {
        return Ok(false);
    }
    git.run(&[
        "push",
        "-q",
        "-u",
        "origin",
        &format!("HEAD:refs/heads/{branch}"),
    ])?;
    Ok(true)
}

/// git refused a push because the shared repository has commits this one lacks.
fn refused_as_behind(error: &str) -> bool {
    ["fetch first", "non-fast-forward", "rejected"]
        .iter()
        .any(|words| error.contains(words))
}

/// git could not reach the shared repository at all.
fn unreachable(error: &str) -> bool {
    [
        "Could not read from remote",
        "does not appear to be a git repository",
        "unable to access",
        "Could not resolve host",
        "Connection refused",
        "timed out",
    ]
    .iter()
    .any(|words| error.contains(words))
}
