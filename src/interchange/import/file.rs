//! From bytes to CSV records: the encoding, the delimiter, and each record's line.

use csv::StringRecord;

use super::ImportError;
use crate::text::fill;
use crate::text::t;

/// One record of the file: where it starts, and its fields, or why the CSV reader refused it.
pub(super) struct Record {
    pub line: u64,
    pub fields: Result<StringRecord, String>,
}

/// The header and the records after it.
pub(super) struct Table {
    pub headers: StringRecord,
    pub records: Vec<Record>,
}

/// Reads the whole file. The header line decides the delimiter; rows whose every cell is blank
/// are left out (a spreadsheet writes them as `;;;;`).
pub(super) fn read_table(bytes: &[u8]) -> Result<Table, ImportError> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError(t().import.empty_file.to_string()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter_of(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError(fill(t().import.not_csv, &[("error", &e)])))?
        .clone();
    let mut records = Vec::new();
    let mut lines = LineCounter::new(text);
    for result in reader.records() {
        match result {
            Ok(record) => {
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let line = record.position().map_or(0, |p| lines.line_at(p));
                records.push(Record {
                    line,
                    fields: Ok(record),
                });
            }
            Err(error) => match error.position() {
                Some(position) => records.push(Record {
                    line: lines.line_at(position),
                    fields: Err(fill(t().import.row_not_csv, &[("error", &error)])),
                }),
                None => return Err(ImportError(fill(t().import.not_csv, &[("error", &error)]))),
            },
        }
    }
    Ok(Table { headers, records })
}

/// Finds the line each record starts on, counting line breaks only once however many records
/// there are (records come in file order), so reading stays linear in the file's size.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Line breaks before `counted_to`.
    breaks: u64,
    counted_to: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            bytes: text.as_bytes(),
            breaks: 0,
            counted_to: 0,
        }
    }

    /// The line a record starts on (1 is the header line). Counted from the record's byte
    /// offset rather than taken from `Position::line()`, which csv 1.4 reports one line short
    /// after a `\r\n` line end (as Excel writes them) or a blank line: the offset points at
    /// what ends the line before, so the line breaks there are stepped over.
    fn line_at(&mut self, position: &csv::Position) -> u64 {
        let start =
            usize::try_from(position.byte()).map_or(self.bytes.len(), |b| b.min(self.bytes.len()));
        let breaks = |bytes: &[u8]| bytes.iter().filter(|b| **b == b'\n').count() as u64;
        if start < self.counted_to {
            // Never happens for records in order; counted afresh to stay right regardless.
            self.breaks = 0;
            self.counted_to = 0;
        }
        self.breaks += breaks(&self.bytes[self.counted_to..start]);
        self.counted_to = start;
        let after = &self.bytes[start..];
        let blank = after
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .unwrap_or(after.len());
        1 + self.breaks + breaks(&after[..blank])
    }
}

/// The text without a byte order mark; anything but UTF-8 is refused with the first bad line.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        ImportError(fill(t().import.not_utf8, &[("line", &line)]))
    })
}

/// `,`, `;` or tab: whichever the header line has most of outside quotes (a comma on a tie or
/// when it has none). European Excel writes `;` because the comma is its decimal mark.
fn delimiter_of(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_and_cells(bytes: &[u8]) -> Vec<(u64, Vec<String>)> {
        let table = read_table(bytes).unwrap();
        table
            .records
            .into_iter()
            .map(|r| (r.line, r.fields.unwrap().iter().map(String::from).collect()))
            .collect()
    }

    #[test]
    fn the_header_line_decides_the_delimiter() {
        assert_eq!(delimiter_of("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(delimiter_of("a;b;c\n"), b';');
        assert_eq!(delimiter_of("a\tb\tc"), b'\t');
        assert_eq!(delimiter_of("\"a;b\",c"), b',', "quoted ones do not count");
        assert_eq!(delimiter_of("title"), b',');
    }

    #[test]
    fn bom_blank_rows_and_quoted_newlines() {
        let file = "\u{feff}title;notes\r\nA;\"x;\ny\"\r\n;;\r\n\r\nB;z\r\n";
        let unix = file.replace("\r\n", "\n");
        assert_eq!(
            lines_and_cells(unix.as_bytes()),
            lines_and_cells(file.as_bytes())
        );
        assert_eq!(
            lines_and_cells(file.as_bytes()),
            vec![
                (2, vec!["A".to_string(), "x;\ny".to_string()]),
                (6, vec!["B".to_string(), "z".to_string()]),
            ]
        );
        let table = read_table(file.as_bytes()).unwrap();
        assert_eq!(
            &table.headers[0], "title",
            "the BOM is not part of the header"
        );
    }

    #[test]
    fn empty_and_not_utf8_files_are_refused() {
        for empty in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\n"] {
            assert_eq!(
                read_table(empty).err(),
                Some(ImportError(t().import.empty_file.to_string()))
            );
        }
        let latin1 = b"title\nok\nCaf\xe9\n";
        let error = read_table(latin1).err().unwrap();
        assert!(error.0.starts_with("Line 3 is not UTF-8"), "{}", error.0);
    }
}
