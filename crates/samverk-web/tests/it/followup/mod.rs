//! Tests for the follow-up pages: /people, /mandates, /indicators, /plans/{id}/followup and
//! /plans/{id}/heatmap, the follow-up demo data, and the store's `plan_summary`.

#![expect(clippy::expect_used, reason = "test helpers: a failed set-up must stop the test with its cause")]

mod api;
mod demo;
mod indicators;
mod mandates;
mod perf;
mod plan;

use samverk_domain::plan::PlanDraft;
use samverk_store::Sql;
use samverk_testkit::{OrganisationBuilder, TestApp};
use time::{Date, Duration};

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

fn iso(date: Date) -> String {
    samverk_domain::input::format_date(date)
}

fn days_ago(days: i64) -> Date {
    today() - Duration::days(days)
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    let mut h = app.store.handle().await.expect("connection");
    h.conn().scalar::<i64>(&Sql::new(sql)).await.expect("count")
}

async fn authority(app: &TestApp) -> i64 {
    OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await
}

/// An adopted plan with a period of 2020–2035.
async fn plan(app: &TestApp, owner: i64, title: &str) -> i64 {
    let draft = PlanDraft {
        owner_id: Some(owner),
        title: title.into(),
        kind: "plan".into(),
        status: "adopted".into(),
        period_start: "2020-01-01".into(),
        period_end: "2035-12-31".into(),
        ..PlanDraft::default()
    };
    app.store.create_plan(&draft).await.expect("plan")
}
