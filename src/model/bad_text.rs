//! A value in the board file that cannot be read (money, a currency, a date, a time), kept with
//! what was there and why, so the message can show it. Its wording lives with the other messages.

use super::money::AmountError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadText {
    pub kind: BadTextKind,
    /// The text as it was in the file.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadTextKind {
    /// Money needs an amount and a currency; with why the amount was refused, if it was.
    Money(Option<AmountError>),
    Currency,
    Date,
    /// A time of day (`14:30`).
    ClockTime,
    Timestamp,
    /// An exchange rate: see `PerUnit::parse`.
    Rate,
    /// A currency given two rates (the text is its code).
    RateTwice,
    /// A rate of the report currency itself (the text is its code).
    RateOfReportCurrency,
}

impl BadText {
    pub fn money(text: String, problem: Option<AmountError>) -> BadText {
        BadText {
            kind: BadTextKind::Money(problem),
            text,
        }
    }

    pub fn currency(text: String) -> BadText {
        BadText {
            kind: BadTextKind::Currency,
            text,
        }
    }
}

/// Reads a text value of the file with `parse`, without copying it: only a text that cannot be
/// read is kept, for the message.
pub fn read_text<'de, D, T>(d: D, parse: fn(&str) -> Result<T, BadText>) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Text<T>(fn(&str) -> Result<T, BadText>);

    impl<T> serde::de::Visitor<'_> for Text<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            (self.0)(text).map_err(E::custom)
        }
    }

    d.deserialize_str(Text(parse))
}

/// Dates (`2026-12-31`) and times (`2026-11-27T09:00:00Z`) in the file, with errors that say
/// which text is wrong rather than "input is out of range".
pub mod file_time {
    use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
    use serde::{Deserialize, Deserializer};

    use super::super::limits::{date_in_range, time_in_range};
    use super::{BadText, BadTextKind, read_text};

    /// A date that must be there.
    pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        read_text(d, parse_date)
    }

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        struct Day(NaiveDate);
        impl<'de> Deserialize<'de> for Day {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                read_text(d, parse_date).map(Day)
            }
        }
        Ok(Option::<Day>::deserialize(d)?.map(|day| day.0))
    }

    pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        read_text(d, parse_timestamp)
    }

    /// A time of day that may be missing, written `14:30`.
    pub fn clock<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        struct Clock(NaiveTime);
        impl<'de> Deserialize<'de> for Clock {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                read_text(d, |text| {
                    NaiveTime::parse_from_str(text, "%H:%M")
                        .map_err(|_| BadText {
                            kind: BadTextKind::ClockTime,
                            text: text.to_string(),
                        })
                        .map(Clock)
                })
            }
        }
        Ok(Option::<Clock>::deserialize(d)?.map(|clock| clock.0))
    }

    /// Writes a time of day as [`clock`] reads it.
    pub fn write_clock<S: serde::Serializer>(
        time: &Option<NaiveTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(t) => s.serialize_some(&t.format("%H:%M").to_string()),
            None => s.serialize_none(),
        }
    }

    fn parse_date(text: &str) -> Result<NaiveDate, BadText> {
        written_date(text)
            .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .filter(|d| date_in_range(*d))
            .ok_or_else(|| BadText {
                kind: BadTextKind::Date,
                text: text.to_string(),
            })
    }

    fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, BadText> {
        written_timestamp(text)
            .or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|t| t.to_utc()))
            .filter(|t| time_in_range(*t))
            .ok_or_else(|| BadText {
                kind: BadTextKind::Timestamp,
                text: text.to_string(),
            })
    }

    /// The number written in `text[range]` in ASCII digits only.
    fn number(text: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
        text.get(range)?.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }

    /// A date as dealboard writes it, `2026-12-31`, read without chrono's general parser
    /// (which reads anything else, as before).
    fn written_date(text: &str) -> Option<NaiveDate> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = i32::try_from(number(b, 0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, number(b, 5..7)?, number(b, 8..10)?)
    }

    /// A time as dealboard writes it, `2026-11-27T09:00:00Z`.
    fn written_timestamp(text: &str) -> Option<DateTime<Utc>> {
        let b = text.as_bytes();
        if b.len() != 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z' {
            return None;
        }
        let day = written_date(text.get(..10)?)?;
        let time =
            NaiveTime::from_hms_opt(number(b, 11..13)?, number(b, 14..16)?, number(b, 17..19)?)?;
        Some(day.and_time(time).and_utc())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn times_as_written_read_as_chrono_reads_them() {
            for text in [
                "2026-11-27T09:00:00Z",
                "1900-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "2024-02-29T12:30:45Z",
            ] {
                let chrono = DateTime::parse_from_rfc3339(text).unwrap().to_utc();
                assert_eq!(written_timestamp(text), Some(chrono), "{text}");
                assert_eq!(parse_timestamp(text), Ok(chrono));
            }
            for text in ["2026-12-31", "2024-02-29", "1900-01-01"] {
                let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
                assert_eq!(written_date(text), Some(chrono), "{text}");
            }
        }

        #[test]
        fn anything_else_goes_to_chrono_or_is_refused_with_its_text() {
            assert_eq!(written_timestamp("2026-11-27T09:00:00+03:00"), None);
            assert_eq!(
                parse_timestamp("2026-11-27T09:00:00+03:00"),
                Ok(DateTime::parse_from_rfc3339("2026-11-27T06:00:00Z")
                    .unwrap()
                    .to_utc())
            );
            for bad in [
                "2026-13-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-11-27T24:00:00Z",
                "+026-11-27T00:00:00Z",
                "2026-11-27 09:00:00Z",
            ] {
                assert_eq!(written_timestamp(bad), None, "{bad}");
            }
            for bad in ["2023-02-29", "2026-1-01", "2026-01-1x", "20260101"] {
                assert_eq!(written_date(bad), None, "{bad}");
            }
            assert_eq!(
                parse_date("2026-1-1"),
                NaiveDate::parse_from_str("2026-1-1", "%Y-%m-%d").map_err(|_| unreachable!())
            );
            assert_eq!(
                parse_date("31.12.2026").unwrap_err(),
                BadText {
                    kind: BadTextKind::Date,
                    text: "31.12.2026".into()
                }
            );
        }
    }
}
