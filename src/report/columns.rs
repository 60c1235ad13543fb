//! What a column header shows: how many deals, and what they are worth, per currency.

use crate::model::{Deal, Totals};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnSummary {
    pub count: usize,
    /// Sum of the deals' values, one figure per currency.
    pub value: Totals,
}

pub fn column_summary<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> ColumnSummary {
    let mut summary = ColumnSummary::default();
    for deal in deals {
        summary.count += 1;
        summary.value.add(deal.value);
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, Money, StageId};
    use chrono::{TimeZone, Utc};

    fn deal(minor: i64, currency: &str) -> Deal {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let money = Money {
            minor,
            currency: Currency::parse(currency).unwrap(),
        };
        Deal::new(DealId(1), "d", StageId("lead".into()), money, now)
    }

    #[test]
    fn totals_per_currency_and_count() {
        let deals = [deal(10_000, "EUR"), deal(5_000, "USD"), deal(2_500, "EUR")];
        let summary = column_summary(&deals);
        assert_eq!(summary.count, 3);
        let totals: Vec<String> = summary.value.iter().map(|m| m.display()).collect();
        assert_eq!(totals, ["€125", "$50"]);
        assert_eq!(column_summary(&[]), ColumnSummary::default());
    }
}
