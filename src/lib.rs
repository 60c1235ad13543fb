//! dealboard: a terminal kanban board for a sales pipeline.

pub mod model;
pub mod store;
pub mod clock;
pub mod report;
pub mod text;
pub mod interchange;
pub mod display_width;
pub mod cli;
pub mod tui;
