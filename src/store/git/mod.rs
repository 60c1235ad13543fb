//! Sharing a team folder through git: the system's `git`, run as a child process in the
//! folder, never asking anything on the terminal. `team init` sets a folder up ([`init`]),
//! `sync` commits, takes the team's changes in with dealboard's merge and pushes ([`sync`]).

mod guard;
mod init;
mod state;
mod sync;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub use init::{InitDone, RemoteState, init_team};
pub use state::{Behind, sync_state};
pub use sync::{ChangedFile, Incoming, Pull, SyncError, SyncReport, sync_team};

use crate::store::{LoadError, SaveError};

/// The most of git's own words a message quotes: its last lines, where the reason is.
const MOST_ERROR_CHARS: usize = 600;

/// Whom commits are made as when neither git, the system nor the board names anybody.
const NOBODY: &str = "dealboard";

/// What went wrong running git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// No `git` on PATH.
    Missing,
    /// `git {what}` failed; `error` is the end of what it said.
    Failed { what: String, error: String },
}

/// Why a folder could not be made a team folder.
#[derive(Debug)]
pub enum TeamError {
    Git(GitError),
    NotAFolder(PathBuf),
    Io {
        path: PathBuf,
        error: String,
    },
    /// The team file there cannot be read.
    Load(LoadError),
    Save(SaveError),
}

impl TeamError {
    fn io(path: &Path, error: &std::io::Error) -> TeamError {
        TeamError::Io {
            path: path.to_path_buf(),
            error: error.to_string(),
        }
    }
}

impl From<GitError> for TeamError {
    fn from(error: GitError) -> TeamError {
        TeamError::Git(error)
    }
}

/// git in one folder.
pub struct Git {
    folder: PathBuf,
    /// Who commits (name, e-mail) where git's settings do not say: see [`Git::commit_as`].
    identity: Option<(String, String)>,
}

impl Git {
    pub fn in_folder(folder: &Path) -> Git {
        Git {
            folder: folder.to_path_buf(),
            identity: None,
        }
    }

    /// Where git does not know who is committing (no `user.name` or `user.email`: a fresh
    /// machine), commits this git makes (its own, and those a rebase or merge makes) are made
    /// as the system's user, else as `who` (the board's owner).
    pub fn commit_as(&mut self, who: Option<&str>) -> Result<(), GitError> {
        let known =
            self.succeeds(&["config", "user.name"])? && self.succeeds(&["config", "user.email"])?;
        if known {
            return Ok(());
        }
        let name = std::env::var("USER")
            .ok()
            .filter(|n| !n.trim().is_empty())
            .or_else(|| who.map(str::to_string))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| NOBODY.into());
        let mailbox: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || ".-_".contains(*c))
            .collect();
        let mailbox = if mailbox.is_empty() {
            "user".into()
        } else {
            mailbox
        };
        self.identity = Some((name, format!("{mailbox}@dealboard.invalid")));
        Ok(())
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Whether git can be run at all.
    pub fn available() -> bool {
        Command::new("git")
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Runs `git args` in the folder; its standard output when it succeeds.
    pub fn run(&self, args: &[&str]) -> Result<String, GitError> {
        self.run_with_input(args, None)
    }

    /// Runs `git args` with `input` on its standard input.
    pub fn run_with_input(&self, args: &[&str], input: Option<&str>) -> Result<String, GitError> {
        let output = self.command(args, input)?;
        if output.status.success() {
            return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
        }
        let mut said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        if said.is_empty() {
            said = String::from_utf8_lossy(&output.stdout).trim().to_string();
        }
        Err(GitError::Failed {
            what: args.join(" "),
            error: tail(&said, MOST_ERROR_CHARS),
        })
    }

    /// Runs `git args` only to learn whether it succeeds.
    pub fn succeeds(&self, args: &[&str]) -> Result<bool, GitError> {
        Ok(self.command(args, None)?.status.success())
    }

    fn command(
        &self,
        args: &[&str],
        input: Option<&str>,
    ) -> Result<std::process::Output, GitError> {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.folder)
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Never a question on the terminal (the app owns it): no password prompt, no
            // editor for a merge message, ssh without asking.
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_SEQUENCE_EDITOR", "true")
            // git's own words are read for a few answers: always in English.
            .env("LC_ALL", "C");
        if let Some((name, email)) = &self.identity {
            for who in ["AUTHOR", "COMMITTER"] {
                command.env(format!("GIT_{who}_NAME"), name);
                command.env(format!("GIT_{who}_EMAIL"), email);
            }
        }
        if std::env::var_os("GIT_SSH_COMMAND").is_none() {
            command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        let mut child = command.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Failed {
                what: args.join(" "),
                error: e.to_string(),
            },
        })?;
        if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
            use std::io::Write;
            let _ = stdin.write_all(input.as_bytes());
        }
        child.wait_with_output().map_err(|e| GitError::Failed {
            what: args.join(" "),
            error: e.to_string(),
        })
    }

    /// The top of the work tree the folder is in; `None` when it is in none.
    pub fn top(&self) -> Result<Option<PathBuf>, GitError> {
        match self.run(&["rev-parse", "--show-toplevel"]) {
            Ok(top) => Ok(Some(PathBuf::from(top.trim_end_matches('\n')))),
            Err(GitError::Missing) => Err(GitError::Missing),
            Err(GitError::Failed { .. }) => Ok(None),
        }
    }

    /// The URL of `origin`, when there is one.
    pub fn origin(&self) -> Option<String> {
        self.run(&["remote", "get-url", "origin"])
            .ok()
            .map(|url| url.trim().to_string())
            .filter(|url| !url.is_empty())
    }

    /// Who commits here: git's `user.name`, else whom [`Git::commit_as`] chose; `None` when
    /// nobody is known.
    pub fn committer(&self) -> Option<String> {
        self.identity
            .as_ref()
            .map(|(name, _)| name.clone())
            .filter(|name| name != NOBODY)
            .or_else(|| {
                self.run(&["config", "user.name"])
                    .ok()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
            })
    }

    /// Commits `paths` (named from the folder) with `message`.
    pub fn commit(&self, message: &str, paths: &[&str]) -> Result<(), GitError> {
        let mut args = vec!["commit", "-q", "--no-edit", "-F", "-", "--"];
        args.extend(paths);
        self.run_with_input(&args, Some(message)).map(|_| ())
    }

    /// Registers dealboard's merge for board files in this repository's own settings (they are
    /// not shared by a clone: each copy registers it), as this program, so that a moved or
    /// rebuilt dealboard is found again at the next sync. Returns the driver's command line.
    /// A program that is not dealboard itself (a test running the library) registers nothing
    /// and is told what is registered.
    pub fn register_driver(&self) -> Result<String, GitError> {
        let now = self
            .run(&["config", "--local", "--get", "merge.dealboard.driver"])
            .map(|d| d.trim().to_string());
        let Some(exe) = std::env::current_exe()
            .ok()
            .filter(|exe| exe.file_stem().is_some_and(|name| name == "dealboard"))
        else {
            return Ok(now.unwrap_or_default());
        };
        let driver = format!("{} merge %O %A %B %P", shell_quoted(&exe.to_string_lossy()));
        if now.as_ref() != Ok(&driver) {
            self.run(&[
                "config",
                "--local",
                "merge.dealboard.name",
                "dealboard: boards merged deal by deal",
            ])?;
            self.run(&["config", "--local", "merge.dealboard.driver", &driver])?;
        }
        Ok(driver)
    }
}

/// `text` in single quotes for the shell git runs a driver with.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The last `most` characters of `text`, whole lines where it can.
fn tail(text: &str, most: usize) -> String {
    let count = text.chars().count();
    if count <= most {
        return text.to_string();
    }
    let cut: String = text.chars().skip(count - most).collect();
    match cut.split_once('\n') {
        Some((_, rest)) if !rest.is_empty() => format!("…\n{rest}"),
        _ => format!("…{cut}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_for_the_shell_whatever_it_holds() {
        assert_eq!(shell_quoted("/usr/bin/dealboard"), "'/usr/bin/dealboard'");
        assert_eq!(shell_quoted("/o'brien/x"), r"'/o'\''brien/x'");
    }

    #[test]
    fn only_the_end_of_a_long_error_is_kept() {
        let long = format!("{}\nthe reason", "noise ".repeat(200));
        let kept = tail(&long, 40);
        assert!(
            kept.ends_with("the reason") && kept.chars().count() <= 45,
            "{kept}"
        );
    }
}
