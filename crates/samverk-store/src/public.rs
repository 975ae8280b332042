//! The public face: what an authority has published (engagements and plans), read in a fixed
//! number of queries whatever the portfolio's size, and the texts of engagements in more than
//! one language.

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::plan::{PlanKind, PlanStatus};
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
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

/// An engagement's title and description in one more language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct EngagementText {
    pub engagement_id: i64,
    pub language: String,
    pub title: String,
    pub description: Option<String>,
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

/// What a published engagement contributes to a goal of a published plan, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PublicContribution {
    pub engagement_id: i64,
    pub goal_id: i64,
    pub goal_title: Option<String>,
    pub goal_parent_id: Option<i64>,
    pub plan_id: i64,
    pub plan_title: String,
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
    pub texts: Vec<EngagementText>,
    pub partners: Vec<PublicPartner>,
    pub contributions: Vec<PublicContribution>,
    pub plans: Vec<PublicPlan>,
    pub goals: Vec<PublicGoal>,
}

#[derive(sqlx::FromRow)]
struct LanguageRow {
    language: Option<String>,
}

const PUBLISHED_ENGAGEMENTS: &str = "SELECT e.id FROM engagements e WHERE e.published = TRUE AND e.owner_id = ";

impl Store {
    /// Authorities with at least one published engagement or plan, by name.
    ///
    /// # Errors
    /// The database error.
    pub async fn public_authorities(&self) -> Result<Vec<PublicAuthority>, StoreError> {
        let mut h = self.handle().await?;
        let sql = Sql::new(
            "SELECT o.id, o.name, o.name_nb, o.name_sv, o.name_en, \
             (SELECT COUNT(*) FROM engagements e WHERE e.owner_id = o.id AND e.published = TRUE) AS engagements, \
             (SELECT COUNT(*) FROM plans p WHERE p.owner_id = o.id AND p.published = TRUE) AS plans \
             FROM organisations o WHERE EXISTS (SELECT 1 FROM engagements e WHERE e.owner_id = o.id AND e.published = TRUE) \
             OR EXISTS (SELECT 1 FROM plans p WHERE p.owner_id = o.id AND p.published = TRUE) ORDER BY o.name",
        );
        Ok(h.conn().all(&sql).await?)
    }

    /// An authority's published engagements and plans, in six queries whatever their number.
    /// Contributions count only to goals of published plans.
    ///
    /// # Errors
    /// The database error.
    pub async fn portfolio(&self, owner_id: i64) -> Result<Portfolio, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut e = Sql::new(
            "SELECT e.id, e.kind, e.title, e.description, e.language, e.status, e.start_date, e.end_date, \
             d.body AS decision_body, d.case_number AS decision_case_number, d.date AS decision_date, \
             d.date_precision AS decision_date_precision \
             FROM engagements e LEFT JOIN decisions d ON d.id = e.decision_id \
             WHERE e.published = TRUE AND e.owner_id = ",
        );
        e.bind(owner_id).push(" ORDER BY e.title, e.id");
        let engagements = conn.all(&e).await?;
        let mut t =
            Sql::new("SELECT t.engagement_id, t.language, t.title, t.description FROM engagement_texts t WHERE t.engagement_id IN (");
        t.push(PUBLISHED_ENGAGEMENTS).bind(owner_id).push(")");
        let texts = conn.all(&t).await?;
        let mut p = Sql::new(
            "SELECT p.engagement_id, o.name AS organisation_name, o.name_nb, o.name_sv, o.name_en, p.role \
             FROM participants p JOIN organisations o ON o.id = p.organisation_id WHERE p.engagement_id IN (",
        );
        p.push(PUBLISHED_ENGAGEMENTS).bind(owner_id).push(") ORDER BY p.engagement_id, p.role, o.name");
        let partners = conn.all(&p).await?;
        let mut c = Sql::new(
            "SELECT c.engagement_id, c.goal_id, g.title AS goal_title, g.parent_id AS goal_parent_id, g.plan_id, \
             pl.title AS plan_title, c.how FROM contributions c JOIN goals g ON g.id = c.goal_id JOIN plans pl ON pl.id = g.plan_id \
             WHERE pl.published = TRUE AND c.engagement_id IN (",
        );
        c.push(PUBLISHED_ENGAGEMENTS).bind(owner_id).push(") ORDER BY pl.title, g.position, g.id, c.engagement_id");
        let contributions = conn.all(&c).await?;
        let mut pl = Sql::new(
            "SELECT p.id, p.title, p.kind, p.status, p.period_start, p.period_end, p.description FROM plans p \
             WHERE p.published = TRUE AND p.owner_id = ",
        );
        pl.bind(owner_id).push(" ORDER BY p.period_start DESC, p.title");
        let plans = conn.all(&pl).await?;
        let mut g = Sql::new(
            "SELECT g.id, g.plan_id, g.parent_id, g.title, g.description FROM goals g JOIN plans p ON p.id = g.plan_id \
             WHERE p.published = TRUE AND p.owner_id = ",
        );
        g.bind(owner_id).push(" ORDER BY g.plan_id, g.position, g.id");
        let goals = conn.all(&g).await?;
        Ok(Portfolio { engagements, texts, partners, contributions, plans, goals })
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

    /// An engagement's original language and its texts in other languages.
    ///
    /// # Errors
    /// The database error.
    pub async fn engagement_texts(&self, id: i64) -> Result<(Option<String>, Vec<EngagementText>), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut l = Sql::new("SELECT language FROM engagements WHERE id = ");
        l.bind(id).scoped("owner_id");
        let Some(LanguageRow { language }) = conn.optional::<LanguageRow>(&l).await? else {
            return Err(StoreError::NotFound { entity: "engagement", id });
        };
        let mut t = Sql::new("SELECT engagement_id, language, title, description FROM engagement_texts WHERE engagement_id = ");
        t.bind(id).push(" ORDER BY language");
        Ok((language, conn.all(&t).await?))
    }

    /// Sets an engagement's original language and replaces its texts in other languages, in one
    /// transaction. A text with an empty title is removed.
    ///
    /// # Errors
    /// `NotFound` when there is no such engagement; the database error.
    pub async fn save_engagement_texts(
        &self,
        id: i64,
        language: Option<&str>,
        texts: &[(String, String, String)],
    ) -> Result<(), StoreError> {
        self.ensure_visible("engagements", id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        save_texts(&mut conn, id, language, texts).await?;
        tx.commit().await
    }
}

async fn save_texts(conn: &mut Conn<'_>, id: i64, language: Option<&str>, texts: &[(String, String, String)]) -> Result<(), StoreError> {
    let mut l = Sql::new("UPDATE engagements SET language = ");
    l.bind(language.map(str::to_owned)).push(" WHERE id = ").bind(id);
    StoreError::changed("engagement", id, conn.execute(&l).await?)?;
    let mut d = Sql::new("DELETE FROM engagement_texts WHERE engagement_id = ");
    d.bind(id);
    conn.execute(&d).await?;
    for (lang, title, description) in texts {
        if title.trim().is_empty() || Some(lang.as_str()) == language {
            continue;
        }
        let mut i = Sql::new("INSERT INTO engagement_texts (engagement_id, language, title, description) VALUES (");
        let description = (!description.trim().is_empty()).then(|| description.trim().to_owned());
        i.bind(id).push(", ").bind(lang.clone()).push(", ").bind(title.trim().to_owned()).push(", ").bind(description).push(")");
        conn.execute(&i).await?;
    }
    Ok(())
}

/// Publishes every engagement and plan (the demo data is public), and records that the demo's
/// texts are written in Norwegian Bokmål unless the owner is Swedish.
///
/// # Errors
/// The database error.
pub async fn publish_all(conn: &mut Conn<'_>) -> Result<(), StoreError> {
    conn.execute(&Sql::new("UPDATE engagements SET published = TRUE")).await?;
    conn.execute(&Sql::new("UPDATE plans SET published = TRUE")).await?;
    conn.execute(&Sql::new(
        "UPDATE engagements SET language = CASE WHEN (SELECT o.country FROM organisations o WHERE o.id = engagements.owner_id) = 'SE' \
         THEN 'sv' ELSE 'nb' END WHERE language IS NULL",
    ))
    .await?;
    Ok(())
}
