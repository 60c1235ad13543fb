//! `dealboard process` and `stats --change` as a script or a manager would run them: the log
//! in JSON, before and after a change in JSON, and a pilot in a team folder of three boards,
//! adopted or abandoned and taken back from the backups.

mod support;

use std::path::{Path, PathBuf};

use dealboard::model::{Phase, StageDraft, StageId, Why};
use dealboard::store::{self, Store};
use dealboard::text::t as text;
use serde_json::Value;
use support::cli::{Run, run_in};
use support::versions::{at, board};

fn run(home: &Path, args: &[&str]) -> Run {
    run_in(home, &[], args)
}

fn ok(home: &Path, args: &[&str]) -> String {
    let run = run(home, args);
    assert_eq!(run.code, Some(0), "{args:?} failed: {}", run.stderr);
    run.stdout
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_log_and_before_and_after_a_change_as_json() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("board.ron");
    Store::create(&file, &board()).unwrap();
    let b = path(&file);
    let log: Value = serde_json::from_str(&ok(
        home.path(),
        &["--board", b, "process", "log", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(log[1]["change"], 2);
    assert_eq!(log[1]["reason"], "A demo before the proposal");
    assert_eq!(log[1]["edits"][0]["kind"], "stage_added");
    assert_eq!(log[1]["edits"][0]["stage"], "Demo");
    assert_eq!(log[0]["edits"][0]["criterion"], "Decision maker known");
    assert_eq!(log[1]["stages"][2]["id"], "demo");
    let stats: Value = serde_json::from_str(&ok(
        home.path(),
        &[
            "--board", b, "stats", "--change", "last", "--format", "json",
        ],
    ))
    .unwrap();
    let change = &stats["change"];
    assert_eq!(change["change"], 2);
    // The figures of tests/process_versions.rs, as a script reads them.
    assert_eq!(change["before"]["deals"], 2);
    assert_eq!(change["after"]["deals"], 2);
    assert_eq!(change["after"]["too_few"], true);
    assert_eq!(change["too_few_below"], 10);
    assert_eq!(change["after"]["moves_with_skips"], 1);
    assert_eq!(change["after"]["moves_on"], 3);
    let stages = change["stages"].as_array().unwrap();
    let demo = stages.iter().find(|s| s["stage"] == "Demo").unwrap();
    assert_eq!(
        demo["before"],
        Value::Null,
        "a stage of one side is not zero on the other"
    );
    assert_eq!(demo["after"]["entered"], 1);
    let lead = stages.iter().find(|s| s["stage"] == "Lead").unwrap();
    assert_eq!(
        (
            lead["before"]["conversion"].as_f64(),
            lead["after"]["conversion"].as_f64()
        ),
        (Some(0.5), Some(1.0))
    );
    assert!(stats["questions"].is_array());
    // --change 1 is the first change; a change not in the log is refused, saying how many.
    let first: Value = serde_json::from_str(&ok(
        home.path(),
        &["--board", b, "stats", "--change", "1", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(first["change"]["before"]["from"], Value::Null);
    let refused = run(home.path(), &["--board", b, "stats", "--change", "7"]);
    assert_eq!(refused.code, Some(1));
    assert!(refused.stderr.contains("7"), "{}", refused.stderr);
    let table = ok(home.path(), &["--board", b, "stats", "--change", "last"]);
    assert!(table.contains(text().versions.too_few), "{table}");
    assert!(table.contains(text().versions.only_after), "{table}");
}

/// A team folder of three boards on the default process, each with a deal in Qualification,
/// and a draft (beside the folder) adding a Demo stage after it that holds one of anna's deals
/// once she is on the pilot.
struct Team {
    home: tempfile::TempDir,
    folder: PathBuf,
    draft: PathBuf,
}

impl Team {
    fn new() -> Team {
        let home = tempfile::tempdir().unwrap();
        let folder = home.path().join("team");
        std::fs::create_dir(&folder).unwrap();
        for name in ["anna", "boris", "chen"] {
            let mut b = support::empty_board();
            b.owner = name.into();
            support::add(&mut b, "qualification", &format!("{name}'s deal"), |_| {});
            Store::create(&folder.join(format!("{name}.ron")), &b).unwrap();
        }
        let mut draft = support::empty_board();
        let demo = StageDraft {
            name: "Demo".into(),
            probability: 25,
            rot_days: 7,
            phase: Phase::PreSale,
            checklist: vec!["Demo given".into()],
        };
        let why = Why {
            at: at(11, 1),
            reason: "",
        };
        draft.add_stage(2, demo, why).unwrap();
        let draft_path = home.path().join("draft.ron");
        Store::create(&draft_path, &draft).unwrap();
        Team {
            home,
            folder,
            draft: draft_path,
        }
    }

    fn board(&self, name: &str) -> PathBuf {
        self.folder.join(format!("{name}.ron"))
    }

    fn stages(&self, name: &str) -> Vec<String> {
        let b = Store::open(&self.board(name)).unwrap().1;
        b.stages.iter().map(|s| s.id.to_string()).collect()
    }

    fn ok(&self, args: &[&str]) -> String {
        ok(self.home.path(), args)
    }

    fn pilot_on_anna(&self) {
        let said = self.ok(&[
            "process",
            "pilot",
            path(&self.draft),
            path(&self.board("anna")),
            "--reason",
            "A demo before the proposal",
        ]);
        assert!(said.contains("anna"), "{said}");
        // Anna moves her deal on into the pilot's new stage.
        self.ok(&["--board", path(&self.board("anna")), "move", "1", "Demo"]);
    }
}

#[test]
fn a_pilot_runs_on_some_boards_is_compared_with_the_rest_and_is_abandoned_then_taken_back() {
    let team = Team::new();
    team.pilot_on_anna();
    assert!(team.stages("anna").contains(&"demo".to_string()));
    assert!(!team.stages("boris").contains(&"demo".to_string()));
    let file = store::read_team(&team.folder).unwrap().unwrap();
    let pilot = file.pilot.clone().unwrap();
    assert_eq!(pilot.boards, ["anna.ron"]);
    assert_eq!(pilot.reason, "A demo before the proposal");
    assert_eq!(
        file.process.len(),
        10,
        "the others' process is kept as the team's"
    );
    // Anna's log says why her process changed.
    let log = Store::open(&team.board("anna")).unwrap().1.process_log;
    assert_eq!(
        log.last().unwrap().reason,
        "Pilot: A demo before the proposal"
    );
    // The team report compares the pilot's boards with the rest.
    let json: Value =
        serde_json::from_str(&team.ok(&["stats", path(&team.folder), "--format", "json"])).unwrap();
    assert_eq!(json["pilot"]["boards"], serde_json::json!(["anna.ron"]));
    assert_eq!(
        json["pilot"]["other_boards"],
        serde_json::json!(["boris.ron", "chen.ron"])
    );
    assert!(json["pilot"]["pilot"]["report"].is_object());
    assert!(json["pilot"]["rest"]["report"].is_object());
    // A second pilot waits for this one to end.
    let again = run(
        team.home.path(),
        &[
            "process",
            "pilot",
            path(&team.draft),
            path(&team.board("boris")),
        ],
    );
    assert_eq!(again.code, Some(1));
    // Abandoning asks where the deal in Demo (a pilot-only stage) goes, once for all boards.
    let asked = run(
        team.home.path(),
        &["process", "abandon", path(&team.folder)],
    );
    assert_eq!(asked.code, Some(1));
    assert!(asked.stderr.contains("Demo"), "{}", asked.stderr);
    assert!(asked.stderr.contains("anna: 1"), "{}", asked.stderr);
    assert!(
        !team.stages("anna").is_empty() && team.stages("anna").contains(&"demo".into()),
        "nothing written"
    );
    team.ok(&[
        "process",
        "abandon",
        path(&team.folder),
        "--move",
        "Demo=Qualification",
    ]);
    assert!(!team.stages("anna").contains(&"demo".to_string()));
    let anna = Store::open(&team.board("anna")).unwrap().1;
    assert_eq!(anna.deals[0].stage, StageId("qualification".into()));
    // The process moved it, not anna: no report counts it as her work or a step she skipped.
    assert!(anna.deals[0].history.last().unwrap().by_process);
    assert!(
        store::read_team(&team.folder)
            .unwrap()
            .unwrap()
            .pilot
            .is_none()
    );
    // Taken back: the board's backup 1 is the board on the pilot.
    team.ok(&["--board", path(&team.board("anna")), "restore", "1"]);
    assert!(team.stages("anna").contains(&"demo".to_string()));
    // The team report says so: anna's board is off the team's process again.
    let json: Value =
        serde_json::from_str(&team.ok(&["stats", path(&team.folder), "--format", "json"])).unwrap();
    assert_eq!(json["off_process"], serde_json::json!(["anna.ron"]));
    let table = team.ok(&["stats", path(&team.folder)]);
    assert!(
        table.contains(support::words_of(text().versions.off_process)),
        "{table}"
    );
}

#[test]
fn a_pilot_adopted_puts_its_process_on_every_board_and_becomes_the_teams() {
    let team = Team::new();
    team.pilot_on_anna();
    let said = team.ok(&["process", "adopt", path(&team.folder)]);
    assert!(said.contains(text().versions.pilot_adopted), "{said}");
    for name in ["anna", "boris", "chen"] {
        assert!(team.stages(name).contains(&"demo".to_string()), "{name}");
    }
    let file = store::read_team(&team.folder).unwrap().unwrap();
    assert!(file.pilot.is_none());
    assert!(file.process.iter().any(|s| s.id.as_str() == "demo"));
    let boris = Store::open(&team.board("boris")).unwrap().1;
    assert!(
        boris
            .process_log
            .last()
            .unwrap()
            .reason
            .starts_with("Pilot adopted")
    );
    // Taken back from the backups: boris's board as it was, the team file as it was.
    team.ok(&["--board", path(&team.board("boris")), "restore", "1"]);
    assert!(!team.stages("boris").contains(&"demo".to_string()));
    assert!(team.folder.join("team.ron.bak.1").is_file());
    // The team's process, applied again, puts boris back on it.
    team.ok(&["process", "apply", path(&team.folder)]);
    assert!(team.stages("boris").contains(&"demo".to_string()));
}

#[test]
fn a_pilot_refuses_a_draft_in_the_folder_a_hostile_file_name_and_a_stage_no_board_has() {
    let team = Team::new();
    let inside = team.folder.join("draft.ron");
    std::fs::copy(&team.draft, &inside).unwrap();
    let refused = run(
        team.home.path(),
        &["process", "pilot", path(&inside), path(&team.board("anna"))],
    );
    assert_eq!(refused.code, Some(1));
    assert!(
        refused
            .stderr
            .contains(support::words_of(text().versions.draft_in_folder)),
        "{}",
        refused.stderr
    );
    std::fs::remove_file(&inside).unwrap();
    // A file name a terminal would act on never reaches team.ron (and the review's title).
    let hostile = team.folder.join("\u{1b}[2Jevil.ron");
    std::fs::copy(team.board("boris"), &hostile).unwrap();
    let refused = run(
        team.home.path(),
        &["process", "pilot", path(&team.draft), path(&hostile)],
    );
    assert_eq!(refused.code, Some(1), "{}", refused.stdout);
    assert!(!refused.stderr.contains('\u{1b}'), "{:?}", refused.stderr);
    assert!(store::read_team(&team.folder).unwrap().is_none());
    std::fs::remove_file(&hostile).unwrap();
    let refused = run(
        team.home.path(),
        &[
            "process",
            "pilot",
            path(&team.draft),
            path(&team.board("anna")),
            "--move",
            "Nowhere=Lead",
        ],
    );
    assert_eq!(refused.code, Some(1));
    assert!(refused.stderr.contains("Nowhere"), "{}", refused.stderr);
    // Before and after is one board's log: over a folder it is refused.
    let refused = run(
        team.home.path(),
        &["stats", path(&team.folder), "--change", "last"],
    );
    assert_eq!(refused.code, Some(1));
    assert!(
        refused
            .stderr
            .contains(support::words_of(text().versions.change_of_one_board)),
        "{}",
        refused.stderr
    );
}
