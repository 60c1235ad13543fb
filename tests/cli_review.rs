//! `dealboard review` on the command line: what it refuses before it takes the terminal, with
//! what to do about it, and that it never touches the files it was given. The presentation
//! itself is tested in tui_review.rs and, as the real binary, in e2e_pty.rs.

mod support;

use support::cli::Cli;

#[test]
fn a_folder_without_boards_is_refused_with_a_hint() {
    let cli = Cli::new();
    let empty = tempfile::tempdir().unwrap();
    let run = cli.run(&["review", &empty.path().display().to_string()]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains(dealboard::text::t().cli.review_no_files),
        "{}",
        run.stderr
    );
}

#[test]
fn since_refuses_what_is_not_a_day_or_is_to_come() {
    let cli = Cli::new();
    cli.ok(&["add", "First"]);
    let run = cli.run(&["review", "--since", "soon"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("--since: a date such as 2026-11-20 or -2d, `yesterday`, or `last`"),
        "{}",
        run.stderr
    );
    let tomorrow = cli.run(&["review", "--since", "tomorrow"]);
    assert_eq!(tomorrow.code, Some(1));
    assert!(
        tomorrow
            .stderr
            .contains("--since: that day has not come yet"),
        "{}",
        tomorrow.stderr
    );
}

#[test]
fn when_no_board_can_be_read_each_is_named_with_its_place_and_left_as_it_is() {
    let cli = Cli::new();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("boris.ron");
    std::fs::write(&bad, "(version: 3, name: ").unwrap();
    let missing = dir.path().join("nobody.ron");
    let run = cli.run(&[
        "review",
        &bad.display().to_string(),
        &missing.display().to_string(),
    ]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("boris.ron:1:"), "{}", run.stderr);
    assert!(
        run.stderr.contains(support::opening_of(
            dealboard::text::t().errors.left_alone,
            ". "
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(support::opening(dealboard::text::t().errors.missing)),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&bad).unwrap(), b"(version: 3, name: ");
    assert!(!missing.exists(), "review creates no board");
}

#[test]
fn review_is_listed_in_help_with_its_options() {
    let cli = Cli::new();
    let help = cli.ok(&["review", "--help"]);
    for expected in [
        "--owner <NAME>",
        "--since <DATE|yesterday|last>",
        "[BOARD]...",
    ] {
        assert!(help.contains(expected), "{expected} in\n{help}");
    }
    assert!(cli.ok(&["--help"]).contains("review"));
}
