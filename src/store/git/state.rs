//! Where a repository stands: the branch it is on, the team's branch it follows, whether git is
//! in the middle of something, and how far it is from the shared repository (the app's status
//! bar).

use std::path::{Path, PathBuf};

use super::{Git, GitError};

/// How far the team folder is from the shared repository, as last fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Behind {
    /// Commits here not yet sent, and one more when boards changed since the last commit.
    pub ahead: usize,
    /// Commits of the team not yet taken in.
    pub behind: usize,
}

/// Ahead and behind of the shared repository, after fetching from it when `fetch` (offline:
/// as last fetched); `None` when `folder` is not in a repository with a shared one.
pub fn sync_state(folder: &Path, fetch: bool) -> Option<Behind> {
    let git = Git::in_folder(folder);
    git.top().ok()??;
    git.origin()?;
    if fetch {
        // Offline: the counts as last fetched.
        let _ = git.run(&["fetch", "-q", "origin"]);
    }
    let changed = git
        .run(&["status", "--porcelain", "--", ":(glob)*.ron"])
        .ok()
        .is_some_and(|status| !status.trim().is_empty());
    let theirs = git.followed_branch().ok()?;
    let (ahead, behind) = if git.has_remote_branch(&theirs).ok()? {
        let counts = git
            .run(&[
                "rev-list",
                "--left-right",
                "--count",
                &format!("HEAD...{theirs}"),
            ])
            .ok()?;
        let mut numbers = counts.split_whitespace().map(|n| n.parse().unwrap_or(0));
        (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
    } else {
        let all = git
            .run(&["rev-list", "--count", "HEAD"])
            .unwrap_or_default();
        (all.trim().parse().unwrap_or(0), 0)
    };
    Some(Behind {
        ahead: ahead + usize::from(changed),
        behind,
    })
}

impl Git {
    /// A path inside the repository's git folder (`rebase-merge`, `info/attributes`), as
    /// reached from the folder.
    pub(super) fn git_path(&self, name: &str) -> Result<PathBuf, GitError> {
        let path = self.run(&["rev-parse", "--git-path", name])?;
        Ok(self.folder().join(path.trim_end_matches('\n')))
    }

    /// A rebase, merge, cherry-pick or revert under way in the repository.
    pub(super) fn busy(&self) -> Result<bool, GitError> {
        for name in [
            "rebase-merge",
            "rebase-apply",
            "MERGE_HEAD",
            "CHERRY_PICK_HEAD",
            "REVERT_HEAD",
        ] {
            if self.git_path(name)?.exists() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The commit checked out, when there is one.
    pub(super) fn head(&self) -> Option<String> {
        self.run(&["rev-parse", "HEAD"])
            .ok()
            .map(|h| h.trim().to_string())
    }

    pub(super) fn current_branch(&self) -> Result<String, GitError> {
        Ok(self
            .run(&["symbolic-ref", "--short", "HEAD"])?
            .trim()
            .to_string())
    }

    /// `origin/<the branch checked out>`: the team's branch this one takes in and sends to.
    pub(super) fn followed_branch(&self) -> Result<String, GitError> {
        Ok(format!("origin/{}", self.current_branch()?))
    }

    /// Whether the shared repository's `name` (`origin/main`) is known here (as last fetched).
    pub(super) fn has_remote_branch(&self, name: &str) -> Result<bool, GitError> {
        self.succeeds(&[
            "rev-parse",
            "-q",
            "--verify",
            &format!("refs/remotes/{name}"),
        ])
    }

    /// The branch of the shared repository to follow: its default one, else `main` or
    /// `master`, else any; `None` when it has none yet. Fetch first.
    pub(super) fn remote_branch(&self) -> Result<Option<String>, GitError> {
        let listed = self
            .run(&["ls-remote", "--symref", "origin", "HEAD"])
            .unwrap_or_default();
        let default = listed.lines().find_map(|line| {
            line.strip_prefix("ref: refs/heads/")
                .and_then(|rest| rest.split('\t').next())
                .map(str::to_string)
        });
        let known = self.run(&[
            "for-each-ref",
            "--format=%(refname:strip=3)",
            "refs/remotes/origin",
        ])?;
        let known: Vec<&str> = known.lines().filter(|b| *b != "HEAD").collect();
        Ok(default
            .filter(|b| known.contains(&b.as_str()))
            .or_else(|| {
                ["main", "master"]
                    .into_iter()
                    .find(|b| known.contains(b))
                    .map(str::to_string)
            })
            .or_else(|| known.first().map(|b| b.to_string())))
    }
}
