//! The process report's figures, worked out on a thread of their own: over a big board they take
//! longer than a key may keep the screen waiting. A key asks, the screen says "counting…", and
//! the figures come as news; only the latest question is answered (keys pressed while counting
//! do not queue up work). With nobody to wake (no event loop: tests, benches), asking waits for
//! the answer.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::reports::PilotSides;
use super::reports::{PilotInput, ReportChoice, counted};
use crate::model::Board;
use crate::report::analytics::Stats;
use crate::report::comparison::ChangeComparison;

/// A report's figures: the period's, the period before's when comparing and there is one, the
/// questions they raise, and before and after a change to the process when one is chosen.
#[derive(Debug, PartialEq)]
pub struct Counted {
    pub stats: Stats,
    pub before: Option<Stats>,
    pub questions: Vec<crate::report::analytics::Question>,
    pub change: Option<ChangeComparison>,
    /// Changes in the board's process log.
    pub changes: usize,
    /// A pilot's boards against the rest, when asked for and one runs.
    pub pilot: Option<PilotSides>,
}

/// How long a key waits for the figures before the screen says "counting…": half of what a key
/// may take on a board of ten thousand deals (the frame takes the rest). A board of a few
/// thousand deals has its figures within it, so its report never shows the word.
const PATIENCE: Duration = Duration::from_millis(1);

struct Question {
    number: u64,
    choice: ReportChoice,
    board: Board,
    pilot: Option<PilotInput>,
    now: DateTime<FixedOffset>,
}

#[derive(Default)]
struct Desk {
    /// The latest question, not yet taken up by the thread.
    asked: Option<Question>,
    /// The answer to the latest question, once worked out (or the panic working it out
    /// raised, passed on to the screen's thread as if it happened there).
    answered: Option<(u64, std::thread::Result<Counted>)>,
    /// Called when an answer is left.
    wake: Option<Box<dyn Fn() + Send>>,
    closing: bool,
}

#[derive(Default)]
pub struct ReportCounter {
    desk: Arc<(Mutex<Desk>, Condvar)>,
    latest: u64,
    thread: Option<JoinHandle<()>>,
}

impl ReportCounter {
    /// Gives the counter something to call when figures are ready.
    pub fn wake_with(&self, wake: impl Fn() + Send + 'static) {
        lock(&self.desk.0).wake = Some(Box::new(wake));
    }

    /// Asks for the figures of `choice` over `board` (and a pilot's boards, in a review of a
    /// team folder running one) at `now`, forgetting any question before. Returns them when
    /// they are ready within a moment (at once when there is nobody to wake).
    pub fn ask(
        &mut self,
        choice: ReportChoice,
        board: Board,
        pilot: Option<PilotInput>,
        now: DateTime<FixedOffset>,
    ) -> Option<Counted> {
        self.latest += 1;
        let number = self.latest;
        if self.thread.is_none() {
            self.thread = self.start();
        }
        if self.thread.is_none() {
            // No thread could be started: the figures are worked out here.
            return Some(counted(&choice, &board, pilot.as_ref(), now));
        }
        let someone_to_wake = {
            let (desk, asked) = &*self.desk;
            let mut desk = lock(desk);
            desk.asked = Some(Question {
                number,
                choice,
                board,
                pilot,
                now,
            });
            desk.answered = None;
            asked.notify_all();
            desk.wake.is_some()
        };
        self.wait(if someone_to_wake {
            PATIENCE
        } else {
            Duration::MAX
        })
    }

    /// The answer to the latest question, if it has come.
    pub fn take(&mut self) -> Option<Counted> {
        self.wait(Duration::ZERO)
    }

    /// Whether the answer to the latest question has come and not been taken.
    pub fn has_answer(&self) -> bool {
        let desk = lock(&self.desk.0);
        desk.answered
            .as_ref()
            .is_some_and(|(n, _)| *n == self.latest)
    }

    fn wait(&mut self, patience: Duration) -> Option<Counted> {
        let deadline = Instant::now().checked_add(patience);
        let (desk, answered) = &*self.desk;
        let mut desk = lock(desk);
        loop {
            if let Some((number, _)) = &desk.answered
                && *number == self.latest
            {
                return match desk.answered.take().map(|(_, counted)| counted) {
                    Some(Err(panic)) => {
                        drop(desk);
                        std::panic::resume_unwind(panic)
                    }
                    answered => answered.and_then(Result::ok),
                };
            }
            let left = match deadline {
                Some(deadline) => deadline.saturating_duration_since(Instant::now()),
                None => Duration::from_secs(3600),
            };
            if left.is_zero() {
                return None;
            }
            desk = answered
                .wait_timeout(desk, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    fn start(&self) -> Option<JoinHandle<()>> {
        let desk = Arc::clone(&self.desk);
        std::thread::Builder::new()
            .name("dealboard-report".into())
            .spawn(move || answer(&desk))
            .ok()
    }
}

impl Drop for ReportCounter {
    fn drop(&mut self) {
        {
            let (desk, asked) = &*self.desk;
            lock(desk).closing = true;
            asked.notify_all();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The thread: takes up the latest question, works it out, leaves the answer on the desk.
fn answer(desk: &(Mutex<Desk>, Condvar)) {
    let (desk, bell) = desk;
    loop {
        let question = {
            let mut open = lock(desk);
            loop {
                if open.closing {
                    return;
                }
                if let Some(question) = open.asked.take() {
                    break question;
                }
                open = bell.wait(open).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let counted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            counted(
                &question.choice,
                &question.board,
                question.pilot.as_ref(),
                question.now,
            )
        }));
        drop(question.board);
        let mut open = lock(desk);
        // A newer question waiting makes this answer stale: it is dropped.
        if open.asked.is_none() {
            open.answered = Some((question.number, counted));
            bell.notify_all();
            if let Some(wake) = &open.wake {
                wake();
            }
        }
    }
}

/// The desk, even if a thread panicked holding it: what it holds is whole either way.
fn lock(desk: &Mutex<Desk>) -> MutexGuard<'_, Desk> {
    desk.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_boards::demo;
    use crate::tui::app::PeriodPreset;
    use std::sync::mpsc;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
    }

    fn choice(preset: PeriodPreset) -> ReportChoice {
        ReportChoice {
            preset,
            ..ReportChoice::default()
        }
    }

    #[test]
    fn with_nobody_to_wake_asking_waits_for_the_figures() {
        let board = demo(300);
        let mut counter = ReportCounter::default();
        let asked = counter.ask(choice(PeriodPreset::AllTime), board.clone(), None, now());
        assert_eq!(
            asked,
            Some(counted(&choice(PeriodPreset::AllTime), &board, None, now()))
        );
    }

    #[test]
    fn only_the_latest_question_is_answered_and_the_answer_wakes_the_screen() {
        let board = demo(3000);
        let (tell, told) = mpsc::channel();
        let mut counter = ReportCounter::default();
        counter.wake_with(move || {
            let _ = tell.send(());
        });
        let mut answer = None;
        for preset in PeriodPreset::ALL {
            answer = counter.ask(choice(preset), board.clone(), None, now());
        }
        while answer.is_none() {
            told.recv_timeout(Duration::from_secs(60))
                .expect("the answer wakes the screen");
            if counter.has_answer() {
                answer = counter.take();
            }
        }
        let last = choice(PeriodPreset::AllTime);
        assert_eq!(answer, Some(counted(&last, &board, None, now())));
        assert!(
            !counter.has_answer() && counter.take().is_none(),
            "taken once"
        );
    }
}
