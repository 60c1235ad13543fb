//! Everything that can happen to the app: the keymap turns key presses into these, the event loop
//! adds resizes and clock ticks, and `App::update` is the only place they change anything.

use tui_input::InputRequest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    // Moving around the board
    FocusLeft,
    FocusRight,
    SelectUp,
    SelectDown,
    SelectFirst,
    SelectLast,
    PageUp,
    PageDown,
    // Changing deals
    MoveForward,
    MoveBack,
    ReorderUp,
    ReorderDown,
    NewDeal,
    EditDeal,
    DeleteDeal,
    Undo,
    Redo,
    // Screens
    ShowHelp,
    Close,
    Quit,
    // The deal form
    NextField,
    PreviousField,
    SaveForm,
    Edit(InputRequest),
    // Questions
    Yes,
    No,
    // From the event loop
    Resize(u16, u16),
    Tick,
}
