//! The interactive board: a terminal, an event loop, and The Elm Architecture inside it
//! (`keymap` turns keys into actions, `App::update` applies them, `view` draws the result).

pub mod action;
pub mod app;
mod editor;
pub mod form;
pub mod hints;
pub mod input_limit;
pub mod keymap;
pub mod layout;
pub mod picker;
pub mod report_layout;
pub mod review;
mod signals;
pub mod text_form;
pub mod view;
mod wakeups;

use std::io::{self, BufWriter, Stdout};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;
use ratatui::{Frame, Terminal};

use crate::clock::SystemClock;
use crate::model::Board;
use crate::store::Store;
use action::Action;
use app::App;

/// How long the loop waits for a key before a tick (which retries a failed save).
const TICK: Duration = Duration::from_secs(1);

/// How a session ended: the user quit, or a signal ended it (its number, for the exit code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    Signal(i32),
}

/// Runs the board until the user quits or a signal ends it. The terminal is restored however
/// this ends, a panic included (ratatui's panic hook).
/// `notice` is shown in the status bar until the first key.
/// The rates of the team folder the board at `path` is in, and why its team file cannot be
/// read when it cannot (the app then converts with the board's own).
fn team_rates_of(path: &std::path::Path) -> (Option<crate::model::Rates>, Option<String>) {
    let Some(folder) = crate::store::team_folder_of(path) else {
        return (None, None);
    };
    match crate::store::read_team(&folder) {
        Ok(team) => (team.and_then(|t| t.rates), None),
        Err(e) => (None, Some(crate::text::rates::team_error_in_a_line(&e))),
    }
}

pub fn run(store: Store, board: Board, notice: Option<String>) -> io::Result<Ending> {
    let signals = signals::Signals::listen()?;
    let mut terminal = take_terminal()?;
    let result = terminal.size().and_then(|size| {
        let clock = Box::new(SystemClock);
        let (team_rates, team_problem) = team_rates_of(store.path());
        let mut app =
            App::new(board, store, clock, (size.width, size.height)).with_team_rates(team_rates);
        if let Some(notice) = notice.or(team_problem) {
            app = app.with_notice(notice);
        }
        let ending = event_loop(&mut terminal, &mut app, &signals, TICK);
        app.end();
        ending
    });
    finish(terminal, result)
}

/// Types a paste into the field being edited, all of it before the next frame. Elsewhere a
/// paste does nothing: its letters are not taken for keys.
fn paste(screen: &mut impl Screen, text: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    if !screen.context().types_text() {
        return;
    }
    for c in input_limit::pasted(text) {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = keymap::action_for(screen.context(), &key) {
            screen.apply(action);
        }
    }
}

/// The terminal the app draws on. Its output goes through a buffer that holds a whole frame,
/// so a frame reaches the terminal in one write (standard output's own 1 KB buffer took a
/// hundred writes for a full frame at 240×60).
type AppTerminal = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// More than a full frame on a big monitor needs, colours included.
const FRAME_BYTES: usize = 256 * 1024;

/// Takes the terminal: raw mode, the alternate screen, and pastes that arrive whole; a panic
/// gives it back before its message is printed.
fn take_terminal() -> io::Result<AppTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = give_back_terminal();
        hook(info);
    }));
    enter_terminal()?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BYTES,
        io::stdout(),
    )))
}

/// Raw mode, the alternate screen, and pastes that arrive whole.
fn enter_terminal() -> io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::event::EnableBracketedPaste
    )
}

/// Gives the terminal back while `away` runs (the process stopped by Ctrl+Z, the user's
/// editor), then takes it again and has the next frame drawn whole.
fn away_from_terminal<R>(terminal: &mut AppTerminal, away: impl FnOnce() -> R) -> io::Result<R> {
    terminal.show_cursor()?;
    give_back_terminal()?;
    let result = away();
    enter_terminal()?;
    signals::redraw_whole(terminal)?;
    Ok(result)
}

/// Gives the terminal back as it was found.
fn give_back_terminal() -> io::Result<()> {
    let pasting = ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::try_restore().and(pasting)
}

/// Gives the terminal back. After a signal that ended the session (a closed window, say) the
/// terminal may be gone: that is no failure.
fn finish(mut terminal: AppTerminal, result: io::Result<Ending>) -> io::Result<Ending> {
    // The cursor is shown here: ratatui would otherwise try on drop and print its failure to a
    // terminal that may be gone (which panics). A terminal that cannot take it is let go as is.
    match terminal.show_cursor() {
        Ok(()) => drop(terminal),
        Err(_) => std::mem::forget(terminal),
    }
    let restored = give_back_terminal();
    match result {
        Ok(Ending::Quit) => restored.map(|()| Ending::Quit),
        other => other,
    }
}

/// What the event loop runs: the board app, or the stand-up review.
trait Screen {
    fn context(&self) -> keymap::Context;
    fn apply(&mut self, action: Action);
    fn done(&self) -> bool;
    fn draw(&self, frame: &mut Frame);
    /// Something finished in the background (a save) that the screen should take in.
    fn has_news(&self) -> bool {
        false
    }
    /// Gives the screen something to call from a background thread when it has news.
    fn wake_on_news(&mut self, _wake: Arc<dyn Fn() + Send + Sync>) {}
    /// Text the screen wants edited in the user's editor.
    fn take_editor_request(&mut self) -> Option<app::EditorRequest> {
        None
    }
    /// What the editor gave back for a request.
    fn give_edited(&mut self, _purpose: app::EditPurpose, _edited: app::Edited) {}
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
    fn has_news(&self) -> bool {
        App::has_news(self)
    }
    fn wake_on_news(&mut self, wake: Arc<dyn Fn() + Send + Sync>) {
        App::wake_on_news(self, wake);
    }
    fn take_editor_request(&mut self) -> Option<app::EditorRequest> {
        App::take_editor_request(self)
    }
    fn give_edited(&mut self, purpose: app::EditPurpose, edited: app::Edited) {
        App::give_edited(self, purpose, edited);
    }
}

impl Screen for review::Review {
    fn context(&self) -> keymap::Context {
        review::Review::context(self)
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
    fn has_news(&self) -> bool {
        review::Review::has_news(self)
    }
    fn wake_on_news(&mut self, wake: Arc<dyn Fn() + Send + Sync>) {
        review::Review::wake_on_news(self, wake);
    }
}

/// Runs the screen until it is done or a signal ends it. When the terminal fails (it is gone),
/// the screen is ended as by a signal, so that nothing pending is lost.
fn event_loop(
    terminal: &mut AppTerminal,
    screen: &mut impl Screen,
    signals: &signals::Signals,
    tick: Duration,
) -> io::Result<Ending> {
    match serve(terminal, screen, signals, tick) {
        Err(error) => {
            screen.apply(Action::Terminate);
            // A terminal that fails because it hung up is the hang-up, not a failure.
            signals.ending().map(Ending::Signal).ok_or(error)
        }
        done => done,
    }
}

/// Draws, waits for a key, a signal, a finished save or the next tick, and feeds them to the
/// screen. Between them it sleeps: each of those wakes it (see [`wakeups`]). Ticks come every
/// `tick` even while keys keep arriving, so a failed save is retried and outside changes are
/// followed however busy the keyboard is. A frame is drawn only after something happened.
fn serve(
    terminal: &mut AppTerminal,
    screen: &mut impl Screen,
    signals: &signals::Signals,
    tick: Duration,
) -> io::Result<Ending> {
    let wakeups = wakeups::Wakeups::start()?;
    screen.wake_on_news(Arc::new(wakeups.news()));
    let mut next_tick = Instant::now() + tick;
    let mut stale = true;
    while !screen.done() {
        if let Some(signal) = signals.ending() {
            screen.apply(Action::Terminate);
            return Ok(Ending::Signal(signal));
        }
        if signals.take_stop() {
            signals::suspend(terminal)?;
            stale = true;
        }
        if signals.take_resumed() {
            signals::redraw_whole(terminal)?;
            stale = true;
        }
        if screen.has_news() {
            screen.apply(Action::News);
            stale = true;
            continue;
        }
        if stale {
            terminal.draw(|frame| screen.draw(frame))?;
            stale = false;
        }
        let now = Instant::now();
        if now >= next_tick {
            screen.apply(Action::Tick);
            next_tick = now + tick;
            stale = true;
            continue;
        }
        let Some(mut wake) = wakeups.wait(next_tick - now) else {
            continue;
        };
        // Everything that has arrived is taken before the next frame: keys typed faster than
        // frames are drawn (a paste the terminal sends as keys) cost one frame, not one each.
        for _ in 0..BURST {
            stale = true;
            match wake {
                wakeups::Wake::Terminal(event) => match event? {
                    Event::Key(key) => match keymap::action_for(screen.context(), &key) {
                        Some(Action::Suspend) => signals::suspend(terminal)?,
                        Some(action) => {
                            screen.apply(action);
                            if let Some(request) = screen.take_editor_request() {
                                let edited = in_editor(terminal, &wakeups, &request.text)?;
                                // Taken in at once, before a signal that came meanwhile ends
                                // the app (which then saves it like any change).
                                screen.give_edited(request.purpose, edited);
                                screen.apply(Action::News);
                                break;
                            }
                        }
                        None => {}
                    },
                    Event::Paste(text) => paste(screen, &text),
                    Event::Resize(width, height) => screen.apply(Action::Resize(width, height)),
                    _ => {}
                },
                // Looked at on the loop's next turn.
                wakeups::Wake::Signal | wakeups::Wake::News => {}
            }
            match wakeups.arrived() {
                Some(next) if !screen.done() => wake = next,
                _ => break,
            }
        }
    }
    Ok(Ending::Quit)
}

/// Edits `text` in the user's editor, the key reader paused meanwhile; or says there is none.
fn in_editor(
    terminal: &mut AppTerminal,
    wakeups: &wakeups::Wakeups,
    text: &str,
) -> io::Result<app::Edited> {
    let Some(editor) = editor::chosen(|name| std::env::var(name).ok()) else {
        return Ok(app::Edited::NoEditor);
    };
    let _paused = wakeups.pause_keys();
    editor::edit(terminal, &editor, text)
}

/// The most events taken before a frame is drawn anyway.
const BURST: usize = 4096;
