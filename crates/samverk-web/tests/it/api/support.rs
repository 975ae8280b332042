//! What the API tests check again and again: problem documents and the fields they name.

use axum::http::Method;
use samverk_testkit::{TestApp, TestResponse};
use serde_json::Value;

/// Asserts a problem document with this status and code, and that it shows no internals.
pub fn assert_problem(response: &TestResponse, status: u16, code: &str) {
    assert_eq!(response.status, status, "{}", response.body);
    assert_eq!(response.content_type(), "application/problem+json", "{}", response.body);
    let body = response.json();
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()), "{body}");
    for internal in ["SELECT", "INSERT", "sqlx", "panicked", "src/", "constraint"] {
        assert!(!response.body.contains(internal), "the problem shows `{internal}`: {}", response.body);
    }
}

/// Asserts a 422 that names `field` with `code`, with a message for people.
pub fn assert_invalid(response: &TestResponse, field: &str, code: &str) {
    assert_problem(response, 422, "invalid_input");
    let body = response.json();
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    let found = errors.iter().find(|e| e["field"] == field && e["code"] == code);
    let message = found.and_then(|e| e["message"].as_str()).unwrap_or_default();
    assert!(!message.is_empty(), "no error `{code}` on `{field}` in {body}");
}

/// The `total` of a list.
pub async fn total(app: &TestApp, path: &str) -> i64 {
    let response = app.get(path).await;
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()["total"].as_i64().unwrap_or(-1)
}

/// The `field` of each item of a list, as text.
pub fn column(body: &Value, field: &str) -> Vec<String> {
    body["items"].as_array().map(|items| items.iter().map(|i| text(&i[field])).collect()).unwrap_or_default()
}

/// A JSON value as text (strings without quotes).
pub fn text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), ToOwned::to_owned)
}

/// Creates through the API and returns the new record's id, checking the 201 and `Location`.
pub async fn create(app: &TestApp, path: &str, body: Value) -> i64 {
    let response = app.send_json(Method::POST, path, &body).await;
    assert_eq!(response.status, 201, "{}", response.body);
    let id = response.json()["id"].as_i64().unwrap_or_else(|| panic!("no id in {}", response.body));
    let location = response.location().unwrap_or_default();
    assert!(location.ends_with(&format!("/{id}")), "Location {location} does not name {id}");
    id
}
