//! A board's list of deals, shared whole.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::deal::Deal;

/// The deals of a board, shared whole as well as one by one: a copy of the board (the save
/// handed to the writer at every change) costs one pointer, where a list of its own would
/// cost a pointer per deal, each in a deal of its own in memory (3 ms at 100,000 deals). The
/// list is copied when it is changed while a copy is still held (a save still being written);
/// a change copies only the deal it changes either way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deals(Arc<Vec<Arc<Deal>>>);

impl Deref for Deals {
    type Target = Vec<Arc<Deal>>;

    fn deref(&self) -> &Vec<Arc<Deal>> {
        &self.0
    }
}

impl DerefMut for Deals {
    /// The list to change: this board's own, copied first when a copy of the board holds it.
    fn deref_mut(&mut self) -> &mut Vec<Arc<Deal>> {
        Arc::make_mut(&mut self.0)
    }
}

impl From<Vec<Arc<Deal>>> for Deals {
    fn from(deals: Vec<Arc<Deal>>) -> Deals {
        Deals(Arc::new(deals))
    }
}

impl FromIterator<Arc<Deal>> for Deals {
    fn from_iter<I: IntoIterator<Item = Arc<Deal>>>(deals: I) -> Deals {
        Deals::from(deals.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a Deals {
    type Item = &'a Arc<Deal>;
    type IntoIter = std::slice::Iter<'a, Arc<Deal>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_the_list_until_one_of_them_changes_it() {
        let deal = |id| {
            Arc::new(Deal::new(
                super::super::DealId(id),
                "d",
                super::super::StageId("lead".into()),
                super::super::Money::zero(super::super::Currency::EUR),
                chrono::DateTime::UNIX_EPOCH,
            ))
        };
        let mut deals = Deals::from(vec![deal(1), deal(2)]);
        let copy = deals.clone();
        assert!(Arc::ptr_eq(&deals.0, &copy.0));
        deals.push(deal(3));
        assert_eq!((deals.len(), copy.len()), (3, 2));
        assert!(
            Arc::ptr_eq(&deals[0], &copy[0]),
            "the deals themselves still shared"
        );
    }
}
