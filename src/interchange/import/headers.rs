//! The header line: which program wrote the file, and which column holds what.

use csv::StringRecord;

use super::{Carried, ImportError, ImportOptions, SourceFormat};
use crate::model::DealField;
use crate::text::t;
use crate::text::{Quoted, fill, quote};

/// What a column holds, whatever the program calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    /// The deal's id in the exporting system.
    Id,
    Title,
    Company,
    Contact,
    Value,
    Currency,
    Cost,
    Probability,
    Stage,
    Owner,
    /// Pipedrive's source origin, our source.
    Source,
    /// Pipedrive's source channel: the source when the origin is empty.
    SourceChannel,
    ReferredBy,
    Status,
    LostReason,
    /// Our export's won or lost time.
    Closed,
    WonTime,
    LostTime,
    /// HubSpot's close date: when a closed deal closed, or when an open one is expected to.
    CloseDate,
    ExpectedClose,
    NextAction,
    NextActionDue,
    /// Comma-separated tags (Pipedrive's labels).
    Tags,
    /// One tag (HubSpot's deal type).
    DealType,
    Notes,
    Created,
    Updated,
    StageChanged,
    ExternalId,
}

impl Column {
    /// Whether its cells are dates or times (whose slash forms decide the file's date order).
    pub fn holds_dates(self) -> bool {
        matches!(
            self,
            Column::Closed
                | Column::WonTime
                | Column::LostTime
                | Column::CloseDate
                | Column::ExpectedClose
                | Column::NextActionDue
                | Column::Created
                | Column::Updated
                | Column::StageChanged
        )
    }
}

/// Pipedrive's names, without the `Deal - ` prefix, lowercased.
const PIPEDRIVE: &[(&str, Column)] = &[
    ("id", Column::Id),
    ("title", Column::Title),
    ("owner", Column::Owner),
    ("value", Column::Value),
    ("currency of value", Column::Currency),
    ("currency", Column::Currency),
    ("probability", Column::Probability),
    ("organization", Column::Company),
    ("contact person", Column::Contact),
    ("stage", Column::Stage),
    ("label", Column::Tags),
    ("status", Column::Status),
    ("deal created", Column::Created),
    ("update time", Column::Updated),
    ("last stage change", Column::StageChanged),
    ("next activity date", Column::NextActionDue),
    ("won time", Column::WonTime),
    ("lost time", Column::LostTime),
    ("lost reason", Column::LostReason),
    ("expected close date", Column::ExpectedClose),
    ("source origin", Column::Source),
    ("source channel", Column::SourceChannel),
    ("notes", Column::Notes),
];

/// Pipedrive names our own export never uses: they tell a Pipedrive file whose headers lack the
/// `Deal - ` prefix from ours.
const PIPEDRIVE_ONLY: &[&str] = &[
    "organization",
    "contact person",
    "currency of value",
    "label",
    "deal created",
    "update time",
    "last stage change",
    "next activity date",
    "won time",
    "lost time",
    "expected close date",
    "source origin",
    "source channel",
];

const HUBSPOT: &[(&str, Column)] = &[
    ("record id", Column::Id),
    ("deal name", Column::Title),
    ("deal stage", Column::Stage),
    ("close date", Column::CloseDate),
    ("deal owner", Column::Owner),
    ("amount", Column::Value),
    ("currency", Column::Currency),
    ("deal currency code", Column::Currency),
    ("currency code", Column::Currency),
    ("create date", Column::Created),
    ("last activity date", Column::Updated),
    ("deal type", Column::DealType),
    ("associated company", Column::Company),
    ("associated contact", Column::Contact),
    ("closed lost reason", Column::LostReason),
    ("notes", Column::Notes),
];

/// Our export's names (snake_case; spaces are read as underscores).
const DEALBOARD: &[(&str, Column)] = &[
    ("id", Column::Id),
    ("title", Column::Title),
    ("company", Column::Company),
    ("contact", Column::Contact),
    ("value", Column::Value),
    ("currency", Column::Currency),
    ("cost", Column::Cost),
    ("probability", Column::Probability),
    ("stage", Column::Stage),
    ("owner", Column::Owner),
    ("source", Column::Source),
    ("referred_by", Column::ReferredBy),
    ("status", Column::Status),
    ("lost_reason", Column::LostReason),
    ("closed", Column::Closed),
    ("expected_close", Column::ExpectedClose),
    ("next_action", Column::NextAction),
    ("next_action_due", Column::NextActionDue),
    ("tags", Column::Tags),
    ("notes", Column::Notes),
    ("created", Column::Created),
    ("updated", Column::Updated),
    ("external_id", Column::ExternalId),
];

/// Which column holds what, for one file.
#[derive(Debug)]
pub(super) struct Layout {
    pub format: SourceFormat,
    /// Each known column's index and its header as the file writes it (trimmed).
    columns: Vec<(Column, usize, String)>,
    /// Headers nothing reads, as the file writes them (trimmed); blank headers are left out.
    pub ignored: Vec<String>,
}

impl Layout {
    /// Tells the format from the headers and finds its columns. A file without a title column,
    /// or without the column that identifies its deals, is refused.
    pub fn read(headers: &StringRecord) -> Result<Layout, ImportError> {
        let names: Vec<String> = headers.iter().map(normalize).collect();
        let format = format_of(&names).ok_or_else(|| no_title(headers))?;
        let mut layout = Layout {
            format,
            columns: Vec::new(),
            ignored: Vec::new(),
        };
        for (index, (written, name)) in headers.iter().zip(&names).enumerate() {
            let column = match format {
                SourceFormat::Pipedrive => {
                    let name = name.strip_prefix("deal - ").unwrap_or(name);
                    lookup(PIPEDRIVE, name)
                }
                SourceFormat::HubSpot => lookup(HUBSPOT, name),
                SourceFormat::Dealboard => lookup(DEALBOARD, &name.replace(' ', "_")),
            };
            let written = written.trim();
            match column {
                Some(column) if layout.index(column).is_none() => {
                    layout.columns.push((column, index, written.to_string()))
                }
                _ if written.is_empty() => {}
                _ => layout.ignored.push(written.to_string()),
            }
        }
        layout.check_required(headers)?;
        Ok(layout)
    }

    fn check_required(&self, headers: &StringRecord) -> Result<(), ImportError> {
        if self.index(Column::Title).is_none() {
            return Err(no_title(headers));
        }
        let missing_id = match self.format {
            SourceFormat::Pipedrive => Some("Deal - ID"),
            SourceFormat::HubSpot => Some("Record ID"),
            SourceFormat::Dealboard => None,
        };
        match missing_id {
            Some(column) if self.index(Column::Id).is_none() => Err(ImportError(fill(
                t().import.no_id_column,
                &[("column", &Quoted(column))],
            ))),
            None if self.index(Column::Id).is_none()
                && self.index(Column::ExternalId).is_none() =>
            {
                Err(ImportError(t().import.no_dealboard_id_column.to_string()))
            }
            _ => Ok(()),
        }
    }

    /// Where `column` is, if the file has it.
    /// Which of a deal's fields and states the file has columns for.
    pub fn carried(&self, options: &ImportOptions) -> Carried {
        let has = |columns: &[Column]| columns.iter().any(|c| self.index(*c).is_some());
        let fields = [
            (DealField::Title, has(&[Column::Title])),
            (DealField::Company, has(&[Column::Company])),
            (DealField::Contact, has(&[Column::Contact])),
            (DealField::Value, has(&[Column::Value])),
            (DealField::Currency, has(&[Column::Value, Column::Currency])),
            (DealField::Cost, has(&[Column::Cost])),
            (DealField::Probability, has(&[Column::Probability])),
            (
                DealField::Owner,
                options.owner.is_some() || has(&[Column::Owner]),
            ),
            (
                DealField::Source,
                has(&[Column::Source, Column::SourceChannel]),
            ),
            (DealField::ReferredBy, has(&[Column::ReferredBy])),
            (
                DealField::ExpectedClose,
                has(&[Column::ExpectedClose, Column::CloseDate]),
            ),
            (DealField::NextAction, has(&[Column::NextAction])),
            (DealField::NextActionDue, has(&[Column::NextActionDue])),
            (DealField::Tags, has(&[Column::Tags, Column::DealType])),
            (DealField::Notes, has(&[Column::Notes])),
        ];
        Carried {
            fields: fields
                .into_iter()
                .filter(|(_, carried)| *carried)
                .map(|(field, _)| field)
                .collect(),
            stage: has(&[Column::Stage]),
            // HubSpot tells won and lost by the stage.
            status: has(&[Column::Status])
                || (self.format == SourceFormat::HubSpot && has(&[Column::Stage])),
        }
    }

    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _, _)| *c == column)
            .map(|(_, i, _)| *i)
    }

    /// The header of `column` as the file writes it, for messages.
    pub fn header(&self, column: Column) -> &str {
        self.columns
            .iter()
            .find(|(c, _, _)| *c == column)
            .map_or("", |(_, _, h)| h.as_str())
    }

    /// The indexes of the columns holding dates or times.
    pub fn date_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .filter(|(c, _, _)| c.holds_dates())
            .map(|(_, i, _)| *i)
    }
}

/// Trimmed, lowercased, inner runs of white space made one space.
fn normalize(header: &str) -> String {
    header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn lookup(table: &[(&str, Column)], name: &str) -> Option<Column> {
    table.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// HubSpot has `Record ID`; Pipedrive prefixes `Deal - ` or has a column ours never has; ours
/// has `title`.
fn format_of(names: &[String]) -> Option<SourceFormat> {
    if names.iter().any(|n| n == "record id") {
        return Some(SourceFormat::HubSpot);
    }
    let pipedrive = names
        .iter()
        .any(|n| n.starts_with("deal - ") || PIPEDRIVE_ONLY.contains(&n.as_str()));
    if pipedrive {
        return Some(SourceFormat::Pipedrive);
    }
    names
        .iter()
        .any(|n| n == "title")
        .then_some(SourceFormat::Dealboard)
}

fn no_title(headers: &StringRecord) -> ImportError {
    let headers: Vec<String> = headers.iter().map(|h| quote(h.trim())).collect();
    ImportError(fill(
        t().import.no_title_column,
        &[("headers", &headers.join(", "))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(headers: &[&str]) -> Result<Layout, ImportError> {
        Layout::read(&StringRecord::from(headers.to_vec()))
    }

    #[test]
    fn pipedrive_headers_in_any_case_with_or_without_the_prefix() {
        let l = layout(&[
            " Deal - ID",
            "deal - TITLE ",
            "Deal - Currency of value",
            "Deal -  Organization",
            "Deal - Weighted value",
            "",
        ])
        .unwrap();
        assert_eq!(l.format, SourceFormat::Pipedrive);
        assert_eq!(l.index(Column::Id), Some(0));
        assert_eq!(l.index(Column::Title), Some(1));
        assert_eq!(l.header(Column::Title), "deal - TITLE");
        assert_eq!(l.index(Column::Currency), Some(2));
        assert_eq!(l.index(Column::Company), Some(3));
        assert_eq!(l.ignored, vec!["Deal - Weighted value"]);
        let bare = layout(&["ID", "Title", "Organization", "Currency"]).unwrap();
        assert_eq!(bare.format, SourceFormat::Pipedrive);
        assert_eq!(bare.index(Column::Currency), Some(3));
    }

    #[test]
    fn hubspot_and_our_own_headers() {
        let h = layout(&[
            "Record ID",
            "Deal Name",
            "Pipeline",
            "Deal currency code",
            "Closed Lost Reason",
        ])
        .unwrap();
        assert_eq!(h.format, SourceFormat::HubSpot);
        assert_eq!(h.index(Column::Currency), Some(3));
        assert_eq!(h.index(Column::LostReason), Some(4));
        assert_eq!(h.ignored, vec!["Pipeline"], "nothing reads the pipeline");
        let ours = layout(&["id", "Title", "Expected close", "external_id", "title"]).unwrap();
        assert_eq!(ours.format, SourceFormat::Dealboard);
        assert_eq!(ours.index(Column::ExpectedClose), Some(2));
        assert_eq!(
            ours.ignored,
            vec!["title"],
            "a second title column is not read"
        );
        assert!(!Column::Title.holds_dates());
        assert_eq!(ours.date_indexes().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn files_that_cannot_name_or_tell_deals_apart_are_refused() {
        let error = layout(&["name", "amount"]).unwrap_err();
        assert!(
            error.0.contains("The header line is: name, amount"),
            "{}",
            error.0
        );
        assert!(layout(&["Record ID", "Amount"]).is_err());
        let error = layout(&["Deal - Title", "Deal - Value"]).unwrap_err();
        assert!(error.0.contains("“Deal - ID”"), "{}", error.0);
        assert_eq!(
            layout(&["title", "value"]).unwrap_err().0,
            t().import.no_dealboard_id_column
        );
        assert!(layout(&["title", "external_id"]).is_ok());
    }
}
