//! Realistic demo boards: names, companies, values, owners, sources, and histories spread over
//! the months before `now`, with some deals going cold, some overdue, some won and some lost.
//! The same size and moment always give the same board, so benchmarks and screenshots repeat.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};

use crate::model::{
    Activity, ActivityKind, Board, Currency, Deal, DealEvent, DealId, DoneAction, EventKind,
    Feedback, Minor, Money, Phase, Referral, StageVisit, Status, Tick,
};

const COMPANIES: &[&str] = &[
    "Acme Ltd",
    "Globex",
    "Initech GmbH",
    "Umbrella Corp",
    "Stark Industries",
    "Wayne Enterprises",
    "ООО «Ромашка»",
    "АО «Северсталь-Сервис»",
    "Hooli",
    "Vandelay Industries",
    "株式会社テスト",
    "Soylent Foods",
    "Tyrell Corp",
    "Cyberdyne Systems",
    "Wonka Industries",
    "Nordwind AB",
    "Oceanic Airlines",
    "Massive Dynamic",
    "Pied Piper",
    "Blue Sun Corp",
];
const PRODUCTS: &[&str] = &[
    "CRM rollout",
    "Support renewal",
    "Warehouse scanners",
    "Fleet tracking",
    "Pilot project",
    "Annual licence",
    "Training package",
    "Data migration",
    "Поставка оборудования",
    "Cloud backup",
    "Security audit",
    "導入プロジェクト",
    "Upgrade to Pro",
    "Consulting days",
];
const OWNERS: &[&str] = &[DEMO_OWNER, "boris", "chen", "dana", "Иван"];
/// The seller whose board a demo is: one of the owners, so that "only mine" shows deals.
pub const DEMO_OWNER: &str = "anna";
const CONTACTS: &[&str] = &[
    "Jane Doe",
    "Mark Twain",
    "Олег Иванов",
    "Sato Yuki",
    "Ana Lima",
];
/// The words of a demo in one language: its lead sources and lost reasons are those of that
/// language's default process, so the reports group them with what people pick.
struct Words {
    /// The referral source is third.
    sources: [&'static str; 6],
    /// Of the kinds in [`NEXT_ACTION_KINDS`].
    next_actions: [&'static str; 6],
    lost_reasons: [&'static str; 4],
    /// What customers said after the sale, best first.
    feedback: [&'static str; 3],
    /// Why the demo's process was changed a month ago.
    process_change: &'static str,
}

const NEXT_ACTION_KINDS: [ActivityKind; 6] = [
    ActivityKind::Call,
    ActivityKind::Email,
    ActivityKind::Meeting,
    ActivityKind::Email,
    ActivityKind::Meeting,
    ActivityKind::Email,
];

/// The kind of a demo next action.
fn kind_of(text: &str) -> ActivityKind {
    let at = words().next_actions.iter().position(|t| *t == text);
    at.map_or(ActivityKind::Task, |i| NEXT_ACTION_KINDS[i])
}

const ENGLISH: Words = Words {
    sources: [
        "Own prospecting",
        "Marketing campaign",
        "Referral",
        "Inbound",
        "Trade fair",
        "Partner",
    ],
    next_actions: [
        "Call back",
        "Send proposal",
        "Book a demo",
        "Follow-up email",
        "Meet the CFO",
        "Send contract",
    ],
    lost_reasons: [
        "Price too high",
        "Chose a competitor",
        "No budget",
        "No decision made",
    ],
    feedback: [
        "Smooth rollout, the team uses it daily",
        "Works well; training ran a week late",
        "Setup took longer than promised",
    ],
    process_change: "Criteria from the top three sellers",
};

const RUSSIAN: Words = Words {
    sources: [
        "Собственный поиск",
        "Маркетинговая кампания",
        "Рекомендация",
        "Входящее обращение",
        "Выставка",
        "Партнёр",
    ],
    next_actions: [
        "Перезвонить",
        "Отправить предложение",
        "Назначить демонстрацию",
        "Письмо по итогам встречи",
        "Встреча с финдиректором",
        "Отправить договор",
    ],
    lost_reasons: [
        "Слишком высокая цена",
        "Выбрали конкурента",
        "Нет бюджета",
        "Решение не принято",
    ],
    feedback: [
        "Внедрили гладко, команда пользуется каждый день",
        "Работает хорошо; обучение задержали на неделю",
        "Настройка заняла больше обещанного",
    ],
    process_change: "Критерии трёх лучших продавцов",
};

fn words() -> &'static Words {
    match crate::text::language() {
        crate::text::Language::English => &ENGLISH,
        crate::text::Language::Russian => &RUSSIAN,
    }
}

const TAGS: &[&str] = &["pilot", "renewal", "enterprise", "upsell", "public sector"];

/// A small, fast, repeatable random number source (xorshift64*).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// `board`'s stages filled with `deals` demo deals, as they might stand at `now`.
pub fn fill(board: &mut Board, deals: usize, now: DateTime<Utc>) {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ deals as u64);
    let currencies = ["USD", "USD", "USD", "EUR", "EUR", "RUB"].map(Currency::parse);
    let first_id = board.next_deal_id;
    for _ in 0..deals {
        let id = DealId(board.next_deal_id);
        board.next_deal_id += 1;
        let created = now - Duration::hours(dice.below(24 * 150) as i64 + 1);
        let currency = currencies[dice.below(6) as usize].unwrap_or(Currency::EUR);
        let scale = if currency.code() == "RUB" { 80 } else { 1 };
        let value = Minor::from(500 + dice.below(80_000)) * 100 * scale;
        let mut deal = Deal::new(
            id,
            dice.pick(PRODUCTS),
            board.stages[0].id.clone(),
            Money {
                minor: value,
                currency,
            },
            created,
        );
        deal.company = dice.pick(COMPANIES).to_string();
        deal.contact = dice.pick(CONTACTS).to_string();
        deal.owner = dice.pick(OWNERS).to_string();
        deal.source = dice.pick(&words().sources).to_string();
        if deal.source == words().sources[2] && id.0 > first_id {
            deal.referred_by = Some(Referral::Deal(DealId(
                first_id + dice.below(id.0 - first_id),
            )));
        }
        if dice.chance(60) {
            deal.cost = Some(Money {
                minor: value * Minor::from(40 + dice.below(40)) / 100,
                currency,
            });
        }
        if dice.chance(10) {
            deal.probability = Some(dice.below(10) as u8 * 10 + 5);
        }
        if dice.chance(30) {
            deal.tags = vec![dice.pick(TAGS).to_string()];
        }
        walk_stages(board, &mut deal, &mut dice, now);
        if deal.is_on_board(board.is_post_sale(&deal.stage)) {
            plan_next_action(&mut deal, &mut dice, now);
            keep_most_warm(board, &mut deal, &mut dice, now);
        }
        deal.rank = dice.below(1 << 20) as i64;
        note_what_happened(&mut deal);
        board.deals.push(std::sync::Arc::new(deal));
    }
    board.make_records_from_deals();
    give_contact_details(board);
    change_the_process_once(board, now);
}

/// The demo's process was changed once, a month ago: the second stage's last exit criterion
/// came then, so the log, and before and after, have something to show.
fn change_the_process_once(board: &mut Board, now: DateTime<Utc>) {
    let mut before = board.stages.clone();
    if before.get_mut(1).and_then(|s| s.checklist.pop()).is_none() {
        return;
    }
    board.log_process_change(crate::model::ProcessChange {
        at: now - Duration::days(30),
        reason: words().process_change.to_string(),
        before,
    });
}

/// The events a deal's status implies, and feedback from one won customer in three (taken
/// from the deal's id, so the dice and every other figure stay as they were).
fn note_what_happened(deal: &mut Deal) {
    let what = match &deal.status {
        Status::Open => return,
        Status::Won { at } => (*at, EventKind::Won),
        Status::Lost { at, reason } => (
            *at,
            EventKind::Lost {
                reason: reason.clone(),
            },
        ),
    };
    deal.events.push(DealEvent {
        at: what.0,
        what: what.1,
    });
    if matches!(deal.status, Status::Won { .. }) && deal.id.0.is_multiple_of(3) {
        let said = (deal.id.0 / 3 % 3) as usize;
        deal.feedback.push(Feedback {
            at: deal.updated,
            rating: 5 - said as u8,
            text: words().feedback[said].to_string(),
        });
    }
}

/// Phones and e-mails for the demo's companies and people, made up from their place in the list.
fn give_contact_details(board: &mut Board) {
    for (i, company) in board.companies.iter_mut().enumerate() {
        company.phone = format!("+1 555 01{:02}", i % 100);
    }
    for (i, person) in board.people.iter_mut().enumerate() {
        person.phone = format!("+1 555 02{:02}", i % 100);
        let first = person.name.split_whitespace().next().unwrap_or("info");
        if first.is_ascii() {
            person.email = format!("{}@example.com", first.to_lowercase());
        }
    }
}

/// Walks the deal through the stages from its creation, the way sellers do: most exit criteria
/// ticked before moving on (the rest recorded as skipped), now and then a stage jumped or a step
/// back, some deals lost on the way, and the ones that get past the sale won and delivered.
fn walk_stages(board: &Board, deal: &mut Deal, dice: &mut Dice, now: DateTime<Utc>) {
    let mut at = deal.created;
    let mut stage = 0;
    loop {
        let step = Duration::hours(dice.below(24 * 9) as i64 + 2);
        if at + step >= now || dice.chance(15) {
            break;
        }
        at += step;
        let post_sale = board.stages[stage].phase == Phase::PostSale;
        if !post_sale && dice.chance(4) {
            deal.status = Status::Lost {
                at,
                reason: dice.pick(&words().lost_reasons).to_string(),
            };
            break;
        }
        let back = stage > 0 && !post_sale && dice.chance(5);
        let leap = if !back && dice.chance(6) { 2 } else { 1 };
        let next = if back { stage - 1 } else { stage + leap };
        if next >= board.stages.len() {
            break;
        }
        let mut visit = StageVisit::new(board.stages[next].id.clone(), at);
        if back {
            visit.backward = true;
        } else {
            visit.skipped = work_criteria(board, deal, stage, dice, at);
            visit.jumped = board.stages[stage + 1..next]
                .iter()
                .map(|s| s.id.clone())
                .collect();
        }
        if board.stages[next].phase == Phase::PostSale && deal.status.is_open() {
            deal.status = Status::Won { at };
        }
        if dice.chance(50) {
            let text = dice.pick(&words().next_actions);
            deal.done_actions.push(DoneAction {
                kind: kind_of(text),
                text: text.to_string(),
                due: Some(at.date_naive()),
                time: None,
                done: at,
            });
        }
        stage = next;
        deal.stage = visit.stage.clone();
        deal.history.push(visit);
    }
    deal.updated = at;
}

/// Ticks most of the exit criteria of the stage being left; returns the ones left unticked.
fn work_criteria(
    board: &Board,
    deal: &mut Deal,
    stage: usize,
    dice: &mut Dice,
    at: DateTime<Utc>,
) -> Vec<std::sync::Arc<str>> {
    let stage = &board.stages[stage];
    let mut skipped = Vec::new();
    for item in &stage.checklist {
        let done = deal
            .ticked
            .iter()
            .any(|t| t.stage == stage.id && *t.item == **item);
        if done {
            continue;
        }
        if dice.chance(80) {
            deal.ticked.push(Tick {
                stage: stage.id.clone(),
                item: item.as_str().into(),
                at,
            });
        } else {
            skipped.push(item.as_str().into());
        }
    }
    skipped
}

/// Most deals on the board were worked on lately (a call, an edit) even when they have not
/// moved for a while; about one in four has been left to go cold.
fn keep_most_warm(board: &Board, deal: &mut Deal, dice: &mut Dice, now: DateTime<Utc>) {
    let rot_days = board
        .stage(&deal.stage)
        .map_or(14, |s| u64::from(s.rot_days));
    if dice.chance(75) {
        let touched = now - Duration::hours(dice.below(24 * rot_days.max(1)) as i64);
        deal.updated = deal.updated.max(touched);
    }
}

fn plan_next_action(deal: &mut Deal, dice: &mut Dice, now: DateTime<Utc>) {
    let today = now.date_naive();
    if dice.chance(80) {
        let text = dice.pick(&words().next_actions);
        let offset = dice.below(30);
        let due = if dice.chance(20) {
            today.checked_sub_days(Days::new(offset / 3 + 1))
        } else if dice.chance(10) {
            Some(today)
        } else {
            today.checked_add_days(Days::new(offset + 1))
        };
        let kind = kind_of(text);
        let time = (kind == ActivityKind::Meeting)
            .then(|| NaiveTime::from_hms_opt(9 + (deal.id.0 % 8) as u32, 0, 0))
            .flatten();
        deal.plan(Activity {
            kind,
            text: text.to_string(),
            due,
            time,
        });
    }
    if dice.chance(70) && deal.status.is_open() {
        deal.expected_close = today.checked_add_days(Days::new(dice.below(120) + 7));
    }
}
