//! Issue 6, section 5: one person's data exported as JSON and as CSV in under 2 s, on a
//! realistic installation: the follow-up benchmark's plan (2,000 engagements with a mandate
//! each and 20,000 reports back), 2,000 representatives holding those mandates, 20,000
//! answers to 40 calls for input and 1,000 accounts. The person asked about holds a mandate
//! with its ten reports, sent five answers and has an account.
//!
//! Each export is requested through the real router (signed in as an administrator), with the
//! body read to the end; the export is logged each time, as in use. SQLite always; PostgreSQL
//! too when `SAMVERK_BENCH_POSTGRES` names a database.
//!
//! `cargo bench -p samverk-web --bench privacy`; docs/benchmarks.md holds the figures.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use std::time::{Duration, Instant};

use criterion::Criterion;
use samverk_store::{Engine, Sql, Store};
use samverk_testkit::TestApp;
use samverk_testkit::followup::{FollowupSize, generate_followup};

const PEOPLE: i64 = 2_000;
const CALLS: i64 = 40;
const ANSWERS: i64 = 20_000;
const ACCOUNTS: i64 = 1_000;
const CHUNK: i64 = 400;

async fn run(store: &Store, sql: Sql) {
    let mut tx = store.begin().await.expect("transaction");
    tx.conn().execute(&sql).await.expect("insert");
    tx.commit().await.expect("commit");
}

/// Inserts `count` rows of `head` in chunks, each row's values from `row(n)`.
async fn insert_rows(store: &Store, head: &'static str, count: i64, row: impl Fn(&mut Sql, i64)) {
    let mut n = 0;
    while n < count {
        let mut sql = Sql::new(head);
        for k in n..(n + CHUNK).min(count) {
            sql.push(if k == n { "(" } else { ", (" });
            row(&mut sql, k);
            sql.push(")");
        }
        run(store, sql).await;
        n += CHUNK;
    }
}

async fn generate(store: &Store) -> String {
    let generated = generate_followup(store, &FollowupSize::issue()).await.expect("the follow-up plan");
    let owner = generated.owner_id;
    insert_rows(store, "INSERT INTO people (owner_id, name, title, department, email) VALUES ", PEOPLE, |s, n| {
        s.bind(owner).push(", ").bind(format!("Person {n}")).push(", 'Adviser', 'Internasjonalt', ").bind(format!("person{n}@example.no"));
    })
    .await;
    run(store, Sql::new("UPDATE mandates SET person_id = (SELECT MIN(id) FROM people) + (id % ?) WHERE person_id IS NULL").arg(PEOPLE))
        .await;
    insert_rows(
        store,
        "INSERT INTO calls (owner_id, title, body, questions, opens_on, closes_on, time_zone, opens_at, closes_at, consent_text, consent_version, search_text) VALUES ",
        CALLS,
        |s, n| {
            s.bind(owner)
                .push(", ")
                .bind(format!("Call {n}"))
                // No question mark inside the literals: `Sql` numbers every `?` as a parameter.
                .push(", 'What should we do.', 'Which networks.', '2024-01-01', '2024-12-31', 'Europe/Oslo', 1704063600, 1735685999, 'I agree.', 'v1', ")
                .bind(format!("call {n}"));
        },
    )
    .await;
    insert_rows(
        store,
        "INSERT INTO call_submissions (call_id, reference, name, email, organisation, answer, consent_version, consent_text, submitted_at, client_key) VALUES ",
        ANSWERS,
        |s, n| {
            let person = n % (PEOPLE * 2);
            s.push("(SELECT MIN(id) FROM calls) + ")
                .bind(n % CALLS)
                .push(", ")
                .bind(format!("INN-2024-{n:05}"))
                .push(", ")
                .bind(format!("Person {person}"))
                .push(", ")
                .bind(format!("person{person}@example.no"))
                .push(", 'Fjordbyen idrettslag', 'More cycling networks, please; and safer crossings near the schools.', 'v1', 'I agree.', 1717200000, ")
                .bind(format!("key-{n}"));
        },
    )
    .await;
    insert_rows(
        store,
        "INSERT INTO accounts (username, display_name, password_hash, created_at, password_changed_at) VALUES ",
        ACCOUNTS,
        |s, n| {
            s.bind(format!("user{n}")).push(", ").bind(format!("Person {n}")).push(", '!', 1700000000, 1700000000");
        },
    )
    .await;
    "Person 7".to_owned()
}

async fn export(app: &TestApp, path: &str) -> usize {
    let response = app.get(path).await;
    assert_eq!(response.status, 200, "{path}");
    response.body.len()
}

fn bench_engine(c: &mut Criterion, runtime: &tokio::runtime::Runtime, app: &TestApp) {
    let started = Instant::now();
    let subject = runtime.block_on(generate(&app.store));
    eprintln!("{:?}: generated the installation in {:.1} s", app.engine(), started.elapsed().as_secs_f64());
    if app.engine() == Engine::Postgres {
        runtime.block_on(async {
            let mut handle = app.store.handle().await.expect("connection");
            handle.conn().execute_unprepared("VACUUM ANALYZE").await.expect("vacuum and analyse");
        });
    }
    let engine = format!("{:?}", app.engine()).to_lowercase();
    let q = subject.replace(' ', "%20");
    let mut group = c.benchmark_group(format!("privacy_{engine}"));
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, path) in [
        ("export_json", format!("/admin/privacy/person/export.json?q={q}")),
        ("export_csv", format!("/admin/privacy/person/export.csv?q={q}")),
    ] {
        let bytes = runtime.block_on(export(app, &path));
        eprintln!("{name}: {bytes} bytes");
        group.bench_function(name, |b| b.iter(|| runtime.block_on(export(app, &path))));
    }
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
