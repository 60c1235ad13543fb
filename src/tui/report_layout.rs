//! Where the process report's sections go, worked out from the terminal size and the figures
//! alone. Both drawing and `update` (which keeps the scroll in range) use it, so they agree.
//!
//! Sections keep a fixed reading order and are never split. A narrow screen stacks them in one
//! column that scrolls; a wide one (a projector) sets two or three columns side by side, the
//! order cut where the columns come out most even.

use crate::display_width::width as display_width;
use crate::report::analytics::Stats;
use crate::text::reports;
use crate::tui::app::{PeriodPreset, ReportsView};

/// A section narrower than this gets its tables cramped: fewer columns are used instead.
pub const MIN_SECTION_WIDTH: u16 = 56;
/// More columns than this would make each too short to read across a room.
pub const MAX_COLUMNS: usize = 3;
/// Cells between two columns of sections.
pub const COLUMN_GAP: u16 = 3;
/// Cells kept free inside the border, left and right.
pub const MARGIN: u16 = 1;
/// Rows the status bar takes below the screen (a long message may take more for a moment).
const STATUS_HEIGHT: u16 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    KeyFigures,
    Funnel,
    Stages,
    Forecast,
    LostReasons,
    Sources,
    Owners,
    Compliance,
    OwnerCompliance,
    /// "Is the process still useful?"
    Questions,
    /// Before and after a change to the process: the key figures, the stages, the criteria.
    ChangeFigures,
    ChangeStages,
    ChangeCriteria,
}

impl Section {
    /// The reading order: the headline figures first, then the flow through the stages, what
    /// is coming, why deals are lost, who brings and wins them, and whether the process is kept.
    pub const ALL: [Section; 9] = [
        Section::KeyFigures,
        Section::Funnel,
        Section::Stages,
        Section::Forecast,
        Section::LostReasons,
        Section::Sources,
        Section::Owners,
        Section::Compliance,
        Section::OwnerCompliance,
    ];

    /// Before and after a change, in place of the period's sections.
    pub const CHANGE: [Section; 3] = [
        Section::ChangeFigures,
        Section::ChangeStages,
        Section::ChangeCriteria,
    ];
}

/// The sections `view` shows, in reading order: none while counting.
pub fn sections(view: &ReportsView) -> Vec<Section> {
    if view.counting {
        Vec::new()
    } else if view.sides().is_some() {
        Section::CHANGE.to_vec()
    } else {
        Section::ALL
            .into_iter()
            .chain([Section::Questions])
            .collect()
    }
}

/// Key figures of a comparison: deals, won, lost, win rate, cycle, moves with skips.
pub const CHANGE_FIGURES: usize = 6;

/// The lines a question about the process takes in `room` cells (after its bullet).
pub fn question_lines(text: &str, room: u16) -> Vec<String> {
    crate::display_width::wrap(text, usize::from(room).saturating_sub(3).max(10))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLayout {
    /// Rows at the top that do not scroll: the period, the owner, the comparison.
    pub header: u16,
    /// The sections of each column, left to right.
    pub columns: Vec<Vec<Section>>,
    pub column_width: u16,
    /// Rows of sections on screen at once.
    pub body: u16,
    /// Rows of the tallest column.
    pub content: u16,
}

impl ReportLayout {
    pub fn max_scroll(&self) -> u16 {
        self.content.saturating_sub(self.body)
    }
}

/// Nothing came in, moved on or closed in the period (the pipeline may still be open).
pub fn nothing_happened(stats: &Stats) -> bool {
    stats.headline.won_count + stats.headline.lost_count == 0
        && stats.stages.iter().all(|s| s.entered == 0)
        && stats.sources.is_empty()
        && stats
            .compliance
            .iter()
            .all(|s| s.moves_on + s.moved_back == 0)
}

/// The header's period (` ◂ Last 90 days ▸ 2026-08-30 – 2026-11-27`) and owner
/// (`   Owner: ◂ everyone ▸`), as the screen writes them.
pub fn header_parts(view: &ReportsView) -> (String, String) {
    let choice = &view.choice;
    let mut period = format!(" ◂ {} ▸", choice.preset.name());
    if let Some(what) = change_words(view) {
        // A pilot has nothing before or after it to step to.
        period = match view.pilot {
            Some(_) => format!(" {what}"),
            None => format!(" ◂ {what} ▸"),
        };
    } else if choice.preset != PeriodPreset::AllTime {
        period.push(' ');
        period.push_str(&reports::period(&view.stats.period));
    }
    let owner = choice
        .owner
        .as_deref()
        .unwrap_or(crate::text::t().reports.everyone);
    let owner = format!("   {} ◂ {owner} ▸", crate::text::t().report_screen.owner);
    (period, owner)
}

/// `Change 2 of 3 · Dec 3, 2026 09:14`: what the header shows in place of the period when the
/// report is before and after a change.
pub fn change_words(view: &ReportsView) -> Option<String> {
    if let Some(pilot) = &view.pilot {
        let offset = pilot.comparison.after.stats_offset();
        let date = crate::text::versions::when(pilot.since, offset);
        return Some(crate::text::fill(
            crate::text::t().versions.pilot_heading,
            &[("date", &date), ("boards", &pilot.boards.join(", "))],
        ));
    }
    let change = view.change.as_ref()?;
    let date = crate::text::versions::when(change.at, change.comparison.after.stats_offset());
    Some(crate::text::fill(
        crate::text::t().versions.change_of,
        &[
            ("n", &change.change),
            ("count", &view.changes),
            ("date", &date),
        ],
    ))
}

/// Whether the period and the owner need a line each in `width` cells.
pub fn header_split(view: &ReportsView, width: u16) -> bool {
    let (period, owner) = header_parts(view);
    display_width(&period) + display_width(&owner) > usize::from(width)
}

/// Rows above the sections: the period and owner (on two lines if need be); the rates money
/// is converted with, when there are; the comparison when asked for; and a word when the
/// period is empty.
pub fn header_height(view: &ReportsView, width: u16) -> u16 {
    1 + u16::from(header_split(view, width))
        + u16::from(view.stats.rates.is_some())
        + u16::from(view.choice.compare && view.sides().is_none())
        + u16::from(view.counting || (view.sides().is_none() && nothing_happened(&view.stats)))
}

/// Rows a section takes, its heading included. The drawing makes exactly this many lines
/// (lines never wrap), whatever the width.
pub fn section_height(section: Section, view: &ReportsView, room: u16) -> u16 {
    let stats = &view.stats;
    let stages = stats.stages.len();
    // A table is a header and its rows, or one line saying there is nothing.
    let table = |rows: usize| if rows == 0 { 1 } else { rows + 1 };
    let rows = match section {
        Section::KeyFigures => KEY_FIGURES + usize::from(view.before.is_some()),
        Section::Funnel if stats.stages.iter().all(|s| s.entered == 0) => 1,
        Section::Funnel => stages + 1,
        Section::Stages => stages + 1 + usize::from(stats.slowest_stage.is_some()),
        // A line per month and currency, under a key.
        Section::Forecast => table(stats.forecast.iter().map(|m| m.value.iter().count()).sum()),
        Section::LostReasons => table(stats.lost_reasons.len()),
        Section::Sources => table(stats.sources.len()),
        Section::Owners => table(stats.owners.len()),
        Section::Compliance => stages + 1,
        Section::OwnerCompliance => table(stats.owner_compliance.len()),
        Section::Questions if view.questions.is_empty() => {
            question_lines(crate::text::t().versions.no_questions, room).len()
        }
        Section::Questions => view
            .questions
            .iter()
            .map(|q| question_lines(&crate::text::versions::question_words(q), room).len())
            .sum(),
        Section::ChangeFigures => view.sides().map_or(0, |(_, reason)| {
            2 + usize::from(!reason.is_empty()) + 1 + CHANGE_FIGURES
        }),
        Section::ChangeStages => view.sides().map_or(0, |(c, _)| 1 + c.stages().len()),
        Section::ChangeCriteria => table(view.sides().map_or(0, |(c, _)| c.criteria().len())),
    };
    u16::try_from(rows + 1).unwrap_or(u16::MAX)
}

/// Rows of key figures: open, weighted, won, lost, win rate, win rate by value, average won,
/// cycle, velocity.
pub const KEY_FIGURES: usize = 9;

/// The report's layout on a `width` × `height` terminal, above the status bar.
pub fn for_terminal(width: u16, height: u16, view: &ReportsView) -> ReportLayout {
    report_layout(width, height.saturating_sub(STATUS_HEIGHT), view)
}

/// The report's layout in a screen of `width` × `height`, its border included.
pub fn report_layout(width: u16, height: u16, view: &ReportsView) -> ReportLayout {
    let inner_width = width.saturating_sub(2 + 2 * MARGIN);
    let inner_height = height.saturating_sub(2);
    let header = header_height(view, width.saturating_sub(2)).min(inner_height);
    let body = inner_height - header;
    let fit = usize::from((inner_width + COLUMN_GAP) / (MIN_SECTION_WIDTH + COLUMN_GAP));
    let count = fit.clamp(1, MAX_COLUMNS);
    // No section while the figures are being worked out: what is held is not theirs.
    let sections = sections(view);
    let count = count.min(sections.len().max(1));
    let gaps = COLUMN_GAP * (count as u16).saturating_sub(1);
    let column_width = inner_width.saturating_sub(gaps) / count as u16;
    let heights: Vec<u16> = sections
        .iter()
        .map(|s| section_height(*s, view, column_width))
        .collect();
    let cuts = most_even_cuts(&heights, count);
    let mut columns = Vec::new();
    let mut content = 0;
    let mut start = 0;
    for end in cuts.iter().copied().chain([heights.len()]) {
        columns.push(sections[start..end].to_vec());
        content = content.max(column_height(heights[start..end].iter().copied()));
        start = end;
    }
    ReportLayout {
        header,
        columns,
        column_width,
        body,
        content,
    }
}

/// Sections one under another, a blank row between two.
fn column_height(heights: impl Iterator<Item = u16>) -> u16 {
    let mut total = 0u16;
    for (i, h) in heights.enumerate() {
        total = total.saturating_add(h + u16::from(i > 0));
    }
    total
}

/// Where to cut `heights` (in order) into at most `count` columns so that the tallest column is
/// as short as it can be, and among those the columns come out most even.
fn most_even_cuts(heights: &[u16], count: usize) -> Vec<usize> {
    let n = heights.len();
    let score = |cuts: &[usize]| {
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(n);
        let columns: Vec<u32> = bounds
            .windows(2)
            .map(|w| u32::from(column_height(heights[w[0]..w[1]].iter().copied())))
            .collect();
        let tallest = columns.iter().copied().max().unwrap_or(0);
        (tallest, columns.iter().map(|h| h * h).sum::<u32>())
    };
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new()];
    if count >= 2 {
        candidates.extend((1..n).map(|a| vec![a]));
    }
    if count >= 3 {
        candidates.extend((1..n).flat_map(|a| (a + 1..n).map(move |b| vec![a, b])));
    }
    candidates
        .into_iter()
        .min_by_key(|cuts| score(cuts))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_come_out_even_in_reading_order() {
        assert_eq!(most_even_cuts(&[10, 10, 10], 1), Vec::<usize>::new());
        assert_eq!(most_even_cuts(&[10, 10, 10], 3), vec![1, 2]);
        assert_eq!(most_even_cuts(&[30, 5, 5, 5, 5], 2), vec![1]);
        assert_eq!(most_even_cuts(&[5, 5, 5, 5, 30], 3), vec![2, 4]);
        // Two columns already as short as they get: no third one needed.
        assert_eq!(most_even_cuts(&[30, 30], 3), vec![1]);
        assert_eq!(column_height([3, 4, 5].into_iter()), 14);
    }
}
