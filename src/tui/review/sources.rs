//! The board files a review presents, followed as their owners change them: opened for reading
//! only (no lock is taken, nothing is ever written), re-read when a file changes on disk, and
//! a file that is mid-write or broken keeps its last good state, with a warning.
//!
//! The files are looked at and read on a thread of their own, so that a big board changing on
//! disk never holds up a key: the screen asks for a look ([`Watcher::look`]) and takes in what
//! was found when it is ready ([`Watcher::take_news`]). Between the looks asked for, the thread
//! looks by itself every [`FOLLOW_EVERY`] and tells only when something changed, so a
//! teammate's save is on the screen soon after it is on disk. Only a file that changed is read.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::model::Board;
use crate::store::{LoadError, Outside, Store, board_files, board_name};
use crate::text::{load_error_in_a_line, t};

/// How often the files are looked at when no look is asked for: a look at files that did not
/// change costs a few `stat` calls.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(150);

/// A presented file as the screen knows it.
pub struct Source {
    pub path: PathBuf,
    /// The file's name without `.ron`: the owner of its deals that name none.
    pub name: String,
    /// The last good state of the board; `None` until it could be read once.
    pub board: Option<Board>,
    /// Why the file cannot be read right now, when it cannot.
    pub warning: Option<String>,
}

/// What a look found about one file: a board read anew, and the file's warning as it is now;
/// or that the file is gone (removed, or renamed: its new name is found as a new file).
pub struct Found {
    pub path: PathBuf,
    pub board: Option<Board>,
    pub warning: Option<String>,
    pub gone: bool,
}

/// A file being followed, on the watcher's thread.
struct Followed {
    path: PathBuf,
    store: Store,
    /// Whether a good state was ever read.
    read_once: bool,
    warning: Option<String>,
}

impl Followed {
    /// Opens `path`, giving what the screen shows of it at first.
    fn open(path: &Path) -> (Followed, Found) {
        let mut store = Store::at(path);
        let (board, warning) = match store.read() {
            Ok(board) => (Some(board), None),
            Err(e) => (None, Some(described(&e))),
        };
        let followed = Followed {
            path: path.to_path_buf(),
            store,
            read_once: board.is_some(),
            warning: warning.clone(),
        };
        let found = Found {
            path: path.to_path_buf(),
            board,
            warning,
            gone: false,
        };
        (followed, found)
    }

    /// Looks at the file again: what changed for the screen, if anything.
    fn follow(&mut self) -> Option<Found> {
        let (board, warning) = if self.read_once {
            match self.store.check_outside() {
                // Back as it was after being broken for a moment, or gone (moved, deleted).
                Outside::Unchanged => (
                    None,
                    (!self.store.exists()).then(|| t().review.gone.to_string()),
                ),
                Outside::Changed(board) => (Some(board), None),
                Outside::Unreadable(e) => (None, Some(described(&e))),
            }
        } else {
            match self.store.read() {
                Ok(board) => (Some(board), None),
                Err(e) => (None, Some(described(&e))),
            }
        };
        self.read_once |= board.is_some();
        if board.is_none() && warning == self.warning {
            return None;
        }
        self.warning = warning.clone();
        Some(Found {
            path: self.path.clone(),
            board,
            warning,
            gone: false,
        })
    }
}

/// The thread that follows the files, and what it found that the screen has not taken yet.
/// A look asked for always ends in news, if only that nothing changed.
pub struct Watcher {
    asks: Sender<()>,
    inbox: Arc<Inbox>,
}

#[derive(Default)]
struct Inbox {
    /// What the last looks found, oldest first; `None` while nothing was looked at since taken.
    found: Mutex<Option<Vec<Found>>>,
    wake: Mutex<Option<Box<dyn Fn() + Send>>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Watcher {
    /// Opens the board files `named` stands for (each file read on a core of its own), and
    /// starts following them and the folders among them.
    pub fn open(named: Vec<PathBuf>) -> (Watcher, Vec<Source>) {
        let files = board_files(&named);
        let opened: Vec<(Followed, Found)> = std::thread::scope(|scope| {
            let reading: Vec<_> = files
                .iter()
                .map(|f| scope.spawn(|| Followed::open(f)))
                .collect();
            reading
                .into_iter()
                .zip(&files)
                .map(|(reading, file)| reading.join().unwrap_or_else(|_| Followed::open(file)))
                .collect()
        });
        let (followed, found): (Vec<_>, Vec<_>) = opened.into_iter().unzip();
        let sources = found.into_iter().map(Source::new).collect();
        let (asks, asked) = channel();
        let inbox = Arc::new(Inbox::default());
        let shared = Arc::clone(&inbox);
        let _ = std::thread::Builder::new()
            .name("dealboard-review-files".into())
            .spawn(move || watch(&named, followed, &asked, &shared));
        (Watcher { asks, inbox }, sources)
    }

    /// Asks for the files to be looked at again; what is found arrives as news.
    pub fn look(&self) {
        let _ = self.asks.send(());
    }

    /// Has `wake` called when a look finished.
    pub fn wake_on_news(&self, wake: Box<dyn Fn() + Send>) {
        *lock(&self.inbox.wake) = Some(wake);
    }

    /// True when a look finished since the news was last taken.
    pub fn has_news(&self) -> bool {
        lock(&self.inbox.found).is_some()
    }

    /// What the looks since the last call found, oldest first.
    pub fn take_news(&self) -> Vec<Found> {
        lock(&self.inbox.found).take().unwrap_or_default()
    }
}

/// The watcher's thread: a look each time one is asked for (several asked meanwhile make one),
/// and one every [`FOLLOW_EVERY`] otherwise, until the screen is gone.
fn watch(named: &[PathBuf], mut followed: Vec<Followed>, asked: &Receiver<()>, inbox: &Inbox) {
    loop {
        let was_asked = match asked.recv_timeout(FOLLOW_EVERY) {
            Ok(()) => true,
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        while asked.try_recv().is_ok() {}
        // A file no longer there (or no longer in a presented folder) leaves the screen; a
        // renamed one comes back under its new name below, so it is never counted twice.
        let files: Vec<PathBuf> = board_files(named)
            .into_iter()
            .filter(|f| f.exists())
            .collect();
        let (kept, gone): (Vec<Followed>, Vec<Followed>) = std::mem::take(&mut followed)
            .into_iter()
            .partition(|f| files.contains(&f.path));
        followed = kept;
        let mut found: Vec<Found> = gone
            .into_iter()
            .map(|f| Found {
                path: f.path,
                board: None,
                warning: None,
                gone: true,
            })
            .collect();
        found.extend(followed.iter_mut().filter_map(Followed::follow));
        for file in files {
            if !followed.iter().any(|f| f.path == file) {
                let (new, opened) = Followed::open(&file);
                followed.push(new);
                found.push(opened);
            }
        }
        if found.is_empty() && !was_asked {
            continue;
        }
        lock(&inbox.found).get_or_insert_default().extend(found);
        if let Some(wake) = lock(&inbox.wake).as_ref() {
            wake();
        }
    }
}

impl Source {
    /// A file as first read.
    pub fn new(found: Found) -> Source {
        Source {
            name: board_name(&found.path),
            path: found.path,
            board: found.board,
            warning: found.warning,
        }
    }

    /// Takes in what a look found about this file; true when its board changed.
    pub fn take(&mut self, found: Found) -> bool {
        self.warning = found.warning;
        match found.board {
            Some(board) => {
                crate::drop_later::drop_later(self.board.replace(board));
                true
            }
            None => false,
        }
    }
}

fn described(error: &LoadError) -> String {
    load_error_in_a_line(error)
}
