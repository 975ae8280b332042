//! The import page: the same importers from the browser, with a real multipart upload.

use axum::http::StatusCode;
use samverk_testkit::{AccessRole, TestApp};

use super::{counts, fixture};

const MEMBERSHIP: &str = "membership-orgs";

#[tokio::test]
async fn editors_upload_a_file_see_the_summary_and_a_dry_run_writes_nothing() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let form = app.get("/imports").await;
    assert_eq!(form.status, StatusCode::OK);
    let html = &form.body;
    assert!(html.contains("enctype=\"multipart/form-data\"") && html.contains("name=\"_csrf\""), "{html}");
    assert!(html.contains("At most 16 MB."), "{html}");

    let before = counts(&app).await;
    let bytes = fixture("membership-orgs.csv");
    let dry = app.post_multipart("/imports", &[("dataset", MEMBERSHIP), ("dry_run", "1")], &[("file", "cpmr.csv", &bytes)]).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.text());
    let text = dry.text();
    assert!(text.contains("Dry run: what the import would do (nothing was written)"), "{text}");
    assert!(text.contains("Rows read 90"), "{text}");
    assert!(text.contains("New records 2"), "{text}");
    assert_eq!(counts(&app).await, before, "a dry run writes nothing");

    let done = app.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "cpmr.csv", &bytes)]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    let text = done.text();
    assert!(text.contains("Imported") && text.contains("New records 2"), "{text}");
    assert!(text.contains("Of those, matched to the register without a person"), "{text}");
    assert_ne!(counts(&app).await, before);
    let again = app.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "cpmr.csv", &bytes)]).await;
    assert!(again.text().contains("Unchanged records 2"), "{}", again.text());
}

#[tokio::test]
async fn a_broken_upload_shows_file_row_column_and_writes_nothing() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let before = counts(&app).await;
    let text = String::from_utf8(fixture("membership-orgs.csv")).unwrap_or_default();
    let broken = text.replacen(",Norway,", ",Nordland,", 1);
    let answer = app.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "cpmr.csv", broken.as_bytes())]).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = answer.text();
    assert!(text.contains("The file was refused"), "{text}");
    assert!(text.contains("File cpmr.csv"), "{text}");
    assert!(text.contains("Column country"), "{text}");
    assert!(text.contains("Expected a country name such as Norway or Sweden"), "{text}");
    assert!(text.contains("Found «Nordland»"), "{text}");
    assert!(text.contains("Nothing was written."), "{text}");
    assert_eq!(counts(&app).await, before);
    // A file of another data set is named as such.
    let answer = app.post_multipart("/imports", &[("dataset", "covenant-of-mayors")], &[("file", "cpmr.csv", broken.as_bytes())]).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    // No file chosen.
    let answer = app.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "", b"")]).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.text().contains("Choose a file to upload."), "{}", answer.text());
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_before_reading() {
    let app = TestApp::new().await;
    let before = counts(&app).await;
    let huge = vec![b'a'; samverk_web::trust::UPLOAD_LIMIT + 100 * 1024];
    let answer = app.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "big.csv", &huge)]).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.text().contains("The file is too large"), "{}", answer.text());
    assert_eq!(counts(&app).await, before);
}

#[tokio::test]
async fn readers_may_not_import_and_a_forged_upload_is_refused() {
    let app = TestApp::new().await;
    let reader = app.view_as(AccessRole::Reader, None).await;
    assert_eq!(reader.get("/imports").await.status, StatusCode::FORBIDDEN);
    let bytes = fixture("membership-orgs.csv");
    let answer = reader.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "cpmr.csv", &bytes)]).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    // An editor's upload without the form's token (sent from elsewhere) writes nothing.
    let editor = app.view_as(AccessRole::Editor, None).await;
    let before = counts(&app).await;
    let forged = editor.view_with(samverk_testkit::Credentials { csrf: Some("forged".into()), ..editor.auth.clone() });
    let answer = forged.post_multipart("/imports", &[("dataset", MEMBERSHIP)], &[("file", "cpmr.csv", &bytes)]).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.text());
    assert_eq!(counts(&app).await, before);
}
