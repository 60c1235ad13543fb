//! Random work on every screen (board, form, detail, closed list, process editor, reports, help,
//! and the review) at random sizes from 1x1 to 400x120, with hostile text typed in: terminal
//! escapes, C1 controls, right-to-left overrides, stacks of combining marks, wide characters and
//! 100,000-character pastes. After every step nothing has panicked, the board is sound (ids
//! unique, every deal in a stage the board has, no control characters, no text over the limits)
//! and is what the file holds; at the end, undoing everything gives back the board the session
//! started with.

mod support;

use chrono::Duration;
use dealboard::clock::FixedClock;
use dealboard::model::{Board, limits};
use dealboard::report::previous_working_day;
use dealboard::tui::keymap::{self, Context};
use dealboard::tui::review::Review;
use dealboard::tui::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::TestApp;

/// Text an attacker, a careless paste or another system could type or import.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "\u{1b}]0;pwned\u{7}\u{1b}[2J".to_string(),
            "\u{9b}31m\u{0}nul\u{7f}".to_string(),
            "مرحبا \u{202e}override\u{202c} עברית".to_string(),
            "e\u{301}\u{301}\u{301}\u{301}\u{301} Zalgo".to_string(),
            "株式会社テスト 🚀🇩🇪👩‍👩‍👧".to_string(),
            "line\nbreak\ttab\rreturn".to_string(),
            "=SUM(A1)\u{0}".to_string(),
        ]),
        2 => "\\PC{0,40}",
        1 => Just("Ж".repeat(100_000)),
    ]
}

/// One thing a person does: press a key (named as in the other tests), or type text.
#[derive(Clone, Debug)]
enum Step {
    Key(&'static str),
    Type(String),
}

/// Keys that reach every screen and most of what can be done on them.
const KEYS: &[&str] = &[
    "h", "j", "k", "l", ">", "<", "J", "K", "n", "e", "Enter", "d", "y", "u", "C-r", "?", "Esc",
    "Tab", "BTab", "x", "w", "a", "Space", "r", "c", "p", "s", "[", "]", "S", "m", "o", "/", "g",
    "G", "PgDn", "PgUp", "C-n", "C-s", "BS", "C-w", "C-u",
];

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => prop::sample::select(KEYS).prop_map(Step::Key),
        1 => hostile_text().prop_map(Step::Type),
    ]
}

fn draw(t: &TestApp, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
}

/// What undo gives back: everything but the id counter (ids are never reused).
fn content(board: &Board) -> Board {
    Board {
        next_deal_id: 0,
        ..board.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn hostile_work_on_every_screen_keeps_the_board_sound_and_undoable(
        steps in proptest::collection::vec(any_step(), 1..48),
        width in 1u16..=400,
        height in 1u16..=120,
    ) {
        let start = support::pipeline_board();
        let mut t = TestApp::new(start.clone(), width, height);
        for step in &steps {
            match step {
                Step::Key(key) => t.keys(key),
                Step::Type(text) => t.type_text(text),
            };
            draw(&t, width, height);
            let board = t.app.board();
            prop_assert_eq!(board.problems(), vec![], "after {:?}", step);
            prop_assert_eq!(&t.saved(), board, "after {:?}", step);
        }
        // Out of any form, question or screen, then undo everything.
        for _ in 0..6 {
            t.keys("Esc y");
        }
        for _ in 0..(steps.len() * 3) {
            t.keys("u");
        }
        prop_assert_eq!(content(t.app.board()), content(&start));
        prop_assert_eq!(content(&t.saved()), content(&start));
    }
}

/// A teammate's board holding the most awkward text a sound board may hold.
fn awkward_board() -> Board {
    let mut board = support::pipeline_board();
    let long = "Ω".repeat(limits::LINE_CHARS);
    support::add(&mut board, "lead", &long, |d| {
        // Right-to-left scripts, but no override: a board may not hold one (see below).
        d.company = "مرحبا override עברית".into();
        d.owner = "e\u{301}\u{301}\u{301}\u{301} Zalgo".into();
        d.notes = "株式会社 🚀".repeat(limits::NOTES_CHARS / 8);
        d.set_next_action("👩‍👩‍👧 call");
    });
    board
}

/// Keys of the review.
const REVIEW_KEYS: &[&str] = &[
    "Tab", "BTab", "n", "N", "f", "Enter", "z", "h", "l", "j", "k", "PgDn", "PgUp", "?", "Esc",
    "e", "u",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_review_of_awkward_boards_draws_at_any_size(
        keys in proptest::collection::vec(prop::sample::select(REVIEW_KEYS), 1..30),
        width in 1u16..=400,
        height in 1u16..=120,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let text = dealboard::store::board_text(&awkward_board()).unwrap();
        std::fs::write(dir.path().join("anna.ron"), &text).unwrap();
        let now = support::now();
        let mut review = Review::new(
            vec![dir.path().to_path_buf()],
            None,
            previous_working_day(now) - Duration::days(30),
            Box::new(FixedClock(now)),
        );
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for key in keys {
            for event in support::key_events(key) {
                if let Some(action) = keymap::action_for(Context::Review, &event) {
                    review.update(action);
                }
            }
            terminal.draw(|frame| dealboard::tui::review::render(&review, frame)).unwrap();
        }
        prop_assert_eq!(std::fs::read_to_string(dir.path().join("anna.ron")).unwrap(), text);
    }
}

/// Characters that reorder what a terminal shows (a right-to-left override) are refused in a
/// board like control characters, dropped from typed text, and escaped in whatever is printed.
#[test]
fn bidi_overrides_never_reach_the_board_or_the_terminal() {
    let mut board = support::pipeline_board();
    let id = support::add(&mut board, "lead", "Plain", |_| {});
    let refused = board.edit_deal(id, support::now().to_utc(), |d| {
        d.company = "Evil \u{202e}proC".into();
    });
    assert!(refused.is_err());
    assert_eq!(limits::clean_line("Evil \u{202e}proC"), "Evil proC");
    assert_eq!(dealboard::text::terminal_safe("a\u{202e}b"), "a\\u{202e}b");
}
