//! What a board file held when this program last read or wrote it, so that a change made by
//! someone else (another program, a sync tool, a hand edit) is noticed instead of overwritten.

use std::collections::hash_map::DefaultHasher;
use std::fs::Metadata;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes`, just read from or written to `path`.
    pub(super) fn of_file(path: &Path, bytes: &[u8]) -> Fingerprint {
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: hash(bytes),
        }
    }

    /// True when the file's size and time are as recorded: then it is taken as unchanged
    /// without reading it.
    pub(super) fn same_stat(&self, meta: &Metadata) -> bool {
        self.len == meta.len() && self.modified.is_some() && self.modified == meta.modified().ok()
    }

    /// True when `bytes` are what was recorded (a file touched but not changed).
    pub(super) fn same_bytes(&self, bytes: &[u8]) -> bool {
        self.len == bytes.len() as u64 && self.hash == hash(bytes)
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}
