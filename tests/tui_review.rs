//! The stand-up review (`dealboard review`): three salespeople's boards on a shared screen, walked
//! through person by person and change by change, followed live as the files change on disk,
//! and never written. The clock stands at Friday 2026-11-27 10:00 in Moscow; "since the last
//! working day" is Thursday 26 from midnight.
//! Review every new or changed snapshot by eye.

mod support;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use dealboard::clock::FixedClock;
use dealboard::model::{Board, DealId, Phase, StageDraft, StageId};
use dealboard::report::{ChangeKind, previous_working_day};
use dealboard::store;
use dealboard::text;
use dealboard::tui::action::Action;
use dealboard::tui::keymap;
use dealboard::tui::review::{FOLLOW_EVERY, Review, render};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

/// Thursday afternoon, when yesterday's news happened.
fn yesterday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T15:00:00+03:00")
        .unwrap()
        .to_utc()
}

fn days_ago(days: i64) -> DateTime<Utc> {
    (support::now() - chrono::Duration::days(days)).to_utc()
}

fn date(month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, month, day)
}

fn stage(id: &str) -> StageId {
    StageId(id.into())
}

/// A board of `owner`'s, with `deals` added to it a while ago.
fn board_of(owner: &str) -> Board {
    let mut board = support::empty_board();
    board.owner = owner.into();
    board
}

/// Adds a deal ten days ago in `stage`, with a next action due in December unless `fill` says
/// otherwise, so that only what a test arranges needs attention.
fn deal(
    board: &mut Board,
    stage_id: &str,
    title: &str,
    fill: impl FnOnce(&mut dealboard::model::Deal),
) -> DealId {
    support::add(board, stage_id, title, |d| {
        d.set_next_action("Call");
        d.set_next_due(date(12, 10));
        d.value =
            dealboard::model::Money::parse_with_currency("10000 USD", d.value.currency).unwrap();
        fill(d);
    })
}

/// Anna's board: a deal created yesterday, one moved on and one won yesterday, one going cold.
fn anna() -> Board {
    let mut board = board_of("Anna");
    let moved = deal(&mut board, "lead", "Acme CRM rollout", |_| {});
    board
        .move_deal(moved, &stage("qualification"), yesterday())
        .unwrap();
    let won = deal(&mut board, "negotiation", "Initech scanners", |_| {});
    board.mark_won(won, yesterday()).unwrap();
    let cold = deal(&mut board, "proposal-sent", "Quiet Umbrella deal", |_| {});
    board
        .edit_deal(cold, days_ago(30), |d| d.set_next_due(date(12, 20)))
        .unwrap();
    board
        .deals
        .iter_mut()
        .filter(|d| d.id == cold)
        .for_each(|d| std::sync::Arc::make_mut(d).updated = days_ago(30));
    board
        .add_deal(&stage("lead"), yesterday(), |d| {
            d.title = "Globex renewal".into();
            d.set_next_due(date(12, 1));
            d.value = dealboard::model::Money::parse_with_currency("10000 USD", d.value.currency)
                .unwrap();
        })
        .unwrap();
    board
}

/// Boris's board, with a stage of his own (Pilot): a deal moved back, one lost and one whose
/// expected close was pushed later, all yesterday.
fn boris() -> Board {
    let mut board = board_of("Boris");
    let draft = StageDraft {
        name: "Pilot".into(),
        probability: 50,
        rot_days: 14,
        phase: Phase::PreSale,
        checklist: Vec::new(),
    };
    let at = board.stage_index(&stage("negotiation")).unwrap();
    let why = dealboard::model::Why {
        at: chrono::Utc::now(),
        reason: "",
    };
    board.add_stage(at, draft, why).unwrap();
    deal(&mut board, "pilot", "Hooli pilot", |_| {});
    let back = deal(&mut board, "negotiation", "Stark fleet", |_| {});
    board
        .move_deal(back, &stage("proposal-sent"), yesterday())
        .unwrap();
    let lost = deal(&mut board, "proposal-sent", "Wayne printers", |_| {});
    board
        .mark_lost(lost, "Price too high", yesterday())
        .unwrap();
    let pushed = deal(&mut board, "qualification", "Cyberdyne audit", |d| {
        d.expected_close = date(12, 1);
    });
    board
        .edit_deal(pushed, yesterday(), |d| {
            d.expected_close = NaiveDate::from_ymd_opt(2027, 1, 15)
        })
        .unwrap();
    board
}

/// Carla's board names no owner on its deals: they are hers by the file's name. One is due today.
fn carla() -> Board {
    let mut board = board_of("");
    deal(&mut board, "lead", "Soylent catering", |_| {});
    deal(&mut board, "qualification", "Tyrell lighting", |d| {
        d.set_next_due(Some(support::today()));
    });
    board
}

fn write(path: &Path, board: &Board) {
    std::fs::write(path, store::board_text(board).unwrap()).unwrap();
}

/// A shared folder with the three boards in it.
fn team() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("anna.ron"), &anna());
    write(&dir.path().join("boris.ron"), &boris());
    write(&dir.path().join("carla.ron"), &carla());
    dir
}

fn review_of(dir: &TempDir, owner: Option<&str>) -> Review {
    let now = support::now();
    Review::new(
        vec![dir.path().to_path_buf()],
        owner,
        previous_working_day(now),
        Box::new(FixedClock(now)),
    )
}

/// A tick, and what the review's look at the files found taken in, as the event loop does when
/// the watcher wakes it.
fn look_at_files(review: &mut Review) {
    review.update(Action::Tick);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !review.has_news() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(review.has_news(), "the files were looked at");
    review.update(Action::News);
}

fn review(dir: &TempDir) -> Review {
    review_of(dir, None)
}

/// Types `keys` (space-separated key names, as in the other tests) into the review.
fn keys(review: &mut Review, keys: &str) {
    for event in keys.split_whitespace().flat_map(support::key_events) {
        if let Some(action) = keymap::action_for(review.context(), &event) {
            review.update(action);
        }
    }
}

/// The screen at `(width, height)`, with the temporary folder's name replaced by `/TMP`.
fn screen(review: &Review, dir: &TempDir, (width, height): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| render(review, frame)).unwrap();
    let folder = dir.path().display().to_string();
    terminal.backend().to_string().replace(&folder, "/TMP")
}

/// The titles shown, column by column.
fn shown(review: &Review) -> Vec<String> {
    let board = review.board();
    review
        .columns()
        .iter()
        .flatten()
        .filter_map(|id| board.deal(*id))
        .map(|d| d.title.clone())
        .collect()
}

/// Moves the cursor to the deal called `title` with the arrow keys, as a presenter would.
fn select_title(review: &mut Review, title: &str) {
    keys(
        review,
        "Left Left Left Left Left Left Left Left Left Left Left",
    );
    for _ in 0..12 {
        keys(review, "Up Up Up Up Up Up Up Up Up Up");
        for _ in 0..10 {
            if selected_title(review) == title {
                return;
            }
            keys(review, "Down");
        }
        keys(review, "Right");
    }
    panic!("{title} is not on the screen");
}

fn selected_title(review: &Review) -> String {
    let id = review.selected().expect("a deal is selected");
    review.board().deal(id).unwrap().title.clone()
}

#[test]
fn three_boards_are_one_pipeline_with_each_deal_keeping_its_owner() {
    let dir = team();
    let review = review(&dir);
    let board = review.board();
    let names: Vec<&str> = board.stages.iter().map(|s| s.name.as_str()).collect();
    let pilot = names
        .iter()
        .position(|n| *n == "Pilot")
        .expect("Boris's own stage has a column");
    assert_eq!(names[pilot - 1], "Proposal sent", "{names:?}");
    assert_eq!(names[pilot + 1], "Negotiation", "{names:?}");
    assert_eq!(
        names
            .iter()
            .filter(|n| n.eq_ignore_ascii_case("lead"))
            .count(),
        1,
        "stages of the same name are one column"
    );
    let owner = |title: &str| {
        board
            .deals
            .iter()
            .find(|d| d.title == title)
            .map(|d| d.owner.clone())
            .unwrap()
    };
    assert_eq!(owner("Acme CRM rollout"), "Anna");
    assert_eq!(owner("Hooli pilot"), "Boris");
    assert_eq!(
        owner("Soylent catering"),
        "carla",
        "no owner on the deal: the file's name"
    );
    // As on each board: open deals, and the won one in delivery; not the lost one.
    let titles = shown(&review);
    assert_eq!(titles.len(), 9, "{titles:?}");
    assert!(!titles.contains(&"Wayne printers".to_string()));
    let won = board
        .deals
        .iter()
        .find(|d| d.title == "Initech scanners")
        .unwrap();
    assert!(
        board.is_post_sale(&won.stage),
        "won: on to the stage after the sale"
    );
}

#[test]
fn tab_walks_through_each_persons_deals_then_everyone_again() {
    let dir = team();
    let mut review = review(&dir);
    assert_eq!(review.owner(), None);
    let mut turns = Vec::new();
    for _ in 0..4 {
        keys(&mut review, "Tab");
        turns.push(review.owner().map(str::to_string));
        let owners: Vec<String> = review
            .columns()
            .iter()
            .flatten()
            .filter_map(|id| review.board().deal(*id))
            .map(|d| d.owner.clone())
            .collect();
        if let Some(owner) = review.owner() {
            assert!(owners.iter().all(|o| o == owner), "{owner}: {owners:?}");
        }
    }
    assert_eq!(
        turns,
        [
            Some("Anna".into()),
            Some("Boris".into()),
            Some("carla".into()),
            None
        ]
    );
    keys(&mut review, "BTab");
    assert_eq!(
        review.owner(),
        Some("carla"),
        "Shift+Tab goes the other way"
    );

    keys(&mut review, "BTab BTab");
    let anna = screen(&review, &dir, (80, 24));
    assert!(
        anna.contains(&text::fill(text::t().review.turn_of, &[("owner", &"Anna")])),
        "{anna}"
    );
    assert_eq!(
        shown(&review).len(),
        4,
        "Anna's three open deals and the won one in delivery"
    );
    // Her totals: three open deals of 10,000 USD; one won and nothing lost since Thursday.
    assert!(anna.contains("Open: $30k"), "{anna}");
    assert!(anna.contains("Won since: 1 · $10k"), "{anna}");
    assert!(anna.contains("Lost since: 0"), "{anna}");
}

#[test]
fn owner_flag_starts_with_that_persons_turn() {
    let dir = team();
    let review = review_of(&dir, Some("boris"));
    assert_eq!(review.owner(), Some("Boris"));
    let nobody = review_of(&dir, Some("Zed"));
    assert_eq!(nobody.owner(), None);
    assert_eq!(
        nobody.flash(),
        Some("Nobody called “Zed” owns a deal here; showing everyone.")
    );
}

#[test]
fn yesterdays_changes_are_marked_and_n_steps_through_them_in_a_large_panel() {
    let dir = team();
    let mut review = review_of(&dir, None);
    let kinds: Vec<(String, &ChangeKind)> = review
        .changes()
        .iter()
        .map(|c| (review.board().deal(c.deal).unwrap().title.clone(), &c.kind))
        .collect();
    let titles: Vec<&str> = kinds.iter().map(|(t, _)| t.as_str()).collect();
    for expected in [
        "Acme CRM rollout",
        "Initech scanners",
        "Globex renewal",
        "Stark fleet",
        "Wayne printers",
        "Cyberdyne audit",
    ] {
        assert!(titles.contains(&expected), "{expected} is news: {titles:?}");
    }
    assert_eq!(
        kinds.len(),
        6,
        "nothing else changed since Thursday: {titles:?}"
    );
    let board = screen(&review, &dir, (100, 40));
    assert!(board.contains("▲ Acme CRM rollout"), "moved on: {board}");
    assert!(board.contains("★ Globex renewal"), "new: {board}");
    assert!(board.contains("▼ Stark fleet"), "moved back: {board}");
    assert!(board.contains("» Cyberdyne audit"), "close pushed: {board}");
    assert!(board.contains("6 changes since Thu 26 Nov"), "{board}");

    keys(&mut review, "n");
    let first = screen(&review, &dir, (100, 40));
    assert!(first.contains(&change(1, 6)), "{first}");
    assert!(
        first.contains(text::t().detail.history),
        "the panel shows the deal's way: {first}"
    );
    let first_title = selected_title(&review);
    keys(&mut review, "n");
    assert!(screen(&review, &dir, (100, 40)).contains(&change(2, 6)));
    assert_ne!(
        selected_title(&review),
        first_title,
        "the cursor follows the change"
    );
    keys(&mut review, "N");
    assert!(screen(&review, &dir, (100, 40)).contains(&change(1, 6)));
    keys(&mut review, "N");
    assert!(
        screen(&review, &dir, (100, 40)).contains(&change(1, 6)),
        "stays at the first"
    );
    keys(&mut review, "Esc");
    assert!(review.change().is_none(), "Esc closes the panel");
    assert!(!review.should_quit(), "and does not quit");
    keys(&mut review, "Esc");
    assert!(
        !review.should_quit(),
        "nor on the board: a presenter presses it to close things"
    );
    assert_eq!(review.flash(), Some("q ends the review."));
    keys(&mut review, "N");
    assert!(
        screen(&review, &dir, (100, 40)).contains(&change(6, 6)),
        "N from the board: the last"
    );

    // The won and lost deals' changes are told too, in the panel.
    let mut all = Vec::new();
    keys(&mut review, "Esc");
    for _ in 0..6 {
        keys(&mut review, "n");
        all.push(screen(&review, &dir, (100, 40)));
    }
    assert!(all.iter().any(|s| s.contains("✓ Won")), "a win is told");
    assert!(
        all.iter().any(|s| s.contains("✗ Lost: Price too high")),
        "a loss is told"
    );
    assert!(
        all.iter()
            .any(|s| s.contains("» Close pushed later: 2026-12-01 → 2027-01-15")),
        "a pushed close is told"
    );
}

#[test]
fn changes_follow_whose_turn_it_is() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "Tab Tab");
    assert_eq!(review.owner(), Some("Boris"));
    assert_eq!(review.changes().len(), 3, "Boris: moved back, lost, pushed");
    keys(&mut review, "Tab");
    assert_eq!(review.changes().len(), 0);
    keys(&mut review, "n");
    assert_eq!(review.flash(), Some(dealboard::text::t().review.no_changes));
}

#[test]
fn f_focuses_one_deal_full_screen_and_esc_goes_back() {
    let dir = team();
    let mut review = review_of(&dir, Some("Anna"));
    let title = selected_title(&review);
    keys(&mut review, "f");
    assert_eq!(
        review.focused().map(|d| d.title.clone()),
        Some(title.clone())
    );
    let focused = screen(&review, &dir, (80, 24));
    assert!(focused.contains(&title), "{focused}");
    assert!(focused.contains(text::t().detail.history), "{focused}");
    keys(&mut review, "Esc");
    assert!(review.focused().is_none());
    keys(&mut review, "Enter");
    assert!(review.focused().is_some(), "Enter focuses too");
}

#[test]
fn z_shows_only_what_needs_attention() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "z");
    let mut titles = shown(&review);
    titles.sort();
    // Changed since Thursday, going cold, or due today; not the quiet ones.
    assert_eq!(
        titles,
        [
            "Acme CRM rollout",
            "Cyberdyne audit",
            "Globex renewal",
            "Initech scanners",
            "Quiet Umbrella deal",
            "Stark fleet",
            "Tyrell lighting",
        ]
    );
    assert!(screen(&review, &dir, (80, 24)).contains(&text::fill(
        text::t().review.attention_only,
        &[("key", &"z")]
    )));
    keys(&mut review, "z");
    assert_eq!(shown(&review).len(), 9, "z again: the whole board");
}

#[test]
fn keys_that_would_edit_say_read_only_in_review() {
    let dir = team();
    let mut review = review(&dir);
    for key in [
        "e", "d", "Del", ">", "<", "w", "x", "Space", "a", "u", "C-r",
    ] {
        keys(&mut review, key);
        assert_eq!(
            review.flash(),
            Some(dealboard::text::t().review.read_only),
            "{key}"
        );
        assert!(!review.should_quit());
    }
}

#[test]
fn question_mark_lists_the_review_keys() {
    let dir = team();
    let mut review = review_of(&dir, None);
    keys(&mut review, "?");
    let help = screen(&review, &dir, (100, 30));
    assert!(
        help.contains(dealboard::text::t().review.help_heading),
        "{help}"
    );
    assert!(help.contains(text::t().review.key_next_person), "{help}");
    assert!(help.contains(text::t().review.key_read_only), "{help}");
    keys(&mut review, "Tab");
    assert!(!review.showing_help(), "any key closes the list");
    assert_eq!(review.owner(), None, "and does nothing else");
}

/// Every file's bytes, to compare before and after.
fn contents(dir: &TempDir) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    all.sort();
    all
}

/// Every key the review knows, and some it does not.
const REVIEW_KEYS: &[&str] = &[
    "Tab", "BTab", "n", "N", "Enter", "f", "z", "Left", "Right", "Up", "Down", "h", "j", "k", "l",
    "e", "d", "Del", ">", "<", "w", "x", "Space", "a", "u", "C-r", "?", "Esc", "c", "s", "/",
    "C-z", "y", "1", "o", "r", "p",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// No sequence of keys in the review writes a file: not the boards, not a lock, not a backup.
    #[test]
    fn no_key_sequence_changes_any_file(picks in prop::collection::vec(0..REVIEW_KEYS.len(), 1..40)) {
        let dir = team();
        let before = contents(&dir);
        let mut review = review(&dir);
        for pick in picks {
            keys(&mut review, REVIEW_KEYS[pick]);
            review.update(Action::Tick);
        }
        let _ = screen(&review, &dir, (80, 24));
        prop_assert_eq!(contents(&dir), before);
    }
}

/// Boris adds "Brand new lead" in his own dealboard (or a git pull brings it).
fn boris_adds_a_lead(dir: &TempDir) {
    let path = dir.path().join("boris.ron");
    let mut board = store::Store::at(&path).read().unwrap();
    board
        .add_deal(&stage("lead"), support::now().to_utc(), |d| {
            d.title = "Brand new lead".into()
        })
        .unwrap();
    write(&path, &board);
}

#[test]
fn a_changed_file_is_read_off_the_screens_thread_and_taken_in_as_news() {
    let dir = team();
    let mut review = review(&dir);
    boris_adds_a_lead(&dir);
    review.update(Action::Tick);
    assert!(
        !shown(&review).contains(&"Brand new lead".to_string()),
        "a tick only asks for a look: the screen does not wait for the file"
    );
    look_at_files(&mut review);
    assert!(shown(&review).contains(&"Brand new lead".to_string()));
}

#[test]
fn the_files_are_followed_between_ticks_and_only_a_change_is_news() {
    let dir = team();
    let mut review = review(&dir);
    std::thread::sleep(4 * FOLLOW_EVERY);
    assert!(!review.has_news(), "files that did not change wake nobody");
    boris_adds_a_lead(&dir);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !review.has_news() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    review.update(Action::News);
    assert!(
        shown(&review).contains(&"Brand new lead".to_string()),
        "a save seen with no tick asking for it"
    );
}

#[test]
fn a_file_changed_on_disk_shows_on_the_next_tick_keeping_the_place() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "Tab Tab Right");
    let place = (review.owner().map(str::to_string), selected_title(&review));
    // Boris moves a deal on and adds one, in his own dealboard (or a git pull brings it).
    boris_adds_a_lead(&dir);
    look_at_files(&mut review);
    assert!(shown(&review).contains(&"Brand new lead".to_string()));
    assert_eq!(
        (review.owner().map(str::to_string), selected_title(&review)),
        place,
        "same turn, same deal selected"
    );
    assert!(
        review
            .changes()
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::Created)
                && review
                    .board()
                    .deal(c.deal)
                    .is_some_and(|d| d.title == "Brand new lead")),
        "and it is news"
    );
}

#[test]
fn a_deal_added_to_an_earlier_board_does_not_move_the_presenters_place() {
    let dir = team();
    let mut review = review_of(&dir, None);
    // Boris's deal in Proposal sent, selected and in focus. Deals are numbered anew when the
    // boards are combined, and Anna's board comes first.
    select_title(&mut review, "Stark fleet");
    keys(&mut review, "f");
    let path = dir.path().join("anna.ron");
    let mut board = store::Store::at(&path).read().unwrap();
    board
        .add_deal(&stage("proposal-sent"), support::now().to_utc(), |d| {
            d.title = "Anna's new one".into()
        })
        .unwrap();
    write(&path, &board);
    look_at_files(&mut review);
    assert!(shown(&review).contains(&"Anna's new one".to_string()));
    assert_eq!(selected_title(&review), "Stark fleet");
    assert_eq!(
        review.focused().map(|d| d.title.as_str()),
        Some("Stark fleet")
    );

    // The same with a change open in the panel.
    keys(&mut review, "Esc n n n");
    let before = review
        .change()
        .map(|c| review.board().deal(c.deal).unwrap().title.clone());
    board
        .add_deal(&stage("lead"), support::now().to_utc(), |d| {
            d.title = "And another".into()
        })
        .unwrap();
    write(&path, &board);
    look_at_files(&mut review);
    let after = review
        .change()
        .map(|c| review.board().deal(c.deal).unwrap().title.clone());
    assert_eq!(after, before);
}

#[test]
fn a_deal_added_in_the_clocks_very_second_counts_in_the_totals() {
    let dir = team();
    let mut review = review(&dir);
    let before = review.totals().open_count;
    let path = dir.path().join("carla.ron");
    let mut board = store::Store::at(&path).read().unwrap();
    // The clock counts whole seconds: a deal added now has the clock's own moment.
    board
        .add_deal(&stage("lead"), support::now().to_utc(), |d| {
            d.title = "Just now".into()
        })
        .unwrap();
    write(&path, &board);
    look_at_files(&mut review);
    assert_eq!(review.totals().open_count, before + 1);
}

#[test]
fn a_board_put_in_the_folder_during_the_review_joins_it() {
    let dir = team();
    let mut review = review_of(&dir, None);
    keys(&mut review, "Tab");
    let mut dana = board_of("Dana");
    deal(&mut dana, "lead", "Dana's first deal", |_| {});
    write(&dir.path().join("dana.ron"), &dana);
    // A backup or a copy beside a board is not a board of the folder.
    write(&dir.path().join("dana.ron.bak.1"), &dana);
    look_at_files(&mut review);
    assert!(screen(&review, &dir, (100, 30)).contains("4 boards"));
    assert_eq!(review.owner(), Some("Anna"), "the turn stays");
    keys(&mut review, "BTab BTab");
    assert_eq!(review.owner(), Some("Dana"));
    assert_eq!(shown(&review), ["Dana's first deal"]);
}

/// A folder with one new board, no deals yet.
fn nothing_to_show() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("new.ron"), &board_of("Dana"));
    dir
}

#[test]
fn a_new_board_or_nothing_needing_attention_says_so() {
    let dir = nothing_to_show();
    let mut review = review(&dir);
    assert!(screen(&review, &dir, (80, 24)).contains(dealboard::text::t().review.nothing_here));
    keys(&mut review, "z j l n f");
    assert!(screen(&review, &dir, (80, 24)).contains(&text::fill(
        text::t().review.nothing_needs_attention,
        &[("key", &"z")]
    )));
    let dir = team();
    let mut quiet = review_of(&dir, Some("carla"));
    keys(&mut quiet, "z");
    assert_eq!(shown(&quiet), ["Tyrell lighting"], "due today");
}

#[test]
fn one_person_however_their_name_is_cased_in_any_script() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = board_of("Анна");
    deal(&mut first, "lead", "Первая", |_| {});
    let mut second = board_of("анна");
    deal(&mut second, "lead", "Вторая", |_| {});
    write(&dir.path().join("a.ron"), &first);
    write(&dir.path().join("b.ron"), &second);
    let mut review = review(&dir);
    keys(&mut review, "Tab");
    assert_eq!(review.owner(), Some("Анна"));
    assert_eq!(shown(&review).len(), 2);
    assert_eq!(
        review.totals().open_count,
        2,
        "the totals count both, as the cards do"
    );
    keys(&mut review, "Tab");
    assert_eq!(review.owner(), None, "one turn for her, then everyone");
}

#[test]
fn a_board_named_twice_is_shown_once() {
    let dir = team();
    let now = support::now();
    let review = Review::new(
        vec![dir.path().to_path_buf(), dir.path().join("anna.ron")],
        None,
        previous_working_day(now),
        Box::new(FixedClock(now)),
    );
    assert_eq!(shown(&review).len(), 9);
    assert!(screen(&review, &dir, (100, 30)).contains("3 boards"));
}

#[test]
fn a_message_stays_until_the_next_key() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "e");
    look_at_files(&mut review);
    look_at_files(&mut review);
    assert_eq!(review.flash(), Some(dealboard::text::t().review.read_only));
    keys(&mut review, "j");
    assert_eq!(review.flash(), None);
}

#[test]
fn changes_are_walked_through_person_by_person() {
    let dir = team();
    let review = review(&dir);
    let owners: Vec<String> = review
        .changes()
        .iter()
        .map(|c| review.board().deal(c.deal).unwrap().owner.clone())
        .collect();
    assert_eq!(owners, ["Anna", "Anna", "Anna", "Boris", "Boris", "Boris"]);
}

#[test]
fn a_deal_in_focus_says_what_changed_and_its_history_scrolls() {
    let dir = team();
    let mut review = review_of(&dir, Some("Anna"));
    select_title(&mut review, "Acme CRM rollout");
    keys(&mut review, "f");
    let focused = screen(&review, &dir, (80, 24));
    assert!(
        focused.contains("▲ Moved on: Lead → Qualification"),
        "{focused}"
    );
    assert!(
        focused.contains(&format!("Esc {}", text::t().hints.back_to_board)),
        "the way back is shown: {focused}"
    );
    // A long history at 80x24: the panel scrolls.
    let path = dir.path().join("anna.ron");
    let mut board = store::Store::at(&path).read().unwrap();
    let id = board
        .deals
        .iter()
        .find(|d| d.title == "Acme CRM rollout")
        .unwrap()
        .id;
    for day in 0..12 {
        let at = days_ago(9 - day / 2) + chrono::Duration::hours(day);
        let to = if day % 2 == 0 {
            "lead"
        } else {
            "qualification"
        };
        board.move_deal(id, &stage(to), at).unwrap();
    }
    write(&path, &board);
    look_at_files(&mut review);
    let long = screen(&review, &dir, (80, 24));
    assert!(long.contains("▼ more: ↓ PgDn"), "{long}");
    keys(&mut review, "PgDn");
    let scrolled = screen(&review, &dir, (80, 24));
    assert_ne!(scrolled, long);
    assert!(!review.should_quit());
}

#[test]
fn a_board_unreadable_from_the_start_is_said_to_be_left_out() {
    let dir = team();
    std::fs::write(dir.path().join("boris.ron"), "").unwrap();
    let review = review_of(&dir, None);
    let shown_now = screen(&review, &dir, (100, 30));
    assert!(shown_now.contains("2 of 3 boards"), "{shown_now}");
    assert!(
        shown_now.contains("⚠ /TMP/boris.ron: cannot be read, so its deals are not shown."),
        "{shown_now}"
    );
}

#[test]
fn a_broken_file_keeps_its_last_good_state_with_a_warning() {
    let dir = team();
    let mut review = review_of(&dir, None);
    let path = dir.path().join("anna.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    // Caught mid-write by a sync tool: half the file.
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    look_at_files(&mut review);
    assert_eq!(shown(&review).len(), 9, "Anna's deals are still shown");
    let warned = screen(&review, &dir, (100, 30));
    assert!(
        warned.contains("⚠ /TMP/anna.ron: cannot be read now; showing its last good state."),
        "{warned}"
    );
    std::fs::write(&path, &good).unwrap();
    look_at_files(&mut review);
    assert!(
        !screen(&review, &dir, (100, 30)).contains(support::opening_of(
            support::words_of(dealboard::text::t().review.unreadable),
            ";"
        ))
    );
}

#[test]
fn a_file_with_git_conflict_markers_is_named_with_its_conflict_lines() {
    let dir = team();
    let path = dir.path().join("boris.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let conflicted = text.replacen(
        "    deals: [",
        "<<<<<<< HEAD\n=======\n>>>>>>> theirs\n    deals: [",
        1,
    );
    assert_ne!(conflicted, text);
    std::fs::write(&path, conflicted).unwrap();
    let review = review_of(&dir, None);
    let shown_now = screen(&review, &dir, (160, 30));
    assert!(shown_now.contains("boris.ron"), "{shown_now}");
    // "has unresolved git conflict markers on", between the file and its lines.
    let after_path = text::t().errors.conflict_markers.split("{path}").nth(1);
    let conflict_words = after_path
        .and_then(|s| s.split("{lines}").next())
        .unwrap()
        .trim();
    assert!(shown_now.contains(conflict_words), "{shown_now}");
    assert!(
        shown(&review).contains(&"Acme CRM rollout".to_string()),
        "the others are shown"
    );
}

#[test]
fn presentation_at_80x24() {
    let dir = team();
    let review = review(&dir);
    insta::assert_snapshot!(screen(&review, &dir, (80, 24)));
}

#[test]
fn presentation_at_80x24_with_a_change_open() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "n");
    insta::assert_snapshot!(screen(&review, &dir, (80, 24)));
}

#[test]
fn presentation_at_240x60_on_a_projector() {
    let dir = team();
    let mut review = review_of(&dir, None);
    keys(&mut review, "Tab");
    insta::assert_snapshot!(screen(&review, &dir, (240, 60)));
}

#[test]
fn presentation_at_240x60_with_a_change_open() {
    let dir = team();
    let mut review = review_of(&dir, None);
    keys(&mut review, "n n");
    insta::assert_snapshot!(screen(&review, &dir, (240, 60)));
}

#[test]
fn the_list_of_keys_fits_80x24() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "?");
    insta::assert_snapshot!(screen(&review, &dir, (80, 24)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Any size, tiny to a wall display, with any panel open, on a team's boards or on one
    /// with nothing to show, draws without a panic.
    #[test]
    fn every_size_draws(width in 1u16..320, height in 1u16..90, panel in 0..6usize, empty: bool) {
        let dir = if empty { nothing_to_show() } else { team() };
        let mut review = review_of(&dir, None);
        keys(&mut review, ["", "n", "f", "?", "z", "p"][panel]);
        let _ = screen(&review, &dir, (width, height));
    }
}

/// "Change 1 of 6", as the review heads a change.
fn change(at: usize, count: usize) -> String {
    text::fill(
        text::t().review.change_heading,
        &[("at", &at), ("count", &count)],
    )
}

/// Each turn, with and without only what needs attention, shows what counting that person's
/// deals directly gives: their cards in every column, each column's value, the headline.
#[test]
fn every_turn_shows_what_counting_its_deals_directly_gives() {
    let dir = tempfile::tempdir().unwrap();
    for (name, deals) in [("anna", 150), ("boris", 90)] {
        let mut board = support::empty_board();
        dealboard::demo::fill(&mut board, deals, support::now().to_utc());
        board.owner = name.into();
        write(&dir.path().join(format!("{name}.ron")), &board);
    }
    let mut review = review_of(&dir, None);
    let now = support::now();
    let since = dealboard::report::analytics::Period {
        from: Some(review.since().with_timezone(now.offset()).date_naive()),
        to: None,
    };
    for attention in [false, true] {
        if review.attention_only() != attention {
            review.update(Action::ToggleAttention);
        }
        // Everyone, then each person, round to everyone again.
        let mut turns = 0;
        loop {
            turns += 1;
            let board = review.board();
            let mine = |d: &dealboard::model::Deal| {
                review
                    .owner()
                    .is_none_or(|o| dealboard::model::same_name(&d.owner, o))
            };
            let deals: Vec<&dealboard::model::Deal> = board
                .deals
                .iter()
                .map(AsRef::as_ref)
                .filter(|d| mine(d))
                .collect();
            let headline = dealboard::report::analytics::Headline::of(board, &deals, since, now);
            assert_eq!(review.totals(), &headline, "{:?}", review.owner());
            for (c, column) in board.columns().iter().enumerate() {
                let expected: Vec<DealId> =
                    column.iter().filter(|d| mine(d)).map(|d| d.id).collect();
                let shown = &review.columns()[c];
                if attention {
                    assert!(shown.iter().all(|id| expected.contains(id)));
                } else {
                    assert_eq!(shown, &expected, "{:?} column {c}", review.owner());
                }
                let mut value = dealboard::model::Totals::default();
                for id in shown {
                    value.add(board.deal(*id).unwrap().value);
                }
                assert_eq!(review.column_value(c), Some(&value));
            }
            review.update(Action::NextOwner);
            if review.owner().is_none() {
                break;
            }
        }
        assert!(turns > 3, "several owners' turns: {turns}");
    }
}

#[test]
fn a_board_removed_or_renamed_leaves_the_screen_and_the_count_stays_true() {
    let dir = team();
    let mut review = review_of(&dir, None);
    let boards = |n: usize| text::t().count(&text::t().review.boards, n);
    assert!(screen(&review, &dir, (100, 30)).contains(&boards(3)));
    // Carla's board renamed: counted once, under its new name.
    std::fs::rename(
        dir.path().join("carla.ron"),
        dir.path().join("carla-2026.ron"),
    )
    .unwrap();
    look_at_files(&mut review);
    let names: Vec<&str> = review.sources().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["anna", "boris", "carla-2026"]);
    assert!(screen(&review, &dir, (100, 30)).contains(&boards(3)));
    // Boris's board broken: its last good state stays, under a warning; removed, it goes.
    std::fs::write(dir.path().join("boris.ron"), "(version: 3, deals: [").unwrap();
    look_at_files(&mut review);
    let boris = &review.sources()[1];
    assert!(boris.warning.is_some() && boris.board.is_some());
    std::fs::remove_file(dir.path().join("boris.ron")).unwrap();
    look_at_files(&mut review);
    let shown = screen(&review, &dir, (100, 30));
    assert!(shown.contains(&boards(2)), "{shown}");
    assert!(review.sources().iter().all(|s| s.warning.is_none()));
    assert!(
        !review.board().deals.iter().any(|d| d.owner == "Boris"),
        "his deals left with his board"
    );
}

#[test]
fn cards_show_a_close_expected_this_month_and_mark_one_past_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut board = board_of("Dana");
    deal(&mut board, "lead", "Closing soon", |d| {
        d.expected_close = date(11, 30)
    });
    deal(&mut board, "lead", "Slipped", |d| {
        d.expected_close = date(11, 20)
    });
    deal(&mut board, "lead", "Next year", |d| {
        d.expected_close = date(1, 15).and_then(|d| d.with_year(2027))
    });
    write(&dir.path().join("dana.ron"), &board);
    let review = review_of(&dir, None);
    let shown = screen(&review, &dir, (120, 30));
    let on = |key: &str, month: u32, day: u32| {
        text::fill(
            key,
            &[("date", &text::date_short(date(month, day).unwrap()))],
        )
    };
    assert!(
        shown.contains(&on(text::t().review.closes_on, 11, 30)),
        "{shown}"
    );
    assert!(
        shown.contains(&on(text::t().review.close_passed, 11, 20)),
        "{shown}"
    );
    let next_year = text::t().review.closes_on.split('{').next().unwrap();
    assert_eq!(
        shown.matches(next_year).count(),
        1,
        "only this month's: {shown}"
    );
}

#[test]
fn the_review_filters_as_the_board_does_without_editing_anything() {
    let dir = team();
    let before = contents(&dir);
    let mut review = review(&dir);
    let everything = shown(&review).len();
    let anna = anna();
    let title = anna.deals[0].title.clone();
    let word = title.split_whitespace().next().unwrap().to_lowercase();
    // `/` and the words: each letter filters at once; Enter keeps them.
    keys(&mut review, "/");
    assert_eq!(review.typing().map(|i| i.value()), Some(""));
    for c in word.chars() {
        review.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    keys(&mut review, "Enter");
    assert!(review.typing().is_none());
    let found = shown(&review);
    assert!(
        found.contains(&title) && found.len() < everything,
        "{found:?}"
    );
    let said = text::describe_filter(review.filter());
    assert!(screen(&review, &dir, (120, 30)).contains(&said));
    // Esc drops the filter; `o` and `r` keep what is overdue or due today, and going cold.
    keys(&mut review, "Esc");
    assert_eq!(shown(&review).len(), everything);
    keys(&mut review, "o");
    let now = support::now();
    let board = review.board().clone();
    for title in shown(&review) {
        let deal = board.deals.iter().find(|d| d.title == title).unwrap();
        assert!(matches!(
            dealboard::report::due_state(deal, now.date_naive()),
            dealboard::report::Due::Overdue(_) | dealboard::report::Due::Today
        ));
    }
    keys(&mut review, "o r");
    for title in shown(&review) {
        let deal = board.deals.iter().find(|d| d.title == title).unwrap();
        assert!(
            dealboard::report::rotting_days(deal, &board, now).is_some(),
            "{title}"
        );
    }
    assert!(!shown(&review).is_empty(), "Anna has a deal going cold");
    assert_eq!(contents(&dir), before, "nothing written");
}

#[test]
fn p_shows_the_team_a_row_per_person_and_enter_starts_their_turn() {
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "p");
    let (rows, chosen) = review.people().expect("the team table is open");
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    assert_eq!(chosen, 0);
    assert_eq!(names.len(), 3, "{names:?}");
    let heading = text::fill(
        text::t().review.people_heading,
        &[(
            "date",
            &text::date_with_weekday(
                review
                    .since()
                    .with_timezone(review.now().offset())
                    .date_naive(),
            ),
        )],
    );
    let shown = screen(&review, &dir, (120, 30));
    assert!(shown.contains(&heading), "{shown}");
    for name in &names {
        assert!(shown.contains(name.as_str()), "{name}: {shown}");
    }
    insta::assert_snapshot!("people_80x24", screen(&review, &dir, (80, 24)));
    insta::assert_snapshot!("people_240x60", screen(&review, &dir, (240, 60)));
    // Down to the second person, Enter: their turn, the table closed.
    keys(&mut review, "j Enter");
    assert!(review.people().is_none());
    assert_eq!(review.owner(), Some(names[1].as_str()));
    keys(&mut review, "p Esc");
    assert!(review.people().is_none(), "Esc closes it");
    assert_eq!(
        review.owner(),
        Some(names[1].as_str()),
        "and keeps the turn"
    );
}

/// Carla sells in euros (two open deals, €10,000 each); Anna and Boris in dollars.
fn team_in_two_currencies() -> TempDir {
    let dir = team();
    let mut board = carla();
    for deal in board.deals.iter_mut() {
        std::sync::Arc::make_mut(deal).value.currency = dealboard::model::Currency::EUR;
    }
    write(&dir.path().join("carla.ron"), &board);
    dir
}

#[test]
fn the_headline_leads_with_the_converted_total_when_the_team_keeps_rates() {
    use dealboard::model::{Currency, PerUnit, Rates};
    let dir = team_in_two_currencies();
    let mut review = review(&dir);
    // Without rates: open $60,000 (Anna's three, Boris's three) and €20,000, never added; the
    // dollars lead, as most open deals are in dollars, each with its sign.
    let plain = screen(&review, &dir, (80, 24));
    assert!(plain.contains("$60k + €20k"), "{plain}");
    assert!(!plain.contains('≈'), "{plain}");
    let big = screen(&review, &dir, (240, 60));
    assert!(
        big.contains(" €20k "),
        "the euros under the big dollars: {big}"
    );
    // The team's rates in its team.ron, 1 EUR = 1.10 USD: €20,000 is $22,000, so ≈ $82,000.
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let team_with_euro_at = |rate: &str| {
        let mut rates = Rates::new(Currency::parse("USD").unwrap(), day);
        rates
            .set(Currency::EUR, PerUnit::parse(rate).unwrap(), day)
            .unwrap();
        let team = store::Team {
            version: store::TEAM_VERSION,
            rates: Some(rates),
            ..Default::default()
        };
        store::save_team(dir.path(), &team, false).unwrap();
    };
    team_with_euro_at("1.10");
    review.follow_team(Some(dir.path().to_path_buf()));
    let approx = text::fill(text::t().rates.approx, &[("amount", &"$82k")]);
    let small = screen(&review, &dir, (80, 24));
    assert!(small.contains(&format!("$60k + €20k {approx}")), "{small}");
    let big = screen(&review, &dir, (240, 60));
    let in_usd = text::fill(
        text::t().rates.in_rates_of,
        &[
            ("currency", &"USD"),
            ("date", &text::date_long(day)),
            ("amounts", &"$60k + €20k"),
        ],
    );
    assert!(big.contains(&in_usd), "{big}");
    insta::assert_snapshot!("converted_headline_80x24", small);
    insta::assert_snapshot!("converted_headline_240x60", big);
    // The rates stay when a board changes and the boards are combined again.
    let mut anna = anna();
    deal(&mut anna, "lead", "Vandelay imports", |_| {});
    write(&dir.path().join("anna.ron"), &anna);
    look_at_files(&mut review);
    let approx = text::fill(text::t().rates.approx, &[("amount", &"$92k")]);
    assert!(screen(&review, &dir, (80, 24)).contains(&approx));
    // The team table shows what it ranks by: each person's weighted pipeline converted.
    keys(&mut review, "p");
    assert!(screen(&review, &dir, (120, 30)).contains('≈'));
    keys(&mut review, "Esc");
    // The team file changed while the review runs: the next look converts at the new rate,
    // €20,000 × 1.20 = $24,000.
    std::thread::sleep(std::time::Duration::from_millis(10));
    team_with_euro_at("1.2");
    review.update(Action::Tick);
    let approx = text::fill(text::t().rates.approx, &[("amount", &"$94k")]);
    assert!(screen(&review, &dir, (80, 24)).contains(&approx));
    // Broken: the rates read before stay, under a warning naming the file; fixed: it goes.
    let team_file = store::team_file(dir.path());
    let good = std::fs::read_to_string(&team_file).unwrap();
    std::fs::write(&team_file, good.replace("\"1.2\"", "\"abc\"")).unwrap();
    review.update(Action::Tick);
    let shown = screen(&review, &dir, (120, 30));
    assert!(shown.contains(&approx), "{shown}");
    assert!(shown.contains("team.ron"), "{shown}");
    std::fs::write(&team_file, &good).unwrap();
    review.update(Action::Tick);
    assert!(!screen(&review, &dir, (120, 30)).contains("team.ron"));
    // Removed: no rates, nothing converted.
    std::fs::remove_file(&team_file).unwrap();
    review.update(Action::Tick);
    assert!(!screen(&review, &dir, (80, 24)).contains('≈'));
}

#[test]
fn s_opens_the_process_report_over_the_boards_presented_and_it_follows_them() {
    use dealboard::report::analytics::Stats;
    let dir = team();
    let mut review = review(&dir);
    keys(&mut review, "s");
    assert_eq!(review.context(), keymap::Context::Reports);
    let view = review.report().expect("the report is open");
    // Everyone's deals on the boards as combined, the same figures `stats` gives over them.
    let period = view.choice.preset.period(support::today());
    let all = Stats::of(review.board(), period, None, support::now());
    assert_eq!(view.stats, all);
    assert_eq!(
        view.stats.headline.open_count, 8,
        "Anna 3, Boris 3, Carla 2"
    );
    let shown = screen(&review, &dir, (100, 30));
    assert!(shown.contains(text::t().reports.title), "{shown}");
    insta::assert_snapshot!(
        "report_in_the_review_80x24",
        screen(&review, &dir, (80, 24))
    );
    // Tab: the first person's figures; keys that would change a board change nothing.
    keys(&mut review, "Tab e");
    let owner = review.report().unwrap().choice.owner.clone();
    assert_eq!(owner.as_deref(), Some("Anna"));
    assert_eq!(review.report().unwrap().stats.headline.open_count, 3);
    // A board changes while it is open: the figures follow.
    let mut anna = anna();
    deal(&mut anna, "lead", "Vandelay imports", |_| {});
    write(&dir.path().join("anna.ron"), &anna);
    look_at_files(&mut review);
    assert_eq!(review.report().unwrap().stats.headline.open_count, 4);
    // Esc closes it; the period chosen is kept for the next time, the owner is the turn's.
    keys(&mut review, "] Esc");
    assert!(review.report().is_none());
    assert_eq!(review.context(), keymap::Context::Review);
    keys(&mut review, "Tab Tab s");
    let view = review.report().unwrap();
    assert_eq!(view.choice.owner.as_deref(), review.owner());
    assert_ne!(
        view.choice.preset,
        Default::default(),
        "the period chosen before"
    );
}

#[test]
fn a_pilot_in_the_team_file_shows_in_the_title_and_v_compares_its_boards_with_the_rest() {
    let dir = team();
    let team_process = anna().stages;
    let mut pilot_stages = team_process.clone();
    pilot_stages[1].checklist.push("Budget owner met".into());
    let team = store::Team {
        version: store::TEAM_VERSION,
        process: team_process,
        pilot: Some(store::Pilot {
            boards: vec!["anna.ron".into()],
            since: days_ago(20),
            reason: "Budget owner early".into(),
            stages: pilot_stages,
        }),
        ..Default::default()
    };
    store::save_team(dir.path(), &team, false).unwrap();
    let mut review = review(&dir);
    review.follow_team(Some(dir.path().to_path_buf()));
    let words = text::t().versions.pilot_heading;
    let title = screen(&review, &dir, (160, 40));
    assert!(title.contains(support::opening(words)), "{title}");
    assert!(title.contains("anna.ron"), "{title}");
    keys(&mut review, "s v");
    let report = review.report().unwrap();
    let pilot = report.pilot.as_ref().expect("the pilot against the rest");
    assert_eq!(pilot.boards, ["anna.ron"]);
    // Anna's board on one side, Boris's and Carla's on the other; the criterion the pilot added
    // exists on its side only.
    let criteria = pilot.comparison.criteria();
    let added = criteria
        .iter()
        .find(|c| c.criterion == "Budget owner met")
        .unwrap();
    assert!(added.before.is_none() && added.after.is_some());
    let shown = screen(&review, &dir, (160, 40));
    assert!(shown.contains(text::t().versions.side_pilot), "{shown}");
    assert!(
        shown.contains(text::t().versions.only_pilot_short),
        "{shown}"
    );
    keys(&mut review, "v");
    assert!(
        review.report().unwrap().pilot.is_none(),
        "v again: the period"
    );
}
