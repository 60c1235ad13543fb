//! The interactive board: a terminal, an event loop, and The Elm Architecture inside it
//! (`keymap` turns keys into actions, `App::update` applies them, `view` draws the result).

pub mod action;
pub mod app;
pub mod form;
mod input_limit;
pub mod keymap;
pub mod layout;
pub mod picker;
pub mod report_layout;
pub mod review;
pub mod text_form;
pub mod view;

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use ratatui::{DefaultTerminal, Frame};

use crate::clock::SystemClock;
use crate::model::Board;
use crate::store::Store;
use action::Action;
use app::App;

/// How long the loop waits for a key before a tick (which retries a failed save).
const TICK: Duration = Duration::from_secs(1);

/// Runs the board until the user quits. The terminal is restored however this ends, a panic
/// included (ratatui's panic hook).
/// `notice` is shown in the status bar until the first key.
pub fn run(store: Store, board: Board, notice: Option<String>) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = terminal.size().and_then(|size| {
        let clock = Box::new(SystemClock);
        let mut app = App::new(board, store, clock, (size.width, size.height));
        if let Some(notice) = notice {
            app = app.with_notice(notice);
        }
        event_loop(&mut terminal, &mut app, TICK)
    });
    ratatui::try_restore()?;
    result
}

/// What the event loop runs: the board app, or the stand-up review.
trait Screen {
    fn context(&self) -> keymap::Context;
    fn apply(&mut self, action: Action);
    fn done(&self) -> bool;
    fn draw(&self, frame: &mut Frame);
}

impl Screen for App {
    fn context(&self) -> keymap::Context {
        App::context(self)
    }
    fn apply(&mut self, action: Action) {
        self.update(action);
    }
    fn done(&self) -> bool {
        self.should_quit()
    }
    fn draw(&self, frame: &mut Frame) {
        view::render(self, frame);
    }
}

impl Screen for review::Review {
    fn context(&self) -> keymap::Context {
        keymap::Context::Review
    }
    fn apply(&mut self, action: Action) {
        self.update(action);
    }
    fn done(&self) -> bool {
        self.should_quit()
    }
    fn draw(&self, frame: &mut Frame) {
        review::render(self, frame);
    }
}

/// Draws, waits for a key or the next tick, and feeds both to the screen. Ticks come every
/// `tick` even while keys keep arriving, so a failed save is retried and outside changes are
/// followed however busy the keyboard is.
fn event_loop(
    terminal: &mut DefaultTerminal,
    screen: &mut impl Screen,
    tick: Duration,
) -> io::Result<()> {
    let mut next_tick = Instant::now() + tick;
    while !screen.done() {
        terminal.draw(|frame| screen.draw(frame))?;
        let now = Instant::now();
        if now >= next_tick {
            screen.apply(Action::Tick);
            next_tick = now + tick;
            continue;
        }
        if !event::poll(next_tick - now)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keymap::action_for(screen.context(), &key) {
                    screen.apply(action);
                }
            }
            Event::Resize(width, height) => screen.apply(Action::Resize(width, height)),
            _ => {}
        }
    }
    Ok(())
}
