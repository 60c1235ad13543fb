//! `dealboard merge` as git runs it: a real repository, two branches changing one board, and
//! the driver registered by hand as `team init` registers it, so a plain `git merge` merges boards.

mod support;

use support::git;

use std::path::Path;

use dealboard::model::{Board, StageId};
use dealboard::store;

fn write(path: &Path, board: &Board) {
    std::fs::write(path, store::board_text(board).unwrap()).unwrap();
}

#[test]
fn git_merges_two_peoples_work_on_one_board_through_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    let driver = format!("{} merge %O %A %B %P", env!("CARGO_BIN_EXE_dealboard"));
    git(repo, &["config", "merge.dealboard.driver", &driver]);
    std::fs::write(repo.join(".gitattributes"), "*.ron merge=dealboard\n").unwrap();
    let board_path = repo.join("board.ron");
    let base = support::pipeline_board();
    write(&board_path, &base);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-qm", "base"]);
    // Anna adds a deal and renames one; Boris adds a deal (the same id) and moves another.
    let at = support::now().to_utc();
    let lead = StageId("lead".into());
    let (first, second) = (base.deals[0].id, base.deals[1].id);
    git(repo, &["checkout", "-qb", "boris"]);
    let mut boris = base.clone();
    boris
        .add_deal(&lead, at, |d| d.title = "Boris's new".into())
        .unwrap();
    boris
        .move_deal(second, &StageId("qualification".into()), at)
        .unwrap();
    write(&board_path, &boris);
    git(repo, &["commit", "-qam", "boris"]);
    git(repo, &["checkout", "-q", "main"]);
    let mut anna = base.clone();
    anna.add_deal(&lead, at, |d| d.title = "Anna's new".into())
        .unwrap();
    anna.edit_deal(first, at, |d| d.title = "Renamed by Anna".into())
        .unwrap();
    write(&board_path, &anna);
    git(repo, &["commit", "-qam", "anna"]);
    git(repo, &["merge", "-q", "--no-edit", "boris"]);
    let (_, merged) = store::Store::open(&board_path).unwrap();
    let titles: Vec<&str> = merged.deals.iter().map(|d| d.title.as_str()).collect();
    assert!(
        titles.contains(&"Anna's new") && titles.contains(&"Boris's new"),
        "{titles:?}"
    );
    assert_eq!(merged.deal(first).unwrap().title, "Renamed by Anna");
    assert_eq!(
        merged.deal(second).unwrap().stage,
        StageId("qualification".into())
    );
    assert_eq!(merged.deals.len(), base.deals.len() + 2);
    assert!(
        git(repo, &["status", "--porcelain"]).is_empty(),
        "nothing left to resolve"
    );
}

#[test]
fn a_side_that_cannot_be_read_fails_the_driver_and_leaves_ours_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = (
        dir.path().join("base"),
        dir.path().join("ours"),
        dir.path().join("theirs"),
    );
    let board = support::pipeline_board();
    write(&base, &board);
    write(&ours, &board);
    std::fs::write(&theirs, "<<<<<<< HEAD\n(version: 4,\n").unwrap();
    let before = std::fs::read(&ours).unwrap();
    let run = support::cli::run_in(
        dir.path(),
        &[],
        &[
            "merge",
            base.to_str().unwrap(),
            ours.to_str().unwrap(),
            theirs.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, Some(1));
    let said = &run.stderr;
    let side = dealboard::text::t().team.merge_side_unreadable;
    assert!(said.contains(support::words_of(side)), "{said}");
    assert!(said.contains("line 1"), "{said}");
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}
