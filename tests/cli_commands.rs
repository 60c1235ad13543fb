//! The rest of the command line, as the real binary: show, edit, delete, export, init and
//! completions. Output, exit codes, and what reaches the file.

mod support;

use dealboard::text::{date_long, fill, t};
use serde_json::Value;
use support::cli::Cli;

/// A board with three deals: one plain, one with every field, one lost.
fn three_deals() -> Cli {
    let cli = Cli::new();
    cli.ok(&["add", "Plain"]);
    cli.ok(&[
        "add",
        "CRM rollout, 40 seats",
        "--stage",
        "negotiation",
        "--company",
        "ООО «Ромашка»",
        "--value",
        "12 000,50 EUR",
        "--cost",
        "4000",
        "--next",
        "Send contract",
        "--due",
        "2026-12-01",
        "--tag",
        "pilot",
        "--notes",
        "Two lines\nof notes",
        "--referred-by",
        "#1",
    ]);
    cli.ok(&["add", "Gone"]);
    cli.ok(&["lost", "3", "--reason", "No budget"]);
    cli
}

#[test]
fn show_prints_one_deal_as_a_block_json_or_csv() {
    let cli = three_deals();
    let block = cli.ok(&["show", "2"]);
    assert!(block.starts_with("#2 CRM rollout, 40 seats\n"), "{block}");
    for expected in [
        "Stage           Negotiation · open",
        "Company         ООО «Ромашка»",
        "Lead source     by #1 Plain",
        "Value           €12,000.50",
        "Cost            €4,000 · margin €8,000.50 (67%)",
        "Exit criteria of Negotiation: 0/2 done",
        "  [ ] Objections answered",
        "History",
    ] {
        assert!(block.contains(expected), "missing {expected:?} in\n{block}");
    }
    assert!(block.contains("  Two lines\n  of notes\n"), "{block}");
    let json: Value = serde_json::from_str(&cli.ok(&["show", "2", "--format", "json"])).unwrap();
    assert_eq!(json["value"], "12000.50");
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["referred_by"], "#1");
    assert_eq!(json["history"][0]["stage"], "Negotiation");
    let csv = cli.ok(&["show", "3", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("id,title,company"));
    assert!(lines.next().unwrap().contains(",lost,No budget,"));
    let missing = cli.run(&["show", "9"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing
            .stderr
            .contains(&fill(t().errors.no_deal, &[("id", &9)]))
    );
}

#[test]
fn edit_changes_only_the_fields_given_and_an_empty_value_clears() {
    let cli = three_deals();
    let before = cli.json(&["--stage", "negotiation"])[0].clone();
    assert_eq!(
        cli.ok(&["edit", "2", "--value", "15000", "--company", ""]),
        "Saved deal 2 “CRM rollout, 40 seats”.\n"
    );
    let after = cli.json(&["--stage", "negotiation"])[0].clone();
    assert_eq!(after["value"], "15000.00");
    assert_eq!(after["currency"], "EUR", "the deal's currency stays");
    assert_eq!(after["company"], "");
    assert_eq!(after["next_action"], before["next_action"]);
    assert_eq!(after["notes"], before["notes"]);
    assert_eq!(
        cli.ok(&["edit", "2", "--value", "15000"]),
        "Deal 2 “CRM rollout, 40 seats” already has those values; nothing changed.\n"
    );
    let file = cli.file();
    let bad = cli.run(&["edit", "2", "--value", "lots", "--due", "someday"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("--value"), "{}", bad.stderr);
    assert!(bad.stderr.contains("--due"), "{}", bad.stderr);
    assert_eq!(cli.file(), file, "a refused edit changes nothing");
    let nothing = cli.run(&["edit", "2"]);
    assert_eq!(nothing.code, Some(2));
    assert!(nothing.stderr.contains(support::opening_of(
        dealboard::text::t().cli.edit_nothing,
        ","
    )));
    let missing = cli.run(&["edit", "9", "--value", "1"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing
            .stderr
            .contains(&fill(t().errors.no_deal, &[("id", &9)]))
    );
}

#[test]
fn delete_removes_a_deal_and_its_referrals_keep_the_name() {
    let cli = three_deals();
    assert_eq!(cli.ok(&["delete", "1"]), "Deleted deal 1 “Plain”.\n");
    let json: Value = serde_json::from_str(&cli.ok(&["show", "2", "--format", "json"])).unwrap();
    assert_eq!(json["referred_by"], "Plain");
    let again = cli.run(&["delete", "1"]);
    assert_eq!(again.code, Some(1));
}

#[test]
fn export_writes_csv_with_every_deal_or_the_whole_board_as_json() {
    let cli = three_deals();
    let csv = cli.ok(&["export"]);
    let records = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(records, 3, "three deals:\n{csv}");
    assert!(csv.contains("\"Two lines\nof notes\""), "quoted newline");
    let out = cli.dir.path().join("deals.csv");
    let out_text = out.display().to_string();
    let written = cli.run(&["export", "--bom", "-o", &out_text]);
    assert_eq!(written.code, Some(0));
    assert_eq!(written.stdout, "");
    assert!(
        written
            .stderr
            .contains(&t().count(&t().board.deal_count, 3))
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,title"));
    let json: Value = serde_json::from_str(&cli.ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(json["format"], "dealboard");
    assert_eq!(json["stages"].as_array().unwrap().len(), 10);
    assert_eq!(json["deals"].as_array().unwrap().len(), 3);
    let board = cli.board();
    let over = cli.run(&["export", "-o", &board]);
    assert_eq!(over.code, Some(1));
    assert!(
        over.stderr
            .contains(support::opening(t().cli.export_over_board))
    );
}

#[test]
fn init_creates_a_board_or_a_demo_and_replaces_one_only_with_force() {
    let cli = Cli::new();
    let created = cli.ok(&["init"]);
    assert!(created.starts_with("Created a new board at"), "{created}");
    let file = cli.file();
    let again = cli.run(&["init", "--demo"]);
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("init --force"));
    assert_eq!(cli.file(), file, "refused: the board is untouched");
    let demo = cli.ok(&["init", "--demo", "--deals", "25", "--force"]);
    assert!(
        demo.contains(
            fill(t().cli.init_demo, &[("deals", &25)])
                .split("{path}")
                .next()
                .unwrap_or_default()
        ),
        "{demo}"
    );
    assert!(demo.contains("board.ron.before-init.1"), "{demo}");
    let backup = std::fs::read(cli.dir.path().join("board.ron.before-init.1")).unwrap();
    assert_eq!(backup, file, "the old board is kept");
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 25);
    let statuses: Vec<&str> = deals
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"open"));
    assert!(cli.ok(&["check"]).contains("OK"));
    assert_eq!(
        cli.run(&["init", "--deals", "5"]).code,
        Some(2),
        "--deals needs --demo"
    );
    assert_eq!(cli.run(&["init", "--demo", "--deals", "0"]).code, Some(2));
}

#[test]
fn init_force_keeps_even_a_broken_board() {
    let cli = Cli::new();
    std::fs::write(cli.board(), "this is not a board").unwrap();
    assert_eq!(cli.run(&["init"]).code, Some(1));
    cli.ok(&["init", "--force"]);
    let kept = std::fs::read_to_string(cli.dir.path().join("board.ron.before-init.1")).unwrap();
    assert_eq!(kept, "this is not a board");
}

#[test]
fn completions_cover_every_command() {
    let cli = Cli::new();
    let bash = cli.ok(&["completions", "bash"]);
    for command in ["show", "edit", "export", "import", "init", "completions"] {
        assert!(bash.contains(command), "{command}");
    }
    assert!(
        cli.ok(&["completions", "fish"])
            .contains("complete -c dealboard")
    );
    assert!(
        cli.ok(&["completions", "zsh"])
            .contains("#compdef dealboard")
    );
    assert_eq!(cli.run(&["completions", "tcsh"]).code, Some(2));
}

#[test]
fn list_as_csv_has_the_export_columns() {
    let cli = three_deals();
    let csv = cli.ok(&["list", "--format", "csv", "--stage", "lead"]);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[0].starts_with("id,title,"));
}

#[test]
fn every_board_init_force_replaced_is_kept() {
    let cli = Cli::new();
    cli.ok(&["add", "The first board's deal"]);
    let first = cli.file();
    for _ in 0..7 {
        cli.ok(&["init", "--demo", "--deals", "3", "--force"]);
    }
    let kept = std::fs::read(cli.dir.path().join("board.ron.before-init.1")).unwrap();
    assert_eq!(kept, first, "backups rotate; this copy does not");
    assert!(cli.dir.path().join("board.ron.before-init.7").exists());
}

#[test]
fn small_things_a_script_relies_on() {
    let cli = three_deals();
    // Ids may be written as the tool prints them.
    assert!(cli.ok(&["show", "#2"]).starts_with("#2 "));
    // Moving into a stage after the sale wins the deal, and says so.
    assert_eq!(
        cli.ok(&["move", "1", "delivery"]),
        "Moved deal 1 “Plain” from Lead to Delivery: it is won now (after the sale).\n"
    );
    let won: Value = serde_json::from_str(&cli.ok(&["show", "1", "--format", "json"])).unwrap();
    assert_eq!(won["probability"], 100, "as the weighted value counts it");
    // A loss needs a reason.
    let no_reason = cli.run(&["lost", "2", "--reason", "  "]);
    assert_eq!(no_reason.code, Some(1));
    assert!(no_reason.stderr.contains(support::opening_of(
        dealboard::text::t().cli.lost_needs_reason,
        ","
    )));
    // An empty tag clears the tags.
    cli.ok(&["edit", "2", "--tag", ""]);
    let two: Value = serde_json::from_str(&cli.ok(&["show", "2", "--format", "json"])).unwrap();
    assert_eq!(two["tags"], serde_json::json!([]));
    // A closed deal says when it closed, not how long it sat.
    let today = chrono::Local::now().date_naive();
    let closed = fill(t().detail.closed_on, &[("date", &date_long(today))]);
    assert!(cli.ok(&["show", "3"]).contains(&closed));
}

#[test]
fn export_never_writes_over_a_board_and_import_says_json_is_not_csv() {
    let cli = three_deals();
    let other = cli.dir.path().join("other.ron");
    let other_text = other.display().to_string();
    std::fs::write(&other, cli.file()).unwrap();
    let over = cli.run(&["export", "-o", &other_text]);
    assert_eq!(over.code, Some(1));
    assert!(
        over.stderr
            .contains(support::words_of(dealboard::text::t().cli.export_over_file))
    );
    let json = cli.dir.path().join("board.json");
    std::fs::write(&json, cli.ok(&["export", "--format", "json"])).unwrap();
    let wrong = cli.run(&["import", json.to_str().unwrap()]);
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong.stderr.contains("is JSON; import reads CSV"),
        "{}",
        wrong.stderr
    );
}
