//! The period a report is about: whole days in the user's time zone, either end open.

use chrono::{DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, Utc};

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

    /// This calendar month so far: its first day to today.
    pub fn month_to_date(today: NaiveDate) -> Period {
        Period {
            from: today.with_day(1),
            to: Some(today),
        }
    }

    /// The whole calendar month before the one `day` is in.
    pub fn last_month(day: NaiveDate) -> Period {
        let first = day
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(1)));
        Period {
            from: first,
            to: day.with_day(1).and_then(|d| d.pred_opt()),
        }
    }

    /// This calendar quarter so far (January, April, July or October the 1st to today).
    pub fn quarter_to_date(today: NaiveDate) -> Period {
        let first_month = (today.month0() / 3) * 3 + 1;
        Period {
            from: NaiveDate::from_ymd_opt(today.year(), first_month, 1),
            to: Some(today),
        }
    }

    /// This calendar year so far.
    pub fn year_to_date(today: NaiveDate) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(today.year(), 1, 1),
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

    pub fn window(&self, now: DateTime<FixedOffset>) -> Window {
        let offset = *now.offset();
        let midnight = |day: NaiveDate| {
            day.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .map(|t| t.to_utc())
        };
        let end_of = |day: NaiveDate| day.checked_add_days(Days::new(1)).and_then(midnight);
        // Up to and including the clock's second: what was done "now" (the clock counts whole
        // seconds) is in the period, and nothing after it.
        let now_end = now.to_utc() + chrono::Duration::seconds(1);
        let end = self
            .to
            .and_then(end_of)
            .map_or(now_end, |end| end.min(now_end));
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
    fn calendar_presets_end_today_or_cover_whole_months() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let between = |from, to| Period {
            from: Some(from),
            to: Some(to),
        };
        let today = day(2026, 11, 27);
        assert_eq!(
            Period::month_to_date(today),
            between(day(2026, 11, 1), today)
        );
        assert_eq!(
            Period::last_month(today),
            between(day(2026, 10, 1), day(2026, 10, 31))
        );
        assert_eq!(
            Period::last_month(day(2026, 3, 31)),
            between(day(2026, 2, 1), day(2026, 2, 28)),
            "February after a 31st"
        );
        assert_eq!(
            Period::last_month(day(2026, 1, 15)),
            between(day(2025, 12, 1), day(2025, 12, 31)),
            "over the new year"
        );
        assert_eq!(
            Period::quarter_to_date(today),
            between(day(2026, 10, 1), today)
        );
        assert_eq!(
            Period::quarter_to_date(day(2026, 3, 31)),
            between(day(2026, 1, 1), day(2026, 3, 31))
        );
        assert_eq!(
            Period::quarter_to_date(day(2026, 4, 1)),
            between(day(2026, 4, 1), day(2026, 4, 1))
        );
        assert_eq!(Period::year_to_date(today), between(day(2026, 1, 1), today));
        assert_eq!(
            Period::month_to_date(day(2026, 11, 1)).previous(day(2026, 11, 1)),
            Some(between(day(2026, 10, 31), day(2026, 10, 31))),
            "the first of the month compares with the day before"
        );
    }

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
