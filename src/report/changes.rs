//! What changed since a moment, for the stand-up: deals created, moved forward or back, won,
//! lost, and expected close dates pushed later. Read from the history every deal records.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Utc, Weekday};

use crate::model::{Board, DealId, StageId, Status};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    MovedForward {
        from: StageId,
        to: StageId,
    },
    MovedBack {
        from: StageId,
        to: StageId,
    },
    Won,
    Lost {
        reason: String,
    },
    /// The expected close date moved later (or was dropped).
    ClosePushed {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub deal: DealId,
    pub at: DateTime<Utc>,
    pub kind: ChangeKind,
}

/// Every change at or after `since`, oldest first (a deal's own changes in the order made).
pub fn changes_since(board: &Board, since: DateTime<Utc>) -> Vec<Change> {
    let mut changes = Vec::new();
    for deal in &board.deals {
        let mut push = |at: DateTime<Utc>, kind: ChangeKind| {
            if at >= since {
                changes.push(Change {
                    deal: deal.id,
                    at,
                    kind,
                });
            }
        };
        push(deal.created, ChangeKind::Created);
        let won_at = match &deal.status {
            Status::Won { at } => Some(*at),
            _ => None,
        };
        // Most moves are older than `since`: their stages are not copied only to be dropped.
        for pair in deal.history.windows(2).filter(|pair| pair[1].at >= since) {
            let (from, to) = (pair[0].stage.clone(), pair[1].stage.clone());
            if pair[1].backward {
                push(pair[1].at, ChangeKind::MovedBack { from, to });
            } else if won_at != Some(pair[1].at) {
                // Moving on into delivery at the moment of the win is the win itself.
                push(pair[1].at, ChangeKind::MovedForward { from, to });
            }
        }
        match &deal.status {
            Status::Won { at } => push(*at, ChangeKind::Won),
            Status::Lost { at, reason } => push(
                *at,
                ChangeKind::Lost {
                    reason: reason.clone(),
                },
            ),
            Status::Open => {}
        }
        for change in &deal.close_changes {
            let later = match (change.from, change.to) {
                (Some(from), Some(to)) => to > from,
                (Some(_), None) => true,
                _ => false,
            };
            if later {
                push(
                    change.at,
                    ChangeKind::ClosePushed {
                        from: change.from,
                        to: change.to,
                    },
                );
            }
        }
    }
    changes.sort_by_key(|c| (c.at, c.deal));
    changes
}

/// The start of the previous working day, where the user is: Friday's morning on a Monday (or
/// at the weekend), else yesterday's. The stand-up's default "since".
pub fn previous_working_day(now: DateTime<FixedOffset>) -> DateTime<Utc> {
    let today = now.date_naive();
    let back = match today.weekday() {
        Weekday::Mon => 3,
        Weekday::Sun => 2,
        _ => 1,
    };
    start_of(
        today.checked_sub_days(Days::new(back)).unwrap_or(today),
        now,
    )
}

/// Midnight at the start of `day`, where the user is.
pub fn start_of(day: NaiveDate, now: DateTime<FixedOffset>) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(*now.offset()).single())
        .map_or(now.to_utc(), |t| t.to_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CloseChange, Currency, Deal, Money, StageVisit};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T{hour:02}:00:00Z"))
            .map(|t| t.to_utc())
            .unwrap_or_default()
    }

    fn stage(id: &str) -> StageId {
        StageId(id.into())
    }

    #[test]
    fn created_moved_won_lost_and_pushed_since_a_moment() {
        let mut board = crate::store::default_board().unwrap();
        let money = Money::zero(Currency::EUR);
        let mut old = Deal::new(DealId(1), "Old", stage("lead"), money, at(1, 9));
        let mut back = StageVisit::new(stage("lead"), at(26, 11));
        back.backward = true;
        old.history
            .push(StageVisit::new(stage("qualification"), at(20, 9)));
        old.history.push(back);
        old.close_changes = vec![
            CloseChange {
                at: at(26, 12),
                from: NaiveDate::from_ymd_opt(2026, 12, 1),
                to: NaiveDate::from_ymd_opt(2026, 12, 20),
            },
            CloseChange {
                at: at(26, 13),
                from: NaiveDate::from_ymd_opt(2026, 12, 20),
                to: NaiveDate::from_ymd_opt(2026, 12, 10),
            },
        ];
        let mut won = Deal::new(DealId(2), "Won", stage("negotiation"), money, at(25, 9));
        won.history
            .push(StageVisit::new(stage("delivery"), at(26, 15)));
        won.status = Status::Won { at: at(26, 15) };
        let mut lost = Deal::new(DealId(3), "Lost", stage("lead"), money, at(2, 9));
        lost.status = Status::Lost {
            at: at(26, 16),
            reason: "No budget".into(),
        };
        board.deals = vec![old.into(), won.into(), lost.into()].into();
        let kinds: Vec<(DealId, ChangeKind)> = changes_since(&board, at(26, 0))
            .into_iter()
            .map(|c| (c.deal, c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    DealId(1),
                    ChangeKind::MovedBack {
                        from: stage("qualification"),
                        to: stage("lead")
                    }
                ),
                (
                    DealId(1),
                    ChangeKind::ClosePushed {
                        from: NaiveDate::from_ymd_opt(2026, 12, 1),
                        to: NaiveDate::from_ymd_opt(2026, 12, 20)
                    }
                ),
                (DealId(2), ChangeKind::Won),
                (
                    DealId(3),
                    ChangeKind::Lost {
                        reason: "No budget".into()
                    }
                ),
            ],
            "the forward move on the 20th is before; a close brought earlier is not news"
        );
        let since_25 = changes_since(&board, at(25, 0));
        assert_eq!(
            since_25[0].kind,
            ChangeKind::Created,
            "Won was created on the 25th"
        );
    }

    #[test]
    fn the_previous_working_day_skips_the_weekend() {
        let moment = |text| DateTime::parse_from_rfc3339(text).unwrap();
        // Friday 2026-11-27 → Thursday; Monday 2026-11-30 → Friday; Sunday → Friday.
        assert_eq!(
            previous_working_day(moment("2026-11-27T10:00:00+03:00")),
            moment("2026-11-26T00:00:00+03:00").to_utc()
        );
        assert_eq!(
            previous_working_day(moment("2026-11-30T09:00:00+03:00")),
            moment("2026-11-27T00:00:00+03:00").to_utc()
        );
        assert_eq!(
            previous_working_day(moment("2026-11-29T09:00:00+03:00")),
            moment("2026-11-27T00:00:00+03:00").to_utc()
        );
    }
}
