//! The real binary in a pseudo-terminal: start it as a new user would, type keys, read the screen
//! as a terminal would show it, quit, and read the file.

#![cfg(unix)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::pty::{Session, WAIT};

#[test]
fn a_new_user_adds_a_deal_moves_it_and_quits_and_the_file_has_it() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("config").join("board.ron");
    let mut app = Session::start(&board, home.path(), 80, 24);
    // The status bar is drawn last, so once it shows the whole first screen is there. A first
    // run says where the new board is.
    let first = app.wait_for("✓ saved");
    let created = support::opening(dealboard::text::t().cli.created);
    assert!(first.contains(created.trim_end()), "{first}");
    assert!(first.contains("Sales pipeline"), "{first}");
    assert!(first.contains("Lead · 0"), "{first}");
    app.type_keys("n");
    app.wait_for("New deal in Lead");
    app.type_keys("Поставка 株式会社\t\t\t12 000\r");
    app.wait_for("Added “Поставка 株式会社” to Lead");
    app.type_keys(">");
    app.wait_for("anyway?");
    app.type_keys("y");
    app.wait_for("Moved “Поставка 株式会社” to Qualification");
    app.wait_for("Qualification · 1");
    app.type_keys("q");
    assert_eq!(app.wait_for_exit(), 0);

    let text = std::fs::read_to_string(&board).unwrap();
    assert!(text.contains("title: \"Поставка 株式会社\""), "{text}");
    assert!(text.contains("value: \"12000.00 USD\""), "{text}");
    assert!(text.contains("stage: \"qualification\""), "{text}");
    assert!(text.contains("owner: \"e2e\""), "{text}");
}

#[test]
fn kill_9_right_after_a_change_loses_at_most_that_moment_and_never_the_file() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut app = Session::start(&board, home.path(), 100, 30);
    app.wait_for("Lead · 0");
    app.type_keys("nKept after a crash\r");
    app.wait_for("Added");
    // Once the screen says it is saved, it is on disk.
    let deadline = Instant::now() + WAIT;
    while !app.shows_all_when_quiet(&["Added", "✓ saved"]) {
        assert!(Instant::now() < deadline, "never saved");
    }
    app.type_keys(">y>y");
    // Killed the moment the screen shows the change, while it may still be being written.
    app.wait_for("Moved “Kept after a crash” to Proposal preparation");
    app.signal("KILL");
    app.wait_for_exit();
    let saved = std::fs::read_to_string(&board).unwrap();
    dealboard::store::parse(saved.as_bytes()).expect("the file is whole");
    assert!(saved.contains("title: \"Kept after a crash\""), "{saved}");
    let stage = ["lead", "qualification", "proposal-preparation"]
        .into_iter()
        .find(|stage| saved.contains(&format!("stage: \"{stage}\"")));
    assert!(stage.is_some(), "{saved}");
}

/// A board of `deals` demo deals, made as a user would (`init --demo --deals N`), whose every
/// save takes a while: long enough that keys and signals arrive while it is written.
fn big_board(home: &Path, deals: usize) -> std::path::PathBuf {
    let board = home.join("board.ron");
    let deals = deals.to_string();
    let board_arg = board.display().to_string();
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_dealboard"))
        .args(["--board", &board_arg, "init", "--demo", "--deals", &deals])
        .env("HOME", home)
        .env("DEALBOARD_LANG", "en")
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    board
}

#[test]
fn quitting_or_a_signal_right_after_a_change_on_a_big_board_waits_for_the_save() {
    let home = tempfile::tempdir().unwrap();
    let board = big_board(home.path(), 30_000);
    for (how, exit) in [("q", 0), ("TERM", 128 + 15), ("HUP", 128 + 1)] {
        let mut app = Session::start(&board, home.path(), 120, 30);
        app.wait_for("✓ saved");
        // Not containing "Added": the previous round's card is on screen.
        let title = format!("Kept through {how}");
        if how == "q" {
            // The change and the quit in one go, as fast as a person could type them.
            app.type_keys(&format!("n{title}\rq"));
        } else {
            app.type_keys(&format!("n{title}\r"));
            app.wait_for("Added");
            app.signal(how);
        }
        assert_eq!(app.wait_for_exit(), exit, "{how}");
        let saved = std::fs::read_to_string(&board).unwrap();
        assert!(saved.contains(&title), "{how}: the change is on disk");
        assert!(store_files_are_tidy(home.path()), "{how}");
    }
}

#[test]
fn signals_that_end_the_app_give_the_terminal_back_and_keep_the_board() {
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let home = tempfile::tempdir().unwrap();
        let board = home.path().join("board.ron");
        let mut app = Session::start(&board, home.path(), 80, 24);
        app.wait_for("Lead · 0");
        app.type_keys("nSaved before the signal\r");
        app.wait_for("Added");
        assert!(app.screen.screen().alternate_screen());
        app.signal(name);
        assert_eq!(
            app.wait_for_exit(),
            128 + number,
            "SIG{name}: 128 + its number"
        );
        let screen = app.screen.screen();
        assert!(
            !screen.alternate_screen(),
            "SIG{name}: back on the main screen"
        );
        assert!(!screen.hide_cursor(), "SIG{name}: the cursor shows again");
        let saved = std::fs::read_to_string(&board).unwrap();
        assert!(saved.contains("Saved before the signal"), "SIG{name}");
        assert!(store_files_are_tidy(home.path()), "SIG{name}");
    }
}

/// Idle, the app sleeps until a key, a signal or its once-a-second look at the file: it does
/// not wake every few milliseconds to poll (which a laptop's battery would feel).
#[cfg(target_os = "linux")]
#[test]
fn an_idle_board_sleeps_instead_of_polling() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut app = Session::start(&board, home.path(), 80, 24);
    app.wait_for("Lead · 0");
    let pid = app.child.process_id().unwrap();
    // Every time any of its threads went to sleep and was woken again.
    let wakeups = || -> u64 {
        std::fs::read_dir(format!("/proc/{pid}/task"))
            .unwrap()
            .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("status")).ok())
            .flat_map(|status| {
                status
                    .lines()
                    .filter(|l| l.contains("ctxt_switches"))
                    .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                    .collect::<Vec<_>>()
            })
            .sum()
    };
    let before = wakeups();
    std::thread::sleep(Duration::from_secs(3));
    let woken = wakeups() - before;
    // A tick a second is three; polling every 50 ms was sixty.
    assert!(woken <= 15, "woke {woken} times in 3 idle seconds");
    app.type_keys("q");
    assert_eq!(app.wait_for_exit(), 0);
}

/// No temporary file is left beside the board.
fn store_files_are_tidy(folder: &Path) -> bool {
    std::fs::read_dir(folder)
        .unwrap()
        .filter_map(Result::ok)
        .all(|e| !e.file_name().to_string_lossy().contains(".tmp."))
}

#[test]
fn a_closed_terminal_ends_the_app_instead_of_leaving_it_running() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut app = Session::start(&board, home.path(), 80, 24);
    app.wait_for("Lead · 0");
    app.type_keys("nStill saved\r");
    app.wait_for("Added");
    let mut child = app.hang_up();
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "still running (and holding the board) after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 128 + 1, "as for SIGHUP");
    assert!(
        std::fs::read_to_string(&board)
            .unwrap()
            .contains("Still saved")
    );
    let (mut store, _) = dealboard::store::Store::open(&board).unwrap();
    assert!(
        store.lock().is_ok(),
        "the board is free for the next dealboard"
    );
}

#[test]
fn ctrl_z_and_a_stop_signal_give_the_terminal_back_and_fg_redraws_it_whole() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut app = Session::start(&board, home.path(), 80, 24);
    app.wait_for("Lead · 0");
    for stop in ["ctrl-z", "TSTP"] {
        match stop {
            "ctrl-z" => app.type_keys("\u{1a}"),
            _ => app.signal(stop),
        }
        let deadline = Instant::now() + WAIT;
        while app.screen.screen().alternate_screen() {
            assert!(
                Instant::now() < deadline,
                "{stop}: the terminal was not given back"
            );
            if let Ok(bytes) = app.output.recv_timeout(Duration::from_millis(50)) {
                app.screen.process(&bytes);
            }
        }
        assert!(
            !app.screen.screen().hide_cursor(),
            "{stop}: the cursor shows"
        );
        // What a shell's `fg` does: continue the stopped program.
        app.screen.process(b"\x1b[2J");
        app.signal("CONT");
        let redrawn = app.wait_for("Lead · 0");
        assert!(redrawn.contains("Sales pipeline"), "{stop}: {redrawn}");
        assert!(app.screen.screen().alternate_screen(), "{stop}");
    }
    app.type_keys("q");
    assert_eq!(app.wait_for_exit(), 0);
}

#[test]
fn a_huge_paste_arrives_whole_cleaned_and_cut_to_what_a_field_holds() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut app = Session::start(&board, home.path(), 100, 30);
    app.wait_for("Lead · 0");
    // Pasted on the board, it is not taken for keys (its `d`s and `q`s do nothing).
    app.type_keys("\x1b[200~dddqqq\x1b[201~");
    app.type_keys("n");
    app.wait_for("New deal in Lead");
    let huge = format!("Pasted\x1b]0;pwned\x07 line\n{}", "Ж".repeat(100_000));
    app.type_keys(&format!("\x1b[200~{huge}\x1b[201~\r"));
    app.wait_for("Pasted]0;pwned line …");
    app.type_keys("q");
    assert_eq!(app.wait_for_exit(), 0);
    let saved = dealboard::store::parse(&std::fs::read(&board).unwrap()).unwrap();
    let title = &saved.deals[0].title;
    assert_eq!(title.chars().count(), dealboard::model::limits::LINE_CHARS);
    assert!(title.starts_with("Pasted]0;pwned line ЖЖ"), "{title}");
}

#[test]
fn a_bad_board_file_stops_the_app_before_it_takes_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    std::fs::write(&board, "(version: 1, name: ").unwrap();
    let mut app = Session::start(&board, home.path(), 80, 24);
    let screen = app.wait_for("board.ron:1:");
    assert!(
        screen.contains(support::opening_of(
            dealboard::text::t().errors.left_alone,
            ". "
        )),
        "{screen}"
    );
    assert_eq!(app.wait_for_exit(), 1);
    assert_eq!(
        std::fs::read_to_string(&board).unwrap(),
        "(version: 1, name: "
    );
}

/// Runs the command line to completion, as a salesperson would in another terminal.
fn dealboard(args: &[&str], home: &Path) {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_dealboard"))
        .args(args)
        .env("HOME", home)
        .env("DEALBOARD_LANG", "en")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn a_second_editing_copy_opens_read_only_and_follows_the_first() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let mut first = Session::start(&board, home.path(), 100, 30);
    first.wait_for("✓ saved");
    let mut second = Session::start(&board, home.path(), 100, 30);
    let notice = second.wait_for("READ-ONLY");
    assert!(
        notice.contains(dealboard::text::t().board.opened_read_only),
        "{notice}"
    );
    first.type_keys("nFrom copy one\r");
    first.wait_for("Added “From copy one”");
    second.wait_for("From copy one");
    second.type_keys("n");
    second.wait_for("make changes there");
    second.type_keys("q");
    assert_eq!(second.wait_for_exit(), 0);
    first.type_keys("q");
    assert_eq!(first.wait_for_exit(), 0);
    let saved = std::fs::read_to_string(&board).unwrap();
    assert_eq!(saved.matches("title: ").count(), 1, "{saved}");
}

#[test]
fn a_manager_reviews_three_boards_while_a_salesperson_moves_a_deal() {
    let home = tempfile::tempdir().unwrap();
    let team = home.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let file = |name: &str| team.join(format!("{name}.ron")).display().to_string();
    for (name, deal) in [
        ("anna", "Acme rollout"),
        ("boris", "Globex renewal"),
        ("carla", "Initech scanners"),
    ] {
        dealboard(&["--board", &file(name), "init"], home.path());
        dealboard(
            &[
                "--board",
                &file(name),
                "add",
                deal,
                "--owner",
                name,
                "--value",
                "1000",
            ],
            home.path(),
        );
    }
    let untouched: Vec<Vec<u8>> = ["boris", "carla"]
        .iter()
        .map(|n| std::fs::read(file(n)).unwrap())
        .collect();

    let folder = team.display().to_string();
    let mut review = Session::run(&["review", &folder], home.path(), 120, 40);
    let first = review.wait_for("q quit");
    assert!(first.contains("3 boards · 3 changes since"), "{first}");
    assert!(first.contains("Lead · 3"), "{first}");
    // The manager walks through Anna's deals and pokes at keys that would edit.
    review.type_keys("\t");
    let turn = review.wait_for("anna's turn");
    assert!(turn.contains("1 change since"), "{turn}");
    review.type_keys("e");
    review.wait_for("Read-only in review");

    // Meanwhile Anna moves her deal on in her own dealboard.
    let mut anna = Session::start(std::path::Path::new(&file("anna")), home.path(), 100, 30);
    anna.wait_for("Acme rollout");
    anna.type_keys(">");
    anna.wait_for("anyway?");
    anna.type_keys("y");
    anna.wait_for("Moved “Acme rollout” to Qualification");
    // The review follows: Anna's news is her new deal and now its move, in its new stage.
    let after = review.wait_for("2 changes since");
    assert!(after.contains("Qualification · 1"), "{after}");
    assert!(
        after.contains("anna's turn"),
        "the presenter keeps their place: {after}"
    );
    anna.type_keys("q");
    assert_eq!(anna.wait_for_exit(), 0);
    review.type_keys("n");
    review.wait_for("Change 1 of");

    // Boris's board moved out of the folder leaves the screen; Carla's, renamed, stays, once.
    let moved = home.path().join("boris.ron");
    std::fs::rename(file("boris"), &moved).unwrap();
    std::fs::rename(file("carla"), file("carla-2027")).unwrap();
    // Esc alone (Esc and a key at once read as Alt and the key), then Tab to everyone.
    review.type_keys("\x1b");
    review.wait_for("z attention");
    review.type_keys("\t");
    let everyone = review.wait_for("2 boards");
    assert!(everyone.contains("Lead · 1"), "{everyone}");
    assert!(everyone.contains("Initech scanners"), "{everyone}");
    assert!(!everyone.contains("Globex renewal"), "{everyone}");
    // The process report over the boards presented, and back.
    review.type_keys("s");
    // Its hints, on the last line: the whole report is drawn.
    let report = review.wait_for("c compare");
    assert!(
        report.contains(dealboard::text::t().reports.title),
        "{report}"
    );
    review.type_keys("\x1b");
    review.wait_for("z attention");
    review.type_keys("q");
    assert_eq!(review.wait_for_exit(), 0);

    let now: Vec<Vec<u8>> = [moved.display().to_string(), file("carla-2027")]
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect();
    assert_eq!(now, untouched, "the review wrote nothing");
}

/// `n` in a deal runs the user's $EDITOR with the terminal given back, and what it writes
/// becomes a dated note; the keys typed after it reach the app again.
#[test]
fn a_note_written_in_the_users_editor_is_kept_on_the_deal() {
    let home = tempfile::tempdir().unwrap();
    let board = home.path().join("board.ron");
    let board_arg = board.display().to_string();
    dealboard(&["--board", &board_arg, "add", "CRM rollout"], home.path());
    let editor = home.path().join("fake-editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Met the CFO\\nBudget approved for Q1\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let editor_arg = editor.display().to_string();
    let mut app = Session::run_with(
        &["--board", &board_arg],
        home.path(),
        100,
        30,
        &[("EDITOR", &editor_arg)],
    );
    app.wait_for("✓ saved");
    app.type_keys("\r");
    app.wait_for("CRM rollout");
    app.type_keys("n");
    let said = dealboard::text::fill(
        dealboard::text::t().day.note_saved,
        &[("id", &1), ("title", &"CRM rollout")],
    );
    let shown = app.wait_for(&said);
    assert!(shown.contains("Budget approved for Q1"), "{shown}");
    // The key reader is back: Esc and q reach the app.
    app.type_keys("\x1b");
    app.wait_for("Lead · 1");
    app.type_keys("q");
    assert_eq!(app.wait_for_exit(), 0);
    let saved = dealboard::store::parse(&std::fs::read(&board).unwrap()).unwrap();
    let deal = &saved.deals[0];
    assert_eq!(deal.dated_notes.len(), 1);
    assert_eq!(
        deal.dated_notes[0].text,
        "Met the CFO\nBudget approved for Q1"
    );
}
