//! Integration tests of the web layer; folders mirror the URLs. Every test runs on SQLite, or
//! on PostgreSQL when `SAMVERK_TEST_POSTGRES` is set (the README's test command runs both).

mod api;
mod calls;
mod catalogue;
mod check;
mod decisions;
mod demo;
mod engagements;
mod followup;
mod eu;
mod health;
mod news;
mod imports;
mod organisations;
mod perf;
mod plans;
mod trust;
mod referrals;
mod search;
mod report;
mod public;
