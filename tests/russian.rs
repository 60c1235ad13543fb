//! dealboard in Russian, as a Russian-speaking salesperson meets it: whole screens at 80x24 and
//! 200x50, input in Russian forms (amounts, date words, the keyboard switched to Russian), the
//! command line choosing its language, and a new board's process. Review every snapshot by eye:
//! a Russian reader must find it natural, and nothing cut mid-word where English fitted.

mod support;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use dealboard::clock::FixedClock;
use dealboard::model::{Board, StageId};
use dealboard::report::previous_working_day;
use dealboard::store;
use dealboard::text::{self, Language, fill, speaking, t};
use dealboard::tui::keymap::{self, Context};
use dealboard::tui::review::{Review, render};
use dealboard::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::TestApp;
use support::cli::{Cli, run_in};
use tempfile::TempDir;

/// The sample deals on the Russian default process (the same stage ids).
fn russian_board() -> Board {
    let mut board = support::sample_board();
    let process = store::default_board_in("ru").unwrap();
    board.name = process.name;
    board.stages = process.stages;
    board.sources = process.sources;
    board.lost_reasons = process.lost_reasons;
    board
}

/// A demo board of 120 deals on the Russian process, filled as a Russian demo is.
fn russian_demo() -> Board {
    let mut board = store::default_board_in("ru").unwrap();
    board.owner = "anna".into();
    dealboard::demo::fill(&mut board, 120, support::now().to_utc());
    board
}

fn app(board: Board, (width, height): (u16, u16), keys: &str) -> TestApp {
    let mut t = TestApp::new(board, width, height);
    t.keys(keys);
    t
}

fn screen(t: &TestApp, (width, height): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(&t.app, frame)).unwrap();
    let folder = t.dir.path().display().to_string();
    terminal.backend().to_string().replace(&folder, "/TMP")
}

/// The screen after `keys` on the Russian sample board, in Russian.
fn at(size: (u16, u16), keys: &str) -> String {
    speaking(Language::Russian, || {
        screen(&app(russian_board(), size, keys), size)
    })
}

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (200, 50);

#[test]
fn board_80x24() {
    insta::assert_snapshot!(at(SMALL, ""));
}

#[test]
fn board_200x50() {
    insta::assert_snapshot!(at(LARGE, ""));
}

#[test]
fn deal_80x24() {
    insta::assert_snapshot!(at(SMALL, "Enter"));
}

#[test]
fn deal_200x50() {
    insta::assert_snapshot!(at(LARGE, "Enter"));
}

#[test]
fn form_with_errors_80x24() {
    let shown = speaking(Language::Russian, || {
        let mut t = app(russian_board(), SMALL, "n Tab Tab Tab");
        t.type_text("12к")
            .keys("Tab Tab Tab")
            .type_text("140")
            .keys("Tab Tab Tab Tab Tab")
            .type_text("когда-нибудь")
            .keys("Enter");
        screen(&t, SMALL)
    });
    insta::assert_snapshot!(shown);
}

#[test]
fn form_200x50() {
    insta::assert_snapshot!(at(LARGE, "l e"));
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(at(SMALL, "?"));
}

#[test]
fn help_200x50() {
    insta::assert_snapshot!(at(LARGE, "?"));
}

fn report(size: (u16, u16)) -> String {
    speaking(Language::Russian, || {
        screen(&app(russian_demo(), size, "s"), size)
    })
}

#[test]
fn report_80x24() {
    insta::assert_snapshot!(report(SMALL));
}

#[test]
fn report_200x50() {
    insta::assert_snapshot!(report(LARGE));
}

/// Thursday afternoon, when yesterday's news happened.
fn yesterday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T15:00:00+03:00")
        .unwrap()
        .to_utc()
}

/// Two sellers' boards on the Russian process, with news from yesterday.
fn team() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let stage = |id: &str| StageId(id.into());
    let write = |name: &str, board: &Board| {
        let path = dir.path().join(name);
        std::fs::write(path, store::board_text(board).unwrap()).unwrap();
    };
    let mut anna = russian_board();
    anna.owner = "Анна".into();
    let first = anna.deals[0].id;
    anna.move_deal(first, &stage("qualification"), yesterday())
        .unwrap();
    write("anna.ron", &anna);
    let mut boris = russian_board();
    boris.owner = "Борис".into();
    let lost = boris.deals[1].id;
    boris
        .mark_lost(lost, "Слишком высокая цена", yesterday())
        .unwrap();
    write("boris.ron", &boris);
    dir
}

fn review_screen(size: (u16, u16), keys: &str) -> String {
    speaking(Language::Russian, || {
        let dir = team();
        let now = support::now();
        let mut review = Review::new(
            vec![dir.path().to_path_buf()],
            None,
            previous_working_day(now),
            Box::new(FixedClock(now)),
        );
        for event in keys.split_whitespace().flat_map(support::key_events) {
            if let Some(action) = keymap::action_for(Context::Review, &event) {
                review.update(action);
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal.draw(|frame| render(&review, frame)).unwrap();
        let folder = dir.path().display().to_string();
        terminal.backend().to_string().replace(&folder, "/TMP")
    })
}

#[test]
fn review_80x24() {
    insta::assert_snapshot!(review_screen(SMALL, ""));
}

#[test]
fn review_200x50_with_a_change_open() {
    insta::assert_snapshot!(review_screen(LARGE, "n"));
}

#[test]
fn amounts_and_date_words_typed_in_russian_are_read() {
    speaking(Language::Russian, || {
        let mut t = app(russian_board(), SMALL, "n");
        t.type_text("Внедрение CRM")
            .keys("Tab Tab Tab")
            .type_text("12 000,50")
            .keys("Tab Tab Tab Tab Tab Tab Tab Tab")
            .type_text("Позвонить")
            .keys("Tab")
            .type_text("завтра")
            .keys("Enter");
        let deal = t.deal("Внедрение CRM");
        assert_eq!(deal.value.minor, 1_200_050);
        assert_eq!(deal.next_action(), "Позвонить");
        assert_eq!(
            deal.next_due(),
            NaiveDate::from_ymd_opt(2026, 11, 28),
            "завтра"
        );
    });
}

#[test]
fn keys_pressed_with_the_keyboard_in_russian_still_work() {
    speaking(Language::Russian, || {
        let mut t = app(russian_board(), SMALL, "т");
        assert_eq!(
            t.app.context(),
            Context::Form,
            "т is the key of n: a new deal"
        );
        t.keys("Esc");
        // In a question, д is yes and н is no (not the Latin y that shares its key).
        t.keys("в");
        let asked = screen(&t, SMALL);
        let answers = format!("y/д {}   n/н {}", text::t().hints.yes, text::t().hints.no);
        assert!(
            asked.contains(&answers),
            "the question shows both letters: {asked}"
        );
        t.keys("н");
        assert_eq!(t.app.context(), Context::Board, "в (d) asked, н said no");
        assert_eq!(t.saved().deals.len(), russian_board().deals.len());
        t.keys("в д");
        assert_eq!(t.saved().deals.len(), russian_board().deals.len() - 1);
        // Where keys type text, Cyrillic is text.
        t.keys("/").type_text("Поставка");
        assert_eq!(t.app.context(), Context::Filter);
    });
}

#[test]
fn counts_say_the_right_form_on_screen() {
    speaking(Language::Russian, || {
        let shown = screen(&app(russian_board(), SMALL, ""), SMALL);
        let count = russian_board().deals.len();
        assert!(
            shown.contains(&t().count(&t().board.deal_count, count)),
            "{shown}"
        );
    });
    let ru = Language::Russian.text();
    for (n, form) in [
        (1, "1 сделка"),
        (2, "2 сделки"),
        (5, "5 сделок"),
        (11, "11 сделок"),
        (21, "21 сделка"),
        (101, "101 сделка"),
    ] {
        assert_eq!(ru.count(&ru.board.deal_count, n), form);
    }
    assert_eq!(ru.count_decimal(&ru.detail.days, 2.5), "2,5 дня");
}

fn list(home: &Path, envs: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let run = run_in(home, envs, args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    (run.stdout, run.stderr)
}

#[test]
fn the_command_line_speaks_the_language_asked_for() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let ru = Language::Russian.text();
    let en = Language::English.text();
    // The environment's language, when nothing else is said.
    let locale = [
        ("DEALBOARD_LANG", ""),
        ("LANG", "ru_RU.UTF-8"),
        ("LC_ALL", ""),
    ];
    let (out, _) = list(home, &locale, &["list"]);
    assert!(out.contains(ru.cli.no_deals), "{out}");
    // --lang wins over the environment, both ways.
    let (out, _) = list(home, &locale, &["--lang", "en", "list"]);
    assert!(out.contains(en.cli.no_deals), "{out}");
    let (out, _) = list(home, &[("DEALBOARD_LANG", "en")], &["list", "--lang=ru"]);
    assert!(out.contains(ru.cli.no_deals), "{out}");
    // LC_ALL comes before LANG, and C is English.
    let posix = [
        ("DEALBOARD_LANG", ""),
        ("LANG", "ru_RU.UTF-8"),
        ("LC_ALL", "C"),
    ];
    let (out, _) = list(home, &posix, &["list"]);
    assert!(out.contains(en.cli.no_deals), "{out}");
    // DEALBOARD_LANG comes before the locale.
    let (out, _) = list(
        home,
        &[("DEALBOARD_LANG", "ru"), ("LANG", "en_US.UTF-8")],
        &["list"],
    );
    assert!(out.contains(ru.cli.no_deals), "{out}");
    // Help, and clap's own usage errors.
    let (help, _) = list(home, &locale, &["--help"]);
    assert!(
        help.contains(ru.cli.about) && help.contains(ru.clap.usage),
        "{help}"
    );
    let wrong = run_in(home, &locale, &["--bogus"]);
    assert_eq!(wrong.code, Some(2));
    assert!(wrong.stderr.starts_with(ru.clap.error), "{}", wrong.stderr);
    assert!(
        wrong.stderr.contains(ru.clap.unexpected_argument),
        "{}",
        wrong.stderr
    );
    let unknown = run_in(home, &[], &["--lang", "fr", "list"]);
    assert_eq!(unknown.code, Some(2), "only the languages dealboard speaks");
}

#[test]
fn money_and_dates_on_the_command_line_follow_the_language() {
    let cli = Cli::new();
    let russian = |args: &[&str]| {
        let board = cli.board();
        let mut all = vec!["--lang", "ru", "--board", board.as_str()];
        all.extend(args);
        let run = run_in(cli.dir.path(), &[], &all);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        run.stdout
    };
    russian(&["add", "Поставка", "--value", "12 000,50 ₽", "--due", "+3д"]);
    let shown = russian(&["list"]);
    assert!(shown.contains("12\u{a0}000,50\u{a0}₽"), "{shown}");
    let json: serde_json::Value =
        serde_json::from_str(&russian(&["show", "1", "--format", "json"])).unwrap();
    assert_eq!(
        (json["value"].as_str(), json["currency"].as_str()),
        (Some("12000.50"), Some("RUB")),
        "data stays data"
    );
    let due = chrono::Local::now().date_naive() + chrono::Days::new(3);
    let said = speaking(Language::Russian, || text::date_long(due));
    assert!(russian(&["show", "1"]).contains(&said));
}

#[test]
fn a_new_board_in_russian_has_the_articles_process_in_russian() {
    let home = tempfile::tempdir().unwrap();
    let run = run_in(home.path(), &[("DEALBOARD_LANG", "ru")], &["init"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let path = home.path().join(".config/dealboard/board.ron");
    let (_, board) = store::Store::open(&path).unwrap();
    let names: Vec<&str> = board.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Лид",
            "Квалификация",
            "Подготовка предложения",
            "Предложение отправлено",
            "Переговоры",
            "Подтверждение",
            "Договор и счёт",
            "Поставка",
            "Обучение клиента",
            "Послепродажное сопровождение",
        ]
    );
    assert_eq!(board.currency.code(), "RUB");
    let english = store::default_board().unwrap();
    let ids = |b: &Board| b.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&board),
        ids(&english),
        "stage ids are the same in every language"
    );
    assert!(board.stages.iter().all(|s| !s.checklist.is_empty()));
    assert!(!board.sources.is_empty() && !board.lost_reasons.is_empty());
    let created = fill(ru_created(), &[("path", &path.display())]);
    assert!(run.stderr.contains(&created) || run.stdout.contains(&created));
}

fn ru_created() -> &'static str {
    Language::Russian.text().cli.created
}
