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
    Timestamp,
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

/// Dates (`2026-12-31`) and times (`2026-11-27T09:00:00Z`) in the file, with errors that say
/// which text is wrong rather than "input is out of range".
pub mod file_time {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Deserializer};

    use super::{BadText, BadTextKind};

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|d| super::super::limits::date_in_range(*d))
            .map(Some)
            .ok_or_else(|| {
                serde::de::Error::custom(BadText {
                    kind: BadTextKind::Date,
                    text,
                })
            })
    }

    pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|t| t.to_utc())
            .filter(|t| super::super::limits::time_in_range(*t))
            .ok_or_else(|| {
                serde::de::Error::custom(BadText {
                    kind: BadTextKind::Timestamp,
                    text,
                })
            })
    }
}
