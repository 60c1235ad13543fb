//! What each key does on each screen: the dispatch from an action to a change, per mode.

use tui_input::{Input, InputRequest};

use super::{App, ClosedShow, ClosedView, DetailView, Mode, ProcessView, Question};
use crate::model::Direction;
use crate::model::limits::LINE_CHARS;
use crate::text::{fill, t};
use crate::tui::action::Action;
use crate::tui::form::{DealForm, FormTarget};
use crate::tui::input_limit::edit_within;
use crate::tui::picker::PickerPurpose;

impl App {
    pub(super) fn dispatch(&mut self, action: Action) {
        match &self.mode {
            Mode::Board => self.on_board(action),
            Mode::Detail(_) => self.on_detail(action),
            Mode::Closed(_) => self.on_closed(action),
            Mode::Process(_) => self.on_process(action),
            Mode::Reports(_) => self.on_reports(action),
            Mode::Agenda(_) => self.on_agenda(action),
            Mode::Customers(_) => self.on_customers(action),
            Mode::Company(_) => self.on_company(action),
            Mode::Help { .. } => self.on_help(action),
            Mode::Form(_) => self.on_deal_form(action),
            Mode::TextForm(_) => self.on_text_form(action),
            Mode::Picker(_) => self.on_picker(action),
            Mode::Filter(_) => self.on_filter(action),
            Mode::Question(_) => self.on_question(action),
        }
    }

    /// Whether a key that changes the board may go ahead. Not on a read-only board (the user is
    /// told why). And a key that changes a deal `at_once` is not applied to a board the user has
    /// not seen: when the file changed meanwhile, it is loaded and the key waits for the next
    /// press. (Forms and questions show what they are about, and check again when confirmed.)
    pub(super) fn may_change(&mut self, at_once: bool) -> bool {
        if self.read_only {
            let reason = match self.writer.store().why_read_only() {
                Some(e) => crate::text::read_only_reason(e),
                None => t().board.read_only.to_string(),
            };
            self.show_error(reason);
            return false;
        }
        !(at_once && self.catch_up_with_file())
    }

    fn on_board(&mut self, action: Action) {
        use Action::*;
        let changes = matches!(
            action,
            MoveForward
                | MoveBack
                | ReorderUp
                | ReorderDown
                | NewDeal
                | EditDeal
                | DeleteDeal
                | MarkWon
                | MarkLost
                | CompleteAction
                | PickStage
                | Undo
                | Redo
                | CycleSort
        );
        let at_once = matches!(
            action,
            MoveForward | MoveBack | ReorderUp | ReorderDown | MarkWon | Undo | Redo | CycleSort
        );
        if changes && !self.may_change(at_once) {
            return;
        }
        match action {
            FocusLeft => self.focus_column(self.focus.saturating_sub(1)),
            FocusRight => self.focus_column(self.focus + 1),
            SelectUp => self.select_row(self.row(self.focus).saturating_sub(1)),
            SelectDown => self.select_row(self.row(self.focus) + 1),
            SelectFirst => self.select_row(0),
            SelectLast => self.select_row(usize::MAX),
            PageUp => self.select_row(self.row(self.focus).saturating_sub(self.page())),
            PageDown => self.select_row(self.row(self.focus) + self.page()),
            ShowDetail => self.with_selected(|app, deal| {
                app.open(Mode::Detail(DetailView {
                    id: deal.id,
                    item: 0,
                    scroll: 0,
                }));
            }),
            MoveForward => {
                self.with_selected(|app, deal| app.move_deal_towards(deal.id, Direction::Forward))
            }
            MoveBack => {
                self.with_selected(|app, deal| app.move_deal_towards(deal.id, Direction::Back))
            }
            ReorderUp => self.reorder_selected(Direction::Back),
            ReorderDown => self.reorder_selected(Direction::Forward),
            NewDeal => self.open_new_form(),
            EditDeal => self.with_selected(|app, deal| app.open_edit_form(deal.id)),
            DeleteDeal => {
                self.with_selected(|app, deal| app.open(Mode::Question(Question::Delete(deal.id))))
            }
            MarkWon => self.with_selected(|app, deal| app.ask_win(deal.id)),
            MarkLost => self.with_selected(|app, deal| app.ask_lost_reason(deal.id)),
            CompleteAction => self.with_selected(|app, deal| app.ask_next_action(deal.id)),
            Undo => self.undo(),
            Redo => self.redo(),
            StartFilter => {
                let text = self.filter.text.clone();
                self.open(Mode::Filter(Input::new(text)));
            }
            ToggleMine => self.toggle_filter(|f| &mut f.only_mine),
            ToggleRotting => self.toggle_filter(|f| &mut f.only_rotting),
            ToggleOverdue => self.toggle_filter(|f| &mut f.only_due_now),
            Close if self.filter.is_active() => {
                self.filter = Default::default();
                self.refilter();
                self.show_info(t().board.filter_cleared.to_string());
            }
            CycleSort => self.cycle_sort(),
            ShowClosed => self.open(Mode::Closed(ClosedView::default())),
            ShowAgenda => self.open(Mode::Agenda(Default::default())),
            ShowCustomers => self.open(Mode::Customers(Default::default())),
            ShowProcess => self.open(Mode::Process(ProcessView::default())),
            ShowReports => self.open_reports(),
            ShowHelp => self.open(Mode::Help { scroll: 0 }),
            Sync => self.sync_with_team(),
            PickStage => self.with_selected(|app, deal| app.pick_stage(deal.id)),
            FocusColumn(n) => self.focus_column(usize::from(n)),
            ToggleFold => {
                self.fold_empty = !self.fold_empty;
                self.keep_in_view();
                let b = &t().board;
                let said = if self.fold_empty {
                    b.folded
                } else {
                    b.unfolded
                };
                self.show_info(said.to_string());
            }
            _ => {}
        }
    }

    fn on_detail(&mut self, action: Action) {
        use Action::*;
        let Mode::Detail(view) = &self.mode else {
            return;
        };
        let view = view.clone();
        let changes = matches!(
            action,
            ToggleTick
                | CompleteAction
                | EditDeal
                | MoveForward
                | MoveBack
                | MarkWon
                | MarkLost
                | Reopen
                | PickStage
                | AddNote
                | EditNotes
                | AddFeedback
                | PlanActivity
                | Undo
                | Redo
        );
        let at_once = matches!(
            action,
            ToggleTick | MoveForward | MoveBack | MarkWon | Reopen | Undo | Redo
        );
        if changes && !self.may_change(at_once) {
            return;
        }
        let Some(deal) = self.board.deal(view.id).cloned() else {
            // Deleted (by undo, or by someone else): nothing left to show.
            return self.close();
        };
        let items = self
            .board
            .stage(&deal.stage)
            .map_or(0, |s| s.checklist.len());
        let item = view.item.min(items.saturating_sub(1));
        let set = |app: &mut App, f: &dyn Fn(&mut DetailView)| {
            if let Mode::Detail(view) = &mut app.mode {
                f(view);
            }
        };
        match action {
            SelectUp => set(self, &|v| v.item = item.saturating_sub(1)),
            SelectDown => set(self, &|v| v.item = (item + 1).min(items.saturating_sub(1))),
            SelectFirst => set(self, &|v| v.item = 0),
            SelectLast => set(self, &|v| v.item = items.saturating_sub(1)),
            PageUp => set(self, &|v| v.scroll = v.scroll.saturating_sub(10)),
            PageDown => set(self, &|v| v.scroll = v.scroll.saturating_add(10).min(200)),
            ToggleTick => self.toggle_tick(&deal, item),
            CompleteAction => self.ask_next_action(deal.id),
            EditDeal => self.open_edit_form(deal.id),
            MoveForward => self.move_deal_towards(deal.id, Direction::Forward),
            MoveBack => self.move_deal_towards(deal.id, Direction::Back),
            MarkWon => self.ask_win(deal.id),
            MarkLost => self.ask_lost_reason(deal.id),
            Reopen => self.reopen_deal(deal.id),
            PickStage => self.pick_stage(deal.id),
            AddNote => self.ask_note(deal.id),
            EditNotes => self.ask_notes(deal.id),
            AddFeedback => self.ask_feedback(deal.id),
            PlanActivity => self.ask_plan(deal.id),
            Undo => self.undo(),
            Redo => self.redo(),
            Close => self.close(),
            _ => {}
        }
        // In another stage now: its checklist starts from the top.
        let moved = self.board.deal(deal.id).map(|d| &d.stage) != Some(&deal.stage);
        if moved {
            set(self, &|v| v.item = 0);
        }
    }

    fn on_closed(&mut self, action: Action) {
        use Action::*;
        let Mode::Closed(view) = &self.mode else {
            return;
        };
        let view = view.clone();
        if matches!(action, Reopen | Undo | Redo) && !self.may_change(true) {
            return;
        }
        let listed = self.closed_deals(&view);
        let last = listed.len().saturating_sub(1);
        let row = view.row.min(last);
        let selected = listed.get(row).map(|d| d.id);
        let set = |app: &mut App, f: &dyn Fn(&mut ClosedView)| {
            if let Mode::Closed(view) = &mut app.mode {
                f(view);
            }
        };
        match action {
            SelectUp => set(self, &|v| v.row = row.saturating_sub(1)),
            SelectDown => set(self, &|v| v.row = (row + 1).min(last)),
            SelectFirst => set(self, &|v| v.row = 0),
            SelectLast => set(self, &|v| v.row = last),
            NextTab => set(self, &|v| {
                v.show = match v.show {
                    ClosedShow::All => ClosedShow::Won,
                    ClosedShow::Won => ClosedShow::Lost,
                    ClosedShow::Lost => ClosedShow::All,
                };
                v.row = 0;
            }),
            StartFilter => self.open(Mode::Filter(Input::new(view.text.clone()))),
            ShowDetail | Reopen => {
                let Some(id) = selected else {
                    return self.show_info(t().board.nothing_closed.to_string());
                };
                if action == ShowDetail {
                    self.open(Mode::Detail(DetailView {
                        id,
                        item: 0,
                        scroll: 0,
                    }));
                } else {
                    self.reopen_deal(id);
                }
            }
            Undo => self.undo(),
            Redo => self.redo(),
            Close if !view.text.is_empty() => set(self, &|v| v.text.clear()),
            Close => self.close(),
            _ => {}
        }
    }

    fn on_help(&mut self, action: Action) {
        let page = self.size.1.saturating_sub(4).max(1);
        let last = crate::tui::keymap::help_height();
        let Mode::Help { scroll } = &mut self.mode else {
            return;
        };
        *scroll = match action {
            Action::SelectUp => scroll.saturating_sub(1),
            Action::SelectDown => scroll.saturating_add(1).min(last),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page).min(last),
            Action::SelectFirst => 0,
            Action::SelectLast => last,
            Action::Close => return self.close(),
            _ => *scroll,
        };
    }

    fn on_deal_form(&mut self, action: Action) {
        let choices = match &self.mode {
            Mode::Form(form) if matches!(action, Action::NextChoice | Action::PreviousChoice) => {
                self.choices_for(form)
            }
            _ => Vec::new(),
        };
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PreviousField => form.previous_field(),
            Action::NextChoice => form.choose(&choices, false),
            Action::PreviousChoice => form.choose(&choices, true),
            Action::Edit(request) => form.edit(request),
            Action::Close if form.is_changed() => self.open(Mode::Question(Question::Discard)),
            Action::Close => self.close(),
            Action::SaveForm => self.save_form(),
            _ => {}
        }
    }

    fn on_text_form(&mut self, action: Action) {
        let Mode::TextForm(form) = &mut self.mode else {
            return;
        };
        match action {
            Action::NextField => form.next_field(),
            Action::PreviousField => form.previous_field(),
            Action::NextChoice => form.choose(false),
            Action::PreviousChoice => form.choose(true),
            Action::Edit(request) => form.edit(request),
            Action::Close if form.is_changed() => self.open(Mode::Question(Question::Discard)),
            Action::Close => self.close(),
            Action::SaveForm => self.save_text_form(),
            _ => {}
        }
    }

    fn on_picker(&mut self, action: Action) {
        let Mode::Picker(picker) = &mut self.mode else {
            return;
        };
        // The list of stages to move to: a stage's number, typed first, takes it as soon as no
        // longer number starts with it (`1` waits for a `0` on a board of ten stages).
        if let (PickerPurpose::MoveTo(id), Action::Edit(InputRequest::InsertChar(digit))) =
            (&picker.purpose, action)
            && digit.is_ascii_digit()
            && picker.typed.value().chars().all(|c| c.is_ascii_digit())
        {
            let id = *id;
            let typed = format!("{}{digit}", picker.typed.value());
            let number: usize = typed.parse().unwrap_or(0);
            let stages = self.board.stages.len();
            if number == 0 || number > stages || number * 10 <= stages {
                return picker.edit(InputRequest::InsertChar(digit));
            }
            let to = self.board.stages[number - 1].id.clone();
            self.close();
            return match self.board.deal(id) {
                Some(deal) if deal.stage == to => {
                    let said = fill(
                        t().board.already_in,
                        &[("title", &deal.title), ("stage", &self.stage_name(&to))],
                    );
                    self.show_info(said);
                }
                _ => self.move_asking(id, to, false),
            };
        }
        match action {
            Action::SelectUp => picker.up(),
            Action::SelectDown => picker.down(),
            Action::SelectFirst => picker.first(),
            Action::SelectLast => picker.last(),
            Action::Edit(request) => picker.edit(request),
            Action::SaveForm => self.pick(),
            Action::Close => self.close(),
            _ => {}
        }
    }

    /// Typing the filter: the screen below follows every key.
    fn on_filter(&mut self, action: Action) {
        let Mode::Filter(input) = &mut self.mode else {
            return;
        };
        let text = match action {
            Action::Edit(request) => {
                edit_within(input, request, LINE_CHARS);
                input.value().to_string()
            }
            Action::SaveForm => return self.close(),
            Action::Close => {
                self.close();
                String::new()
            }
            _ => return,
        };
        let below = if matches!(self.mode, Mode::Filter(_)) {
            self.under.last_mut()
        } else {
            Some(&mut self.mode)
        };
        match below {
            Some(Mode::Closed(view)) => {
                view.text = text;
                view.row = 0;
            }
            Some(Mode::Customers(view)) => {
                view.text = text;
                view.row = 0;
            }
            _ => {
                self.filter.text = text;
                self.refilter();
            }
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
                self.close();
                match question {
                    Question::Delete(id) => {
                        if !self.catch_up_with_file() {
                            self.delete(id);
                        }
                    }
                    Question::QuitUnsaved => self.quit = true,
                    Question::Discard => self.close(),
                    Question::SkipCriteria {
                        id,
                        from,
                        to,
                        mark_won,
                        ..
                    } => {
                        // The deal may have moved meanwhile (here or elsewhere): then the
                        // question no longer applies.
                        let still_there = self.board.deal(id).is_some_and(|d| d.stage == from);
                        if !self.catch_up_with_file() && still_there {
                            if mark_won {
                                self.win(id);
                            } else {
                                self.move_deal_to(id, &to);
                            }
                        } else {
                            self.show_info(t().board.moved_meanwhile.to_string());
                        }
                    }
                    Question::RemoveStage(stage) => self.remove_stage(&stage, None),
                    Question::Conflict => {}
                }
            }
            (Action::No, _) => self.close(),
            _ => {}
        }
    }

    fn open_edit_form(&mut self, id: crate::model::DealId) {
        if let Some(deal) = self.board.deal(id).cloned() {
            self.open(Mode::Form(Box::new(DealForm::new(
                FormTarget::Edit(id),
                deal,
            ))));
        }
    }

    fn toggle_filter(&mut self, flag: fn(&mut crate::report::Filter) -> &mut bool) {
        let on = flag(&mut self.filter);
        *on = !*on;
        self.refilter();
        let text = crate::text::describe_filter(&self.filter);
        self.show_info(text);
    }
}
