//! A board whose process changed twice, every figure of before and after worked out by hand in
//! tests/process_versions.rs. Times are 10:00 UTC; the clock stands at 2026-11-27 07:00 UTC.
//!
//! | version | in force         | process                                                       |
//! |---------|------------------|---------------------------------------------------------------|
//! | 0       | until Oct 10     | the default, without Qualification's "Decision maker known"   |
//! | 1       | Oct 10 – Nov 1   | change 1 "Criteria from the top three sellers" adds it       |
//! | 2       | Nov 1 –          | change 2 "A demo before the proposal" adds stage Demo (3rd)   |
//!
//! | deal | owner | history                                                                   |
//! |------|-------|---------------------------------------------------------------------------|
//! | D1   | anna  | Lead Oct 12 → Qual Oct 14 (skipped "Lead source recorded") → Prep Oct 18 (skipped "Decision maker known"); open |
//! | D2   | anna  | Lead Oct 15; lost there Oct 25 "No budget"                                 |
//! | D3   | boris | Lead Nov 3 → Qual Nov 5 → Demo Nov 8; open                                 |
//! | D4   | boris | Lead Nov 4 → Qual Nov 6 (skipped "Contact person identified"); open       |
//! | D5   | anna  | Lead Sep 20 → Qual Sep 25 (under version 0); open                          |

use chrono::{DateTime, Utc};
use dealboard::model::{
    Board, Currency, Deal, DealId, Money, Phase, StageDraft, StageId, StageVisit, Status, Why,
};

pub fn at(month: u32, day: u32) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-{month:02}-{day:02}T10:00:00Z"))
        .unwrap()
        .to_utc()
}

fn visit(stage: &str, month: u32, day: u32, skipped: &[&str]) -> StageVisit {
    let mut visit = StageVisit::new(StageId(stage.into()), at(month, day));
    visit.skipped = skipped.iter().map(|s| (*s).into()).collect();
    visit
}

fn deal(id: u64, owner: &str, history: Vec<StageVisit>) -> Deal {
    let money = Money::parse_with_currency("1000 EUR", Currency::EUR).unwrap();
    let mut deal = Deal::new(
        DealId(id),
        &format!("D{id}"),
        history[0].stage.clone(),
        money,
        history[0].at,
    );
    deal.owner = owner.into();
    deal.stage = history.last().unwrap().stage.clone();
    deal.updated = history.last().unwrap().at;
    deal.history = history;
    deal
}

pub fn stage(id: &str) -> StageId {
    StageId(id.into())
}

/// The board, its process changed through the model as the process editor changes it.
pub fn board() -> Board {
    let mut board = super::empty_board();
    let qualification = stage("qualification");
    let mut first = StageDraft::of(board.stage(&qualification).unwrap());
    let added = first.checklist.pop().unwrap();
    assert_eq!(added, "Decision maker known");
    board.stages[1].checklist.pop();
    let mut draft = first.clone();
    draft.checklist.push(added);
    board
        .update_stage(
            &qualification,
            draft,
            &[],
            Why {
                at: at(10, 10),
                reason: "Criteria from the top three sellers",
            },
        )
        .unwrap()
        .unwrap();
    let demo = StageDraft {
        name: "Demo".into(),
        probability: 25,
        rot_days: 7,
        phase: Phase::PreSale,
        checklist: vec!["Demo given".into()],
    };
    let why = Why {
        at: at(11, 1),
        reason: "A demo before the proposal",
    };
    board.add_stage(2, demo, why).unwrap();
    let d1 = deal(
        1,
        "anna",
        vec![
            visit("lead", 10, 12, &[]),
            visit("qualification", 10, 14, &["Lead source recorded"]),
            visit("proposal-preparation", 10, 18, &["Decision maker known"]),
        ],
    );
    let mut d2 = deal(2, "anna", vec![visit("lead", 10, 15, &[])]);
    d2.status = Status::Lost {
        at: at(10, 25),
        reason: "No budget".into(),
    };
    let d3 = deal(
        3,
        "boris",
        vec![
            visit("lead", 11, 3, &[]),
            visit("qualification", 11, 5, &[]),
            visit("demo", 11, 8, &[]),
        ],
    );
    let d4 = deal(
        4,
        "boris",
        vec![
            visit("lead", 11, 4, &[]),
            visit("qualification", 11, 6, &["Contact person identified"]),
        ],
    );
    let d5 = deal(
        5,
        "anna",
        vec![
            visit("lead", 9, 20, &[]),
            visit("qualification", 9, 25, &[]),
        ],
    );
    for deal in [d1, d2, d3, d4, d5] {
        board.deals.push(std::sync::Arc::new(deal));
    }
    board.next_deal_id = 6;
    board
}
