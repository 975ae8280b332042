//! A report as a plain document model — sections of headings, paragraphs and tables — that
//! every output format renders the same way: the web page, the XLSX workbook (here) and the
//! PDF (`samverk-report-pdf`).
//!
//! A report is assembled from sections, each built by one function from its own data; a new
//! kind of section (indicators, representatives' reports…) is one more `Report::push`, and
//! every format shows it without change.

mod chart;
mod xlsx;

pub use chart::{Chart, Plot, number, series_text};
pub use xlsx::{XlsxError, neutralise, to_xlsx};

/// Turns a report into a file of another format. The web layer holds one for the PDF when the
/// binary provides it: typst is a large build, so only the binary links it and the web
/// crate's tests do not.
pub trait Render: Send + Sync + std::fmt::Debug {
    /// The file's bytes.
    ///
    /// # Errors
    /// The format's own error, named.
    fn render(&self, report: &Report) -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>>;
}

/// A whole report: a title, a line under it, and its sections in order.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Report {
    /// The document language (BCP 47), for the PDF's and the page's `lang`.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
}

impl Report {
    #[must_use]
    pub fn new(lang: &str, title: String, subtitle: String) -> Self {
        Self { lang: lang.to_owned(), title, subtitle, sections: Vec::new() }
    }

    /// Adds a section at the end.
    pub fn push(&mut self, section: Section) -> &mut Self {
        self.sections.push(section);
        self
    }
}

/// A section: one heading of the second level, one XLSX sheet.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    /// A stable identifier (HTML anchor), e.g. `goals`.
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    #[must_use]
    pub fn new(id: &str, title: String) -> Self {
        Self { id: id.to_owned(), title, blocks: Vec::new() }
    }

    /// A heading inside the section: `level` 1 is directly under the section's title.
    pub fn heading(&mut self, level: u8, text: String) -> &mut Self {
        self.blocks.push(Block::Heading { level: level.clamp(1, 3), text });
        self
    }

    pub fn paragraph(&mut self, text: String) -> &mut Self {
        self.blocks.push(Block::Paragraph { text });
        self
    }

    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    /// A chart; the figures it draws must also be in a table of the section (the XLSX shows
    /// only the table).
    pub fn chart(&mut self, chart: Chart) -> &mut Self {
        self.blocks.push(Block::Chart(chart));
        self
    }
}

/// What a section is made of.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Table(Table),
    /// A chart: inline SVG on the page, drawn with typst's shapes in the PDF (a figure with
    /// the chart's text alternative), left out of the XLSX.
    Chart(Chart),
}

/// A table with a caption, column headings and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The same facts in fewer, fuller cells, for a format with little room and a high cost
    /// per cell (the PDF's A4 page): the page and the XLSX show the full table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compact: Option<Box<Table>>,
}

impl Table {
    #[must_use]
    pub fn new(caption: String, columns: Vec<String>) -> Self {
        Self { caption, columns, rows: Vec::new(), compact: None }
    }

    /// Gives the table its compact form.
    #[must_use]
    pub fn with_compact(mut self, compact: Self) -> Self {
        self.compact = Some(Box::new(compact));
        self
    }

    /// What a format with little room shows: the compact form when there is one.
    #[must_use]
    pub fn for_print(&self) -> &Self {
        self.compact.as_deref().unwrap_or(self)
    }

    pub fn row(&mut self, cells: Vec<Cell>) -> &mut Self {
        self.rows.push(cells);
        self
    }
}

/// One cell: text, or a number the formats show in their own way (the XLSX keeps numbers as
/// numbers, so they can be summed).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    /// A whole number (a year, a count).
    Int(i64),
    /// Whole euros.
    Amount(i64),
    /// Hundredths of a percent.
    Percent(i64),
    /// A measured value in hundredths (indicator values are not whole numbers).
    Decimal(i64),
}

impl Cell {
    /// The cell as a person reads it: "1 200 000", "62.5 %".
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Text(t) => t.clone(),
            Self::Int(n) => n.to_string(),
            Self::Amount(a) => amount(*a),
            Self::Percent(p) => percent(*p),
            Self::Decimal(d) => decimal(*d),
        }
    }

    /// Whether the cell holds a number (right-aligned in tables).
    #[must_use]
    pub const fn is_number(&self) -> bool {
        !matches!(self, Self::Text(_))
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

/// Whole euros with a no-break space between thousands: "1 200 000".
#[must_use]
pub fn amount(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// Hundredths as a number without needless decimals: "47.5", "40", "-0.25".
#[must_use]
pub fn decimal(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, frac) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Hundredths of a percent as "62.5 %" (no-break space before the sign).
#[must_use]
pub fn percent(rate: i64) -> String {
    let whole = rate / 100;
    let number = match rate % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    };
    format!("{number}\u{a0}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(amount(1_200_000), "1\u{a0}200\u{a0}000");
        assert_eq!(amount(999), "999");
        assert_eq!(amount(-1000), "-1\u{a0}000");
        assert_eq!(percent(6250), "62.5\u{a0}%");
        assert_eq!(percent(7500), "75\u{a0}%");
        assert_eq!(Cell::Int(2025).display(), "2025");
        assert_eq!(decimal(4750), "47.5");
        assert_eq!(decimal(4000), "40");
        assert_eq!(decimal(-25), "-0.25");
        assert_eq!(decimal(105), "1.05");
    }
}
