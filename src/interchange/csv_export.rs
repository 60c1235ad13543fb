//! Deals as CSV for spreadsheets (LibreOffice, Excel) and for importing again: one row per deal,
//! ISO dates, RFC 3339 times in UTC, money as plain decimals with one currency column. The
//! columns are a contract like the JSON fields: add at the end, never rename or reorder.

use super::utc;
use crate::model::{Board, Deal, DealField, Status};

/// The header row, in order. The import reads files with these headers back.
pub const CSV_COLUMNS: [&str; 23] = [
    "id",
    "title",
    "company",
    "contact",
    "value",
    "currency",
    "cost",
    "probability",
    "stage",
    "owner",
    "source",
    "referred_by",
    "status",
    "lost_reason",
    "closed",
    "expected_close",
    "next_action",
    "next_action_due",
    "tags",
    "notes",
    "created",
    "updated",
    "external_id",
];

/// The UTF-8 byte order mark, which tells Excel on Windows the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The deals as a CSV file, with a byte order mark first when `bom`.
pub fn deals_csv(board: &Board, deals: &[&Deal], bom: bool) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for deal in deals {
        writer.write_record(row(board, deal))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn row(board: &Board, deal: &Deal) -> [String; 23] {
    let (lost_reason, closed) = match &deal.status {
        Status::Open => (String::new(), String::new()),
        Status::Won { at } => (String::new(), utc(at)),
        Status::Lost { at, reason } => (reason.clone(), utc(at)),
    };
    let stage = board
        .stage(&deal.stage)
        .map_or_else(|| deal.stage.to_string(), |s| s.name.clone());
    let field = |f: DealField| f.get(deal);
    [
        deal.id.to_string(),
        text(&deal.title),
        text(&deal.company),
        text(&deal.contact),
        deal.value.decimal(),
        deal.value.currency.code().to_string(),
        deal.cost.map(|c| c.decimal()).unwrap_or_default(),
        field(DealField::Probability),
        text(&stage),
        text(&deal.owner),
        text(&deal.source),
        text(&field(DealField::ReferredBy)),
        deal.status.key().to_string(),
        text(&lost_reason),
        closed,
        field(DealField::ExpectedClose),
        text(deal.next_action()),
        field(DealField::NextActionDue),
        text(&field(DealField::Tags)),
        text(&deal.notes),
        utc(&deal.created),
        utc(&deal.updated),
        text(&deal.external_id),
    ]
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell that a spreadsheet shows as text: one starting like a formula (`=HYPERLINK(…)`
/// from a deal's notes, say) gets a `'` in front, which the import takes off again.
pub(super) fn text(value: &str) -> String {
    if needs_guard(value) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// Whether text needs a `'` in front: it starts like a formula, or with `'`s and then like a
/// formula (which would otherwise lose a `'` on the way back).
pub fn needs_guard(value: &str) -> bool {
    // Spreadsheets skip leading blanks and control characters before reading a formula.
    value
        .trim_start_matches(|c: char| c == '\'' || c.is_whitespace() || c.is_control())
        .starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Money, StageId};
    use chrono::DateTime;

    #[test]
    fn a_row_per_deal_with_plain_money_iso_dates_and_quoted_text() {
        let mut board = crate::store::default_board().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T09:30:00Z")
            .unwrap()
            .to_utc();
        let (id, _) = board
            .add_deal(&StageId("negotiation".into()), at, |d| {
                d.title = "Scanners, \"rugged\"".into();
                d.company = "ООО «Ромашка»".into();
                d.value = Money::parse_amount("12000.5", Currency::EUR).unwrap();
                d.tags = vec!["pilot".into(), "q4".into()];
                d.notes = "two\nlines".into();
            })
            .unwrap();
        board.mark_lost(id, "Price", at).unwrap();
        let all: Vec<&Deal> = board.deals.iter().map(AsRef::as_ref).collect();
        let bytes = deals_csv(&board, &all, true).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let expected = "\u{feff}id,title,company,contact,value,currency,cost,probability,stage,owner,source,referred_by,status,lost_reason,closed,expected_close,next_action,next_action_due,tags,notes,created,updated,external_id\n\
            1,\"Scanners, \"\"rugged\"\"\",ООО «Ромашка»,,12000.50,EUR,,,Negotiation,,,,lost,Price,2026-11-20T09:30:00Z,,,,\"pilot, q4\",\"two\nlines\",2026-11-20T09:30:00Z,2026-11-20T09:30:00Z,\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn text_that_looks_like_a_formula_is_kept_as_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("-3 units"), "'-3 units");
        assert_eq!(text("'quoted"), "'quoted", "only before a formula start");
        assert_eq!(text("'=x"), "''=x", "so that reading it back gives '=x");
        assert_eq!(text("Acme"), "Acme");
    }
}
