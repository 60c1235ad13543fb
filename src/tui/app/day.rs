//! The screens of a salesperson's day: the agenda (every planned activity, overdue first, then
//! day by day: done, moved, or opened), the customers (companies with their figures) and one
//! company (its record, people and deals). What they list is worked out in `update`, not for
//! every frame.

use chrono::{Days, NaiveDate};

use super::{App, DetailView, Mode};
use crate::model::DealId;
use crate::report::{Agenda, Customer, customers};
use crate::text::{fill, t};
use crate::tui::action::Action;
use crate::tui::text_form::{Purpose, Row, TextForm};

/// The agenda looks this many days ahead, today included.
pub const AGENDA_DAYS: u32 = 7;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaView {
    pub row: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomersView {
    pub row: usize,
    /// Words to look for in a company's name, phone, e-mail or people.
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyView {
    pub name: String,
    /// The selected deal.
    pub row: usize,
}

/// One planned activity as the agenda lists it: where it is kept, and its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: DealId,
    pub index: usize,
    pub due: NaiveDate,
}

#[derive(Default)]
pub struct DayLists {
    agenda: Option<Vec<AgendaItem>>,
    /// Every customer, worked out once for the board as it is.
    all_customers: Option<Vec<Customer>>,
    /// Those matching the words typed (lowercase).
    customers: Option<(String, Vec<Customer>)>,
    /// The company the company screen shows.
    company: Option<ShownCompany>,
}

/// One company as its screen shows it: its record and figures, and its deals, open first,
/// then the latest closed.
pub struct ShownCompany {
    /// The name the screen asked for.
    name: String,
    pub figures: Customer,
    pub deals: Vec<DealId>,
}

impl App {
    /// The agenda's items in the order shown (overdue first).
    pub fn agenda_items(&self) -> &[AgendaItem] {
        self.day_lists.agenda.as_deref().unwrap_or(&[])
    }

    /// The customers the customers screen lists (those matching its words).
    pub fn customer_rows(&self) -> &[Customer] {
        self.day_lists
            .customers
            .as_ref()
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// The company the company screen shows (worked out when it opens and after a change).
    pub fn shown_company(&self) -> Option<&ShownCompany> {
        self.day_lists.company.as_ref()
    }

    fn company_now(&self, name: &str) -> Option<ShownCompany> {
        let company = self.board.company_or_named(name)?;
        let mut deals: Vec<_> = self.board.deals_of(name).collect();
        deals.sort_by_key(|d| (!d.status.is_open(), std::cmp::Reverse(d.updated), d.id));
        Some(ShownCompany {
            name: name.to_string(),
            figures: crate::report::customer(&self.board, &company),
            deals: deals.iter().map(|d| d.id).collect(),
        })
    }

    /// Keeps the lists of the day's screens up to date while one of them is open: made when it
    /// opens and again after the board changed (see `refresh`), not at every key.
    pub(super) fn keep_day_lists(&mut self) {
        let open = |wanted: fn(&Mode) -> bool| {
            std::iter::once(&self.mode)
                .chain(self.under.iter())
                .any(wanted)
        };
        if !open(|m| matches!(m, Mode::Agenda(_))) {
            self.day_lists.agenda = None;
        } else if self.day_lists.agenda.is_none() {
            self.day_lists.agenda = Some(self.agenda_now());
        }
        let company = std::iter::once(&self.mode)
            .chain(self.under.iter())
            .find_map(|m| match m {
                Mode::Company(view) => Some(view.name.clone()),
                _ => None,
            });
        let made_for = self.day_lists.company.as_ref().map(|c| &c.name);
        if company.is_none() || company.as_ref() != made_for {
            self.day_lists.company = company.and_then(|name| self.company_now(&name));
        }
        let text = std::iter::once(&self.mode)
            .chain(self.under.iter())
            .find_map(|m| match m {
                Mode::Customers(view) => Some(view.text.to_lowercase()),
                _ => None,
            });
        let wanted = text.or_else(|| open(|m| matches!(m, Mode::Company(_))).then(String::new));
        let made_for = self.day_lists.customers.as_ref().map(|(text, _)| text);
        if wanted.is_none() {
            self.day_lists.all_customers = None;
            self.day_lists.customers = None;
        } else if wanted.as_ref() != made_for {
            let all = match self.day_lists.all_customers.take() {
                Some(all) => all,
                None => customers(&self.board),
            };
            self.day_lists.customers = wanted.map(|text| {
                let rows = all
                    .iter()
                    .filter(|c| text.is_empty() || self.customer_matches(c, &text))
                    .cloned()
                    .collect();
                (text, rows)
            });
            self.day_lists.all_customers = Some(all);
        }
    }

    fn agenda_now(&self) -> Vec<AgendaItem> {
        let agenda = Agenda::of(&self.board, self.clock.today(), AGENDA_DAYS);
        agenda
            .items()
            .map(|p| AgendaItem {
                id: p.deal.id,
                index: p.index,
                due: p.due(),
            })
            .collect()
    }

    fn customer_matches(&self, customer: &Customer, text: &str) -> bool {
        let c = &customer.company;
        let has = |s: &str| s.to_lowercase().contains(text);
        has(&c.name)
            || has(&c.phone)
            || has(&c.email)
            || self
                .board
                .people_at(&c.name)
                .any(|p| has(&p.name) || has(&p.phone) || has(&p.email))
    }

    pub(super) fn on_agenda(&mut self, action: Action) {
        use Action::*;
        let Mode::Agenda(view) = &self.mode else {
            return;
        };
        let view = view.clone();
        let changes = matches!(action, CompleteAction | Postpone | Reschedule | Undo | Redo);
        if changes && !self.may_change(matches!(action, Postpone | Undo | Redo)) {
            return;
        }
        let items = self.agenda_items().to_vec();
        let last = items.len().saturating_sub(1);
        let row = view.row.min(last);
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        let selected = items.get(row).copied();
        if let Some(moved) = row_after(action, row, last, page) {
            if let Mode::Agenda(view) = &mut self.mode {
                view.row = moved;
            }
            return;
        }
        match action {
            ShowDetail | CompleteAction | Postpone | Reschedule => {
                let Some(item) = selected else {
                    return self.show_info(t().day.agenda_nothing.to_string());
                };
                match action {
                    ShowDetail => self.open(Mode::Detail(DetailView {
                        id: item.id,
                        item: 0,
                        scroll: 0,
                    })),
                    CompleteAction => self.ask_finish(item),
                    Postpone => {
                        // A day after today for one overdue or planned for no day.
                        let day = match item.due {
                            crate::report::UNDATED => self.today(),
                            due => due.max(self.today()),
                        };
                        if let Some(next) = day.checked_add_days(Days::new(1)) {
                            self.move_activity(item, next);
                        }
                    }
                    _ => self.ask_reschedule(item),
                }
            }
            Undo => self.undo(),
            Redo => self.redo(),
            ShowHelp => self.open(Mode::Help { scroll: 0 }),
            Close => self.close(),
            _ => {}
        }
    }

    /// The activity is done: the form asks what follows, as `a` does for the next action.
    fn ask_finish(&mut self, item: AgendaItem) {
        let Some(deal) = self.board.deal(item.id) else {
            return;
        };
        let Some(activity) = deal.activities.get(item.index) else {
            return;
        };
        let title = fill(
            t().form.next_action_title,
            &[("done", &activity.text), ("title", &deal.title)],
        );
        let rows = super::activity_form::activity_rows();
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::FinishActivity(item.id, item.index),
            title,
            rows,
        ))));
    }

    /// Saves the form of [`App::ask_finish`].
    pub(super) fn save_finish(&mut self, id: DealId, index: usize, form: &TextForm) {
        let Some(following) = self.read_activity(form) else {
            return;
        };
        let done = self
            .board
            .deal(id)
            .and_then(|d| d.activities.get(index))
            .map(|a| crate::text::day::kind_and_text(a.kind, &a.text))
            .unwrap_or_default();
        match self
            .board
            .finish_activity(id, index, following, self.clock.now_utc())
        {
            Ok(patch) => {
                self.close();
                let title = self.deal_title(id);
                let said = fill(t().day.activity_done, &[("title", &title), ("text", &done)]);
                self.commit(said, patch, Some(id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// `p` in a deal: one more activity, beside those planned.
    pub(super) fn ask_plan(&mut self, id: DealId) {
        let title = fill(t().day.plan_title, &[("title", &self.deal_title(id))]);
        let rows = super::activity_form::activity_rows();
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::PlanActivity(id),
            title,
            rows,
        ))));
    }

    pub(super) fn save_plan(&mut self, id: DealId, form: &TextForm) {
        let Some(activity) = self.read_activity(form) else {
            return;
        };
        if activity.text.is_empty() {
            return self.refuse_text_form(0, t().day.say_what.to_string());
        }
        let kind = activity.kind;
        match self.board.plan_activity(id, activity, self.clock.now_utc()) {
            Ok(patch) => {
                self.close();
                let said = crate::text::day::planned_words(kind, &self.deal_title(id));
                self.commit(said, patch, Some(id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    fn ask_reschedule(&mut self, item: AgendaItem) {
        let f = &t().form;
        let d = &t().day;
        let rows = vec![Row::new(f.next_action_due, "").hint(f.placeholder_date)];
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::Reschedule(item.id, item.index),
            fill(d.reschedule_title, &[("title", &self.deal_title(item.id))]),
            rows,
        ))));
    }

    /// Saves the form of [`App::ask_reschedule`]: a date as every date field takes it
    /// (`2026-12-24`, `tomorrow`, `+3d`).
    pub(super) fn save_reschedule(&mut self, id: DealId, index: usize, form: &TextForm) {
        let day = match crate::text::parse_date(form.value(0), self.today()) {
            Ok(Some(day)) => day,
            Ok(None) => return self.refuse_text_form(0, t().day.not_a_day.to_string()),
            Err(e) => return self.refuse_text_form(0, e.to_string()),
        };
        self.close();
        self.move_activity(
            AgendaItem {
                id,
                index,
                due: day,
            },
            day,
        );
    }

    fn move_activity(&mut self, item: AgendaItem, to: NaiveDate) {
        let time = self
            .board
            .deal(item.id)
            .and_then(|d| d.activities.get(item.index))
            .and_then(|a| a.time);
        match self.board.reschedule(item.id, item.index, to, time) {
            Ok(patch) => {
                let said = fill(
                    t().day.moved_to,
                    &[
                        ("title", &self.deal_title(item.id)),
                        ("date", &crate::text::date_with_weekday(to)),
                    ],
                );
                self.commit(said, patch, Some(item.id));
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    fn deal_title(&self, id: DealId) -> String {
        self.board
            .deal(id)
            .map(|d| d.title.clone())
            .unwrap_or_default()
    }

    /// What Ctrl+N / Ctrl+P step through in the deal form's focused field: the lead sources;
    /// the companies whose name holds what was typed; the people likewise, those of the
    /// company typed first.
    pub(super) fn choices_for(&self, form: &crate::tui::form::DealForm) -> Vec<String> {
        use crate::model::DealField;
        let typed = form.typed().trim().to_lowercase();
        let holds = |name: &str| name.to_lowercase().contains(&typed);
        match form.focused() {
            Some(DealField::Source) => self.board.sources.clone(),
            Some(DealField::Company) => self
                .board
                .companies
                .iter()
                .filter(|c| holds(&c.name))
                .map(|c| c.name.clone())
                .collect(),
            Some(DealField::Contact) => {
                let company = form.value_of(DealField::Company);
                let mut people: Vec<_> = self
                    .board
                    .people
                    .iter()
                    .filter(|p| holds(&p.name))
                    .collect();
                people.sort_by_key(|p| !crate::model::same_name(&p.company, company));
                let mut names: Vec<String> = Vec::new();
                for p in people {
                    if !names.iter().any(|n| crate::model::same_name(n, &p.name)) {
                        names.push(p.name.clone());
                    }
                }
                names
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn on_customers(&mut self, action: Action) {
        use Action::*;
        let Mode::Customers(view) = &self.mode else {
            return;
        };
        let text = view.text.clone();
        let last = self.customer_rows().len().saturating_sub(1);
        let row = view.row.min(last);
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        let selected = self
            .customer_rows()
            .get(row)
            .map(|c| c.company.name.clone());
        if let Some(moved) = row_after(action, row, last, page) {
            if let Mode::Customers(view) = &mut self.mode {
                view.row = moved;
            }
            return;
        }
        match action {
            StartFilter => self.open(Mode::Filter(tui_input::Input::new(text))),
            ShowDetail => match selected {
                Some(name) => self.open(Mode::Company(CompanyView { name, row: 0 })),
                None => self.show_info(t().day.no_companies.to_string()),
            },
            ShowHelp => self.open(Mode::Help { scroll: 0 }),
            Close if !text.is_empty() => {
                if let Mode::Customers(view) = &mut self.mode {
                    view.text.clear();
                    view.row = 0;
                }
            }
            Close => self.close(),
            _ => {}
        }
    }

    pub(super) fn on_company(&mut self, action: Action) {
        use Action::*;
        let Mode::Company(view) = &self.mode else {
            return;
        };
        let view = view.clone();
        if matches!(action, EditItem | Undo | Redo) && !self.may_change(false) {
            return;
        }
        let deals: Vec<DealId> = self
            .shown_company()
            .map(|c| c.deals.clone())
            .unwrap_or_default();
        let last = deals.len().saturating_sub(1);
        let row = view.row.min(last);
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        if let Some(moved) = row_after(action, row, last, page) {
            if let Mode::Company(view) = &mut self.mode {
                view.row = moved;
            }
            return;
        }
        match action {
            ShowDetail => {
                if let Some(id) = deals.get(row) {
                    self.open(Mode::Detail(DetailView {
                        id: *id,
                        item: 0,
                        scroll: 0,
                    }));
                }
            }
            EditItem => self.ask_company(&view.name),
            Undo => self.undo(),
            Redo => self.redo(),
            ShowHelp => self.open(Mode::Help { scroll: 0 }),
            Close => self.close(),
            _ => {}
        }
    }

    fn ask_company(&mut self, name: &str) {
        let Some(company) = self.board.company_or_named(name) else {
            return;
        };
        let d = &t().day;
        let rows = vec![
            Row::new(d.h_company, &company.name),
            Row::new(d.h_phone, &company.phone),
            Row::new(d.h_email, &company.email),
            Row::new(
                d.notes,
                &crate::tui::form::notes_on_one_line(&company.notes),
            ),
        ];
        self.open(Mode::TextForm(Box::new(TextForm::new(
            Purpose::EditCompany(company.name.clone()),
            fill(d.edit_company_title, &[("name", &company.name)]),
            rows,
        ))));
    }

    /// Saves the form of [`App::ask_company`]; the company view follows a new name.
    pub(super) fn save_company(&mut self, name: &str, form: &TextForm) {
        let value = |i: usize| form.value(i).trim().to_string();
        let notes = crate::tui::form::notes_from_one_line(&value(3));
        let result = self.board.edit_company(name, self.clock.now_utc(), |c| {
            c.name = value(0);
            c.phone = value(1);
            c.email = value(2);
            c.notes = notes;
        });
        match result {
            Ok(Some(patch)) => {
                self.close();
                let new_name = value(0);
                if let Mode::Company(view) = &mut self.mode {
                    view.name = new_name.clone();
                }
                let said = fill(t().day.company_saved, &[("name", &new_name)]);
                self.commit(said, patch, None);
            }
            Ok(None) => {
                self.close();
                self.show_info(t().board.no_changes.to_string());
            }
            Err(e) => self.refuse_text_form(0, e.to_string()),
        }
    }
}

/// Where a list's cursor goes for a key that moves it (`None` for any other key): a row up or
/// down, the first or last, a page up or down; `last` is the last row.
fn row_after(action: Action, row: usize, last: usize, page: usize) -> Option<usize> {
    Some(match action {
        Action::SelectUp => row.saturating_sub(1),
        Action::SelectDown => (row + 1).min(last),
        Action::SelectFirst => 0,
        Action::SelectLast => last,
        Action::PageUp => row.saturating_sub(page),
        Action::PageDown => (row + page).min(last),
        _ => return None,
    })
}
