//! `dealboard list`: deals as a table for people, JSON for scripts, CSV for spreadsheets.

use clap::{Args, ValueEnum};

use super::table::{self, Column};
use super::{Failure, Output, find_stage};
use crate::interchange::{deals_csv, write_deals_json};
use chrono::NaiveDate;

use crate::model::{Board, Deal, Status};
use crate::report::{Due, due_state};
use crate::text::t;

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_name = "NAME", help = t().cli.arg_stage_filter)]
    pub stage: Option<String>,
    #[arg(long, value_name = "NAME", help = t().cli.arg_owner_filter)]
    pub owner: Option<String>,
    #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
    pub format: Format,
}

/// The listing as it is printed: deals in board order (stage, then manual order).
pub fn list(
    board: &'static Board,
    args: &ListArgs,
    width: Option<usize>,
    today: NaiveDate,
) -> Result<Output, Failure> {
    let stage = args
        .stage
        .as_deref()
        .map(|name| find_stage(board, name))
        .transpose()?;
    let owner = args.owner.as_deref().map(str::to_lowercase);
    let mut deals: Vec<&Deal> = board
        .deals
        .iter()
        .map(AsRef::as_ref)
        .filter(|d| stage.as_ref().is_none_or(|s| d.stage == *s))
        .filter(|d| owner.as_ref().is_none_or(|o| d.owner.to_lowercase() == *o))
        .collect();
    // Each deal's stage is looked up once, not at every comparison.
    deals.sort_by_cached_key(|d| (board.stage_index(&d.stage), d.rank, d.id));
    Ok(match args.format {
        Format::Json => Output::Stream(Box::new(move |out| {
            write_deals_json(out, board, &deals).map_err(std::io::Error::from)
        })),
        Format::Csv => Output::Data(deals_csv(board, &deals, false)?),
        Format::Table if deals.is_empty() => Output::Text(format!("{}\n", t().cli.no_deals)),
        Format::Table => Output::Text(table_of(board, &deals, width, today)),
    })
}

fn table_of(board: &Board, deals: &[&Deal], width: Option<usize>, today: NaiveDate) -> String {
    let c = &t().cli;
    let any_closed = deals.iter().any(|d| !d.status.is_open());
    // (header, right-aligned, cut down to at most, left out when narrow: lowest first)
    let column = |header: &str, right_align, shrinks_to, drop_order| Column {
        header: header.to_string(),
        right_align,
        shrinks_to,
        drop_order,
    };
    let mut columns = vec![
        column(c.col_id, true, None, None),
        column(c.col_title, false, Some(12), None),
        column(c.col_company, false, Some(8), Some(1)),
        column(c.col_stage, false, Some(10), None),
        column(c.col_value, true, None, None),
        column(c.col_owner, false, Some(6), Some(0)),
        // Keeps room for the mark and the whole date: `⚠ 2026-11-20…`.
        column(c.col_next, false, Some(13), Some(2)),
    ];
    if any_closed {
        // A lost deal must not pass for an open one: the status goes last.
        columns.push(column(c.col_status, false, None, Some(3)));
    }
    let rows: Vec<Vec<String>> = deals
        .iter()
        .map(|d| {
            let stage = board
                .stage(&d.stage)
                .map_or_else(|| d.stage.to_string(), |s| s.name.clone());
            let mut row = vec![
                d.id.to_string(),
                d.title.clone(),
                d.company.clone(),
                stage,
                crate::text::money(&d.value),
                d.owner.clone(),
                next_action(d, today),
            ];
            if any_closed {
                let c = &t().cli;
                let status = match d.status {
                    Status::Open => c.status_open,
                    Status::Won { .. } => c.status_won,
                    Status::Lost { .. } => c.status_lost,
                };
                row.push(status.to_string());
            }
            row
        })
        .collect();
    table::render(&columns, &rows, width)
}

/// `⚠ 2026-11-20 Call back` when overdue, `● 2026-11-27 ...` when due today, plain otherwise:
/// the same marks as on the board.
fn next_action(deal: &Deal, today: NaiveDate) -> String {
    let text = match deal.next_due() {
        Some(due) => format!("{due} {}", deal.next_action())
            .trim_end()
            .to_string(),
        None => deal.next_action().to_string(),
    };
    let b = &t().board;
    let mark = match due_state(deal, today) {
        Due::Overdue(_) => b.overdue.last(),
        Due::Today => b.due_today.last(),
        Due::Later(_) | Due::Unplanned => None,
    };
    match mark {
        Some(mark) => format!("{mark} {text}"),
        None => text,
    }
}
