//! The one execution path for both engines: portable SQL with `?` placeholders, bound values,
//! and a connection that is either SQLite or PostgreSQL.
//!
//! Queries are written once. The only engine difference handled here is the placeholder
//! syntax (`?` for SQLite, `$1…` for PostgreSQL); every other difference lives in the
//! migrations. Every statement passes through [`Conn`], which counts it, so tests can prove a
//! page's query count does not grow with the rows it shows.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sea_query::Value;
use sea_query_sqlx::SqlxValues;
use sqlx::postgres::{PgConnection, PgRow};
use sqlx::sqlite::{SqliteConnection, SqliteRow};
use sqlx::{AssertSqlSafe, FromRow};

/// A statement under construction: SQL text with `?` placeholders and its bound values.
#[derive(Debug, Clone, Default)]
pub struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    /// Starts a statement from a static SQL fragment.
    #[must_use]
    pub fn new(text: &'static str) -> Self {
        Self { text: text.to_owned(), values: Vec::new() }
    }

    /// A statement generated from the database's own catalogue (table and column names checked to
    /// be plain identifiers by the caller), never from input: the audit trail's restore.
    #[must_use]
    pub(crate) const fn generated(text: String) -> Self {
        Self { text, values: Vec::new() }
    }

    /// Appends a static SQL fragment. Only `&'static str` is accepted so user text can never
    /// become SQL: it must go through [`Sql::bind`].
    pub fn push(&mut self, text: &'static str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends another statement's text and values.
    pub fn push_sql(&mut self, other: &Self) -> &mut Self {
        self.text.push_str(&other.text);
        self.values.extend(other.values.iter().cloned());
        self
    }

    /// Appends a `?` placeholder bound to `value`.
    pub fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.text.push('?');
        self.values.push(value.into());
        self
    }

    /// Binds a value to the next `?` already written in the text.
    #[must_use]
    pub fn arg(mut self, value: impl Into<Value>) -> Self {
        self.values.push(value.into());
        self
    }

    /// Appends `?, ?, …` bound to each value (for `IN (…)`); `NULL` when empty so the SQL
    /// stays valid and matches nothing.
    pub fn bind_list<T: Into<Value>>(&mut self, values: impl IntoIterator<Item = T>) -> &mut Self {
        let mut first = true;
        for value in values {
            if !first {
                self.text.push_str(", ");
            }
            first = false;
            self.bind(value);
        }
        if first {
            self.text.push_str("NULL");
        }
        self
    }

    /// The SQL text as written, with `?` placeholders (for tests and messages).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    fn render(&self, engine: Engine) -> String {
        match engine {
            Engine::Sqlite => self.text.clone(),
            Engine::Postgres => {
                let mut out = String::with_capacity(self.text.len() + 8);
                let mut n = 0;
                for c in self.text.chars() {
                    if c == '?' {
                        n += 1;
                        out.push('$');
                        out.push_str(&n.to_string());
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }

    fn parts(&self, engine: Engine) -> (AssertSqlSafe<String>, SqlxValues) {
        // The text holds only static fragments and placeholders (see `push`), never user input.
        (AssertSqlSafe(self.render(engine)), SqlxValues(sea_query::Values(self.values.clone())))
    }

    /// As [`Sql::parts`], handing the values over instead of copying them (bulk writes bind
    /// thousands per statement).
    fn into_parts(self, engine: Engine) -> (AssertSqlSafe<String>, SqlxValues) {
        let text = match engine {
            Engine::Sqlite => self.text,
            Engine::Postgres => self.render(engine),
        };
        (AssertSqlSafe(text), SqlxValues(sea_query::Values(self.values)))
    }
}

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A row type that decodes from both engines.
pub trait Row: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}
impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A scalar type that decodes from both engines.
pub trait Scalar:
    for<'r> sqlx::Decode<'r, sqlx::Sqlite>
    + sqlx::Type<sqlx::Sqlite>
    + for<'r> sqlx::Decode<'r, sqlx::Postgres>
    + sqlx::Type<sqlx::Postgres>
    + Send
    + Unpin
{
}
impl<T> Scalar for T where
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>
        + for<'r> sqlx::Decode<'r, sqlx::Postgres>
        + sqlx::Type<sqlx::Postgres>
        + Send
        + Unpin
{
}

/// Counts statements sent to the database.
#[derive(Debug, Clone, Default)]
pub struct QueryCounter(Arc<AtomicU64>);

impl QueryCounter {
    #[must_use]
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn tick(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// A borrowed connection of either engine, from a pool or inside a transaction.
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection, &'c QueryCounter),
    Postgres(&'c mut PgConnection, &'c QueryCounter),
}

impl Conn<'_> {
    /// The SQLite connection itself (for [`crate::bulk`]), counted as one query.
    pub(crate) fn sqlite(&mut self) -> Option<&mut SqliteConnection> {
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                Some(&mut **c)
            }
            Self::Postgres(..) => None,
        }
    }

    #[must_use]
    pub const fn engine(&self) -> Engine {
        match self {
            Self::Sqlite(..) => Engine::Sqlite,
            Self::Postgres(..) => Engine::Postgres,
        }
    }

    /// All rows of a query.
    ///
    /// # Errors
    /// The database error.
    pub async fn all<T: Row>(&mut self, sql: &Sql) -> Result<Vec<T>, sqlx::Error> {
        let (text, values) = sql.parts(self.engine());
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                sqlx::query_as_with(text, values).fetch_all(&mut **c).await
            }
            Self::Postgres(c, n) => {
                n.tick();
                sqlx::query_as_with(text, values).fetch_all(&mut **c).await
            }
        }
    }

    /// The first row of a query, if any.
    ///
    /// # Errors
    /// The database error.
    pub async fn optional<T: Row>(&mut self, sql: &Sql) -> Result<Option<T>, sqlx::Error> {
        let (text, values) = sql.parts(self.engine());
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                sqlx::query_as_with(text, values).fetch_optional(&mut **c).await
            }
            Self::Postgres(c, n) => {
                n.tick();
                sqlx::query_as_with(text, values).fetch_optional(&mut **c).await
            }
        }
    }

    /// All values of a one-column query.
    ///
    /// # Errors
    /// The database error.
    pub async fn scalars<T: Scalar>(&mut self, sql: &Sql) -> Result<Vec<T>, sqlx::Error> {
        self.scalars_owned(sql.clone()).await
    }

    /// [`Conn::scalars`] of a statement that is not needed afterwards (its values are moved, not
    /// copied).
    ///
    /// # Errors
    /// The database error.
    pub async fn scalars_owned<T: Scalar>(&mut self, sql: Sql) -> Result<Vec<T>, sqlx::Error> {
        let (text, values) = sql.into_parts(self.engine());
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                sqlx::query_scalar_with(text, values).fetch_all(&mut **c).await
            }
            Self::Postgres(c, n) => {
                n.tick();
                sqlx::query_scalar_with(text, values).fetch_all(&mut **c).await
            }
        }
    }

    /// The single value of a one-row, one-column query (`COUNT(*)`, `RETURNING id`).
    ///
    /// # Errors
    /// The database error, or `RowNotFound`.
    pub async fn scalar<T: Scalar>(&mut self, sql: &Sql) -> Result<T, sqlx::Error> {
        self.scalars(sql).await?.into_iter().next().ok_or(sqlx::Error::RowNotFound)
    }

    /// Runs a statement and returns the number of rows it changed.
    ///
    /// # Errors
    /// The database error.
    pub async fn execute(&mut self, sql: &Sql) -> Result<u64, sqlx::Error> {
        self.execute_owned(sql.clone()).await
    }

    /// [`Conn::execute`] of a statement that is not needed afterwards (its values are moved, not
    /// copied).
    ///
    /// # Errors
    /// The database error.
    pub async fn execute_owned(&mut self, sql: Sql) -> Result<u64, sqlx::Error> {
        let (text, values) = sql.into_parts(self.engine());
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                Ok(sqlx::query_with(text, values).execute(&mut **c).await?.rows_affected())
            }
            Self::Postgres(c, n) => {
                n.tick();
                Ok(sqlx::query_with(text, values).execute(&mut **c).await?.rows_affected())
            }
        }
    }

    /// Runs trusted, generated SQL without parameters (schema set-up in tests and tools).
    ///
    /// # Errors
    /// The database error.
    pub async fn execute_unprepared(&mut self, sql: &str) -> Result<(), sqlx::Error> {
        let text = AssertSqlSafe(sql.to_owned());
        match self {
            Self::Sqlite(c, n) => {
                n.tick();
                sqlx::raw_sql(text).execute(&mut **c).await?;
            }
            Self::Postgres(c, n) => {
                n.tick();
                sqlx::raw_sql(text).execute(&mut **c).await?;
            }
        }
        Ok(())
    }

    /// Runs an `INSERT … RETURNING id` and returns the new id.
    ///
    /// # Errors
    /// The database error.
    pub async fn insert(&mut self, sql: &Sql) -> Result<i64, sqlx::Error> {
        self.scalar(sql).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres() {
        let mut sql = Sql::new("SELECT * FROM t WHERE a = ");
        sql.bind(1_i64).push(" AND b IN (").bind_list(["x", "y"]).push(")");
        assert_eq!(sql.render(Engine::Postgres), "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
        assert_eq!(sql.render(Engine::Sqlite), "SELECT * FROM t WHERE a = ? AND b IN (?, ?)");
    }
}
