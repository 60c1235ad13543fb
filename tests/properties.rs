//! Invariants over many generated cases: whatever is saved loads back the same, and no sequence
//! of keys panics, breaks the file or loses a deal the user did not delete.

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use dealboard::model::{Currency, Deal, Money, StageId, Status};
use dealboard::store;
use dealboard::tui::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::TestApp;

/// Any line of text a board may hold: every script and quotes, but no control characters
/// (every input drops them, and a file holding them is refused).
fn any_text() -> impl Strategy<Value = String> {
    any_raw_text().prop_map(|text| dealboard::model::limits::clean_line(&text))
}

/// Any notes a board may hold: line breaks and tabs too.
fn any_notes() -> impl Strategy<Value = String> {
    any_raw_text().prop_map(|text| dealboard::model::limits::clean_notes(&text))
}

fn any_raw_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "(.|\n){0,30}",
        Just("notes\n=======\n<<<<<<< HEAD\n>>>>>>> theirs\nid: 1,".to_string()),
        "[a-zA-Z ]{0,12}",
        "[ а-яА-ЯёЁ]{0,12}",
        "[\u{4e00}-\u{4e20}🚀🇩🇪]{0,6}",
        Just("quote \" hash \"# and \\ backslash".to_string()),
        Just("two\nlines\r\n\ttab".to_string()),
        // Text a spreadsheet would take for a formula, and text that already starts with `'`.
        Just("=SUM(A1:A2)".to_string()),
        Just("'=quoted already".to_string()),
        Just("- dash first".to_string()),
    ]
}

prop_compose! {
    fn any_deal()(
        title in any_text().prop_filter("a title", |t| !t.trim().is_empty()),
        company in any_text(),
        notes in any_notes(),
        external_id in any_text(),
        minor in 0..=999_999_999_999_999i128,
        cost in proptest::option::of(0..=999_999_999_999_999i128),
        currency in prop::sample::select(vec!["EUR", "USD", "JPY", "KWD", "RUB", "CHF"]),
        probability in proptest::option::of(0u8..=100),
        day in 0u32..3000,
        // As the app stores them: trimmed, without commas (they separate tags) or line breaks.
        tags in proptest::collection::vec("[^,\n\r]{0,12}".prop_map(|t| t.trim().to_string()).prop_filter("a tag", |t| !t.is_empty()), 0..4),
        stage in prop::sample::select(vec!["lead", "negotiation", "delivery"]),
        status in 0u8..3,
    ) -> (Deal, &'static str) {
        let at = Utc.with_ymd_and_hms(2024, 1, 1, 8, 30, 0).unwrap() + chrono::Duration::days(day.into());
        let currency = Currency::parse(currency).unwrap();
        let mut deal = Deal::new(dealboard::model::DealId(0), &title, StageId(stage.into()), Money { minor, currency }, at);
        // Titles are stored trimmed, whatever is typed.
        deal.title = title.trim().to_string();
        deal.company = company;
        deal.notes = notes;
        deal.external_id = external_id;
        deal.cost = cost.map(|minor| Money { minor, currency });
        deal.probability = probability;
        deal.expected_close = NaiveDate::from_ymd_opt(2025, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(day.into())));
        deal.tags = dealboard::model::input::parse_tags(&tags.join(","));
        if day % 3 == 0 {
            deal.close_changes = vec![dealboard::model::CloseChange { at, from: deal.expected_close, to: None }];
        }
        deal.status = match status {
            0 => Status::Open,
            1 => Status::Won { at },
            _ => Status::Lost { at, reason: "Price \"too\" high".into() },
        };
        (deal, stage)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn save_then_load_gives_the_same_board(deals in proptest::collection::vec(any_deal(), 0..12), name in any_text()) {
        let mut board = support::empty_board();
        board.name = name;
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 7, 0, 0).unwrap();
        for (deal, stage) in deals {
            board.add_deal(&StageId(stage.into()), now, |d| *d = deal.clone()).unwrap();
        }
        let text = store::board_text(&board).unwrap();
        let loaded = store::parse(text.as_bytes());
        prop_assert_eq!(loaded.as_ref(), Ok(&board), "{}", text);
        prop_assert_eq!(store::board_text(&loaded.unwrap()).unwrap(), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Whatever the deals hold (quotes, commas, newlines, any script, any currency), our CSV
    /// export read back into an empty board gives the same export, and read into the board it
    /// came from changes nothing.
    #[test]
    fn a_csv_export_imports_back_as_the_same_deals(deals in proptest::collection::vec(any_deal(), 0..12)) {
        use dealboard::interchange::{deals_csv, import::{read_csv, ImportOptions}, merge};
        let mut board = support::empty_board();
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 7, 0, 0).unwrap();
        for (deal, stage) in deals {
            board.add_deal(&StageId(stage.into()), now, |d| *d = deal.clone()).unwrap();
        }
        // An id in another system names one deal.
        for (i, deal) in board.deals.iter_mut().enumerate() {
            if !deal.external_id.is_empty() {
                let deal = std::sync::Arc::make_mut(deal);
                deal.external_id = format!("{}-{i}", deal.external_id);
            }
        }
        let export = |board: &dealboard::model::Board| {
            let mut all: Vec<&Deal> = board.deals.iter().map(AsRef::as_ref).collect();
            all.sort_by_key(|d| (board.stage_index(&d.stage), d.rank, d.id));
            deals_csv(board, &all, false).unwrap()
        };
        let csv = export(&board);
        let clock = support::now();
        let parsed = read_csv(&csv, &board, &ImportOptions::default(), clock).unwrap();
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let mut fresh = support::empty_board();
        let report = merge(&mut fresh, &parsed);
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
        prop_assert_eq!(String::from_utf8(export(&fresh)).unwrap(), String::from_utf8(csv.clone()).unwrap());
        let mut same = board.clone();
        let again = merge(&mut same, &parsed);
        prop_assert!(again.added.is_empty() && again.updated.is_empty(), "{:?}", again);
        prop_assert_eq!(same, board);
    }
}

/// A cell as spreadsheets and people write them: dates, amounts, any script, odd spaces.
fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        "[0-9 .,/:\u{a0}\u{202f}+-]{0,20}",
        "(20[0-9]{2}-[01][0-9]-[0-3][0-9])?[ T\u{a0}]?[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?( ?(Z|UTC|[+-][0-9]{2}:?[0-9]{2}|AM|PM|é|ü))?",
        "[$€£¥₽]? ?[0-9]{1,3}([ .,\u{a0}][0-9]{3}){0,3}([.,][0-9]{1,3})? ?[A-Za-z€$]{0,4}",
        Just("Closed Won".to_string()),
        Just("Lost".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// No file makes the import panic: every row is a deal or a problem with its line.
    #[test]
    fn importing_any_csv_never_panics(
        headers in prop::sample::select(vec![
            "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Expected close date,Deal - Label",
            "Record ID,Deal Name,Deal Stage,Close Date,Amount,Create Date,Last Activity Date,Deal Type",
            "id,title,value,currency,cost,probability,stage,status,closed,expected_close,next_action_due,tags,created,updated,referred_by",
        ]),
        rows in proptest::collection::vec(proptest::collection::vec(any_cell(), 0..16), 0..6),
        separator in prop::sample::select(vec![",", ";", "\t"]),
    ) {
        use dealboard::interchange::import::{read_csv, ImportOptions};
        let mut text = headers.replace(',', separator);
        for row in rows {
            text.push('\n');
            let cells: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            text.push_str(&cells.join(separator));
        }
        let board = support::empty_board();
        if let Ok(parsed) = read_csv(text.as_bytes(), &board, &ImportOptions::default(), support::now()) {
            let mut copy = board.clone();
            dealboard::interchange::merge(&mut copy, &parsed);
        }
    }

    #[test]
    fn importing_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        use dealboard::interchange::import::{read_csv, ImportOptions};
        let board = support::empty_board();
        let _ = read_csv(&bytes, &board, &ImportOptions::default(), support::now());
    }
}

/// Keys a person might press, including the ones that edit, delete and undo.
const KEYS: &[&str] = &[
    "h", "j", "k", "l", ">", "<", "H", "L", "J", "K", "S-Right", "S-Left", "n", "e", "Enter", "d",
    "y", "u", "C-r", "?", "Esc", "Tab", "BTab", "x", "12", "BS", "C-s", "g", "G", "PgDn", "PgUp",
    "Del", "Space", "c", "p", "w", "r", "a", "S", "m", "o", "/", "C-n", "acme",
];

fn draw(t: &TestApp, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_key_sequence_panics_or_leaves_the_file_behind(
        keys in proptest::collection::vec(prop::sample::select(KEYS), 1..80),
        width in 1u16..200,
        height in 1u16..60,
    ) {
        let mut t = TestApp::new(support::board_with_a_won_deal(), width, height);
        for key in keys {
            t.keys(key);
            draw(&t, width, height);
            prop_assert_eq!(&t.saved(), t.app.board(), "after {}", key);
        }
    }

    /// A deal leaves the file only when the user deleted it (`d` then `y`), undid its adding,
    /// or redid its deletion, and the status bar says so.
    #[test]
    fn no_key_sequence_loses_a_deal(keys in proptest::collection::vec(prop::sample::select(KEYS), 1..80)) {
        let mut t = TestApp::new(support::board_with_a_won_deal(), 80, 24);
        let mut known: Vec<_> = t.app.board().deals.iter().map(|d| d.id).collect();
        for key in keys {
            t.keys(key);
            let saved = t.saved();
            let vanished = known.iter().any(|id| saved.deal(*id).is_none());
            if vanished {
                let said = t.app.flash().map(|f| f.text.clone()).unwrap_or_default();
                let by_the_user = said.starts_with("Deleted")
                    || said.starts_with("Undone: Added")
                    || said.starts_with("Redone: Deleted");
                prop_assert!(by_the_user, "a deal vanished after {} and the app said {:?}", key, said);
            }
            known = saved.deals.iter().map(|d| d.id).collect();
        }
    }
}
