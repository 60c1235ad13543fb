//! `dealboard rates`: the exchange rates a board, or a team folder's `team.ron`, keeps for one
//! converted figure beside each total. Typed by the user, never fetched.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::Failure;
use super::change::Change;
use crate::model::{Board, Currency, PerUnit, RateError, Rates};
use crate::store::{self, Team};
use crate::text::{fill, t};

#[derive(Args, Debug)]
pub struct RatesArgs {
    #[arg(long, global = true, value_name = "DIR", help = t().rates.arg_team)]
    pub team: Option<PathBuf>,
    #[command(subcommand)]
    pub action: RatesAction,
}

#[derive(Subcommand, Debug)]
pub enum RatesAction {
    #[command(about = t().rates.set_about)]
    Set {
        #[arg(value_name = "CURRENCY", help = t().rates.arg_currency)]
        currency: String,
        #[arg(value_name = "RATE", allow_hyphen_values = true, help = t().rates.arg_rate)]
        rate: String,
        #[arg(long, value_name = "CURRENCY", help = t().rates.arg_to)]
        to: Option<String>,
    },
    #[command(about = t().rates.list_about)]
    List,
    #[command(about = t().rates.clear_about)]
    Clear {
        #[arg(value_name = "CURRENCY", help = t().rates.arg_clear_currency)]
        currency: Option<String>,
    },
}

/// Where the rates are kept: the board, or a team folder's `team.ron`.
enum Keeper {
    Board(PathBuf),
    Team(PathBuf),
}

impl Keeper {
    /// `--team DIR`; else the team folder the board is in (one with a `team.ron`); else the
    /// board.
    fn of(board: &Path, team: Option<&Path>) -> Result<Keeper, Failure> {
        if let Some(folder) = team {
            if !folder.is_dir() {
                return Err(Failure(fill(
                    t().rates.not_a_folder,
                    &[("path", &folder.display())],
                )));
            }
            return Ok(Keeper::Team(folder.to_path_buf()));
        }
        match store::team_folder_of(board) {
            Some(folder) => Ok(Keeper::Team(folder)),
            None => Ok(Keeper::Board(board.to_path_buf())),
        }
    }

    /// Changes the rates kept here; `change` says what to tell the user.
    fn change(
        &self,
        change: impl FnOnce(&mut Option<Rates>) -> Result<Vec<String>, Failure>,
    ) -> Result<String, Failure> {
        let (said, path) = match self {
            Keeper::Board(path) => {
                let mut open = Change::begin(path)?;
                let said = change(&mut open.board.rates)?;
                open.finish()?;
                (said, path.clone())
            }
            Keeper::Team(folder) => {
                let mut team = read_team(folder)?.unwrap_or(Team {
                    version: store::TEAM_VERSION,
                    ..Team::default()
                });
                let said = change(&mut team.rates)?;
                store::save_team(folder, &team, false)?;
                (said, store::team_file(folder))
            }
        };
        Ok(lines(said) + &self.kept_in(&path))
    }

    fn kept_in(&self, path: &Path) -> String {
        let r = &t().rates;
        let template = match self {
            Keeper::Board(_) => r.kept_in,
            Keeper::Team(_) => r.kept_in_team,
        };
        fill(template, &[("path", &path.display())]) + "\n"
    }

    /// The rates kept here, the path they are kept in, and the boards they apply to.
    fn read(&self) -> Result<(Option<Rates>, PathBuf, Board), Failure> {
        match self {
            Keeper::Board(path) => {
                let board = super::change::read_board(path)?;
                Ok((board.rates.clone(), path.clone(), board))
            }
            Keeper::Team(folder) => {
                let team = read_team(folder)?;
                let files = store::board_files(std::slice::from_ref(folder));
                let board = match super::stats::combined(&files) {
                    Ok((board, _)) => board,
                    Err(_) => Board::placeholder(),
                };
                Ok((team.and_then(|t| t.rates), store::team_file(folder), board))
            }
        }
    }
}

/// The team file of `folder`; one that cannot be read is reported with what to do about a team
/// file (not a board).
fn read_team(folder: &Path) -> Result<Option<Team>, Failure> {
    store::read_team(folder).map_err(|e| {
        let advice = fill(t().rates.team_file_advice, &[("path", &e.path.display())]);
        Failure(format!(
            "{}\n{advice}",
            crate::text::rates::team_error_in_a_line(&e)
        ))
    })
}

/// The rates of [`store::team_folder`]'s team file; `None`: the boards' own rates apply.
pub fn team_rates(named: &[PathBuf]) -> Result<Option<Rates>, Failure> {
    match store::team_folder(named) {
        Some(folder) => Ok(read_team(&folder)?.and_then(|team| team.rates)),
        None => Ok(None),
    }
}

pub fn rates(board: &Path, args: &RatesArgs, today: NaiveDate) -> Result<String, Failure> {
    let keeper = Keeper::of(board, args.team.as_deref())?;
    match &args.action {
        RatesAction::Set { currency, rate, to } => {
            let from = currency_named(currency)?;
            let to = to.as_deref().map(currency_named).transpose()?;
            keeper.change(|kept| set(kept, from, rate, to, today))
        }
        RatesAction::Clear { currency } => {
            let only = currency.as_deref().map(currency_named).transpose()?;
            keeper.change(|kept| clear(kept, only))
        }
        RatesAction::List => {
            let (rates, path, board) = keeper.read()?;
            Ok(list(rates.as_ref(), &board) + &keeper.kept_in(&path))
        }
    }
}

fn set(
    kept: &mut Option<Rates>,
    from: Currency,
    rate: &str,
    to: Option<Currency>,
    today: NaiveDate,
) -> Result<Vec<String>, Failure> {
    let r = &t().rates;
    let to = to
        .or(kept.as_ref().map(|k| k.to()))
        .ok_or_else(|| Failure(r.needs_to.to_string()))?;
    let per_unit = PerUnit::parse(rate).map_err(|_| {
        Failure(fill(
            r.not_a_rate,
            &[
                ("rate", &crate::text::Quoted(rate)),
                ("from", &from.code()),
                ("to", &to.code()),
            ],
        ))
    })?;
    let mut said = Vec::new();
    let rates = match kept.take() {
        Some(old) if old.to() == to => old,
        Some(old) => {
            if !old.rates().is_empty() {
                said.push(fill(r.currency_changed, &[("old", &old.to().code())]));
            }
            Rates::new(to, today)
        }
        None => Rates::new(to, today),
    };
    let rates = kept.insert(rates);
    rates
        .set(from, per_unit, today)
        .map_err(|_: RateError| Failure(fill(r.same_currency, &[("currency", &from.code())])))?;
    let rate = rates.rates().iter().find(|r| r.from == from).copied();
    said.extend(rate.map(|rate| crate::text::rates::one_is(rates, &rate)));
    Ok(said)
}

fn clear(kept: &mut Option<Rates>, only: Option<Currency>) -> Result<Vec<String>, Failure> {
    let r = &t().rates;
    match only {
        None if kept.take().is_none() => Ok(vec![r.nothing_to_clear.to_string()]),
        None => Ok(vec![r.cleared.to_string()]),
        Some(currency) => {
            if kept.as_mut().is_some_and(|rates| rates.remove(currency)) {
                // No rate left: no converted figures, as before there were rates.
                if kept.as_ref().is_some_and(|rates| rates.rates().is_empty()) {
                    *kept = None;
                }
                Ok(vec![fill(r.cleared_one, &[("currency", &currency.code())])])
            } else {
                Err(Failure(fill(
                    r.no_rate_to_clear,
                    &[("currency", &currency.code())],
                )))
            }
        }
    }
}

/// The report currency and each rate, then each currency of open deals that has none.
fn list(rates: Option<&Rates>, board: &Board) -> String {
    let r = &t().rates;
    let Some(rates) = rates else {
        return lines(vec![r.none.to_string()]);
    };
    let mut said = vec![fill(
        r.heading,
        &[
            ("to", &rates.to().code()),
            ("date", &crate::text::date_long(rates.set_on())),
        ],
    )];
    said.extend(
        rates
            .rates()
            .iter()
            .map(|rate| format!("  {}", crate::text::rates::one_is(rates, rate))),
    );
    let open = board.open_values();
    for currency in open.iter().map(|m| m.currency) {
        let deals = open.count_in(currency);
        if currency != rates.to() && rates.rate_of(currency).is_none() {
            said.push(fill(
                r.missing,
                &[
                    ("currency", &currency.code()),
                    ("deals", &t().count(&r.open_deals, deals)),
                    ("to", &rates.to().code()),
                ],
            ));
        }
    }
    lines(said)
}

fn currency_named(text: &str) -> Result<Currency, Failure> {
    Currency::parse(text).ok_or_else(|| {
        Failure(fill(
            t().rates.not_a_currency,
            &[("currency", &crate::text::Quoted(text))],
        ))
    })
}

fn lines(said: Vec<String>) -> String {
    said.into_iter().map(|line| line + "\n").collect()
}
