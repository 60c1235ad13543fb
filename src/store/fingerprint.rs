//! What a board file held when this program last read or wrote it, so that a change made by
//! someone else (another program, a sync tool, a hand edit) is noticed instead of overwritten.

use std::fs::Metadata;
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
    /// The fingerprint of `bytes`, just read from or written to the file `meta` describes.
    /// `meta` is the open file's own, taken before reading (or after writing and renaming):
    /// looked up by name afterwards, it could describe a file put there meanwhile.
    pub(super) fn of_bytes(meta: Option<&Metadata>, bytes: &[u8]) -> Fingerprint {
        Fingerprint::of(meta, bytes.len() as u64, hash(bytes))
    }

    /// The fingerprint of a file of `len` bytes that hash to `hash` (as
    /// [`xxhash_rust::xxh3::xxh3_128`] hashes them whole), read or written a piece at a time.
    pub(super) fn of(meta: Option<&Metadata>, len: u64, hash: u128) -> Fingerprint {
        Fingerprint {
            stat: meta.map(Stat::of),
            len,
            hash,
        }
    }

    /// Whether `file` holds what was recorded, read through a small buffer; with its fingerprint
    /// taken now (its metadata from before it was read).
    pub(super) fn same_file(
        &self,
        file: &mut std::fs::File,
    ) -> std::io::Result<(bool, Fingerprint)> {
        use std::io::Read;
        let meta = file.metadata().ok();
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = vec![0; 1 << 20];
        let mut len = 0u64;
        loop {
            let read = match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            hasher.update(&buffer[..read]);
            len += read as u64;
        }
        let now = Fingerprint::of(meta.as_ref(), len, hasher.digest128());
        Ok((now.len == self.len && now.hash == self.hash, now))
    }

    /// True when the file system reports the file exactly as recorded: then it is taken as
    /// unchanged without reading it.
    pub(super) fn same_stat(&self, meta: &Metadata) -> bool {
        self.stat
            .as_ref()
            .is_some_and(|s| *s == Stat::of(meta) && s.modified.is_some())
    }
}

/// XXH3, 128 bits: a change going unnoticed is out of the question, and it hashes a 100,000-deal
/// file in a few milliseconds (SipHash took a tenth of a command's time).
fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}
