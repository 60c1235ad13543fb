//! Whether a deal's next action is late.

use chrono::NaiveDate;

use crate::model::Deal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// No due date set.
    Unplanned,
    /// Due before today, by this many days.
    Overdue(i64),
    Today,
    Later(NaiveDate),
}

pub fn due_state(deal: &Deal, today: NaiveDate) -> Due {
    match deal.next_action_due {
        None => Due::Unplanned,
        Some(date) if date < today => Due::Overdue((today - date).num_days()),
        Some(date) if date == today => Due::Today,
        Some(date) => Due::Later(date),
    }
}

/// How many of `deals` have a next action due before `today`.
pub fn overdue_count<'a>(deals: impl IntoIterator<Item = &'a Deal>, today: NaiveDate) -> usize {
    deals
        .into_iter()
        .filter(|d| matches!(due_state(d, today), Due::Overdue(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, Money, StageId};
    use chrono::{TimeZone, Utc};

    #[test]
    fn overdue_today_later_and_unplanned() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut deal = Deal::new(
            DealId(1),
            "d",
            StageId("lead".into()),
            Money::zero(Currency::EUR),
            now,
        );
        assert_eq!(due_state(&deal, today), Due::Unplanned);
        deal.next_action_due = NaiveDate::from_ymd_opt(2026, 11, 24);
        assert_eq!(due_state(&deal, today), Due::Overdue(3));
        deal.next_action_due = Some(today);
        assert_eq!(due_state(&deal, today), Due::Today);
        deal.next_action_due = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert_eq!(
            due_state(&deal, today),
            Due::Later(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        );
        let late = Deal {
            next_action_due: NaiveDate::from_ymd_opt(2026, 11, 1),
            ..deal.clone()
        };
        assert_eq!(overdue_count([&deal, &late, &late], today), 2);
    }
}
