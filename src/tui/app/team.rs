//! The app's side of a team folder: the sync key, and what a finished sync or look brings.

use super::App;
use super::team_link::Outcome;
use crate::store::git::Behind;
use crate::text::sync_words::{cut_off_lines, incoming_lines};
use crate::text::{fill, t};

/// How the team folder stands, for the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamState {
    Syncing,
    /// As last looked at (nothing yet: zero both ways).
    Standing(Behind),
}

impl App {
    /// The team folder's state, when the board is in one.
    pub fn team_state(&self) -> Option<TeamState> {
        let team = self.team.as_ref()?;
        Some(if team.is_syncing() {
            TeamState::Syncing
        } else {
            TeamState::Standing(team.state.unwrap_or_default())
        })
    }

    /// The sync key: share this board's changes and take the team's in, off the key path.
    pub(super) fn sync_with_team(&mut self) {
        let Some(team) = &mut self.team else {
            return self.show_info(t().team.not_in_team.to_string());
        };
        if team.sync(true) {
            self.show_info(t().team.syncing.to_string());
        }
    }

    /// What a sync or a look brought. A sync the user asked for always says how it went; one
    /// made by itself speaks only when something came in or it failed.
    pub(super) fn take_team_news(&mut self) {
        let Some(team) = &mut self.team else {
            return;
        };
        let Some(Outcome::Synced {
            synced, by_hand, ..
        }) = team.take()
        else {
            return;
        };
        match synced {
            Ok(report) if report.incoming.is_empty() && report.cut_off.is_none() => {
                if by_hand {
                    self.show_info(t().team.synced_nothing.to_string());
                }
            }
            Ok(report) => {
                // What came in is on screen at once, not at the next look at the file; the
                // sync's words say what it was.
                self.watch_file();
                let mut lines = cut_off_lines(&report.cut_off);
                lines.extend(incoming_lines(&report.incoming));
                self.show_info(fill(t().team.synced, &[("what", &lines.join("\n"))]));
            }
            Err(words) => {
                self.show_error(fill(t().team.sync_failed, &[("error", &words)]));
            }
        }
    }
}
