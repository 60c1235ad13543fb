//! `dealboard plan ID TEXT`: one more activity for a deal (a call, meeting, e-mail or task,
//! with a day and maybe a time), beside what is planned.

use std::path::Path;

use clap::Args;

use super::{Failure, deal_id};
use crate::clock::Clock;
use crate::model::{Activity, ActivityKind, DealId};
use crate::text::{fill, t};

#[derive(Args, Debug)]
pub struct PlanArgs {
    #[arg(help = t().cli.arg_id, value_parser = deal_id)]
    pub id: u64,
    #[arg(value_name = "TEXT", help = t().day.arg_activity_text)]
    pub text: String,
    #[arg(long, value_name = "KIND", default_value = "task", value_parser = kind, help = t().day.arg_kind)]
    pub kind: ActivityKind,
    #[arg(long, value_name = "DATE", help = t().cli.arg_due)]
    pub due: Option<String>,
    #[arg(long, value_name = "HH:MM", value_parser = clock_time, help = t().day.arg_time)]
    pub time: Option<chrono::NaiveTime>,
}

fn kind(text: &str) -> Result<ActivityKind, String> {
    ActivityKind::from_key(text).ok_or_else(|| {
        let keys: Vec<&str> = ActivityKind::ALL.iter().map(|k| k.key()).collect();
        fill(t().day.not_a_kind, &[("kinds", &keys.join(", "))])
    })
}

fn clock_time(text: &str) -> Result<chrono::NaiveTime, String> {
    match crate::model::input::parse_time_of_day(text) {
        Ok(Some(time)) => Ok(time),
        _ => Err(t().day.not_a_time.to_string()),
    }
}

pub fn plan(path: &Path, args: &PlanArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let id = DealId(args.id);
    let due = match &args.due {
        Some(text) => crate::text::parse_date(text, clock.today())
            .map_err(|e| Failure(format!("--due: {e}")))?,
        None => None,
    };
    if args.time.is_some() && due.is_none() {
        return Err(Failure(t().day.time_needs_day.to_string()));
    }
    if args.text.trim().is_empty() {
        return Err(Failure(t().day.say_what.to_string()));
    }
    let activity = Activity {
        kind: args.kind,
        text: args.text.trim().to_string(),
        due,
        time: args.time,
    };
    let kind = activity.kind;
    let title = super::customers::change_deal(
        path,
        id,
        |board, now| board.plan_activity(id, activity, now),
        clock,
    )?;
    Ok(crate::text::day::planned_words(kind, &title) + "\n")
}
