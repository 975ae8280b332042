//! Issue 5, section 6: with 500 goals, 5,000 indicators with ten years of measurements,
//! 2,000 engagements and 20,000 reports, a plan's follow-up page renders in under 100 ms
//! median. The goals × engagements map and the reports-due list are measured on the same
//! data, and so is `plan_summary` (what the yearly report reads).
//!
//! The data set is generated once (`samverk_testkit::followup::generate_followup`), then each
//! page is requested through the real router with the body read to the end. SQLite always;
//! PostgreSQL too when `SAMVERK_BENCH_POSTGRES` names a database.
//!
//! `cargo bench -p samverk-web --bench followup`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::time::{Duration, Instant};

use axum::http::{Request, StatusCode};
use criterion::Criterion;
use http_body_util::BodyExt;
use samverk_store::Engine;
use samverk_testkit::TestApp;
use samverk_testkit::followup::{FollowupSize, generate_followup};
use tower::ServiceExt;

async fn get(app: &TestApp, path: &str) -> usize {
    let request = app.authorise(Request::builder().uri(path), path, None, Vec::new()).expect("request");
    let response = app.router.clone().oneshot(request).await.expect("router answers");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.into_body().collect().await.expect("body").to_bytes().len()
}

fn bench_engine(c: &mut Criterion, runtime: &tokio::runtime::Runtime, app: &TestApp) {
    let size = FollowupSize::issue();
    let started = Instant::now();
    let generated = runtime.block_on(generate_followup(&app.store, &size)).expect("generate the plan");
    eprintln!(
        "{:?}: generated {} goals, {} indicators × {} years, {} engagements, {} reports in {:.1} s",
        app.engine(),
        size.goals(),
        size.goals() * size.indicators_per_goal,
        size.years,
        size.engagements,
        size.engagements * size.reports_per_mandate,
        started.elapsed().as_secs_f64()
    );
    if app.engine() == Engine::Postgres {
        runtime.block_on(async {
            let mut handle = app.store.handle().await.expect("connection");
            handle.conn().execute_unprepared("VACUUM ANALYZE").await.expect("vacuum and analyse");
        });
    }
    let engine = format!("{:?}", app.engine()).to_lowercase();
    let pages = [
        ("followup_page", format!("/plans/{}/followup", generated.plan_id)),
        ("heatmap_page", format!("/plans/{}/heatmap", generated.plan_id)),
        ("reports_due_page", format!("/mandates?owner_id={}", generated.owner_id)),
    ];
    let mut group = c.benchmark_group(format!("followup_{engine}"));
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, path) in &pages {
        let bytes = runtime.block_on(get(app, path));
        eprintln!("{name}: {bytes} bytes");
        group.bench_function(*name, |b| b.iter(|| runtime.block_on(get(app, path))));
    }
    let today = time::OffsetDateTime::now_utc().date();
    group.bench_function("plan_summary", |b| {
        b.iter(|| runtime.block_on(app.store.plan_summary(generated.plan_id, 2025, today)).expect("summary").expect("plan"));
    });
    group.finish();
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut c = Criterion::default().configure_from_args();
    let sqlite = runtime.block_on(TestApp::sqlite());
    bench_engine(&mut c, &runtime, &sqlite);
    if let Ok(base) = std::env::var("SAMVERK_BENCH_POSTGRES")
        && !base.is_empty()
    {
        let pg = runtime.block_on(TestApp::postgres(&base));
        bench_engine(&mut c, &runtime, &pg);
    }
    c.final_summary();
}
