//! The board file shared with others: a second dealboard, the command line, a text editor or a
//! sync tool. Nothing anyone saved is ever overwritten, and the app follows what others do.

mod support;

use dealboard::clock::FixedClock;
use dealboard::model::Board;
use dealboard::store::{self, Store};
use dealboard::tui::action::Action;
use dealboard::tui::app::{App, Mode, Question, SaveState};
use support::{TestApp, sample_board};

/// Writes `board` to the file as another program would (a text editor, `git pull`).
fn edit_outside(t: &TestApp, change: impl FnOnce(&mut Board)) {
    let mut board = t.saved();
    change(&mut board);
    std::fs::write(&t.path, store::board_text(&board).unwrap()).unwrap();
}

#[test]
fn a_change_made_outside_is_loaded_on_the_next_tick() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("j");
    edit_outside(&t, |board| {
        support::add(board, "lead", "Added by a colleague", |_| {});
    });
    t.act(Action::Tick);
    assert!(
        t.app
            .board()
            .deals
            .iter()
            .any(|d| d.title == "Added by a colleague")
    );
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.reloaded
    );
    assert_eq!(
        t.app.selected().unwrap().title,
        "CRM rollout, 40 seats",
        "the cursor stays put"
    );
}

#[test]
fn a_change_made_in_the_app_after_one_outside_keeps_both() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    edit_outside(&t, |board| {
        support::add(board, "negotiation", "Added by the CLI", |_| {});
    });
    // Before any tick notices, the user adds a deal; its id is the one the outside change took.
    t.keys("n").type_text("Added in the app").keys("Enter");
    let saved = t.saved();
    let titles: Vec<&str> = saved.deals.iter().map(|d| d.title.as_str()).collect();
    assert!(titles.contains(&"Added by the CLI"), "{titles:?}");
    assert!(titles.contains(&"Added in the app"), "{titles:?}");
    let ids: std::collections::HashSet<_> = saved.deals.iter().map(|d| d.id).collect();
    assert_eq!(ids.len(), saved.deals.len(), "every deal keeps its own id");
    assert_eq!(t.app.save_state(), &SaveState::Saved);
    assert_eq!(&saved, t.app.board());
}

/// The other program finishes writing its version: `name` marks it.
fn their_version(t: &TestApp, name: &str) -> String {
    let mut theirs = sample_board();
    theirs.name = name.into();
    let text = store::board_text(&theirs).unwrap();
    std::fs::write(&t.path, &text).unwrap();
    text
}

/// A board file that is half-written when the app looks, and a move made meanwhile.
fn clash(t: &mut TestApp) {
    std::fs::write(&t.path, "(version: 1, name: \"half-written").unwrap();
    t.act(Action::Tick);
    assert!(t.app.warning().unwrap().contains(support::opening_of(
        support::words_of(dealboard::text::t().board.outside_unreadable),
        "."
    )));
    t.keys("> y");
    let on_disk = std::fs::read_to_string(&t.path).unwrap();
    assert_eq!(
        on_disk, "(version: 1, name: \"half-written",
        "never overwritten"
    );
}

fn copies(t: &TestApp, label: &str) -> Vec<Board> {
    (1..5)
        .map(|n| t.dir.path().join(format!("board.ron.{label}.{n}")))
        .filter(|p| p.exists())
        .map(|p| store::parse(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

/// Where the deal that [`clash`] moves is in `board`.
fn stage_of_the_moved_deal(board: &Board) -> &str {
    let moved = board
        .deals
        .iter()
        .find(|d| d.title == "Поставка оборудования")
        .unwrap();
    &moved.stage.0
}

#[test]
fn when_both_sides_changed_the_user_may_load_theirs_and_keep_a_copy_of_theirs() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    clash(&mut t);
    let theirs = their_version(&t, "Renamed by a colleague");
    t.act(Action::Tick);
    assert!(matches!(t.app.mode(), Mode::Question(Question::Conflict)));
    assert_eq!(
        std::fs::read_to_string(&t.path).unwrap(),
        theirs,
        "nothing saved before a choice"
    );
    t.keys("y");
    assert_eq!(std::fs::read_to_string(&t.path).unwrap(), theirs);
    assert_eq!(t.app.board().name, "Renamed by a colleague");
    let kept = copies(&t, "unsaved");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        stage_of_the_moved_deal(&kept[0]),
        "qualification",
        "the move made here is in the copy"
    );
    assert!(t.app.flash().unwrap().text.contains("board.ron.unsaved.1"));
}

#[test]
fn when_both_sides_changed_the_user_may_keep_theirs_as_a_copy_instead() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    clash(&mut t);
    their_version(&t, "Renamed by a colleague");
    t.act(Action::Tick);
    t.keys("n");
    assert_eq!(
        t.deal("Поставка оборудования").stage.as_str(),
        "qualification"
    );
    assert_eq!(t.saved().name, "Sales pipeline");
    let kept = copies(&t, "replaced");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].name, "Renamed by a colleague");
    assert_eq!(t.app.save_state(), &SaveState::Saved);
}

#[test]
fn a_key_aimed_at_a_deal_is_not_applied_when_the_board_changed_under_it() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    assert_eq!(t.app.selected().unwrap().title, "Поставка оборудования");
    edit_outside(&t, |board| {
        board.deals.retain(|d| d.title != "Поставка оборудования")
    });
    t.keys(">");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.reloaded
    );
    assert!(t.titles_in("qualification").len() == 2, "nothing was moved");
    assert_eq!(t.app.selected().unwrap().title, "CRM rollout, 40 seats");
}

#[test]
fn an_open_form_saves_only_the_fields_typed_in_it() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("e");
    edit_outside(&t, |board| {
        let deal = board
            .deals
            .iter_mut()
            .find(|d| d.title == "Поставка оборудования")
            .unwrap();
        std::sync::Arc::make_mut(deal).company = "ООО «Ромашка и партнёры»".into();
    });
    t.act(Action::Tick);
    t.keys("Tab Tab Tab C-u")
        .type_text("2 000 000")
        .keys("Enter");
    let deal = t.deal("Поставка оборудования");
    assert_eq!(
        deal.company, "ООО «Ромашка и партнёры»",
        "their change to another field stays"
    );
    assert_eq!(dealboard::text::money(&deal.value), "₽2,000,000");
}

#[test]
fn undo_history_that_a_reload_ends_is_mentioned() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys("> y");
    edit_outside(&t, |board| board.name = "Renamed".into());
    t.act(Action::Tick);
    assert!(
        t.app
            .flash()
            .unwrap()
            .text
            .ends_with("(undo starts afresh).")
    );
    t.keys("u");
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.nothing_to_undo
    );
}

#[test]
fn a_second_copy_is_read_only_and_follows_the_first() {
    let mut first = TestApp::new(sample_board(), 80, 24);
    let (store, board) = Store::open(&first.path).unwrap();
    let clock = Box::new(FixedClock(support::now()));
    let mut second = App::new(board, store, clock, (80, 24));
    assert!(second.is_read_only());
    let before = std::fs::read(&first.path).unwrap();
    for action in [
        Action::MoveForward,
        Action::DeleteDeal,
        Action::NewDeal,
        Action::Undo,
    ] {
        second.update(action);
        assert!(second.flash().unwrap().text.starts_with("Read-only"));
    }
    assert_eq!(std::fs::read(&first.path).unwrap(), before);
    first.keys("> y");
    second.update(Action::Tick);
    let moved = second
        .board()
        .deals
        .iter()
        .find(|d| d.title == "Поставка оборудования")
        .unwrap();
    assert_eq!(moved.stage.as_str(), "qualification");
    assert!(second.is_read_only());
    // The first one closes (its folder stays): the second takes over and may change the board.
    let TestApp { app, dir: _dir, .. } = first;
    drop(app);
    second.update(Action::Tick);
    assert!(!second.is_read_only());
    let notice = dealboard::text::t().board.now_editable;
    assert_eq!(second.flash().unwrap().text, notice);
    second.update(Action::MoveForward);
    second.update(Action::Yes);
    assert!(second.flash().unwrap().text.starts_with("Moved"));
}

#[test]
fn a_skip_question_answered_after_the_deal_moved_elsewhere_changes_nothing() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    t.keys(">");
    assert!(matches!(
        t.app.mode(),
        Mode::Question(Question::SkipCriteria { .. })
    ));
    edit_outside(&t, |board| {
        let id = board
            .deals
            .iter()
            .find(|d| d.title == "Поставка оборудования")
            .unwrap()
            .id;
        let negotiation = dealboard::model::StageId("negotiation".into());
        board
            .move_deal(id, &negotiation, support::now().to_utc())
            .unwrap();
    });
    t.keys("y");
    assert_eq!(
        t.deal("Поставка оборудования").stage.as_str(),
        "negotiation"
    );
    assert_eq!(
        t.app.flash().unwrap().text,
        dealboard::text::t().board.moved_meanwhile
    );
}

#[test]
fn a_signal_that_ends_the_app_keeps_an_unsaved_change_as_a_copy() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    clash(&mut t);
    t.act(Action::Terminate);
    assert!(t.app.should_quit(), "a signal asks nothing");
    assert_eq!(
        std::fs::read_to_string(&t.path).unwrap(),
        "(version: 1, name: \"half-written",
        "the file someone else is writing is left alone"
    );
    let kept = copies(&t, "unsaved");
    assert_eq!(kept.len(), 1);
    assert_eq!(stage_of_the_moved_deal(&kept[0]), "qualification");
}
