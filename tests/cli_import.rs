//! `dealboard import`, as the real binary: Pipedrive, HubSpot and messy spreadsheet exports,
//! all-or-nothing imports, dry runs, stage mapping, and our own export read back.

mod support;

use serde_json::Value;
use support::cli::Cli;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn by_title<'a>(deals: &'a [Value], title: &str) -> &'a Value {
    deals
        .iter()
        .find(|d| d["title"] == title)
        .unwrap_or_else(|| panic!("no deal {title:?}"))
}

#[test]
fn a_file_with_bad_rows_imports_nothing_unless_told_to_skip_them() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let before = cli.file();
    let refused = cli.run(&["import", &fixture("pipedrive.csv")]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused
            .stderr
            .contains("Nothing was imported: 2 rows with problems")
    );
    assert!(
        refused
            .stderr
            .contains("line 5: stage “Proposal made” is not on the board")
    );
    assert!(
        refused
            .stderr
            .contains("line 6: the deal is deleted in Pipedrive")
    );
    assert!(
        refused.stderr.contains("Would add 4 deals"),
        "{}",
        refused.stderr
    );
    assert_eq!(cli.file(), before, "all or nothing");
    let dry = cli.ok(&["import", &fixture("pipedrive.csv"), "--dry-run"]);
    assert!(dry.contains("Dry run: nothing was changed."));
    assert_eq!(cli.file(), before);
    let done = cli.ok(&["import", &fixture("pipedrive.csv"), "--skip-bad-rows"]);
    assert!(done.contains("Added 4 deals:"), "{done}");
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 4);
    let crm = by_title(&deals, "CRM rollout, 40 seats");
    assert_eq!(crm["value"], "12500.00");
    assert_eq!(crm["currency"], "EUR");
    assert_eq!(crm["company"], "Acme Ltd");
    assert_eq!(crm["stage"], "Qualification");
    assert_eq!(crm["tags"], serde_json::json!(["Hot", "Enterprise"]));
    let russian = by_title(&deals, "Поставка сканеров");
    assert_eq!(russian["value"], "1250000.00");
    assert_eq!(russian["probability"], 60);
    let renewal = by_title(&deals, "Annual support renewal");
    assert_eq!(renewal["status"], "won");
}

#[test]
fn importing_the_same_export_again_adds_nothing_and_updates_what_changed() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let mapped = [
        "--map-stage",
        "Appointment Scheduled=Qualification",
        "--map-stage",
        "contract sent=7",
    ];
    let mut args = vec!["import", "X"];
    let hubspot = fixture("hubspot.csv");
    args[1] = &hubspot;
    args.extend(mapped);
    let first = cli.ok(&args);
    assert!(first.contains("Added 5 deals"), "{first}");
    let after_first = cli.file();
    let second = cli.ok(&args);
    assert!(
        second.contains("Already on the board as the file has them: 5 deals."),
        "{second}"
    );
    assert_eq!(cli.file(), after_first, "nothing to save");
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 5);
    let won = by_title(&deals, "Cloud migration");
    assert_eq!(won["status"], "won");
    assert_eq!(
        won["stage"], "Contract & invoice",
        "the last stage before the sale"
    );
    assert_eq!(by_title(&deals, "Training package")["status"], "lost");
    // The same deal changed in HubSpot since: updated, not added.
    let changed = std::fs::read_to_string(&hubspot)
        .unwrap()
        .replace("Website redesign", "Website redesign and hosting");
    let path = cli.dir.path().join("hubspot-later.csv");
    std::fs::write(&path, changed).unwrap();
    args[1] = path.to_str().unwrap();
    let third = cli.ok(&args);
    assert!(third.contains("Updated 1 deal:"), "{third}");
    assert_eq!(cli.json(&[]).len(), 5);
}

#[test]
fn a_messy_spreadsheet_reads_with_its_problems_listed_by_line() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let out = cli.ok(&[
        "import",
        &fixture("messy.csv"),
        "--skip-bad-rows",
        "--owner",
        "anna",
    ]);
    assert!(
        out.contains("line 5: deal - VALUE “12,34,5”: not an amount"),
        "{out}"
    );
    assert!(out.contains("line 6: the title is empty"));
    assert!(out.contains("line 9: the value is below zero"));
    let deals = cli.json(&[]);
    assert_eq!(deals.len(), 3);
    assert!(deals.iter().all(|d| d["owner"] == "anna"), "--owner wins");
    let upkeep = by_title(&deals, "Wartung, Jahresvertrag Phase 2");
    assert_eq!(upkeep["value"], "12000.50");
    assert_eq!(
        upkeep["expected_close"], "2026-12-05",
        "day first, as 27/11 told"
    );
}

#[test]
fn our_own_export_imports_into_an_empty_board_as_the_same_deals() {
    let from = Cli::new();
    from.ok(&["init", "--demo", "--deals", "60"]);
    let exported = from.ok(&["export"]);
    let file = from.dir.path().join("deals.csv");
    std::fs::write(&file, &exported).unwrap();
    let to = Cli::new();
    to.ok(&["init"]);
    let out = to.ok(&["import", file.to_str().unwrap()]);
    assert!(out.contains("Added 60 deals"), "{out}");
    assert_eq!(
        to.ok(&["export"]),
        exported,
        "the same deals, field for field"
    );
    // And into the board it came from: every deal is already there.
    let again = from.ok(&["import", file.to_str().unwrap()]);
    assert!(
        again.contains("Already on the board as the file has them: 60 deals."),
        "{again}"
    );
}

#[test]
fn mapping_mistakes_are_caught_before_anything_is_read() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let unknown = cli.run(&[
        "import",
        &fixture("hubspot.csv"),
        "--map-stage",
        "Contract Sent=Closing",
    ]);
    assert_eq!(unknown.code, Some(1));
    assert!(unknown.stderr.contains("Closing"), "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("1 Lead"),
        "lists the board's stages"
    );
    let malformed = cli.run(&[
        "import",
        &fixture("hubspot.csv"),
        "--map-stage",
        "Contract Sent",
    ]);
    assert_eq!(malformed.code, Some(2));
    assert!(malformed.stderr.contains("OLD=NEW"));
    let missing = cli.run(&["import", "no-such.csv"]);
    assert_eq!(missing.code, Some(1));
    assert!(missing.stderr.contains("Cannot read no-such.csv"));
}
