//! The app's state and `update`, the only place it changes. Drawing reads `&App` and never
//! mutates it, so every behaviour can be tested by feeding actions to `update`.

use crate::clock::Clock;
use crate::model::{Board, Deal, DealId, Direction, EditError, Money, Patch};
use crate::report::{ColumnSummary, column_summary, overdue_count};
use crate::store::{SaveError, Store};
use crate::text::{fill, t};

use super::action::Action;
use super::form::{DealForm, FormTarget};
use super::keymap::Context;
use super::layout::{board_layout, first_visible};

/// Undo keeps at most this many steps.
const UNDO_LIMIT: usize = 1000;

#[derive(Clone, Debug)]
pub enum Mode {
    Board,
    Help { scroll: u16 },
    Form(Box<DealForm>),
    Question(Question),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    Delete(DealId),
    /// The last changes could not be saved: quit anyway?
    QuitUnsaved,
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
    flash: Option<Flash>,
    size: (u16, u16),
    quit: bool,
}

impl App {
    pub fn new(board: Board, store: Store, clock: Box<dyn Clock>, size: (u16, u16)) -> App {
        let stages = board.stages.len();
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
                if matches!(self.save, SaveState::Failed(_)) {
                    self.save_now();
                }
                if self.figures.counted_on != Some(self.clock.today()) {
                    self.refresh(None);
                }
                return;
            }
            _ => self.flash = None,
        }
        if action == Action::Quit {
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
        match action {
            Action::SelectUp => *scroll = scroll.saturating_sub(1),
            Action::SelectDown => {
                *scroll = scroll.saturating_add(1).min(super::keymap::help_height())
            }
            Action::Close => self.mode = Mode::Board,
            _ => {}
        }
    }

    fn on_form(&mut self, action: Action) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PreviousField => form.previous_field(),
            Action::Edit(request) => form.edit(request),
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
        match action {
            Action::Yes => {
                self.mode = Mode::Board;
                match question {
                    Question::Delete(id) => self.delete(id),
                    Question::QuitUnsaved => self.quit = true,
                }
            }
            Action::No => self.mode = Mode::Board,
            _ => {}
        }
    }

    // ----- Changing deals -----

    fn open_new_form(&mut self) {
        let Some(stage) = self.board.stages.get(self.focus) else {
            return;
        };
        let now = self.clock.now_utc();
        let mut blank = Deal::new(
            DealId(0),
            "",
            stage.id.clone(),
            Money::zero(self.board.currency),
            now,
        );
        blank.owner = self.board.owner.clone();
        self.mode = Mode::Form(Box::new(DealForm::new(
            FormTarget::New(stage.id.clone()),
            blank,
        )));
    }

    fn save_form(&mut self) {
        let today = self.clock.today();
        let now = self.clock.now_utc();
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        let Some(deal) = form.result(today) else {
            return self.show_error(t().form.fix_first.to_string());
        };
        let target = form.target.clone();
        let title = deal.title.clone();
        match target {
            FormTarget::New(stage) => match self.board.add_deal(&stage, now, |d| *d = deal) {
                Ok((id, patch)) => {
                    self.mode = Mode::Board;
                    let stage = self.stage_name_of(id);
                    let text = fill(t().board.added, &[("title", &title), ("stage", &stage)]);
                    self.commit(text, patch, Some(id));
                }
                Err(e) => self.show_error(e.to_string()),
            },
            FormTarget::Edit(id) => match self.board.edit_deal(id, now, |d| *d = deal) {
                Ok(Some(patch)) => {
                    self.mode = Mode::Board;
                    self.commit(
                        fill(t().board.edited, &[("title", &title)]),
                        patch,
                        Some(id),
                    );
                }
                Ok(None) => {
                    self.mode = Mode::Board;
                    self.show_info(t().board.no_changes.to_string());
                }
                Err(e) => self.show_error(e.to_string()),
            },
        }
    }

    fn move_selected(&mut self, direction: Direction) {
        let now = self.clock.now_utc();
        let at_edge = match direction {
            Direction::Back => t().board.at_first_stage,
            Direction::Forward => t().board.at_last_stage,
        };
        self.change_selected(
            |board, id| board.move_deal_step(id, direction, now),
            at_edge,
            |app, deal| {
                let stage = app.stage_name_of(deal.id);
                fill(
                    t().board.moved,
                    &[("title", &deal.title), ("stage", &stage)],
                )
            },
        );
    }

    fn reorder_selected(&mut self, direction: Direction) {
        let at_edge = match direction {
            Direction::Back => t().board.at_top,
            Direction::Forward => t().board.at_bottom,
        };
        self.change_selected(
            |board, id| board.reorder_deal(id, direction),
            at_edge,
            |_, deal| fill(t().board.reordered, &[("title", &deal.title)]),
        );
    }

    /// Applies `change` to the selected deal and commits it, described by `describe`; a deal
    /// already at the edge gets the `at_edge` message instead.
    fn change_selected(
        &mut self,
        change: impl FnOnce(&mut Board, DealId) -> Result<Patch, EditError>,
        at_edge: &'static str,
        describe: impl FnOnce(&App, &Deal) -> String,
    ) {
        self.with_selected(|app, deal| match change(&mut app.board, deal.id) {
            Ok(patch) => {
                let text = describe(app, &deal);
                app.commit(text, patch, Some(deal.id));
            }
            Err(EditError::AtEdge) => app.show_info(fill(at_edge, &[("title", &deal.title)])),
            Err(e) => app.show_error(e.to_string()),
        });
    }

    fn delete(&mut self, id: DealId) {
        let title = self
            .board
            .deal(id)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        match self.board.delete_deal(id) {
            Ok(patch) => {
                let done = fill(t().board.deleted, &[("title", &title)]);
                self.commit(done, patch, None);
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Runs `f` on a copy of the selected deal, or says there is none.
    fn with_selected(&mut self, f: impl FnOnce(&mut App, Deal)) {
        match self.selected().cloned() {
            Some(deal) => f(self, deal),
            None => self.show_info(t().board.no_deal_selected.to_string()),
        }
    }

    /// Records a change for undo, shows it, keeps the cursor on `follow` and saves at once.
    fn commit(&mut self, description: String, patch: Patch, follow: Option<DealId>) {
        self.undo.push(Step {
            description: description.clone(),
            patch,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.refresh(follow);
        self.save_now();
        self.show_info(fill(t().board.undo_hint, &[("done", &description)]));
    }

    fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            return self.show_info(t().board.nothing_to_undo.to_string());
        };
        self.board.undo(&step.patch);
        self.after_history_step(&step, t().board.undone);
        self.redo.push(step);
    }

    fn redo(&mut self) {
        let Some(step) = self.redo.pop() else {
            return self.show_info(t().board.nothing_to_redo.to_string());
        };
        self.board.redo(&step.patch);
        self.after_history_step(&step, t().board.redone);
        self.undo.push(step);
    }

    fn after_history_step(&mut self, step: &Step, template: &str) {
        let follow = step
            .patch
            .deal_ids()
            .find(|id| self.board.deal(*id).is_some());
        self.refresh(follow);
        self.save_now();
        self.show_info(fill(template, &[("what", &step.description)]));
    }

    // ----- Saving and quitting -----

    fn save_now(&mut self) {
        let was_failing = matches!(self.save, SaveState::Failed(_));
        match self.store.save(&self.board) {
            Ok(()) => {
                self.save = SaveState::Saved;
                if was_failing {
                    let path = self.store.path().display().to_string();
                    self.show_info(fill(t().board.save_recovered, &[("path", &path)]));
                }
            }
            Err(e) => self.save = SaveState::Failed(e),
        }
    }

    fn try_quit(&mut self) {
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

    // ----- The cursor -----

    /// Rebuilds the columns after a change, with the cursor on `follow` if it is on the board.
    fn refresh(&mut self, follow: Option<DealId>) {
        let columns = self.board.columns();
        self.figures = Figures::of(&columns, self.clock.today());
        self.columns = columns
            .iter()
            .map(|c| c.iter().map(|d| d.id).collect())
            .collect();
        let stages = self.columns.len();
        self.rows.resize(stages, 0);
        self.offsets.resize(stages, 0);
        self.focus = self.focus.min(stages.saturating_sub(1));
        if let Some(id) = follow {
            for (c, column) in self.columns.iter().enumerate() {
                if let Some(r) = column.iter().position(|d| *d == id) {
                    self.focus = c;
                    self.rows[c] = r;
                }
            }
        }
        for (row, column) in self.rows.iter_mut().zip(&self.columns) {
            *row = (*row).min(column.len().saturating_sub(1));
        }
        self.keep_in_view();
    }

    fn focus_column(&mut self, column: usize) {
        self.focus = column.min(self.columns.len().saturating_sub(1));
        self.keep_in_view();
    }

    fn select_row(&mut self, row: usize) {
        let len = self.columns.get(self.focus).map_or(0, Vec::len);
        if let Some(current) = self.rows.get_mut(self.focus) {
            *current = row.min(len.saturating_sub(1));
        }
        self.keep_in_view();
    }

    fn page(&self) -> usize {
        board_layout(self.size.0, self.size.1, self.columns.len()).map_or(1, |l| l.cards)
    }

    /// Scrolls sideways and within each column just enough to keep the cursor on screen.
    fn keep_in_view(&mut self) {
        let Some(layout) = board_layout(self.size.0, self.size.1, self.columns.len()) else {
            return;
        };
        self.first_column = first_visible(
            self.first_column,
            self.focus,
            layout.columns,
            self.columns.len(),
        );
        for (c, column) in self.columns.iter().enumerate() {
            self.offsets[c] =
                first_visible(self.offsets[c], self.rows[c], layout.cards, column.len());
        }
    }
}
