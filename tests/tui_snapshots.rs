//! Whole screens, as a user sees them, at 80x24 and 160x48 (and the odd sizes that must not
//! break). Review every new or changed snapshot by eye: `cargo insta review`.

mod support;

use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{TestApp, pipeline_board, sample_board};

fn screen(t: &TestApp, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
    terminal.backend().clone()
}

/// The screen after `keys`, with the temporary folder's name replaced by `/TMP`.
fn at(width: u16, height: u16, keys: &str) -> String {
    let mut t = TestApp::new(sample_board(), width, height);
    t.keys(keys);
    shown(&t, width, height)
}

fn shown(t: &TestApp, width: u16, height: u16) -> String {
    let folder = t.dir.path().display().to_string();
    screen(t, width, height)
        .to_string()
        .replace(&folder, "/TMP")
}

#[test]
fn board_80x24() {
    insta::assert_snapshot!(at(80, 24, ""));
}

#[test]
fn board_160x48() {
    insta::assert_snapshot!(at(160, 48, ""));
}

#[test]
fn wide_screen_200x50() {
    insta::assert_snapshot!(at(200, 50, "l"));
}

/// A big monitor: the columns widen past their minimum, cards are tall (contact, tags and the
/// chance the figures count) and wide (the contact beside the company).
#[test]
fn big_monitor_300x80() {
    insta::assert_snapshot!(at(300, 80, ""));
}

/// The same with the empty stages folded to strips.
#[test]
fn big_monitor_with_empty_stages_folded_300x80() {
    insta::assert_snapshot!(at(300, 80, "z"));
}

#[test]
fn board_after_moving_a_cyrillic_deal_160x48() {
    insta::assert_snapshot!(at(160, 48, "> y > y l j"));
}

#[test]
fn narrow_board_shows_one_stage_at_a_time_40x20() {
    insta::assert_snapshot!(at(40, 20, "l"));
}

#[test]
fn too_small_says_so_20x6() {
    insta::assert_snapshot!(at(20, 6, ""));
}

#[test]
fn scrolled_to_the_end_of_the_stages_80x24() {
    insta::assert_snapshot!(at(80, 24, "l l l l l l l l l"));
}

#[test]
fn long_column_scrolled_down_80x24() {
    let mut board = support::empty_board();
    for i in 1..=12 {
        support::add(&mut board, "lead", &format!("Deal number {i}"), |d| {
            d.company = "Widgets Inc".into();
        });
    }
    let mut t = TestApp::new(board, 80, 24);
    t.keys("j j j j j j");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn new_deal_form_with_errors_80x24() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("n Tab Tab Tab")
        .type_text("12k")
        .keys("Tab Tab Tab")
        .type_text("140");
    t.keys("Tab Tab Tab Tab Tab")
        .type_text("someday")
        .keys("Enter");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn edit_form_160x48() {
    insta::assert_snapshot!(at(160, 48, "l e"));
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(at(80, 24, "?"));
}

#[test]
fn help_scrolled_to_the_end_160x48() {
    insta::assert_snapshot!(at(160, 48, "? j j j j j j j j j j j j j j j j j j j j"));
}

#[test]
fn delete_question_80x24() {
    insta::assert_snapshot!(at(80, 24, "j d"));
}

#[test]
fn save_failure_is_impossible_to_miss_80x24() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    std::fs::remove_dir_all(t.dir.path()).unwrap();
    t.keys("> y");
    let screen = shown(&t, 80, 24);
    assert!(screen.contains("NOT SAVED"));
    insta::assert_snapshot!(screen);
}

#[test]
fn every_size_from_tiny_to_huge_draws_without_panicking() {
    let mut board = sample_board();
    for i in 0..40 {
        support::add(&mut board, "lead", &format!("Filler {i}"), |_| {});
    }
    let mut t = TestApp::new(board, 80, 24);
    t.keys("End");
    let sizes = [
        (1, 1),
        (0, 0),
        (10, 3),
        (24, 9),
        (25, 10),
        (47, 13),
        (300, 80),
        (80, 24),
    ];
    for (width, height) in sizes {
        for keys in [
            "",
            "?",
            "n",
            "d",
            "d y d y d y",
            "Enter",
            "x",
            "c",
            "p",
            "p Tab Tab Tab",
            "p e",
            "s",
            "s c End",
            "s ?",
        ] {
            // Drawn both before the app hears of the new size (as when a resize event is still
            // on its way) and after.
            t.keys(keys);
            screen(&t, width, height);
            t.act(dealboard::tui::action::Action::Resize(width, height));
            screen(&t, width, height);
            t.keys("Esc Esc");
        }
    }
}

#[test]
fn too_small_says_so_in_a_shorter_way_when_tiny_10x5() {
    insta::assert_snapshot!(at(10, 5, ""));
}

/// The screen after `keys` on the worked-on pipeline board.
fn pipeline(width: u16, height: u16, keys: &str) -> String {
    let mut t = TestApp::new(pipeline_board(), width, height);
    t.keys(keys);
    shown(&t, width, height)
}

#[test]
fn pipeline_with_totals_rotting_and_overdue_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "l l l"));
}

#[test]
fn pipeline_200x50() {
    insta::assert_snapshot!(pipeline(200, 50, ""));
}

#[test]
fn filtered_by_words_and_overdue_80x24() {
    let mut t = TestApp::new(pipeline_board(), 80, 24);
    t.keys("/").type_text("acme").keys("Enter o");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn typing_the_filter_80x24() {
    let mut t = TestApp::new(pipeline_board(), 80, 24);
    t.keys("/").type_text("@ann #pilot");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn sorted_by_value_160x48() {
    insta::assert_snapshot!(pipeline(160, 48, "S S"));
}

#[test]
fn deal_detail_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "j j Enter"));
}

#[test]
fn deal_detail_160x48() {
    insta::assert_snapshot!(pipeline(160, 48, "j j Enter j"));
}

#[test]
fn closed_deals_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "c"));
}

#[test]
fn process_editor_160x48() {
    insta::assert_snapshot!(pipeline(160, 48, "p j"));
}

#[test]
fn stage_form_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "p j e"));
}

#[test]
fn lost_reason_picker_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "x Down"));
}

#[test]
fn next_action_form_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "j a"));
}

#[test]
fn skipping_exit_criteria_asks_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "j >"));
}

#[test]
fn closed_deals_200x50() {
    insta::assert_snapshot!(pipeline(200, 50, "c"));
}

#[test]
fn process_board_tab_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "p Tab Tab Tab"));
}

#[test]
fn process_editor_keeps_the_last_stage_in_sight_80x16() {
    insta::assert_snapshot!(pipeline(80, 16, "p j j j j j j j j j"));
}

#[test]
fn deal_detail_with_a_skip_wrapped_in_its_history_80x24() {
    insta::assert_snapshot!(pipeline(80, 24, "j > y Enter PgDn"));
}

#[test]
fn the_stage_list_and_a_jump_over_stages_asked_once_80x24() {
    insta::assert_snapshot!("the_stage_list_80x24", at(80, 24, "M"));
    insta::assert_snapshot!("a_jump_over_stages_asked_once_80x24", at(80, 24, "M 5"));
}

#[test]
fn a_title_too_long_for_the_border_is_shown_whole_in_the_deal_80x24() {
    let mut board = sample_board();
    support::add(
        &mut board,
        "lead",
        "A very long deal title that goes on about forty seats of CRM for the northern region, Murmansk included",
        |_| {},
    );
    let mut t = TestApp::new(board, 80, 24);
    t.keys("Enter");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn empty_stages_folded_80x24_and_200x50() {
    insta::assert_snapshot!("empty_stages_folded_80x24", at(80, 24, "z"));
    insta::assert_snapshot!("empty_stages_folded_200x50", at(200, 50, "z"));
}

#[test]
fn a_card_shows_contact_probability_and_tags_when_tall_and_the_contact_when_wide() {
    let mut board = sample_board();
    support::add(&mut board, "lead", "Fleet tablets", |d| {
        d.company = "Nordwind AB".into();
        d.contact = "Sara Lind".into();
        d.tags = vec!["vip".into(), "renewal".into()];
        d.probability = Some(35);
    });
    let tall = TestApp::new(board.clone(), 100, 44);
    insta::assert_snapshot!("a_tall_card_100x44", shown(&tall, 100, 44));
    let mut wide = TestApp::new(board, 200, 24);
    wide.keys("z");
    insta::assert_snapshot!("a_wide_card_200x24", shown(&wide, 200, 24));
}
