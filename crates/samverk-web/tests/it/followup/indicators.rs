//! Indicators on goals: the form, measurements, the status by the rule, and the chart.

use samverk_testkit::followup::indicator;
use samverk_testkit::{GoalBuilder, TestApp};

use super::{authority, count, plan};

#[tokio::test]
async fn an_indicator_with_a_target_equal_to_the_baseline_is_refused_and_nothing_written() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let p = plan(&app, owner, "Internationell policy").await;
    let goal = GoalBuilder::new(p, "Utveckla verksamheten").insert(&app.store).await;
    let fields = [
        ("title", "EU-finansierade projekt"),
        ("unit", "projekt"),
        ("baseline_value", "4"),
        ("baseline_year", "2020"),
        ("target_value", "4"),
        ("target_year", "2030"),
        ("direction", "higher"),
    ];
    let response = app.post_form(&format!("/goals/{goal}/indicators"), &fields).await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Target value: the target equals the baseline: there is no way to measure progress"), "{text}");
    assert!(response.body.contains("value=\"EU-finansierade projekt\""), "typed values are kept");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM indicators").await, 0);

    let mut fields = fields;
    fields[4] = ("target_value", "12");
    let created = app.post_form(&format!("/goals/{goal}/indicators"), &fields).await;
    assert_eq!(created.status, 303, "{}", created.text());
    let path = created.location().expect("location").to_owned();
    let page = app.get(&path).await.text();
    assert!(page.contains("Status: No data"), "{page}");
}

#[tokio::test]
async fn a_measurement_outside_the_plan_period_is_refused_beside_the_year() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let p = plan(&app, owner, "Internationell policy").await;
    let goal = GoalBuilder::new(p, "Utveckla verksamheten").insert(&app.store).await;
    let id = indicator(&app.store, goal, "Andel förnybar energi", (40.0, 2020), (60.0, 2030), &[]).await;
    let response = app.post_form(&format!("/indicators/{id}"), &[("year", "2036"), ("value", "61"), ("source", "SCB")]).await;
    assert_eq!(response.status, 422);
    assert!(response.text().contains("Year: the year lies outside the plan's period"), "{}", response.text());
    assert!(response.body.contains("aria-describedby=\"error-year\""));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM measurements").await, 0);
    let ok = app
        .post_form(&format!("/indicators/{id}"), &[("year", "2025"), ("value", "49,0"), ("source", "SCB"), ("measured_on", "2026-03-01")])
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    let again = app.post_form(&format!("/indicators/{id}"), &[("year", "2025"), ("value", "50"), ("source", "SCB")]).await;
    assert_eq!(again.status, 422, "a year is measured once");
}

/// Worked example of the rule on the page: 40 % (2020) → 60 % (2030), 49 % in 2025 is 45 %
/// of the way with 50 % of the time gone: on track.
#[tokio::test]
async fn the_indicator_page_shows_the_status_the_chart_and_the_table() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let p = plan(&app, owner, "Internationell policy").await;
    let goal = GoalBuilder::new(p, "Utveckla verksamheten").insert(&app.store).await;
    let id = indicator(&app.store, goal, "Andel förnybar energi", (40.0, 2020), (60.0, 2030), &[(2022, 43.0), (2025, 49.0)]).await;
    let page = app.get(&format!("/indicators/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Status: On track"), "{text}");
    assert!(
        text.contains("Latest measurement 2025: 45 % of the way from baseline to target reached; 50 % of the time has passed."),
        "{text}"
    );
    assert!(page.body.contains("role=\"img\""), "the chart is an image for assistive technology");
    assert!(page.body.contains("<title id=\"chart-title-"), "with a title");
    assert!(text.contains("2 measurements against the straight target line from 40 % (2020) to 60 % (2030)"), "{text}");
    // The data table beside the chart: year, measured, target line, source.
    assert!(text.contains("2022 43 44 Test"), "{text}");
    assert!(text.contains("2025 49 50 Test"), "{text}");
    assert!(page.body.contains("<th scope=\"row\">2025</th>"));
    // Worse results change the status.
    let risk = indicator(&app.store, goal, "Risk", (40.0, 2020), (60.0, 2030), &[(2025, 46.0)]).await;
    assert!(app.get(&format!("/indicators/{risk}")).await.text().contains("Status: At risk"));
    let off = indicator(&app.store, goal, "Off", (1000.0, 2020), (500.0, 2030), &[(2024, 1050.0)]).await;
    assert!(app.get(&format!("/indicators/{off}")).await.text().contains("Status: Off track"));
}
