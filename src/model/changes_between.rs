//! What changed on a board between two versions of it, deal by deal: the words of a sync's
//! commit message (`anna: moved #12 to Negotiation; won #7`).

use std::collections::HashMap;

use super::{Board, DealId, Deals, StageId, Status};

/// One deal's change, the most telling one when it changed in several ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealChange {
    Added { title: String },
    Deleted,
    Won,
    Lost,
    Reopened,
    Moved { to: StageId },
    Edited,
}

/// Everything that changed, deals in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardChanges {
    pub deals: Vec<(DealId, DealChange)>,
    /// Stages or their criteria.
    pub process: bool,
    /// Anything else of the board's own: name, owner, currency, rates, reasons, sources.
    pub settings: bool,
}

/// What changed from `before` to `after`.
pub fn changes_between(before: &Board, after: &Board) -> BoardChanges {
    let old: HashMap<DealId, &super::Deal> = before.deals.iter().map(|d| (d.id, &**d)).collect();
    let mut deals = Vec::new();
    for deal in after.deals.iter() {
        let change = match old.get(&deal.id) {
            None => Some(DealChange::Added {
                title: deal.title.clone(),
            }),
            Some(was) if **was == **deal => None,
            Some(was) => Some(match (&was.status, &deal.status) {
                (Status::Open, Status::Won { .. }) => DealChange::Won,
                (Status::Open, Status::Lost { .. }) => DealChange::Lost,
                (Status::Won { .. } | Status::Lost { .. }, Status::Open) => DealChange::Reopened,
                _ if was.stage != deal.stage => DealChange::Moved {
                    to: deal.stage.clone(),
                },
                _ => DealChange::Edited,
            }),
        };
        deals.extend(change.map(|c| (deal.id, c)));
    }
    let now: std::collections::HashSet<DealId> = after.deals.iter().map(|d| d.id).collect();
    deals.extend(
        before
            .deals
            .iter()
            .filter(|d| !now.contains(&d.id))
            .map(|d| (d.id, DealChange::Deleted)),
    );
    deals.sort_by_key(|(id, _)| *id);
    let own = |board: &Board| Board {
        deals: Deals::default(),
        stages: Vec::new(),
        next_deal_id: 0,
        ..board.clone()
    };
    BoardChanges {
        deals,
        process: before.stages != after.stages,
        settings: own(before) != own(after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_boards::demo;

    #[test]
    fn each_deal_says_its_most_telling_change_and_untouched_deals_say_nothing() {
        let before = demo(20);
        let mut after = before.clone();
        let ids: Vec<DealId> = after.deals.iter().map(|d| d.id).collect();
        let negotiation = after
            .stages
            .iter()
            .map(|s| s.id.clone())
            .find(|s| *s != after.deals[0].stage)
            .unwrap();
        after.deals[0] = std::sync::Arc::new(crate::model::Deal {
            stage: negotiation.clone(),
            ..(*after.deals[0]).clone()
        });
        after.deals[1] = std::sync::Arc::new(crate::model::Deal {
            title: "Renamed".into(),
            ..(*after.deals[1]).clone()
        });
        let gone = after.deals.remove(2).id;
        let changes = changes_between(&before, &after);
        assert_eq!(
            changes.deals,
            vec![
                (ids[0], DealChange::Moved { to: negotiation }),
                (ids[1], DealChange::Edited),
                (gone, DealChange::Deleted),
            ]
        );
        assert!(!changes.process && !changes.settings);
        after.name = "Other".into();
        after.stages[0].name = "Leads".into();
        let changes = changes_between(&before, &after);
        assert!(changes.process && changes.settings);
    }
}
