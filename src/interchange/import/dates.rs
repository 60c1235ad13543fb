//! Dates and times as exports write them: ISO (`2026-11-27`, `2026-11-27 14:03:00`,
//! `2026-11-27T14:03:00Z`, with an offset), `27.11.2026`, `2026/11/27`, and the ambiguous slash
//! forms `11/27/2026` / `27/11/2026` (with an optional time, `2:03 PM` too), whose order is
//! decided once for the whole file.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::{DateOrder, ImportError};
use crate::text::t;
use crate::text::{Quoted, fill};

/// A date or time as written, before a time zone is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    Date(NaiveDate),
    /// A time without an offset: the user's own.
    Local(NaiveDateTime),
    Exact(DateTime<FixedOffset>),
}

/// Reads the dates of one file: slash dates in one order, times without an offset in the
/// user's time zone.
#[derive(Clone, Copy, Debug)]
pub(super) struct DateReader {
    pub order: DateOrder,
    pub offset: FixedOffset,
}

impl DateReader {
    /// The calendar date as written (any time of day is dropped, not moved to another zone).
    pub fn date(&self, text: &str) -> Result<Option<NaiveDate>, String> {
        Ok(self.read(text)?.map(|written| match written {
            Written::Date(date) => date,
            Written::Local(time) => time.date(),
            Written::Exact(time) => time.date_naive(),
        }))
    }

    /// A moment, in UTC. A date alone is its midnight where the user is.
    pub fn time(&self, text: &str) -> Result<Option<DateTime<Utc>>, String> {
        let Some(written) = self.read(text)? else {
            return Ok(None);
        };
        let exact = match written {
            Written::Date(date) => date
                .and_time(NaiveTime::MIN)
                .and_local_timezone(self.offset)
                .single(),
            Written::Local(time) => time.and_local_timezone(self.offset).single(),
            Written::Exact(time) => Some(time),
        };
        exact
            .map(|time| Some(time.to_utc()))
            .ok_or_else(|| t().import.bad_date.to_string())
    }

    fn read(&self, text: &str) -> Result<Option<Written>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match read_written(text, self.order) {
            Some(written) => Ok(Some(written)),
            None if slash_parts(text).is_some() => {
                let order = match self.order {
                    DateOrder::DayFirst => t().import.day_first,
                    DateOrder::MonthFirst => t().import.month_first,
                };
                Err(fill(t().import.bad_slash_date, &[("order", &order)]))
            }
            None => Err(t().import.bad_date.to_string()),
        }
    }
}

/// How the file's slash dates are to be read, from the dates themselves: `27/11/2026` can only
/// be day first, `11/27/2026` only month first. A file with both is refused; a file where no
/// date decides takes `default`. The `bool` says whether the file had any slash date.
pub(super) fn decide_order<'a>(
    cells: impl Iterator<Item = (u64, &'a str)>,
    default: DateOrder,
) -> Result<(DateOrder, bool), ImportError> {
    let mut any = false;
    let mut day_first: Option<(u64, &str)> = None;
    let mut month_first: Option<(u64, &str)> = None;
    for (line, text) in cells {
        let Some((first, second)) = slash_parts(text) else {
            continue;
        };
        any = true;
        if first > 12 && second <= 12 {
            day_first.get_or_insert((line, text.trim()));
        } else if second > 12 && first <= 12 {
            month_first.get_or_insert((line, text.trim()));
        }
    }
    let order = match (day_first, month_first) {
        (Some((day_line, day_text)), Some((month_line, month_text))) => {
            return Err(ImportError(fill(
                t().import.mixed_date_orders,
                &[
                    ("day_line", &day_line),
                    ("day_text", &Quoted(day_text)),
                    ("month_line", &month_line),
                    ("month_text", &Quoted(month_text)),
                ],
            )));
        }
        (Some(_), None) => DateOrder::DayFirst,
        (None, Some(_)) => DateOrder::MonthFirst,
        (None, None) => default,
    };
    Ok((order, any))
}

/// The two leading numbers of a slash date such as `11/27/2026` (not `2026/11/27`).
fn slash_parts(text: &str) -> Option<(u32, u32)> {
    let (date, _) = split_date_time(text.trim());
    let parts: Vec<&str> = date.split('/').collect();
    match parts.as_slice() {
        [a, b, year] if is_number(a, 1, 2) && is_number(b, 1, 2) && is_number(year, 4, 4) => {
            Some((a.parse().ok()?, b.parse().ok()?))
        }
        _ => None,
    }
}

fn read_written(text: &str, order: DateOrder) -> Option<Written> {
    let (date_part, time_part) = split_date_time(text);
    let date = read_date(date_part, order)?;
    if time_part.is_empty() {
        return Some(Written::Date(date));
    }
    let (clock, offset) = split_offset(time_part)?;
    let time = date.and_time(read_clock(clock)?);
    Some(match offset {
        None => Written::Local(time),
        Some(offset) => Written::Exact(offset.from_local_datetime(&time).single()?),
    })
}

/// `2026-11-27T14:03` and `2026-11-27 14:03` alike split into the date and the rest.
fn split_date_time(text: &str) -> (&str, &str) {
    // The separator may be any space (a no-break space too), so split on a whole character.
    let at = text
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .or_else(|| text.char_indices().find(|(_, c)| matches!(c, 'T' | 't')));
    match at {
        Some((at, c)) => (&text[..at], text[at + c.len_utf8()..].trim()),
        None => (text, ""),
    }
}

fn read_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let (separator, year_first) = if text.contains('-') {
        ('-', true)
    } else if text.contains('.') {
        ('.', false)
    } else {
        ('/', text.split('/').next().is_some_and(|y| y.len() == 4))
    };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if year_first {
        (a, b, c)
    } else if separator == '/' && order == DateOrder::MonthFirst {
        (c, a, b)
    } else {
        (c, b, a)
    };
    if !(is_number(year, 4, 4) && is_number(month, 1, 2) && is_number(day, 1, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Splits `14:03:00Z`, `14:03+03:00`, `14:03:00 +0300` or `14:03 UTC` into the clock and the
/// offset; `None` when an offset is there but unreadable.
fn split_offset(text: &str) -> Option<(&str, Option<FixedOffset>)> {
    let utc = FixedOffset::east_opt(0);
    if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        return Some((clock.trim_end(), utc));
    }
    let tail = text.len().saturating_sub(3);
    if let (Some(clock), Some(zone)) = (text.get(..tail), text.get(tail..))
        && zone.eq_ignore_ascii_case("utc")
    {
        return Some((clock.trim_end(), utc));
    }
    let Some(at) = text.rfind(['+', '-']) else {
        return Some((text, None));
    };
    let (clock, offset) = (&text[..at], &text[at + 1..]);
    let digits: String = offset.chars().filter(|c| *c != ':').collect();
    if !is_number(&digits, 2, 4) || digits.len() == 3 {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Ok(0), str::parse)
        .ok()?;
    let seconds = (hours * 60 + minutes) * 60;
    let sign = if text[at..].starts_with('-') { -1 } else { 1 };
    Some((
        clock.trim_end(),
        Some(FixedOffset::east_opt(sign * seconds)?),
    ))
}

/// `14:03`, `14:03:00`, `14:03:00.250`, `2:03 PM`, `12:15am`.
fn read_clock(text: &str) -> Option<NaiveTime> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, meridiem) = match (lower.strip_suffix("am"), lower.strip_suffix("pm")) {
        (Some(clock), _) => (clock.trim_end(), Some(0)),
        (_, Some(clock)) => (clock.trim_end(), Some(12)),
        _ => (lower.as_str(), None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let (hour, minute, second) = match parts.as_slice() {
        [h, m] => (*h, *m, "0"),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let (whole, fraction) = second.split_once('.').unwrap_or((second, ""));
    if !(is_number(hour, 1, 2) && is_number(minute, 2, 2) && is_number(whole, 1, 2)) {
        return None;
    }
    if !fraction.is_empty() && !is_number(fraction, 1, 9) {
        return None;
    }
    let mut hour: u32 = hour.parse().ok()?;
    if let Some(after_noon) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + after_noon;
    }
    let nanos: u32 = format!("{fraction:0<9}").parse().ok()?;
    NaiveTime::from_hms_nano_opt(hour, minute.parse().ok()?, whole.parse().ok()?, nanos)
}

fn is_number(text: &str, shortest: usize, longest: usize) -> bool {
    (shortest..=longest).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(order: DateOrder) -> DateReader {
        DateReader {
            order,
            offset: FixedOffset::east_opt(3 * 3600).unwrap(),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn dates_in_every_form() {
        let r = reader(DateOrder::DayFirst);
        let m = reader(DateOrder::MonthFirst);
        assert_eq!(r.date("2026-11-27"), Ok(Some(day(2026, 11, 27))));
        assert_eq!(r.date(" 27.11.2026 "), Ok(Some(day(2026, 11, 27))));
        assert_eq!(r.date("2026/11/27"), Ok(Some(day(2026, 11, 27))));
        assert_eq!(m.date("2026/11/27"), Ok(Some(day(2026, 11, 27))));
        assert_eq!(r.date("03/04/2026"), Ok(Some(day(2026, 4, 3))));
        assert_eq!(m.date("03/04/2026"), Ok(Some(day(2026, 3, 4))));
        assert_eq!(m.date("11/27/2026 2:03 PM"), Ok(Some(day(2026, 11, 27))));
        assert_eq!(
            r.date("2026-11-30T23:30:00-05:00"),
            Ok(Some(day(2026, 11, 30))),
            "the date as written, not moved to the user's zone"
        );
        assert_eq!(r.date(""), Ok(None));
    }

    #[test]
    fn times_become_utc_with_the_users_offset_when_they_have_none() {
        let r = reader(DateOrder::DayFirst);
        let m = reader(DateOrder::MonthFirst);
        let at = |text| r.time(text).unwrap().unwrap();
        assert_eq!(at("2026-11-27 14:03:00"), utc("2026-11-27T11:03:00Z"));
        assert_eq!(at("2026-11-27T14:03"), utc("2026-11-27T11:03:00Z"));
        assert_eq!(at("2026-11-27T14:03:00Z"), utc("2026-11-27T14:03:00Z"));
        assert_eq!(at("2026-11-27T14:03:00+01:00"), utc("2026-11-27T13:03:00Z"));
        assert_eq!(at("2026-11-27 14:03:00 -0130"), utc("2026-11-27T15:33:00Z"));
        assert_eq!(at("2026-11-27 14:03 UTC"), utc("2026-11-27T14:03:00Z"));
        assert_eq!(
            at("2026-11-27"),
            utc("2026-11-26T21:00:00Z"),
            "local midnight"
        );
        assert_eq!(at("27.11.2026 09:30"), utc("2026-11-27T06:30:00Z"));
        assert_eq!(
            at("2026-11-27T14:03:00.250Z"),
            utc("2026-11-27T14:03:00.250Z")
        );
        let pm = m.time("11/27/2026 2:03 PM").unwrap().unwrap();
        assert_eq!(pm, utc("2026-11-27T11:03:00Z"));
        let midnight = m.time("11/27/2026 12:15 am").unwrap().unwrap();
        assert_eq!(midnight, utc("2026-11-26T21:15:00Z"));
        let noon = r.time("27/11/2026 12:00PM").unwrap().unwrap();
        assert_eq!(noon, utc("2026-11-27T09:00:00Z"));
    }

    #[test]
    fn what_is_not_a_date_says_how_it_was_read() {
        let r = reader(DateOrder::DayFirst);
        let m = reader(DateOrder::MonthFirst);
        for bad in [
            "next week",
            "2026-13-01",
            "31.02.2026",
            "2026-11-27 25:00",
            "2026-11-27 1:3",
            "2026-11-27 13:00 PM",
            "27-11-2026",
            "26-11-27",
            "2026-11-27 14:03+3",
        ] {
            assert_eq!(r.date(bad), Err(t().import.bad_date.to_string()), "{bad}");
        }
        let error = m.date("27/11/2026").unwrap_err();
        assert_eq!(error, "not a date when read month first (11/27/2026)");
    }

    #[test]
    fn one_order_for_the_whole_file() {
        let decide =
            |cells: &[(u64, &'static str)], default| decide_order(cells.iter().copied(), default);
        let day_first = [
            (2, "03/04/2026"),
            (3, "2026-01-01"),
            (4, "27/11/2026 10:00"),
        ];
        assert_eq!(
            decide(&day_first, DateOrder::MonthFirst),
            Ok((DateOrder::DayFirst, true))
        );
        let month_first = [(2, "11/27/2026"), (3, "03/04/2026")];
        assert_eq!(
            decide(&month_first, DateOrder::DayFirst),
            Ok((DateOrder::MonthFirst, true))
        );
        let undecided = [(2, "03/04/2026"), (3, "2026/11/27")];
        assert_eq!(
            decide(&undecided, DateOrder::MonthFirst),
            Ok((DateOrder::MonthFirst, true))
        );
        let iso = [(2, "2026-11-27"), (3, "")];
        assert_eq!(
            decide(&iso, DateOrder::DayFirst),
            Ok((DateOrder::DayFirst, false))
        );
        let mixed = [(2, "27/11/2026"), (5, "11/28/2026"), (6, "30/11/2026")];
        assert_eq!(
            decide(&mixed, DateOrder::DayFirst).unwrap_err().0,
            "The dates mix two orders: line 2 has 27/11/2026 (day first) and line 5 has \
             11/28/2026 (month first). Write every date one way and import again."
        );
    }
}
