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
    let mut from_cli = json(&cli, &[]);
    // The files read are the command's own; the figures are the same.
    let boards = from_cli.as_object_mut().unwrap().remove("boards").unwrap();
    let questions = from_cli
        .as_object_mut()
        .unwrap()
        .remove("questions")
        .unwrap();
    assert!(questions.is_array(), "{questions}");
    assert_eq!(
        boards,
        json!([{"path": cli.board(), "deals": 5, "error": null}])
    );
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

/// A team folder: three copies of the November board (each figure above, three times). Anna's
/// as it is (deals of anna and boris); Boris Petrov's with no owner on any deal and a stage only
/// his board has, "Pilot"; Carla's with no owner anywhere, board or deal, so the file's name
/// stands for it. And a file that cannot be read.
fn team_cli() -> (Cli, std::path::PathBuf) {
    use dealboard::model::{Phase, Stage, StageId};
    let cli = Cli::new();
    let folder = cli.dir.path().join("team");
    std::fs::create_dir(&folder).unwrap();
    let anna = support::november::board();
    let unowned = |owner: &str| {
        let mut board = support::november::board();
        board.owner = owner.into();
        for deal in board.deals.iter_mut() {
            std::sync::Arc::make_mut(deal).owner.clear();
        }
        board
    };
    let mut boris = unowned("Boris Petrov");
    boris.stages.insert(
        1,
        Stage {
            id: StageId("pilot".into()),
            name: "Pilot".into(),
            probability: 15,
            rot_days: 14,
            phase: Phase::PreSale,
            checklist: Vec::new(),
        },
    );
    for (name, board) in [("anna", anna), ("boris", boris), ("carla", unowned(""))] {
        let path = folder.join(format!("{name}.ron"));
        dealboard::store::Store::create(&path, &board).unwrap();
    }
    std::fs::write(folder.join("broken.ron"), "(version: 3, deals: [").unwrap();
    (cli, folder)
}

#[test]
fn a_team_folder_is_one_report_with_each_deal_owned_as_in_the_review() {
    let (cli, folder) = team_cli();
    let folder = folder.display().to_string();
    let s = json(&cli, &[&folder]);
    // Open D3 and D5 ($2,000 + $3,000), won D1 ($10,000), lost D2 (€5,000) on each board.
    assert_eq!(s["open_count"], 6);
    assert_eq!(s["open_value"], json!({"USD": "15000.00"}));
    assert_eq!(s["won_count"], 3);
    assert_eq!(s["won_value"], json!({"USD": "30000.00"}));
    assert_eq!(s["lost_count"], 3);
    assert_eq!(s["lost_value"], json!({"EUR": "15000.00"}));
    assert_eq!(s["win_rate"], 0.5);
    let stages: Vec<&str> = s["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(stages.len(), 11, "{stages:?}");
    assert_eq!(
        stages[1], "Pilot",
        "a stage one board has, after the one it follows"
    );
    let mut owners: Vec<&str> = s["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    owners.sort_unstable();
    assert_eq!(owners, ["Boris Petrov", "anna", "boris", "carla"]);
    let boards = s["boards"].as_array().unwrap();
    let named: Vec<(&str, &Value, bool)> = boards
        .iter()
        .map(|b| {
            let path = b["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap();
            (name, &b["deals"], b["error"].is_string())
        })
        .collect();
    assert_eq!(
        named,
        [
            ("anna.ron", &json!(5), false),
            ("boris.ron", &json!(5), false),
            ("broken.ron", &Value::Null, true),
            ("carla.ron", &json!(5), false),
        ]
    );
    // Each person's own figures, whoever's board their deals are on.
    for (owner, open) in [("carla", 2), ("Boris Petrov", 2), ("boris", 1)] {
        assert_eq!(
            json(&cli, &[&folder, "--owner", owner])["open_count"],
            open,
            "{owner}"
        );
    }
}

#[test]
fn a_team_table_names_its_boards_and_what_was_left_out() {
    let (cli, folder) = team_cli();
    let folder = folder.display().to_string();
    let mut args = vec!["stats", folder.as_str()];
    args.extend(NOVEMBER);
    let out = cli.ok(&args);
    let five = t().count(&t().board.deal_count, 5);
    let board = |name: &str| fill(t().cli.stats_board, &[("board", &name), ("deals", &five)]);
    let boards = [board("anna"), board("boris"), board("carla")].join(", ");
    assert!(
        out.starts_with(&fill(t().cli.stats_boards, &[("boards", &boards)])),
        "{out}"
    );
    let left_out = t().cli.stats_not_read.split("{problem}").next().unwrap();
    assert!(out.contains(&format!(
        "{left_out}{}",
        cli.dir.path().join("team/broken.ron").display()
    )));
    // One board: the report as before, without the list.
    let one = cli.ok(&["stats", "--from", "2026-11-01", "--to", "2026-11-30"]);
    assert!(!one.contains(&fill(t().cli.stats_boards, &[("boards", &"")])));
    // Nothing readable: refused, saying why.
    let broken = cli.dir.path().join("team/broken.ron").display().to_string();
    let run = cli.run(&["stats", &broken]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("broken.ron"), "{}", run.stderr);
}

#[test]
fn by_owner_is_a_row_per_person_over_the_team_ranked_by_weighted_pipeline() {
    let (cli, folder) = team_cli();
    let folder = folder.display().to_string();
    let s = json(&cli, &[&folder, "--by", "owner"]);
    let people = s["people"].as_array().unwrap();
    let rows: Vec<(&str, &Value, &Value, &Value, &Value)> = people
        .iter()
        .map(|p| {
            let name = p["name"].as_str().unwrap();
            (
                name,
                &p["open_count"],
                &p["weighted_value"],
                &p["won_count"],
                &p["win_rate"],
            )
        })
        .collect();
    // Boris Petrov's and Carla's boards each hold D3 and D5 ($2,000 and $3,000 in Lead, 10%):
    // $500 weighted; boris has D5 on Anna's board, anna D3. Ties go by open deals, then name.
    assert_eq!(
        rows,
        [
            (
                "Boris Petrov",
                &json!(2),
                &json!({"USD": "500.00"}),
                &json!(1),
                &json!(0.5)
            ),
            (
                "carla",
                &json!(2),
                &json!({"USD": "500.00"}),
                &json!(1),
                &json!(0.5)
            ),
            (
                "boris",
                &json!(1),
                &json!({"USD": "300.00"}),
                &json!(0),
                &Value::Null
            ),
            (
                "anna",
                &json!(1),
                &json!({"USD": "200.00"}),
                &json!(1),
                &json!(0.5)
            ),
        ]
    );
    assert_eq!(people[3]["median_cycle_days"], 31.0, "D1: Oct 20 to Nov 20");
    assert_eq!(people[3]["lost_value"], json!({"EUR": "5000.00"}));
    let one = json(&cli, &[&folder, "--by", "owner", "--owner", "CARLA"]);
    assert_eq!(one["people"].as_array().unwrap().len(), 1);
    assert!(
        json(&cli, &[&folder]).get("people").is_none(),
        "only when asked"
    );
    // The table: a row per person under the report's heading, people in the same order.
    let mut args = vec!["stats", folder.as_str(), "--by", "owner"];
    args.extend(NOVEMBER);
    let table = cli.ok(&args);
    let header = table
        .lines()
        .find(|l| l.starts_with(t().cli.col_person))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(header.contains(t().cli.col_weighted), "{header}");
    let order: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with(t().cli.col_person))
        .skip(1)
        .filter_map(|l| {
            ["Boris Petrov", "carla", "boris", "anna"]
                .into_iter()
                .find(|n| l.starts_with(n))
        })
        .collect();
    assert_eq!(order, ["Boris Petrov", "carla", "boris", "anna"]);
}

#[test]
fn an_owner_nobody_is_called_is_refused_by_stats_and_review_alike_without_blank_names() {
    let (cli, folder) = team_cli();
    let folder = folder.display().to_string();
    let owners = ["anna", "boris", "Boris Petrov", "carla"]
        .map(dealboard::text::quote)
        .join(", ");
    let said = fill(
        t().cli.no_such_owner,
        &[
            ("owner", &dealboard::text::Quoted("zed")),
            ("owners", &owners),
        ],
    );
    for command in ["stats", "review"] {
        let run = cli.run(&[command, &folder, "--owner", "zed"]);
        assert_eq!(run.code, Some(1), "{command}");
        assert!(run.stderr.contains(&said), "{command}: {}", run.stderr);
    }
}

/// The team folder above with Carla's open and won deals in euros (D3 €2,000 and D5 €3,000,
/// 10% weighted: €500; won D1 €10,000), and the team's rates in its team.ron: 1 EUR = 1.10 USD.
fn team_with_rates() -> (Cli, String) {
    let (cli, folder) = team_cli();
    let carla = folder.join("carla.ron");
    let (mut store, mut board) = dealboard::store::Store::open(&carla).unwrap();
    for deal in board.deals.iter_mut() {
        let deal = std::sync::Arc::make_mut(deal);
        if deal.status != dealboard::model::Status::Open {
            if let dealboard::model::Status::Won { .. } = deal.status {
                deal.value.currency = dealboard::model::Currency::EUR;
            }
        } else {
            deal.value.currency = dealboard::model::Currency::EUR;
        }
    }
    store.lock().unwrap();
    store.save(&board).unwrap();
    let folder = folder.display().to_string();
    let said = cli.ok(&[
        "rates", "set", "EUR", "1.10", "--to", "USD", "--team", &folder,
    ]);
    assert!(said.starts_with("1 EUR = 1.1 USD\n"), "{said}");
    assert!(
        said.contains(&fill(
            t().rates.kept_in_team,
            &[("path", &format!("{folder}/team.ron"))]
        )),
        "{said}"
    );
    (cli, folder)
}

#[test]
fn with_the_teams_rates_every_total_has_a_converted_figure_and_people_rank_by_it() {
    let (cli, folder) = team_with_rates();
    let s = json(&cli, &[&folder]);
    assert_eq!(s["rates"]["currency"], "USD");
    assert_eq!(s["rates"]["rates"], json!({"EUR": "1.1"}));
    // The money maps keep their meaning; `converted` stands beside them.
    assert_eq!(
        s["open_value"],
        json!({"EUR": "5000.00", "USD": "10000.00"})
    );
    let converted = &s["converted"];
    // $10,000 + €5,000 × 1.10 = $15,500; weighted $1,000 + €500 × 1.10 = $1,550.
    assert_eq!(converted["open_value"], "15500.00");
    assert_eq!(converted["weighted_value"], "1550.00");
    // Won $20,000 + €10,000 × 1.10 = $31,000; lost €15,000 × 1.10 = $16,500.
    assert_eq!(converted["won_value"], "31000.00");
    assert_eq!(converted["lost_value"], "16500.00");
    // The average won deal: $31,000 over the 3 deals won, not the averages per currency added.
    assert_eq!(converted["average_won"], "10333.33");
    assert!(s["stages"][0]["converted"]["entered_value"].is_string());
    assert_eq!(s["lost_reasons"][0]["converted"]["value"], "16500.00");
    // Carla's €500 weighted is $550: now first, ahead of Boris Petrov's $500.
    let people = json(&cli, &[&folder, "--by", "owner"]);
    let people = people["people"].as_array().unwrap();
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["carla", "Boris Petrov", "boris", "anna"]);
    assert_eq!(people[0]["converted"]["weighted_value"], "550.00");
    assert!(people[0]["converted"]["closing_this_month_value"].is_string());
    // The table says what it converted with, and each mixed total's figure.
    let mut args = vec!["stats", folder.as_str()];
    args.extend(NOVEMBER);
    let table = cli.ok(&args);
    let before_date = t().rates.converted_in.split("{date}").next().unwrap();
    let converted_in = fill(before_date, &[("currency", &"USD")]);
    assert!(
        table.lines().any(|l| l.starts_with(&converted_in)),
        "{table}"
    );
    assert!(
        table.contains(&fill(t().rates.approx, &[("amount", &"$15.5k")])),
        "{table}"
    );
    // Without a rate for euros, nothing is guessed: the figure says what it leaves out.
    cli.ok(&["rates", "set", "GBP", "1.27", "--team", &folder]);
    cli.ok(&["rates", "clear", "EUR", "--team", &folder]);
    let s = json(&cli, &[&folder]);
    assert_eq!(s["converted"]["open_value"], Value::Null);
    assert_eq!(s["converted"]["lost_value"], Value::Null);
    assert_eq!(s["converted"]["average_won"], Value::Null);
    // The table gives what can be converted, and says what it leaves out: the average of
    // $20,000 over the 2 deals won in dollars.
    let mut args = vec!["stats", folder.as_str()];
    args.extend(NOVEMBER);
    let table = cli.ok(&args);
    let converted = dealboard::model::Converted {
        amount: dealboard::model::Money::parse_with_currency(
            "10000 USD",
            dealboard::model::Currency::EUR,
        )
        .unwrap(),
        missing: vec![dealboard::model::Currency::EUR],
    };
    let lines: Vec<&str> = table.lines().collect();
    let average = lines
        .iter()
        .position(|l| l.starts_with(t().report_screen.average_won))
        .unwrap();
    let under = lines[average + 1].trim();
    assert_eq!(under, dealboard::text::rates::approx(&converted), "{table}");
    let listed = cli.ok(&["rates", "list", "--team", &folder]);
    let two = t().count(&t().rates.open_deals, 2);
    assert!(
        listed.contains(&fill(
            t().rates.missing,
            &[("currency", &"EUR"), ("deals", &two), ("to", &"USD")]
        )),
        "{listed}"
    );
    // Cleared altogether: the report is as it was before rates.
    cli.ok(&["rates", "clear", "--team", &folder]);
    let s = json(&cli, &[&folder]);
    assert!(
        s.get("converted").is_none() && s.get("rates").is_none(),
        "{s}"
    );
    let again = cli.ok(&["rates", "clear", "--team", &folder]);
    assert!(again.starts_with(t().rates.nothing_to_clear), "{again}");
    // The last rate cleared is no rates at all, not a report currency converting nothing.
    cli.ok(&[
        "rates", "set", "EUR", "1.1", "--to", "USD", "--team", &folder,
    ]);
    cli.ok(&["rates", "clear", "EUR", "--team", &folder]);
    assert!(json(&cli, &[&folder]).get("rates").is_none());
}

#[test]
fn rates_are_kept_in_the_board_and_mistakes_in_them_are_refused_or_placed() {
    let cli = november_cli();
    // No report currency yet: it must be said.
    let run = cli.run(&["rates", "set", "EUR", "1.08"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(t().rates.needs_to), "{}", run.stderr);
    for (rate, to) in [("0", "USD"), ("-1", "USD"), ("abc", "USD"), ("1", "EUR")] {
        let run = cli.run(&["rates", "set", "EUR", rate, "--to", to]);
        assert_eq!(run.code, Some(1), "{rate} {to}");
    }
    let before = cli.file();
    assert!(!String::from_utf8_lossy(&before).contains("rates:"));
    cli.ok(&["rates", "set", "eur", "1,08", "--to", "usd"]);
    let text = String::from_utf8(cli.file()).unwrap();
    assert!(text.contains("per_unit: \"1.08\""), "{text}");
    // The November board's lost €5,000 is $5,400.
    let s = json(&cli, &[]);
    assert_eq!(s["converted"]["lost_value"], "5400.00");
    // The board's JSON export carries them too.
    let export: Value = serde_json::from_str(&cli.ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(export["rates"]["currency"], "USD");
    assert_eq!(export["rates"]["rates"], json!({"EUR": "1.08"}));
    // Another report currency starts over, and says so.
    let said = cli.ok(&["rates", "set", "USD", "0.9", "--to", "EUR"]);
    assert!(
        said.contains(&fill(t().rates.currency_changed, &[("old", &"USD")])),
        "{said}"
    );
    // A rate broken by hand is reported at its line, and the file left as it is.
    let text = String::from_utf8(cli.file()).unwrap();
    let broken = text.replace("per_unit: \"0.9\"", "per_unit: \"nine\"");
    std::fs::write(cli.board(), &broken).unwrap();
    let run = cli.run(&["check"]);
    assert_eq!(run.code, Some(1));
    let line = broken.lines().position(|l| l.contains("nine")).unwrap() + 1;
    assert!(run.stderr.contains(&format!(":{line}:")), "{}", run.stderr);
    let why = t().errors.bad_rate_in_file.split("{text}").nth(1).unwrap();
    assert!(run.stderr.contains(why), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(cli.board()).unwrap(), broken);
}
