//! What needs the seller: next actions that are late, and deals going cold.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{Board, Deal, Phase, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// No next action planned (no due date).
    Unplanned,
    /// Due before today, by this many days.
    Overdue(i64),
    Today,
    Later(NaiveDate),
}

pub fn due_state(deal: &Deal, today: NaiveDate) -> Due {
    match deal.next_due() {
        None => Due::Unplanned,
        Some(date) if date < today => Due::Overdue((today - date).num_days()),
        Some(date) if date == today => Due::Today,
        Some(date) => Due::Later(date),
    }
}

/// Days since the deal was last touched (moved, edited, a criterion ticked or an action done),
/// counted in calendar days where the user is: touched yesterday evening is one day idle this
/// morning, as a person would say.
pub fn idle_days(deal: &Deal, now: DateTime<FixedOffset>) -> i64 {
    let touched = deal.updated.with_timezone(now.offset()).date_naive();
    (now.date_naive() - touched).num_days().max(0)
}

/// The days idle when a deal on the board has sat untouched longer than its stage allows;
/// `None` while it is fresh, or off the board (lost, or won on a board without stages after the
/// sale). Won deals being delivered rot too: a customer left alone goes cold as well.
pub fn rotting_days(deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Option<i64> {
    rotting_in(deal, board.stage(&deal.stage)?, now)
}

/// [`rotting_days`] when the deal's stage is already known.
pub(super) fn rotting_in(deal: &Deal, stage: &Stage, now: DateTime<FixedOffset>) -> Option<i64> {
    if !deal.is_on_board(stage.phase == Phase::PostSale) {
        return None;
    }
    let allowed = i64::from(stage.rot_days);
    let idle = idle_days(deal, now);
    (idle > allowed).then_some(idle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, Money, StageId, Status};
    use chrono::Duration;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    fn deal_touched(days_ago: i64, stage: &str) -> Deal {
        let at = (now() - Duration::days(days_ago)).to_utc();
        Deal::new(
            DealId(1),
            "d",
            StageId(stage.into()),
            Money::zero(Currency::EUR),
            at,
        )
    }

    #[test]
    fn overdue_today_later_and_unplanned() {
        let today = now().date_naive();
        let mut deal = deal_touched(0, "lead");
        assert_eq!(due_state(&deal, today), Due::Unplanned);
        deal.set_next_due(NaiveDate::from_ymd_opt(2026, 11, 24));
        assert_eq!(due_state(&deal, today), Due::Overdue(3));
        deal.set_next_due(Some(today));
        assert_eq!(due_state(&deal, today), Due::Today);
        let later = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        deal.set_next_due(Some(later));
        assert_eq!(due_state(&deal, today), Due::Later(later));
    }

    #[test]
    fn a_deal_rots_after_its_stages_rot_days_with_a_fixed_clock() {
        let board = crate::store::default_board().unwrap(); // Lead: 14 days, Proposal prep: 7
        assert_eq!(rotting_days(&deal_touched(14, "lead"), &board, now()), None);
        assert_eq!(
            rotting_days(&deal_touched(15, "lead"), &board, now()),
            Some(15)
        );
        assert_eq!(
            rotting_days(&deal_touched(8, "proposal-preparation"), &board, now()),
            Some(8)
        );
        let mut lost = deal_touched(40, "lead");
        lost.status = Status::Lost {
            at: lost.created,
            reason: String::new(),
        };
        assert_eq!(
            rotting_days(&lost, &board, now()),
            None,
            "closed deals do not rot"
        );
        assert_eq!(idle_days(&deal_touched(0, "lead"), now()), 0);
    }

    #[test]
    fn a_won_deal_being_delivered_rots_too_but_not_one_off_the_board() {
        let mut board = crate::store::default_board().unwrap(); // Delivery: 30 days
        let mut delivering = deal_touched(31, "delivery");
        delivering.status = Status::Won {
            at: delivering.created,
        };
        assert_eq!(rotting_days(&delivering, &board, now()), Some(31));
        let mut won_elsewhere = deal_touched(31, "agreed");
        won_elsewhere.status = delivering.status.clone();
        assert_eq!(
            rotting_days(&won_elsewhere, &board, now()),
            None,
            "in the closed list"
        );
        board.stages.retain(|s| s.id.as_str() != "delivery");
        assert_eq!(rotting_days(&delivering, &board, now()), None);
    }

    #[test]
    fn idle_days_are_calendar_days_where_the_user_is() {
        // 10:00 in Moscow; touched at 23:30 Moscow time the evening before: 10.5 hours ago.
        let mut deal = deal_touched(0, "lead");
        deal.updated = DateTime::parse_from_rfc3339("2026-11-26T23:30:00+03:00")
            .unwrap()
            .to_utc();
        assert_eq!(idle_days(&deal, now()), 1, "yesterday");
        // 00:30 Moscow time today is still 21:30 UTC yesterday: today all the same.
        deal.updated = DateTime::parse_from_rfc3339("2026-11-27T00:30:00+03:00")
            .unwrap()
            .to_utc();
        assert_eq!(idle_days(&deal, now()), 0, "today");
    }
}
