//! Putting what an import read onto a board: each deal added, or updating the deal it came
//! from, so importing the same export twice changes nothing the second time.

use std::collections::HashMap;

use super::import::{Carried, IncomingDeal, ParsedImport, RowProblem};
use crate::model::input::InputError;
use crate::model::{Board, Deal, DealId, ImportKeys, Imported, Referral, copy_fields};

/// One row's deal and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub line: u64,
    pub id: DealId,
    pub title: String,
}

/// What an import did (or, on a copy of the board, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: Vec<Merged>,
    pub updated: Vec<Merged>,
    pub unchanged: Vec<Merged>,
    /// Deals changed on the board since the file was written: kept as they are here.
    pub kept: Vec<Merged>,
    /// Rows that could not be read or put on the board, in file order.
    pub problems: Vec<RowProblem>,
}

/// Merges the deals read into `board`. Rows the board refuses join the problems; the rest are
/// applied, so call this on a copy when nothing may change unless every row is good.
pub fn merge(board: &mut Board, parsed: &ParsedImport) -> ImportReport {
    let mut report = ImportReport {
        problems: parsed.problems.clone(),
        ..ImportReport::default()
    };
    // Our own export's ids, as they are on this board now, for referrals between its rows.
    let mut new_ids: HashMap<DealId, DealId> = HashMap::new();
    // (deal, the id in the file of the deal that referred it, whether the row is a deal of
    // this very board, exported and read back).
    let mut refers: Vec<(DealId, DealId, bool)> = Vec::new();
    // The deals as they were, to tell at the end which ones the import really changed (a
    // referral is taken off while the rows go in, and put back once every id is known).
    let mut before: HashMap<DealId, Deal> = HashMap::new();
    // Our own export's rows go in id order, so that into a board that never used those ids they
    // keep them (an export in board order lists them mixed).
    let mut rows: Vec<&IncomingDeal> = parsed.deals.iter().collect();
    rows.sort_by_key(|row| (row.own_id.is_none(), row.own_id, row.line));
    let mut keys = ImportKeys::of(board);
    for row in rows {
        let (mut deal, referrer) = without_referral(row);
        deal.id = DealId(0);
        let existing = board.find_imported(&keys, &row.key, row.own_id, deal.created);
        let title = deal.title.clone();
        if let Some(old) = existing.and_then(|id| board.deal(id)) {
            before.insert(old.id, old.clone());
            if old.updated > deal.updated {
                report.kept.push(Merged {
                    line: row.line,
                    id: old.id,
                    title,
                });
                continue;
            }
            match newer_version(old, &deal, &parsed.carried) {
                Ok(newer) => deal = newer,
                Err(e) => {
                    report.problems.push(RowProblem {
                        line: row.line,
                        reason: e.to_string(),
                    });
                    continue;
                }
            }
        }
        match board.put_imported(deal, row.own_id, existing) {
            Ok(done) => {
                let (id, list) = match done {
                    Imported::Added(id) => (id, &mut report.added),
                    Imported::Updated(id) => (id, &mut report.updated),
                    Imported::Unchanged(id) => (id, &mut report.unchanged),
                };
                list.push(Merged {
                    line: row.line,
                    id,
                    title,
                });
                if let Some(own) = row.own_id {
                    new_ids.insert(own, id);
                    if matches!(done, Imported::Added(_)) && own != id {
                        board.remember_import_key(id, &row.key);
                    }
                }
                if let Some(deal) = board.deal(id) {
                    keys.note(&deal.external_id, id);
                }
                if let Some(by) = referrer {
                    let same_board = existing.is_some() && existing == row.own_id;
                    refers.push((id, by, same_board));
                }
            }
            Err(e) => report.problems.push(RowProblem {
                line: row.line,
                reason: e.to_string(),
            }),
        }
    }
    // A referrer is found through the file's own rows; only a deal exported from this board
    // may also name one of its deals the file leaves out. Anything else is kept as `#N`.
    for (id, by, same_board) in refers {
        let referral = match new_ids.get(&by) {
            Some(now) => Referral::Deal(*now),
            None if same_board => Referral::Deal(by),
            None => Referral::Person(format!("#{by}")),
        };
        board.link_imported_referral(id, referral);
    }
    let (changed, same): (Vec<Merged>, Vec<Merged>) = std::mem::take(&mut report.updated)
        .into_iter()
        .partition(|m| before.get(&m.id) != board.deal(m.id));
    report.updated = changed;
    report.unchanged.extend(same);
    for list in [
        &mut report.added,
        &mut report.updated,
        &mut report.unchanged,
        &mut report.kept,
    ] {
        list.sort_by_key(|m| m.line);
    }
    let added: Vec<DealId> = report.added.iter().map(|m| m.id).collect();
    board.stack_imported(&added);
    report.problems.sort_by_key(|p| p.line);
    report
}

/// The row's deal without a referral to another deal (set once every row is in, when the
/// referring deal's id on this board is known), and that deal's id in the file.
fn without_referral(row: &IncomingDeal) -> (crate::model::Deal, Option<DealId>) {
    let mut deal = row.deal.clone();
    match deal.referred_by {
        Some(Referral::Deal(by)) => {
            deal.referred_by = None;
            (deal, Some(by))
        }
        _ => (deal, None),
    }
}

/// The board's deal as the file has it now: the fields and states the file has columns for are
/// taken from it; the rest (notes typed here, say, when the file has no notes) stay.
fn newer_version(old: &Deal, incoming: &Deal, carried: &Carried) -> Result<Deal, InputError> {
    let mut new = old.clone();
    copy_fields(&mut new, incoming, &carried.fields)?;
    if carried.stage {
        new.stage = incoming.stage.clone();
        new.history = incoming.history.clone();
    }
    if carried.status {
        new.status = incoming.status.clone();
    }
    new.external_id = incoming.external_id.clone();
    new.updated = incoming.updated;
    Ok(new)
}
