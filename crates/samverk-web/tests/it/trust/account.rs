//! Accounts: signing in and out, sessions, password change and reset, disabling, API tokens,
//! brute-force protection.

use axum::http::{Method, StatusCode};
use samverk_testkit::{AccessRole, Credentials, TestApp, TestResponse};

pub(super) const PASSWORD: &str = "fjord og fjell i nord";

/// The session secret a sign-in answer sets, if any.
fn session_of(response: &TestResponse) -> Option<String> {
    response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("samverk_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .filter(|v| !v.is_empty())
}

/// The anti-forgery token in a page's forms.
pub(super) fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"_csrf\" value=\"")? + 20;
    Some(html[at..].split('"').next()?.to_owned())
}

/// An app acting through the session a sign-in answer started.
pub(super) async fn through(app: &TestApp, response: &TestResponse) -> TestApp {
    let session = session_of(response).unwrap_or_else(|| panic!("no session cookie: {:?}", response.headers));
    let view = app.view_with(Credentials { session: Some(session.clone()), ..Credentials::default() });
    let page = view.get("/account").await;
    assert_eq!(page.status, 200, "{}", page.text());
    app.view_with(Credentials { session: Some(session), csrf: csrf_in(&page.body), ..Credentials::default() })
}

pub(super) async fn kari(app: &TestApp, role: AccessRole) -> i64 {
    let id = app.store.create_account("kari", "Kari Nordmann", Some(PASSWORD)).await.expect("account");
    app.store.grant_role(id, None, role).await.expect("role");
    id
}

pub(super) async fn sign_in(app: &TestApp, username: &str, password: &str) -> TestResponse {
    app.view_anonymous().post_form("/login", &[("username", username), ("password", password), ("next", "/plans")]).await
}

#[tokio::test]
async fn a_user_signs_in_sees_her_name_and_signs_out() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Editor).await;
    let response = sign_in(&app, "Kari", PASSWORD).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text());
    assert_eq!(response.location(), Some("/plans"));
    let cookie = response.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");

    let kari = through(&app, &response).await;
    let page = kari.get("/plans").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Kari Nordmann"), "{}", page.text());
    assert!(page.text().contains("Sign out"));

    let out = kari.post_form("/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), Some("/login"));
    let after = kari.get("/plans").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER, "the session ended");
}

#[tokio::test]
async fn a_wrong_password_or_unknown_user_is_refused_alike() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Reader).await;
    for (user, password) in [("kari", "feil passord her"), ("nobody", PASSWORD)] {
        let response = sign_in(&app, user, password).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        assert!(response.text().contains("The username or password is wrong."), "{}", response.text());
        assert!(session_of(&response).is_none());
        assert!(response.body.contains(&format!("value=\"{user}\"")), "the username is kept");
    }
}

#[tokio::test]
async fn signing_in_gives_a_new_session_id_even_with_an_old_cookie() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Reader).await;
    let first = session_of(&sign_in(&app, "kari", PASSWORD).await).expect("first session");
    let again = app.view_with(Credentials { session: Some(first.clone()), ..Credentials::default() });
    let page = again.get("/login").await;
    let csrf = csrf_in(&page.body);
    let again = app.view_with(Credentials { session: Some(first.clone()), csrf, ..Credentials::default() });
    let second = again.post_form("/login", &[("username", "kari"), ("password", PASSWORD)]).await;
    let second = session_of(&second).expect("second session");
    assert_ne!(first, second);
    assert_eq!(again.get("/plans").await.status, StatusCode::SEE_OTHER, "the old session ended");
}

#[tokio::test]
async fn five_failures_lock_the_account_with_a_clear_message() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Reader).await;
    for _ in 0..5 {
        assert_eq!(sign_in(&app, "kari", "galt galt galt galt").await.status, StatusCode::UNAUTHORIZED);
    }
    let locked = sign_in(&app, "kari", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.text().contains("Too many failed sign-ins for this account. Try again in 15 minutes"), "{}", locked.text());
    assert!(session_of(&locked).is_none());
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Reader).await;
    let other = through(&app, &sign_in(&app, "kari", PASSWORD).await).await;
    let me = through(&app, &sign_in(&app, "kari", PASSWORD).await).await;

    let wrong = me
        .post_form("/account/password", &[("current_password", "not it at all"), ("new_password", "kort"), ("confirm_password", "annet")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("This is not your current password."));
    assert!(wrong.text().contains("The two new passwords are not the same."));

    let new = "en ny og lang frase";
    let changed =
        me.post_form("/account/password", &[("current_password", PASSWORD), ("new_password", new), ("confirm_password", new)]).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text());
    assert!(session_of(&changed).is_some(), "a fresh session for this browser");
    assert_eq!(other.get("/plans").await.status, StatusCode::SEE_OTHER, "the other session ended");
    assert_eq!(sign_in(&app, "kari", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in(&app, "kari", new).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_administrator_creates_an_account_whose_owner_chooses_a_password_by_link() {
    let app = TestApp::new().await;
    let created = app
        .post_form("/admin/accounts", &[("username", "ola"), ("display_name", "Ola Nordmann"), ("role", "editor"), ("authority_id", "")])
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    assert!(created.text().contains("Editor: Every authority"), "{}", created.text());
    let link = created.body.split("id=\"reset-link\">").nth(1).and_then(|s| s.split('<').next()).expect("the link is shown").to_owned();
    assert!(link.starts_with("/password-reset/"));

    let anonymous = app.view_anonymous();
    assert_eq!(anonymous.get(&link).await.status, 200);
    let short = anonymous.post_form(&link, &[("new_password", "kort"), ("confirm_password", "kort")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().contains("at least 12 characters"));
    let done = anonymous.post_form(&link, &[("new_password", PASSWORD), ("confirm_password", PASSWORD)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.get(&link).await.status, StatusCode::NOT_FOUND, "a link works once");
    let ola = through(&app, &sign_in(&app, "ola", PASSWORD).await).await;
    assert_eq!(ola.post_form("/organisations", &[("name", "")]).await.status, StatusCode::UNPROCESSABLE_ENTITY, "an editor may write");
    assert_eq!(ola.get("/admin/accounts").await.status, StatusCode::FORBIDDEN);

    let taken = app.post_form("/admin/accounts", &[("username", "ola"), ("display_name", "Ola Två"), ("role", "reader")]).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("value=\"Ola Två\""), "what was typed is kept");
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_tokens() {
    let app = TestApp::new().await;
    let id = kari(&app, AccessRole::Editor).await;
    let session = through(&app, &sign_in(&app, "kari", PASSWORD).await).await;
    let token = app.store.create_api_token(id, "script", samverk_store::account::Scope::Read).await.expect("token");
    let api = app.view_with(Credentials { bearer: Some(token), ..Credentials::default() });
    assert_eq!(api.get("/api/v1/plans").await.status, 200);

    let disabled = app.post_form(&format!("/admin/accounts/{id}/disable"), &[]).await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER);
    assert_eq!(session.get("/plans").await.status, StatusCode::SEE_OTHER);
    assert_eq!(api.get("/api/v1/plans").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in(&app, "kari", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn api_tokens_are_scoped_and_revocable() {
    let app = TestApp::new().await;
    let made = app.post_form("/account/tokens", &[("token_name", "rapport"), ("scope", "read")]).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text());
    let token = made.body.split("id=\"new-token\">").nth(1).and_then(|s| s.split('<').next()).expect("shown once").to_owned();
    let reader = app.view_with(Credentials { bearer: Some(token), ..Credentials::default() });
    assert_eq!(reader.get("/api/v1/organisations").await.status, 200);
    let write = reader.send_json(Method::POST, "/api/v1/organisations", &serde_json::json!({"name": "X"})).await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    assert_eq!(write.json()["code"], "read_only_token");
    // Cookies do not open the API: a page session is not an API credential.
    let cookie_only = app.view_with(Credentials { session: app.auth.session.clone(), ..Credentials::default() });
    assert_eq!(cookie_only.get("/api/v1/organisations").await.status, StatusCode::UNAUTHORIZED);

    let page = app.get("/account").await;
    let revoke = page.body.split("action=\"/account/tokens/").nth(1).and_then(|s| s.split('"').next()).expect("a revoke form").to_owned();
    let first = app.post_form(&format!("/account/tokens/{revoke}"), &[]).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    // The newest token is listed first: the one made above.
    assert_eq!(reader.get("/api/v1/organisations").await.status, StatusCode::UNAUTHORIZED);
}
