//! Issue 7, section 7: with 5,000 news articles, 2,000 engagements and 20,000 organisations, the
//! public portfolio page renders in under 20 ms median and a public search answers in under
//! 20 ms at the 99th percentile.
//!
//! The data set comes from `samverk_testkit::fixtures` (one authority owning every engagement)
//! plus 5,000 articles from word lists; everything is published. Each page is requested through
//! the real router as the anonymous public, with the body read to the end: the portfolio in
//! English and in Norwegian (the note-of-language path), two pages of the paged list of
//! engagements, and `/p/search` for four query shapes.
//! Criterion gives the medians; the search pages are also timed 300 times each for the 99th
//! percentile, which criterion does not report. PostgreSQL is measured as well when
//! `SAMVERK_BENCH_POSTGRES` names a database (a fresh schema, dropped afterwards).
//!
//! `cargo bench -p samverk-web --bench portfolio`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use criterion::Criterion;
use http_body_util::BodyExt;
use samverk_store::{Engine, Sql};
use samverk_testkit::fixtures::{self, Size};
use samverk_testkit::{NewsBuilder, TestApp};
use tower::ServiceExt;

const WORDS: &[&str] = &[
    "samarbeid",
    "partnerskap",
    "søknad",
    "søknader",
    "nettverk",
    "Lidköping",
    "Østlandssamarbeidet",
    "klima",
    "innovasjon",
    "forskning",
    "Interreg",
    "vänort",
    "omstilling",
    "kyst",
    "hydrogen",
    "ungdom",
    "kultur",
    "næringsliv",
];

/// Search shapes of the public page: one word, a stem, a prefix as typed, words with facets.
const SEARCHES: &[(&str, &str)] = &[
    ("one_word", "/p/search?q=samarbeid"),
    ("stemmed", "/p/search?q=s%C3%B8knader"),
    ("prefix", "/p/search?q=s%C3%B8"),
    ("words_facets", "/p/search?q=klima+nettverk&entity=news&year=2024"),
];

fn text(seed: usize, words: usize) -> String {
    (0..words).map(|k| WORDS[(seed * 7 + k * 13) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

async fn fixture(app: TestApp) -> (TestApp, String) {
    let started = Instant::now();
    let size = Size { engagements: 2_000, organisations: 20_000, participations: 20_000, authorities: 1, goals: 30 };
    fixtures::generate(&app.store, &size).await.expect("generate the data set");
    let mut tx = app.store.begin().await.expect("transaction");
    samverk_store::public::publish_all(&mut tx.conn()).await.expect("publish");
    tx.commit().await.expect("commit");
    let authority = app.store.public_authorities().await.expect("authorities").into_iter().next().expect("an authority");
    assert_eq!(authority.engagements, 2_000, "every engagement is published");
    for n in 0..5_000 {
        NewsBuilder::new(authority.id, &text(n, 6)).body(&text(n + 3, 120)).insert(&app.store).await;
    }
    if app.engine() == Engine::Postgres {
        // As autovacuum would within a minute of a bulk load (see benches/pages.rs).
        let mut handle = app.store.handle().await.expect("connection");
        handle.conn().execute_unprepared("VACUUM ANALYZE").await.expect("vacuum and analyse");
    }
    eprintln!("{:?}: data set written in {:.1} s", app.engine(), started.elapsed().as_secs_f64());
    let path = format!("/p/{}", samverk_web::pages::public::slug(&authority.name));
    (app.view_anonymous(), path)
}

async fn get(app: &TestApp, path: &str, lang: &str) -> usize {
    let request = Request::builder().uri(path).header(header::COOKIE, format!("samverk_lang={lang}")).body(Body::empty()).expect("request");
    let response = app.router.clone().oneshot(request).await.expect("router");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.into_body().collect().await.expect("body").to_bytes().len()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = (sorted.len() as f64 * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn bench_engine(c: &mut Criterion, rt: &tokio::runtime::Runtime, engine: &str, app: &TestApp, path: &str) {
    // The first search builds the index from the store (derived data, as at a server's start).
    let started = Instant::now();
    rt.block_on(get(app, SEARCHES[0].1, "en"));
    eprintln!("{engine}: search index built in {:.1} s", started.elapsed().as_secs_f64());
    eprintln!("{engine}: portfolio page {} bytes", rt.block_on(get(app, path, "en")));
    for lang in ["en", "nb"] {
        c.bench_function(&format!("{engine}/portfolio_2000_{lang}"), |b| b.iter(|| black_box(rt.block_on(get(app, path, lang)))));
    }
    // The paged list behind the summary: a deep page, and a kind with a status.
    for (name, query) in [("list_page_50", "/engagements?page=50"), ("list_kind_status", "/engagements?kind=network&status=active")] {
        let list = format!("{path}{query}");
        eprintln!("{engine}: {list} {} bytes", rt.block_on(get(app, &list, "en")));
        c.bench_function(&format!("{engine}/{name}"), |b| b.iter(|| black_box(rt.block_on(get(app, &list, "en")))));
    }
    // The store call behind the portfolio page (the rest of the page is the view and template).
    let owner = rt.block_on(app.store.public_authorities()).expect("authorities").first().expect("an authority").id;
    c.bench_function(&format!("{engine}/store_portfolio_summary"), |b| {
        b.iter(|| black_box(rt.block_on(app.store.portfolio_summary(owner, "en", 5, 3)).expect("summary")))
    });
    // The query every public page starts with (which authority the address names).
    c.bench_function(&format!("{engine}/store_public_authorities"), |b| {
        b.iter(|| black_box(rt.block_on(app.store.public_authorities()).expect("authorities")))
    });
    let mut all = Vec::new();
    for (name, search) in SEARCHES {
        c.bench_function(&format!("{engine}/public_search_{name}"), |b| b.iter(|| black_box(rt.block_on(get(app, search, "en")))));
        let mut times: Vec<Duration> = (0..300)
            .map(|_| {
                let t = Instant::now();
                rt.block_on(get(app, search, "en"));
                t.elapsed()
            })
            .collect();
        times.sort();
        eprintln!("{engine} {search}: p50 {:.2} ms, p99 {:.2} ms", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99)));
        all.extend(times);
    }
    all.sort();
    eprintln!("{engine} public search, all shapes: p50 {:.2} ms, p99 {:.2} ms", ms(percentile(&all, 0.5)), ms(percentile(&all, 0.99)));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Drops the benchmark's PostgreSQL schema (the testkit names it `t_…`).
async fn drop_schema(app: &TestApp) {
    let mut handle = app.store.handle().await.expect("connection");
    let schema: String = handle.conn().scalar(&Sql::new("SELECT current_schema()::text")).await.expect("schema");
    if schema.starts_with("t_") && schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        handle.conn().execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE")).await.expect("drop the schema");
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let (app, path) = rt.block_on(async { fixture(TestApp::sqlite().await).await });
    bench_engine(&mut c, &rt, "sqlite", &app, &path);
    drop(app);
    if let Ok(url) = std::env::var("SAMVERK_BENCH_POSTGRES")
        && !url.is_empty()
    {
        let (app, path) = rt.block_on(async { fixture(TestApp::postgres(&url).await).await });
        bench_engine(&mut c, &rt, "postgres", &app, &path);
        rt.block_on(drop_schema(&app));
    }
    c.final_summary();
}
