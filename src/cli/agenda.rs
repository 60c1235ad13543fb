//! `dealboard agenda`: the activities planned across all deals, overdue first, then each day,
//! as a table for people or JSON for scripts.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::table::{self, Column};
use super::{Failure, Output};
use crate::interchange::AgendaJson;
use crate::model::Board;
use crate::report::Agenda;
use crate::text::day::{agenda_day, kind_name};
use crate::text::{date_long, fill, t};

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum AgendaFormat {
    #[default]
    Table,
    Json,
}

#[derive(Args, Debug)]
pub struct AgendaArgs {
    #[arg(long, value_name = "N", default_value_t = 7,
          value_parser = clap::value_parser!(u32).range(1..=366), help = t().day.arg_days)]
    pub days: u32,
    #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
    pub format: AgendaFormat,
}

pub fn agenda(
    board: &Board,
    args: &AgendaArgs,
    width: Option<usize>,
    today: NaiveDate,
) -> Result<Output, Failure> {
    let agenda = Agenda::of(board, today, args.days);
    Ok(match args.format {
        AgendaFormat::Json => Output::Data(
            (serde_json::to_string_pretty(&AgendaJson::of(board, &agenda, today))? + "\n")
                .into_bytes(),
        ),
        AgendaFormat::Table if agenda.is_empty() => {
            let last = today + chrono::Days::new(u64::from(args.days) - 1);
            Output::Text(fill(t().day.agenda_empty, &[("date", &date_long(last))]) + "\n")
        }
        AgendaFormat::Table => Output::Text(table_of(&agenda, width, today)),
    })
}

fn table_of(agenda: &Agenda, width: Option<usize>, today: NaiveDate) -> String {
    let d = &t().day;
    let columns = [
        Column::text(&d.h_when.to_uppercase()),
        Column::text(&d.h_kind.to_uppercase()),
        Column::text(&d.h_deal.to_uppercase()),
        Column::text(&d.h_company.to_uppercase()),
        Column::text(&d.h_activity.to_uppercase()),
    ];
    let rows: Vec<Vec<String>> = agenda
        .items()
        .map(|p| {
            let mut when = match p.activity.due {
                Some(day) => agenda_day(day, today),
                None => t().day.no_day.to_string(),
            };
            if let Some(time) = p.activity.time {
                when.push_str(&format!(" {}", time.format("%H:%M")));
            }
            vec![
                when,
                kind_name(p.activity.kind).to_string(),
                format!("#{} {}", p.deal.id, p.deal.title),
                p.deal.company.clone(),
                p.activity.text.clone(),
            ]
        })
        .collect();
    table::render(&columns, &rows, width)
}
