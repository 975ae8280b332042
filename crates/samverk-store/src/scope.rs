//! Several authorities in one installation: which authorities' records the running request may
//! see and change.
//!
//! The web layer wraps each request in [`within`] with the authorities where the account holds a
//! role that reaches what the route needs; the CLI, imports and samverk itself run unscoped. The
//! store then enforces the scope twice, so no handler can forget it:
//! - reads: every query of owned records adds [`Sql::scoped`] (`owner_id IN (…)`), so a record of
//!   another authority is simply not found;
//! - writes: database triggers, made anew from the live schema at every start ([`install`]), refuse
//!   any insert, update or delete of an owned row whose authority is outside the transaction's
//!   scope ([`crate::Store::begin`] records it next to the audit trail's actor). A row is owned
//!   when its table has an `owner_id` (engagements, plans, decisions, people, news, calls,
//!   referrals) or references an owned row (goals, participants, mandates, reports…): every such
//!   reference must lead to the scope, so a record cannot be attached to another authority's either.
//!
//! Reference registries (organisations, countries, regions, SDGs) have no owner and are shared.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;

use crate::audit::{Change, plain};
use crate::db::{Conn, Engine};
use crate::error::StoreError;
use crate::{Sql, Store};

/// The authorities a request may see and change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every authority: the CLI, imports, samverk itself, and accounts with an installation-wide role.
    Everything,
    /// Only these authorities (none at all for an account without a role).
    Authorities(Vec<i64>),
}

impl Scope {
    /// Whether a record of authority `owner` is within the scope.
    #[must_use]
    pub fn allows(&self, owner: i64) -> bool {
        match self {
            Self::Everything => true,
            Self::Authorities(ids) => ids.contains(&owner),
        }
    }

    /// The scope as the triggers read it: `,3,17,` (`None`: everything).
    fn encoded(&self) -> Option<String> {
        match self {
            Self::Everything => None,
            Self::Authorities(ids) => Some(ids.iter().fold(",".to_owned(), |acc, id| format!("{acc}{id},"))),
        }
    }
}

tokio::task_local! {
    static SCOPE: Scope;
}

/// Runs `work` with every query and transaction it makes limited to `scope`.
pub async fn within<F: Future>(scope: Scope, work: F) -> F::Output {
    SCOPE.scope(scope, work).await
}

/// The running task's scope ([`Scope::Everything`] outside [`within`]).
#[must_use]
pub fn current() -> Scope {
    SCOPE.try_with(Clone::clone).unwrap_or(Scope::Everything)
}

/// The authority owning the `table` row that `reference` (a column of the outer query) points
/// to, as a static expression for [`Sql::scoped`]: `owner_via!("engagements", "p.engagement_id")`.
macro_rules! owner_via {
    ($table:literal, $reference:literal) => {
        concat!("(SELECT so.owner_id FROM ", $table, " so WHERE so.id = ", $reference, ")")
    };
}
pub(crate) use owner_via;

impl Sql {
    /// Appends ` AND <owner> IN (…)` with the running request's authorities; nothing when the
    /// request may see everything. `owner` is a column or expression naming the owning authority.
    pub fn scoped(&mut self, owner: &'static str) -> &mut Self {
        if let Scope::Authorities(ids) = current() {
            self.push(" AND ").push(owner).push(" IN (").bind_list(ids).push(")");
        }
        self
    }
}

impl Sql {
    /// Appends ` AND (<owner> IN (…) OR <published> OR <source> IS NOT NULL)` for engagements
    /// used as evidence (partner discovery): another authority's engagement is left out unless
    /// it published it, while imported open data is evidence for everyone. `prefix` is the
    /// table's alias with its dot, or empty.
    pub fn evidence_scoped(&mut self, prefix: &'static str) -> &mut Self {
        if let Scope::Authorities(ids) = current() {
            self.push(" AND (").push(prefix).push("owner_id IN (").bind_list(ids).push(") OR ");
            self.push(prefix).push("published = TRUE OR ").push(prefix).push("source IS NOT NULL)");
        }
        self
    }
}

/// Records the running task's scope for the write triggers of the transaction.
pub(crate) fn setting() -> Option<String> {
    current().encoded()
}

/// One reference from a table to an owned table.
#[derive(Debug, Clone)]
struct Edge {
    column: String,
    target: String,
    target_column: String,
    required: bool,
}

/// The owned tables and how each leads to its authority, read from the live schema.
#[derive(Debug, Default)]
pub struct Ownership {
    /// Tables with an `owner_id`.
    roots: BTreeSet<String>,
    /// For every other owned table, its references to owned tables (required ones first).
    edges: BTreeMap<String, Vec<Edge>>,
}

/// The foreign keys of the live schema as (table, column, referenced table).
pub(crate) const fn foreign_keys_sql(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
        }
        Engine::Postgres => {
            "SELECT CAST(c.conrelid::regclass AS TEXT), CAST(a.attname AS TEXT), CAST(c.confrelid::regclass AS TEXT) FROM pg_constraint c \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)"
        }
    }
}

/// Tables whose `owner_id` is not an authority's ownership of the row.
const NOT_OWNED: &[&str] = &["audit_log", "audit_context"];

impl Ownership {
    /// Reads the foreign keys and `owner_id` columns of the live schema.
    ///
    /// # Errors
    /// The database error, or a name in the schema that is not a plain identifier.
    pub async fn read(conn: &mut Conn<'_>) -> Result<Self, StoreError> {
        let (roots_sql, keys_sql) = match conn.engine() {
            Engine::Sqlite => (
                "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'owner_id'",
                "SELECT m.name, f.\"from\", f.\"table\", COALESCE(f.\"to\", 'id'), p.\"notnull\" + p.pk FROM sqlite_master m \
                 JOIN pragma_foreign_key_list(m.name) f JOIN pragma_table_info(m.name) p ON p.name = f.\"from\" WHERE m.type = 'table'",
            ),
            Engine::Postgres => (
                "SELECT CAST(table_name AS TEXT) FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'owner_id'",
                "SELECT CAST(c.conrelid::regclass AS TEXT), CAST(a.attname AS TEXT), CAST(c.confrelid::regclass AS TEXT), \
                 CAST(t.attname AS TEXT), CAST(CASE WHEN a.attnotnull THEN 1 ELSE 0 END AS BIGINT) FROM pg_constraint c \
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
                 JOIN pg_attribute t ON t.attrelid = c.confrelid AND t.attnum = c.confkey[1] \
                 WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)",
            ),
        };
        let roots: BTreeSet<String> =
            conn.scalars::<String>(&Sql::new(roots_sql)).await?.into_iter().filter(|t| !NOT_OWNED.contains(&t.as_str())).collect();
        let keys: Vec<(String, String, String, String, i64)> = conn.all(&Sql::new(keys_sql)).await?;
        let mut owned = roots.clone();
        // Owned tables: the roots, and whatever references an owned table, to a fixed point.
        loop {
            let before = owned.len();
            for (table, _, target, _, _) in &keys {
                if owned.contains(target) && !NOT_OWNED.contains(&table.as_str()) {
                    owned.insert(table.clone());
                }
            }
            if owned.len() == before {
                break;
            }
        }
        let mut edges: BTreeMap<String, Vec<Edge>> = BTreeMap::new();
        for (table, column, target, target_column, required) in keys {
            if owned.contains(&target) && owned.contains(&table) && !roots.contains(&table) {
                plain(&table)?;
                plain(&column)?;
                plain(&target)?;
                plain(&target_column)?;
                edges.entry(table).or_default().push(Edge { column, target, target_column, required: required > 0 });
            }
        }
        for list in edges.values_mut() {
            list.sort_by(|a, b| b.required.cmp(&a.required).then_with(|| a.column.cmp(&b.column)));
        }
        Ok(Self { roots, edges })
    }

    /// An SQL expression for the authority owning the row of `table` whose `key` column equals
    /// `value` (an SQL expression). `None` for a table that is not owned.
    fn owner_of(&self, table: &str, key: &str, value: &str, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        if self.roots.contains(table) {
            return Some(format!("(SELECT owner_id FROM {table} WHERE {key} = {value})"));
        }
        let edge = self.edges.get(table)?.first()?;
        let parent_key = format!("(SELECT {} FROM {table} WHERE {key} = {value})", edge.column);
        self.owner_of(&edge.target, &edge.target_column, &parent_key, depth + 1)
    }

    /// The authorities a row (`NEW` or `OLD` in a trigger) of `table` leads to: its own
    /// `owner_id`, or the owner of each owned row it references.
    fn row_owners(&self, table: &str, row: &str) -> Vec<String> {
        if self.roots.contains(table) {
            return vec![format!("{row}.owner_id")];
        }
        self.edges
            .get(table)
            .map(|edges| {
                edges.iter().filter_map(|e| self.owner_of(&e.target, &e.target_column, &format!("{row}.{}", e.column), 0)).collect()
            })
            .unwrap_or_default()
    }

    fn tables(&self) -> impl Iterator<Item = &String> {
        self.roots.iter().chain(self.edges.keys())
    }
}

/// SQLite: the transaction's scope is in `audit_context.scope` (`NULL`: everything).
const SQLITE_SCOPE: &str = "(SELECT scope FROM audit_context WHERE id = 1)";

fn sqlite_condition(owners: &[String]) -> String {
    let checks: Vec<String> =
        owners.iter().map(|o| format!("COALESCE(instr({SQLITE_SCOPE}, ',' || CAST({o} AS TEXT) || ','), 1) > 0")).collect();
    if checks.is_empty() { "1".to_owned() } else { checks.join(" AND ") }
}

fn sqlite_triggers(ownership: &Ownership, table: &str) -> String {
    let new = sqlite_condition(&ownership.row_owners(table, "NEW"));
    let old = sqlite_condition(&ownership.row_owners(table, "OLD"));
    let active = format!("{SQLITE_SCOPE} IS NOT NULL");
    let refuse = format!("BEGIN SELECT RAISE(ABORT, 'samverk_scope {table}'); END;");
    format!(
        "DROP TRIGGER IF EXISTS scope_{table}_insert; DROP TRIGGER IF EXISTS scope_{table}_update; DROP TRIGGER IF EXISTS scope_{table}_delete;\n\
         CREATE TRIGGER scope_{table}_insert BEFORE INSERT ON {table} WHEN {active} AND NOT ({new}) {refuse}\n\
         CREATE TRIGGER scope_{table}_update BEFORE UPDATE ON {table} WHEN {active} AND NOT ({new} AND {old}) {refuse}\n\
         CREATE TRIGGER scope_{table}_delete BEFORE DELETE ON {table} WHEN {active} AND NOT ({old}) {refuse}\n"
    )
}

fn postgres_condition(owners: &[String]) -> String {
    let checks: Vec<String> = owners
        .iter()
        .map(|o| format!("COALESCE(position(',' || CAST({o} AS TEXT) || ',' IN current_setting('samverk.scope', true)), 1) > 0"))
        .collect();
    if checks.is_empty() { "TRUE".to_owned() } else { checks.join(" AND ") }
}

fn postgres_trigger(ownership: &Ownership, table: &str) -> String {
    let new = postgres_condition(&ownership.row_owners(table, "NEW"));
    let old = postgres_condition(&ownership.row_owners(table, "OLD"));
    format!(
        "CREATE OR REPLACE FUNCTION samverk_scope_{table}() RETURNS trigger LANGUAGE plpgsql AS $f$\n\
         BEGIN\n\
           IF COALESCE(current_setting('samverk.scope', true), '') = '' THEN RETURN COALESCE(NEW, OLD); END IF;\n\
           IF TG_OP <> 'DELETE' AND NOT ({new}) THEN RAISE EXCEPTION 'samverk_scope {table}' USING ERRCODE = '42501'; END IF;\n\
           IF TG_OP <> 'INSERT' AND NOT ({old}) THEN RAISE EXCEPTION 'samverk_scope {table}' USING ERRCODE = '42501'; END IF;\n\
           RETURN COALESCE(NEW, OLD);\n\
         END $f$;\n\
         CREATE OR REPLACE TRIGGER samverk_scope BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION samverk_scope_{table}();\n"
    )
}

/// Makes the write triggers anew from the live schema, inside the caller's installing
/// transaction (after the migrations).
///
/// # Errors
/// The database error, or a name in the schema that is not a plain identifier.
pub(crate) async fn install(conn: &mut Conn<'_>) -> Result<Arc<Ownership>, StoreError> {
    let ownership = Arc::new(Ownership::read(conn).await?);
    let mut script = String::new();
    for table in ownership.tables() {
        let table = plain(table)?;
        script.push_str(&match conn.engine() {
            Engine::Sqlite => sqlite_triggers(&ownership, table),
            Engine::Postgres => postgres_trigger(&ownership, table),
        });
    }
    conn.execute_unprepared(&script).await?;
    Ok(ownership)
}

impl Store {
    /// The owned tables of this store's schema, read from the catalogue once ([`install`] reads
    /// it anew after the migrations).
    async fn ownership(&self, conn: &mut Conn<'_>) -> Result<Arc<Ownership>, StoreError> {
        if let Some(known) = self.ownership.read().ok().and_then(|o| o.clone()) {
            return Ok(known);
        }
        let read = Arc::new(Ownership::read(conn).await?);
        self.remember_ownership(read.clone());
        Ok(read)
    }

    pub(crate) fn remember_ownership(&self, ownership: Arc<Ownership>) {
        if let Ok(mut slot) = self.ownership.write() {
            *slot = Some(ownership);
        }
    }

    /// Which of the records `(id, authority its last known state names)` of `table` the running
    /// request may see: shared records always; owned ones when the authority that owns them now
    /// (or, once deleted, the one their last state names) is in its scope. One query per call.
    async fn visible_ids(&self, table: &str, records: &[(i64, Option<i64>)]) -> Result<HashSet<i64>, StoreError> {
        let scope = current();
        if scope == Scope::Everything || SHARED.contains(&table) {
            return Ok(records.iter().map(|(id, _)| *id).collect());
        }
        let mut handle = self.handle().await?;
        let mut conn = handle.conn();
        let ownership = self.ownership(&mut conn).await?;
        let table = plain(table)?;
        // Installation records (accounts, tokens…) belong to no authority: unscoped requests only.
        let Some(owner) = ownership.owner_of(table, "id", "x.id", 0) else { return Ok(HashSet::new()) };
        let mut sql = Sql::generated(format!("SELECT x.id, {owner} FROM {table} x WHERE x.id IN ("));
        sql.bind_list(records.iter().map(|(id, _)| *id)).push(")");
        let now: HashMap<i64, Option<i64>> = conn.all::<(i64, Option<i64>)>(&sql).await?.into_iter().collect();
        Ok(records
            .iter()
            .filter(|(id, then)| now.get(id).copied().flatten().or(*then).is_some_and(|o| scope.allows(o)))
            .map(|(id, _)| *id)
            .collect())
    }

    /// `NotFound` unless record `id` of `table` exists and the running request may see it: the
    /// first step of a write that validates its input before touching the row, so another
    /// authority's record answers "not found" rather than a validation message.
    ///
    /// # Errors
    /// `NotFound`, or the database error.
    pub async fn ensure_visible(&self, table: &'static str, id: i64) -> Result<(), StoreError> {
        // Unscoped (the CLI, imports, an installation administrator): the write itself finds out.
        if current() == Scope::Everything || self.visible_ids(table, &[(id, None)]).await?.contains(&id) {
            Ok(())
        } else {
            Err(StoreError::NotFound { entity: table, id })
        }
    }

    /// Whether the running request may see record `id` of `table`, whose history is `changes`.
    pub(crate) async fn history_visible(&self, table: &str, id: i64, changes: &[Change]) -> Result<bool, StoreError> {
        let then = changes.iter().find_map(owner_named);
        Ok(self.visible_ids(table, &[(id, then)]).await?.contains(&id))
    }

    /// Keeps the changes of the trail the running request may see (see [`Store::visible_ids`]);
    /// an import's batch entry (record 0) only for unscoped requests. One query per table.
    pub(crate) async fn visible_changes(&self, changes: Vec<Change>) -> Result<Vec<Change>, StoreError> {
        if current() == Scope::Everything {
            return Ok(changes);
        }
        // A part's change is judged by its record (a news item's tags by the news item).
        let parts = self.audit_parts().await?;
        let record_table = |c: &Change| parts.get(&c.table).cloned().unwrap_or_else(|| c.table.clone());
        let mut by_table: BTreeMap<String, Vec<(i64, Option<i64>)>> = BTreeMap::new();
        for change in &changes {
            by_table.entry(record_table(change)).or_default().push((change.record_id, owner_named(change)));
        }
        let mut visible: HashSet<(String, i64)> = HashSet::new();
        for (table, records) in by_table {
            visible.extend(self.visible_ids(&table, &records).await?.into_iter().map(|id| (table.clone(), id)));
        }
        Ok(changes.into_iter().filter(|c| visible.contains(&(record_table(c), c.record_id))).collect())
    }
}

/// The authority a change's state names, for a record that no longer exists.
fn owner_named(change: &Change) -> Option<i64> {
    change.state().and_then(|s| s.get("owner_id")).and_then(serde_json::Value::as_i64)
}

/// Tables of shared records whose changes every administrator may see.
const SHARED: &[&str] = &["organisations", "successions", "organisation_aliases", "registry_codes", "match_reviews"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_is_encoded_with_delimiters_so_3_does_not_match_13() {
        assert_eq!(Scope::Authorities(vec![3, 17]).encoded().as_deref(), Some(",3,17,"));
        assert_eq!(Scope::Authorities(vec![]).encoded().as_deref(), Some(","));
        assert_eq!(Scope::Everything.encoded(), None);
        assert!(!Scope::Authorities(vec![13]).allows(3));
    }

    #[tokio::test]
    async fn queries_add_the_scope_only_inside_a_scoped_task() {
        let mut outside = Sql::new("SELECT 1 FROM t WHERE TRUE");
        outside.scoped("t.owner_id");
        assert_eq!(outside.text(), "SELECT 1 FROM t WHERE TRUE");
        let inside = within(Scope::Authorities(vec![4, 5]), async {
            let mut sql = Sql::new("SELECT 1 FROM t WHERE TRUE");
            sql.scoped("t.owner_id");
            sql
        })
        .await;
        assert_eq!(inside.text(), "SELECT 1 FROM t WHERE TRUE AND t.owner_id IN (?, ?)");
    }
}
