//! Answers the API gives to requests it cannot serve: always a problem document.

use axum::http::{Method, header};
use samverk_testkit::TestApp;
use serde_json::json;

use super::support::{assert_problem, total};

/// Every address that takes a body, with ids that exist.
fn bodies(id: i64) -> Vec<(Method, String)> {
    let mut routes = Vec::new();
    for list in ["organisations", "decisions", "plans", "focus-areas", "goals", "measures", "engagements"] {
        routes.push((Method::POST, format!("/api/v1/{list}")));
        routes.push((Method::PUT, format!("/api/v1/{list}/{id}")));
    }
    routes.push((Method::POST, format!("/api/v1/organisations/{id}/predecessors")));
    for sub in ["participants", "contributions"] {
        routes.push((Method::POST, format!("/api/v1/engagements/{id}/{sub}")));
        routes.push((Method::PUT, format!("/api/v1/engagements/{id}/{sub}/{id}")));
    }
    routes
}

#[tokio::test]
async fn malformed_json_is_a_400_problem_everywhere_and_writes_nothing() {
    let app = TestApp::new().await;
    for (method, path) in bodies(1) {
        let response = app.request(method.clone(), &path, Some("application/json"), b"{\"name\": \"Telemark\",".to_vec()).await;
        assert_problem(&response, 400, "bad_request");
        let detail = response.json()["detail"].as_str().map(ToOwned::to_owned).unwrap_or_default();
        assert!(detail.starts_with("The request body is not valid JSON") && detail.contains("line 1"), "{method} {path}: {detail}");
    }
    assert_eq!(total(&app, "/api/v1/organisations").await, 0);
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_a_400_naming_the_field() {
    let app = TestApp::new().await;
    let wrong_type = app.send_json(Method::POST, "/api/v1/organisations", &json!({ "name": 7, "kind": "county", "country": "NO" })).await;
    assert_problem(&wrong_type, 400, "bad_request");
    assert!(wrong_type.json()["detail"].as_str().is_some_and(|d| d.contains("name")), "{}", wrong_type.body);
    let not_an_id = app.send_json(Method::POST, "/api/v1/decisions", &json!({ "owner_id": "Telemark" })).await;
    assert_problem(&not_an_id, 400, "bad_request");
    assert!(not_an_id.json()["detail"].as_str().is_some_and(|d| d.contains("owner_id")), "{}", not_an_id.body);
    let list = app.send_json(Method::POST, "/api/v1/plans", &json!([1, 2])).await;
    assert_problem(&list, 400, "bad_request");
    assert_eq!(total(&app, "/api/v1/decisions").await, 0);
}

#[tokio::test]
async fn a_body_without_the_json_content_type_is_a_400_problem() {
    let app = TestApp::new().await;
    let form = app.post_form("/api/v1/organisations", &[("name", "Telemark"), ("kind", "county"), ("country", "NO")]).await;
    assert_problem(&form, 400, "bad_request");
    assert!(form.json()["detail"].as_str().is_some_and(|d| d.contains("Content-Type: application/json")), "{}", form.body);
    assert_eq!(total(&app, "/api/v1/organisations").await, 0);
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_404_problems() {
    let app = TestApp::new().await;
    let mut paths = Vec::new();
    for list in ["organisations", "decisions", "plans", "focus-areas", "goals", "measures", "engagements"] {
        paths.push(format!("/api/v1/{list}/4242"));
        paths.push(format!("/api/v1/{list}/not-a-number"));
    }
    for sub in ["participants", "contributions"] {
        paths.push(format!("/api/v1/engagements/4242/{sub}"));
        paths.push(format!("/api/v1/engagements/4242/{sub}/4242"));
    }
    for path in &paths {
        assert_problem(&app.get(path).await, 404, "not_found");
    }
    for path in paths.iter().filter(|p| p.ends_with("4242")) {
        assert_problem(&app.delete(path).await, 404, "not_found");
    }
}

#[tokio::test]
async fn an_unknown_address_or_method_under_the_api_is_a_problem() {
    let app = TestApp::new().await;
    let nowhere = app.get("/api/v1/partnerships").await;
    assert_problem(&nowhere, 404, "not_found");
    assert_eq!(nowhere.json()["title"], "Not found");
    assert_eq!(nowhere.json()["detail"], "No record has this id, or nothing is served at this address.");
    let deeper = app.delete("/api/v1/organisations/1/successors/2").await;
    assert_problem(&deeper, 404, "not_found");

    let wrong = app.delete("/api/v1/organisations").await;
    assert_problem(&wrong, 405, "method_not_allowed");
    assert_eq!(wrong.json()["title"], "Method not allowed");
    let allow = wrong.headers.get(header::ALLOW).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(allow.contains("GET") && allow.contains("POST"), "Allow: {allow}");
}
