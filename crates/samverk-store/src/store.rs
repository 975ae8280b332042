//! Connecting, migrating, and handing out connections and transactions of either engine.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Postgres, Sqlite, Transaction};

use crate::audit::Actor;
use crate::db::{Conn, Engine, QueryCounter};
use crate::error::StoreError;

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The storage of one samverk installation. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
    counter: QueryCounter,
    /// Who this store's transactions are attributed to when the running task names nobody.
    actor: Option<Arc<Actor>>,
    /// The owned tables of the schema ([`crate::scope`]), read once.
    pub(crate) ownership: Arc<std::sync::RwLock<Option<Arc<crate::scope::Ownership>>>>,
    /// The tables of records' parts and their records' tables ([`crate::audit`]), read once.
    pub(crate) audit_parts: Arc<std::sync::RwLock<Option<Arc<crate::audit::Parts>>>>,
}

/// A pooled connection for reads.
pub enum Handle {
    Sqlite(PoolConnection<Sqlite>, QueryCounter),
    Postgres(PoolConnection<Postgres>, QueryCounter),
}

impl Handle {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Self::Sqlite(c, n) => Conn::Sqlite(c, n),
            Self::Postgres(c, n) => Conn::Postgres(c, n),
        }
    }
}

/// A transaction: everything written through it lands together at [`Tx::commit`] or not at all.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>, QueryCounter),
    Postgres(Transaction<'static, Postgres>, QueryCounter),
}

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Self::Sqlite(t, n) => Conn::Sqlite(t, n),
            Self::Postgres(t, n) => Conn::Postgres(t, n),
        }
    }

    /// # Errors
    /// The database error; the transaction is then rolled back.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        crate::audit::release(&mut self.conn()).await?;
        match self {
            Self::Sqlite(t, _) => t.commit().await?,
            Self::Postgres(t, _) => t.commit().await?,
        }
        Ok(())
    }
}

impl Store {
    /// Connects to `sqlite://path` (created when missing) or `postgres://…`.
    ///
    /// # Errors
    /// An unsupported URL or a connection failure.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let max = if url.contains(":memory:") { 1 } else { 8 };
            Pool::Sqlite(SqlitePoolOptions::new().max_connections(max).connect_with(options).await?)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // No JIT: samverk's queries are short, and a plan costed above `jit_above_cost`
            // (correlated counts over a large table) spent far longer compiling than running
            // (docs/benchmarks.md, issue 7). The compiled code is not kept between executions.
            let options = PgConnectOptions::from_str(url)?.options([("jit", "off")]);
            Pool::Postgres(PgPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(10)).connect_with(options).await?)
        } else {
            return Err(StoreError::UnsupportedUrl(redact(url)));
        };
        Ok(Self { pool, counter: QueryCounter::default(), actor: None, ownership: Arc::default(), audit_parts: Arc::default() })
    }

    /// Connects and brings the schema up to date.
    ///
    /// # Errors
    /// As [`Store::connect`] and [`Store::migrate`].
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies the migrations not yet applied (forward only).
    ///
    /// # Errors
    /// A migration that fails, or a database whose applied migrations differ from ours.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.pool {
            Pool::Sqlite(p) => crate::migrations::sqlite().run(p).await?,
            Pool::Postgres(p) => crate::migrations::postgres().run(p).await?,
        }
        crate::audit::install(self).await
    }

    #[must_use]
    pub const fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// The number of statements this store has sent so far.
    #[must_use]
    pub fn query_count(&self) -> u64 {
        self.counter.get()
    }

    /// A pooled connection for reads.
    ///
    /// # Errors
    /// The pool's error (e.g. a timeout).
    pub async fn handle(&self) -> Result<Handle, StoreError> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => Handle::Sqlite(p.acquire().await?, self.counter.clone()),
            Pool::Postgres(p) => Handle::Postgres(p.acquire().await?, self.counter.clone()),
        })
    }

    /// This store with its transactions attributed to `actor` in the audit trail, unless the
    /// running task names an actor of its own ([`crate::audit::acting`]).
    #[must_use]
    pub fn acting_as(&self, actor: Actor) -> Self {
        Self { actor: Some(Arc::new(actor)), ..self.clone() }
    }

    /// Starts a transaction, attributed in the audit trail to the acting [`Actor`]: the running
    /// task's, else this store's, else samverk itself.
    ///
    /// # Errors
    /// The database error.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let actor = crate::audit::current().or_else(|| self.actor.as_deref().cloned()).unwrap_or_else(|| Actor::system(""));
        let mut tx = self.begin_unattributed().await?;
        crate::audit::attribute(&mut tx.conn(), &actor).await?;
        Ok(tx)
    }

    /// Starts a transaction without naming anyone (installing the audit triggers).
    pub(crate) async fn begin_unattributed(&self) -> Result<Tx, StoreError> {
        Ok(match &self.pool {
            // IMMEDIATE takes the write lock at once (waiting up to busy_timeout); a deferred
            // transaction that upgrades later fails with SQLITE_BUSY without waiting.
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?, self.counter.clone()),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?, self.counter.clone()),
        })
    }

    /// Whether the database answers (for `/healthz`).
    ///
    /// # Errors
    /// The database error.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut handle = self.handle().await?;
        handle.conn().scalar::<i64>(&crate::Sql::new("SELECT CAST(1 AS BIGINT)")).await?;
        Ok(())
    }

    /// Closes the pool.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}

/// The URL with any password replaced, for messages and logs.
#[must_use]
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Runs `update` (an `UPDATE <table> SET version = version + 1, … WHERE id = ?`) only if the
/// record is still at `expected` (the version its writer read; `None`: any, for imports and the
/// CLI), and returns the new version. The check and the write are one statement, so two writers
/// from the same version cannot both succeed, on either engine.
///
/// # Errors
/// `Stale` when another write came first, `NotFound` when there is no such record.
pub(crate) async fn versioned_update(
    conn: &mut crate::Conn<'_>,
    entity: &'static str,
    table: &'static str,
    id: i64,
    mut update: crate::Sql,
    expected: Option<i64>,
) -> Result<i64, StoreError> {
    if let Some(expected) = expected {
        update.push(" AND version = ").bind(expected);
    }
    let mut current = crate::Sql::new("SELECT version FROM ");
    current.push(table).push(" WHERE id = ").bind(id);
    if conn.execute(&update).await? == 0 {
        let exists = conn.optional::<(i64,)>(&current).await?.is_some();
        return Err(match (exists, expected) {
            (true, Some(expected)) => StoreError::Stale { entity, id, expected },
            _ => StoreError::NotFound { entity, id },
        });
    }
    Ok(conn.scalar::<i64>(&current).await?)
}
