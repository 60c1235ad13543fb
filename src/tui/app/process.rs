//! The process editor: the company's stages, lead sources and lost reasons, changed in the app
//! like anything else (saved at once, undoable).

use crate::model::{BoardList, Direction, EditError, Phase, StageDraft, StageId, Why, input};
use crate::text::{fill, t};
use crate::tui::action::Action;
use crate::tui::picker::{Picker, PickerPurpose};
use crate::tui::text_form::{Purpose, Row, TextForm};

use super::{App, Mode, ProcessTab, ProcessView, Question};

/// Rows of the stage form before its exit criteria.
const NAME: usize = 0;
const PROBABILITY: usize = 1;
const ROT_DAYS: usize = 2;
const PHASE: usize = 3;
const WHY: usize = 4;
const FIRST_CRITERION: usize = 5;

impl App {
    pub(super) fn on_process(&mut self, action: Action) {
        use Action::*;
        let Mode::Process(view) = &self.mode else {
            return;
        };
        let mut view = view.clone();
        let changes = matches!(
            action,
            AddItem | EditItem | DeleteItem | ReorderUp | ReorderDown | Undo | Redo
        );
        let at_once = matches!(action, DeleteItem | ReorderUp | ReorderDown | Undo | Redo);
        if changes && !self.may_change(at_once) {
            return;
        }
        let rows = self.process_rows(view.tab);
        view.row = view.row.min(rows.saturating_sub(1));
        let row = view.row;
        let set = |app: &mut App, f: &dyn Fn(&mut ProcessView)| {
            if let Mode::Process(view) = &mut app.mode {
                f(view);
            }
        };
        match action {
            SelectUp => set(self, &|v| v.row = row.saturating_sub(1)),
            SelectDown => set(self, &|v| v.row = (row + 1).min(rows.saturating_sub(1))),
            SelectFirst => set(self, &|v| v.row = 0),
            SelectLast => set(self, &|v| v.row = rows.saturating_sub(1)),
            NextTab => set(self, &|v| {
                v.tab = match v.tab {
                    ProcessTab::Stages => ProcessTab::Sources,
                    ProcessTab::Sources => ProcessTab::LostReasons,
                    ProcessTab::LostReasons => ProcessTab::Board,
                    ProcessTab::Board => ProcessTab::Log,
                    ProcessTab::Log => ProcessTab::Stages,
                };
                v.row = 0;
            }),
            EditItem if view.tab == ProcessTab::Log => self.open_reason_form(view.row),
            AddItem | DeleteItem | ReorderUp | ReorderDown if view.tab == ProcessTab::Log => {
                let key = crate::tui::keymap::key_for(
                    crate::tui::keymap::Context::Process,
                    Action::EditItem,
                );
                self.show_info(fill(t().versions.log_is_kept, &[("key", &key)]))
            }
            AddItem | EditItem if view.tab == ProcessTab::Board => {
                self.open_board_details_form(view.row)
            }
            AddItem | EditItem if view.tab != ProcessTab::Stages => {
                self.open_list_form(view.tab, action == AddItem, view.row)
            }
            AddItem => self.open_stage_form(None, view.row + 1),
            EditItem => {
                if let Some(stage) = self.board.stages.get(view.row) {
                    self.open_stage_form(Some(stage.id.clone()), view.row);
                }
            }
            DeleteItem | ReorderUp | ReorderDown if view.tab == ProcessTab::Board => {
                let key = crate::tui::keymap::key_for(
                    crate::tui::keymap::Context::Process,
                    Action::EditItem,
                );
                self.show_info(fill(t().process.fixed_rows, &[("key", &key)]))
            }
            DeleteItem => self.delete_process_item(&view),
            ReorderUp | ReorderDown => {
                let direction = if action == ReorderUp {
                    Direction::Back
                } else {
                    Direction::Forward
                };
                self.move_process_item(&view, direction);
            }
            Undo => self.undo(),
            Redo => self.redo(),
            Close => self.close(),
            _ => {}
        }
    }

    /// How many rows the tab lists.
    fn process_rows(&self, tab: ProcessTab) -> usize {
        match tab {
            ProcessTab::Stages => self.board.stages.len(),
            ProcessTab::Sources => self.board.sources.len(),
            ProcessTab::LostReasons => self.board.lost_reasons.len(),
            ProcessTab::Board => super::board_details::DETAIL_ROWS,
            ProcessTab::Log => self.board.process_log.len(),
        }
    }

    fn open_stage_form(&mut self, editing: Option<StageId>, at: usize) {
        let f = &t().process;
        let (draft, title, purpose) = match &editing {
            Some(id) => {
                let Some(stage) = self.board.stage(id) else {
                    return;
                };
                (
                    StageDraft::of(stage),
                    fill(f.edit_stage, &[("name", &stage.name)]),
                    Purpose::EditStage(id.clone()),
                )
            }
            None => (
                self.new_stage_defaults(at),
                f.new_stage.to_string(),
                Purpose::NewStage { at },
            ),
        };
        // A new stage's numbers are hints (what it gets when left empty), so typing a number
        // does not add to them.
        let (probability, rot_days) = if editing.is_some() {
            (draft.probability.to_string(), draft.rot_days.to_string())
        } else {
            (String::new(), String::new())
        };
        let default_is = |value: &dyn std::fmt::Display| fill(f.default_is, &[("value", value)]);
        let phases = vec![f.pre_sale.to_string(), f.post_sale.to_string()];
        let mut rows = vec![
            Row::new(f.name, &draft.name),
            Row::new(f.probability, &probability).hint(&default_is(&crate::text::locale::percent(
                f64::from(draft.probability) / 100.0,
            ))),
            Row::new(f.rot_days, &rot_days).hint(&default_is(&draft.rot_days)),
            Row::new(f.phase, phase_name(draft.phase))
                .hint(&phase_hint())
                .choices(phases),
            Row::new(t().versions.why_label, "").hint(t().versions.why_placeholder),
        ];
        rows.extend(draft.checklist.iter().map(|item| Row::new("", item)));
        let form = TextForm::new(purpose, title, rows).growing(FIRST_CRITERION, f.criterion);
        self.open(Mode::TextForm(Box::new(form)));
    }

    /// A new stage at `at` starts like the one it follows.
    fn new_stage_defaults(&self, at: usize) -> StageDraft {
        let like = self.board.stages.get(at.saturating_sub(1));
        StageDraft {
            name: String::new(),
            probability: like.map_or(10, |s| s.probability),
            rot_days: like.map_or(14, |s| s.rot_days),
            phase: like.map_or(Phase::PreSale, |s| s.phase),
            checklist: Vec::new(),
        }
    }

    pub(super) fn save_stage(&mut self, editing: Option<StageId>, at: usize, form: &TextForm) {
        let defaults = self.new_stage_defaults(at);
        let probability = match input::parse_probability(form.value(PROBABILITY)) {
            Ok(Some(probability)) => probability,
            Ok(None) if editing.is_none() => defaults.probability,
            _ => {
                return self.refuse_text_form(PROBABILITY, t().errors.bad_probability.to_string());
            }
        };
        let rot_days = match form.value(ROT_DAYS).trim() {
            "" if editing.is_none() => defaults.rot_days,
            text => match text.parse::<u32>() {
                Ok(days) => days,
                Err(_) => return self.refuse_text_form(ROT_DAYS, t().errors.rot_days.to_string()),
            },
        };
        let Some(phase) = parse_phase(form.value(PHASE)) else {
            return self.refuse_text_form(PHASE, phase_hint());
        };
        let draft = StageDraft {
            name: form.value(NAME).to_string(),
            probability,
            rot_days,
            phase,
            checklist: form.list_values(),
        };
        let name = draft.name.trim().to_string();
        let why = Why {
            at: self.clock.now_utc(),
            reason: form.value(WHY),
        };
        let done = match &editing {
            Some(id) => self
                .board
                .update_stage(id, draft, &form.renamed_rows(), why)
                .map(|p| p.map(|p| (p, t().process.stage_saved))),
            None => self
                .board
                .add_stage(at, draft, why)
                .map(|(_, p)| Some((p, t().process.stage_added))),
        };
        match done {
            Ok(Some((patch, template))) => {
                self.close();
                self.commit(fill(template, &[("name", &name)]), patch, None);
                if let (None, Mode::Process(view)) = (&editing, &mut self.mode) {
                    view.row = at;
                }
            }
            Ok(None) => {
                self.close();
                self.show_info(t().board.no_changes.to_string());
            }
            Err(e @ (EditError::StageNameEmpty | EditError::StageNameTaken(_))) => {
                self.refuse_text_form(NAME, e.to_string())
            }
            Err(e @ EditError::StageProbability(_)) => {
                self.refuse_text_form(PROBABILITY, e.to_string())
            }
            Err(e @ EditError::RotDays) => self.refuse_text_form(ROT_DAYS, e.to_string()),
            Err(e) => self.show_error(e.to_string()),
        }
    }

    fn open_list_form(&mut self, tab: ProcessTab, adding: bool, row: usize) {
        let f = &t().process;
        let (list, items, title, label) = match tab {
            ProcessTab::LostReasons => (
                BoardList::LostReasons,
                &self.board.lost_reasons,
                f.lost_reasons,
                f.reason,
            ),
            _ => (BoardList::Sources, &self.board.sources, f.sources, f.source),
        };
        let rows: Vec<Row> = items.iter().map(|item| Row::new("", item)).collect();
        let count = rows.len();
        let form = TextForm::new(Purpose::List(list), title.to_string(), rows)
            .growing(0, label)
            .focus_row(if adding { count } else { row });
        self.open(Mode::TextForm(Box::new(form)));
    }

    pub(super) fn save_list(&mut self, list: BoardList, form: &TextForm) {
        let items = form.list_values();
        self.close();
        match self.board.set_list(list, &items) {
            Some(patch) => self.commit(t().process.list_saved.to_string(), patch, None),
            None => self.show_info(t().board.no_changes.to_string()),
        }
    }

    fn delete_process_item(&mut self, view: &ProcessView) {
        if view.tab != ProcessTab::Stages {
            let (list, mut items) = self.list_of(view.tab);
            if view.row >= items.len() {
                return;
            }
            let gone = items.remove(view.row);
            if let Some(patch) = self.board.set_list(list, &items) {
                self.commit(
                    fill(t().process.item_removed, &[("item", &gone)]),
                    patch,
                    None,
                );
            }
            return self.clamp_process_row();
        }
        let Some(stage) = self.board.stages.get(view.row).cloned() else {
            return;
        };
        let (holding, deals) = crate::text::stage_holdings(&self.board, &stage.id);
        if holding == 0 {
            return self.open(Mode::Question(Question::RemoveStage(stage.id)));
        }
        // Its deals stay on their side of the sale: open deals do not become sold this way.
        let others: Vec<String> = self
            .board
            .stages
            .iter()
            .filter(|s| s.id != stage.id && s.phase == stage.phase)
            .map(|s| s.name.clone())
            .collect();
        if others.is_empty() {
            return self.show_error(EditError::PhaseMismatch.to_string());
        }
        let title = fill(
            t().process.move_deals_first,
            &[("name", &stage.name), ("deals", &deals)],
        );
        let picker = Picker::new(PickerPurpose::StageTarget(stage.id), title, others, false);
        self.open(Mode::Picker(Box::new(picker)));
    }

    pub(super) fn remove_stage(&mut self, stage: &StageId, deals_to: Option<&StageId>) {
        let name = self.stage_name(stage);
        match self
            .board
            .remove_stage(stage, deals_to, self.unexplained_change())
        {
            Ok(patch) => {
                self.commit(
                    fill(t().process.stage_removed, &[("name", &name)]),
                    patch,
                    None,
                );
                self.clamp_process_row();
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    fn move_process_item(&mut self, view: &ProcessView, direction: Direction) {
        let there = match direction {
            Direction::Back => view.row.checked_sub(1),
            Direction::Forward => Some(view.row + 1).filter(|r| *r < self.process_rows(view.tab)),
        };
        let Some(there) = there else { return };
        let patch = match view.tab {
            ProcessTab::Stages => {
                let Some(stage) = self.board.stages.get(view.row).map(|s| s.id.clone()) else {
                    return;
                };
                match self
                    .board
                    .move_stage(&stage, direction, self.unexplained_change())
                {
                    Ok(patch) => Some(patch),
                    Err(e) => return self.show_error(e.to_string()),
                }
            }
            tab => {
                let (list, mut items) = self.list_of(tab);
                items.swap(view.row, there);
                self.board.set_list(list, &items)
            }
        };
        if let Some(patch) = patch {
            self.commit(t().process.reordered.to_string(), patch, None);
            if let Mode::Process(view) = &mut self.mode {
                view.row = there;
            }
        }
    }

    /// A change to the process made at once (a move, a removal): now, with no reason yet
    /// (the log gives it one).
    fn unexplained_change(&self) -> Why<'static> {
        Why {
            at: self.clock.now_utc(),
            reason: "",
        }
    }

    /// The log's rows are newest first: row 0 is the last change.
    pub(crate) fn change_of_row(&self, row: usize) -> Option<usize> {
        self.board
            .process_log
            .len()
            .checked_sub(row)
            .filter(|n| *n > 0)
    }

    fn open_reason_form(&mut self, row: usize) {
        let Some(n) = self.change_of_row(row) else {
            return;
        };
        let reason = &self.board.process_log[n - 1].reason;
        let v = &t().versions;
        let rows = vec![Row::new(v.why_label, reason).hint(v.why_placeholder)];
        let title = fill(v.reason_title, &[("n", &n)]);
        let form = TextForm::new(Purpose::ChangeReason(n), title, rows);
        self.open(Mode::TextForm(Box::new(form)));
    }

    pub(super) fn save_change_reason(&mut self, n: usize, form: &TextForm) {
        self.close();
        match self.board.set_change_reason(n, form.value(0)) {
            Some(patch) => {
                let saved = fill(t().versions.reason_saved, &[("n", &n)]);
                self.commit(saved, patch, None)
            }
            None => self.show_info(t().board.no_changes.to_string()),
        }
    }

    fn list_of(&self, tab: ProcessTab) -> (BoardList, Vec<String>) {
        match tab {
            ProcessTab::LostReasons => (BoardList::LostReasons, self.board.lost_reasons.clone()),
            _ => (BoardList::Sources, self.board.sources.clone()),
        }
    }

    fn clamp_process_row(&mut self) {
        let Mode::Process(view) = &self.mode else {
            return;
        };
        let rows = self.process_rows(view.tab);
        if let Mode::Process(view) = &mut self.mode {
            view.row = view.row.min(rows.saturating_sub(1));
        }
    }
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::PreSale => t().process.pre_sale,
        Phase::PostSale => t().process.post_sale,
    }
}

/// "pre-sale" / "post-sale" as the form shows them, or any start of either ("pre", "post").
fn parse_phase(text: &str) -> Option<Phase> {
    let text = text.trim().to_lowercase();
    let f = &t().process;
    if text.is_empty() {
        return None;
    }
    if f.post_sale.to_lowercase().starts_with(&text) {
        Some(Phase::PostSale)
    } else if f.pre_sale.to_lowercase().starts_with(&text) {
        Some(Phase::PreSale)
    } else {
        None
    }
}

/// "pre-sale or post-sale (Ctrl+N)", with the key that steps through the phases.
fn phase_hint() -> String {
    let key = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Form,
        crate::tui::action::Action::NextChoice,
    );
    fill(t().process.phase_hint, &[("key", &key)])
}
