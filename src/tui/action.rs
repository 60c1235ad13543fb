//! Everything that can happen to the app: the keymap turns key presses into these, the event loop
//! adds resizes and clock ticks, and `App::update` is the only place they change anything.

use tui_input::InputRequest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    // Moving around
    FocusLeft,
    FocusRight,
    SelectUp,
    SelectDown,
    SelectFirst,
    SelectLast,
    PageUp,
    PageDown,
    NextTab,
    // Changing deals
    MoveForward,
    MoveBack,
    ReorderUp,
    ReorderDown,
    NewDeal,
    EditDeal,
    DeleteDeal,
    MarkWon,
    MarkLost,
    Reopen,
    /// The next action is done: ask for the following one.
    CompleteAction,
    /// Tick (or untick) the selected exit criterion.
    ToggleTick,
    Undo,
    Redo,
    // Finding and ordering
    StartFilter,
    ToggleMine,
    ToggleRotting,
    ToggleOverdue,
    CycleSort,
    // Screens
    ShowDetail,
    ShowClosed,
    ShowProcess,
    /// The process report: funnel, conversion, win rate, forecast, compliance.
    ShowReports,
    ShowHelp,
    /// Share this board's changes with the team and take theirs in (git).
    Sync,
    /// Move the deal to any stage, chosen from a list.
    PickStage,
    /// Fold empty stages to narrow strips, or unfold them.
    ToggleFold,
    /// The agenda: every planned activity, overdue first, then day by day.
    ShowAgenda,
    /// The customers: companies, their people and deals.
    ShowCustomers,
    /// Move the selected activity on by a day.
    Postpone,
    /// Move the selected activity to a day typed.
    Reschedule,
    /// Record the customer's feedback on the deal.
    AddFeedback,
    /// Plan one more activity for the deal.
    PlanActivity,
    /// Add a dated note to the deal (in the user's editor).
    AddNote,
    /// Edit the deal's notes (in the user's editor).
    EditNotes,
    /// Go to the column of the stage with this number (0: the first), as the digit keys do.
    FocusColumn(u8),
    /// Add, edit or delete the selected item of a list screen (the process editor).
    AddItem,
    EditItem,
    DeleteItem,
    Close,
    Quit,
    /// Give the terminal back and stop until `fg` (Ctrl+Z): done by the event loop, not a screen.
    Suspend,
    /// A signal ends the program: save what is not saved yet, ask nothing.
    Terminate,
    // The process report
    PreviousPeriod,
    NextPeriod,
    PreviousOwner,
    NextOwner,
    /// Compare with the period before (again: stop).
    ToggleCompare,
    /// Before and after a change to the process (again: the period's report).
    ToggleBeforeAfter,
    // The stand-up review
    NextChange,
    PreviousChange,
    /// Show the selected deal full-screen.
    FocusDeal,
    /// Only deals that need attention (again: every deal).
    ToggleAttention,
    /// The team, a row per person (again: back to the board).
    ShowPeople,
    // Forms
    NextField,
    PreviousField,
    NextChoice,
    PreviousChoice,
    SaveForm,
    Edit(InputRequest),
    // Questions
    Yes,
    No,
    // From the event loop
    Resize(u16, u16),
    Tick,
    /// Something finished in the background: take it in (in the app a save, and how it went;
    /// in the review a look at the files).
    News,
}

impl Action {
    /// Works on every screen, whichever screen's keys list it.
    pub fn everywhere(self) -> bool {
        matches!(self, Action::Suspend)
    }
}
