//! A salesperson's day from the command line, as the real binary: `agenda`, `companies`,
//! `company`, `contacts`, `contact`, `feedback`, `note`, what `show` says of them, and the
//! records an import makes. Days are counted from the machine's today, as the command does.

mod support;

use chrono::{Days, Local};
use dealboard::text::{fill, t};
use serde_json::Value;
use support::cli::Cli;

fn in_days(n: i64) -> String {
    let today = Local::now().date_naive();
    let day = if n >= 0 {
        today + Days::new(n as u64)
    } else {
        today - Days::new(n.unsigned_abs())
    };
    day.to_string()
}

/// Acme with two deals (one won, with feedback) and Globex referred by Acme's deal.
fn day_cli() -> Cli {
    let cli = Cli::new();
    let overdue = in_days(-1);
    let later = in_days(2);
    cli.ok(&[
        "add",
        "CRM rollout",
        "--company",
        "Acme Ltd",
        "--contact",
        "Jane Doe",
        "--value",
        "12000",
        "--next",
        "Call Jane",
        "--due",
        &overdue,
    ]);
    cli.ok(&["add", "Licence", "--company", "acme ltd", "--value", "3000"]);
    cli.ok(&["won", "2"]);
    cli.ok(&[
        "add",
        "Scanners",
        "--company",
        "Globex",
        "--contact",
        "Hank",
        "--next",
        "Send the price",
        "--due",
        &later,
        "--referred-by",
        "#1",
    ]);
    cli
}

#[test]
fn agenda_lists_overdue_then_the_days_ahead_as_a_table_or_json() {
    let cli = day_cli();
    let table = cli.ok(&["agenda"]);
    let call = table.lines().position(|l| l.contains("Call Jane")).unwrap();
    let price = table
        .lines()
        .position(|l| l.contains("Send the price"))
        .unwrap();
    assert!(call < price, "{table}");
    assert!(
        table
            .lines()
            .nth(call)
            .unwrap()
            .starts_with(t().day.overdue),
        "{table}"
    );

    let json: Value = serde_json::from_str(&cli.ok(&["agenda", "--format", "json"])).unwrap();
    assert_eq!(json["overdue"][0]["text"], "Call Jane");
    assert_eq!(json["overdue"][0]["kind"], "task");
    assert_eq!(json["overdue"][0]["deal_id"], 1);
    assert_eq!(json["overdue"][0]["company"], "Acme Ltd");
    assert_eq!(json["days"][0]["date"], in_days(2));
    assert_eq!(json["days"][0]["items"][0]["text"], "Send the price");
    // One day ahead: today only; the task in two days is left out.
    let today: Value =
        serde_json::from_str(&cli.ok(&["agenda", "--days", "1", "--format", "json"])).unwrap();
    assert_eq!(today["days"].as_array().unwrap().len(), 0);
    assert_eq!(cli.run(&["agenda", "--days", "0"]).code, Some(2));
}

#[test]
fn an_empty_agenda_says_so() {
    let cli = Cli::new();
    cli.ok(&["add", "Quiet"]);
    let said = cli.ok(&["agenda", "--days", "3"]);
    let expected = support::opening(t().day.agenda_empty);
    assert!(said.starts_with(expected.trim_end()), "{said}");
}

#[test]
fn companies_list_the_customers_with_their_figures() {
    let cli = day_cli();
    let json: Value = serde_json::from_str(&cli.ok(&["companies", "--format", "json"])).unwrap();
    let acme = &json[0];
    assert_eq!(
        acme["name"], "Acme Ltd",
        "one record for both spellings: {json}"
    );
    assert_eq!(
        (acme["won_deals"].as_u64(), acme["open_deals"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(acme["referrals"], 1);
    assert_eq!(acme["open"][0]["value"], "12000.00");
    assert_eq!(json[1]["name"], "Globex");
    let csv = cli.ok(&["companies", "--format", "csv"]);
    assert!(
        csv.starts_with("name,phone,email,open,won,won_deals"),
        "{csv}"
    );
    assert!(
        csv.contains("Acme Ltd,,,12000.00 USD,3000.00 USD,1,"),
        "{csv}"
    );
    let table = cli.ok(&["companies"]);
    assert!(
        table.contains("Acme Ltd") && table.contains("Globex"),
        "{table}"
    );
}

#[test]
fn a_company_is_shown_whole_and_its_record_changed() {
    let cli = day_cli();
    let said = cli.ok(&[
        "company",
        "ACME LTD",
        "--phone",
        "+1 555 0100",
        "--email",
        "office@acme.example",
    ]);
    assert!(
        said.starts_with(&fill(t().day.company_saved, &[("name", &"Acme Ltd")])),
        "{said}"
    );
    let block = cli.ok(&["company", "acme ltd"]);
    for text in [
        "Acme Ltd",
        "+1 555 0100",
        "office@acme.example",
        "Jane Doe",
        "CRM rollout",
        "Licence",
    ] {
        assert!(block.contains(text), "{text}: {block}");
    }
    // A new name goes to its deals.
    cli.ok(&["company", "Acme Ltd", "--rename", "Acme Group"]);
    let deals = cli.json(&[]);
    let mut companies: Vec<&str> = deals
        .iter()
        .map(|d| d["company"].as_str().unwrap())
        .collect();
    companies.sort();
    assert_eq!(companies, ["Acme Group", "Acme Group", "Globex"]);
    let missing = cli.run(&["company", "Nobody Inc"]);
    assert_eq!(missing.code, Some(1));
    let expected = fill(
        t().errors.no_company,
        &[("name", &dealboard::text::Quoted("Nobody Inc"))],
    );
    assert!(missing.stderr.contains(&expected), "{}", missing.stderr);
}

#[test]
fn contacts_are_listed_and_a_contact_changed() {
    let cli = day_cli();
    let json: Value = serde_json::from_str(&cli.ok(&["contacts", "--format", "json"])).unwrap();
    let names: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["company"].as_str().unwrap()))
        .collect();
    assert_eq!(names, [("Hank", "Globex"), ("Jane Doe", "Acme Ltd")]);
    cli.ok(&["contact", "jane doe", "--email", "jane@acme.example"]);
    let shown = cli.ok(&["contact", "Jane Doe"]);
    assert!(
        shown.contains("jane@acme.example") && shown.contains("#1 CRM rollout"),
        "{shown}"
    );
}

#[test]
fn feedback_goes_on_a_won_deal_and_a_note_on_any() {
    let cli = day_cli();
    let said = cli.ok(&["feedback", "2", "--rating", "4", "--text", "Smooth rollout"]);
    let expected = fill(
        t().day.feedback_saved,
        &[("id", &2), ("title", &"Licence"), ("rating", &4)],
    );
    assert_eq!(said.trim_end(), expected);
    let before_sale = cli.run(&["feedback", "1", "--rating", "5"]);
    assert_eq!(before_sale.code, Some(1));
    assert!(before_sale.stderr.contains(t().errors.feedback_before_sale));
    assert_eq!(cli.run(&["feedback", "2", "--rating", "6"]).code, Some(2));
    cli.ok(&["note", "1", "Met the CFO\nBudget in Q1"]);
    let empty = cli.run(&["note", "1", "  "]);
    assert_eq!(empty.code, Some(1));
    assert!(empty.stderr.contains(t().errors.empty_note));

    let shown = cli.ok(&["show", "2"]);
    assert!(shown.contains("★★★★☆ Smooth rollout"), "{shown}");
    assert!(shown.contains(t().day.event_won), "{shown}");
    let shown = cli.ok(&["show", "1"]);
    assert!(
        shown.contains("Met the CFO\n") && shown.contains("Budget in Q1"),
        "{shown}"
    );
    assert!(shown.contains(t().day.planned), "{shown}");
    let json: Value = serde_json::from_str(&cli.ok(&["show", "1", "--format", "json"])).unwrap();
    assert_eq!(json["dated_notes"][0]["text"], "Met the CFO\nBudget in Q1");
    assert_eq!(json["activities"][0]["text"], "Call Jane");
    let json: Value = serde_json::from_str(&cli.ok(&["show", "2", "--format", "json"])).unwrap();
    assert_eq!(json["feedback"][0]["rating"], 4);
    assert_eq!(json["events"][0]["kind"], "won");
}

#[test]
fn value_and_owner_changes_and_reopening_are_in_the_history() {
    let cli = day_cli();
    cli.ok(&["edit", "1", "--value", "15000", "--owner", "boris"]);
    cli.ok(&["lost", "1", "--reason", "No budget"]);
    cli.ok(&["reopen", "1"]);
    let json: Value = serde_json::from_str(&cli.ok(&["show", "1", "--format", "json"])).unwrap();
    let kinds: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["value", "owner", "lost", "reopened"]);
    assert_eq!(json["events"][0]["from"], "12000.00 USD");
    assert_eq!(json["events"][0]["to"], "15000.00 USD");
    assert_eq!(json["events"][2]["reason"], "No budget");
    let shown = cli.ok(&["show", "1"]);
    let lost = fill(t().day.event_lost, &[("reason", &"No budget")]);
    assert!(
        shown.contains(&lost) && shown.contains(t().day.event_reopened),
        "{shown}"
    );
}

#[test]
fn an_import_makes_records_of_pipedrive_organisations_and_people() {
    let cli = Cli::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/pipedrive.csv"
    );
    cli.ok(&["import", fixture, "--skip-bad-rows"]);
    let json: Value = serde_json::from_str(&cli.ok(&["contacts", "--format", "json"])).unwrap();
    let jane = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Jane Doe")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(jane["company"], "Acme Ltd");
    let companies = cli.ok(&["companies"]);
    assert!(companies.contains("Acme Ltd"), "{companies}");
    let hubspot = Cli::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/hubspot.csv"
    );
    hubspot.ok(&["import", fixture, "--skip-bad-rows"]);
    let block = hubspot.ok(&["company", "Initech"]);
    assert!(block.contains("Bill Lumbergh"), "{block}");
}

#[test]
fn plan_adds_an_activity_with_its_kind_day_and_time() {
    let cli = day_cli();
    let today = in_days(0);
    let said = cli.ok(&[
        "plan",
        "1",
        "Demo at Acme",
        "--kind",
        "meeting",
        "--due",
        "today",
        "--time",
        "10:30",
    ]);
    assert_eq!(
        said.trim_end(),
        dealboard::text::day::planned_words(dealboard::model::ActivityKind::Meeting, "CRM rollout")
    );
    let json: Value = serde_json::from_str(&cli.ok(&["agenda", "--format", "json"])).unwrap();
    let day = json["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == today.as_str())
        .unwrap();
    assert_eq!(day["items"][0]["kind"], "meeting");
    assert_eq!(day["items"][0]["time"], "10:30");
    assert_eq!(
        cli.run(&["plan", "1", "Lunch", "--kind", "lunch"]).code,
        Some(2)
    );
    assert_eq!(
        cli.run(&["plan", "1", "Late", "--time", "25:00"]).code,
        Some(2)
    );
    assert_eq!(cli.run(&["plan", "99", "Nobody"]).code, Some(1));
}

#[test]
fn a_contact_name_several_people_share_needs_the_company() {
    let cli = day_cli();
    cli.ok(&[
        "add",
        "Other",
        "--company",
        "Globex",
        "--contact",
        "Jane Doe",
    ]);
    let asked = cli.run(&["contact", "Jane Doe", "--phone", "999"]);
    assert_eq!(asked.code, Some(1));
    assert!(asked.stderr.contains("--company"), "{}", asked.stderr);
    cli.ok(&[
        "contact",
        "Jane Doe",
        "--company",
        "globex",
        "--phone",
        "999",
    ]);
    let json: Value = serde_json::from_str(&cli.ok(&["contacts", "--format", "json"])).unwrap();
    let phones: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Jane Doe")
        .map(|p| (p["company"].as_str().unwrap(), p["phone"].as_str().unwrap()))
        .collect();
    assert_eq!(phones, [("Acme Ltd", ""), ("Globex", "999")]);
}

#[test]
fn an_activity_for_no_day_is_listed_last_and_a_time_needs_a_day() {
    let cli = day_cli();
    cli.ok(&["plan", "1", "Someday: a case study"]);
    let json: Value = serde_json::from_str(&cli.ok(&["agenda", "--format", "json"])).unwrap();
    assert_eq!(json["undated"][0]["text"], "Someday: a case study");
    let table = cli.ok(&["agenda"]);
    assert!(
        table.lines().last().unwrap().starts_with(t().day.no_day),
        "{table}"
    );
    let timed = cli.run(&["plan", "1", "Call", "--time", "10:00"]);
    assert_eq!(timed.code, Some(1));
    assert!(
        timed.stderr.contains(t().day.time_needs_day),
        "{}",
        timed.stderr
    );
    assert_eq!(cli.run(&["plan", "1", " "]).code, Some(1));
}
