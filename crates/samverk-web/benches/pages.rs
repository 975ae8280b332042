//! Issue 3, section 8: with 10,000 engagements, 20,000 organisations and 100,000
//! participations, the engagement list (any filter, page of 50) and the engagement page render
//! in under 10 ms median on SQLite.
//!
//! The data set is generated once per engine (`samverk_testkit::fixtures`), then each page is
//! requested through the real router, as a browser's request would be, with the body read to
//! the end. The store's queries behind the pages are measured too, so a slow page can be told
//! apart from a slow query. PostgreSQL is measured as well when `SAMVERK_BENCH_POSTGRES`
//! names a database (a fresh schema is made there and dropped afterwards).
//!
//! `cargo bench -p samverk-web --bench pages`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use axum::http::{Request, StatusCode};
use criterion::Criterion;
use http_body_util::BodyExt;
use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_store::engagement::{EngagementFilter, Sort};
use samverk_store::{Engine, Sql};
use samverk_testkit::TestApp;
use samverk_testkit::fixtures::{self, SEARCH_WORD, Size};
use tower::ServiceExt;

/// One page to measure: a name, its address, and the store filter behind it (`None` for the
/// engagement page).
struct Case {
    name: &'static str,
    path: String,
    filter: Option<EngagementFilter>,
}

struct Fixture {
    app: TestApp,
    engagement: i64,
    cases: Vec<Case>,
}

async fn fixture(app: TestApp) -> Fixture {
    let size = Size::issue_3();
    let started = Instant::now();
    let generated = fixtures::generate(&app.store, &size).await.expect("generate the data set");
    eprintln!(
        "{:?}: generated {} engagements, {} organisations, {} participations in {:.1} s",
        app.engine(),
        size.engagements,
        size.organisations,
        size.participations,
        started.elapsed().as_secs_f64()
    );
    if app.engine() == Engine::Postgres {
        // On a live server autovacuum vacuums and analyses freshly loaded tables within a
        // minute (statistics for the planner, the visibility map for index-only scans); do it
        // now so the pages are measured as production would serve them. SQLite has no such
        // daemon, so it is measured as a production file would be: without statistics.
        let mut handle = app.store.handle().await.expect("connection");
        handle.conn().execute_unprepared("VACUUM ANALYZE").await.expect("vacuum and analyse");
    }
    let engagement = generated.engagement_with(10, 3).expect("an engagement with 10 participants and 3 contributions").id;
    let (organisation, shares) = generated.busiest_organisation();
    eprintln!("organisation {organisation} takes part in {shares} engagements");
    let goal = generated.main_goals[0];
    let list = |page| EngagementFilter { page, per_page: 50, ..Default::default() };
    let cases = vec![
        Case { name: "list", path: "/engagements?page=1".into(), filter: Some(list(1)) },
        Case {
            name: "list_kind_status",
            path: "/engagements?kind=network&status=active".into(),
            filter: Some(EngagementFilter { kind: Some(EngagementKind::Network), status: Some(EngagementStatus::Active), ..list(1) }),
        },
        Case {
            name: "list_search",
            path: format!("/engagements?q={SEARCH_WORD}"),
            filter: Some(EngagementFilter { q: Some(SEARCH_WORD.into()), ..list(1) }),
        },
        Case {
            name: "list_organisation",
            path: format!("/engagements?organisation_id={organisation}"),
            filter: Some(EngagementFilter { organisation_id: Some(organisation), ..list(1) }),
        },
        Case {
            name: "list_goal",
            path: format!("/engagements?goal_id={goal}"),
            filter: Some(EngagementFilter { goal_id: Some(goal), ..list(1) }),
        },
        Case {
            name: "list_year_by_start",
            path: "/engagements?year=2020&sort=start".into(),
            filter: Some(EngagementFilter { year: Some(2020), sort: Sort::Start, ..list(1) }),
        },
        Case { name: "list_page_100", path: "/engagements?page=100".into(), filter: Some(list(100)) },
        Case { name: "engagement", path: format!("/engagements/{engagement}"), filter: None },
    ];
    Fixture { app, engagement, cases }
}

/// Requests a page through the router and reads the whole body; returns its status and size.
async fn render(app: &TestApp, path: &str) -> (StatusCode, usize) {
    // Signed in as the testkit's administrator, as a user of these pages is.
    let request = app.authorise(Request::builder().uri(path), path, None, Vec::new()).expect("request");
    let response = app.router.clone().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (status, body.len())
}

fn bench_engine(c: &mut Criterion, rt: &tokio::runtime::Runtime, engine: &str, fixture: &Fixture) {
    let app = &fixture.app;
    let mut pages = c.benchmark_group(format!("{engine}/page"));
    for case in &fixture.cases {
        let (status, bytes) = rt.block_on(render(app, &case.path));
        assert_eq!(status, StatusCode::OK, "{}", case.path);
        eprintln!("{engine} {}: {bytes} bytes", case.path);
        pages.bench_function(case.name, |b| b.iter(|| rt.block_on(render(app, black_box(&case.path)))));
    }
    pages.finish();

    let mut queries = c.benchmark_group(format!("{engine}/store"));
    for case in &fixture.cases {
        match &case.filter {
            Some(filter) => queries.bench_function(case.name, |b| {
                b.iter(|| rt.block_on(app.store.engagements(black_box(filter))).expect("list"));
            }),
            None => queries.bench_function(case.name, |b| {
                b.iter(|| rt.block_on(app.store.engagement_page(black_box(fixture.engagement))).expect("page"));
            }),
        };
    }
    queries.finish();
}

/// Drops the benchmark's PostgreSQL schema: 130,000 rows should not outlive the run.
async fn drop_schema(app: &TestApp) {
    let mut handle = app.store.handle().await.expect("connection");
    let schema: String = handle.conn().scalar(&Sql::new("SELECT current_schema()::text")).await.expect("schema");
    // The testkit names schemas from digits and underscores only; refuse anything else.
    if schema.starts_with("t_") && schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        handle.conn().execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE")).await.expect("drop the schema");
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    // Modest settings: 16 benchmarks per engine in a few minutes on 2 cores.
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    let sqlite = rt.block_on(async { fixture(TestApp::sqlite().await).await });
    bench_engine(&mut c, &rt, "sqlite", &sqlite);
    drop(sqlite);

    if let Ok(url) = std::env::var("SAMVERK_BENCH_POSTGRES")
        && !url.is_empty()
    {
        let postgres = rt.block_on(async { fixture(TestApp::postgres(&url).await).await });
        bench_engine(&mut c, &rt, "postgres", &postgres);
        rt.block_on(drop_schema(&postgres.app));
    }
    c.final_summary();
}
