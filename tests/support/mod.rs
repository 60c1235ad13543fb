//! Shared fixtures: a board with realistic deals (Latin, Cyrillic, CJK and emoji text) at a fixed
//! moment, and an app over it in a temporary folder.
#![allow(dead_code)] // each test file uses its own part of this module

pub mod cli;
pub mod november;
#[cfg(unix)]
pub mod pty;
pub mod versions;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate};
use dealboard::clock::FixedClock;
use dealboard::model::{Board, Deal, DealId, StageId};
use dealboard::store::{self, Store};
use dealboard::tui::action::Action;
use dealboard::tui::app::App;
use dealboard::tui::keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tempfile::TempDir;

/// 2026-11-27 10:00 in UTC+3, the moment every test runs at.
/// The words of a catalogue sentence before its first blank (`Created a new board at ` of
/// `Created a new board at {path} …`), for asserting what the user is told in any language.
pub fn opening(template: &'static str) -> &'static str {
    template.split('{').next().unwrap_or(template)
}

/// The longest run of a catalogue sentence's own words between its blanks (` is open in
/// dealboard right now. …` of `{path} is open in dealboard right now. …`), trimmed.
pub fn words_of(template: &'static str) -> &'static str {
    template
        .split(['{', '}'])
        .enumerate()
        // Between the braces are the blanks' names: every other piece.
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, words)| words.trim())
        .max_by_key(|words| words.len())
        .unwrap_or(template)
}

/// `text` up to `end` (`Cannot read no-such.csv` of `Cannot read no-such.csv: …`).
pub fn opening_of<'a>(text: &'a str, end: &str) -> &'a str {
    text.split(end).next().unwrap_or(text)
}

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn days_ago(days: i64) -> DateTime<chrono::Utc> {
    (now() - chrono::Duration::days(days)).to_utc()
}

pub fn empty_board() -> Board {
    let mut board = store::default_board().unwrap();
    board.owner = "anna".into();
    board
}

/// Adds a deal to `stage` through the model, as the app would.
pub fn add(board: &mut Board, stage: &str, title: &str, fill: impl FnOnce(&mut Deal)) -> DealId {
    let (id, _) = board
        .add_deal(&StageId(stage.into()), days_ago(10), |d| {
            d.title = title.into();
            fill(d);
        })
        .unwrap();
    id
}

/// A board a salesperson might have: values in three currencies, an overdue action, one due
/// today, and titles in Russian, Japanese and with emoji.
pub fn sample_board() -> Board {
    let mut board = empty_board();
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
    let usd = |d: &mut Deal, text: &str| {
        d.value = dealboard::model::Money::parse_with_currency(text, d.value.currency).unwrap();
    };
    add(&mut board, "lead", "CRM rollout, 40 seats", |d| {
        d.company = "Acme Ltd".into();
        usd(d, "12000 USD");
        d.set_next_action("Intro call");
        d.set_next_due(date(11, 24));
    });
    add(
        &mut board,
        "lead",
        "Поставка оборудования",
        |d| {
            d.company = "ООО «Ромашка»".into();
            d.owner = "Иван".into();
            usd(d, "1500000 RUB");
            d.set_next_due(Some(today()));
        },
    );
    add(
        &mut board,
        "qualification",
        "株式会社テスト 導入プロジェクト",
        |d| {
            d.company = "株式会社テスト".into();
            usd(d, "5000000 JPY");
            d.set_next_due(date(12, 3));
        },
    );
    add(&mut board, "qualification", "Support renewal 🚀", |d| {
        d.company = "Globex".into();
        usd(d, "3500.50 USD");
    });
    add(&mut board, "negotiation", "Warehouse scanners", |d| {
        d.company = "Initech GmbH".into();
        usd(d, "48000 EUR");
        d.set_next_action("Send revised price");
        d.set_next_due(date(11, 20));
    });
    board
}

/// The sample board with a won deal being delivered, so that post-sale stages hold one too.
pub fn board_with_a_won_deal() -> Board {
    let mut board = sample_board();
    let id = add(&mut board, "delivery", "Delivered and won", |d| {
        d.company = "Acme Ltd".into()
    });
    let won = dealboard::model::Status::Won { at: days_ago(2) };
    board
        .deals
        .iter_mut()
        .filter(|d| d.id == id)
        .for_each(|d| std::sync::Arc::make_mut(d).status = won.clone());
    board
}

/// The sample board worked on for a while: a deal going cold, exit criteria ticked, a deal won
/// and being delivered, one lost, one that came by referral, and an action done.
pub fn pipeline_board() -> Board {
    let mut board = board_with_a_won_deal();
    let cold = add(&mut board, "proposal-sent", "Fleet tracking pilot", |d| {
        d.company = "Umbrella Corp".into();
        d.value =
            dealboard::model::Money::parse_with_currency("9000 USD", d.value.currency).unwrap();
        d.set_next_action("Chase the CFO");
        d.set_next_due(Some(today() + chrono::Duration::days(3)));
    });
    let lost = add(&mut board, "negotiation", "Printers for Globex", |d| {
        d.company = "Globex".into();
    });
    board
        .mark_lost(lost, "Chose a competitor", days_ago(5))
        .unwrap();
    let acme = board
        .deals
        .iter()
        .find(|d| d.title == "CRM rollout, 40 seats")
        .unwrap()
        .id;
    board
        .toggle_tick(acme, "Contact person identified", days_ago(4))
        .unwrap();
    board
        .complete_next_action(
            acme,
            dealboard::model::Activity::task("Intro call", NaiveDate::from_ymd_opt(2026, 11, 24)),
            days_ago(6),
        )
        .unwrap();
    add(&mut board, "lead", "Second site for Acme", |d| {
        d.company = "Acme Ltd".into();
        d.referred_by = Some(dealboard::model::Referral::Deal(acme));
        d.source = "Referral".into();
    });
    // Untouched for 30 days in a stage that allows 10: going cold.
    board
        .deals
        .iter_mut()
        .filter(|d| d.id == cold)
        .for_each(|d| std::sync::Arc::make_mut(d).updated = days_ago(30));
    board
}

/// An app over `board`, saved in a fresh temporary folder, with the clock stopped at [`now`].
pub struct TestApp {
    pub app: App,
    pub path: PathBuf,
    pub dir: TempDir,
}

impl TestApp {
    pub fn new(board: Board, width: u16, height: u16) -> TestApp {
        TestApp::made(board, width, height, |app| app)
    }

    /// The app as `make` makes it from the one [`TestApp::new`] opens.
    pub fn made(board: Board, width: u16, height: u16, make: impl FnOnce(App) -> App) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        let store = Store::create(&path, &board).unwrap();
        let app = App::new(board, store, Box::new(FixedClock(now())), (width, height));
        TestApp {
            app: make(app),
            path,
            dir,
        }
    }

    /// Types keys as a person would, through the real keymap: `"j j >"`, `"n"`, `"C-r"`,
    /// `"S-Right"`, `"Enter"`, `"Tab"`, `"Esc"`; any other word is typed letter by letter.
    pub fn keys(&mut self, keys: &str) -> &mut TestApp {
        for word in keys.split(' ').filter(|w| !w.is_empty()) {
            for event in key_events(word) {
                if let Some(action) = keymap::action_for(self.app.context(), &event) {
                    self.app.update(action);
                }
            }
        }
        self.settle()
    }

    /// Types text into the focused form field, spaces included.
    pub fn type_text(&mut self, text: &str) -> &mut TestApp {
        for c in text.chars() {
            let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            if let Some(action) = keymap::action_for(self.app.context(), &event) {
                self.app.update(action);
            }
        }
        self.settle()
    }

    pub fn act(&mut self, action: Action) -> &mut TestApp {
        self.app.update(action);
        self.settle()
    }

    /// Waits for the background writer, then lets the app take in how the save went, as the
    /// event loop does between keys: a test then sees the file and the status bar as a person
    /// would a moment later.
    pub fn settle(&mut self) -> &mut TestApp {
        assert!(
            self.app.wait_for_saves(std::time::Duration::from_secs(30)),
            "the writer did not finish"
        );
        self.app.update(Action::News);
        self
    }

    /// The board as it is in the file now.
    pub fn saved(&self) -> Board {
        Store::open(&self.path).unwrap().1
    }

    /// The saved deal with this title.
    pub fn deal(&self, title: &str) -> Deal {
        let board = self.saved();
        let found = board.deals.iter().find(|d| d.title == title);
        found
            .map(|d| Deal::clone(d))
            .unwrap_or_else(|| panic!("no deal “{title}” in the file"))
    }

    pub fn titles_in(&self, stage: &str) -> Vec<String> {
        let board = self.saved();
        board
            .column(&StageId(stage.into()))
            .iter()
            .map(|d| d.title.clone())
            .collect()
    }
}

pub fn key_events(word: &str) -> Vec<KeyEvent> {
    let plain = |code| vec![KeyEvent::new(code, KeyModifiers::NONE)];
    match word {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "BTab" => vec![KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)],
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Del" => plain(KeyCode::Delete),
        "BS" => plain(KeyCode::Backspace),
        "Space" => plain(KeyCode::Char(' ')),
        "S-Right" => vec![KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT)],
        "S-Left" => vec![KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT)],
        "S-Up" => vec![KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT)],
        "S-Down" => vec![KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT)],
        _ if word.starts_with("C-") && word.len() == 3 => {
            let c = word.chars().nth(2).unwrap();
            vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)]
        }
        _ => word
            .chars()
            .map(|c| {
                let modifiers = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                KeyEvent::new(KeyCode::Char(c), modifiers)
            })
            .collect(),
    }
}

/// A key release, which must never count as a press.
pub fn release(code: KeyCode) -> KeyEvent {
    KeyEvent {
        kind: KeyEventKind::Release,
        ..KeyEvent::new(code, KeyModifiers::NONE)
    }
}

/// Runs git as the test, never as the machine's user.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "someone")
        .env("GIT_AUTHOR_EMAIL", "someone@example.com")
        .env("GIT_COMMITTER_NAME", "someone")
        .env("GIT_COMMITTER_EMAIL", "someone@example.com")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
