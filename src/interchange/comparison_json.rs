//! Comparisons of two sides of the process as JSON: `change` in `stats --change N`, `pilot` in
//! the team report; and the questions of "Is the process still useful?". Each side is a whole
//! report (the `stats` shape) with its dates, its count of deals and whether that is too few.

use std::collections::BTreeMap;

use serde::Serialize;

use super::stats_json::StatsJson;
use super::utc;
use crate::report::analytics::{Question, StageFlow};
use crate::report::comparison::{Comparison, Side, TOO_FEW_DEALS};

#[derive(Serialize, Debug)]
pub struct ComparisonJson {
    /// Each side by name (`before` and `after`, or `pilot` and `rest`).
    #[serde(flatten)]
    pub sides: BTreeMap<&'static str, SideJson>,
    /// Every stage of either side; a side without the stage has `null`.
    pub stages: Vec<StageRowJson>,
    /// Every exit criterion of either side; `null` where a side's stage does not have it.
    pub criteria: Vec<CriterionRowJson>,
    /// A side with fewer deals than this has `too_few: true`.
    pub too_few_below: usize,
}

#[derive(Serialize, Debug)]
pub struct SideJson {
    /// `null`: from the beginning.
    pub from: Option<String>,
    pub to: String,
    pub deals: usize,
    pub too_few: bool,
    pub moves_on: usize,
    pub moves_with_skips: usize,
    pub report: StatsJson,
}

#[derive(Serialize, Debug)]
pub struct StageRowJson {
    pub stage: String,
    #[serde(flatten)]
    pub sides: BTreeMap<&'static str, Option<StageSideJson>>,
}

#[derive(Serialize, Debug)]
pub struct StageSideJson {
    pub entered: usize,
    pub went_on: usize,
    pub conversion: Option<f64>,
    pub median_days: Option<f64>,
}

#[derive(Serialize, Debug)]
pub struct CriterionRowJson {
    pub stage: String,
    pub criterion: String,
    #[serde(flatten)]
    pub sides: BTreeMap<&'static str, Option<SkipsJson>>,
}

#[derive(Serialize, Debug)]
pub struct SkipsJson {
    pub skipped: usize,
    pub moves_on: usize,
}

impl SideJson {
    fn of(side: &Side) -> SideJson {
        let (moves_with_skips, moves_on) = side.moves_with_skips();
        SideJson {
            from: side.from.as_ref().map(utc),
            to: utc(&side.to),
            deals: side.deals,
            too_few: side.too_few(),
            moves_on,
            moves_with_skips,
            report: StatsJson::new(&side.stats, None),
        }
    }
}

impl ComparisonJson {
    /// `names`: what the first side (before, the rest) and the second (after, the pilot) are
    /// called.
    pub fn of(comparison: &Comparison, names: [&'static str; 2]) -> ComparisonJson {
        let [first, second] = names;
        let flow = |f: Option<&StageFlow>| {
            f.map(|f| StageSideJson {
                entered: f.entered,
                went_on: f.went_on,
                conversion: f.conversion,
                median_days: f.time.median_days,
            })
        };
        let skips = |s: Option<(usize, usize)>| {
            s.map(|(skipped, moves_on)| SkipsJson { skipped, moves_on })
        };
        ComparisonJson {
            sides: BTreeMap::from([
                (first, SideJson::of(&comparison.before)),
                (second, SideJson::of(&comparison.after)),
            ]),
            stages: comparison
                .stages()
                .iter()
                .map(|row| StageRowJson {
                    stage: row.name.to_string(),
                    sides: BTreeMap::from([(first, flow(row.before)), (second, flow(row.after))]),
                })
                .collect(),
            criteria: comparison
                .criteria()
                .iter()
                .map(|row| CriterionRowJson {
                    stage: row.stage.to_string(),
                    criterion: row.criterion.to_string(),
                    sides: BTreeMap::from([(first, skips(row.before)), (second, skips(row.after))]),
                })
                .collect(),
            too_few_below: TOO_FEW_DEALS,
        }
    }
}

/// A question of "Is the process still useful?": `kind` is `skipped`, `jumped_over`,
/// `moved_back` or `far_conversion`; `text` says it in the language in use.
#[derive(Serialize, Debug)]
pub struct QuestionJson {
    pub kind: &'static str,
    pub stage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The moves (or deals) that raise the question, of how many.
    pub count: usize,
    pub of: usize,
    /// For `far_conversion`: the owner's conversion and the others'.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub others_conversion: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub others_deals: Option<usize>,
    pub text: String,
}

impl QuestionJson {
    pub fn of(question: &Question) -> QuestionJson {
        let text = crate::text::versions::question_words(question);
        let base = |kind, stage: &String, count, of| QuestionJson {
            kind,
            stage: stage.clone(),
            criterion: None,
            owner: None,
            count,
            of,
            conversion: None,
            others_conversion: None,
            others_deals: None,
            text: text.clone(),
        };
        match question {
            Question::Skipped {
                stage,
                criterion,
                skipped,
                moves,
            } => QuestionJson {
                criterion: Some(criterion.clone()),
                ..base("skipped", stage, *skipped, *moves)
            },
            Question::JumpedOver {
                stage,
                jumped,
                passed,
            } => base("jumped_over", stage, *jumped, *passed),
            Question::MovedBack { stage, back, moves } => base("moved_back", stage, *back, *moves),
            Question::FarConversion {
                stage,
                owner,
                conversion,
                deals,
                others,
                others_deals,
            } => QuestionJson {
                owner: Some(owner.clone()),
                conversion: Some(*conversion),
                others_conversion: Some(*others),
                others_deals: Some(*others_deals),
                ..base("far_conversion", stage, *deals, *deals)
            },
        }
    }
}
