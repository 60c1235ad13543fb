//! What wakes the event loop: a terminal event, a signal, or news from a background thread
//! (a finished save). Each arrives on one channel, so the loop sleeps until one of them comes
//! (or its next tick) instead of waking every few milliseconds to look.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    keys: Arc<KeyReader>,
}

/// Lets the loop stop the key reader while another program (the user's editor) has the
/// terminal: otherwise the reader would take that program's keys.
#[derive(Default)]
struct KeyReader {
    paused: AtomicBool,
    /// The reader saw the pause and reads nothing until it ends.
    resting: AtomicBool,
}

/// Keeps the key reader paused until dropped.
pub struct Paused<'a>(&'a KeyReader);

impl Drop for Paused<'_> {
    fn drop(&mut self) {
        self.0.paused.store(false, Ordering::SeqCst);
    }
}

/// How long the key reader waits for a key before it looks whether it is paused: the most an
/// editor waits to start.
const LOOK_EVERY: Duration = Duration::from_millis(100);

impl Wakeups {
    /// Starts the threads that read the terminal and hear signals.
    pub fn start() -> io::Result<Wakeups> {
        let (sender, receiver) = channel();
        let terminal = sender.clone();
        let keys = Arc::new(KeyReader::default());
        let reader = Arc::clone(&keys);
        std::thread::Builder::new()
            .name("dealboard-keys".into())
            .spawn(move || read_terminal(&terminal, &reader))?;
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
        Ok(Wakeups {
            sender,
            receiver,
            keys,
        })
    }

    /// Stops reading keys until the guard is dropped; returns once the reader rests.
    pub fn pause_keys(&self) -> Paused<'_> {
        self.keys.resting.store(false, Ordering::SeqCst);
        self.keys.paused.store(true, Ordering::SeqCst);
        while !self.keys.resting.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
        Paused(&self.keys)
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

/// Reads terminal events until the terminal fails (it hung up) or the loop is gone; rests
/// while paused.
fn read_terminal(sender: &Sender<Wake>, keys: &KeyReader) {
    loop {
        if keys.paused.load(Ordering::SeqCst) {
            keys.resting.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        match event::poll(LOOK_EVERY) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(e) => {
                let _ = sender.send(Wake::Terminal(Err(e)));
                break;
            }
        }
        let read = event::read();
        let failed = read.is_err();
        if sender.send(Wake::Terminal(read)).is_err() || failed {
            break;
        }
    }
}
