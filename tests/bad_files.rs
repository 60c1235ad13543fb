//! A bad board file is refused cleanly by every way in: `check`, `list`, `add` and the app itself.
//!
//! Each case is copied into a fresh folder as `board.ron` (beside a backup, `board.ron.bak.1`)
//! and the real binary is run on it, with that folder as its home. Every run must:
//!
//! - exit with code 1 (not 0, and not 101, a panic);
//! - say what is wrong on stderr, in at most 1,000 bytes, naming the file's path;
//! - print nothing a terminal would obey: stdout and stderr are UTF-8 with no control character
//!   but tab and newline (no byte 0x00–0x08, 0x0B–0x1F, 0x7F; no U+0080–U+009F);
//! - for a syntax error, give the line (`PATH:LINE:COLUMN:` or `line N`), within the file;
//! - leave the file byte for byte as it was, and the folder too (only `.board.ron.lock` may
//!   appear).
//!
//! The cases are every file in `tests/fixtures/bad/` (a new file there is picked up by itself; a
//! name starting with `syntax-` says the message must give a line), plus huge ones made here at
//! run time from [`SOUND`]. A board path that is a folder, a symbolic link loop or a dangling
//! link is made at run time too.
//!
//! Each test runs every case before failing, and then lists every broken rule of every case.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BOARD: &str = "board.ron";
const LOCK: &str = ".board.ron.lock";
const BACKUP: &str = "board.ron.bak.1";
const MAX_STDERR: usize = 1000;
const TIMEOUT: Duration = Duration::from_secs(30);

/// The commands each bad file is given (the app, with no command, has a test of its own).
const COMMANDS: [&[&str]; 3] = [&["check"], &["list"], &["add", "x"]];

/// A sound board: the generated cases each break it in one place.
const SOUND: &str = r#"#![enable(implicit_some)]
(
    version: 3,
    name: "Sales pipeline",
    currency: "USD",
    owner: "anna",
    next_deal_id: 3,
    stages: [
        (id: "lead", name: "Lead", probability: 10, rot_days: 14, phase: PreSale,
         checklist: ["Contact person identified"]),
        (id: "qualification", name: "Qualification", probability: 20, rot_days: 14,
         phase: PreSale, checklist: []),
        (id: "delivery", name: "Delivery", probability: 100, rot_days: 30, phase: PostSale,
         checklist: []),
    ],
    deals: [
        (
            id: 1,
            title: "CRM rollout",
            company: "Acme Ltd",
            value: "12000.00 USD",
            owner: "anna",
            next_action: "Call about the pilot",
            next_action_due: "2026-12-01",
            status: Open,
            stage: "qualification",
            created: "2026-11-02T09:30:00Z",
            updated: "2026-11-25T16:05:00Z",
            history: [
                (stage: "lead", at: "2026-11-02T09:30:00Z"),
                (stage: "qualification", at: "2026-11-10T14:00:00Z"),
            ],
        ),
        (
            id: 2,
            title: "Warehouse scanners",
            value: "4800.00 USD",
            status: Open,
            stage: "lead",
            created: "2026-11-03T10:00:00Z",
            updated: "2026-11-03T10:00:00Z",
            history: [
                (stage: "lead", at: "2026-11-03T10:00:00Z"),
            ],
        ),
    ],
)
"#;

struct Case {
    name: String,
    bytes: Vec<u8>,
}

impl Case {
    /// A syntax error must be located by line.
    fn is_syntax(&self) -> bool {
        self.name.starts_with("syntax-")
    }
}

/// Every bad board: the fixtures, then the generated huge ones.
fn cases() -> Vec<Case> {
    let mut cases = fixtures();
    assert!(cases.len() >= 20, "the fixtures folder lost its corpus");
    cases.extend(huge_cases());
    cases
}

fn fixtures() -> Vec<Case> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut cases: Vec<Case> = fs::read_dir(&folder)
        .expect("tests/fixtures/bad")
        .map(|entry| entry.expect("a fixture").path())
        .filter(|path| path.extension().is_none_or(|ext| ext != "md"))
        .map(|path| Case {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: fs::read(&path).expect("a readable fixture"),
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Too big to keep as files: made from [`SOUND`] with one thing made huge.
fn huge_cases() -> Vec<Case> {
    let field = format!("{}: \"y\",\n            title:", "f".repeat(5_000));
    let money = format!("value: \"{} USD\",", "9".repeat(100_000));
    let title = format!("title: \"{}\",", "T".repeat(200_000));
    vec![
        broken(
            "syntax-unknown-field-with-a-5000-character-name (generated)",
            "title:",
            &field,
        ),
        broken(
            "syntax-money-of-100000-characters (generated)",
            "value: \"4800.00 USD\",",
            &money,
        ),
        broken(
            "title-of-200000-characters (generated)",
            "title: \"Warehouse scanners\",",
            &title,
        ),
    ]
}

/// [`SOUND`] with its first `old` replaced by `new`.
fn broken(name: &str, old: &str, new: &str) -> Case {
    assert!(
        SOUND.contains(old),
        "{name}: {old:?} is not in the sound board"
    );
    Case {
        name: name.to_string(),
        bytes: SOUND.replacen(old, new, 1).into_bytes(),
    }
}

// ---- running the binary -------------------------------------------------------------------

struct Run {
    /// `None` when killed by a signal (or by us, after [`TIMEOUT`]).
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs dealboard with `args` on the board `board`, with `home` as its home, in a session of its
/// own with no terminal at all: stdin empty, stdout and stderr files. Should the app reach for
/// the terminal (`/dev/tty`) it finds none, so it can never scribble on the one running the tests.
fn dealboard(home: &Path, board: &Path, args: &[&str]) -> Run {
    let out = tempfile::tempdir().expect("a folder for the output");
    let stdout = out.path().join("stdout");
    let stderr = out.path().join("stderr");
    let mut command = Command::new(env!("CARGO_BIN_EXE_dealboard"));
    command
        .arg("--board")
        .arg(board)
        .args(args)
        .env("HOME", home)
        .env("USER", "tester")
        .env("DEALBOARD_LANG", "en")
        .env("TERM", "xterm-256color")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("DEALBOARD_BOARD")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout).expect("stdout file"))
        .stderr(fs::File::create(&stderr).expect("stderr file"));
    // SAFETY: setsid is async-signal-safe and touches no memory of this process.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = command.spawn().expect("the dealboard binary starts");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for dealboard") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.and_then(|s| s.code()),
        stdout: fs::read(&stdout).expect("stdout"),
        stderr: fs::read(&stderr).expect("stderr"),
    }
}

// ---- the folder ----------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Folder(BTreeMap<OsString, Entry>),
    Link(PathBuf),
}

/// Everything in `dir`, with contents, not following links.
fn snapshot(dir: &Path) -> BTreeMap<OsString, Entry> {
    fs::read_dir(dir)
        .expect("a readable folder")
        .map(|entry| {
            let entry = entry.expect("a folder entry");
            let path = entry.path();
            let kind = entry.file_type().expect("a file type");
            let what = if kind.is_symlink() {
                Entry::Link(fs::read_link(&path).expect("a link"))
            } else if kind.is_dir() {
                Entry::Folder(snapshot(&path))
            } else {
                Entry::File(fs::read(&path).expect("a readable file"))
            };
            (entry.file_name(), what)
        })
        .collect()
}

/// How the folder changed, leaving out `ignore` (judged on its own) and the lock file, which
/// may come and stay.
fn folder_changes(
    before: &BTreeMap<OsString, Entry>,
    after: &BTreeMap<OsString, Entry>,
    ignore: &str,
) -> Vec<String> {
    let mut changes = Vec::new();
    for (name, entry) in after.iter().filter(|(name, _)| *name != ignore) {
        match before.get(name) {
            None if name == LOCK => {}
            None => changes.push(format!("new {}", name.to_string_lossy())),
            Some(old) if old != entry => {
                changes.push(format!("changed {}", name.to_string_lossy()))
            }
            Some(_) => {}
        }
    }
    for name in before
        .keys()
        .filter(|n| *n != ignore && !after.contains_key(*n))
    {
        changes.push(format!("removed {}", name.to_string_lossy()));
    }
    changes
}

// ---- the rules -----------------------------------------------------------------------------

/// One broken rule, for the list at the end.
struct Failure {
    case: String,
    command: String,
    rule: &'static str,
    detail: String,
}

struct Judge {
    failures: Vec<Failure>,
    runs: usize,
}

impl Judge {
    fn new() -> Judge {
        Judge {
            failures: Vec::new(),
            runs: 0,
        }
    }

    fn require(&mut self, ok: bool, case: &str, command: &str, rule: &'static str, detail: String) {
        if !ok {
            self.failures.push(Failure {
                case: case.to_string(),
                command: command.to_string(),
                rule,
                detail,
            });
        }
    }

    /// Panics with every broken rule, if any was; a rule broken alike by several commands on
    /// one case is listed once, with the commands.
    fn finish(self, what: &str) {
        if self.failures.is_empty() {
            return;
        }
        let mut merged: Vec<(Vec<String>, &Failure)> = Vec::new();
        for f in &self.failures {
            let same = |(_, g): &&mut (Vec<String>, &Failure)| {
                g.case == f.case && g.rule == f.rule && g.detail == f.detail
            };
            match merged.iter_mut().find(|m| same(m)) {
                Some((commands, _)) => commands.push(f.command.clone()),
                None => merged.push((vec![f.command.clone()], f)),
            }
        }
        let mut report = format!(
            "{} broken rules in {} runs of {what}:\n",
            self.failures.len(),
            self.runs
        );
        for (commands, f) in merged {
            report.push_str(&format!(
                "- {} | {} | {}: {}\n",
                f.case,
                commands.join(", "),
                f.rule,
                f.detail
            ));
        }
        panic!("{report}");
    }
}

/// The rules every refusal keeps: exit 1, a short clean message naming the file. A file taken
/// as sound (exit 0) is one broken rule, not also a missing, unnamed message.
fn judge_refusal(judge: &mut Judge, case: &str, command: &str, run: &Run, board: &Path) {
    judge.runs += 1;
    let shown = |bytes: &[u8]| excerpt(bytes, board);
    if run.code == Some(0) {
        let detail = format!("exit 0, taken as sound; stdout {}", shown(&run.stdout));
        judge.require(false, case, command, "exit code 1", detail);
    } else {
        let code = match run.code {
            Some(101) => "101 (a panic)".to_string(),
            Some(code) => code.to_string(),
            None => "none (killed, or hung past the timeout)".to_string(),
        };
        let detail = format!("exit {code}; stderr {}", shown(&run.stderr));
        judge.require(run.code == Some(1), case, command, "exit code 1", detail);
        let detail = format!("stderr is empty; stdout {}", shown(&run.stdout));
        judge.require(
            !run.stderr.is_empty(),
            case,
            command,
            "says what is wrong on stderr",
            detail,
        );
        let path = board.display().to_string();
        let names_it = String::from_utf8_lossy(&run.stderr).contains(&path);
        let detail = format!("not in {}", shown(&run.stderr));
        judge.require(names_it, case, command, "stderr names the file", detail);
    }
    let detail = format!("{} bytes: {}", run.stderr.len(), shown(&run.stderr));
    judge.require(
        run.stderr.len() <= MAX_STDERR,
        case,
        command,
        "stderr at most 1,000 bytes",
        detail,
    );
    for (rule, bytes) in [
        ("stderr has no control characters", &run.stderr),
        ("stdout has no control characters", &run.stdout),
    ] {
        if let Err(why) = terminal_safe(bytes) {
            judge.require(
                false,
                case,
                command,
                rule,
                format!("{why}: {}", shown(bytes)),
            );
        }
    }
}

/// The rules for a bad file's contents: a syntax error is located, and nothing is touched.
fn judge_untouched(
    judge: &mut Judge,
    case: &Case,
    command: &str,
    run: &Run,
    board: &Path,
    folder: (&BTreeMap<OsString, Entry>, &BTreeMap<OsString, Entry>),
) {
    if case.is_syntax() && run.code != Some(0) {
        let stderr = String::from_utf8_lossy(&run.stderr);
        let lines = line_numbers(&stderr, &board.display().to_string());
        let last = 1 + case.bytes.iter().filter(|b| **b == b'\n').count();
        let detail = format!("no line number in {}", excerpt(&run.stderr, board));
        judge.require(
            !lines.is_empty(),
            &case.name,
            command,
            "a syntax error gives its line",
            detail,
        );
        let detail = format!("lines {lines:?}, the file has {last}");
        let within = lines.iter().all(|l| (1..=last).contains(l));
        judge.require(
            within,
            &case.name,
            command,
            "the line is in the file",
            detail,
        );
    }
    let now = fs::read(board).unwrap_or_default();
    let detail = format!("{} bytes before, {} after", case.bytes.len(), now.len());
    judge.require(
        now == case.bytes,
        &case.name,
        command,
        "the file is left byte for byte",
        detail,
    );
    let changes = folder_changes(folder.0, folder.1, BOARD);
    let detail = changes.join(", ");
    judge.require(
        changes.is_empty(),
        &case.name,
        command,
        "nothing else in the folder changes",
        detail,
    );
}

/// `Ok` if `bytes` are UTF-8 with no control character but tab and newline.
fn terminal_safe(bytes: &[u8]) -> Result<(), String> {
    if let Some(b) = bytes
        .iter()
        .find(|b| matches!(**b, 0x00..=0x08 | 0x0B..=0x1F | 0x7F))
    {
        return Err(format!("holds byte 0x{b:02X}"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("is not UTF-8 ({e})"))?;
    match text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c)) {
        Some(c) => Err(format!("holds U+{:04X}", u32::from(c))),
        None => Ok(()),
    }
}

/// The line numbers a message gives: `PATH:LINE:COLUMN:`, `line N` or `lines N, M`.
fn line_numbers(message: &str, path: &str) -> Vec<usize> {
    let leading_number = |text: &str| -> Option<usize> {
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let mut lines = Vec::new();
    for (at, _) in message.match_indices(path) {
        if let Some(rest) = message[at + path.len()..].strip_prefix(':') {
            lines.extend(leading_number(rest));
        }
    }
    for word in ["line ", "lines "] {
        for (at, _) in message.match_indices(word) {
            let rest = &message[at + word.len()..];
            for number in rest.split(", ") {
                match leading_number(number) {
                    Some(n) => lines.push(n),
                    None => break,
                }
                if !number.chars().all(|c| c.is_ascii_digit()) {
                    break;
                }
            }
        }
    }
    lines
}

/// The start of some output, escaped so that it prints safely, with its length; the temporary
/// folder shows as `$TMP`.
fn excerpt(bytes: &[u8], board: &Path) -> String {
    const KEEP: usize = 160;
    let folder = board
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(bytes).replace(&folder, "$TMP");
    let shown: String = text.chars().take(KEEP).collect();
    let shown = shown.trim_end().escape_debug();
    if text.chars().count() > KEEP {
        format!("\"{shown}…\" ({} bytes)", bytes.len())
    } else {
        format!("\"{shown}\"")
    }
}

/// A fresh folder holding `bytes` as the board and a backup beside it.
fn folder_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let board = home.path().join(BOARD);
    fs::write(&board, bytes).expect("writing the board");
    fs::write(home.path().join(BACKUP), "backup one").expect("writing a backup");
    (home, board)
}

fn command_name(args: &[&str]) -> String {
    if args.is_empty() {
        "(the app)".to_string()
    } else {
        args.join(" ")
    }
}

// ---- the tests -----------------------------------------------------------------------------

#[test]
fn the_sound_board_the_huge_cases_are_made_from_is_accepted() {
    let (home, board) = folder_with(SOUND.as_bytes());
    let run = dealboard(home.path(), &board, &["check"]);
    assert_eq!(run.code, Some(0), "{}", excerpt(&run.stderr, &board));
}

#[test]
fn every_bad_file_is_refused_by_check_list_and_add_and_left_alone() {
    let mut judge = Judge::new();
    for case in cases() {
        for args in COMMANDS {
            let (home, board) = folder_with(&case.bytes);
            let before = snapshot(home.path());
            let run = dealboard(home.path(), &board, args);
            let after = snapshot(home.path());
            let command = command_name(args);
            judge_refusal(&mut judge, &case.name, &command, &run, &board);
            judge_untouched(&mut judge, &case, &command, &run, &board, (&before, &after));
        }
    }
    judge.finish("check, list and add on bad files");
}

#[test]
fn the_app_refuses_every_bad_file_before_it_touches_the_terminal() {
    let mut judge = Judge::new();
    for case in cases() {
        let (home, board) = folder_with(&case.bytes);
        let before = snapshot(home.path());
        let run = dealboard(home.path(), &board, &[]);
        let after = snapshot(home.path());
        judge_refusal(&mut judge, &case.name, "(the app)", &run, &board);
        judge_untouched(
            &mut judge,
            &case,
            "(the app)",
            &run,
            &board,
            (&before, &after),
        );
        // Opening the terminal would have shown as "Cannot use the terminal": there is none.
        judge.require(
            run.stdout.is_empty(),
            &case.name,
            "(the app)",
            "the app prints nothing on stdout",
            excerpt(&run.stdout, &board),
        );
    }
    judge.finish("the app on bad files");
}

/// Puts something in the way of the board in a fresh folder.
type Setup = fn(&Path);

/// The board path is a folder, or a link to a link to itself: every way in refuses it, says so
/// with the path, and leaves the folder and the links as they were.
#[test]
fn a_board_path_that_is_a_folder_or_a_link_loop_is_refused() {
    let mut judge = Judge::new();
    let setups: [(&str, Setup); 2] = [
        ("the board path is a folder", |dir| {
            fs::create_dir(dir.join(BOARD)).expect("a folder");
            fs::write(dir.join(BOARD).join("inside"), "x").expect("a file in it");
        }),
        (
            "the board path is a link loop (board.ron -> b -> board.ron)",
            |dir| {
                std::os::unix::fs::symlink("b", dir.join(BOARD)).expect("a link");
                std::os::unix::fs::symlink(BOARD, dir.join("b")).expect("a link");
            },
        ),
    ];
    for (name, setup) in setups {
        for args in COMMANDS.iter().copied().chain([&[][..]]) {
            let home = tempfile::tempdir().expect("a temporary folder");
            setup(home.path());
            let board = home.path().join(BOARD);
            let before = snapshot(home.path());
            let run = dealboard(home.path(), &board, args);
            let after = snapshot(home.path());
            let command = command_name(args);
            judge_refusal(&mut judge, name, &command, &run, &board);
            let changes = folder_changes(&before, &after, "");
            judge.require(
                changes.is_empty(),
                name,
                &command,
                "nothing in the folder changes",
                changes.join(", "),
            );
        }
    }
    judge.finish("odd board paths");
}

/// A link to a board that does not exist yet is a missing board, not a bad one: `check` says it
/// is missing (exit 1, naming the path); `list` may say there is no board yet and `add` may
/// create it, as on first use, but through the link: the link stays a link to the same place.
/// Nothing panics or prints control characters.
#[test]
fn a_dangling_link_is_reported_as_missing_or_followed_never_replaced() {
    let mut judge = Judge::new();
    let case = "the board path is a dangling link (board.ron -> missing.ron)";
    for args in COMMANDS.iter().copied().chain([&[][..]]) {
        let home = tempfile::tempdir().expect("a temporary folder");
        let board = home.path().join(BOARD);
        std::os::unix::fs::symlink("missing.ron", &board).expect("a link");
        let run = dealboard(home.path(), &board, args);
        let command = command_name(args);
        if args == ["check"] {
            judge_refusal(&mut judge, case, &command, &run, &board);
        } else {
            judge.runs += 1;
            judge.require(
                matches!(run.code, Some(0 | 1)),
                case,
                &command,
                "exit code 0 or 1",
                format!("exit {:?}: {}", run.code, excerpt(&run.stderr, &board)),
            );
            for bytes in [&run.stderr, &run.stdout] {
                if let Err(why) = terminal_safe(bytes) {
                    judge.require(false, case, &command, "no control characters", why);
                }
            }
        }
        judge.require(
            fs::read_link(&board).is_ok_and(|to| to == Path::new("missing.ron")),
            case,
            &command,
            "the link stays a link to the same place",
            format!(
                "board.ron is now {:?}",
                fs::symlink_metadata(&board).map(|m| m.file_type())
            ),
        );
    }
    judge.finish("a dangling link");
}

#[test]
fn line_numbers_are_found_in_each_form_of_message() {
    let path = "/tmp/x/board.ron";
    assert_eq!(
        line_numbers("error: /tmp/x/board.ron:34:21: money", path),
        [34]
    );
    assert_eq!(
        line_numbers("/tmp/x/board.ron, line 1: not UTF-8", path),
        [1]
    );
    assert_eq!(
        line_numbers("markers on lines 4, 6, 8. Finish", path),
        [4, 6, 8]
    );
    assert_eq!(
        line_numbers("/tmp/x/board.ron is empty.", path),
        Vec::<usize>::new()
    );
    assert!(terminal_safe("ok\ttab\nnewline “quotes” é".as_bytes()).is_ok());
    assert!(terminal_safe(b"\x1b[2J").is_err());
    assert!(terminal_safe("\u{9b}".as_bytes()).is_err());
    assert!(terminal_safe(b"\xff").is_err());
}
