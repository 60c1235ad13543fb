//! The board file: bad files are reported precisely and never touched; saving is atomic, private
//! and keeps backups; what is saved loads back the same.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use dealboard::model::{Board, FORMAT_VERSION, StageId};
use dealboard::store::{self, LoadErrorKind, Store, backup_path};
use support::sample_board;

fn dealboard(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dealboard"))
        .args(args)
        .env_remove("DEALBOARD_BOARD")
        .env("DEALBOARD_LANG", "en")
        .output()
        .unwrap()
}

fn good_text() -> String {
    store::board_text(&sample_board()).unwrap()
}

/// Writes `bytes` as a board with two backups beside it, and returns the board's path.
fn bad_file(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("board.ron");
    std::fs::write(&path, bytes).unwrap();
    std::fs::write(backup_path(&path, 1), "backup one").unwrap();
    std::fs::write(backup_path(&path, 2), "backup two").unwrap();
    path
}

struct BadCase {
    name: &'static str,
    bytes: Vec<u8>,
    /// What `dealboard check` must say (besides the path).
    says: &'static str,
}

fn bad_cases() -> Vec<BadCase> {
    let good = good_text();
    let case = |name, bytes: Vec<u8>, says| BadCase { name, bytes, says };
    vec![
        case("empty", Vec::new(), "is empty"),
        case("only blank lines", b"\n  \n".to_vec(), "is empty"),
        case("truncated", good.as_bytes()[..good.len() / 2].to_vec(), ":"),
        case("not RON", b"<html>this is not a board</html>".to_vec(), ":1:1:"),
        case("not UTF-8", [good.as_bytes(), &[0xff, 0xfe]].concat(), "not UTF-8"),
        case(
            "wrong shape",
            good.replacen("name: \"Sales pipeline\"", "name: 42", 1).into_bytes(),
            ":6:10:", // RON points just before the bad value
        ),
        case(
            "misspelt field",
            good.replacen("title: \"Warehouse scanners\"", "titel: \"Warehouse scanners\"", 1)
                .into_bytes(),
            "titel",
        ),
        case(
            "deal in a stage that does not exist",
            good.replacen("stage: \"negotiation\"", "stage: \"haggling\"", 1).into_bytes(),
            "deal 5 is in stage `haggling`, which the board does not have",
        ),
        case(
            "duplicate deal ids",
            good.replacen("id: 2,", "id: 1,", 1).into_bytes(),
            "two deals have the id 1",
        ),
        case(
            "newer version",
            good.replacen(&format!("version: {FORMAT_VERSION},"), "version: 7,", 1)
                .into_bytes(),
            "written by a newer dealboard (file format 7",
        ),
        case(
            "git conflict markers",
            good.replacen(
                "    name: \"Sales pipeline\",\n",
                "<<<<<<< HEAD\n    name: \"Sales pipeline\",\n=======\n    name: \"Pipeline\",\n>>>>>>> theirs\n",
                1,
            )
            .into_bytes(),
            "conflict markers on lines 6, 8, 10",
        ),
        case(
            "bad date",
            good.replacen("due: \"2026-11-20\"", "due: \"2026-13-45\"", 1)
                .into_bytes(),
            "“2026-13-45” is not a date; write dates as 2026-12-31",
        ),
        case(
            "deal id past the largest",
            good.replacen("id: 5,", "id: 18446744073709551615,", 1).into_bytes(),
            "deal id 18446744073709551615 is not between 1 and",
        ),
        case(
            "unknown currency",
            good.replacen("\"48000.00 EUR\"", "\"48000.00 XYZ\"", 1).into_bytes(),
            "money “48000.00 XYZ” must be an amount and a currency code",
        ),
        case(
            "bad money",
            good.replacen("\"48000.00 EUR\"", "\"48k EUR\"", 1).into_bytes(),
            "money “48k EUR”: not an amount",
        ),
    ]
}

#[test]
fn every_bad_file_is_reported_and_left_byte_for_byte_unchanged() {
    for case in bad_cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = bad_file(dir.path(), &case.bytes);
        let board = path.to_str().unwrap();
        let check = dealboard(&["--board", board, "check"]);
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert_eq!(
            check.status.code(),
            Some(1),
            "{}: check must fail",
            case.name
        );
        assert!(
            stderr.contains(board),
            "{}: names the file: {stderr}",
            case.name
        );
        assert!(
            stderr.contains(case.says),
            "{}: says {:?}: {stderr}",
            case.name,
            case.says
        );
        // Neither a change from the command line nor opening the board may touch it.
        for args in [
            vec!["add", "Something"],
            vec!["move", "1", "2"],
            vec![],
            vec!["list"],
        ] {
            let mut all = vec!["--board", board];
            all.extend(args.iter());
            let run = dealboard(&all);
            assert_eq!(
                run.status.code(),
                Some(1),
                "{}: {args:?} must refuse",
                case.name
            );
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            case.bytes,
            "{}: file untouched",
            case.name
        );
        assert_eq!(
            std::fs::read(backup_path(&path, 1)).unwrap(),
            b"backup one",
            "{}",
            case.name
        );
        assert_eq!(
            std::fs::read(backup_path(&path, 2)).unwrap(),
            b"backup two",
            "{}",
            case.name
        );
        assert!(
            !backup_path(&path, 3).exists(),
            "{}: no new backup",
            case.name
        );
    }
}

#[test]
fn syntax_errors_point_at_line_and_column() {
    let good = good_text();
    let bad = good.replacen("probability: 60,", "probability: sixty,", 1);
    let line = bad.lines().position(|l| l.contains("sixty")).unwrap() + 1;
    match store::parse(bad.as_bytes()) {
        Err(LoadErrorKind::Syntax {
            line: l, column, ..
        }) => {
            assert_eq!(l, line);
            // `sixty` starts at column 26; RON reports where it stopped, just before it.
            assert!((25..=26).contains(&column), "column {column}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn rule_breaking_deals_are_located_by_line() {
    let good = good_text();
    let bad = good.replacen("stage: \"negotiation\"", "stage: \"haggling\"", 1);
    let deal_line = bad.lines().position(|l| l.trim() == "id: 5,").unwrap() + 1;
    match store::parse(bad.as_bytes()) {
        Err(LoadErrorKind::Invalid(problems)) => assert_eq!(problems[0].1, Some(deal_line)),
        other => panic!("expected a rule problem, got {other:?}"),
    }
}

#[test]
fn the_default_board_is_the_articles_process() {
    let board = store::default_board().unwrap();
    let names: Vec<&str> = board.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Lead",
            "Qualification",
            "Proposal preparation",
            "Proposal sent",
            "Negotiation",
            "Agreed",
            "Contract & invoice",
            "Delivery",
            "Customer training",
            "After-sale"
        ]
    );
    let post_sale: Vec<bool> = board
        .stages
        .iter()
        .map(|s| s.phase == dealboard::model::Phase::PostSale)
        .collect();
    assert_eq!(
        post_sale,
        [
            false, false, false, false, false, false, false, true, true, true
        ]
    );
    let qualification = board.stage(&StageId("qualification".into())).unwrap();
    assert!(
        qualification
            .checklist
            .contains(&"Budget confirmed".to_string())
    );
    assert!(
        qualification
            .checklist
            .contains(&"Product fits the need".to_string())
    );
    let preparation = board
        .stage(&StageId("proposal-preparation".into()))
        .unwrap();
    assert!(
        preparation
            .checklist
            .contains(&"Costs analysed".to_string())
    );
    assert!(
        preparation
            .checklist
            .contains(&"Price vs margin balanced".to_string())
    );
    let probabilities: Vec<u8> = board.stages.iter().map(|s| s.probability).collect();
    assert!(
        probabilities.windows(2).all(|w| w[0] <= w[1]),
        "rises through the stages"
    );
    assert!(
        board
            .stages
            .iter()
            .all(|s| !s.checklist.is_empty() && s.rot_days > 0)
    );
    assert!(board.deals.is_empty());
}

/// Opens a board for writing, as the app and the CLI do.
fn open_locked(path: &Path) -> (Store, Board) {
    let (mut store, board) = Store::open(path).unwrap();
    // Another test here starts the binary: a child forked at the moment a lock file is open
    // holds that lock until it runs the binary, so the lock is waited for, briefly.
    store
        .lock_waiting(std::time::Duration::from_secs(2))
        .unwrap();
    (store, board)
}

/// Makes the newest backup look `minutes` old.
fn age_newest_backup(path: &Path, minutes: u64) {
    let backup = backup_path(path, 1);
    if let Ok(file) = std::fs::File::options().write(true).open(&backup) {
        let then = SystemTime::now() - Duration::from_secs(minutes * 60);
        file.set_modified(then).unwrap();
    }
}

#[test]
fn saving_is_atomic_private_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("board.ron");
    let store = Store::create(&path, &sample_board()).unwrap();
    drop(store);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a new board is private");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let (mut store, board) = open_locked(&path);
        store.save(&board).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o640,
            "an existing board keeps the permissions its owner chose"
        );
    }
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains(".tmp") && !n.contains(".new")),
        "{names:?}"
    );
}

#[test]
fn backups_rotate_and_keep_the_last_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let mut board = sample_board();
    Store::create(&path, &board).unwrap();
    let mut versions = vec![std::fs::read(&path).unwrap()];
    for round in 0..8 {
        board.name = format!("Round {round}");
        age_newest_backup(&path, 2); // each session starts a few minutes after the last
        let (mut store, _) = open_locked(&path);
        store.save(&board).unwrap();
        versions.push(std::fs::read(&path).unwrap());
    }
    for n in 1..=store::BACKUPS {
        let backup = std::fs::read(backup_path(&path, n)).unwrap();
        assert_eq!(backup, versions[versions.len() - 1 - n], "backup {n}");
    }
    assert!(!backup_path(&path, store::BACKUPS + 1).exists());
}

#[test]
fn a_burst_of_quick_commands_does_not_push_out_older_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let mut board = sample_board();
    Store::create(&path, &board).unwrap();
    let (mut store, _) = open_locked(&path);
    store.save(&board).unwrap();
    drop(store);
    let first_backup = std::fs::read(backup_path(&path, 1)).unwrap();
    for round in 0..10 {
        board.name = format!("Scripted {round}");
        let (mut store, _) = open_locked(&path);
        store.save(&board).unwrap();
    }
    assert_eq!(std::fs::read(backup_path(&path, 1)).unwrap(), first_backup);
    assert!(!backup_path(&path, 2).exists());
}

#[cfg(unix)]
#[test]
fn a_backup_that_cannot_be_taken_never_stops_the_save_nor_destroys_older_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let mut board = sample_board();
    Store::create(&path, &board).unwrap();
    for n in 1..store::BACKUPS {
        std::fs::write(backup_path(&path, n), format!("backup {n}")).unwrap();
    }
    age_newest_backup(&path, 30);
    // Rotating fails every time: a folder sits where the oldest backup goes.
    std::fs::create_dir_all(backup_path(&path, store::BACKUPS).join("in-the-way")).unwrap();
    let (mut store, _) = open_locked(&path);
    for round in 0..10 {
        board.name = format!("Try {round}");
        store
            .save(&board)
            .expect("the save comes before the backup");
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(saved.contains(&format!("Try {round}")));
    }
    for n in 1..store::BACKUPS {
        assert_eq!(
            std::fs::read_to_string(backup_path(&path, n)).unwrap(),
            format!("backup {n}")
        );
    }
    assert!(store::strays(&path).is_empty(), "no temporary file is left");
}

#[test]
fn only_one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let first = Store::create(&path, &sample_board()).unwrap();
    let (mut second, board) = Store::open(&path).unwrap();
    assert!(matches!(
        second.lock(),
        Err(dealboard::store::LockError::Held { .. })
    ));
    let refused = second.save(&board).unwrap_err();
    assert_eq!(refused.kind, dealboard::store::SaveErrorKind::ReadOnly);
    drop(first);
    // Other tests here start programs; one starting just now briefly holds a copy of the lock
    // (between its fork and exec), so give it a moment.
    let locked = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(5));
        second.lock().is_ok()
    });
    assert!(locked);
    second.save(&board).unwrap();
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let mut store = Store::create(&path, &sample_board()).unwrap();
    let mut theirs = sample_board();
    theirs.name = "Edited in a text editor".into();
    let their_text = store::board_text(&theirs).unwrap();
    std::fs::write(&path, &their_text).unwrap();
    let mut ours = sample_board();
    ours.name = "Changed in the app".into();
    let refused = store.save(&ours).unwrap_err();
    assert_eq!(
        refused.kind,
        dealboard::store::SaveErrorKind::ChangedOutside
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), their_text);
    match store.check_outside() {
        dealboard::store::Outside::Changed(board) => assert_eq!(board, theirs),
        other => panic!("expected their board, got {other:?}"),
    }
    store.save(&ours).unwrap();
    assert!(matches!(
        store.check_outside(),
        dealboard::store::Outside::Unchanged
    ));
}

#[cfg(unix)]
#[test]
fn a_symlinked_board_is_saved_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles-board.ron");
    let link = dir.path().join("board.ron");
    Store::create(&real, &sample_board()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (mut store, mut board) = open_locked(&link);
    board.name = "Changed".into();
    store.save(&board).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(Store::open(&real).unwrap().1.name, "Changed");
    // A link to a board that does not exist yet stays a link when the board is created.
    let new_real = dir.path().join("synced").join("new.ron");
    std::fs::create_dir_all(new_real.parent().unwrap()).unwrap();
    let new_link = dir.path().join("new-link.ron");
    std::os::unix::fs::symlink(&new_real, &new_link).unwrap();
    Store::create(&new_link, &sample_board()).unwrap();
    assert!(
        std::fs::symlink_metadata(&new_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(new_real.exists());
}

#[test]
fn a_version_1_file_reads_and_is_written_back_as_the_current_version() {
    let v1 = include_str!("fixtures/version-1.ron");
    let board = store::parse(v1.as_bytes()).unwrap();
    assert_eq!(board.version, dealboard::model::FORMAT_VERSION);
    assert_eq!(board.deals.len(), 1);
    assert!(board.lost_reasons.is_empty() && board.sources.is_empty());
    let text = store::board_text(&board).unwrap();
    assert!(text.contains(&format!("version: {},", dealboard::model::FORMAT_VERSION)));
}

/// A file of an older format is kept byte for byte before it is first written in the new one,
/// and only once: the next saves go on as usual.
#[test]
fn an_older_file_is_kept_before_it_is_first_saved_in_the_new_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let old = store::board_text(&sample_board()).unwrap().replacen(
        &format!("version: {FORMAT_VERSION},"),
        "version: 3,",
        1,
    );
    std::fs::write(&path, &old).unwrap();
    let (mut store, board) = Store::open(&path).unwrap();
    assert_eq!(board.version, FORMAT_VERSION);
    store.lock().unwrap();
    store.save(&board).unwrap();
    store.save(&board).unwrap();
    let kept = dir.path().join("board.ron.v3.1");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), old);
    assert!(!dir.path().join("board.ron.v3.2").exists());
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains(&format!("version: {FORMAT_VERSION},")));
}

#[test]
fn the_same_board_always_gives_the_same_bytes() {
    let board = sample_board();
    let once = store::board_text(&board).unwrap();
    let reloaded: Board = store::parse(once.as_bytes()).unwrap();
    assert_eq!(store::board_text(&reloaded).unwrap(), once);
}

#[test]
fn a_hand_edited_file_with_comments_and_implicit_options_loads() {
    let text = include_str!("../assets/default-board.ron").replace(
        "deals: [],",
        r#"deals: [
        // a deal typed by hand, in the documented form
        (id: 3, title: "Hand-made", value: "100 EUR", stage: "lead",
         expected_close: "2026-12-24",
         created: "2026-11-01T09:00:00Z", updated: "2026-11-01T09:00:00Z"),
    ],"#,
    );
    let board = store::parse(text.as_bytes()).unwrap();
    assert_eq!(board.deals[0].title, "Hand-made");
    assert_eq!(
        board.next_deal_id, 4,
        "the id counter moves past ids typed by hand"
    );
}

/// Two people's edits to different deals of one board (even neighbours in the file), as git
/// would merge them.
#[test]
fn edits_to_different_deals_merge_in_git_without_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let board = sample_board();
    let base = store::board_text(&board).unwrap();
    let mut anna = board.clone();
    let first = anna.deals[0].id;
    anna.edit_deal(first, support::now().to_utc(), |d| {
        d.title = "Renamed by Anna".into()
    })
    .unwrap();
    let mut boris = board.clone();
    // The very next deal in the file: only its own lines change.
    let last = boris.deals[1].id;
    boris
        .edit_deal(last, support::now().to_utc(), |d| {
            d.notes = "Boris was here".into()
        })
        .unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let ours = write("ours.ron", &store::board_text(&anna).unwrap());
    let base_path = write("base.ron", &base);
    let theirs = write("theirs.ron", &store::board_text(&boris).unwrap());
    let merged = std::process::Command::new("git")
        .args(["merge-file", "-p"])
        .args([&ours, &base_path, &theirs])
        .output()
        .expect("git is installed");
    assert_eq!(merged.status.code(), Some(0), "no conflicts");
    let merged = store::parse(&merged.stdout).unwrap();
    assert_eq!(merged.deal(first).unwrap().title, "Renamed by Anna");
    assert_eq!(merged.deal(last).unwrap().notes, "Boris was here");
}

/// Format 3 (and 4) kept one next action per deal and companies and contacts as text: the next
/// action becomes the deal's first activity, and every company and contact named becomes a
/// record (one per name, whatever its case), the file kept as it was before the first save.
#[test]
fn a_version_3_file_gets_activities_and_customer_records() {
    let v3 = include_str!("fixtures/version-3.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    std::fs::write(&path, v3).unwrap();
    let (mut store, board) = Store::open(&path).unwrap();
    let first = board.deal(dealboard::model::DealId(1)).unwrap();
    assert_eq!(
        first.activities,
        vec![dealboard::model::Activity::task(
            "Call about the pilot",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        )]
    );
    assert_eq!(first.done_actions[0].text, "Intro call");
    let second = board.deal(dealboard::model::DealId(2)).unwrap();
    assert_eq!(
        second.next_due(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
    );
    assert_eq!(second.next_action(), "");
    let companies: Vec<&str> = board.companies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(companies, ["Acme Ltd", "ООО «Ромашка»"]);
    let people: Vec<(&str, &str)> = board
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.company.as_str()))
        .collect();
    assert_eq!(
        people,
        [("Ivan", "ООО «Ромашка»"), ("Olga Petrova", "Acme Ltd")]
    );
    assert_eq!(board.deals_of("ACME LTD").count(), 2);

    store.lock().unwrap();
    store.save(&board).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("board.ron.v3.1")).unwrap(),
        v3
    );
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains("next_action"), "{written}");
    let again = store::parse(written.as_bytes()).unwrap();
    assert_eq!(again, board);
}
