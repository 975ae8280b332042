//! What can go wrong in the store, in terms the web layer and CLI can explain.

use samverk_domain::ValidationErrors;

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input broke a rule; nothing was written.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// The record does not exist.
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: i64 },
    /// The record is still referenced and cannot be deleted.
    #[error("{entity} {id} is still in use by {used_by}")]
    InUse { entity: &'static str, id: i64, used_by: &'static str },
    /// The database URL is not one samverk understands.
    #[error("unsupported database URL (expected sqlite://… or postgres://…): {0}")]
    UnsupportedUrl(String),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The record belongs to an authority outside the request's scope ([`crate::scope`]):
    /// nothing was written.
    #[error("the record belongs to another authority ({0})")]
    OutOfScope(String),
    /// The record changed since the version the writer had read: nothing was written.
    #[error("{entity} {id} changed since version {expected} was read")]
    Stale { entity: &'static str, id: i64, expected: i64 },
    /// Randomness or password hashing failed.
    #[error("cryptography failed: {0}")]
    Crypto(String),
    /// Producing something derived from the records (an export, the search index) failed.
    #[error("{0}")]
    Derived(String),
}

impl From<sqlx::Error> for StoreError {
    /// A write refused by the scope triggers becomes [`StoreError::OutOfScope`].
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && let Some(table) = db.message().strip_prefix("samverk_scope ")
        {
            return Self::OutOfScope(table.to_owned());
        }
        Self::Database(error)
    }
}

impl StoreError {
    /// `NotFound` when a write changed no row: the record does not exist.
    pub(crate) fn changed(entity: &'static str, id: i64, rows: u64) -> Result<(), Self> {
        if rows == 0 { Err(Self::NotFound { entity, id }) } else { Ok(()) }
    }

    /// Maps a failed lookup of `entity` to `NotFound`.
    pub(crate) fn not_found(entity: &'static str, id: i64) -> impl FnOnce() -> Self {
        move || Self::NotFound { entity, id }
    }
}
