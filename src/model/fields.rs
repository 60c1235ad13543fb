//! A deal's editable fields as text, read and written the same way by the deal form and by the
//! command line, so that `12 000`, `+3d` or `40%` mean the same thing everywhere.

use chrono::NaiveDate;

use super::deal::{Deal, Referral};
use super::input::{self, DateInput, InputError};
use super::limits;
use super::money::{Currency, Money};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DealField {
    Title,
    Company,
    Contact,
    Value,
    Currency,
    Cost,
    Probability,
    Owner,
    Source,
    /// Who referred the deal: `#12` (a deal on the board) or a person's name.
    ReferredBy,
    ExpectedClose,
    NextAction,
    NextActionDue,
    Tags,
    Notes,
}

impl DealField {
    /// Every editable field, in the order the form shows them.
    pub const ALL: [DealField; 15] = [
        DealField::Title,
        DealField::Company,
        DealField::Contact,
        DealField::Value,
        DealField::Currency,
        DealField::Cost,
        DealField::Probability,
        DealField::Owner,
        DealField::Source,
        DealField::ReferredBy,
        DealField::ExpectedClose,
        DealField::NextAction,
        DealField::NextActionDue,
        DealField::Tags,
        DealField::Notes,
    ];

    /// The field's value as a person would edit it.
    pub fn get(self, deal: &Deal) -> String {
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        match self {
            DealField::Title => deal.title.clone(),
            DealField::Company => deal.company.clone(),
            DealField::Contact => deal.contact.clone(),
            DealField::Value if deal.value.minor == 0 => String::new(),
            DealField::Value => deal.value.editable(),
            DealField::Currency => deal.value.currency.to_string(),
            DealField::Cost => deal.cost.map(|c| c.editable()).unwrap_or_default(),
            DealField::Probability => deal.probability.map(|p| p.to_string()).unwrap_or_default(),
            DealField::Owner => deal.owner.clone(),
            DealField::Source => deal.source.clone(),
            DealField::ReferredBy => match &deal.referred_by {
                Some(Referral::Deal(id)) => format!("#{id}"),
                Some(Referral::Person(name)) => name.clone(),
                None => String::new(),
            },
            DealField::ExpectedClose => date(deal.expected_close).unwrap_or_default(),
            DealField::NextAction => deal.next_action().to_string(),
            DealField::NextActionDue => date(deal.next_due()).unwrap_or_default(),
            DealField::Tags => deal.tags.join(", "),
            DealField::Notes => deal.notes.clone(),
        }
    }

    /// Sets the field from typed text. Money is read in the deal's currency; changing the
    /// currency keeps the amounts as written (`12000` EUR becomes `12000` USD).
    pub fn set(self, deal: &mut Deal, text: &str, dates: DateInput) -> Result<(), InputError> {
        let trimmed = match self {
            DealField::Notes => limits::clean_notes(text),
            _ => limits::clean_line(text),
        };
        let most = match self {
            DealField::Notes => limits::NOTES_CHARS,
            _ => limits::LINE_CHARS,
        };
        if trimmed.chars().nth(most).is_some() {
            return Err(InputError::TooLong(most));
        }
        match self {
            DealField::Title if trimmed.is_empty() => return Err(InputError::Required),
            DealField::Title => deal.title = trimmed,
            DealField::Company => deal.company = trimmed,
            DealField::Contact => deal.contact = trimmed,
            DealField::Value => {
                let value = input::parse_money(text, deal.value.currency)?;
                deal.value = not_negative(value)?.unwrap_or(Money::zero(deal.value.currency));
            }
            DealField::Currency => retag_amounts(deal, input::parse_currency(text)?, |_| false)?,
            DealField::Cost => {
                deal.cost = not_negative(input::parse_money(text, deal.value.currency)?)?;
            }
            DealField::Probability => deal.probability = input::parse_probability(text)?,
            DealField::Owner => deal.owner = trimmed,
            DealField::Source => deal.source = trimmed,
            DealField::ReferredBy => deal.referred_by = parse_referral(&trimmed),
            DealField::ExpectedClose => deal.expected_close = dates.read(text)?,
            DealField::NextAction => deal.set_next_action(&trimmed),
            DealField::NextActionDue => deal.set_next_due(dates.read(text)?),
            DealField::Tags => deal.tags = input::parse_tags(&trimmed),
            DealField::Notes => deal.notes = trimmed,
        }
        Ok(())
    }
}

/// Sets `fields` of `deal` to what they are in `from`, as they are (no text in between). The
/// value and its currency go together, and a cost follows its value's currency, as written.
pub fn copy_fields(deal: &mut Deal, from: &Deal, fields: &[DealField]) -> Result<(), InputError> {
    for field in fields {
        match field {
            DealField::Title => deal.title = from.title.clone(),
            DealField::Company => deal.company = from.company.clone(),
            DealField::Contact => deal.contact = from.contact.clone(),
            DealField::Value | DealField::Currency => {
                retag_amounts(deal, from.value.currency, |_| false)?;
                if fields.contains(&DealField::Value) {
                    deal.value = from.value;
                }
            }
            DealField::Cost => deal.cost = from.cost,
            DealField::Probability => deal.probability = from.probability,
            DealField::Owner => deal.owner = from.owner.clone(),
            DealField::Source => deal.source = from.source.clone(),
            DealField::ReferredBy => deal.referred_by = from.referred_by.clone(),
            DealField::ExpectedClose => deal.expected_close = from.expected_close,
            DealField::NextAction => deal.set_next_action(from.next_action()),
            DealField::NextActionDue => deal.set_next_due(from.next_due()),
            DealField::Tags => deal.tags = from.tags.clone(),
            DealField::Notes => deal.notes = from.notes.clone(),
        }
    }
    Ok(())
}

/// Sets several typed fields at once, as a form or a command line gives them, and returns the
/// fields that were refused with why. The currency comes first, so that amounts typed with it
/// are read in it; amounts not typed are converted to it as written.
pub fn set_fields(
    deal: &mut Deal,
    typed: &[(DealField, &str)],
    dates: DateInput,
) -> Vec<(DealField, InputError)> {
    let text_of = |wanted: DealField| typed.iter().find(|(f, _)| *f == wanted).map(|(_, t)| *t);
    let mut refused = Vec::new();
    if let Some(text) = text_of(DealField::Currency) {
        let retagged = input::parse_currency(text)
            .and_then(|currency| retag_amounts(deal, currency, |f| text_of(f).is_some()));
        if let Err(e) = retagged {
            refused.push((DealField::Currency, e));
        }
    }
    for (field, text) in typed.iter().filter(|(f, _)| *f != DealField::Currency) {
        if let Err(e) = field.set(deal, text, dates) {
            refused.push((*field, e));
        }
    }
    refused
}

/// Puts the deal's money in `currency`: an amount about to be typed anew starts from zero, the
/// other is converted as written.
fn retag_amounts(
    deal: &mut Deal,
    currency: Currency,
    typed: impl Fn(DealField) -> bool,
) -> Result<(), InputError> {
    let convert = |m: Money| m.in_currency(currency).map_err(InputError::Amount);
    let value = if typed(DealField::Value) {
        Money::zero(currency)
    } else {
        convert(deal.value)?
    };
    let cost = match deal.cost {
        Some(_) if typed(DealField::Cost) => None,
        Some(cost) => Some(convert(cost)?),
        None => None,
    };
    deal.value = value;
    deal.cost = cost;
    Ok(())
}

/// `#12` or `12` is deal 12; other text a person; nothing is nobody.
fn parse_referral(text: &str) -> Option<Referral> {
    if text.is_empty() {
        return None;
    }
    let number = text.strip_prefix('#').unwrap_or(text);
    match number.parse::<u64>() {
        Ok(id) => Some(Referral::Deal(super::deal::DealId(id))),
        Err(_) => Some(Referral::Person(text.to_string())),
    }
}

/// Money a deal holds is never below zero.
fn not_negative(money: Option<Money>) -> Result<Option<Money>, InputError> {
    match money {
        Some(m) if m.minor < 0 => Err(InputError::Negative),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, DealId, Money, StageId};
    use chrono::{TimeZone, Utc};

    fn deal() -> Deal {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        Deal::new(
            DealId(1),
            "Acme",
            StageId("lead".into()),
            Money::zero(Currency::EUR),
            now,
        )
    }

    #[test]
    fn every_field_reads_back_what_was_set() {
        let today = DateInput::digits(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        let typed = [
            (DealField::Title, "ООО «Ромашка» 🌼", "ООО «Ромашка» 🌼"),
            (DealField::Company, "株式会社", "株式会社"),
            (DealField::Contact, "Jane", "Jane"),
            (DealField::Value, "12 000,50", "12000.50"),
            (DealField::Currency, "usd", "USD"),
            (DealField::Cost, "8,000", "8000"),
            (DealField::Probability, "40%", "40"),
            (DealField::Owner, "anna", "anna"),
            (DealField::Source, "Referral", "Referral"),
            (DealField::ReferredBy, "#7", "#7"),
            (DealField::ExpectedClose, "+4", "2026-12-01"),
            (DealField::NextAction, "Call", "Call"),
            (DealField::NextActionDue, "+0", "2026-11-27"),
            (DealField::Tags, "vip, pilot", "vip, pilot"),
            (DealField::Notes, " long story ", "long story"),
        ];
        let mut d = deal();
        for (field, text, _) in typed {
            field.set(&mut d, text, today).unwrap();
        }
        for (field, _, shown) in typed {
            assert_eq!(field.get(&d), shown, "{field:?}");
        }
        assert_eq!(d.value.currency, Currency::parse("USD").unwrap());
        assert_eq!(d.value.minor, 1_200_050);
    }

    #[test]
    fn bad_text_is_refused_and_changes_nothing() {
        let today = DateInput::digits(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        let mut d = deal();
        let before = d.clone();
        assert_eq!(
            DealField::Title.set(&mut d, "  ", today),
            Err(InputError::Required)
        );
        assert!(DealField::Value.set(&mut d, "lots", today).is_err());
        assert_eq!(
            DealField::NextActionDue.set(&mut d, "soon", today),
            Err(InputError::Date)
        );
        assert_eq!(
            DealField::Currency.set(&mut d, "euro", today),
            Err(InputError::Currency)
        );
        assert_eq!(
            DealField::Value.set(&mut d, "-5", today),
            Err(InputError::Negative)
        );
        assert_eq!(
            DealField::Cost.set(&mut d, "-1", today),
            Err(InputError::Negative)
        );
        assert_eq!(d, before);
    }

    #[test]
    fn amounts_typed_with_a_new_currency_are_read_in_it() {
        let today = DateInput::digits(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        let mut d = deal();
        DealField::Value.set(&mut d, "12.50", today).unwrap();
        // 12.50 EUR cannot be yen, but a value typed with the new currency replaces it.
        let typed = [(DealField::Currency, "JPY"), (DealField::Value, "13")];
        assert_eq!(set_fields(&mut d, &typed, today), []);
        assert_eq!((d.value.minor, d.value.currency.code()), (13, "JPY"));
        // Typed alone, the currency converts the amount as written, or says why it cannot.
        assert_eq!(
            set_fields(&mut d, &[(DealField::Currency, "KWD")], today),
            []
        );
        assert_eq!(d.value.decimal(), "13.000");
        let mut d = deal();
        DealField::Value.set(&mut d, "0.50", today).unwrap();
        let refused = set_fields(&mut d, &[(DealField::Currency, "JPY")], today);
        let jpy = Currency::parse("JPY").unwrap();
        let too_precise = InputError::Amount(crate::model::AmountError::TooPrecise(jpy));
        assert_eq!(refused, [(DealField::Currency, too_precise)]);
        // Amounts typed before the currency in the list are still read in it.
        let mut d = deal();
        let typed = [(DealField::Value, "0.125"), (DealField::Currency, "KWD")];
        assert_eq!(set_fields(&mut d, &typed, today), []);
        assert_eq!(d.value.minor, 125);
    }
}
