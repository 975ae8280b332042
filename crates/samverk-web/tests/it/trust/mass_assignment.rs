//! Mass assignment: fields a role may not set (the record's id and version, who made it, roles,
//! another account) are ignored in every form and API body that could carry them.

use axum::http::Method;
use samverk_testkit::{AccessRole, OrganisationBuilder, TestApp};
use serde_json::json;

#[tokio::test]
async fn an_api_body_cannot_choose_the_id_version_or_author_of_a_record() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let body = json!({
        "owner_id": owner, "kind": "membership", "status": "proposed", "title": "Nordsjøkommisjonen",
        "id": 4242, "version": 99, "created_by": 1, "published": true, "search_text": "injected",
        "authority_id": 1, "role": "administrator"
    });
    let created = app.send_json(Method::POST, "/api/v1/engagements", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    assert_ne!(id, 4242);
    let stored = app.store.engagement(id).await.ok().flatten().expect("stored");
    assert_eq!(stored.version, 1);
    let history = app.store.history("engagements", id).await.expect("history");
    assert_eq!(history[0].account_id, app.auth.account_id, "the author is the signed-in account");
    // Not published by the body: the public portfolio does not show it.
    assert!(!app.view_anonymous().get("/p").await.text().contains("Nordsjøkommisjonen"));

    let mut change = body.clone();
    change["title"] = json!("North Sea Commission");
    let changed = app.send_json(Method::PUT, &format!("/api/v1/engagements/{id}"), &change).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""), "the version moves by one, not to 99");
}

#[tokio::test]
async fn a_form_cannot_give_its_sender_a_role_or_a_token_of_another_account() {
    let app = TestApp::new().await;
    let reader = app.view_as(AccessRole::Reader, None).await;
    let me = reader.auth.account_id.expect("the reader's account");
    let admin = app.auth.account_id.expect("the administrator's account");
    let made = reader
        .post_form(
            "/account/tokens",
            &[
                ("token_name", "mine"),
                ("scope", "read"),
                ("account_id", &admin.to_string()),
                ("role", "administrator"),
                ("authority_id", ""),
            ],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.text());
    assert!(app.store.api_tokens(me).await.expect("tokens").iter().any(|t| t.name == "mine"));
    assert!(!app.store.api_tokens(admin).await.expect("tokens").iter().any(|t| t.name == "mine"));
    let grants = app.store.account(me).await.expect("account").grants;
    assert!(grants.iter().all(|g| g.role == AccessRole::Reader), "{grants:?}");
    // And the administrator's pages stay closed to the reader.
    assert_eq!(reader.get("/admin/accounts").await.status, 403);
}
