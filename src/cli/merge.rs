//! `dealboard merge BASE OURS THEIRS [PATH]`: git's merge driver for board files. The merged
//! board goes into OURS, as git asks; a side that cannot be read fails the command, so git
//! shows an ordinary conflict (which `dealboard check` then reports).

use std::path::Path;

use super::Failure;
use crate::interchange::merge_boards;
use crate::store::{self, Store};
use crate::text::{fill, t};

pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
) -> Result<String, Failure> {
    let read = |file: &Path| Store::at(file).read().map_err(Failure::from);
    let (base_board, our_board, their_board) = (read(base)?, read(ours)?, read(theirs)?);
    let merged = merge_boards(&base_board, &our_board, &their_board).map_err(Failure)?;
    let text = store::board_text(&merged.board).map_err(Failure)?;
    store::write_atomically(ours, text.as_bytes())?;
    let deals = t().count(&t().board.deal_count, merged.board.deals.len());
    Ok(fill(
        t().cli.merged,
        &[
            ("path", &path.unwrap_or(ours).display()),
            ("deals", &deals),
            ("clashes", &merged.clashes),
        ],
    ))
}
