//! A small board whose every report figure is worked out by hand in tests/analytics.rs:
//!
//! | deal | owner | source     | value   | history (all at 10:00 UTC)                                   |
//! |------|-------|------------|---------|--------------------------------------------------------------|
//! | D1   | anna  | Referral   | $10,000 | Lead Oct 20 → Qual Nov 2 → Prep Nov 5 → Sent Nov 10 → Neg Nov 12 → won into Delivery Nov 20 (jumped Agreed, Contract; skipped both of Negotiation's criteria) |
//! | D2   | anna  | Inbound    | €5,000  | Lead Nov 3 → Qual Nov 4 (skipped "Lead source recorded") → Neg Nov 10 (jumped Prep, Sent; skipped "Budget confirmed") → lost Nov 15 "Price too high" |
//! | D3   | anna  | Inbound    | $2,000  | Lead Nov 6 → Qual Nov 8 → back to Lead Nov 9; open            |
//! | D4   | anna  | Inbound    | $1,000  | Lead Sep 1 → lost Oct 10 "No budget" (before the period)      |
//! | D5   | boris | Trade fair | $3,000  | Lead Nov 20; open; expected to close 2026-12-15              |

use chrono::{DateTime, NaiveDate, Utc};
use dealboard::model::{Board, Currency, Deal, DealId, Money, StageId, StageVisit, Status};

fn at(month: u32, day: u32) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-{month:02}-{day:02}T10:00:00Z"))
        .unwrap()
        .to_utc()
}

fn visit(stage: &str, month: u32, day: u32) -> StageVisit {
    StageVisit::new(StageId(stage.into()), at(month, day))
}

fn deal(id: u64, owner: &str, source: &str, value: &str, history: Vec<StageVisit>) -> Deal {
    let money = Money::parse_with_currency(value, Currency::EUR).unwrap();
    let first = history[0].at;
    let mut deal = Deal::new(
        DealId(id),
        &format!("D{id}"),
        history[0].stage.clone(),
        money,
        first,
    );
    deal.owner = owner.into();
    deal.source = source.into();
    deal.stage = history.last().unwrap().stage.clone();
    deal.updated = history.last().unwrap().at;
    deal.history = history;
    deal
}

pub fn board() -> Board {
    let mut board = super::empty_board();
    let mut d1_won = visit("delivery", 11, 20);
    d1_won.jumped = vec![StageId("agreed".into()), StageId("contract-invoice".into())];
    d1_won.skipped = vec![
        "Objections answered".into(),
        "Price and details agreed".into(),
    ];
    let mut d1 = deal(
        1,
        "anna",
        "Referral",
        "10000 USD",
        vec![
            visit("lead", 10, 20),
            visit("qualification", 11, 2),
            visit("proposal-preparation", 11, 5),
            visit("proposal-sent", 11, 10),
            visit("negotiation", 11, 12),
            d1_won,
        ],
    );
    d1.status = Status::Won { at: at(11, 20) };
    let mut d2_qual = visit("qualification", 11, 4);
    d2_qual.skipped = vec!["Lead source recorded".into()];
    let mut d2_neg = visit("negotiation", 11, 10);
    d2_neg.skipped = vec!["Budget confirmed".into()];
    d2_neg.jumped = vec![
        StageId("proposal-preparation".into()),
        StageId("proposal-sent".into()),
    ];
    let mut d2 = deal(
        2,
        "anna",
        "Inbound",
        "5000 EUR",
        vec![visit("lead", 11, 3), d2_qual, d2_neg],
    );
    d2.status = Status::Lost {
        at: at(11, 15),
        reason: "Price too high".into(),
    };
    let mut d3_back = visit("lead", 11, 9);
    d3_back.backward = true;
    let d3 = deal(
        3,
        "anna",
        "Inbound",
        "2000 USD",
        vec![visit("lead", 11, 6), visit("qualification", 11, 8), d3_back],
    );
    let mut d4 = deal(4, "anna", "Inbound", "1000 USD", vec![visit("lead", 9, 1)]);
    d4.status = Status::Lost {
        at: at(10, 10),
        reason: "No budget".into(),
    };
    let mut d5 = deal(
        5,
        "boris",
        "Trade fair",
        "3000 USD",
        vec![visit("lead", 11, 20)],
    );
    d5.expected_close = NaiveDate::from_ymd_opt(2026, 12, 15);
    board.deals = [d1, d2, d3, d4, d5].map(Into::into).into_iter().collect();
    board.next_deal_id = 6;
    board
}
