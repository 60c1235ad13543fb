//! `dealboard import`, as the real binary: Pipedrive, HubSpot and messy spreadsheet exports,
//! all-or-nothing imports, dry runs, stage mapping, and our own export read back.

mod support;

use dealboard::text::{fill, t};
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
            .contains(support::opening(t().cli.import_refused))
    );
    assert!(
        refused
            .stderr
            .contains("line 5: stage “Proposal made” is not on the board")
    );
    assert!(refused.stderr.contains(&fill(
        t().cli.import_problem,
        &[("line", &6), ("reason", &t().import.deleted)]
    )));
    assert!(
        refused.stderr.contains(&said(t().cli.import_would_add, 4)),
        "{}",
        refused.stderr
    );
    assert_eq!(cli.file(), before, "all or nothing");
    let dry = cli.run(&["import", &fixture("pipedrive.csv"), "--dry-run"]);
    assert_eq!(dry.code, Some(1), "a dry run fails as the import would");
    assert!(dry.stderr.contains(dealboard::text::t().cli.import_dry_run));
    assert_eq!(cli.file(), before);
    let dry = cli.ok(&[
        "import",
        &fixture("pipedrive.csv"),
        "--dry-run",
        "--skip-bad-rows",
    ]);
    assert!(dry.contains(&said(t().cli.import_would_add, 4)), "{dry}");
    let done = cli.ok(&["import", &fixture("pipedrive.csv"), "--skip-bad-rows"]);
    assert!(done.contains(&said(t().cli.import_added, 4)), "{done}");
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
    assert!(first.contains(&said(t().cli.import_added, 5)), "{first}");
    let after_first = cli.file();
    let second = cli.ok(&args);
    assert!(
        second.contains(&said(t().cli.import_unchanged, 5)),
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
    assert!(third.contains(&said(t().cli.import_updated, 1)), "{third}");
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
    assert!(out.contains(&fill(
        t().cli.import_problem,
        &[("line", &6), ("reason", &t().errors.empty_title)]
    )));
    assert!(out.contains(&fill(
        t().cli.import_problem,
        &[("line", &9), ("reason", &t().errors.negative_value)]
    )));
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
    assert!(out.contains(&said(t().cli.import_added, 60)), "{out}");
    assert_eq!(
        to.ok(&["export"]),
        exported,
        "the same deals, field for field"
    );
    // And into the board it came from: every deal is already there.
    let again = from.ok(&["import", file.to_str().unwrap()]);
    assert!(
        again.contains(&said(t().cli.import_unchanged, 60)),
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
        unknown
            .stderr
            .contains("The board's stages are: Lead, Qualification"),
        "lists the board's stages: {}",
        unknown.stderr
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
    let cannot_read = fill(t().cli.import_unreadable, &[("path", &"no-such.csv")]);
    assert!(
        missing
            .stderr
            .contains(support::opening_of(&cannot_read, ":"))
    );
}

#[test]
fn a_file_with_only_bad_rows_fails_even_when_skipping_them() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let file = cli.dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "Deal - ID,Deal - Title,Deal - Value\n1,,5\n2,Two,lots\n",
    )
    .unwrap();
    let run = cli.run(&["import", file.to_str().unwrap(), "--skip-bad-rows"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(
            t().cli
                .import_all_bad
                .split(" (")
                .next()
                .unwrap_or_default()
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn re_importing_keeps_what_changed_on_the_board_since_and_fields_the_file_lacks() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    let pipedrive = fixture("pipedrive.csv");
    cli.ok(&["import", &pipedrive, "--skip-bad-rows"]);
    // Worked on here after the import: a next action, notes, a move.
    cli.ok(&[
        "edit",
        "1",
        "--next",
        "Call Anna",
        "--notes",
        "important",
        "--contact",
        "Hans",
    ]);
    cli.ok(&["move", "1", "Negotiation"]);
    let before = cli.json(&[]);
    let again = cli.ok(&["import", &pipedrive, "--skip-bad-rows"]);
    assert!(
        again.contains(
            "Changed on the board since the file was written, so kept as they are here: 1 deal:"
        ),
        "{again}"
    );
    assert_eq!(
        cli.json(&[]),
        before,
        "nothing the seller did here is undone"
    );
    // A later export of the same deals, with a newer update time: its columns win, the fields
    // it has no column for stay.
    let later = std::fs::read_to_string(&pipedrive)
        .unwrap()
        .replace("2026-11-20 16:40:00", "2027-01-10 09:00:00")
        .replace("\"12,500.00\"", "\"13,000.00\"");
    let path = cli.dir.path().join("later.csv");
    std::fs::write(&path, later).unwrap();
    let newer = cli.ok(&["import", path.to_str().unwrap(), "--skip-bad-rows"]);
    assert!(newer.contains(&said(t().cli.import_updated, 1)), "{newer}");
    let deal: Value = serde_json::from_str(&cli.ok(&["show", "1", "--format", "json"])).unwrap();
    assert_eq!(deal["value"], "13000.00");
    assert_eq!(deal["notes"], "important", "the file has no notes column");
    assert_eq!(
        deal["contact"], "Jane Doe",
        "the file's contact column wins"
    );
    assert_eq!(
        deal["stage"], "Qualification",
        "the file's stage, later than the move here"
    );
    let history = deal["history"].as_array().unwrap();
    let times: Vec<&str> = history.iter().map(|v| v["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "the history stays in order");
    assert_eq!(history.last().unwrap()["backward"], true);
}

#[test]
fn another_boards_export_imported_twice_adds_its_deals_once() {
    let from = Cli::new();
    from.ok(&["add", "Theirs one"]);
    from.ok(&["add", "Theirs two", "--referred-by", "#1"]);
    let file = from.dir.path().join("theirs.csv");
    std::fs::write(&file, from.ok(&["export"])).unwrap();
    // A deal is told apart from another board's deal with the same number by the second it was
    // created in; two boards filled by a script in the same second would look alike.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let to = Cli::new();
    to.ok(&["add", "Mine one"]);
    to.ok(&["add", "Mine two"]);
    let first = to.ok(&["import", file.to_str().unwrap()]);
    assert!(first.contains(&said(t().cli.import_added, 2)), "{first}");
    let second = to.ok(&["import", file.to_str().unwrap()]);
    assert!(
        second.contains(&said(t().cli.import_unchanged, 2)),
        "{second}"
    );
    assert_eq!(to.json(&[]).len(), 4);
    let two: Value = serde_json::from_str(&to.ok(&["show", "4", "--format", "json"])).unwrap();
    assert_eq!(two["title"], "Theirs two");
    assert_eq!(
        two["referred_by"], "#3",
        "its referrer as it is on this board"
    );
}

#[test]
fn a_referrer_left_out_of_the_file_is_not_taken_for_another_deal() {
    let cli = Cli::new();
    cli.ok(&["add", "Unrelated"]);
    let file = cli.dir.path().join("one.csv");
    std::fs::write(
        &file,
        "id,title,referred_by,created,updated\n7,Beta,#1,2026-11-01T10:00:00Z,2026-11-01T10:00:00Z\n",
    )
    .unwrap();
    cli.ok(&["import", file.to_str().unwrap()]);
    let beta: Value = serde_json::from_str(&cli.ok(&["show", "7", "--format", "json"])).unwrap();
    assert_eq!(
        beta["referred_by"], "#1",
        "kept as the file's number, not this board's deal 1"
    );
    let shown = cli.ok(&["show", "7"]);
    assert!(!shown.contains("Unrelated"), "{shown}");
}

/// "Added 4 deals:", "Would add 4 deals:" ... as the import report says it.
fn said(template: &str, deals: usize) -> String {
    let counted = t().count(&t().board.deal_count, deals);
    fill(template, &[("deals", &counted)])
}
