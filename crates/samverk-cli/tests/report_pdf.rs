//! The follow-up report as PDF, with the renderer the binary gives the web layer: the text
//! extracted from the file holds the goal names, the indicator figures and chart, the report back
//! and the budget. Here and not in the web crate, so only the binary's tests link typst.

use std::sync::Arc;

use samverk_testkit::euproj::{EuProjectBuilder, budget_line};
use samverk_testkit::followup::{MandateBuilder, indicator, person, report};
use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp, focus_area};

#[tokio::test]
async fn the_report_pdf_holds_the_goals_figures_and_reports_as_text() {
    let mut app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Internasjonal strategi").insert(&app.store).await;
    let area = focus_area(&app.store, plan, "Grønn omstilling").await;
    let served = GoalBuilder::new(plan, "Fornybar energi i regionen").focus_area(area).insert(&app.store).await;
    GoalBuilder::new(plan, "Sirkulær økonomi").focus_area(area).insert(&app.store).await;
    let network = EngagementBuilder::new(owner, "North Sea Commission")
        .kind("network")
        .status("active")
        .period("2020-01-01", "")
        .goal(served, "Deler erfaringer om havvind")
        .insert(&app.store)
        .await;
    indicator(&app.store, served, "Andel fornybar energi", (20.0, 2020), (60.0, 2030), &[(2024, 30.5), (2025, 42.0)]).await;
    let kari = person(&app.store, owner, "Kari Nordmann").await;
    let seat = MandateBuilder::new(network, Some(kari), "2020-01-01").insert(&app.store).await;
    let today = time::OffsetDateTime::now_utc().date();
    let march = time::Date::from_calendar_date(2025, time::Month::March, 10).unwrap_or(today);
    report(&app.store, seat, march, "Tre nye havvindprosjekter", &[served], today).await;
    let eu = EuProjectBuilder::new(owner, "Blue Hydrogen").goal(served, "Pilot").insert(&app.store).await;
    budget_line(&app.store, eu, (2025, owner, 800_000, 480_000, 200_000, 120_000)).await;

    app.router = samverk_web::app_with(
        app.store.clone(),
        samverk_web::AppConfig { pdf: Some(Arc::new(samverk_report_pdf::Pdf)), ..samverk_web::AppConfig::default() },
    );
    let page = app.get(&format!("/plans/{plan}/report?year=2025")).await;
    assert!(page.body.contains(&format!("/plans/{plan}/report.pdf?year=2025")), "the page offers the PDF");

    let download = app.download(&format!("/plans/{plan}/report.pdf?year=2025")).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.headers.get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    let text = pdf_extract::extract_text_from_mem(&download.bytes).unwrap_or_else(|e| panic!("{e}"));
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Follow-up report 2025: Internasjonal strategi",
        "Main goal: Fornybar energi i regionen",
        "Main goal: Sirkulær økonomi",
        "Status of the plan at the end of 2025: On track.",
        // The compact indicator table: the unit beside the name, baseline and target in one
        // column; the measurements under the chart.
        "Andel fornybar energi (%)",
        "Baseline → target",
        "20 (2020) → 60 (2030)",
        "2024: 30.5 · 2025: 42",
        // The indicator's chart, drawn in the PDF: its title and its legend are text.
        "Andel fornybar energi: measurements against the target line",
        "Measured",
        "Target line",
        "Kari Nordmann",
        "Tre nye havvindprosjekter",
        "Blue Hydrogen",
        "480",
        "Reports back overdue",
    ] {
        assert!(flat.contains(expected), "«{expected}» not in the PDF text: {flat}");
    }
    let raw = String::from_utf8_lossy(&download.bytes);
    assert!(raw.contains("/StructTreeRoot"), "a tagged PDF");
}
