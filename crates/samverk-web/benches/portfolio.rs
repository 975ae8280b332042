//! Issue 7, section 7: the public portfolio page of an authority with 2,000 published
//! engagements (among 20,000 organisations) renders in under 20 ms median.
//!
//! The data set comes from `samverk_testkit::fixtures` (one authority owning every engagement),
//! everything is published, and the page is requested through the real router with the body
//! read to the end, in English and in Norwegian (the note-of-language path).
//!
//! `cargo bench -p samverk-web --bench portfolio`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::hint::black_box;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use criterion::Criterion;
use http_body_util::BodyExt;
use samverk_testkit::TestApp;
use samverk_testkit::fixtures::{self, Size};
use tower::ServiceExt;

async fn fixture() -> (TestApp, String) {
    let app = TestApp::sqlite().await;
    let size = Size { engagements: 2_000, organisations: 20_000, participations: 20_000, authorities: 1, goals: 30 };
    fixtures::generate(&app.store, &size).await.expect("generate the data set");
    let mut tx = app.store.begin().await.expect("transaction");
    samverk_store::public::publish_all(&mut tx.conn()).await.expect("publish");
    tx.commit().await.expect("commit");
    let authority = app.store.public_authorities().await.expect("authorities").into_iter().next().expect("an authority");
    assert_eq!(authority.engagements, 2_000, "every engagement is published");
    let path = format!("/p/{}", samverk_web::pages::public::slug(&authority.name));
    (app, path)
}

async fn get(app: &TestApp, path: &str, lang: &str) -> usize {
    let request = Request::builder().uri(path).header(header::COOKIE, format!("samverk_lang={lang}")).body(Body::empty()).expect("request");
    let response = app.router.clone().oneshot(request).await.expect("router");
    assert_eq!(response.status(), StatusCode::OK);
    response.into_body().collect().await.expect("body").to_bytes().len()
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let (app, path) = rt.block_on(fixture());
    let bytes = rt.block_on(get(&app, &path, "en"));
    eprintln!("portfolio page: {bytes} bytes");
    for lang in ["en", "nb"] {
        c.bench_function(&format!("sqlite/portfolio_2000_{lang}"), |b| b.iter(|| black_box(rt.block_on(get(&app, &path, lang)))));
    }
    c.final_summary();
}
