//! Test support: a [`TestApp`] on a fresh database of either engine, requests in-process, and
//! builders that create records through the store (never SQL in tests).
//!
//! The engine comes from the environment so the same test bodies run on both: with
//! `SAMVERK_TEST_POSTGRES` set to a PostgreSQL URL every app gets its own schema there;
//! without it, its own SQLite file in a temporary folder.

#![expect(clippy::expect_used, reason = "test support: a failed set-up must stop the test with its cause")]

mod auth;
mod builders;
pub mod editors;
pub mod euproj;
pub mod fixtures;
pub mod followup;
mod http;
mod news;

use std::sync::atomic::{AtomicU64, Ordering};

use samverk_store::{Engine, Store};

pub use auth::{Credentials, sign_in};
pub use builders::*;
pub use http::TestResponse;
pub use news::{CallBuilder, NewsBuilder};
pub use samverk_domain::access::AccessRole;

/// A samverk application on its own empty, migrated database with the SDG reference loaded.
pub struct TestApp {
    pub store: Store,
    pub router: axum::Router,
    /// The database URL, for driving the CLI against the same database.
    pub url: String,
    /// Who the requests act as (see [`auth`]): an administrator unless a constructor says otherwise.
    pub auth: Credentials,
    _dir: Option<std::sync::Arc<tempfile::TempDir>>,
}

static NEXT: AtomicU64 = AtomicU64::new(0);

impl TestApp {
    /// A fresh app on the engine the environment names.
    ///
    /// # Panics
    /// When the database cannot be prepared: a test cannot run without it.
    pub async fn new() -> Self {
        match std::env::var("SAMVERK_TEST_POSTGRES") {
            Ok(base) if !base.is_empty() => Self::postgres(&base).await,
            _ => Self::sqlite().await,
        }
    }

    /// A fresh app on its own SQLite file in a temporary folder, whatever the environment says.
    ///
    /// # Panics
    /// When the database cannot be prepared.
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("samverk.db").display());
        Self::open(url, Some(dir)).await
    }

    /// A fresh app on a schema of its own in the PostgreSQL database at `base`.
    ///
    /// # Panics
    /// When the database cannot be prepared.
    pub async fn postgres(base: &str) -> Self {
        Self::open(postgres_schema(base).await, None).await
    }

    async fn open(url: String, dir: Option<tempfile::TempDir>) -> Self {
        let store = Store::open(&url).await.expect("open and migrate the test database");
        samverk_import::sdg::ensure_loaded(&store).await.expect("load the SDG reference");
        let router = samverk_web::app(store.clone());
        let auth = sign_in(&store, AccessRole::Administrator, None).await;
        Self { store, router, url, auth, _dir: dir.map(std::sync::Arc::new) }
    }

    /// A fresh app with the demo data of the seeds loaded.
    ///
    /// # Panics
    /// When the demo data does not load.
    pub async fn with_demo() -> Self {
        let app = Self::new().await;
        samverk_import::demo::load(&app.store).await.expect("load the demo data");
        app
    }

    #[must_use]
    pub const fn engine(&self) -> Engine {
        self.store.engine()
    }
}

/// Creates a schema of its own for one test and returns a URL whose connections use it.
async fn postgres_schema(base: &str) -> String {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let schema = format!("t_{}_{n}_{nanos}", std::process::id());
    let admin = Store::connect(base).await.expect("connect to the test PostgreSQL");
    let mut handle = admin.handle().await.expect("connection");
    // The schema name is generated above from digits only; it is safe to splice.
    let create = format!("CREATE SCHEMA {schema}");
    handle.conn().execute_unprepared(&create).await.expect("create the test schema");
    // The pool waits for borrowed connections on close: give this one back first.
    drop(handle);
    admin.close().await;
    let separator = if base.contains('?') { '&' } else { '?' };
    format!("{base}{separator}options=-c%20search_path%3D{schema}")
}
