//! Pipeline figures: pure functions of a board and the moment, used by both the app and the
//! command line so that they always agree.

pub mod analytics;
mod attention;
mod figures;
mod filter;
mod order;
mod timeline;
mod value;

pub use attention::{Due, due_state, idle_days, rotting_days};
pub use figures::{BoardTotals, ClosedTotals, ColumnSummary, Figures};
pub use filter::Filter;
pub use order::visible_columns;
pub use timeline::{StageStay, referrals_of, timeline};
pub use value::{margin, probability, weighted};
