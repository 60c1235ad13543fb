//! The words of sharing boards through git (`dealboard team init`, `sync`, the app's sync
//! state) and of backups kept in the user's data folder (`backups`, `restore`).

use super::Plural;

catalogue! {
pub struct TeamText {
    pub backups_about: &'static str,
    pub restore_about: &'static str,
    pub arg_backup_number: &'static str,
    /// `{path}` (the board), `{folder}` (where its backups are).
    pub backups_heading: &'static str,
    /// `{n}`, `{saved}` (date and time), `{deals}` (counted), `{size}`.
    pub backup_line: &'static str,
    /// `{n}`, `{saved}`, `{error}`.
    pub backup_unreadable: &'static str,
    /// `{kb}`.
    pub kilobytes: &'static str,
    /// `{path}`, `{folder}`, `{every}` (minutes), `{kept}`.
    pub backups_none: &'static str,
    pub backups_how_to_restore: &'static str,
    /// `{n}`, `{saved}`, `{deals}`, `{path}`.
    pub restored: &'static str,
    /// `{n}`, `{path}`.
    pub no_such_backup: &'static str,
    /// `{n}`, `{error}`.
    pub backup_cannot_be_read: &'static str,

    pub team_about: &'static str,
    pub team_init_about: &'static str,
    pub arg_team_dir: &'static str,
    pub arg_remote: &'static str,
    pub arg_team_name: &'static str,
    pub git_missing: &'static str,
    /// `{what}` (the git command), `{folder}`, `{error}`.
    pub git_failed: &'static str,
    /// `{folder}`.
    pub made_repository: &'static str,
    /// `{folder}`.
    pub was_repository: &'static str,
    /// `{folder}`, `{top}`: the repository above the folder that will carry its boards.
    pub inside_repository: &'static str,
    pub attributes_written: &'static str,
    pub attributes_kept: &'static str,
    /// `{command}`.
    pub driver_registered: &'static str,
    pub ignore_written: &'static str,
    pub ignore_kept: &'static str,
    /// `{name}`.
    pub team_file_written: &'static str,
    /// `{name}`.
    pub team_file_kept: &'static str,
    /// `{url}`.
    pub remote_set: &'static str,
    /// `{url}`.
    pub remote_kept: &'static str,
    /// `{old}`, `{url}`: a different remote named; the one there is kept.
    pub remote_differs: &'static str,
    pub first_commit: &'static str,
    pub team_init_next: &'static str,
    /// `{folder}`.
    pub not_a_folder: &'static str,

    pub sync_about: &'static str,
    pub arg_sync_dir: &'static str,
    pub arg_sync_merge: &'static str,
    /// `{folder}`.
    pub not_a_team_folder: &'static str,
    /// `{message}`: the commit's first line.
    pub committed: &'static str,
    pub nothing_to_commit: &'static str,
    /// `{url}`.
    pub no_remote: &'static str,
    /// `{url}`, `{error}`.
    pub offline: &'static str,
    pub commit_kept: &'static str,
    /// `{error}`.
    pub rolled_back: &'static str,
    /// `{url}`, `{error}`.
    pub push_refused: &'static str,
    /// `{url}`.
    pub pushed: &'static str,
    /// `{url}`.
    pub up_to_date: &'static str,
    pub came_in: Plural,
    pub nothing_came_in: &'static str,
    /// `{who}`, `{what}`.
    pub came_in_from: &'static str,
    pub more_came_in: Plural,
    /// `{folder}`: a git operation under way that sync did not start.
    pub git_busy: &'static str,
    /// `{folder}`: another sync of the repository did not end in time.
    pub sync_under_way: &'static str,
    /// `{files}`: tracked files other than boards with changes not committed.
    pub uncommitted: &'static str,
    pub cut_off: &'static str,
    /// `{path}`, `{error}`: a side of a board the merge driver cannot read.
    pub merge_base_unreadable: &'static str,
    pub merge_side_unreadable: &'static str,
    /// `{copies}`: boards changed while a sync was cut off, kept beside themselves.
    pub cut_off_kept: &'static str,

    // What a commit says changed on a board, in words.
    /// `{id}`, `{title}`.
    pub added: &'static str,
    /// `{id}`, `{stage}`.
    pub moved: &'static str,
    /// `{id}`.
    pub won: &'static str,
    /// `{id}`.
    pub lost: &'static str,
    /// `{id}`.
    pub reopened: &'static str,
    /// `{id}`.
    pub edited: &'static str,
    /// `{id}`.
    pub deleted: &'static str,
    pub process_changed: &'static str,
    pub settings_changed: &'static str,
    /// `{deals}` (counted).
    pub new_board: &'static str,
    pub board_removed: &'static str,
    pub team_file_changed: &'static str,
    pub more_changes: Plural,
    /// `{who}` (who commits), `{board}` (whose board it is): changes to another's board.
    pub on_board: &'static str,

    // The app.
    /// `{count}` commits not yet shared.
    pub ahead: &'static str,
    /// `{count}` commits of the team not yet taken in.
    pub behind: &'static str,
    pub syncing: &'static str,
    /// `{what}`: what came in, in a few words.
    pub synced: &'static str,
    pub synced_nothing: &'static str,
    /// `{error}`.
    pub sync_failed: &'static str,
    pub not_in_team: &'static str,
    /// The key's line in help.
    pub key_sync: &'static str,
    /// The key's hint in the status bar.
    pub hint_sync: &'static str,
}
}
