//! A deal's progress and outcome: ticking exit criteria, doing the next action, winning,
//! losing and reopening; and the order of the columns.

use crate::model::{Deal, DealId};
use crate::text::{fill, t};
use crate::tui::picker::{Picker, PickerPurpose};
use crate::tui::text_form::{Purpose, TextForm};

use super::{App, Mode};

impl App {
    pub(super) fn toggle_tick(&mut self, deal: &Deal, item: usize) {
        let Some(text) = self
            .board
            .stage(&deal.stage)
            .and_then(|s| s.checklist.get(item))
            .cloned()
        else {
            return self.show_info(t().board.no_criteria.to_string());
        };
        match self.board.toggle_tick(deal.id, &text, self.clock.now_utc()) {
            Ok(patch) => {
                let ticked = self
                    .board
                    .deal(deal.id)
                    .is_some_and(|d| d.ticked.iter().any(|t| *t.item == *text));
                let template = if ticked {
                    t().board.ticked
                } else {
                    t().board.unticked
                };
                self.commit(fill(template, &[("item", &text)]), patch, Some(deal.id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Asks what follows the deal's next action, which is done.
    pub(super) fn ask_next_action(&mut self, id: DealId) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        let f = &t().form;
        let title = if has_next_action(deal) {
            let done = if deal.next_action().is_empty() {
                f.nothing_planned
            } else {
                deal.next_action()
            };
            fill(
                f.next_action_title,
                &[("done", &done), ("title", &deal.title)],
            )
        } else {
            fill(f.plan_action_title, &[("title", &deal.title)])
        };
        let rows = super::activity_form::activity_rows();
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::NextAction(id),
            title,
            rows,
        ))));
    }

    /// Saves the next-action form: the current action is done and the typed one follows; or,
    /// when nothing was planned, the typed one is planned.
    pub(super) fn save_next_action(&mut self, id: DealId, form: &TextForm) {
        let Some(following) = self.read_activity(form) else {
            return;
        };
        let planning = self.board.deal(id).is_some_and(|d| !has_next_action(d));
        if planning && following.text.is_empty() && following.due.is_none() {
            self.close();
            return self.show_info(t().board.no_changes.to_string());
        }
        match self
            .board
            .complete_next_action(id, following, self.clock.now_utc())
        {
            Ok(patch) => {
                self.close();
                let title = self
                    .board
                    .deal(id)
                    .map(|d| d.title.clone())
                    .unwrap_or_default();
                let template = if planning {
                    t().board.action_planned
                } else {
                    t().board.action_done
                };
                self.commit(fill(template, &[("title", &title)]), patch, Some(id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// `w`: marks a deal won, first asking, as a move does, when it jumps stages on its way to
    /// delivery or leaves exit criteria not done.
    pub(super) fn ask_win(&mut self, id: DealId) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        let delivery = self
            .board
            .stages
            .iter()
            .find(|s| s.phase == crate::model::Phase::PostSale)
            .map(|s| s.id.clone());
        match delivery {
            Some(to) if deal.status.is_open() && !self.board.is_post_sale(&deal.stage) => {
                self.move_asking(id, to, true);
            }
            _ => self.win(id),
        }
    }

    /// Marks a deal won; it moves on to delivery (the cursor stays where it was).
    pub(super) fn win(&mut self, id: DealId) {
        let Some(deal) = self.board.deal(id).cloned() else {
            return;
        };
        match self.board.mark_won(id, self.clock.now_utc()) {
            Ok(patch) => {
                let stage = self.stage_name_of(id);
                let delivering = self
                    .board
                    .deal(id)
                    .is_some_and(|d| self.board.is_post_sale(&d.stage));
                let news = if delivering {
                    fill(t().board.now_in, &[("stage", &stage)])
                } else {
                    in_closed_list()
                };
                let text = fill(t().board.won_deal, &[("title", &deal.title)]);
                self.commit_saying(text, &news, patch, None);
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Asks why the deal was lost: one of the board's reasons, or any other.
    pub(super) fn ask_lost_reason(&mut self, id: DealId) {
        let Some(deal) = self.board.deal(id) else {
            return;
        };
        if !deal.status.is_open() {
            return self.show_error(crate::model::EditError::AlreadyClosed.to_string());
        }
        let title = fill(t().board.lost_title, &[("title", &deal.title)]);
        let reasons = self.board.lost_reasons.clone();
        let picker = Picker::new(PickerPurpose::LostReason(id), title, reasons, true);
        self.open(Mode::Picker(Box::new(picker)));
    }

    /// The picker's answer was chosen.
    pub(super) fn pick(&mut self) {
        let Mode::Picker(picker) = &self.mode else {
            return;
        };
        let (purpose, answer) = (picker.purpose.clone(), picker.answer());
        let Some(answer) = answer else {
            let hint = if picker.allows_typing() {
                t().board.pick_something
            } else {
                t().board.pick_listed
            };
            return self.show_info(hint.to_string());
        };
        self.close();
        if self.catch_up_with_file() {
            return;
        }
        match purpose {
            PickerPurpose::LostReason(id) => self.lose(id, &answer),
            PickerPurpose::MoveTo(id) => {
                let stages = &self.board.stages;
                let to = stages.iter().enumerate().find(|(n, s)| {
                    super::changes::stage_label(*n, &s.name, stages.len()) == answer
                });
                match to.map(|(_, s)| s.id.clone()) {
                    Some(to) => self.move_asking(id, to, false),
                    None => self.show_error(fill(t().errors.no_stage, &[("name", &answer)])),
                }
            }
            PickerPurpose::StageTarget(stage) => {
                let target = self
                    .board
                    .stages
                    .iter()
                    .find(|s| s.name == answer)
                    .map(|s| s.id.clone());
                match target {
                    Some(target) => self.remove_stage(&stage, Some(&target)),
                    None => self.show_error(fill(t().errors.no_stage, &[("name", &answer)])),
                }
            }
        }
    }

    fn lose(&mut self, id: DealId, reason: &str) {
        let title = self
            .board
            .deal(id)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        match self.board.mark_lost(id, reason, self.clock.now_utc()) {
            Ok(patch) => {
                let text = fill(t().board.lost, &[("title", &title), ("reason", &reason)]);
                self.commit_saying(text, &in_closed_list(), patch, None);
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    pub(super) fn reopen_deal(&mut self, id: DealId) {
        let title = self
            .board
            .deal(id)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        match self.board.reopen(id, self.clock.now_utc()) {
            Ok(patch) => {
                let stage = self.stage_name_of(id);
                let text = fill(t().board.reopened, &[("title", &title), ("stage", &stage)]);
                self.commit(text, patch, Some(id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Steps the columns' order on: manual, next action, value, expected close, idle days.
    pub(super) fn cycle_sort(&mut self) {
        let next = self.board.sort.next();
        if let Some(patch) = self.board.set_sort(next) {
            let text = fill(
                t().board.sorted,
                &[("order", &crate::text::sort_name(next))],
            );
            self.commit(text, patch, self.selected().map(|d| d.id));
        }
    }

    /// Saves the text form on top: what it does depends on what it is for.
    pub(super) fn save_text_form(&mut self) {
        let Mode::TextForm(form) = &self.mode else {
            return;
        };
        let form = form.as_ref().clone();
        if self.catch_up_with_file() && !matches!(form.purpose, Purpose::NextAction(_)) {
            return;
        }
        match form.purpose.clone() {
            Purpose::NextAction(id) => self.save_next_action(id, &form),
            Purpose::NewStage { at } => self.save_stage(None, at, &form),
            Purpose::EditStage(stage) => self.save_stage(Some(stage), 0, &form),
            Purpose::List(list) => self.save_list(list, &form),
            Purpose::ChangeReason(n) => self.save_change_reason(n, &form),
            Purpose::BoardDetails => self.save_board_details(&form),
            Purpose::FinishActivity(id, index) => self.save_finish(id, index, &form),
            Purpose::Reschedule(id, index) => self.save_reschedule(id, index, &form),
            Purpose::PlanActivity(id) => self.save_plan(id, &form),
            Purpose::EditCompany(name) => self.save_company(&name, &form),
            Purpose::Feedback(id) => self.save_feedback(id, &form),
            Purpose::Note(id) => self.save_lines(super::notes::EditPurpose::Note(id), &form),
            Purpose::Notes(id) => self.save_lines(super::notes::EditPurpose::Notes(id), &form),
        }
    }

    /// Marks `row` of the open text form as wrong, and says so.
    pub(super) fn refuse_text_form(&mut self, row: usize, problem: String) {
        if let Mode::TextForm(form) = &mut self.mode {
            form.set_error(row, problem.clone());
            let label = form
                .rows
                .get(row)
                .map(|r| r.label.clone())
                .unwrap_or_default();
            let text = fill(
                t().form.fix_first,
                &[("field", &label), ("problem", &problem)],
            );
            self.show_error(text);
        }
    }
}

/// Whether the deal has a next action to be done (a text, a due date, or both).
fn has_next_action(deal: &crate::model::Deal) -> bool {
    !deal.next_action().trim().is_empty() || deal.next_due().is_some()
}

/// "It is in the closed deals (c)": where a closed deal went, and the key that shows it.
fn in_closed_list() -> String {
    let key = crate::tui::keymap::key_for(
        crate::tui::keymap::Context::Board,
        crate::tui::action::Action::ShowClosed,
    );
    fill(t().board.in_closed_list, &[("key", &key)])
}
