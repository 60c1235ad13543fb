//! Reading an amount as people type it, strictly enough that a typo is refused rather than read
//! as some other number.

use super::{AmountError, Currency, Minor, Money};

/// `12000`, `12 000`, `12,000.50`, `12.000,50`, `-5`. Where only one separator appears it is the
/// decimal point, unless exactly three digits follow it after a short non-zero whole part and the
/// currency has fewer decimals (so `12,000` is twelve thousand, `0.125` is refused for EUR).
/// Grouping must be in threes: `1.2.3` and `5,,00` are refused.
pub(super) fn parse_amount(text: &str, currency: Currency) -> Result<Money, AmountError> {
    // Spaces (also no-break ones), apostrophes and underscores only ever group digits.
    let mut cleaned = String::new();
    for c in text.trim().chars() {
        let grouping = c.is_whitespace() || c == '\'' || c == '_';
        match (grouping, cleaned.ends_with(' ')) {
            (true, true) => {}
            (true, false) => cleaned.push(' '),
            (false, _) => cleaned.push(c),
        }
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ');
    if digits.is_empty() || !digits.chars().all(allowed) {
        return Err(AmountError::NotANumber);
    }
    let (whole, fraction) = split_decimal(digits, currency.exponent())?;
    if whole.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if fraction.len() > currency.exponent() as usize {
        return Err(AmountError::TooPrecise(currency));
    }
    if whole.trim_start_matches('0').len() > super::MAX_WHOLE_DIGITS {
        return Err(AmountError::TooLarge);
    }
    let whole_value: Minor = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::TooLarge)?
    };
    let padded = format!("{fraction:0<width$}", width = currency.exponent() as usize);
    let fraction_value: Minor = if padded.is_empty() {
        0
    } else {
        padded.parse().unwrap_or(0)
    };
    let minor = whole_value
        .checked_mul(currency.scale())
        .and_then(|m| m.checked_add(fraction_value))
        .ok_or(AmountError::TooLarge)?;
    Ok(Money {
        minor: if negative { -minor } else { minor },
        currency,
    })
}

/// The file's form, exactly as [`Money::decimal`] writes it: `12000.50`, `-3.00`, `500`. No
/// grouping and no guessing: the point is always the decimal point, so a hand-edited
/// `5.001 USD` is refused (too many decimals) rather than read as five thousand and one.
pub(super) fn parse_plain(text: &str, currency: Currency) -> Result<Money, AmountError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(AmountError::NotANumber);
    }
    if digits.ends_with('.') {
        return Err(AmountError::NotANumber);
    }
    if fraction.len() > currency.exponent() as usize {
        return Err(AmountError::TooPrecise(currency));
    }
    if whole.trim_start_matches('0').len() > super::MAX_WHOLE_DIGITS {
        return Err(AmountError::TooLarge);
    }
    let padded = format!("{fraction:0<width$}", width = currency.exponent() as usize);
    let minor = format!("{whole}{padded}")
        .parse::<Minor>()
        .map_err(|_| AmountError::TooLarge)?;
    Ok(Money {
        minor: if negative { -minor } else { minor },
        currency,
    })
}

/// Splits `digits` (digits, `,`, `.` and single spaces) into the whole part's digits (grouping
/// checked and removed) and the fraction's digits.
fn split_decimal(digits: &str, exponent: u32) -> Result<(String, &str), AmountError> {
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let decimal_mark = match (commas, dots) {
        (0, 0) => None,
        (0, _) | (_, 0) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let at = digits.find(mark).unwrap_or(0);
            let before = &digits[..at];
            let after = digits.len() - at - 1;
            let looks_grouped = after == 3
                && exponent < 3
                && (1..=3).contains(&before.len())
                && !before.starts_with('0');
            if commas + dots > 1 || looks_grouped {
                None
            } else {
                Some(mark)
            }
        }
        // Both marks: the last one is the decimal point, appearing once and followed by digits.
        _ => {
            let last = if digits.rfind(',') > digits.rfind('.') {
                ','
            } else {
                '.'
            };
            if digits.matches(last).count() != 1 || digits.ends_with(last) {
                return Err(AmountError::NotANumber);
            }
            Some(last)
        }
    };
    let (whole, fraction) = match decimal_mark.and_then(|m| digits.rfind(m)) {
        Some(at) => (&digits[..at], &digits[at + 1..]),
        None => (digits, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    Ok((ungroup(whole)?, fraction))
}

/// `1,234,567` -> `1234567`, also `12 000` and the Indian `1,00,000`; refuses any other grouping
/// (`1.2.3`, `1 00`, `5,,00`).
fn ungroup(whole: &str) -> Result<String, AmountError> {
    let groups: Vec<&str> = whole.split([',', '.', ' ']).collect();
    let Some((last, middle)) = groups[1..].split_last() else {
        return Ok(whole.to_string());
    };
    let first = groups[0].len();
    let western = (1..=3).contains(&first) && middle.iter().all(|g| g.len() == 3);
    let indian = (1..=2).contains(&first) && middle.iter().all(|g| g.len() == 2);
    if last.len() != 3 || !(western || indian) {
        return Err(AmountError::NotANumber);
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(text: &str) -> Result<Minor, AmountError> {
        parse_amount(text, Currency::EUR).map(|m| m.minor)
    }

    #[test]
    fn the_files_form_is_read_strictly() {
        let usd = Currency::parse("USD").unwrap();
        let read = |text| parse_plain(text, usd).map(|m| m.minor);
        assert_eq!(read("12000.50"), Ok(1_200_050));
        assert_eq!(read("-3.00"), Ok(-300));
        assert_eq!(read("500"), Ok(50_000));
        assert_eq!(read("5.001"), Err(AmountError::TooPrecise(usd)));
        assert_eq!(read("1,000.00"), Err(AmountError::NotANumber));
        assert_eq!(read("1 000"), Err(AmountError::NotANumber));
        assert_eq!(read("5."), Err(AmountError::NotANumber));
        assert_eq!(read("1000000000000000"), Err(AmountError::TooLarge));
    }

    #[test]
    fn amounts_in_the_forms_people_type() {
        assert_eq!(eur("12000"), Ok(1_200_000));
        assert_eq!(eur("12 000"), Ok(1_200_000));
        assert_eq!(eur("12,000.50"), Ok(1_200_050));
        assert_eq!(eur("12.000,50"), Ok(1_200_050));
        assert_eq!(eur("12 000,5"), Ok(1_200_050));
        assert_eq!(eur("12,000"), Ok(1_200_000));
        assert_eq!(eur("1,234,567"), Ok(123_456_700));
        assert_eq!(eur("1.234"), Ok(123_400));
        assert_eq!(eur("12.5"), Ok(1250));
        assert_eq!(eur("0.99"), Ok(99));
        assert_eq!(eur(".5"), Ok(50));
        assert_eq!(eur("+7"), Ok(700));
        assert_eq!(eur("-5"), Ok(-500));
        assert_eq!(eur("12\u{a0}000"), Ok(1_200_000));
        assert_eq!(eur("1'000'000"), Ok(100_000_000));
        assert_eq!(eur("1,00,000"), Ok(10_000_000), "Indian grouping");
        assert_eq!(eur("1,23,456"), Ok(12_345_600));
        assert_eq!(eur("12,34,567.50"), Ok(123_456_750));
        assert_eq!(eur("12."), Ok(1200));
        assert_eq!(eur("- 5"), Ok(-500));
    }

    #[test]
    fn typos_are_refused_not_read_as_another_number() {
        for bad in [
            "",
            "abc",
            "12k",
            "-",
            ",",
            "1.2.3",
            "5,,00",
            "1,234.5,6",
            "12..5",
            "1 00",
            "10 000 0",
            "1.000,",
        ] {
            assert_eq!(eur(bad), Err(AmountError::NotANumber), "{bad}");
        }
        let too_precise = Err(AmountError::TooPrecise(Currency::EUR));
        assert_eq!(eur("0.125"), too_precise);
        assert_eq!(eur(".500"), too_precise);
        assert_eq!(eur("1234,567"), too_precise);
        assert_eq!(eur("1,2345"), too_precise);
        assert_eq!(eur("99999999999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn currencies_with_other_minor_units() {
        let jpy = Currency::parse("jpy").unwrap();
        assert_eq!(parse_amount("12,000", jpy).map(|m| m.minor), Ok(12_000));
        assert_eq!(parse_amount("1.5", jpy), Err(AmountError::TooPrecise(jpy)));
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(parse_amount("1.234", kwd).map(|m| m.minor), Ok(1234));
        assert_eq!(parse_amount("0.125", kwd).map(|m| m.minor), Ok(125));
    }
}
