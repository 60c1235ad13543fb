//! The app's link to its team folder, when the board is in one (a folder with `team.ron` in a
//! git repository): how far it is from the team's shared repository, looked at now and then
//! off the key path, and a sync (the key, or every N minutes as `team.ron` says) on a thread of
//! its own. A pulled change reaches the screen as any outside change does.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::store::git::{Behind, Pull, SyncReport, sync_state, sync_team};
use crate::store::{read_team, team_folder_of};
use crate::text::sync_words::{commit_message, sync_failure};

/// How often the app looks at what is not shared yet (git alone, no network)...
const LOOK_EVERY: Duration = Duration::from_secs(15);
/// ...and asks the shared repository what the team has sent.
const FETCH_EVERY: Duration = Duration::from_secs(180);

/// What a finished job brings.
pub enum Outcome {
    Looked(Option<Behind>),
    /// The sync's report or why it stopped (in words), whether the user asked for it, and the
    /// state after it.
    Synced {
        synced: Result<SyncReport, String>,
        by_hand: bool,
        state: Option<Behind>,
    },
}

#[derive(Default)]
struct Desk {
    outcome: Option<Outcome>,
    running: bool,
    wake: Option<Arc<dyn Fn() + Send + Sync>>,
}

pub struct TeamLink {
    folder: PathBuf,
    /// Sync by itself this often (`sync_every_minutes` in `team.ron`).
    every: Option<Duration>,
    /// As last looked at; `None` until then, or when the folder has no shared repository.
    pub state: Option<Behind>,
    syncing: bool,
    /// A sync asked for while a look was running, started when it ends (`true`: by hand).
    wanted: Option<bool>,
    last_look: Option<Instant>,
    last_fetch: Option<Instant>,
    last_sync: Instant,
    desk: Arc<Mutex<Desk>>,
}

impl TeamLink {
    /// The link of the board at `board`, when it is in a team folder.
    pub fn of(board: &Path) -> Option<TeamLink> {
        let folder = team_folder_of(board)?;
        let mut link = TeamLink {
            every: None,
            folder,
            state: None,
            syncing: false,
            wanted: None,
            last_look: None,
            last_fetch: None,
            last_sync: Instant::now(),
            desk: Arc::default(),
        };
        link.read_settings();
        Some(link)
    }

    fn read_settings(&mut self) {
        self.every = read_team(&self.folder)
            .ok()
            .flatten()
            .and_then(|team| team.sync_every_minutes)
            .filter(|m| *m > 0)
            .map(|m| Duration::from_secs(u64::from(m) * 60));
    }

    pub fn wake_with(&self, wake: Arc<dyn Fn() + Send + Sync>) {
        lock(&self.desk).wake = Some(wake);
    }

    pub fn is_syncing(&self) -> bool {
        self.syncing
    }

    pub fn has_news(&self) -> bool {
        lock(&self.desk).outcome.is_some()
    }

    /// On each tick: a look when one is due, a sync when it is time for one.
    pub fn tick(&mut self) {
        if self.syncing || lock(&self.desk).running {
            return;
        }
        if self
            .every
            .is_some_and(|every| self.last_sync.elapsed() >= every)
        {
            self.sync(false);
            return;
        }
        let due =
            |last: Option<Instant>, every| last.is_none_or(|at: Instant| at.elapsed() >= every);
        if due(self.last_look, LOOK_EVERY) {
            let fetch = due(self.last_fetch, FETCH_EVERY);
            self.last_look = Some(Instant::now());
            if fetch {
                self.last_fetch = self.last_look;
            }
            let folder = self.folder.clone();
            self.start(move || Outcome::Looked(sync_state(&folder, fetch)));
        }
    }

    /// Starts a sync, or once the look under way ends; false when a sync is under way already.
    /// `by_hand`: the user asked.
    pub fn sync(&mut self, by_hand: bool) -> bool {
        if self.syncing {
            return false;
        }
        self.syncing = true;
        if lock(&self.desk).running {
            self.wanted = Some(by_hand);
            return true;
        }
        self.start_sync(by_hand);
        true
    }

    fn start_sync(&mut self, by_hand: bool) {
        self.last_sync = Instant::now();
        let folder = self.folder.clone();
        self.start(move || {
            let synced = sync_team(&folder, Pull::Rebase, &commit_message)
                .map_err(|e| sync_failure(&e, &folder));
            Outcome::Synced {
                synced,
                by_hand,
                state: sync_state(&folder, false),
            }
        });
    }

    /// What the last job brought, once.
    pub fn take(&mut self) -> Option<Outcome> {
        let outcome = lock(&self.desk).outcome.take()?;
        match &outcome {
            Outcome::Looked(state) => {
                self.state = *state;
                if let Some(by_hand) = self.wanted.take() {
                    self.start_sync(by_hand);
                }
            }
            Outcome::Synced { state, .. } => {
                self.state = *state;
                self.syncing = false;
                self.last_look = Some(Instant::now());
                // team.ron may have come in with new settings.
                self.read_settings();
            }
        }
        Some(outcome)
    }

    fn start(&self, job: impl FnOnce() -> Outcome + Send + 'static) {
        lock(&self.desk).running = true;
        let desk = Arc::clone(&self.desk);
        let started = std::thread::Builder::new()
            .name("dealboard-team".into())
            .spawn(move || {
                let outcome = job();
                let wake = {
                    let mut desk = lock(&desk);
                    desk.outcome = Some(outcome);
                    desk.running = false;
                    desk.wake.clone()
                };
                if let Some(wake) = wake {
                    wake();
                }
            });
        if started.is_err() {
            lock(&self.desk).running = false;
        }
    }

    /// Waits for a running job to finish, at most `patience` (for tests and the end of the app:
    /// a sync is not cut off half-way).
    pub fn wait(&self, patience: Duration) {
        let until = Instant::now() + patience;
        while lock(&self.desk).running && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn lock(desk: &Mutex<Desk>) -> std::sync::MutexGuard<'_, Desk> {
    desk.lock().unwrap_or_else(PoisonError::into_inner)
}
