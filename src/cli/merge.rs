//! `dealboard merge BASE OURS THEIRS [PATH]`: git's merge driver for board files. The merged
//! board goes into OURS, as git asks; a side that cannot be read fails the command, so git
//! shows an ordinary conflict (which `dealboard check` then reports).

use std::path::Path;

use super::Failure;
use crate::interchange::merge_boards;
use crate::store::{self, Store};
use crate::text::{fill, load_error_in_a_line, t};

pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
) -> Result<String, Failure> {
    let named = path.unwrap_or(ours);
    // git names each side by a temporary file of its own: the message names the board.
    let read = |file: &Path, side: &'static str| {
        Store::at(file).read().map_err(|e| {
            let said = load_error_in_a_line(&e)
                .replace(&file.display().to_string(), &named.display().to_string());
            Failure(fill(side, &[("path", &named.display()), ("error", &said)]))
        })
    };
    let w = &t().team;
    // A board both sides added (git's base is then an empty file) merges from nothing.
    let base_board = if std::fs::metadata(base).is_ok_and(|m| m.len() == 0) {
        crate::model::Board::placeholder()
    } else {
        read(base, w.merge_base_unreadable)?
    };
    let our_board = read(ours, w.merge_side_unreadable)?;
    let their_board = read(theirs, w.merge_side_unreadable)?;
    let merged = merge_boards(&base_board, &our_board, &their_board).map_err(Failure)?;
    let text = store::board_text(&merged.board).map_err(Failure)?;
    store::write_atomically(ours, text.as_bytes())?;
    let deals = t().count(&t().board.deal_count, merged.board.deals.len());
    Ok(fill(
        t().cli.merged,
        &[
            ("path", &named.display()),
            ("deals", &deals),
            ("clashes", &merged.clashes),
        ],
    ))
}
