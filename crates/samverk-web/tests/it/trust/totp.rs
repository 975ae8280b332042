//! The optional second factor: enrol with the secret shown as text, confirm with a code, then
//! sign-in asks for a code; codes are used once; recovery codes work once each.

use axum::http::StatusCode;
use samverk_store::account::now;
use samverk_store::totp::{STEP, code_at, from_base32};
use samverk_testkit::{AccessRole, TestApp};

use super::account::{PASSWORD, kari, sign_in, through};

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    html.split(start).nth(1).and_then(|rest| rest.split(end).next()).unwrap_or_else(|| panic!("{start} in {html}"))
}

async fn with_code(app: &TestApp, code: &str) -> samverk_testkit::TestResponse {
    app.view_anonymous().post_form("/login", &[("username", "kari"), ("password", PASSWORD), ("code", code), ("next", "/plans")]).await
}

fn code(secret: &[u8], step_offset: i64) -> String {
    format!("{:06}", code_at(secret, now() / STEP + step_offset))
}

#[tokio::test]
async fn an_account_with_a_second_factor_signs_in_with_password_and_code() {
    let app = TestApp::new().await;
    kari(&app, AccessRole::Editor).await;
    let kari = through(&app, &sign_in(&app, "kari", PASSWORD).await).await;

    let enrol = kari.post_form("/account/totp", &[]).await;
    assert_eq!(enrol.status, 200, "{}", enrol.text());
    let text = between(&enrol.body, "<code id=\"totp-secret\">", "</code>").to_owned();
    assert!(between(&enrol.body, "<code id=\"totp-address\">", "</code>").starts_with("otpauth://totp/samverk:kari?secret="));
    let secret = from_base32(&text).unwrap_or_else(|| panic!("base32: {text}"));
    assert_eq!(secret.len(), 20);

    let wrong = kari.post_form("/account/totp/confirm", &[("code", "000000")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains(&text), "the same secret is shown again");
    let confirmed = kari.post_form("/account/totp/confirm", &[("code", &code(&secret, 0))]).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    let recovery: Vec<String> = between(&confirmed.body, "<ul id=\"recovery-codes\">", "</ul>")
        .split("<code>")
        .skip(1)
        .map(|c| c.split("</code>").next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    assert!(kari.get("/account").await.text().contains("Two-step sign-in is on"));

    // Password alone: the page asks for the code and no session starts.
    let asked = sign_in(&app, "kari", PASSWORD).await;
    assert_eq!(asked.status, StatusCode::UNAUTHORIZED);
    assert!(asked.body.contains("autocomplete=\"one-time-code\""), "{}", asked.text());
    assert!(asked.headers.get("set-cookie").is_none());
    assert_eq!(with_code(&app, "123456").await.status, StatusCode::UNAUTHORIZED);
    let current = code(&secret, 1);
    let signed_in = with_code(&app, &current).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{}", signed_in.text());
    assert_eq!(signed_in.location(), Some("/plans"));
    assert_eq!(with_code(&app, &current).await.status, StatusCode::UNAUTHORIZED, "a code is used once");

    // A recovery code works once.
    assert_eq!(with_code(&app, &recovery[0]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(with_code(&app, &recovery[0]).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(with_code(&app, &recovery[1]).await.status, StatusCode::SEE_OTHER);

    // Turning it off needs the password.
    let kept = kari.post_form("/account/totp/disable", &[("current_password", "not the password")]).await;
    assert_eq!(kept.location(), Some("/account?totp=wrong-password"));
    assert!(app.store.totp_enabled(app.store.account_id("kari").await.ok().flatten().unwrap_or_default()).await.unwrap_or(false));
    let off = kari.post_form("/account/totp/disable", &[("current_password", PASSWORD)]).await;
    assert_eq!(off.location(), Some("/account?totp=off"));
    assert_eq!(sign_in(&app, "kari", PASSWORD).await.status, StatusCode::SEE_OTHER);
}
