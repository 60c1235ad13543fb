//! "Is the process still useful?" The article's last advice: judge a process by whether sellers
//! follow it, and change it when they do not. From the moves of a period, the places where they
//! do not: exit criteria left unticked in most moves on, stages most moves jump over, stages
//! deals often go back from, and stages where one seller's conversion is far from everyone
//! else's. Each comes with the counts behind it, so a team can weigh it; the wording (a question)
//! is the text layer's.

use chrono::{DateTime, FixedOffset};

use super::period::Window;
use super::{Stats, funnel};
use crate::model::{Board, Deal};

/// Fewer moves than this say nothing about a stage or a criterion: no question is asked.
pub const MIN_MOVES: usize = 5;
/// Moves back from a stage worth asking about: one in four.
const OFTEN_BACK: f64 = 0.25;
/// Conversions of fewer deals than this on either side are not compared.
const FEWEST_DEALS: usize = crate::report::comparison::TOO_FEW_DEALS;
/// A seller's conversion at a stage this far (25 points) from the others' is worth asking about.
const FAR_POINTS: f64 = 0.25;

#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// An exit criterion left unticked in most moves on from its stage.
    Skipped {
        stage: String,
        criterion: String,
        skipped: usize,
        moves: usize,
    },
    /// A stage that most moves past it jumped over.
    JumpedOver {
        stage: String,
        jumped: usize,
        passed: usize,
    },
    /// A stage deals often go back from.
    MovedBack {
        stage: String,
        back: usize,
        moves: usize,
    },
    /// One seller's conversion at a stage, far from the other sellers'.
    FarConversion {
        stage: String,
        owner: String,
        conversion: f64,
        deals: usize,
        others: f64,
        others_deals: usize,
    },
}

/// The questions `stats` (of `board`'s deals in `window`) raises, stage by stage in board
/// order. Conversion is compared between owners only in a report over everyone's deals.
pub fn questions(
    board: &Board,
    stats: &Stats,
    window: &Window,
    now: DateTime<FixedOffset>,
) -> Vec<Question> {
    let mut questions = Vec::new();
    for compliance in &stats.compliance {
        let stage = &compliance.name;
        for (criterion, skipped) in &compliance.skipped {
            let moves = compliance.moves_on;
            let in_checklist = board
                .stage(&compliance.id)
                .is_some_and(|s| s.checklist.contains(criterion));
            if in_checklist && moves >= MIN_MOVES && skipped * 2 > moves {
                questions.push(Question::Skipped {
                    stage: stage.clone(),
                    criterion: criterion.clone(),
                    skipped: *skipped,
                    moves,
                });
            }
        }
        let passed = compliance.jumped_over + compliance.moves_on;
        if passed >= MIN_MOVES && compliance.jumped_over * 2 > passed {
            questions.push(Question::JumpedOver {
                stage: stage.clone(),
                jumped: compliance.jumped_over,
                passed,
            });
        }
        let moves = compliance.moves_on + compliance.moved_back;
        if moves >= MIN_MOVES && compliance.moved_back as f64 >= OFTEN_BACK * moves as f64 {
            questions.push(Question::MovedBack {
                stage: stage.clone(),
                back: compliance.moved_back,
                moves,
            });
        }
    }
    if stats.owner.is_none() {
        questions.extend(far_conversions(board, stats, window, now));
    }
    questions
}

/// Stages where one owner's deals convert far from the rest's, both sides with enough deals.
fn far_conversions(
    board: &Board,
    stats: &Stats,
    window: &Window,
    now: DateTime<FixedOffset>,
) -> Vec<Question> {
    // Each owner's deals (names in any case are one owner): one pass over the deals in all.
    let mut owners: Vec<(String, Vec<&Deal>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for deal in board.deals.iter().map(AsRef::as_ref) {
        let at = *index
            .entry(deal.owner.trim().to_lowercase())
            .or_insert_with(|| {
                owners.push((deal.owner.trim().to_string(), Vec::new()));
                owners.len() - 1
            });
        owners[at].1.push(deal);
    }
    if owners.len() < 2 {
        return Vec::new();
    }
    let mut questions = Vec::new();
    for (owner, deals) in owners.iter().filter(|(o, _)| !o.is_empty()) {
        let flows = funnel::flows(board, deals, window, now);
        for (own, all) in flows.iter().zip(&stats.stages) {
            let (others, others_went) = (all.entered - own.entered, all.went_on - own.went_on);
            if own.conversion.is_none() || own.entered < FEWEST_DEALS || others < FEWEST_DEALS {
                continue;
            }
            let conversion = own.went_on as f64 / own.entered as f64;
            let rest = others_went as f64 / others as f64;
            if (conversion - rest).abs() >= FAR_POINTS {
                questions.push(Question::FarConversion {
                    stage: own.name.clone(),
                    owner: owner.clone(),
                    conversion,
                    deals: own.entered,
                    others: rest,
                    others_deals: others,
                });
            }
        }
    }
    questions
}
