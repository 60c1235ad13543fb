//! Teams across machines: a bare "remote" and clones of it in temporary folders, each with its
//! own home, set up with `dealboard team init` and kept in step with `dealboard sync` — the real
//! binary and the system's git, as a team would use them.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use dealboard::text::t;
use serde_json::Value;
use support::cli::{Run, run_in};
use support::{git, opening, words_of};

/// A team: a shared bare repository, and the first member's folder that set it up.
struct Team {
    root: tempfile::TempDir,
}

/// One person's machine: a home of their own and their clone of the team folder.
struct Seat {
    home: PathBuf,
    folder: PathBuf,
    user: &'static str,
}

impl Team {
    fn new() -> Team {
        let root = tempfile::tempdir().unwrap();
        git(root.path(), &["init", "-q", "--bare", "remote.git"]);
        Team { root }
    }

    fn remote(&self) -> PathBuf {
        self.root.path().join("remote.git")
    }

    /// The first member: `team init` with the remote, in a new folder.
    fn founder(&self, user: &'static str) -> Seat {
        let seat = self.seat(user);
        let remote = self.remote().display().to_string();
        let folder = seat.folder.display().to_string();
        seat.ok(&["team", "init", &folder, "--remote", &remote]);
        seat
    }

    /// Another member: clones the shared repository and runs `team init` in the clone.
    fn join(&self, user: &'static str) -> Seat {
        let seat = self.seat(user);
        git(
            &seat.home,
            &["clone", "-q", &self.remote().display().to_string(), "team"],
        );
        seat.ok(&["team", "init", &seat.folder.display().to_string()]);
        seat
    }

    fn seat(&self, user: &'static str) -> Seat {
        let home = self.root.path().join(user);
        std::fs::create_dir_all(&home).unwrap();
        Seat {
            folder: home.join("team"),
            home,
            user,
        }
    }
}

impl Seat {
    fn run(&self, args: &[&str]) -> Run {
        run_in(
            &self.home,
            &[("USER", self.user), ("GIT_CONFIG_NOSYSTEM", "1")],
            args,
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(0), "{} {args:?}: {}", self.user, run.stderr);
        run.stdout
    }

    fn board(&self, name: &str) -> String {
        self.folder.join(name).display().to_string()
    }

    /// A command on one of the team's boards.
    fn on(&self, board: &str, args: &[&str]) -> String {
        let path = self.board(board);
        let mut all = vec!["--board", path.as_str()];
        all.extend(args);
        self.ok(&all)
    }

    fn sync(&self) -> String {
        self.ok(&["sync", &self.folder.display().to_string()])
    }

    fn deals(&self, board: &str) -> Vec<Value> {
        serde_json::from_str(&self.on(board, &["list", "--format", "json"])).unwrap()
    }

    fn deal(&self, board: &str, title: &str) -> Value {
        self.deals(board)
            .into_iter()
            .find(|d| d["title"] == title)
            .unwrap_or_else(|| panic!("{title} on {board} of {}", self.user))
    }

    fn no_conflict_left(&self) {
        let status = git(&self.folder, &["status", "--porcelain"]);
        assert!(status.is_empty(), "{}: {status}", self.user);
        for entry in std::fs::read_dir(&self.folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(!text.contains("<<<<<<<"), "conflict markers in {path:?}");
            }
        }
        let git_dir = self.folder.join(".git");
        for busy in ["rebase-merge", "rebase-apply", "MERGE_HEAD"] {
            assert!(!git_dir.join(busy).exists(), "{}: left {busy}", self.user);
        }
    }
}

#[test]
fn two_people_add_deals_to_one_board_and_both_have_both_under_distinct_ids() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Base deal"]);
    anna.sync();
    let boris = team.join("boris");
    anna.on("north.ron", &["add", "Anna's deal"]);
    boris.on("north.ron", &["add", "Boris's deal"]);
    anna.sync();
    let said = boris.sync();
    assert!(said.contains(&t().count(&t().team.came_in, 1)), "{said}");
    anna.sync();
    for seat in [&anna, &boris] {
        seat.no_conflict_left();
        let deals = seat.deals("north.ron");
        let mut ids: Vec<u64> = deals.iter().map(|d| d["id"].as_u64().unwrap()).collect();
        ids.sort_unstable();
        assert_eq!(ids, [1, 2, 3], "{}", seat.user);
        seat.deal("north.ron", "Anna's deal");
        seat.deal("north.ron", "Boris's deal");
    }
    assert_eq!(
        std::fs::read(anna.board("north.ron")).unwrap(),
        std::fs::read(boris.board("north.ron")).unwrap()
    );
}

#[test]
fn edits_to_different_fields_are_both_kept_and_the_same_field_goes_to_the_later_with_the_other_in_the_notes()
 {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Acme", "--value", "1000"]);
    anna.sync();
    let boris = team.join("boris");
    anna.on("north.ron", &["edit", "1", "--company", "Acme Ltd"]);
    boris.on("north.ron", &["edit", "1", "--contact", "Olga"]);
    anna.sync();
    boris.sync();
    let deal = boris.deal("north.ron", "Acme");
    assert_eq!(
        (deal["company"].as_str(), deal["contact"].as_str()),
        (Some("Acme Ltd"), Some("Olga"))
    );

    anna.sync();
    anna.on("north.ron", &["edit", "1", "--value", "2000"]);
    // Boris changes the same field a moment later: his change is the later one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    boris.on("north.ron", &["edit", "1", "--value", "3000"]);
    boris.sync();
    anna.sync();
    boris.sync();
    for seat in [&anna, &boris] {
        seat.no_conflict_left();
        let deal = seat.deal("north.ron", "Acme");
        assert_eq!(deal["value"].as_str(), Some("3000.00"), "{deal}");
        let kept = dealboard::text::fill(
            t().cli.merge_kept_value,
            &[("field", &"value"), ("value", &"2000.00 USD")],
        );
        assert_eq!(deal["notes"].as_str(), Some(kept.as_str()), "{}", seat.user);
    }
}

#[test]
fn a_deal_deleted_on_one_machine_and_changed_on_another_is_kept() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Disputed"]);
    anna.sync();
    let boris = team.join("boris");
    anna.on("north.ron", &["delete", "1"]);
    boris.on("north.ron", &["edit", "1", "--next", "Call Olga"]);
    anna.sync();
    boris.sync();
    anna.sync();
    for seat in [&anna, &boris] {
        seat.no_conflict_left();
        assert_eq!(
            seat.deal("north.ron", "Disputed")["next_action"],
            "Call Olga"
        );
    }
}

#[test]
fn a_broken_board_from_a_teammate_is_rolled_back_and_check_names_where_it_breaks() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Sound"]);
    anna.sync();
    let boris = team.join("boris");
    // Boris breaks the board in an editor and commits it with git alone.
    let broken = boris.board("north.ron");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, text.replacen("title:", "title", 1)).unwrap();
    let check = boris.run(&["--board", &broken, "check"]);
    assert_eq!(check.code, Some(1));
    assert!(check.stderr.contains("north.ron:"), "{}", check.stderr);
    // sync will not share a board that does not load.
    let refused = boris.run(&["sync", &boris.folder.display().to_string()]);
    assert_eq!(refused.code, Some(1), "{}", refused.stdout);
    git(&boris.folder, &["commit", "-qam", "by hand"]);
    git(&boris.folder, &["push", "-q"]);
    let before = git(&anna.folder, &["rev-parse", "HEAD"]);
    anna.on("north.ron", &["add", "Anna's own"]);
    let run = anna.run(&["sync", &anna.folder.display().to_string()]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stderr.contains(opening(t().team.rolled_back)),
        "{}",
        run.stderr
    );
    anna.no_conflict_left();
    // Her own change is committed, on top of what she had; the board loads.
    assert_eq!(git(&anna.folder, &["rev-parse", "HEAD~1"]), before);
    anna.deal("north.ron", "Anna's own");
}

#[test]
fn offline_the_commit_stays_and_the_next_sync_sends_it() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "First"]);
    anna.sync();
    let away = team.root.path().join("away.git");
    std::fs::rename(team.remote(), &away).unwrap();
    anna.on("north.ron", &["add", "Offline work"]);
    let run = anna.run(&["sync", &anna.folder.display().to_string()]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(opening(t().team.offline)),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(words_of(t().team.commit_kept)),
        "{}",
        run.stderr
    );
    let log = git(&anna.folder, &["log", "-1", "--format=%s"]);
    assert!(log.contains("Offline work"), "{log}");
    anna.no_conflict_left();
    std::fs::rename(&away, team.remote()).unwrap();
    let said = anna.sync();
    assert!(said.contains(opening(t().team.pushed)), "{said}");
    let boris = team.join("boris");
    boris.deal("north.ron", "Offline work");
}

#[test]
fn the_commit_says_what_changed_in_words() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("anna.ron", &["add", "Acme"]);
    anna.on("anna.ron", &["add", "Globex"]);
    anna.sync();
    anna.on("anna.ron", &["move", "1", "Negotiation"]);
    anna.on("anna.ron", &["won", "2"]);
    let said = anna.sync();
    let subject = git(&anna.folder, &["log", "-1", "--format=%s"]);
    let negotiation = "Negotiation";
    let moved = dealboard::text::fill(t().team.moved, &[("id", &1), ("stage", &negotiation)]);
    let won = dealboard::text::fill(t().team.won, &[("id", &2)]);
    assert_eq!(subject.trim(), format!("anna: {moved}; {won}"));
    assert!(said.contains(&subject.trim().to_string()), "{said}");
    // Another's board: who made the change is said before whose board it is.
    let boris = team.join("boris");
    boris.on("anna.ron", &["edit", "1", "--next", "Call"]);
    boris.sync();
    let subject = git(&boris.folder, &["log", "-1", "--format=%s"]);
    let on = dealboard::text::fill(t().team.on_board, &[("who", &"boris"), ("board", &"anna")]);
    let edited = dealboard::text::fill(t().team.edited, &[("id", &1)]);
    assert_eq!(subject.trim(), format!("{on}: {edited}"));
    let said = anna.sync();
    assert!(said.contains(&format!("{on}: {edited}")), "{said}");
}

#[test]
fn team_init_again_changes_nothing_and_never_touches_a_board() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Kept"]);
    let board = std::fs::read(anna.board("north.ron")).unwrap();
    let head = git(&anna.folder, &["rev-parse", "HEAD"]);
    let again = anna.ok(&["team", "init", &anna.folder.display().to_string()]);
    assert!(again.contains(words_of(t().team.was_repository)), "{again}");
    assert!(
        again.contains(t().team.attributes_kept) && again.contains(t().team.ignore_kept),
        "{again}"
    );
    assert_eq!(std::fs::read(anna.board("north.ron")).unwrap(), board);
    assert_eq!(git(&anna.folder, &["rev-parse", "HEAD"]), head);
    // Locks, backups and kept copies are not for git.
    for name in [
        ".north.ron.lock",
        "north.ron.bak.1",
        "north.ron.unsaved.1",
        "north.ron.v3.1",
    ] {
        std::fs::write(anna.folder.join(name), "x").unwrap();
    }
    let status = git(&anna.folder, &["status", "--porcelain"]);
    assert_eq!(status.trim(), "?? north.ron", "{status}");
}

#[test]
fn without_git_team_commands_say_how_to_get_it() {
    let team = Team::new();
    let seat = team.seat("anna");
    let folder = seat.folder.display().to_string();
    let run = run_in(
        &seat.home,
        &[("PATH", "/nonexistent")],
        &["team", "init", &folder],
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(opening(t().team.git_missing)),
        "{}",
        run.stderr
    );
}

/// A small, fixed sequence of choices: the same week every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }
}

/// Adds `token` to the deal's notes, keeping what they held.
fn add_note(seat: &Seat, board: &str, deal: &Value, token: &str) {
    let id = deal["id"].to_string();
    let notes = format!("{} {token}", deal["notes"].as_str().unwrap_or_default());
    seat.on(board, &["edit", &id, "--notes", notes.trim()]);
}

#[test]
fn a_week_of_two_sellers_and_a_manager_sharing_through_git_loses_nothing_and_never_conflicts() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("anna.ron", &["add", "anna start"]);
    anna.sync();
    let boris = team.join("boris");
    boris.on("boris.ron", &["add", "boris start"]);
    boris.sync();
    let carla = team.join("carla");
    let mut dice = Dice(0x5eed_2026);
    let mut titles: Vec<String> = vec!["anna start".into(), "boris start".into()];
    let mut tokens: Vec<String> = Vec::new();
    for day in 1..=7 {
        for (seller, board) in [(&anna, "anna.ron"), (&boris, "boris.ron")] {
            for n in 0..(3 + dice.roll(4)) {
                let open: Vec<Value> = seller
                    .deals(board)
                    .into_iter()
                    .filter(|d| d["status"] == "open")
                    .collect();
                let id = |d: &Value| d["id"].to_string();
                match (dice.roll(5), open.is_empty()) {
                    (0, _) | (_, true) => {
                        let title = format!("{} day {day} #{n}", seller.user);
                        seller.on(board, &["add", &title]);
                        titles.push(title);
                    }
                    (1, _) => {
                        let deal = &open[dice.roll(open.len())];
                        let stage = (1 + dice.roll(6)).to_string();
                        seller.on(board, &["move", &id(deal), &stage]);
                    }
                    (2, _) => {
                        let deal = &open[dice.roll(open.len())];
                        let token = format!("[{} d{day} n{n}]", seller.user);
                        add_note(seller, board, deal, &token);
                        tokens.push(token);
                    }
                    (3, _) => {
                        let deal = &open[dice.roll(open.len())];
                        seller.on(board, &["won", &id(deal)]);
                    }
                    _ => {
                        let deal = &open[dice.roll(open.len())];
                        seller.on(
                            board,
                            &["edit", &id(deal), "--next", &format!("call d{day}")],
                        );
                    }
                }
            }
        }
        // The manager leaves a note on a deal of each board, some days before the sellers
        // have synced, some after.
        carla.sync();
        for board in ["anna.ron", "boris.ron"] {
            let deals = carla.deals(board);
            let deal = &deals[dice.roll(deals.len())];
            let token = format!("[carla d{day} {board}]");
            add_note(&carla, board, deal, &token);
            tokens.push(token);
        }
        let mut seats = [&anna, &boris, &carla];
        let first = dice.roll(3);
        seats.swap(0, first);
        for seat in seats {
            seat.sync();
            seat.no_conflict_left();
        }
    }
    for seat in [&anna, &boris, &carla, &anna, &boris] {
        seat.sync();
    }
    for board in ["anna.ron", "boris.ron"] {
        let theirs = std::fs::read(anna.board(board)).unwrap();
        assert_eq!(
            std::fs::read(boris.board(board)).unwrap(),
            theirs,
            "{board}"
        );
        assert_eq!(
            std::fs::read(carla.board(board)).unwrap(),
            theirs,
            "{board}"
        );
    }
    let all: Vec<Value> = ["anna.ron", "boris.ron"]
        .iter()
        .flat_map(|board| carla.deals(board))
        .collect();
    for title in &titles {
        assert!(
            all.iter().any(|d| d["title"] == title.as_str()),
            "lost the deal {title}"
        );
    }
    let notes: String = all.iter().filter_map(|d| d["notes"].as_str()).collect();
    for token in &tokens {
        assert!(notes.contains(token.as_str()), "lost the note {token}");
    }
    for board in ["anna.ron", "boris.ron"] {
        let deals = carla.deals(board);
        let ids: std::collections::HashSet<u64> =
            deals.iter().map(|d| d["id"].as_u64().unwrap()).collect();
        assert_eq!(ids.len(), deals.len(), "one id, one deal on {board}");
        carla.on(board, &["check"]);
    }
}

/// Waits for the app's sync or look under way, then takes what it brought.
fn take_team_news(app: &mut dealboard::tui::app::App) {
    for _ in 0..2000 {
        if app.has_news() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    app.update(dealboard::tui::action::Action::News);
}

#[test]
fn in_the_app_the_status_bar_says_what_is_not_shared_and_the_sync_key_brings_the_teams_changes() {
    use dealboard::store::git::Behind;
    use dealboard::tui::action::Action;
    use dealboard::tui::app::{App, TeamState};
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "Base deal"]);
    anna.sync();
    let boris = team.join("boris");
    boris.on("north.ron", &["add", "Boris's deal"]);
    boris.sync();
    anna.on("north.ron", &["add", "Anna's deal"]);

    let (store, board) =
        dealboard::store::Store::open(Path::new(&anna.board("north.ron"))).unwrap();
    let clock = Box::new(dealboard::clock::FixedClock(support::now()));
    let mut app = App::new(board, store, clock, (120, 30));
    // The first look fetches: one change here to share, one of Boris's to take in.
    app.update(Action::Tick);
    take_team_news(&mut app);
    assert_eq!(
        app.team_state(),
        Some(TeamState::Standing(Behind {
            ahead: 1,
            behind: 1
        }))
    );
    app.update(Action::Sync);
    assert_eq!(app.team_state(), Some(TeamState::Syncing));
    take_team_news(&mut app);
    let said = app.flash().map(|f| f.text.clone()).unwrap_or_default();
    assert!(said.starts_with(opening(t().team.synced)), "{said}");
    assert!(said.contains("Boris's deal"), "{said}");
    assert!(app.board().deals.iter().any(|d| d.title == "Boris's deal"));
    assert_eq!(
        app.team_state(),
        Some(TeamState::Standing(Behind::default()))
    );
    app.end();
    boris.sync();
    boris.deal("north.ron", "Anna's deal");
}

#[test]
fn outside_a_team_folder_the_sync_key_says_how_to_make_one() {
    use dealboard::tui::action::Action;
    let mut app = support::TestApp::new(support::sample_board(), 120, 30);
    app.act(Action::Sync);
    let said = app.app.flash().map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(said, t().team.not_in_team);
    assert_eq!(app.app.team_state(), None);
}

#[test]
fn two_syncs_at_once_take_turns_and_lose_nothing() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "One"]);
    anna.on("north.ron", &["add", "Two"]);
    anna.sync();
    let boris = team.join("boris");
    for round in 0..3 {
        boris.on(
            "north.ron",
            &["edit", "2", "--next", &format!("boris {round}")],
        );
        boris.sync();
        anna.on(
            "north.ron",
            &["edit", "1", "--next", &format!("anna {round}")],
        );
        let folder = anna.folder.display().to_string();
        let start = || {
            Command::new(env!("CARGO_BIN_EXE_dealboard"))
                .args(["sync", &folder])
                .env("HOME", &anna.home)
                .env("USER", "anna")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("DEALBOARD_LANG", "en")
                .output()
        };
        let (first, second) = std::thread::scope(|s| {
            let first = s.spawn(start);
            let second = s.spawn(start);
            (
                first.join().unwrap().unwrap(),
                second.join().unwrap().unwrap(),
            )
        });
        for run in [&first, &second] {
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
        }
        anna.no_conflict_left();
        boris.sync();
        let want = format!("anna {round}");
        assert_eq!(boris.deal("north.ron", "One")["next_action"], want.as_str());
        assert_eq!(anna.deal("north.ron", "One")["next_action"], want.as_str());
    }
}

#[test]
fn other_files_are_the_users_own_a_staged_one_is_not_committed_and_a_changed_one_stops_the_pull() {
    let team = Team::new();
    let anna = team.founder("anna");
    std::fs::write(anna.folder.join("notes.txt"), "start\n").unwrap();
    git(&anna.folder, &["add", "notes.txt"]);
    git(&anna.folder, &["commit", "-qm", "notes"]);
    anna.on("north.ron", &["add", "First"]);
    anna.sync();
    let boris = team.join("boris");
    std::fs::write(boris.folder.join("notes.txt"), "theirs\n").unwrap();
    git(&boris.folder, &["commit", "-qam", "theirs"]);
    boris.sync();
    // Anna has her own change to notes.txt, not committed, and a file staged for later.
    std::fs::write(anna.folder.join("notes.txt"), "mine\n").unwrap();
    std::fs::write(anna.folder.join("staged.txt"), "not for the team\n").unwrap();
    git(&anna.folder, &["add", "staged.txt"]);
    anna.on("north.ron", &["edit", "1", "--title", "Renamed"]);
    let run = anna.run(&["sync", &anna.folder.display().to_string()]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
    assert!(
        run.stderr.contains(words_of(t().team.commit_kept)),
        "{}",
        run.stderr
    );
    // Her board change is committed alone; her files are as she left them.
    let committed = git(&anna.folder, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(committed.trim(), "north.ron");
    assert_eq!(
        std::fs::read_to_string(anna.folder.join("notes.txt")).unwrap(),
        "mine\n"
    );
    let status = git(&anna.folder, &["status", "--porcelain"]);
    assert!(
        status.contains("A  staged.txt") && status.contains(" M notes.txt"),
        "{status}"
    );
}

#[test]
fn a_sync_cut_off_half_way_is_rolled_back_by_the_next_keeping_what_changed_meanwhile() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "First"]);
    anna.sync();
    let boris = team.join("boris");
    boris.on("north.ron", &["add", "Boris's"]);
    boris.sync();
    anna.on("north.ron", &["add", "Anna's"]);
    anna.run(&["sync", &anna.folder.display().to_string()]);
    // As if the last sync had been killed mid-rebase: git stopped half-way, the note left.
    git(&anna.folder, &["reset", "-q", "--hard", "HEAD~1"]);
    anna.on("north.ron", &["add", "Anna's again"]);
    git(&anna.folder, &["commit", "-qam", "anna again"]);
    let head = git(&anna.folder, &["rev-parse", "HEAD"]);
    git(&anna.folder, &["fetch", "-q"]);
    let out = Command::new("git")
        .args(["rebase", "-i", "origin/master"])
        .current_dir(&anna.folder)
        .env("GIT_SEQUENCE_EDITOR", "sed -i '1i break'")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", &anna.home)
        .env("GIT_COMMITTER_NAME", "a")
        .env("GIT_COMMITTER_EMAIL", "a@example.com")
        .output()
        .unwrap();
    assert!(anna.folder.join(".git/rebase-merge").exists(), "{out:?}");
    std::fs::write(anna.folder.join(".git/dealboard-sync-started-at"), &head).unwrap();
    // Meanwhile, the board is changed.
    anna.on("north.ron", &["add", "Made meanwhile"]);
    let said = anna.sync();
    assert!(said.contains(t().team.cut_off), "{said}");
    assert!(said.contains("north.ron.unsaved.1"), "{said}");
    anna.no_conflict_left();
    let kept = std::fs::read_to_string(anna.folder.join("north.ron.unsaved.1")).unwrap();
    assert!(kept.contains("Made meanwhile"));
    anna.deal("north.ron", "Anna's again");
    anna.deal("north.ron", "Boris's");
}

#[test]
fn a_board_both_create_under_one_name_merges_and_a_teammates_gitattributes_cannot_reroute_it() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.sync();
    let boris = team.join("boris");
    // Boris commits attributes that would merge boards line by line.
    std::fs::write(boris.folder.join(".gitattributes"), "*.ron merge=union\n").unwrap();
    git(&boris.folder, &["commit", "-qam", "union"]);
    anna.on("shared.ron", &["add", "Anna's"]);
    boris.on("shared.ron", &["add", "Boris's"]);
    boris.sync();
    anna.sync();
    anna.no_conflict_left();
    anna.deal("shared.ron", "Anna's");
    anna.deal("shared.ron", "Boris's");
    anna.on("shared.ron", &["edit", "1", "--title", "Anna's, renamed"]);
    boris.sync();
    boris.on("shared.ron", &["edit", "2", "--title", "Boris's, renamed"]);
    anna.sync();
    boris.sync();
    boris.no_conflict_left();
    boris.deal("shared.ron", "Anna's, renamed");
    boris.deal("shared.ron", "Boris's, renamed");
}

#[test]
fn a_team_file_that_does_not_load_is_not_taken_in() {
    let team = Team::new();
    let anna = team.founder("anna");
    anna.on("north.ron", &["add", "First"]);
    anna.sync();
    let boris = team.join("boris");
    std::fs::write(
        boris.folder.join("team.ron"),
        "(version: 2, name: \"North\"",
    )
    .unwrap();
    git(&boris.folder, &["commit", "-qam", "broken team file"]);
    git(&boris.folder, &["push", "-q"]);
    let run = anna.run(&["sync", &anna.folder.display().to_string()]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stderr.contains("team.ron"), "{}", run.stderr);
    anna.no_conflict_left();
    assert!(dealboard::store::read_team(&anna.folder).is_ok());
}
