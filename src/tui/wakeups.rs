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

/// The longest the loop waits for the key reader to rest (it is woken at once on Unix).
const REST_PATIENCE: Duration = Duration::from_secs(2);

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

    /// Stops reading keys until the guard is dropped; returns once the reader rests. The
    /// reader waits in a blocking read, which a window-size signal ends (crossterm listens for
    /// it): raising one wakes it at once, and the resize it reads is harmless.
    pub fn pause_keys(&self) -> Paused<'_> {
        self.keys.resting.store(false, Ordering::SeqCst);
        self.keys.paused.store(true, Ordering::SeqCst);
        #[cfg(unix)]
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        let deadline = std::time::Instant::now() + REST_PATIENCE;
        while !self.keys.resting.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
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
        let read = event::read();
        let failed = read.is_err();
        if sender.send(Wake::Terminal(read)).is_err() || failed {
            break;
        }
    }
}
