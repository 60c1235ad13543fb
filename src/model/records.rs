//! Customers as records: companies and the people who work there, with their phone, e-mail and
//! notes. A deal names its company and contact; the names are the link (a name no record has
//! yet makes one), so renaming a record renames it in its deals too.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::board::Board;
use super::deal::Deal;
use super::edit::EditError;
use super::names::same_name;
use super::patch::Patch;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A contact person; `company` names the company they work at (empty: none known).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Board {
    /// The company record of that name (in any case).
    pub fn company(&self, name: &str) -> Option<&Company> {
        self.companies.iter().find(|c| same_name(&c.name, name))
    }

    /// The person of that name at that company (a person with no company matches any; no
    /// company given: the first person of that name).
    pub fn person(&self, name: &str, company: &str) -> Option<&Person> {
        let at = |p: &&Person| {
            company.is_empty() || p.company.is_empty() || same_name(&p.company, company)
        };
        let named = |p: &&Person| same_name(&p.name, name);
        self.people
            .iter()
            .filter(named)
            .find(|p| same_name(&p.company, company))
            .or_else(|| self.people.iter().filter(named).find(at))
    }

    /// The people who work at `company`.
    pub fn people_at<'a>(&'a self, company: &'a str) -> impl Iterator<Item = &'a Person> + 'a {
        self.people
            .iter()
            .filter(move |p| !company.is_empty() && same_name(&p.company, company))
    }

    /// Every deal of `company`, open and closed.
    pub fn deals_of<'a>(&'a self, company: &'a str) -> impl Iterator<Item = &'a Deal> + 'a {
        self.deals
            .iter()
            .map(AsRef::as_ref)
            .filter(move |d| !company.is_empty() && same_name(&d.company, company))
    }

    /// Puts the records in the order the file keeps them, by name (and company), so that two
    /// people's boards list them alike; and one record a name: names trimmed, a record with no
    /// name dropped, two of one name (in any case, as a hand edit or a merge may leave) made one:
    /// the one whose spelling sorts first, with what it lacks taken from the other.
    pub(super) fn sort_records(&mut self) {
        let name = |s: &str| (s.to_lowercase(), s.to_string());
        for c in &mut self.companies {
            trim_in_place(&mut c.name);
        }
        for p in &mut self.people {
            trim_in_place(&mut p.name);
            trim_in_place(&mut p.company);
        }
        self.companies.retain(|c| !c.name.is_empty());
        self.people.retain(|p| !p.name.is_empty());
        self.companies.sort_by_cached_key(|c| name(&c.name));
        self.people
            .sort_by_cached_key(|p| (name(&p.name), name(&p.company)));
        self.companies.dedup_by(|later, first| {
            let same = same_name(&later.name, &first.name);
            if same {
                fill_blanks(
                    [&mut first.phone, &mut first.email, &mut first.notes],
                    [&later.phone, &later.email, &later.notes],
                );
            }
            same
        });
        self.people.dedup_by(|later, first| {
            let same =
                same_name(&later.name, &first.name) && same_name(&later.company, &first.company);
            if same {
                fill_blanks(
                    [&mut first.phone, &mut first.email, &mut first.notes],
                    [&later.phone, &later.email, &later.notes],
                );
            }
            same
        });
    }

    /// The company's record, or one made from the name its deals give it when it has none (a
    /// hand-edited or merged file may name a company no record holds).
    pub fn company_or_named(&self, name: &str) -> Option<Company> {
        self.company(name).cloned().or_else(|| {
            self.deals_of(name).next().map(|d| Company {
                name: d.company.trim().to_string(),
                ..Company::default()
            })
        })
    }

    /// Makes the records a deal names that the board lacks: its company, and its contact (at
    /// that company).
    pub(super) fn keep_records_of(&mut self, deal: &Deal) {
        if !deal.company.is_empty() && self.company(&deal.company).is_none() {
            self.companies.push(Company {
                name: deal.company.clone(),
                ..Company::default()
            });
        }
        if !deal.contact.is_empty() && self.person(&deal.contact, &deal.company).is_none() {
            self.people.push(Person {
                name: deal.contact.clone(),
                company: deal.company.clone(),
                ..Person::default()
            });
        }
        self.sort_records();
    }

    /// Records for every company and contact the deals name: what a board from before format 5
    /// (when they were only text on each deal) gets once read.
    pub(crate) fn make_records_from_deals(&mut self) {
        let mut companies: HashSet<String> = self
            .companies
            .iter()
            .map(|c| c.name.to_lowercase())
            .collect();
        let mut people: HashSet<(String, String)> = self
            .people
            .iter()
            .map(|p| (p.name.to_lowercase(), p.company.to_lowercase()))
            .collect();
        for deal in self.deals.iter() {
            let (company, contact) = (deal.company.trim(), deal.contact.trim());
            if !company.is_empty() && companies.insert(company.to_lowercase()) {
                self.companies.push(Company {
                    name: company.to_string(),
                    ..Company::default()
                });
            }
            let key = (contact.to_lowercase(), company.to_lowercase());
            if !contact.is_empty() && people.insert(key) {
                self.people.push(Person {
                    name: contact.to_string(),
                    company: company.to_string(),
                    ..Person::default()
                });
            }
        }
        self.sort_records();
    }

    /// Changes company `name`'s record through `edit`; a new name is given to its deals and
    /// people too. `Ok(None)` when nothing changed.
    pub fn edit_company(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
        edit: impl FnOnce(&mut Company),
    ) -> Result<Option<Patch>, EditError> {
        if self.company(name).is_none()
            && let Some(named) = self.company_or_named(name)
        {
            // Named by deals only: the record is made for them now.
            self.companies.push(named);
        }
        let at = self
            .companies
            .iter()
            .position(|c| same_name(&c.name, name))
            .ok_or_else(|| EditError::NoCompany(name.to_string()))?;
        let old = self.companies[at].clone();
        let mut new = old.clone();
        edit(&mut new);
        new.name = new.name.trim().to_string();
        if new == old {
            return Ok(None);
        }
        check_record(&[&new.name, &new.phone, &new.email], &new.notes)?;
        let renamed = new.name != old.name;
        if !same_name(&new.name, &old.name) && self.company(&new.name).is_some() {
            return Err(EditError::CompanyExists(new.name));
        }
        let ids: Vec<_> = if renamed {
            self.deals_of(&old.name).map(|d| d.id).collect()
        } else {
            Vec::new()
        };
        Ok(Some(self.record(&ids, |board| {
            for id in &ids {
                if let Some(deal) = board.deal_mut(*id) {
                    deal.company = new.name.clone();
                    deal.updated = now;
                }
            }
            for person in &mut board.people {
                if renamed && same_name(&person.company, &old.name) {
                    person.company = new.name.clone();
                }
            }
            board.companies[at] = new;
            board.sort_records();
        })))
    }

    /// Changes the record of `name` at `company` through `edit`, as [`Board::edit_company`]
    /// does: a new name goes to the deals naming them as contact there (a new company does
    /// not: those deals were with the company they were with).
    pub fn edit_person(
        &mut self,
        name: &str,
        company: &str,
        now: DateTime<Utc>,
        edit: impl FnOnce(&mut Person),
    ) -> Result<Option<Patch>, EditError> {
        let found = self.person(name, company).cloned();
        let old = found.ok_or_else(|| EditError::NoPerson(name.to_string()))?;
        let at = self
            .people
            .iter()
            .position(|p| *p == old)
            .unwrap_or_default();
        let mut new = old.clone();
        edit(&mut new);
        new.name = new.name.trim().to_string();
        new.company = new.company.trim().to_string();
        if new == old {
            return Ok(None);
        }
        check_record(
            &[&new.name, &new.company, &new.phone, &new.email],
            &new.notes,
        )?;
        let ids: Vec<_> = self
            .deals
            .iter()
            .filter(|d| same_name(&d.contact, &old.name) && same_name(&d.company, &old.company))
            .map(|d| d.id)
            .collect();
        Ok(Some(self.record(&ids, |board| {
            for id in &ids {
                if let Some(deal) = board.deal_mut(*id) {
                    deal.contact = new.name.clone();
                    deal.updated = now;
                }
            }
            board.people[at] = new.clone();
            if !new.company.is_empty() && board.company(&new.company).is_none() {
                board.companies.push(Company {
                    name: new.company.clone(),
                    ..Company::default()
                });
            }
            board.sort_records();
        })))
    }
}

/// A record's one-line texts and its notes keep the rules every text on the board keeps.
fn check_record(lines: &[&str], notes: &str) -> Result<(), EditError> {
    if lines.first().is_none_or(|name| name.is_empty()) {
        return Err(EditError::EmptyName);
    }
    for line in lines {
        super::limits::check_line(line).map_err(EditError::RecordText)?;
    }
    super::limits::check_notes(notes).map_err(EditError::RecordText)
}

/// Gives each empty field of the record kept what the same record's other copy says.
fn fill_blanks(kept: [&mut String; 3], other: [&String; 3]) {
    for (mine, theirs) in kept.into_iter().zip(other) {
        if mine.is_empty() {
            mine.clone_from(theirs);
        }
    }
}

fn trim_in_place(text: &mut String) {
    if text.trim().len() != text.len() {
        *text = text.trim().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand edit or a merge may leave two records of one name, or one without a name: the
    /// board read keeps one record a name (the spelling that sorts first, what it lacks taken
    /// from the other).
    #[test]
    fn records_of_one_name_become_one_and_nameless_ones_go() {
        let mut board = crate::store::default_board().unwrap();
        let company = |name: &str, phone: &str, email: &str| Company {
            name: name.into(),
            phone: phone.into(),
            email: email.into(),
            ..Company::default()
        };
        board.companies = vec![
            company("Acme Ltd", "+1 555", ""),
            company(" ACME LTD ", "+9 999", "office@acme.example"),
            company("  ", "", ""),
            company("Globex", "", ""),
        ];
        board.normalize();
        let names: Vec<&str> = board.companies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["ACME LTD", "Globex"]);
        assert_eq!(board.companies[0].phone, "+9 999");
        assert_eq!(board.companies[0].email, "office@acme.example");
        let kept = board.companies.clone();
        board.companies.reverse();
        board.normalize();
        assert_eq!(
            board.companies, kept,
            "the same whatever the order in the file"
        );
    }
}
