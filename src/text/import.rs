//! The words of CSV import: row problems and file problems. Blanks (`{line}`) are filled by
//! [`super::fill`]. Each language fills them in its own file (`en.rs`, `ru.rs`).

catalogue! {
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
}
