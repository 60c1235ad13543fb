//! The process report (`s` on the board): what a manager sees at a stand-up, at 80x24 and on a
//! projector, and how the period, the owner and the comparison change the figures shown. The
//! clock stands at 2026-11-27 10:00 in Moscow, as in every test.
//! Review every new or changed snapshot by eye.

mod support;

use dealboard::model::{Board, StageId};
use dealboard::report::analytics::{Period, Stats};
use dealboard::store;
use dealboard::text;
use dealboard::tui::action::Action;
use dealboard::tui::app::{Mode, PeriodPreset, ReportsView};
use dealboard::tui::keymap::{self, Context};
use dealboard::tui::report_layout::for_terminal;
use dealboard::tui::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::TestApp;

/// A realistic board: 120 deals with their histories over the months before now, five owners,
/// three currencies, Cyrillic and Japanese names.
fn demo_board() -> Board {
    let mut board = support::empty_board();
    dealboard::demo::fill(&mut board, 120, support::now().to_utc());
    board
}

fn demo(width: u16, height: u16) -> TestApp {
    TestApp::new(demo_board(), width, height)
}

/// The screen as drawn now, with the temporary folder's name replaced by `/TMP`.
fn screen(t: &TestApp, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
    let folder = t.dir.path().display().to_string();
    terminal.backend().to_string().replace(&folder, "/TMP")
}

/// The report on screen (or under the overlay on it).
fn report(t: &TestApp) -> &ReportsView {
    match t.app.screen() {
        Mode::Reports(view) => view,
        other => panic!("not on the report but on {other:?}"),
    }
}

/// The screen's line that starts (after the border) with `label`.
fn line_of(screen: &str, label: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches('"').trim_matches('│').trim())
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line starting with {label:?} in\n{screen}"))
        .to_string()
}

fn day(month: u32, day: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, month, day)
}

#[test]
fn s_opens_the_report_and_esc_q_or_s_go_back_to_the_board() {
    let mut t = demo(80, 24);
    assert_eq!(
        keymap::action_for(Context::Board, &support::key_events("s")[0]),
        Some(Action::ShowReports),
        "s on the board is the report (S is the sort order)"
    );
    t.keys("s");
    assert_eq!(t.app.context(), Context::Reports);
    let shown = screen(&t, 80, 24);
    assert!(shown.contains(text::t().reports.title), "{shown}");
    assert!(
        shown.contains(text::t().report_screen.key_figures),
        "{shown}"
    );
    for back in ["Esc", "q", "s"] {
        t.keys(back);
        assert_eq!(t.app.context(), Context::Board, "{back} goes back");
        assert!(!t.app.should_quit(), "{back} does not quit the app");
        t.keys("s");
    }
    t.keys("? Esc");
    assert_eq!(t.app.context(), Context::Reports, "help closes back to it");
    t.keys("C-c");
    assert!(t.app.should_quit(), "Ctrl+C quits from here as anywhere");
}

#[test]
fn the_period_keys_step_through_the_presets_and_change_the_figures() {
    let mut t = demo(80, 24);
    t.keys("s");
    let board = t.app.board().clone();
    let now = support::now();
    let ninety = report(&t).stats.clone();
    assert_eq!(report(&t).choice.preset, PeriodPreset::Last90Days);
    assert_eq!(
        ninety,
        Stats::of(&board, Period::last_days(90, support::today()), None, now)
    );
    let shown = screen(&t, 80, 24);
    let heading = format!(
        "◂ {} ▸ {}",
        text::t().report_screen.last_90_days,
        text::reports::period(&ninety.period)
    );
    assert!(shown.contains(&heading), "{shown}");
    let won = line_of(&shown, "Won");
    let deals = |n: usize| text::t().count(&text::t().board.deal_count, n);
    assert!(won.contains(&deals(ninety.headline.won_count)), "{won}");

    t.keys("]");
    let month = report(&t).stats.clone();
    assert_eq!(month.period.from, day(11, 1));
    assert_ne!(
        month.headline.won_count, ninety.headline.won_count,
        "fewer deals won this month"
    );
    let shown = screen(&t, 80, 24);
    let heading = format!(
        "◂ {} ▸ {}",
        text::t().report_screen.this_month,
        text::reports::period(&month.period)
    );
    assert!(shown.contains(&heading), "{shown}");
    let won = line_of(&shown, "Won");
    assert!(won.contains(&deals(month.headline.won_count)), "{won}");

    // Forward round the list, and back with [ ← h.
    let names = |t: &TestApp| report(t).choice.preset.name();
    let mut seen = vec![names(&t)];
    for _ in 0..6 {
        t.keys("]");
        seen.push(names(&t));
        assert!(screen(&t, 80, 24).contains(names(&t)));
    }
    assert_eq!(
        seen,
        [
            "This month",
            "Last month",
            "This quarter",
            "This year",
            "All time",
            "Last 30 days",
            "Last 90 days"
        ]
    );
    t.keys("[");
    assert_eq!(names(&t), "Last 30 days");
    t.keys("Left h Right l Right");
    assert_eq!(names(&t), "Last 90 days");
    t.keys("] ]");
    let october = &report(&t).stats;
    assert_eq!(
        (october.period.from, october.period.to),
        (day(10, 1), day(10, 31))
    );
}

#[test]
fn tab_shows_one_owner_at_a_time_after_everyone() {
    let mut t = demo(80, 24);
    t.keys("s");
    let everyone = report(&t).stats.headline.open_count;
    t.keys("Tab");
    assert_eq!(report(&t).choice.owner.as_deref(), Some("anna"));
    let board = t.app.board().clone();
    let period = Period::last_days(90, support::today());
    let annas = Stats::of(&board, period, Some("anna"), support::now());
    assert_eq!(report(&t).stats, annas);
    assert!(annas.headline.open_count < everyone);
    let shown = screen(&t, 80, 24);
    assert!(shown.contains("Owner: ◂ anna ▸"), "{shown}");
    let open = line_of(&shown, "Open");
    assert!(
        open.contains(&format!("{} deals", annas.headline.open_count)),
        "{open}"
    );

    let mut owners = Vec::new();
    for _ in 0..5 {
        owners.push(report(&t).choice.owner.clone().unwrap());
        t.keys("Tab");
    }
    assert_eq!(owners, ["anna", "boris", "chen", "dana", "Иван"]);
    assert_eq!(report(&t).choice.owner, None, "then everyone again");
    assert!(screen(&t, 80, 24).contains("Owner: ◂ everyone ▸"));
    t.keys("BTab");
    assert_eq!(report(&t).choice.owner.as_deref(), Some("Иван"));
    // The owners' table lists only the one chosen.
    t.keys("End");
    let shown = screen(&t, 80, 24);
    assert!(line_of(&shown, "Иван").contains("Иван"));
    assert!(!shown.contains(" boris "), "{shown}");
}

#[test]
fn c_compares_with_the_period_before_side_by_side() {
    let mut t = demo(80, 24);
    t.keys("s c");
    let view = report(&t);
    let before = view.before.clone().expect("the 90 days before");
    assert_eq!(
        (before.period.from, before.period.to),
        (day(6, 1), day(8, 29))
    );
    let now = view.stats.clone();
    let shown = screen(&t, 80, 24);
    let compared = text::fill(
        text::t().report_screen.compared_with,
        &[("period", &text::reports::period(&before.period))],
    );
    assert!(shown.contains(&compared), "{shown}");
    let won = line_of(&shown, "Won");
    let (then_at, now_at) = (
        won.find(&format!("{} deals", before.headline.won_count))
            .unwrap(),
        won.find(&format!("{} deals", now.headline.won_count))
            .unwrap(),
    );
    assert!(
        then_at < won.find('→').unwrap() && won.find('→').unwrap() < now_at,
        "{won}"
    );
    assert!(won.ends_with('▲'), "more won than before: {won}");
    let rate = line_of(&shown, "Win rate");
    assert!(rate.contains('→'), "{rate}");
    // The stage table too, further down.
    t.keys("PgDn");
    let lead = line_of(&screen(&t, 80, 24), "Lead ");
    assert!(lead.contains('→'), "{lead}");

    t.keys("c");
    assert_eq!(report(&t).before, None);
    assert!(!screen(&t, 80, 24).contains('→'));

    // Last month is compared with the whole month before it.
    t.keys("] ] c");
    let before = report(&t).before.clone().unwrap();
    assert_eq!(
        (before.period.from, before.period.to),
        (day(9, 1), day(9, 30))
    );

    // All time has nothing before it: said, not drawn as zeros.
    t.keys("] ] ]");
    assert_eq!(report(&t).choice.preset, PeriodPreset::AllTime);
    assert_eq!(report(&t).before, None);
    assert!(
        screen(&t, 80, 24).contains(&text::fill(
            text::t().report_screen.nothing_before,
            &[("preset", &text::t().report_screen.all_time)]
        )),
        "{}",
        screen(&t, 80, 24)
    );
    t.keys("c c");
    assert_eq!(
        t.app.flash().unwrap().text,
        "All time has nothing before it to compare with"
    );
}

#[test]
fn scrolling_stays_within_the_report() {
    let mut t = demo(80, 24);
    t.keys("s");
    let max = for_terminal(80, 24, report(&t)).max_scroll();
    assert!(max > 40, "a long report at 80x24 scrolls");
    t.keys("PgDn");
    assert_eq!(report(&t).scroll, 20, "a page is the rows shown");
    t.keys("k j j");
    assert_eq!(report(&t).scroll, 21);
    t.keys("End j j Space");
    assert_eq!(report(&t).scroll, max);
    let shown = screen(&t, 80, 24);
    assert!(
        shown.contains(text::t().report_screen.compliance_by_owner),
        "{shown}"
    );
    assert!(shown.contains(&format!("▲ {max} more")), "{shown}");
    assert!(!shown.contains("▼"), "nothing below the end: {shown}");
    t.keys("Home");
    assert_eq!(report(&t).scroll, 0);
    t.keys("G");
    // On a projector everything fits: nothing to scroll.
    t.act(Action::Resize(200, 50));
    assert_eq!(report(&t).scroll, 0);
    let layout = for_terminal(200, 50, report(&t));
    assert_eq!(
        layout.columns.len(),
        3,
        "three columns of sections side by side"
    );
    assert_eq!(layout.max_scroll(), 0);
    t.keys("j PgDn End");
    assert_eq!(report(&t).scroll, 0);
}

#[test]
fn the_report_opens_again_as_it_was_left() {
    let mut t = demo(80, 24);
    t.keys("s ] Tab c Esc");
    assert_eq!(t.app.context(), Context::Board);
    t.keys("s");
    let choice = &report(&t).choice;
    assert_eq!(choice.preset, PeriodPreset::ThisMonth);
    assert_eq!(choice.owner.as_deref(), Some("anna"));
    assert!(choice.compare);
    assert!(report(&t).before.is_some());
}

#[test]
fn a_deal_lost_elsewhere_shows_in_the_open_report_on_the_next_tick() {
    let mut t = TestApp::new(support::pipeline_board(), 80, 24);
    t.keys("s");
    let lost = report(&t).stats.headline.lost_count;
    let mut board = t.saved();
    let id = support::add(&mut board, "lead", "Lost by a colleague", |_| {});
    let at = (support::now() - chrono::Duration::hours(1)).to_utc();
    board.mark_lost(id, "Went bankrupt", at).unwrap();
    std::fs::write(&t.path, store::board_text(&board).unwrap()).unwrap();
    t.act(Action::Tick);
    assert_eq!(report(&t).stats.headline.lost_count, lost + 1);
    t.keys("End");
    let shown = screen(&t, 80, 24);
    t.keys("Home");
    let all: String = (0..6)
        .map(|_| {
            let page = screen(&t, 80, 24);
            t.keys("PgDn");
            page
        })
        .collect();
    assert!(all.contains("Went bankrupt"), "{shown}");
}

#[test]
fn the_help_lists_the_report_keys() {
    let mut t = demo(80, 24);
    t.keys("s ?");
    assert_eq!(t.app.context(), Context::Help);
    let lines = keymap::help_lines(dealboard::text::t());
    let report_keys: Vec<&str> = lines
        .iter()
        .filter(|(c, _, _)| *c == Context::Reports)
        .map(|(_, keys, _)| keys.as_str())
        .collect();
    for keys in ["[ ← h", "] → l", "Tab", "Shift+Tab", "c", "Esc s q"] {
        assert!(report_keys.contains(&keys), "{keys} in {report_keys:?}");
    }
    // The help screen shows them under their own heading.
    let mut found = false;
    for _ in 0..20 {
        found |= screen(&t, 80, 24).contains(text::t().report_screen.help_heading);
        t.keys("PgDn");
    }
    assert!(found);
}

#[test]
fn nothing_in_the_period_is_said_not_drawn_as_empty_charts() {
    // Every deal of the sample board came in ten days ago: October saw nothing.
    let mut t = TestApp::new(support::sample_board(), 80, 24);
    t.keys("s ] ]");
    let shown = screen(&t, 80, 24);
    assert!(
        shown.contains(text::t().report_screen.nothing_happened),
        "{shown}"
    );
    assert!(
        shown.contains(text::t().report_screen.funnel_empty),
        "{shown}"
    );
    insta::assert_snapshot!("nothing_in_the_period_80x24", shown);
}

#[test]
fn report_80x24() {
    let mut t = demo(80, 24);
    t.keys("s");
    insta::assert_snapshot!(screen(&t, 80, 24));
}

#[test]
fn report_compared_80x24() {
    let mut t = demo(80, 24);
    t.keys("s c PgDn");
    insta::assert_snapshot!(screen(&t, 80, 24));
}

#[test]
fn report_scrolled_to_the_end_80x24() {
    let mut t = demo(80, 24);
    t.keys("s End");
    insta::assert_snapshot!(screen(&t, 80, 24));
}

#[test]
fn report_200x50() {
    let mut t = demo(200, 50);
    t.keys("s");
    insta::assert_snapshot!(screen(&t, 200, 50));
}

#[test]
fn report_compared_200x50() {
    let mut t = demo(200, 50);
    t.keys("s c");
    insta::assert_snapshot!(screen(&t, 200, 50));
}

#[test]
fn report_of_one_owner_last_month_240x60() {
    let mut t = demo(240, 60);
    t.keys("s ] ] Tab Tab c");
    insta::assert_snapshot!(screen(&t, 240, 60));
}

#[test]
fn report_of_an_empty_board_80x24() {
    let mut t = TestApp::new(support::empty_board(), 80, 24);
    t.keys("s c");
    insta::assert_snapshot!(screen(&t, 80, 24));
}

#[test]
fn a_board_with_more_stages_and_names_in_other_scripts_fits_a_narrow_column() {
    let mut board = demo_board();
    board.stages[0].name = "Первичный контакт с клиентом".into();
    board.stages[1].name = "商談の資格確認".into();
    let mut t = TestApp::new(board, 120, 30);
    t.keys("s");
    let shown = screen(&t, 120, 30);
    let layout = for_terminal(120, 30, report(&t));
    assert_eq!(layout.columns.len(), 2);
    for line in shown.lines() {
        // The test backend notes cells hidden behind wide characters after the line.
        let line = line.split(" Hidden by").next().unwrap_or_default();
        let cells = dealboard::display_width::width(line.trim_matches('"'));
        assert_eq!(cells, 120, "every line is the screen's width: {line}");
    }
    assert!(shown.contains("Первичный контакт"), "{shown}");
}

/// Keys that mean something on the report, and a few that lead away and back.
const REPORT_KEYS: &[&str] = &[
    "s", "[", "]", "Left", "Right", "h", "l", "Tab", "BTab", "c", "j", "k", "Up", "Down", "PgDn",
    "PgUp", "Home", "End", "g", "G", "Space", "?", "Esc", "q",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the keys and the size, the report draws, its scroll stays in range, and the
    /// board is not changed by looking at it.
    #[test]
    fn any_keys_at_any_size_draw_and_keep_the_scroll_in_range(
        keys in proptest::collection::vec(prop::sample::select(REPORT_KEYS), 1..40),
        width in 1u16..260,
        height in 1u16..70,
    ) {
        let mut t = TestApp::new(support::pipeline_board(), width, height);
        let before = t.saved();
        for key in keys {
            t.keys(key);
            screen(&t, width, height);
            if let Mode::Reports(view) = t.app.screen() {
                let max = for_terminal(width, height, view).max_scroll();
                prop_assert!(view.scroll <= max, "after {}: {} > {}", key, view.scroll, max);
            }
        }
        prop_assert_eq!(t.saved(), before);
        prop_assert!(t.app.board().stage(&StageId("lead".into())).is_some());
    }
}

#[test]
fn the_forecast_marks_months_gone_by_and_keeps_currencies_apart() {
    let mut board = support::pipeline_board();
    for (title, close, value) in [
        ("Expected in September", day(9, 15), "5000 USD"),
        ("Expected in December", day(12, 10), "20000 USD"),
        ("Also December, in euros", day(12, 20), "8000 EUR"),
    ] {
        support::add(&mut board, "negotiation", title, |d| {
            d.expected_close = close;
            d.value =
                dealboard::model::Money::parse_with_currency(value, d.value.currency).unwrap();
        });
    }
    let mut t = TestApp::new(board, 80, 24);
    t.keys("s");
    // Down to the forecast, a line at a time.
    let mut shown = screen(&t, 80, 24);
    for _ in 0..100 {
        if shown.contains(&month(9)) && shown.contains(text::t().reports.no_date) {
            break;
        }
        t.keys("j");
        shown = screen(&t, 80, 24);
    }
    let september = line_of(&shown, &format!("⚠ {}", month(9)));
    assert!(september.contains("1 deal"), "{september}");
    assert!(
        september.contains("$3k of $5k"),
        "60% of it weighted: {september}"
    );
    // December's euros get a line of their own under it, never added to its dollars.
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines.iter().position(|l| l.contains(&month(12))).unwrap();
    assert!(lines[at].contains("2 deals"), "{}", lines[at]);
    let both = format!("{}\n{}", lines[at], lines[at + 1]);
    assert!(both.contains("$12k of $20k"), "{both}");
    assert!(both.contains("€4.8k of €8k"), "{both}");
    assert!(!shown.contains("$28k"), "{shown}");
}

/// How the forecast names a month of 2026: `Sep 2026`.
fn month(month: u32) -> String {
    chrono::NaiveDate::from_ymd_opt(2026, month, 1).map_or_else(String::new, text::month_year)
}

/// Over a big board the figures are worked out off the key: the key shows "Counting…" at once
/// (or the figures, when they were quick), and the figures come as news: the same as counted
/// while the key waits.
#[test]
fn a_big_boards_report_is_counted_off_the_key_and_comes_as_news() {
    let mut board = support::empty_board();
    dealboard::demo::fill(&mut board, 40_000, support::now().to_utc());
    let (tell, told) = std::sync::mpsc::channel();
    let mut waiting = TestApp::new(board.clone(), 120, 40);
    waiting.app.wake_on_news(std::sync::Arc::new(move || {
        let _ = tell.send(());
    }));
    let mut at_once = TestApp::new(board, 120, 40);
    // All time, the longest to count: two periods back from the first one shown.
    for t in [&mut waiting, &mut at_once] {
        t.keys("s [ [");
        assert_eq!(report(t).choice.preset, PeriodPreset::AllTime);
    }
    assert!(!report(&at_once).counting);
    if report(&waiting).counting {
        let shown = screen(&waiting, 120, 40);
        assert!(shown.contains(text::t().report_screen.counting), "{shown}");
        assert!(
            !shown.contains(text::t().report_screen.key_figures),
            "no figures while counting: {shown}"
        );
    }
    while report(&waiting).counting {
        told.recv_timeout(std::time::Duration::from_secs(60))
            .expect("the figures wake the screen");
        waiting.act(Action::News);
    }
    assert_eq!(report(&waiting).stats, report(&at_once).stats);
    assert_eq!(screen(&waiting, 120, 40), screen(&at_once, 120, 40));
}

#[test]
fn deals_without_an_owner_count_as_the_boards_owners_as_in_stats_and_the_review() {
    let mut board = demo_board();
    board.owner = "Dana Lee".into();
    let chens = board.deals.iter().filter(|d| d.owner == "chen").count();
    for deal in board.deals.iter_mut().filter(|d| d.owner == "chen") {
        std::sync::Arc::make_mut(deal).owner.clear();
    }
    let mut t = TestApp::new(board, 80, 24);
    t.keys("s");
    let mut owners = Vec::new();
    for _ in 0..5 {
        t.keys("Tab");
        owners.push(report(&t).choice.owner.clone().unwrap());
    }
    assert_eq!(owners, ["anna", "boris", "dana", "Dana Lee", "Иван"]);
    t.keys("BTab");
    assert_eq!(report(&t).choice.owner.as_deref(), Some("Dana Lee"));
    let new: usize = report(&t).stats.owners.iter().map(|o| o.new).sum();
    assert!(new <= chens && report(&t).stats.owners.len() == 1);
    assert_eq!(report(&t).stats.owners[0].name, "Dana Lee");
}

/// A board in a team folder converts with the team's rates (its team.ron), as `stats` does,
/// without the rates ever being written into the board.
#[test]
fn the_team_folders_rates_convert_the_apps_figures_but_are_not_the_boards() {
    use dealboard::model::{Currency, PerUnit, Rates};
    let day = support::today();
    let mut rates = Rates::new(Currency::parse("USD").unwrap(), day);
    for (code, rate) in [("EUR", "1.08"), ("RUB", "0.011")] {
        let from = Currency::parse(code).unwrap();
        rates.set(from, PerUnit::parse(rate).unwrap(), day).unwrap();
    }
    let team_rates = Some(rates.clone());
    let mut t = TestApp::made(demo_board(), 160, 40, |app| app.with_team_rates(team_rates));
    let board = screen(&t, 160, 40);
    let footer = line_of(&board, text::t().board.open_total);
    assert!(footer.contains("(≈ $"), "{footer}");
    t.keys("s");
    assert_eq!(report(&t).stats.rates.as_ref(), Some(&rates));
    let shown = screen(&t, 160, 40);
    let heading = text::rates::converted_in(&rates);
    assert!(shown.contains(&heading), "{shown}");
    assert!(
        line_of(&shown, text::t().reports.open).contains('≈'),
        "{shown}"
    );
    assert!(
        t.app.board().rates.is_none(),
        "the board keeps no rates of its own"
    );
}
