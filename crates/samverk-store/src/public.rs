//! The public face: what an authority has published (engagements and plans), read in a fixed
//! number of queries whatever the portfolio's size (their texts in more than one language are
//! kept by [`crate::texts`]).

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::mandate::MandateRole;
use samverk_domain::plan::{PlanKind, PlanStatus};
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::texts::Text;
use crate::{Store, StoreError};

/// An authority with something published, for the public index and the sitemap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicAuthority {
    pub id: i64,
    pub name: String,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub engagements: i64,
    pub plans: i64,
}

/// A published engagement with its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicEngagement {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: EngagementKind,
    pub title: String,
    pub description: Option<String>,
    /// The language the title and description are written in, when known.
    pub language: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: EngagementStatus,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub decision_body: Option<String>,
    pub decision_case_number: Option<String>,
    pub decision_date: Option<Date>,
    pub decision_date_precision: Option<String>,
}

/// A partner of a published engagement: an organisation and its role (never a person's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicPartner {
    pub engagement_id: i64,
    pub organisation_name: String,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: Role,
}

/// A representative of the authority in a published engagement (a current mandate with a
/// holder): her role, and her name only when she consented to it being shown. The name of one
/// who did not is never read from the database for a public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicRepresentative {
    pub engagement_id: i64,
    #[sqlx(try_from = "String")]
    pub role: MandateRole,
    pub name: Option<String>,
}

/// What a published engagement contributes to a goal of a published plan, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicContribution {
    pub engagement_id: i64,
    pub goal_id: i64,
    pub goal_title: Option<String>,
    pub goal_parent_id: Option<i64>,
    pub plan_id: i64,
    pub plan_title: String,
    /// The language the plan (and so the goal) is written in, when known.
    pub plan_language: Option<String>,
    pub how: String,
}

/// A published plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicPlan {
    pub id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: PlanKind,
    #[sqlx(try_from = "String")]
    pub status: PlanStatus,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub description: Option<String>,
    /// The language the plan and its goals are written in, when known.
    pub language: Option<String>,
}

/// A goal of a published plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicGoal {
    pub id: i64,
    pub plan_id: i64,
    pub parent_id: Option<i64>,
    pub title: Option<String>,
    pub description: Option<String>,
}

/// Everything an authority's public pages show.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Portfolio {
    pub engagements: Vec<PublicEngagement>,
    pub texts: Vec<Text>,
    pub partners: Vec<PublicPartner>,
    pub representatives: Vec<PublicRepresentative>,
    pub contributions: Vec<PublicContribution>,
    pub plans: Vec<PublicPlan>,
    pub goals: Vec<PublicGoal>,
}

/// A measure of a published plan, under its goal when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicMeasure {
    pub id: i64,
    pub goal_id: Option<i64>,
    pub title: String,
}

/// What a published plan's public page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicPlanPage {
    pub plan: PublicPlan,
    pub goals: Vec<PublicGoal>,
    pub measures: Vec<PublicMeasure>,
    /// The first engagements contributing to each goal, with each goal's total.
    pub contributing: Vec<GoalSample>,
}

/// The records with public pages of their own, for the sitemap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SitemapRecords {
    /// (owner, engagement) of every published engagement.
    pub engagements: Vec<(i64, i64)>,
    pub news: Vec<i64>,
    pub calls: Vec<i64>,
}

/// The public ones among some linked records: (engagement, owner) and (goal, owner, plan).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PublicLinks {
    pub engagements: Vec<(i64, i64)>,
    pub goals: Vec<(i64, i64, i64)>,
}

/// Which of an authority's published engagements a public list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublicFilter {
    pub kind: Option<EngagementKind>,
    pub status: Option<EngagementStatus>,
    /// Engagements contributing directly to this goal of a published plan.
    pub goal_id: Option<i64>,
    /// One engagement (its public page).
    pub id: Option<i64>,
}

impl PublicFilter {
    fn push_where(&self, sql: &mut Sql, owner_id: i64) {
        sql.push(" FROM engagements e WHERE e.published = TRUE AND e.owner_id = ").bind(owner_id);
        if let Some(kind) = self.kind {
            sql.push(" AND e.kind = ").bind(kind.code());
        }
        if let Some(status) = self.status {
            sql.push(" AND e.status = ").bind(status.code());
        }
        if let Some(id) = self.id {
            sql.push(" AND e.id = ").bind(id);
        }
        if let Some(goal) = self.goal_id {
            sql.push(
                " AND e.id IN (SELECT c.engagement_id FROM contributions c JOIN goals g ON g.id = c.goal_id \
                 JOIN plans pl ON pl.id = g.plan_id WHERE pl.published = TRUE AND c.goal_id = ",
            )
            .bind(goal)
            .push(")");
        }
    }
}

/// How many published engagements an authority has of one kind in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct KindStatusCount {
    #[sqlx(try_from = "String")]
    pub kind: EngagementKind,
    #[sqlx(try_from = "String")]
    pub status: EngagementStatus,
    pub count: i64,
}

/// One of the first engagements contributing to a goal, with the goal's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct GoalSample {
    pub goal_id: i64,
    pub engagement_id: i64,
    /// In the requested language where written, else the original.
    pub title: String,
    pub how: String,
    /// How many published engagements contribute to the goal directly.
    pub total: i64,
}

/// What the portfolio page shows: counts, the first engagements of each kind (with the plans
/// and goals in `samples`), and the first engagements contributing to each goal.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PortfolioSummary {
    pub counts: Vec<KindStatusCount>,
    pub samples: Portfolio,
    pub goal_samples: Vec<GoalSample>,
}

impl Store {
    /// Authorities with at least one published engagement or plan, by name. Counted per owner
    /// from the published records and then joined to the few owners, rather than probing every
    /// organisation with correlated subqueries: with 20,000 organisations PostgreSQL costed that
    /// plan above `jit_above_cost` and spent some 400 ms compiling it on every request.
    ///
    /// # Errors
    /// The database error.
    pub async fn public_authorities(&self) -> Result<Vec<PublicAuthority>, StoreError> {
        let mut h = self.handle().await?;
        let sql = Sql::new(
            "SELECT o.id, o.name, o.name_nb, o.name_sv, o.name_en, c.engagements, c.plans FROM (\
             SELECT x.owner_id, CAST(SUM(x.engagements) AS BIGINT) AS engagements, CAST(SUM(x.plans) AS BIGINT) AS plans FROM (\
             SELECT e.owner_id, COUNT(*) AS engagements, 0 AS plans FROM engagements e WHERE e.published = TRUE GROUP BY e.owner_id \
             UNION ALL SELECT p.owner_id, 0, COUNT(*) FROM plans p WHERE p.published = TRUE GROUP BY p.owner_id) x \
             GROUP BY x.owner_id) c JOIN organisations o ON o.id = c.owner_id ORDER BY o.name",
        );
        Ok(h.conn().all(&sql).await?)
    }

    /// One published plan of an authority, for its public page: the plan, its goals, its
    /// measures, and for each goal the number of the authority's published engagements
    /// contributing to it directly with the first `per_goal` of them (titles in `lang` where
    /// written). Four queries, and nothing of the authority's other plans or of engagements that
    /// do not contribute to this one; `None` when the plan is not the authority's or not published.
    ///
    /// # Errors
    /// The database error.
    pub async fn public_plan(&self, owner_id: i64, plan_id: i64, lang: &str, per_goal: i64) -> Result<Option<PublicPlanPage>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut pl = Sql::new(
            "SELECT p.id, p.title, p.kind, p.status, p.period_start, p.period_end, p.description, p.language FROM plans p \
             WHERE p.published = TRUE AND p.owner_id = ",
        );
        pl.bind(owner_id).push(" AND p.id = ").bind(plan_id);
        let Some(plan) = conn.optional::<PublicPlan>(&pl).await? else { return Ok(None) };
        let mut g = Sql::new("SELECT g.id, g.plan_id, g.parent_id, g.title, g.description FROM goals g WHERE g.plan_id = ");
        g.bind(plan_id).push(" ORDER BY g.position, g.id");
        let goals = conn.all(&g).await?;
        let mut m = Sql::new("SELECT m.id, m.goal_id, m.title FROM measures m WHERE m.plan_id = ");
        m.bind(plan_id).push(" ORDER BY m.position, m.id");
        let measures = conn.all(&m).await?;
        let mut goal_ids = Sql::new("SELECT g.id FROM goals g WHERE g.plan_id = ");
        goal_ids.bind(plan_id);
        let contributing = goal_samples(&mut conn, owner_id, &goal_ids, lang, per_goal).await?;
        Ok(Some(PublicPlanPage { plan, goals, measures, contributing }))
    }

    /// What the portfolio page summarises: the published engagements counted by kind and status,
    /// the first `per_kind` of each kind (by title) with their details, the published plans and
    /// goals, and for each goal the number of published engagements contributing to it directly
    /// with `per_goal` of them (the oldest records, shown by title; titles in `lang` where written). Ten queries whatever
    /// the portfolio's size, and the page grows with `per_kind` and `per_goal`, not with it.
    ///
    /// # Errors
    /// The database error.
    pub async fn portfolio_summary(&self, owner_id: i64, lang: &str, per_kind: i64, per_goal: i64) -> Result<PortfolioSummary, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut counts =
            Sql::new("SELECT e.kind, e.status, COUNT(*) AS count FROM engagements e WHERE e.published = TRUE AND e.owner_id = ");
        counts.bind(owner_id).push(" GROUP BY e.kind, e.status");
        let counts = conn.all(&counts).await?;
        let mut first = Sql::new(
            "SELECT s.id FROM (SELECT e.id, ROW_NUMBER() OVER (PARTITION BY e.kind ORDER BY e.title, e.id) AS n \
             FROM engagements e WHERE e.published = TRUE AND e.owner_id = ",
        );
        first.bind(owner_id).push(") s WHERE s.n <= ").bind(per_kind);
        let first = conn.scalars::<i64>(&first).await?;
        let mut ids = Sql::new("SELECT e.id FROM engagements e WHERE e.id IN (");
        ids.bind_list(first).push(")");
        let mut samples = details(&mut conn, &ids).await?;
        samples.plans = published_plans(&mut conn, owner_id).await?;
        samples.goals = published_goals(&mut conn, owner_id).await?;
        let mut goal_ids = Sql::new("SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.published = TRUE AND p.owner_id = ");
        goal_ids.bind(owner_id);
        let goal_samples = goal_samples(&mut conn, owner_id, &goal_ids, lang, per_goal).await?;
        Ok(PortfolioSummary { counts, samples, goal_samples })
    }

    /// An authority's published plans and their goals (two queries).
    ///
    /// # Errors
    /// The database error.
    pub async fn public_plans(&self, owner_id: i64) -> Result<(Vec<PublicPlan>, Vec<PublicGoal>), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        Ok((published_plans(&mut conn, owner_id).await?, published_goals(&mut conn, owner_id).await?))
    }

    /// One page of an authority's published engagements, by title, narrowed by `filter`, with
    /// their details, and how many match. Seven queries whatever the page or the portfolio's size.
    ///
    /// # Errors
    /// The database error.
    pub async fn public_engagements(
        &self,
        owner_id: i64,
        filter: &PublicFilter,
        per_page: i64,
        offset: i64,
    ) -> Result<(i64, Portfolio), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut count = Sql::new("SELECT COUNT(*)");
        filter.push_where(&mut count, owner_id);
        let total = conn.scalar::<i64>(&count).await?;
        let mut page = Sql::new("SELECT e.id");
        filter.push_where(&mut page, owner_id);
        page.push(" ORDER BY e.title, e.id LIMIT ").bind(per_page).push(" OFFSET ").bind(offset);
        let page = conn.scalars::<i64>(&page).await?;
        let mut ids = Sql::new("SELECT e.id FROM engagements e WHERE e.id IN (");
        ids.bind_list(page).push(")");
        Ok((total, details(&mut conn, &ids).await?))
    }

    /// Every public page's record for the sitemap, in three queries: the published engagements
    /// (with their owners), the news published by `now` and the calls.
    ///
    /// # Errors
    /// The database error.
    pub async fn sitemap_records(&self, now: i64) -> Result<SitemapRecords, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let engagements =
            conn.all(&Sql::new("SELECT e.owner_id, e.id FROM engagements e WHERE e.published = TRUE ORDER BY e.owner_id, e.id")).await?;
        let mut n = Sql::new("SELECT n.id FROM news n WHERE n.publish_at <= ");
        n.bind(now).push(" ORDER BY n.id");
        let news = conn.scalars(&n).await?;
        let calls = conn.scalars(&Sql::new("SELECT c.id FROM calls c ORDER BY c.id")).await?;
        Ok(SitemapRecords { engagements, news, calls })
    }

    /// Which of these engagements are published, with their owners, and which of these goals
    /// belong to a published plan, with its owner and id: where a news article or a call may
    /// link the public (two queries).
    ///
    /// # Errors
    /// The database error.
    pub async fn public_links(&self, engagements: &[i64], goals: &[i64]) -> Result<PublicLinks, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut out = PublicLinks::default();
        if !engagements.is_empty() {
            let mut e = Sql::new("SELECT e.id, e.owner_id FROM engagements e WHERE e.published = TRUE AND e.id IN (");
            e.bind_list(engagements.iter().copied()).push(")");
            out.engagements = conn.all(&e).await?;
        }
        if !goals.is_empty() {
            let mut g = Sql::new(
                "SELECT g.id, p.owner_id, p.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.published = TRUE AND g.id IN (",
            );
            g.bind_list(goals.iter().copied()).push(")");
            out.goals = conn.all(&g).await?;
        }
        Ok(out)
    }

    /// Publishes an engagement on the public pages, or withdraws it.
    ///
    /// # Errors
    /// `NotFound` when there is no such engagement; the database error.
    pub async fn set_engagement_published(&self, id: i64, published: bool) -> Result<(), StoreError> {
        // In a transaction, like every write: attributed in the trail and held to the scope.
        let mut tx = self.begin().await?;
        let mut sql = Sql::new("UPDATE engagements SET published = ");
        sql.bind(published).push(" WHERE id = ").bind(id);
        let rows = tx.conn().execute(&sql).await?;
        StoreError::changed("engagement", id, rows)?;
        tx.commit().await
    }

    /// Publishes a plan on the public pages, or withdraws it.
    ///
    /// # Errors
    /// `NotFound` when there is no such plan; the database error.
    pub async fn set_plan_published(&self, id: i64, published: bool) -> Result<(), StoreError> {
        // In a transaction, like every write: attributed in the trail and held to the scope.
        let mut tx = self.begin().await?;
        let mut sql = Sql::new("UPDATE plans SET published = ");
        sql.bind(published).push(" WHERE id = ").bind(id);
        let rows = tx.conn().execute(&sql).await?;
        StoreError::changed("plan", id, rows)?;
        tx.commit().await
    }

    /// Whether an engagement (`plan` false) or a plan (`plan` true) is published.
    ///
    /// # Errors
    /// The database error.
    pub async fn is_published(&self, plan: bool, id: i64) -> Result<bool, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(if plan {
            "SELECT COUNT(*) FROM plans WHERE published = TRUE AND id = "
        } else {
            "SELECT COUNT(*) FROM engagements WHERE published = TRUE AND id = "
        });
        sql.bind(id);
        Ok(h.conn().scalar::<i64>(&sql).await? > 0)
    }
}

/// The engagements whose ids `ids` selects (a `SELECT e.id …`), with their decisions, texts in
/// other languages, partners, representatives and contributions to goals of published plans:
/// five queries.
async fn details(conn: &mut Conn<'_>, ids: &Sql) -> Result<Portfolio, StoreError> {
    let mut e = Sql::new(
        "SELECT e.id, e.kind, e.title, e.description, e.language, e.status, e.start_date, e.end_date, \
         d.body AS decision_body, d.case_number AS decision_case_number, d.date AS decision_date, \
         d.date_precision AS decision_date_precision \
         FROM engagements e LEFT JOIN decisions d ON d.id = e.decision_id WHERE e.id IN (",
    );
    e.push_sql(ids).push(") ORDER BY e.title, e.id");
    let engagements = conn.all(&e).await?;
    let texts = crate::texts::of_records(conn, crate::texts::ENGAGEMENT, ids, None).await?;
    let mut p = Sql::new(
        "SELECT p.engagement_id, o.name AS organisation_name, o.name_nb, o.name_sv, o.name_en, p.role \
         FROM participants p JOIN organisations o ON o.id = p.organisation_id WHERE p.engagement_id IN (",
    );
    p.push_sql(ids).push(") ORDER BY p.engagement_id, p.role, o.name");
    let partners = conn.all(&p).await?;
    let mut r = Sql::new(
        "SELECT m.engagement_id, m.role, CASE WHEN p.show_name = TRUE THEN p.name END AS name \
         FROM mandates m JOIN people p ON p.id = m.person_id \
         WHERE (m.end_date IS NULL OR m.end_date >= CURRENT_DATE) AND m.engagement_id IN (",
    );
    r.push_sql(ids).push(") ORDER BY m.engagement_id, m.role, m.id");
    let representatives = conn.all(&r).await?;
    let mut c = Sql::new(
        "SELECT c.engagement_id, c.goal_id, g.title AS goal_title, g.parent_id AS goal_parent_id, g.plan_id, \
         pl.title AS plan_title, pl.language AS plan_language, c.how FROM contributions c JOIN goals g ON g.id = c.goal_id JOIN plans pl ON pl.id = g.plan_id \
         WHERE pl.published = TRUE AND c.engagement_id IN (",
    );
    c.push_sql(ids).push(") ORDER BY pl.title, g.position, g.id, c.engagement_id");
    let contributions = conn.all(&c).await?;
    Ok(Portfolio { engagements, texts, partners, representatives, contributions, plans: Vec::new(), goals: Vec::new() })
}

/// For each goal `goal_ids` selects (a `SELECT g.id …`), the owner's published engagements
/// contributing to it directly: how many, and the first `per_goal` (the oldest records, shown by
/// title; titles in `lang` where written). One query.
async fn goal_samples(
    conn: &mut Conn<'_>,
    owner_id: i64,
    goal_ids: &Sql,
    lang: &str,
    per_goal: i64,
) -> Result<Vec<GoalSample>, StoreError> {
    // Ranked on the covering index of contributions alone (by engagement id), so only the
    // few engagements shown are read; ranking every contribution by title read them all.
    // The unary `+` keeps SQLite (no statistics) from probing the index once per goal and
    // engagement pair; it walks each goal's range and checks the set of published ids.
    let mut g = Sql::new(
        "SELECT s.goal_id, s.engagement_id, COALESCE(t.title, e.title) AS title, c.how, s.total FROM (\
         SELECT c.goal_id, c.engagement_id, ROW_NUMBER() OVER (PARTITION BY c.goal_id ORDER BY c.engagement_id) AS n, \
         COUNT(*) OVER (PARTITION BY c.goal_id) AS total FROM contributions c \
         WHERE +c.engagement_id IN (SELECT e.id FROM engagements e WHERE e.published = TRUE AND e.owner_id = ",
    );
    g.bind(owner_id).push(") AND c.goal_id IN (").push_sql(goal_ids);
    g.push(
        ")) s JOIN engagements e ON e.id = s.engagement_id \
         JOIN contributions c ON c.engagement_id = s.engagement_id AND c.goal_id = s.goal_id \
         LEFT JOIN engagement_texts t ON t.engagement_id = e.id AND t.language = ",
    )
    .bind(lang.to_owned())
    .push(" WHERE s.n <= ")
    .bind(per_goal)
    .push(" ORDER BY s.goal_id, COALESCE(t.title, e.title), e.id");
    Ok(conn.all(&g).await?)
}

async fn published_plans(conn: &mut Conn<'_>, owner_id: i64) -> Result<Vec<PublicPlan>, StoreError> {
    let mut pl = Sql::new(
        "SELECT p.id, p.title, p.kind, p.status, p.period_start, p.period_end, p.description, p.language FROM plans p \
         WHERE p.published = TRUE AND p.owner_id = ",
    );
    pl.bind(owner_id).push(" ORDER BY p.period_start DESC, p.title");
    Ok(conn.all(&pl).await?)
}

async fn published_goals(conn: &mut Conn<'_>, owner_id: i64) -> Result<Vec<PublicGoal>, StoreError> {
    let mut g = Sql::new(
        "SELECT g.id, g.plan_id, g.parent_id, g.title, g.description FROM goals g JOIN plans p ON p.id = g.plan_id \
         WHERE p.published = TRUE AND p.owner_id = ",
    );
    g.bind(owner_id).push(" ORDER BY g.plan_id, g.position, g.id");
    Ok(conn.all(&g).await?)
}

/// Publishes every engagement and plan (the demo data is public), and records that the demo's
/// engagements, plans and calls are written in Norwegian Bokmål unless the owner is Swedish.
///
/// # Errors
/// The database error.
pub async fn publish_all(conn: &mut Conn<'_>) -> Result<(), StoreError> {
    conn.execute(&Sql::new("UPDATE engagements SET published = TRUE")).await?;
    conn.execute(&Sql::new("UPDATE plans SET published = TRUE")).await?;
    for sql in [
        "UPDATE engagements SET language = CASE WHEN (SELECT o.country FROM organisations o WHERE o.id = engagements.owner_id) = 'SE' \
         THEN 'sv' ELSE 'nb' END WHERE language IS NULL",
        "UPDATE plans SET language = CASE WHEN (SELECT o.country FROM organisations o WHERE o.id = plans.owner_id) = 'SE' \
         THEN 'sv' ELSE 'nb' END WHERE language IS NULL",
        "UPDATE calls SET language = CASE WHEN (SELECT o.country FROM organisations o WHERE o.id = calls.owner_id) = 'SE' \
         THEN 'sv' ELSE 'nb' END WHERE language IS NULL",
    ] {
        conn.execute(&Sql::new(sql)).await?;
    }
    Ok(())
}
