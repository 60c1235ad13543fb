//! A three-way merge of boards, for git's merge driver (`dealboard merge BASE OURS THEIRS`):
//! deals matched by id and merged field by field, so that two people's work on one board file
//! is all kept. Lists that grow with time (stage history, ticked criteria, done actions, close
//! date changes, dated notes, feedback, events) are united in time order, planned activities
//! and tags as sets, companies and people by name; a field changed differently on both sides goes to
//! the later change (by the deal's change time), and the losing value is written into the
//! deal's notes, so that nothing is silently dropped. Where the inputs allow it, the result is
//! the same whichever side is "ours".

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::model::{Board, Deal, DealId, Referral};

/// Lists of a deal that only grow, each entry with its time under this key.
const TIMED_LISTS: [(&str, &str); 7] = [
    ("history", "at"),
    ("ticked", "at"),
    ("done_actions", "done"),
    ("close_changes", "at"),
    ("dated_notes", "at"),
    ("feedback", "at"),
    ("events", "at"),
];

/// What the merge made: the board, and how many fields both sides changed differently.
pub struct MergedBoards {
    pub board: Board,
    pub clashes: usize,
}

/// Merges `ours` and `theirs`, both changed from `base`. Fails only when a board cannot be
/// turned into the merge's form, or the result breaks the board's rules: then git shows a
/// normal conflict.
pub fn merge_boards(base: &Board, ours: &Board, theirs: &Board) -> Result<MergedBoards, String> {
    let mut clashes = 0;
    let mut board = settings(base, ours, theirs)?;
    let (by_id, renumbered) = deals(base, ours, theirs, &mut clashes)?;
    board.deals = by_id.into_values().collect::<Vec<_>>().into();
    board.next_deal_id = [ours.next_deal_id, theirs.next_deal_id, renumbered]
        .into_iter()
        .max()
        .unwrap_or(1);
    board.normalize();
    let problems = board.problems();
    if let Some(problem) = problems.first() {
        return Err(problem.to_string());
    }
    Ok(MergedBoards { board, clashes })
}

/// The board without its deals: each setting three-way; stages, lost reasons and sources
/// united (by stage id, by text).
fn settings(base: &Board, ours: &Board, theirs: &Board) -> Result<Board, String> {
    let strip = |b: &Board| -> Result<Value, String> {
        let mut board = b.clone();
        board.deals = Default::default();
        serde_json::to_value(&board).map_err(|e| e.to_string())
    };
    let (b, o, t) = (strip(base)?, strip(ours)?, strip(theirs)?);
    let (Value::Object(b), Value::Object(o), Value::Object(t)) = (b, o, t) else {
        return Err("a board is not an object".into());
    };
    let mut merged = Map::new();
    for key in keys(&b, &o, &t) {
        let value = match key.as_str() {
            "stages" => Some(Value::Array(united_by(
                &["id"],
                &b[&key],
                &o[&key],
                &t[&key],
            ))),
            "companies" | "people" => Some(Value::Array(united_by(
                &["name", "company"],
                b.get(&key).unwrap_or(&Value::Null),
                o.get(&key).unwrap_or(&Value::Null),
                t.get(&key).unwrap_or(&Value::Null),
            ))),
            "lost_reasons" | "sources" => united_set(b.get(&key), o.get(&key), t.get(&key)),
            // Changes to the process by their time: a reason given on one side is kept, a
            // change undone on one side goes, and the log stays in time order.
            "process_log" => {
                let mut log = united_by(
                    &["at"],
                    b.get(&key).unwrap_or(&Value::Null),
                    o.get(&key).unwrap_or(&Value::Null),
                    t.get(&key).unwrap_or(&Value::Null),
                );
                log.sort_by_key(|change| change.get("at").map(Value::to_string));
                Some(Value::Array(log))
            }
            _ => three_way(b.get(&key), o.get(&key), t.get(&key)).map(|(v, _)| v),
        };
        if let Some(value) = value {
            merged.insert(key, value);
        }
    }
    serde_json::from_value(Value::Object(merged)).map_err(|e| e.to_string())
}

/// Every deal of both sides by id, and the next free id after any renumbering.
fn deals(
    base: &Board,
    ours: &Board,
    theirs: &Board,
    clashes: &mut usize,
) -> Result<(BTreeMap<u64, Arc<Deal>>, u64), String> {
    // Shared, not copied: a deal neither side changed is the same allocation on all three
    // (and compared by its address first).
    let index = |b: &Board| -> BTreeMap<u64, Arc<Deal>> {
        b.deals.iter().map(|d| (d.id.0, Arc::clone(d))).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let ids: BTreeSet<u64> = o.keys().chain(t.keys()).copied().collect();
    let mut merged: BTreeMap<u64, Arc<Deal>> = BTreeMap::new();
    // Deals one side added, by id: true for theirs. A deal both sides added alike is neither's.
    let mut added_by_theirs: BTreeMap<u64, bool> = BTreeMap::new();
    // Deals both sides added under one id: the one created later moves, with its side.
    let mut moving: Vec<(Arc<Deal>, bool)> = Vec::new();
    for id in ids {
        let kept = match (b.get(&id), o.get(&id), t.get(&id)) {
            (Some(b), Some(o), Some(t)) if o == t || t == b => Some(Arc::clone(o)),
            (Some(b), Some(o), Some(t)) if o == b => Some(Arc::clone(t)),
            (Some(b), Some(o), Some(t)) => Some(Arc::new(merge_deal(b, o, t, clashes)?)),
            // Deleted on one side: gone, unless the other side changed it.
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
                (kept != b).then(|| Arc::clone(kept))
            }
            (None, Some(one), None) => {
                added_by_theirs.insert(id, false);
                Some(Arc::clone(one))
            }
            (None, None, Some(one)) => {
                added_by_theirs.insert(id, true);
                Some(Arc::clone(one))
            }
            (None, Some(o), Some(t)) if o == t => Some(Arc::clone(o)),
            (None, Some(o), Some(t)) => {
                let theirs_first = (t.created, json(t)) < (o.created, json(o));
                let (first, second) = if theirs_first { (t, o) } else { (o, t) };
                added_by_theirs.insert(id, theirs_first);
                moving.push((Arc::clone(second), !theirs_first));
                Some(Arc::clone(first))
            }
            (_, None, None) => None,
        };
        if let Some(deal) = kept {
            merged.insert(id, deal);
        }
    }
    let mut next = merged.keys().max().map_or(1, |id| id + 1);
    next = next.max(ours.next_deal_id).max(theirs.next_deal_id);
    for (mut deal, by_theirs) in moving {
        let old = deal.id;
        Arc::make_mut(&mut deal).id = DealId(next);
        // A deal added on the same side that names the moved one as its referrer follows it
        // (the other side's deals that name that id mean the deal that stays).
        for other in merged.values_mut() {
            if added_by_theirs.get(&other.id.0) == Some(&by_theirs)
                && other.referred_by == Some(Referral::Deal(old))
            {
                Arc::make_mut(other).referred_by = Some(Referral::Deal(DealId(next)));
            }
        }
        merged.insert(next, deal);
        next += 1;
    }
    Ok((merged, next))
}

/// One deal changed on both sides.
fn merge_deal(
    base: &Deal,
    ours: &Deal,
    theirs: &Deal,
    clashes: &mut usize,
) -> Result<Deal, String> {
    if ours == theirs || theirs == base {
        return Ok(ours.clone());
    }
    if ours == base {
        return Ok(theirs.clone());
    }
    let as_map = |d: &Deal| match serde_json::to_value(d) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("a deal is not an object".to_string()),
        Err(e) => Err(e.to_string()),
    };
    let (b, o, t) = (as_map(base)?, as_map(ours)?, as_map(theirs)?);
    // The later change wins a clash; on the same moment, the larger value, so that the
    // result is the same whichever side is ours.
    let theirs_later = (theirs.updated, json(theirs)) > (ours.updated, json(ours));
    let mut lost: Vec<(String, Value)> = Vec::new();
    let mut merged = Map::new();
    for key in keys(&b, &o, &t) {
        let value = if let Some((_, time)) = TIMED_LISTS.iter().find(|(list, _)| *list == key) {
            Some(Value::Array(united_in_time(o.get(&key), t.get(&key), time)))
        } else if key == "tags" {
            united_set(b.get(&key), o.get(&key), t.get(&key))
        } else if key == "activities" {
            // An activity done or moved on one side and another planned on the other: both,
            // soonest first whichever side is ours.
            united_set(b.get(&key), o.get(&key), t.get(&key)).map(|mut united| {
                if let Value::Array(items) = &mut united {
                    items.sort_by_cached_key(|a| {
                        let field = |name: &str| a.get(name).map(Value::to_string);
                        (
                            field("due").is_none(),
                            field("due"),
                            field("time"),
                            a.to_string(),
                        )
                    });
                }
                united
            })
        } else if key == "updated" {
            [o.get(&key), t.get(&key)]
                .into_iter()
                .flatten()
                .max_by_key(|v| v.to_string())
                .cloned()
        } else {
            match three_way(b.get(&key), o.get(&key), t.get(&key)) {
                Some((value, false)) => Some(value),
                _ => {
                    let (won, lost_value) = if theirs_later {
                        (t.get(&key), o.get(&key))
                    } else {
                        (o.get(&key), t.get(&key))
                    };
                    // Notes are joined below; an order within a column and a stage (which
                    // the history keeps) are no news to write down.
                    if !matches!(key.as_str(), "notes" | "rank" | "stage") {
                        *clashes += 1;
                        lost.push((key.clone(), lost_value.cloned().unwrap_or(Value::Null)));
                    }
                    won.cloned()
                }
            }
        };
        if let Some(value) = value {
            merged.insert(key, value);
        }
    }
    let mut deal: Deal =
        serde_json::from_value(Value::Object(merged)).map_err(|e| e.to_string())?;
    // Moved on both sides: it is where the later move took it.
    if ours.stage != base.stage
        && theirs.stage != base.stage
        && let Some(last) = deal.history.last()
    {
        deal.stage = last.stage.clone();
    }
    if clashes_in_notes(&ours.notes, &theirs.notes, &base.notes) {
        *clashes += 1;
        // Both wrote notes: both texts are kept, the earlier change's first.
        let (first, then) = if theirs_later {
            (ours, theirs)
        } else {
            (theirs, ours)
        };
        deal.notes = format!("{}\n{}", first.notes.trim_end(), then.notes.trim_start());
    }
    for (field, value) in lost {
        let shown = match &value {
            Value::String(text) => text.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        if !deal.notes.is_empty() {
            deal.notes.push('\n');
        }
        deal.notes.push_str(&crate::text::fill(
            crate::text::t().cli.merge_kept_value,
            // Whole: a quotation would cut a long value, and nothing may be dropped.
            &[("field", &field), ("value", &shown)],
        ));
    }
    Ok(deal)
}

/// True when both sides changed the notes, differently.
fn clashes_in_notes(ours: &str, theirs: &str, base: &str) -> bool {
    ours != base && theirs != base && ours != theirs
}

/// The value of a field three-way, and whether both sides changed it differently (then the
/// larger value is given, and a caller that can tell which change came later chooses).
fn three_way(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
) -> Option<(Value, bool)> {
    let pick = |v: Option<&Value>| v.cloned();
    if ours == theirs || theirs == base {
        return pick(ours).map(|v| (v, false));
    }
    if ours == base {
        return pick(theirs).map(|v| (v, false));
    }
    // A clash: the larger value, so that either side as ours gives the same; the deal's
    // merge chooses by time instead.
    let larger = [ours, theirs]
        .into_iter()
        .flatten()
        .max_by_key(|v| v.to_string());
    larger.cloned().map(|v| (v, true))
}

/// A list as a set, three-way: what either side added, without what either side removed, in
/// ours' order then theirs' additions.
fn united_set(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let items = |v: Option<&Value>| -> Vec<Value> {
        v.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let (b, o, t) = (items(base), items(ours), items(theirs));
    let removed = |item: &Value| b.contains(item) && (!o.contains(item) || !t.contains(item));
    let mut united: Vec<Value> = Vec::new();
    for item in o.iter().chain(&t) {
        if !removed(item) && !united.contains(item) {
            united.push(item.clone());
        }
    }
    (!united.is_empty() || ours.is_some() || theirs.is_some()).then_some(Value::Array(united))
}

/// Entries of both sides, each once, in time order (`time` is each entry's time field, written
/// so that text order is time order).
fn united_in_time(ours: Option<&Value>, theirs: Option<&Value>, time: &str) -> Vec<Value> {
    let mut united: Vec<Value> = Vec::new();
    for list in [ours, theirs].into_iter().flatten() {
        for item in list.as_array().into_iter().flatten() {
            if !united.contains(item) {
                united.push(item.clone());
            }
        }
    }
    united.sort_by_key(|item| (item.get(time).map(Value::to_string), item.to_string()));
    united
}

/// Stages by id (companies by name, people by name and company): each three-way field by field; ours' order, one
/// only theirs has after the one it follows there; one removed on one side and unchanged on
/// the other goes.
fn united_by(key: &[&str], base: &Value, ours: &Value, theirs: &Value) -> Vec<Value> {
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let id = |v: &Value| {
        let parts = key
            .iter()
            .map(|k| v.get(k).map(Value::to_string).unwrap_or_default());
        parts.collect::<Vec<_>>().join("\n")
    };
    let (b, o, t) = (list(base), list(ours), list(theirs));
    let find = |l: &[Value], wanted: &str| l.iter().find(|s| id(s) == wanted).cloned();
    let mut order: Vec<String> = o.iter().map(id).collect();
    for (i, stage) in t.iter().enumerate() {
        let sid = id(stage);
        if order.contains(&sid) {
            continue;
        }
        let after = t[..i].iter().rev().map(id).find(|p| order.contains(p));
        let at = after
            .and_then(|p| order.iter().position(|x| *x == p))
            .map_or(0, |i| i + 1);
        order.insert(at, sid);
    }
    order
        .into_iter()
        .filter_map(|sid| {
            let (bs, os, ts) = (find(&b, &sid), find(&o, &sid), find(&t, &sid));
            match (&bs, &os, &ts) {
                (Some(bs), Some(kept), None) | (Some(bs), None, Some(kept)) if kept == bs => None,
                (_, Some(os), Some(ts)) => {
                    let field = |s: &Option<Value>| match s {
                        Some(Value::Object(m)) => m.clone(),
                        _ => Map::new(),
                    };
                    let (bm, om, tm) = (
                        field(&bs),
                        field(&Some(os.clone())),
                        field(&Some(ts.clone())),
                    );
                    let mut m = Map::new();
                    for key in keys(&bm, &om, &tm) {
                        if let Some((v, _)) = three_way(bm.get(&key), om.get(&key), tm.get(&key)) {
                            m.insert(key, v);
                        }
                    }
                    Some(Value::Object(m))
                }
                (_, Some(kept), None) | (_, None, Some(kept)) => Some(kept.clone()),
                (_, None, None) => None,
            }
        })
        .collect()
}

/// Every key of the three, in a fixed order.
fn keys(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> Vec<String> {
    let all: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    all.into_iter().cloned().collect()
}

/// A deal as text, to order deals when nothing else does.
fn json(deal: &Deal) -> String {
    serde_json::to_string(deal).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageId;
    use crate::test_boards::{demo, moment};
    use chrono::Duration;

    fn later(minutes: i64) -> chrono::DateTime<chrono::Utc> {
        moment() + Duration::minutes(minutes)
    }

    /// Merged with each side as ours: the same bytes, a sound board; returned with its clashes.
    fn merged_both_ways(base: &Board, one: &Board, other: &Board) -> MergedBoards {
        let a = merge_boards(base, one, other).unwrap();
        let b = merge_boards(base, other, one).unwrap();
        let text = crate::store::board_text(&a.board).unwrap();
        assert_eq!(text, crate::store::board_text(&b.board).unwrap());
        assert_eq!(a.clashes, b.clashes);
        crate::store::parse(text.as_bytes()).unwrap();
        a
    }

    fn id(board: &Board, n: usize) -> DealId {
        board.deals[n].id
    }

    #[test]
    fn a_reason_given_on_one_side_and_a_change_made_on_the_other_are_one_log() {
        let base = demo(20);
        assert_eq!(
            base.process_log.len(),
            1,
            "the demo's process was changed once"
        );
        let mut one = base.clone();
        one.set_change_reason(1, "Asked by the team").unwrap();
        let mut other = base.clone();
        let why = crate::model::Why {
            at: later(5),
            reason: "",
        };
        let agreed = StageId("agreed".into());
        let mut draft = crate::model::StageDraft::of(other.stage(&agreed).unwrap());
        draft.probability = 75;
        other.update_stage(&agreed, draft, &[], why).unwrap();
        let merged = merged_both_ways(&base, &one, &other).board;
        let reasons: Vec<&str> = merged
            .process_log
            .iter()
            .map(|c| c.reason.as_str())
            .collect();
        assert_eq!(reasons, ["Asked by the team", ""]);
        // A change undone on one side (taken out of its log) goes.
        let mut undone = base.clone();
        undone.process_log.clear();
        let merged = merged_both_ways(&base, &undone, &base).board;
        assert!(merged.process_log.is_empty());
    }

    /// Anna does the deal's next activity and writes a note; Boris plans another activity,
    /// records feedback elsewhere and gives the company a phone: all of it is kept, and no
    /// clash is noted.
    #[test]
    fn activities_notes_feedback_and_records_of_both_sides_are_all_kept() {
        let base = demo(20);
        let deal = base
            .deals
            .iter()
            .find(|d| d.status.is_open() && !d.activities.is_empty())
            .map(|d| d.id)
            .unwrap();
        let won = base
            .deals
            .iter()
            .find(|d| matches!(d.status, crate::model::Status::Won { .. }))
            .map(|d| d.id)
            .unwrap();
        let company = base.deal(deal).unwrap().company.clone();
        let done = base.deal(deal).unwrap().next_action().to_string();
        let mut anna = base.clone();
        let follow = crate::model::Activity::task("Send the offer", None);
        anna.complete_next_action(deal, follow, later(1)).unwrap();
        anna.add_note(deal, "Met the CFO", later(2)).unwrap();
        let mut boris = base.clone();
        let demo_call = crate::model::Activity::task("Book the demo", None);
        boris.plan_activity(deal, demo_call, later(3)).unwrap();
        boris.add_feedback(won, 5, "Great", later(3)).unwrap();
        boris
            .edit_company(&company, later(4), |c| c.phone = "+1 555 0199".into())
            .unwrap();
        let merged = merged_both_ways(&base, &anna, &boris);
        assert_eq!(merged.clashes, 0);
        let board = merged.board;
        let both = board.deal(deal).unwrap();
        let planned: Vec<&str> = both.activities.iter().map(|a| a.text.as_str()).collect();
        assert!(planned.contains(&"Send the offer") && planned.contains(&"Book the demo"));
        assert!(
            !both.activities.iter().any(|a| a.text == done),
            "{planned:?}"
        );
        assert_eq!(both.done_actions.last().unwrap().text, done);
        assert_eq!(both.dated_notes[0].text, "Met the CFO");
        assert_eq!(board.deal(won).unwrap().feedback[0].rating, 5);
        assert_eq!(board.company(&company).unwrap().phone, "+1 555 0199");
        assert_eq!(board.companies.len(), base.companies.len());
    }

    #[test]
    fn changes_to_different_deals_and_fields_are_all_kept() {
        let base = demo(20);
        let (a, b) = (id(&base, 0), id(&base, 1));
        let mut anna = base.clone();
        anna.edit_deal(a, later(1), |d| d.title = "Anna's title".into())
            .unwrap();
        anna.edit_deal(b, later(1), |d| d.set_next_action("Call Anna"))
            .unwrap();
        let mut boris = base.clone();
        boris
            .edit_deal(b, later(2), |d| d.company = "Boris Ltd".into())
            .unwrap();
        let merged = merged_both_ways(&base, &anna, &boris).board;
        assert_eq!(merged.deal(a).unwrap().title, "Anna's title");
        let both = merged.deal(b).unwrap();
        assert_eq!(
            (both.next_action(), both.company.as_str()),
            ("Call Anna", "Boris Ltd")
        );
    }

    #[test]
    fn a_field_changed_on_both_sides_goes_to_the_later_change_and_the_other_is_noted() {
        let base = demo(20);
        let a = id(&base, 0);
        // Long, so that a note cutting it would show.
        let earlier = format!("Earlier {}", "x".repeat(120));
        let mut anna = base.clone();
        anna.edit_deal(a, later(5), |d| d.title = earlier.clone())
            .unwrap();
        let mut boris = base.clone();
        boris
            .edit_deal(a, later(9), |d| d.title = "Later".into())
            .unwrap();
        let merged = merged_both_ways(&base, &anna, &boris);
        let deal = merged.board.deal(a).unwrap();
        assert_eq!(deal.title, "Later");
        assert!(deal.notes.contains(&earlier), "{}", deal.notes);
        assert_eq!(merged.clashes, 1);
    }

    #[test]
    fn moves_on_both_sides_keep_every_visit_in_time_order() {
        let base = demo(20);
        let open = base
            .deals
            .iter()
            .find(|d| d.status == crate::model::Status::Open)
            .unwrap();
        let (a, stage) = (open.id, open.stage.clone());
        let at = base.stage_index(&stage).unwrap();
        let next = base.stages[(at + 1).min(base.stages.len() - 1)].id.clone();
        let after = base.stages[(at + 2).min(base.stages.len() - 1)].id.clone();
        let mut anna = base.clone();
        anna.move_deal(a, &next, later(1)).unwrap();
        let mut boris = base.clone();
        boris.move_deal(a, &after, later(2)).unwrap();
        let merged = merged_both_ways(&base, &anna, &boris).board;
        let deal = merged.deal(a).unwrap();
        assert_eq!(deal.stage, after, "the later move");
        let times: Vec<_> = deal.history.iter().map(|v| v.at).collect();
        let mut sorted = times.clone();
        sorted.sort();
        assert_eq!(times, sorted);
        assert!(
            deal.history
                .iter()
                .any(|v| v.stage == next && v.at == later(1))
        );
    }

    #[test]
    fn a_deal_deleted_on_one_side_goes_unless_the_other_side_changed_it() {
        let base = demo(20);
        let (a, b) = (id(&base, 0), id(&base, 1));
        let mut anna = base.clone();
        anna.delete_deal(a).unwrap();
        anna.delete_deal(b).unwrap();
        let mut boris = base.clone();
        boris
            .edit_deal(b, later(3), |d| d.title = "Still wanted".into())
            .unwrap();
        let merged = merged_both_ways(&base, &anna, &boris).board;
        assert!(merged.deal(a).is_none());
        assert_eq!(merged.deal(b).unwrap().title, "Still wanted");
    }

    #[test]
    fn deals_both_sides_added_under_one_id_are_both_kept_and_references_follow() {
        let base = demo(20);
        let lead = StageId("lead".into());
        let mut anna = base.clone();
        let (mine, _) = anna
            .add_deal(&lead, later(1), |d| d.title = "Anna's new".into())
            .unwrap();
        let mut boris = base.clone();
        let (his, _) = boris
            .add_deal(&lead, later(2), |d| d.title = "Boris's new".into())
            .unwrap();
        let (referring, _) = boris
            .add_deal(&lead, later(3), |d| {
                d.title = "Referred by Boris's new".into();
                d.referred_by = Some(Referral::Deal(his));
            })
            .unwrap();
        assert_eq!(mine, his, "the same id on both sides");
        let merged = merged_both_ways(&base, &anna, &boris).board;
        assert_eq!(
            merged.deal(mine).unwrap().title,
            "Anna's new",
            "created first, stays"
        );
        let moved = merged
            .deals
            .iter()
            .find(|d| d.title == "Boris's new")
            .unwrap();
        assert_ne!(moved.id, mine);
        assert_eq!(
            merged.deal(referring).unwrap().referred_by,
            Some(Referral::Deal(moved.id))
        );
        assert!(merged.next_deal_id > moved.id.0);
        assert_eq!(merged.deals.len(), base.deals.len() + 3);
    }

    #[test]
    fn a_stage_one_side_added_is_kept_after_the_one_it_follows() {
        let base = demo(5);
        let mut boris = base.clone();
        let mut pilot = boris.stages[1].clone();
        pilot.id = StageId("pilot".into());
        pilot.name = "Pilot".into();
        boris.stages.insert(2, pilot);
        let merged = merged_both_ways(&base, &base.clone(), &boris).board;
        let names: Vec<&str> = merged.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[2], "Pilot", "{names:?}");
        assert_eq!(merged.stages.len(), base.stages.len() + 1);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::test_boards::{demo, moment};
    use proptest::prelude::*;

    /// One change a person may make to a board.
    #[derive(Clone, Debug)]
    enum Step {
        Title(usize, u8),
        Move(usize, usize),
        Delete(usize),
        Add(u8),
        Notes(usize, u8),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..12usize, any::<u8>()).prop_map(|(d, t)| Step::Title(d, t)),
            (0..12usize, 0..10usize).prop_map(|(d, s)| Step::Move(d, s)),
            (0..12usize).prop_map(Step::Delete),
            any::<u8>().prop_map(Step::Add),
            (0..12usize, any::<u8>()).prop_map(|(d, t)| Step::Notes(d, t)),
        ]
    }

    /// `steps` done on a copy of `base`, the `minute`s after the demo's moment.
    fn worked(base: &Board, steps: &[Step], minute: i64) -> Board {
        let mut board = base.clone();
        for (i, step) in steps.iter().enumerate() {
            let at = moment() + chrono::Duration::minutes(minute + i as i64 * 2);
            let deal = |n: usize| board.deals.get(n % board.deals.len().max(1)).map(|d| d.id);
            match *step {
                Step::Title(n, t) => {
                    if let Some(id) = deal(n) {
                        let _ = board.edit_deal(id, at, |d| d.title = format!("Title {t}"));
                    }
                }
                Step::Move(n, s) => {
                    if let Some(id) = deal(n) {
                        let stage = board.stages[s % board.stages.len()].id.clone();
                        let _ = board.move_deal(id, &stage, at);
                    }
                }
                Step::Delete(n) => {
                    if let Some(id) = deal(n) {
                        let _ = board.delete_deal(id);
                    }
                }
                Step::Add(t) => {
                    let lead = board.stages[0].id.clone();
                    let _ = board.add_deal(&lead, at, |d| d.title = format!("New {t}"));
                }
                Step::Notes(n, t) => {
                    if let Some(id) = deal(n) {
                        let _ = board.edit_deal(id, at, |d| d.notes = format!("Note {t}"));
                    }
                }
            }
        }
        board
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever two people do to one board, the merge is a sound board, the same whichever
        /// is ours, that keeps every deal either of them added.
        #[test]
        fn any_two_peoples_work_merges_the_same_both_ways(
            one in proptest::collection::vec(step(), 0..8),
            other in proptest::collection::vec(step(), 0..8),
        ) {
            let base = demo(12);
            let (a, b) = (worked(&base, &one, 1), worked(&base, &other, 2));
            let ab = merge_boards(&base, &a, &b).unwrap();
            let ba = merge_boards(&base, &b, &a).unwrap();
            let text = crate::store::board_text(&ab.board).unwrap();
            prop_assert_eq!(&text, &crate::store::board_text(&ba.board).unwrap());
            prop_assert!(crate::store::parse(text.as_bytes()).is_ok());
            // Ids are never reused: an added deal has one past the base's.
            let added = |side: &Board| {
                side.deals.iter().filter(|d| d.id.0 >= base.next_deal_id).count()
            };
            prop_assert_eq!(added(&ab.board), added(&a) + added(&b));
        }
    }
}
