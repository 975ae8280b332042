//! Forged and expired forms: refused, with everything typed kept.

use samverk_testkit::{Credentials, TestApp};

#[tokio::test]
async fn every_post_form_of_a_page_carries_the_session_token() {
    let app = TestApp::with_demo().await;
    for path in ["/organisations/new", "/plans/1", "/engagements/1", "/account", "/admin/accounts"] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let forms = page.body.matches("method=\"post\"").count();
        let tokens = page.body.matches(&format!("name=\"_csrf\" value=\"{}\"", app.auth.csrf.clone().unwrap_or_default())).count();
        assert!(forms > 0, "{path} has forms");
        assert_eq!(forms, tokens, "{path}: every post form has the token");
    }
}

#[tokio::test]
async fn a_form_with_a_wrong_or_missing_token_keeps_the_content_and_can_be_sent_again() {
    let app = TestApp::new().await;
    let stale = app.view_with(Credentials { csrf: Some("expired".to_owned()), ..app.auth.clone() });
    let name = "Blåskog <b>fylke</b> & \"co\"";
    let refused = stale.post_form("/organisations", &[("name", name), ("kind", "county"), ("country", "NO")]).await;
    assert_eq!(refused.status, 403);
    assert!(refused.text().contains("Send the form again"), "{}", refused.text());
    assert!(refused.text().contains("Blåskog"), "the typed name is shown");
    assert!(!refused.body.contains("<b>fylke"), "and escaped");
    assert_eq!(app.store.organisations(&Default::default()).await.expect("list").total, 0, "nothing saved");

    // The page's own form, sent as is, is accepted.
    let token = refused.body.split("name=\"_csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("a fresh token").to_owned();
    assert_eq!(Some(token), app.auth.csrf);
    let again = app.post_form("/organisations", &[("name", name), ("kind", "county"), ("country", "NO")]).await;
    assert_eq!(again.status, 303, "{}", again.text());
}

#[tokio::test]
async fn a_form_sent_after_the_session_ended_survives_signing_in_again() {
    let app = TestApp::new().await;
    app.store.create_account("kari", "Kari", Some("fjord og fjell i nord")).await.expect("account");
    let ended =
        app.view_with(Credentials { session: Some("ended-session".to_owned()), csrf: Some("old".to_owned()), ..Credentials::default() });
    let page = ended.post_form("/decisions", &[("title", "Vedtak om lang tekst"), ("body", "Fylkestinget")]).await;
    assert_eq!(page.status, 401);
    assert!(page.text().contains("Sign in to save"), "{}", page.text());
    assert!(page.text().contains("Vedtak om lang tekst"));
    assert!(page.body.contains("name=\"carry:title\" value=\"Vedtak om lang tekst\""));
    assert!(page.body.contains("name=\"carry_to\" value=\"/decisions\""));
    let cookie = page.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.starts_with("samverk_session=;"), "the dead cookie is cleared: {cookie}");

    let signed = app
        .view_anonymous()
        .post_form(
            "/login",
            &[
                ("username", "kari"),
                ("password", "fjord og fjell i nord"),
                ("carry_to", "/decisions"),
                ("carry:title", "Vedtak om lang tekst"),
            ],
        )
        .await;
    assert_eq!(signed.status, 200, "{}", signed.text());
    assert!(signed.text().contains("Send the form again"));
    assert!(signed.body.contains("action=\"/decisions\""));
    assert!(signed.body.contains("name=\"title\" value=\"Vedtak om lang tekst\""));
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused() {
    let app = TestApp::new().await;
    let request = app
        .authorise(
            axum::http::Request::builder().method("POST").uri("/organisations").header("sec-fetch-site", "cross-site"),
            "/organisations",
            Some("application/x-www-form-urlencoded"),
            b"name=X&kind=county&country=NO".to_vec(),
        )
        .expect("request");
    let response = tower::ServiceExt::oneshot(app.router.clone(), request).await.expect("answer");
    assert_eq!(response.status(), 403);
}
