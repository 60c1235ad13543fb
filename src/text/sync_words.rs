//! The words of sharing a team folder through git: a commit's message, said from what changed
//! on each board (`anna: moved #12 to Negotiation; won #7`), what came in from the team, and
//! why a sync stopped. The command line and the app say them alike.

use std::path::Path;

use crate::model::{Board, DealChange, changes_between};
use crate::store::git::{ChangedFile, GitError, Incoming, SyncError, TeamError};
use crate::store::{TEAM_FILE, board_name};
use crate::text::{excerpt, fill, t};

/// The most characters of a deal's title in a commit message.
const TITLE_CHARS: usize = 40;
/// The longest first line of a commit message, before "and N more changes".
const SUBJECT_CHARS: usize = 100;
/// The most changes a board's line in the commit message lists.
const MOST_LISTED: usize = 40;
/// The most commits listed as come in.
const MOST_INCOMING: usize = 20;

/// What came in, a line per commit grouped by who made it, the newest last.
pub fn incoming_lines(incoming: &[Incoming]) -> Vec<String> {
    let w = &t().team;
    if incoming.is_empty() {
        return vec![w.nothing_came_in.into()];
    }
    let mut lines = vec![t().count(&w.came_in, incoming.len())];
    let mut people: Vec<&str> = Vec::new();
    for commit in incoming {
        if !people.contains(&commit.author.as_str()) {
            people.push(&commit.author);
        }
    }
    let mut listed = 0;
    for person in people {
        for commit in incoming.iter().filter(|c| c.author == person) {
            if listed < MOST_INCOMING {
                lines.push(format!(
                    "  {}",
                    came_in_line(&commit.author, &commit.subject)
                ));
            }
            listed += 1;
        }
    }
    if listed > MOST_INCOMING {
        lines.push(format!(
            "  {}",
            t().count(&w.more_came_in, listed - MOST_INCOMING)
        ));
    }
    lines
}

/// A commit that came in: a subject that says who already (dealboard's own: `anna: won #7`)
/// as it is; others with their author in front.
fn came_in_line(author: &str, subject: &str) -> String {
    let subject = excerpt(subject, SUBJECT_CHARS + 20);
    if subject.contains(": ") {
        subject
    } else {
        fill(
            t().team.came_in_from,
            &[("who", &excerpt(author, 40)), ("what", &subject)],
        )
    }
}

/// The commit message: a first line of what changed, in words, and a line per file below it.
/// `by`: who commits (git's name for them), said before a board that is not theirs.
pub fn commit_message(by: Option<&str>, changed: &[ChangedFile]) -> String {
    let lines: Vec<(String, Vec<String>)> =
        changed.iter().map(|file| file_changes(file, by)).collect();
    let subject = subject_of(&lines);
    if lines.len() == 1 && lines[0].1.len() <= 1 {
        return subject + "\n";
    }
    let body: Vec<String> = lines
        .iter()
        .map(|(who, phrases)| format!("{who}: {}", listed(phrases, MOST_LISTED)))
        .collect();
    format!("{subject}\n\n{}\n", body.join("\n"))
}

/// Who a changed file is of, and its changes in words.
fn file_changes(file: &ChangedFile, by: Option<&str>) -> (String, Vec<String>) {
    let w = &t().team;
    let name = Path::new(&file.path);
    if !file.board {
        let what = if name.file_name().is_some_and(|n| n == TEAM_FILE) {
            w.team_file_changed.to_string()
        } else {
            excerpt(&file.path, TITLE_CHARS)
        };
        return ("team".into(), vec![what]);
    }
    let who = file
        .owner()
        .map_or_else(|| board_name(name), str::to_string);
    let mut who = excerpt(&who, TITLE_CHARS);
    if let Some(by) = by.filter(|by| !same_person(by, &who)) {
        who = fill(
            t().team.on_board,
            &[("who", &excerpt(by, TITLE_CHARS)), ("board", &who)],
        );
    }
    let phrases = match (&file.before, &file.after) {
        (_, None) => vec![w.board_removed.to_string()],
        (None, Some(after)) => vec![fill(
            w.new_board,
            &[(
                "deals",
                &t().count(&t().board.deal_count, after.deals.len()),
            )],
        )],
        (Some(before), Some(after)) => board_phrases(before, after),
    };
    (who, phrases)
}

/// Whether `by` (git's name for whoever commits: `Anna Petrova`) is `owner` (a board's owner:
/// `anna`), or is the system's user of that name.
fn same_person(by: &str, owner: &str) -> bool {
    let owner = owner.trim().to_lowercase();
    let by = by.trim().to_lowercase();
    let first = by.split_whitespace().next().unwrap_or_default();
    let login = std::env::var("USER").unwrap_or_default().to_lowercase();
    owner == by || owner == first || (!login.is_empty() && owner == login)
}

fn board_phrases(before: &Board, after: &Board) -> Vec<String> {
    let w = &t().team;
    let changes = changes_between(before, after);
    let mut phrases: Vec<String> = changes
        .deals
        .iter()
        .map(|(id, change)| {
            let id = &id.0;
            match change {
                DealChange::Added { title } => fill(
                    w.added,
                    &[("id", id), ("title", &excerpt(title, TITLE_CHARS))],
                ),
                DealChange::Moved { to } => {
                    let stage = after.stage(to).map_or(to.as_str(), |s| s.name.as_str());
                    fill(
                        w.moved,
                        &[("id", id), ("stage", &excerpt(stage, TITLE_CHARS))],
                    )
                }
                DealChange::Won => fill(w.won, &[("id", id)]),
                DealChange::Lost => fill(w.lost, &[("id", id)]),
                DealChange::Reopened => fill(w.reopened, &[("id", id)]),
                DealChange::Edited => fill(w.edited, &[("id", id)]),
                DealChange::Deleted => fill(w.deleted, &[("id", id)]),
            }
        })
        .collect();
    if changes.process {
        phrases.push(w.process_changed.into());
    }
    if changes.settings {
        phrases.push(w.settings_changed.into());
    }
    phrases
}

/// `anna: moved #12 to Negotiation; won #7 · boris: added #3 Acme`, cut to a first line's
/// length with how many more changes there are.
fn subject_of(lines: &[(String, Vec<String>)]) -> String {
    let mut subject = String::new();
    let total: usize = lines.iter().map(|(_, p)| p.len()).sum();
    let mut said = 0;
    for (who, phrases) in lines {
        let mut part = if subject.is_empty() {
            String::new()
        } else {
            " · ".to_string()
        };
        part.push_str(who);
        part.push_str(": ");
        for (i, phrase) in phrases.iter().enumerate() {
            let piece = if i == 0 {
                phrase.clone()
            } else {
                format!("; {phrase}")
            };
            let fits = subject.chars().count() + part.chars().count() + piece.chars().count()
                <= SUBJECT_CHARS;
            if !fits && said > 0 {
                return subject_with_more(subject, &part, total - said);
            }
            part.push_str(&piece);
            said += 1;
        }
        subject.push_str(&part);
    }
    subject
}

fn subject_with_more(mut subject: String, part: &str, more: usize) -> String {
    if !part.ends_with(": ") {
        subject.push_str(part);
    }
    subject.push(' ');
    subject.push_str(&t().count(&t().team.more_changes, more));
    subject
}

/// `phrases` joined, at most `most` of them and how many more.
fn listed(phrases: &[String], most: usize) -> String {
    let mut text = phrases
        .iter()
        .take(most)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if phrases.len() > most {
        text.push(' ');
        text.push_str(&t().count(&t().team.more_changes, phrases.len() - most));
    }
    text
}

pub fn git_words(error: &GitError, folder: &Path) -> String {
    let w = &t().team;
    match error {
        GitError::Missing => w.git_missing.into(),
        GitError::Failed { what, error } => fill(
            w.git_failed,
            &[
                ("what", what),
                ("folder", &folder.display()),
                ("error", error),
            ],
        ),
    }
}

pub fn team_failure(error: &TeamError, folder: &Path) -> String {
    match error {
        TeamError::Git(e) => git_words(e, folder),
        TeamError::NotAFolder(path) => fill(t().team.not_a_folder, &[("folder", &path.display())]),
        TeamError::Io { path, error } => format!("{}: {error}", path.display()),
        TeamError::Load(e) => e.to_string(),
        TeamError::Save(e) => e.to_string(),
    }
}

/// git's words without its `hint:` lines, which suggest commands for a state the sync has
/// already undone.
fn without_hints(said: &str) -> String {
    said.lines()
        .filter(|line| !line.trim_start().starts_with("hint:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the sync did first: an earlier sync cut off half-way was rolled back, and the boards
/// changed meanwhile kept beside themselves.
pub fn cut_off_lines(cut_off: &Option<Vec<std::path::PathBuf>>) -> Vec<String> {
    let w = &t().team;
    let Some(kept) = cut_off else {
        return Vec::new();
    };
    let mut lines = vec![w.cut_off.to_string()];
    if !kept.is_empty() {
        let copies: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
        lines.push(fill(w.cut_off_kept, &[("copies", &copies.join(", "))]));
    }
    lines
}

/// Why a sync stopped, and what it kept, in words.
pub fn sync_failure(error: &SyncError, folder: &Path) -> String {
    let w = &t().team;
    let kept = |committed: &Option<String>| match committed {
        Some(message) => format!(
            "\n{}\n{}",
            fill(w.committed, &[("message", message)]),
            w.commit_kept
        ),
        None => String::new(),
    };
    match error {
        SyncError::Team(e) => team_failure(e, folder),
        SyncError::NotARepository(path) => {
            fill(w.not_a_team_folder, &[("folder", &path.display())])
        }
        SyncError::Busy(path) => fill(w.git_busy, &[("folder", &path.display())]),
        SyncError::Locked(_) => fill(w.sync_under_way, &[("folder", &folder.display())]),
        SyncError::Uncommitted { files, committed } => format!(
            "{}{}",
            fill(w.uncommitted, &[("files", &listed(files, MOST_LISTED))]),
            kept(committed)
        ),
        SyncError::Unreadable(e) => e.to_string(),
        SyncError::NoRemote { committed } => format!("{}{}", w.no_remote, kept(committed)),
        SyncError::Offline {
            url,
            error,
            committed,
        } => {
            format!(
                "{}{}",
                fill(w.offline, &[("url", url), ("error", error)]),
                kept(committed)
            )
        }
        SyncError::RolledBack { error, committed } => {
            format!(
                "{}{}",
                fill(w.rolled_back, &[("error", &without_hints(error))]),
                kept(committed)
            )
        }
        SyncError::PushRefused {
            url,
            error,
            committed,
        } => format!(
            "{}{}",
            fill(w.push_refused, &[("url", url), ("error", error)]),
            kept(committed)
        ),
    }
}
