//! Issue 6, "no lost edit", long form: many editors read-change-write one decision at once over
//! the API (GET, then PUT with the `ETag` read in `If-Match`), through the real router, on a
//! multi-threaded runtime. Reports per engine: the wall time, acknowledged writes, correct 412
//! refusals, other answers (server errors) and lost updates (acknowledged writes missing from
//! the record's line of versions, or a final state that is not the last acknowledged write).
//! The test suite runs the 50 × 20; this runs `EDITORS` × `ROUNDS` (default 50 × 200).
//! SQLite always; PostgreSQL too when `SAMVERK_BENCH_POSTGRES` names a database.
//!
//! `cargo bench -p samverk-web --bench editors`; docs/benchmarks.md holds the figures. It exits
//! with an error when an update was lost or the server failed.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set itself up must stop with the cause")]

use axum::http::Method;
use samverk_testkit::TestApp;
use samverk_testkit::editors::edit_concurrently;
use serde_json::{Value, json};

fn draft(read: &Value, title: &str) -> Value {
    json!({"owner_id": read["owner_id"], "body": read["body"], "date": read["date"], "title": title})
}

fn count(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn one_engine(name: &str, app: TestApp, editors: usize, rounds: usize) -> bool {
    let owner = app.post_form("/organisations", &[("name", "Agder fylkeskommune"), ("kind", "county"), ("country", "NO")]).await;
    let owner = owner.location().and_then(|l| l.rsplit('/').next()).and_then(|id| id.parse::<i64>().ok()).expect("owner id");
    let body = json!({"owner_id": owner, "body": "Fylkestinget", "date": "2024-06-18", "title": "Første"});
    let made = app.send_json(Method::POST, "/api/v1/decisions", &body).await;
    let path = format!("/api/v1/decisions/{}", made.json()["id"]);
    let outcome = edit_concurrently(&app, &path, editors, rounds, draft).await;
    let final_state = app.get(&path).await.json();
    let lost = outcome.lost_updates(&final_state);
    let seconds = outcome.elapsed.as_secs_f64();
    let writes = editors * rounds;
    #[expect(clippy::cast_precision_loss, reason = "a rate for people to read")]
    let rate = writes as f64 / seconds;
    println!(
        "{name}: {editors} editors × {rounds} rounds in {seconds:.1} s ({rate:.0} writes/s): {} acknowledged, {} refused as stale (412), \
         {} other answers, {lost} lost updates; final version {}",
        outcome.acknowledged.len(),
        outcome.refused,
        outcome.errors.len(),
        final_state["version"]
    );
    for error in outcome.errors.iter().take(5) {
        println!("  {error}");
    }
    lost == 0 && outcome.errors.is_empty()
}

fn main() {
    let editors = count("EDITORS", 50);
    let rounds = count("ROUNDS", 200);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(4).enable_all().build().expect("runtime");
    let mut sound = runtime.block_on(async { one_engine("SQLite", TestApp::sqlite().await, editors, rounds).await });
    if let Ok(base) = std::env::var("SAMVERK_BENCH_POSTGRES")
        && !base.is_empty()
    {
        sound &= runtime.block_on(async { one_engine("PostgreSQL", TestApp::postgres(&base).await, editors, rounds).await });
    }
    if !sound {
        std::process::exit(1);
    }
}
