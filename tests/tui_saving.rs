//! Saving in the background: a change is on screen at once and on disk a moment later; the
//! status bar tells which; bursts of changes are written fewer times, ending with the last
//! state; quitting waits for the last save.

mod support;

use dealboard::model::Board;
use dealboard::text::{fill, t};
use dealboard::tui::action::Action;
use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::TestApp;

/// The status bar's line at the bottom of an 80×24 screen.
fn status_bar(app: &TestApp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| view::render(&app.app, frame))
        .unwrap();
    let screen = terminal.backend().to_string();
    screen.lines().last().unwrap_or_default().to_string()
}

/// A board big enough that a save takes longer than a key.
fn demo_board(deals: usize) -> Board {
    let mut board = support::empty_board();
    dealboard::demo::fill(&mut board, deals, support::now().to_utc());
    board
}

#[test]
fn the_status_bar_says_saving_until_the_change_is_on_disk_then_saved() {
    let mut app = TestApp::new(support::pipeline_board(), 80, 24);
    assert!(status_bar(&app).contains(t().board.saved));
    // The key returns before the disk is written: the screen says so.
    app.app.update(Action::ReorderDown);
    let bar = status_bar(&app);
    assert!(bar.contains(t().board.saving), "{bar}");
    assert!(!bar.contains(t().board.saved), "{bar}");
    app.settle();
    let bar = status_bar(&app);
    assert!(bar.contains(t().board.saved), "{bar}");
    assert_eq!(
        app.saved(),
        *app.app.board(),
        "the file holds what the screen shows"
    );
}

#[test]
fn a_burst_of_changes_is_written_fewer_times_and_ends_with_the_last_state() {
    let mut app = TestApp::new(demo_board(2_000), 80, 24);
    let changes = 41;
    for n in 0..changes {
        let action = if n % 2 == 0 {
            Action::ReorderDown
        } else {
            Action::ReorderUp
        };
        app.app.update(action);
    }
    app.settle();
    let writes = app.app.writes();
    assert!(
        writes < changes,
        "{changes} changes in a burst were written {writes} times"
    );
    assert!(writes >= 1);
    assert_eq!(app.saved(), *app.app.board(), "the last state is on disk");
    assert!(status_bar(&app).contains(t().board.saved));
}

#[test]
fn quitting_right_after_a_change_quits_with_it_on_disk() {
    let mut app = TestApp::new(support::pipeline_board(), 80, 24);
    app.app.update(Action::ReorderDown);
    app.app.update(Action::Quit);
    // A small board is written within the moment quitting waits.
    assert!(app.app.should_quit());
    assert_eq!(app.saved(), *app.app.board());
}

#[test]
fn quitting_while_a_slow_save_is_written_says_so_and_quits_once_it_is_on_disk() {
    // Big enough that its save outlasts the moment quitting waits on any machine we know.
    let mut app = TestApp::new(demo_board(60_000), 80, 24);
    app.app.update(Action::ReorderDown);
    app.app.update(Action::Quit);
    if !app.app.should_quit() {
        let path = app.path.display().to_string();
        let told = fill(t().board.quitting_after_save, &[("path", &path)]);
        assert_eq!(
            app.app.flash().map(|f| f.text.as_str()),
            Some(told.as_str())
        );
        assert!(status_bar(&app).contains(t().board.saving));
    }
    app.settle();
    assert!(app.app.should_quit(), "quits once the save is done");
    assert_eq!(app.saved(), *app.app.board());
}
