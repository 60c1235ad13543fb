//! The one place the program reads the wall clock. Everything else is handed a [`Clock`], so
//! tests run at a fixed moment and model and report code stay pure.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, SubsecRound, Utc};

pub trait Clock {
    /// Now, in the user's time zone, to the second (the board file records whole seconds).
    fn now(&self) -> DateTime<FixedOffset>;

    fn now_utc(&self) -> DateTime<Utc> {
        self.now().with_timezone(&Utc)
    }

    /// The user's calendar date, which decides what is overdue or due today.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset().trunc_subsecs(0)
    }
}

/// A clock stopped at one moment, for tests, screenshots and benchmarks.
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}
