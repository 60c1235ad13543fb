//! dealboard: a terminal kanban board for a sales pipeline.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod display_width;
pub mod interchange;
pub mod model;
pub mod report;
pub mod store;
#[cfg(test)]
mod test_boards;
pub mod text;
pub mod tui;
