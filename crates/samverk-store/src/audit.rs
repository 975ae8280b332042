//! The audit trail: who changed what, when and from where, for every owned record.
//!
//! Database triggers write the trail, not store code, so no write path (a page, the API, the CLI,
//! an importer, or one added later) can forget it. [`install`] makes the triggers anew from the
//! live schema at every start: every table with an `id` column is audited unless it is listed in
//! [`NOT_AUDITED`] (reference registries, sessions, bookkeeping), so a table added by a later
//! migration is audited without anyone remembering to. A table without an `id` that references
//! an audited one holds parts of that record (a news item's tags, an engagement's EU-project
//! details, a goal's SDGs): its changes are entries of that record's history. Who is acting comes from the transaction:
//! [`crate::Store::begin`] records the [`Actor`] of the running task ([`acting`]) or of the store
//! ([`crate::Store::acting_as`]).
//!
//! The trail cannot be edited through samverk: nothing here updates or deletes a trail row.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::sync::Arc;

use serde_json::Value as Json;

use crate::db::{Conn, Engine};
use crate::error::StoreError;
use crate::{Sql, Store};

/// Where a change came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Page,
    Api,
    Cli,
    Import,
    System,
}

impl Origin {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Api => "api",
            Self::Cli => "cli",
            Self::Import => "import",
            Self::System => "system",
        }
    }
}

/// Who is making a change, and from where (a page's path, a CLI command, an import file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: Option<i64>,
    pub name: String,
    pub origin: Origin,
    pub via: String,
}

impl Actor {
    /// samverk itself (loading the registries at start, the demo data).
    #[must_use]
    pub fn system(via: &str) -> Self {
        Self { account_id: None, name: "samverk".to_owned(), origin: Origin::System, via: via.to_owned() }
    }

    /// An operator at the command line.
    #[must_use]
    pub fn cli(command: &str) -> Self {
        let user = std::env::var("USER").unwrap_or_else(|_| "operator".to_owned());
        Self { account_id: None, name: user, origin: Origin::Cli, via: command.to_owned() }
    }
}

tokio::task_local! {
    static ACTING: Actor;
}

/// Runs `work` with every transaction it begins attributed to `actor` (the web layer wraps each
/// request in this, so a handler cannot forget).
pub async fn acting<F: Future>(actor: Actor, work: F) -> F::Output {
    ACTING.scope(actor, work).await
}

/// The actor of the running task, if one was set with [`acting`].
#[must_use]
pub fn current() -> Option<Actor> {
    ACTING.try_with(Clone::clone).ok()
}

/// Tables whose rows are not owned records: reference registries shipped with samverk, secrets and
/// sessions, import bookkeeping, derived data, and the trail itself.
pub const NOT_AUDITED: &[&str] = &[
    "audit_log",
    "audit_context",
    "countries",
    "subdivisions",
    "nuts_regions",
    "registry_codes",
    // The spellings imports found an organisation under: matching bookkeeping, written by the
    // thousand per file; a person's decisions on matches are in `match_reviews`, which is audited.
    "organisation_aliases",
    "sdg_goals",
    "sdg_targets",
    "sdg_indicators",
    "sessions",
    "password_resets",
    "search_outbox",
    "import_records",
    "personal_data_log",
    "recovery_codes",
];

/// Columns never copied into the trail: secrets, derived search text, file contents.
fn omitted(column: &str, declared_type: &str) -> bool {
    let t = declared_type.to_ascii_lowercase();
    column == "search_text"
        || column.ends_with("_hash")
        || column.contains("secret")
        || column == "content"
        || t.contains("blob")
        || t == "bytea"
}

/// A table the trail follows: the columns it keeps, and the column naming the record an entry
/// belongs to: `id`, or for a table of a record's parts, the reference to that record.
struct Audited {
    columns: Vec<(String, bool)>,
    key: String,
    /// The table of the record these rows are parts of.
    part_of: Option<String>,
}

/// The audited tables, read from the live schema.
async fn audited_tables(conn: &mut Conn<'_>) -> Result<BTreeMap<String, Audited>, StoreError> {
    let sql = match conn.engine() {
        Engine::Sqlite => Sql::new(
            "SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' ORDER BY m.name, p.cid",
        ),
        Engine::Postgres => Sql::new(
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), CAST(data_type AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
        ),
    };
    let rows: Vec<(String, String, String)> = conn.all(&sql).await?;
    let mut tables: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for (table, column, declared) in rows {
        let keep = !omitted(&column, &declared);
        tables.entry(table).or_default().push((column, keep));
    }
    tables.retain(|name, _| !NOT_AUDITED.contains(&name.as_str()));
    let has_id = |columns: &[(String, bool)]| columns.iter().any(|(c, _)| c == "id");
    let records: BTreeSet<String> = tables.iter().filter(|(_, columns)| has_id(columns)).map(|(name, _)| name.clone()).collect();
    let references: Vec<(String, String, String)> = conn.all(&Sql::new(crate::scope::foreign_keys_sql(conn.engine()))).await?;
    let mut audited = BTreeMap::new();
    for (table, columns) in tables {
        let (key, part_of) = if has_id(&columns) {
            ("id".to_owned(), None)
        } else {
            // The first column, in the table's order, that references a record.
            let reference = columns.iter().find_map(|(column, _)| {
                references
                    .iter()
                    .find(|(t, c, target)| *t == table && c == column && records.contains(target))
                    .map(|(_, c, target)| (c, target))
            });
            let Some((column, target)) = reference else { continue };
            (column.clone(), Some(target.clone()))
        };
        audited.insert(table, Audited { columns, key, part_of });
    }
    Ok(audited)
}

/// The tables of records' parts, each with the table of the record it belongs to.
pub(crate) type Parts = BTreeMap<String, String>;

/// The tables of records' parts and the table of the record each belongs to.
async fn parts_of(conn: &mut Conn<'_>) -> Result<BTreeMap<String, String>, StoreError> {
    Ok(audited_tables(conn).await?.into_iter().filter_map(|(table, a)| a.part_of.map(|p| (table, p))).collect())
}

/// Identifiers come from the database's own catalogue; refuse anything that is not a plain name
/// so generated SQL can never carry text from elsewhere.
pub(crate) fn plain(name: &str) -> Result<&str, StoreError> {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        Ok(name)
    } else {
        Err(StoreError::Derived(format!("unexpected identifier {name:?} in the schema")))
    }
}

fn sqlite_json(row: &str, columns: &[(String, bool)]) -> Result<String, StoreError> {
    let mut parts = Vec::new();
    for (column, keep) in columns {
        if *keep {
            let column = plain(column)?;
            parts.push(format!("'{column}', {row}.{column}"));
        }
    }
    Ok(format!("json_object({})", parts.join(", ")))
}

/// The pieces of an SQLite trail entry written by samverk itself (the triggers, an import's
/// batch entry): the columns, who and when from `audit_context` (`c`), and the row that joins it.
macro_rules! sqlite_trail_entry {
    (columns) => {
        "(at, account_id, actor, origin, via, table_name, record_id, action, before, after)"
    };
    (who) => {
        "CAST(strftime('%s', 'now') AS INTEGER), c.account_id, COALESCE(c.actor, 'unknown'), COALESCE(c.origin, 'unknown'), COALESCE(c.via, '')"
    };
    (from) => {
        "(SELECT 1) LEFT JOIN audit_context c ON c.id = 1"
    };
}
pub(crate) use sqlite_trail_entry;

/// Inserts of a bulk import are written as one entry per batch instead ([`crate::audit_batch`]).
const QUIET: &str = "NOT EXISTS (SELECT 1 FROM audit_context WHERE id = 1 AND batch = 1)";

fn sqlite_triggers(table: &str, audited: &Audited) -> Result<String, StoreError> {
    let table = plain(table)?;
    let key = plain(&audited.key)?;
    let columns = &audited.columns;
    let old = sqlite_json("OLD", columns)?;
    let new = sqlite_json("NEW", columns)?;
    let insert = |action: &str, record: &str, before: &str, after: &str| {
        format!(
            "INSERT INTO audit_log {} SELECT {}, '{table}', {record}, '{action}', {before}, {after} FROM {};",
            sqlite_trail_entry!(columns),
            sqlite_trail_entry!(who),
            sqlite_trail_entry!(from)
        )
    };
    Ok(format!(
        "DROP TRIGGER IF EXISTS audit_{table}_insert; DROP TRIGGER IF EXISTS audit_{table}_update; DROP TRIGGER IF EXISTS audit_{table}_delete;\n\
         CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} WHEN {QUIET} BEGIN {} END;\n\
         CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} WHEN {old} IS NOT {new} BEGIN {} END;\n\
         CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN {} END;\n",
        insert("insert", &format!("NEW.{key}"), "NULL", &new),
        insert("update", &format!("NEW.{key}"), &old, &new),
        insert("delete", &format!("OLD.{key}"), &old, "NULL"),
    ))
}

fn postgres_trigger(table: &str, audited: &Audited) -> Result<String, StoreError> {
    let table = plain(table)?;
    let mut omit = Vec::new();
    for (column, keep) in &audited.columns {
        if !keep {
            omit.push(format!("'{}'", plain(column)?));
        }
    }
    // Parts name their record by the reference (migration 0017), records by their id.
    let function = if audited.part_of.is_some() {
        omit.insert(0, format!("'{}'", plain(&audited.key)?));
        "samverk_audit_part"
    } else {
        "samverk_audit"
    };
    Ok(format!(
        "CREATE OR REPLACE TRIGGER samverk_audit AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}({});\n",
        omit.join(", ")
    ))
}

/// Makes the trail's triggers anew from the live schema (called after the migrations).
///
/// # Errors
/// The database error, or an identifier in the schema that is not a plain name.
pub async fn install(store: &Store) -> Result<(), StoreError> {
    let mut tx = store.begin_unattributed().await?;
    let mut conn = tx.conn();
    let mut script = String::new();
    if conn.engine() == Engine::Postgres {
        // Several servers may start at once: one installs, the others wait and then replace.
        script.push_str("SELECT pg_advisory_xact_lock(7206431);\n");
    }
    let audited = audited_tables(&mut conn).await?;
    for (table, audited) in &audited {
        script.push_str(&match conn.engine() {
            Engine::Sqlite => sqlite_triggers(table, audited)?,
            Engine::Postgres => postgres_trigger(table, audited)?,
        });
    }
    conn.execute_unprepared(&script).await?;
    let ownership = crate::scope::install(&mut conn).await?;
    tx.commit().await?;
    store.remember_ownership(ownership);
    store.remember_parts(audited.into_iter().filter_map(|(table, a)| a.part_of.map(|p| (table, p))).collect());
    Ok(())
}

/// Records `actor` as the author of everything the transaction writes, and the running task's
/// authorities for the scope triggers ([`crate::scope`]).
pub(crate) async fn attribute(conn: &mut Conn<'_>, actor: &Actor) -> Result<(), StoreError> {
    let sql = match conn.engine() {
        Engine::Sqlite => Sql::new(
            "INSERT INTO audit_context (id, account_id, actor, origin, via, scope) VALUES (1, ?, ?, ?, ?, ?) \
             ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, actor = excluded.actor, origin = excluded.origin, \
             via = excluded.via, scope = excluded.scope",
        ),
        Engine::Postgres => Sql::new(
            "SELECT CAST(set_config('samverk.account_id', COALESCE(CAST(CAST(? AS BIGINT) AS TEXT), ''), true) AS TEXT), \
             set_config('samverk.actor', ?, true), set_config('samverk.origin', ?, true), set_config('samverk.via', ?, true), \
             set_config('samverk.scope', COALESCE(CAST(? AS TEXT), ''), true)",
        ),
    }
    .arg(actor.account_id)
    .arg(actor.name.clone())
    .arg(actor.origin.code())
    .arg(actor.via.clone())
    .arg(crate::scope::setting());
    conn.execute(&sql).await?;
    Ok(())
}

/// Forgets the acting actor before a SQLite transaction commits, so a later write outside a
/// transaction is not attributed to it. (PostgreSQL's settings end with the transaction.)
pub(crate) async fn release(conn: &mut Conn<'_>) -> Result<(), StoreError> {
    if conn.engine() == Engine::Sqlite {
        conn.execute(&Sql::new("DELETE FROM audit_context")).await?;
    }
    Ok(())
}

/// One change in a record's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: i64,
    pub at: i64,
    pub account_id: Option<i64>,
    pub actor: String,
    pub origin: String,
    pub via: String,
    pub table: String,
    pub record_id: i64,
    pub action: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

/// One field that a change altered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Fields that change on every save and say nothing to a reader.
const BOOKKEEPING: &[&str] = &["version", "updated_at"];

fn shown(value: Option<&Json>) -> String {
    match value {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl Change {
    /// The fields this change altered, field by field, in a stable order.
    #[must_use]
    pub fn fields(&self) -> Vec<FieldChange> {
        let empty = serde_json::Map::new();
        let before = self.before.as_ref().and_then(Json::as_object).unwrap_or(&empty);
        let after = self.after.as_ref().and_then(Json::as_object).unwrap_or(&empty);
        let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .filter(|name| !BOOKKEEPING.contains(&name.as_str()))
            .filter(|name| before.get(*name) != after.get(*name))
            .map(|name| FieldChange { field: name.clone(), before: shown(before.get(name)), after: shown(after.get(name)) })
            .collect()
    }

    /// The record as it was right after this change (as it was before, for a deletion).
    #[must_use]
    pub fn state(&self) -> Option<&Json> {
        if self.action == "delete" { self.before.as_ref() } else { self.after.as_ref() }
    }
}

type ChangeRow = (i64, i64, Option<i64>, String, String, String, String, i64, String, Option<String>, Option<String>);

fn change(row: ChangeRow) -> Change {
    let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    let (id, at, account_id, actor, origin, via, table, record_id, action, before, after) = row;
    Change { id, at, account_id, actor, origin, via, table, record_id, action, before: parse(before), after: parse(after) }
}

const CHANGE_COLUMNS: &str = "SELECT id, at, account_id, actor, origin, via, table_name, record_id, action, before, after FROM audit_log ";

/// Whether `table` is one whose history samverk keeps and shows.
///
/// # Errors
/// The database error.
pub async fn is_audited(store: &Store, table: &str) -> Result<bool, StoreError> {
    let mut handle = store.handle().await?;
    Ok(audited_tables(&mut handle.conn()).await?.get(table).is_some_and(|a| a.part_of.is_none()))
}

impl Store {
    /// The tables of records' parts and the table of the record each belongs to, read once.
    pub(crate) async fn audit_parts(&self) -> Result<Arc<BTreeMap<String, String>>, StoreError> {
        if let Some(known) = self.audit_parts.read().ok().and_then(|p| p.clone()) {
            return Ok(known);
        }
        let mut handle = self.handle().await?;
        let parts = parts_of(&mut handle.conn()).await?;
        drop(handle);
        Ok(self.remember_parts(parts))
    }

    fn remember_parts(&self, parts: BTreeMap<String, String>) -> Arc<BTreeMap<String, String>> {
        let parts = Arc::new(parts);
        if let Ok(mut slot) = self.audit_parts.write() {
            *slot = Some(parts.clone());
        }
        parts
    }

    /// The history of one record, newest change first.
    ///
    /// # Errors
    /// The database error.
    pub async fn history(&self, table: &str, record_id: i64) -> Result<Vec<Change>, StoreError> {
        let mut handle = self.handle().await?;
        let mut sql = Sql::new(CHANGE_COLUMNS);
        sql.push("WHERE table_name = ").bind(table.to_owned()).push(" AND record_id = ").bind(record_id);
        // The entry of the import batch that created it, if one did (crate::audit_batch).
        sql.push(" OR id IN (SELECT audit_id FROM audit_batches WHERE table_name = ").bind(table.to_owned());
        sql.push(" AND first_id <= ").bind(record_id).push(" AND last_id >= ").bind(record_id).push(")");
        // The changes to its parts (its tags, its EU-project details…).
        for part in self.audit_parts().await?.iter().filter(|(_, record)| *record == table).map(|(part, _)| part) {
            sql.push(" OR (table_name = ").bind(part.clone()).push(" AND record_id = ").bind(record_id).push(")");
        }
        sql.push(" ORDER BY id DESC");
        let rows: Vec<ChangeRow> = handle.conn().all(&sql).await?;
        drop(handle);
        let changes: Vec<Change> = rows.into_iter().map(change).collect();
        // The record asked about decides, not each entry (an import's entry names no record).
        if !changes.is_empty() && !self.history_visible(table, record_id, &changes).await? {
            // Another authority's record: as if it did not exist.
            return Err(StoreError::NotFound { entity: "record", id: record_id });
        }
        Ok(changes)
    }

    /// The newest changes across the installation (for administrators), newest first.
    ///
    /// # Errors
    /// The database error.
    pub async fn recent_changes(&self, account_id: Option<i64>, limit: u32) -> Result<Vec<Change>, StoreError> {
        let mut handle = self.handle().await?;
        let mut sql = Sql::new(CHANGE_COLUMNS);
        if let Some(account) = account_id {
            sql.push("WHERE account_id = ").bind(account);
        }
        // A scoped administrator sees only her authorities' changes: read further back for them.
        let read = if crate::scope::current() == crate::scope::Scope::Everything { limit } else { limit.saturating_mul(5) };
        sql.push(" ORDER BY id DESC LIMIT ").bind(i64::from(read));
        let rows: Vec<ChangeRow> = handle.conn().all(&sql).await?;
        drop(handle);
        let mut visible = self.visible_changes(rows.into_iter().map(change).collect()).await?;
        visible.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(visible)
    }

    /// One change of the trail.
    ///
    /// # Errors
    /// The database error.
    pub async fn change(&self, id: i64) -> Result<Option<Change>, StoreError> {
        let mut handle = self.handle().await?;
        let mut sql = Sql::new(CHANGE_COLUMNS);
        sql.push("WHERE id = ").bind(id);
        let row: Option<ChangeRow> = handle.conn().optional(&sql).await?;
        drop(handle);
        Ok(self.visible_changes(row.into_iter().map(change).collect()).await?.into_iter().next())
    }

    /// Puts a record back as it was right after change `change_id` (re-creating it when it has
    /// since been deleted). The restore is itself a change in the trail. Fields the trail does not
    /// keep (secrets, file contents, search text) are left as they are now.
    ///
    /// # Errors
    /// `NotFound` when the change is unknown or has no state to restore, the
    /// database error (e.g. a reference that no longer exists).
    pub async fn restore(&self, change_id: i64) -> Result<(), StoreError> {
        let missing = || StoreError::NotFound { entity: "change", id: change_id };
        let change = self.change(change_id).await?.ok_or_else(missing)?;
        // An import batch's entry names a file, not one record's state.
        let state = change.state().and_then(Json::as_object).filter(|s| s.contains_key("id")).ok_or_else(missing)?.clone();
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let tables = audited_tables(&mut conn).await?;
        // A part's entry is shown in its record's history; the record is what is restored.
        let columns = &tables.get(&change.table).filter(|a| a.part_of.is_none()).ok_or_else(missing)?.columns;
        // Every name is checked once here; the statements below only assemble them.
        let kept =
            columns.iter().filter(|(c, keep)| *keep && state.contains_key(c)).map(|(c, _)| plain(c)).collect::<Result<Vec<&str>, _>>()?;
        let assigned: Vec<&str> = kept.iter().copied().filter(|c| *c != "id" && *c != "version").collect();
        let table = plain(&change.table)?;
        let payload = Json::Object(state).to_string();
        let probe = Sql::generated(format!("SELECT id FROM {table} WHERE id = ?")).arg(change.record_id);
        let exists = conn.optional::<(i64,)>(&probe).await?.is_some();
        let bump = if columns.iter().any(|(c, _)| c == "version") { ", version = version + 1" } else { "" };
        let sql = match (exists, conn.engine()) {
            (true, Engine::Sqlite) => {
                let sets: Vec<String> = assigned.iter().map(|c| format!("{c} = json_extract(?1, '$.{c}')")).collect();
                Sql::generated(format!("UPDATE {table} SET {}{bump} WHERE id = ?2", sets.join(", "))).arg(payload).arg(change.record_id)
            }
            (true, Engine::Postgres) => {
                let list = assigned.join(", ");
                Sql::generated(format!(
                    "UPDATE {table} SET ({list}) = (SELECT {list} FROM jsonb_populate_record(NULL::{table}, CAST(? AS JSONB))){bump} WHERE id = ?"
                ))
                .arg(payload)
                .arg(change.record_id)
            }
            (false, Engine::Sqlite) => {
                let values: Vec<String> = kept.iter().map(|c| format!("json_extract(?1, '$.{c}')")).collect();
                Sql::generated(format!("INSERT INTO {table} ({}) VALUES ({})", kept.join(", "), values.join(", "))).arg(payload)
            }
            (false, Engine::Postgres) => {
                let list = kept.join(", ");
                Sql::generated(format!(
                    "INSERT INTO {table} ({list}) SELECT {list} FROM jsonb_populate_record(NULL::{table}, CAST(? AS JSONB))"
                ))
                .arg(payload)
            }
        };
        conn.execute(&sql).await?;
        // The database's constraints hold the references; the domain's rules across records
        // are checked as a save would check them.
        if change.table == "engagements" {
            crate::engagement::recheck(&mut conn, change.record_id).await?;
        }
        tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_change(before: Json, after: Json) -> Change {
        Change {
            id: 1,
            at: 0,
            account_id: None,
            actor: String::new(),
            origin: "page".into(),
            via: String::new(),
            table: "t".into(),
            record_id: 1,
            action: "update".into(),
            before: Some(before),
            after: Some(after),
        }
    }

    #[test]
    fn fields_lists_only_what_changed_and_not_the_version() {
        let change = a_change(
            serde_json::json!({"id": 1, "title": "Old", "status": "active", "version": 1, "notes": null}),
            serde_json::json!({"id": 1, "title": "New", "status": "active", "version": 2, "notes": "x"}),
        );
        let fields = change.fields();
        assert_eq!(
            fields,
            vec![
                FieldChange { field: "notes".into(), before: String::new(), after: "x".into() },
                FieldChange { field: "title".into(), before: "Old".into(), after: "New".into() },
            ]
        );
    }

    #[test]
    fn secrets_blobs_and_search_text_are_left_out_of_the_trail() {
        assert!(omitted("password_hash", "TEXT"));
        assert!(omitted("search_text", "TEXT"));
        assert!(omitted("content", "BLOB"));
        assert!(omitted("data", "bytea"));
        assert!(!omitted("title", "TEXT"));
    }

    #[test]
    fn generated_identifiers_must_be_plain_names() {
        assert!(plain("engagements").is_ok());
        assert!(plain("x; DROP TABLE y").is_err());
        assert!(plain("").is_err());
    }
}
