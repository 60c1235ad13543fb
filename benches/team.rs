//! How fast the figures and the stand-up review are at 1k, 10k and 100k deals: the process
//! report over all time and over a month, and the review of three boards (opening it, the next
//! person's turn, following a file that changed, drawing a projector frame), and sharing a
//! board through git (the merge driver's merge, a commit's words).
//!
//! `cargo bench --bench team`; `cargo bench --bench team -- review` runs one group.

mod support;

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dealboard::clock::FixedClock;
use dealboard::model::Board;
use dealboard::report::analytics::{Period, Stats, questions};
use dealboard::report::comparison::ChangeComparison;
use dealboard::report::previous_working_day;
use dealboard::store;
use dealboard::tui::action::Action;
use dealboard::tui::review::{Review, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{SIZES, demo, now};

fn stats(c: &mut Criterion) {
    let mut group = c.benchmark_group("stats");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let november = Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 1),
        to: NaiveDate::from_ymd_opt(2026, 11, 30),
    };
    for size in SIZES {
        let board = demo(size);
        let at = now().fixed_offset();
        group.bench_function(BenchmarkId::new("all time", size), |b| {
            b.iter(|| Stats::of(black_box(&board), Period::all(), None, at))
        });
        group.bench_function(BenchmarkId::new("november, one owner", size), |b| {
            b.iter(|| Stats::of(black_box(&board), november, Some("anna"), at))
        });
        // "Is the process still useful?" over all time: one more pass, each owner's deals.
        let all = Stats::of(&board, Period::all(), None, at);
        let window = Period::all().window(at);
        group.bench_function(BenchmarkId::new("questions", size), |b| {
            b.iter(|| questions(black_box(&board), &all, &window, at))
        });
        // Before and after the demo's change to its process: two reports, each on its side's
        // stages.
        let last = board.process_log.len();
        group.bench_function(BenchmarkId::new("before and after a change", size), |b| {
            b.iter(|| ChangeComparison::of(black_box(&board), last, None, at))
        });
    }
    group.finish();
}

/// Three boards of `size / 3` deals each in a fresh folder.
fn team(size: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp folder");
    for name in ["anna", "boris", "carla"] {
        let text = store::board_text(&demo(size / 3)).expect("serializes");
        std::fs::write(dir.path().join(format!("{name}.ron")), text).expect("writes");
    }
    dir
}

fn open(dir: &tempfile::TempDir) -> Review {
    let at = now().fixed_offset();
    Review::new(
        vec![dir.path().to_path_buf()],
        None,
        previous_working_day(at),
        Box::new(FixedClock(at)),
    )
}

fn review(c: &mut Criterion) {
    let mut group = c.benchmark_group("review");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let dir = team(size);
        // Until the review is on screen: letting it go again, on quitting, is not timed.
        group.bench_function(BenchmarkId::new("open three boards", size), |b| {
            b.iter_with_large_drop(|| open(black_box(&dir)))
        });
        let mut review = open(&dir);
        group.bench_function(BenchmarkId::new("next person", size), |b| {
            b.iter(|| review.update(Action::NextOwner))
        });
        // Another deal count each time, so that every tick finds the file changed.
        let path = dir.path().join("anna.ron");
        let texts: Vec<String> = [size / 3, size / 3 + 1]
            .iter()
            .map(|n| store::board_text(&demo(*n)).expect("serializes"))
            .collect();
        let next = dir.path().join(".anna.ron.next");
        let mut turn = 0;
        // The file replaced as dealboard saves (written beside it, then renamed over it), a
        // look asked for, and the news taken in as the event loop does until the board on
        // screen holds the change (the watcher also looks by itself between ticks). Gives the
        // time the screen's thread spent taking news in.
        let mut changed = |review: &mut Review| -> Duration {
            turn += 1;
            let before = review.board().deals.len();
            std::fs::write(&next, &texts[turn % 2]).expect("writes");
            std::fs::rename(&next, &path).expect("renames");
            review.update(Action::Tick);
            let mut on_screen = Duration::ZERO;
            while review.board().deals.len() == before {
                if review.has_news() {
                    let start = std::time::Instant::now();
                    review.update(Action::News);
                    on_screen += start.elapsed();
                } else {
                    std::thread::sleep(Duration::from_micros(100));
                }
            }
            on_screen
        };
        // From the file replaced to the board on screen: read on the watcher's thread, then
        // taken in on the screen's.
        group.bench_function(
            BenchmarkId::new("a file changed: read and redo", size),
            |b| b.iter(|| changed(&mut review)),
        );
        // What of that holds up the screen (keys wait for it): taking in the board read.
        group.bench_function(
            BenchmarkId::new("a file changed: on the screen's thread", size),
            |b| b.iter_custom(|times| (0..times).map(|_| changed(&mut review)).sum()),
        );
        let mut terminal = Terminal::new(TestBackend::new(240, 60)).expect("test terminal");
        group.bench_function(BenchmarkId::new("draw 240x60", size), |b| {
            b.iter(|| terminal.draw(|f| render(black_box(&review), f)).map(|_| ()))
        });
        // `s`: the process report over the boards (the last 90 days), worked out and closed.
        group.bench_function(BenchmarkId::new("report open and close", size), |b| {
            b.iter(|| {
                review.update(Action::ShowReports);
                review.update(Action::Close);
            })
        });
    }
    group.finish();
}

/// Two people's day on one board: each changes ten deals and adds one (the same new id).
fn two_days(size: usize) -> (Board, Board, Board) {
    let base = demo(size);
    let later = now() + chrono::Duration::hours(3);
    let mut sides = [base.clone(), base.clone()];
    for (side, board) in sides.iter_mut().enumerate() {
        let ids: Vec<_> = board
            .deals
            .iter()
            .map(|d| d.id)
            .skip(side * 10)
            .take(10)
            .collect();
        for id in ids {
            board
                .edit_deal(id, later, |d| d.title.push_str(" (edited)"))
                .expect("a demo deal");
        }
        let first = board.stages[0].id.clone();
        board
            .add_deal(&first, later, |d| d.title = format!("New of side {side}"))
            .expect("a new deal");
    }
    let [ours, theirs] = sides;
    (base, ours, theirs)
}

fn sharing(c: &mut Criterion) {
    let mut group = c.benchmark_group("sharing");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for size in SIZES {
        let (base, ours, theirs) = two_days(size);
        group.bench_function(BenchmarkId::new("merge two days", size), |b| {
            b.iter(|| {
                dealboard::interchange::merge_boards(&base, &ours, &theirs).map(|m| m.clashes)
            })
        });
        group.bench_function(BenchmarkId::new("what changed, in words", size), |b| {
            b.iter(|| black_box(dealboard::model::changes_between(&base, &ours).deals.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, stats, review, sharing);
criterion_main!(benches);
