//! `/api/v1/organisations`.

use axum::http::Method;
use samverk_testkit::{OrganisationBuilder, PlanBuilder, TestApp};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, create, total};

#[tokio::test]
async fn the_list_filters_by_text_kind_and_country_and_pages() {
    let app = TestApp::new().await;
    OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    OrganisationBuilder::new("Vestfold fylkeskommune").insert(&app.store).await;
    OrganisationBuilder::new("Tønsberg kommune").kind("municipality").insert(&app.store).await;
    OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;

    let first = app.get("/api/v1/organisations?per_page=3").await.json();
    assert_eq!((first["total"].as_i64(), first["pages"].as_i64(), first["per_page"].as_i64()), (Some(4), Some(2), Some(3)));
    assert_eq!(column(&first, "name"), ["Region Västernorrland", "Telemark fylkeskommune", "Tønsberg kommune"]);
    let second = app.get("/api/v1/organisations?per_page=3&page=2").await.json();
    assert_eq!(column(&second, "name"), ["Vestfold fylkeskommune"]);
    assert_eq!(second["page"], 2);

    let swedish = app.get("/api/v1/organisations?country=se").await.json();
    assert_eq!(column(&swedish, "name"), ["Region Västernorrland"]);
    assert_eq!(column(&swedish, "kind"), ["region"]);
    let municipalities = app.get("/api/v1/organisations?kind=municipality").await.json();
    assert_eq!(column(&municipalities, "name"), ["Tønsberg kommune"]);
    let found = app.get("/api/v1/organisations?q=telemark").await.json();
    assert_eq!(column(&found, "name"), ["Telemark fylkeskommune"]);
}

#[tokio::test]
async fn a_bad_filter_is_named() {
    let app = TestApp::new().await;
    assert_invalid(&app.get("/api/v1/organisations?kind=planet").await, "kind", "unknown_value");
    assert_invalid(&app.get("/api/v1/organisations?country=Norway").await, "country", "invalid_format");
    assert_invalid(&app.get("/api/v1/organisations?per_page=0").await, "per_page", "invalid_format");
    assert_invalid(&app.get("/api/v1/organisations?page=two").await, "page", "invalid_format");
}

#[tokio::test]
async fn an_organisation_is_created_read_changed_and_deleted() {
    let app = TestApp::new().await;
    let body = json!({ "name": "Tønsberg kommune", "kind": "municipality", "country": "no", "org_number": "921 383 681",
                       "region_code": "3905", "valid_from": "2020-01-01" });
    let created = app.send_json(Method::POST, "/api/v1/organisations", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["id"].as_i64().unwrap_or_default();
    assert_eq!(created.location(), Some(format!("/api/v1/organisations/{id}").as_str()));
    let organisation = created.json();
    assert_eq!(organisation["country"], "NO");
    assert_eq!(organisation["org_number"], "921383681");
    assert_eq!(organisation["valid_from"], "2020-01-01");
    assert_eq!(organisation["valid_to"], serde_json::Value::Null);

    let read = app.get(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json()["name"], "Tønsberg kommune");
    assert_eq!(read.json()["predecessors"], json!([]));

    let changed = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/organisations/{id}"),
            &json!({ "name": "Tønsberg", "kind": "municipality", "country": "NO" }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["name"], "Tønsberg");
    assert_eq!(changed.json()["org_number"], serde_json::Value::Null);
    assert_eq!(changed.json()["version"], 2);

    let deleted = app.delete(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(deleted.status, 204);
    assert!(deleted.body.is_empty());
    assert_problem(&app.get(&format!("/api/v1/organisations/{id}")).await, 404, "not_found");
    assert_eq!(total(&app, "/api/v1/organisations").await, 0);
}

#[tokio::test]
async fn bad_input_names_the_field_and_writes_nothing() {
    let app = TestApp::new().await;
    let backwards = json!({ "name": "Vestfold og Telemark fylkeskommune", "kind": "county", "country": "NO",
                            "valid_from": "2024-01-01", "valid_to": "2020-01-01" });
    assert_invalid(&app.send_json(Method::POST, "/api/v1/organisations", &backwards).await, "valid_to", "end_before_start");
    let everything = json!({ "name": " ", "kind": "planet", "country": "Norway", "org_number": "123" });
    let refused = app.send_json(Method::POST, "/api/v1/organisations", &everything).await;
    assert_invalid(&refused, "name", "required");
    assert_invalid(&refused, "kind", "unknown_value");
    assert_invalid(&refused, "country", "invalid_format");
    assert_invalid(&refused, "org_number", "invalid_format");
    assert_eq!(refused.json()["title"], "The input could not be saved");
    assert!(
        refused.json()["errors"].as_array().is_some_and(|e| e.iter().any(|e| e["message"] == "This field is required.")),
        "{}",
        refused.body
    );
    assert_eq!(total(&app, "/api/v1/organisations").await, 0);

    let id = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let path = format!("/api/v1/organisations/{id}");
    let change = json!({ "name": "Telemark", "kind": "county", "country": "NO", "valid_from": "2024-01-01", "valid_to": "2023-12-31" });
    assert_invalid(&app.send_json(Method::PUT, &path, &change).await, "valid_to", "end_before_start");
    let unchanged = app.get(&path).await.json();
    assert_eq!((unchanged["name"].as_str(), unchanged["version"].as_i64()), (Some("Telemark fylkeskommune"), Some(1)));
}

#[tokio::test]
async fn unknown_organisations_are_404() {
    let app = TestApp::new().await;
    assert_problem(&app.get("/api/v1/organisations/4242").await, 404, "not_found");
    let body = json!({ "name": "Telemark", "kind": "county", "country": "NO" });
    assert_problem(&app.send_json(Method::PUT, "/api/v1/organisations/4242", &body).await, 404, "not_found");
    assert_problem(&app.delete("/api/v1/organisations/4242").await, 404, "not_found");
    let succession = json!({ "predecessor_id": 1, "date": "2024-01-01" });
    assert_problem(&app.send_json(Method::POST, "/api/v1/organisations/4242/predecessors", &succession).await, 404, "not_found");
}

#[tokio::test]
async fn an_organisation_that_owns_a_plan_is_in_use() {
    let app = TestApp::new().await;
    let id = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    PlanBuilder::new(id, "Telemarksplanen").insert(&app.store).await;
    assert_problem(&app.delete(&format!("/api/v1/organisations/{id}")).await, 409, "in_use");
    assert_eq!(app.get(&format!("/api/v1/organisations/{id}")).await.status, 200);
}

#[tokio::test]
async fn a_split_is_recorded_as_predecessors() {
    let app = TestApp::new().await;
    let merged = create(
        &app,
        "/api/v1/organisations",
        json!({ "name": "Vestfold og Telemark fylkeskommune", "kind": "county", "country": "NO",
                                                              "valid_from": "2020-01-01", "valid_to": "2023-12-31" }),
    )
    .await;
    let telemark =
        create(&app, "/api/v1/organisations", json!({ "name": "Telemark fylkeskommune", "kind": "county", "country": "NO" })).await;

    let path = format!("/api/v1/organisations/{telemark}/predecessors");
    let recorded = app.send_json(Method::POST, &path, &json!({ "predecessor_id": merged, "date": "2024-01-01" })).await;
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    assert_eq!(recorded.location(), Some(format!("/api/v1/organisations/{telemark}").as_str()));
    assert_eq!(
        recorded.json()["predecessors"],
        json!([{ "organisation_id": merged, "name": "Vestfold og Telemark fylkeskommune", "date": "2024-01-01" }])
    );
    let before = app.get(&format!("/api/v1/organisations/{merged}")).await.json();
    assert_eq!(before["successors"][0]["name"], "Telemark fylkeskommune");

    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "predecessor_id": merged, "date": "2024-01-01" })).await,
        "predecessor_id",
        "duplicate",
    );
    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "predecessor_id": 4242, "date": "2024-01-01" })).await,
        "predecessor_id",
        "unknown_reference",
    );
    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "predecessor_id": merged, "date": "1. januar" })).await,
        "date",
        "invalid_date",
    );
    let after = app.get(&format!("/api/v1/organisations/{telemark}")).await.json();
    assert_eq!(after["predecessors"].as_array().map(Vec::len), Some(1));
}
