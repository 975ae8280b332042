//! Reading a delimited file strictly: every problem names the file, the row, the column and
//! what was expected, before anything is written.

use std::fmt;

/// A problem with an input file, at a row and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, row {row}, column «{column}»: expected {expected}, found {found}")]
pub struct BadInput {
    pub file: String,
    /// 1 is the header row.
    pub row: u64,
    pub column: String,
    pub expected: String,
    pub found: String,
}

/// The shape of a data set's file: how its fields are separated and the columns it must have.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub dataset: &'static str,
    pub delimiter: u8,
    pub columns: &'static [&'static str],
}

/// A file read into text cells, with the header's column positions.
#[derive(Debug, Clone)]
pub struct Table {
    pub file: String,
    pub headers: Vec<String>,
    /// (row number in the file, cells).
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Files above this size are refused before reading (the largest data set is 2.6 MB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// One row's cells by column name.
pub struct Cells<'a> {
    pub file: &'a str,
    pub row: u64,
    headers: &'a [String],
    cells: &'a [String],
}

impl<'a> Cells<'a> {
    /// The trimmed text of a column (the header was checked, so it exists).
    #[must_use]
    pub fn get(&self, column: &str) -> &'a str {
        self.headers.iter().position(|h| h == column).and_then(|i| self.cells.get(i)).map_or("", |s| s.trim())
    }

    /// A problem with this row's `column`.
    #[must_use]
    pub fn bad(&self, column: &str, expected: impl fmt::Display) -> BadInput {
        BadInput {
            file: self.file.to_owned(),
            row: self.row,
            column: column.to_owned(),
            expected: expected.to_string(),
            found: quoted(self.get(column)),
        }
    }

    /// A required, non-empty column.
    ///
    /// # Errors
    /// The empty cell.
    pub fn required(&self, column: &str) -> Result<&'a str, BadInput> {
        let v = self.get(column);
        if v.is_empty() { Err(self.bad(column, "a value")) } else { Ok(v) }
    }
}

fn quoted(value: &str) -> String {
    if value.is_empty() { "an empty cell".to_owned() } else { format!("«{}»", value.chars().take(60).collect::<String>()) }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "«;»",
        b',' => "«,»",
        b'\t' => "a tab",
        _ => "another character",
    }
}

impl Table {
    /// Iterates the rows as named cells.
    pub fn cells(&self) -> impl Iterator<Item = Cells<'_>> {
        self.rows.iter().map(|(row, cells)| Cells { file: &self.file, row: *row, headers: &self.headers, cells })
    }
}

/// Reads `bytes` as a file of `shape`; `others` are the shapes of the other data sets, so a
/// file of the wrong data set is named as such.
///
/// # Errors
/// The first problem: size, encoding, emptiness, delimiter, data set, missing column, ragged row.
pub fn read(file: &str, bytes: &[u8], shape: &Shape, others: &[Shape]) -> Result<Table, BadInput> {
    let first_column = shape.columns.first().copied().unwrap_or_default();
    let bad = |row: u64, column: &str, expected: String, found: String| BadInput {
        file: file.to_owned(),
        row,
        column: column.to_owned(),
        expected,
        found,
    };
    if bytes.len() > MAX_BYTES {
        return Err(bad(0, first_column, format!("a file of at most {} MB", MAX_BYTES / 1024 / 1024), format!("{} bytes", bytes.len())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad(1, first_column, format!("a header row with the columns of {}", shape.dataset), "an empty file".to_owned()));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(bad(
            1,
            first_column,
            format!("a text file separated by {}", delimiter_name(shape.delimiter)),
            "an XLSX/ZIP workbook".to_owned(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let row = u64::try_from(before.iter().filter(|b| **b == b'\n').count() + 1).unwrap_or(0);
            let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let field = before.get(line_start..).unwrap_or_default().iter().filter(|b| **b == shape.delimiter).count();
            let header = first_line_fields(bytes, shape.delimiter);
            let column = header.get(field).cloned().unwrap_or_else(|| first_column.to_owned());
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(bad(
                row,
                &column,
                "UTF-8 text".to_owned(),
                format!("the byte 0x{byte:02X} (is the file Latin-1 or Windows-1252?)"),
            ));
        }
    };
    let mut reader = csv::ReaderBuilder::new().delimiter(shape.delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Some(Err(e)) => return Err(bad(1, first_column, "a header row".to_owned(), e.to_string())),
        None => return Err(bad(1, first_column, "a header row".to_owned(), "an empty file".to_owned())),
    };
    let has = |h: &[String], s: &Shape| s.columns.iter().all(|c| h.iter().any(|x| x == c));
    if !has(&headers, shape) {
        for other in others.iter().filter(|o| o.dataset != shape.dataset) {
            let theirs = first_line_fields(text.as_bytes(), other.delimiter);
            if has(&theirs, other) {
                return Err(bad(1, first_column, format!("a file of {}", shape.dataset), format!("the header of {}", other.dataset)));
            }
        }
        if headers.len() == 1 {
            for d in [b';', b',', b'\t'] {
                if d != shape.delimiter && headers.first().is_some_and(|h| h.as_bytes().contains(&d)) {
                    return Err(bad(
                        1,
                        first_column,
                        format!("columns separated by {}", delimiter_name(shape.delimiter)),
                        format!("{} as the separator", delimiter_name(d)),
                    ));
                }
            }
        }
        if let Some(missing) = shape.columns.iter().find(|c| !headers.iter().any(|h| h == *c)) {
            // A renamed column is usually a near spelling: name it rather than list the header.
            let squash = |s: &str| samverk_domain::text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            let near = headers.iter().find(|h| !shape.columns.contains(&h.as_str()) && squash(h) == squash(missing));
            let found = near
                .map_or_else(|| format!("no such column among the {} in the header", headers.len()), |h| format!("a column named «{h}»"));
            return Err(bad(1, missing, format!("a column named «{missing}»"), found));
        }
    }
    let mut rows = Vec::new();
    // The csv crate's line numbers drift on CRLF files, so rows are numbered from the byte
    // offset where each record starts: one more than the line breaks before it.
    let mut lines = LineCounter::default();
    for record in records {
        let record = record.map_err(|e| {
            let row = e.position().map_or(0, |p| lines.line_at(text.as_bytes(), p.byte()));
            bad(row, first_column, "a well-formed row".to_owned(), e.to_string())
        })?;
        let row = record.position().map_or(0, |p| lines.line_at(text.as_bytes(), p.byte()));
        if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
            continue; // a blank line
        }
        if record.len() != headers.len() {
            let column = headers.get(record.len().min(headers.len().saturating_sub(1))).cloned().unwrap_or_default();
            return Err(bad(row, &column, format!("{} fields like the header", headers.len()), format!("{} fields", record.len())));
        }
        rows.push((row, record.iter().map(str::to_owned).collect()));
    }
    Ok(Table { file: file.to_owned(), headers, rows })
}

/// Line numbers of byte offsets, counted forward once (records come in order).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], byte: u64) -> u64 {
        let mut to = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // After a CRLF the reader puts the next record at the LF: the record's text starts after it.
        while text.get(to).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            to += 1;
        }
        if to < self.offset {
            *self = Self::default();
        }
        let breaks = text.get(self.offset..to).unwrap_or_default().iter().filter(|b| **b == b'\n').count();
        self.line += u64::try_from(breaks).unwrap_or(0);
        self.offset = to;
        self.line + 1
    }
}

fn first_line_fields(bytes: &[u8], delimiter: u8) -> Vec<String> {
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    // A header that is not UTF-8 is most likely Latin-1, whose bytes are their code points.
    let line = std::str::from_utf8(line).map_or_else(|_| line.iter().map(|b| char::from(*b)).collect(), str::to_owned);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(line.trim_end().as_bytes())
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: Shape = Shape { dataset: "t", delimiter: b',', columns: &["a", "b"] };

    #[test]
    fn rows_are_numbered_as_the_file_lines_they_start_on() {
        for text in ["a,b\n1,\"x, 'y'\"\n2,z\n\"3\",\"w\"\n4,v\n", "a,b\r\n1,\"x, 'y'\"\r\n2,z\r\n\"3\",\"w\"\r\n4,v\r\n"] {
            let table = read("t.csv", text.as_bytes(), &SHAPE, &[]).unwrap_or_else(|e| panic!("{e}"));
            let rows: Vec<u64> = table.rows.iter().map(|(row, _)| *row).collect();
            assert_eq!(rows, [2, 3, 4, 5], "{text:?}");
        }
        let file = include_bytes!("../tests/fixtures/membership-orgs.csv");
        let shape = crate::dataset::shape_of("membership-orgs");
        let table = read("m.csv", file, &shape, &[]).unwrap_or_else(|e| panic!("{e}"));
        let baltic = table.rows.iter().find(|(_, cells)| cells.get(1).is_some_and(|c| c == "Baltic Sea Commission")).map(|(row, _)| *row);
        assert_eq!(baltic, Some(64));
    }
}
