//! `/api/v1/eu-projects`: budgets, sums and a refused budget line.

use axum::http::Method;
use samverk_testkit::euproj::{EuProjectBuilder, budget_line};
use samverk_testkit::{OrganisationBuilder, TestApp};
use serde_json::json;

#[tokio::test]
async fn the_api_gives_projects_sums_and_refuses_a_line_that_does_not_add_up() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Västerbotten").kind("region").country("SE").insert(&app.store).await;
    let id = EuProjectBuilder::new(owner, "Arctic Youth").department("Regional utveckling").insert(&app.store).await;
    budget_line(&app.store, id, (2024, owner, 1_000_000, 650_000, 200_000, 150_000)).await;

    let list = app.get("/api/v1/eu-projects").await.json();
    assert_eq!(list["items"][0]["title"], "Arctic Youth");
    assert_eq!(list["items"][0]["programme"], "interreg");
    assert_eq!(list["items"][0]["eu_grant"], 650_000);

    let sums = app.get(&format!("/api/v1/eu-projects/sums?owner_id={owner}")).await.json();
    assert_eq!(sums["by_year"][0]["key"], "2024");
    assert_eq!(sums["by_department"][0]["key"], "Regional utveckling");
    assert_eq!(sums["total"]["cofinancing_rate"], 6500);

    let bad = json!({ "year": "2025", "organisation_id": owner, "total": "1000", "eu_grant": "1200" });
    let refused = app.send_json(Method::POST, &format!("/api/v1/eu-projects/{id}/budget-lines"), &bad).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(refused.json()["errors"][0]["field"], "eu_grant");
    let ok = json!({ "year": "2025", "organisation_id": owner, "total": "1000", "eu_grant": "600", "national_cofinancing": "400" });
    let created = app.send_json(Method::POST, &format!("/api/v1/eu-projects/{id}/budget-lines"), &ok).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.json()["lines"][1]["cofinancing_rate"], 6000);
    assert_eq!(app.get("/api/v1/eu-projects/999999").await.status, 404);
}
