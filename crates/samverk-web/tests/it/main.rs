//! Integration tests of the web layer; folders mirror the URLs. Every test runs on SQLite, or
//! on PostgreSQL when `SAMVERK_TEST_POSTGRES` is set (the README's test command runs both).

mod api;
mod calls;
mod catalogue;
mod check;
mod decisions;
mod demo;
mod engagements;
mod eu;
mod followup;
mod health;
mod history;
mod imports;
mod news;
mod organisations;
mod perf;
mod plans;
mod privacy;
mod public;
mod referrals;
mod report;
mod search;
mod trust;
