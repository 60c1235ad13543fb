//! `team.ron`, a team folder's own settings beside its boards: for now its name and the
//! exchange rates reports over the folder convert with. Written atomically, like a board.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
use crate::model::Rates;

/// The file's name in a team folder.
pub const TEAM_FILE: &str = "team.ron";
/// The team file format this build writes, and the newest it reads.
pub const TEAM_VERSION: u32 = 1;

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
}

/// Where `folder`'s team file is (or would be).
pub fn team_file(folder: &Path) -> PathBuf {
    folder.join(TEAM_FILE)
}

/// The team file in `folder`; `None` when there is none.
pub fn read_team(folder: &Path) -> Result<Option<Team>, LoadError> {
    let path = team_file(folder);
    let fail = |kind| LoadError {
        path: path.clone(),
        kind,
        backup: None,
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) if bytes.len() as u64 > super::MAX_FILE_BYTES => {
            return Err(fail(LoadErrorKind::TooLarge));
        }
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = 1 + valid.iter().filter(|b| **b == b'\n').count();
            fail(LoadErrorKind::NotUtf8 { line })
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(fail(LoadErrorKind::Unreadable(super::io_message(&e)))),
    };
    match super::format::options().from_str::<Team>(&text) {
        Ok(team) if team.version > TEAM_VERSION => Err(fail(LoadErrorKind::TooNew {
            found: team.version,
        })),
        Ok(team) => Ok(Some(team)),
        Err(_) if !super::load::conflict_marker_lines(&text).is_empty() => {
            let lines = super::load::conflict_marker_lines(&text);
            Err(fail(LoadErrorKind::ConflictMarkers { lines }))
        }
        Err(e) => Err(fail(LoadErrorKind::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })),
    }
}

/// Writes `team` as `folder`'s team file, atomically.
pub fn save_team(folder: &Path, team: &Team) -> Result<(), SaveError> {
    let path = team_file(folder);
    let config = PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(team, config).map_err(|e| SaveError {
        path: path.clone(),
        kind: SaveErrorKind::Io(e.to_string()),
    })?;
    let text = format!("// dealboard team settings: `dealboard rates` keeps the rates.\n{body}\n");
    super::write_atomically(&path, text.as_bytes())
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
        let team = Team {
            version: TEAM_VERSION,
            name: "North".into(),
            rates: Some(rates),
        };
        save_team(folder.path(), &team).unwrap();
        assert_eq!(read_team(folder.path()).unwrap(), Some(team));
        let text = std::fs::read_to_string(team_file(folder.path())).unwrap();
        std::fs::write(team_file(folder.path()), text.replace("\"1.08\"", "\"-1\"")).unwrap();
        let error = read_team(folder.path()).unwrap_err();
        assert!(
            matches!(error.kind, LoadErrorKind::Syntax { line, .. } if line > 1),
            "{error:?}"
        );
    }
}
