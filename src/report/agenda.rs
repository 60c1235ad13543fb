//! The agenda: every planned activity of the deals on the board, overdue first, then day by day
//! from today, as the agenda screen and `dealboard agenda` show it.

use chrono::{Days, NaiveDate};

use crate::model::{Activity, Board, Deal, Phase};

/// One activity in the agenda, and where it is kept (the deal, and its place in the deal's
/// list of activities, which is what marking it done or moving it needs).
#[derive(Clone, Copy, Debug)]
pub struct Planned<'a> {
    pub deal: &'a Deal,
    pub index: usize,
    pub activity: &'a Activity,
}

/// The day an activity with no day is listed under: after every real one.
pub const UNDATED: NaiveDate = NaiveDate::MAX;

impl Planned<'_> {
    /// The day it is due; [`UNDATED`] when it has none.
    pub fn due(&self) -> NaiveDate {
        self.activity.due.unwrap_or(UNDATED)
    }
}

/// What is planned, grouped: activities due before today, then each day from today with
/// something planned, up to the last day asked for; last, those planned for no day.
#[derive(Debug, Default)]
pub struct Agenda<'a> {
    pub overdue: Vec<Planned<'a>>,
    pub days: Vec<(NaiveDate, Vec<Planned<'a>>)>,
    pub undated: Vec<Planned<'a>>,
}

impl<'a> Agenda<'a> {
    /// The activities of the deals on `board` (open, and won ones still being delivered) due
    /// before `today` or in the `days` days from it (today counts as one), each group in time
    /// order (untimed first on a day), then by deal.
    pub fn of(board: &'a Board, today: NaiveDate, days: u32) -> Agenda<'a> {
        let last = today
            .checked_add_days(Days::new(u64::from(days.max(1)) - 1))
            .unwrap_or(today);
        let mut planned: Vec<Planned<'a>> = Vec::new();
        for deal in board.deals.iter() {
            let post_sale = board
                .stage(&deal.stage)
                .is_some_and(|s| s.phase == Phase::PostSale);
            if !deal.is_on_board(post_sale) {
                continue;
            }
            for (index, activity) in deal.activities.iter().enumerate() {
                if activity.due.is_none_or(|due| due <= last) {
                    planned.push(Planned {
                        deal,
                        index,
                        activity,
                    });
                }
            }
        }
        planned.sort_by_key(|p| (p.due(), p.activity.time, p.deal.id, p.index));
        let mut agenda = Agenda::default();
        for item in planned {
            let due = item.due();
            if due == UNDATED {
                agenda.undated.push(item);
            } else if due < today {
                agenda.overdue.push(item);
            } else {
                match agenda.days.last_mut() {
                    Some((day, items)) if *day == due => items.push(item),
                    _ => agenda.days.push((due, vec![item])),
                }
            }
        }
        agenda
    }

    /// Every item in the order shown: overdue, then the days.
    pub fn items(&self) -> impl Iterator<Item = &Planned<'a>> {
        self.overdue
            .iter()
            .chain(self.days.iter().flat_map(|(_, items)| items))
            .chain(&self.undated)
    }

    pub fn len(&self) -> usize {
        let days: usize = self.days.iter().map(|(_, items)| items.len()).sum();
        self.overdue.len() + days + self.undated.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityKind, DealId, StageId};
    use crate::test_boards::moment;
    use chrono::{FixedOffset, NaiveTime, TimeZone, Utc};

    fn board() -> Board {
        let mut board = crate::store::default_board().unwrap();
        let lead = StageId("lead".into());
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d);
        let plans: [&[(u32, Option<u32>)]; 3] = [
            &[(1, None), (3, Some(15))],
            &[(3, Some(9)), (20, None)],
            &[(3, None)],
        ];
        for (i, plan) in plans.iter().enumerate() {
            board
                .add_deal(&lead, moment(), |d| {
                    d.title = format!("Deal {i}");
                    for (due, hour) in plan.iter() {
                        d.plan(Activity {
                            kind: ActivityKind::Call,
                            text: format!("{i}: {due}"),
                            due: day(*due),
                            time: hour.and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)),
                        });
                    }
                })
                .unwrap();
        }
        board
            .add_deal(&lead, moment(), |d| {
                d.title = "Lost one".into();
                d.set_next_due(day(3));
            })
            .unwrap();
        let lost = DealId(board.next_deal_id - 1);
        board.mark_lost(lost, "No budget", moment()).unwrap();
        board
    }

    fn texts(items: &[Planned]) -> Vec<String> {
        items.iter().map(|p| p.activity.text.clone()).collect()
    }

    #[test]
    fn overdue_first_then_each_day_in_time_order_and_closed_deals_left_out() {
        let board = board();
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let agenda = Agenda::of(&board, today, 7);
        assert_eq!(texts(&agenda.overdue), ["0: 1"]);
        assert_eq!(agenda.days.len(), 1, "the 20th is after the week");
        assert_eq!(agenda.days[0].0, today);
        // Untimed first, then 09:00, then 15:00.
        assert_eq!(texts(&agenda.days[0].1), ["2: 3", "1: 3", "0: 3"]);
        assert_eq!(Agenda::of(&board, today, 30).len(), 5);
        assert!(agenda.undated.is_empty());
    }

    #[test]
    fn activities_planned_for_no_day_come_last() {
        let mut board = board();
        let lead = StageId("lead".into());
        board
            .add_deal(&lead, moment(), |d| {
                d.title = "Later".into();
                d.plan(Activity::task("Someday", None));
            })
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let agenda = Agenda::of(&board, today, 1);
        assert_eq!(texts(&agenda.undated), ["Someday"]);
        assert_eq!(agenda.items().last().map(|p| p.due()), Some(UNDATED));
    }

    /// The day is the salesperson's: at 01:30 in Moscow it is already the 3rd there while it is
    /// still the 2nd in UTC, and the other way round in New York.
    #[test]
    fn today_is_the_day_where_the_user_is() {
        let board = board();
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 22, 30, 0).unwrap();
        let moscow = at.with_timezone(&FixedOffset::east_opt(3 * 3600).unwrap());
        let new_york = at.with_timezone(&FixedOffset::west_opt(5 * 3600).unwrap());
        let there = Agenda::of(&board, moscow.date_naive(), 1);
        assert_eq!(
            there.days[0].0,
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
        );
        assert_eq!(texts(&there.days[0].1), ["2: 3", "1: 3", "0: 3"]);
        let here = Agenda::of(&board, new_york.date_naive(), 1);
        assert_eq!(texts(&here.overdue), ["0: 1"]);
        assert!(here.days.is_empty(), "nothing on the 2nd");
    }
}
