//! The deal fields the command line can set, shared by `add` (and later `edit`).

use chrono::NaiveDate;
use clap::Args;

use crate::model::{Deal, DealField, Money};
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
    #[arg(long, value_name = "DATE", help = t().cli.arg_close)]
    pub close: Option<String>,
    #[arg(long, value_name = "TEXT", help = t().cli.arg_next)]
    pub next: Option<String>,
    #[arg(long, value_name = "DATE", help = t().cli.arg_due)]
    pub due: Option<String>,
    #[arg(long = "tag", value_name = "TAG", help = t().cli.arg_tag)]
    pub tags: Vec<String>,
    #[arg(long, help = t().cli.arg_notes)]
    pub notes: Option<String>,
}

impl DealArgs {
    /// Sets every given field on `deal`. Errors name the flag and say what is wrong with it.
    pub fn apply(&self, deal: &mut Deal, today: NaiveDate) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let mut set = |flag: &str, field: DealField, text: &str, deal: &mut Deal| {
            if let Err(problem) = field.set(deal, text, today) {
                errors.push(fill(
                    t().cli.bad_field,
                    &[("field", &flag), ("problem", &problem)],
                ));
            }
        };
        // The currency first, so that the amounts are read in it; `--value "12000 USD"` also
        // names one.
        let mut value = self.value.clone();
        if let Some(text) = &self.value
            && let Ok(money) = Money::parse_with_currency(text, deal.value.currency)
            && money.currency != deal.value.currency
            && self.currency.is_none()
        {
            set("value", DealField::Currency, money.currency.code(), deal);
            value = Some(money.editable());
        }
        if let Some(text) = &self.currency {
            set("currency", DealField::Currency, text, deal);
        }
        let fields: [(&str, DealField, Option<&String>); 11] = [
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
            ("close", DealField::ExpectedClose, self.close.as_ref()),
            ("next", DealField::NextAction, self.next.as_ref()),
            ("due", DealField::NextActionDue, self.due.as_ref()),
            ("notes", DealField::Notes, self.notes.as_ref()),
        ];
        for (flag, field, text) in fields {
            if let Some(text) = text {
                set(flag, field, text, deal);
            }
        }
        if !self.tags.is_empty() {
            set("tag", DealField::Tags, &self.tags.join(","), deal);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
