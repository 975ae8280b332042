//! The two engines' schemas must not drift: same migration files, same tables and columns with
//! the same nullability.

use std::collections::BTreeSet;

use samverk_store::{Sql, Store};

fn names(dir: &str) -> BTreeSet<String> {
    let path = format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn both_engines_have_the_same_migration_files_and_all_are_embedded() {
    let sqlite = names("sqlite");
    assert_eq!(sqlite, names("postgres"));
    let embedded: BTreeSet<String> = samverk_store::migrations::MIGRATIONS.iter().map(|m| m.1.to_owned()).collect();
    assert_eq!(sqlite, embedded, "every migration file must be listed in migrations.rs");
}

type Columns = BTreeSet<(String, String, bool)>;

async fn sqlite_columns() -> Columns {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(&format!("sqlite://{}", dir.path().join("parity.db").display())).await.unwrap_or_else(|e| panic!("{e}"));
    let mut handle = store.handle().await.unwrap_or_else(|e| panic!("{e}"));
    let sql = Sql::new(
        "SELECT m.name, p.name, p.\"notnull\" = 0 AND p.pk = 0 FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
         AND m.name <> 'audit_context'",
    );
    // audit_context is SQLite's stand-in for PostgreSQL's transaction-local settings (see 0013).
    let rows: Vec<(String, String, bool)> = handle.conn().all(&sql).await.unwrap_or_else(|e| panic!("{e}"));
    // A primary key column counts as NOT NULL, as PostgreSQL reports it.
    rows.into_iter().collect()
}

async fn postgres_columns(base: &str) -> Columns {
    let schema = format!("parity_{}", std::process::id());
    let admin = Store::connect(base).await.unwrap_or_else(|e| panic!("{e}"));
    {
        let mut handle = admin.handle().await.unwrap_or_else(|e| panic!("{e}"));
        let mut conn = handle.conn();
        conn.execute_unprepared(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).await.unwrap_or_else(|e| panic!("{e}"));
        conn.execute_unprepared(&format!("CREATE SCHEMA {schema}")).await.unwrap_or_else(|e| panic!("{e}"));
    }
    admin.close().await;
    let separator = if base.contains('?') { '&' } else { '?' };
    let store = Store::open(&format!("{base}{separator}options=-c%20search_path%3D{schema}")).await.unwrap_or_else(|e| panic!("{e}"));
    let mut handle = store.handle().await.unwrap_or_else(|e| panic!("{e}"));
    let sql = Sql::new(
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), is_nullable = 'YES' FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
    );
    let rows: Vec<(String, String, bool)> = handle.conn().all(&sql).await.unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter().collect()
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_have_the_same_tables_and_columns() {
    let base = std::env::var("SAMVERK_PARITY_POSTGRES").or_else(|_| std::env::var("SAMVERK_TEST_POSTGRES")).unwrap_or_else(|_| {
        panic!("set SAMVERK_PARITY_POSTGRES (or SAMVERK_TEST_POSTGRES) to a PostgreSQL URL; scripts/test.sh does this")
    });
    let sqlite = sqlite_columns().await;
    let postgres = postgres_columns(&base).await;
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "schemas drift:\n only in SQLite: {only_sqlite:?}\n only in PostgreSQL: {only_postgres:?}"
    );
    assert!(sqlite.iter().any(|(t, c, _)| t == "engagements" && c == "search_text"));
}
