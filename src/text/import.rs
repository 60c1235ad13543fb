//! The words of CSV import: row problems and file problems.
