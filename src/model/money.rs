//! Money: integer minor units plus an ISO 4217 currency code. Never a float, and two currencies are
//! never added together (totals are kept per currency, see [`Totals`]).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency code: three ASCII capital letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");

    /// Parses a code such as `eur` or `EUR`; anything that is not three letters is refused.
    pub fn parse(text: &str) -> Option<Currency> {
        let bytes = text.trim().as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(Currency([
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ]))
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// How many digits follow the decimal point (ISO 4217 minor unit).
    pub fn exponent(&self) -> u32 {
        match self.code() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }

    fn symbol(&self) -> Option<&'static str> {
        Some(match self.code() {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "RUB" => "₽",
            "INR" => "₹",
            "KRW" => "₩",
            "UAH" => "₴",
            _ => return None,
        })
    }

    fn scale(&self) -> i64 {
        10_i64.pow(self.exponent())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Currency::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a currency code: use three letters such as EUR or USD"
            ))
        })
    }
}

/// Why a typed amount was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    TooPrecise,
    TooLarge,
    BadCurrency,
}

/// An amount of one currency, in its minor units (cents for EUR, yen for JPY).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// Reads an amount as people type it: `12000`, `12 000`, `12,000.50`, `12.000,50`, `-5`.
    /// Where only one separator appears it is a decimal point, unless exactly three digits follow
    /// it and the currency has fewer decimals (so `12,000` is twelve thousand).
    pub fn parse_amount(text: &str, currency: Currency) -> Result<Money, AmountError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '_')
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            return Err(AmountError::NotANumber);
        }
        let (whole, fraction) = split_decimal(digits, currency.exponent());
        let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
        if whole.is_empty() && fraction.is_empty() {
            return Err(AmountError::NotANumber);
        }
        if fraction.len() > currency.exponent() as usize {
            return Err(AmountError::TooPrecise);
        }
        let whole_value: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| AmountError::TooLarge)?
        };
        let mut fraction_value: i64 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().map_err(|_| AmountError::NotANumber)?
        };
        for _ in fraction.len()..currency.exponent() as usize {
            fraction_value *= 10;
        }
        let minor = whole_value
            .checked_mul(currency.scale())
            .and_then(|m| m.checked_add(fraction_value))
            .ok_or(AmountError::TooLarge)?;
        Ok(Money {
            minor: if negative { -minor } else { minor },
            currency,
        })
    }

    /// Reads `12000.00 EUR` or `EUR 12000` (the file's form); a bare amount takes `default`.
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
        let whole = abs / scale as u64;
        if exponent == 0 {
            return format!("{sign}{whole}");
        }
        let fraction = abs % scale as u64;
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

    /// For people: grouped thousands, cents only when there are any, the currency's symbol when
    /// it has a well-known one: `€12,000`, `$3,500.50`, `12,000 CHF`.
    pub fn display(&self) -> String {
        let scale = self.currency.scale() as u64;
        let abs = self.minor.unsigned_abs();
        let mut number = group_thousands(abs / scale);
        let fraction = abs % scale;
        if fraction != 0 {
            let exponent = self.currency.exponent() as usize;
            number.push_str(&format!(".{fraction:0exponent$}"));
        }
        self.with_symbol(&number)
    }

    /// Short form for tight places such as column headers: `€12k`, `€1.2M`, `€950`.
    pub fn compact(&self) -> String {
        let whole = self.minor.unsigned_abs() / self.currency.scale() as u64;
        let number = match whole {
            0..1_000 => whole.to_string(),
            1_000..1_000_000 => scaled(whole, 1_000, "k"),
            1_000_000..1_000_000_000 => scaled(whole, 1_000_000, "M"),
            _ => scaled(whole, 1_000_000_000, "B"),
        };
        self.with_symbol(&number)
    }

    fn with_symbol(&self, number: &str) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        match self.currency.symbol() {
            Some(symbol) => format!("{sign}{symbol}{number}"),
            None => format!("{sign}{number} {}", self.currency),
        }
    }
}

/// `12000` -> `12k`, `12500` -> `12.5k`, `125500` -> `125k` (rounded down, never up).
fn scaled(value: u64, unit: u64, suffix: &str) -> String {
    let tenths = value * 10 / unit;
    if tenths >= 1000 || tenths.is_multiple_of(10) {
        format!("{}{suffix}", tenths / 10)
    } else {
        format!("{}.{}{suffix}", tenths / 10, tenths % 10)
    }
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Splits `digits` (only digits, `,` and `.`) into the whole part (may still hold grouping marks)
/// and the fraction digits.
fn split_decimal(digits: &str, exponent: u32) -> (&str, &str) {
    let last_comma = digits.rfind(',');
    let last_dot = digits.rfind('.');
    let decimal_at = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(p), None) | (None, Some(p)) => {
            let mark = digits.as_bytes()[p];
            let repeated = digits.bytes().filter(|b| *b == mark).count() > 1;
            let three_after = digits.len() - p - 1 == 3;
            if repeated || (three_after && exponent < 3) {
                None
            } else {
                Some(p)
            }
        }
        (None, None) => None,
    };
    match decimal_at {
        Some(p) => (&digits[..p], &digits[p + 1..]),
        None => (digits, ""),
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// In the board file money is one readable string: `"12000.00 EUR"`.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{} {}", self.decimal(), self.currency))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let mut parts = text.trim().rsplitn(2, char::is_whitespace);
        let currency = parts.next().and_then(Currency::parse);
        let amount = parts.next();
        match (currency, amount) {
            (Some(currency), Some(amount)) => Money::parse_amount(amount, currency)
                .map_err(|e| serde::de::Error::custom(format!("money `{text}`: {e}"))),
            _ => Err(serde::de::Error::custom(format!(
                "money `{text}` must be an amount and a currency code, such as \"12000.00 EUR\""
            ))),
        }
    }
}

/// Sums kept per currency, in first-seen order, so that two currencies are never added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals(Vec<Money>);

impl Totals {
    pub fn add(&mut self, money: Money) {
        match self.0.iter_mut().find(|m| m.currency == money.currency) {
            Some(total) => total.minor = total.minor.saturating_add(money.minor),
            None => self.0.push(money),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Money> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Largest total first, so that a header too narrow for all shows the one that matters most.
    pub fn largest_first(&self) -> Vec<Money> {
        let mut all = self.0.clone();
        all.sort_by_key(|m| std::cmp::Reverse(m.minor));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(text: &str) -> i64 {
        Money::parse_amount(text, Currency::EUR)
            .map(|m| m.minor)
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn typed_amounts_in_the_forms_people_use() {
        assert_eq!(eur("12000"), 1_200_000);
        assert_eq!(eur("12 000"), 1_200_000);
        assert_eq!(eur("12,000.50"), 1_200_050);
        assert_eq!(eur("12.000,50"), 1_200_050);
        assert_eq!(eur("12 000,5"), 1_200_050);
        assert_eq!(eur("12,000"), 1_200_000);
        assert_eq!(eur("1,234,567"), 123_456_700);
        assert_eq!(eur("12.5"), 1250);
        assert_eq!(eur("0.99"), 99);
        assert_eq!(eur("-5"), -500);
        assert_eq!(eur("12\u{a0}000"), 1_200_000);
    }

    #[test]
    fn nonsense_amounts_are_refused() {
        for bad in ["", "abc", "12k", "1.2.3,4x", "-", ",", "1.234"] {
            let result = Money::parse_amount(bad, Currency::EUR);
            assert!(result.is_err() || bad == "1.234", "{bad} gave {result:?}");
        }
        assert_eq!(
            Money::parse_amount("1.234", Currency::EUR).map(|m| m.minor),
            Ok(123_400)
        );
        assert_eq!(
            Money::parse_amount("1.5", Currency::parse("JPY").unwrap()),
            Err(AmountError::TooPrecise)
        );
        assert_eq!(
            Money::parse_amount("99999999999999999999", Currency::EUR),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn currencies_with_other_minor_units() {
        let jpy = Currency::parse("jpy").unwrap();
        assert_eq!(Money::parse_amount("12,000", jpy).unwrap().minor, 12_000);
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(Money::parse_amount("1.234", kwd).unwrap().minor, 1234);
        assert_eq!(
            Money {
                minor: 1234,
                currency: kwd
            }
            .decimal(),
            "1.234"
        );
    }

    #[test]
    fn display_forms() {
        let m = |minor, code: &str| Money {
            minor,
            currency: Currency::parse(code).unwrap(),
        };
        assert_eq!(m(1_200_000, "EUR").display(), "€12,000");
        assert_eq!(m(350_050, "USD").display(), "$3,500.50");
        assert_eq!(m(1_200_000, "CHF").display(), "12,000 CHF");
        assert_eq!(m(-500, "EUR").display(), "-€5");
        assert_eq!(m(1_200_000, "EUR").decimal(), "12000.00");
        assert_eq!(m(-5, "EUR").decimal(), "-0.05");
        assert_eq!(m(1_250_000, "EUR").compact(), "€12.5k");
        assert_eq!(m(12_500_000, "EUR").compact(), "€125k");
        assert_eq!(m(123_000_000, "EUR").compact(), "€1.2M");
        assert_eq!(m(95_000, "EUR").compact(), "€950");
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
        assert_eq!(
            Money::parse_with_currency("12 dollars", Currency::EUR),
            Err(AmountError::BadCurrency)
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
