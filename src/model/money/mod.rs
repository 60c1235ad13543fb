//! Money: integer minor units plus an ISO 4217 currency code. Never a float, and two currencies are
//! never added together (totals are kept per currency, see [`Totals`]).

mod currency;
mod parse;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::BadText;
pub use currency::Currency;

/// Why a typed amount was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    /// More decimals than the currency has.
    TooPrecise(Currency),
    TooLarge,
    BadCurrency,
}

/// Minor units of money. Wide enough that no total of amounts within [`MAX_WHOLE_DIGITS`]
/// can overflow, however many deals a board holds.
pub type Minor = i128;

/// An amount may have at most this many digits before its decimal point (up to 999 trillion):
/// larger ones are refused wherever they are typed, imported or read.
pub const MAX_WHOLE_DIGITS: usize = 15;

/// An amount of one currency, in its minor units (cents for EUR, yen for JPY).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    pub minor: Minor,
    pub currency: Currency,
}

impl Money {
    pub fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// Reads an amount as people type it: see [`parse::parse_amount`].
    pub fn parse_amount(text: &str, currency: Currency) -> Result<Money, AmountError> {
        parse::parse_amount(text, currency)
    }

    /// The same amount in another currency, as written: 12.50 EUR becomes 12.50 USD. Refused
    /// when the other currency has too few decimals (12.50 EUR cannot be yen).
    pub fn in_currency(self, currency: Currency) -> Result<Money, AmountError> {
        let (from, to) = (self.currency.exponent(), currency.exponent());
        let minor = if to >= from {
            self.minor
                .checked_mul(Minor::pow(10, to - from))
                .ok_or(AmountError::TooLarge)?
        } else {
            let divisor = Minor::pow(10, from - to);
            if self.minor % divisor != 0 {
                return Err(AmountError::TooPrecise(currency));
            }
            self.minor / divisor
        };
        Ok(Money { minor, currency })
    }

    /// Reads `12000.00 EUR`, `EUR 12000` (the file's form), `$12,000.50` or `12 000,50 ₽`; a bare
    /// amount takes `default`.
    pub fn parse_with_currency(text: &str, default: Currency) -> Result<Money, AmountError> {
        let text = text.trim();
        let mut parts = text.rsplitn(2, char::is_whitespace);
        let last = parts.next().unwrap_or("");
        if let (Some(currency), Some(rest)) = (Currency::parse(last), parts.next()) {
            return Money::parse_amount(rest, currency);
        }
        let mut parts = text.splitn(2, char::is_whitespace);
        let first = parts.next().unwrap_or("");
        if let (Some(currency), Some(rest)) = (Currency::parse(first), parts.next()) {
            return Money::parse_amount(rest, currency);
        }
        if let Some((currency, amount)) = split_symbol(text) {
            return Money::parse_amount(&amount, currency);
        }
        if text.chars().any(|c| c.is_ascii_alphabetic()) {
            return Err(AmountError::BadCurrency);
        }
        Money::parse_amount(text, default)
    }

    /// The amount as a plain decimal without grouping: `12000.50`, `-3.00`, `500` for JPY.
    pub fn decimal(&self) -> String {
        let scale = self.currency.scale();
        let exponent = self.currency.exponent() as usize;
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let whole = abs / scale.unsigned_abs();
        if exponent == 0 {
            return format!("{sign}{whole}");
        }
        let fraction = abs % scale.unsigned_abs();
        format!("{sign}{whole}.{fraction:0exponent$}")
    }

    /// As a person would type it back: `12000`, `12000.50`.
    pub fn editable(&self) -> String {
        let decimal = self.decimal();
        match decimal.split_once('.') {
            Some((whole, fraction)) if fraction.bytes().all(|b| b == b'0') => whole.to_string(),
            _ => decimal,
        }
    }

    /// The amount's whole units and the minor units after them, without the sign: 12000.50 EUR
    /// is (12000, 50). Formatting for people is the text layer's (`text::money`).
    pub fn whole_and_fraction(&self) -> (u128, u128) {
        let scale = self.currency.scale().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        (abs / scale, abs % scale)
    }
}

/// An amount written with a currency's sign before or after it (`$12,000`, `-$5`, `12 000 ₽`):
/// the currency, and the amount with its sign but without the currency's.
fn split_symbol(text: &str) -> Option<(Currency, String)> {
    let (minus, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", text),
    };
    currency::SYMBOLS.iter().find_map(|(_, symbol)| {
        let amount = body
            .strip_prefix(symbol)
            .or_else(|| body.strip_suffix(symbol))?;
        let currency = Currency::from_symbol(symbol)?;
        Some((currency, format!("{minus}{}", amount.trim())))
    })
}

/// In the board file money is one readable string: `"12000.00 EUR"`.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{} {}", self.decimal(), self.currency))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::bad_text::read_text(d, |text| {
            let mut parts = text.trim().rsplitn(2, char::is_whitespace);
            let currency = parts.next().and_then(Currency::parse);
            match (currency, parts.next()) {
                (Some(currency), Some(amount)) => parse::parse_plain(amount.trim(), currency)
                    .map_err(|e| BadText::money(text.to_string(), Some(e))),
                _ => Err(BadText::money(text.to_string(), None)),
            }
        })
    }
}

/// Sums kept per currency, in currency order, so that two currencies are never added. Each sum
/// knows how many amounts it holds, so that taking the last one away leaves no "0.00" behind:
/// the same totals however they were reached.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals(Vec<(Money, usize)>);

impl Totals {
    pub fn add(&mut self, money: Money) {
        match self
            .0
            .binary_search_by_key(&money.currency, |(m, _)| m.currency)
        {
            Ok(i) => {
                self.0[i].0.minor += money.minor;
                self.0[i].1 += 1;
            }
            Err(i) => self.0.insert(i, (money, 1)),
        }
    }

    /// Takes away an amount added before.
    pub fn remove(&mut self, money: Money) {
        if let Ok(i) = self
            .0
            .binary_search_by_key(&money.currency, |(m, _)| m.currency)
        {
            let (total, count) = &mut self.0[i];
            total.minor -= money.minor;
            *count -= 1;
            if *count == 0 {
                self.0.remove(i);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Money> {
        self.0.iter().map(|(m, _)| m)
    }

    /// The total in `currency` (zero when there is none).
    pub fn amount_in(&self, currency: Currency) -> Minor {
        self.0
            .iter()
            .find(|(m, _)| m.currency == currency)
            .map_or(0, |(m, _)| m.minor)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many amounts were added in `currency`.
    pub fn count_in(&self, currency: Currency) -> usize {
        self.0
            .iter()
            .find(|(m, _)| m.currency == currency)
            .map_or(0, |(_, n)| *n)
    }

    /// Largest total first, so that a header too narrow for all shows the one that matters most.
    pub fn largest_first(&self) -> Vec<Money> {
        let mut all: Vec<Money> = self.iter().copied().collect();
        all.sort_by_key(|m| std::cmp::Reverse(m.minor));
        all
    }

    /// The currency most amounts are in first (on a tie `home`, then the first in currency
    /// order), then the others largest first: which currency leads is a matter of how many
    /// deals, as amounts in different currencies do not compare.
    pub fn most_counted_first(&self, home: Currency) -> Vec<Money> {
        let mut lead: Option<(usize, bool, Currency)> = None;
        for (m, n) in &self.0 {
            let key = (*n, m.currency == home);
            if lead.is_none_or(|(count, is_home, _)| key > (count, is_home)) {
                lead = Some((key.0, key.1, m.currency));
            }
        }
        let lead = lead.map(|(_, _, currency)| currency);
        let mut all = self.largest_first();
        all.sort_by_key(|m| Some(m.currency) != lead);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_currency_of_most_deals_comes_first_however_small() {
        let m = |minor, code: &str| Money {
            minor,
            currency: Currency::parse(code).unwrap(),
        };
        let mut totals = Totals::default();
        for money in [m(500, "USD"), m(9_000_000, "RUB"), m(70_000, "EUR")] {
            totals.add(money);
        }
        let codes = |all: Vec<Money>| {
            all.iter()
                .map(|m| m.currency.code().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(totals.largest_first()), ["RUB", "EUR", "USD"]);
        // Two small dollar deals lead one big rouble deal: the most deals, not the largest sum.
        totals.add(m(300, "USD"));
        let eur = Currency::EUR;
        assert_eq!(codes(totals.most_counted_first(eur)), ["USD", "RUB", "EUR"]);
        // On a tie, the home currency leads.
        totals.add(m(100, "EUR"));
        assert_eq!(codes(totals.most_counted_first(eur)), ["EUR", "RUB", "USD"]);
    }

    #[test]
    fn decimal_forms() {
        let m = |minor, code: &str| Money {
            minor,
            currency: Currency::parse(code).unwrap(),
        };
        assert_eq!(m(1_200_000, "EUR").decimal(), "12000.00");
        assert_eq!(m(-5, "EUR").decimal(), "-0.05");
        assert_eq!(m(-5, "EUR").whole_and_fraction(), (0, 5));
        assert_eq!(m(350_050, "USD").whole_and_fraction(), (3_500, 50));
    }

    #[test]
    fn totals_of_the_largest_amounts_are_exact() {
        let usd = Currency::parse("USD").unwrap();
        let largest = Money::parse_amount("999 999 999 999 999.99", usd).unwrap();
        let mut totals = Totals::default();
        for _ in 0..13 {
            totals.add(largest);
        }
        let total = totals.largest_first()[0];
        assert_eq!(total.decimal(), "12999999999999999.87");
        assert_eq!(
            Money::parse_amount("1 000 000 000 000 000", usd),
            Err(AmountError::TooLarge),
            "sixteen whole digits are refused"
        );
    }

    #[test]
    fn money_with_currency_as_typed_or_stored() {
        let usd = Currency::parse("USD").unwrap();
        assert_eq!(
            Money::parse_with_currency("12000.00 USD", Currency::EUR).unwrap(),
            Money {
                minor: 1_200_000,
                currency: usd
            }
        );
        assert_eq!(
            Money::parse_with_currency("USD 5", Currency::EUR)
                .unwrap()
                .minor,
            500
        );
        assert_eq!(
            Money::parse_with_currency("12 000", Currency::EUR)
                .unwrap()
                .currency,
            Currency::EUR
        );
        let rub = Currency::parse("RUB").unwrap();
        for typed in ["12 000,50 ₽", "₽12,000.50", "12\u{a0}000,50₽", "₽ 12000.50"] {
            assert_eq!(
                Money::parse_with_currency(typed, Currency::EUR),
                Ok(Money {
                    minor: 1_200_050,
                    currency: rub
                }),
                "{typed}"
            );
        }
        assert_eq!(
            Money::parse_with_currency("-$5", Currency::EUR),
            Ok(Money {
                minor: -500,
                currency: usd
            })
        );
        assert_eq!(
            Money::parse_with_currency("12 dollars", Currency::EUR),
            Err(AmountError::BadCurrency)
        );
    }

    #[test]
    fn changing_currency_keeps_the_amount_as_written() {
        let m = |minor, code: &str| Money {
            minor,
            currency: Currency::parse(code).unwrap(),
        };
        let usd = Currency::parse("USD").unwrap();
        assert_eq!(
            m(1234, "KWD").in_currency(usd),
            Err(AmountError::TooPrecise(usd))
        );
        assert_eq!(m(1230, "KWD").in_currency(usd), Ok(m(123, "USD")));
        assert_eq!(m(1250, "EUR").in_currency(usd), Ok(m(1250, "USD")));
        assert_eq!(
            m(1250, "EUR").in_currency(Currency::parse("JPY").unwrap()),
            Err(AmountError::TooPrecise(Currency::parse("JPY").unwrap()))
        );
        assert_eq!(
            m(1200, "EUR").in_currency(Currency::parse("JPY").unwrap()),
            Ok(m(12, "JPY"))
        );
        assert_eq!(
            m(5, "JPY").in_currency(Currency::parse("KWD").unwrap()),
            Ok(m(5000, "KWD"))
        );
    }

    #[test]
    fn totals_never_mix_currencies() {
        let usd = Currency::parse("USD").unwrap();
        let mut totals = Totals::default();
        totals.add(Money {
            minor: 100,
            currency: Currency::EUR,
        });
        totals.add(Money {
            minor: 500,
            currency: usd,
        });
        totals.add(Money {
            minor: 50,
            currency: Currency::EUR,
        });
        let all: Vec<_> = totals.iter().copied().collect();
        assert_eq!(
            all,
            vec![
                Money {
                    minor: 150,
                    currency: Currency::EUR
                },
                Money {
                    minor: 500,
                    currency: usd
                }
            ]
        );
        assert_eq!(totals.largest_first()[0].currency, usd);
    }
}
