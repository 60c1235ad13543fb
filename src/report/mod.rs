//! Pipeline figures: pure functions of a board and the moment, used by both the app and the
//! command line so that they always agree.

mod agenda;
pub mod analytics;
mod attention;
mod changes;
pub mod comparison;
mod converted;
mod customers;
mod figures;
mod filter;
mod order;
mod shown;
mod stage_index;
mod timeline;
mod value;

pub use agenda::{Agenda, Planned, UNDATED};
pub use attention::{Due, due_state, idle_days, rotting_days};
pub use changes::{Change, ChangeKind, changes_since, previous_working_day, start_of};
pub use converted::converted_if_mixed;
pub use customers::{Customer, customer, customers};
pub use figures::{BoardTotals, ClosedTotals, ColumnSummary, Figures};
pub use filter::{Facts, Filter};
pub use order::visible_columns;
pub use shown::{Card, Shown};
pub use timeline::{StageStay, referrals_of, timeline};
pub use value::{margin, probability, weighted};
