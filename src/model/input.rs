//! Reading field values as people type them, in the deal form and on the command line alike.

use chrono::{Days, NaiveDate};

use super::money::{AmountError, Currency, Money};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Required,
    Negative,
    Date,
    Probability,
    /// Not a time of day.
    TimeOfDay,
    Amount(AmountError),
    Currency,
    /// Longer than this many characters.
    TooLong(usize),
}

/// A date written in digits: `2026-12-01`, `01.12.2026`, or `+3` / `-3` days from today. Empty
/// text means no date. Dates in words (`today`, `завтра`, `+2w`) are the text layer's, which
/// knows the languages: see `text::parse_date`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = match (text.strip_prefix('+'), text.strip_prefix('-')) {
        (Some(ahead), _) => days_from(ahead, today, true),
        (_, Some(back)) => days_from(back, today, false),
        _ => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
            .ok(),
    };
    checked_date(date)
}

/// `date` when there is one and it is within the years a board keeps.
pub fn checked_date(date: Option<NaiveDate>) -> Result<Option<NaiveDate>, InputError> {
    date.filter(|d| super::limits::date_in_range(*d))
        .map(Some)
        .ok_or(InputError::Date)
}

/// `days` (digits only) days after (or before) `today`.
fn days_from(days: &str, today: NaiveDate, ahead: bool) -> Option<NaiveDate> {
    if days.is_empty() || !days.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days = Days::new(days.parse::<u64>().ok()?);
    if ahead {
        today.checked_add_days(days)
    } else {
        today.checked_sub_days(days)
    }
}

/// What a typed date is read against: today, and the reader (the text layer's `parse_date` in
/// the app and on the command line, which also knows date words in every language).
#[derive(Clone, Copy)]
pub struct DateInput {
    pub today: NaiveDate,
    pub reader: fn(&str, NaiveDate) -> Result<Option<NaiveDate>, InputError>,
}

impl DateInput {
    /// Dates in digits only: [`parse_date`].
    #[cfg(test)]
    pub fn digits(today: NaiveDate) -> DateInput {
        DateInput {
            today,
            reader: parse_date,
        }
    }

    pub fn read(&self, text: &str) -> Result<Option<NaiveDate>, InputError> {
        (self.reader)(text, self.today)
    }
}

/// A time of day as typed: `14:30`, `9.05`, `9`; empty: none. `Err` when it is not one.
pub fn parse_time_of_day(text: &str) -> Result<Option<chrono::NaiveTime>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (hour, minute) = text.split_once([':', '.']).unwrap_or((text, "0"));
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| InputError::TimeOfDay);
    chrono::NaiveTime::from_hms_opt(number(hour)?, number(minute)?, 0)
        .map(Some)
        .ok_or(InputError::TimeOfDay)
}

/// A probability in percent: `40` or `40%`; empty means "the stage's default".
pub fn parse_probability(text: &str) -> Result<Option<u8>, InputError> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(Some(p)),
        _ => Err(InputError::Probability),
    }
}

pub fn parse_currency(text: &str) -> Result<Currency, InputError> {
    Currency::parse(text).ok_or(InputError::Currency)
}

/// An amount in `currency`; empty text means none.
pub fn parse_money(text: &str, currency: Currency) -> Result<Option<Money>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Money::parse_amount(text, currency)
        .map(Some)
        .map_err(InputError::Amount)
}

/// Tags separated by commas, cleaned like any line, without blanks or repeats, in the order
/// given.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(super::limits::fit_line) {
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_in_digits() {
        let today = day(2026, 11, 27);
        assert_eq!(parse_date("2026-12-01", today), Ok(Some(day(2026, 12, 1))));
        assert_eq!(
            parse_date(" 01.12.2026 ", today),
            Ok(Some(day(2026, 12, 1)))
        );
        assert_eq!(parse_date("+3", today), Ok(Some(day(2026, 11, 30))));
        assert_eq!(parse_date("-3", today), Ok(Some(day(2026, 11, 24))));
        assert_eq!(parse_date("", today), Ok(None));
        for bad in [
            "2026-13-01",
            "today",
            "+x",
            "+3d",
            "31.02.2026",
            "12/01/2026",
            "+99999999",
            "++3",
            "-+3",
        ] {
            assert_eq!(parse_date(bad, today), Err(InputError::Date), "{bad}");
        }
    }

    #[test]
    fn probabilities() {
        assert_eq!(parse_probability("40"), Ok(Some(40)));
        assert_eq!(parse_probability("40 %"), Ok(Some(40)));
        assert_eq!(parse_probability(""), Ok(None));
        assert_eq!(parse_probability("101"), Err(InputError::Probability));
        assert_eq!(parse_probability("-1"), Err(InputError::Probability));
        assert_eq!(parse_probability("high"), Err(InputError::Probability));
    }

    #[test]
    fn tags_are_trimmed_and_unique() {
        assert_eq!(
            parse_tags(" vip, pilot,,vip , Москва "),
            vec!["vip", "pilot", "Москва"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
