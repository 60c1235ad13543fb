//! `dealboard stats`, as the real binary, on the November board whose figures
//! tests/analytics.rs works out by hand: the JSON contract, the tables, and the same numbers as
//! the reports screen (both come from `Stats`).

mod support;

use chrono::NaiveDate;
use dealboard::report::analytics::Period;
use dealboard::text::reports::period;
use dealboard::text::{fill, t};
use serde_json::{Value, json};
use support::cli::Cli;

fn november_cli() -> Cli {
    let cli = Cli::new();
    let board = support::november::board();
    dealboard::store::Store::create(std::path::Path::new(&cli.board()), &board).unwrap();
    cli
}

const NOVEMBER: [&str; 4] = ["--from", "2026-11-01", "--to", "2026-11-30"];

fn json(cli: &Cli, extra: &[&str]) -> Value {
    let mut args = vec!["stats", "--format", "json"];
    args.extend(NOVEMBER);
    args.extend(extra);
    serde_json::from_str(&cli.ok(&args)).unwrap()
}

#[test]
fn the_json_has_the_promised_keys_and_the_hand_worked_figures() {
    let cli = november_cli();
    let s = json(&cli, &[]);
    assert_eq!(s["open_count"], 2);
    assert_eq!(s["open_value"], json!({"USD": "5000.00"}));
    assert_eq!(s["weighted_value"], json!({"USD": "500.00"}));
    assert_eq!(s["won_count"], 1);
    assert_eq!(s["won_value"], json!({"USD": "10000.00"}));
    assert_eq!(s["lost_count"], 1);
    assert_eq!(s["win_rate"], 0.5);
    let stages = s["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 10);
    assert_eq!(stages[4]["name"], "Negotiation");
    assert_eq!(stages[4]["entered"], 2);
    assert_eq!(stages[4]["conversion"], 0.5);
    assert_eq!(stages[4]["median_days"], 6.5);
    assert_eq!(stages[9]["conversion"], Value::Null, "the last stage");
    assert_eq!(stages[4]["lost"], 1, "where deals are lost");
    assert_eq!(stages[4]["lost_value"], json!({"EUR": "5000.00"}));
    assert_eq!(
        s["lost_reasons"][0],
        json!({"reason": "Price too high", "count": 1, "value": {"EUR": "5000.00"}})
    );
    assert_eq!(s["sources"][0]["name"], "Referral");
    assert_eq!(s["slowest_stage"], "Negotiation");
    assert!(s.get("previous").is_none());
}

#[test]
fn the_same_numbers_as_the_reports_screen() {
    use dealboard::interchange::StatsJson;
    use dealboard::report::analytics::Stats;
    let cli = november_cli();
    let from_cli = json(&cli, &[]);
    let period = Period {
        from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
    };
    let now = chrono::Local::now().fixed_offset();
    let board = dealboard::store::Store::open(std::path::Path::new(&cli.board()))
        .unwrap()
        .1;
    let from_app =
        serde_json::to_value(StatsJson::new(&Stats::of(&board, period, None, now), None)).unwrap();
    assert_eq!(from_cli, from_app);
}

#[test]
fn tables_an_owner_and_a_comparison_with_the_period_before() {
    let cli = november_cli();
    let mut args = vec!["stats"];
    args.extend(NOVEMBER);
    let text = cli.ok(&args);
    let r = &t().reports;
    let november = Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 1),
        to: NaiveDate::from_ymd_opt(2026, 11, 30),
    };
    let heading = format!("{} · {} · {}\n", r.title, period(&november), r.everyone);
    assert!(text.starts_with(&heading), "{text}");
    let slowest = fill(r.slowest, &[("stage", &"Negotiation"), ("days", &"6.5")]);
    assert!(text.contains(&slowest), "{text}");
    assert!(text.contains("Price too high"));
    assert!(text.contains("Lead source recorded (1)"));
    let boris = json(&cli, &["--owner", "Boris"]);
    assert_eq!(
        (boris["open_count"].clone(), boris["owner"].clone()),
        (json!(1), json!("Boris"))
    );
    let compared = json(&cli, &["--compare"]);
    assert_eq!(
        compared["previous"]["period"],
        json!({"from": "2026-10-02", "to": "2026-10-31"})
    );
    assert_eq!(
        compared["previous"]["lost_count"], 1,
        "D4, lost on October 10"
    );
    args.push("--compare");
    let october = Period {
        from: NaiveDate::from_ymd_opt(2026, 10, 2),
        to: NaiveDate::from_ymd_opt(2026, 10, 31),
    };
    let compared = fill(t().cli.compared_with, &[("period", &period(&october))]);
    assert!(cli.ok(&args).contains(&compared));
}

#[test]
fn mistakes_in_the_period_are_explained() {
    let cli = november_cli();
    let backwards = cli.run(&["stats", "--from", "2026-11-30", "--to", "2026-11-01"]);
    assert_eq!(backwards.code, Some(1));
    assert!(backwards.stderr.contains("--from is after --to"));
    let open_start = cli.run(&["stats", "--compare"]);
    assert_eq!(open_start.code, Some(1));
    assert!(open_start.stderr.contains("--compare needs --from"));
    let bad = cli.run(&["stats", "--from", "someday"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("--from"));
    assert_eq!(cli.run(&["stats", "--format", "xml"]).code, Some(2));
    let future = cli.run(&["stats", "--from", "tomorrow"]);
    assert_eq!(future.code, Some(1));
    assert!(
        future.stderr.contains("--from: that day has not come yet"),
        "{}",
        future.stderr
    );
}

#[test]
fn an_owner_nobody_is_called_is_a_typo_not_an_empty_report() {
    let cli = november_cli();
    let typo = cli.run(&["stats", "--owner", "anan"]);
    assert_eq!(typo.code, Some(1));
    assert!(
        typo.stderr
            .contains("--owner: no deal here is owned by “anan”. Owners: anna, boris."),
        "{}",
        typo.stderr
    );
    assert!(
        cli.ok(&["stats", "--owner", "ANNA"]).contains("anna"),
        "any case"
    );
}
