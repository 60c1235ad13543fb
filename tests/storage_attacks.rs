//! What an attack on the board's folder, or an unlucky moment, must not achieve: writing through a
//! planted link, a false reason for refusing a change, temporary files piling up, a command
//! turned away while another command is only saving, or a board's permissions changed.

#![cfg(unix)]

mod support;

use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::time::Duration;

use dealboard::store::{self, LockError, Role, Store};
use support::cli::Cli;
use support::sample_board;

/// A named pipe at `path`.
fn make_pipe(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// A board with one deal whose lock file was removed, so that something else can be put there.
fn board_without_its_lock_file() -> (Cli, std::path::PathBuf) {
    let cli = Cli::new();
    assert_eq!(cli.run(&["add", "First"]).code, Some(0));
    let lock = cli.dir.path().join(".board.ron.lock");
    std::fs::remove_file(&lock).unwrap();
    (cli, lock)
}

fn open_locked(path: &Path) -> Store {
    let (mut store, _) = Store::open(path).unwrap();
    store.lock_waiting(Duration::from_secs(2)).unwrap();
    store
}

#[test]
fn a_link_planted_where_a_temporary_file_goes_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let board = sample_board();
    Store::create(&path, &board).unwrap();
    // Every name an older dealboard would have used for this process's temporary files.
    let pid = std::process::id();
    for name in [
        format!(".board.ron.tmp.{pid}"),
        format!(".board.ron.bak.new.{pid}"),
        format!("..board.ron.bak.new.{pid}.tmp.{pid}"),
    ] {
        symlink(&victim, dir.path().join(name)).unwrap();
    }
    let mut store = open_locked(&path);
    for round in 0..3 {
        let mut changed = board.clone();
        changed.name = format!("Round {round}");
        store.save(&changed).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::read_to_string(&path).unwrap().contains("Round 2"));
}

#[test]
fn a_lock_file_that_is_a_link_is_refused_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    Store::create(&path, &sample_board()).unwrap();
    let lock = dir.path().join(".board.ron.lock");
    std::fs::remove_file(&lock).unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    symlink(&victim, &lock).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    assert!(matches!(store.lock(), Err(LockError::Io { .. })));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let cli = Cli::new();
    std::fs::copy(&path, cli.dir.path().join("board.ron")).unwrap();
    symlink(&victim, cli.dir.path().join(".board.ron.lock")).unwrap();
    let refused = cli.run(&["add", "x"]);
    refused_as_unlockable(&refused);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn a_board_keeps_exactly_the_permissions_its_owner_gave_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    Store::create(&path, &sample_board()).unwrap();
    for mode in [0o666, 0o640, 0o600] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let mut store = open_locked(&path);
        let mut board = sample_board();
        board.name = format!("Mode {mode:o}");
        store.save(&board).unwrap();
        let kept = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(kept, mode, "whatever the umask");
    }
}

#[test]
fn temporary_files_of_killed_writers_are_listed_by_check_and_removed_by_the_next_change() {
    let cli = Cli::new();
    assert_eq!(cli.run(&["add", "First"]).code, Some(0));
    let dead = cli
        .dir
        .path()
        .join(".board.ron.tmp.999999999.0123456789abcdef");
    let old_style = cli.dir.path().join(".board.ron.tmp.999999998");
    let live = cli.dir.path().join(format!(
        ".board.ron.tmp.{}.fedcba9876543210",
        std::process::id()
    ));
    for stray in [&dead, &old_style, &live] {
        std::fs::write(stray, "a copy of the board").unwrap();
    }
    let check = cli.run(&["check"]);
    assert_eq!(check.code, Some(0));
    assert!(
        check.stdout.contains("3 temporary files"),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .contains(&format!("process {}", std::process::id()))
    );
    assert_eq!(cli.run(&["add", "Second"]).code, Some(0));
    assert!(
        !dead.exists() && !old_style.exists(),
        "a dead writer's files go"
    );
    assert!(live.exists(), "a running process's file stays");
    assert_eq!(store::strays(Path::new(&cli.board())).len(), 1);
}

#[test]
fn a_failed_command_on_a_new_board_leaves_no_file_not_even_a_lock() {
    let cli = Cli::new();
    for args in [
        &["add", "x", "--value", "twelve"][..],
        &["add", "x", "--stage", "nowhere"],
        &["lost", "1", "--reason", "no budget"],
    ] {
        let failed = cli.run(args);
        assert_eq!(failed.code, Some(1), "{args:?}");
        let left: Vec<_> = std::fs::read_dir(cli.dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    let nested = cli.dir.path().join("a").join("b").join("board.ron");
    let nested = nested.display().to_string();
    let failed = support::cli::run_in(
        cli.dir.path(),
        &[],
        &["--board", &nested, "add", "x", "--value=-5"],
    );
    assert_eq!(failed.code, Some(1));
    assert!(
        !cli.dir.path().join("a").exists(),
        "nor the folders it made"
    );
}

#[test]
fn a_folder_that_cannot_be_locked_is_not_reported_as_another_dealboard() {
    // A lock file that cannot be opened, as in a folder this user may not write to.
    let (cli, lock) = board_without_its_lock_file();
    std::fs::create_dir(&lock).unwrap();
    let refused = cli.run(&["add", "Second"]);
    refused_as_unlockable(&refused);
    assert!(
        !refused
            .stderr
            .contains(support::words_of(dealboard::text::t().errors.locked)),
        "{}",
        refused.stderr
    );
    let (mut store, _) = Store::open(Path::new(&cli.board())).unwrap();
    let error = store.lock().unwrap_err();
    let reason = dealboard::text::read_only_reason(&error);
    assert!(
        reason.contains(support::opening(
            dealboard::text::t().errors.cannot_write_folder
        )),
        "{reason}"
    );
    assert_eq!(store.why_read_only(), Some(&error));
}

#[test]
fn a_command_waits_its_turn_behind_another_command_but_names_the_app() {
    let cli = Cli::new();
    assert_eq!(cli.run(&["add", "First"]).code, Some(0));
    let path = std::path::PathBuf::from(cli.board());
    // Another command holds the board for a moment: this one waits, then does its change.
    let mut other = Store::at(&path).for_command();
    other.lock().unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        drop(other);
    });
    let waited = cli.run(&["add", "Second"]);
    release.join().unwrap();
    assert_eq!(waited.code, Some(0), "{}", waited.stderr);
    // The app holds it: refused at once, saying which process has it open.
    let (mut app, _) = Store::open(&path).unwrap();
    app.lock().unwrap();
    let refused = cli.run(&["add", "Third"]);
    assert_eq!(refused.code, Some(1));
    let pid = std::process::id().to_string();
    assert!(
        refused.stderr.contains(support::opening_of(
            support::words_of(dealboard::text::t().errors.locked_by_app),
            " ("
        )) && refused.stderr.contains(&pid),
        "{}",
        refused.stderr
    );
    let (mut second, _) = Store::open(&path).unwrap();
    let held = second.lock().unwrap_err();
    assert_eq!(held.holder().map(|h| h.role), Some(Role::App));
}

#[test]
fn concurrent_scripts_adding_to_a_board_all_get_their_turn() {
    let cli = Cli::new();
    let init = cli.run(&["init", "--demo", "--deals", "500"]);
    assert_eq!(init.code, Some(0), "{}", init.stderr);
    let scripts: Vec<_> = (0..4)
        .map(|script| {
            let board = cli.board();
            let home = cli.dir.path().to_path_buf();
            std::thread::spawn(move || {
                (0..5)
                    .map(|n| {
                        let title = format!("script {script} deal {n}");
                        let run =
                            support::cli::run_in(&home, &[], &["--board", &board, "add", &title]);
                        (run.code, run.stderr)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for script in scripts {
        for (code, stderr) in script.join().unwrap() {
            assert_eq!(code, Some(0), "{stderr}");
        }
    }
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 520, "every add is there");
}

#[test]
fn a_failed_save_is_told_about_the_board_not_a_hidden_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("boards");
    let path = folder.join("board.ron");
    Store::create(&path, &sample_board()).unwrap();
    let mut store = open_locked(&path);
    // The folder vanishes (an unmounted disk): nothing can be written beside the board.
    std::fs::remove_dir_all(&folder).unwrap();
    let failed = store.save(&sample_board()).unwrap_err();
    assert_eq!(failed.path, path);
    let message = failed.to_string();
    assert!(message.contains("board.ron"), "{message}");
    assert!(
        !message.contains(".board.ron"),
        "no hidden file named: {message}"
    );
}

#[test]
fn a_board_path_that_is_a_device_or_a_pipe_is_refused_at_once() {
    let cli = Cli::new();
    let fifo = cli.dir.path().join("pipe.ron");
    make_pipe(&fifo);
    let fifo = fifo.display().to_string();
    for board in ["/dev/zero", "/dev/null", fifo.as_str()] {
        for args in [&["check"][..], &["list"], &["add", "x"]] {
            let mut all = vec!["--board", board];
            all.extend(args);
            let refused = support::cli::run_in(cli.dir.path(), &[], &all);
            assert_eq!(refused.code, Some(1), "{board} {args:?}");
            assert!(
                refused
                    .stderr
                    .contains(support::words_of(dealboard::text::t().errors.not_a_file)),
                "{}",
                refused.stderr
            );
        }
    }
}

#[test]
fn an_export_through_a_link_or_into_a_pipe_replaces_neither() {
    let cli = Cli::new();
    assert_eq!(cli.run(&["add", "Exported"]).code, Some(0));
    let real = cli.dir.path().join("real.csv");
    std::fs::write(&real, "old").unwrap();
    let link = cli.dir.path().join("link.csv");
    symlink(&real, &link).unwrap();
    assert_eq!(
        cli.run(&["export", "-o", link.to_str().unwrap()]).code,
        Some(0)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().contains("Exported"));
    let fifo = cli.dir.path().join("pipe.csv");
    make_pipe(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    assert_eq!(
        cli.run(&["export", "-o", fifo.to_str().unwrap()]).code,
        Some(0)
    );
    assert!(reader.join().unwrap().contains("Exported"));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_lock_file_hard_linked_to_another_file_is_not_written_to() {
    let (cli, lock) = board_without_its_lock_file();
    let victim = cli.dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    std::fs::hard_link(&victim, &lock).unwrap();
    let refused = cli.run(&["add", "Second"]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused
            .stderr
            .contains(support::words_of(dealboard::text::t().errors.lock_unsafe)),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

/// The command failed, saying the board could not be locked.
fn refused_as_unlockable(refused: &support::cli::Run) {
    assert_eq!(refused.code, Some(1));
    let cannot_lock = support::opening(dealboard::text::t().errors.lock_failed);
    assert!(refused.stderr.contains(cannot_lock), "{}", refused.stderr);
}
