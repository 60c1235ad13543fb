//! Putting what an import read onto a board: each deal added, or updating the deal it came
//! from, so importing the same export twice changes nothing the second time.

use std::collections::HashMap;

use super::import::{IncomingDeal, ParsedImport, RowProblem};
use crate::model::{Board, DealId, Imported, Referral};

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
    let mut seen: HashMap<&str, u64> = HashMap::new();
    // Our own export's ids, as they are on this board now, for referrals between its rows.
    let mut new_ids: HashMap<DealId, DealId> = HashMap::new();
    let mut refers: Vec<(DealId, DealId)> = Vec::new();
    for row in &parsed.deals {
        if let Some(first) = seen.insert(row.key.as_str(), row.line) {
            report.problems.push(RowProblem {
                line: row.line,
                reason: crate::text::fill(
                    crate::text::t().cli.import_repeated,
                    &[("key", &row.key), ("line", &first)],
                ),
            });
            continue;
        }
        let (mut deal, referrer) = take_referral(row);
        deal.id = DealId(0);
        let existing = board.find_imported(&row.key, row.own_id, deal.created);
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
    report.problems.sort_by_key(|p| p.line);
    report
}

/// The row's deal without a referral to another deal (set once every row is in, when the
/// referring deal's id on this board is known), and that deal's id in the file.
fn take_referral(row: &IncomingDeal) -> (crate::model::Deal, Option<DealId>) {
    let mut deal = row.deal.clone();
    match deal.referred_by {
        Some(Referral::Deal(by)) => {
            deal.referred_by = None;
            (deal, Some(by))
        }
        _ => (deal, None),
    }
}
