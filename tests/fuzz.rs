//! Fuzzing the two readers of outside bytes, the board loader and the CSV importer, by mutating
//! real files: bytes flipped, lines cut, doubled or swapped, hostile tokens spliced in. Whatever
//! comes in, nothing panics; a refusal is a short message without control characters; what is
//! accepted is a sound board that saves and loads back the same.
//!
//! CI runs a short round (`cargo test --test fuzz`). A long run, worth doing after any change to
//! the file format or the importer:
//!
//! ```sh
//! DEALBOARD_FUZZ_CASES=20000 cargo test --release --test fuzz
//! ```
//!
//! A failure is shrunk by proptest and written to `tests/fuzz.proptest-regressions`, so it is
//! tried first on every later run; a file worth keeping for people to read goes into
//! `tests/fixtures/bad/`, where `tests/bad_files.rs` checks it through the real binary.

mod support;

use dealboard::interchange::import::{ImportOptions, read_csv};
use dealboard::store;
use dealboard::text::safe::MESSAGE_CHARS;
use proptest::prelude::*;

/// Cases per fuzzer: `DEALBOARD_FUZZ_CASES`, else a short round for CI.
fn cases() -> u32 {
    std::env::var("DEALBOARD_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Pieces an attacker or an accident might put in a file.
const TOKENS: &[&str] = &[
    "\u{1b}]0;pwned\u{7}",
    "\u{9b}",
    "\u{0}",
    "\"",
    "\\",
    "\\u{1b}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "id: 0,",
    "id: 18446744073709551615,",
    "stage: \"nope\",",
    "stage: \"\",",
    "version: 99,",
    "value: \"999999999999999999999 USD\",",
    "created: \"-0711-01-01T00:00:00Z\",",
    "expected_close: \"+99999-01-01\",",
    "<<<<<<< HEAD\n",
    "=======\n",
    "Some(",
    "\u{202e}",
    "\n",
    ";",
    "=cmd|' /C calc'!A0",
];

#[derive(Clone, Debug)]
enum Mutation {
    FlipByte { at: usize, to: u8 },
    Splice { at: usize, token: &'static str },
    Cut { at: usize },
    DoubleLine { line: usize },
    DropLine { line: usize },
    SwapLines { a: usize, b: usize },
    Repeat { at: usize, times: usize },
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, any::<u8>()).prop_map(|(at, to)| Mutation::FlipByte { at, to }),
        (at, prop::sample::select(TOKENS)).prop_map(|(at, token)| Mutation::Splice { at, token }),
        at.prop_map(|at| Mutation::Cut { at }),
        at.prop_map(|line| Mutation::DoubleLine { line }),
        at.prop_map(|line| Mutation::DropLine { line }),
        (at, at).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (at, 1usize..2_000).prop_map(|(at, times)| Mutation::Repeat { at, times }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    let count = lines.len();
    match *mutation {
        Mutation::FlipByte { at, to } => bytes[at % len] = to,
        Mutation::Splice { at, token } => {
            let at = at % len;
            bytes.splice(at..at, token.bytes());
        }
        Mutation::Cut { at } => bytes.truncate(at % len),
        Mutation::Repeat { at, times } => {
            let at = at % len;
            let byte = bytes[at];
            bytes.splice(at..at, std::iter::repeat_n(byte, times));
        }
        Mutation::DoubleLine { line } => {
            let line = lines[line % count].clone();
            lines.insert(line.len() % count, line);
            *bytes = lines.join(&b'\n');
        }
        Mutation::DropLine { line } => {
            lines.remove(line % count);
            *bytes = lines.join(&b'\n');
        }
        Mutation::SwapLines { a, b } => {
            lines.swap(a % count, b % count);
            *bytes = lines.join(&b'\n');
        }
    }
}

/// A message fit to show: not huge, no control characters but line breaks.
fn assert_fit_to_show(message: &str) -> Result<(), TestCaseError> {
    let shown = dealboard::text::safe_message(message);
    prop_assert!(shown.chars().count() <= MESSAGE_CHARS + 1);
    prop_assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in {:?}",
        dealboard::text::quote(message)
    );
    Ok(())
}

/// The pipeline board as its file: every kind of field a board holds.
fn board_file() -> Vec<u8> {
    store::board_text(&support::pipeline_board())
        .unwrap()
        .into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_loader_refuses_any_mutated_file_briefly_or_reads_a_sound_board(
        mutations in proptest::collection::vec(any_mutation(), 1..6),
    ) {
        let mut bytes = board_file();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        match store::parse(&bytes) {
            Ok(board) => {
                prop_assert_eq!(board.problems(), vec![]);
                let text = store::board_text(&board).unwrap();
                prop_assert_eq!(store::parse(text.as_bytes()), Ok(board));
            }
            Err(kind) => {
                let error = store::LoadError {
                    path: "board.ron".into(),
                    kind,
                    backup: None,
                };
                assert_fit_to_show(&error.to_string())?;
            }
        }
    }

    #[test]
    fn the_importer_refuses_any_mutated_csv_row_by_row_and_keeps_the_board_sound(
        mutations in proptest::collection::vec(any_mutation(), 1..6),
    ) {
        let board = support::pipeline_board();
        let deals: Vec<_> = board.deals.iter().map(AsRef::as_ref).collect();
        let mut bytes = dealboard::interchange::deals_csv(&board, &deals, false).unwrap();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let mut fresh = support::empty_board();
        match read_csv(&bytes, &fresh, &ImportOptions::default(), support::now()) {
            Ok(parsed) => {
                for problem in &parsed.problems {
                    assert_fit_to_show(&problem.reason)?;
                }
                let report = dealboard::interchange::merge(&mut fresh, &parsed);
                for problem in &report.problems {
                    assert_fit_to_show(&problem.reason)?;
                }
                prop_assert_eq!(fresh.problems(), vec![]);
            }
            Err(error) => assert_fit_to_show(&error.0)?,
        }
    }
}
