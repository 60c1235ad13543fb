//! Amounts and currencies as exports write them: `1,500.00`, `1.500,00`, `$1,500`,
//! `€ 1.500,00`, `1500 EUR`, and currency columns such as `EUR` or `Euro (EUR)`.

use crate::model::{AmountError, Currency, Money};

/// The currency of a currency column: a code, a symbol, or text with a code in it
/// (`Euro (EUR)`, `US Dollar (USD)`). `None` when it holds none of these.
pub(super) fn currency_of(text: &str) -> Option<Currency> {
    let text = text.trim();
    if let Some(currency) = Currency::parse(text).or_else(|| symbol_currency(text)) {
        return Some(currency);
    }
    // A code in brackets first, then any word of three capitals that is a code.
    let inside = text
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(code, _)| Currency::parse(code));
    inside.or_else(|| {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()))
            .find_map(Currency::parse)
    })
}

/// What the symbols people put before amounts stand for.
fn symbol_currency(text: &str) -> Option<Currency> {
    let code = match text {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "₽" => "RUB",
        "¥" => "JPY",
        _ => return None,
    };
    Currency::parse(code)
}

/// An amount with the currency written beside it, if any: `$1,500` is 1500 USD; a bare
/// `1.500,00` is in `fallback`. The caller decides what a clash with a currency column means.
pub(super) struct WrittenAmount {
    /// The currency written with the amount.
    pub marked: Option<Currency>,
    /// The number alone, sign kept: `-1.500,00`.
    pub number: String,
}

/// Splits a currency symbol or code off either end of an amount.
pub(super) fn split_amount(text: &str) -> Result<WrittenAmount, AmountError> {
    let text = text.trim();
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", text),
    };
    let (front, rest) = peel_front(rest)?;
    let (back, rest) = peel_back(rest)?;
    let marked = match (front, back) {
        (Some(a), Some(b)) if a != b => return Err(AmountError::BadCurrency),
        (a, b) => a.or(b),
    };
    Ok(WrittenAmount {
        marked,
        number: format!("{sign}{}", rest.trim()),
    })
}

/// Reads an amount in `currency` once its marker is split off; see [`split_amount`].
pub(super) fn amount_in(written: &WrittenAmount, currency: Currency) -> Result<Money, AmountError> {
    Money::parse_amount(&written.number, currency)
}

fn peel_front(text: &str) -> Result<(Option<Currency>, &str), AmountError> {
    let mut chars = text.chars();
    if let Some(first) = chars.next()
        && let Some(currency) = symbol_currency(&first.to_string())
    {
        return Ok((Some(currency), chars.as_str()));
    }
    let letters = text.len()
        - text
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters == 0 {
        return Ok((None, text));
    }
    let currency = Currency::parse(&text[..letters]).ok_or(AmountError::BadCurrency)?;
    Ok((Some(currency), &text[letters..]))
}

fn peel_back(text: &str) -> Result<(Option<Currency>, &str), AmountError> {
    let mut chars = text.chars();
    if let Some(last) = chars.next_back()
        && let Some(currency) = symbol_currency(&last.to_string())
    {
        return Ok((Some(currency), chars.as_str()));
    }
    let kept = text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len();
    if kept == text.len() {
        return Ok((None, text));
    }
    let currency = Currency::parse(&text[kept..]).ok_or(AmountError::BadCurrency)?;
    Ok((Some(currency), &text[..kept]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Currency {
        Currency::parse(text).unwrap()
    }

    /// Minor units and currency, with `EUR` when the text names none.
    fn read(text: &str) -> Result<(crate::model::Minor, String), AmountError> {
        let written = split_amount(text)?;
        let money = amount_in(&written, written.marked.unwrap_or(Currency::EUR))?;
        Ok((money.minor, money.currency.to_string()))
    }

    #[test]
    fn amounts_with_and_without_a_currency_beside_them() {
        let eur = |minor| Ok((minor, "EUR".to_string()));
        let usd = |minor| Ok((minor, "USD".to_string()));
        assert_eq!(read("1,500.00"), eur(150_000));
        assert_eq!(read("1.500,00"), eur(150_000));
        assert_eq!(read("1 500"), eur(150_000));
        assert_eq!(read("12000,5"), eur(1_200_050));
        assert_eq!(read("$1,500"), usd(150_000));
        assert_eq!(read("€ 1.500,00"), eur(150_000));
        assert_eq!(read("1500 EUR"), eur(150_000));
        assert_eq!(read("usd1500"), usd(150_000));
        assert_eq!(read("1 500 ₽"), Ok((150_000, "RUB".to_string())));
        assert_eq!(read("£12.50"), Ok((1250, "GBP".to_string())));
        assert_eq!(read("¥1,500"), Ok((1500, "JPY".to_string())));
        assert_eq!(read("-$5"), usd(-500));
        assert_eq!(read("$-5"), usd(-500));
    }

    #[test]
    fn unreadable_amounts_say_why() {
        assert_eq!(read("12 dollars"), Err(AmountError::BadCurrency));
        assert_eq!(read("$5 EUR"), Err(AmountError::BadCurrency));
        assert_eq!(read("twelve"), Err(AmountError::NotANumber));
        assert_eq!(read("$"), Err(AmountError::NotANumber));
        assert_eq!(read("1.2.3"), Err(AmountError::NotANumber));
        assert_eq!(read("¥1.5"), Err(AmountError::TooPrecise(code("JPY"))));
    }

    #[test]
    fn currency_columns() {
        assert_eq!(currency_of("EUR"), Some(Currency::EUR));
        assert_eq!(currency_of(" usd "), Some(code("USD")));
        assert_eq!(currency_of("Euro (EUR)"), Some(Currency::EUR));
        assert_eq!(currency_of("US Dollar (USD)"), Some(code("USD")));
        assert_eq!(currency_of("Russian Ruble RUB"), Some(code("RUB")));
        assert_eq!(currency_of("£"), Some(code("GBP")));
        assert_eq!(currency_of("Euro"), None);
        assert_eq!(currency_of("dollars"), None);
    }
}
