//! What wakes the event loop: a terminal event, a signal, or news from a background thread
//! (a finished save). Each arrives on one channel, so the loop sleeps until one of them comes
//! (or its next tick) instead of waking every few milliseconds to look.

use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub enum Wake {
    Terminal(io::Result<Event>),
    /// A signal came: the loop looks at the flags [`super::signals::Signals`] raised.
    Signal,
    /// A background thread has something for the screen.
    News,
}

pub struct Wakeups {
    sender: Sender<Wake>,
    receiver: Receiver<Wake>,
}

impl Wakeups {
    /// Starts the threads that read the terminal and hear signals.
    pub fn start() -> io::Result<Wakeups> {
        let (sender, receiver) = channel();
        let terminal = sender.clone();
        std::thread::Builder::new()
            .name("dealboard-keys".into())
            .spawn(move || read_terminal(&terminal))?;
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            let mut heard = signal_hook::iterator::Signals::new([
                SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
            ])?;
            let signal = sender.clone();
            std::thread::Builder::new()
                .name("dealboard-signals".into())
                .spawn(move || {
                    for _ in heard.forever() {
                        if signal.send(Wake::Signal).is_err() {
                            break;
                        }
                    }
                })?;
        }
        Ok(Wakeups { sender, receiver })
    }

    /// Something to call from another thread to wake the loop with [`Wake::News`].
    pub fn news(&self) -> impl Fn() + Send + 'static {
        let sender = self.sender.clone();
        move || {
            let _ = sender.send(Wake::News);
        }
    }

    /// The next wake-up, waiting at most `patience`; `None` when it passed with nothing.
    pub fn wait(&self, patience: Duration) -> Option<Wake> {
        self.receiver.recv_timeout(patience).ok()
    }

    /// A wake-up that has already arrived, without waiting.
    pub fn arrived(&self) -> Option<Wake> {
        self.receiver.try_recv().ok()
    }
}

/// Reads terminal events until the terminal fails (it hung up) or the loop is gone.
fn read_terminal(sender: &Sender<Wake>) {
    loop {
        let read = event::read();
        let failed = read.is_err();
        if sender.send(Wake::Terminal(read)).is_err() || failed {
            break;
        }
    }
}
