//! The forecast: deals open now, by the month they are expected to close.

use chrono::Datelike;

use crate::model::{Board, Deal, Totals};
use crate::report::stage_index::StageIndex;
use crate::report::value::weighted_in;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastMonth {
    /// Year and month; `None` for deals with no expected close date. Months before the current
    /// one are overdue expectations.
    pub month: Option<(i32, u32)>,
    pub count: usize,
    pub value: Totals,
    pub weighted: Totals,
}

/// Open deals grouped by expected close month, in date order, the undated last.
pub(super) fn by_month(board: &Board, deals: &[&Deal]) -> Vec<ForecastMonth> {
    let mut months: Vec<ForecastMonth> = Vec::new();
    let stages = StageIndex::of(board);
    for deal in deals.iter().filter(|d| d.status.is_open()) {
        let month = deal.expected_close.map(|d| (d.year(), d.month()));
        let at = match months.iter().position(|m| m.month == month) {
            Some(at) => at,
            None => {
                months.push(ForecastMonth {
                    month,
                    count: 0,
                    value: Totals::default(),
                    weighted: Totals::default(),
                });
                months.len() - 1
            }
        };
        months[at].count += 1;
        months[at].value.add(deal.value);
        let stage = stages.get(&deal.stage).map(|i| &board.stages[i]);
        months[at].weighted.add(weighted_in(deal, stage));
    }
    months.sort_by_key(|m| (m.month.is_none(), m.month));
    months
}
