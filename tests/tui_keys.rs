//! Key sequences through the real keymap and `App::update`, checking what the user would see in
//! the app and, above all, what ends up in the board file.

mod support;

use dealboard::model::{StageId, Status};
use dealboard::tui::action::Action;
use dealboard::tui::app::{Mode, Question, SaveState};
use dealboard::tui::keymap::{self, Context};
use dealboard::tui::picker::Entry;
use ratatui::crossterm::event::KeyCode;
use support::{TestApp, release, sample_board};

fn stage_of(t: &TestApp, title: &str) -> String {
    let stage = t.deal(title).stage;
    t.saved().stage(&stage).unwrap().name.clone()
}

#[test]
fn moving_a_deal_forward_and_back_is_saved_with_its_history() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    // Lead column, top card is the last one added.
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
    // Its stage's exit criteria are not ticked: the move asks first, and records the skip.
    t.keys(">");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::SkipCriteria { .. })
    ));
    t.keys("y");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Qualification");
    t.keys("L y S-Right y");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Proposal sent");
    t.keys("<");
    assert_eq!(
        stage_of(&t, "Поставка оборудования"),
        "Proposal preparation"
    );
    let deal = t.deal("Поставка оборудования");
    let visited: Vec<&str> = deal.history.iter().map(|v| v.stage.as_str()).collect();
    assert_eq!(
        visited,
        [
            "lead",
            "qualification",
            "proposal-preparation",
            "proposal-sent",
            "proposal-preparation"
        ]
    );
    assert_eq!(deal.history.last().unwrap().at, support::now().to_utc());
    // The cursor followed the deal, so the focused column is where it now is.
    assert_eq!(t.app.focus(), 2);
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
}

#[test]
fn moving_past_the_first_or_last_stage_says_so_and_changes_nothing() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let before = std::fs::read(&t.path).unwrap();
    t.keys("<");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .contains(support::words_of(dealboard::text::t().board.at_first_stage))
    );
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
    t.keys("> y > y > y > y > y > y > y > y > y");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "After-sale");
    t.keys(">");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .contains(support::words_of(dealboard::text::t().board.at_last_stage))
    );
}

#[test]
fn uppercase_h_l_and_shift_arrows_move_but_plain_keys_only_select() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l j");
    assert_eq!(t.app.focus(), 1);
    assert_eq!(
        t.app.selected().unwrap().title,
        "株式会社テスト 導入プロジェクト"
    );
    t.keys("h");
    assert_eq!(t.app.focus(), 0);
    t.keys("Right Down Left Up");
    assert_eq!(t.app.focus(), 0);
    assert_eq!(t.titles_in("lead").len(), 2, "plain keys changed nothing");
    t.keys("S-Left H");
    assert_eq!(t.titles_in("lead").len(), 2);
}

#[test]
fn reordering_within_a_column_is_saved() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    assert_eq!(
        t.titles_in("lead"),
        ["Поставка оборудования", "CRM rollout, 40 seats"]
    );
    t.keys("J");
    assert_eq!(
        t.titles_in("lead"),
        ["CRM rollout, 40 seats", "Поставка оборудования"]
    );
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
    t.keys("J");
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .contains(support::words_of(dealboard::text::t().board.at_bottom))
    );
    t.keys("S-Up");
    assert_eq!(
        t.titles_in("lead"),
        ["Поставка оборудования", "CRM rollout, 40 seats"]
    );
    t.keys("j K");
    assert_eq!(
        t.titles_in("lead"),
        ["CRM rollout, 40 seats", "Поставка оборудования"]
    );
}

#[test]
fn a_new_deal_from_the_form_lands_in_the_focused_stage() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l l n");
    assert!(matches!(t.app.mode(), Mode::Form(_)));
    t.type_text("Pilot for Umbrella Corp")
        .keys("Tab")
        .type_text("Umbrella")
        .keys("Tab Tab");
    t.type_text("12 000").keys("Tab Tab Tab").type_text("35%");
    t.keys("Tab Tab Tab Tab")
        .type_text("+4d")
        .keys("Tab")
        .type_text("Send the proposal");
    t.keys("Tab")
        .type_text("tomorrow")
        .keys("Tab")
        .type_text("pilot, q4")
        .keys("Enter");
    assert!(matches!(t.app.mode(), Mode::Board));
    let deal = t.deal("Pilot for Umbrella Corp");
    assert_eq!(deal.stage, StageId("proposal-preparation".into()));
    assert_eq!(deal.company, "Umbrella");
    assert_eq!(deal.value.decimal(), "12000.00");
    assert_eq!(deal.value.currency.code(), "USD");
    assert_eq!(deal.probability, Some(35));
    assert_eq!(deal.owner, "anna", "the board's owner is the default");
    assert_eq!(deal.expected_close.unwrap().to_string(), "2026-12-01");
    assert_eq!(deal.next_action(), "Send the proposal");
    assert_eq!(deal.next_due().unwrap().to_string(), "2026-11-28");
    assert_eq!(deal.tags, ["pilot", "q4"]);
    assert_eq!(deal.status, Status::Open);
    assert_eq!(deal.created, support::now().to_utc());
    assert_eq!(t.app.selected().unwrap().title, "Pilot for Umbrella Corp");
}

#[test]
fn bad_input_is_marked_and_nothing_is_saved_until_it_is_right() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let before = std::fs::read(&t.path).unwrap();
    t.keys("n Tab Tab Tab")
        .type_text("lots")
        .keys("Tab Tab Tab")
        .type_text("140");
    t.keys("Tab Tab Tab Tab Tab Tab")
        .type_text("next week")
        .keys("C-s");
    let Mode::Form(form) = t.app.mode() else {
        panic!("the form closed")
    };
    assert_eq!(
        form.focus(),
        0,
        "the first bad field (the empty title) is focused"
    );
    assert_eq!(form.error(0).unwrap().to_string(), "needed");
    assert!(
        form.error(3)
            .unwrap()
            .to_string()
            .starts_with("not an amount")
    );
    assert!(form.error(6).unwrap().to_string().contains("0 to 100"));
    assert!(
        form.error(12)
            .unwrap()
            .to_string()
            .starts_with("not a date")
    );
    assert!(form.error(1).is_none());
    assert!(t.app.flash().unwrap().is_error);
    assert_eq!(std::fs::read(&t.path).unwrap(), before, "nothing saved");
    // Fix each field; the deal is saved.
    t.type_text("Fixed deal");
    t.keys("Tab Tab Tab").keys("C-u").type_text("12,000.50");
    t.keys("Tab Tab Tab").keys("C-u").type_text("40");
    t.keys("Tab Tab Tab Tab Tab Tab")
        .keys("C-u")
        .type_text("2026-12-24")
        .keys("Enter");
    assert!(matches!(t.app.mode(), Mode::Board));
    let deal = t.deal("Fixed deal");
    assert_eq!(deal.value.minor, 1_200_050);
    assert_eq!(deal.probability, Some(40));
}

#[test]
fn editing_changes_only_what_was_typed_and_esc_cancels() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let before = std::fs::read(&t.path).unwrap();
    t.keys("e").type_text(" (phase 2)").keys("Esc");
    assert!(
        matches!(t.app.mode(), Mode::Question(Question::Discard)),
        "typed text: asks"
    );
    t.keys("n");
    let Mode::Form(form) = t.app.mode() else {
        panic!("No goes back to the form")
    };
    assert_eq!(
        form.input(0).unwrap().value(),
        "Поставка оборудования (phase 2)"
    );
    t.keys("C-c y");
    assert!(matches!(t.app.mode(), Mode::Board));
    assert_eq!(
        std::fs::read(&t.path).unwrap(),
        before,
        "closing the form saved nothing"
    );
    t.keys("e Esc");
    assert!(
        matches!(t.app.mode(), Mode::Board),
        "nothing typed: Esc closes at once"
    );
    t.keys("e").type_text(" (phase 2)").keys("Enter");
    let deal = t.deal("Поставка оборудования (phase 2)");
    assert_eq!(deal.company, "ООО «Ромашка»");
    assert_eq!(dealboard::text::money(&deal.value), "₽1,500,000");
    assert_eq!(deal.updated, support::now().to_utc());
    // Saving an unchanged form changes nothing in the file.
    let before = std::fs::read(&t.path).unwrap();
    t.keys("e Enter");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.no_changes
    );
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
}

#[test]
fn delete_asks_first_and_undo_brings_the_deal_back() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("d");
    assert!(matches!(t.app.mode(), Mode::Question(Question::Delete(_))));
    t.keys("n");
    assert_eq!(t.saved().deals.len(), 5);
    t.keys("Del Esc");
    assert_eq!(t.saved().deals.len(), 5);
    t.keys("d y");
    assert_eq!(t.saved().deals.len(), 4);
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .starts_with("Deleted “Поставка оборудования”")
    );
    t.keys("u");
    let board = t.saved();
    assert_eq!(board.deals.len(), 5);
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
    t.keys("C-r");
    assert_eq!(t.saved().deals.len(), 4);
}

#[test]
fn undo_and_redo_cover_every_kind_of_change() {
    let sample = sample_board();
    let mut t = TestApp::new(sample.clone(), 80, 24);
    t.keys("> y J").keys("n").type_text("New one").keys("Enter");
    t.keys("e").type_text("!").keys("Enter d y");
    let changed = t.saved();
    t.keys("u u u u u");
    let undone = t.saved();
    assert_eq!(
        undone.deals, sample.deals,
        "five undos give back the deals we started with"
    );
    assert_eq!(
        undone.next_deal_id, 7,
        "the undone new deal's id 6 is never handed out again"
    );
    t.keys("u");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.nothing_to_undo
    );
    t.keys("C-r C-r C-r C-r C-r");
    assert_eq!(t.saved(), changed, "five redos give back every change");
    t.keys("C-r");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.nothing_to_redo
    );
}

#[test]
fn a_new_change_after_undo_clears_redo() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("> y u j > y");
    t.keys("C-r");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.nothing_to_redo
    );
}

#[test]
fn keys_in_an_empty_column_explain_instead_of_failing() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("l l");
    for key in ["e", "d", ">", "J"] {
        t.keys(key);
        assert_eq!(
            t.app.flash().unwrap().text,
            "No deal selected here. n adds one."
        );
        assert!(matches!(t.app.mode(), Mode::Board));
    }
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("?");
    assert!(matches!(t.app.mode(), Mode::Help { scroll: 0 }));
    t.keys("j j k");
    assert!(matches!(t.app.mode(), Mode::Help { scroll: 1 }));
    t.keys("Esc");
    assert!(matches!(t.app.mode(), Mode::Board));
}

#[test]
fn q_and_ctrl_c_quit_and_key_releases_do_nothing() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    assert_eq!(
        keymap::action_for(Context::Board, &release(KeyCode::Char('q'))),
        None
    );
    assert_eq!(
        keymap::action_for(Context::Board, &release(KeyCode::Char('>'))),
        None
    );
    t.keys("q");
    assert!(t.app.should_quit());
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("n").type_text("q");
    assert!(!t.app.should_quit(), "q types a letter in the form");
    t.keys("C-c");
    assert!(
        !t.app.should_quit(),
        "Ctrl+C in the form closes the form first"
    );
    t.keys("y C-c");
    assert!(t.app.should_quit());
}

#[test]
fn a_failed_save_keeps_everything_in_memory_retries_and_asks_before_quitting() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    let folder = t.dir.path().to_path_buf();
    std::fs::remove_dir_all(&folder).unwrap();
    t.keys("> y");
    let SaveState::Failed(error) = t.app.save_state() else {
        panic!("the save should fail")
    };
    assert!(
        error
            .to_string()
            .contains(support::opening(dealboard::text::t().errors.save_failed))
    );
    assert_eq!(
        t.app
            .board()
            .deals
            .iter()
            .filter(|d| d.stage.as_str() == "qualification")
            .count(),
        3
    );
    t.keys("q");
    assert!(!t.app.should_quit());
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::QuitUnsaved)
    ));
    t.keys("n");
    assert!(matches!(t.app.mode(), Mode::Board));
    // The folder comes back (a remounted disk, a fixed permission): the next tick saves.
    std::fs::create_dir_all(&folder).unwrap();
    t.act(Action::Tick);
    assert_eq!(t.app.save_state(), &SaveState::Saved);
    assert!(t.app.flash().unwrap().text.starts_with("Saved again"));
    assert_eq!(t.titles_in("qualification").len(), 3);
    t.keys("q");
    assert!(t.app.should_quit());
}

#[test]
fn quitting_anyway_with_unsaved_changes_is_possible() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    std::fs::remove_dir_all(t.dir.path()).unwrap();
    t.keys("> y q y");
    assert!(t.app.should_quit());
}

#[test]
fn the_view_follows_the_cursor_down_a_long_column_and_across_stages() {
    let mut board = support::empty_board();
    for i in 0..30 {
        support::add(&mut board, "lead", &format!("Deal {i}"), |_| {});
    }
    let mut t = TestApp::new(board, 80, 24);
    t.keys("End");
    assert_eq!(t.app.selected().unwrap().title, "Deal 0");
    assert_eq!(
        t.app.offset(0),
        26,
        "4 cards fit at 80x24, the last four are shown"
    );
    t.keys("Home");
    assert_eq!(t.app.offset(0), 0);
    t.keys("PgDn");
    assert_eq!(t.app.row(0), 4);
    t.keys("l l l");
    assert_eq!(
        t.app.first_column(),
        1,
        "three columns fit; the fourth scrolled into view"
    );
    t.keys("h h h");
    assert_eq!(t.app.first_column(), 0);
    t.act(Action::Resize(40, 24));
    t.keys("l");
    assert_eq!(
        t.app.first_column(),
        1,
        "one column at a time on a narrow screen"
    );
}

#[test]
fn shift_tab_goes_back_a_field_however_the_terminal_sends_it() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("n Tab Tab Tab BTab");
    let Mode::Form(form) = t.app.mode() else {
        panic!("the form is open")
    };
    assert_eq!(form.focus(), 2);
    let plain_backtab = ratatui::crossterm::event::KeyEvent::new(
        KeyCode::BackTab,
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(
        keymap::action_for(Context::Form, &plain_backtab),
        Some(Action::PreviousField)
    );
    t.keys("Up Up Up");
    let Mode::Form(form) = t.app.mode() else {
        panic!("the form is open")
    };
    assert_eq!(
        form.focus(),
        14,
        "from the first field, back wraps to the last"
    );
}

#[test]
fn a_refused_form_says_what_is_wrong_in_full() {
    let mut t = TestApp::new(sample_board(), 40, 20);
    t.keys("n")
        .type_text("Deal")
        .keys("Tab Tab Tab")
        .type_text("12k")
        .keys("Enter");
    let flash = t.app.flash().unwrap();
    assert!(flash.is_error);
    assert_eq!(
        flash.text,
        "Value: not an amount; try 12 000 or 12,000.50. Fix the marked fields, then save."
    );
}

#[test]
fn a_won_deal_cannot_be_moved_back_before_the_sale() {
    let mut board = sample_board();
    let id = support::add(&mut board, "delivery", "Delivered deal", |_| {});
    let won = dealboard::model::Status::Won {
        at: support::now().to_utc(),
    };
    board
        .deals
        .iter_mut()
        .filter(|d| d.id == id)
        .for_each(|d| std::sync::Arc::make_mut(d).status = won.clone());
    let mut t = TestApp::new(board, 80, 24);
    t.keys("l l l l l l l");
    assert_eq!(t.app.selected().unwrap().title, "Delivered deal");
    let before = std::fs::read(&t.path).unwrap();
    t.keys("<");
    let flash = &t.app.flash().unwrap().text;
    assert!(
        flash.contains(dealboard::text::t().errors.won_stays_after_sale),
        "{flash}"
    );
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
    t.keys(">");
    assert_eq!(t.deal("Delivered deal").stage.as_str(), "customer-training");
}

#[test]
fn help_pages_and_jumps() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("? PgDn");
    assert!(matches!(t.app.mode(), Mode::Help { scroll: 20 }));
    t.keys("PgUp");
    assert!(matches!(t.app.mode(), Mode::Help { scroll: 0 }));
    t.keys("End");
    assert!(matches!(t.app.mode(), Mode::Help { scroll } if *scroll > 20));
    t.keys("Home");
    assert!(matches!(t.app.mode(), Mode::Help { scroll: 0 }));
}

#[test]
fn a_deal_goes_from_lead_to_negotiation_in_two_keys_and_the_jump_is_asked_once_and_recorded() {
    let mut t = TestApp::new(sample_board(), 120, 30);
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
    t.keys("M");
    let Mode::Picker(picker) = t.app.mode() else {
        panic!("M opens the list of stages");
    };
    let _ = picker;
    let listed = offered(&t);
    assert_eq!(
        listed.first().map(String::as_str),
        Some(" 2  Qualification")
    );
    assert!(!listed.iter().any(|s| s.ends_with(" Lead")), "{listed:?}");
    t.keys("5");
    let Mode::Question(Question::SkipCriteria { items, jumped, .. }) = t.app.mode() else {
        panic!("a jump asks first");
    };
    assert_eq!(
        jumped,
        &["Qualification", "Proposal preparation", "Proposal sent"]
    );
    assert!(!items.is_empty(), "Lead's criteria are not ticked");
    let items = items.clone();
    t.keys("y");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Negotiation");
    let visit = t
        .deal("Поставка оборудования")
        .history
        .last()
        .cloned()
        .unwrap();
    let jumped: Vec<&str> = visit.jumped.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        jumped,
        ["qualification", "proposal-preparation", "proposal-sent"]
    );
    let skipped: Vec<String> = visit.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped, items);
}

#[test]
fn the_stage_list_narrows_as_one_types_and_going_back_asks_nothing() {
    let mut t = TestApp::new(sample_board(), 120, 30);
    t.keys("M n e g Enter");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::SkipCriteria { .. })
    ));
    t.keys("n");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Lead");
    // From Negotiation back to Lead: no criteria to skip, nothing asked.
    t.keys("5 M 1 Enter");
    assert!(matches!(t.app.mode(), Mode::Board), "{:?}", t.app.mode());
    assert_eq!(stage_of(&t, "Warehouse scanners"), "Lead");
    // Esc leaves the list, nothing moved.
    t.keys("M Esc");
    assert!(matches!(t.app.mode(), Mode::Board));
}

#[test]
fn digits_go_to_the_column_of_that_stage() {
    let mut t = TestApp::new(sample_board(), 120, 30);
    t.keys("5");
    assert_eq!(t.app.focus(), 4);
    assert_eq!(t.app.selected().unwrap().title, "Warehouse scanners");
    t.keys("2");
    assert_eq!(t.app.focus(), 1);
    // A stage the board does not have: the focus stays on the last there is.
    t.keys("9");
    assert_eq!(t.app.focus(), t.app.board().stages.len().min(9) - 1);
}

#[test]
fn won_from_an_early_stage_says_which_stages_it_jumps_like_a_move() {
    let mut t = TestApp::new(sample_board(), 120, 30);
    t.keys("w");
    let Mode::Question(Question::SkipCriteria {
        jumped,
        mark_won,
        to,
        ..
    }) = t.app.mode()
    else {
        panic!("w from Lead asks first");
    };
    assert!(*mark_won);
    assert_eq!(to.as_str(), "delivery");
    assert!(jumped.contains(&"Negotiation".to_string()), "{jumped:?}");
    t.keys("n");
    assert!(t.deal("Поставка оборудования").status.is_open());
    t.keys("w y");
    assert!(matches!(
        t.deal("Поставка оборудования").status,
        Status::Won { .. }
    ));
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Delivery");
}

/// The stages the list offers, as shown.
fn offered(t: &TestApp) -> Vec<String> {
    let Mode::Picker(picker) = t.app.mode() else {
        panic!("not the list of stages: {:?}", t.app.mode());
    };
    picker
        .entries()
        .iter()
        .map(|e| match e {
            Entry::Option(text) | Entry::Typed(text) => text.to_string(),
        })
        .collect()
}

#[test]
fn a_won_deal_is_offered_only_the_stages_after_the_sale() {
    let mut t = TestApp::new(support::pipeline_board(), 120, 30);
    let won = t
        .app
        .board()
        .deals
        .iter()
        .find(|d| matches!(d.status, Status::Won { .. }))
        .map(|d| d.title.clone())
        .unwrap();
    while t.app.selected().map(|d| d.title.as_str()) != Some(won.as_str()) {
        t.keys("l");
        if t.app.focus() + 1 >= t.app.board().stages.len() {
            break;
        }
    }
    t.keys("M");
    let stages = offered(&t);
    assert!(!stages.is_empty());
    assert!(
        stages
            .iter()
            .all(|s| !s.contains("Lead") && !s.contains("Negotiation")),
        "{stages:?}"
    );
    let before = std::fs::read(&t.path).unwrap();
    t.keys("Esc");
    assert!(matches!(t.app.mode(), Mode::Board));
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
}

#[test]
fn g_and_shift_g_go_to_the_first_and_last_row_of_every_list() {
    let mut t = TestApp::new(support::pipeline_board(), 120, 30);
    t.keys("p G");
    let Mode::Process(view) = t.app.mode() else {
        panic!("the process editor");
    };
    assert_eq!(view.row, t.app.board().stages.len() - 1);
    t.keys("g");
    assert!(matches!(t.app.mode(), Mode::Process(view) if view.row == 0));
    t.keys("Esc c End");
    let Mode::Closed(view) = t.app.mode() else {
        panic!("the closed deals");
    };
    assert!(view.row > 0, "more than one closed deal, the last chosen");
    t.keys("Home");
    assert!(matches!(t.app.mode(), Mode::Closed(view) if view.row == 0));
    t.keys("Esc M End");
    let last = offered(&t).len() - 1;
    assert!(matches!(t.app.mode(), Mode::Picker(p) if p.highlighted() == last));
}

#[test]
fn z_folds_empty_stages_to_strips_making_room_and_the_focused_one_opens() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    assert_eq!(t.app.columns_on_screen(80), 3);
    t.keys("z");
    assert_eq!(
        t.app.flash().map(|f| f.text.as_str()),
        Some(dealboard::text::t().board.folded)
    );
    // Lead and Qualification open, the two empty stages after them folded, Negotiation open.
    assert!(!t.app.is_folded(0) && !t.app.is_folded(1));
    assert!(t.app.is_folded(2) && t.app.is_folded(3));
    assert_eq!(t.app.columns_on_screen(80), 5);
    // An empty stage with the focus is open, so a deal can be added to it.
    t.keys("3");
    assert!(!t.app.is_folded(2));
    t.keys("z");
    assert!(!t.app.is_folded(3));
    assert_eq!(t.app.columns_on_screen(80), 3);
}

#[test]
fn on_a_board_of_ten_stages_1_waits_for_a_0_and_the_stage_a_deal_is_in_says_so() {
    let mut t = TestApp::new(sample_board(), 120, 30);
    assert_eq!(t.app.board().stages.len(), 10);
    // Stage 10 by its number: the `1` alone does not take Lead.
    t.keys("M 1");
    assert!(matches!(t.app.mode(), Mode::Picker(_)));
    t.keys("0");
    let Mode::Question(Question::SkipCriteria { to, .. }) = t.app.mode() else {
        panic!("10 takes stage ten, past the others: {:?}", t.app.mode());
    };
    assert_eq!(to, &t.app.board().stages[9].id);
    t.keys("n");
    // `1` then Enter: the first stage listed with a 1 in it; Lead, where the deal is, is not.
    t.keys("M 1 Enter");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::SkipCriteria { .. })
    ));
    t.keys("n");
    assert_eq!(stage_of(&t, "Поставка оборудования"), "Lead");
    // From Qualification, `2` on a deal in stage 2 says where it is.
    t.keys("2 M 2");
    assert!(matches!(t.app.mode(), Mode::Board));
    let said = t.app.flash().map(|f| f.text.clone()).unwrap_or_default();
    assert!(
        said.contains(support::words_of(dealboard::text::t().board.already_in)),
        "{said}"
    );
}
