//! Issue 5, section 6: the follow-up report of a plan with 500 goals, 5,000 indicators with
//! ten years of measurements, 2,000 engagements and 20,000 reports back, through the router of
//! the shipped binary (the one with the PDF renderer): the page, the XLSX (target < 2 s) and
//! the PDF (target < 5 s). Here, in the binary's crate, because only the binary links typst.
//!
//! `cargo bench -p samverk-cli --bench report` (SQLite; PostgreSQL too with
//! `SAMVERK_BENCH_POSTGRES`); docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{Request, StatusCode};
use criterion::Criterion;
use http_body_util::BodyExt;
use samverk_store::Engine;
use samverk_testkit::TestApp;
use samverk_testkit::followup::{FollowupSize, generate_followup};
use tower::ServiceExt;

/// The year reported on: the generator measures 2021–2030 and reports back yearly.
const YEAR: i32 = 2025;

async fn get(app: &TestApp, path: &str) -> usize {
    let request = app.authorise(Request::builder().uri(path), path, None, Vec::new()).expect("request");
    let response = app.router.clone().oneshot(request).await.expect("router answers");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.into_body().collect().await.expect("body").to_bytes().len()
}

fn bench_engine(c: &mut Criterion, runtime: &tokio::runtime::Runtime, mut app: TestApp) {
    let size = FollowupSize::issue();
    let started = Instant::now();
    let generated = runtime.block_on(generate_followup(&app.store, &size)).expect("generate the plan");
    eprintln!("{:?}: generated in {:.1} s", app.engine(), started.elapsed().as_secs_f64());
    if app.engine() == Engine::Postgres {
        runtime.block_on(async {
            let mut handle = app.store.handle().await.expect("connection");
            handle.conn().execute_unprepared("VACUUM ANALYZE").await.expect("vacuum and analyse");
        });
    }
    app.router = samverk_web::app_with(
        app.store.clone(),
        samverk_web::AppConfig { pdf: Some(Arc::new(samverk_report_pdf::Pdf)), ..samverk_web::AppConfig::default() },
    );
    let engine = format!("{:?}", app.engine()).to_lowercase();
    let plan = generated.plan_id;
    let mut group = c.benchmark_group(format!("report_{engine}"));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    for (name, path) in [
        ("page", format!("/plans/{plan}/report?year={YEAR}")),
        ("xlsx", format!("/plans/{plan}/report.xlsx?year={YEAR}")),
        ("pdf", format!("/plans/{plan}/report.pdf?year={YEAR}")),
    ] {
        let once = Instant::now();
        let bytes = runtime.block_on(get(&app, &path));
        eprintln!("{engine} {name}: {bytes} bytes, first request {:.2} s", once.elapsed().as_secs_f64());
        group.bench_function(name, |b| b.iter(|| runtime.block_on(get(&app, &path))));
    }
    group.finish();
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut c = Criterion::default().configure_from_args();
    bench_engine(&mut c, &runtime, runtime.block_on(TestApp::sqlite()));
    if let Ok(base) = std::env::var("SAMVERK_BENCH_POSTGRES")
        && !base.is_empty()
    {
        bench_engine(&mut c, &runtime, runtime.block_on(TestApp::postgres(&base)));
    }
    c.final_summary();
}
