//! Exchange rates the user keeps, never fetched: a report currency, what one unit of each other
//! currency is worth in it, and the day they were set. Totals stay per currency everywhere; a
//! converted figure is shown beside them, marked approximate, and only where every currency in
//! it has a rate.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::bad_text::{BadText, BadTextKind};
use super::money::{Currency, Minor, Money, Totals};

/// The rates a board or a team folder keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RatesAsWritten")]
pub struct Rates {
    /// The currency converted totals are shown in.
    pub to: Currency,
    /// The day the rates were last set.
    pub set_on: NaiveDate,
    /// One per currency, sorted by currency; none is `to`.
    pub rates: Vec<Rate>,
}

/// What one unit of `from` is worth in the report currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub from: Currency,
    pub per_unit: PerUnit,
}

/// A rate as typed: a positive decimal of at most [`PerUnit::MAX_DECIMALS`] decimals below
/// a trillion, kept exactly (written in the file as text, `"1.08"`, never a float).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PerUnit {
    units: u64,
    decimals: u32,
}

/// Why a typed rate was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateError {
    /// Not a positive number such as `1.08`.
    NotARate,
    /// The report currency has no rate to itself.
    SameCurrency,
}

/// A total in the report currency, and the currencies left out of it for want of a rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    pub amount: Money,
    pub missing: Vec<Currency>,
}

impl Converted {
    /// The amount, when no currency of the total lacked a rate.
    pub fn whole(&self) -> Option<Money> {
        self.missing.is_empty().then_some(self.amount)
    }
}

impl PerUnit {
    pub const MAX_DECIMALS: u32 = 9;
    const MAX_WHOLE: u64 = 999_999_999_999;

    /// Reads `1.08`, `1,08` or `95`; zero, negative and absurd rates are refused.
    pub fn parse(text: &str) -> Result<PerUnit, RateError> {
        let text = text.trim().replace(',', ".");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty()
            || !digits(whole)
            || !digits(fraction)
            || fraction.len() > Self::MAX_DECIMALS as usize
        {
            return Err(RateError::NotARate);
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| RateError::NotARate)?
        };
        let fraction = fraction.trim_end_matches('0');
        let decimals = fraction.len() as u32;
        let units = whole
            .checked_mul(10u64.pow(decimals))
            .and_then(|u| u.checked_add(fraction.parse().unwrap_or(0)))
            .ok_or(RateError::NotARate)?;
        if units == 0 || whole > Self::MAX_WHOLE {
            return Err(RateError::NotARate);
        }
        Ok(PerUnit { units, decimals })
    }

    fn value(self) -> f64 {
        self.units as f64 / 10f64.powi(self.decimals as i32)
    }
}

impl fmt::Display for PerUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(self.decimals);
        let (whole, fraction) = (self.units / scale, self.units % scale);
        if self.decimals == 0 {
            write!(f, "{whole}")
        } else {
            write!(
                f,
                "{whole}.{fraction:0width$}",
                width = self.decimals as usize
            )
        }
    }
}

impl Serialize for PerUnit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PerUnit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::bad_text::read_text(deserializer, |text| {
            PerUnit::parse(text).map_err(|_| BadText {
                kind: BadTextKind::Rate,
                text: text.to_string(),
            })
        })
    }
}

impl Rates {
    /// No rates yet, to `to`, as of `today`.
    pub fn new(to: Currency, today: NaiveDate) -> Rates {
        Rates {
            to,
            set_on: today,
            rates: Vec::new(),
        }
    }

    /// Sets what one `from` is worth in the report currency, as of `today`.
    pub fn set(
        &mut self,
        from: Currency,
        per_unit: PerUnit,
        today: NaiveDate,
    ) -> Result<(), RateError> {
        if from == self.to {
            return Err(RateError::SameCurrency);
        }
        let rate = Rate { from, per_unit };
        match self.rates.binary_search_by_key(&from, |r| r.from) {
            Ok(at) => self.rates[at] = rate,
            Err(at) => self.rates.insert(at, rate),
        }
        self.set_on = today;
        Ok(())
    }

    /// Forgets the rate of `from`; false when there was none.
    pub fn remove(&mut self, from: Currency) -> bool {
        let before = self.rates.len();
        self.rates.retain(|r| r.from != from);
        self.rates.len() != before
    }

    pub fn rate_of(&self, from: Currency) -> Option<PerUnit> {
        self.rates
            .iter()
            .find(|r| r.from == from)
            .map(|r| r.per_unit)
    }

    /// `money` in the report currency, rounded to its minor unit; `None` without a rate.
    pub fn convert(&self, money: Money) -> Option<Money> {
        if money.currency == self.to {
            return Some(money);
        }
        let rate = self.rate_of(money.currency)?;
        let shift = self.to.exponent() as i32 - money.currency.exponent() as i32;
        let minor = money.minor as f64 * rate.value() * 10f64.powi(shift);
        Some(Money {
            minor: minor.round() as Minor,
            currency: self.to,
        })
    }

    /// A total of several currencies as one figure in the report currency; the currencies
    /// without a rate are left out and named.
    pub fn convert_total(&self, totals: &Totals) -> Converted {
        let mut amount = Money::zero(self.to);
        let mut missing = Vec::new();
        for money in totals.iter() {
            match self.convert(*money) {
                Some(converted) => amount.minor = amount.minor.saturating_add(converted.minor),
                None => missing.push(money.currency),
            }
        }
        missing.sort();
        Converted { amount, missing }
    }

    /// The rates several boards keep, as one: the most lately set decide the report currency
    /// and their rates win; the others add rates to that currency they alone have.
    pub fn merged<'a>(all: impl IntoIterator<Item = &'a Rates>) -> Option<Rates> {
        let mut all: Vec<&Rates> = all.into_iter().collect();
        all.sort_by_key(|r| std::cmp::Reverse(r.set_on));
        let mut merged = (*all.first()?).clone();
        let to = merged.to;
        for other in all.iter().skip(1).filter(|r| r.to == to) {
            for rate in &other.rates {
                if merged.rate_of(rate.from).is_none() {
                    let set_on = merged.set_on;
                    // Cannot fail: `other` keeps no rate of the report currency either.
                    let _ = merged.set(rate.from, rate.per_unit, set_on);
                }
            }
        }
        Some(merged)
    }
}

/// The rates as the file holds them, checked before they become [`Rates`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatesAsWritten {
    to: Currency,
    #[serde(deserialize_with = "super::bad_text::file_time::day")]
    set_on: NaiveDate,
    #[serde(default)]
    rates: Vec<Rate>,
}

impl TryFrom<RatesAsWritten> for Rates {
    type Error = BadText;

    fn try_from(written: RatesAsWritten) -> Result<Rates, BadText> {
        let mut rates = Rates::new(written.to, written.set_on);
        for rate in written.rates {
            let refused = |kind| BadText {
                kind,
                text: rate.from.code().to_string(),
            };
            if rates.rate_of(rate.from).is_some() {
                return Err(refused(BadTextKind::RateTwice));
            }
            rates
                .set(rate.from, rate.per_unit, written.set_on)
                .map_err(|_| refused(BadTextKind::RateOfReportCurrency))?;
        }
        Ok(rates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    #[test]
    fn a_rate_is_read_as_typed_and_written_back_the_same() {
        for (typed, kept) in [
            ("1.08", "1.08"),
            ("1,080", "1.08"),
            ("95", "95"),
            (".5", "0.5"),
        ] {
            assert_eq!(PerUnit::parse(typed).unwrap().to_string(), kept, "{typed}");
        }
        for bad in [
            "",
            "0",
            "-1",
            "1.2.3",
            "abc",
            "1e3",
            "0.0000000001",
            "1000000000000",
        ] {
            assert_eq!(PerUnit::parse(bad), Err(RateError::NotARate), "{bad:?}");
        }
    }

    #[test]
    fn a_total_is_converted_only_from_the_currencies_with_a_rate() {
        let mut rates = Rates::new(usd(), day());
        rates
            .set(Currency::EUR, PerUnit::parse("1.08").unwrap(), day())
            .unwrap();
        let mut totals = Totals::default();
        // 1,000.00 EUR is 1,080.00 USD; 50.00 USD stays; 12,000 JPY has no rate.
        totals.add(Money {
            minor: 100_000,
            currency: Currency::EUR,
        });
        totals.add(Money {
            minor: 5_000,
            currency: usd(),
        });
        totals.add(Money {
            minor: 12_000,
            currency: Currency::parse("JPY").unwrap(),
        });
        let converted = rates.convert_total(&totals);
        assert_eq!(
            converted.amount,
            Money {
                minor: 113_000,
                currency: usd()
            }
        );
        assert_eq!(converted.missing, vec![Currency::parse("JPY").unwrap()]);
        assert_eq!(converted.whole(), None);
        assert_eq!(
            rates.set(usd(), PerUnit::parse("1").unwrap(), day()),
            Err(RateError::SameCurrency)
        );
    }

    #[test]
    fn the_rates_set_last_decide_the_currency_and_others_fill_gaps() {
        let later = day().succ_opt().unwrap();
        let rub = Currency::parse("RUB").unwrap();
        let mut anna = Rates::new(usd(), day());
        anna.set(Currency::EUR, PerUnit::parse("1.05").unwrap(), day())
            .unwrap();
        anna.set(rub, PerUnit::parse("0.011").unwrap(), day())
            .unwrap();
        let mut boris = Rates::new(usd(), later);
        boris
            .set(Currency::EUR, PerUnit::parse("1.08").unwrap(), later)
            .unwrap();
        let merged = Rates::merged([&anna, &boris]).unwrap();
        assert_eq!(merged.set_on, later);
        assert_eq!(merged.rate_of(Currency::EUR).unwrap().to_string(), "1.08");
        assert_eq!(merged.rate_of(rub).unwrap().to_string(), "0.011");
    }
}
