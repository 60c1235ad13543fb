//! `dealboard review`: the stand-up on a shared screen. Several salespeople's boards presented
//! as one pipeline, strictly read-only, following the files live as their owners change them.

mod big_text;
mod columns;
mod header;
mod look;
mod panel;
mod people;
mod sources;
mod state;
mod team_file;
mod view;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::clock::SystemClock;

pub use sources::FOLLOW_EVERY;
pub use state::Review;
pub use view::render;

/// How often the files are looked at: a change on disk shows within a second.
const TICK: Duration = Duration::from_millis(700);

/// Presents the boards `named` (files and folders of them) until the presenter quits. The
/// terminal is restored however this ends.
pub fn run(
    named: Vec<PathBuf>,
    owner: Option<&str>,
    since: DateTime<Utc>,
    team: Option<std::path::PathBuf>,
) -> io::Result<super::Ending> {
    let signals = super::signals::Signals::listen()?;
    let mut terminal = super::take_terminal()?;
    let mut review = Review::new(named, owner, since, Box::new(SystemClock));
    review.follow_team(team);
    let size = terminal.size()?;
    review.update(crate::tui::action::Action::Resize(size.width, size.height));
    let result = super::event_loop(&mut terminal, &mut review, &signals, TICK);
    super::finish(terminal, result)
}
