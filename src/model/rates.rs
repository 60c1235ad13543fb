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
    to: Currency,
    /// The day the rates were last set.
    set_on: NaiveDate,
    /// One per currency, sorted by currency; none is `to` (kept so by [`Rates::set`]).
    rates: Vec<Rate>,
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
    units: u128,
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
    const MAX_WHOLE: u128 = 999_999_999_999;

    /// Reads `1.08`, `1,08`, `0,011` or `95`; zero, negative and absurd rates are refused,
    /// and so is `1,080`, which reads as a thousand and eighty in English and 1.08 in Russian.
    pub fn parse(text: &str) -> Result<PerUnit, RateError> {
        let text = text.trim();
        let (whole, fraction, comma) = match text.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, fraction, text.contains(',')),
            None => (text, "", false),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let grouped = comma && fraction.len() == 3 && !whole.trim_start_matches('0').is_empty();
        let fraction = fraction.trim_end_matches('0');
        if whole.is_empty() && fraction.is_empty()
            || !digits(whole)
            || !digits(fraction)
            || fraction.len() > Self::MAX_DECIMALS as usize
            || whole.len() > 12 + whole.len() - whole.trim_start_matches('0').len()
            || grouped
        {
            return Err(RateError::NotARate);
        }
        let whole: u128 = whole.parse().unwrap_or(0);
        let decimals = fraction.len() as u32;
        let units = whole * 10u128.pow(decimals) + fraction.parse::<u128>().unwrap_or(0);
        if units == 0 || whole > Self::MAX_WHOLE {
            return Err(RateError::NotARate);
        }
        Ok(PerUnit { units, decimals })
    }
}

impl fmt::Display for PerUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u128.pow(self.decimals);
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

    /// The currency converted totals are shown in.
    pub fn to(&self) -> Currency {
        self.to
    }

    /// The day the rates were last set.
    pub fn set_on(&self) -> NaiveDate {
        self.set_on
    }

    /// Each rate, in currency order.
    pub fn rates(&self) -> &[Rate] {
        &self.rates
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

    /// `money` in the report currency, to its minor unit, a half rounded away from zero;
    /// `None` without a rate. Worked out in whole numbers, exactly; an amount beyond them
    /// (far beyond any board's) stops at the largest.
    pub fn convert(&self, money: Money) -> Option<Money> {
        if money.currency == self.to {
            return Some(money);
        }
        let rate = self.rate_of(money.currency)?;
        let shift = self.to.exponent() as i32 - money.currency.exponent() as i32;
        // minor × units × 10^shift ÷ 10^decimals, as one division at the end.
        let up = 10 as Minor;
        let times = up.pow(shift.max(0) as u32);
        let divisor = up.pow(rate.decimals + (-shift).max(0) as u32);
        let units = Minor::try_from(rate.units).unwrap_or(Minor::MAX);
        let product = money
            .minor
            .checked_mul(units)
            .and_then(|p| p.checked_mul(times))
            .unwrap_or(if money.minor < 0 {
                Minor::MIN
            } else {
                Minor::MAX
            });
        let (quotient, rest) = (product / divisor, product % divisor);
        let rounded = if rest.abs() * 2 >= divisor {
            quotient + product.signum()
        } else {
            quotient
        };
        Some(Money {
            minor: rounded,
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

    /// The rates several boards keep, as one: the most lately set (the first of them on a
    /// tie) decide the report currency and their rates win; the others to that currency add
    /// the rates they alone have, and then the rates are as old as the oldest of those.
    /// Boards converting to another currency are left out.
    pub fn merged<'a>(all: impl IntoIterator<Item = &'a Rates>) -> Option<Rates> {
        let mut all: Vec<&Rates> = all.into_iter().collect();
        all.sort_by_key(|r| std::cmp::Reverse(r.set_on));
        let mut merged = (*all.first()?).clone();
        let to = merged.to;
        let mut oldest = merged.set_on;
        for other in all.iter().skip(1).filter(|r| r.to == to) {
            for rate in &other.rates {
                if merged.rate_of(rate.from).is_none() {
                    // Cannot fail: `other` keeps no rate of the report currency either.
                    let _ = merged.set(rate.from, rate.per_unit, merged.set_on);
                    oldest = oldest.min(other.set_on);
                }
            }
        }
        merged.set_on = oldest;
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
        let typed_and_kept = [
            ("1.08", "1.08"),
            ("1,08", "1.08"),
            ("0,011", "0.011"),
            ("1.080", "1.08"),
            ("95", "95"),
            (".5", "0.5"),
            ("1.0000000000", "1"),
            ("999999999999.999999999", "999999999999.999999999"),
        ];
        for (typed, kept) in typed_and_kept {
            assert_eq!(PerUnit::parse(typed).unwrap().to_string(), kept, "{typed}");
        }
        let refused = [
            "",
            ".",
            "0",
            "-1",
            "+1",
            "1.2.3",
            "1,2,3",
            "abc",
            "1e3",
            "1 000",
            "0.0000000001",
            "1000000000000",
            "1,080",
        ];
        for bad in refused {
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
        // Exactly, a half away from zero: 1.00 EUR at 1.005 is 1.005 USD, so 1.01.
        rates
            .set(Currency::EUR, PerUnit::parse("1.005").unwrap(), day())
            .unwrap();
        let eur = |minor| Money {
            minor,
            currency: Currency::EUR,
        };
        assert_eq!(rates.convert(eur(100)).unwrap().minor, 101);
        assert_eq!(rates.convert(eur(-100)).unwrap().minor, -101);
        // Yen have no cents: 1,000 JPY at 0.0067 is 6.70 USD.
        let jpy = Currency::parse("JPY").unwrap();
        rates
            .set(jpy, PerUnit::parse("0.0067").unwrap(), day())
            .unwrap();
        let yen = Money {
            minor: 1_000,
            currency: jpy,
        };
        assert_eq!(rates.convert(yen).unwrap().minor, 670);
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
        assert_eq!(merged.rate_of(Currency::EUR).unwrap().to_string(), "1.08");
        assert_eq!(merged.rate_of(rub).unwrap().to_string(), "0.011");
        // Anna's rouble rate fills the gap: the rates are as old as hers.
        assert_eq!(merged.set_on, day());
        let boris_alone = Rates::merged([&boris]).unwrap();
        assert_eq!(boris_alone.set_on, later);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text is read or refused without a panic, and a rate read is written back as
        /// text that reads as the same rate.
        #[test]
        fn any_text_is_a_rate_or_refused_and_a_rate_reads_back(text in "\\PC{0,40}|[0-9]{0,14}[.,]?[0-9]{0,12}") {
            if let Ok(rate) = PerUnit::parse(&text) {
                prop_assert_eq!(PerUnit::parse(&rate.to_string()), Ok(rate));
            }
        }

        /// Any amount converts without a panic, to the right currency, its sign kept.
        #[test]
        fn any_amount_converts(minor in any::<i128>(), units in 1u64..=u64::MAX, decimals in 0u32..=9) {
            let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            let usd = Currency::parse("USD").unwrap();
            let jpy = Currency::parse("JPY").unwrap();
            let rate = PerUnit { units: u128::from(units), decimals };
            for from in [Currency::EUR, jpy] {
                let mut rates = Rates::new(usd, day);
                rates.set(from, rate, day).unwrap();
                let converted = rates.convert(Money { minor, currency: from }).unwrap();
                prop_assert_eq!(converted.currency, usd);
                prop_assert!(converted.minor.signum() * minor.signum() >= 0);
            }
        }
    }
}
