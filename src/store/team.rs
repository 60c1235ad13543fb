//! `team.ron`, a team folder's own settings beside its boards: for now its name and the
//! exchange rates reports over the folder convert with. Written atomically, like a board.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use super::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
use crate::model::{Problem, Rates, Stage, StageId, limits};

/// The file's name in a team folder.
pub const TEAM_FILE: &str = "team.ron";
/// The team file format this build writes, and the newest it reads (3: the team's process
/// and a pilot).
pub const TEAM_VERSION: u32 = 3;

/// What a team folder's `team.ron` holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub version: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Rates for `stats` and `review` over the folder, in place of the boards' own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<Rates>,
    /// The app syncs the folder by itself every so many minutes (format 2); never when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_every_minutes: Option<u32>,
    /// The team's process (format 3): `dealboard process apply` puts it on every board, and a
    /// pilot abandoned puts its boards back on it. Empty: none kept yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process: Vec<Stage>,
    /// Another process tried on some boards while the others keep the team's (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<Pilot>,
}

/// A pilot: which boards (by file name) are on which process, since when, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pilot {
    pub boards: Vec<String>,
    pub since: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    pub stages: Vec<Stage>,
}

impl Team {
    /// The team's texts a terminal would show that break the rules of [`limits`]: the stages'
    /// names and criteria, the pilot's boards and reason.
    fn text_problems(&self) -> Vec<Problem> {
        let pilot = self.pilot.iter().flat_map(|p| {
            let stages = p.stages.iter().map(|s| ("pilot", s));
            let texts = p.boards.iter().chain([&p.reason]);
            texts
                .map(|t| ("pilot", None, t.as_str()))
                .chain(stages.flat_map(stage_texts))
                .collect::<Vec<_>>()
        });
        let process = self
            .process
            .iter()
            .flat_map(|s| stage_texts(("process", s)));
        process
            .chain(pilot)
            .filter_map(|(field, stage, text)| {
                let problem = limits::check_line(text).err()?;
                Some(Problem::BoardText {
                    field,
                    stage,
                    problem,
                })
            })
            .collect()
    }
}

/// A stage's texts: its name and exit criteria.
fn stage_texts<'a>(
    (field, stage): (&'static str, &'a Stage),
) -> impl Iterator<Item = (&'static str, Option<StageId>, &'a str)> + 'a {
    std::iter::once(stage.name.as_str())
        .chain(stage.checklist.iter().map(String::as_str))
        .map(move |text| (field, Some(stage.id.clone()), text))
}

/// Where `folder`'s team file is (or would be).
pub fn team_file(folder: &Path) -> PathBuf {
    folder.join(TEAM_FILE)
}

/// The team file in `folder`; `None` when there is none. Read as a board is: never waiting on
/// something that is not a regular file, never more than a board's size.
pub fn read_team(folder: &Path) -> Result<Option<Team>, LoadError> {
    let path = team_file(folder);
    let fail = |kind| LoadError {
        path: path.clone(),
        kind,
        backup: None,
    };
    let (file, meta) = match super::load::open_bounded(&path) {
        Ok(opened) => opened,
        Err(LoadErrorKind::Missing) => return Ok(None),
        Err(kind) => return Err(fail(kind)),
    };
    let bytes = super::load::read_whole(file, meta.len()).map_err(fail)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|b| **b == b'\n').count();
        fail(LoadErrorKind::NotUtf8 { line })
    })?;
    // The version first: a newer file may have fields this build does not know.
    if let Some(found) = super::format::version_of(&text).filter(|v| *v > TEAM_VERSION) {
        return Err(fail(LoadErrorKind::TooNew { found }));
    }
    match super::format::options().from_str::<Team>(&text) {
        Ok(team) => {
            let problems = team.text_problems();
            if problems.is_empty() {
                return Ok(Some(team));
            }
            // The line of the first text after the field's start that holds a character a
            // terminal would act on, raw or written as an escape.
            let line_of = |problem: &Problem| {
                let field = match problem {
                    Problem::BoardText { field, .. } => *field,
                    _ => "",
                };
                let key = format!("{field}:");
                let start = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(&key))?;
                let bad = |l: &str| {
                    l.contains("\\u{")
                        || l.contains("\\x")
                        || l.chars()
                            .any(|c| c.is_control() || limits::is_bidi_control(c))
                };
                let found = text.lines().skip(start).position(bad).map(|i| start + i);
                Some(found.unwrap_or(start) + 1)
            };
            let lines = problems.into_iter().map(|p| {
                let line = line_of(&p);
                (p, line)
            });
            Err(fail(LoadErrorKind::Invalid(lines.collect())))
        }
        Err(e) => {
            let lines = super::load::conflict_marker_lines(&text);
            Err(fail(if lines.is_empty() {
                LoadErrorKind::Syntax {
                    line: e.span.start.line,
                    column: e.span.start.col,
                    message: e.code.to_string(),
                }
            } else {
                LoadErrorKind::ConflictMarkers { lines }
            }))
        }
    }
}

/// The team folder a report over `named` (board files and folders) is about: the first folder
/// named, or holding a board named, that has a team file.
pub fn team_folder(named: &[PathBuf]) -> Option<PathBuf> {
    named.iter().find_map(|path| {
        if path.is_dir() && team_file(path).is_file() {
            Some(path.clone())
        } else {
            team_folder_of(path)
        }
    })
}

/// The folder of the board at `board` when it is a team folder (it holds a team file).
pub fn team_folder_of(board: &Path) -> Option<PathBuf> {
    let folder = board.parent().filter(|f| !f.as_os_str().is_empty())?;
    team_file(folder).is_file().then(|| folder.to_path_buf())
}

/// The folder a review over `named` follows a team file in, whether or not it has one yet:
/// [`team_folder`], else the first folder named or holding a board named.
pub fn folder_to_follow(named: &[PathBuf]) -> Option<PathBuf> {
    team_folder(named).or_else(|| {
        named.iter().find_map(|path| {
            if path.is_dir() {
                Some(path.clone())
            } else {
                path.parent()
                    .filter(|f| !f.as_os_str().is_empty())
                    .map(Path::to_path_buf)
            }
        })
    })
}

/// The team file's time and length, to see whether it changed; `None` when it is not there.
pub fn team_file_stamp(folder: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(team_file(folder)).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Writes `team` as `folder`'s team file, atomically, in this build's format. A file of an
/// older format is first kept byte for byte as `team.ron.v<N>.1`; with `keep`, any earlier
/// file is kept as `team.ron.bak.<N>` (a change that can be taken back), and its path returned.
pub fn save_team(folder: &Path, team: &Team, keep: bool) -> Result<Option<PathBuf>, SaveError> {
    let path = team_file(folder);
    let mut kept = None;
    if let Ok(old) = std::fs::read_to_string(&path) {
        if let Some(version) = super::format::version_of(&old).filter(|v| *v < TEAM_VERSION) {
            super::keep_beside(&path, &format!("v{version}"), old.as_bytes())?;
        }
        if keep {
            kept = Some(super::keep_beside(&path, "bak", old.as_bytes())?);
        }
    }
    let team = &Team {
        version: TEAM_VERSION,
        ..team.clone()
    };
    let config = PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(team, config).map_err(|e| SaveError {
        path: path.clone(),
        kind: SaveErrorKind::Io(e.to_string()),
    })?;
    let text = format!(
        "// dealboard team settings: `dealboard rates` keeps the rates; `sync_every_minutes: 15`\n\
         // makes the app sync the folder through git every 15 minutes; `dealboard process` keeps\n\
         // the team's process and its pilot.\n{body}\n"
    );
    super::write_atomically(&path, text.as_bytes())?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, PerUnit};
    use chrono::NaiveDate;

    #[test]
    fn a_team_file_is_read_back_as_written_and_a_bad_one_placed() {
        let folder = tempfile::tempdir().unwrap();
        assert_eq!(read_team(folder.path()).unwrap(), None);
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut rates = Rates::new(Currency::parse("USD").unwrap(), day);
        rates
            .set(Currency::EUR, PerUnit::parse("1.08").unwrap(), day)
            .unwrap();
        let stages = crate::store::default_board().unwrap().stages;
        let team = Team {
            version: TEAM_VERSION,
            name: "North".into(),
            rates: Some(rates),
            sync_every_minutes: Some(15),
            process: stages.clone(),
            pilot: Some(Pilot {
                boards: vec!["anna.ron".into()],
                since: "2026-11-02T09:00:00Z".parse().unwrap(),
                reason: "Shorter qualification".into(),
                stages: stages[1..].to_vec(),
            }),
        };
        assert_eq!(save_team(folder.path(), &team, true).unwrap(), None);
        assert_eq!(read_team(folder.path()).unwrap(), Some(team.clone()));
        // A second save keeps the first as a copy to go back to.
        let kept = save_team(folder.path(), &team, true).unwrap().unwrap();
        assert!(kept.ends_with("team.ron.bak.1"), "{kept:?}");
        // Text a terminal would show is held to the board's rules: a control character in
        // the pilot's reason is refused, on its line.
        let text = std::fs::read_to_string(team_file(folder.path())).unwrap();
        let hostile = text.replace("Shorter qualification", "Shorter\\u{1b}[2J");
        std::fs::write(team_file(folder.path()), &hostile).unwrap();
        let error = read_team(folder.path()).unwrap_err();
        let bad_line = hostile.lines().position(|l| l.contains("Shorter"));
        assert!(
            matches!(&error.kind, LoadErrorKind::Invalid(p) if p[0].1 == bad_line.map(|l| l + 1)),
            "{error:?}"
        );
        std::fs::write(team_file(folder.path()), &text).unwrap();
        let text = std::fs::read_to_string(team_file(folder.path())).unwrap();
        std::fs::write(team_file(folder.path()), text.replace("\"1.08\"", "\"-1\"")).unwrap();
        let error = read_team(folder.path()).unwrap_err();
        assert!(
            matches!(error.kind, LoadErrorKind::Syntax { line, .. } if line > 1),
            "{error:?}"
        );
    }

    #[test]
    fn a_team_file_of_the_first_format_is_read_and_kept_before_it_is_written_anew() {
        let folder = tempfile::tempdir().unwrap();
        let old = "(version: 1, name: \"North\")\n";
        std::fs::write(team_file(folder.path()), old).unwrap();
        let team = read_team(folder.path()).unwrap().unwrap();
        assert_eq!(
            (team.name.as_str(), team.sync_every_minutes),
            ("North", None)
        );
        save_team(folder.path(), &team, false).unwrap();
        let kept = folder.path().join("team.ron.v1.1");
        assert_eq!(std::fs::read_to_string(kept).unwrap(), old);
        let now = read_team(folder.path()).unwrap().unwrap();
        assert_eq!(now.version, TEAM_VERSION);
        assert_eq!(now.name, "North");
    }
}
