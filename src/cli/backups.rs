//! `dealboard backups` and `dealboard restore N`: the board's last versions, kept in the user's
//! data folder, listed and brought back.

use std::path::Path;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, Utc};

use super::Failure;
use crate::clock::Clock;
use crate::store::{
    self, BACKUPS, LoadError, LoadErrorKind, RestoreError, Store, backup_folder, backup_path,
};
use crate::text::{date_long, fill, load_error_in_a_line, t};

/// The backups of the board at `path`, newest first, each with when it was saved, how many
/// deals it holds and its size; or where they will be when there are none yet.
pub fn list(path: &Path, clock: &dyn Clock) -> Result<String, Failure> {
    let w = &t().team;
    let target = store::resolve_links(path);
    let folder = backup_folder(&target);
    let mut lines = Vec::new();
    for n in 1..=BACKUPS {
        let backup = backup_path(&target, n);
        let Ok(meta) = std::fs::metadata(&backup) else {
            continue;
        };
        let saved = saved_at(meta.modified().ok(), clock);
        lines.push(match Store::open(&backup) {
            Ok((_, board)) => fill(
                w.backup_line,
                &[
                    ("n", &n),
                    ("saved", &saved),
                    (
                        "deals",
                        &t().count(&t().board.deal_count, board.deals.len()),
                    ),
                    ("size", &size(meta.len())),
                ],
            ),
            Err(e) => fill(
                w.backup_unreadable,
                &[
                    ("n", &n),
                    ("saved", &saved),
                    ("error", &load_error_in_a_line(&e)),
                ],
            ),
        });
    }
    if lines.is_empty() {
        let every = store::BACKUP_EVERY.as_secs() / 60;
        return Ok(fill(
            w.backups_none,
            &[
                ("path", &path.display()),
                ("folder", &folder.display()),
                ("every", &every),
                ("kept", &BACKUPS),
            ],
        ) + "\n");
    }
    let heading = fill(
        w.backups_heading,
        &[("path", &path.display()), ("folder", &folder.display())],
    );
    let body: String = lines.iter().map(|line| format!("  {line}\n")).collect();
    Ok(format!("{heading}\n{body}{}\n", w.backups_how_to_restore))
}

/// Puts backup `n` back in the board's place; the board as it was becomes backup 1.
pub fn restore(path: &Path, n: usize, clock: &dyn Clock) -> Result<String, Failure> {
    let w = &t().team;
    let mut store = Store::at(path).for_command();
    store.lock_waiting(super::change::LOCK_PATIENCE)?;
    let saved = std::fs::metadata(backup_path(&store::resolve_links(path), n))
        .and_then(|m| m.modified())
        .ok();
    match store.restore(n) {
        Ok(board) => Ok(fill(
            w.restored,
            &[
                ("n", &n),
                ("saved", &saved_at(saved, clock)),
                (
                    "deals",
                    &t().count(&t().board.deal_count, board.deals.len()),
                ),
                ("path", &path.display()),
            ],
        ) + "\n"),
        Err(RestoreError::Backup(LoadError {
            kind: LoadErrorKind::Missing,
            ..
        })) => Err(Failure(fill(
            w.no_such_backup,
            &[("n", &n), ("path", &path.display())],
        ))),
        Err(RestoreError::Backup(e)) => Err(Failure(fill(
            w.backup_cannot_be_read,
            &[("n", &n), ("error", &e)],
        ))),
        Err(RestoreError::Save(e)) => Err(e.into()),
    }
}

/// When a backup was saved, in the user's time: `Dec 3, 2026 15:20`.
fn saved_at(modified: Option<SystemTime>, clock: &dyn Clock) -> String {
    let Some(modified) = modified else {
        return "?".into();
    };
    let offset: FixedOffset = *clock.now().offset();
    let at = DateTime::<Utc>::from(modified).with_timezone(&offset);
    format!("{} {}", date_long(at.date_naive()), at.format("%H:%M"))
}

/// A file's size in whole kilobytes, at least 1.
fn size(bytes: u64) -> String {
    let kb = bytes.div_ceil(1024).max(1);
    fill(
        t().team.kilobytes,
        &[("kb", &crate::text::number(u128::from(kb)))],
    )
}
