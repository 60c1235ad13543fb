//! Saving, changes made to the file by someone else, and quitting without losing anything.
//!
//! The rule: nothing anyone saved is overwritten without the user choosing it. With no unsaved
//! change here, an outside change is simply loaded. When both sides changed (a change here could
//! not be saved yet, and the file changed meanwhile), the user chooses which to keep, and the
//! other is written beside the board as a copy.

use crate::model::Board;
use crate::store::{Outside, SaveErrorKind};
use crate::text::{fill, t};

use super::{App, Mode, Question, SaveState};

impl App {
    /// Saves the board now, unless the file changed outside: then the user is asked.
    pub(super) fn save_now(&mut self) {
        if self.conflict.is_some() {
            return;
        }
        let was_failing = matches!(self.save, SaveState::Failed(_));
        match self.store.save(&self.board) {
            Ok(()) => {
                self.unsaved = false;
                self.save = SaveState::Saved;
                if was_failing {
                    let path = self.store.path().display().to_string();
                    self.show_info(fill(t().board.save_recovered, &[("path", &path)]));
                }
            }
            Err(e) if e.kind == SaveErrorKind::ChangedOutside => {
                self.save = SaveState::Failed(e);
                self.take_outside_change();
            }
            Err(e) => self.save = SaveState::Failed(e),
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
            _ => {
                self.take_outside_change();
            }
        }
        if self.read_only && self.store.lock().is_ok() && self.store.can_write() {
            self.read_only = false;
            self.show_info(t().board.now_editable.to_string());
        }
    }

    /// Before changing the board: if someone else changed the file, load their version first.
    /// Returns true when it did, so that a change aimed at what was on screen is not applied to
    /// a board the user has not seen.
    pub(super) fn catch_up_with_file(&mut self) -> bool {
        !self.unsaved && self.conflict.is_none() && self.take_outside_change()
    }

    /// Follows an outside change; true when the board was replaced by the file's version.
    fn take_outside_change(&mut self) -> bool {
        match self.store.check_outside() {
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
        let copy = match self.store.keep_copy(&kept, label) {
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
            self.save_now();
            self.show_info(fill(t().board.kept_mine, &[("copy", &copy)]));
        }
    }

    /// Swaps in a board read from the file, keeping the cursor on the same deal. Undo history
    /// refers to the old board, so it starts again.
    fn replace_board(&mut self, board: Board) {
        let selected = self.selected().map(|d| d.id);
        self.board = board;
        self.undo.clear();
        self.redo.clear();
        self.refresh(selected);
    }

    pub(super) fn try_quit(&mut self) {
        if self.conflict.is_some() {
            // Quitting mid-clash keeps the file as the other program saved it, and this
            // session's board as a copy beside it.
            match self
                .store
                .keep_copy(&self.board, t().board.unsaved_copy_label)
            {
                Ok(_) => self.quit = true,
                Err(e) => self.show_error(e.to_string()),
            }
            return;
        }
        if matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        match self.save {
            SaveState::Saved => self.quit = true,
            SaveState::Failed(_) if self.mode_is_quit_question() => self.quit = true,
            SaveState::Failed(_) => self.open(Mode::Question(Question::QuitUnsaved)),
        }
    }

    /// A signal ends the program: nothing can be asked, so what is not saved yet is saved now,
    /// or, when that still fails (or the file changed meanwhile), kept as a copy beside the
    /// board.
    pub(super) fn terminate(&mut self) {
        if self.conflict.is_none() && matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        let unsaved = self.conflict.is_some() || matches!(self.save, SaveState::Failed(_));
        if unsaved && !self.read_only {
            let _ = self
                .store
                .keep_copy(&self.board, t().board.unsaved_copy_label);
        }
        self.quit = true;
    }

    fn mode_is_quit_question(&self) -> bool {
        matches!(self.mode, Mode::Question(Question::QuitUnsaved))
    }
}
