//! The fixtures in `tests/fixtures/import/`, read whole: every deal and every problem, with
//! values worked out by hand. The user's clock is 2026-11-27 10:00 at UTC+3.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::model::{Currency, Money, StageId, StageVisit, Status};

const PIPEDRIVE: &[u8] = include_bytes!("../../../tests/fixtures/import/pipedrive.csv");
const HUBSPOT: &[u8] = include_bytes!("../../../tests/fixtures/import/hubspot.csv");
const MESSY: &[u8] = include_bytes!("../../../tests/fixtures/import/messy.csv");

pub(super) fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+03:00").unwrap()
}

pub(super) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn money(minor: crate::model::Minor, code: &str) -> Money {
    Money {
        minor,
        currency: Currency::parse(code).unwrap(),
    }
}

pub(super) fn options(map: &[(&str, &str)]) -> ImportOptions {
    ImportOptions {
        stage_map: map
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        owner: None,
    }
}

pub(super) fn read(bytes: &[u8], options: &ImportOptions) -> Result<ParsedImport, ImportError> {
    read_csv(
        bytes,
        &crate::store::default_board().unwrap(),
        options,
        now(),
    )
}

/// An open deal as read from another system: created and last touched at `created`, in
/// `stage` since then, its external id the key.
fn deal(key: &str, title: &str, stage: &str, value: Money, created: &str) -> Deal {
    let mut deal = Deal::new(DealId(0), title, StageId(stage.into()), value, at(created));
    deal.external_id = key.into();
    deal
}

fn incoming(line: u64, deal: Deal) -> IncomingDeal {
    IncomingDeal {
        line,
        key: deal.external_id.clone(),
        own_id: None,
        deal,
    }
}

fn tags(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

fn entered(deal: &mut Deal, time: &str) {
    deal.history = vec![StageVisit::new(deal.stage.clone(), at(time))];
}

fn problem(line: u64, reason: &str) -> RowProblem {
    RowProblem {
        line,
        reason: reason.into(),
    }
}

const STAGES: &str = "Lead, Qualification, Proposal preparation, Proposal sent, Negotiation, \
                      Agreed, Contract & invoice, Delivery, Customer training, After-sale";

fn unknown_stage(stage: &str) -> String {
    format!(
        "stage “{stage}” is not on the board; import again with --map-stage \
         \"{stage}=<board stage>\". The board's stages are: {STAGES}"
    )
}

fn pipedrive_deals() -> Vec<IncomingDeal> {
    let mut crm = deal(
        "pipedrive:101",
        "CRM rollout, 40 seats",
        "qualification",
        money(1_250_000, "EUR"),
        "2026-10-01T06:15:00Z",
    );
    crm.owner = "Anna Berg".into();
    crm.company = "Acme Ltd".into();
    crm.contact = "Jane Doe".into();
    crm.tags = tags(&["Hot", "Enterprise"]);
    crm.updated = at("2026-11-20T13:40:00Z");
    entered(&mut crm, "2026-11-02T08:00:00Z");
    crm.set_next_due(Some(day(2026, 12, 1)));
    crm.expected_close = Some(day(2026, 12, 15));
    crm.source = "Web forms".into();

    let mut scanners = deal(
        "pipedrive:102",
        "Поставка сканеров",
        "negotiation",
        money(125_000_000, "RUB"),
        "2026-09-15T07:00:00Z",
    );
    scanners.owner = "Иван Петров".into();
    scanners.probability = Some(60);
    scanners.company = "ООО «Ромашка»".into();
    scanners.contact = "Мария Соколова".into();
    // No update time: the last stage change is the latest thing known.
    scanners.updated = at("2026-11-10T11:30:00Z");
    entered(&mut scanners, "2026-11-10T11:30:00Z");
    scanners.set_next_due(Some(day(2026, 11, 25)));
    scanners.source = "Referral".into();

    let mut renewal = deal(
        "pipedrive:103",
        "Annual support renewal",
        "contract-invoice",
        money(800_000, "USD"),
        "2026-08-01T05:00:00Z",
    );
    renewal.owner = "Anna Berg".into();
    renewal.company = "Wayne Enterprises".into();
    renewal.contact = "Bruce Wayne".into();
    renewal.tags = tags(&["Renewal"]);
    renewal.status = Status::Won {
        at: at("2026-11-05T09:00:00Z"),
    };
    renewal.updated = at("2026-11-05T09:00:00Z");
    entered(&mut renewal, "2026-10-20T06:00:00Z");
    renewal.expected_close = Some(day(2026, 11, 1));
    renewal.source = "Outbound".into();

    let mut audit = deal(
        "pipedrive:106",
        "Security audit 安全审计",
        "lead",
        money(0, "USD"),
        "2026-11-27T07:00:00Z",
    );
    audit.probability = Some(40);
    audit.company = "株式会社テスト".into();

    vec![
        incoming(2, crm),
        incoming(3, scanners),
        incoming(4, renewal),
        incoming(7, audit),
    ]
}

fn fleet_pilot() -> IncomingDeal {
    let mut fleet = deal(
        "pipedrive:104",
        "Fleet tracking pilot",
        "proposal-sent",
        money(4_500_000, "USD"),
        "2026-07-10T10:20:00Z",
    );
    fleet.owner = "Anna Berg".into();
    fleet.company = "Tyrell Corp".into();
    fleet.contact = "Eldon Tyrell".into();
    fleet.status = Status::Lost {
        at: at("2026-11-18T14:45:00Z"),
        reason: "Price too high".into(),
    };
    fleet.updated = at("2026-11-18T14:45:00Z");
    entered(&mut fleet, "2026-09-01T07:00:00Z");
    fleet.expected_close = Some(day(2026, 10, 31));
    incoming(5, fleet)
}

#[test]
fn pipedrive_export_without_a_stage_map() {
    let parsed = read(PIPEDRIVE, &options(&[])).unwrap();
    assert_eq!(parsed.format, SourceFormat::Pipedrive);
    assert_eq!(parsed.deals, pipedrive_deals());
    assert_eq!(
        parsed.problems,
        vec![
            problem(5, &unknown_stage("Proposal made")),
            problem(6, "the deal is deleted in Pipedrive, so it is not imported"),
        ]
    );
    assert_eq!(parsed.ignored_columns, vec!["Deal - Weighted value"]);
    assert_eq!(parsed.date_order, None, "no slash dates");
}

#[test]
fn pipedrive_export_with_the_stage_mapped() {
    let parsed = read(PIPEDRIVE, &options(&[("proposal MADE", "Proposal sent")])).unwrap();
    let mut expected = pipedrive_deals();
    expected.insert(3, fleet_pilot());
    assert_eq!(parsed.deals, expected);
    assert_eq!(
        parsed.problems,
        vec![problem(
            6,
            "the deal is deleted in Pipedrive, so it is not imported"
        )]
    );
}

fn hubspot_deals() -> Vec<IncomingDeal> {
    let mut website = deal(
        "hubspot:9001",
        "Website redesign",
        "lead",
        money(1_500_000, "USD"),
        "2026-10-14T11:15:00Z",
    );
    website.expected_close = Some(day(2026, 12, 19));
    website.owner = "Sam Lee".into();
    website.updated = at("2026-11-20T07:05:00Z");
    website.tags = tags(&["newbusiness"]);
    website.company = "Globex".into();
    website.contact = "Hank Scorpio".into();

    // Closed Won: in the last stage before the sale, won at the close date's midnight.
    let mut cloud = deal(
        "hubspot:9002",
        "Cloud migration",
        "contract-invoice",
        money(3_240_050, "USD"),
        "2026-09-01T06:00:00Z",
    );
    cloud.status = Status::Won {
        at: at("2026-11-02T21:00:00Z"),
    };
    cloud.updated = at("2026-11-02T21:00:00Z");
    cloud.owner = "Sam Lee".into();
    cloud.tags = tags(&["existingbusiness"]);
    cloud.company = "Initech".into();
    cloud.contact = "Bill Lumbergh".into();

    let mut training = deal(
        "hubspot:9003",
        "Training package",
        "contract-invoice",
        money(480_000, "EUR"),
        "2026-08-12T08:00:00Z",
    );
    training.status = Status::Lost {
        at: at("2026-10-28T13:30:00Z"),
        reason: String::new(),
    };
    training.updated = at("2026-10-28T13:45:00Z");
    training.owner = "Sam Lee".into();
    training.company = "Soylent Corp".into();

    let mut retainer = deal(
        "hubspot:9004",
        "Consulting retainer",
        "contract-invoice",
        money(720_000, "USD"),
        "2026-11-02T05:30:00Z",
    );
    retainer.expected_close = Some(day(2026, 12, 31));
    retainer.owner = "Ana Ruiz".into();
    retainer.updated = at("2026-11-26T12:00:00Z");
    retainer.tags = tags(&["existingbusiness"]);
    retainer.company = "Umbrella Corp".into();
    retainer.contact = "Alice Abernathy".into();

    let mut tokyo = deal(
        "hubspot:9005",
        "東京オフィス拡張",
        "negotiation",
        money(0, "USD"),
        "2026-11-15T21:00:00Z",
    );
    tokyo.expected_close = Some(day(2027, 1, 15));
    tokyo.owner = "Ana Ruiz".into();
    tokyo.tags = tags(&["newbusiness"]);
    tokyo.company = "株式会社サンプル".into();
    tokyo.contact = "佐藤 花子".into();

    vec![
        incoming(2, website),
        incoming(3, cloud),
        incoming(4, training),
        incoming(5, retainer),
        incoming(6, tokyo),
    ]
}

#[test]
fn hubspot_export_needs_its_open_stages_mapped_but_not_closed_ones() {
    let parsed = read(HUBSPOT, &options(&[])).unwrap();
    assert_eq!(parsed.format, SourceFormat::HubSpot);
    let mut expected = hubspot_deals();
    expected.remove(3);
    expected.remove(0);
    assert_eq!(parsed.deals, expected);
    assert_eq!(
        parsed.problems,
        vec![
            problem(2, &unknown_stage("Appointment Scheduled")),
            problem(5, &unknown_stage("Contract Sent")),
        ]
    );
    assert_eq!(parsed.ignored_columns, vec!["Pipeline"]);
    assert_eq!(parsed.date_order, Some(DateOrder::MonthFirst));
}

#[test]
fn hubspot_export_with_its_stages_mapped() {
    let map = options(&[
        ("Appointment Scheduled", "1"),
        ("contract sent", "Contract & invoice"),
    ]);
    let parsed = read(HUBSPOT, &map).unwrap();
    assert_eq!(parsed.deals, hubspot_deals());
    assert_eq!(parsed.problems, vec![]);
}

#[test]
fn messy_european_spreadsheet() {
    let parsed = read(MESSY, &options(&[])).unwrap();
    assert_eq!(parsed.format, SourceFormat::Pipedrive);
    assert!(parsed.ignored_columns.is_empty(), "Notes is read too");
    assert_eq!(
        parsed.date_order,
        Some(DateOrder::DayFirst),
        "27/11/2026 decides"
    );

    let mut fridge = deal(
        "pipedrive:201",
        "Kühlschrank-Lieferung",
        "lead",
        money(150_000, "EUR"),
        "2026-11-03T06:00:00Z",
    );
    fridge.company = "Müller GmbH".into();
    fridge.expected_close = Some(day(2026, 11, 27));
    fridge.notes = "Ruft zurück".into();

    let mut upkeep = deal(
        "pipedrive:202",
        "Wartung, Jahresvertrag Phase 2",
        "qualification",
        money(1_200_050, "EUR"),
        "2026-11-03T21:00:00Z",
    );
    upkeep.company = "Schmidt & Söhne".into();
    upkeep.expected_close = Some(day(2026, 12, 5));
    upkeep.tags = tags(&["VIP", "Wartung"]);

    let mut advice = deal(
        "pipedrive:206",
        "Beratung",
        "proposal-sent",
        money(250_000, "EUR"),
        "2026-11-07T13:20:00Z",
    );
    advice.company = "Café Zürich".into();
    advice.status = Status::Won {
        at: at("2026-11-07T13:20:00Z"),
    };

    assert_eq!(
        parsed.deals,
        vec![
            incoming(2, fridge),
            incoming(3, upkeep),
            incoming(10, advice)
        ]
    );
    assert_eq!(
        parsed.problems,
        vec![
            problem(
                5,
                "deal - VALUE “12,34,5”: not an amount; try 12 000 or 12,000.50"
            ),
            problem(6, "the title is empty"),
            problem(9, "the value is below zero"),
        ]
    );
}
