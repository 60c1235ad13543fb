//! Putting what an import read onto a board: each deal added, or updating the deal it came
//! from, so importing the same export twice changes nothing the second time.

use std::collections::HashMap;

use super::import::{IncomingDeal, ParsedImport, RowProblem};
use crate::model::{Board, Deal, DealId, Imported, Referral};

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
    let mut refers: Vec<(DealId, DealId)> = Vec::new();
    // The deals as they were, to tell at the end which ones the import really changed (a
    // referral is taken off while the rows go in, and put back once every id is known).
    let mut before: HashMap<DealId, Deal> = HashMap::new();
    // Our own export's rows go in id order, so that into a board that never used those ids they
    // keep them (an export in board order lists them mixed).
    let mut rows: Vec<&IncomingDeal> = parsed.deals.iter().collect();
    rows.sort_by_key(|row| (row.own_id.is_none(), row.own_id, row.line));
    for row in rows {
        let (mut deal, referrer) = without_referral(row);
        deal.id = DealId(0);
        let existing = board.find_imported(&row.key, row.own_id, deal.created);
        if let Some(old) = existing.and_then(|id| board.deal(id)) {
            before.insert(old.id, old.clone());
        }
        let title = deal.title.clone();
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
                }
                if let Some(by) = referrer {
                    refers.push((id, by));
                }
            }
            Err(e) => report.problems.push(RowProblem {
                line: row.line,
                reason: e.to_string(),
            }),
        }
    }
    for (id, by) in refers {
        let by = new_ids.get(&by).copied().unwrap_or(by);
        board.link_imported_referral(id, by);
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
