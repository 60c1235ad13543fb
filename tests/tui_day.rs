//! A salesperson's day in the app: the agenda (done and what follows, a day later, another
//! day, open the deal), the customers and a company (find, open, edit), feedback and notes in a
//! deal, and completion of company and contact names from the records. Keys go through the
//! real keymap and `update`; screens are snapshots to review by eye.

mod support;

use chrono::{NaiveDate, NaiveTime};
use dealboard::model::{Activity, ActivityKind, Board, Deal, DealId, Referral};
use dealboard::text::{fill, t as text};
use dealboard::tui::app::{EditPurpose, Edited};
use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{TestApp, add, empty_board, now, today};

fn day(offset: i64) -> Option<NaiveDate> {
    Some(today() + chrono::Duration::days(offset))
}

fn plan(d: &mut Deal, kind: ActivityKind, text: &str, due: Option<NaiveDate>, hour: Option<u32>) {
    d.plan(Activity {
        kind,
        text: text.into(),
        due,
        time: hour.and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)),
    });
}

/// Acme (a repeat customer with feedback and a referral), Globex and Initech; activities
/// overdue, today (one at 10:00), tomorrow and in three days.
fn day_board() -> Board {
    let mut board = empty_board();
    let rollout = add(&mut board, "lead", "CRM rollout", |d| {
        d.company = "Acme Ltd".into();
        d.contact = "Jane Doe".into();
        d.value.minor = 1_200_000;
        plan(d, ActivityKind::Call, "Call Jane", day(-2), None);
        plan(d, ActivityKind::Meeting, "Demo at Acme", day(0), Some(10));
    });
    add(&mut board, "negotiation", "Scanners", |d| {
        d.company = "Globex".into();
        d.contact = "Hank Scorpio".into();
        d.value.minor = 4_800_000;
        d.referred_by = Some(Referral::Deal(rollout));
        plan(d, ActivityKind::Email, "Send the price", day(0), None);
        plan(d, ActivityKind::Task, "Draft the contract", day(3), None);
    });
    add(&mut board, "qualification", "Training", |d| {
        d.company = "Initech GmbH".into();
        plan(d, ActivityKind::Call, "Budget call", day(1), Some(15));
    });
    for title in ["First licence", "Second licence"] {
        let id = add(&mut board, "lead", title, |d| {
            d.company = "Acme Ltd".into();
            d.value.minor = 350_000;
        });
        board.mark_won(id, now().to_utc()).unwrap();
    }
    let second = DealId(board.next_deal_id - 1);
    board
        .add_feedback(second, 4, "Smooth rollout", now().to_utc())
        .unwrap();
    board
        .edit_company("Acme Ltd", now().to_utc(), |c| {
            c.phone = "+1 555 0100".into();
            c.email = "office@acme.example".into();
        })
        .unwrap();
    board
}

fn shown(t: &TestApp, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
    let folder = t.dir.path().display().to_string();
    terminal.backend().to_string().replace(&folder, "/TMP")
}

fn flash(t: &TestApp) -> String {
    t.app.flash().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn the_agenda_lists_overdue_first_then_each_day_in_time_order() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("A");
    let texts: Vec<String> = t
        .app
        .agenda_items()
        .iter()
        .map(|item| {
            let deal = t.app.board().deal(item.id).unwrap();
            deal.activities[item.index].text.clone()
        })
        .collect();
    // Today: untimed first, then 10:00; tomorrow's call; the task in three days.
    assert_eq!(
        texts,
        [
            "Call Jane",
            "Send the price",
            "Demo at Acme",
            "Budget call",
            "Draft the contract"
        ]
    );
}

#[test]
fn done_in_the_agenda_records_it_and_plans_what_follows() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("A Space");
    t.type_text("Send the offer");
    t.keys("Tab");
    t.type_text("+2d");
    t.keys("Enter");
    let deal = t.deal("CRM rollout");
    assert_eq!(deal.done_actions.last().unwrap().text, "Call Jane");
    assert_eq!(deal.done_actions.last().unwrap().kind, ActivityKind::Call);
    assert!(
        deal.activities
            .iter()
            .any(|a| a.text == "Send the offer" && a.due == day(2))
    );
    assert!(!deal.activities.iter().any(|a| a.text == "Call Jane"));
    t.keys("u");
    assert!(
        t.deal("CRM rollout")
            .activities
            .iter()
            .any(|a| a.text == "Call Jane")
    );
}

#[test]
fn plus_moves_an_activity_a_day_on_and_r_to_a_day_typed() {
    let mut t = TestApp::new(day_board(), 100, 30);
    // The overdue call goes to tomorrow (a day after today, not after the day it was due).
    t.keys("A +");
    let call = |t: &TestApp| {
        let deal = t.deal("CRM rollout");
        deal.activities
            .iter()
            .find(|a| a.text == "Call Jane")
            .unwrap()
            .due
    };
    assert_eq!(call(&t), day(1));
    let said = fill(
        text().day.moved_to,
        &[
            ("title", &"CRM rollout"),
            ("date", &dealboard::text::date_with_weekday(day(1).unwrap())),
        ],
    );
    assert!(flash(&t).starts_with(&said), "{}", flash(&t));
    // The list is in order again: the first row is now today's e-mail.
    t.keys("g r");
    t.type_text("2026-12-24");
    t.keys("Enter");
    let deal = t.deal("Scanners");
    let moved = deal
        .activities
        .iter()
        .find(|a| a.text == "Send the price")
        .unwrap();
    assert_eq!(moved.due, NaiveDate::from_ymd_opt(2026, 12, 24));
    // A day that is not one is refused in the form, which stays open.
    t.keys("r");
    t.type_text("someday");
    t.keys("Enter");
    assert!(flash(&t).contains(text().errors.bad_date.split('{').next().unwrap_or("")));
}

#[test]
fn enter_in_the_agenda_opens_the_deal_and_esc_comes_back() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("A j Enter");
    let screen = shown(&t, 100, 30);
    assert!(screen.contains("#2 · Scanners"), "{screen}");
    t.keys("Esc");
    assert!(shown(&t, 100, 30).contains(text().day.agenda_title));
}

#[test]
fn customers_show_repeat_buyers_and_a_company_opens_with_its_people_and_deals() {
    let mut t = TestApp::new(day_board(), 120, 30);
    t.keys("C");
    let rows = t.app.customer_rows();
    assert_eq!(rows[0].company.name, "Acme Ltd");
    assert_eq!((rows[0].won_deals, rows[0].referrals), (2, 1));
    assert!(rows[0].is_repeat());
    t.keys("Enter");
    let screen = shown(&t, 120, 30);
    for text in [
        "Acme Ltd",
        "+1 555 0100",
        "Jane Doe",
        "CRM rollout",
        "Second licence",
        "★★★★☆ Smooth rollout",
    ] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    // Enter on a deal opens it; Esc twice goes back to the list.
    t.keys("Enter");
    assert!(shown(&t, 120, 30).contains("#1 · CRM rollout"));
    t.keys("Esc Esc");
    assert!(shown(&t, 120, 30).contains(text().day.customers_title));
}

#[test]
fn slash_finds_a_customer_by_a_persons_name_and_e_edits_the_company() {
    let mut t = TestApp::new(day_board(), 120, 30);
    t.keys("C /");
    t.type_text("hank");
    t.keys("Enter");
    let names: Vec<&str> = t
        .app
        .customer_rows()
        .iter()
        .map(|c| c.company.name.as_str())
        .collect();
    assert_eq!(names, ["Globex"]);
    t.keys("Enter e Tab");
    t.type_text("+7 495 000");
    t.keys("Enter");
    let saved = t.saved();
    assert_eq!(saved.company("globex").unwrap().phone, "+7 495 000");
    // Renamed, its deals follow.
    t.keys("e");
    for _ in 0.."Globex".len() {
        t.keys("BS");
    }
    t.type_text("Globex Corp");
    t.keys("Enter");
    assert_eq!(t.deal("Scanners").company, "Globex Corp");
    assert!(shown(&t, 120, 30).contains("Globex Corp"));
}

#[test]
fn feedback_is_kept_on_a_won_deal_and_refused_before_the_sale() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("c Enter f");
    t.type_text("5");
    t.keys("Tab");
    t.type_text("Great support");
    t.keys("Enter");
    // The closed list's first row: the first of the two won at the same moment.
    let won = t.deal("First licence");
    assert_eq!(
        won.feedback.last().map(|f| (f.rating, f.text.as_str())),
        Some((5, "Great support"))
    );
    t.keys("Esc Esc 1 Enter f");
    t.type_text("4");
    t.keys("Enter");
    assert_eq!(flash(&t), text().errors.feedback_before_sale);
    // A rating out of range stays in the form.
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("c Enter f");
    t.type_text("9");
    t.keys("Enter");
    assert!(flash(&t).contains(&fill(text().errors.rating_range, &[("rating", &9)])));
}

#[test]
fn notes_go_through_the_editor_and_fall_back_to_a_field_of_lines() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("Enter n");
    let request = t
        .app
        .take_editor_request()
        .expect("the editor is asked for");
    assert_eq!(request.purpose, EditPurpose::Note(DealId(1)));
    t.app.give_edited(
        request.purpose,
        Edited::Text("Met the CFO\nBudget in Q1\n".into()),
    );
    // Taken in on the next news; saved after.
    t.settle().settle();
    assert_eq!(
        t.deal("CRM rollout").dated_notes[0].text,
        "Met the CFO\nBudget in Q1"
    );

    // No editor: the field of lines, prefilled with the notes, saved as lines.
    t.keys("N");
    let request = t.app.take_editor_request().unwrap();
    t.app.give_edited(request.purpose, Edited::NoEditor);
    t.settle().settle();
    assert_eq!(flash(&t), text().day.no_editor);
    t.type_text("First line");
    t.keys("Tab");
    t.type_text("Second line");
    t.keys("Enter");
    assert_eq!(t.deal("CRM rollout").notes, "First line\nSecond line");
    let screen = shown(&t, 100, 30);
    assert!(
        screen.contains("First line") && screen.contains("Second line"),
        "{screen}"
    );

    // An editor that fails changes nothing, and says so.
    t.keys("N");
    let request = t.app.take_editor_request().unwrap();
    let failed = Edited::Failed {
        editor: "vi".into(),
        error: "exit status: 1".into(),
    };
    t.app.give_edited(request.purpose, failed);
    t.settle().settle();
    assert!(flash(&t).starts_with(&fill(
        text().day.editor_failed,
        &[("editor", &"vi"), ("error", &"exit status: 1")]
    )));
    assert_eq!(t.deal("CRM rollout").notes, "First line\nSecond line");
}

#[test]
fn company_and_contact_complete_from_the_records_and_a_new_name_makes_one() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("n");
    t.type_text("Pilot");
    t.keys("Tab");
    t.type_text("acm");
    t.keys("C-n Tab C-n Enter");
    let deal = t.deal("Pilot");
    assert_eq!(
        (deal.company.as_str(), deal.contact.as_str()),
        ("Acme Ltd", "Jane Doe")
    );
    t.keys("n");
    t.type_text("Other");
    t.keys("Tab");
    t.type_text("Umbrella Corp");
    t.keys("Enter");
    assert!(t.saved().company("umbrella corp").is_some());
    // Undone, the record it made goes too.
    t.keys("u");
    assert!(t.saved().company("Umbrella Corp").is_none());
}

#[test]
fn the_deal_shows_its_plan_feedback_notes_and_events() {
    let mut t = TestApp::new(day_board(), 100, 40);
    t.keys("c j Enter");
    let screen = shown(&t, 100, 40);
    for text in [
        text().day.feedback,
        "★★★★☆ Smooth rollout",
        text().detail.events,
        text().day.event_won,
    ] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
}

#[test]
fn agenda_80x24() {
    let mut t = TestApp::new(day_board(), 80, 24);
    t.keys("A");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn agenda_200x50() {
    let mut t = TestApp::new(day_board(), 200, 50);
    t.keys("A j");
    insta::assert_snapshot!(shown(&t, 200, 50));
}

#[test]
fn agenda_300x80() {
    let mut t = TestApp::new(day_board(), 300, 80);
    t.keys("A");
    insta::assert_snapshot!(shown(&t, 300, 80));
}

#[test]
fn customers_80x24() {
    let mut t = TestApp::new(day_board(), 80, 24);
    t.keys("C");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn customers_200x50() {
    let mut t = TestApp::new(day_board(), 200, 50);
    t.keys("C");
    insta::assert_snapshot!(shown(&t, 200, 50));
}

#[test]
fn customers_300x80() {
    let mut t = TestApp::new(day_board(), 300, 80);
    t.keys("C");
    insta::assert_snapshot!(shown(&t, 300, 80));
}

#[test]
fn company_80x24() {
    let mut t = TestApp::new(day_board(), 80, 24);
    t.keys("C Enter");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

#[test]
fn company_200x50() {
    let mut t = TestApp::new(day_board(), 200, 50);
    t.keys("C Enter j");
    insta::assert_snapshot!(shown(&t, 200, 50));
}

#[test]
fn company_300x80() {
    let mut t = TestApp::new(day_board(), 300, 80);
    t.keys("C Enter");
    insta::assert_snapshot!(shown(&t, 300, 80));
}

#[test]
fn a_won_deal_with_feedback_and_events_80x24() {
    let mut t = TestApp::new(day_board(), 80, 24);
    t.keys("c j Enter");
    insta::assert_snapshot!(shown(&t, 80, 24));
}

/// A long agenda draws only what is near the selection, headings included: at the end,
/// today's "nothing planned" and tomorrow's call; at the top, the overdue heading.
#[test]
fn a_long_agenda_keeps_the_selection_and_its_day_in_sight() {
    let mut board = empty_board();
    add(&mut board, "lead", "Many calls", |d| {
        for n in 0..60 {
            plan(
                d,
                ActivityKind::Call,
                &format!("Late call {n}"),
                day(-3),
                None,
            );
        }
        plan(d, ActivityKind::Call, "Tomorrow's call", day(1), Some(9));
    });
    let mut t = TestApp::new(board, 80, 24);
    t.keys("A G");
    let end = shown(&t, 80, 24);
    for text in [
        text().day.nothing_planned_today,
        "Tomorrow's call",
        "Late call 59",
    ] {
        assert!(end.contains(text), "{text}: {end}");
    }
    assert!(!end.contains("Late call 40 "), "{end}");
    t.keys("g");
    let top = shown(&t, 80, 24);
    assert!(
        top.contains("Overdue") && top.contains("Late call 0"),
        "{top}"
    );
    assert!(!top.contains(text().day.nothing_planned_today), "{top}");
}

/// `p` in a deal plans one more activity, with its kind (Ctrl+N steps through them) and time;
/// the agenda shows it at that time. A kind or time that is not one stays in the form.
#[test]
fn p_plans_a_meeting_at_a_time_beside_what_is_planned() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("2 Enter p");
    t.type_text("Site visit");
    t.keys("Tab");
    t.type_text("+1d");
    t.keys("Tab C-n C-n Tab");
    t.type_text("11:30");
    t.keys("Enter");
    let deal = t.deal("Training");
    let visit = deal
        .activities
        .iter()
        .find(|a| a.text == "Site visit")
        .unwrap();
    assert_eq!((visit.kind, visit.due), (ActivityKind::Meeting, day(1)));
    assert_eq!(visit.time, NaiveTime::from_hms_opt(11, 30, 0));
    assert_eq!(deal.activities.len(), 2, "the budget call is still planned");
    t.keys("Esc A");
    let screen = shown(&t, 100, 30);
    assert!(screen.contains("11:30  meeting  #3 Training"), "{screen}");

    t.keys("Esc Enter p");
    t.type_text("Lunch");
    t.keys("Tab Tab");
    t.type_text("lunch");
    t.keys("Enter");
    let kinds = "call, meeting, e-mail, task";
    assert!(
        flash(&t).contains(&fill(text().day.not_a_kind, &[("kinds", &kinds)])),
        "{}",
        flash(&t)
    );
    t.keys("C-u Tab");
    t.type_text("25:00");
    t.keys("Enter");
    assert!(flash(&t).contains(text().day.not_a_time), "{}", flash(&t));
}

/// Putting an activity off is not working the deal: it stays as cold as it was, and the
/// customer's last contact does not move.
#[test]
fn postponing_does_not_count_as_touching_the_deal() {
    let mut t = TestApp::new(day_board(), 100, 30);
    let before = t.deal("CRM rollout").updated;
    t.keys("A + r");
    t.type_text("+5d");
    t.keys("Enter");
    assert_eq!(t.deal("CRM rollout").updated, before);
}

/// What the editor gives back is kept, cleaned of what a terminal would act on, never refused.
#[test]
fn an_editors_control_characters_are_dropped_not_the_note() {
    let mut t = TestApp::new(day_board(), 100, 30);
    t.keys("Enter n");
    let request = t.app.take_editor_request().unwrap();
    t.app.give_edited(
        request.purpose,
        Edited::Text("Met \u{1b}[2Jthe CFO\r\nBudget \u{202e}Q1".into()),
    );
    t.settle().settle();
    assert_eq!(
        t.deal("CRM rollout").dated_notes[0].text,
        "Met [2Jthe CFO\nBudget Q1"
    );
}

/// A company's notes keep their line breaks (shown as ⏎ in the one-line field) and their
/// slashes.
#[test]
fn company_notes_keep_their_lines_through_the_form() {
    let mut board = day_board();
    board
        .edit_company("Globex", now().to_utc(), |c| {
            c.notes = "EUR / USD deals\nCall before 10".into()
        })
        .unwrap();
    let mut t = TestApp::new(board, 120, 30);
    t.keys("C j Enter e Tab");
    t.type_text("+7 495 000");
    t.keys("Enter");
    let saved = t.saved();
    let globex = saved.company("Globex").unwrap();
    assert_eq!(globex.notes, "EUR / USD deals\nCall before 10");
    assert_eq!(globex.phone, "+7 495 000");
}
