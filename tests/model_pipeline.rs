//! The pipeline operations on the model: closing deals, working them, and changing the process.
//! Every result here is worked out by hand from a board built in the test, at a fixed moment.

mod support;

use chrono::Duration;
use dealboard::model::{
    BoardList, ColumnSort, Direction, EditError, Phase, StageDraft, StageId, Status, Why,
};
use support::{add, empty_board, now};

fn at(days_ago: i64) -> chrono::DateTime<chrono::Utc> {
    (now() - Duration::days(days_ago)).to_utc()
}

/// A change to the process made now, for no reason given.
fn why() -> Why<'static> {
    Why {
        at: at(0),
        reason: "",
    }
}

fn stage(id: &str) -> StageId {
    StageId(id.into())
}

#[test]
fn winning_moves_to_delivery_and_reopening_goes_back_before_the_sale() {
    let mut board = empty_board();
    let id = add(&mut board, "lead", "Deal", |_| {});
    board.move_deal(id, &stage("negotiation"), at(5)).unwrap();
    board.mark_won(id, at(2)).unwrap();
    let deal = board.deal(id).unwrap();
    assert_eq!(deal.status, Status::Won { at: at(2) });
    assert_eq!(deal.stage, stage("delivery"));
    assert_eq!(
        deal.history
            .last()
            .unwrap()
            .skipped
            .iter()
            .map(|s| &**s)
            .collect::<Vec<_>>(),
        ["Objections answered", "Price and details agreed"]
    );
    assert_eq!(board.mark_won(id, at(1)), Err(EditError::AlreadyClosed));
    board.reopen(id, at(1)).unwrap();
    let deal = board.deal(id).unwrap();
    assert_eq!(
        (deal.status.clone(), deal.stage.clone()),
        (Status::Open, stage("negotiation"))
    );
    assert!(deal.history.last().unwrap().backward);
    assert_eq!(board.reopen(id, at(0)), Err(EditError::NotClosed));
}

#[test]
fn a_board_without_stages_after_the_sale_keeps_a_won_deal_where_it_was() {
    let mut board = empty_board();
    board.stages.retain(|s| s.phase == Phase::PreSale);
    let id = add(&mut board, "agreed", "Deal", |_| {});
    board.mark_won(id, at(0)).unwrap();
    assert_eq!(board.deal(id).unwrap().stage, stage("agreed"));
    assert!(
        board.column(&stage("agreed")).is_empty(),
        "it left the board for the closed list"
    );
}

#[test]
fn losing_keeps_the_stage_reached_and_the_reason() {
    let mut board = empty_board();
    let id = add(&mut board, "proposal-sent", "Deal", |_| {});
    board.mark_lost(id, "  Price too high ", at(0)).unwrap();
    let deal = board.deal(id).unwrap();
    assert_eq!(
        deal.status,
        Status::Lost {
            at: at(0),
            reason: "Price too high".into()
        }
    );
    assert_eq!(deal.stage, stage("proposal-sent"));
    board.reopen(id, at(0)).unwrap();
    assert_eq!(board.deal(id).unwrap().stage, stage("proposal-sent"));
}

#[test]
fn entering_the_stages_after_the_sale_by_a_move_wins_the_deal() {
    let mut board = empty_board();
    let id = add(&mut board, "contract-invoice", "Deal", |_| {});
    board.move_deal_step(id, Direction::Forward, at(0)).unwrap();
    assert_eq!(board.deal(id).unwrap().status, Status::Won { at: at(0) });
    assert_eq!(
        board.move_deal_step(id, Direction::Back, at(0)),
        Err(EditError::WonStaysAfterSale)
    );
}

#[test]
fn moves_record_skipped_criteria_jumped_stages_and_going_back() {
    let mut board = empty_board();
    let id = add(&mut board, "qualification", "Deal", |_| {});
    board.toggle_tick(id, "Budget confirmed", at(3)).unwrap();
    board.move_deal(id, &stage("negotiation"), at(2)).unwrap();
    let visit = board.deal(id).unwrap().history.last().unwrap().clone();
    assert_eq!(
        visit.skipped.iter().map(|s| &**s).collect::<Vec<_>>(),
        ["Product fits the need", "Decision maker known"]
    );
    assert_eq!(
        visit.jumped,
        [stage("proposal-preparation"), stage("proposal-sent")]
    );
    assert!(!visit.backward);
    board.move_deal(id, &stage("lead"), at(1)).unwrap();
    let visit = board.deal(id).unwrap().history.last().unwrap().clone();
    assert!(visit.backward && visit.skipped.is_empty() && visit.jumped.is_empty());
}

#[test]
fn ticking_and_doing_the_next_action_touch_the_deal() {
    let mut board = empty_board();
    let id = add(&mut board, "qualification", "Deal", |d| {
        d.set_next_action("Call");
        d.set_next_due(Some(support::today()));
    });
    board.toggle_tick(id, "Budget confirmed", at(2)).unwrap();
    assert_eq!(board.deal(id).unwrap().updated, at(2));
    assert_eq!(board.deal(id).unwrap().ticked.len(), 1);
    board.toggle_tick(id, "Budget confirmed", at(1)).unwrap();
    assert!(
        board.deal(id).unwrap().ticked.is_empty(),
        "a second tick unticks"
    );
    assert_eq!(
        board.toggle_tick(id, "Not on the list", at(1)),
        Err(EditError::NoSuchItem("Not on the list".into()))
    );
    board
        .complete_next_action(
            id,
            dealboard::model::Activity::task("Send proposal", None),
            at(0),
        )
        .unwrap();
    let deal = board.deal(id).unwrap();
    assert_eq!(deal.done_actions.len(), 1);
    assert_eq!(deal.done_actions[0].text, "Call");
    assert_eq!(deal.done_actions[0].done, at(0));
    assert_eq!(
        (deal.next_action(), deal.next_due()),
        ("Send proposal", None)
    );
    assert_eq!(deal.updated, at(0));
}

fn draft(name: &str, checklist: &[&str]) -> StageDraft {
    StageDraft {
        name: name.into(),
        probability: 50,
        rot_days: 10,
        phase: Phase::PreSale,
        checklist: checklist.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn stages_can_be_added_renamed_reordered_and_removed_and_every_change_undone() {
    let mut board = empty_board();
    let original = board.clone();
    let (demo, patch) = board
        .add_stage(
            2,
            draft("Demo & trial", &["Demo given", " ", "Demo given"]),
            why(),
        )
        .unwrap();
    assert_eq!(demo, stage("demo-trial"));
    assert_eq!(board.stages[2].name, "Demo & trial");
    assert_eq!(
        board.stages[2].checklist,
        ["Demo given"],
        "blanks and repeats go"
    );
    board.undo(&patch);
    assert_eq!(board, original);
    board.redo(&patch);
    assert_eq!(
        board.add_stage(0, draft(" lead ", &[]), why()),
        Err(EditError::StageNameTaken("lead".into()))
    );
    assert_eq!(
        board.add_stage(0, draft("", &[]), why()),
        Err(EditError::StageNameEmpty)
    );
    let moved = board.move_stage(&demo, Direction::Back, why()).unwrap();
    assert_eq!(board.stages[1].id, demo);
    board.undo(&moved);
    assert_eq!(board.stages[2].id, demo);
    let removed = board.remove_stage(&demo, None, why()).unwrap();
    assert!(board.stage(&demo).is_none());
    board.undo(&removed);
    assert!(board.stage(&demo).is_some());
}

#[test]
fn a_renamed_criterion_keeps_its_ticks() {
    let mut board = empty_board();
    let id = add(&mut board, "qualification", "Deal", |_| {});
    board.toggle_tick(id, "Budget confirmed", at(1)).unwrap();
    let mut changed = StageDraft::of(board.stage(&stage("qualification")).unwrap());
    changed.checklist[0] = "Budget confirmed in writing".into();
    changed.rot_days = 21;
    let renamed = [(
        "Budget confirmed".to_string(),
        "Budget confirmed in writing".to_string(),
    )];
    board
        .update_stage(&stage("qualification"), changed.clone(), &renamed, why())
        .unwrap();
    assert_eq!(
        &*board.deal(id).unwrap().ticked[0].item,
        "Budget confirmed in writing"
    );
    assert_eq!(board.stage(&stage("qualification")).unwrap().rot_days, 21);
    assert_eq!(
        board.update_stage(&stage("qualification"), changed, &[], why()),
        Ok(None),
        "nothing changed"
    );
}

#[test]
fn removing_one_criterion_does_not_move_the_ticks_of_the_others() {
    let mut board = empty_board();
    let id = add(&mut board, "qualification", "Deal", |_| {});
    let checklist = board
        .stage(&stage("qualification"))
        .unwrap()
        .checklist
        .clone();
    assert!(checklist.len() >= 2, "the default stage has two criteria");
    board.toggle_tick(id, &checklist[1], at(1)).unwrap();
    let mut changed = StageDraft::of(board.stage(&stage("qualification")).unwrap());
    changed.checklist.remove(0);
    let patch = board
        .update_stage(&stage("qualification"), changed, &[], why())
        .unwrap()
        .unwrap();
    let ticks: Vec<&str> = board
        .deal(id)
        .unwrap()
        .ticked
        .iter()
        .map(|t| &*t.item)
        .collect();
    assert_eq!(
        ticks,
        [checklist[1].as_str()],
        "the second criterion is still the one ticked"
    );
    board.undo(&patch);
    assert_eq!(
        board.stage(&stage("qualification")).unwrap().checklist,
        checklist
    );
}

#[test]
fn a_stage_with_deals_is_removed_only_after_saying_where_they_go() {
    let mut board = empty_board();
    let id = add(&mut board, "agreed", "Deal", |_| {});
    assert_eq!(
        board.remove_stage(&stage("agreed"), None, why()),
        Err(EditError::StageHasDeals(1))
    );
    board
        .remove_stage(&stage("agreed"), Some(&stage("negotiation")), why())
        .unwrap();
    let deal = board.deal(id).unwrap();
    assert_eq!(deal.stage, stage("negotiation"));
    assert!(deal.history.last().unwrap().backward);
    assert!(
        board.problems().is_empty(),
        "no deal is left in a stage that is gone"
    );
    let mut single = empty_board();
    single.stages.truncate(1);
    assert_eq!(
        single.remove_stage(&stage("lead"), None, why()),
        Err(EditError::LastStage)
    );
}

#[test]
fn lists_and_the_order_are_board_settings_that_undo() {
    let mut board = empty_board();
    let before = board.sources.clone();
    let patch = board
        .set_list(
            BoardList::Sources,
            &[
                "Webinar".into(),
                " webinar ".into(),
                "".into(),
                "Cold call".into(),
            ],
        )
        .unwrap();
    assert_eq!(board.sources, ["Webinar", "Cold call"]);
    board.undo(&patch);
    assert_eq!(board.sources, before);
    assert!(board.set_list(BoardList::Sources, &before).is_none());
    let sorted = board.set_sort(ColumnSort::Value).unwrap();
    assert_eq!(board.sort, ColumnSort::Value);
    board.undo(&sorted);
    assert_eq!(board.sort, ColumnSort::Manual);
    assert_eq!(ColumnSort::Idle.next(), ColumnSort::Manual);
}

#[test]
fn a_referral_must_name_another_deal_on_the_board() {
    let mut board = empty_board();
    let first = add(&mut board, "lead", "First", |_| {});
    let referred = board.add_deal(&stage("lead"), at(0), |d| {
        d.title = "Second".into();
        d.referred_by = Some(dealboard::model::Referral::Deal(first));
    });
    assert!(referred.is_ok());
    let bad = board.add_deal(&stage("lead"), at(0), |d| {
        d.title = "Third".into();
        d.referred_by = Some(dealboard::model::Referral::Deal(dealboard::model::DealId(
            99,
        )));
    });
    assert!(matches!(bad, Err(EditError::NoReferrer(_))));
}

#[test]
fn a_lost_deal_stays_where_it_was_lost_until_reopened() {
    let mut board = empty_board();
    let id = add(&mut board, "proposal-sent", "Deal", |_| {});
    board.mark_lost(id, "", at(1)).unwrap();
    assert_eq!(
        board.move_deal(id, &stage("negotiation"), at(0)),
        Err(EditError::LostStays)
    );
    board.reopen(id, at(0)).unwrap();
    assert!(board.move_deal(id, &stage("negotiation"), at(0)).is_ok());
}

#[test]
fn stages_after_the_sale_stay_after_the_stages_before_it() {
    let mut board = empty_board();
    let first_after = board
        .stages
        .iter()
        .position(|s| s.phase == Phase::PostSale)
        .unwrap();
    let mut post = draft("Onboarding", &[]);
    post.phase = Phase::PostSale;
    assert_eq!(board.add_stage(0, post, why()), Err(EditError::PhaseOrder));
    let mut pre = draft("Discovery call", &[]);
    pre.phase = Phase::PreSale;
    assert_eq!(
        board.add_stage(first_after + 1, pre.clone(), why()),
        Err(EditError::PhaseOrder)
    );
    assert!(board.add_stage(first_after, pre, why()).is_ok());
    let last_before = board.stages[first_after].id.clone();
    assert_eq!(
        board.move_stage(&last_before, Direction::Forward, why()),
        Err(EditError::PhaseOrder)
    );
    let id = add(&mut board, "lead", "Deal", |_| {});
    assert_eq!(
        board.remove_stage(&stage("lead"), Some(&stage("delivery")), why()),
        Err(EditError::PhaseMismatch),
        "open deals do not become sold by removing their stage"
    );
    board
        .remove_stage(&stage("lead"), Some(&stage("qualification")), why())
        .unwrap();
    assert_eq!(board.deal(id).unwrap().stage, stage("qualification"));
}

#[test]
fn adding_a_deal_straight_after_the_sale_records_it_as_won() {
    let mut board = empty_board();
    let id = add(&mut board, "delivery", "Repeat order", |_| {});
    assert!(matches!(board.deal(id).unwrap().status, Status::Won { .. }));
}

#[test]
fn deleting_a_referrer_keeps_its_name_on_the_deals_it_referred() {
    use dealboard::model::Referral;
    let mut board = empty_board();
    let first = add(&mut board, "lead", "Acme", |_| {});
    let second = add(&mut board, "lead", "Globex", |d| {
        d.referred_by = Some(Referral::Deal(first));
    });
    let patch = board.delete_deal(first).unwrap();
    assert_eq!(
        board.deal(second).unwrap().referred_by,
        Some(Referral::Person("Acme".into()))
    );
    board.undo(&patch);
    assert_eq!(
        board.deal(second).unwrap().referred_by,
        Some(Referral::Deal(first))
    );
}

#[test]
fn reordering_swaps_with_the_neighbour_the_user_sees() {
    let mut board = empty_board();
    let c = add(&mut board, "lead", "C", |_| {});
    add(&mut board, "lead", "B", |_| {});
    let a = add(&mut board, "lead", "A", |_| {});
    let titles = |board: &dealboard::model::Board| -> Vec<String> {
        board
            .column(&stage("lead"))
            .iter()
            .map(|d| d.title.clone())
            .collect()
    };
    assert_eq!(titles(&board), ["A", "B", "C"]);
    // A filter hides B: moving C up swaps it with A, and B keeps its place.
    board.reorder_deal(c, Direction::Back, &[a, c]).unwrap();
    assert_eq!(titles(&board), ["C", "B", "A"]);
    assert_eq!(
        board.reorder_deal(c, Direction::Back, &[c, a]),
        Err(EditError::AtEdge)
    );
}

#[test]
fn a_changed_expected_close_is_recorded_but_a_first_one_is_not() {
    let mut board = empty_board();
    let id = add(&mut board, "lead", "Deal", |_| {});
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d);
    board
        .edit_deal(id, at(3), |d| d.expected_close = day(1))
        .unwrap();
    assert!(
        board.deal(id).unwrap().close_changes.is_empty(),
        "a first date is no change"
    );
    let patch = board
        .edit_deal(id, at(1), |d| d.expected_close = day(15))
        .unwrap()
        .unwrap();
    let changes = &board.deal(id).unwrap().close_changes;
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].from, changes[0].to, changes[0].at),
        (day(1), day(15), at(1))
    );
    board.undo(&patch);
    assert!(
        board.deal(id).unwrap().close_changes.is_empty(),
        "undone with the edit"
    );
}
