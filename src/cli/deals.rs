//! Commands that change one deal: add, edit, move, won / lost / reopen, delete. Each takes the
//! writer lock, changes the board in memory, and saves only when the whole change is sound.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::change::Change;
use super::{AddArgs, EditArgs, Failure, find_stage, no_deal, stage_name};
use crate::clock::Clock;
use crate::model::input::InputError;
use crate::model::{Board, DealField, DealId, DealProblem, EditError, Patch, Status};
use crate::text::{Quoted, fill, t};

pub fn add(path: &Path, args: &AddArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let stage = match &args.stage {
        Some(name) => find_stage(board, name)?,
        None => board.stages[0].id.clone(),
    };
    let mut errors = Vec::new();
    let today = clock.today();
    let added = board.add_deal(&stage, clock.now_utc(), |deal| {
        // The title is the command's argument, not a flag: its problem is said plainly.
        match DealField::Title.set(deal, &args.title, crate::text::dates(today)) {
            Err(InputError::Required) => errors.push(DealProblem::EmptyTitle.to_string()),
            Err(problem) => errors.push(fill(t().cli.bad_title, &[("problem", &problem)])),
            Ok(()) => {}
        }
        if let Err(e) = args.fields.apply(deal, today) {
            errors.extend(e);
        }
    });
    if !errors.is_empty() {
        return Err(Failure(errors.join("\n")));
    }
    let (id, _) = added?;
    change.finish()?;
    Ok(format!("{id}\n"))
}

/// Changes the fields given on the command line, and only those.
pub fn edit(path: &Path, args: &EditArgs, clock: &dyn Clock) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let id = DealId(args.id);
    let mut errors = Vec::new();
    let today = clock.today();
    let edited = board.edit_deal(id, clock.now_utc(), |deal| {
        if let Some(title) = &args.title
            && let Err(problem) = DealField::Title.set(deal, title, crate::text::dates(today))
        {
            errors.push(fill(
                t().cli.bad_field,
                &[("field", &"title"), ("problem", &problem)],
            ));
        }
        if let Err(more) = args.fields.apply(deal, today) {
            errors.extend(more);
        }
    });
    if !errors.is_empty() {
        return Err(Failure(errors.join("\n")));
    }
    let changed = match edited {
        Err(EditError::NoDeal(_)) => return Err(no_deal(id)),
        other => other?,
    };
    let title = board.deal(id).map(|d| d.title.clone()).unwrap_or_default();
    if changed.is_none() {
        return Ok(fill(t().cli.unchanged, &[("id", &id), ("title", &title)]) + "\n");
    }
    change.finish()?;
    Ok(fill(t().cli.edited, &[("id", &id), ("title", &title)]) + "\n")
}

pub fn delete(path: &Path, id: DealId) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let title = board.deal(id).ok_or_else(|| no_deal(id))?.title.clone();
    board.delete_deal(id)?;
    change.finish()?;
    Ok(fill(t().cli.deleted, &[("id", &id), ("title", &title)]) + "\n")
}

pub fn move_deal(
    path: &Path,
    id: DealId,
    stage: &str,
    clock: &dyn Clock,
) -> Result<String, Failure> {
    let mut change = Change::begin(path)?;
    let board = &mut change.board;
    let to = find_stage(board, stage)?;
    let deal = board.deal(id).ok_or_else(|| no_deal(id))?;
    let title = deal.title.clone();
    let from = stage_name(board, &deal.stage);
    if deal.stage == to {
        // Already there: nothing to do, which a script may count as done.
        super::notice(&fill(
            t().cli.already_there,
            &[("id", &id), ("title", &Quoted(&title)), ("stage", &from)],
        ));
        return Ok(String::new());
    }
    let was_open = deal.status.is_open();
    board.move_deal(id, &to, clock.now_utc())?;
    let won_now = was_open && board.deal(id).is_some_and(|d| !d.status.is_open());
    let to = stage_name(board, &to);
    change.finish()?;
    let template = if won_now {
        t().cli.moved_and_won
    } else {
        t().cli.moved
    };
    Ok(fill(
        template,
        &[("id", &id), ("title", &title), ("from", &from), ("to", &to)],
    ) + "\n")
}

/// Wins, loses or reopens a deal, and says where it is now.
pub fn close_deal(
    path: &Path,
    id: DealId,
    clock: &dyn Clock,
    change: impl FnOnce(&mut Board, DealId, DateTime<Utc>) -> Result<Patch, EditError>,
) -> Result<String, Failure> {
    let mut session = Change::begin(path)?;
    let board = &mut session.board;
    board.deal(id).ok_or_else(|| no_deal(id))?;
    change(board, id, clock.now_utc())?;
    let deal = board.deal(id).ok_or_else(|| no_deal(id))?;
    let stage = stage_name(board, &deal.stage);
    let c = &t().cli;
    let text = match &deal.status {
        Status::Won { .. } => fill(
            c.now_won,
            &[("id", &id), ("title", &deal.title), ("stage", &stage)],
        ),
        Status::Lost { reason, .. } => fill(
            c.now_lost,
            &[("id", &id), ("title", &deal.title), ("reason", reason)],
        ),
        Status::Open => fill(
            c.now_open,
            &[("id", &id), ("title", &deal.title), ("stage", &stage)],
        ),
    };
    session.finish()?;
    Ok(text + "\n")
}
