//! The team's process over a team folder: `process apply` puts the process kept in `team.ron`
//! on every board, `process pilot` tries another on some boards, `process adopt` makes the
//! pilot's the team's and `process abandon` takes its boards back. All or nothing: every board
//! is locked, read and changed in memory before any is written; each written board keeps its
//! version before as backup 1 (`dealboard restore 1`), and the team file its own copy.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::Failure;
use super::change::Change;
use crate::model::{AdoptError, Board, Stage, StageId, Why, checked_process};
use crate::store::{self, Pilot, Team, board_files, board_name, read_team, save_team};
use crate::text::{fill, quote, t};

/// What to put on which boards, and the words to record it with.
struct Putting<'a> {
    files: &'a [PathBuf],
    stages: &'a [Stage],
    moves: &'a [String],
    reason: &'a str,
    at: DateTime<Utc>,
}

/// The boards of `folder`, refused when there are none.
fn boards_in(folder: &Path) -> Result<Vec<PathBuf>, Failure> {
    let files = board_files(&[folder.to_path_buf()]);
    if files.is_empty() {
        return Err(Failure(fill(
            t().versions.no_boards_in,
            &[("folder", &folder.display())],
        )));
    }
    Ok(files)
}

fn team_of(folder: &Path) -> Result<Team, Failure> {
    Ok(read_team(folder)?.unwrap_or_default())
}

/// The stages of the board file at `path` (a draft is a board).
fn stages_of_file(path: &Path) -> Result<Vec<Stage>, Failure> {
    let board = store::Store::at(path).read()?;
    Ok(board.stages)
}

/// `process apply [DIR] [--from BOARD]`: the team's process on every board not on a pilot.
pub fn apply(
    folder: &Path,
    from: Option<&Path>,
    moves: &[String],
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<String, Failure> {
    let v = &t().versions;
    let mut team = team_of(folder)?;
    let mut lines = Vec::new();
    if let (Some(_), Some(running)) = (from, &team.pilot) {
        return Err(Failure(pilot_running(folder, running)));
    }
    if let Some(from) = from {
        team.process = checked(&stages_of_file(from)?)?;
    }
    if team.process.is_empty() {
        let folder = folder.display();
        return Err(Failure(fill(v.no_team_process, &[("folder", &folder)])));
    }
    let on_pilot = |f: &PathBuf| team.pilot.as_ref().is_some_and(|p| on(p, f));
    let files: Vec<PathBuf> = boards_in(folder)?
        .into_iter()
        .filter(|f| !on_pilot(f))
        .collect();
    lines.extend(put(&Putting {
        files: &files,
        stages: &team.process,
        moves,
        reason: reason.unwrap_or(v.reason_team),
        at,
    })?);
    // The team file takes the new process only once the boards have it.
    if from.is_some() {
        lines.extend(save_kept(folder, &team)?);
        let path = store::team_file(folder);
        lines.push(fill(v.team_process_saved, &[("path", &path.display())]));
    }
    Ok(lines.join("\n") + "\n")
}

/// `process pilot DRAFT BOARD...`: the draft's process on the boards named; the team file
/// records the pilot (and, when it kept none, the process the other boards are on).
pub fn pilot(
    draft: &Path,
    named: &[PathBuf],
    moves: &[String],
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<String, Failure> {
    let v = &t().versions;
    let folder = store::folder_of(named.first().map_or(draft, PathBuf::as_path));
    let all = boards_in(&folder)?;
    if all.iter().any(|f| same_file(f, draft)) {
        let draft = draft.display();
        return Err(Failure(fill(v.draft_in_folder, &[("path", &draft)])));
    }
    let files = board_files(named);
    for file in &files {
        if !file.is_file() {
            store::Store::at(file).read()?;
        }
        // The name is kept in team.ron and shown on the review's title: held to the rules of
        // any text a teammate shows.
        if crate::model::limits::check_line(&file_name(file)).is_err() {
            let name = quote(&file_name(file));
            return Err(Failure(fill(v.bad_board_name, &[("name", &name)])));
        }
        if !all.iter().any(|f| same_file(f, file)) {
            return Err(Failure(fill(
                v.not_in_folder,
                &[("path", &file.display()), ("folder", &folder.display())],
            )));
        }
    }
    let mut team = team_of(&folder)?;
    if let Some(running) = &team.pilot {
        return Err(Failure(pilot_running(&folder, running)));
    }
    let stages = checked(&stages_of_file(draft)?)?;
    if team.process.is_empty() {
        // What the others stay on, so that the pilot can be abandoned back to it.
        let other = all.iter().find(|f| !files.iter().any(|p| same_file(f, p)));
        let keep_from = other.or(files.first()).map_or(draft, PathBuf::as_path);
        team.process = checked(&stages_of_file(keep_from)?)?;
    }
    let reason = reason.unwrap_or_default();
    let mut lines = put(&Putting {
        files: &files,
        stages: &stages,
        moves,
        reason: &labelled(v.reason_pilot, reason),
        at,
    })?;
    // Named as the folder lists them (a board named through a link is still its file).
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            let listed = all.iter().find(|a| same_file(a, f));
            file_name(listed.unwrap_or(f))
        })
        .collect();
    team.pilot = Some(Pilot {
        boards: names.clone(),
        since: at,
        reason: crate::model::limits::fit_line(reason),
        stages,
    });
    lines.extend(save_kept(&folder, &team)?);
    lines.push(fill(
        v.pilot_started,
        &[("folder", &folder.display()), ("boards", &names.join(", "))],
    ));
    Ok(lines.join("\n") + "\n")
}

/// The team file of `folder` without its pilot, and the pilot; refused when none runs.
fn ending_pilot(folder: &Path) -> Result<(Team, Pilot), Failure> {
    let mut team = team_of(folder)?;
    match team.pilot.take() {
        Some(pilot) => Ok((team, pilot)),
        None => Err(Failure(fill(
            t().versions.no_pilot,
            &[("folder", &folder.display())],
        ))),
    }
}

/// `process adopt [DIR]`: the pilot's process becomes the team's, on every board.
pub fn adopt(
    folder: &Path,
    moves: &[String],
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<String, Failure> {
    let v = &t().versions;
    let (mut team, pilot) = ending_pilot(folder)?;
    let files = boards_in(folder)?;
    let why = reason.unwrap_or(&pilot.reason);
    let mut lines = put(&Putting {
        files: &files,
        stages: &pilot.stages,
        moves,
        reason: &labelled(v.reason_adopted, why),
        at,
    })?;
    team.process = pilot.stages;
    lines.extend(save_kept(folder, &team)?);
    lines.push(v.pilot_adopted.to_string());
    Ok(lines.join("\n") + "\n")
}

/// `process abandon [DIR]`: the pilot's boards go back to the team's process.
pub fn abandon(
    folder: &Path,
    moves: &[String],
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<String, Failure> {
    let v = &t().versions;
    let (team, pilot) = ending_pilot(folder)?;
    if team.process.is_empty() {
        let folder = folder.display();
        return Err(Failure(fill(v.no_team_process, &[("folder", &folder)])));
    }
    let files: Vec<PathBuf> = boards_in(folder)?
        .into_iter()
        .filter(|f| on(&pilot, f))
        .collect();
    let why = reason.unwrap_or(&pilot.reason);
    let mut lines = put(&Putting {
        files: &files,
        stages: &team.process,
        moves,
        reason: &labelled(v.reason_abandoned, why),
        at,
    })?;
    lines.extend(save_kept(folder, &team)?);
    lines.push(fill(
        v.pilot_abandoned,
        &[("boards", &pilot.boards.join(", "))],
    ));
    Ok(lines.join("\n") + "\n")
}

/// `Pilot: why`, or `Pilot` alone without a reason.
fn labelled(template: &str, reason: &str) -> String {
    let reason = reason.trim();
    if reason.is_empty() {
        let label = template.split("{reason}").next().unwrap_or(template);
        return label.trim_end_matches([':', ' ']).to_string();
    }
    fill(template, &[("reason", &reason)])
}

/// "A pilot runs in … since …": why another cannot start.
fn pilot_running(folder: &Path, pilot: &Pilot) -> String {
    fill(
        t().versions.pilot_running,
        &[
            ("folder", &folder.display()),
            ("since", &crate::text::date_long(pilot.since.date_naive())),
            ("boards", &pilot.boards.join(", ")),
        ],
    )
}

/// Writes the team file, keeping the one before; the line saying where it was kept.
fn save_kept(folder: &Path, team: &Team) -> Result<Vec<String>, Failure> {
    // The file as it is now: rates or sync settings changed meanwhile are kept; only the
    // process and the pilot are this command's.
    let mut fresh = team_of(folder)?;
    fresh.process.clone_from(&team.process);
    fresh.pilot.clone_from(&team.pilot);
    let kept = save_team(folder, &fresh, true)?;
    Ok(kept
        .map(|path| fill(t().versions.team_kept, &[("path", &path.display())]))
        .into_iter()
        .collect())
}

/// Whether the board at `file` is one of the pilot's.
fn on(pilot: &Pilot, file: &Path) -> bool {
    pilot.boards.iter().any(|b| *b == file_name(file))
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map_or_else(|| board_name(file), |n| n.to_string_lossy().into_owned())
}

fn same_file(a: &Path, b: &Path) -> bool {
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    real(a) == real(b)
}

fn checked(stages: &[Stage]) -> Result<Vec<Stage>, Failure> {
    checked_process(stages).map_err(|e| Failure(adopt_error(&e, stages)))
}

/// Puts the process on every board of `putting`, all or none, and says what came of it.
fn put(putting: &Putting) -> Result<Vec<String>, Failure> {
    let v = &t().versions;
    let stages = checked(putting.stages)?;
    let mut changes = Vec::new();
    for file in putting.files {
        changes.push(Change::begin_backing_up(file)?);
    }
    let moves = parse_moves(putting.moves)?;
    // A stage to move from that no board has is most likely a typo.
    for (from, _) in &moves {
        if !changes
            .iter()
            .any(|c| find(&c.board.stages, from).is_some())
        {
            let known = changes
                .first()
                .map_or_else(String::new, |c| names(&c.board.stages));
            return Err(Failure(fill(
                v.no_stage_to_move,
                &[("name", &quote(from)), ("stages", &known)],
            )));
        }
    }
    let stranded = stranded(&changes, &stages, &moves);
    if !stranded.is_empty() {
        return Err(Failure(stranded));
    }
    let why = Why {
        at: putting.at,
        reason: putting.reason,
    };
    let mut lines = Vec::new();
    let mut changed = Vec::new();
    for (change, file) in changes.iter_mut().zip(putting.files) {
        let board = &mut change.board;
        let pairs = resolve_moves(board, &stages, &moves)?;
        let before = board.clone();
        let name = board_name(file);
        match board.adopt_process(&stages, &pairs, why) {
            Ok(None) => lines.push(fill(v.board_same, &[("board", &name)])),
            Ok(Some(_)) => {
                let n = board.process_log.len();
                lines.push(fill(v.board_changed, &[("board", &name), ("n", &n)]));
                lines.extend(moved_lines(&before, &pairs, &stages, &name));
                changed.push(true);
                continue;
            }
            Err(e) => return Err(Failure(adopt_error(&e, &stages))),
        }
        changed.push(false);
    }
    let any = changed.contains(&true);
    let mut written: Vec<String> = Vec::new();
    for ((change, changed), file) in changes.into_iter().zip(changed).zip(putting.files) {
        if !changed {
            continue;
        }
        if let Err(Failure(error)) = change.finish() {
            // Boards already written stay written: say which, and how to take them back.
            if written.is_empty() {
                return Err(Failure(error));
            }
            let boards = written.join(", ");
            return Err(Failure(fill(
                v.partly_written,
                &[("error", &error), ("boards", &boards)],
            )));
        }
        written.push(board_name(file));
    }
    if any {
        lines.push(v.restore_hint.to_string());
    }
    Ok(lines)
}

/// `OLD=NEW` pairs as typed.
fn parse_moves(moves: &[String]) -> Result<Vec<(String, String)>, Failure> {
    moves
        .iter()
        .map(|m| match m.split_once('=') {
            Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
                Ok((from.trim().to_string(), to.trim().to_string()))
            }
            _ => Err(Failure(fill(t().versions.bad_move, &[("text", &quote(m))]))),
        })
        .collect()
}

/// A stage named as a person would, among `stages`: its name (any case), id or number.
fn find<'a>(stages: &'a [Stage], named: &str) -> Option<&'a Stage> {
    if let Ok(n) = named.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| stages.get(i));
    }
    let lower = named.to_lowercase();
    stages
        .iter()
        .find(|s| s.name.to_lowercase() == lower || s.id.as_str() == named)
}

/// The pairs of stage ids `moves` names on `board`: a stage of the board the new process lacks,
/// and one of the new process. A move about a stage this board does not have is not its.
fn resolve_moves(
    board: &Board,
    stages: &[Stage],
    moves: &[(String, String)],
) -> Result<Vec<(StageId, StageId)>, Failure> {
    let v = &t().versions;
    let mut pairs = Vec::new();
    for (from, to) in moves {
        let target = find(stages, to).ok_or_else(|| {
            Failure(fill(
                v.move_to_unknown,
                &[("name", &quote(to)), ("targets", &names(stages))],
            ))
        })?;
        // Named as on the board (its name, id or number), and one the new process lacks.
        let lacking = find(&board.stages, from).filter(|s| !stages.iter().any(|n| n.id == s.id));
        if let Some(stage) = lacking {
            pairs.push((stage.id.clone(), target.id.clone()));
        }
    }
    Ok(pairs)
}

/// "Deals are in stages the new process lacks…", naming each such stage and the boards its
/// deals are on; empty when every such stage has somewhere to go.
fn stranded(changes: &[Change], stages: &[Stage], moves: &[(String, String)]) -> String {
    let v = &t().versions;
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for change in changes {
        let board = &change.board;
        let name = board_name(change.path());
        let Ok(pairs) = resolve_moves(board, stages, moves) else {
            continue;
        };
        for (id, stage, count) in board.stranded_by(stages) {
            if pairs.iter().any(|(from, _)| *from == id) {
                continue;
            }
            let entry = format!("{name}: {count}");
            match found.iter_mut().find(|(s, _)| *s == stage) {
                Some((_, boards)) => boards.push(entry),
                None => found.push((stage, vec![entry])),
            }
        }
    }
    let Some((first, _)) = found.first() else {
        return String::new();
    };
    let listed: Vec<String> = found
        .iter()
        .map(|(name, boards)| {
            fill(
                v.stranded_stage,
                &[("name", name), ("boards", &boards.join(", "))],
            )
        })
        .collect();
    let example = format!("{first}={}", stages.first().map_or("", |s| s.name.as_str()));
    fill(
        v.stranded,
        &[
            ("stages", &listed.join(", ")),
            ("example", &example),
            ("targets", &names(stages)),
        ],
    )
}

/// Lines saying which deals moved where on one board.
fn moved_lines(
    before: &Board,
    pairs: &[(StageId, StageId)],
    stages: &[Stage],
    board: &str,
) -> Vec<String> {
    pairs
        .iter()
        .filter_map(|(from, to)| {
            let count = before.deals.iter().filter(|d| d.stage == *from).count();
            (count > 0).then(|| {
                fill(
                    t().versions.board_moved,
                    &[
                        ("board", &board),
                        ("deals", &t().count(&t().board.deal_count, count)),
                        ("from", &before.stage(from).map_or("", |s| s.name.as_str())),
                        (
                            "to",
                            &stages
                                .iter()
                                .find(|s| s.id == *to)
                                .map_or("", |s| s.name.as_str()),
                        ),
                    ],
                )
            })
        })
        .collect()
}

fn names(stages: &[Stage]) -> String {
    let names: Vec<String> = stages.iter().map(|s| quote(&s.name)).collect();
    names.join(", ")
}

fn adopt_error(error: &AdoptError, stages: &[Stage]) -> String {
    let v = &t().versions;
    match error {
        AdoptError::Unsound(e) => e.to_string(),
        AdoptError::BadStageId(id) => fill(v.bad_stage_id, &[("id", &quote(id))]),
        AdoptError::Stranded(list) => {
            let listed: Vec<String> = list
                .iter()
                .map(|(_, name, count)| {
                    fill(
                        v.stranded_stage,
                        &[("name", name), ("boards", &count.to_string())],
                    )
                })
                .collect();
            let example = format!(
                "{}={}",
                list.first().map_or("", |(_, n, _)| n.as_str()),
                stages.first().map_or("", |s| s.name.as_str())
            );
            fill(
                v.stranded,
                &[
                    ("stages", &listed.join(", ")),
                    ("example", &example),
                    ("targets", &names(stages)),
                ],
            )
        }
        AdoptError::NoTarget(name) => fill(
            v.move_to_unknown,
            &[("name", &quote(name)), ("targets", &names(stages))],
        ),
        AdoptError::CrossesSale(name) => fill(v.crosses_sale, &[("name", &quote(name))]),
    }
}
