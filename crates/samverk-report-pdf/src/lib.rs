//! The follow-up report as PDF, typeset by typst: real text, tagged headings and tables
//! (typst writes tagged PDF), the document language and title set for screen readers.
//!
//! This crate is a leaf: typst is a large build, and only the binary depends on it; it hands
//! [`Pdf`] to the web layer as a `samverk_report::Render`.

use std::time::{Duration, Instant};

use samverk_report::{Block, Chart, Report};
use serde::Serialize;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

const TEMPLATE: &str = include_str!("report.typ");

/// The PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the report could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("typst could not typeset the report: {0}")]
    Typeset(String),
}

/// The PDF format for the web layer's report download.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pdf;

impl samverk_report::Render for Pdf {
    fn render(&self, report: &Report) -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
        Ok(to_pdf(report)?)
    }
}

/// The report as the template reads it: cells already formatted and tables flat, so typst's
/// interpreter does no work per cell (with 70,000 cells in a large plan's report that work
/// was a good part of the time).
#[derive(Serialize)]
struct Document<'a> {
    lang: &'a str,
    title: &'a str,
    subtitle: &'a str,
    sections: Vec<DocSection<'a>>,
}

#[derive(Serialize)]
struct DocSection<'a> {
    title: &'a str,
    blocks: Vec<DocBlock<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum DocBlock<'a> {
    Heading {
        level: u8,
        text: &'a str,
    },
    Paragraph {
        text: &'a str,
    },
    Table {
        caption: &'a str,
        columns: &'a [String],
        /// Per column: whether it holds numbers (set right-aligned).
        numeric: Vec<bool>,
        /// Per column: its share of the width, from the length of its longest cell. Fixed
        /// shares spare typst measuring every cell to size automatic columns, which was a
        /// good part of the time for a large plan's 60,000 cells.
        widths: Vec<usize>,
        /// Row after row.
        cells: Vec<String>,
    },
    Chart(&'a Chart),
}

/// Each column's share of a table's width: its longest cell or heading in characters, within
/// bounds, so a year column stays narrow and a text column gets room.
fn widths(table: &samverk_report::Table) -> Vec<usize> {
    (0..table.columns.len())
        .map(|c| {
            let cells = table.rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.display().chars().count());
            let heading = table.columns.get(c).map_or(0, |h| h.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0));
            cells.max().unwrap_or(0).max(heading).clamp(4, 40)
        })
        .collect()
}

fn document(report: &Report) -> Document<'_> {
    let sections = report
        .sections
        .iter()
        .map(|s| DocSection {
            title: &s.title,
            blocks: s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Heading { level, text } => DocBlock::Heading { level: *level, text },
                    Block::Paragraph { text } => DocBlock::Paragraph { text },
                    Block::Table(table) => {
                        let t = table.for_print();
                        DocBlock::Table {
                            caption: &t.caption,
                            columns: &t.columns,
                            numeric: (0..t.columns.len())
                                .map(|c| t.rows.first().and_then(|r| r.get(c)).is_some_and(samverk_report::Cell::is_number))
                                .collect(),
                            widths: widths(t),
                            // A short row is padded, so typst's grid never shifts the rows after it.
                            cells: t
                                .rows
                                .iter()
                                .flat_map(|r| (0..t.columns.len()).map(|c| r.get(c).map(samverk_report::Cell::display).unwrap_or_default()))
                                .collect(),
                        }
                    }
                    Block::Chart(c) => DocBlock::Chart(c),
                })
                .collect(),
        })
        .collect();
    Document { lang: &report.lang, title: &report.title, subtitle: &report.subtitle, sections }
}

/// How long each step of making a PDF took: what a benchmark reports to tell typst's work from
/// ours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Phases {
    /// The report handed to typst as its input (and the engine with its fonts made).
    pub input: Duration,
    /// typst evaluating the template and laying the pages out.
    pub typeset: Duration,
    /// The laid-out pages written as a tagged PDF.
    pub export: Duration,
}

/// Typesets a report. Only the fonts shipped inside the binary are used, so the output is the
/// same on every machine.
///
/// # Errors
/// `Typeset` when typst reports an error (it names the cause).
pub fn to_pdf(report: &Report) -> Result<Vec<u8>, PdfError> {
    to_pdf_timed(report).map(|(bytes, _)| bytes)
}

/// [`to_pdf`], with the time each step took.
///
/// # Errors
/// As [`to_pdf`].
pub fn to_pdf_timed(report: &Report) -> Result<(Vec<u8>, Phases), PdfError> {
    let started = Instant::now();
    let engine = TypstEngine::builder()
        .main_file(TEMPLATE)
        .search_fonts_with(TypstKitFontOptions::default().include_system_fonts(false).include_embedded_fonts(true))
        .build();
    let mut inputs = Dict::new();
    inputs.insert("report".into(), serde_json::to_string(&document(report))?.into_value());
    let input = started.elapsed();
    let doc = engine.compile_with_input(inputs).output.map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let typeset = started.elapsed() - input;
    // PDF/UA-1: typst then checks what it can (a title, alternative texts, heading order) and
    // refuses a document that would not be accessible.
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let options = PdfOptions { standards, ..PdfOptions::default() };
    let bytes = typst_pdf::pdf(&doc, &options).map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let export = started.elapsed() - input - typeset;
    Ok((bytes, Phases { input, typeset, export }))
}

#[cfg(test)]
mod tests {
    use samverk_report::{Cell, Chart, Plot, Section, Table};

    use super::*;

    fn sample() -> Report {
        let mut r =
            Report::new("nb", "Oppfølgingsrapport 2025: Internasjonal strategi".into(), "Vestfold og Telemark fylkeskommune".into());
        let mut s = Section::new("eu", "EU-prosjekter og budsjetter".into());
        s.heading(1, "Hovedmål: Grønn omstilling".into());
        s.paragraph("Ingen engasjementer bidrar – ærlig og åpent.".into());
        let mut t = Table::new("Budsjett".into(), vec!["Prosjekt".into(), "Totalt".into(), "Grad".into()]);
        t.row(vec!["Interreg Aurora-prosjekt".into(), Cell::Amount(1_250_000), Cell::Percent(6500)]);
        s.table(t);
        s.chart(Chart {
            id: 1,
            title: "Andel fornybar energi: målinger mot mållinjen".into(),
            description: "2 målinger; fra 20 % (2020) til 60 % (2030).".into(),
            series_label: "Målt".into(),
            target_label: "Mållinje".into(),
            values: "2024: 30.5 · 2025: 42".into(),
            plot: Plot::new((2020, 20.0), (2030, 60.0), &[(2024, 30.5), (2025, 42.0)]),
        });
        r.push(s);
        r
    }

    /// The PDF's text as a reader's tool extracts it, with runs of white space made one.
    fn text_of(report: &Report) -> String {
        let bytes = to_pdf(report).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_pdf_holds_the_report_as_real_text() {
        let flat = text_of(&sample());
        for expected in [
            "Oppfølgingsrapport 2025: Internasjonal strategi",
            "EU-prosjekter og budsjetter",
            "Hovedmål: Grønn omstilling",
            "ærlig og åpent",
            "Interreg Aurora-prosjekt",
            "65",
            // The chart: its title under it, the axes' years and values, the legend.
            "Andel fornybar energi: målinger mot mållinjen",
            "2020",
            "2030",
            "60",
            "Målt",
            "Mållinje",
            // The measurements, under the chart.
            "2024: 30.5 · 2025: 42",
        ] {
            assert!(flat.contains(expected), "«{expected}» not in the PDF text: {flat}");
        }
    }

    #[test]
    fn a_table_with_a_compact_form_is_set_in_that_form() {
        let mut r = Report::new("en", "Follow-up report 2025".into(), "Vestfold og Telemark fylkeskommune".into());
        let mut s = Section::new("goals", "Goals".into());
        let mut full = Table::new("Indicators".into(), vec!["Indicator".into(), "Unit".into(), "Measurements (year: value)".into()]);
        full.row(vec!["Renewable share".into(), "%".into(), "2024: 30.5".into()]);
        let mut compact = Table::new("Indicators".into(), vec!["Indicator".into(), "Baseline and target".into()]);
        compact.row(vec!["Renewable share (%)".into(), "20 (2020) → 60 (2030)".into()]);
        s.table(full.with_compact(compact));
        r.push(s);
        let flat = text_of(&r);
        for expected in ["Indicators", "Baseline and target", "Renewable share (%)", "20 (2020)", "60 (2030)"] {
            assert!(flat.contains(expected), "«{expected}» not in the PDF text: {flat}");
        }
        assert!(!flat.contains("Measurements (year: value)"), "the full form's columns are left out: {flat}");
    }

    #[test]
    fn the_chart_is_a_figure_with_its_text_alternative() {
        let bytes = to_pdf(&sample()).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("/Figure"), "the chart is tagged as a figure");
        // The alternative text is a PDF text string: UTF-16 with a byte-order mark, or plain.
        let alt = "2 målinger; fra 20 % (2020) til 60 % (2030).";
        let utf16: String = alt.encode_utf16().flat_map(u16::to_be_bytes).map(|b| format!("{b:02X}")).collect();
        assert!(raw.contains("/Alt") && (raw.contains(alt) || raw.to_uppercase().contains(&utf16)), "screen readers get the description");
    }

    #[test]
    fn the_pdf_is_tagged_with_its_language() {
        let bytes = to_pdf(&sample()).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("/StructTreeRoot"), "tagged PDF has a structure tree");
        assert!(raw.contains("/MarkInfo"), "tagged PDF marks itself as such");
        assert!(raw.contains("/Lang"), "the document language is set");
    }
}
