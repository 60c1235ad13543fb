//! The words of CSV import: row problems and file problems. Blanks (`{line}`) are filled by
//! [`super::fill`]. A translation is one more `static` of [`ImportText`].

/// Every sentence the CSV import can say.
pub struct ImportText {
    // Problems with the whole file.
    pub empty_file: &'static str,
    /// `{line}`: the first line that is not UTF-8.
    pub not_utf8: &'static str,
    /// `{headers}`: the header line as read.
    pub no_title_column: &'static str,
    /// `{column}`: the column that names each deal in the system that exported it.
    pub no_id_column: &'static str,
    pub no_dealboard_id_column: &'static str,
    /// `{day_line}` `{day_text}` `{month_line}` `{month_text}`: one example of each order.
    pub mixed_date_orders: &'static str,
    /// `{entry}` as given, `{name}` its board stage, `{stages}` the board's stages.
    pub bad_stage_map: &'static str,
    /// `{error}` from the CSV reader.
    pub not_csv: &'static str,

    // Problems with one row.
    /// One problem of a field: `{column}` as the file heads it, `{text}` its cell, `{problem}`.
    pub field: &'static str,
    /// Put between two problems of one row.
    pub separator: &'static str,
    /// `{error}` from the CSV reader.
    pub row_not_csv: &'static str,
    pub deleted: &'static str,
    pub bad_status: &'static str,
    /// `{stage}` as the file writes it, `{stages}` the board's stages.
    pub unknown_stage: &'static str,
    /// `{column}`: the column that identifies deals.
    pub no_key: &'static str,
    /// `{key}` the deal's id in the exporting system, `{line}` where it was first.
    pub duplicate_key: &'static str,
    pub bad_deal_number: &'static str,
    pub bad_currency: &'static str,
    /// `{value}`: the currency written with the amount, `{column}`: the currency column's.
    pub currency_clash: &'static str,
    pub bad_date: &'static str,
    /// `{order}`: how slash dates are read in this file ([`Self::day_first`] or
    /// [`Self::month_first`]).
    pub bad_slash_date: &'static str,
    pub day_first: &'static str,
    pub month_first: &'static str,
    /// Joins the board's stage names in a list.
    pub stage_separator: &'static str,
}

pub static IMPORT: ImportText = ImportText {
    empty_file: "The file is empty: there is no header line to read.",
    not_utf8: "Line {line} is not UTF-8 text. Save the file as UTF-8 (in Excel: Save As, then “CSV UTF-8”) and import it again.",
    no_title_column: "The file has no title column. dealboard reads Pipedrive deal exports (“Deal - Title”), HubSpot deal exports (“Record ID”, “Deal Name”) and its own CSV export (“title”). The header line is: {headers}",
    no_id_column: "The file has no “{column}” column, so a later import could not tell its deals apart. Export it again with that column.",
    no_dealboard_id_column: "The file has no “id” or “external_id” column, so a later import could not tell its deals apart.",
    mixed_date_orders: "The dates mix two orders: line {day_line} has {day_text} (day first) and line {month_line} has {month_text} (month first). Write every date one way and import again.",
    bad_stage_map: "--map-stage \"{entry}\": the board has no stage “{name}”. The board's stages are: {stages}.",
    not_csv: "The file cannot be read as CSV: {error}",
    field: "{column} “{text}”: {problem}",
    separator: "; ",
    row_not_csv: "cannot be read as CSV: {error}",
    deleted: "the deal is deleted in Pipedrive, so it is not imported",
    bad_status: "not open, won or lost",
    unknown_stage: "stage “{stage}” is not on the board; import again with --map-stage \"{stage}=<board stage>\". The board's stages are: {stages}",
    no_key: "{column} is empty, so a later import could not tell this deal apart",
    duplicate_key: "the same deal ({key}) is already on line {line}",
    bad_deal_number: "not a deal number",
    bad_currency: "not a currency; write a code such as EUR or USD",
    currency_clash: "the amount is in {value} but the currency column says {column}",
    bad_date: "not a date; write 2026-11-27, 27.11.2026 or 2026-11-27 14:03",
    bad_slash_date: "not a date when read {order}",
    day_first: "day first (27/11/2026)",
    month_first: "month first (11/27/2026)",
    stage_separator: ", ",
};
