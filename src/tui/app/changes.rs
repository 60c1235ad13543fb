//! Changing deals from the board: the form, moves, reordering, deleting, and undo/redo. Each
//! change is committed the same way: recorded for undo, shown, and saved at once.

use crate::model::{Deal, DealId, Direction, EditError, Money, Patch, StageId};
use crate::text::{fill, t};

use super::{App, Mode, Question, Step, UNDO_LIMIT};
use crate::tui::form::{DealForm, FormTarget};
use crate::tui::picker::{Picker, PickerPurpose};

impl App {
    pub(super) fn open_new_form(&mut self) {
        let Some(stage) = self.board.stages.get(self.focus) else {
            return;
        };
        let now = self.clock.now_utc();
        let zero = Money::zero(self.board.currency);
        let mut blank = Deal::new(DealId(0), "", stage.id.clone(), zero, now);
        blank.owner = self.board.owner.clone();
        let form = DealForm::new(FormTarget::New(stage.id.clone()), blank);
        self.open(Mode::Form(Box::new(form)));
    }

    pub(super) fn save_form(&mut self) {
        // An edit applies to the deal as it is now, whoever changed it meanwhile.
        self.catch_up_with_file();
        let today = self.clock.today();
        let now = self.clock.now_utc();
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        let current = match &form.target {
            FormTarget::Edit(id) => match self.board.deal(*id) {
                Some(deal) => Some(deal.clone()),
                None => {
                    // Deleted meanwhile (by someone else): nothing left to save it to.
                    let gone = EditError::NoDeal(*id).to_string();
                    self.close();
                    return self.show_error(gone);
                }
            },
            FormTarget::New(_) => None,
        };
        let Some(deal) = form.result(today, current.as_ref()) else {
            let (label, problem) = form
                .first_error()
                .map(|(field, problem)| (crate::text::field_label(field), problem.to_string()))
                .unwrap_or_default();
            let text = fill(
                t().form.fix_first,
                &[("field", &label), ("problem", &problem)],
            );
            return self.show_error(text);
        };
        let target = form.target.clone();
        let title = deal.title.clone();
        match target {
            FormTarget::New(stage) => match self.board.add_deal(&stage, now, |d| *d = deal) {
                Ok((id, patch)) => {
                    self.close();
                    let stage = self.stage_name_of(id);
                    let text = fill(t().board.added, &[("title", &title), ("stage", &stage)]);
                    self.commit(text, patch, Some(id));
                }
                Err(e) => self.show_error(e.to_string()),
            },
            FormTarget::Edit(id) => match self.board.edit_deal(id, now, |d| *d = deal) {
                Ok(Some(patch)) => {
                    self.close();
                    self.commit(
                        fill(t().board.edited, &[("title", &title)]),
                        patch,
                        Some(id),
                    );
                }
                Ok(None) => {
                    self.close();
                    self.show_info(t().board.no_changes.to_string());
                }
                Err(e) => self.show_error(e.to_string()),
            },
        }
    }

    /// Moves a deal one stage on or back. Moving on while exit criteria of its stage are not
    /// ticked asks first; saying yes records which were skipped.
    pub(super) fn move_deal_towards(&mut self, id: DealId, direction: Direction) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        let Some(to) = self.board.neighbour_stage(&deal.stage, direction) else {
            let at_edge = match direction {
                Direction::Back => t().board.at_first_stage,
                Direction::Forward => t().board.at_last_stage,
            };
            return self.show_info(fill(at_edge, &[("title", &deal.title)]));
        };
        self.move_asking(id, to, false);
    }

    /// Moves a deal to `to`, asking first when it goes on with exit criteria not done or jumps
    /// over stages (saying which: yes records them as skipped). `mark_won`: for `w`, which wins
    /// the deal rather than moving it.
    pub(super) fn move_asking(&mut self, id: DealId, to: StageId, mark_won: bool) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        let from = deal.stage.clone();
        let (Some(at), Some(target)) = (self.board.stage_index(&from), self.board.stage_index(&to))
        else {
            return;
        };
        let forward = target > at && deal.status.is_open();
        let items: Vec<String> = if forward {
            self.board
                .unticked(deal)
                .iter()
                .map(|i| i.to_string())
                .collect()
        } else {
            Vec::new()
        };
        let jumped: Vec<String> = if forward {
            self.board.stages[at + 1..target]
                .iter()
                .map(|s| s.name.clone())
                .collect()
        } else {
            Vec::new()
        };
        if !items.is_empty() || !jumped.is_empty() {
            return self.open(Mode::Question(Question::SkipCriteria {
                id,
                from,
                to,
                items,
                jumped,
                mark_won,
            }));
        }
        if mark_won {
            self.win(id);
        } else {
            self.move_deal_to(id, &to);
        }
    }

    /// Opens the list of stages to move a deal to: any of them in one step. A won deal stays
    /// after the sale; a lost one does not move.
    pub(super) fn pick_stage(&mut self, id: DealId) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        if matches!(deal.status, crate::model::Status::Lost { .. }) {
            return self.show_error(crate::model::EditError::LostStays.to_string());
        }
        let won = !deal.status.is_open();
        let stages: Vec<String> = self
            .board
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id != deal.stage && (!won || self.board.is_post_sale(&s.id)))
            .map(|(n, s)| stage_label(n, &s.name, self.board.stages.len()))
            .collect();
        let title = fill(t().board.move_to_title, &[("title", &deal.title)]);
        let picker = Picker::new(PickerPurpose::MoveTo(id), title, stages, false);
        self.open(Mode::Picker(Box::new(picker)));
    }

    /// Moves a deal to a stage; entering the stages after the sale wins it.
    pub(super) fn move_deal_to(&mut self, id: DealId, to: &StageId) {
        let Some(deal) = self.board.deal(id).cloned() else {
            return;
        };
        match self.board.move_deal(id, to, self.clock.now_utc()) {
            Ok(patch) => {
                let stage = self.stage_name(to);
                let won_now = deal.status.is_open()
                    && self.board.deal(id).is_some_and(|d| !d.status.is_open());
                if won_now {
                    let text = fill(t().board.won_deal, &[("title", &deal.title)]);
                    let news = fill(t().board.now_in, &[("stage", &stage)]);
                    self.commit_saying(text, &news, patch, Some(id));
                } else {
                    let text = fill(
                        t().board.moved,
                        &[("title", &deal.title), ("stage", &stage)],
                    );
                    self.commit(text, patch, Some(id));
                }
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Moves the selected deal up or down among the deals its column shows. Only in manual
    /// order: a sorted column says how to get back to it.
    pub(super) fn reorder_selected(&mut self, direction: Direction) {
        if self.board.sort != crate::model::ColumnSort::Manual {
            let order = crate::text::sort_name(self.board.sort);
            let key = crate::tui::keymap::key_for(
                crate::tui::keymap::Context::Board,
                crate::tui::action::Action::CycleSort,
            );
            return self.show_info(fill(
                t().board.sorted_no_reorder,
                &[("order", &order), ("key", &key)],
            ));
        }
        let shown = self
            .shown
            .columns()
            .get(self.focus)
            .map(|column| column.iter().map(|d| d.id).collect::<Vec<_>>())
            .unwrap_or_default();
        self.with_selected(
            |app, deal| match app.board.reorder_deal(deal.id, direction, &shown) {
                Ok(patch) => {
                    let text = fill(t().board.reordered, &[("title", &deal.title)]);
                    app.commit(text, patch, Some(deal.id));
                }
                Err(EditError::AtEdge) => {
                    let at_edge = match direction {
                        Direction::Back => t().board.at_top,
                        Direction::Forward => t().board.at_bottom,
                    };
                    app.show_info(fill(at_edge, &[("title", &deal.title)]));
                }
                Err(e) => app.show_error(e.to_string()),
            },
        );
    }

    pub(super) fn delete(&mut self, id: DealId) {
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
    pub(super) fn with_selected(&mut self, f: impl FnOnce(&mut App, Deal)) {
        match self.selected().cloned() {
            Some(deal) => f(self, deal),
            None => self.show_info(fill(
                t().board.no_deal_selected,
                &[(
                    "key",
                    &crate::tui::keymap::key_for(
                        crate::tui::keymap::Context::Board,
                        crate::tui::action::Action::NewDeal,
                    ),
                )],
            )),
        }
    }

    /// Records a change for undo, shows it, keeps the cursor on `follow` and saves at once.
    pub(super) fn commit(&mut self, description: String, patch: Patch, follow: Option<DealId>) {
        self.commit_saying(description, "", patch, follow);
    }

    /// Like [`App::commit`], and tells `news` now (where the deal went): news that undo would
    /// make stale, so it is not part of the step's description.
    pub(super) fn commit_saying(
        &mut self,
        description: String,
        news: &str,
        patch: Patch,
        follow: Option<DealId>,
    ) {
        self.unsaved = true;
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
        let done = if news.is_empty() {
            description
        } else {
            format!("{description} {news}")
        };
        let key = crate::tui::keymap::key_for(
            crate::tui::keymap::Context::Board,
            crate::tui::action::Action::Undo,
        );
        self.show_info(fill(t().board.undo_hint, &[("done", &done), ("key", &key)]));
    }

    pub(super) fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            return self.show_info(t().board.nothing_to_undo.to_string());
        };
        self.board.undo(&step.patch);
        self.unsaved = true;
        self.redo.push(step);
        self.after_history_step(t().board.undone, |app| app.redo.last());
    }

    pub(super) fn redo(&mut self) {
        let Some(step) = self.redo.pop() else {
            return self.show_info(t().board.nothing_to_redo.to_string());
        };
        self.board.redo(&step.patch);
        self.unsaved = true;
        self.undo.push(step);
        self.after_history_step(t().board.redone, |app| app.undo.last());
    }

    /// After an undo or redo: follow the deal it touched, save, and say what was done. `step`
    /// finds the step just moved (the history is already updated, so a save that meets a
    /// clash leaves it consistent).
    pub(super) fn after_history_step(
        &mut self,
        template: &str,
        step: impl Fn(&App) -> Option<&Step>,
    ) {
        let (follow, description) = match step(self) {
            Some(step) => (
                step.patch
                    .deal_ids()
                    .find(|id| self.board.deal(*id).is_some()),
                step.description.clone(),
            ),
            None => (None, String::new()),
        };
        self.refresh(follow);
        self.save_now();
        self.show_info(fill(template, &[("what", &description)]));
    }
}

/// A stage in the list of stages to move to: its number (typed, it takes the stage at once)
/// and its name.
/// `of`: how many stages there are, so that the numbers line up.
pub(super) fn stage_label(index: usize, name: &str, of: usize) -> String {
    let room = of.to_string().len();
    format!("{:>room$}  {name}", index + 1)
}
