//! The team folder's `team.ron`, followed while the review runs as the boards are: its rates
//! convert the review's figures, a change to them shows at the next look, and a file broken
//! meanwhile keeps the rates read before, under a warning, until it is fixed.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Rates;
use crate::store;

pub struct TeamFile {
    folder: PathBuf,
    /// The file's time and length when last read; `None` when there was none.
    seen: Option<(SystemTime, u64)>,
    /// The rates of the file as last read well.
    pub rates: Option<Rates>,
    /// Why the file cannot be read now.
    pub warning: Option<String>,
    /// The pilot running, and the team's process, as last read well.
    pub pilot: Option<store::Pilot>,
    pub process: Vec<crate::model::Stage>,
}

impl TeamFile {
    /// The team file of `folder`, read now.
    pub fn open(folder: &Path) -> TeamFile {
        let mut team = TeamFile {
            folder: folder.to_path_buf(),
            seen: None,
            rates: None,
            warning: None,
            pilot: None,
            process: Vec::new(),
        };
        team.read();
        team
    }

    pub fn path(&self) -> PathBuf {
        store::team_file(&self.folder)
    }

    /// Looks at the file again (a `stat`), reading it when it changed. True when its rates or
    /// its warning changed.
    pub fn look(&mut self) -> bool {
        if store::team_file_stamp(&self.folder) == self.seen {
            return false;
        }
        let state = |t: &TeamFile| {
            (
                t.rates.clone(),
                t.warning.clone(),
                t.pilot.clone(),
                t.process.clone(),
            )
        };
        let before = state(self);
        self.read();
        before != state(self)
    }

    fn read(&mut self) {
        self.seen = store::team_file_stamp(&self.folder);
        match store::read_team(&self.folder) {
            Ok(team) => {
                let team = team.unwrap_or_default();
                self.rates = team.rates;
                self.pilot = team.pilot;
                self.process = team.process;
                self.warning = None;
            }
            Err(e) => self.warning = Some(crate::text::rates::team_error_in_a_line(&e)),
        }
    }
}
