//! News articles with their tags and links, the public list with its filters, and the feed.

use samverk_domain::news::{NewNews, NewsDraft};
use samverk_domain::refs::{EngagementRef, References};
use samverk_domain::text::{fold, search_text};
use samverk_domain::tz::Zone;
use serde::Serialize;
use time::{Date, OffsetDateTime, Time};

use crate::db::{Conn, Sql};
use crate::{Page, Store, StoreError, refs};

/// Unix seconds, the form every instant takes in the database.
#[must_use]
pub fn seconds(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

/// An instant from unix seconds (out-of-range values become the epoch).
#[must_use]
pub fn instant(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// An article in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct NewsItem {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub title: String,
    pub lead: String,
    pub author_role: Option<String>,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    /// Unix seconds; `None` for a draft.
    pub publish_at: Option<i64>,
    /// The language it is written in (`nb`, `sv`, `en`), when said.
    pub language: Option<String>,
    #[sqlx(skip)]
    pub tags: Vec<String>,
}

/// An article with everything it links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct News {
    pub item: NewsItem,
    pub body: String,
    pub engagements: Vec<(i64, String)>,
    pub goals: Vec<(i64, String)>,
    pub sdgs: Vec<i64>,
    pub version: i64,
}

/// What the news list is narrowed to. Every field is optional; they combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewsFilter {
    pub owner_id: Option<i64>,
    /// Only what is published at `now` (the public list); otherwise drafts and scheduled too.
    pub published_only: bool,
    pub kind: Option<String>,
    pub engagement_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub sdg: Option<i64>,
    pub tag: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Words that must all occur (case and accents ignored).
    pub q: String,
    pub page: u32,
    pub per_page: u32,
}

const ITEM: &str = "SELECT n.id, n.owner_id, o.name AS owner_name, n.title, n.lead, n.author_role, n.image_url, n.image_alt, n.publish_at, \
                    n.language FROM news n JOIN organisations o ON o.id = n.owner_id";

/// The zone an authority states its times in: Swedish authorities Stockholm, others Oslo.
pub(crate) async fn zone_of(conn: &mut Conn<'_>, owner_id: Option<i64>) -> Result<Zone, sqlx::Error> {
    let Some(owner) = owner_id else { return Ok(Zone::default()) };
    let country: Option<String> =
        conn.scalars(&Sql::new("SELECT country FROM organisations WHERE id = ?").arg(owner)).await?.into_iter().next();
    Ok(if country.as_deref() == Some("SE") { Zone::EuropeStockholm } else { Zone::EuropeOslo })
}

/// Loads the engagements named by a draft.
pub(crate) async fn engagements(conn: &mut Conn<'_>, refs: &mut References, ids: &[i64]) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new("SELECT id, owner_id, parent_id FROM engagements WHERE id IN (");
    sql.bind_list(ids.iter().copied()).push(")");
    let rows: Vec<(i64, i64, Option<i64>)> = conn.all(&sql).await?;
    for (id, owner_id, parent_id) in rows {
        refs.engagements.insert(id, EngagementRef { owner_id, parent_id });
    }
    Ok(())
}

/// The id of the organisation with exactly this name (for loaders that name records).
///
/// # Errors
/// The database error.
pub async fn organisation_named(conn: &mut Conn<'_>, name: &str) -> Result<Option<i64>, sqlx::Error> {
    Ok(conn.scalars(&Sql::new("SELECT id FROM organisations WHERE name = ? ORDER BY id").arg(name.to_owned())).await?.into_iter().next())
}

/// The id of the engagement with exactly this title (for loaders that name records).
///
/// # Errors
/// The database error.
pub async fn engagement_titled(conn: &mut Conn<'_>, title: &str) -> Result<Option<i64>, sqlx::Error> {
    Ok(conn.scalars(&Sql::new("SELECT id FROM engagements WHERE title = ? ORDER BY id").arg(title.to_owned())).await?.into_iter().next())
}

async fn validate(conn: &mut Conn<'_>, draft: &NewsDraft, now: OffsetDateTime) -> Result<NewNews, StoreError> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[draft.owner_id]).await?;
    engagements(conn, &mut refs, &draft.engagement_ids).await?;
    refs::goals(conn, &mut refs, &draft.goal_ids, false).await?;
    let zone = zone_of(conn, draft.owner_id).await?;
    Ok(draft.validate(&refs, now, zone)?)
}

async fn write_links(conn: &mut Conn<'_>, id: i64, n: &NewNews) -> Result<(), sqlx::Error> {
    for table in [
        Sql::new("DELETE FROM news_tags WHERE news_id = ?"),
        Sql::new("DELETE FROM news_engagements WHERE news_id = ?"),
        Sql::new("DELETE FROM news_goals WHERE news_id = ?"),
        Sql::new("DELETE FROM news_sdgs WHERE news_id = ?"),
    ] {
        conn.execute(&table.arg(id)).await?;
    }
    for tag in &n.tags {
        conn.execute(&Sql::new("INSERT INTO news_tags (news_id, tag) VALUES (?, ?)").arg(id).arg(tag.clone())).await?;
    }
    for e in &n.engagement_ids {
        conn.execute(&Sql::new("INSERT INTO news_engagements (news_id, engagement_id) VALUES (?, ?)").arg(id).arg(*e)).await?;
    }
    for g in &n.goal_ids {
        conn.execute(&Sql::new("INSERT INTO news_goals (news_id, goal_id) VALUES (?, ?)").arg(id).arg(*g)).await?;
    }
    for s in &n.sdgs {
        conn.execute(&Sql::new("INSERT INTO news_sdgs (news_id, sdg_goal) VALUES (?, ?)").arg(id).arg(*s)).await?;
    }
    Ok(())
}

fn text_of(n: &NewNews) -> String {
    let tags = n.tags.join(" ");
    search_text([n.title.as_str(), n.lead.as_str(), n.body.as_str(), tags.as_str(), n.author_role.as_deref().unwrap_or_default()])
}

/// Validates and inserts an article within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create(conn: &mut Conn<'_>, draft: &NewsDraft, now: OffsetDateTime) -> Result<i64, StoreError> {
    let n = validate(conn, draft, now).await?;
    let sql = Sql::new(
        "INSERT INTO news (owner_id, title, lead, body, image_url, image_alt, author_role, publish_at, search_text, language) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .arg(n.owner_id)
    .arg(n.title.clone())
    .arg(n.lead.clone())
    .arg(n.body.clone())
    .arg(n.image_url.clone())
    .arg(n.image_alt.clone())
    .arg(n.author_role.clone())
    .arg(n.publish_at.map(seconds))
    .arg(text_of(&n))
    .arg(n.language.clone());
    let id = conn.insert(&sql).await?;
    write_links(conn, id, &n).await?;
    Ok(id)
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_news(&self, draft: &NewsDraft, now: OffsetDateTime) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create(&mut tx.conn(), draft, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves an article. Asking for `now` on one already published keeps its original time.
    ///
    /// Only if the article is still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_news(&self, id: i64, expected: Option<i64>, draft: &NewsDraft, now: OffsetDateTime) -> Result<i64, StoreError> {
        self.ensure_visible("news", id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let current: Option<Option<i64>> =
            conn.scalars(&Sql::new("SELECT publish_at FROM news WHERE id = ?").arg(id)).await?.into_iter().next();
        let Some(current) = current else { return Err(StoreError::NotFound { entity: "news", id }) };
        let mut n = validate(&mut conn, draft, now).await?;
        if draft.publish.trim() == "now"
            && let Some(at) = current.filter(|at| *at <= seconds(now))
        {
            n.publish_at = Some(instant(at));
        }
        let sql = Sql::new(
            "UPDATE news SET version = version + 1, owner_id = ?, title = ?, lead = ?, body = ?, image_url = ?, image_alt = ?, \
             author_role = ?, publish_at = ?, search_text = ?, language = ? WHERE id = ?",
        )
        .arg(n.owner_id)
        .arg(n.title.clone())
        .arg(n.lead.clone())
        .arg(n.body.clone())
        .arg(n.image_url.clone())
        .arg(n.image_alt.clone())
        .arg(n.author_role.clone())
        .arg(n.publish_at.map(seconds))
        .arg(text_of(&n))
        .arg(n.language.clone())
        .arg(id);
        let version = crate::store::versioned_update(&mut conn, "news", "news", id, sql, expected).await?;
        write_links(&mut conn, id, &n).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// # Errors
    /// `NotFound`.
    pub async fn delete_news(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let rows = tx.conn().execute(&Sql::new("DELETE FROM news WHERE id = ?").arg(id)).await?;
        StoreError::changed("news", id, rows)?;
        tx.commit().await
    }

    /// An article with its links, whatever its state.
    ///
    /// # Errors
    /// The database error.
    pub async fn news(&self, id: i64) -> Result<Option<News>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut sql = Sql::new(ITEM);
        sql.push(" WHERE n.id = ").bind(id).scoped("n.owner_id");
        let Some(mut item) = conn.optional::<NewsItem>(&sql).await? else { return Ok(None) };
        item.tags = conn.scalars(&Sql::new("SELECT tag FROM news_tags WHERE news_id = ? ORDER BY tag").arg(id)).await?;
        let (body, version) = conn
            .optional::<(String, i64)>(&Sql::new("SELECT body, version FROM news WHERE id = ?").arg(id))
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        let engagements = conn
            .all(&Sql::new("SELECT e.id, e.title FROM news_engagements l JOIN engagements e ON e.id = l.engagement_id WHERE l.news_id = ? ORDER BY e.title").arg(id))
            .await?;
        let goals = conn
            .all(&Sql::new("SELECT g.id, COALESCE(g.title, '') FROM news_goals l JOIN goals g ON g.id = l.goal_id WHERE l.news_id = ? ORDER BY g.title").arg(id))
            .await?;
        let sdgs = conn.scalars(&Sql::new("SELECT sdg_goal FROM news_sdgs WHERE news_id = ? ORDER BY sdg_goal").arg(id)).await?;
        Ok(Some(News { item, body, engagements, goals, sdgs, version }))
    }

    /// A page of articles, newest first (drafts first in the staff list), with their tags.
    ///
    /// # Errors
    /// The database error.
    pub async fn news_list(&self, f: &NewsFilter, now: OffsetDateTime) -> Result<Page<NewsItem>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let wh = filter_sql(f, now);
        let per_page = f.per_page.clamp(1, 500);
        let page = f.page.max(1);
        let mut sql = Sql::new(ITEM);
        sql.push_sql(&wh);
        sql.push(" ORDER BY CASE WHEN n.publish_at IS NULL THEN 0 ELSE 1 END, n.publish_at DESC, n.id DESC LIMIT ")
            .bind(i64::from(per_page))
            .push(" OFFSET ")
            .bind(i64::from((page - 1) * per_page));
        let mut items: Vec<NewsItem> = conn.all(&sql).await?;
        let mut count = Sql::new("SELECT COUNT(*) FROM news n");
        count.push_sql(&wh);
        let total: i64 = conn.scalar(&count).await?;
        if !items.is_empty() {
            let mut tags = Sql::new("SELECT news_id, tag FROM news_tags WHERE news_id IN (");
            tags.bind_list(items.iter().map(|i| i.id)).push(") ORDER BY tag");
            let rows: Vec<(i64, String)> = conn.all(&tags).await?;
            for item in &mut items {
                item.tags = rows.iter().filter(|(id, _)| *id == item.id).map(|(_, t)| t.clone()).collect();
            }
        }
        Ok(Page { items, total, page, per_page })
    }

    /// The published engagements and the goals of published plans that published articles link
    /// to, for the public list's filters.
    ///
    /// # Errors
    /// The database error.
    pub async fn news_link_choices(&self, now: OffsetDateTime) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let engagements = conn
            .all(
                &Sql::new(
                    "SELECT DISTINCT e.id, e.title FROM news_engagements l JOIN engagements e ON e.id = l.engagement_id \
                     JOIN news n ON n.id = l.news_id WHERE n.publish_at <= ? AND e.published = TRUE ORDER BY e.title, e.id",
                )
                .arg(seconds(now)),
            )
            .await?;
        let goals = conn
            .all(
                &Sql::new(
                    "SELECT DISTINCT g.id, COALESCE(g.title, g.description, '') AS title FROM news_goals l JOIN goals g ON g.id = l.goal_id \
                     JOIN plans p ON p.id = g.plan_id JOIN news n ON n.id = l.news_id WHERE n.publish_at <= ? AND p.published = TRUE \
                     ORDER BY title, g.id",
                )
                .arg(seconds(now)),
            )
            .await?;
        Ok((engagements, goals))
    }

    /// The bodies of several articles in one query (for the feed).
    ///
    /// # Errors
    /// The database error.
    pub async fn news_bodies(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT id, body FROM news WHERE id IN (");
        sql.bind_list(ids.iter().copied()).push(")");
        Ok(h.conn().all(&sql).await?)
    }

    /// Every engagement and goal by title, for the link choices of the staff forms.
    ///
    /// # Errors
    /// The database error.
    pub async fn link_targets(&self) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut engagements = Sql::new("SELECT id, title FROM engagements WHERE 1 = 1");
        engagements.scoped("owner_id").push(" ORDER BY title, id");
        let mut goals = Sql::new(
            "SELECT g.id, COALESCE(g.title, g.description, '') AS title FROM goals g JOIN plans p ON p.id = g.plan_id WHERE 1 = 1",
        );
        goals.scoped("p.owner_id").push(" ORDER BY title, g.id");
        let engagements = conn.all(&engagements).await?;
        let goals = conn.all(&goals).await?;
        Ok((engagements, goals))
    }

    /// Every tag in use on published articles (of one authority), for the filter.
    ///
    /// # Errors
    /// The database error.
    pub async fn news_tags(&self, owner_id: Option<i64>, now: OffsetDateTime) -> Result<Vec<String>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT DISTINCT t.tag FROM news_tags t JOIN news n ON n.id = t.news_id WHERE n.publish_at <= ");
        sql.bind(seconds(now));
        if let Some(owner) = owner_id {
            sql.push(" AND n.owner_id = ").bind(owner);
        }
        sql.push(" ORDER BY t.tag");
        Ok(h.conn().scalars(&sql).await?)
    }
}

/// The `WHERE` clause of a filter (always present, so callers only append).
fn filter_sql(f: &NewsFilter, now: OffsetDateTime) -> Sql {
    let mut sql = Sql::new(" WHERE 1 = 1");
    sql.scoped("n.owner_id");
    if f.published_only {
        sql.push(" AND n.publish_at <= ").bind(seconds(now));
    }
    if let Some(owner) = f.owner_id {
        sql.push(" AND n.owner_id = ").bind(owner);
    }
    if let Some(kind) = &f.kind {
        sql.push(" AND n.id IN (SELECT l.news_id FROM news_engagements l JOIN engagements e ON e.id = l.engagement_id WHERE e.kind = ")
            .bind(kind.clone())
            .push(")");
    }
    if let Some(e) = f.engagement_id {
        sql.push(" AND n.id IN (SELECT news_id FROM news_engagements WHERE engagement_id = ").bind(e).push(")");
    }
    if let Some(g) = f.goal_id {
        sql.push(" AND n.id IN (SELECT news_id FROM news_goals WHERE goal_id = ").bind(g).push(")");
    }
    if let Some(s) = f.sdg {
        sql.push(" AND n.id IN (SELECT news_id FROM news_sdgs WHERE sdg_goal = ").bind(s).push(")");
    }
    if let Some(tag) = &f.tag {
        sql.push(" AND n.id IN (SELECT news_id FROM news_tags WHERE tag = ").bind(tag.clone()).push(")");
    }
    // A period is read in Oslo time: an article of 1 January 00:30 local belongs to that day.
    let zone = Zone::default();
    if let Some(from) = f.from {
        sql.push(" AND n.publish_at >= ").bind(seconds(zone.instant(from.with_time(Time::MIDNIGHT))));
    }
    if let Some(to) = f.to {
        let next = to.next_day().unwrap_or(to);
        sql.push(" AND n.publish_at < ").bind(seconds(zone.instant(next.with_time(Time::MIDNIGHT))));
    }
    for word in fold(&f.q).split_whitespace() {
        sql.push(" AND n.search_text LIKE ").bind(samverk_domain::text::like_pattern(word)).push(" ESCAPE '\\'");
    }
    sql
}
