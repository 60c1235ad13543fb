//! The pipeline as plain data and the operations that keep it sound. Pure: no files, no terminal,
//! no clock (callers pass the time in).

mod activity;
mod bad_text;
mod board;
mod changes_between;
mod closing;
mod combine;
mod deal;
mod deal_log;
mod deals;
mod edit;
mod fields;
mod import;
pub mod limits;
mod money;
mod names;
mod patch;
mod process;
mod process_apply;
mod process_log;
mod progress;
mod rates;
mod records;
mod shared_text;
#[cfg(test)]
pub mod some_change;
mod stage;
mod validate;

pub use activity::{Activity, ActivityKind};
pub use bad_text::{BadText, BadTextKind};
pub use board::{Board, ColumnSort, FORMAT_VERSION, MAX_DEAL_ID};
pub use changes_between::{BoardChanges, DealChange, changes_between};
pub use combine::{Origin, combine, fallback_owner, give_owners};
pub use deal::{
    CloseChange, Deal, DealId, DealProblem, DoneAction, Referral, StageVisit, Status, Tick,
};
pub use deal_log::{DatedNote, DealEvent, EventKind, Feedback, RATINGS};
pub use deals::Deals;
pub use edit::{Direction, EditError};
pub use fields::{DealField, copy_fields, set_fields};
pub use import::{ImportKeys, Imported, OWN_KEY_PREFIX};
pub use money::{AmountError, Currency, MAX_WHOLE_DIGITS, Minor, Money, Totals};
pub use names::{position_of_name, same_name};
pub use patch::Patch;
pub use process::{BoardDetails, BoardList, StageDraft};
pub use process_apply::{AdoptError, checked_process};
pub use process_log::{MAX_PROCESS_CHANGES, ProcessChange, StageEdit, Why, stage_edits};
pub use rates::{Converted, PerUnit, Rate, RateError, Rates};
pub use records::{Company, Person};
pub use stage::{Phase, Stage, StageId};
pub use validate::{KnownStages, Problem};
pub mod input;
