//! Totals converted with the user's exchange rates, for the one approximate figure shown beside
//! totals kept per currency (see `model::Rates`).

use crate::model::{Converted, Rates, Totals};

/// With rates, the converted figure of `totals` when they hold a currency other than the
/// report's (a total all in the report currency needs no converting), and something could be
/// converted (no rate for any of them: no figure, rather than "≈ $0").
pub fn converted_if_mixed(totals: &Totals, rates: Option<&Rates>) -> Option<Converted> {
    let rates = rates?;
    if totals.iter().all(|m| m.currency == rates.to()) {
        return None;
    }
    let converted = rates.convert_total(totals);
    (converted.missing.len() < totals.iter().count()).then_some(converted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money, PerUnit};

    #[test]
    fn a_figure_only_when_another_currency_is_converted() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let usd = Currency::parse("USD").unwrap();
        let mut rates = Rates::new(usd, day);
        let money = |minor, currency| Money { minor, currency };
        let mut dollars = Totals::default();
        dollars.add(money(500, usd));
        assert_eq!(converted_if_mixed(&dollars, Some(&rates)), None);
        let mut euros = Totals::default();
        euros.add(money(500, Currency::EUR));
        assert_eq!(
            converted_if_mixed(&euros, Some(&rates)),
            None,
            "no rate for euros"
        );
        rates
            .set(Currency::EUR, PerUnit::parse("2").unwrap(), day)
            .unwrap();
        let converted = converted_if_mixed(&euros, Some(&rates)).unwrap();
        assert_eq!(converted.amount, money(1_000, usd));
        assert_eq!(converted_if_mixed(&euros, None), None);
    }
}
