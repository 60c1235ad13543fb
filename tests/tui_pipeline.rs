//! The pipeline through the keyboard: won, lost and reopened deals, next actions, exit criteria,
//! the company's own stages and lists, filters and ordering. Each checks what reaches the file.

mod support;

use dealboard::model::{ColumnSort, StageId, Status};
use dealboard::tui::app::{ClosedShow, Mode, ProcessTab, Question};
use support::{TestApp, pipeline_board, sample_board};

#[test]
fn w_wins_a_deal_which_moves_on_to_delivery_and_u_takes_it_back() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    // From Negotiation, winning jumps the stages before delivery: it asks first, as a move does.
    t.keys("l l l l w");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::SkipCriteria { mark_won: true, .. })
    ));
    t.keys("y");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .starts_with("Won “Warehouse scanners”! Now in Delivery.")
    );
    let deal = t.deal("Warehouse scanners");
    assert!(matches!(deal.status, Status::Won { .. }));
    assert_eq!(deal.stage, StageId("delivery".into()));
    assert_eq!(t.app.focus(), 4, "the cursor stays in Negotiation");
    t.keys("u");
    assert_eq!(t.deal("Warehouse scanners").status, Status::Open);
}

#[test]
fn x_asks_why_from_the_boards_reasons_and_the_closed_list_reopens() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("x");
    assert!(matches!(t.app.mode(), Mode::Picker(_)));
    t.keys("Down Enter");
    let deal = t.deal("Поставка оборудования");
    assert!(matches!(&deal.status, Status::Lost { reason, .. } if reason == "Chose a competitor"));
    assert_eq!(
        t.titles_in("lead"),
        ["CRM rollout, 40 seats"],
        "a lost deal leaves the board"
    );
    t.keys("c");
    let Mode::Closed(view) = t.app.mode() else {
        panic!("the closed deals")
    };
    assert_eq!(t.app.closed_deals(view).len(), 1);
    t.keys("Tab");
    assert!(matches!(t.app.mode(), Mode::Closed(v) if v.show == ClosedShow::Won));
    t.keys("Tab r");
    assert_eq!(t.deal("Поставка оборудования").status, Status::Open);
    assert_eq!(t.titles_in("lead").len(), 2);
    t.keys("Esc");
    assert!(matches!(t.app.mode(), Mode::Board));
}

#[test]
fn a_lost_reason_can_be_typed() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("x").type_text("budget");
    t.keys("Down Enter");
    assert!(
        matches!(&t.deal("Поставка оборудования").status, Status::Lost { reason, .. } if reason == "budget")
    );
    t.keys("j x").type_text("Went bankrupt").keys("Enter");
    assert!(
        matches!(&t.deal("CRM rollout, 40 seats").status, Status::Lost { reason, .. } if reason == "Went bankrupt")
    );
}

#[test]
fn space_marks_the_next_action_done_and_asks_for_the_next() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("j Space");
    assert!(matches!(t.app.mode(), Mode::TextForm(_)));
    t.type_text("Send the proposal")
        .keys("Tab")
        .type_text("+2d")
        .keys("Enter");
    let deal = t.deal("CRM rollout, 40 seats");
    assert_eq!(deal.next_action(), "Send the proposal");
    assert_eq!(deal.next_due().unwrap().to_string(), "2026-11-29");
    assert_eq!(deal.done_actions[0].text, "Intro call");
    assert_eq!(
        deal.updated,
        support::now().to_utc(),
        "doing an action is a touch"
    );
    t.keys("a Tab").type_text("soon").keys("Enter");
    assert!(t.app.flash().unwrap().text.contains(support::opening_of(
        dealboard::text::t().errors.bad_date,
        " between"
    )));
    assert!(
        matches!(t.app.mode(), Mode::TextForm(_)),
        "a bad date keeps the form open"
    );
}

#[test]
fn the_detail_view_ticks_exit_criteria_and_shows_them_on_the_card() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l Enter");
    assert!(matches!(t.app.mode(), Mode::Detail(_)));
    t.keys("Space j j Space");
    let deal = t.deal("Support renewal 🚀");
    let items: Vec<&str> = deal.ticked.iter().map(|t| &*t.item).collect();
    assert_eq!(items, ["Budget confirmed", "Decision maker known"]);
    // The cursor stops at the last criterion, so space there unticks it again.
    t.keys("j Space");
    assert_eq!(t.deal("Support renewal 🚀").ticked.len(), 1);
    t.keys("u");
    assert_eq!(t.deal("Support renewal 🚀").ticked.len(), 2);
    t.keys("Esc");
    assert!(matches!(t.app.mode(), Mode::Board));
}

#[test]
fn moving_on_with_criteria_not_done_asks_and_records_the_skip() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys(">");
    let Mode::Question(Question::SkipCriteria { items, .. }) = t.app.mode() else {
        panic!("asks")
    };
    assert_eq!(
        items,
        &["Contact person identified", "Lead source recorded"]
    );
    t.keys("n");
    assert_eq!(t.deal("Поставка оборудования").stage.as_str(), "lead");
    t.keys("> y");
    let deal = t.deal("Поставка оборудования");
    assert_eq!(
        deal.history
            .last()
            .unwrap()
            .skipped
            .iter()
            .map(|s| &**s)
            .collect::<Vec<_>>(),
        ["Contact person identified", "Lead source recorded"]
    );
    // With every criterion ticked, it moves on without asking.
    t.keys("Enter Space j Space j Space Esc >");
    assert!(matches!(t.app.mode(), Mode::Board));
    assert_eq!(
        t.deal("Поставка оборудования").stage.as_str(),
        "proposal-preparation"
    );
    assert!(
        t.deal("Поставка оборудования")
            .history
            .last()
            .unwrap()
            .skipped
            .is_empty()
    );
}

#[test]
fn the_process_editor_adds_changes_reorders_and_removes_stages() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("p");
    assert!(matches!(t.app.mode(), Mode::Process(_)));
    // A new stage after Lead, with two exit criteria typed into growing rows.
    t.keys("n")
        .type_text("Discovery call")
        .keys("Tab C-u")
        .type_text("15");
    t.keys("Tab Tab Tab Tab")
        .type_text("Pain points written down")
        .keys("Tab")
        .type_text("Next meeting booked");
    t.keys("Enter");
    let board = t.saved();
    assert_eq!(board.stages[1].name, "Discovery call");
    assert_eq!(board.stages[1].probability, 15);
    assert_eq!(
        board.stages[1].checklist,
        ["Pain points written down", "Next meeting booked"]
    );
    // Rename it, move it down, and take it out again.
    t.keys("e C-u").type_text("Discovery").keys("Enter");
    assert_eq!(t.saved().stages[1].name, "Discovery");
    t.keys("J");
    assert_eq!(t.saved().stages[2].name, "Discovery");
    t.keys("d");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::RemoveStage(_))
    ));
    t.keys("y");
    assert!(t.saved().stages.iter().all(|s| s.name != "Discovery"));
    t.keys("u");
    assert!(
        t.saved().stages.iter().any(|s| s.name == "Discovery"),
        "undo brings it back"
    );
}

#[test]
fn removing_a_stage_with_deals_asks_where_they_go() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("p j d");
    assert!(matches!(t.app.mode(), Mode::Picker(_)));
    t.type_text("lead").keys("Enter");
    let board = t.saved();
    assert!(board.stage(&StageId("qualification".into())).is_none());
    assert_eq!(board.column(&StageId("lead".into())).len(), 4);
}

#[test]
fn stage_form_errors_are_marked_and_nothing_is_saved() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let before = std::fs::read(&t.path).unwrap();
    t.keys("p n").type_text("Lead").keys("Enter");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .contains("There is already a stage named “Lead”")
    );
    t.keys("Tab C-u").type_text("150").keys("Enter");
    assert!(t.app.flash().unwrap().text.contains("0 to 100"));
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
}

#[test]
fn lead_sources_and_lost_reasons_are_edited_as_lists() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("p Tab");
    assert!(matches!(t.app.mode(), Mode::Process(v) if v.tab == ProcessTab::Sources));
    t.keys("n").type_text("Webinar").keys("Enter");
    assert!(t.saved().sources.contains(&"Webinar".to_string()));
    t.keys("d");
    assert_eq!(
        t.saved().sources[0],
        "Marketing campaign",
        "d removes the selected one"
    );
    t.keys("Tab e C-u").type_text("Too expensive").keys("Enter");
    assert_eq!(t.saved().lost_reasons[0], "Too expensive");
}

#[test]
fn the_deal_form_offers_the_boards_lead_sources_and_takes_a_referrer() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let acme = t.deal("CRM rollout, 40 seats").id;
    t.keys("n").type_text("Referred deal");
    t.keys("Tab Tab Tab Tab Tab Tab Tab Tab C-n C-n C-n");
    t.keys("Tab").type_text(&format!("#{acme}")).keys("Enter");
    let deal = t.deal("Referred deal");
    assert_eq!(deal.source, "Referral");
    assert_eq!(
        deal.referred_by,
        Some(dealboard::model::Referral::Deal(acme))
    );
    t.keys("e Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u")
        .type_text("#999")
        .keys("Enter");
    assert!(t.app.flash().unwrap().text.contains(&dealboard::text::fill(
        dealboard::text::t().errors.no_referrer,
        &[("id", &999)]
    )));
}

#[test]
fn filters_narrow_the_board_and_its_totals_and_esc_clears_them() {
    let mut t = TestApp::new(pipeline_board(), 80, 24);
    let all = t.app.figures().totals.shown;
    t.keys("/").type_text("acme");
    // Two open Acme deals, and the Acme deal won and being delivered.
    assert_eq!(
        t.app.figures().totals.shown,
        3,
        "the board follows each key"
    );
    let money = |totals: &dealboard::model::Totals| -> Vec<String> {
        totals
            .largest_first()
            .iter()
            .filter(|m| m.minor != 0)
            .map(dealboard::text::money)
            .collect()
    };
    // Open: the two open Acme deals ($12,000 and nothing yet); the won one is not open.
    assert_eq!(money(&t.app.figures().totals.open), ["$12,000"]);
    assert_eq!(
        money(&t.app.figures().totals.weighted),
        ["$1,200"],
        "10% in Lead"
    );
    t.keys("Enter");
    assert!(matches!(t.app.mode(), Mode::Board));
    t.keys("o");
    assert_eq!(t.app.figures().totals.shown, 1);
    assert_eq!(
        t.app.flash().unwrap().text,
        "Showing “acme” · only overdue or due today"
    );
    t.keys("Esc");
    assert_eq!(t.app.figures().totals.shown, all);
    t.keys("r");
    assert_eq!(t.app.figures().totals.shown, 1, "only the deal going cold");
    t.keys("r m");
    let board = t.app.board();
    let on_board = |d: &&dealboard::model::Deal| d.is_on_board(board.is_post_sale(&d.stage));
    let mine = board
        .deals
        .iter()
        .map(AsRef::as_ref)
        .filter(on_board)
        .filter(|d| d.owner == "anna")
        .count();
    assert_eq!(t.app.figures().totals.shown, mine);
}

#[test]
fn s_cycles_the_order_which_is_saved_with_the_board() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("S");
    assert_eq!(t.saved().sort, ColumnSort::NextAction);
    t.keys("S");
    assert_eq!(t.saved().sort, ColumnSort::Value);
    let lead: Vec<String> = t.app.columns()[0]
        .iter()
        .map(|deal| deal.title.clone())
        .collect();
    assert_eq!(
        lead,
        ["CRM rollout, 40 seats", "Поставка оборудования"],
        "the board's dollars first; roubles cannot be compared with them, so they come after"
    );
    assert_eq!(
        t.app.selected().unwrap().title,
        "Поставка оборудования",
        "the cursor stays on its deal"
    );
    t.keys("u");
    assert_eq!(t.saved().sort, ColumnSort::NextAction);
}

#[test]
fn read_only_refuses_the_new_keys_too() {
    let first = TestApp::new(sample_board(), 80, 24);
    let (store, board) = dealboard::store::Store::open(&first.path).unwrap();
    let clock = Box::new(dealboard::clock::FixedClock(support::now()));
    let mut second = dealboard::tui::app::App::new(board, store, clock, (80, 24));
    use dealboard::tui::action::Action;
    for action in [
        Action::MarkWon,
        Action::MarkLost,
        Action::CompleteAction,
        Action::CycleSort,
    ] {
        second.update(action);
        assert!(
            second.flash().unwrap().text.starts_with("Read-only"),
            "{action:?}"
        );
    }
    second.update(Action::ShowProcess);
    second.update(Action::AddItem);
    assert!(second.flash().unwrap().text.starts_with("Read-only"));
}

#[test]
fn o_shows_what_is_due_today_or_late_and_the_cursor_goes_to_a_match() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l");
    assert_eq!(t.app.focus(), 1, "on Qualification, where nothing is due");
    t.keys("o");
    let due: Vec<String> = t
        .app
        .columns()
        .iter()
        .flatten()
        .map(|deal| deal.title.clone())
        .collect();
    assert_eq!(
        due,
        [
            "Поставка оборудования",
            "CRM rollout, 40 seats",
            "Warehouse scanners"
        ],
        "two overdue and one due today; nothing planned later or unplanned"
    );
    assert_eq!(
        t.app.focus(),
        0,
        "the emptied column gave way to the first match"
    );
    assert!(t.app.selected().is_some());
}

#[test]
fn the_board_tab_sets_the_name_owner_and_currency_and_undo_restores_them() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let name_before = t.saved().name;
    t.keys("p Tab Tab Tab");
    let Mode::Process(view) = t.app.mode() else {
        panic!("the process editor")
    };
    assert_eq!(view.tab, ProcessTab::Board);
    t.keys("e C-u").type_text("Team pipeline");
    t.keys("Tab C-u").type_text("boris");
    t.keys("Tab C-u").type_text("dollars").keys("Enter");
    assert!(
        t.app.flash().unwrap().text.contains("ISO currency code"),
        "a bad currency is refused"
    );
    t.keys("C-u").type_text("usd").keys("Enter");
    let saved = t.saved();
    assert_eq!(
        (
            saved.name.as_str(),
            saved.owner.as_str(),
            saved.currency.code()
        ),
        ("Team pipeline", "boris", "USD")
    );
    t.keys("d");
    let edits = dealboard::text::fill(dealboard::text::t().process.fixed_rows, &[("key", &"e")]);
    assert_eq!(t.app.flash().unwrap().text, edits);
    t.keys("u");
    assert_eq!(t.saved().owner, "anna");
    assert_eq!(t.saved().name, name_before);
}

#[test]
fn a_with_nothing_planned_plans_the_next_action_without_a_done_one() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l");
    assert_eq!(t.app.selected().unwrap().title, "Support renewal 🚀");
    t.keys("a");
    let Mode::TextForm(form) = t.app.mode() else {
        panic!("a form")
    };
    assert_eq!(form.title, "Plan the next action for “Support renewal 🚀”");
    t.keys("Enter");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.no_changes
    );
    t.keys("a")
        .type_text("Call Globex")
        .keys("Tab")
        .type_text("tomorrow");
    t.keys("Enter");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .starts_with("Planned the next action for “Support renewal 🚀”.")
    );
    let deal = t.deal("Support renewal 🚀");
    assert_eq!(deal.next_action(), "Call Globex");
    assert!(deal.done_actions.is_empty(), "nothing was done yet");
}

#[test]
fn reordering_by_hand_is_refused_while_the_columns_are_sorted() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("S");
    let before = t.titles_in("lead");
    t.keys("J");
    assert!(t.app.flash().unwrap().text.contains(&dealboard::text::fill(
        dealboard::text::t().board.sorted_no_reorder,
        &[
            ("order", &dealboard::text::sort_name(ColumnSort::NextAction)),
            ("key", &"S")
        ]
    )));
    assert_eq!(t.titles_in("lead"), before);
}

#[test]
fn redo_works_in_the_closed_list_too() {
    let mut t = TestApp::new(pipeline_board(), 80, 24);
    t.keys("c");
    let before = t
        .app
        .board()
        .deals
        .iter()
        .filter(|d| !d.status.is_open())
        .count();
    t.keys("r");
    assert!(t.app.flash().unwrap().text.starts_with("Reopened"));
    t.keys("u");
    t.keys("C-r");
    let after = t
        .saved()
        .deals
        .iter()
        .filter(|d| !d.status.is_open())
        .count();
    assert_eq!(after, before - 1, "redo reopened it again");
}

#[test]
fn a_new_stages_numbers_start_empty_so_typing_replaces_the_defaults() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    // After Lead (10%, 14 days): typed numbers are the numbers, not added to the defaults.
    t.keys("p n").type_text("Demo booked").keys("Tab");
    t.type_text("25").keys("Tab").type_text("10").keys("Enter");
    let stage = t.saved().stages[1].clone();
    assert_eq!(
        (stage.name.as_str(), stage.probability, stage.rot_days),
        ("Demo booked", 25, 10)
    );
    // Left empty, they are the stage before's.
    t.keys("n").type_text("Second demo").keys("Enter");
    let stage = t.saved().stages[2].clone();
    assert_eq!((stage.probability, stage.rot_days), (25, 10));
}

#[test]
fn undoing_a_loss_does_not_repeat_where_the_deal_went() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("x").type_text("No budget").keys("Enter");
    assert_eq!(
        t.app.flash().unwrap().text,
        "Lost “Поставка оборудования”: No budget. It is in the closed deals (c). (u undoes)"
    );
    t.keys("u");
    assert_eq!(
        t.app.flash().unwrap().text,
        "Undone: Lost “Поставка оборудования”: No budget."
    );
}

#[test]
fn a_stage_holding_deals_keeps_its_side_of_the_sale() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    // Lead holds deals; making it post-sale is refused with the reason.
    t.keys("p e Tab Tab Tab C-n Enter");
    assert!(t.app.flash().unwrap().text.contains(support::opening_of(
        dealboard::text::t().errors.phase_holds_deals,
        ";"
    )));
}

#[test]
fn a_won_deal_being_delivered_shows_and_counts_its_next_action() {
    let mut t = TestApp::new(pipeline_board(), 80, 24);
    let due_today = t.app.figures().totals.due_today;
    t.keys("l l l l l l l");
    assert_eq!(t.app.selected().unwrap().title, "Delivered and won");
    t.keys("a")
        .type_text("Kick-off call")
        .keys("Tab")
        .type_text("today");
    t.keys("Enter");
    assert_eq!(t.deal("Delivered and won").next_action(), "Kick-off call");
    assert_eq!(
        t.app.figures().totals.due_today,
        due_today + 1,
        "delivery work is work for today too"
    );
    t.keys("o");
    assert_eq!(t.app.selected().unwrap().title, "Delivered and won");
}
