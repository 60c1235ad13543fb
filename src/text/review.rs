//! The words of the stand-up review (`dealboard review`).

catalogue! {
pub struct ReviewText {
    /// `{boards}`: how many boards are shown.
    pub boards: super::Plural,
    pub everyone: &'static str,
    /// `{shown}` of `{count}` boards could be read.
    pub some_boards: &'static str,
    /// `{owner}`.
    pub turn_of: &'static str,
    /// `{count}` changes since `{since}`.
    pub changes_since: super::Plural,
    pub open: &'static str,
    pub weighted: &'static str,
    pub won_since: &'static str,
    pub lost_since: &'static str,
    pub attention_only: &'static str,
    pub read_only: &'static str,
    pub no_changes: &'static str,
    /// `{owner}`: asked for with `--owner`, not on any board.
    pub no_such_owner: &'static str,
    /// `{file}`, `{error}`.
    pub unreadable: &'static str,
    pub no_boards: &'static str,
    /// `{file}`, `{error}`: a file that could not be read at all, so none of its deals show.
    pub left_out: &'static str,
    /// `{file}` (the team's `team.ron`), `{error}`: its rates as last read are used.
    pub team_unreadable: &'static str,
    /// A presented file that is no longer there.
    pub gone: &'static str,
    /// `{at}` of `{count}`.
    pub change_heading: &'static str,
    pub created: &'static str,
    /// `{from}` `{to}`: stage names.
    pub moved_forward: &'static str,
    pub moved_back: &'static str,
    pub won: &'static str,
    /// `{reason}`.
    pub lost: &'static str,
    /// `{from}` `{to}`: dates.
    pub close_pushed: &'static str,
    pub no_date: &'static str,
    /// Short marks on a card, for each kind of change.
    pub mark_created: &'static str,
    /// `{days}` untouched, longer than the stage allows.
    pub idle: &'static str,
    /// An open deal expected to close later this month.
    pub closes_on: &'static str,
    /// An open deal whose expected close has passed.
    pub close_passed: &'static str,
    pub mark_forward: &'static str,
    pub mark_back: &'static str,
    pub mark_won: &'static str,
    pub mark_lost: &'static str,
    pub mark_pushed: &'static str,
    pub nothing_here: &'static str,
    pub nothing_needs_attention: &'static str,
    /// `{count}` stages with deals out of sight, to the left and to the right.
    pub more_left: &'static str,
    pub more_right: &'static str,
    pub empty_hidden: super::Plural,
    pub help_heading: &'static str,
    pub key_next_person: &'static str,
    pub key_previous_person: &'static str,
    pub key_next_change: &'static str,
    pub key_previous_change: &'static str,
    pub key_focus: &'static str,
    pub key_attention: &'static str,
    pub key_people: &'static str,
    pub key_report: &'static str,
    /// Over the people table: `{date}` is the review's day.
    pub people_heading: &'static str,
    pub key_read_only: &'static str,
    pub key_scroll_up: &'static str,
    pub key_scroll_down: &'static str,
    /// Esc on the board, where it does not quit.
    pub q_quits: &'static str,
    /// Under a panel whose text goes on below.
    pub more_in_panel: &'static str,
}
}
