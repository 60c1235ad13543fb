//! Killing dealboard (`kill -9`) at any moment loses nothing it acknowledged, never leaves a
//! board that does not load, and leaves no stray temporary file once the next change is saved.
//!
//! The command line: `dealboard add "deal N" --value 100` is started again and again on a board
//! of 2,000 demo deals (big enough that saving takes a while) and killed with SIGKILL. When to
//! kill is drawn from a fixed-seed xorshift, against how long an unkilled `add` takes on this
//! machine (measured first: some 30 ms for a release build, most of a second for a debug one):
//! every other kill comes after a pause anywhere from the start to a quarter past that time
//! (before the load, during it, during the save, or after the command is done); the rest are
//! aimed at the save: the test waits until the temporary file appears beside the board, then
//! kills within a few milliseconds. After every kill, `dealboard check` must pass and every deal
//! whose `add` exited 0 and printed its id (acknowledged) must be in the board, once. After
//! every acknowledged `add`, and after a last unkilled one, no temporary file may be left beside
//! the board.
//!
//! The app: opened in a pseudo-terminal on the same kind of board, a deal typed in, and the app
//! killed while it saves (10 times); the same checks, with "acknowledged" meaning the screen
//! said the deal was added.
//!
//! 40 kills of the command line by default. Set `DEALBOARD_KILLS` for more: the full run, worth
//! doing after any change to saving, is 200 or more (`DEALBOARD_KILLS=200 cargo test --test kill
//! -- --nocapture` also prints how the kills landed).

#![cfg(unix)]

mod support;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::pty::Session;

const DEFAULT_KILLS: usize = 40;
const APP_KILLS: usize = 10;
const DEALS: &str = "2000";
const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
const WAIT: Duration = Duration::from_secs(30);

/// How many times to kill `add`: `DEALBOARD_KILLS`, else [`DEFAULT_KILLS`].
fn kills_wanted() -> usize {
    match std::env::var("DEALBOARD_KILLS") {
        Ok(n) => n.parse().expect("DEALBOARD_KILLS must be a number"),
        Err(_) => DEFAULT_KILLS,
    }
}

/// A small deterministic random number generator (xorshift64).
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// A board of demo deals alone in a folder, and a separate home for the program.
struct Board {
    folder: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Board {
    fn demo() -> Board {
        let board = Board {
            folder: tempfile::tempdir().expect("a temporary folder"),
            home: tempfile::tempdir().expect("a temporary home"),
        };
        board.ok(&["init", "--demo", "--deals", DEALS]);
        board
    }

    fn path(&self) -> PathBuf {
        self.folder.path().join("board.ron")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dealboard"));
        command
            .arg("--board")
            .arg(self.path())
            .args(args)
            .env("HOME", self.home.path())
            .env("USER", "tester")
            .env("DEALBOARD_LANG", "en")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("DEALBOARD_BOARD")
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("dealboard runs")
    }

    /// Runs a command that must succeed, and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed ({:?}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Every deal's title, from `list --format json`.
    fn titles(&self) -> Vec<String> {
        let json = self.ok(&["list", "--format", "json"]);
        let deals: Vec<serde_json::Value> =
            serde_json::from_str(&json).expect("list --format json prints an array");
        deals
            .iter()
            .map(|deal| deal["title"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Files beside the board that are neither the board, its backups nor its lock: temporary
    /// files left by a killed writer (`.board.ron.tmp.*`, `.board.ron.bak.new.*`, ...).
    fn strays(&self) -> Vec<String> {
        let keep = |name: &str| {
            name == "board.ron"
                || name == ".board.ron.lock"
                || name
                    .strip_prefix("board.ron.bak.")
                    .is_some_and(|n| n.parse::<u8>().is_ok())
        };
        let mut strays: Vec<String> = std::fs::read_dir(self.folder.path())
            .expect("the board's folder")
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| !keep(name))
            .collect();
        strays.sort();
        strays
    }

    /// The strays that were not among `before`: a writer's own temporary files.
    fn strays_since(&self, before: &[String]) -> Vec<String> {
        let mut strays = self.strays();
        strays.retain(|name| !before.contains(name));
        strays
    }

    /// The board loads, and holds each of `acknowledged` exactly once; returns every title.
    /// Panics if not: nothing after a broken board would mean anything.
    fn assert_sound_and_holding(&self, acknowledged: &[String], after: &str) -> Vec<String> {
        let check = self.run(&["check"]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{after}: the board does not load: {}",
            String::from_utf8_lossy(&check.stderr)
        );
        let titles = self.titles();
        for title in acknowledged {
            let copies = titles.iter().filter(|t| *t == title).count();
            assert_eq!(
                copies, 1,
                "{after}: acknowledged “{title}” is there {copies} times"
            );
        }
        titles
    }
}

/// How the kills landed, and what went wrong that did not stop the test.
#[derive(Default)]
struct Tally {
    acknowledged: usize,
    killed: usize,
    /// Killed leaving a temporary file: the kill landed during a save.
    killed_mid_save: usize,
    /// Killed after the deal was saved but before it was acknowledged.
    saved_unacknowledged: usize,
    stray_failures: Vec<String>,
}

impl Tally {
    /// After the writer of `title` was killed (or was done first, if `acknowledged`): the board
    /// must load and hold every acknowledged deal; counts how the kill landed.
    fn after_kill(
        &mut self,
        board: &Board,
        all_acknowledged: &mut Vec<String>,
        (title, acknowledged): (String, bool),
        strays_before: &[String],
        after: &str,
    ) {
        let mid_save = !board.strays_since(strays_before).is_empty();
        if acknowledged {
            self.acknowledged += 1;
            all_acknowledged.push(title.clone());
        }
        let titles = board.assert_sound_and_holding(all_acknowledged, after);
        if !acknowledged {
            self.killed += 1;
            self.killed_mid_save += usize::from(mid_save);
            self.saved_unacknowledged += usize::from(titles.contains(&title));
        }
    }

    /// After a successful write, no temporary file may be left beside the board.
    fn expect_no_strays(&mut self, board: &Board, after: &str) {
        let strays = board.strays();
        if !strays.is_empty() {
            self.stray_failures
                .push(format!("after {after}: {}", strays.join(", ")));
        }
    }

    fn finish(self, what: &str) {
        eprintln!(
            "{what}: {} acknowledged; {} killed first ({} during a save, {} after saving the deal)",
            self.acknowledged, self.killed, self.killed_mid_save, self.saved_unacknowledged
        );
        assert!(
            self.stray_failures.is_empty(),
            "{what}: temporary files survived a successful write {} times:\n{}",
            self.stray_failures.len(),
            self.stray_failures.join("\n")
        );
    }
}

/// How long an unkilled writer took, and how long it had a temporary file beside the board (it
/// was saving), in milliseconds.
struct Timing {
    done: u64,
    saving: u64,
}

impl Timing {
    /// Watches the board's folder from `start` until `finished`, to see how long the writer saves.
    fn watch(board: &Board, start: Instant, mut finished: impl FnMut() -> bool) -> Timing {
        let before = board.strays();
        let mut saving: Option<(Instant, Instant)> = None;
        let deadline = start + WAIT;
        while !finished() {
            assert!(Instant::now() < deadline, "the writer never finished");
            if !board.strays_since(&before).is_empty() {
                let now = Instant::now();
                saving = Some(saving.map_or((now, now), |(from, _)| (from, now)));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Timing {
            done: start.elapsed().as_millis() as u64,
            saving: saving.map_or(1, |(from, to)| (to - from).as_millis() as u64 + 1),
        }
    }

    /// Waits before the `n`th kill of a writer started at `start`, while `finished` says whether
    /// it is done. Every other time: until it is seen saving (a temporary file beside the board
    /// that was not in `before`), then up to half the length of a save more. The other times:
    /// a pause anywhere from its start to a quarter past when an unkilled one was done.
    fn wait_to_kill(
        &self,
        board: &Board,
        before: &[String],
        random: &mut XorShift,
        n: usize,
        start: Instant,
        mut finished: impl FnMut() -> bool,
    ) {
        if n % 2 == 1 {
            let pause = Duration::from_millis(random.below((self.done * 5 / 4).max(30) + 1));
            std::thread::sleep(pause.saturating_sub(start.elapsed()));
            return;
        }
        let deadline = start + WAIT;
        while !finished() && Instant::now() < deadline {
            if !board.strays_since(before).is_empty() {
                // Saves after the first of a session take no backup: about half as long.
                std::thread::sleep(Duration::from_millis(random.below(self.saving / 2 + 1)));
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn describe(&self) -> String {
        format!(
            "an unkilled one: done in {} ms, saving for {} ms",
            self.done, self.saving
        )
    }
}

/// Times an unkilled `add`.
fn time_add(board: &Board) -> Timing {
    let start = Instant::now();
    let mut child = board
        .command(&["add", "calibration", "--value", "100"])
        .stdout(Stdio::null())
        .spawn()
        .expect("dealboard starts");
    let timing = Timing::watch(board, start, || {
        child.try_wait().expect("waiting for dealboard").is_some()
    });
    assert!(
        child.wait().expect("its status").success(),
        "the calibration add failed"
    );
    timing
}

#[test]
fn killing_add_at_any_moment_loses_nothing_acknowledged() {
    let board = Board::demo();
    let timing = time_add(&board);
    let mut random = XorShift(SEED);
    let mut acknowledged = vec!["calibration".to_string()];
    let mut tally = Tally::default();
    for n in 1..=kills_wanted() {
        let title = format!("deal {n}");
        let before = board.strays();
        let start = Instant::now();
        let mut child = board
            .command(&["add", &title, "--value", "100"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dealboard starts");
        let finished = || child.try_wait().expect("waiting for dealboard").is_some();
        timing.wait_to_kill(&board, &before, &mut random, n, start, finished);
        // It may have finished already; then the kill does nothing.
        let _ = child.kill();
        let out = child.wait_with_output().expect("waiting for dealboard");
        let printed_id = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u64>()
            .is_ok();
        let done = out.status.code() == Some(0) && printed_id;
        if done {
            tally.expect_no_strays(&board, &format!("the acknowledged add of kill {n}"));
        }
        let after = format!("kill {n}");
        tally.after_kill(&board, &mut acknowledged, (title, done), &before, &after);
    }
    board.ok(&["add", "after the last kill", "--value", "100"]);
    acknowledged.push("after the last kill".to_string());
    tally.expect_no_strays(&board, "an unkilled add after the last kill");
    board.assert_sound_and_holding(&acknowledged, "the last add");
    let what = format!(
        "add killed {} times ({})",
        kills_wanted(),
        timing.describe()
    );
    tally.finish(&what);
}

// ---- the app, in a pseudo-terminal ------------------------------------------------------------

/// The app on `board`, in a terminal 160 × 40.
fn start_app(board: &Board) -> Session {
    Session::start(&board.path(), board.home.path(), 160, 40)
}

/// SIGKILL, then waits for the process to be gone.
fn kill_9(mut app: Session) {
    app.signal("KILL");
    app.child.wait().expect("waiting for the killed app");
}

#[test]
fn killing_the_app_while_it_saves_loses_nothing_it_showed() {
    let board = Board::demo();
    let mut random = XorShift(SEED ^ 0xA5A5);
    let mut acknowledged = Vec::new();
    let mut tally = Tally::default();
    let mut timing: Option<Timing> = None;
    for n in 1..=APP_KILLS {
        let mut app = start_app(&board);
        app.wait_for("Lead ·");
        let title = format!("app deal {n}");
        let added = format!("Added “{title}”");
        // The deal is on disk once the same screen says it was added and that all is saved.
        let saved = dealboard::text::t().board.saved;
        let on_disk = [added.as_str(), saved];
        let before = board.strays();
        let typed = Instant::now();
        app.type_keys(&format!("n{title}\r"));
        match &timing {
            Some(timing) => {
                let finished = || app.shows_all(&on_disk);
                timing.wait_to_kill(&board, &before, &mut random, n, typed, finished);
            }
            // The first is let finish, to learn how long the app takes to save.
            None => timing = Some(Timing::watch(&board, typed, || app.shows_all(&on_disk))),
        }
        let shown = app.shows_all_when_quiet(&on_disk);
        kill_9(app);
        let after = format!("app kill {n}");
        tally.after_kill(&board, &mut acknowledged, (title, shown), &before, &after);
        let next = format!("after app kill {n}");
        board.ok(&["add", &next, "--value", "100"]);
        acknowledged.push(next);
        tally.expect_no_strays(&board, &format!("an add after app kill {n}"));
    }
    let timing = timing.map(|t| t.describe()).unwrap_or_default();
    tally.finish(&format!("the app killed {APP_KILLS} times ({timing})"));
}
