//! The period a report is about: whole days in the user's time zone, either end open.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};

/// From the first day to the last, both included; no first day is "since the beginning", no
/// last day "up to now".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A period as moments: `start` included, `end` excluded (the end is "now" at the latest).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Option<DateTime<Utc>>,
    pub end: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl Period {
    pub fn all() -> Period {
        Period::default()
    }

    /// The last `days` days, today included.
    pub fn last_days(days: u64, today: NaiveDate) -> Period {
        Period {
            from: today.checked_sub_days(Days::new(days.saturating_sub(1))),
            to: Some(today),
        }
    }

    /// The same number of days just before this period (for before/after comparisons);
    /// `None` for a period open at the start.
    pub fn previous(&self, today: NaiveDate) -> Option<Period> {
        let from = self.from?;
        let to = self.to.unwrap_or(today);
        let days = (to - from).num_days().max(0) as u64 + 1;
        let before = from.checked_sub_days(Days::new(1))?;
        Some(Period {
            from: before.checked_sub_days(Days::new(days - 1)),
            to: Some(before),
        })
    }

    pub(super) fn window(&self, now: DateTime<FixedOffset>) -> Window {
        let offset = *now.offset();
        let midnight = |day: NaiveDate| {
            day.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .map(|t| t.to_utc())
        };
        let end_of = |day: NaiveDate| day.checked_add_days(Days::new(1)).and_then(midnight);
        let end = self
            .to
            .and_then(end_of)
            .map_or(now.to_utc(), |end| end.min(now.to_utc()));
        Window {
            start: self.from.and_then(midnight),
            end,
            offset,
        }
    }
}

impl Window {
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start.is_none_or(|start| at >= start) && at < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_the_users_zone_with_open_ends() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let november = Period {
            from: Some(day(1)),
            to: Some(day(30)),
        };
        let window = november.window(now);
        let at = |text| DateTime::parse_from_rfc3339(text).unwrap().to_utc();
        assert!(
            window.contains(at("2026-10-31T21:00:00Z")),
            "Nov 1, 00:00 in Moscow"
        );
        assert!(!window.contains(at("2026-10-31T20:59:59Z")));
        assert!(!window.contains(at("2026-11-27T07:00:01Z")), "after now");
        assert_eq!(Period::last_days(7, day(27)).from, Some(day(21)));
        assert_eq!(
            Period::last_days(7, day(27)).previous(day(27)),
            Some(Period {
                from: Some(day(14)),
                to: Some(day(20))
            })
        );
        assert_eq!(Period::all().previous(day(27)), None);
        assert!(
            Period::all()
                .window(now)
                .contains(at("2001-01-01T00:00:00Z"))
        );
    }
}
