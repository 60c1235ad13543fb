//! The app's state and `update`, the only place it changes. Drawing reads `&App` and never
//! mutates it, so every behaviour can be tested by feeding actions to `update`.
//!
//! Screens stack: the board, a deal's detail, the closed deals, the process editor and the
//! process report are full screens; forms, pickers, questions, help and the filter line open over
//! them and close back to what was below.

mod activity_form;
mod board_details;
mod changes;
mod closing;
mod cursor;
mod day;
mod keys;
mod notes;
mod process;
pub(crate) mod report_counter;
mod reports;
mod saving;
mod team;
mod team_link;

use chrono::{DateTime, FixedOffset};
use std::sync::Arc;
use tui_input::Input;

pub use day::{AGENDA_DAYS, AgendaItem, AgendaView, CompanyView, CustomersView, ShownCompany};
pub use notes::{EditPurpose, Edited, EditorRequest};

use crate::clock::Clock;
use crate::model::{Board, Deal, DealId, Patch, StageId};
use crate::report::{Card, ClosedTotals, Figures, Filter, Shown};
use crate::store::{SaveError, SaveNumber, Store, Writer};

use super::form::DealForm;
use super::keymap::Context;
use super::picker::Picker;
use super::text_form::TextForm;

pub use reports::{PeriodPreset, PilotInput, PilotSides, ReportChoice, ReportsView};
pub use team::TeamState;

/// How long quitting waits for a sync with the team under way to finish.
const SYNC_PATIENCE_AT_END: std::time::Duration = std::time::Duration::from_secs(60);

/// Undo keeps at most this many steps.
const UNDO_LIMIT: usize = 1000;

#[derive(Clone, Debug)]
pub enum Mode {
    Board,
    /// One deal: every field, its stage's exit criteria (with a cursor), its history.
    Detail(DetailView),
    /// Won and lost deals.
    Closed(ClosedView),
    /// The stages, lead sources and lost reasons of the company's process.
    Process(ProcessView),
    /// The process report: is the sales process working?
    Reports(Box<ReportsView>),
    /// What is planned across all deals: overdue, then day by day.
    Agenda(AgendaView),
    /// The customers: companies with their figures.
    Customers(CustomersView),
    /// One company: its record, people and every deal.
    Company(CompanyView),
    Help {
        scroll: u16,
    },
    Form(Box<DealForm>),
    TextForm(Box<TextForm>),
    Picker(Box<Picker>),
    /// Typing the filter of the screen below.
    Filter(Input),
    Question(Question),
}

impl Mode {
    /// Whether this mode fills the screen (rather than opening over another).
    pub fn is_screen(&self) -> bool {
        matches!(
            self,
            Mode::Board
                | Mode::Detail(_)
                | Mode::Closed(_)
                | Mode::Process(_)
                | Mode::Reports(_)
                | Mode::Agenda(_)
                | Mode::Customers(_)
                | Mode::Company(_)
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailView {
    pub id: DealId,
    /// The selected exit criterion of the deal's stage.
    pub item: usize,
    pub scroll: u16,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClosedShow {
    #[default]
    All,
    Won,
    Lost,
}

/// The closed deals listed for a choice of the closed screen.
struct ClosedList {
    show: ClosedShow,
    text: String,
    deals: Vec<Arc<Deal>>,
    totals: ClosedTotals,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosedView {
    pub show: ClosedShow,
    pub row: usize,
    /// Words to look for, as on the board.
    pub text: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProcessTab {
    #[default]
    Stages,
    Sources,
    LostReasons,
    /// The board's name, owner and currency.
    Board,
    /// The log of changes to the stages, newest first.
    Log,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcessView {
    pub tab: ProcessTab,
    pub row: usize,
}

#[derive(Clone, Debug)]
pub enum Question {
    Delete(DealId),
    /// The last changes could not be saved: quit anyway?
    QuitUnsaved,
    /// Close the form below and lose what was typed? "No" goes back to it.
    Discard,
    /// Move the deal on from `from` although these exit criteria are not ticked? (The skip is
    /// recorded.)
    SkipCriteria {
        id: DealId,
        from: StageId,
        to: StageId,
        items: Vec<String>,
        /// The names of the stages the move jumps over.
        jumped: Vec<String>,
        /// Asked by `w`: yes marks the deal won (rather than moving it).
        mark_won: bool,
    },
    /// Remove this (empty) stage?
    RemoveStage(StageId),
    /// The file changed outside while a change here was not saved yet: load the file's version?
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A change is being written in the background.
    Saving,
    Failed(SaveError),
}

/// A message in the status bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub is_error: bool,
}

/// One undoable change and how to describe it.
struct Step {
    description: String,
    patch: Patch,
}

/// The most a status-bar message holds, whatever it quotes: drawing it costs no more than the
/// bar it is shown in.
const FLASH_CHARS: usize = 400;

pub struct App {
    board: Board,
    /// The rates of the team folder the board is in (its `team.ron`), which the app's figures
    /// convert with rather than the board's own, as `stats` does; never saved in the board.
    team_rates: Option<crate::model::Rates>,
    /// Saves in the background; the store is reached through it.
    writer: Writer,
    /// The board file, as the user named it.
    path: std::path::PathBuf,
    clock: Box<dyn Clock>,
    /// What the board shows: these words and toggles.
    filter: Filter,
    /// The deals on the board, one list per stage, in the order shown, and their figures:
    /// kept up to date by each change rather than counted per frame.
    shown: Shown,
    /// The focused stage column.
    focus: usize,
    /// The selected row in each column, remembered while moving between columns.
    rows: Vec<usize>,
    /// The first card shown in each column.
    offsets: Vec<usize>,
    /// The first stage column on screen when not all fit.
    first_column: usize,
    /// Empty stages are folded to narrow strips (`z`), leaving their room to the others.
    fold_empty: bool,
    mode: Mode,
    /// The screens under the current one, bottom first.
    under: Vec<Mode>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    save: SaveState,
    /// A change made here is not in the file yet (being saved, saving failed, or the file
    /// changed outside).
    unsaved: bool,
    /// The newest save handed to the writer: only its outcome tells whether all is saved.
    last_save: Option<SaveNumber>,
    /// The user quit while a save was still being written: the app ends once it is on disk.
    quitting: bool,
    /// Another dealboard is editing this board: this one shows it and follows its changes.
    read_only: bool,
    /// A lasting warning, such as a file changed outside that cannot be read now.
    warning: Option<String>,
    /// The file's version when it and this session's unsaved changes clash, until the user
    /// chooses; nothing is saved meanwhile.
    conflict: Option<Board>,
    flash: Option<Flash>,
    /// The process report's period, owner and comparison, as last left.
    report_choice: ReportChoice,
    /// What the closed screen lists, while it is open.
    closed_list: Option<ClosedList>,
    /// What the agenda and customers screens list, while one is open.
    day_lists: day::DayLists,
    /// Text for the user's editor, until the event loop takes it.
    editor_request: Option<notes::EditorRequest>,
    /// What the editor gave back, until the next `News` takes it in.
    edited: Option<(notes::EditPurpose, notes::Edited)>,
    /// Works out the report's figures off the key path.
    reports: report_counter::ReportCounter,
    /// The team folder the board is in, shared through git; `None` when it is in none.
    team: Option<team_link::TeamLink>,
    size: (u16, u16),
    quit: bool,
}

impl App {
    pub fn new(board: Board, store: Store, clock: Box<dyn Clock>, size: (u16, u16)) -> App {
        let stages = board.stages.len();
        let read_only = !store.can_write();
        let path = store.path().to_path_buf();
        let team = team_link::TeamLink::of(&path);
        let writer = Writer::start(store);
        let mut app = App {
            board,
            writer,
            path,
            clock,
            filter: Filter::default(),
            shown: Shown::default(),
            focus: 0,
            rows: vec![0; stages],
            offsets: vec![0; stages],
            first_column: 0,
            fold_empty: false,
            mode: Mode::Board,
            under: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            save: SaveState::Saved,
            unsaved: false,
            last_save: None,
            quitting: false,
            read_only,
            warning: None,
            conflict: None,
            flash: None,
            report_choice: ReportChoice::default(),
            closed_list: None,
            day_lists: day::DayLists::default(),
            editor_request: None,
            edited: None,
            reports: report_counter::ReportCounter::default(),
            team,
            size,
            quit: false,
            team_rates: None,
        };
        app.refresh(None);
        app
    }

    /// Lets the app go when the process is about to end: every save written and the board's
    /// lock let go (the writer and its store end as usual), but the deals are not freed one by
    /// one. At 100,000 deals that takes a third of a second the user would wait at quit for
    /// nothing: the system takes the process's memory back at once when it ends.
    pub fn end(mut self) {
        // A sync is let finish: cut off, it could leave the folder mid-rebase.
        if let Some(team) = &self.team {
            team.wait(SYNC_PATIENCE_AT_END);
        }
        let deals = (
            std::mem::take(&mut self.board.deals),
            std::mem::take(&mut self.shown),
            std::mem::take(&mut self.undo),
            std::mem::take(&mut self.redo),
        );
        drop(self);
        std::mem::forget(deals);
    }

    /// Converts with the team folder's rates rather than the board's own.
    pub fn with_team_rates(mut self, rates: Option<crate::model::Rates>) -> App {
        self.team_rates = rates;
        self
    }

    /// The rates the app's figures convert with: the team folder's, else the board's.
    pub fn rates(&self) -> Option<&crate::model::Rates> {
        self.team_rates.as_ref().or(self.board.rates.as_ref())
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

    /// The full screen to draw under any overlays: the current mode if it is one, else the
    /// nearest screen below.
    pub fn screen(&self) -> &Mode {
        std::iter::once(&self.mode)
            .chain(self.under.iter().rev())
            .find(|m| m.is_screen())
            .unwrap_or(&Mode::Board)
    }

    /// The overlays open over the screen, bottom first.
    pub fn overlays(&self) -> Vec<&Mode> {
        let mut stack: Vec<&Mode> = self
            .under
            .iter()
            .chain(std::iter::once(&self.mode))
            .collect();
        let base = stack
            .iter()
            .rposition(|m| m.is_screen())
            .map_or(0, |i| i + 1);
        stack.drain(..base);
        stack
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn columns(&self) -> &[Vec<Card>] {
        self.shown.columns()
    }

    pub fn figures(&self) -> &Figures {
        self.shown.figures()
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

    /// Whether the stage column `index` is drawn folded: empty stages are folded and it is one,
    /// and not the focused one (which is always open, to add a deal to).
    pub fn is_folded(&self, index: usize) -> bool {
        self.fold_empty
            && index != self.focus
            && self.shown.columns().get(index).is_some_and(Vec::is_empty)
    }

    /// How many stage columns are on a screen `width` cells wide, from the first shown.
    pub fn columns_on_screen(&self, width: u16) -> usize {
        let total = self.shown.columns().len();
        crate::tui::layout::columns_fitting(width, self.first_column, total, |i| self.is_folded(i))
            .min(total.saturating_sub(self.first_column).max(1))
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
        &self.path
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
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
            Mode::Detail(_) => Context::Detail,
            Mode::Closed(_) => Context::Closed,
            Mode::Process(_) => Context::Process,
            Mode::Reports(_) => Context::Reports,
            Mode::Agenda(_) => Context::Agenda,
            Mode::Customers(_) => Context::Customers,
            Mode::Company(_) => Context::Company,
            Mode::Help { .. } => Context::Help,
            Mode::Form(_) | Mode::TextForm(_) => Context::Form,
            Mode::Picker(_) => Context::Picker,
            Mode::Filter(_) => Context::Filter,
            Mode::Question(_) => Context::Question,
        }
    }

    /// The deal under the cursor on the board, if the focused column has any.
    pub fn selected(&self) -> Option<&Deal> {
        let shown = self
            .shown
            .columns()
            .get(self.focus)?
            .get(self.row(self.focus))?;
        self.board.deal(shown.id)
    }

    /// The closed deals the closed screen lists, newest first (worked out in `update`, when
    /// the screen opens, its choice changes or the board does; not for every frame).
    pub fn closed_deals(&self, view: &ClosedView) -> &[Arc<Deal>] {
        self.closed_list_of(view).map_or(&[], |list| &list.deals)
    }

    /// How many of the deals listed were won and lost, and their values.
    pub fn closed_totals(&self, view: &ClosedView) -> ClosedTotals {
        self.closed_list_of(view)
            .map(|list| list.totals.clone())
            .unwrap_or_default()
    }

    fn closed_list_of(&self, view: &ClosedView) -> Option<&ClosedList> {
        self.closed_list
            .as_ref()
            .filter(|list| list.show == view.show && list.text == view.text)
    }

    /// Keeps the closed screen's list up to date with its choice and the board, while it is open.
    fn keep_closed_list(&mut self) {
        let view = self
            .under
            .iter()
            .chain(std::iter::once(&self.mode))
            .find_map(|mode| match mode {
                Mode::Closed(view) => Some(view),
                _ => None,
            });
        let Some(view) = view else {
            self.closed_list = None;
            return;
        };
        if self
            .closed_list
            .as_ref()
            .is_some_and(|list| list.show == view.show && list.text == view.text)
        {
            return;
        }
        let filter = Filter {
            text: view.text.clone(),
            ..Filter::default()
        };
        let matcher = filter.matcher();
        let now = self.clock.now();
        let mut deals: Vec<Arc<Deal>> = self
            .board
            .deals
            .iter()
            .filter(|d| match (&d.status, view.show) {
                (crate::model::Status::Open, _) => false,
                (_, ClosedShow::All) => true,
                (crate::model::Status::Won { .. }, show) => show == ClosedShow::Won,
                (crate::model::Status::Lost { .. }, show) => show == ClosedShow::Lost,
            })
            .filter(|d| matcher.matches(d, &self.board, now))
            .cloned()
            .collect();
        deals.sort_by_cached_key(|d| std::cmp::Reverse(closed_at(d)));
        self.closed_list = Some(ClosedList {
            show: view.show,
            text: view.text.clone(),
            totals: ClosedTotals::of(&deals),
            deals,
        });
    }

    // ----- The one place state changes -----

    pub fn update(&mut self, action: super::action::Action) {
        self.apply(action);
        self.keep_closed_list();
        self.keep_day_lists();
    }

    fn apply(&mut self, action: super::action::Action) {
        use super::action::Action;
        match action {
            Action::Resize(width, height) => {
                self.size = (width, height);
                self.keep_in_view();
                self.keep_report_in_view();
                return;
            }
            Action::Terminate => return self.terminate(),
            Action::News => {
                self.take_edited();
                self.take_report();
                self.take_team_news();
                return self.take_finished_save();
            }
            Action::Tick => {
                self.watch_file();
                if let Some(team) = &mut self.team {
                    team.tick();
                }
                self.writer.find_pieces_once(|| self.board.clone());
                if self.shown.figures().counted_on != Some(self.clock.today()) {
                    self.refresh(None);
                }
                return;
            }
            _ => self.flash = None,
        }
        let quits_here = self.mode.is_screen() || matches!(self.mode, Mode::Help { .. });
        if action == Action::Quit && quits_here {
            return self.try_quit();
        }
        self.dispatch(action);
    }

    // ----- Screens -----

    /// Opens `mode` over the current one.
    fn open(&mut self, mode: Mode) {
        let below = std::mem::replace(&mut self.mode, mode);
        self.under.push(below);
    }

    /// Closes the current mode, back to the one below it.
    fn close(&mut self) {
        self.mode = self.under.pop().unwrap_or(Mode::Board);
    }

    fn show_info(&mut self, text: String) {
        self.flash = Some(Flash {
            text: flash_text(&text),
            is_error: false,
        });
    }

    fn show_error(&mut self, text: String) {
        let text = crate::text::os_errors::localize(&text);
        self.flash = Some(Flash {
            text: flash_text(&text),
            is_error: true,
        });
    }

    fn stage_name(&self, id: &StageId) -> String {
        self.board
            .stage(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn stage_name_of(&self, id: DealId) -> String {
        self.board
            .deal(id)
            .map(|d| self.stage_name(&d.stage))
            .unwrap_or_default()
    }
}

/// A message for the status bar, which wraps it as one paragraph: its lines joined (a message
/// of several lines, such as a sync's, would otherwise show its line breaks escaped), at most
/// [`FLASH_CHARS`].
fn flash_text(text: &str) -> String {
    let joined: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    crate::text::excerpt(&joined.join(" "), FLASH_CHARS)
}

/// When a closed deal was closed.
fn closed_at(deal: &Deal) -> Option<chrono::DateTime<chrono::Utc>> {
    match &deal.status {
        crate::model::Status::Won { at } | crate::model::Status::Lost { at, .. } => Some(*at),
        crate::model::Status::Open => None,
    }
}
