//! The audit trail of a bulk import: one entry per table and batch instead of one per inserted row.
//!
//! An import of the twin-town file inserts some 100,000 rows; one trail entry per row, each with
//! the whole row as JSON, doubled the import's time and tripled the database's size. Instead, between
//! [`start`] and [`finish`], the insert triggers stay silent (`audit_context.batch` on SQLite, the
//! transaction-local `samverk.batch` on PostgreSQL), and one entry is written for the batch, by the
//! same actor and from the same place as the rows would have been, with the ids it covers in
//! `audit_batches` (as runs of consecutive ids). [`crate::Store::history`] finds that entry for
//! every record of the batch, so each imported record's history still starts with "created by an
//! import", and the entry names the data set and file. What the trail no longer holds is a copy of
//! each imported row as it was inserted: the record carries its source (data set, file, row), the
//! import keeps the row's hash, and the first later change keeps the imported state as its
//! `before`. Updates and deletes, also during an import, are written row by row as always.

use crate::audit::sqlite_trail_entry;
use crate::db::{Conn, Engine, Sql};
use crate::error::StoreError;

async fn quiet(conn: &mut Conn<'_>, on: bool) -> Result<(), StoreError> {
    let sql = match conn.engine() {
        Engine::Sqlite => Sql::new("UPDATE audit_context SET batch = ? WHERE id = 1").arg(i64::from(on)),
        Engine::Postgres => Sql::new("SELECT set_config('samverk.batch', ?, true)").arg(if on { "on" } else { "" }),
    };
    conn.execute(&sql).await?;
    Ok(())
}

/// Silences the row-by-row entries of inserts in this transaction until [`finish`].
///
/// # Errors
/// The database error.
pub async fn start(conn: &mut Conn<'_>) -> Result<(), StoreError> {
    quiet(conn, true).await
}

/// Consecutive ids as `(first, last)` runs.
fn runs(ids: &[i64]) -> Vec<(i64, i64)> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for id in sorted {
        match out.last_mut() {
            Some((_, last)) if id <= *last + 1 => *last = (*last).max(id),
            _ => out.push((id, id)),
        }
    }
    out
}

/// Ends what [`start`] began and writes one entry for the rows inserted into `table`
/// meanwhile (`ids`), naming `source` (the data set and file).
///
/// # Errors
/// The database error.
pub async fn finish(conn: &mut Conn<'_>, table: &'static str, source: &str, ids: &[i64]) -> Result<(), StoreError> {
    quiet(conn, false).await?;
    if ids.is_empty() {
        return Ok(());
    }
    let after = serde_json::json!({ "source": source }).to_string();
    let entry = match conn.engine() {
        Engine::Sqlite => Sql::new(concat!(
            "INSERT INTO audit_log ",
            sqlite_trail_entry!(columns),
            " SELECT ",
            sqlite_trail_entry!(who),
            ", ?, 0, 'insert', NULL, ? FROM ",
            sqlite_trail_entry!(from),
            " RETURNING id"
        )),
        Engine::Postgres => Sql::new(
            "INSERT INTO audit_log (at, account_id, actor, origin, via, table_name, record_id, action, before, after) VALUES (\
             CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT), CAST(NULLIF(current_setting('samverk.account_id', true), '') AS BIGINT), \
             COALESCE(NULLIF(current_setting('samverk.actor', true), ''), 'unknown'), \
             COALESCE(NULLIF(current_setting('samverk.origin', true), ''), 'unknown'), COALESCE(current_setting('samverk.via', true), ''), \
             ?, 0, 'insert', NULL, ?) RETURNING id",
        ),
    }
    .arg(table)
    .arg(after);
    let audit_id: i64 = conn.insert(&entry).await?;
    // A few runs per batch (one on SQLite, where a transaction holds the only write lock).
    for chunk in runs(ids).chunks(1_000) {
        let mut sql = Sql::new("INSERT INTO audit_batches (audit_id, table_name, first_id, last_id) VALUES ");
        for (n, (first, last)) in chunk.iter().enumerate() {
            sql.push(if n == 0 { "(" } else { ", (" });
            sql.bind(audit_id).push(", ").bind(table).push(", ").bind(*first).push(", ").bind(*last).push(")");
        }
        conn.execute(&sql).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn ids_become_runs_of_consecutive_ids() {
        assert_eq!(runs(&[7, 3, 4, 5, 9, 10, 4]), vec![(3, 5), (7, 7), (9, 10)]);
        assert_eq!(runs(&[]), Vec::<(i64, i64)>::new());
    }
}
