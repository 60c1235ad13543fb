//! Signals while the app owns the terminal. Being told to end (`SIGTERM`, `SIGHUP`, `SIGINT`,
//! `SIGQUIT`) saves what is not saved yet and gives the terminal back before exiting; being
//! stopped (`SIGTSTP`, or Ctrl+Z) gives the terminal back first, and taking it again on `fg`
//! redraws the whole screen. The handlers only raise flags, and wake the event loop
//! (see `wakeups`), which does the work.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The number of `SIGHUP`, for a terminal that hung up.
#[cfg(unix)]
const HANGUP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
const HANGUP: i32 = 1;

/// Whether the terminal the keys come from has hung up: reading it can only give "end of file"
/// from now on.
#[cfg(unix)]
fn terminal_hung_up() -> bool {
    use std::os::fd::AsRawFd;
    let stdin = io::stdin();
    let mut watched = libc::pollfd {
        fd: stdin.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and no waiting (a timeout of 0).
    let ready = unsafe { libc::poll(&mut watched, 1, 0) };
    ready > 0 && watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(not(unix))]
fn terminal_hung_up() -> bool {
    false
}

/// The flags the signal handlers raise.
#[derive(Default)]
pub struct Signals {
    /// The number of a signal that ends the program, 0 when none came.
    end: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    /// Starts listening. Where signals cannot be caught, the flags simply never rise.
    pub fn listen() -> io::Result<Signals> {
        let signals = Signals::default();
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            use signal_hook::flag;
            for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
                let number = usize::try_from(signal).unwrap_or(0);
                flag::register_usize(signal, Arc::clone(&signals.end), number)?;
            }
            flag::register(SIGTSTP, Arc::clone(&signals.stop))?;
            flag::register(SIGCONT, Arc::clone(&signals.resumed))?;
        }
        Ok(signals)
    }

    /// The signal that ends the program, if one came. A terminal that hung up (its window
    /// closed, the connection dropped) counts as `SIGHUP` even when the signal went only to the
    /// shell: the program must not go on alone, holding the board.
    pub fn ending(&self) -> Option<i32> {
        match self.end.load(Ordering::SeqCst) {
            0 => terminal_hung_up().then_some(HANGUP),
            n => i32::try_from(n).ok(),
        }
    }

    /// Whether the program was asked to stop (and clears the request).
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// Whether the program was continued after being stopped (and clears it).
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// Gives the terminal back, stops the program until `fg`, then takes the terminal again and
/// has the next frame drawn whole.
pub fn suspend(terminal: &mut super::AppTerminal) -> io::Result<()> {
    super::away_from_terminal(terminal, || {
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        Ok(())
    })?
}

/// Clears the screen and forgets what was drawn, so that the next frame is drawn whole (the
/// terminal may show anything after a stop). Unlike `Terminal::clear`, it asks the terminal
/// nothing (a terminal that does not answer a cursor query would otherwise fail the app).
pub fn redraw_whole(terminal: &mut super::AppTerminal) -> io::Result<()> {
    use ratatui::crossterm::terminal::{Clear, ClearType};
    ratatui::crossterm::execute!(io::stdout(), Clear(ClearType::All))?;
    // Each swap empties the buffer it leaves behind: two swaps empty both.
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}
