//! `read_csv` as a whole: our own export read back, and the rules that span several columns.

use super::fixture_tests::{at, day, money, now, options, read};
use super::*;
use crate::model::{Referral, StageId, StageVisit, Status};

#[test]
fn reads_every_column_the_export_writes() {
    let parsed = read(
        crate::interchange::CSV_COLUMNS.join(",").as_bytes(),
        &options(&[]),
    );
    assert_eq!(parsed.unwrap().ignored_columns, Vec::<String>::new());
}

/// Deals with every field the export writes, as the board holds them.
fn exported_board() -> Board {
    let mut board = crate::store::default_board().unwrap();
    board.owner = "someone else".into();
    let created = at("2026-10-02T09:30:00Z");
    board
        .add_deal(
            &StageId("lead".into()),
            at("2026-11-26T12:00:00Z"),
            |deal| {
                deal.title = "Bare".into();
                deal.value = money(0, "USD");
                deal.owner = String::new();
            },
        )
        .unwrap();
    let (won, _) = board
        .add_deal(&StageId("negotiation".into()), created, |deal| {
            deal.title = "Сканеры, \"защищённые\"".into();
            deal.company = "ООО «Ромашка»".into();
            deal.contact = "王小明".into();
            deal.value = money(1_200_050, "EUR");
            deal.cost = Some(money(750_000, "EUR"));
            deal.probability = Some(70);
            deal.owner = "anna".into();
            deal.source = "Referral".into();
            deal.referred_by = Some(Referral::Deal(DealId(1)));
            deal.expected_close = Some(day(2026, 12, 15));
            deal.set_next_action("Call about the pilot; bring, the contract");
            deal.set_next_due(Some(day(2026, 12, 1)));
            deal.tags = vec!["pilot".into(), "enterprise".into(), "Москва".into()];
            deal.notes = "Wants training in January.\nTwo sites, \"north\" and south.".into();
            deal.external_id = "pipedrive:77".into();
        })
        .unwrap();
    board.mark_won(won, at("2026-11-20T11:00:00Z")).unwrap();
    let (lost, _) = board
        .add_deal(&StageId("proposal-sent".into()), created, |deal| {
            deal.title = "Lost one".into();
            deal.value = money(500, "JPY");
            deal.referred_by = Some(Referral::Person("Ivan Petrov".into()));
        })
        .unwrap();
    board
        .mark_lost(lost, "Price, again", at("2026-11-01T10:00:00Z"))
        .unwrap();
    board
}

#[test]
fn our_own_export_reads_back_the_same() {
    let board = exported_board();
    let all: Vec<&Deal> = board.deals.iter().map(AsRef::as_ref).collect();
    let file = crate::interchange::deals_csv(&board, &all, true).unwrap();
    let parsed = read_csv(&file, &board, &options(&[]), now()).unwrap();
    assert_eq!(parsed.format, SourceFormat::Dealboard);
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.ignored_columns, Vec::<String>::new());
    let keys: Vec<(u64, &str, Option<DealId>)> = parsed
        .deals
        .iter()
        .map(|d| (d.line, d.key.as_str(), d.own_id))
        .collect();
    assert_eq!(
        keys,
        vec![
            (2, "dealboard:1", Some(DealId(1))),
            (3, "pipedrive:77", Some(DealId(2))),
            (5, "dealboard:3", Some(DealId(3))),
        ],
        "line 3's quoted notes take two lines"
    );
    for (read, original) in parsed.deals.iter().zip(&board.deals) {
        // What the export leaves out: the board's id, the order in the column, the path here.
        let mut expected = Deal::clone(original);
        expected.id = DealId(0);
        expected.rank = 0;
        expected.ticked = Vec::new();
        expected.done_actions = Vec::new();
        expected.events = Vec::new();
        expected.history = vec![StageVisit::new(original.stage.clone(), original.created)];
        assert_eq!(read.deal, expected);
    }
    assert_eq!(
        board.deals[1].stage.as_str(),
        "delivery",
        "won deals carry on"
    );
    assert_eq!(board.deals[0].owner, "", "no owner stays no owner");
}

#[test]
fn our_own_files_typed_by_hand() {
    let file = "ID,Title,Value,Currency,Stage,Status,Closed,Referred By,Owner\n\
                7,A,\"1,5\",eur,,won,,12,\n\
                x8,B,,,,,,,\n\
                ,C,,,,,,,\n\
                9,D,,,Lead,pending,,,\n";
    let parsed = read(file.as_bytes(), &options(&[])).unwrap();
    let a = &parsed.deals[0];
    assert_eq!((a.key.as_str(), a.own_id), ("dealboard:7", Some(DealId(7))));
    assert_eq!(a.deal.value, money(150, "EUR"));
    assert_eq!(
        a.deal.stage.as_str(),
        "contract-invoice",
        "won without a stage"
    );
    assert_eq!(a.deal.status, Status::Won { at: now().to_utc() });
    assert_eq!(a.deal.referred_by, Some(Referral::Deal(DealId(12))));
    assert_eq!(a.deal.external_id, "");
    assert_eq!(
        parsed.problems,
        vec![
            RowProblem {
                line: 3,
                reason: "ID “x8”: not a deal number".into()
            },
            RowProblem {
                line: 4,
                reason: "ID is empty, so a later import could not tell this deal apart".into()
            },
            RowProblem {
                line: 5,
                reason: "Status “pending”: not open, won or lost".into()
            },
        ]
    );
}

#[test]
fn every_problem_of_a_row_is_told_at_once() {
    let file = "Deal - ID\tDeal - Title\tDeal - Value\tDeal - Currency\tDeal - Probability\t\
                Deal - Deal created\tDeal - Stage\n\
                1\tA\t$100\tEUR\t140\tyesterday\tWon\n\
                2\tB\t100\tDollars\t\t\t\n";
    let parsed = read(file.as_bytes(), &options(&[])).unwrap();
    assert_eq!(parsed.deals, vec![]);
    let reasons: Vec<&str> = parsed.problems.iter().map(|p| p.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            format!(
                "stage “Won” is not on the board; import again with --map-stage \
                 \"Won=<board stage>\". The board's stages are: {}; \
                 Deal - Value “$100”: the amount is in USD but the currency column says EUR; \
                 Deal - Probability “140”: a whole number from 0 to 100; \
                 Deal - Deal created “yesterday”: not a date; write 2026-11-27, 27.11.2026 \
                 or 2026-11-27 14:03",
                "Lead, Qualification, Proposal preparation, Proposal sent, Negotiation, \
                 Agreed, Contract & invoice, Delivery, Customer training, After-sale"
            )
            .as_str(),
            "Deal - Currency “Dollars”: not a currency; write a code such as EUR or USD",
        ]
    );
}

#[test]
fn owner_option_and_board_owner() {
    let file = "Record ID,Deal Name,Deal Stage,Deal owner\n1,A,Lead,Sam\n2,B,Lead,\n";
    let mut board = crate::store::default_board().unwrap();
    board.owner = "anna".into();
    let owners = |options: &ImportOptions| -> Vec<String> {
        let parsed = read_csv(file.as_bytes(), &board, options, now()).unwrap();
        parsed.deals.into_iter().map(|d| d.deal.owner).collect()
    };
    assert_eq!(owners(&options(&[])), vec!["Sam", "anna"]);
    let mut forced = options(&[]);
    forced.owner = Some(" boris ".into());
    assert_eq!(owners(&forced), vec!["boris", "boris"]);
}

#[test]
fn the_same_deal_twice_is_refused_the_second_time() {
    let file = "Record ID,Deal Name\n5,A\n6,B\n5,A again\n";
    let parsed = read(file.as_bytes(), &options(&[])).unwrap();
    assert_eq!(parsed.deals.len(), 2);
    assert_eq!(
        parsed.problems,
        vec![RowProblem {
            line: 4,
            reason: "the same deal (hubspot:5) is already on line 2".into()
        }]
    );
}

#[test]
fn hubspot_closed_deals_ignore_the_stage_map() {
    let file = "Record ID,Deal Name,Deal Stage,Close Date,Create Date\n\
                1,A,Closed Won,,2026-11-01 10:00\n";
    let parsed = read(file.as_bytes(), &options(&[("closed won", "Delivery")])).unwrap();
    let deal = &parsed.deals[0].deal;
    assert_eq!(deal.stage.as_str(), "contract-invoice");
    assert_eq!(
        deal.status,
        Status::Won {
            at: at("2026-11-01T07:00:00Z")
        },
        "won when created, without a close date"
    );
    assert_eq!(
        deal.history,
        vec![StageVisit::new(
            deal.stage.clone(),
            at("2026-11-01T07:00:00Z")
        )]
    );
}

#[test]
fn whole_file_problems() {
    let error = |bytes: &[u8], map: &[(&str, &str)]| read(bytes, &options(map)).unwrap_err().0;
    assert!(error(b"title,id\nCaf\xe9,1\n", &[]).starts_with("Line 2 is not UTF-8 text."));
    assert_eq!(error(b"", &[]), t().import.empty_file);
    assert!(error(b"name,value\nA,1\n", &[]).starts_with("The file has no title column."));
    assert!(
        error(b"title,id\nA,1\n", &[("x", "Nowhere")]).starts_with("--map-stage \"x=Nowhere\"")
    );
    let mixed = "Deal - ID,Deal - Title,Deal - Deal created\n1,A,13/01/2026\n2,B,01/13/2026\n";
    assert!(
        error(mixed.as_bytes(), &[])
            .starts_with("The dates mix two orders: line 2 has 13/01/2026 (day first)")
    );
    let header_only = read(b"title,id\r\n", &options(&[])).unwrap();
    assert_eq!(header_only.deals, vec![]);
    assert_eq!(header_only.problems, vec![]);
}
