//! The follow-up report as PDF, typeset by typst: real text, tagged headings and tables
//! (typst writes tagged PDF), the document language and title set for screen readers.
//!
//! This crate is a leaf: typst is a large build, and only the binary depends on it; it hands
//! [`Pdf`] to the web layer as a `samverk_report::Render`.

use samverk_report::Report;
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

/// Typesets a report. Only the fonts shipped inside the binary are used, so the output is the
/// same on every machine.
///
/// # Errors
/// `Typeset` when typst reports an error (it names the cause).
pub fn to_pdf(report: &Report) -> Result<Vec<u8>, PdfError> {
    let engine = TypstEngine::builder()
        .main_file(TEMPLATE)
        .search_fonts_with(TypstKitFontOptions::default().include_system_fonts(false).include_embedded_fonts(true))
        .build();
    let mut inputs = Dict::new();
    inputs.insert("report".into(), serde_json::to_string(report)?.into_value());
    let doc = engine.compile_with_input(inputs).output.map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    // PDF/UA-1: typst then checks what it can (a title, alternative texts, heading order) and
    // refuses a document that would not be accessible.
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PdfError::Typeset(format!("{e:?}")))?;
    let options = PdfOptions { standards, ..PdfOptions::default() };
    typst_pdf::pdf(&doc, &options).map_err(|e| PdfError::Typeset(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use samverk_report::{Cell, Section, Table};

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
        r.push(s);
        r
    }

    #[test]
    fn the_pdf_holds_the_report_as_real_text() {
        let bytes = to_pdf(&sample()).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Oppfølgingsrapport 2025: Internasjonal strategi",
            "EU-prosjekter og budsjetter",
            "Hovedmål: Grønn omstilling",
            "ærlig og åpent",
            "Interreg Aurora-prosjekt",
            "65",
        ] {
            assert!(flat.contains(expected), "«{expected}» not in the PDF text: {flat}");
        }
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
