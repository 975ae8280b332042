//! SQLite's fast path for an import's bulk inserts: one prepared single-row `INSERT`, bound and
//! stepped row by row on the transaction's own connection, as the `sqlite3` shell's `.import`
//! does.
//!
//! Through sqlx every statement is a message to the connection's worker thread, and its values
//! are converted and copied three times on the way (sea-query, sqlx's arguments, SQLite). A file
//! of 25,000 rows therefore went in as multi-row statements of thousands of values, which SQLite
//! parses afresh each time. Here the statement is parsed once and each row costs a bind and a step.
//! rusqlite borrows the connection's handle while sqlx holds it locked, inside the same
//! transaction; nothing here commits, and the handle is neither closed nor kept.

use rusqlite::types::{ToSqlOutput, Value as Sqlite};
use sea_query::Value;
use sqlx::SqliteConnection;

use crate::StoreError;

/// Inserts `rows` with `INSERT INTO t (…) VALUES (?, …)` + `tail`, built from `head` (which ends
/// in `VALUES `).
///
/// # Errors
/// The database error, or a value of a type the fast path does not write.
#[expect(unsafe_code, reason = "rusqlite borrows sqlx's locked SQLite handle: sqlx has no prepared statement run row by row")]
pub(crate) async fn insert(conn: &mut SqliteConnection, head: &str, tail: &str, rows: Vec<Vec<Value>>) -> Result<(), StoreError> {
    let Some(width) = rows.first().map(Vec::len) else { return Ok(()) };
    let marks = vec!["?"; width].join(", ");
    let sql = format!("{head}({marks}){tail}");
    let mut locked = conn.lock_handle().await?;
    let handle = locked.as_raw_handle().as_ptr();
    // SAFETY: the handle is sqlx's open connection, locked for this call: sqlx's worker does not
    // touch it until `locked` is dropped at the end of this function, and no await comes between.
    // `from_handle` does not take ownership, so dropping the wrapper leaves the connection open;
    // the prepared statement is finalised before it.
    let sqlite = unsafe { rusqlite::Connection::from_handle(handle) }.map_err(bulk_error)?;
    let written = write(&sqlite, &sql, rows);
    drop(sqlite);
    drop(locked);
    written
}

fn write(sqlite: &rusqlite::Connection, sql: &str, rows: Vec<Vec<Value>>) -> Result<(), StoreError> {
    let mut statement = sqlite.prepare(sql).map_err(bulk_error)?;
    for row in rows {
        for (n, value) in row.into_iter().enumerate() {
            statement.raw_bind_parameter(n + 1, ToSqlOutput::Owned(sqlite_value(value)?)).map_err(bulk_error)?;
        }
        statement.raw_execute().map_err(bulk_error)?;
    }
    Ok(())
}

/// A sea-query value as SQLite stores it, the same as sqlx writes it (dates as `YYYY-MM-DD`,
/// booleans as 0 and 1).
fn sqlite_value(value: Value) -> Result<Sqlite, StoreError> {
    Ok(match value {
        Value::Bool(v) => v.map_or(Sqlite::Null, |b| Sqlite::Integer(i64::from(b))),
        Value::TinyInt(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::SmallInt(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::Int(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::BigInt(v) => v.map_or(Sqlite::Null, Sqlite::Integer),
        Value::TinyUnsigned(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::SmallUnsigned(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::Unsigned(v) => v.map_or(Sqlite::Null, |n| Sqlite::Integer(n.into())),
        Value::Double(v) => v.map_or(Sqlite::Null, Sqlite::Real),
        Value::Float(v) => v.map_or(Sqlite::Null, |n| Sqlite::Real(n.into())),
        Value::String(v) => v.map_or(Sqlite::Null, Sqlite::Text),
        Value::Char(v) => v.map_or(Sqlite::Null, |c| Sqlite::Text(c.to_string())),
        Value::Bytes(v) => v.map_or(Sqlite::Null, Sqlite::Blob),
        Value::TimeDate(v) => v.map_or(Sqlite::Null, |d| Sqlite::Text(d.to_string())),
        other => return Err(StoreError::Database(sqlx::Error::Protocol(format!("the bulk insert does not write {other:?}")))),
    })
}

fn bulk_error(e: rusqlite::Error) -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(format!("bulk insert: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_stored_as_sqlx_stores_them() -> Result<(), Box<dyn std::error::Error>> {
        let date = time::Date::from_calendar_date(2024, time::Month::January, 5)?;
        assert_eq!(sqlite_value(Value::TimeDate(Some(date)))?, Sqlite::Text("2024-01-05".to_owned()));
        assert_eq!(sqlite_value(Value::Bool(Some(true)))?, Sqlite::Integer(1));
        assert_eq!(sqlite_value(Value::String(None))?, Sqlite::Null);
        assert_eq!(sqlite_value(Value::BigInt(Some(-7)))?, Sqlite::Integer(-7));
        Ok(())
    }
}
