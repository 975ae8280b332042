//! The report as an XLSX workbook: one sheet per section, the report's title on each, then the
//! section's blocks one under the other; numbers stay numbers so they can be summed.

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use crate::{Block, Cell, Report, Section};

/// The workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not write the XLSX workbook: {0}")]
pub struct XlsxError(#[from] rust_xlsxwriter::XlsxError);

/// Text a spreadsheet could take for a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first) gets a leading apostrophe, so a cell typed by a user never runs as a formula when
/// the sheet is opened, edited or saved as CSV.
#[must_use]
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique without
/// regard to case.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let cleaned: String = title.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base: String = if cleaned.is_empty() { "Sheet".to_owned() } else { cleaned.chars().take(31).collect() };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", base.chars().take(31 - suffix.chars().count()).collect::<String>());
        n += 1;
    }
    taken.push(name.clone());
    name
}

struct Formats {
    title: Format,
    heading: Format,
    header: Format,
    amount: Format,
    percent: Format,
}

fn write_section(sheet: &mut Worksheet, report: &Report, section: &Section, f: &Formats) -> Result<(), rust_xlsxwriter::XlsxError> {
    sheet.write_string_with_format(0, 0, neutralise(&report.title), &f.title)?;
    sheet.write_string(1, 0, neutralise(&report.subtitle))?;
    sheet.write_string_with_format(3, 0, neutralise(&section.title), &f.title)?;
    sheet.set_column_width(0, 40)?;
    let mut row: u32 = 5;
    for block in &section.blocks {
        match block {
            Block::Heading { text, .. } => {
                sheet.write_string_with_format(row, 0, neutralise(text), &f.heading)?;
                row += 1;
            }
            Block::Paragraph { text } => {
                sheet.write_string(row, 0, neutralise(text))?;
                row += 2;
            }
            Block::Table(table) => {
                if !table.caption.is_empty() {
                    sheet.write_string_with_format(row, 0, neutralise(&table.caption), &f.heading)?;
                    row += 1;
                }
                for (col, title) in (0_u16..).zip(&table.columns) {
                    sheet.write_string_with_format(row, col, neutralise(title), &f.header)?;
                    if col > 0 {
                        sheet.set_column_width(col, 18)?;
                    }
                }
                row += 1;
                for cells in &table.rows {
                    for (col, cell) in (0_u16..).zip(cells) {
                        // Whole euros and years stay far below 2^53, so f64 holds them exactly.
                        #[expect(clippy::cast_precision_loss, reason = "amounts are far below 2^53")]
                        match cell {
                            Cell::Text(t) => sheet.write_string(row, col, neutralise(t)).map(|_| ())?,
                            Cell::Int(n) => sheet.write_number(row, col, *n as f64).map(|_| ())?,
                            Cell::Amount(a) => sheet.write_number_with_format(row, col, *a as f64, &f.amount).map(|_| ())?,
                            Cell::Percent(p) => sheet.write_number_with_format(row, col, *p as f64 / 10_000.0, &f.percent).map(|_| ())?,
                            Cell::Decimal(d) => sheet.write_number(row, col, *d as f64 / 100.0).map(|_| ())?,
                        }
                    }
                    row += 1;
                }
                row += 1;
            }
            // The chart's figures are in the section's tables; a sheet holds data, not pictures.
            Block::Chart(_) => {}
        }
    }
    Ok(())
}

/// The report as an XLSX file.
///
/// # Errors
/// The writer's error (it does not happen with the names and sizes a report has).
pub fn to_xlsx(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let f = Formats {
        title: Format::new().set_bold().set_font_size(14),
        heading: Format::new().set_bold(),
        header: Format::new().set_bold().set_background_color("#DDDDDD"),
        amount: Format::new().set_num_format("#,##0"),
        percent: Format::new().set_num_format("0.0%"),
    };
    let mut taken = Vec::new();
    for section in &report.sections {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&section.title, &mut taken))?;
        write_section(sheet, report, section, &f)?;
    }
    if report.sections.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, neutralise(&report.title))?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::Table;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("Plain"), "Plain");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Goals: focus/areas", &mut taken), "Goals  focus areas");
        assert_eq!(sheet_name("goals  FOCUS areas", &mut taken), "goals  FOCUS areas (2)");
        assert_eq!(sheet_name(&"x".repeat(40), &mut taken).chars().count(), 31);
    }

    #[test]
    fn one_sheet_per_section_with_the_cells_people_see() {
        let mut report = Report::new("en", "Follow-up 2025".into(), "Plan".into());
        let mut s = Section::new("eu", "EU projects".into());
        let mut t = Table::new("Budgets".into(), vec!["Project".into(), "Total".into(), "Rate".into()]);
        t.row(vec!["=HYPERLINK(\"x\")".into(), Cell::Amount(1_000_000), Cell::Percent(6500)]);
        s.table(t);
        report.push(s);
        report.push(Section::new("gaps", "Gaps".into()));
        let bytes = to_xlsx(&report).unwrap_or_default();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(book.sheet_names(), vec!["EU projects".to_owned(), "Gaps".to_owned()]);
        let range = book.worksheet_range("EU projects").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(range.get_value((0, 0)), Some(&Data::String("Follow-up 2025".into())));
        assert_eq!(range.get_value((5, 0)), Some(&Data::String("Budgets".into())));
        assert_eq!(range.get_value((6, 1)), Some(&Data::String("Total".into())));
        assert_eq!(range.get_value((7, 0)), Some(&Data::String("'=HYPERLINK(\"x\")".into())));
        assert_eq!(range.get_value((7, 1)), Some(&Data::Float(1_000_000.0)));
        assert_eq!(range.get_value((7, 2)), Some(&Data::Float(0.65)));
    }
}
