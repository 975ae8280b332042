//! Issue 5, part 6: the follow-up report of a plan with 500 goals, 5,000 indicators with ten
//! years of measurements and 2,000 contributing engagements as PDF in under 5 s. The report is
//! built here in the shape the web layer gives it (a section per part; per goal its status, an
//! indicator table, a chart per indicator, the contributing engagements and reports back), so
//! this bench needs neither a database nor the web crate; `samverk-cli`'s `report` bench
//! measures the whole request.
//!
//! `cargo bench -p samverk-report-pdf --bench pdf`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use samverk_report::{Cell, Chart, Plot, Report, Section, Table, series_text};

fn report() -> Report {
    let mut r = Report::new("nb", "Oppfølgingsrapport 2024: Internasjonal strategi".into(), "Vestfold og Telemark fylkeskommune".into());
    let mut goals = Section::new("goals", "Mål og engasjementer som bidrar".into());
    for area in 0..5 {
        goals.heading(1, format!("Innsatsområde {area}"));
        goals.paragraph("Status: I rute.".into());
        for g in 0..100 {
            goals.heading(2, format!("Hovedmål {area}.{g}: Grønn omstilling og verdiskaping i regionen"));
            goals.paragraph("Status: I rute. 4 engasjementer bidrar, 4 har rapportert siste år.".into());
            let mut t = Table::new(
                "Indikatorer".into(),
                ["Indikator", "Enhet", "Utgangspunkt", "Mål", "Siste", "Status", "Målinger"].map(String::from).to_vec(),
            );
            let series: Vec<(i32, f64)> = (2021..=2025).map(|y| (y, 20.0 + f64::from(y - 2021) * 3.5)).collect();
            let text = series_text(&series);
            // The web layer's compact form, which is what the PDF sets.
            let mut compact =
                Table::new("Indikatorer".into(), ["Indikator", "Utgangspunkt → mål", "Siste", "Status"].map(String::from).to_vec());
            for i in 0..10 {
                t.row(vec![
                    format!("Indikator {area}.{g}.{i}").into(),
                    "%".into(),
                    "20 (2020)".into(),
                    "60 (2030)".into(),
                    Cell::Decimal(3400),
                    "I rute".into(),
                    text.clone().into(),
                ]);
                compact.row(vec![
                    format!("Indikator {area}.{g}.{i} (%)").into(),
                    "20 (2020) → 60 (2030)".into(),
                    Cell::Decimal(3400),
                    "I rute".into(),
                ]);
            }
            goals.table(t.with_compact(compact));
            for i in 0..10 {
                goals.chart(Chart {
                    id: area * 10_000 + g * 10 + i,
                    title: format!("Indikator {area}.{g}.{i}: målinger mot mållinjen"),
                    description: "5 målinger; fra 20 % (2020) til 60 % (2030).".into(),
                    series_label: "Målt".into(),
                    target_label: "Mållinje".into(),
                    values: text.clone(),
                    plot: Plot::new((2020, 20.0), (2030, 60.0), &series),
                });
            }
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
            let mut t = Table::new("Rapporter 2025".into(), ["Dato", "Engasjement", "Person", "Møter", "Tekst"].map(String::from).to_vec());
            for e in 0..8 {
                t.row(vec![
                    "2025-03-10".into(),
                    format!("Nettverk {area}-{g}-{e}").into(),
                    "Kari Nordmann".into(),
                    "Styremøte".into(),
                    "Tre nye havvindprosjekter er i gang; nettverket har delt erfaringer fra pilotene.".into(),
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
    c.bench_function("pdf/report_500_goals_5000_indicators", |b| b.iter(|| samverk_report_pdf::to_pdf(black_box(&report)).expect("PDF")));
    c.final_summary();
}
