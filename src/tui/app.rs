//! The app's state and `update`, the only place it changes. Drawing reads `&App` and never
//! mutates it, so every behaviour can be tested by feeding actions to `update`.

mod changes;
mod cursor;
mod saving;

use crate::clock::Clock;
use crate::model::{Board, Deal, DealId, Direction, Patch};
use crate::report::{ColumnSummary, column_summary, overdue_count};
use crate::store::{SaveError, Store};
use crate::text::t;

use super::action::Action;
use super::form::{DealForm, FormTarget};
use super::keymap::Context;

/// Undo keeps at most this many steps.
const UNDO_LIMIT: usize = 1000;

#[derive(Clone, Debug)]
pub enum Mode {
    Board,
    Help { scroll: u16 },
    Form(Box<DealForm>),
    Question(Question),
}

#[derive(Clone, Debug)]
pub enum Question {
    Delete(DealId),
    /// The last changes could not be saved: quit anyway?
    QuitUnsaved,
    /// Close the form and lose what was typed? "No" goes back to it.
    DiscardForm(Box<DealForm>),
    /// The file changed outside while a change here was not saved yet: load the file's version?
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Failed(SaveError),
}

/// A one-line message in the status bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub is_error: bool,
}

/// What the headers show, from report: per column, and for the whole board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub columns: Vec<ColumnSummary>,
    pub shown: usize,
    pub overdue: usize,
    /// The day `overdue` was counted for; a new day counts again.
    pub counted_on: Option<chrono::NaiveDate>,
}

impl Figures {
    fn of(columns: &[Vec<&Deal>], today: chrono::NaiveDate) -> Figures {
        Figures {
            columns: columns
                .iter()
                .map(|c| column_summary(c.iter().copied()))
                .collect(),
            shown: columns.iter().map(Vec::len).sum(),
            overdue: overdue_count(columns.iter().flatten().copied(), today),
            counted_on: Some(today),
        }
    }
}

/// One undoable change and how to describe it.
struct Step {
    description: String,
    patch: Patch,
}

pub struct App {
    board: Board,
    store: Store,
    clock: Box<dyn Clock>,
    /// The deals on the board, one list per stage, in the order shown.
    columns: Vec<Vec<DealId>>,
    /// Figures about the deals shown, worked out once per change rather than once per frame.
    figures: Figures,
    /// The focused stage column.
    focus: usize,
    /// The selected row in each column, remembered while moving between columns.
    rows: Vec<usize>,
    /// The first card shown in each column.
    offsets: Vec<usize>,
    /// The first stage column on screen when not all fit.
    first_column: usize,
    mode: Mode,
    undo: Vec<Step>,
    redo: Vec<Step>,
    save: SaveState,
    /// A change made here is not in the file yet (saving failed, or the file changed outside).
    unsaved: bool,
    /// Another dealboard is editing this board: this one shows it and follows its changes.
    read_only: bool,
    /// A lasting warning, such as a file changed outside that cannot be read now.
    warning: Option<String>,
    /// The file's version when it and this session's unsaved changes clash, until the user
    /// chooses; nothing is saved meanwhile.
    conflict: Option<Board>,
    flash: Option<Flash>,
    size: (u16, u16),
    quit: bool,
}

impl App {
    pub fn new(board: Board, store: Store, clock: Box<dyn Clock>, size: (u16, u16)) -> App {
        let stages = board.stages.len();
        let read_only = !store.can_write();
        let mut app = App {
            board,
            store,
            clock,
            columns: Vec::new(),
            figures: Figures::default(),
            focus: 0,
            rows: vec![0; stages],
            offsets: vec![0; stages],
            first_column: 0,
            mode: Mode::Board,
            undo: Vec::new(),
            redo: Vec::new(),
            save: SaveState::Saved,
            unsaved: false,
            read_only,
            warning: None,
            conflict: None,
            flash: None,
            size,
            quit: false,
        };
        app.refresh(None);
        app
    }

    /// The app as it starts, with `notice` in the status bar (e.g. that the board was created).
    pub fn with_notice(mut self, notice: String) -> App {
        self.flash = Some(Flash {
            text: notice,
            is_error: false,
        });
        self
    }

    // ----- What the view reads -----

    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn columns(&self) -> &[Vec<DealId>] {
        &self.columns
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn row(&self, column: usize) -> usize {
        self.rows.get(column).copied().unwrap_or(0)
    }

    pub fn offset(&self, column: usize) -> usize {
        self.offsets.get(column).copied().unwrap_or(0)
    }

    pub fn first_column(&self) -> usize {
        self.first_column
    }

    pub fn save_state(&self) -> &SaveState {
        &self.save
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    pub fn store_path(&self) -> &std::path::Path {
        self.store.path()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Which keys apply now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Board => Context::Board,
            Mode::Help { .. } => Context::Help,
            Mode::Form(_) => Context::Form,
            Mode::Question(_) => Context::Question,
        }
    }

    /// The deal under the cursor, if the focused column has any.
    pub fn selected(&self) -> Option<&Deal> {
        let id = self.columns.get(self.focus)?.get(self.row(self.focus))?;
        self.board.deal(*id)
    }

    // ----- The one place state changes -----

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(width, height) => {
                self.size = (width, height);
                self.keep_in_view();
                return;
            }
            Action::Tick => {
                self.watch_file();
                if self.figures.counted_on != Some(self.clock.today()) {
                    self.refresh(None);
                }
                return;
            }
            _ => self.flash = None,
        }
        if action == Action::Quit && matches!(self.mode, Mode::Board | Mode::Help { .. }) {
            return self.try_quit();
        }
        match &self.mode {
            Mode::Board => self.on_board(action),
            Mode::Help { .. } => self.on_help(action),
            Mode::Form(_) => self.on_form(action),
            Mode::Question(_) => self.on_question(action),
        }
    }

    fn on_board(&mut self, action: Action) {
        let changes_board = matches!(
            action,
            Action::MoveForward
                | Action::MoveBack
                | Action::ReorderUp
                | Action::ReorderDown
                | Action::NewDeal
                | Action::EditDeal
                | Action::DeleteDeal
                | Action::Undo
                | Action::Redo
        );
        if changes_board && self.read_only {
            return self.show_error(t().board.read_only.to_string());
        }
        // A key that changes a deal at once is not applied to a board the user has not seen:
        // when the file changed meanwhile, it is loaded and the key waits for the next press.
        // (Forms and questions show what they are about, and check again when confirmed.)
        let changes_at_once = changes_board
            && !matches!(
                action,
                Action::NewDeal | Action::EditDeal | Action::DeleteDeal
            );
        if changes_at_once && self.catch_up_with_file() {
            return;
        }
        match action {
            Action::FocusLeft => self.focus_column(self.focus.saturating_sub(1)),
            Action::FocusRight => self.focus_column(self.focus + 1),
            Action::SelectUp => self.select_row(self.row(self.focus).saturating_sub(1)),
            Action::SelectDown => self.select_row(self.row(self.focus) + 1),
            Action::SelectFirst => self.select_row(0),
            Action::SelectLast => self.select_row(usize::MAX),
            Action::PageUp => self.select_row(self.row(self.focus).saturating_sub(self.page())),
            Action::PageDown => self.select_row(self.row(self.focus) + self.page()),
            Action::MoveForward => self.move_selected(Direction::Forward),
            Action::MoveBack => self.move_selected(Direction::Back),
            Action::ReorderUp => self.reorder_selected(Direction::Back),
            Action::ReorderDown => self.reorder_selected(Direction::Forward),
            Action::NewDeal => self.open_new_form(),
            Action::EditDeal => self.with_selected(|app, deal| {
                app.mode = Mode::Form(Box::new(DealForm::new(FormTarget::Edit(deal.id), deal)));
            }),
            Action::DeleteDeal => self.with_selected(|app, deal| {
                app.mode = Mode::Question(Question::Delete(deal.id));
            }),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ShowHelp => self.mode = Mode::Help { scroll: 0 },
            _ => {}
        }
    }

    fn on_help(&mut self, action: Action) {
        let Mode::Help { scroll } = &mut self.mode else {
            return;
        };
        let page = self.size.1.saturating_sub(4).max(1);
        let last = super::keymap::help_height();
        *scroll = match action {
            Action::SelectUp => scroll.saturating_sub(1),
            Action::SelectDown => scroll.saturating_add(1).min(last),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page).min(last),
            Action::SelectFirst => 0,
            Action::SelectLast => last,
            Action::Close => return self.mode = Mode::Board,
            _ => *scroll,
        };
    }

    fn on_form(&mut self, action: Action) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PreviousField => form.previous_field(),
            Action::Edit(request) => form.edit(request),
            Action::Close if form.is_changed() => {
                let form = form.clone();
                self.mode = Mode::Question(Question::DiscardForm(form));
            }
            Action::Close => self.mode = Mode::Board,
            Action::SaveForm => self.save_form(),
            _ => {}
        }
    }

    fn on_question(&mut self, action: Action) {
        let Mode::Question(question) = &self.mode else {
            return;
        };
        let question = question.clone();
        match (action, question) {
            (Action::Yes, Question::Conflict) => self.settle_conflict(true),
            (Action::No, Question::Conflict) => self.settle_conflict(false),
            (Action::Yes, question) => {
                self.mode = Mode::Board;
                match question {
                    Question::Delete(id) => {
                        if !self.catch_up_with_file() {
                            self.delete(id);
                        }
                    }
                    Question::QuitUnsaved => self.quit = true,
                    Question::DiscardForm(_) | Question::Conflict => {}
                }
            }
            (Action::No, Question::DiscardForm(form)) => self.mode = Mode::Form(form),
            (Action::No, _) => self.mode = Mode::Board,
            _ => {}
        }
    }

    fn show_info(&mut self, text: String) {
        self.flash = Some(Flash {
            text,
            is_error: false,
        });
    }

    fn show_error(&mut self, text: String) {
        self.flash = Some(Flash {
            text,
            is_error: true,
        });
    }

    fn stage_name_of(&self, id: DealId) -> String {
        self.board
            .deal(id)
            .and_then(|d| self.board.stage(&d.stage))
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }
}
