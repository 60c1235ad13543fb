//! The customers: each company with what it is worth to the seller: its open pipeline, what it
//! bought and how often (repeat customers), when it was last contacted, the deals it brought by
//! referral, and its latest feedback. The customers screen and `dealboard companies` show the
//! same figures.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::model::{Board, Company, Deal, DealId, Feedback, Referral, Status, Totals, same_name};

#[derive(Clone, Debug)]
pub struct Customer {
    pub company: Company,
    pub open: Totals,
    pub won: Totals,
    /// Deals won: two or more make a repeat customer.
    pub won_deals: usize,
    pub open_deals: usize,
    pub lost_deals: usize,
    /// The last time anyone was in touch: an activity done, a dated note, feedback, a deal won
    /// or lost (planning or putting something off is not contact).
    pub last_contact: Option<DateTime<Utc>>,
    /// Deals that came by its referral (a deal of this company named as the referrer, or the
    /// company itself named).
    pub referrals: usize,
    pub feedback: Option<Feedback>,
}

impl Customer {
    pub fn is_repeat(&self) -> bool {
        self.won_deals >= 2
    }

    fn of(company: &Company) -> Customer {
        Customer {
            company: company.clone(),
            open: Totals::default(),
            won: Totals::default(),
            won_deals: 0,
            open_deals: 0,
            lost_deals: 0,
            last_contact: None,
            referrals: 0,
            feedback: None,
        }
    }

    fn count(&mut self, deal: &Deal) {
        match deal.status {
            Status::Open => {
                self.open.add(deal.value);
                self.open_deals += 1;
            }
            Status::Won { .. } => {
                self.won.add(deal.value);
                self.won_deals += 1;
            }
            Status::Lost { .. } => self.lost_deals += 1,
        }
        let done = deal.done_actions.iter().map(|a| a.done);
        let noted = deal.dated_notes.iter().map(|n| n.at);
        let said = deal.feedback.iter().map(|f| f.at);
        let closed = deal.events.iter().map(|e| e.at);
        let latest = done.chain(noted).chain(said).chain(closed).max();
        self.last_contact = self.last_contact.max(latest);
        if let Some(f) = deal.latest_feedback()
            && self.feedback.as_ref().is_none_or(|seen| seen.at < f.at)
        {
            self.feedback = Some(f.clone());
        }
    }
}

/// Every company on the board, by name (one a company named only by deals, which a hand-edited
/// or merged file may leave), its deals counted in one pass over the board (so a big board with
/// many customers stays quick).
pub fn customers(board: &Board) -> Vec<Customer> {
    let key = |name: &str| name.trim().to_lowercase();
    let mut rows: Vec<Customer> = board.companies.iter().map(Customer::of).collect();
    let mut known: std::collections::HashSet<String> =
        rows.iter().map(|c| key(&c.company.name)).collect();
    for deal in board.deals.iter().filter(|d| !d.company.trim().is_empty()) {
        if !known.contains(&key(&deal.company)) {
            known.insert(key(&deal.company));
            rows.push(Customer::of(&Company {
                name: deal.company.trim().to_string(),
                ..Company::default()
            }));
        }
    }
    rows.sort_by_cached_key(|c| key(&c.company.name));
    let at: HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, c)| (key(&c.company.name), i))
        .collect();
    let mut company_of: HashMap<DealId, usize> = HashMap::new();
    for deal in board.deals.iter().filter(|d| !d.company.is_empty()) {
        if let Some(&i) = at.get(&key(&deal.company)) {
            rows[i].count(deal);
            company_of.insert(deal.id, i);
        }
    }
    for deal in board.deals.iter() {
        let brought_by = match &deal.referred_by {
            Some(Referral::Deal(id)) => company_of.get(id).copied(),
            Some(Referral::Person(name)) => at.get(&key(name)).copied(),
            None => None,
        };
        if let Some(i) = brought_by {
            rows[i].referrals += 1;
        }
    }
    rows
}

/// One company's figures.
pub fn customer(board: &Board, company: &Company) -> Customer {
    let mut row = Customer::of(company);
    let theirs: Vec<&Deal> = board.deals_of(&company.name).collect();
    for deal in &theirs {
        row.count(deal);
    }
    row.referrals = board
        .deals
        .iter()
        .filter(|d| match &d.referred_by {
            Some(Referral::Deal(id)) => theirs.iter().any(|t| t.id == *id),
            Some(Referral::Person(name)) => same_name(name, &company.name),
            None => false,
        })
        .count();
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageId;
    use crate::test_boards::moment;

    #[test]
    fn a_company_sums_its_deals_and_counts_what_it_brought() {
        let mut board = crate::store::default_board().unwrap();
        let lead = StageId("lead".into());
        let add = |board: &mut Board, title: &str, company: &str| {
            board
                .add_deal(&lead, moment(), |d| {
                    d.title = title.into();
                    d.company = company.into();
                    d.value.minor = 10_000;
                })
                .unwrap()
                .0
        };
        let first = add(&mut board, "First", "Acme");
        let second = add(&mut board, "Second", "acme");
        add(&mut board, "Third", "ACME");
        add(&mut board, "Other", "Globex");
        board.mark_won(first, moment()).unwrap();
        board.mark_won(second, moment()).unwrap();
        let later = moment() + chrono::Duration::days(2);
        board.add_feedback(second, 4, "Good", later).unwrap();
        board
            .add_deal(&lead, moment(), |d| {
                d.title = "Referred".into();
                d.company = "Globex".into();
                d.referred_by = Some(Referral::Deal(first));
            })
            .unwrap();
        let rows = customers(&board);
        let names: Vec<&str> = rows.iter().map(|r| r.company.name.as_str()).collect();
        assert_eq!(
            names,
            ["Acme", "Globex"],
            "one record per name, whatever its case"
        );
        let acme = &rows[0];
        assert_eq!((acme.won_deals, acme.open_deals, acme.referrals), (2, 1, 1));
        assert!(acme.is_repeat());
        assert_eq!(acme.feedback.as_ref().map(|f| f.rating), Some(4));
        assert_eq!(customer(&board, &acme.company).referrals, 1);
        assert_eq!(acme.last_contact, Some(later));
        assert_eq!(rows[1].won_deals, 0);
        assert!(board.deal(DealId(3)).is_some());
    }
}
