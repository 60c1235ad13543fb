//! How a language writes numbers, money, dates and the forms of a counted noun, and which date
//! words it reads. Each language fills one [`Locale`]; the functions here format with the one in
//! use, so the model keeps plain numbers and dates and never meets a language.

use chrono::{Datelike, Days, NaiveDate};

use super::{fill, t};
use crate::model::Money;

/// A CLDR plural category (<https://cldr.unicode.org/index/cldr-spec/plural-rules>). A language
/// uses some of them; a [`super::Plural`] has one form per category the language uses, in the
/// order of [`Locale::plural_categories`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// A number as CLDR's plural rules see it: its integer digits `i` and how many fraction digits
/// are shown (`v`), so `2` and `2,5` can take different forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operands {
    pub i: u64,
    pub v: u32,
}

impl Operands {
    pub fn whole(n: u64) -> Operands {
        Operands { i: n, v: 0 }
    }
}

/// Date words a person may type instead of a date: `today`, `+3d`.
pub struct DateWords {
    pub today: &'static [&'static str],
    pub tomorrow: &'static [&'static str],
    pub yesterday: &'static [&'static str],
    /// Units after `+3` / `-3`: days and weeks (`d`, `w`).
    pub days: &'static [&'static str],
    pub weeks: &'static [&'static str],
}

pub struct Locale {
    /// The language's code, as `--lang` takes it.
    pub code: &'static str,
    pub plural: fn(Operands) -> Category,
    pub plural_categories: &'static [Category],
    pub decimal_mark: char,
    /// Between groups of three digits: `12,000` / `12 000` (a no-break space).
    pub group_mark: char,
    /// `{number}`: `57%` / `57 %`.
    pub percent: &'static str,
    /// `{sign}` `{number}` `{symbol}`: `-$12,000` / `-12 000 ₽`.
    pub money_symbol: &'static str,
    /// `{sign}` `{number}` `{code}`, for a currency without a well-known symbol: `12,000 CHF`.
    pub money_code: &'static str,
    /// `{number}` `{unit}`: `1.2M` / `1,2 млн`.
    pub compact: &'static str,
    /// Thousands, millions, billions, trillions.
    pub compact_units: [&'static str; 4],
    /// As a month is named on its own: `December` / `декабрь`.
    pub months: [&'static str; 12],
    /// As a month is named in a full date: `Dec` (`Dec 1, 2026`) / `декабря` (`1 декабря 2026`).
    pub months_in_date: [&'static str; 12],
    /// As a date abbreviates a month (`4 мая`), and as it is abbreviated alone (`май 2026`).
    pub months_short: [&'static str; 12],
    pub months_short_alone: [&'static str; 12],
    /// Monday first.
    pub weekdays_short: [&'static str; 7],
    /// `{day}` `{month_short}`: `Dec 4` / `4 дек`.
    pub date_short: &'static str,
    /// `{day}` `{month}` `{year}` (the month as in a date): `Dec 1, 2026` / `1 декабря 2026`.
    pub date_long: &'static str,
    /// `{weekday}` `{day}` `{month_short}`: `Tue 1 Dec` / `вт, 1 дек`.
    pub date_with_weekday: &'static str,
    /// `{month_short}` (alone) `{year}`: `Dec 2026` / `дек 2026`.
    pub month_year: &'static str,
    pub date_words: DateWords,
}

/// The locale's templates are messages too: each language must fill the same blanks.
#[cfg(test)]
impl super::entries::Entries for Locale {
    fn entries(&self, name: &str, out: &mut Vec<super::entries::Entry>) {
        let templates = [
            ("percent", self.percent),
            ("money_symbol", self.money_symbol),
            ("money_code", self.money_code),
            ("compact", self.compact),
            ("date_short", self.date_short),
            ("date_long", self.date_long),
            ("date_with_weekday", self.date_with_weekday),
            ("month_year", self.month_year),
        ];
        for (field, template) in templates {
            template.entries(&format!("{name}.{field}"), out);
        }
    }
}

/// `12,000` / `12 000`.
pub fn number(value: u128) -> String {
    t().locale.number(value)
}

impl Locale {
    /// `12,000` / `12 000`, in this locale.
    pub fn number(&self, value: u128) -> String {
        grouped(value, self.group_mark)
    }

    /// `6.5` / `6,5`, `12`, in this locale: see [`one_decimal`].
    pub fn one_decimal(&self, value: f64) -> String {
        let tenths = (value.abs() * 10.0).round();
        let sign = if value < 0.0 && tenths > 0.0 { "-" } else { "" };
        // Far beyond any count of days or deals; saturates rather than wraps.
        let tenths = tenths as u128;
        let whole = self.number(tenths / 10);
        match tenths % 10 {
            0 => format!("{sign}{whole}"),
            fraction => format!("{sign}{whole}{}{fraction}", self.decimal_mark),
        }
    }
}

fn grouped(value: u128, group: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

/// `6.5` / `6,5`, `12`: at most one decimal, none when it is zero.
pub fn one_decimal(value: f64) -> String {
    t().locale.one_decimal(value)
}

/// The plural operands of a number as [`one_decimal`] writes it.
pub fn operands_of(value: f64) -> Operands {
    let tenths = (value.abs() * 10.0).round() as u64;
    Operands {
        i: tenths / 10,
        v: u32::from(!tenths.is_multiple_of(10)),
    }
}

/// `57%` / `57 %`.
pub fn percent(share: f64) -> String {
    let whole = (share * 100.0).round();
    let shown = if whole < 0.0 {
        format!("-{}", number(whole.abs() as u128))
    } else {
        number(whole as u128)
    };
    fill(t().locale.percent, &[("number", &shown)])
}

/// For people: grouped thousands, cents only when there are any, the currency's symbol when it
/// has a well-known one: `€12,000`, `$3,500.50`, `12,000 CHF`; `12 000 €`, `3 500,50 $` in Russian.
pub fn money(money: &Money) -> String {
    let (whole, fraction) = money.whole_and_fraction();
    let mut shown = number(whole);
    let exponent = money.currency.exponent() as usize;
    // `12,000 KWD` would read back as twelve: one separator before three digits is a decimal
    // point for a currency with three decimals, so those show them once there is a group.
    let ambiguous = exponent == 3 && whole >= 1_000;
    if fraction != 0 || ambiguous {
        shown.push(t().locale.decimal_mark);
        shown.push_str(&format!("{fraction:0exponent$}"));
    }
    with_currency(money, &shown)
}

/// Short form for tight places such as column headers, rounded: `€12k`, `€1.2M`, `€950`;
/// `12 тыс. €`, `1,2 млн €` in Russian.
pub fn money_compact(money: &Money) -> String {
    let (whole, _) = money.whole_and_fraction();
    with_currency(money, &compact_number(whole))
}

fn with_currency(money: &Money, number: &str) -> String {
    let l = &t().locale;
    let sign = if money.minor < 0 { "-" } else { "" };
    match money.currency.symbol() {
        Some(symbol) => fill(
            l.money_symbol,
            &[("sign", &sign), ("number", &number), ("symbol", &symbol)],
        ),
        None => fill(
            l.money_code,
            &[
                ("sign", &sign),
                ("number", &number),
                ("code", &money.currency),
            ],
        ),
    }
}

/// `950`, `12000` -> `12k`, `12500` -> `12.5k`, `173500` -> `174k`, `999600` -> `1M`.
fn compact_number(whole: u128) -> String {
    const UNITS: [u128; 4] = [1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000];
    let l = &t().locale;
    if whole < 1_000 {
        return whole.to_string();
    }
    let with_unit = |number: String, i: usize| {
        fill(
            l.compact,
            &[("number", &number), ("unit", &l.compact_units[i])],
        )
    };
    for (i, unit) in UNITS.iter().enumerate() {
        let tenths = (whole * 10 + unit / 2) / unit;
        if tenths < 1_000 {
            let number = if tenths.is_multiple_of(10) {
                (tenths / 10).to_string()
            } else {
                format!("{}{}{}", tenths / 10, l.decimal_mark, tenths % 10)
            };
            return with_unit(number, i);
        }
        let rounded = (whole + unit / 2) / unit;
        if rounded < 1_000 || i == UNITS.len() - 1 {
            return with_unit(number(rounded), i);
        }
    }
    number(whole)
}

fn month_index(date: NaiveDate) -> usize {
    date.month0() as usize
}

/// The month's name on its own: `December` / `декабрь`.
pub fn month(date: NaiveDate) -> &'static str {
    t().locale.months[month_index(date)]
}

/// `Dec 4` / `4 дек`.
pub fn date_short(date: NaiveDate) -> String {
    let l = &t().locale;
    fill(
        l.date_short,
        &[
            ("day", &date.day()),
            ("month_short", &l.months_short[month_index(date)]),
        ],
    )
}

/// `Dec 1, 2026` / `1 декабря 2026`.
pub fn date_long(date: NaiveDate) -> String {
    let l = &t().locale;
    fill(
        l.date_long,
        &[
            ("day", &date.day()),
            ("month", &l.months_in_date[month_index(date)]),
            ("year", &date.year()),
        ],
    )
}

/// `Tue 1 Dec` / `вт, 1 дек`.
pub fn date_with_weekday(date: NaiveDate) -> String {
    let l = &t().locale;
    let weekday = date.weekday().num_days_from_monday() as usize;
    fill(
        l.date_with_weekday,
        &[
            ("weekday", &l.weekdays_short[weekday]),
            ("day", &date.day()),
            ("month_short", &l.months_short[month_index(date)]),
        ],
    )
}

/// `Dec 2026` / `дек 2026`.
pub fn month_year(date: NaiveDate) -> String {
    let l = &t().locale;
    fill(
        l.month_year,
        &[
            ("month_short", &l.months_short_alone[month_index(date)]),
            ("year", &date.year()),
        ],
    )
}

/// A date typed in words of any language dealboard speaks (`today`, `завтра`, `+3d`, `+2н`), as
/// a date; `None` when the text is not one of them (it may still be a date written in digits).
pub fn date_from_words(text: &str, today: NaiveDate) -> Option<Option<NaiveDate>> {
    let text = text.trim().to_lowercase();
    for words in super::Language::ALL.map(|l| &l.text().locale.date_words) {
        if words.today.contains(&text.as_str()) {
            return Some(Some(today));
        }
        if words.tomorrow.contains(&text.as_str()) {
            return Some(today.checked_add_days(Days::new(1)));
        }
        if words.yesterday.contains(&text.as_str()) {
            return Some(today.checked_sub_days(Days::new(1)));
        }
        let (ahead, offset) = match (text.strip_prefix('+'), text.strip_prefix('-')) {
            (Some(rest), _) => (true, rest),
            (_, Some(rest)) => (false, rest),
            _ => continue,
        };
        let digits = offset.trim_end_matches(|c: char| !c.is_ascii_digit());
        let unit = offset[digits.len()..].trim();
        let per_unit = if words.days.contains(&unit) {
            1
        } else if words.weeks.contains(&unit) {
            7
        } else {
            continue;
        };
        let only_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let Some(days) = digits
            .parse::<u64>()
            .ok()
            .filter(|_| only_digits)
            .and_then(|n| n.checked_mul(per_unit))
        else {
            return Some(None);
        };
        return Some(if ahead {
            today.checked_add_days(Days::new(days))
        } else {
            today.checked_sub_days(Days::new(days))
        });
    }
    None
}

/// English: one for exactly 1, other for everything else (0, 2, 1.5).
pub fn english_plural(n: Operands) -> Category {
    if n.i == 1 && n.v == 0 {
        Category::One
    } else {
        Category::Other
    }
}

/// Russian: 1, 21, 101 сделка; 2–4, 22 сделки; 0, 5–20, 11–14 сделок; fractions 2,5 сделки.
pub fn russian_plural(n: Operands) -> Category {
    if n.v != 0 {
        return Category::Other;
    }
    let (last, last_two) = (n.i % 10, n.i % 100);
    if last == 1 && last_two != 11 {
        Category::One
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        Category::Few
    } else {
        Category::Many
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Language, Plural, parse_date, speaking, t};
    use super::*;
    use crate::model::Currency;

    fn rub(minor: i128) -> Money {
        let currency = Currency::parse("RUB").unwrap();
        Money { minor, currency }
    }

    fn usd(minor: i128) -> Money {
        let currency = Currency::parse("USD").unwrap();
        Money { minor, currency }
    }

    const DEALS_EN: Plural = Plural(&["{count} deal", "{count} deals"]);
    const DEALS_RU: Plural = Plural(&[
        "{count} сделка",
        "{count} сделки",
        "{count} сделок",
        "{count} сделки",
    ]);

    #[test]
    fn russian_plural_forms_follow_cldr() {
        speaking(Language::Russian, || {
            let forms: Vec<String> = [0, 1, 2, 5, 11, 21, 101, 22, 112, 1_000]
                .map(|n| t().count(&DEALS_RU, n))
                .to_vec();
            assert_eq!(
                forms,
                [
                    "0 сделок",
                    "1 сделка",
                    "2 сделки",
                    "5 сделок",
                    "11 сделок",
                    "21 сделка",
                    "101 сделка",
                    "22 сделки",
                    "112 сделок",
                    "1\u{a0}000 сделок",
                ]
            );
            assert_eq!(t().count_decimal(&DEALS_RU, 1.5), "1,5 сделки");
            assert_eq!(t().count_decimal(&DEALS_RU, 2.0), "2 сделки");
        });
    }

    #[test]
    fn english_plural_forms_follow_cldr() {
        speaking(Language::English, || {
            let forms = [0, 1, 2, 5, 11, 21, 101].map(|n| t().count(&DEALS_EN, n));
            assert_eq!(
                forms,
                [
                    "0 deals",
                    "1 deal",
                    "2 deals",
                    "5 deals",
                    "11 deals",
                    "21 deals",
                    "101 deals"
                ]
            );
            assert_eq!(t().count_decimal(&DEALS_EN, 1.5), "1.5 deals");
            assert_eq!(t().count_decimal(&DEALS_EN, 1.0), "1 deal");
        });
    }

    #[test]
    fn money_in_each_language() {
        speaking(Language::English, || {
            assert_eq!(money(&usd(1_200_050)), "$12,000.50");
            assert_eq!(money(&rub(1_200_000)), "₽12,000");
            assert_eq!(money(&usd(-500)), "-$5");
            let chf = Money::parse_with_currency("12000 CHF", Currency::EUR).unwrap();
            assert_eq!(money(&chf), "12,000 CHF");
            assert_eq!(money_compact(&usd(120_000_000)), "$1.2M");
            assert_eq!(money_compact(&usd(1_250_000)), "$12.5k");
            assert_eq!(money_compact(&usd(17_350_050)), "$174k", "rounded, not cut");
            assert_eq!(money_compact(&usd(99_960_000)), "$1M");
            assert_eq!(money_compact(&usd(95_000)), "$950");
            let most = Money::parse_with_currency("999999999999999 JPY", Currency::EUR).unwrap();
            assert_eq!(
                money_compact(&most),
                "¥1,000T",
                "no overflow at the extreme"
            );
        });
        speaking(Language::Russian, || {
            assert_eq!(money(&rub(1_200_050)), "12\u{a0}000,50\u{a0}₽");
            assert_eq!(money(&usd(1_200_000)), "12\u{a0}000\u{a0}$");
            assert_eq!(money(&rub(-500)), "-5\u{a0}₽");
            assert_eq!(money_compact(&rub(120_000_000)), "1,2\u{a0}млн\u{a0}₽");
            assert_eq!(money_compact(&rub(1_200_000)), "12\u{a0}тыс.\u{a0}₽");
        });
    }

    #[test]
    fn what_money_shows_reads_back() {
        for language in Language::ALL {
            speaking(language, || {
                let kwd = Money::parse_with_currency("12000 KWD", Currency::EUR).unwrap();
                for m in [rub(1_200_050), usd(-500), usd(99_999_999_999), kwd] {
                    let shown = money(&m);
                    assert_eq!(
                        Money::parse_with_currency(&shown, Currency::EUR),
                        Ok(m),
                        "{shown}"
                    );
                }
            });
        }
    }

    #[test]
    fn numbers_and_dates_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let may = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        speaking(Language::English, || {
            assert_eq!(percent(0.57), "57%");
            assert_eq!(one_decimal(2.5), "2.5");
            assert_eq!(date_short(day), "Dec 4");
            assert_eq!(date_long(day), "Dec 4, 2026");
            assert_eq!(month(day), "December");
            assert_eq!(month_year(may), "May 2026");
            assert_eq!(date_with_weekday(day), "Fri 4 Dec");
        });
        speaking(Language::Russian, || {
            assert_eq!(percent(0.57), "57\u{a0}%");
            assert_eq!(one_decimal(2.5), "2,5");
            assert_eq!(number(12_000), "12\u{a0}000");
            assert_eq!(date_short(day), "4 дек");
            assert_eq!(date_short(may), "1 мая");
            assert_eq!(date_long(day), "4 декабря 2026");
            assert_eq!(month(day), "декабрь");
            assert_eq!(month_year(may), "май 2026");
            assert_eq!(date_with_weekday(day), "пт, 4 дек");
        });
    }

    #[test]
    fn date_words_of_both_languages_are_read_in_either() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d);
        let december = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d);
        for language in Language::ALL {
            speaking(language, || {
                for (typed, expected) in [
                    ("today", Some(today)),
                    (" Today ", Some(today)),
                    ("сегодня", Some(today)),
                    ("Завтра", day(28)),
                    ("tomorrow", day(28)),
                    ("вчера", day(26)),
                    ("yesterday", day(26)),
                    ("+3d", day(30)),
                    ("+3д", day(30)),
                    ("+3 дня", day(30)),
                    ("+2w", december(11)),
                    ("+2н", december(11)),
                    ("-3d", day(24)),
                    ("-1нед", day(20)),
                    ("+3", day(30)),
                    ("01.12.2026", december(1)),
                    ("2026-12-01", december(1)),
                    ("", None),
                ] {
                    assert_eq!(parse_date(typed, today), Ok(expected), "{typed}");
                }
                for bad in [
                    "next week",
                    "+x",
                    "+3x",
                    "+99999999999d",
                    "послезавтра",
                    "+d",
                    "++3d",
                    "-+3д",
                ] {
                    assert!(parse_date(bad, today).is_err(), "{bad}");
                }
            });
        }
    }
}
