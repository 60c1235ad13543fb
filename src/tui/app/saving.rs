//! Saving, changes made to the file by someone else, and quitting without losing anything.
//!
//! The rule: nothing anyone saved is overwritten without the user choosing it. With no unsaved
//! change here, an outside change is simply loaded. When both sides changed (a change here could
//! not be saved yet, and the file changed meanwhile), the user chooses which to keep, and the
//! other is written beside the board as a copy.

use std::sync::Arc;
use std::time::Duration;

use crate::model::Board;
use crate::store::{Outside, SaveErrorKind};
use crate::text::{fill, t};

use super::{App, Mode, Question, SaveState};

/// How long quitting waits for a save being written before it says that it is waiting.
const QUIT_PATIENCE: Duration = Duration::from_millis(100);
/// How long a signal that ends the program waits for the last save (a disk that hangs longer
/// than this is not waited for: the board is then kept as a copy once the writer lets go).
const LAST_SAVE_PATIENCE: Duration = Duration::from_secs(60);

impl App {
    /// Hands a copy of the board to the writer and goes on at once, unless the file changed
    /// outside: then the user is asked first.
    pub(super) fn save_now(&mut self) {
        if self.conflict.is_some() {
            return;
        }
        self.last_save = Some(self.writer.save(self.board.clone()));
        if matches!(self.save, SaveState::Saved) {
            self.save = SaveState::Saving;
        }
    }

    /// Takes in how the newest save went; an older one that finished was overtaken by it.
    pub(super) fn take_finished_save(&mut self) {
        let Some((number, result)) = self.writer.take_finished() else {
            return;
        };
        if Some(number) != self.last_save {
            return;
        }
        let was_failing = matches!(self.save, SaveState::Failed(_));
        match result {
            Ok(()) => {
                self.unsaved = false;
                self.save = SaveState::Saved;
                if was_failing {
                    let path = self.path.display().to_string();
                    self.show_info(fill(t().board.save_recovered, &[("path", &path)]));
                }
            }
            Err(e) if e.kind == SaveErrorKind::ChangedOutside => {
                self.save = SaveState::Failed(e);
                self.take_outside_change();
            }
            Err(e) => self.save = SaveState::Failed(e),
        }
        if std::mem::take(&mut self.quitting) {
            self.finish_quitting();
        }
    }

    /// Called every second: retries a failed save, follows changes made to the file by someone
    /// else, and takes over a read-only board when the dealboard editing it closes.
    pub(super) fn watch_file(&mut self) {
        if self.conflict.is_some() {
            return;
        }
        match self.save {
            SaveState::Failed(_) if !self.read_only => self.save_now(),
            // The writer checks the file itself before it writes.
            SaveState::Saving => {}
            _ => {
                self.take_outside_change();
            }
        }
        if self.read_only {
            let editable = self
                .writer
                .store_if_idle()
                .is_some_and(|mut store| store.lock().is_ok() && store.can_write());
            if editable {
                self.read_only = false;
                self.show_info(t().board.now_editable.to_string());
            }
        }
    }

    /// Before changing the board: if someone else changed the file, load their version first.
    /// Returns true when it did, so that a change aimed at what was on screen is not applied to
    /// a board the user has not seen.
    pub(super) fn catch_up_with_file(&mut self) -> bool {
        !self.unsaved && self.conflict.is_none() && self.take_outside_change()
    }

    /// Follows an outside change; true when the board was replaced by the file's version.
    /// Looks only while no save is under way: a save checks the file itself, and what the file
    /// holds mid-save is not news.
    fn take_outside_change(&mut self) -> bool {
        let outside = match self.writer.store_if_idle() {
            Some(mut store) => store.check_outside(),
            None => return false,
        };
        match outside {
            Outside::Unchanged => {
                if self.warning.take().is_some() && self.unsaved {
                    self.save_now();
                }
                false
            }
            Outside::Unreadable(error) => {
                let error = crate::text::load_error_in_a_line(&error);
                let error = crate::text::os_errors::localize(&error.to_string());
                self.warning = Some(fill(t().board.outside_unreadable, &[("error", &error)]));
                false
            }
            Outside::Changed(theirs) => {
                self.warning = None;
                if self.unsaved {
                    self.conflict = Some(theirs);
                    self.open(Mode::Question(Question::Conflict));
                    return false;
                }
                let had_history = !self.undo.is_empty() || !self.redo.is_empty();
                self.replace_board(theirs);
                let text = if had_history {
                    t().board.reloaded_undo_reset
                } else {
                    t().board.reloaded
                };
                self.show_info(text.to_string());
                true
            }
        }
    }

    /// The user chose in a clash: `take_theirs` loads the file's version (this session's unsaved
    /// board is kept as a copy); otherwise this session's board is saved over it (the file's
    /// version is kept as a copy).
    pub(super) fn settle_conflict(&mut self, take_theirs: bool) {
        let Some(theirs) = self.conflict.take() else {
            return;
        };
        self.close();
        let (kept, label) = if take_theirs {
            (self.board.clone(), t().board.unsaved_copy_label)
        } else {
            (theirs.clone(), t().board.replaced_copy_label)
        };
        let kept = self.writer.store().keep_copy(&kept, label);
        let copy = match kept {
            Ok(copy) => copy,
            Err(e) => {
                // Without the copy one side would be lost: ask again after the next tick.
                self.conflict = Some(theirs);
                self.open(Mode::Question(Question::Conflict));
                return self.show_error(e.to_string());
            }
        };
        let copy = copy.display().to_string();
        if take_theirs {
            self.unsaved = false;
            self.save = SaveState::Saved;
            self.replace_board(theirs);
            self.show_info(fill(t().board.took_theirs, &[("copy", &copy)]));
        } else {
            // Saving over their version is the user's choice, not a recovery to announce.
            self.save = SaveState::Saving;
            self.save_now();
            self.show_info(fill(t().board.kept_mine, &[("copy", &copy)]));
        }
    }

    /// Swaps in a board read from the file, keeping the cursor on the same deal. Undo history
    /// refers to the old board, so it starts again. The old board, and what the screen counted
    /// of it, are let go of off the screen's thread.
    fn replace_board(&mut self, board: Board) {
        let selected = self.selected().map(|d| d.id);
        let old = std::mem::replace(&mut self.board, board);
        let counted = std::mem::take(&mut self.shown);
        let steps = (
            std::mem::take(&mut self.undo),
            std::mem::take(&mut self.redo),
        );
        crate::drop_later::drop_later((old, counted, steps));
        self.refresh(selected);
    }

    /// Quits once everything is on disk. A save still being written is waited for a moment,
    /// then, if the disk is slow, the app says so and quits when it is done. A save that fails
    /// is asked about; in a clash this session's board is kept as a copy.
    pub(super) fn try_quit(&mut self) {
        if self.conflict.is_some() {
            // Quitting mid-clash keeps the file as the other program saved it, and this
            // session's board as a copy beside it.
            let kept = self
                .writer
                .store()
                .keep_copy(&self.board, t().board.unsaved_copy_label);
            match kept {
                Ok(_) => self.quit = true,
                Err(e) => self.show_error(e.to_string()),
            }
            return;
        }
        if matches!(self.save, SaveState::Failed(_)) {
            if self.mode_is_quit_question() {
                // The user chose to quit without saving.
                self.quit = true;
                return;
            }
            self.save_now();
        }
        self.writer.wait(QUIT_PATIENCE);
        self.take_finished_save();
        if matches!(self.save, SaveState::Saving) {
            self.quitting = true;
            let path = self.path.display().to_string();
            self.show_info(fill(t().board.quitting_after_save, &[("path", &path)]));
        } else {
            self.finish_quitting();
        }
    }

    /// Quits when all is saved; otherwise asks, or shows the clash that stopped the save.
    fn finish_quitting(&mut self) {
        match self.save {
            SaveState::Saved => self.quit = true,
            SaveState::Saving => {}
            SaveState::Failed(_) if self.conflict.is_some() => {}
            SaveState::Failed(_) => self.open(Mode::Question(Question::QuitUnsaved)),
        }
    }

    /// A signal ends the program: nothing can be asked, so what is not saved yet is saved now,
    /// or, when that still fails (or the file changed meanwhile), kept as a copy beside the
    /// board.
    pub(super) fn terminate(&mut self) {
        self.quitting = false;
        if self.conflict.is_none() && matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        self.writer.wait(LAST_SAVE_PATIENCE);
        self.take_finished_save();
        let unsaved = self.conflict.is_some() || matches!(self.save, SaveState::Failed(_));
        if unsaved && !self.read_only {
            let _ = self
                .writer
                .store()
                .keep_copy(&self.board, t().board.unsaved_copy_label);
        }
        self.quit = true;
    }

    /// Waits until every change handed to the writer is on disk (or failed), for at most
    /// `patience`; true when none is left. Then [`Action::News`] takes in how it went.
    ///
    /// [`Action::News`]: crate::tui::action::Action::News
    pub fn wait_for_saves(&self, patience: Duration) -> bool {
        self.writer.wait(patience)
    }

    /// Has `wake` called (from another thread) whenever a save finishes or the report's
    /// figures are ready: then [`Action::News`] takes them in.
    ///
    /// [`Action::News`]: crate::tui::action::Action::News
    pub fn wake_on_news(&self, wake: Arc<dyn Fn() + Send + Sync>) {
        if let Some(team) = &self.team {
            team.wake_with(Arc::clone(&wake));
        }
        let saves = Arc::clone(&wake);
        self.writer.on_finished(move || saves());
        self.reports.wake_with(move || wake());
    }

    /// True when a save finished, or the report's figures came, that the app has not taken in.
    pub fn has_news(&self) -> bool {
        self.writer.has_finished()
            || self.edited.is_some()
            || self.reports.has_answer()
            || self.team.as_ref().is_some_and(|team| team.has_news())
    }

    /// How many times the board file was written (or tried) this session.
    pub fn writes(&self) -> u64 {
        self.writer.writes()
    }

    fn mode_is_quit_question(&self) -> bool {
        matches!(self.mode, Mode::Question(Question::QuitUnsaved))
    }
}
