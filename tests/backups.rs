//! Backups kept out of the board's folder (which may be shared through git), in the user's data
//! folder: listed by `dealboard backups`, brought back by `dealboard restore N`, which is itself
//! undone by restoring backup 1.

mod support;

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use dealboard::text::t;
use support::cli::Cli;
use support::{opening, words_of};

/// The one folder the board's backups are in, under the test's home.
fn backup_folder(cli: &Cli) -> PathBuf {
    let root = cli.dir.path().join(".local/share/dealboard/backups");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(
        folders.len(),
        1,
        "one board, one backup folder: {folders:?}"
    );
    folders.remove(0)
}

/// Makes every backup look an hour older, so the next change takes a new one.
fn age_backups(cli: &Cli) {
    for entry in std::fs::read_dir(backup_folder(cli)).unwrap() {
        let file = std::fs::File::options()
            .write(true)
            .open(entry.unwrap().path())
            .unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }
}

fn titles(cli: &Cli) -> Vec<String> {
    cli.json(&[])
        .iter()
        .map(|deal| deal["title"].as_str().unwrap().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[test]
fn backups_are_kept_in_the_data_folder_listed_and_brought_back_and_a_restore_is_undone() {
    let cli = Cli::new();
    let none = cli.ok(&["backups"]);
    assert!(none.contains(opening(t().team.backups_none)), "{none}");
    cli.ok(&["add", "First"]);
    cli.ok(&["add", "Second"]);
    age_backups(&cli);
    cli.ok(&["add", "Third"]);

    // Nothing but the board (and its lock) in the board's folder.
    let beside: Vec<String> = std::fs::read_dir(cli.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".bak"))
        .collect();
    assert!(beside.is_empty(), "backups beside the board: {beside:?}");
    let folder = backup_folder(&cli);
    assert!(folder.join("board.ron.bak.1").is_file());
    assert!(folder.join("board.ron.bak.2").is_file());

    let listed = cli.ok(&["backups"]);
    let one_deal = t().count(&t().board.deal_count, 1);
    let two_deals = t().count(&t().board.deal_count, 2);
    assert!(listed.contains(&folder.display().to_string()), "{listed}");
    let lines: Vec<&str> = listed.lines().collect();
    assert!(lines[1].trim_start().starts_with("1. ") && lines[1].contains(&two_deals));
    assert!(lines[2].trim_start().starts_with("2. ") && lines[2].contains(&one_deal));

    let said = cli.ok(&["restore", "2"]);
    assert!(said.contains(opening(t().team.restored)), "{said}");
    assert_eq!(titles(&cli), ["First"]);
    // The board as it was is now backup 1: restoring it undoes the restore.
    cli.ok(&["restore", "1"]);
    assert_eq!(titles(&cli), ["First", "Second", "Third"]);
}

#[test]
fn a_broken_board_is_brought_back_from_a_backup_and_kept_itself() {
    let cli = Cli::new();
    cli.ok(&["add", "Kept"]);
    cli.ok(&["add", "Also kept"]);
    std::fs::write(cli.board(), "Board( broken").unwrap();
    let check = cli.run(&["check"]);
    assert_eq!(check.code, Some(1));
    // The load error points at the backup where it is now.
    assert!(
        check
            .stderr
            .contains(&backup_folder(&cli).display().to_string()),
        "{}",
        check.stderr
    );
    cli.ok(&["restore", "1"]);
    assert_eq!(titles(&cli), ["Kept"]);
    let broken = std::fs::read_to_string(backup_folder(&cli).join("board.ron.bak.1")).unwrap();
    assert_eq!(broken, "Board( broken", "the broken file is kept, not lost");
}

#[test]
fn a_missing_or_unreadable_backup_changes_nothing_and_says_so() {
    let cli = Cli::new();
    cli.ok(&["add", "Only"]);
    cli.ok(&["add", "Also"]);
    let before = cli.file();
    let missing = cli.run(&["restore", "3"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing.stderr.contains(words_of(t().team.no_such_backup)),
        "{}",
        missing.stderr
    );
    std::fs::write(backup_folder(&cli).join("board.ron.bak.1"), "not a board").unwrap();
    let unreadable = cli.run(&["restore", "1"]);
    assert_eq!(unreadable.code, Some(1));
    assert!(
        unreadable
            .stderr
            .contains(words_of(t().team.backup_cannot_be_read)),
        "{}",
        unreadable.stderr
    );
    assert_eq!(cli.file(), before);
    let listed = cli.ok(&["backups"]);
    assert!(
        listed.contains(words_of(t().team.backup_unreadable)),
        "{listed}"
    );
}
