//! `dealboard review`: the stand-up on a shared screen. Several salespeople's boards presented
//! as one pipeline, strictly read-only, following the files live as their owners change them.

mod columns;
mod header;
mod look;
mod panel;
mod sources;
mod state;
mod view;

use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{self, Event};

use crate::clock::SystemClock;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};

pub use state::Review;
pub use view::render;

/// How often the files are looked at: a change on disk shows within a second.
const TICK: Duration = Duration::from_millis(700);

/// Presents the boards `named` (files and folders of them) until the presenter quits.
pub fn run(named: Vec<PathBuf>, owner: Option<&str>, since: DateTime<Utc>) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = terminal.size().and_then(|size| {
        let mut review = Review::new(
            named,
            owner,
            since,
            Box::new(SystemClock),
            (size.width, size.height),
        );
        let mut next_tick = Instant::now() + TICK;
        while !review.should_quit() {
            terminal.draw(|frame| render(&review, frame))?;
            let now = Instant::now();
            if now >= next_tick {
                review.update(Action::Tick);
                next_tick = now + TICK;
                continue;
            }
            if !event::poll(next_tick - now)? {
                continue;
            }
            match event::read()? {
                Event::Key(key) => {
                    if let Some(action) = keymap::action_for(Context::Review, &key) {
                        review.update(action);
                    }
                }
                Event::Resize(width, height) => review.update(Action::Resize(width, height)),
                _ => {}
            }
        }
        Ok(())
    });
    ratatui::try_restore()?;
    result
}
