//! dealboard: a terminal kanban board for a sales pipeline.

/// mimalloc rather than the system's allocator: a board is many small texts, and at 100,000
/// deals glibc's malloc and free (merging freed pieces) took a third of reading a board or
/// redoing the review.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
