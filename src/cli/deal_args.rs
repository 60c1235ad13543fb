//! The deal fields the command line can set, shared by `add` and `edit`.

use chrono::NaiveDate;
use clap::Args;

use crate::model::{Deal, DealField, Money, set_fields};
use crate::text::{fill, t};

#[derive(Args, Debug, Default)]
pub struct DealArgs {
    #[arg(long, help = t().cli.arg_company)]
    pub company: Option<String>,
    #[arg(long, help = t().cli.arg_contact)]
    pub contact: Option<String>,
    #[arg(long, help = t().cli.arg_value, allow_hyphen_values = true)]
    pub value: Option<String>,
    #[arg(long, help = t().cli.arg_currency)]
    pub currency: Option<String>,
    #[arg(long, help = t().cli.arg_cost)]
    pub cost: Option<String>,
    #[arg(long, help = t().cli.arg_probability)]
    pub probability: Option<String>,
    #[arg(long, help = t().cli.arg_owner)]
    pub owner: Option<String>,
    #[arg(long, help = t().cli.arg_source)]
    pub source: Option<String>,
    #[arg(long, value_name = "#ID|NAME", help = t().cli.arg_referred_by)]
    pub referred_by: Option<String>,
    #[arg(long, value_name = "DATE", help = t().cli.arg_close, allow_hyphen_values = true)]
    pub close: Option<String>,
    #[arg(long, value_name = "TEXT", help = t().cli.arg_next)]
    pub next: Option<String>,
    #[arg(long, value_name = "DATE", help = t().cli.arg_due, allow_hyphen_values = true)]
    pub due: Option<String>,
    #[arg(long = "tag", value_name = "TAG", help = t().cli.arg_tag)]
    pub tags: Vec<String>,
    #[arg(long, help = t().cli.arg_notes)]
    pub notes: Option<String>,
}

impl DealArgs {
    /// True when no field flag was given.
    pub fn is_empty(&self) -> bool {
        let texts = [
            &self.company,
            &self.contact,
            &self.value,
            &self.currency,
            &self.cost,
            &self.probability,
            &self.owner,
            &self.source,
            &self.referred_by,
            &self.close,
            &self.next,
            &self.due,
            &self.notes,
        ];
        texts.iter().all(|t| t.is_none()) && self.tags.is_empty()
    }

    /// Sets every given field on `deal`. Errors name the flag and say what is wrong with it.
    pub fn apply(&self, deal: &mut Deal, today: NaiveDate) -> Result<(), Vec<String>> {
        let tags = self.tags.join(",");
        // `--value "12000 USD"` names its currency, unless `--currency` does.
        let mut currency = self.currency.clone();
        let mut value = self.value.clone();
        if let Some(text) = &self.value
            && let Ok(money) = Money::parse_with_currency(text, deal.value.currency)
        {
            let named = money.currency.code().to_string();
            match &self.currency {
                Some(flag)
                    if crate::model::Currency::parse(flag) != Some(money.currency)
                        && text.chars().any(|c| c.is_ascii_alphabetic()) =>
                {
                    let clash = fill(
                        t().cli.currency_clash,
                        &[("value", &named), ("currency", flag)],
                    );
                    return Err(vec![clash]);
                }
                _ => {
                    currency = currency.or(Some(named));
                    value = Some(money.editable());
                }
            }
        }
        let given: [(&str, DealField, Option<&String>); 14] = [
            ("currency", DealField::Currency, currency.as_ref()),
            ("company", DealField::Company, self.company.as_ref()),
            ("contact", DealField::Contact, self.contact.as_ref()),
            ("value", DealField::Value, value.as_ref()),
            ("cost", DealField::Cost, self.cost.as_ref()),
            (
                "probability",
                DealField::Probability,
                self.probability.as_ref(),
            ),
            ("owner", DealField::Owner, self.owner.as_ref()),
            ("source", DealField::Source, self.source.as_ref()),
            (
                "referred-by",
                DealField::ReferredBy,
                self.referred_by.as_ref(),
            ),
            ("close", DealField::ExpectedClose, self.close.as_ref()),
            ("next", DealField::NextAction, self.next.as_ref()),
            ("due", DealField::NextActionDue, self.due.as_ref()),
            ("notes", DealField::Notes, self.notes.as_ref()),
            // `--tag ""` clears the tags; no `--tag` leaves them.
            (
                "tag",
                DealField::Tags,
                Some(&tags).filter(|_| !self.tags.is_empty()),
            ),
        ];
        let typed: Vec<(DealField, &str)> = given
            .iter()
            .filter_map(|(_, f, text)| text.map(|t| (*f, t.as_str())))
            .collect();
        let refused = set_fields(deal, &typed, crate::text::dates(today));
        let flag_of = |field: &DealField| given.iter().find(|(_, f, _)| f == field).map(|g| g.0);
        let errors: Vec<String> = refused
            .iter()
            .map(|(field, problem)| {
                let flag = flag_of(field).unwrap_or_default();
                fill(t().cli.bad_field, &[("field", &flag), ("problem", problem)])
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
