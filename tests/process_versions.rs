//! Testing the process, then adapting it: the log of changes (kept through undo), before and
//! after a change worked out by the board (tests/support/versions.rs, every figure by hand
//! below), the reports screen's before/after, and `stats --change`.

mod support;

use dealboard::model::{Direction, Phase, StageDraft, StageEdit, Why};
use dealboard::report::comparison::{ChangeComparison, TOO_FEW_DEALS};
use dealboard::text::{fill, t as text};
use dealboard::tui::app::{Mode, ReportsView};
use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::versions::{at, board, stage};
use support::{TestApp, empty_board, now};

fn why(reason: &str) -> Why<'_> {
    Why {
        at: at(11, 20),
        reason,
    }
}

fn report(t: &TestApp) -> &ReportsView {
    match t.app.screen() {
        Mode::Reports(view) => view,
        other => panic!("not on the report but on {other:?}"),
    }
}

fn shown(t: &TestApp, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
    let folder = t.dir.path().display().to_string();
    terminal.backend().to_string().replace(&folder, "/TMP")
}

#[test]
fn every_kind_of_change_to_the_stages_is_logged_with_its_time_and_reason() {
    let mut b = empty_board();
    let lead = stage("lead");
    let renamed = StageDraft {
        name: "Inquiry".into(),
        probability: 15,
        rot_days: 10,
        ..StageDraft::of(b.stage(&lead).unwrap())
    };
    b.update_stage(&lead, renamed, &[], why("Clearer words"))
        .unwrap()
        .unwrap();
    let mut retyped = StageDraft::of(b.stage(&lead).unwrap());
    retyped.checklist[0] = "Contact person named".into();
    retyped.checklist.remove(1);
    retyped.checklist.push("Need written down".into());
    let pairs = [(
        "Contact person identified".to_string(),
        "Contact person named".to_string(),
    )];
    b.update_stage(&lead, retyped, &pairs, why("")).unwrap();
    let demo = StageDraft {
        name: "Demo".into(),
        probability: 25,
        rot_days: 7,
        phase: Phase::PreSale,
        checklist: Vec::new(),
    };
    b.add_stage(2, demo, why("")).unwrap();
    b.move_stage(&stage("demo"), Direction::Back, why(""))
        .unwrap();
    b.remove_stage(&stage("demo"), None, why("Not needed after all"))
        .unwrap();
    assert_eq!(b.process_log.len(), 5);
    let edits: Vec<Vec<StageEdit>> = (1..=5).map(|n| b.edits_of_change(n)).collect();
    assert_eq!(
        edits[0],
        [
            StageEdit::Renamed {
                from: "Lead".into(),
                to: "Inquiry".into()
            },
            StageEdit::Probability {
                name: "Inquiry".into(),
                from: 10,
                to: 15
            },
            StageEdit::RotDays {
                name: "Inquiry".into(),
                from: 14,
                to: 10
            },
        ]
    );
    assert_eq!(
        edits[1],
        [
            StageEdit::CriterionReworded {
                name: "Inquiry".into(),
                from: "Lead source recorded".into(),
                to: "Need written down".into()
            },
            StageEdit::CriterionReworded {
                name: "Inquiry".into(),
                from: "Contact person identified".into(),
                to: "Contact person named".into()
            }
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>(),
        "a criterion retyped in place, and one removed with another added, read as rewordings"
    );
    assert_eq!(
        edits[2],
        [StageEdit::Added {
            name: "Demo".into(),
            at: 3
        }]
    );
    assert!(
        matches!(&edits[3][..], [StageEdit::Moved { .. }]),
        "{:?}",
        edits[3]
    );
    assert_eq!(
        edits[4],
        [StageEdit::Removed {
            name: "Demo".into()
        }]
    );
    let reasons: Vec<&str> = b.process_log.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["Clearer words", "", "", "", "Not needed after all"]
    );
    // Version n's stages are what change n left; the last is the board's own.
    assert_eq!(b.stages_of_version(5), &b.stages[..]);
    assert_eq!(b.stages_of_version(0)[0].name, "Lead");
}

#[test]
fn stages_put_in_order_a_step_at_a_time_are_one_change_and_a_change_undone_leaves_the_log() {
    let mut b = empty_board();
    let agreed = stage("agreed");
    let mut patches = Vec::new();
    for _ in 0..3 {
        patches.push(b.move_stage(&agreed, Direction::Back, why("")).unwrap());
    }
    assert_eq!(b.process_log.len(), 1, "three steps of one reordering");
    assert_eq!(
        b.edits_of_change(1),
        [StageEdit::Moved {
            name: "Agreed".into(),
            to: 3
        }]
    );
    for patch in patches.iter().rev() {
        b.undo(patch);
    }
    assert!(b.process_log.is_empty(), "{:?}", b.process_log);
    assert_eq!(b.stages, empty_board().stages);
}

#[test]
fn a_deal_moved_under_the_version_in_force_at_the_time() {
    let b = board();
    let version = |m, d| b.process_version_at(at(m, d));
    // D5 under the first process, D1 under change 1's, D3 under change 2's.
    assert_eq!([version(9, 25), version(10, 14), version(11, 8)], [0, 1, 2]);
    assert_eq!(
        b.edits_of_change(1),
        [StageEdit::CriterionAdded {
            name: "Qualification".into(),
            text: "Decision maker known".into()
        }]
    );
    assert_eq!(
        b.edits_of_change(2),
        [StageEdit::Added {
            name: "Demo".into(),
            at: 3
        }]
    );
}

#[test]
fn before_and_after_a_change_are_worked_out_from_the_versions_in_force() {
    let change = ChangeComparison::of(&board(), 2, None, now()).unwrap();
    assert_eq!(change.reason, "A demo before the proposal");
    let c = &change.comparison;
    // Before: Oct 10 (change 1) to Nov 1; D1 and D2 moved or closed then (D5 before it).
    // After: Nov 1 to now; D3 and D4.
    assert_eq!((c.before.deals, c.after.deals), (2, 2));
    assert_eq!(c.before.from, Some(at(10, 10)));
    assert_eq!(c.before.to, at(11, 1));
    assert!(c.before.too_few() && c.after.too_few() && TOO_FEW_DEALS == 10);
    // D2 lost before, nothing closed after.
    assert_eq!(c.before.stats.win_rate, Some(0.0));
    assert_eq!(c.after.stats.win_rate, None);
    // Moves on with a criterion left unticked: D1's two of two; D4's one of D3's and D4's three.
    assert_eq!(c.before.moves_with_skips(), (2, 2));
    assert_eq!(c.after.moves_with_skips(), (1, 3));
    let stages = c.stages();
    let row = |name: &str| stages.iter().find(|r| r.name == name).unwrap();
    let conversion =
        |f: Option<&dealboard::report::analytics::StageFlow>| f.and_then(|f| f.conversion);
    // Lead: D1 of D1, D2 went on before; D3 and D4 both after.
    assert_eq!(conversion(row("Lead").before), Some(0.5));
    assert_eq!(conversion(row("Lead").after), Some(1.0));
    // Qualification: D1 went on to Preparation (its next stage before); after, its next is
    // Demo, which D3 of D3, D4 reached.
    assert_eq!(conversion(row("Qualification").before), Some(1.0));
    assert_eq!(conversion(row("Qualification").after), Some(0.5));
    // Demo exists after the change only: shown as such, never compared with zero.
    assert!(row("Demo").before.is_none());
    assert_eq!(row("Demo").after.map(|f| f.entered), Some(1));
    let criteria = c.criteria();
    let criterion = |text: &str| criteria.iter().find(|r| r.criterion == text).unwrap();
    // (left unticked, moves on from the stage)
    assert_eq!(criterion("Lead source recorded").before, Some((1, 1)));
    assert_eq!(criterion("Lead source recorded").after, Some((0, 2)));
    assert_eq!(criterion("Contact person identified").after, Some((1, 2)));
    assert_eq!(criterion("Decision maker known").before, Some((1, 1)));
    assert_eq!(criterion("Decision maker known").after, Some((0, 1)));
    assert_eq!(criterion("Demo given").before, None);
    assert_eq!(criterion("Demo given").after, Some((0, 0)));
}

#[test]
fn a_criterion_added_by_the_first_change_exists_after_it_only() {
    let change = ChangeComparison::of(&board(), 1, None, now()).unwrap();
    let c = &change.comparison;
    // Before: from the beginning to Oct 10: D5. After: Oct 10 to Nov 1: D1 and D2.
    assert_eq!((c.before.from, c.before.deals, c.after.deals), (None, 1, 2));
    let criteria = c.criteria();
    let decision = criteria
        .iter()
        .find(|r| r.criterion == "Decision maker known")
        .unwrap();
    assert_eq!((decision.before, decision.after), (None, Some((1, 1))));
    assert!(ChangeComparison::of(&board(), 3, None, now()).is_none());
}

#[test]
fn the_process_editor_shows_the_log_and_a_reason_given_later_is_undone_like_any_change() {
    let mut t = TestApp::new(board(), 100, 30);
    t.keys("p Tab Tab Tab Tab");
    let screen = shown(&t, 100, 30);
    assert!(screen.contains(text().versions.tab_log), "{screen}");
    assert!(screen.contains("A demo before the proposal"), "{screen}");
    let added = fill(
        text().versions.stage_added,
        &[("name", &"Demo"), ("at", &3)],
    );
    assert!(
        screen.contains(&added),
        "the newest change is selected first:\n{screen}"
    );
    // Change 1 (the older, below) gets more to its reason.
    t.keys("j e End");
    t.type_text(": they ask first");
    t.keys("Enter");
    assert_eq!(
        t.saved().process_log[0].reason,
        "Criteria from the top three sellers: they ask first"
    );
    t.keys("u");
    assert_eq!(
        t.saved().process_log[0].reason,
        "Criteria from the top three sellers"
    );
}

#[test]
fn a_change_saved_in_the_stage_form_takes_its_reason_and_undo_takes_the_entry_away() {
    let mut t = TestApp::new(empty_board(), 100, 30);
    // Qualification, its Why row (fifth), then a new exit criterion.
    t.keys("p j e Tab Tab Tab Tab");
    t.type_text("Fewer lost deals late");
    t.keys("Tab Tab Tab Tab");
    t.type_text("Budget owner met");
    t.keys("Enter");
    let saved = t.saved();
    assert_eq!(saved.process_log.len(), 1);
    assert_eq!(saved.process_log[0].reason, "Fewer lost deals late");
    assert_eq!(
        saved.edits_of_change(1),
        [StageEdit::CriterionAdded {
            name: "Qualification".into(),
            text: "Budget owner met".into()
        }]
    );
    t.keys("u");
    assert!(t.saved().process_log.is_empty());
}

#[test]
fn the_reports_screen_shows_before_and_after_each_change() {
    let mut t = TestApp::new(board(), 100, 40);
    t.keys("s v");
    let view = report(&t);
    assert_eq!(
        view.change.as_ref().map(|c| c.change),
        Some(2),
        "the latest first"
    );
    t.keys("<");
    let view = report(&t);
    assert_eq!(view.change.as_ref().map(|c| c.change), Some(1));
    t.keys("< v");
    assert!(report(&t).change.is_none(), "v again: the period");
    // A board never changed says so rather than showing nothing.
    let mut fresh = TestApp::new(empty_board(), 100, 40);
    fresh.keys("s v");
    let flash = fresh
        .app
        .flash()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(
        flash.starts_with(support::opening(text().versions.nothing_to_compare_here)),
        "{flash}"
    );
}

#[test]
fn snapshots_of_the_log_and_the_comparison() {
    for (width, height) in [(80, 24), (200, 50)] {
        let mut t = TestApp::new(board(), width, height);
        t.keys("p Tab Tab Tab Tab");
        insta::assert_snapshot!(format!("log_{width}x{height}"), shown(&t, width, height));
        t.keys("Esc s v");
        insta::assert_snapshot!(
            format!("before_after_{width}x{height}"),
            shown(&t, width, height)
        );
    }
}
