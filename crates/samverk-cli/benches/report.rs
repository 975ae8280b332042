//! Issue 5, section 6: the follow-up report of a plan with 500 goals, 5,000 indicators with
//! ten years of measurements, 2,000 engagements and 20,000 reports back, through the router of
//! the shipped binary (the one with the PDF renderer): the page, the XLSX (target < 2 s) and
//! the PDF (target < 5 s). Here, in the binary's crate, because only the binary links typst.
//!
//! `cargo bench -p samverk-cli --bench report` (SQLite; PostgreSQL too with
//! `SAMVERK_BENCH_POSTGRES`); docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::sync::{Arc, Mutex};
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

/// The binary's PDF renderer, noting when it was called and how long each of its steps took, so
/// the first request's time can be told apart: loading and building the report before the
/// renderer is called, typst's steps inside it.
#[derive(Debug, Default)]
struct Timed(Mutex<Option<(Instant, samverk_report_pdf::Phases)>>);

impl samverk_report::Render for Timed {
    fn render(&self, report: &samverk_report::Report) -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
        let called = Instant::now();
        let (bytes, phases) = samverk_report_pdf::to_pdf_timed(report)?;
        if let Ok(mut last) = self.0.lock() {
            *last = Some((called, phases));
        }
        Ok(bytes)
    }
}

/// The CPU time the process has used so far (Linux: user and system time from /proc), so a
/// request's cost can be told on a machine that other work keeps busy; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel counts in USER_HZ, 100 on Linux.
    Some(ticks / 100.0)
}

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
    let timed = Arc::new(Timed::default());
    app.router =
        samverk_web::app_with(app.store.clone(), samverk_web::AppConfig { pdf: Some(timed.clone()), ..samverk_web::AppConfig::default() });
    let engine = format!("{:?}", app.engine()).to_lowercase();
    let plan = generated.plan_id;
    // The store's part alone: what the report is made from.
    let today = time::OffsetDateTime::now_utc().date();
    for _ in 0..2 {
        let once = Instant::now();
        runtime.block_on(app.store.follow_up(plan, YEAR, today)).expect("the report's data");
        eprintln!("{engine} data: follow_up {:.3} s", once.elapsed().as_secs_f64());
    }
    let mut group = c.benchmark_group(format!("report_{engine}"));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    for (name, path) in [
        ("page", format!("/plans/{plan}/report?year={YEAR}")),
        ("xlsx", format!("/plans/{plan}/report.xlsx?year={YEAR}")),
        ("pdf", format!("/plans/{plan}/report.pdf?year={YEAR}")),
    ] {
        let (once, cpu) = (Instant::now(), cpu_seconds());
        let bytes = runtime.block_on(get(&app, &path));
        let total = once.elapsed().as_secs_f64();
        let cpu = cpu.zip(cpu_seconds()).map_or_else(String::new, |(before, after)| format!(" ({:.2} s CPU)", after - before));
        eprintln!("{engine} {name}: {bytes} bytes, first request {total:.2} s{cpu}");
        if let Some((called, p)) = timed.0.lock().ok().and_then(|mut t| t.take()) {
            eprintln!(
                "{engine} {name}: data and report model {:.2} s, typst input {:.2} s, typeset {:.2} s, PDF export {:.2} s",
                called.duration_since(once).as_secs_f64(),
                p.input.as_secs_f64(),
                p.typeset.as_secs_f64(),
                p.export.as_secs_f64()
            );
        }
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
