//! The board file shared with others: a second dealboard, the command line, a text editor or a
//! sync tool. Nothing anyone saved is ever overwritten, and the app follows what others do.

mod support;

use dealboard::clock::FixedClock;
use dealboard::model::Board;
use dealboard::store::{self, Store};
use dealboard::tui::action::Action;
use dealboard::tui::app::{App, SaveState};
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
        "The board file was changed outside dealboard; reloaded it."
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

#[test]
fn an_unreadable_outside_change_is_never_overwritten() {
    let mut t = TestApp::new(sample_board(), 80, 24);
    std::fs::write(&t.path, "(version: 1, name: \"half-written").unwrap();
    t.act(Action::Tick);
    assert!(t.app.warning().unwrap().contains("cannot be read now"));
    t.keys(">");
    assert_eq!(
        std::fs::read_to_string(&t.path).unwrap(),
        "(version: 1, name: \"half-written"
    );
    // The other program finishes writing; the app's move is applied on top and saved.
    let mut theirs = sample_board();
    theirs.name = "Renamed by a colleague".into();
    std::fs::write(&t.path, store::board_text(&theirs).unwrap()).unwrap();
    t.act(Action::Tick);
    let saved = t.saved();
    assert_eq!(saved.name, "Renamed by a colleague");
    assert_eq!(t.deal("Поставка оборудования").stage.0, "qualification");
    assert!(t.app.warning().is_none());
    assert_eq!(t.app.save_state(), &SaveState::Saved);
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
    first.keys(">");
    second.update(Action::Tick);
    let moved = second
        .board()
        .deals
        .iter()
        .find(|d| d.title == "Поставка оборудования")
        .unwrap();
    assert_eq!(moved.stage.0, "qualification");
    assert!(second.is_read_only());
    // The first one closes (its folder stays): the second takes over and may change the board.
    let TestApp { app, dir: _dir, .. } = first;
    drop(app);
    second.update(Action::Tick);
    assert!(!second.is_read_only());
    let notice = "The other dealboard closed; you can change this board now.";
    assert_eq!(second.flash().unwrap().text, notice);
    second.update(Action::MoveForward);
    assert!(second.flash().unwrap().text.starts_with("Moved"));
}
