//! A deal's way through the process, for its detail view: each stage it entered, when, how
//! long it stayed, and what the move left out; and the deals it brought in.

use chrono::{DateTime, FixedOffset, Utc};

use crate::model::{Board, Deal, DealId, Referral, StageId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageStay {
    pub stage: StageId,
    /// The stage's name, or `None` when the stage was removed since.
    pub name: Option<String>,
    pub entered: DateTime<Utc>,
    /// Calendar days (where the user is) until the next stage was entered, or until today for
    /// the current one: counted like the days idle, so the two agree.
    pub days: i64,
    pub current: bool,
    /// This stage's exit criteria left unticked when the deal moved on.
    pub skipped: Vec<std::sync::Arc<str>>,
    /// Stages passed over on the way into this one.
    pub jumped: Vec<String>,
    /// The deal came back here from a later stage.
    pub backward: bool,
}

pub fn timeline(deal: &Deal, board: &Board, now: DateTime<FixedOffset>) -> Vec<StageStay> {
    let name = |id: &StageId| board.stage(id).map(|s| s.name.clone());
    let day = |at: DateTime<Utc>| at.with_timezone(now.offset()).date_naive();
    let ends = deal
        .history
        .iter()
        .skip(1)
        .map(|v| v.at)
        .chain(std::iter::once(now.to_utc()));
    deal.history
        .iter()
        .zip(ends)
        .enumerate()
        .map(|(i, (visit, left))| StageStay {
            stage: visit.stage.clone(),
            name: name(&visit.stage),
            entered: visit.at,
            days: (day(left) - day(visit.at)).num_days().max(0),
            current: i + 1 == deal.history.len(),
            // The move out records what was left undone here; it belongs to this stay.
            skipped: deal
                .history
                .get(i + 1)
                .map(|next| next.skipped.clone())
                .unwrap_or_default(),
            jumped: visit
                .jumped
                .iter()
                .map(|s| name(s).unwrap_or_else(|| s.to_string()))
                .collect(),
            backward: visit.backward,
        })
        .collect()
}

/// The deals that name `id` as who referred them.
pub fn referrals_of(board: &Board, id: DealId) -> Vec<&Deal> {
    board
        .deals
        .iter()
        .map(AsRef::as_ref)
        .filter(|d| d.referred_by == Some(Referral::Deal(id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;
    use chrono::Duration;

    #[test]
    fn days_in_each_stage_and_what_was_skipped() {
        let mut board = crate::store::default_board().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap();
        let day = |n: i64| (now - Duration::days(n)).to_utc();
        let (id, _) = board
            .add_deal(&StageId("lead".into()), day(20), |d| d.title = "x".into())
            .unwrap();
        board
            .move_deal(id, &StageId("negotiation".into()), day(12))
            .unwrap();
        board.move_deal_step(id, Direction::Back, day(2)).unwrap();
        let stays = timeline(board.deal(id).unwrap(), &board, now);
        let days: Vec<i64> = stays.iter().map(|s| s.days).collect();
        assert_eq!(days, [8, 10, 2]);
        assert_eq!(
            stays[0].skipped.iter().map(|s| &**s).collect::<Vec<_>>(),
            ["Contact person identified", "Lead source recorded"],
            "Lead's criteria were left undone when it moved on"
        );
        assert_eq!(
            stays[1].jumped,
            ["Qualification", "Proposal preparation", "Proposal sent"]
        );
        assert!(stays[2].backward && stays[2].current && !stays[0].current);
        let (referred, _) = board
            .add_deal(&StageId("lead".into()), day(1), |d| {
                d.title = "y".into();
                d.referred_by = Some(Referral::Deal(id));
            })
            .unwrap();
        assert_eq!(
            referrals_of(&board, id)
                .iter()
                .map(|d| d.id)
                .collect::<Vec<_>>(),
            [referred]
        );
    }

    #[test]
    fn days_in_the_current_stage_agree_with_the_days_idle() {
        let mut board = crate::store::default_board().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap();
        let yesterday_evening = DateTime::parse_from_rfc3339("2026-11-26T23:30:00+03:00")
            .unwrap()
            .to_utc();
        let (id, _) = board
            .add_deal(&StageId("lead".into()), yesterday_evening, |d| {
                d.title = "x".into()
            })
            .unwrap();
        let deal = board.deal(id).unwrap();
        let stays = timeline(deal, &board, now);
        assert_eq!(stays[0].days, 1);
        assert_eq!(super::super::idle_days(deal, now), 1);
    }
}
