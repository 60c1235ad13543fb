//! The words of exchange rates (`dealboard rates`) and of the converted figures shown beside
//! totals once there are rates.

use super::{fill, t};
use crate::model::{Converted, Rates};

catalogue! {
pub struct RatesText {
    pub about: &'static str,
    pub set_about: &'static str,
    pub list_about: &'static str,
    pub clear_about: &'static str,
    pub arg_currency: &'static str,
    pub arg_rate: &'static str,
    pub arg_to: &'static str,
    pub arg_team: &'static str,
    pub arg_clear_currency: &'static str,
    /// `{amount}`: a converted figure where the currency and date are said once above.
    pub approx: &'static str,
    /// `{currency}` (code), `{date}`, `{amounts}`: under a big converted figure, what it is in
    /// and what it was made of.
    pub in_rates_of: &'static str,
    /// `{currency}` (code): the heading of a column of converted figures.
    pub col_converted: &'static str,
    /// `{currencies}`: left out of a converted figure, having no rate.
    pub without: &'static str,
    /// `{currency}` (code), `{date}`: the heading of a report with converted figures.
    pub converted_in: &'static str,
    /// `{from}`, `{rate}`, `{to}`.
    pub one_is: &'static str,
    /// `{path}`.
    pub kept_in: &'static str,
    /// `{path}`: the team file, whose rates `stats` and `review` over its folder use.
    pub kept_in_team: &'static str,
    /// `{old}`: the report currency before, whose rates no longer apply.
    pub currency_changed: &'static str,
    /// `{to}`, `{date}`.
    pub heading: &'static str,
    pub none: &'static str,
    /// `{currency}`, `{deals}` (open deals in it), `{to}`.
    pub missing: &'static str,
    pub open_deals: super::Plural,
    pub cleared: &'static str,
    pub nothing_to_clear: &'static str,
    /// `{currency}`.
    pub cleared_one: &'static str,
    /// `{currency}`.
    pub no_rate_to_clear: &'static str,
    pub needs_to: &'static str,
    /// `{rate}`, `{from}`, `{to}`.
    pub not_a_rate: &'static str,
    /// `{currency}`.
    pub same_currency: &'static str,
    /// `{currency}`.
    pub not_a_currency: &'static str,
    /// `{path}`, `{found}`, `{supported}`: team file formats.
    pub team_too_new: &'static str,
    /// `{path}`: a team file that cannot be read.
    pub team_file_advice: &'static str,
    /// `{path}`: given as a team folder.
    pub not_a_folder: &'static str,
}
}

/// `≈ $2.9M` (`≈ $2.9M, without GBP: no rate`), where the currency and date are said once.
pub fn approx(converted: &Converted) -> String {
    approx_amount(converted) + &without_part(converted)
}

/// `$12k + €5k ≈ $17.4k`: `list`, the totals as shown, and their converted figure when there
/// is one (see `report::converted_if_mixed`).
pub fn beside(list: String, converted: Option<&Converted>) -> String {
    match converted {
        Some(converted) => format!("{list} {}", approx(converted)),
        None => list,
    }
}

/// `≈ $2.9M`, whatever it leaves out: for big letters, with what it leaves out said beside.
pub fn approx_amount(converted: &Converted) -> String {
    fill(
        t().rates.approx,
        &[("amount", &super::money_compact(&converted.amount))],
    )
}

/// `$2.9M` (`$2.9M *` when some currency had no rate): for a column whose heading says it is
/// converted, so approximate (no cents that were never there).
pub fn approx_short(converted: &Converted) -> String {
    let shown = super::money_compact(&converted.amount);
    if converted.missing.is_empty() {
        shown
    } else {
        format!("{shown} *")
    }
}

/// `, without GBP: no rate`, or nothing when no currency was left out.
pub fn without_part(converted: &Converted) -> String {
    if converted.missing.is_empty() {
        return String::new();
    }
    let codes: Vec<&str> = converted.missing.iter().map(|c| c.code()).collect();
    format!(
        ", {}",
        fill(t().rates.without, &[("currencies", &codes.join(", "))])
    )
}

/// `Converted to USD at the rates of 2026-12-01: 1 EUR = 1.08 USD; 1 RUB = 0.011 USD`.
pub fn converted_in(rates: &Rates) -> String {
    let r = &t().rates;
    let heading = fill(
        r.converted_in,
        &[
            ("currency", &rates.to().code()),
            ("date", &super::date_long(rates.set_on())),
        ],
    );
    let each: Vec<String> = rates
        .rates()
        .iter()
        .map(|rate| one_is(rates, rate))
        .collect();
    if each.is_empty() {
        heading
    } else {
        format!("{heading}: {}", each.join("; "))
    }
}

/// `1 EUR = 1.08 USD`, the rate in the language's decimal mark.
pub fn one_is(rates: &Rates, rate: &crate::model::Rate) -> String {
    let shown = rate
        .per_unit
        .to_string()
        .replace('.', &t().locale.decimal_mark.to_string());
    fill(
        t().rates.one_is,
        &[
            ("from", &rate.from.code()),
            ("rate", &shown),
            ("to", &rates.to().code()),
        ],
    )
}

/// `in USD, rates of Dec 1, 2026: ₽107M + €686k`: what a big converted figure is, and the
/// amounts it was made of; first, what it leaves out (`without RUB: no rate · in USD, …`), so
/// that a short line cuts the amounts rather than that.
pub fn in_rates_of(converted: &Converted, rates: &Rates, amounts: &str) -> String {
    let line = fill(
        t().rates.in_rates_of,
        &[
            ("currency", &rates.to().code()),
            ("date", &super::date_long(rates.set_on())),
            ("amounts", &amounts),
        ],
    );
    match without_part(converted).strip_prefix(", ") {
        Some(without) => format!("{without} · {line}"),
        None => line,
    }
}

/// `$12,000 + €5,000 ≈ $17.4k`: the totals, and, with rates, their converted figure when they
/// hold a currency other than the report's.
pub fn money_and_converted(totals: &crate::model::Totals, rates: Option<&Rates>) -> String {
    let converted = crate::report::converted_if_mixed(totals, rates);
    beside(super::reports::money(totals), converted.as_ref())
}

/// Why a team file cannot be read, in a line; its format numbered as team files are.
pub fn team_error_in_a_line(error: &crate::store::LoadError) -> String {
    match error.kind {
        crate::store::LoadErrorKind::TooNew { found } => fill(
            t().rates.team_too_new,
            &[
                ("path", &error.path.display()),
                ("found", &found),
                ("supported", &crate::store::TEAM_VERSION),
            ],
        ),
        _ => super::load_error_in_a_line(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money};

    #[test]
    fn what_a_converted_figure_leaves_out_comes_before_its_amounts() {
        let usd = Currency::parse("USD").unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let rates = Rates::new(usd, day);
        let converted = Converted {
            amount: Money::zero(usd),
            missing: vec![Currency::parse("RUB").unwrap()],
        };
        let line = in_rates_of(&converted, &rates, "AMOUNTS");
        let (rub, amounts) = (line.find("RUB"), line.find("AMOUNTS"));
        assert!(rub.is_some() && rub < amounts, "{line}");
    }
}
