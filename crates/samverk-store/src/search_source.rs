//! What the search index is built from: one document per searchable record, and the outbox
//! of changes that triggers fill in the same transaction as every write (migration 0008).

use serde::Serialize;
use time::Date;

use crate::db::Sql;
use crate::{Store, StoreError};

/// The kinds of record the search covers, as stored in the outbox.
pub const ENTITIES: [&str; 7] = ["engagement", "organisation", "goal", "measure", "decision", "news", "call"];

/// One record as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SearchRow {
    pub id: i64,
    pub owner_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub country: Option<String>,
    pub day: Option<Date>,
    /// Unix seconds from which the record is public (news); `None`: always.
    pub visible_at: Option<i64>,
    /// For news: not yet scheduled (a draft) and so never public.
    pub draft: bool,
    /// Whether the public may find it: a published engagement or plan (for goals and
    /// measures), an organisation or decision a published engagement names, any news (its
    /// `visible_at` and `draft` decide), any call (its `open_from`..`open_until` decides).
    pub public: bool,
    /// For calls: the unix seconds the public form opens and closes; the public finds open calls only.
    pub open_from: Option<i64>,
    pub open_until: Option<i64>,
    /// The plan of a goal or measure (its public page).
    pub parent_id: Option<i64>,
    #[sqlx(skip)]
    pub sdgs: Vec<i64>,
}

/// One change waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxEntry {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
}

fn rows_sql(entity: &str) -> Option<Sql> {
    let select = match entity {
        "engagement" => {
            "SELECT e.id, e.owner_id, e.title, COALESCE(e.description, '') AS body, e.kind, e.status, o.country, e.start_date AS day, \
             CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, e.published AS public, CAST(NULL AS BIGINT) AS open_from, \
             CAST(NULL AS BIGINT) AS open_until, CAST(NULL AS BIGINT) AS parent_id FROM engagements e JOIN organisations o ON o.id = e.owner_id"
        }
        "organisation" => {
            "SELECT o.id, CAST(NULL AS BIGINT) AS owner_id, o.name AS title, \
             COALESCE(o.name_nb, '') || ' ' || COALESCE(o.name_sv, '') || ' ' || COALESCE(o.name_en, '') || ' ' || COALESCE(o.org_number, '') AS body, \
             o.kind, CAST(NULL AS TEXT) AS status, o.country, o.valid_from AS day, CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, \
             (EXISTS (SELECT 1 FROM engagements pe WHERE pe.owner_id = o.id AND pe.published = TRUE) \
              OR EXISTS (SELECT 1 FROM participants pp JOIN engagements pe ON pe.id = pp.engagement_id \
                         WHERE pp.organisation_id = o.id AND pe.published = TRUE)) AS public, \
             CAST(NULL AS BIGINT) AS open_from, CAST(NULL AS BIGINT) AS open_until, CAST(NULL AS BIGINT) AS parent_id FROM organisations o"
        }
        "goal" => {
            "SELECT g.id, p.owner_id, COALESCE(g.title, g.description, '') AS title, COALESCE(g.description, '') || ' ' || p.title AS body, \
             CAST(NULL AS TEXT) AS kind, p.status, o.country, p.period_start AS day, CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, \
             p.published AS public, CAST(NULL AS BIGINT) AS open_from, CAST(NULL AS BIGINT) AS open_until, p.id AS parent_id \
             FROM goals g JOIN plans p ON p.id = g.plan_id JOIN organisations o ON o.id = p.owner_id"
        }
        "measure" => {
            "SELECT m.id, p.owner_id, m.title, COALESCE(m.description, '') || ' ' || p.title AS body, CAST(NULL AS TEXT) AS kind, p.status, \
             o.country, p.period_start AS day, CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, \
             p.published AS public, CAST(NULL AS BIGINT) AS open_from, CAST(NULL AS BIGINT) AS open_until, p.id AS parent_id \
             FROM measures m JOIN plans p ON p.id = m.plan_id JOIN organisations o ON o.id = p.owner_id"
        }
        "decision" => {
            "SELECT d.id, d.owner_id, d.title, d.body || ' ' || COALESCE(d.case_number, '') AS body, CAST(NULL AS TEXT) AS kind, \
             CAST(NULL AS TEXT) AS status, o.country, d.date AS day, CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, \
             EXISTS (SELECT 1 FROM engagements pe WHERE pe.decision_id = d.id AND pe.published = TRUE) AS public, \
             CAST(NULL AS BIGINT) AS open_from, CAST(NULL AS BIGINT) AS open_until, CAST(NULL AS BIGINT) AS parent_id \
             FROM decisions d JOIN organisations o ON o.id = d.owner_id"
        }
        "news" => {
            "SELECT n.id, n.owner_id, n.title, n.lead || ' ' || n.body AS body, CAST(NULL AS TEXT) AS kind, CAST(NULL AS TEXT) AS status, \
             o.country, CAST(NULL AS DATE) AS day, n.publish_at AS visible_at, n.publish_at IS NULL AS draft, TRUE AS public, \
             CAST(NULL AS BIGINT) AS open_from, CAST(NULL AS BIGINT) AS open_until, CAST(NULL AS BIGINT) AS parent_id \
             FROM news n JOIN organisations o ON o.id = n.owner_id"
        }
        "call" => {
            "SELECT c.id, c.owner_id, c.title, c.body || ' ' || c.questions || ' ' || COALESCE(c.audience, '') AS body, CAST(NULL AS TEXT) AS kind, \
             CAST(NULL AS TEXT) AS status, o.country, c.closes_on AS day, CAST(NULL AS BIGINT) AS visible_at, FALSE AS draft, TRUE AS public, \
             c.opens_at AS open_from, c.closes_at AS open_until, CAST(NULL AS BIGINT) AS parent_id \
             FROM calls c JOIN organisations o ON o.id = c.owner_id"
        }
        _ => return None,
    };
    Some(Sql::new(select))
}

impl Store {
    /// The documents of one kind of record: all of them, or those with the given ids (a deleted
    /// id is simply absent). Unknown kinds have none.
    ///
    /// # Errors
    /// The database error.
    pub async fn search_rows(&self, entity: &str, ids: Option<&[i64]>) -> Result<Vec<SearchRow>, StoreError> {
        let Some(mut sql) = rows_sql(entity) else { return Ok(Vec::new()) };
        if let Some(ids) = ids {
            sql = filter_ids(entity, sql, ids);
        }
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut rows: Vec<SearchRow> = conn.all(&sql).await?;
        if matches!(entity, "engagement" | "goal" | "news") && !rows.is_empty() {
            let mut by_id: std::collections::HashMap<i64, usize> = std::collections::HashMap::with_capacity(rows.len());
            for (at, row) in rows.iter().enumerate() {
                by_id.insert(row.id, at);
            }
            // In slices, so a rebuild of tens of thousands of records keeps its statements small.
            for chunk in rows.iter().map(|r| r.id).collect::<Vec<_>>().chunks(5_000) {
                let mut s = Sql::new(sdg_static(entity));
                s.bind_list(chunk.iter().copied()).push(")");
                let pairs: Vec<(i64, i64)> = conn.all(&s).await?;
                for (id, sdg) in pairs {
                    if let Some(at) = by_id.get(&id) {
                        rows[*at].sdgs.push(sdg);
                    }
                }
                // A translation is found as the original is: its words join the document.
                let kind = match entity {
                    "engagement" => crate::texts::ENGAGEMENT,
                    "news" => crate::texts::NEWS,
                    _ => continue,
                };
                let mut list = Sql::new("");
                list.bind_list(chunk.iter().copied());
                for t in crate::texts::of_records(&mut conn, kind, &list, None).await? {
                    if let Some(at) = by_id.get(&t.record_id) {
                        let body = &mut rows[*at].body;
                        for part in [Some(&t.title), t.summary.as_ref(), t.body.as_ref()].into_iter().flatten() {
                            body.push(' ');
                            body.push_str(part);
                        }
                    }
                }
            }
        }
        Ok(rows)
    }

    /// Changes after `after`, oldest first, at most `limit`.
    ///
    /// # Errors
    /// The database error.
    pub async fn outbox_after(&self, after: i64, limit: i64) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut h = self.handle().await?;
        let sql = Sql::new("SELECT id, entity, entity_id FROM search_outbox WHERE id > ? ORDER BY id LIMIT ?").arg(after).arg(limit);
        Ok(h.conn().all(&sql).await?)
    }

    /// The newest change's id (0 when none): a rebuild covers everything up to it.
    ///
    /// # Errors
    /// The database error.
    pub async fn outbox_head(&self) -> Result<i64, StoreError> {
        let mut h = self.handle().await?;
        Ok(h.conn().scalar(&Sql::new("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM search_outbox")).await?)
    }
}

fn sdg_static(entity: &str) -> &'static str {
    match entity {
        "engagement" => {
            "SELECT DISTINCT c.engagement_id, CAST(s.sdg_goal AS BIGINT) FROM contributions c JOIN goal_sdgs s ON s.goal_id = c.goal_id WHERE c.engagement_id IN ("
        }
        "goal" => "SELECT goal_id, CAST(sdg_goal AS BIGINT) FROM goal_sdgs WHERE goal_id IN (",
        _ => "SELECT news_id, CAST(sdg_goal AS BIGINT) FROM news_sdgs WHERE news_id IN (",
    }
}

fn filter_ids(entity: &str, mut sql: Sql, ids: &[i64]) -> Sql {
    let column: &'static str = match entity {
        "engagement" => " WHERE e.id IN (",
        "organisation" => " WHERE o.id IN (",
        "goal" => " WHERE g.id IN (",
        "measure" => " WHERE m.id IN (",
        "decision" => " WHERE d.id IN (",
        "news" => " WHERE n.id IN (",
        _ => " WHERE c.id IN (",
    };
    sql.push(column).bind_list(ids.iter().copied()).push(")");
    sql
}
