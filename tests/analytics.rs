//! The process analytics, on a small board (tests/support/november.rs) whose every figure is
//! worked out by hand below.
//! The clock stands at 2026-11-27 10:00 in Moscow; the period is November.
//!
//! | deal | owner | source     | value   | history (all at 10:00 UTC)                                   |
//! |------|-------|------------|---------|--------------------------------------------------------------|
//! | D1   | anna  | Referral   | $10,000 | Lead Oct 20 → Qual Nov 2 → Prep Nov 5 → Sent Nov 10 → Neg Nov 12 → won into Delivery Nov 20 (jumped Agreed, Contract; skipped both of Negotiation's criteria) |
//! | D2   | anna  | Inbound    | €5,000  | Lead Nov 3 → Qual Nov 4 (skipped "Lead source recorded") → Neg Nov 10 (jumped Prep, Sent; skipped "Budget confirmed") → lost Nov 15 "Price too high" |
//! | D3   | anna  | Inbound    | $2,000  | Lead Nov 6 → Qual Nov 8 → back to Lead Nov 9; open            |
//! | D4   | anna  | Inbound    | $1,000  | Lead Sep 1 → lost Oct 10 "No budget" (before the period)      |
//! | D5   | boris | Trade fair | $3,000  | Lead Nov 20; open; expected to close 2026-12-15              |

mod support;

use chrono::NaiveDate;
use dealboard::model::{Currency, StageId};
use dealboard::report::analytics::{Period, Stats};
use support::november::board;

fn november() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 1),
        to: NaiveDate::from_ymd_opt(2026, 11, 30),
    }
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn stats() -> Stats {
    Stats::of(&board(), november(), None, support::now())
}

fn money(text: &str) -> Vec<String> {
    text.split(" + ")
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn shown(totals: &dealboard::model::Totals) -> Vec<String> {
    totals
        .largest_first()
        .iter()
        .map(dealboard::text::money)
        .collect()
}

#[test]
fn the_funnel_counts_deals_reaching_each_stage_in_the_period_and_how_many_went_on() {
    let s = stats();
    let entered: Vec<usize> = s.stages.iter().map(|f| f.entered).collect();
    // D1 reached Lead in October: not in November's funnel for Lead, but for every stage after.
    // D2 jumped to Negotiation: it reached Prep and Sent too. D4 closed before November.
    assert_eq!(entered, [3, 3, 2, 2, 2, 1, 1, 1, 0, 0]);
    let conversion: Vec<Option<f64>> = s.stages.iter().map(|f| f.conversion).collect();
    let third = |n: f64| Some(n / 3.0);
    assert_eq!(
        conversion,
        [
            third(2.0),
            third(2.0),
            Some(1.0),
            Some(1.0),
            Some(0.5),
            Some(1.0),
            Some(1.0),
            Some(0.0),
            None,
            None
        ],
        "Lead: D2 and D3 of D2, D3, D5; Qualification: D1 and D2, D3 went back; Negotiation: D1 of D1, D2"
    );
    assert_eq!(shown(&s.stages[4].entered_value), money("$10,000 + €5,000"));
    // Where deals are lost: D2 in Negotiation in November; D4 (in Lead) was lost in October.
    let lost: Vec<usize> = s.stages.iter().map(|f| f.lost).collect();
    assert_eq!(lost, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    assert_eq!(shown(&s.stages[4].lost_value), money("€5,000"));
}

#[test]
fn time_in_each_stage_counts_stays_that_ended_in_the_period() {
    let s = stats();
    let lead = &s.stages[0].time; // D1 13 days (Oct 20 – Nov 2), D2 1, D3 2; D4 ended in October
    assert_eq!((lead.count, lead.median_days), (3, Some(2.0)));
    assert_eq!(lead.mean_days, Some(16.0 / 3.0));
    let qualification = &s.stages[1].time; // D1 3, D2 6, D3 1
    assert_eq!(qualification.median_days, Some(3.0));
    let negotiation = &s.stages[4].time; // D1 8 (to the win), D2 5 (to the loss)
    assert_eq!(
        (negotiation.median_days, negotiation.mean_days),
        (Some(6.5), Some(6.5))
    );
    assert_eq!(s.stages[7].time.count, 0, "D1 is still being delivered");
    assert_eq!(s.slowest_stage, Some(4), "Negotiation");
    assert_eq!(s.cycle.median_days, Some(31.0), "D1: Oct 20 to Nov 20");
}

#[test]
fn wins_losses_and_the_pipeline_open_at_the_end() {
    let s = stats();
    assert_eq!(
        (s.headline.won_count, s.headline.lost_count),
        (1, 1),
        "D4 was lost in October"
    );
    assert_eq!(shown(&s.headline.won_value), ["$10,000"]);
    assert_eq!(shown(&s.headline.lost_value), ["€5,000"]);
    assert_eq!(s.win_rate, Some(0.5));
    assert_eq!(
        s.win_rate_by_value,
        [(usd(), 1.0), (Currency::EUR, 0.0)],
        "never across currencies"
    );
    assert_eq!(shown(&s.average_won), ["$10,000"]);
    assert_eq!(s.headline.open_count, 2, "D3 and D5");
    assert_eq!(shown(&s.headline.open_value), ["$5,000"]);
    assert_eq!(
        shown(&s.headline.weighted_value),
        ["$500"],
        "both in Lead at 10%"
    );
    // One deal won: too few to judge velocity by (it would be 2 open dollar deals × 50% ×
    // $10,000 ÷ (31 days / 30) = $9,677.42 a month).
    assert!(s.velocity.is_empty());
}

#[test]
fn lost_reasons_sources_and_owners() {
    let s = stats();
    assert_eq!(s.lost_reasons.len(), 1);
    assert_eq!(
        (s.lost_reasons[0].reason.as_str(), s.lost_reasons[0].count),
        ("Price too high", 1)
    );
    let sources: Vec<(&str, usize, usize, usize, Option<f64>)> = s
        .sources
        .iter()
        .map(|g| (g.name.as_str(), g.new, g.won, g.lost, g.win_rate))
        .collect();
    assert_eq!(
        sources,
        [
            ("Referral", 0, 1, 0, Some(1.0)),
            ("Inbound", 2, 0, 1, Some(0.0)),
            ("Trade fair", 1, 0, 0, None),
        ]
    );
    let owners: Vec<(&str, usize, usize)> = s
        .owners
        .iter()
        .map(|g| (g.name.as_str(), g.new, g.won))
        .collect();
    assert_eq!(owners, [("anna", 2, 1), ("boris", 1, 0)]);
    let boris = Stats::of(&board(), november(), Some("BORIS"), support::now());
    assert_eq!(
        (boris.headline.open_count, boris.headline.won_count),
        (1, 0),
        "one owner's deals, any case"
    );
}

#[test]
fn the_forecast_groups_open_deals_by_expected_close_month() {
    let s = stats();
    let months: Vec<(Option<(i32, u32)>, usize)> =
        s.forecast.iter().map(|m| (m.month, m.count)).collect();
    assert_eq!(months, [(Some((2026, 12)), 1), (None, 1)]);
    assert_eq!(shown(&s.forecast[0].weighted), ["$300"]);
}

#[test]
fn compliance_shows_skipped_criteria_jumps_and_moves_back() {
    let s = stats();
    let lead = &s.compliance[0];
    assert_eq!(lead.moves_on, 3);
    assert_eq!(
        lead.skipped,
        [
            ("Lead source recorded".to_string(), 1),
            ("Contact person identified".to_string(), 0)
        ]
    );
    assert_eq!(lead.no_next_action, 2, "D3 and D5");
    let qualification = &s.compliance[1];
    assert_eq!((qualification.moves_on, qualification.moved_back), (2, 1));
    assert_eq!(
        qualification.skipped[0],
        ("Budget confirmed".to_string(), 1)
    );
    let jumped: Vec<usize> = s.compliance.iter().map(|c| c.jumped_over).collect();
    assert_eq!(jumped, [0, 0, 1, 1, 0, 1, 1, 0, 0, 0]);
    assert_eq!(
        s.compliance[4].skipped[0].1, 1,
        "D1 left Negotiation with its criteria open"
    );
    let anna = &s.owner_compliance[0];
    assert_eq!(
        (
            anna.owner.as_str(),
            anna.moves_on,
            anna.moves_with_skips,
            anna.jumps,
            anna.moved_back,
            anna.no_next_action
        ),
        ("anna", 8, 3, 2, 1, 2),
        "8 moves on: D1 5, D2 2, D3 1; D1 being delivered and D3 have nothing planned"
    );
}

#[test]
fn edge_cases_nothing_closed_a_stage_added_later_and_all_time() {
    let mut board = board();
    // Nothing closed in a quiet week: no win rate, not zero.
    let quiet = Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 23),
        to: NaiveDate::from_ymd_opt(2026, 11, 26),
    };
    let s = Stats::of(&board, quiet, None, support::now());
    assert_eq!(
        (s.headline.won_count, s.headline.lost_count, s.win_rate),
        (0, 0, None)
    );
    assert!(s.velocity.is_empty());
    // A stage added later, between Lead and Qualification: deals that went past its place count
    // as having reached it, so the funnel still narrows.
    board.stages.insert(
        1,
        dealboard::model::Stage {
            id: StageId("discovery".into()),
            name: "Discovery".into(),
            probability: 15,
            rot_days: 7,
            phase: dealboard::model::Phase::PreSale,
            checklist: vec![],
        },
    );
    let s = Stats::of(&board, november(), None, support::now());
    assert_eq!(s.stages[1].entered, 3);
    assert!(s.stages.windows(2).all(|w| w[0].entered >= w[1].entered));
    // October's end: D1 was open then, in Lead; D4 had been lost.
    let october = Period {
        from: NaiveDate::from_ymd_opt(2026, 10, 1),
        to: NaiveDate::from_ymd_opt(2026, 10, 31),
    };
    let s = Stats::of(&board, october, None, support::now());
    assert_eq!(s.headline.open_count, 1);
    assert_eq!(
        shown(&s.headline.weighted_value),
        ["$1,000"],
        "10% in Lead, where it stood then"
    );
    assert_eq!(s.headline.lost_count, 1);
    // All time: D4 counts now.
    let s = Stats::of(&board, Period::all(), None, support::now());
    assert_eq!((s.headline.won_count, s.headline.lost_count), (1, 2));
    assert_eq!(s.stages[0].entered, 5);
}

/// The November board with two more dollar deals won in November: D6 in 20 days (created
/// Nov 1, won Nov 21) and D7 entered already won, 30 seconds after it was created (Nov 25).
fn with_quick_wins() -> dealboard::model::Board {
    use chrono::{Duration, TimeZone, Utc};
    use dealboard::model::{Deal, DealId, Money, Status};
    let mut board = board();
    let won = |id: u64, value: &str, created, after: Duration| {
        let value = Money::parse_with_currency(value, usd()).unwrap();
        let mut deal = Deal::new(
            DealId(id),
            "Quick",
            StageId("delivery".into()),
            value,
            created,
        );
        deal.status = Status::Won {
            at: created + after,
        };
        std::sync::Arc::new(deal)
    };
    let nov = |day| Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap();
    board
        .deals
        .push(won(6, "4000 USD", nov(1), Duration::days(20)));
    board
        .deals
        .push(won(7, "6000 USD", nov(25), Duration::seconds(30)));
    board
}

#[test]
fn velocity_waits_for_three_wins_and_a_cycle_of_a_day_and_keeps_to_each_currency() {
    let s = Stats::of(&with_quick_wins(), november(), None, support::now());
    // Won D1 (31 days), D6 (20 days), D7 (30 seconds): median 20 days. Win rate 3 of 4 closed
    // (D2 lost); average won $20,000 / 3 = $6,666.66; mean cycle 17.0001 days = 0.56667
    // months; 2 open dollar deals (D3, D5) × 0.75 × $6,666.66 ÷ 0.56667 = $17,646.92 a month.
    assert_eq!(s.headline.won_count, 3);
    assert_eq!(shown(&s.velocity), ["$17,646.92"]);
    // D2's euros: no euro deal is open, so no euro velocity (dollars are never multiplied by a
    // euro average, nor the other way round).
    assert!(s.velocity.iter().all(|m| m.currency == usd()));
    // The same three wins all entered already won: a cycle of seconds tells nothing.
    let mut board = with_quick_wins();
    for deal in board.deals.iter_mut().filter(|d| [1, 6].contains(&d.id.0)) {
        let deal = std::sync::Arc::make_mut(deal);
        if let dealboard::model::Status::Won { at } = deal.status {
            deal.created = at - chrono::Duration::seconds(5);
        }
    }
    let s = Stats::of(&board, november(), None, support::now());
    assert_eq!(s.headline.won_count, 3);
    assert!(s.velocity.is_empty(), "median cycle under a day");
}
