//! The stand-up review's state, changed only in `Review::update`: the boards presented, whose
//! turn it is, the changes since the last working day and which one is shown, the deal in
//! focus, and whether only what needs attention is on screen. Nothing here writes a file.

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::sources::Source;
use crate::clock::Clock;
use crate::model::{Board, Deal, DealId, Origin, combine};
use crate::report::analytics::{Period, Stats};
use crate::report::{Change, Due, changes_since, due_state, rotting_days};
use crate::text::t;
use crate::tui::action::Action;

pub struct Review {
    sources: Vec<Source>,
    board: Board,
    origins: Vec<Origin>,
    /// Everyone's, then each owner in turn.
    owners: Vec<String>,
    turn: Option<usize>,
    pub since: DateTime<Utc>,
    changes: Vec<Change>,
    /// The change shown in the large panel (`n` / `N`).
    change_at: Option<usize>,
    /// The deal shown full-screen (`f`, or Enter).
    focus: Option<DealId>,
    attention_only: bool,
    /// The keys are listed over the board (`?`).
    help: bool,
    /// The columns as shown: per stage, the deals (ids of the combined board).
    columns: Vec<Vec<DealId>>,
    /// The figures of the deals shown (whose turn it is), since `since`.
    totals: Stats,
    column: usize,
    row: usize,
    pub size: (u16, u16),
    clock: Box<dyn Clock>,
    flash: Option<String>,
    quit: bool,
}

impl Review {
    pub fn new(
        sources: Vec<Source>,
        owner: Option<&str>,
        since: DateTime<Utc>,
        clock: Box<dyn Clock>,
        size: (u16, u16),
    ) -> Review {
        let mut review = Review {
            sources,
            board: Board::placeholder(),
            origins: Vec::new(),
            owners: Vec::new(),
            turn: None,
            since,
            changes: Vec::new(),
            change_at: None,
            focus: None,
            attention_only: false,
            help: false,
            columns: Vec::new(),
            totals: Stats::of(&Board::placeholder(), Period::all(), None, clock.now()),
            column: 0,
            row: 0,
            size,
            clock,
            flash: None,
            quit: false,
        };
        review.recombine();
        if let Some(owner) = owner {
            review.turn = review
                .owners
                .iter()
                .position(|o| o.eq_ignore_ascii_case(owner));
            if review.turn.is_none() {
                review.flash = Some(crate::text::fill(
                    t().review.no_such_owner,
                    &[("owner", &owner)],
                ));
            }
        }
        review.refresh();
        review
    }

    pub fn update(&mut self, action: Action) {
        self.flash = None;
        if self.help && !matches!(action, Action::Tick | Action::Resize(..) | Action::Quit) {
            // Any key closes the list of keys; the key itself is not acted on.
            self.help = false;
            return;
        }
        match action {
            Action::Tick => {
                if self.follow_files() {
                    self.recombine();
                    self.refresh();
                }
            }
            Action::Resize(width, height) => self.size = (width, height),
            Action::NextOwner => self.set_turn(true),
            Action::PreviousOwner => self.set_turn(false),
            Action::NextChange => self.step_change(true),
            Action::PreviousChange => self.step_change(false),
            Action::FocusDeal | Action::ShowDetail => {
                self.focus = self.selected();
                self.change_at = None;
            }
            Action::ToggleAttention => {
                self.attention_only = !self.attention_only;
                self.refresh();
            }
            Action::FocusLeft => self.move_cursor(-1, 0),
            Action::FocusRight => self.move_cursor(1, 0),
            Action::SelectUp => self.move_cursor(0, -1),
            Action::SelectDown => self.move_cursor(0, 1),
            Action::Close if self.focus.is_some() || self.change_at.is_some() => {
                self.focus = None;
                self.change_at = None;
            }
            Action::Close | Action::Quit => self.quit = true,
            Action::ShowHelp => self.help = true,
            _ => self.flash = Some(t().review.read_only.to_string()),
        }
    }

    /// Reads changed files again; true when any board shown changed.
    fn follow_files(&mut self) -> bool {
        let mut changed = false;
        for source in &mut self.sources {
            changed |= source.follow();
        }
        changed
    }

    /// Builds the combined board from every file's last good state, keeping the presenter's
    /// place: the same owner's turn and, when still there, the same deal selected.
    fn recombine(&mut self) {
        let selected = self.selected().and_then(|id| self.origin(id));
        let turn = self.turn.and_then(|t| self.owners.get(t).cloned());
        let boards: Vec<(&str, &Board)> = self
            .sources
            .iter()
            .filter_map(|s| s.board.as_ref().map(|b| (s.name.as_str(), b)))
            .collect();
        let (board, origins) = combine(&boards).unwrap_or((Board::placeholder(), Vec::new()));
        self.board = board;
        // Origins name boards by their place among the readable ones: map back to sources.
        let readable: Vec<usize> = (0..self.sources.len())
            .filter(|i| self.sources[*i].board.is_some())
            .collect();
        self.origins = origins
            .into_iter()
            .map(|o| Origin {
                board: readable.get(o.board).copied().unwrap_or(o.board),
                id: o.id,
            })
            .collect();
        let mut owners: Vec<String> = Vec::new();
        for deal in &self.board.deals {
            if !owners.iter().any(|o| o.eq_ignore_ascii_case(&deal.owner)) {
                owners.push(deal.owner.clone());
            }
        }
        owners.sort_by_key(|o| o.to_lowercase());
        self.owners = owners;
        self.turn = turn.and_then(|name| self.owners.iter().position(|o| *o == name));
        if let Some(origin) = selected {
            self.select_origin(origin);
        }
    }

    /// Recomputes what is shown after the turn, the files or the attention toggle changed.
    fn refresh(&mut self) {
        let selected = self.selected();
        let owner = self.owner().map(str::to_lowercase);
        let mine = |d: &Deal| owner.as_ref().is_none_or(|o| d.owner.to_lowercase() == *o);
        self.changes = changes_since(&self.board, self.since)
            .into_iter()
            .filter(|c| self.board.deal(c.deal).is_some_and(&mine))
            .collect();
        let changed: HashSet<DealId> = self.changes.iter().map(|c| c.deal).collect();
        let now = self.clock.now();
        let today = now.date_naive();
        let needs_attention = |d: &Deal| {
            changed.contains(&d.id)
                || rotting_days(d, &self.board, now).is_some()
                || matches!(due_state(d, today), Due::Overdue(_) | Due::Today)
        };
        self.columns = self
            .board
            .columns()
            .into_iter()
            .map(|column| {
                column
                    .into_iter()
                    .filter(|d| mine(d) && (!self.attention_only || needs_attention(d)))
                    .map(|d| d.id)
                    .collect()
            })
            .collect();
        let since = Period {
            from: Some(self.since.with_timezone(now.offset()).date_naive()),
            to: None,
        };
        self.totals = Stats::of(&self.board, since, self.owner(), now);
        self.change_at = self.change_at.filter(|at| *at < self.changes.len());
        match selected {
            Some(id) => self.select(id),
            None => self.clamp(),
        }
    }

    fn set_turn(&mut self, forward: bool) {
        let count = self.owners.len();
        self.turn = match (self.turn, forward) {
            (None, true) if count > 0 => Some(0),
            (None, false) if count > 0 => Some(count - 1),
            (Some(t), true) if t + 1 < count => Some(t + 1),
            (Some(t), false) if t > 0 => Some(t - 1),
            _ => None,
        };
        self.change_at = None;
        self.refresh();
    }

    fn step_change(&mut self, forward: bool) {
        if self.changes.is_empty() {
            self.flash = Some(t().review.no_changes.to_string());
            return;
        }
        let last = self.changes.len() - 1;
        self.change_at = Some(match (self.change_at, forward) {
            (None, true) => 0,
            (None, false) => last,
            (Some(at), true) => (at + 1).min(last),
            (Some(at), false) => at.saturating_sub(1),
        });
        self.focus = None;
        if let Some(id) = self.change().map(|c| c.deal) {
            self.select(id);
        }
    }

    /// Up and down within a column; left and right to the next column that shows a deal (an
    /// empty one has nothing to point at).
    fn move_cursor(&mut self, columns: i32, rows: i32) {
        let step = |c: usize| match columns.signum() {
            1 => Some(c + 1),
            -1 => c.checked_sub(1),
            _ => None,
        };
        let mut next = step(self.column);
        while let Some(c) = next.filter(|c| *c < self.columns.len()) {
            if !self.columns[c].is_empty() {
                self.column = c;
                break;
            }
            next = step(c);
        }
        self.row = (self.row as i64 + i64::from(rows)).max(0) as usize;
        self.clamp();
    }

    /// Keeps the cursor on a deal: in its column's last row at most, and in a column that has
    /// deals (the nearest to the right, else to the left) when its own has none.
    fn clamp(&mut self) {
        self.column = self.column.min(self.columns.len().saturating_sub(1));
        if self.columns.get(self.column).is_some_and(Vec::is_empty) {
            let right = (self.column..self.columns.len()).find(|c| !self.columns[*c].is_empty());
            let left = (0..self.column)
                .rev()
                .find(|c| !self.columns[*c].is_empty());
            self.column = right.or(left).unwrap_or(self.column);
        }
        let len = self.columns.get(self.column).map_or(0, Vec::len);
        self.row = self.row.min(len.saturating_sub(1));
    }

    fn select(&mut self, id: DealId) {
        for (c, column) in self.columns.iter().enumerate() {
            if let Some(r) = column.iter().position(|d| *d == id) {
                self.column = c;
                self.row = r;
                return;
            }
        }
        self.clamp();
    }

    fn select_origin(&mut self, origin: Origin) {
        let found = self
            .origins
            .iter()
            .position(|o| *o == origin)
            .and_then(|at| self.board.deals.get(at))
            .map(|d| d.id);
        if let Some(id) = found {
            self.select(id);
        }
    }

    fn origin(&self, id: DealId) -> Option<Origin> {
        let at = self.board.deals.iter().position(|d| d.id == id)?;
        self.origins.get(at).copied()
    }

    // ----- What the view reads -----

    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        self.sources.iter().map(|s| s.path.clone()).collect()
    }

    /// Whose turn it is: `None` for everyone.
    pub fn owner(&self) -> Option<&str> {
        self.turn
            .and_then(|t| self.owners.get(t))
            .map(String::as_str)
    }

    /// Open, weighted, won and lost since `since`, of the deals shown.
    pub fn totals(&self) -> &Stats {
        &self.totals
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    pub fn change(&self) -> Option<&Change> {
        self.change_at.and_then(|at| self.changes.get(at))
    }

    pub fn change_position(&self) -> Option<usize> {
        self.change_at
    }

    pub fn focused(&self) -> Option<&Deal> {
        self.focus.and_then(|id| self.board.deal(id))
    }

    pub fn showing_help(&self) -> bool {
        self.help
    }

    pub fn attention_only(&self) -> bool {
        self.attention_only
    }

    pub fn columns(&self) -> &[Vec<DealId>] {
        &self.columns
    }

    pub fn cursor(&self) -> (usize, usize) {
        (self.column, self.row)
    }

    pub fn selected(&self) -> Option<DealId> {
        self.columns.get(self.column)?.get(self.row).copied()
    }

    pub fn flash(&self) -> Option<&str> {
        self.flash.as_deref()
    }

    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.clock.now()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }
}
