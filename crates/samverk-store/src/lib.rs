//! samverk's storage: migrations, portable queries and transactions for SQLite and PostgreSQL.
//!
//! Every write loads what validation needs into [`samverk_domain::refs::References`], lets
//! the domain decide, and writes inside one transaction: a failed write leaves nothing behind.

pub mod account;
pub mod audit;
pub mod audit_batch;
mod bulk;
pub mod call;
pub mod check;
pub mod db;
pub mod decision;
pub mod discovery;
pub mod engagement;
pub mod error;
pub mod eu;
pub mod followup;
pub mod import;
pub mod indicator;
pub mod lookup;
pub mod mandate;
pub mod migrations;
pub mod news;
pub mod organisation;
pub mod plan;
pub mod privacy;
pub mod public;
pub mod referral;
mod refs;
pub mod registry;
pub mod report;
pub mod scope;
pub mod sdg;
pub mod search_source;
mod store;
pub mod texts;
pub mod totp;

pub use db::{Conn, Engine, QueryCounter, Sql};
pub use error::StoreError;
pub use store::{Store, Tx, redact};

/// A page of results and the total number of matching rows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    /// The number of pages (at least 1).
    #[must_use]
    pub fn pages(&self) -> u32 {
        let per = i64::from(self.per_page.max(1));
        u32::try_from(((self.total + per - 1) / per).max(1)).unwrap_or(u32::MAX)
    }
}
