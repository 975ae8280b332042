//! Security headers on every answer: pages, API, errors, assets.

use samverk_testkit::TestApp;

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let app = TestApp::with_demo().await;
    let anonymous = app.view_anonymous();
    for response in [
        app.get("/").await,
        app.get("/nowhere").await,
        app.get("/api/v1/plans").await,
        anonymous.get("/plans").await,
        anonymous.get("/static/style.css").await,
    ] {
        let header = |name: &str| response.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let csp = header("content-security-policy");
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "same-origin");
        assert_eq!(header("strict-transport-security"), "", "no HSTS over plain HTTP");
    }
}

#[tokio::test]
async fn over_tls_cookies_are_secure_and_hsts_is_sent() {
    let app = TestApp::new().await;
    let mut tls = app.view_anonymous();
    tls.router = samverk_web::app_with(
        app.store.clone(),
        samverk_web::AppConfig { trust: samverk_web::trust::TrustConfig { tls: true, trusted_proxies: 0 }, ..Default::default() },
    );
    let page = tls.get("/login").await;
    assert_eq!(page.headers.get("strict-transport-security").and_then(|v| v.to_str().ok()), Some("max-age=31536000; includeSubDomains"));
    app.store.create_account("kari", "Kari", Some("fjord og fjell i nord")).await.expect("account");
    let signed = tls.post_form("/login", &[("username", "kari"), ("password", "fjord og fjell i nord")]).await;
    let cookie = signed.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[test]
fn no_template_has_inline_style_or_script() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for banned in [" style=", "<style", "<script>", " onclick=", " onload=", " onsubmit=", "javascript:"] {
                assert!(!text.contains(banned), "{}: {banned} (the CSP forbids inline code)", path.display());
            }
        }
    }
}
