//! The command line fed hostile text: arguments, CSV cells and paths holding terminal escapes,
//! C1 controls and huge strings. Nothing it prints for people may carry a raw control character
//! (one could retitle or clear the user's terminal), no message may be huge, and what is kept
//! on the board is clean.

mod support;

use support::cli::{Cli, Run};

const ESCAPES: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";

/// Stdout and stderr hold no control character but line breaks (and tabs in tables).
fn assert_terminal_safe(run: &Run, what: &str) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let raw: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
            .collect();
        assert!(raw.is_empty(), "{what}: raw {raw:?} on {name}: {text:?}");
    }
}

#[test]
fn arguments_echoed_in_errors_are_escaped_and_short() {
    let cli = Cli::new();
    assert_eq!(cli.run(&["add", "First"]).code, Some(0));
    let huge = format!("{ESCAPES}{}", "x".repeat(100_000));
    let runs = [
        ("a stage", cli.run(&["move", "1", ESCAPES])),
        ("a huge stage", cli.run(&["move", "1", &huge])),
        ("an owner", cli.run(&["stats", "--owner", ESCAPES])),
        ("a usage mistake", cli.run(&["list", "--format", ESCAPES])),
        ("a date", cli.run(&["edit", "1", "--due", ESCAPES])),
        ("an amount", cli.run(&["edit", "1", "--value", &huge])),
        ("a list stage", cli.run(&["list", "--stage", ESCAPES])),
    ];
    assert!(
        runs[0]
            .1
            .stderr
            .contains("“\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m”"),
        "the stage is quoted, escaped: {}",
        runs[0].1.stderr
    );
    for (what, run) in runs {
        assert_ne!(run.code, Some(0), "{what}");
        assert_terminal_safe(&run, what);
        assert!(
            run.stderr.len() < 2_500,
            "{what}: {} bytes",
            run.stderr.len()
        );
    }
}

#[test]
fn a_path_with_escapes_is_printed_escaped() {
    let cli = Cli::new();
    let folder = cli.dir.path().join(format!("team{ESCAPES}"));
    let board = folder.join("board.ron").display().to_string();
    let run = |args: &[&str]| support::cli::run_in(cli.dir.path(), &[], args);
    let path = run(&["--board", &board, "path"]);
    assert_eq!(path.code, Some(0));
    assert_terminal_safe(&path, "path");
    let added = run(&["--board", &board, "add", "x"]);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    assert_terminal_safe(&added, "created notice");
}

#[test]
fn typed_and_imported_text_is_kept_clean_and_listed_safely() {
    let cli = Cli::new();
    let added = cli.run(&[
        "add",
        &format!("Deal{ESCAPES}one"),
        "--notes",
        "a\r\nb\u{7}c",
    ]);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let csv = cli.dir.path().join("in.csv");
    std::fs::write(
        &csv,
        format!("Deal - ID,Deal - Title,Deal - Stage\n7,\"Imported{ESCAPES}\u{0}=cmd\",Lead\n"),
    )
    .unwrap();
    let imported = cli.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    assert_terminal_safe(&imported, "import report");
    for args in [&["list"][..], &["show", "1"], &["show", "2"], &["check"]] {
        let run = cli.run(args);
        assert_eq!(run.code, Some(0), "{args:?}");
        assert_terminal_safe(&run, &format!("{args:?}"));
    }
    let deals = cli.json(&[]);
    let titles: Vec<&str> = deals.iter().filter_map(|d| d["title"].as_str()).collect();
    assert_eq!(
        titles,
        ["Deal]0;pwned[2J31mone", "Imported]0;pwned[2J31m=cmd"]
    );
    assert_eq!(deals[0]["notes"], "a\nbc");
    let export = cli.run(&["export"]);
    assert!(
        export.stdout.contains("Imported]0;pwned[2J31m=cmd"),
        "{}",
        export.stdout
    );
}

#[test]
fn huge_text_is_refused_at_the_door_and_tables_stay_narrow_when_piped() {
    let cli = Cli::new();
    // As much as one argument can hold (the system refuses more).
    let huge = "T".repeat(100_000);
    let refused = cli.run(&["add", &huge]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains(&dealboard::text::fill(
            dealboard::text::t().errors.input_too_long,
            &[("most", &500)]
        )),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.len() < 300);
    let longest = "L".repeat(500);
    assert_eq!(cli.run(&["add", &longest]).code, Some(0));
    assert_eq!(cli.run(&["add", "Short"]).code, Some(0));
    let listed = cli.run(&["list"]);
    let widest = listed.stdout.lines().map(|l| l.chars().count()).max();
    assert!(
        widest < Some(250),
        "{widest:?}: every row padded to the longest title"
    );
    assert!(listed.stdout.contains('…'));
}

#[test]
fn dates_stay_within_the_years_a_board_keeps() {
    let cli = Cli::new();
    for due in ["-999999d", "+999999w", "31.12.1899", "10000-01-01"] {
        let run = cli.run(&["add", "x", "--due", due]);
        assert_eq!(run.code, Some(1), "{due}");
        assert!(run.stderr.contains("1900"), "{due}: {}", run.stderr);
    }
    assert_eq!(cli.run(&["add", "x", "--due", "9999-12-31"]).code, Some(0));
}
