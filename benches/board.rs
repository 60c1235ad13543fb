//! How fast the board is at 1k, 10k and 100k deals: loading and saving the file, starting the
//! app to its first frame, drawing a frame, a key press through to the next frame (a move hands
//! its save to the writer thread), a move through to the file safely on disk, and importing a
//! CSV of that many rows.
//!
//! `cargo bench` runs them all; `cargo bench -- frame` runs one group.

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dealboard::clock::FixedClock;
use dealboard::model::Board;
use dealboard::store::{self, Store};
use dealboard::tui::action::Action;
use dealboard::tui::app::App;
use dealboard::tui::keymap::Context;
use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{SIZES, demo, now};
use tui_input::InputRequest;

/// An app as the event loop runs it: with something to wake, so that work done in the
/// background (the report's figures) does not hold a key up.
fn app(board: Board, dir: &tempfile::TempDir) -> App {
    let store = Store::create(&dir.path().join("board.ron"), &board).expect("temp folder");
    let app = App::new(
        board,
        store,
        Box::new(FixedClock(now().fixed_offset())),
        (200, 50),
    );
    app.wake_on_news(std::sync::Arc::new(|| {}));
    app
}

fn file(c: &mut Criterion) {
    let mut group = c.benchmark_group("file");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let board = demo(size);
        let text = store::board_text(&board).expect("serializes");
        group.bench_with_input(BenchmarkId::new("load", size), &text, |b, text| {
            b.iter_with_large_drop(|| store::parse(black_box(text.as_bytes())).expect("parses"))
        });
        let dir = tempfile::tempdir().expect("temp folder");
        let mut saved = Store::create(&dir.path().join("board.ron"), &board).expect("creates");
        group.bench_with_input(BenchmarkId::new("save", size), &board, |b, board| {
            b.iter(|| saved.save(black_box(board)).expect("saves"))
        });
    }
    group.finish();
}

/// What a user waits for when starting the app: the board file read and checked, the app's
/// columns and figures built, and the first frame drawn.
fn start(c: &mut Criterion) {
    let mut group = c.benchmark_group("start");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("board.ron");
        Store::create(&path, &demo(size)).expect("creates");
        let mut terminal = Terminal::new(TestBackend::new(240, 60)).expect("test terminal");
        group.bench_function(BenchmarkId::new("open to first frame", size), |b| {
            b.iter_with_large_drop(|| {
                let (store, board) = Store::open(black_box(&path)).expect("opens");
                let clock = Box::new(FixedClock(now().fixed_offset()));
                let app = App::new(board, store, clock, (240, 60));
                terminal.draw(|f| view::render(&app, f)).expect("draws");
                app
            })
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp folder");
        let app = app(demo(size), &dir);
        let mut terminal = Terminal::new(TestBackend::new(240, 60)).expect("test terminal");
        group.bench_function(BenchmarkId::new("draw 240x60", size), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| view::render(black_box(&app), f))
                    .map(|_| ())
            })
        });
    }
    group.finish();
}

fn key_to_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("key to frame");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp folder");
        let mut app = app(demo(size), &dir);
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
        group.bench_function(BenchmarkId::new("select down", size), |b| {
            b.iter(|| {
                app.update(Action::SelectDown);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())
            })
        });
        // A move changes the board and hands a copy to the writer. Each deal is moved on and
        // back, then the last deal of the column is taken (the moved one went on top): the
        // board keeps its size, and no deal gathers a history of thousands of moves, as no real
        // deal does.
        let mut forward = true;
        let mut move_once = move |app: &mut App| {
            app.update(if forward {
                Action::MoveForward
            } else {
                Action::MoveBack
            });
            // Moving on with exit criteria not done asks first: say yes, so the move happens
            // every time rather than the question being drawn.
            if app.context() == Context::Question {
                app.update(Action::Yes);
            }
            if !forward {
                app.update(Action::SelectLast);
            }
            forward = !forward;
        };
        group.bench_function(BenchmarkId::new("move", size), |b| {
            b.iter(|| {
                move_once(&mut app);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())
            })
        });
        // The same, until the change is safely on disk (written, fsynced, renamed).
        group.bench_function(BenchmarkId::new("move until on disk", size), |b| {
            b.iter(|| {
                move_once(&mut app);
                app.wait_for_saves(Duration::from_secs(60))
            })
        });
        // Keys that change what every column shows, each pressed twice to come back: only my
        // deals (`m`), and the columns' order (`S`, five orders).
        group.bench_function(BenchmarkId::new("only mine, on and off", size), |b| {
            b.iter(|| {
                app.update(Action::ToggleMine);
                app.update(Action::ToggleMine);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())
            })
        });
        group.bench_function(BenchmarkId::new("next order", size), |b| {
            b.iter(|| {
                app.update(Action::CycleSort);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())
            })
        });
        // A filter typed: its first letter looks through every deal, the next one through what
        // the first kept; erasing both shows the whole board again. Four keys, each drawn.
        group.bench_function(
            BenchmarkId::new("filter, type two letters and erase them", size),
            |b| {
                app.update(Action::StartFilter);
                let keys = [
                    InputRequest::InsertChar('a'),
                    InputRequest::InsertChar('c'),
                    InputRequest::DeletePrevChar,
                    InputRequest::DeletePrevChar,
                ];
                b.iter(|| {
                    for key in keys {
                        app.update(Action::Edit(key));
                        terminal.draw(|f| view::render(&app, f)).map(|_| ())?;
                    }
                    Ok::<(), std::convert::Infallible>(())
                });
                app.update(Action::Close);
            },
        );
        // The process report opened and closed: the key shows the figures when they take
        // less than a moment to work out, else "counting…" (the figures come after, off the
        // key; their own cost is `report` in `benches/team.rs`).
        group.bench_function(BenchmarkId::new("report, open and close", size), |b| {
            b.iter(|| {
                app.update(Action::ShowReports);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())?;
                app.update(Action::Close);
                terminal.draw(|f| view::render(&app, f)).map(|_| ())
            })
        });
        // The closed deals (won and lost, newest first) listed, and the board shown again.
        group.bench_function(
            BenchmarkId::new("closed deals, open and close", size),
            |b| {
                b.iter(|| {
                    app.update(Action::ShowClosed);
                    terminal.draw(|f| view::render(&app, f)).map(|_| ())?;
                    app.update(Action::Close);
                    terminal.draw(|f| view::render(&app, f)).map(|_| ())
                })
            },
        );
        // The agenda and the customers: each key while one is open works its list out again
        // from the whole board (every deal's activities; every deal's company), then draws.
        for (name, screen) in [
            ("agenda, next row", Action::ShowAgenda),
            ("customers, next row", Action::ShowCustomers),
        ] {
            app.update(screen);
            group.bench_function(BenchmarkId::new(name, size), |b| {
                b.iter(|| {
                    app.update(Action::SelectDown);
                    terminal.draw(|f| view::render(&app, f)).map(|_| ())
                })
            });
            app.update(Action::Close);
        }
    }
    group.finish();
}

/// A CSV of every deal (our own export) read and merged into an empty board: the whole import
/// but the final save, which `file/save` measures.
fn import(c: &mut Criterion) {
    use dealboard::interchange::import::{ImportOptions, read_csv};
    use dealboard::interchange::{deals_csv, merge};
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let board = demo(size);
        let deals: Vec<_> = board.deals.iter().map(AsRef::as_ref).collect();
        let csv = deals_csv(&board, &deals, false).expect("exports");
        let empty = store::default_board().expect("the built-in board parses");
        group.bench_with_input(BenchmarkId::new("csv rows", size), &csv, |b, csv| {
            b.iter(|| {
                let options = ImportOptions::default();
                let parsed = read_csv(black_box(csv), &empty, &options, now().fixed_offset())
                    .expect("reads");
                let mut board = empty.clone();
                merge(&mut board, &parsed)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, file, start, frame, key_to_frame, import);
criterion_main!(benches);
