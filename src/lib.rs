//! dealboard: a terminal kanban board for a sales pipeline.

/// mimalloc rather than the system's allocator: a board is many small texts, and at 100,000
/// deals glibc's malloc and free (merging freed pieces) took a third of reading a board or
/// redoing the review. Built without transparent huge pages (`no_thp`): with them, starting on
/// a big board varied by a factor of two (the kernel compacting memory for them) and a small
/// board's memory grew by a third.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod cli;
pub mod clock;
pub mod demo;
pub mod display_width;
mod drop_later;
pub mod interchange;
pub mod model;
pub mod report;
pub mod store;
#[cfg(test)]
mod test_boards;
pub mod text;
pub mod tui;
mod two_cores;
