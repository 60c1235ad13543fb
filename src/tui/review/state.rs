//! The stand-up review's state, changed only in `Review::update`: the boards presented, whose
//! turn it is, the changes since the last working day and which one is shown, the deal in
//! focus, and whether only what needs attention is on screen. Nothing here writes a file.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Utc};

use super::sources::{Source, Watcher};
use crate::clock::Clock;
use crate::model::limits::LINE_CHARS;
use crate::model::{Board, Deal, DealId, Origin, Totals, combine, position_of_name, same_name};
use crate::report::analytics::{Headline, Period, PersonRow, people};
use crate::report::{Change, Facts, Filter, changes_since};
use crate::text::t;
use crate::tui::action::Action;
use crate::tui::app::{ReportChoice, ReportsView};
use tui_input::Input;

/// What each turn shows, worked out once per combined board: everyone's, then each owner's in
/// turn. Moving to the next person then only picks theirs, however big the boards.
#[derive(Default)]
struct Turns {
    /// Everyone's first, then one per owner, in the order of `Review::owners`.
    turns: Vec<Turn>,
}

#[derive(Default)]
struct Turn {
    /// Since `since`: person by person, each one's in the order they happened.
    changes: Vec<Change>,
    /// Per stage, the deals on the board, in manual order.
    columns: Vec<Vec<Arc<Deal>>>,
    /// Each column's value, per currency.
    values: Vec<Totals>,
    headline: Headline,
}

impl Turns {
    fn of(
        board: &Board,
        owners: &[String],
        since: DateTime<Utc>,
        now: DateTime<FixedOffset>,
    ) -> Turns {
        let owner_of = |deal: &Deal| position_of_name(owners, &deal.owner, String::as_str);
        // The changes and the columns each walk every deal: on a big board, on a core each.
        let (changes, columns) = crate::two_cores::both(
            board.deals.len() >= crate::two_cores::WORTH_IT_FROM,
            || {
                let mut changes: Vec<(String, Option<usize>, Change)> = changes_since(board, since)
                    .into_iter()
                    .filter_map(|c| {
                        let deal = board.deal(c.deal)?;
                        Some((deal.owner.to_lowercase(), owner_of(deal), c))
                    })
                    .collect();
                changes.sort_by(|(a, _, x), (b, _, y)| a.cmp(b).then(x.at.cmp(&y.at)));
                changes
            },
            || board.columns(),
        );
        let stages = board.stages.len();
        let mut turns: Vec<Turn> = (0..=owners.len())
            .map(|_| Turn {
                columns: vec![Vec::new(); stages],
                values: vec![Totals::default(); stages],
                ..Turn::default()
            })
            .collect();
        // Turn 0 is everyone's; an owner's is one after their place among the owners.
        let mut push = |owner: Option<usize>, put: &mut dyn FnMut(&mut Turn)| {
            put(&mut turns[0]);
            if let Some(turn) = owner.and_then(|o| turns.get_mut(o + 1)) {
                put(turn);
            }
        };
        for (_, owner, change) in changes {
            push(owner, &mut |turn| turn.changes.push(change.clone()));
        }
        for (c, column) in columns.into_iter().enumerate() {
            for deal in column {
                push(owner_of(deal), &mut |turn| {
                    turn.columns[c].push(Arc::clone(deal));
                    turn.values[c].add(deal.value);
                });
            }
        }
        let mut deals: Vec<Vec<&Deal>> = vec![Vec::new(); owners.len() + 1];
        for deal in &board.deals {
            deals[0].push(deal);
            if let Some(o) = owner_of(deal) {
                deals[o + 1].push(deal);
            }
        }
        let since = Period {
            from: Some(since.with_timezone(now.offset()).date_naive()),
            to: None,
        };
        // Everyone's headline walks every deal, and the people's together walk them again: on
        // a big board the two walks are made on two cores.
        let (everyone, people) = crate::two_cores::both(
            board.deals.len() >= crate::two_cores::WORTH_IT_FROM,
            || Headline::of(board, &deals[0], since, now),
            || {
                deals[1..]
                    .iter()
                    .map(|deals| Headline::of(board, deals, since, now))
                    .collect::<Vec<_>>()
            },
        );
        for (turn, headline) in turns
            .iter_mut()
            .zip(std::iter::once(everyone).chain(people))
        {
            turn.headline = headline;
        }
        Turns { turns }
    }
}

pub struct Review {
    /// Follows the files and folders asked for (a folder for boards added to it too).
    watcher: Watcher,
    sources: Vec<Source>,
    board: Board,
    origins: Vec<Origin>,
    /// Everyone's, then each owner in turn.
    owners: Vec<String>,
    turn: Option<usize>,
    since: DateTime<Utc>,
    changes: Vec<Change>,
    /// The change shown in the large panel (`n` / `N`).
    change_at: Option<usize>,
    /// The deal shown full-screen (`f`, or Enter).
    focus: Option<DealId>,
    attention_only: bool,
    /// Words, overdue or due today, going cold: as on the board (`/`, `o`, `r`).
    filter: Filter,
    /// The filter's words while they are typed.
    typing: Option<Input>,
    /// What `z` and the filter ask of each deal of the combined board (in its order), worked
    /// out at the first such key after the boards were combined, on the day it was: each key
    /// then reads these, not 100,000 deals scattered in memory.
    facts: Option<(chrono::NaiveDate, Vec<Facts>)>,
    /// The team table (`p`): a row per person, and the row chosen while it is open.
    people: Option<(Vec<PersonRow>, usize)>,
    /// The keys are listed over the board (`?`).
    help: bool,
    /// Lines the open panel is scrolled by.
    panel_scroll: u16,
    /// The columns as shown: per stage, the deals (ids of the combined board).
    columns: Vec<Vec<DealId>>,
    /// Each column's value, per currency: counted with the columns, not per frame.
    column_values: Vec<Totals>,
    /// What each turn shows, worked out once per combined board.
    turns: Turns,
    /// The headline figures of the deals shown (whose turn it is), since `since`.
    totals: Headline,
    /// The team folder's `team.ron`, whose rates are used in place of the boards' own (see
    /// `dealboard rates`), followed as the boards are.
    team: Option<super::team_file::TeamFile>,
    /// The process report over the boards presented, when open (`s`).
    report: Option<Box<ReportsView>>,
    /// Works the report's figures out off the screen's thread, as the app's.
    reports: crate::tui::app::report_counter::ReportCounter,
    /// The report's period and comparison as last left, for the next time it opens.
    report_choice: ReportChoice,
    /// The terminal's, for how far the report scrolls.
    size: (u16, u16),
    column: usize,
    row: usize,
    clock: Box<dyn Clock>,
    flash: Option<String>,
    quit: bool,
}

/// Lines a key scrolls the panel by: one, or a page.
fn scroll_step(action: &Action) -> u16 {
    match action {
        Action::PageUp | Action::PageDown => 10,
        _ => 1,
    }
}

impl Review {
    /// Presents the board files `named`: files, and folders standing for the boards in them.
    pub fn new(
        named: Vec<PathBuf>,
        owner: Option<&str>,
        since: DateTime<Utc>,
        clock: Box<dyn Clock>,
    ) -> Review {
        let (watcher, sources) = Watcher::open(named);
        let mut review = Review {
            watcher,
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
            filter: Filter::default(),
            typing: None,
            facts: None,
            people: None,
            help: false,
            panel_scroll: 0,
            columns: Vec::new(),
            column_values: Vec::new(),
            turns: Turns::default(),
            totals: Headline::default(),
            team: None,
            report: None,
            reports: Default::default(),
            report_choice: ReportChoice::default(),
            size: (80, 24),
            column: 0,
            row: 0,
            clock,
            flash: None,
            quit: false,
        };
        review.recombine();
        if let Some(owner) = owner {
            review.turn = review.owners.iter().position(|o| same_name(o, owner));
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
        if !matches!(action, Action::Tick | Action::News | Action::Resize(..)) {
            // A message stays until the next key: a presenter may look away for a moment.
            self.flash = None;
        }
        if self.help
            && !matches!(
                action,
                Action::Tick | Action::News | Action::Resize(..) | Action::Quit
            )
        {
            // Any key closes the list of keys; the key itself is not acted on.
            self.help = false;
            return;
        }
        if self.typing.is_some() && self.type_filter(&action) {
            return;
        }
        if self.people.is_some() && self.on_people(&action) {
            return;
        }
        if self.report.is_some() && self.on_report(&action) {
            return;
        }
        match action {
            Action::Tick => {
                self.watcher.look();
                if self.team.as_mut().is_some_and(|team| team.look()) {
                    self.apply_rates();
                }
            }
            Action::News => {
                self.take_report();
                self.take_news();
            }
            Action::StartFilter => self.typing = Some(Input::new(self.filter.text.clone())),
            Action::ShowPeople => self.people = Some((self.people_rows(), 0)),
            Action::ShowReports => self.open_report(),
            Action::ToggleOverdue => {
                self.filter.only_due_now = !self.filter.only_due_now;
                self.refresh();
            }
            Action::ToggleRotting => {
                self.filter.only_rotting = !self.filter.only_rotting;
                self.refresh();
            }
            Action::Resize(width, height) => {
                self.size = (width, height);
                if let Some(view) = &mut self.report {
                    view.keep_in_view(self.size);
                }
            }
            Action::NextOwner => self.set_turn(true),
            Action::PreviousOwner => self.set_turn(false),
            Action::NextChange => self.step_change(true),
            Action::PreviousChange => self.step_change(false),
            Action::FocusDeal => {
                self.focus = self.selected();
                self.change_at = None;
                self.panel_scroll = 0;
            }
            Action::ToggleAttention => {
                self.attention_only = !self.attention_only;
                self.refresh();
            }
            Action::FocusLeft => self.move_cursor(-1, 0),
            Action::FocusRight => self.move_cursor(1, 0),
            Action::SelectUp | Action::PageUp if self.panel_open() => {
                self.panel_scroll = self.panel_scroll.saturating_sub(scroll_step(&action));
            }
            Action::SelectDown | Action::PageDown if self.panel_open() => {
                self.panel_scroll = self.panel_scroll.saturating_add(scroll_step(&action));
            }
            Action::SelectUp => self.move_cursor(0, -1),
            Action::SelectDown => self.move_cursor(0, 1),
            Action::Close if self.panel_open() => {
                self.focus = None;
                self.change_at = None;
            }
            Action::Close if self.filter.is_active() => {
                self.filter = Filter::default();
                self.refresh();
            }
            // Esc closes what is open; on the board it must not end the presentation.
            Action::Close => {
                let key =
                    crate::tui::keymap::key_for(crate::tui::keymap::Context::Review, Action::Quit);
                self.flash = Some(crate::text::fill(t().review.q_quits, &[("key", &key)]));
            }
            Action::Quit | Action::Terminate => self.quit = true,
            Action::ShowHelp => self.help = true,
            _ => self.flash = Some(t().review.read_only.to_string()),
        }
    }

    /// Takes in what the watcher found: boards changed on disk, warnings, boards put in a
    /// presented folder since (they go last: the others keep their place), boards gone.
    fn take_news(&mut self) {
        let mut changed = false;
        for found in self.watcher.take_news() {
            if found.gone {
                let before = self.sources.len();
                self.sources.retain(|s| s.path != found.path);
                changed |= self.sources.len() != before;
                continue;
            }
            match self.sources.iter_mut().find(|s| s.path == found.path) {
                Some(source) => changed |= source.take(found),
                None => {
                    self.sources.push(Source::new(found));
                    changed = true;
                }
            }
        }
        if changed {
            self.reload();
        }
    }

    /// True when the watcher has news the screen has not taken in ([`Action::News`]).
    pub fn has_news(&self) -> bool {
        self.watcher.has_news() || self.reports.has_answer()
    }

    /// Has `wake` called from the watcher's thread when it has news, and from the report's
    /// when its figures are ready.
    pub fn wake_on_news(&self, wake: std::sync::Arc<dyn Fn() + Send + Sync>) {
        let files = std::sync::Arc::clone(&wake);
        self.watcher.wake_on_news(Box::new(move || files()));
        self.reports.wake_with(move || wake());
    }

    /// After a file changed: the boards combined again, keeping the presenter's place. Deals
    /// are numbered anew when combined, so the deal selected, in focus and in the change
    /// panel are found again by where they come from.
    fn reload(&mut self) {
        let selected = self.selected().and_then(|id| self.origin(id));
        let focus = self.focus.and_then(|id| self.origin(id));
        let change = self
            .change()
            .and_then(|c| Some((self.origin(c.deal)?, c.kind.clone())));
        self.recombine();
        self.focus = focus.and_then(|o| self.id_of(o));
        self.rebuild();
        self.change_at = change.and_then(|(origin, kind)| {
            let id = self.id_of(origin)?;
            self.changes
                .iter()
                .position(|c| c.deal == id && c.kind == kind)
        });
        match selected.and_then(|o| self.id_of(o)) {
            Some(id) => self.select(id),
            None => self.clamp(),
        }
        self.follow_open_views();
    }

    /// An open team table and report follow the boards and the rates too.
    fn follow_open_views(&mut self) {
        if let Some((_, at)) = self.people.take() {
            let rows = self.people_rows();
            let at = at.min(rows.len().saturating_sub(1));
            self.people = Some((rows, at));
        }
        self.recount_report();
    }

    /// The process report over the boards presented, about whose turn it is (else everyone).
    fn open_report(&mut self) {
        // The team table gives way: keys go to what is on top.
        self.people = None;
        let choice = ReportChoice {
            owner: self.owner().filter(|o| !o.is_empty()).map(str::to_string),
            ..self.report_choice.clone()
        };
        let now = self.clock.now();
        let mut view = ReportsView::counting(choice, &self.board, now);
        // The boards combined have no one process log: `v` compares a pilot, when one runs.
        view.changes = 0;
        view.pilot_running = self.pilot().is_some();
        self.report = Some(Box::new(view));
        self.recount_report();
    }

    /// Asks for the open report's figures again (the boards or its choice changed); they
    /// come at once on a small board, else as news, the report saying "counting…" meanwhile.
    fn recount_report(&mut self) {
        // Only while the report asks for the pilot: combining its boards costs a pass.
        let asks_pilot = self.report.as_ref().is_some_and(|v| v.choice.pilot);
        let pilot = if asks_pilot { self.pilot_input() } else { None };
        let running = self.pilot().is_some();
        let Some(view) = &mut self.report else {
            return;
        };
        view.counting = true;
        view.pilot_running = running;
        // The boards combined have no one process log (combining keeps the first board's):
        // before and after is one board's; `v` here compares a pilot.
        let mut board = self.board.clone();
        board.process_log.clear();
        let asked = self
            .reports
            .ask(view.choice.clone(), board, pilot, self.clock.now());
        if let Some(counted) = asked {
            view.take(counted);
            view.keep_in_view(self.size);
        }
    }

    /// Takes in the report's figures, if they came.
    fn take_report(&mut self) {
        if let Some(counted) = self.reports.take()
            && let Some(view) = &mut self.report
        {
            view.take(counted);
            view.keep_in_view(self.size);
        }
    }

    /// A key while the report is open: its period, owner, comparison and scroll, as in the
    /// app; Esc (or `s` again) closes it. True when the key was the report's.
    fn on_report(&mut self, action: &Action) -> bool {
        let Some(view) = &mut self.report else {
            return false;
        };
        let owners = || {
            let named = self.owners.iter().filter(|o| !o.trim().is_empty());
            named.cloned().collect()
        };
        match view.step(action, owners, self.size) {
            Some(true) => {
                self.flash = view.nothing_before(action, self.clock.now().date_naive());
                self.recount_report();
            }
            Some(false) => self.flash = view.nothing_before(action, self.clock.now().date_naive()),
            None => match action {
                Action::Close => {
                    self.report_choice = ReportChoice {
                        owner: None,
                        ..view.choice.clone()
                    };
                    self.report = None;
                }
                Action::Quit
                | Action::Terminate
                | Action::ShowHelp
                | Action::Tick
                | Action::News
                | Action::Resize(..) => return false,
                _ => self.flash = Some(t().review.read_only.to_string()),
            },
        }
        true
    }

    /// The report over the boards presented, when open.
    pub fn report(&self) -> Option<&ReportsView> {
        self.report.as_deref()
    }

    /// Follows the team file of `folder`, converting with its rates rather than the boards'.
    pub fn follow_team(&mut self, folder: Option<PathBuf>) {
        self.team = folder.map(|f| super::team_file::TeamFile::open(&f));
        self.apply_rates();
    }

    /// The team file's rates when it has some, else the boards' own; the open team table and
    /// report worked out again with them.
    fn apply_rates(&mut self) {
        self.board.rates = self.rates();
        self.follow_open_views();
    }

    /// The rates the review converts with: the team file's when it has some, else those of
    /// the boards read (merged as `combine` merges them).
    fn rates(&self) -> Option<crate::model::Rates> {
        let team = self.team.as_ref().and_then(|team| team.rates.clone());
        team.or_else(|| {
            let boards = self.sources.iter().filter_map(|s| s.board.as_ref());
            crate::model::Rates::merged(boards.filter_map(|b| b.rates.as_ref()))
        })
    }

    /// The pilot running in the team folder, if one is.
    pub fn pilot(&self) -> Option<&crate::store::Pilot> {
        self.team.as_ref()?.pilot.as_ref()
    }

    /// The pilot's boards and the others, each combined, with the team's process: what the
    /// report compares when asked.
    fn pilot_input(&self) -> Option<crate::tui::app::PilotInput> {
        let team = self.team.as_ref()?;
        let pilot = team.pilot.clone()?;
        let on_pilot = |s: &super::sources::Source| {
            s.path
                .file_name()
                .is_some_and(|n| pilot.boards.iter().any(|b| *b == *n.to_string_lossy()))
        };
        let side = |on: bool| {
            let boards: Vec<(&str, &Board)> = self
                .sources
                .iter()
                .filter(|s| on_pilot(s) == on)
                .filter_map(|s| s.board.as_ref().map(|b| (s.name.as_str(), b)))
                .collect();
            combine(&boards).map(|(board, _)| board)
        };
        Some(crate::tui::app::PilotInput {
            team_stages: team.process.clone(),
            on: side(true)?,
            off: side(false)?,
            pilot,
        })
    }

    /// The team file, and why it cannot be read now, when it cannot.
    pub fn team_warning(&self) -> Option<(PathBuf, &str)> {
        let team = self.team.as_ref()?;
        Some((team.path(), team.warning.as_deref()?))
    }

    /// Builds the combined board from every file's last good state, keeping whose turn it is.
    fn recombine(&mut self) {
        let turn = self.turn.and_then(|t| self.owners.get(t).cloned());
        let boards: Vec<(&str, &Board)> = self
            .sources
            .iter()
            .filter_map(|s| s.board.as_ref().map(|b| (s.name.as_str(), b)))
            .collect();
        let (mut board, origins) = combine(&boards).unwrap_or((Board::placeholder(), Vec::new()));
        board.rates = self.rates();
        // The board combined before, and everyone's turn of it, go off the screen's thread.
        let old = std::mem::replace(&mut self.board, board);
        crate::drop_later::drop_later((old, std::mem::take(&mut self.turns)));
        self.facts = None;
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
            if position_of_name(&owners, &deal.owner, String::as_str).is_none() {
                owners.push(deal.owner.clone());
            }
        }
        owners.sort_by_key(|o| o.to_lowercase());
        self.owners = owners;
        self.turns = Turns::of(&self.board, &self.owners, self.since, self.clock.now());
        self.turn = turn.and_then(|name| self.owners.iter().position(|o| *o == name));
    }

    /// Recomputes what is shown after the turn or the attention toggle changed, keeping the
    /// deal selected when it is still shown.
    fn refresh(&mut self) {
        let selected = self.selected();
        self.rebuild();
        match selected {
            Some(id) => self.select(id),
            None => self.clamp(),
        }
    }

    /// The changes, columns and totals of whose turn it is.
    fn rebuild(&mut self) {
        let Some(turn) = self.turns.turns.get(self.turn.map_or(0, |t| t + 1)) else {
            self.changes.clear();
            self.columns.clear();
            self.column_values.clear();
            self.totals = Headline::default();
            return;
        };
        self.changes.clone_from(&turn.changes);
        self.totals = turn.headline.clone();
        if self.attention_only || self.filter.is_active() {
            // A deal's news is found by its id (hashing each of 100,000 ids took a third of a
            // key).
            let mut changed = vec![false; usize::try_from(self.board.next_deal_id).unwrap_or(0)];
            for change in &self.changes {
                if let Some(slot) = usize::try_from(change.deal.0)
                    .ok()
                    .and_then(|at| changed.get_mut(at))
                {
                    *slot = true;
                }
            }
            let now = self.clock.now();
            let today = now.date_naive();
            if self.facts.as_ref().is_none_or(|(day, _)| *day != today) {
                let board = &self.board;
                let facts = board
                    .deals
                    .iter()
                    .map(|d| Facts::of(d, board, now))
                    .collect();
                self.facts = Some((today, facts));
            }
            let facts = self.facts.as_ref().map_or(&[][..], |(_, f)| f.as_slice());
            let matcher = self.filter.matcher();
            // The combined board numbers its deals 1, 2, 3… in its order.
            let at = |d: &Deal| usize::try_from(d.id.0).ok();
            let shown = |d: &Arc<Deal>| {
                let Some(facts) = at(d).and_then(|id| facts.get(id.checked_sub(1)?)) else {
                    return matcher.matches(d, &self.board, now);
                };
                let changed = || at(d).and_then(|id| changed.get(id).copied()) == Some(true);
                let attention = || changed() || facts.rotting() || facts.due_now();
                (!self.attention_only || attention()) && matcher.keeps(facts, d)
            };
            (self.columns, self.column_values) = turn
                .columns
                .iter()
                .map(|column| {
                    let mut value = Totals::default();
                    let shown = column
                        .iter()
                        .filter(|d| shown(d))
                        .map(|d| {
                            value.add(d.value);
                            d.id
                        })
                        .collect();
                    (shown, value)
                })
                .unzip();
        } else {
            self.columns = turn
                .columns
                .iter()
                .map(|c| c.iter().map(|d| d.id).collect())
                .collect();
            self.column_values.clone_from(&turn.values);
        }
        self.change_at = self.change_at.filter(|at| *at < self.changes.len());
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
        self.panel_scroll = 0;
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

    /// The combined board's id of the deal that comes from `origin`, if it is still there.
    fn id_of(&self, origin: Origin) -> Option<DealId> {
        let at = self.origins.iter().position(|o| *o == origin)?;
        self.board.deals.get(at).map(|d| d.id)
    }

    fn origin(&self, id: DealId) -> Option<Origin> {
        let at = self.board.deals.iter().position(|d| d.id == id)?;
        self.origins.get(at).copied()
    }

    // ----- What the view reads -----

    /// Changes are news from this moment on.
    pub fn since(&self) -> DateTime<Utc> {
        self.since
    }

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
    pub fn totals(&self) -> &Headline {
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

    fn panel_open(&self) -> bool {
        self.focus.is_some() || self.change_at.is_some()
    }

    pub fn panel_scroll(&self) -> u16 {
        self.panel_scroll
    }

    pub fn showing_help(&self) -> bool {
        self.help
    }

    pub fn attention_only(&self) -> bool {
        self.attention_only
    }

    /// The filter in force (`/`, `o`, `r`).
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The team table, when open: a row per person since the review's day, and the row chosen.
    pub fn people(&self) -> Option<(&[PersonRow], usize)> {
        self.people
            .as_ref()
            .map(|(rows, at)| (rows.as_slice(), *at))
    }

    fn people_rows(&self) -> Vec<PersonRow> {
        let now = self.clock.now();
        let since = self.since.with_timezone(now.offset()).date_naive();
        let period = Period {
            from: Some(since),
            to: None,
        };
        people(&self.board, period, now)
    }

    /// A key while the team table is open: up and down choose a person, Enter starts their
    /// turn, Esc (or the table's key again) closes it. True when the key was the table's.
    fn on_people(&mut self, action: &Action) -> bool {
        let Some((rows, at)) = &mut self.people else {
            return false;
        };
        match action {
            Action::SelectUp => *at = at.saturating_sub(1),
            Action::SelectDown => *at = (*at + 1).min(rows.len().saturating_sub(1)),
            Action::FocusDeal => {
                let name = rows.get(*at).map(|r| r.name.clone());
                self.people = None;
                if let Some(name) = name {
                    self.turn = self.owners.iter().position(|o| same_name(o, &name));
                    self.change_at = None;
                    self.refresh();
                }
            }
            Action::Close | Action::ShowPeople => self.people = None,
            _ => return false,
        }
        true
    }

    /// What keys mean now: the review's, or typing the filter's words.
    pub fn context(&self) -> crate::tui::keymap::Context {
        use crate::tui::keymap::Context;
        match (&self.typing, &self.report) {
            (Some(_), _) => Context::Filter,
            (None, Some(_)) => Context::Reports,
            (None, None) => Context::Review,
        }
    }

    /// The filter's words while they are typed.
    pub fn typing(&self) -> Option<&Input> {
        self.typing.as_ref()
    }

    /// A key while the filter's words are typed: each one filters at once; Enter keeps the
    /// words, Esc drops them. True when the key was the typing's.
    fn type_filter(&mut self, action: &Action) -> bool {
        let Some(input) = &mut self.typing else {
            return false;
        };
        match action {
            Action::Edit(request) => {
                crate::tui::input_limit::edit_within(input, *request, LINE_CHARS);
                self.filter.text = input.value().to_string();
            }
            // The words typed already filter: Enter only stops typing.
            Action::SaveForm => {
                self.typing = None;
                return true;
            }
            Action::Close => {
                self.typing = None;
                self.filter.text.clear();
            }
            _ => return false,
        }
        self.refresh();
        true
    }

    pub fn columns(&self) -> &[Vec<DealId>] {
        &self.columns
    }

    /// The value of column `index`'s deals, per currency.
    pub fn column_value(&self, index: usize) -> Option<&Totals> {
        self.column_values.get(index)
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
