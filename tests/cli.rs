//! The command line, run as the real binary: output, exit codes, and what reaches the file.

mod support;

use dealboard::text;
use std::path::Path;

use serde_json::Value;
use support::cli::{Cli, run_in};

#[test]
fn the_board_path_comes_from_the_flag_then_the_environment_then_the_config_folder() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let default = run_in(h, &[], &["path"]);
    assert_eq!(
        default.stdout.trim(),
        h.join(".config/dealboard/board.ron").display().to_string()
    );
    let xdg = run_in(h, &[("XDG_CONFIG_HOME", "/srv/conf")], &["path"]);
    assert_eq!(xdg.stdout.trim(), "/srv/conf/dealboard/board.ron");
    let env = run_in(h, &[("DEALBOARD_BOARD", "/data/team.ron")], &["path"]);
    assert_eq!(env.stdout.trim(), "/data/team.ron");
    let flag = run_in(
        h,
        &[("DEALBOARD_BOARD", "/data/team.ron")],
        &["--board", "x.ron", "path"],
    );
    assert_eq!(flag.stdout.trim(), "x.ron");
    let after = run_in(h, &[], &["path", "--board", "y.ron"]);
    assert_eq!(
        after.stdout.trim(),
        "y.ron",
        "--board works after the command too"
    );
    assert!(!h.join(".config").exists(), "path creates nothing");
}

#[test]
fn add_creates_the_board_on_first_use_and_prints_the_new_id() {
    let cli = Cli::new();
    let first = cli.run(&[
        "add",
        "CRM rollout",
        "--company",
        "Acme",
        "--value",
        "12000",
    ]);
    assert_eq!(first.code, Some(0));
    assert_eq!(first.stdout, "1\n");
    assert!(
        first
            .stderr
            .contains(support::opening(text::t().cli.created)),
        "{}",
        first.stderr
    );
    let second = cli.run(&["add", "Second"]);
    assert_eq!(second.stdout, "2\n");
    assert!(second.stderr.is_empty());
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 2);
    assert_eq!(deals[1]["title"], "CRM rollout");
    assert_eq!(
        deals[1]["owner"], "tester",
        "the first run makes the user the board's owner"
    );
    assert_eq!(deals[1]["stage"], "Lead");
}

#[test]
fn add_takes_every_field() {
    let cli = Cli::new();
    let id = cli.ok(&[
        "add",
        "Поставка оборудования",
        "--company",
        "ООО «Ромашка»",
        "--contact",
        "Иван Петров",
        "--value",
        "12 000,50",
        "--currency",
        "rub",
        "--cost",
        "8000",
        "--probability",
        "35%",
        "--stage",
        "qualification",
        "--owner",
        "Иван",
        "--source",
        "Referral",
        "--close",
        "2026-12-31",
        "--next",
        "Call back",
        "--due",
        "2026-12-01",
        "--tag",
        "vip",
        "--tag",
        "склад",
        "--notes",
        "Met at the fair",
    ]);
    let deal = &cli.json(&[])[0];
    assert_eq!(id.trim(), deal["id"].to_string());
    assert_eq!(deal["company"], "ООО «Ромашка»");
    assert_eq!(deal["contact"], "Иван Петров");
    assert_eq!(deal["value"], "12000.50");
    assert_eq!(deal["currency"], "RUB");
    assert_eq!(deal["cost"], "8000.00");
    assert_eq!(deal["probability"], 35);
    assert_eq!(deal["stage"], "Qualification");
    assert_eq!(deal["stage_id"], "qualification");
    assert_eq!(deal["owner"], "Иван");
    assert_eq!(deal["source"], "Referral");
    assert_eq!(deal["expected_close"], "2026-12-31");
    assert_eq!(deal["next_action"], "Call back");
    assert_eq!(deal["next_action_due"], "2026-12-01");
    assert_eq!(deal["tags"], serde_json::json!(["vip", "склад"]));
    assert_eq!(deal["notes"], "Met at the fair");
    assert_eq!(deal["status"], "open");
    assert!(deal["created"].as_str().unwrap().ends_with('Z'));
    assert_eq!(deal["created"], deal["updated"]);
}

#[test]
fn money_is_read_in_the_forms_people_type() {
    let cli = Cli::new();
    for (typed, decimal, currency) in [
        ("12000", "12000.00", "USD"),
        ("12 000", "12000.00", "USD"),
        ("12,000.50", "12000.50", "USD"),
        ("12000 EUR", "12000.00", "EUR"),
    ] {
        cli.ok(&["add", &format!("Deal of {typed}"), "--value", typed]);
        let deals = cli.json(&[]);
        let deal = deals
            .iter()
            .find(|d| d["title"] == format!("Deal of {typed}"))
            .unwrap();
        assert_eq!(deal["value"], decimal, "{typed}");
        assert_eq!(deal["currency"], currency, "{typed}");
    }
}

#[test]
fn a_refused_add_says_which_flag_is_wrong_and_changes_nothing() {
    let cli = Cli::new();
    cli.ok(&["add", "First"]);
    let before = cli.file();
    let bad = cli.run(&[
        "add",
        "Bad",
        "--value",
        "a lot",
        "--due",
        "soon",
        "--probability",
        "150",
    ]);
    assert_eq!(bad.code, Some(1));
    assert!(
        bad.stderr.contains("--value: not an amount"),
        "{}",
        bad.stderr
    );
    assert!(bad.stderr.contains("--due: not a date"), "{}", bad.stderr);
    assert!(
        bad.stderr
            .contains("--probability: a whole number from 0 to 100"),
        "{}",
        bad.stderr
    );
    let negative = cli.run(&["add", "Refund", "--value=-250"]);
    assert_eq!(negative.code, Some(1));
    assert!(
        negative.stderr.contains("--value: must not be below zero"),
        "{}",
        negative.stderr
    );
    let empty = cli.run(&["add", "   "]);
    assert_eq!(empty.code, Some(1));
    assert!(
        empty
            .stderr
            .contains(dealboard::text::t().errors.empty_title),
        "{}",
        empty.stderr
    );
    let stage = cli.run(&["add", "X", "--stage", "Closing"]);
    assert_eq!(stage.code, Some(1));
    assert!(stage.stderr.contains(&text::fill(
        text::t().errors.no_stage,
        &[("name", &"Closing")]
    )));
    assert_eq!(cli.file(), before);
}

#[test]
fn move_takes_a_stage_name_in_any_case_or_a_number_and_records_history() {
    let cli = Cli::new();
    cli.ok(&["add", "Deal"]);
    let moved = cli.ok(&["move", "1", "proposal SENT"]);
    let said = text::fill(
        text::t().cli.moved,
        &[
            ("id", &1),
            ("title", &"Deal"),
            ("from", &"Lead"),
            ("to", &"Proposal sent"),
        ],
    );
    assert_eq!(moved, format!("{said}\n"));
    cli.ok(&["move", "1", "2"]);
    assert_eq!(cli.json(&[])[0]["stage"], "Qualification");
    let text = String::from_utf8(cli.file()).unwrap();
    let history = &text[text.find("history:").unwrap()..];
    let stages: Vec<&str> = ["\"lead\"", "\"proposal-sent\"", "\"qualification\""]
        .into_iter()
        .filter(|s| history.contains(s))
        .collect();
    assert_eq!(stages.len(), 3, "{history}");
}

#[test]
fn move_refuses_unknown_ids_and_stages_without_touching_the_file() {
    let cli = Cli::new();
    cli.ok(&["add", "Deal"]);
    let before = cli.file();
    let no_deal = cli.run(&["move", "7", "2"]);
    assert_eq!(no_deal.code, Some(1));
    assert!(
        no_deal
            .stderr
            .contains(&text::fill(text::t().errors.no_deal, &[("id", &7)])),
        "{}",
        no_deal.stderr
    );
    let no_stage = cli.run(&["move", "1", "Closing"]);
    assert_eq!(no_stage.code, Some(1));
    assert!(
        no_stage.stderr.contains(
            text::t()
                .errors
                .stage_list
                .split("{stages}")
                .next()
                .unwrap_or_default()
        )
    );
    let out_of_range = cli.run(&["move", "1", "11"]);
    assert_eq!(out_of_range.code, Some(1));
    let same = cli.run(&["move", "1", "lead"]);
    assert_eq!(same.code, Some(0), "already there counts as done");
    assert!(
        same.stderr.contains(&text::fill(
            text::t().cli.already_there,
            &[("id", &1), ("title", &"Deal"), ("stage", &"Lead")]
        )),
        "{}",
        same.stderr
    );
    assert_eq!(cli.file(), before);
}

#[test]
fn usage_errors_exit_2_and_say_how_to_get_help() {
    let cli = Cli::new();
    for args in [
        vec!["move"],
        vec!["move", "one", "Lead"],
        vec!["frobnicate"],
        vec!["list", "--format", "xml"],
        vec!["add"],
        vec!["--nonsense"],
    ] {
        let run = cli.run(&args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(run.stderr.contains("--help"), "{args:?}: {}", run.stderr);
    }
    assert!(
        !Path::new(&cli.board()).exists(),
        "usage errors create nothing"
    );
}

#[test]
fn list_filters_by_stage_and_owner_and_orders_by_board() {
    let cli = Cli::new();
    cli.ok(&["add", "A", "--stage", "negotiation", "--owner", "anna"]);
    cli.ok(&["add", "B", "--owner", "boris"]);
    cli.ok(&["add", "C", "--stage", "Negotiation", "--owner", "Anna"]);
    let titles = |deals: Vec<Value>| -> Vec<String> {
        deals
            .iter()
            .map(|d| d["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(cli.json(&[])), ["B", "C", "A"]);
    assert_eq!(titles(cli.json(&["--stage", "5"])), ["C", "A"]);
    assert_eq!(titles(cli.json(&["--owner", "ANNA"])), ["C", "A"]);
    assert_eq!(
        titles(cli.json(&["--stage", "lead", "--owner", "anna"])),
        Vec::<String>::new()
    );
}

#[test]
fn list_as_a_table_aligns_money_and_measures_wide_text() {
    let cli = Cli::new();
    cli.ok(&[
        "add",
        "株式会社テスト",
        "--value",
        "5000000",
        "--currency",
        "JPY",
    ]);
    cli.ok(&["add", "Small", "--value", "12.5"]);
    let table = cli.ok(&["list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("ID  TITLE"), "{table}");
    let value_end = |line: &str, value: &str| {
        dealboard::display_width::width(&line[..line.find(value).unwrap() + value.len()])
    };
    assert_eq!(
        value_end(lines[1], "$12.50"),
        value_end(lines[2], "¥5,000,000"),
        "{table}"
    );
    let empty = Cli::new();
    assert_eq!(empty.ok(&["list"]), "No deals.\n");
    assert!(
        !Path::new(&empty.board()).exists(),
        "listing creates no file"
    );
}

#[test]
fn check_says_ok_for_a_sound_board_and_explains_a_missing_one() {
    let cli = Cli::new();
    let missing = cli.run(&["check"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing
            .stderr
            .contains(support::opening(text::t().errors.missing)),
        "{}",
        missing.stderr
    );
    cli.ok(&["add", "Deal"]);
    let ok = cli.ok(&["check"]);
    assert!(ok.ends_with("OK. 10 stages, 1 deal (1 open).\n"), "{ok}");
}

#[test]
fn a_failing_command_on_a_new_board_creates_no_file() {
    let cli = Cli::new();
    for args in [
        vec!["add", "  "],
        vec!["add", "X", "--value", "lots"],
        vec!["move", "3", "2"],
    ] {
        assert_eq!(cli.run(&args).code, Some(1), "{args:?}");
        assert!(
            !Path::new(&cli.board()).exists(),
            "{args:?} created the board"
        );
    }
    let list = cli.run(&["list"]);
    assert_eq!(list.code, Some(0));
    assert!(
        list.stderr
            .contains(support::opening(text::t().cli.no_board_yet)),
        "{}",
        list.stderr
    );
    assert!(!Path::new(&cli.board()).exists());
}

#[test]
fn a_change_is_refused_while_the_board_is_open_in_dealboard() {
    let cli = Cli::new();
    cli.ok(&["add", "First"]);
    let before = cli.file();
    // An editing dealboard holds the board's lock, as the app does while it runs.
    let (mut open, _) = dealboard::store::Store::open(Path::new(&cli.board())).unwrap();
    open.lock().unwrap();
    for args in [vec!["add", "Second"], vec!["move", "1", "2"]] {
        let run = cli.run(&args);
        assert_eq!(run.code, Some(1), "{args:?}");
        assert!(
            run.stderr
                .contains(support::words_of(dealboard::text::t().errors.locked_by_app)),
            "{}",
            run.stderr
        );
    }
    assert_eq!(
        cli.ok(&["list", "--format", "json"])
            .matches("\"id\"")
            .count(),
        1,
        "reading works"
    );
    assert_eq!(cli.file(), before);
    drop(open);
    cli.ok(&["add", "Second"]);
}

#[test]
fn won_lost_and_reopen_from_the_command_line() {
    let cli = Cli::new();
    cli.ok(&["add", "Deal", "--stage", "negotiation"]);
    cli.ok(&["add", "Other"]);
    assert_eq!(
        cli.ok(&["won", "1"]),
        "Won deal 1 “Deal”; it is in Delivery.\n"
    );
    let deal = &cli.json(&["--stage", "delivery"])[0];
    assert_eq!(deal["status"], "won");
    assert!(deal["closed"].as_str().unwrap().ends_with('Z'));
    let again = cli.run(&["won", "1"]);
    assert_eq!(again.code, Some(1));
    assert!(
        again.stderr.contains(text::t().errors.already_closed),
        "{}",
        again.stderr
    );
    assert_eq!(
        cli.ok(&["lost", "2", "--reason", "No budget"]),
        "Lost deal 2 “Other”: No budget.\n"
    );
    let lost = cli.json(&["--stage", "lead"]);
    assert_eq!(lost[0]["lost_reason"], "No budget");
    assert_eq!(
        cli.ok(&["reopen", "1"]),
        "Reopened deal 1 “Deal” in Negotiation.\n"
    );
    let usage = cli.run(&["lost", "2"]);
    assert_eq!(usage.code, Some(2), "the reason is required");
    let missing = cli.run(&["won", "9"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing
            .stderr
            .contains(&text::fill(text::t().errors.no_deal, &[("id", &9)]))
    );
}

#[test]
fn a_move_over_stages_records_what_it_skipped() {
    let cli = Cli::new();
    cli.ok(&["add", "Deal"]);
    cli.ok(&["move", "1", "negotiation"]);
    let text = String::from_utf8(cli.file()).unwrap();
    assert!(text.contains("jumped: ["), "{text}");
    assert!(text.contains("\"proposal-sent\""));
    assert!(text.contains("skipped: ["));
    assert!(text.contains("\"Contact person identified\""));
}
