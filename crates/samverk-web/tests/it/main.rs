//! Integration tests of the web layer; folders mirror the URLs. Every test runs on SQLite, or
//! on PostgreSQL when `SAMVERK_TEST_POSTGRES` is set (the README's test command runs both).

mod demo;
mod health;
