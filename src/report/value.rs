//! What a deal is worth: its value weighted by the chance of winning it, and its margin.

use crate::model::{Board, Deal, Minor, Money, Stage, Status};

/// The chance, in percent, that the deal is won: its own figure, else its stage's default. A
/// won deal is certain and a lost one gone.
pub fn probability(deal: &Deal, board: &Board) -> u8 {
    probability_in(deal, board.stage(&deal.stage))
}

/// [`probability`] when the deal's stage is already known.
pub(super) fn probability_in(deal: &Deal, stage: Option<&Stage>) -> u8 {
    match deal.status {
        Status::Won { .. } => 100,
        Status::Lost { .. } => 0,
        Status::Open => deal
            .probability
            .or_else(|| stage.map(|s| s.probability))
            .unwrap_or(0),
    }
}

/// The value times the probability, rounded to the nearest minor unit (halves up).
pub fn weighted(deal: &Deal, board: &Board) -> Money {
    weighted_in(deal, board.stage(&deal.stage))
}

/// [`weighted`] when the deal's stage is already known.
pub(super) fn weighted_in(deal: &Deal, stage: Option<&Stage>) -> Money {
    let percent = Minor::from(probability_in(deal, stage));
    let minor = (deal.value.minor * percent + 50).div_euclid(100);
    Money {
        minor,
        currency: deal.value.currency,
    }
}

/// Value minus cost, and that as a share of the value in percent, when the cost is known.
pub fn margin(deal: &Deal) -> Option<(Money, Option<i64>)> {
    let cost = deal.cost?;
    let minor = deal.value.minor.saturating_sub(cost.minor);
    // Rounded to the nearest whole percent (values are never below zero).
    let value = deal.value.minor;
    let percent = (value > 0).then(|| ((minor * 200 + value).div_euclid(value * 2)) as i64);
    Some((
        Money {
            minor,
            currency: deal.value.currency,
        },
        percent,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, StageId};
    use chrono::{TimeZone, Utc};

    fn board_and_deal(minor: Minor, stage: &str) -> (Board, Deal) {
        let board = crate::store::default_board().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let money = Money {
            minor,
            currency: Currency::EUR,
        };
        (
            board,
            Deal::new(DealId(1), "d", StageId(stage.into()), money, now),
        )
    }

    #[test]
    fn weighting_uses_the_stage_default_unless_the_deal_says_otherwise() {
        let (board, mut deal) = board_and_deal(1_000_000, "negotiation");
        assert_eq!(probability(&deal, &board), 60);
        assert_eq!(weighted(&deal, &board).minor, 600_000);
        deal.probability = Some(25);
        assert_eq!(weighted(&deal, &board).minor, 250_000);
        deal.value.minor = 333; // 83.25 cents rounds to 83
        assert_eq!(weighted(&deal, &board).minor, 83);
        deal.value.minor = 2; // 0.5 rounds up to 1
        deal.probability = Some(25);
        assert_eq!(weighted(&deal, &board).minor, 1);
        let at = deal.created;
        deal.status = Status::Lost {
            at,
            reason: "Price".into(),
        };
        assert_eq!(weighted(&deal, &board).minor, 0);
        deal.status = Status::Won { at };
        assert_eq!(weighted(&deal, &board).minor, 2);
    }

    #[test]
    fn margin_in_money_and_percent() {
        let (_, mut deal) = board_and_deal(1_000_000, "lead");
        assert_eq!(margin(&deal), None);
        deal.cost = Some(Money {
            minor: 750_000,
            currency: Currency::EUR,
        });
        let (money, percent) = margin(&deal).unwrap();
        assert_eq!((money.minor, percent), (250_000, Some(25)));
        deal.value.minor = 1_200_050; // margin 450_050 of 1_200_050 is 37.50…%
        assert_eq!(margin(&deal).unwrap().1, Some(38), "rounded, not cut");
        deal.cost = Some(Money {
            minor: 1_500_000,
            currency: Currency::EUR,
        });
        assert_eq!(margin(&deal).unwrap().1, Some(-25), "a loss");
        deal.value.minor = 0;
        assert_eq!(margin(&deal).unwrap().1, None);
    }
}
