//! Stages found by id quickly: for what looks up a stage for each of a hundred thousand deals
//! and their histories (the report, the board's columns).

use crate::model::{Board, StageId};

/// Where each of the board's stages is, by id, for looking up a stage for every deal and
/// history entry of a hundred thousand deals: ids are told apart by their length and first
/// eight bytes, and compared whole only when those match (hashing or comparing every id as a
/// string cost a third of the report).
pub(super) struct StageIndex<'a>(Vec<(usize, u64, &'a str)>);

impl<'a> StageIndex<'a> {
    pub(super) fn of(board: &'a Board) -> StageIndex<'a> {
        let ids = board.stages.iter().map(|s| {
            let id = s.id.as_str();
            (id.len(), head(id), id)
        });
        StageIndex(ids.collect())
    }

    /// The first stage with `id`, as [`Board::stage_index`] finds it.
    pub(super) fn get(&self, id: &StageId) -> Option<usize> {
        let id = id.as_str();
        let (len, head) = (id.len(), head(id));
        self.0
            .iter()
            .position(|(l, h, whole)| *l == len && *h == head && (len <= 8 || *whole == id))
    }
}

/// The first eight bytes of `text`, padded with zeros.
fn head(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = text.len().min(8);
    bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
    u64::from_le_bytes(bytes)
}
