//! `dealboard team init` and `dealboard sync`: a team folder shared through git, and the words
//! of what was done, committed and taken in.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Failure;
use crate::store::git::{InitDone, Pull, RemoteState, SyncReport, init_team, sync_team};
use crate::text::sync_words::{
    commit_message, cut_off_lines, incoming_lines, sync_failure, team_failure,
};
use crate::text::{fill, t};

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    #[command(about = t().team.team_init_about)]
    Init(TeamInitArgs),
}

#[derive(Args, Debug)]
pub struct TeamInitArgs {
    #[arg(value_name = "DIR", help = t().team.arg_team_dir)]
    pub dir: Option<PathBuf>,
    #[arg(long, value_name = "URL", help = t().team.arg_remote)]
    pub remote: Option<String>,
    #[arg(long, value_name = "NAME", help = t().team.arg_team_name)]
    pub name: Option<String>,
}

#[derive(Args, Debug)]
pub struct SyncArgs {
    #[arg(value_name = "DIR", help = t().team.arg_sync_dir)]
    pub dir: Option<PathBuf>,
    #[arg(long, help = t().team.arg_sync_merge)]
    pub merge: bool,
}

/// The folder a team command is about: the one named, else the board's.
fn folder(named: Option<&Path>, board: &Path) -> PathBuf {
    named
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::store::folder_of(board))
}

pub fn team(command: &TeamCommand, board: &Path) -> Result<String, Failure> {
    match command {
        TeamCommand::Init(args) => {
            let folder = folder(args.dir.as_deref(), board);
            let done = init_team(&folder, args.remote.as_deref(), args.name.as_deref())
                .map_err(|e| Failure(team_failure(&e, &folder)))?;
            Ok(init_words(&done))
        }
    }
}

fn init_words(done: &InitDone) -> String {
    let w = &t().team;
    let folder = done.folder.display();
    let mut lines = vec![match (&done.inside, done.made_repository) {
        (_, true) => fill(w.made_repository, &[("folder", &folder)]),
        (Some(top), false) => fill(
            w.inside_repository,
            &[("folder", &folder), ("top", &top.display())],
        ),
        (None, false) => fill(w.was_repository, &[("folder", &folder)]),
    }];
    lines.push(
        if done.attributes_written {
            w.attributes_written
        } else {
            w.attributes_kept
        }
        .into(),
    );
    lines.push(fill(w.driver_registered, &[("command", &done.driver)]));
    lines.push(
        if done.ignore_written {
            w.ignore_written
        } else {
            w.ignore_kept
        }
        .into(),
    );
    let team = if done.team_written {
        w.team_file_written
    } else {
        w.team_file_kept
    };
    lines.push(fill(team, &[("name", &done.team_name)]));
    match &done.remote {
        RemoteState::None => {}
        RemoteState::Set(url) => lines.push(fill(w.remote_set, &[("url", url)])),
        RemoteState::Kept(url) => lines.push(fill(w.remote_kept, &[("url", url)])),
        RemoteState::Differs { old, named } => {
            lines.push(fill(w.remote_differs, &[("old", old), ("url", named)]));
        }
    }
    if done.committed {
        lines.push(w.first_commit.into());
    }
    lines.push(String::new());
    lines.push(w.team_init_next.into());
    lines.join("\n") + "\n"
}

/// Syncs the team folder; what came in is listed per person. A sync that could not share
/// (offline, refused, rolled back) fails, saying what was kept.
pub fn sync(args: &SyncArgs, board: &Path) -> Result<String, Failure> {
    let folder = folder(args.dir.as_deref(), board);
    let pull = if args.merge {
        Pull::Merge
    } else {
        Pull::Rebase
    };
    match sync_team(&folder, pull, &commit_message) {
        Ok(report) => Ok(sync_words(&report)),
        Err(e) => Err(Failure(sync_failure(&e, &folder))),
    }
}

fn sync_words(report: &SyncReport) -> String {
    let w = &t().team;
    let mut lines = cut_off_lines(&report.cut_off);
    lines.push(match &report.committed {
        Some(message) => fill(w.committed, &[("message", message)]),
        None => w.nothing_to_commit.into(),
    });
    lines.extend(incoming_lines(&report.incoming));
    lines.push(if report.pushed {
        fill(w.pushed, &[("url", &report.url)])
    } else {
        fill(w.up_to_date, &[("url", &report.url)])
    });
    lines.join("\n") + "\n"
}
