//! Integration tests of the web layer; folders mirror the URLs. Every test runs on SQLite, or
//! on PostgreSQL when `SAMVERK_TEST_POSTGRES` is set (the README's test command runs both).

mod api;
mod catalogue;
mod check;
mod decisions;
mod demo;
mod engagements;
mod health;
mod organisations;
mod perf;
mod plans;
mod public;
