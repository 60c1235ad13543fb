//! The one registry of keys. It drives both what a key press does and the `?` help screen, so the
//! two can never disagree. Only key presses count, never releases or repeats of a release.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::text::{KeyNames, KeyText, Text};

/// Which screen a key press is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Board,
    Form,
    Question,
    Help,
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

use Context::{Board, Form, Help, Question};

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
    bind(Board, &[ch('>'), ch('L'), shift(KeyCode::Right)], Action::MoveForward, |k| k.move_forward),
    bind(Board, &[ch('<'), ch('H'), shift(KeyCode::Left)], Action::MoveBack, |k| k.move_back),
    bind(Board, &[ch('K'), shift(KeyCode::Up)], Action::ReorderUp, |k| k.reorder_up),
    bind(Board, &[ch('J'), shift(KeyCode::Down)], Action::ReorderDown, |k| k.reorder_down),
    bind(Board, &[ch('n')], Action::NewDeal, |k| k.new_deal),
    bind(Board, &[ch('e'), key(KeyCode::Enter)], Action::EditDeal, |k| k.edit_deal),
    bind(Board, &[ch('d'), key(KeyCode::Delete)], Action::DeleteDeal, |k| k.delete_deal),
    bind(Board, &[ch('u')], Action::Undo, |k| k.undo),
    bind(Board, &[ctrl('r')], Action::Redo, |k| k.redo),
    bind(Board, &[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |k| k.help),
    bind(Board, &[ch('q'), ctrl('c')], Action::Quit, |k| k.quit),
    bind(Form, &[key(KeyCode::Tab), key(KeyCode::Down)], Action::NextField, |k| k.next_field),
    bind(Form, &[key(KeyCode::BackTab), key(KeyCode::Up)], Action::PreviousField, |k| k.previous_field),
    bind(Form, &[key(KeyCode::Enter), ctrl('s')], Action::SaveForm, |k| k.save_form),
    bind(Form, &[key(KeyCode::Esc), ctrl('c')], Action::Close, |k| k.cancel_form),
    bind(Question, &[ch('y')], Action::Yes, |k| k.yes),
    bind(Question, &[ch('n'), key(KeyCode::Esc)], Action::No, |k| k.no),
    bind(Question, &[ctrl('c')], Action::No, |k| k.no),
    bind(Help, &[key(KeyCode::Up), ch('k')], Action::SelectUp, |k| k.scroll_up),
    bind(Help, &[key(KeyCode::Down), ch('j')], Action::SelectDown, |k| k.scroll_down),
    bind(Help, &[key(KeyCode::PageUp)], Action::PageUp, |k| k.page_up),
    bind(Help, &[key(KeyCode::PageDown), key(KeyCode::Char(' '))], Action::PageDown, |k| k.page_down),
    bind(Help, &[key(KeyCode::Home), ch('g')], Action::SelectFirst, |k| k.help_top),
    bind(Help, &[key(KeyCode::End), ch('G')], Action::SelectLast, |k| k.help_end),
    bind(Help, &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Close, |k| k.close_help),
    bind(Help, &[ctrl('c')], Action::Quit, |k| k.quit),
];

/// What a key press means in `context`, if anything. In the form, keys that are not bindings
/// edit the focused field.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    match (bound, context) {
        (Some(action), _) => Some(action),
        (None, Context::Form) => text_edit(event).map(Action::Edit),
        (None, _) => None,
    }
}

fn text_edit(event: &KeyEvent) -> Option<tui_input::InputRequest> {
    use ratatui::crossterm::event::Event;
    tui_input::backend::crossterm::to_input_request(&Event::Key(*event))
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
    u16::try_from(BINDINGS.len() + 12).unwrap_or(u16::MAX)
}
