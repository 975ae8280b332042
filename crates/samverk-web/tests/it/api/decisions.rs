//! `/api/v1/decisions`.

use axum::http::Method;
use samverk_testkit::{DecisionBuilder, EngagementBuilder, OrganisationBuilder, TestApp};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, total};

#[tokio::test]
async fn the_list_filters_by_authority_newest_first_and_pages() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let vn = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    DecisionBuilder::new(vt, "Bærekraftige Vestfold og Telemark").insert(&app.store).await;
    let policy = json!({ "owner_id": vn, "body": "Landstingsfullmäktige", "date": "2007-06-20", "title": "Internationell policy" });
    let telemarksplanen =
        json!({ "owner_id": vt, "body": "Fylkestinget", "date": "2024-12-01", "date_precision": "month", "title": "Telemarksplanen" });
    for body in [policy, telemarksplanen] {
        assert_eq!(app.send_json(Method::POST, "/api/v1/decisions", &body).await.status, 201);
    }

    let all = app.get("/api/v1/decisions").await.json();
    assert_eq!(column(&all, "title"), ["Telemarksplanen", "Bærekraftige Vestfold og Telemark", "Internationell policy"]);
    assert_eq!(column(&all, "date_precision"), ["month", "day", "day"]);
    let page = app.get("/api/v1/decisions?per_page=2&page=2").await.json();
    assert_eq!((page["total"].as_i64(), page["pages"].as_i64()), (Some(3), Some(2)));
    assert_eq!(column(&page, "title"), ["Internationell policy"]);
    let swedish = app.get(&format!("/api/v1/decisions?owner_id={vn}")).await.json();
    assert_eq!(column(&swedish, "body"), ["Landstingsfullmäktige"]);
    assert_invalid(&app.get("/api/v1/decisions?owner_id=telemark").await, "owner_id", "invalid_format");
}

#[tokio::test]
async fn a_decision_is_created_read_changed_and_deleted() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let body = json!({ "owner_id": vt, "body": "Fylkestinget", "case_number": "25/20", "date": "2020-03-31",
                       "title": "Bærekraftige Vestfold og Telemark", "url": "https://www.vtfk.no/" });
    let created = app.send_json(Method::POST, "/api/v1/decisions", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let decision = created.json();
    let id = decision["id"].as_i64().unwrap_or_default();
    assert_eq!(created.location(), Some(format!("/api/v1/decisions/{id}").as_str()));
    assert_eq!(
        (decision["owner_name"].as_str(), decision["case_number"].as_str(), decision["date"].as_str()),
        (Some("Vestfold og Telemark fylkeskommune"), Some("25/20"), Some("2020-03-31"))
    );

    let partnership =
        EngagementBuilder::new(vt, "Bærekraftige Vestfold og Telemark").kind("partnership").decision(id).insert(&app.store).await;
    let read = app.get(&format!("/api/v1/decisions/{id}")).await.json();
    assert_eq!(read["engagements"], json!([{ "id": partnership, "title": "Bærekraftige Vestfold og Telemark" }]));

    let mut change = body.clone();
    change["case_number"] = json!("RS 2020/25");
    let changed = app.send_json(Method::PUT, &format!("/api/v1/decisions/{id}"), &change).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["case_number"], "RS 2020/25");

    assert_eq!(app.delete(&format!("/api/v1/decisions/{id}")).await.status, 204);
    assert_problem(&app.get(&format!("/api/v1/decisions/{id}")).await, 404, "not_found");
    let engagement = app.get(&format!("/api/v1/engagements/{partnership}")).await.json();
    assert_eq!(engagement["decision"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_malformed_case_number_or_an_unknown_authority_is_named_and_nothing_is_written() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let malformed =
        json!({ "owner_id": vt, "body": "Fylkestinget", "case_number": "sak tjuefem", "date": "2020-03-31", "title": "Partnerskap" });
    assert_invalid(&app.send_json(Method::POST, "/api/v1/decisions", &malformed).await, "case_number", "invalid_format");
    let unknown = json!({ "owner_id": 4242, "body": "Fylkestinget", "date": "2020-03-31", "title": "Partnerskap" });
    assert_invalid(&app.send_json(Method::POST, "/api/v1/decisions", &unknown).await, "owner_id", "unknown_reference");
    let undated = json!({ "owner_id": vt, "body": "Fylkestinget", "date": "31.03.2020", "title": "Partnerskap", "url": "ftp://x" });
    let refused = app.send_json(Method::POST, "/api/v1/decisions", &undated).await;
    assert_invalid(&refused, "date", "invalid_date");
    assert_invalid(&refused, "url", "invalid_format");
    assert_eq!(total(&app, "/api/v1/decisions").await, 0);

    let id = DecisionBuilder::new(vt, "Partnerskap").insert(&app.store).await;
    let path = format!("/api/v1/decisions/{id}");
    assert_invalid(&app.send_json(Method::PUT, &path, &malformed).await, "case_number", "invalid_format");
    assert_eq!(app.get(&path).await.json()["case_number"], "25/20");
    let missing = json!({ "owner_id": vt, "body": "Fylkestinget", "date": "2020-03-31", "title": "Partnerskap" });
    assert_problem(&app.send_json(Method::PUT, "/api/v1/decisions/4242", &missing).await, 404, "not_found");
    assert_problem(&app.delete("/api/v1/decisions/4242").await, 404, "not_found");
}
