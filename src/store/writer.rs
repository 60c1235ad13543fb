//! Saving in the background: the app hands over a copy of the board and goes on at once, while
//! a thread of its own writes it with [`Store::save`] (every guarantee of which still holds: the
//! lock, the outside-change check, atomic replacement, fsync, backups).
//!
//! Saves are ordered and coalesced: a copy handed over while another is being written waits,
//! and a newer copy replaces one that is still waiting, so a burst of changes costs a few writes
//! and the last state always reaches the disk. Dropping the writer writes what is waiting first.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::model::Board;

use super::{SaveError, Store};

/// A lock, taken even from a thread that panicked while holding it (what it guards stays
/// whole: each holder replaces it at once).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Which save a result belongs to: saves are numbered in the order they were handed over.
pub type SaveNumber = u64;

/// The writer thread and the store it writes with.
#[derive(Debug)]
pub struct Writer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct Shared {
    store: Mutex<Store>,
    queue: Mutex<Queue>,
    /// Told when a copy is handed over, a save finishes, or the writer is to stop.
    changed: Condvar,
    /// Called when a save finishes, so that whoever waits for it need not keep looking.
    on_finished: Mutex<Option<Callback>>,
}

/// What [`Writer::on_finished`] was given.
struct Callback(Box<dyn Fn() + Send>);

impl std::fmt::Debug for Callback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Callback")
    }
}

#[derive(Debug, Default)]
struct Queue {
    /// The newest copy not taken by the thread yet.
    waiting: Option<(SaveNumber, Board)>,
    /// The save the thread is writing now.
    writing: Option<SaveNumber>,
    /// The newest save finished, and how it went, until it is taken.
    finished: Option<(SaveNumber, Result<(), SaveError>)>,
    /// The number the next save gets.
    next: SaveNumber,
    /// How many times the file was written (or tried), for tests of coalescing.
    writes: u64,
    /// The board whose pieces to find in the file, when asked and not done yet.
    find_pieces: Option<Board>,
    pieces_asked: bool,
    stop: bool,
}

impl Queue {
    fn idle(&self) -> bool {
        self.waiting.is_none() && self.writing.is_none()
    }
}

impl Writer {
    /// Starts the thread that saves with `store`.
    pub fn start(store: Store) -> Writer {
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            queue: Mutex::new(Queue::default()),
            changed: Condvar::new(),
            on_finished: Mutex::new(None),
        });
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("dealboard-writer".into())
            .spawn(move || {
                give_way();
                write_until_stopped(&for_thread)
            })
            .ok();
        // Without a thread (the system is out of them) saves are written at once.
        Writer { shared, thread }
    }

    /// Hands over a copy of the board to be saved, and returns its number at once. A copy still
    /// waiting from before is dropped: this one is newer.
    pub fn save(&self, board: Board) -> SaveNumber {
        let mut queue = self.queue();
        let number = queue.next;
        queue.next += 1;
        if self.thread.is_none() {
            drop(queue);
            let result = self.store().save(&board);
            let mut queue = self.queue();
            queue.writes += 1;
            queue.finished = Some((number, result));
            return number;
        }
        queue.waiting = Some((number, board));
        self.shared.changed.notify_all();
        number
    }

    /// Once in the writer's life, the first time it is asked: while no save is waiting, the
    /// thread finds in the file the pieces of `board`, the board as read from it (see
    /// [`Store::find_pieces`]), so that the first save copies them as later saves do. Asked
    /// when the app is idle: it takes a core for a while on a big board.
    pub fn find_pieces_once(&self, board: impl FnOnce() -> Board) {
        let mut queue = self.queue();
        if queue.pieces_asked || self.thread.is_none() {
            return;
        }
        queue.pieces_asked = true;
        queue.find_pieces = Some(board());
        self.shared.changed.notify_all();
    }

    /// Has `tell` called each time a save finishes (from the writer's thread).
    pub fn on_finished(&self, tell: impl Fn() + Send + 'static) {
        *lock(&self.shared.on_finished) = Some(Callback(Box::new(tell)));
    }

    /// The newest save finished since last asked, and how it went.
    pub fn take_finished(&self) -> Option<(SaveNumber, Result<(), SaveError>)> {
        self.queue().finished.take()
    }

    /// True when a finished save waits to be taken with [`Writer::take_finished`].
    pub fn has_finished(&self) -> bool {
        self.queue().finished.is_some()
    }

    /// Waits until every save handed over is written, for at most `patience`. True when done.
    pub fn wait(&self, patience: Duration) -> bool {
        let deadline = Instant::now() + patience;
        let mut queue = self.queue();
        while !queue.idle() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            queue = self
                .shared
                .changed
                .wait_timeout(queue, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }

    /// The store, once no save is waiting or being written: `None` while one is, so that the
    /// caller never waits for the disk (and never learns of the file from under a save).
    pub fn store_if_idle(&self) -> Option<MutexGuard<'_, Store>> {
        let queue = self.queue();
        if !queue.idle() {
            return None;
        }
        // Not while the thread finds the pieces of the board read: that takes a while.
        let store = match self.shared.store.try_lock() {
            Ok(store) => store,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        drop(queue);
        Some(store)
    }

    /// The store, waiting for a save being written to finish.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.shared.store)
    }

    /// How many times the file was written (or tried) so far.
    pub fn writes(&self) -> u64 {
        self.queue().writes
    }

    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.shared.queue()
    }
}

impl Shared {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        lock(&self.queue)
    }
}

impl Drop for Writer {
    /// Writes what is waiting, then lets the thread end.
    fn drop(&mut self) {
        self.queue().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Lowers this thread's priority (and that of the threads it starts): on a two-core machine a
/// big board's save keeps both cores busy for a quarter of a second, and the keys, the screen
/// and the terminal showing it must not wait for it.
fn give_way() {
    #[cfg(target_os = "linux")]
    // SAFETY: `setpriority` only reads its arguments; on Linux, `PRIO_PROCESS` with 0 is the
    // calling thread. Failing (not allowed) leaves the priority as it was, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// See [`Store::find_pieces`]: given up as soon as a save is handed over or the writer is to
/// stop, so that neither waits for it.
fn find_pieces(shared: &Shared, board: &Board) {
    let go_on = || {
        let queue = shared.queue();
        queue.waiting.is_none() && !queue.stop
    };
    lock(&shared.store).find_pieces(board, go_on);
}

/// The thread: takes the newest copy waiting, writes it, tells how it went; until stopped with
/// nothing left to write.
fn write_until_stopped(shared: &Shared) {
    loop {
        let (number, board) = {
            let mut queue = shared.queue();
            loop {
                if let Some(waiting) = queue.waiting.take() {
                    queue.writing = Some(waiting.0);
                    break waiting;
                }
                if queue.stop {
                    return;
                }
                if let Some(board) = queue.find_pieces.take() {
                    drop(queue);
                    find_pieces(shared, &board);
                    drop(board);
                    queue = shared.queue();
                    continue;
                }
                queue = shared
                    .changed
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let mut store = lock(&shared.store);
        let result = store.save(&board);
        drop(store);
        drop(board);
        let mut queue = shared.queue();
        queue.writing = None;
        queue.writes += 1;
        queue.finished = Some((number, result));
        shared.changed.notify_all();
        drop(queue);
        let told = lock(&shared.on_finished);
        if let Some(Callback(tell)) = told.as_ref() {
            tell();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Board;

    /// A board file in a fresh folder, and a writer for it.
    fn writer_for(board: &Board) -> (tempfile::TempDir, std::path::PathBuf, Writer) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("board.ron");
        let store = Store::create(&path, board).expect("a new board file");
        (dir, path, Writer::start(store))
    }

    fn named(name: &str) -> Board {
        let mut board = crate::store::default_board().expect("the built-in board");
        board.name = name.to_string();
        board
    }

    fn on_disk(path: &std::path::Path) -> String {
        Store::open(path).expect("the file loads").1.name
    }

    #[test]
    fn saves_waiting_behind_a_write_are_coalesced_into_the_newest() {
        let (_dir, path, writer) = writer_for(&named("start"));
        let held = writer.store();
        let first = writer.save(named("first"));
        // The thread takes the first and waits for the store; the others queue behind it.
        while writer.queue().writing.is_none() {
            std::thread::yield_now();
        }
        writer.save(named("second"));
        let last = writer.save(named("third"));
        assert!(last > first);
        drop(held);
        assert!(writer.wait(Duration::from_secs(10)));
        assert_eq!(writer.writes(), 2, "the second was overtaken by the third");
        assert_eq!(
            writer.take_finished().map(|(n, r)| (n, r.is_ok())),
            Some((last, true))
        );
        assert_eq!(on_disk(&path), "third");
    }

    #[test]
    fn the_pieces_of_the_board_read_are_found_once_when_asked() {
        let board = crate::test_boards::demo(600);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("board.ron");
        drop(Store::create(&path, &board).expect("a new board file"));
        let (mut store, read) = Store::open(&path).expect("the file loads");
        store.lock().expect("the lock");
        let writer = Writer::start(store);
        assert!(writer.store().written.is_none(), "nothing written yet");
        writer.find_pieces_once(|| read.clone());
        let deadline = Instant::now() + Duration::from_secs(10);
        while writer.store().written.is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        let found = |writer: &Writer| writer.store().written.as_ref().map(|w| w.1.len());
        assert_eq!(found(&writer), Some(3), "600 deals: three pieces");
        let mut asked_again = false;
        writer.find_pieces_once(|| {
            asked_again = true;
            read.clone()
        });
        assert!(!asked_again);
    }

    #[test]
    fn a_store_is_lent_only_while_nothing_is_being_saved() {
        let (_dir, _path, writer) = writer_for(&named("start"));
        let held = writer.store();
        writer.save(named("first"));
        assert!(writer.store_if_idle().is_none());
        drop(held);
        assert!(writer.wait(Duration::from_secs(10)));
        assert!(writer.store_if_idle().is_some());
    }

    #[test]
    fn dropping_the_writer_writes_what_is_waiting_first() {
        let (_dir, path, writer) = writer_for(&named("start"));
        writer.save(named("first"));
        writer.save(named("last"));
        drop(writer);
        assert_eq!(on_disk(&path), "last");
    }

    #[test]
    fn a_failed_save_is_told_with_its_number() {
        let (_dir, path, writer) = writer_for(&named("start"));
        // Someone else changes the file: the writer must not overwrite it.
        let theirs = named("theirs");
        std::fs::write(&path, crate::store::board_text(&theirs).expect("text"))
            .expect("an outside write");
        let number = writer.save(named("mine"));
        assert!(writer.wait(Duration::from_secs(10)));
        let (told, result) = writer.take_finished().expect("a finished save");
        assert_eq!(told, number);
        let kind = result.map_err(|e| e.kind);
        assert_eq!(kind, Err(super::super::SaveErrorKind::ChangedOutside));
        assert_eq!(on_disk(&path), "theirs");
    }
}
