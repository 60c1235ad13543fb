//! The board: the company's stages in order, and every deal.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::deal::{Deal, DealId, Status};
use super::deals::Deals;
use super::money::{Currency, Totals};
use super::process_log::ProcessChange;
use super::rates::Rates;
use super::records::{Company, Person};
use super::stage::{Phase, Stage, StageId};

/// The file format this build writes, and the newest it can read. Version 1 files (before lost
/// reasons, lead sources, sorting and the richer stage history) read as they are, and so do
/// versions 2 and 3 (before exchange rates); version 4 and older kept one next action per deal
/// and companies and contacts only as text on each deal (see `store::load::migrate`); version
/// 5 and older have no log of changes to the process.
pub const FORMAT_VERSION: u32 = 6;

/// The largest deal id: the largest whole number JSON readers keep exactly (2^53 - 1).
pub const MAX_DEAL_ID: u64 = (1 << 53) - 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub version: u32,
    pub name: String,
    /// Currency of a new deal unless one is given.
    pub currency: Currency,
    /// Owner given to new deals: usually the person whose board this is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The id the next new deal gets. Ids are never reused, even after a deal is deleted.
    pub next_deal_id: u64,
    pub stages: Vec<Stage>,
    /// Reasons offered when a deal is marked lost (free text is allowed too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost_reasons: Vec<String>,
    /// Where leads come from: offered for a deal's source, and counted in the reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How deals are ordered inside each column.
    #[serde(default, skip_serializing_if = "ColumnSort::is_manual")]
    pub sort: ColumnSort,
    /// Exchange rates for converted totals (`dealboard rates`); none: no converted figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<Rates>,
    /// The customers: companies the deals are with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companies: Vec<Company>,
    /// Their people: the deals' contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Every change made to the stages, oldest first (see [`ProcessChange`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process_log: Vec<ProcessChange>,
    /// Kept sorted by id, so the file lists deals in a stable order that diffs and merges well.
    /// Shared (see [`Deals`]): a copy of the board (a save in the background, a review's
    /// snapshot) costs a pointer, and a change copies only the deal it changes.
    #[serde(default)]
    pub deals: Deals,
}

/// The order of deals inside a column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnSort {
    /// As placed by hand (`J` / `K`); new and moved deals go on top.
    #[default]
    Manual,
    /// Overdue first, then by due date; deals with nothing planned last.
    NextAction,
    /// Largest first.
    Value,
    /// Soonest first; deals without a date last.
    ExpectedClose,
    /// Longest untouched first.
    Idle,
}

impl ColumnSort {
    pub const ALL: [ColumnSort; 5] = [
        ColumnSort::Manual,
        ColumnSort::NextAction,
        ColumnSort::Value,
        ColumnSort::ExpectedClose,
        ColumnSort::Idle,
    ];

    fn is_manual(&self) -> bool {
        *self == ColumnSort::Manual
    }

    /// The next order in the cycle the sort key steps through.
    pub fn next(self) -> ColumnSort {
        let at = ColumnSort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        ColumnSort::ALL[(at + 1) % ColumnSort::ALL.len()]
    }
}

/// Everything about a board but its deals: what a change to the process touches, kept whole in
/// an undo step (it is small).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Settings {
    name: String,
    currency: Currency,
    owner: String,
    stages: Vec<Stage>,
    lost_reasons: Vec<String>,
    sources: Vec<String>,
    sort: ColumnSort,
    companies: Vec<Company>,
    people: Vec<Person>,
    process_log: Vec<ProcessChange>,
}

impl Board {
    /// A board with no stages and no deals: what a review shows while no file can be read.
    pub fn placeholder() -> Board {
        Board {
            version: FORMAT_VERSION,
            name: String::new(),
            currency: Currency::EUR,
            owner: String::new(),
            next_deal_id: 1,
            stages: Vec::new(),
            lost_reasons: Vec::new(),
            sources: Vec::new(),
            sort: ColumnSort::Manual,
            rates: None,
            companies: Vec::new(),
            people: Vec::new(),
            process_log: Vec::new(),
            deals: Deals::default(),
        }
    }

    pub(super) fn settings(&self) -> Settings {
        Settings {
            name: self.name.clone(),
            currency: self.currency,
            owner: self.owner.clone(),
            stages: self.stages.clone(),
            lost_reasons: self.lost_reasons.clone(),
            sources: self.sources.clone(),
            sort: self.sort,
            companies: self.companies.clone(),
            people: self.people.clone(),
            process_log: self.process_log.clone(),
        }
    }

    pub(super) fn restore_settings(&mut self, settings: &Settings) {
        let s = settings.clone();
        self.name = s.name;
        self.currency = s.currency;
        self.owner = s.owner;
        self.stages = s.stages;
        self.lost_reasons = s.lost_reasons;
        self.sources = s.sources;
        self.sort = s.sort;
        self.companies = s.companies;
        self.people = s.people;
        self.process_log = s.process_log;
    }

    /// Every open deal's value, per currency, each sum knowing how many deals it holds.
    pub fn open_values(&self) -> Totals {
        let mut open = Totals::default();
        for deal in self.deals.iter().filter(|d| d.status == Status::Open) {
            open.add(deal.value);
        }
        open
    }

    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// A stage named as a person would: its name in any case, its id, or its 1-based number.
    pub fn find_stage(&self, name_or_number: &str) -> Option<&Stage> {
        let wanted = name_or_number.trim();
        if let Ok(number) = wanted.parse::<usize>() {
            return number.checked_sub(1).and_then(|i| self.stages.get(i));
        }
        let lower = wanted.to_lowercase();
        self.stages
            .iter()
            .find(|s| s.name.to_lowercase() == lower)
            .or_else(|| self.stages.iter().find(|s| s.id.as_str() == lower))
    }

    pub fn is_post_sale(&self, id: &StageId) -> bool {
        self.stage(id).is_some_and(|s| s.phase == Phase::PostSale)
    }

    pub fn deal(&self, id: DealId) -> Option<&Deal> {
        self.position_of(id).ok().map(|i| self.deals[i].as_ref())
    }

    /// The deal to change; a copy of the board that still shares it keeps the old one.
    pub(super) fn deal_mut(&mut self, id: DealId) -> Option<&mut Deal> {
        self.position_of(id)
            .ok()
            .map(|i| Arc::make_mut(&mut self.deals[i]))
    }

    /// Where deal `id` is in the sorted list (`Ok`), or where it would go (`Err`).
    pub fn position_of(&self, id: DealId) -> Result<usize, usize> {
        self.deals.binary_search_by_key(&id, |d| d.id)
    }

    /// The deals shown on the board, one list per stage in board order, each in manual order.
    /// One pass over all deals, so it stays cheap with a hundred thousand of them.
    pub fn columns(&self) -> Vec<Vec<&Arc<Deal>>> {
        let mut columns = self.columns_keeping(|_| true);
        for column in &mut columns {
            column.sort_unstable_by_key(|d| (d.rank, d.id));
        }
        columns
    }

    /// The deals shown on the board that `keep` keeps, one list per stage in board order, in
    /// the order of the deals list (not sorted).
    pub fn columns_keeping(&self, keep: impl Fn(&Deal) -> bool) -> Vec<Vec<&Arc<Deal>>> {
        let mut columns: Vec<Vec<&Arc<Deal>>> = vec![Vec::new(); self.stages.len()];
        for deal in &self.deals {
            if let Some(i) = self.stage_index(&deal.stage)
                && deal.is_on_board(self.stages[i].phase == Phase::PostSale)
                && keep(deal)
            {
                columns[i].push(deal);
            }
        }
        columns
    }

    /// The deals of one stage shown on the board, in manual order.
    pub fn column(&self, stage: &StageId) -> Vec<&Deal> {
        let post_sale = self.is_post_sale(stage);
        let mut column: Vec<&Deal> = self
            .deals
            .iter()
            .map(AsRef::as_ref)
            .filter(|d| &d.stage == stage && d.is_on_board(post_sale))
            .collect();
        column.sort_by_key(|d| (d.rank, d.id));
        column
    }
}
