//! Issue 5, part 6: the follow-up report of a plan with 500 goals and 2,000 contributing
//! engagements as PDF in under 5 s. The report is built here in the shape the web layer gives
//! it (a section per part, a table per goal), so this bench needs neither a database nor the
//! web crate.
//!
//! `cargo bench -p samverk-report-pdf --bench pdf`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use samverk_report::{Cell, Report, Section, Table};

fn report() -> Report {
    let mut r = Report::new("nb", "Oppfølgingsrapport 2024: Internasjonal strategi".into(), "Vestfold og Telemark fylkeskommune".into());
    let mut goals = Section::new("goals", "Mål og engasjementer som bidrar".into());
    for area in 0..10 {
        goals.heading(1, format!("Innsatsområde {area}"));
        for g in 0..50 {
            goals.heading(2, format!("Hovedmål {area}.{g}: Grønn omstilling og verdiskaping i regionen"));
            let mut t =
                Table::new("Engasjementer som bidrar".into(), vec!["Engasjement".into(), "Type".into(), "Status".into(), "Hvordan".into()]);
            for e in 0..4 {
                t.row(vec![
                    format!("Nettverk {area}-{g}-{e}").into(),
                    "Nettverk".into(),
                    "Aktiv".into(),
                    "Deler erfaringer og bygger kompetanse om havvind, hydrogen og sirkulær økonomi.".into(),
                ]);
            }
            goals.table(t);
        }
    }
    r.push(goals);
    let mut eu = Section::new("eu-projects", "EU-prosjekter og budsjetter".into());
    let mut t =
        Table::new("EU-prosjekter".into(), vec!["Prosjekt".into(), "Program".into(), "Totalt".into(), "EU-tilskudd".into(), "Grad".into()]);
    for p in 0..180 {
        t.row(vec![format!("Prosjekt {p}").into(), "Interreg".into(), Cell::Amount(1_250_000), Cell::Amount(812_500), Cell::Percent(6500)]);
    }
    eu.table(t);
    r.push(eu);
    let mut gaps = Section::new("gaps", "Mangler".into());
    let mut t = Table::new("Engasjementer uten mål".into(), vec!["Engasjement".into()]);
    for e in 0..300 {
        t.row(vec![format!("Engasjement uten mål {e}").into()]);
    }
    gaps.table(t);
    r.push(gaps);
    r
}

fn main() {
    let report = report();
    let bytes = samverk_report_pdf::to_pdf(&report).expect("the PDF");
    eprintln!("PDF: {} bytes", bytes.len());
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20))
        .configure_from_args();
    c.bench_function("pdf/report_2000_engagements_500_goals", |b| b.iter(|| samverk_report_pdf::to_pdf(black_box(&report)).expect("PDF")));
    c.final_summary();
}
