//! `dealboard review`: opens the stand-up presentation over one or more boards, read-only.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Args;

use super::Failure;
use crate::clock::Clock;
use crate::report::{previous_working_day, start_of};
use crate::store::board_files;
use crate::text::{fill, t};
use crate::tui::Ending;

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[arg(long, value_name = "NAME", help = t().cli.arg_review_owner)]
    pub owner: Option<String>,
    #[arg(long, value_name = "DATE|yesterday|last", allow_hyphen_values = true, help = t().cli.arg_since)]
    pub since: Option<String>,
    #[arg(value_name = "BOARD", help = t().cli.arg_review_boards)]
    pub boards: Vec<PathBuf>,
}

pub fn review(path: &Path, args: &ReviewArgs, clock: &dyn Clock) -> Result<Ending, Failure> {
    let since = since(args.since.as_deref(), clock)?;
    let named = if args.boards.is_empty() {
        vec![path.to_path_buf()]
    } else {
        args.boards.clone()
    };
    let files = board_files(&named);
    if files.is_empty() {
        return Err(Failure(t().cli.review_no_files.to_string()));
    }
    // Nothing to present when no file can be read at all: say why, and what to do, instead.
    let (combined, _) = super::stats::combined(&files)?;
    // A name nobody has is most likely a typo: refused as `stats` refuses it.
    if let Some(owner) = args.owner.as_deref() {
        super::stats::no_such_owner(&combined, owner)?;
    }
    // Followed while the review runs: a team.ron broken now is a warning on the screen.
    let team = crate::store::folder_to_follow(&named);
    crate::tui::review::run(named, args.owner.as_deref(), since, team)
        .map_err(|e| Failure(fill(t().errors.terminal, &[("error", &e)])))
}

/// `last` (the previous working day, the default), or a date (`yesterday`, `-2d`, `2026-11-20`): from its start,
/// where the user is.
fn since(text: Option<&str>, clock: &dyn Clock) -> Result<DateTime<Utc>, Failure> {
    let now = clock.now();
    let today = now.date_naive();
    match text.map(str::trim) {
        None | Some("last") => Ok(previous_working_day(now)),
        // `yesterday`, `вчера`, `-2d` and dates are read as everywhere else.
        Some(date) => match crate::text::parse_date(date, today) {
            Ok(Some(day)) if day > today => Err(Failure(fill(
                t().cli.bad_field,
                &[("field", &"since"), ("problem", &t().cli.since_future)],
            ))),
            Ok(Some(day)) => Ok(start_of(day, now)),
            _ => Err(Failure(fill(
                t().cli.bad_field,
                &[("field", &"since"), ("problem", &t().cli.since_hint)],
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    /// Friday 2026-11-27 10:00 in Moscow.
    fn friday() -> FixedClock {
        FixedClock(DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap_or_default())
    }

    fn local(text: Option<&str>) -> String {
        let clock = friday();
        match since(text, &clock) {
            Ok(at) => at.with_timezone(clock.now().offset()).to_rfc3339(),
            Err(Failure(message)) => message,
        }
    }

    #[test]
    fn since_is_the_start_of_a_day_where_the_user_is() {
        assert_eq!(
            local(None),
            "2026-11-26T00:00:00+03:00",
            "the previous working day"
        );
        assert_eq!(local(Some("last")), "2026-11-26T00:00:00+03:00");
        assert_eq!(local(Some("yesterday")), "2026-11-26T00:00:00+03:00");
        assert_eq!(local(Some("2026-11-20")), "2026-11-20T00:00:00+03:00");
        assert_eq!(local(Some("-3d")), "2026-11-24T00:00:00+03:00");
        assert_eq!(local(Some("today")), "2026-11-27T00:00:00+03:00");
        assert!(local(Some("tomorrow")).contains("has not come yet"));
        assert!(local(Some("soon")).contains("--since:"));
    }
}
