//! The board file's text: RON, pretty-printed the same way every time, so that the same board
//! always gives the same bytes and `git diff` shows only what changed.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use crate::model::Board;

/// Written at the top of every saved board.
const HEADER: &str = "// dealboard board file. Edit by hand only while dealboard is closed, then run \
`dealboard check`.\n// The format is described in the README (\"The board file\").\n";

pub fn to_text(board: &Board) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .depth_limit(4)
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(board, config)?;
    Ok(format!("{HEADER}{body}\n"))
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

pub fn from_text(text: &str) -> Result<Board, ron::error::SpannedError> {
    options().from_str(text)
}

/// Only the `version` field, read before the rest so that a file from a newer dealboard gets a
/// clear "too new" message rather than a confusing complaint about a field this build lacks.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

pub fn version_of(text: &str) -> Option<u32> {
    options()
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|p| p.version)
}
