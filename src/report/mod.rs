//! Pipeline figures: pure functions of a board (and the date), used by both the app and the
//! command line so that they always agree.

mod columns;
mod due;

pub use columns::{ColumnSummary, column_summary};
pub use due::{Due, due_state, overdue_count};
