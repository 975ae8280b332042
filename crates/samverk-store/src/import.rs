//! What the importers of public data sets write: imported engagements and participations with
//! their source, the record of each imported row (for re-imports), the organisation register's
//! identifiers and aliases, and the review list of uncertain matches.
//!
//! Callers validate every record in the domain first and run all of a file in one transaction.

use std::collections::HashMap;

use samverk_domain::engagement::{NewEngagement, Role};
use samverk_domain::organisation::{NewOrganisation, OrganisationKind};
use samverk_domain::text;
use sea_query::Value;
use serde::Serialize;

use crate::db::{Conn, Engine, Sql};
use crate::{Store, StoreError, audit_batch, organisation};

/// A row imported before: what it became and the hash of its content then.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ImportedRecord {
    pub record_key: String,
    pub entity_id: i64,
    pub row_hash: String,
}

/// Records already imported from a data set, by key.
///
/// # Errors
/// The database error.
pub async fn records(conn: &mut Conn<'_>, dataset: &str) -> Result<HashMap<String, ImportedRecord>, StoreError> {
    let sql = Sql::new("SELECT record_key, entity_id, row_hash FROM import_records WHERE dataset = ?").arg(dataset.to_owned());
    let rows: Vec<ImportedRecord> = conn.all(&sql).await?;
    Ok(rows.into_iter().map(|r| (r.record_key.clone(), r)).collect())
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin<'a> {
    pub dataset: &'a str,
    pub file: &'a str,
    pub row: u64,
}

impl Origin<'_> {
    /// "nfr-h2020-norway: dataset.csv, row 12", shown beside the record.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{}: {}, row {}", self.dataset, self.file, self.row)
    }
}

/// Remembers (or updates) the record a row became.
///
/// # Errors
/// The database error.
pub async fn save_record(
    conn: &mut Conn<'_>,
    origin: &Origin<'_>,
    key: &str,
    entity: &'static str,
    entity_id: i64,
    hash: &str,
    known: bool,
) -> Result<(), StoreError> {
    let row = i64::try_from(origin.row).unwrap_or(i64::MAX);
    let sql = if known {
        Sql::new("UPDATE import_records SET entity_id = ?, file = ?, row_number = ?, row_hash = ? WHERE dataset = ? AND record_key = ?")
            .arg(entity_id)
            .arg(origin.file.to_owned())
            .arg(row)
            .arg(hash.to_owned())
            .arg(origin.dataset.to_owned())
            .arg(key.to_owned())
    } else {
        Sql::new(
            "INSERT INTO import_records (dataset, record_key, entity, entity_id, file, row_number, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .arg(origin.dataset.to_owned())
        .arg(key.to_owned())
        .arg(entity)
        .arg(entity_id)
        .arg(origin.file.to_owned())
        .arg(row)
        .arg(hash.to_owned())
    };
    conn.execute(&sql).await?;
    Ok(())
}

fn engagement_values(e: &NewEngagement, source: &str) -> Vec<Value> {
    vec![
        e.owner_id.into(),
        e.kind.code().into(),
        e.title.clone().into(),
        e.description.clone().into(),
        e.status.code().into(),
        e.period.start().into(),
        e.period.end().into(),
        text::search_text([e.title.as_str()]).into(),
        source.to_owned().into(),
    ]
}

/// Rewrites an imported engagement from its changed row.
///
/// # Errors
/// The database error.
pub async fn update_engagement(conn: &mut Conn<'_>, id: i64, e: &NewEngagement, source: &str) -> Result<(), StoreError> {
    let mut sql = Sql::new(
        "UPDATE engagements SET version = version + 1, (owner_id, kind, title, description, status, start_date, end_date, search_text, source) = (",
    );
    sql.bind_list(engagement_values(e, source)).push(") WHERE id = ").bind(id);
    conn.execute(&sql).await?;
    Ok(())
}

/// Makes a spelling known for an organisation (no-op when it is).
///
/// # Errors
/// The database error.
pub async fn add_alias(conn: &mut Conn<'_>, organisation_id: i64, alias: &str, country: &str) -> Result<(), StoreError> {
    if alias.is_empty() {
        return Ok(());
    }
    let sql = Sql::new("INSERT INTO organisation_aliases (alias, country, organisation_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .arg(alias.to_owned())
        .arg(country.to_owned())
        .arg(organisation_id);
    conn.execute(&sql).await?;
    Ok(())
}

/// Bound values per multi-row statement (PostgreSQL's inserts, and the deletes of both engines):
/// far below SQLite's (32,766) and PostgreSQL's (65,535) limits, and large enough that a file of
/// 25,000 rows takes a few dozen statements.
const VALUES_PER_STATEMENT: usize = 6_000;

/// Statements of `(?, ?, …), (?, ?, …)` after `head`, each with at most
/// [`VALUES_PER_STATEMENT`] values, taking the rows' values over rather than copying them.
fn statements(head: &'static str, rows: Vec<Vec<Value>>) -> Vec<(Sql, usize)> {
    let width = rows.first().map_or(1, Vec::len).max(1);
    let per = (VALUES_PER_STATEMENT / width).max(1);
    let mut out: Vec<(Sql, usize)> = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        if i % per == 0 {
            out.push((Sql::new(head), 0));
        }
        if let Some((sql, n)) = out.last_mut() {
            sql.push(if *n == 0 { "(" } else { ", (" });
            sql.bind_list(row).push(")");
            *n += 1;
        }
    }
    out
}

/// Inserts rows; `head` is `INSERT INTO t (…) VALUES `. SQLite takes them row by row through one
/// prepared statement ([`crate::bulk`]), PostgreSQL with one multi-row statement per chunk.
async fn insert_many(conn: &mut Conn<'_>, head: &'static str, tail: &'static str, rows: Vec<Vec<Value>>) -> Result<(), StoreError> {
    if let Some(sqlite) = conn.sqlite() {
        return crate::bulk::insert(sqlite, head, tail, rows).await;
    }
    for (mut sql, _) in statements(head, rows) {
        sql.push(tail);
        conn.execute_owned(sql).await?;
    }
    Ok(())
}

/// Inserts rows like [`insert_many`] and returns their new ids in the order of `rows`.
///
/// Both engines assign ids in the order the rows go in (SQLite appends rowids, row by row through
/// [`crate::bulk`]; PostgreSQL calls `nextval` row by row through a multi-row `INSERT`), so the
/// ids sorted ascending line up with the rows; the count is checked.
///
/// The rows are written as one batch of the audit trail: one entry for the table, naming `batch`
/// (the data set and file), instead of one per row ([`crate::audit_batch`]).
async fn insert_many_returning(
    conn: &mut Conn<'_>,
    head: &'static str,
    table: &'static str,
    batch: &str,
    rows: Vec<Vec<Value>>,
) -> Result<Vec<i64>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids = Vec::with_capacity(rows.len());
    audit_batch::start(conn).await?;
    if conn.engine() == Engine::Sqlite {
        // sqlx hands each returned row over from its SQLite thread one by one; for 50,000 rows
        // that costs more than the insert. The transaction holds SQLite's only write lock and
        // a new rowid is the largest plus one, so the new ids are the ones above the largest.
        let mut max = Sql::new("SELECT COALESCE(MAX(id), 0) FROM ");
        max.push(table);
        let before: i64 = conn.scalar(&max).await?;
        let set_aside = set_aside_triggers(conn, table).await?;
        let total = rows.len();
        insert_many(conn, head, "", rows).await?;
        restore_triggers(conn, &set_aside, before).await?;
        let mut after = Sql::new("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM ");
        after.push(table).push(" WHERE id > ").bind(before);
        let (count, last): (i64, i64) = conn.optional(&after).await?.unwrap_or_default();
        if usize::try_from(count).ok() != Some(total) || last - before != count {
            return Err(StoreError::Database(sqlx::Error::Protocol(format!("{count} new rows in {table} for {total} inserted"))));
        }
        ids.extend(before + 1..=last);
    } else {
        for (mut sql, n) in statements(head, rows) {
            sql.push(" RETURNING id");
            let mut got: Vec<i64> = conn.scalars_owned(sql).await?;
            if got.len() != n {
                return Err(StoreError::Database(sqlx::Error::Protocol(format!("{} ids for {n} inserted rows", got.len()))));
            }
            got.sort_unstable();
            ids.extend(got);
        }
    }
    audit_batch::finish(conn, table, batch, &ids).await?;
    Ok(ids)
}

/// An insert trigger of SQLite that a bulk insert sets aside, and what it did.
struct SetAside {
    /// Its `CREATE TRIGGER` statement, from the catalogue.
    create: String,
    /// The set-based statement doing its work for every row above an id (bound once), if any.
    instead: Option<&'static str>,
}

/// What the row-by-row insert triggers of a table do, done once for all the rows a bulk insert
/// added (the ids above each `?`): the search outbox names each new record, and each
/// organisation and decision it points at, once. `None` for a trigger not known here (it stays).
fn outbox_instead(table: &str, trigger: &str) -> Option<Option<&'static str>> {
    Some(match (table, trigger) {
        // Silent during a batch (audit_batch::start): the batch's one entry stands for them.
        (_, t) if t.starts_with("audit_") => None,
        // Set aside only when the transaction has no scope, when it lets every row pass.
        (_, t) if t.starts_with("scope_") => None,
        ("organisations", "organisations_search_insert") => {
            Some("INSERT INTO search_outbox (entity, entity_id) SELECT 'organisation', id FROM organisations WHERE id > ? ORDER BY id")
        }
        ("engagements", "engagements_search_insert") => {
            Some("INSERT INTO search_outbox (entity, entity_id) SELECT 'engagement', id FROM engagements WHERE id > ? ORDER BY id")
        }
        ("engagements", "engagements_search_related_insert") => Some(
            "INSERT INTO search_outbox (entity, entity_id) SELECT entity, entity_id FROM (\
             SELECT DISTINCT 'organisation' AS entity, owner_id AS entity_id FROM engagements WHERE id > ? UNION ALL \
             SELECT DISTINCT 'decision', decision_id FROM engagements WHERE id > ? AND decision_id IS NOT NULL)",
        ),
        ("participants", "participants_search_insert") => Some(
            "INSERT INTO search_outbox (entity, entity_id) SELECT DISTINCT 'organisation', organisation_id FROM participants WHERE id > ?",
        ),
        _ => return None,
    })
}

/// SQLite: drops, inside the import's transaction, the insert triggers of `table` whose work
/// [`restore_triggers`] then does once for all rows: every trigger of SQLite runs as a
/// sub-program per row even when its `WHEN` is false, which for the twin-town file cost more
/// than the rows' own inserts. Those are the audit trail's (silent in a batch anyway), the
/// search outbox's, and the scope check's when the transaction has no scope (its `WHEN` is then
/// false for every row); a scoped transaction keeps its scope trigger, and any trigger not
/// known here stays. The drop and the re-creation are part of the transaction: a rollback puts
/// the triggers back, and no other connection ever sees them missing (SQLite has one writer,
/// and readers see the last commit).
async fn set_aside_triggers(conn: &mut Conn<'_>, table: &'static str) -> Result<Vec<SetAside>, StoreError> {
    let scoped: Option<bool> =
        conn.optional::<(bool,)>(&Sql::new("SELECT scope IS NOT NULL FROM audit_context WHERE id = 1")).await?.map(|(s,)| s);
    let sql = Sql::new("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name").arg(table);
    let triggers: Vec<(String, String)> = conn.all(&sql).await?;
    let mut out = Vec::new();
    let mut script = String::new();
    for (name, create) in triggers {
        let is_insert = create.contains(" INSERT ON ");
        let keep_scope = name.starts_with("scope_") && scoped != Some(false);
        let Some(instead) = outbox_instead(table, &name).filter(|_| is_insert && !keep_scope) else { continue };
        script.push_str(&format!("DROP TRIGGER {};\n", crate::audit::plain(&name)?));
        out.push(SetAside { create, instead });
    }
    if !script.is_empty() {
        conn.execute_unprepared(&script).await?;
    }
    Ok(out)
}

/// Puts back what [`set_aside_triggers`] dropped and does their work for the rows above `before`.
async fn restore_triggers(conn: &mut Conn<'_>, set_aside: &[SetAside], before: i64) -> Result<(), StoreError> {
    if set_aside.is_empty() {
        return Ok(());
    }
    for trigger in set_aside {
        if let Some(instead) = trigger.instead {
            let mut sql = Sql::new(instead);
            for _ in instead.matches('?') {
                sql = sql.arg(before);
            }
            conn.execute_owned(sql).await?;
        }
    }
    let script: Vec<&str> = set_aside.iter().map(|t| t.create.as_str()).collect();
    conn.execute_unprepared(&(script.join(";\n") + ";")).await?;
    Ok(())
}

/// SQLite's page cache for the connection of an import, in KiB: room for every page a large file
/// writes, so the transaction neither spills dirty pages to the log before it commits nor reads
/// evicted index pages back (the default is 2 MB; the twin-town file writes some 20 MB).
const IMPORT_CACHE_KIB: i64 = 256 * 1024;

/// Gives the transaction's connection a page cache large enough for a whole file and returns
/// the size it had, for [`restore_cache`]. Nothing on PostgreSQL.
///
/// # Errors
/// The database error.
pub async fn large_cache(conn: &mut Conn<'_>) -> Result<Option<i64>, StoreError> {
    if conn.engine() != Engine::Sqlite {
        return Ok(None);
    }
    let before: i64 = conn.scalar(&Sql::new("PRAGMA cache_size")).await?;
    conn.execute_unprepared(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}")).await?;
    Ok(Some(before))
}

/// Gives the connection its page cache's size back (call before committing: the pages the
/// transaction wrote stay until it ends, then the cache shrinks).
///
/// # Errors
/// The database error.
pub async fn restore_cache(conn: &mut Conn<'_>, before: Option<i64>) -> Result<(), StoreError> {
    if let Some(size) = before {
        conn.execute_unprepared(&format!("PRAGMA cache_size = {size}")).await?;
    }
    Ok(())
}

/// An organisation an import found no match for, with the spelling and identifiers it is
/// found by from now on.
#[derive(Debug, Clone)]
pub struct ImportedOrganisation {
    pub organisation: NewOrganisation,
    pub alias: String,
    pub codes: Vec<(&'static str, String)>,
}

/// Inserts the organisations of a file at once (with their aliases and identifiers) and
/// returns their ids in order. `batch` names the data set and file in the audit trail.
///
/// # Errors
/// The database error.
pub async fn insert_organisations(
    conn: &mut Conn<'_>,
    orgs: &[ImportedOrganisation],
    source: &str,
    batch: &str,
) -> Result<Vec<i64>, StoreError> {
    let from = organisation::Provenance { source: Some(source), ..Default::default() };
    let rows = orgs.iter().map(|o| organisation::insert_values(&o.organisation, &from)).collect();
    let ids = insert_many_returning(conn, organisation::INSERT_HEAD, "organisations", batch, rows).await?;
    let mut aliases = Vec::new();
    let mut codes = Vec::new();
    for (o, id) in orgs.iter().zip(&ids) {
        if !o.alias.is_empty() {
            aliases.push(vec![o.alias.clone().into(), o.organisation.country.clone().into(), (*id).into()]);
        }
        for (scheme, code) in &o.codes {
            codes.push(vec![Value::from(*scheme), code.clone().into(), (*id).into()]);
        }
    }
    insert_many(conn, "INSERT INTO organisation_aliases (alias, country, organisation_id) VALUES ", " ON CONFLICT DO NOTHING", aliases)
        .await?;
    insert_many(conn, "INSERT INTO registry_codes (scheme, code, organisation_id) VALUES ", " ON CONFLICT DO NOTHING", codes).await?;
    Ok(ids)
}

/// Inserts validated imported engagements, each with its source, and returns their ids in order.
/// `batch` names the data set and file in the audit trail.
///
/// # Errors
/// The database error.
pub async fn insert_engagements(conn: &mut Conn<'_>, engagements: &[(&NewEngagement, &str)], batch: &str) -> Result<Vec<i64>, StoreError> {
    let rows = engagements.iter().map(|(e, source)| engagement_values(e, source)).collect();
    insert_many_returning(
        conn,
        "INSERT INTO engagements (owner_id, kind, title, description, status, start_date, end_date, search_text, source) VALUES ",
        "engagements",
        batch,
        rows,
    )
    .await
}

/// An imported participation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedParticipant {
    pub engagement_id: i64,
    pub organisation_id: i64,
    pub role: Role,
    pub source: String,
}

/// Replaces the imported participants of these engagements (those typed by hand stay): one
/// delete and a few multi-row inserts. A participation listed twice is written once. `batch`
/// names the data set and file in the audit trail.
///
/// # Errors
/// The database error.
pub async fn replace_participants(
    conn: &mut Conn<'_>,
    changed: &[i64],
    participants: Vec<ImportedParticipant>,
    batch: &str,
) -> Result<(), StoreError> {
    for chunk in changed.chunks(VALUES_PER_STATEMENT) {
        let mut sql = Sql::new("DELETE FROM participants WHERE source IS NOT NULL AND engagement_id IN (");
        sql.bind_list(chunk.iter().copied()).push(")");
        conn.execute(&sql).await?;
    }
    let mut seen = std::collections::HashSet::with_capacity(participants.len());
    let rows = participants
        .into_iter()
        .filter(|p| seen.insert((p.engagement_id, p.organisation_id, p.role)))
        .map(|p| vec![Value::from(p.engagement_id), p.organisation_id.into(), p.role.code().into(), p.source.into()])
        .collect();
    insert_many_returning(
        conn,
        "INSERT INTO participants (engagement_id, organisation_id, role, source) VALUES ",
        "participants",
        batch,
        rows,
    )
    .await?;
    Ok(())
}

/// A row's record for re-imports.
#[derive(Debug, Clone)]
pub struct NewRecord {
    pub key: String,
    pub entity_id: i64,
    pub row: u64,
    pub hash: String,
}

/// Remembers the records rows became (new ones in a few statements; changed ones one by one,
/// as a re-import changes few).
///
/// # Errors
/// The database error.
pub async fn save_records(
    conn: &mut Conn<'_>,
    dataset: &str,
    file: &str,
    entity: &'static str,
    new: Vec<NewRecord>,
    changed: &[NewRecord],
) -> Result<(), StoreError> {
    let rows = new
        .into_iter()
        .map(|r| {
            vec![
                Value::from(dataset.to_owned()),
                r.key.into(),
                entity.into(),
                r.entity_id.into(),
                file.to_owned().into(),
                i64::try_from(r.row).unwrap_or(i64::MAX).into(),
                r.hash.into(),
            ]
        })
        .collect();
    insert_many(conn, "INSERT INTO import_records (dataset, record_key, entity, entity_id, file, row_number, row_hash) VALUES ", "", rows)
        .await?;
    for r in changed {
        let origin = Origin { dataset, file, row: r.row };
        save_record(conn, &origin, &r.key, entity, r.entity_id, &r.hash, true).await?;
    }
    Ok(())
}

/// Opens reviews for uncertain matches (a spelling already on the list is left as it is).
///
/// # Errors
/// The database error.
pub async fn open_reviews(conn: &mut Conn<'_>, reviews: &[NewReview<'_>]) -> Result<(), StoreError> {
    let rows = reviews
        .iter()
        .map(|r| {
            vec![
                Value::from(r.dataset.to_owned()),
                r.raw_name.to_owned().into(),
                r.name_key.to_owned().into(),
                r.country.to_owned().into(),
                r.candidate_id.into(),
                i64::from(r.confidence).into(),
                "pending".into(),
                r.organisation_id.into(),
            ]
        })
        .collect();
    insert_many(
        conn,
        "INSERT INTO match_reviews (dataset, raw_name, name_key, country, candidate_id, confidence, status, organisation_id) VALUES ",
        " ON CONFLICT DO NOTHING",
        rows,
    )
    .await
}

/// An alias with the kind of the organisation behind it, for resolution in memory.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AliasRow {
    pub alias: String,
    pub country: String,
    pub organisation_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub registry: bool,
}

/// An identifier with its organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CodeRow {
    pub scheme: String,
    pub code: String,
    pub organisation_id: i64,
}

/// Everything resolution compares against: the aliases in the file's `countries` and every
/// identifier (two queries). Names are only compared within a country, so a file of 90 Nordic
/// regions does not read the 20,000 foreign towns of an earlier twin-town import.
///
/// # Errors
/// The database error.
pub async fn resolution_index(conn: &mut Conn<'_>, countries: &[&str]) -> Result<(Vec<AliasRow>, Vec<CodeRow>), StoreError> {
    let mut sql = Sql::new(
        "SELECT a.alias, a.country, a.organisation_id, o.kind, COALESCE(o.source = 'registry', FALSE) AS registry \
         FROM organisation_aliases a JOIN organisations o ON o.id = a.organisation_id WHERE a.country IN (",
    );
    sql.bind_list(countries.iter().map(|c| (*c).to_owned())).push(")");
    let aliases = conn.all(&sql).await?;
    let codes = conn.all(&Sql::new("SELECT scheme, code, organisation_id FROM registry_codes")).await?;
    Ok((aliases, codes))
}

/// A decision on an uncertain match (or a match still waiting for one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Review {
    pub id: i64,
    pub dataset: String,
    pub raw_name: String,
    pub name_key: String,
    pub country: String,
    pub candidate_id: Option<i64>,
    pub candidate_name: Option<String>,
    pub confidence: i64,
    pub status: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
}

const REVIEW_SELECT: &str = "SELECT r.id, r.dataset, r.raw_name, r.name_key, r.country, r.candidate_id, c.name AS candidate_name, \
     r.confidence, r.status, r.organisation_id, o.name AS organisation_name FROM match_reviews r \
     LEFT JOIN organisations c ON c.id = r.candidate_id LEFT JOIN organisations o ON o.id = r.organisation_id";

/// Every review, decided or not, by (name key, country).
///
/// # Errors
/// The database error.
pub async fn reviews(conn: &mut Conn<'_>) -> Result<HashMap<(String, String), Review>, StoreError> {
    let rows: Vec<Review> = conn.all(&Sql::new(REVIEW_SELECT)).await?;
    Ok(rows.into_iter().map(|r| ((r.name_key.clone(), r.country.clone()), r)).collect())
}

/// An uncertain match: used provisionally as `organisation_id` until a person decides.
#[derive(Debug, Clone)]
pub struct NewReview<'a> {
    pub dataset: &'a str,
    pub raw_name: &'a str,
    pub name_key: &'a str,
    pub country: &'a str,
    pub candidate_id: Option<i64>,
    pub confidence: u8,
    pub organisation_id: i64,
}

/// What a person decided about an uncertain match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDecision {
    /// The candidate is the same body: merge the provisional organisation into it.
    Confirm,
    /// Not the same body: keep the provisional organisation.
    Reject,
    /// The same body as another organisation, chosen by the person.
    Merge(i64),
}

/// Moves everything that points at `from` to `into` and deletes `from`.
async fn merge_organisation(conn: &mut Conn<'_>, from: i64, into: i64) -> Result<(), StoreError> {
    if from == into {
        return Ok(());
    }
    // A participation the target already has in the same role would break the unique key.
    conn.execute(
        &Sql::new(
            "DELETE FROM participants WHERE organisation_id = ? AND EXISTS (SELECT 1 FROM participants p \
             WHERE p.engagement_id = participants.engagement_id AND p.role = participants.role AND p.organisation_id = ?)",
        )
        .arg(from)
        .arg(into),
    )
    .await?;
    for sql in [
        "UPDATE participants SET organisation_id = ? WHERE organisation_id = ?",
        "UPDATE engagements SET owner_id = ? WHERE owner_id = ?",
        "UPDATE match_reviews SET organisation_id = ? WHERE organisation_id = ?",
    ] {
        conn.execute(&Sql::new(sql).arg(into).arg(from)).await?;
    }
    let aliases: Vec<(String, String)> =
        conn.all(&Sql::new("SELECT alias, country FROM organisation_aliases WHERE organisation_id = ?").arg(from)).await?;
    for (alias, country) in aliases {
        add_alias(conn, into, &alias, &country).await?;
    }
    let sql = Sql::new("DELETE FROM organisations WHERE id = ? AND source IS NOT NULL AND source <> 'registry'").arg(from);
    conn.execute(&sql).await?;
    Ok(())
}

impl Store {
    /// The review list: pending first, then decided.
    ///
    /// # Errors
    /// The database error.
    pub async fn match_reviews(&self) -> Result<Vec<Review>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(REVIEW_SELECT);
        sql.push(" ORDER BY CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END, r.confidence DESC, r.raw_name, r.id");
        Ok(h.conn().all(&sql).await?)
    }

    /// Applies a person's decision; remembered for the next import of the same spelling.
    ///
    /// # Errors
    /// `NotFound` for an unknown review or target organisation.
    pub async fn decide_review(&self, id: i64, decision: ReviewDecision) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let mut sql = Sql::new(REVIEW_SELECT);
        sql.push(" WHERE r.id = ").bind(id);
        let review: Review = conn.optional(&sql).await?.ok_or(StoreError::NotFound { entity: "match review", id })?;
        let target = match decision {
            ReviewDecision::Confirm => review.candidate_id,
            ReviewDecision::Merge(target) => Some(target),
            ReviewDecision::Reject => None,
        };
        let status = match decision {
            ReviewDecision::Confirm => "confirmed",
            ReviewDecision::Reject => "rejected",
            ReviewDecision::Merge(_) => "merged",
        };
        let mut chosen = review.organisation_id;
        if let Some(target) = target {
            if conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM organisations WHERE id = ?").arg(target)).await? == 0 {
                return Err(StoreError::NotFound { entity: "organisation", id: target });
            }
            if let Some(provisional) = review.organisation_id {
                merge_organisation(&mut conn, provisional, target).await?;
            }
            add_alias(&mut conn, target, &review.name_key, &review.country).await?;
            chosen = Some(target);
        }
        let sql = Sql::new("UPDATE match_reviews SET status = ?, organisation_id = ? WHERE id = ?").arg(status).arg(chosen).arg(id);
        conn.execute(&sql).await?;
        tx.commit().await
    }
}
