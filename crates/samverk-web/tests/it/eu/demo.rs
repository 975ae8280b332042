//! The demo's EU projects: budgets, sums, and the ended project's lesson.

use samverk_testkit::TestApp;

#[tokio::test]
async fn the_demo_shows_eu_projects_with_budgets_and_a_lesson() {
    let app = TestApp::with_demo().await;
    let text = app.get("/eu-projects").await.text().replace('\u{a0}', " ");
    assert!(text.contains("Ungdomsutbyte genom Erasmus+ (exempel) Erasmus+ KA1 – ungdomsutbyten Lead partner Kultur- och fritidsförvaltningen 2024-06-01 – 2026-05-31 Active 120 000 96 000"), "{text}");
    assert!(text.contains("Volontärer genom European Solidarity Corps (exempel) European Solidarity Corps Volontärprojekt Lead partner Kultur- och fritidsförvaltningen 2022-09-01 – 2023-08-31 Ended 55 000 51 600"), "{text}");
    let lessons = app.get("/lessons").await.text();
    // Read in one of the two departments it is addressed to: not yet spread.
    assert!(lessons.contains("Planera boende för volontärerna innan ansökan Volontärer genom European Solidarity Corps (exempel) 2023-08-31 1 Barn- och bildningsförvaltningen"), "{lessons}");
}
