//! The one registry of keys. It drives both what a key press does and the `?` help screen, so the
//! two can never disagree. Only key presses count, never releases or repeats of a release.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::text::{KeyNames, KeyText, Text};

/// Which screen a key press is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Board,
    Detail,
    Closed,
    Process,
    /// The process report.
    Reports,
    Form,
    /// Choosing from a list, or typing something else (the lost reason).
    Picker,
    /// Typing the filter.
    Filter,
    Question,
    Help,
    /// `dealboard review`: the stand-up presentation (its own program, so not in [`Context::ALL`]).
    Review,
    /// The agenda of planned activities.
    Agenda,
    /// The customers list.
    Customers,
    /// One company.
    Company,
}

impl Context {
    /// Every context, in the order the help screen lists them.
    pub const ALL: [Context; 13] = [
        Context::Board,
        Context::Detail,
        Context::Agenda,
        Context::Customers,
        Context::Company,
        Context::Closed,
        Context::Process,
        Context::Reports,
        Context::Form,
        Context::Picker,
        Context::Filter,
        Context::Question,
        Context::Help,
    ];

    /// Whether keys that no binding claims type text here (and a paste is typed too).
    pub fn types_text(self) -> bool {
        matches!(self, Context::Form | Context::Picker | Context::Filter)
    }
}

/// One key, as written in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::SHIFT,
    }
}

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        // A typed character already says whether Shift was held ('L' vs 'l', '>' vs '.'), and
        // terminals disagree on also reporting SHIFT for it, so Shift is ignored for characters.
        // Shift+Tab arrives as BackTab, with or without SHIFT, depending on the terminal.
        let significant = match event.code {
            KeyCode::Char(_) | KeyCode::BackTab => KeyModifiers::CONTROL | KeyModifiers::ALT,
            _ => KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT,
        };
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        self.code == code && self.modifiers == event.modifiers & significant
    }

    /// How the help screen writes the key: `h`, `←`, `Ctrl+R`, `Shift+→`.
    pub fn label(&self, names: &KeyNames) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => names.space.to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Enter => names.enter.into(),
            KeyCode::Esc => names.esc.into(),
            KeyCode::Tab => names.tab.into(),
            KeyCode::BackTab => format!("{}{}", names.shift, names.tab),
            KeyCode::Delete => names.delete.into(),
            KeyCode::Home => names.home.into(),
            KeyCode::End => names.end.into(),
            KeyCode::PageUp => names.page_up.into(),
            KeyCode::PageDown => names.page_down.into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str(names.ctrl);
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            label.push_str(names.shift);
        }
        label + &name
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help screen says the key does.
    pub help: fn(&KeyText) -> &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: fn(&KeyText) -> &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Context::{
    Agenda, Board, Closed, Company, Customers, Detail, Filter, Form, Help, Picker, Process,
    Question, Reports, Review,
};

#[rustfmt::skip] // a table reads best with one binding a line
pub const BINDINGS: &[Binding] = &[
    bind(Board, &[key(KeyCode::Left), ch('h')], Action::FocusLeft, |k| k.focus_left),
    bind(Board, &[key(KeyCode::Right), ch('l')], Action::FocusRight, |k| k.focus_right),
    bind(Board, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.select_up),
    bind(Board, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.select_down),
    bind(Board, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.select_first),
    bind(Board, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.select_last),
    bind(Board, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Board, &[key(KeyCode::PageDown)], Action::PageDown, |k| k.page_down),
    bind(Board, &[key(KeyCode::Enter)], Action::ShowDetail, |k| k.show_detail),
    bind(Board, &[ch('>'), ch('L'), shift(KeyCode::Right)], Action::MoveForward, |k| k.move_forward),
    bind(Board, &[ch('<'), ch('H'), shift(KeyCode::Left)], Action::MoveBack, |k| k.move_back),
    bind(Board, &[ch('M')], Action::PickStage, |k| k.pick_stage),
    bind(Board, &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')], Action::FocusColumn(0), |k| k.focus_column),
    bind(Board, &[ch('K'), shift(KeyCode::Up)], Action::ReorderUp, |k| k.reorder_up),
    bind(Board, &[ch('J'), shift(KeyCode::Down)], Action::ReorderDown, |k| k.reorder_down),
    bind(Board, &[ch('n')], Action::NewDeal, |k| k.new_deal),
    bind(Board, &[ch('e')], Action::EditDeal, |k| k.edit_deal),
    bind(Board, &[ch('a'), ch(' ')], Action::CompleteAction, |k| k.complete_action),
    bind(Board, &[ch('w')], Action::MarkWon, |k| k.mark_won),
    bind(Board, &[ch('x')], Action::MarkLost, |k| k.mark_lost),
    bind(Board, &[ch('d'), key(KeyCode::Delete)], Action::DeleteDeal, |k| k.delete_deal),
    bind(Board, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Board, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Board, &[ch('/')], Action::StartFilter, |k| k.start_filter),
    bind(Board, &[ch('m')], Action::ToggleMine, |k| k.toggle_mine),
    bind(Board, &[ch('r')], Action::ToggleRotting, |k| k.toggle_rotting),
    bind(Board, &[ch('o')], Action::ToggleOverdue, |k| k.toggle_overdue),
    bind(Board, &[key(KeyCode::Esc)], Action::Close, |k| k.clear_filter),
    bind(Board, &[ch('S')], Action::CycleSort, |k| k.cycle_sort),
    bind(Board, &[ch('z')], Action::ToggleFold, |k| k.toggle_fold),
    bind(Board, &[ch('A')], Action::ShowAgenda, |_| crate::text::t().day.key_agenda),
    bind(Board, &[ch('C')], Action::ShowCustomers, |_| crate::text::t().day.key_customers),
    bind(Board, &[ch('c')], Action::ShowClosed, |k| k.show_closed),
    bind(Board, &[ch('p')], Action::ShowProcess, |k| k.show_process),
    bind(Board, &[ch('s')], Action::ShowReports, |_| crate::text::t().report_screen.show_reports),
    bind(Board, &[ch('P')], Action::Sync, |_| crate::text::t().team.key_sync),
    bind(Board, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Board, &[ch('q'), ctrl('c')], Action::Quit, |k| k.quit),
    bind(Detail, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.criterion_up),
    bind(Detail, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.criterion_down),
    bind(Detail, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Detail, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Detail, &[ch(' ')], Action::ToggleTick, |k| k.toggle_tick),
    bind(Detail, &[ch('a')], Action::CompleteAction, |k| k.complete_action),
    bind(Detail, &[ch('e')], Action::EditDeal, |k| k.edit_deal),
    bind(Detail, &[ch('n')], Action::AddNote, |_| crate::text::t().day.key_note),
    bind(Detail, &[ch('N')], Action::EditNotes, |_| crate::text::t().day.key_edit_notes),
    bind(Detail, &[ch('f')], Action::AddFeedback, |_| crate::text::t().day.key_feedback),
    bind(Detail, &[ch('p')], Action::PlanActivity, |_| crate::text::t().day.key_plan),
    bind(Detail, &[ch('>'), ch('L'), shift(KeyCode::Right)], Action::MoveForward, |k| k.move_forward),
    bind(Detail, &[ch('<'), ch('H'), shift(KeyCode::Left)], Action::MoveBack, |k| k.move_back),
    bind(Detail, &[ch('M')], Action::PickStage, |k| k.pick_stage),
    bind(Detail, &[ch('w')], Action::MarkWon, |k| k.mark_won),
    bind(Detail, &[ch('x')], Action::MarkLost, |k| k.mark_lost),
    bind(Detail, &[ch('r')], Action::Reopen, |k| k.reopen),
    bind(Detail, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Detail, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Detail, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.scroll_up),
    bind(Detail, &[key(KeyCode::PageDown)], Action::PageDown, |k| k.scroll_down),
    bind(Detail, &[key(KeyCode::Esc), key(KeyCode::Enter), ch('q')], Action::Close, |k| k.back),
    bind(Detail, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Agenda, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.one_above_row),
    bind(Agenda, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.one_below_row),
    bind(Agenda, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Agenda, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Agenda, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Agenda, &[key(KeyCode::PageDown)], Action::PageDown, |k| k.page_down),
    bind(Agenda, &[key(KeyCode::Enter)], Action::ShowDetail, |k| k.show_detail),
    bind(Agenda, &[ch(' '), ch('a')], Action::CompleteAction, |_| crate::text::t().day.key_done),
    bind(Agenda, &[ch('+')], Action::Postpone, |_| crate::text::t().day.key_postpone),
    bind(Agenda, &[ch('r')], Action::Reschedule, |_| crate::text::t().day.key_reschedule),
    bind(Agenda, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Agenda, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Agenda, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Agenda, &[key(KeyCode::Esc), ch('A'), ch('q')], Action::Close, |k| k.back),
    bind(Agenda, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Customers, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.one_above_row),
    bind(Customers, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.one_below_row),
    bind(Customers, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Customers, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Customers, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Customers, &[key(KeyCode::PageDown)], Action::PageDown, |k| k.page_down),
    bind(Customers, &[ch('/')], Action::StartFilter, |_| crate::text::t().day.key_find_customer),
    bind(Customers, &[key(KeyCode::Enter)], Action::ShowDetail, |_| crate::text::t().day.key_open_company),
    bind(Customers, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Customers, &[key(KeyCode::Esc), ch('C'), ch('q')], Action::Close, |k| k.back),
    bind(Customers, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Company, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.one_above_row),
    bind(Company, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.one_below_row),
    bind(Company, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Company, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Company, &[key(KeyCode::Enter)], Action::ShowDetail, |k| k.show_detail),
    bind(Company, &[ch('e')], Action::EditItem, |_| crate::text::t().day.key_edit_company),
    bind(Company, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Company, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Company, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Company, &[key(KeyCode::Esc), ch('q')], Action::Close, |k| k.back),
    bind(Company, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Closed, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.select_up),
    bind(Closed, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.select_down),
    bind(Closed, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Closed, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Closed, &[key(KeyCode::Tab)], Action::NextTab, |k| k.closed_tab),
    bind(Closed, &[ch('/')], Action::StartFilter, |k| k.start_filter),
    bind(Closed, &[key(KeyCode::Enter)], Action::ShowDetail, |k| k.show_detail),
    bind(Closed, &[ch('r')], Action::Reopen, |k| k.reopen),
    bind(Closed, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Closed, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Closed, &[key(KeyCode::Esc), ch('c'), ch('q')], Action::Close, |k| k.back),
    bind(Closed, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Process, &[key(KeyCode::Tab)], Action::NextTab, |k| k.process_tab),
    bind(Process, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.one_above_row),
    bind(Process, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.one_below_row),
    bind(Process, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.first_row),
    bind(Process, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.last_row),
    bind(Process, &[ch('n')], Action::AddItem, |k| k.add_item),
    bind(Process, &[ch('e'), key(KeyCode::Enter)], Action::EditItem, |k| k.edit_item),
    bind(Process, &[ch('d'), key(KeyCode::Delete)], Action::DeleteItem, |k| k.delete_item),
    bind(Process, &[ch('K'), shift(KeyCode::Up)], Action::ReorderUp, |k| k.item_up),
    bind(Process, &[ch('J'), shift(KeyCode::Down)], Action::ReorderDown, |k| k.item_down),
    bind(Process, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Process, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Process, &[key(KeyCode::Esc), ch('p'), ch('q')], Action::Close, |k| k.back),
    bind(Process, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Reports, &[ch('['), key(KeyCode::Left), ch('h')], Action::PreviousPeriod, |_| crate::text::t().report_screen.previous_period),
    bind(Reports, &[ch(']'), key(KeyCode::Right), ch('l')], Action::NextPeriod, |_| crate::text::t().report_screen.next_period),
    bind(Reports, &[key(KeyCode::Tab)], Action::NextOwner, |_| crate::text::t().report_screen.next_owner),
    bind(Reports, &[key(KeyCode::BackTab)], Action::PreviousOwner, |_| crate::text::t().report_screen.previous_owner),
    bind(Reports, &[ch('c')], Action::ToggleCompare, |_| crate::text::t().report_screen.toggle_compare),
    bind(Reports, &[ch('v')], Action::ToggleBeforeAfter, |_| crate::text::t().versions.key_before_after),
    bind(Reports, &[ch('<')], Action::PreviousChange, |_| crate::text::t().versions.key_earlier_change),
    bind(Reports, &[ch('>')], Action::NextChange, |_| crate::text::t().versions.key_later_change),
    bind(Reports, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.scroll_up),
    bind(Reports, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.scroll_down),
    bind(Reports, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Reports, &[key(KeyCode::PageDown), ch(' ')], Action::PageDown, |k| k.page_down),
    bind(Reports, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.help_top),
    bind(Reports, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.help_end),
    bind(Reports, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Reports, &[key(KeyCode::Esc), ch('s'), ch('q')], Action::Close, |_| crate::text::t().report_screen.back),
    bind(Reports, &[ctrl('c')], Action::Quit, |k| k.quit),
    bind(Review, &[key(KeyCode::Tab)], Action::NextOwner, |_| crate::text::t().review.key_next_person),
    bind(Review, &[key(KeyCode::BackTab)], Action::PreviousOwner, |_| crate::text::t().review.key_previous_person),
    bind(Review, &[ch('n')], Action::NextChange, |_| crate::text::t().review.key_next_change),
    bind(Review, &[ch('N')], Action::PreviousChange, |_| crate::text::t().review.key_previous_change),
    bind(Review, &[key(KeyCode::Enter), ch('f')], Action::FocusDeal, |_| crate::text::t().review.key_focus),
    bind(Review, &[ch('z')], Action::ToggleAttention, |_| crate::text::t().review.key_attention),
    bind(Review, &[ch('p')], Action::ShowPeople, |_| crate::text::t().review.key_people),
    bind(Review, &[ch('s')], Action::ShowReports, |_| crate::text::t().review.key_report),
    bind(Review, &[ch('/')], Action::StartFilter, |k| k.start_filter),
    bind(Review, &[ch('o')], Action::ToggleOverdue, |k| k.toggle_overdue),
    bind(Review, &[ch('r')], Action::ToggleRotting, |k| k.toggle_rotting),
    bind(Review, &[key(KeyCode::Left), ch('h')], Action::FocusLeft, |k| k.focus_left),
    bind(Review, &[key(KeyCode::Right), ch('l')], Action::FocusRight, |k| k.focus_right),
    bind(Review, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.select_up),
    bind(Review, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.select_down),
    bind(Review, &[key(KeyCode::PageUp)], Action::PageUp, |_| crate::text::t().review.key_scroll_up),
    bind(Review, &[key(KeyCode::PageDown)], Action::PageDown, |_| crate::text::t().review.key_scroll_down),
    bind(Review, &[ch('e'), ch('d'), key(KeyCode::Delete), ch('>'), ch('<'), ch('w'), ch('x'), ch(' '), ch('a'), ch('u'), ctrl('r')], Action::EditDeal, |_| crate::text::t().review.key_read_only),
    bind(Review, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Review, &[key(KeyCode::Esc)], Action::Close, |k| k.back),
    bind(Review, &[ch('q'), ctrl('c')], Action::Quit, |k| k.quit),
    bind(Form, &[key(KeyCode::Tab), key(KeyCode::Down)], Action::NextField, |k| k.next_field),
    bind(Form, &[key(KeyCode::BackTab), key(KeyCode::Up)], Action::PreviousField, |k| k.previous_field),
    bind(Form, &[ctrl('n')], Action::NextChoice, |k| k.next_choice),
    bind(Form, &[ctrl('p')], Action::PreviousChoice, |k| k.previous_choice),
    bind(Form, &[key(KeyCode::Enter), ctrl('s')], Action::SaveForm, |k| k.save_form),
    bind(Form, &[key(KeyCode::Esc), ctrl('c')], Action::Close, |k| k.cancel_form),
    bind(Picker, &[key(KeyCode::Up)], Action::SelectUp, |k| k.one_above_row),
    bind(Picker, &[key(KeyCode::Down)], Action::SelectDown, |k| k.one_below_row),
    bind(Picker, &[key(KeyCode::Home)], Action::SelectFirst, |k| k.first_row),
    bind(Picker, &[key(KeyCode::End)], Action::SelectLast, |k| k.last_row),
    bind(Picker, &[key(KeyCode::Enter)], Action::SaveForm, |k| k.choose),
    bind(Picker, &[key(KeyCode::Esc), ctrl('c')], Action::Close, |k| k.cancel_form),
    bind(Filter, &[key(KeyCode::Enter)], Action::SaveForm, |k| k.keep_filter),
    bind(Filter, &[key(KeyCode::Esc), ctrl('c')], Action::Close, |k| k.clear_filter),
    bind(Question, &[ch('y'), ch('д')], Action::Yes, |k| k.yes),
    bind(Question, &[ch('n'), ch('н'), key(KeyCode::Esc), ctrl('c')], Action::No, |k| k.no),
    bind(Help, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.scroll_up),
    bind(Help, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.scroll_down),
    bind(Help, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Help, &[key(KeyCode::PageDown), key(KeyCode::Char(' '))], Action::PageDown, |k| k.page_down),
    bind(Help, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.help_top),
    bind(Help, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.help_end),
    bind(Help, &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Close, |k| k.close_help),
    bind(Help, &[ctrl('c')], Action::Quit, |k| k.quit),
    // Listed with the board's keys, but works on every screen (see `Action::everywhere`).
    bind(Board, &[ctrl('z')], Action::Suspend, |k| k.suspend),
];

/// What a key press means in `context`, if anything. In the form, keys that are not bindings
/// edit the focused field.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let bound = bound_action(context, event).or_else(|| {
        // With the keyboard switched to Russian, `т` is the key that says `n`. Not where keys
        // type text (they type the Cyrillic) unless Ctrl or Alt is held, nor in a question,
        // where `н` means "нет".
        let held = event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let latin = latin_key(event).filter(|_| held || !context.types_text())?;
        bound_action(context, &latin).filter(|_| context != Context::Question)
    });
    match bound {
        // One binding stands for the nine digit keys: the digit says which column.
        Some(Action::FocusColumn(_)) => match event.code {
            KeyCode::Char(digit @ '1'..='9') => Some(Action::FocusColumn(digit as u8 - b'1')),
            _ => None,
        },
        Some(action) => Some(action),
        None if context.types_text() => text_edit(event).map(Action::Edit),
        None => None,
    }
}

fn bound_action(context: Context, event: &KeyEvent) -> Option<Action> {
    let pressed = |b: &&Binding| b.keys.iter().any(|k| k.matches(event));
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(pressed)
        .or_else(|| {
            BINDINGS
                .iter()
                .filter(|b| b.action.everywhere())
                .find(pressed)
        })
        .map(|b| b.action)
}

/// The key press as it would be with the keyboard in its Latin layout: a letter of the Russian
/// ЙЦУКЕН layout becomes the letter on the same key of QWERTY (`т` → `n`, `Ш` → `I`).
fn latin_key(event: &KeyEvent) -> Option<KeyEvent> {
    const RUSSIAN: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";
    const LATIN: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    const LATIN_SHIFTED: &str = "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~";
    let KeyCode::Char(c) = event.code else {
        return None;
    };
    // The key of `/` gives `.` in the Russian layout, and with Shift `,` (`?`). Neither is bound.
    let punctuation = match c {
        '.' => Some('/'),
        ',' => Some('?'),
        _ => None,
    };
    if let Some(latin) = punctuation {
        return Some(KeyEvent {
            code: KeyCode::Char(latin),
            ..*event
        });
    }
    let lower = c.to_lowercase().next()?;
    let at = RUSSIAN.chars().position(|r| r == lower)?;
    let table = if lower == c { LATIN } else { LATIN_SHIFTED };
    let latin = table.chars().nth(at)?;
    Some(KeyEvent {
        code: KeyCode::Char(latin),
        ..*event
    })
}

fn text_edit(event: &KeyEvent) -> Option<tui_input::InputRequest> {
    use ratatui::crossterm::event::Event;
    tui_input::backend::crossterm::to_input_request(&Event::Key(*event))
}

/// How the keys bound to `action` in `context` are written, in the registry's order: `n`, `Esc`.
pub fn keys_for(context: Context, action: Action) -> Vec<String> {
    let names = &crate::text::t().key_names;
    BINDINGS
        .iter()
        .filter(|b| b.context == context && b.action == action)
        .flat_map(|b| b.keys.iter().map(|k| k.label(names)))
        .collect()
}

/// The first key bound to `action` in `context`, for a sentence that names it ("n adds one").
pub fn key_for(context: Context, action: Action) -> String {
    keys_for(context, action)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The help screen's lines: for each context, each binding's keys and what it does.
pub fn help_lines(text: &Text) -> Vec<(Context, String, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label(&text.key_names)).collect();
            (b.context, keys.join(" "), (b.help)(&text.keys))
        })
        .collect()
}

/// Lines of the help screen at most: every binding, a heading per context and a few more.
pub fn help_height() -> u16 {
    u16::try_from(BINDINGS.len() + 2 * Context::ALL.len() + 6).unwrap_or(u16::MAX)
}
