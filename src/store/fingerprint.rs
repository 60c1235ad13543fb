//! What a board file held when this program last read or wrote it, so that a change made by
//! someone else (another program, a sync tool, a hand edit) is noticed instead of overwritten.

use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Fingerprint {
    stat: Option<Stat>,
    len: u64,
    hash: u128,
}

/// What the file system says about the file without reading it. On Unix the inode and the
/// change time are included: no tool can set the change time, so an edit that keeps the size and
/// restores the old modification time (`cp -p`, `rsync -t`) is still noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stat {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
    #[cfg(unix)]
    changed: (i64, i64),
}

impl Stat {
    fn of(meta: &Metadata) -> Stat {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stat {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: meta.ino(),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
        }
    }
}

impl Fingerprint {
    /// The fingerprint of `bytes`, just read from or written to `path`.
    pub(super) fn of_file(path: &Path, bytes: &[u8]) -> Fingerprint {
        let stat = std::fs::metadata(path).ok().map(|m| Stat::of(&m));
        Fingerprint {
            stat,
            len: bytes.len() as u64,
            hash: hash(bytes),
        }
    }

    /// The fingerprint of a file of `len` bytes just read from or written to `path` a piece at
    /// a time, whose bytes hash to `hash` (as [`xxhash_rust::xxh3::xxh3_128`] hashes them whole).
    pub(super) fn of_hashed(path: &Path, len: u64, hash: u128) -> Fingerprint {
        let stat = std::fs::metadata(path).ok().map(|m| Stat::of(&m));
        Fingerprint { stat, len, hash }
    }

    /// True when the file system reports the file exactly as recorded: then it is taken as
    /// unchanged without reading it.
    pub(super) fn same_stat(&self, meta: &Metadata) -> bool {
        self.stat
            .as_ref()
            .is_some_and(|s| *s == Stat::of(meta) && s.modified.is_some())
    }

    /// True when `bytes` are what was recorded (a file touched but not changed).
    pub(super) fn same_bytes(&self, bytes: &[u8]) -> bool {
        self.len == bytes.len() as u64 && self.hash == hash(bytes)
    }
}

/// XXH3, 128 bits: a change going unnoticed is out of the question, and it hashes a 100,000-deal
/// file in a few milliseconds (SipHash took a tenth of a command's time).
fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}
