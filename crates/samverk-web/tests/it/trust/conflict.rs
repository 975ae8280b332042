//! No lost edit (decisions): versions in forms, the conflict page, `ETag`/`If-Match`, and
//! many editors writing one record at once.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use samverk_testkit::TestApp;
use serde_json::json;

async fn a_decision(app: &TestApp) -> i64 {
    let owner = app.post_form("/organisations", &[("name", "Agder fylkeskommune"), ("kind", "county"), ("country", "NO")]).await;
    assert_eq!(owner.status, 303, "{}", owner.text());
    let owner = owner.location().and_then(|l| l.rsplit('/').next()).and_then(|id| id.parse::<i64>().ok()).expect("owner id");
    let made = app
        .send_json(
            Method::POST,
            "/api/v1/decisions",
            &json!({"owner_id": owner, "body": "Fylkestinget", "date": "2024-06-18", "title": "Første"}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    made.json()["id"].as_i64().expect("id")
}

/// A decision's draft from its read model, with a new title.
fn draft(read: &serde_json::Value, title: &str) -> serde_json::Value {
    json!({"owner_id": read["owner_id"], "body": read["body"], "date": read["date"], "title": title})
}

fn form<'a>(title: &'a str, version: &'a str, owner: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("owner_id", owner),
        ("body", "Fylkestinget"),
        ("date", "2024-06-18"),
        ("date_precision", "day"),
        ("title", title),
        ("version", version),
    ]
}

#[tokio::test]
async fn a_stale_form_shows_both_versions_and_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let id = a_decision(&app).await;
    let owner = app.get(&format!("/api/v1/decisions/{id}")).await.json()["owner_id"].to_string();
    let edit = app.get(&format!("/decisions/{id}/edit")).await;
    assert!(edit.body.contains("name=\"version\" value=\"1\""), "the form carries its version");

    // Kari saves first; Ola's form still says version 1.
    assert_eq!(app.post_form(&format!("/decisions/{id}"), &form("Karis tittel", "1", &owner)).await.status, 303);
    let ola = app.post_form(&format!("/decisions/{id}"), &form("Olas tittel", "1", &owner)).await;
    assert_eq!(ola.status, StatusCode::CONFLICT, "{}", ola.text());
    let text = ola.text();
    assert!(text.contains("Someone else saved this meanwhile"), "{text}");
    assert!(text.contains("Your version") && text.contains("Olas tittel") && text.contains("Karis tittel"), "{text}");
    assert!(ola.body.contains("name=\"title\" value=\"Olas tittel\""), "the form keeps what Ola typed");
    assert!(ola.body.contains("name=\"version\" value=\"2\""), "and is now based on the current version");
    assert_eq!(app.get(&format!("/api/v1/decisions/{id}")).await.json()["title"], "Karis tittel", "nothing of Ola's was saved");

    // Ola merges and saves again: accepted.
    assert_eq!(app.post_form(&format!("/decisions/{id}"), &form("Karis og Olas tittel", "2", &owner)).await.status, 303);
    assert_eq!(app.get(&format!("/api/v1/decisions/{id}")).await.json()["title"], "Karis og Olas tittel");
}

#[tokio::test]
async fn the_api_answers_428_without_if_match_and_412_when_stale() {
    let app = TestApp::new().await;
    let id = a_decision(&app).await;
    let path = format!("/api/v1/decisions/{id}");
    let read = app.get(&path).await;
    assert_eq!(read.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let body = draft(&read.json(), "Endret");

    let missing = app.send_json_if(Method::PUT, &path, &body, None).await;
    assert_eq!(missing.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(missing.json()["code"], "precondition_required");
    assert_eq!(app.send_json_if(Method::PUT, "/api/v1/decisions/999999", &body, None).await.status, 404);

    let saved = app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let stale = app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.json()["code"], "stale");
    assert_eq!(app.send_json_if(Method::PUT, &path, &body, Some("*")).await.status, 200, "* overwrites knowingly");
}

/// 50 editors × 20 rounds of read-then-write on one record (the short form; the long
/// form is `cargo bench -p samverk-web --bench editors`): every acknowledged write is based on
/// a distinct version (none overwrote another unseen), the final state is the last
/// acknowledged write, and no request failed on the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_editors_lose_no_update() {
    let app = TestApp::new().await;
    let id = a_decision(&app).await;
    let path = format!("/api/v1/decisions/{id}");
    let outcome = samverk_testkit::editors::edit_concurrently(&app, &path, 50, 20, draft).await;
    assert!(
        outcome.errors.is_empty(),
        "{} server or other errors: {:?}",
        outcome.errors.len(),
        &outcome.errors[..outcome.errors.len().min(5)]
    );
    assert!(!outcome.acknowledged.is_empty());
    assert_eq!(outcome.acknowledged.len() + outcome.refused, 50 * 20, "every write was answered");
    let final_state = app.get(&path).await.json();
    assert_eq!(outcome.lost_updates(&final_state), 0, "{outcome:?} ended as {final_state}");
    let versions: BTreeSet<i64> = outcome.acknowledged.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        versions.last().copied(),
        Some(1 + i64::try_from(outcome.acknowledged.len()).expect("count")),
        "every acknowledged write is in the history of versions"
    );
}

#[tokio::test]
async fn organisations_take_if_match_too() {
    let app = TestApp::new().await;
    let made = app
        .send_json(Method::POST, "/api/v1/organisations", &json!({"name": "Nordland fylkeskommune", "kind": "county", "country": "NO"}))
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let path = format!("/api/v1/organisations/{}", made.json()["id"]);
    let body = json!({"name": "Nordland fylke", "kind": "county", "country": "NO"});
    assert_eq!(app.send_json_if(Method::PUT, &path, &body, None).await.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await.status, 200);
    assert_eq!(app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(app.get(&path).await.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
}

/// Mass assignment: a body naming fields no client may set (id, version, owner of the
/// account) changes none of them.
#[tokio::test]
async fn fields_a_client_may_not_set_are_ignored() {
    let app = TestApp::new().await;
    let made = app
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Troms fylkeskommune", "kind": "county", "country": "NO", "id": 777, "version": 42}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_ne!(made.json()["id"], 777);
    assert_eq!(made.json()["version"], 1);
    let path = format!("/api/v1/organisations/{}", made.json()["id"]);
    let body = json!({"name": "Troms", "kind": "county", "country": "NO", "version": 1000});
    let saved = app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await;
    assert_eq!(saved.json()["version"], 2);

    let other = app.view_as(samverk_testkit::AccessRole::Reader, None).await;
    let token = app
        .post_form(
            "/account/tokens",
            &[("token_name", "mine"), ("scope", "write"), ("account_id", &other.auth.account_id.unwrap_or_default().to_string())],
        )
        .await;
    assert_eq!(token.status, 201);
    let mine = app.store.api_tokens(app.auth.account_id.expect("signed in")).await.expect("tokens");
    assert!(mine.iter().any(|t| t.name == "mine"), "the token is the signed-in account's own");
    assert!(app.store.api_tokens(other.auth.account_id.expect("other")).await.expect("tokens").iter().all(|t| t.name != "mine"));
}

/// An active network, its owner's id, and the form fields of an edit to it.
async fn an_engagement(app: &TestApp) -> (i64, String) {
    let owner = samverk_testkit::OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = samverk_testkit::EngagementBuilder::new(owner, "Nordsjøkommisjonen").kind("membership").insert(&app.store).await;
    (id, owner.to_string())
}

fn engagement_form<'a>(owner: &'a str, title: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("owner_id", owner), ("kind", "membership"), ("status", "proposed"), ("title", title), ("version", version)]
}

#[tokio::test]
async fn a_stale_engagement_form_shows_both_versions_and_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let (id, owner) = an_engagement(&app).await;
    let path = format!("/engagements/{id}");
    assert!(app.get(&format!("{path}/edit")).await.body.contains("name=\"version\" value=\"1\""), "the form carries its version");

    assert_eq!(app.post_form(&path, &engagement_form(&owner, "Nordsjøkommisjonen (CPMR)", "1")).await.status, 303);
    let stale = app.post_form(&path, &engagement_form(&owner, "North Sea Commission", "1")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    let text = stale.text();
    assert!(text.contains("Someone else saved this meanwhile"), "{text}");
    assert!(text.contains("North Sea Commission") && text.contains("Nordsjøkommisjonen (CPMR)"), "{text}");
    assert!(stale.body.contains("value=\"North Sea Commission\""), "the form keeps what was typed");
    assert!(stale.body.contains("name=\"version\" value=\"2\""), "and is now based on the current version");
    let stored = app.store.engagement(id).await.ok().flatten().map(|e| e.title);
    assert_eq!(stored.as_deref(), Some("Nordsjøkommisjonen (CPMR)"), "nothing of the stale save was written");

    assert_eq!(app.post_form(&path, &engagement_form(&owner, "North Sea Commission (CPMR)", "2")).await.status, 303);
    let stored = app.store.engagement(id).await.ok().flatten().map(|e| e.title);
    assert_eq!(stored.as_deref(), Some("North Sea Commission (CPMR)"));
}

#[tokio::test]
async fn the_engagement_api_answers_428_without_if_match_and_412_when_stale() {
    let app = TestApp::new().await;
    let (id, owner) = an_engagement(&app).await;
    let path = format!("/api/v1/engagements/{id}");
    let read = app.get(&path).await;
    assert_eq!(read.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let owner: i64 = owner.parse().expect("owner id");
    let body = json!({"owner_id": owner, "kind": "membership", "status": "proposed", "title": "Endret"});
    assert_eq!(app.send_json_if(Method::PUT, &path, &body, None).await.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(app.send_json_if(Method::PUT, "/api/v1/engagements/999999", &body, None).await.status, 404);
    let saved = app.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let stale = app
        .send_json_if(
            Method::PUT,
            &path,
            &json!({"owner_id": owner, "kind": "membership", "status": "proposed", "title": "Gammel"}),
            Some("\"1\""),
        )
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED, "{}", stale.body);
    assert_eq!(app.get(&path).await.json()["title"], "Endret");
}

#[tokio::test]
async fn a_stale_plan_form_and_a_stale_plan_write_over_the_api_change_nothing() {
    let app = TestApp::new().await;
    let owner = samverk_testkit::OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = samverk_testkit::PlanBuilder::new(owner, "Internasjonal strategi").insert(&app.store).await;
    let owner = owner.to_string();
    let path = format!("/plans/{id}");
    assert!(app.get(&format!("{path}/edit")).await.body.contains("name=\"version\" value=\"1\""), "the form carries its version");
    let fields = |title: &'static str, version: &'static str| {
        vec![
            ("owner_id", owner.clone()),
            ("title", title.to_owned()),
            ("kind", "strategy".to_owned()),
            ("status", "adopted".to_owned()),
            ("version", version.to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        let path = path.clone();
        async move {
            let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(&path, &borrowed).await
        }
    };
    assert_eq!(post(fields("Internasjonal strategi 2024–2027", "1")).await.status, 303);
    let stale = post(fields("Internasjonal strategi (utkast)", "1")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    assert!(stale.text().contains("Someone else saved this meanwhile"), "{}", stale.text());
    assert!(stale.body.contains("value=\"Internasjonal strategi (utkast)\"") && stale.body.contains("name=\"version\" value=\"2\""));
    assert_eq!(app.store.plan(id).await.ok().flatten().map(|p| p.title).as_deref(), Some("Internasjonal strategi 2024–2027"));

    let api = format!("/api/v1/plans/{id}");
    assert_eq!(app.get(&api).await.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let owner_id: i64 = owner.parse().expect("owner");
    let body = json!({"owner_id": owner_id, "title": "Over API", "kind": "strategy", "status": "adopted"});
    assert_eq!(app.send_json_if(Method::PUT, &api, &body, None).await.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(app.send_json_if(Method::PUT, &api, &body, Some("\"1\"")).await.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(app.send_json_if(Method::PUT, &api, &body, Some("\"2\"")).await.status, StatusCode::OK);
}
