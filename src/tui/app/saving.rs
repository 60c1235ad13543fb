//! Saving, changes made to the file by someone else, and quitting without losing anything.

use crate::model::Board;
use crate::store::{Outside, SaveErrorKind};
use crate::text::{fill, t};

use super::{App, Mode, Question, SaveState};

impl App {
    /// Saves the board now. If someone else changed the file meanwhile, their changes are loaded
    /// and this session's unsaved ones applied on top, rather than overwriting theirs.
    pub(super) fn save_now(&mut self) {
        let was_failing = matches!(self.save, SaveState::Failed(_));
        match self.store.save(&self.board) {
            Ok(()) => {
                self.pending.clear();
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

    /// Called every second: retries a failed save, and follows changes made to the file by
    /// someone else (a sync tool, a `git pull`, the dealboard that is editing a read-only board).
    pub(super) fn watch_file(&mut self) {
        match self.save {
            SaveState::Failed(_) if !self.read_only => self.save_now(),
            _ => self.take_outside_change(),
        }
        // When the dealboard that was editing this board closes, this one may take over.
        if self.read_only && self.store.lock().is_ok() {
            self.read_only = false;
            self.show_info(t().board.now_editable.to_string());
        }
    }

    fn take_outside_change(&mut self) {
        match self.store.check_outside() {
            Outside::Unchanged => {
                if self.warning.take().is_some() && !self.pending.is_empty() {
                    self.save_now();
                }
            }
            Outside::Unreadable(error) => {
                let text = fill(t().board.outside_unreadable, &[("error", &error)]);
                self.warning = Some(text);
            }
            Outside::Changed(theirs) => {
                self.warning = None;
                if self.pending.is_empty() {
                    self.replace_board(theirs);
                    self.show_info(t().board.reloaded.to_string());
                } else {
                    self.merge_into(theirs);
                }
            }
        }
    }

    /// Applies this session's unsaved changes on top of the board someone else saved, and saves.
    fn merge_into(&mut self, mut theirs: Board) {
        for patch in &self.pending {
            theirs.reapply(patch);
        }
        if !theirs.problems().is_empty() {
            // Their board and ours cannot be combined soundly (a stage ours uses is gone):
            // keep ours in memory and leave the file alone.
            self.warning = Some(t().errors.changed_outside.to_string());
            return;
        }
        self.replace_board(theirs);
        self.show_info(t().board.merged.to_string());
        self.save_now();
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
        if matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        match self.save {
            SaveState::Saved => self.quit = true,
            SaveState::Failed(_) if self.mode_is_quit_question() => self.quit = true,
            SaveState::Failed(_) => self.mode = Mode::Question(Question::QuitUnsaved),
        }
    }

    fn mode_is_quit_question(&self) -> bool {
        matches!(self.mode, Mode::Question(Question::QuitUnsaved))
    }
}
