//! `/api/openapi.json`: the document describes every route the API serves.

use std::collections::{BTreeMap, BTreeSet};

use samverk_testkit::TestApp;
use serde_json::Value;

/// Every route under `/api/v1` and its methods. A new route must be added here, to the router
/// and to `ApiDoc`, or this test fails.
const EXPECTED: &[(&str, &[&str])] = &[
    ("/api/v1/organisations", &["get", "post"]),
    ("/api/v1/organisations/{id}", &["get", "put", "delete"]),
    ("/api/v1/organisations/{id}/predecessors", &["post"]),
    ("/api/v1/organisations/{id}/partner-proposals", &["get"]),
    ("/api/v1/organisations/{id}/network", &["get"]),
    ("/api/v1/decisions", &["get", "post"]),
    ("/api/v1/decisions/{id}", &["get", "put", "delete"]),
    ("/api/v1/plans", &["get", "post"]),
    ("/api/v1/plans/{id}", &["get", "put", "delete"]),
    ("/api/v1/focus-areas", &["get", "post"]),
    ("/api/v1/focus-areas/{id}", &["get", "put", "delete"]),
    ("/api/v1/goals", &["get", "post"]),
    ("/api/v1/goals/{id}", &["get", "put", "delete"]),
    ("/api/v1/measures", &["get", "post"]),
    ("/api/v1/measures/{id}", &["get", "put", "delete"]),
    ("/api/v1/engagements", &["get", "post"]),
    ("/api/v1/engagements/{id}", &["get", "put", "delete"]),
    ("/api/v1/engagements/{id}/participants", &["get", "post"]),
    ("/api/v1/engagements/{id}/participants/{participant_id}", &["get", "put", "delete"]),
    ("/api/v1/engagements/{id}/contributions", &["get", "post"]),
    ("/api/v1/engagements/{id}/contributions/{contribution_id}", &["get", "put", "delete"]),
    ("/api/v1/search", &["get"]),
    ("/api/v1/people/{id}/mandates", &["get"]),
    ("/api/v1/mandates/due", &["get"]),
    ("/api/v1/mandates/{id}/reports", &["post"]),
    ("/api/v1/plans/{id}/followup", &["get"]),
    ("/api/v1/indicators/{id}/measurements", &["post"]),
    ("/api/v1/eu-projects", &["get"]),
    ("/api/v1/eu-projects/sums", &["get"]),
    ("/api/v1/eu-projects/{id}", &["get"]),
    ("/api/v1/eu-projects/{id}/budget-lines", &["post"]),
];

type Routes = BTreeMap<String, BTreeSet<String>>;

fn expected() -> Routes {
    EXPECTED.iter().map(|(path, methods)| ((*path).to_owned(), methods.iter().map(|m| (*m).to_owned()).collect())).collect()
}

async fn document() -> Value {
    let app = TestApp::new().await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status, 200);
    assert!(response.content_type().starts_with("application/json"), "{}", response.content_type());
    response.json()
}

#[tokio::test]
async fn every_served_route_is_documented_with_its_methods() {
    let served = samverk_web::api::served_routes().into_iter().fold(Routes::new(), |mut routes, (path, method)| {
        routes.entry(path).or_default().insert(method.to_owned());
        routes
    });
    assert_eq!(served, expected(), "the router serves other routes than the test expects");

    let doc = document().await;
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    let documented: Routes = paths
        .iter()
        .filter(|(path, _)| path.starts_with("/api/v1"))
        .map(|(path, item)| (path.clone(), item.as_object().map(|ops| ops.keys().cloned().collect()).unwrap_or_default()))
        .collect();
    assert_eq!(documented, expected(), "the document describes other routes than the router serves");
}

#[tokio::test]
async fn the_document_is_openapi_3_whose_references_all_resolve() {
    let doc = document().await;
    let version = doc["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3."), "openapi: {version}");
    assert_eq!(doc["info"]["title"], "samverk API");
    let parsed: Result<utoipa::openapi::OpenApi, _> = serde_json::from_value(doc.clone());
    assert!(parsed.is_ok(), "not an OpenAPI 3 document: {parsed:?}", parsed = parsed.err());

    let schemas = doc["components"]["schemas"].as_object().cloned().unwrap_or_default();
    let mut references = Vec::new();
    collect_refs(&doc, &mut references);
    assert!(!references.is_empty());
    for reference in references {
        let name = reference.strip_prefix("#/components/schemas/").unwrap_or(&reference);
        assert!(schemas.contains_key(name), "{reference} does not resolve");
    }
}

#[tokio::test]
async fn every_operation_describes_its_answers_and_errors() {
    let doc = document().await;
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for (path, item) in &paths {
        for (method, operation) in item.as_object().cloned().unwrap_or_default() {
            let responses = operation["responses"].as_object().cloned().unwrap_or_default();
            let success = responses.keys().find(|status| status.starts_with('2'));
            assert!(success.is_some(), "{method} {path} documents no success");
            let errors: Vec<&Value> = responses.iter().filter(|(status, _)| status.starts_with('4')).map(|(_, r)| r).collect();
            assert!(!errors.is_empty(), "{method} {path} documents no error");
            for error in errors {
                assert!(error["content"]["application/problem+json"].is_object(), "{method} {path}: {error}");
            }
            if method == "post" || method == "put" {
                assert!(operation["requestBody"]["content"]["application/json"].is_object(), "{method} {path} has no body");
                assert!(responses.contains_key("422"), "{method} {path} documents no 422");
            }
            if path.ends_with('}') {
                assert!(responses.contains_key("404"), "{method} {path} documents no 404");
            }
        }
    }
    let engagement = &doc["components"]["schemas"]["EngagementSummary"]["properties"]["kind"]["enum"];
    assert!(engagement.as_array().is_some_and(|kinds| kinds.iter().any(|k| k == "thematic_network")), "{engagement}");
}

fn collect_refs(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                into.push(reference.clone());
            }
            map.values().for_each(|v| collect_refs(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, into)),
        _ => {}
    }
}
