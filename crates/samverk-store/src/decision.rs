//! Decisions and what they established.

use samverk_domain::decision::{DatePrecision, DecisionDraft, NewDecision};
use samverk_domain::refs::References;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError, refs};

/// A decision as stored, with its owner's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Decision {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub body: String,
    pub case_number: Option<String>,
    pub date: Date,
    #[sqlx(try_from = "String")]
    pub date_precision: DatePrecision,
    pub title: String,
    pub url: Option<String>,
    pub version: i64,
}

/// What a decision established.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Established {
    pub plans: Vec<(i64, String)>,
    pub engagements: Vec<(i64, String)>,
}

const SELECT: &str = "SELECT d.id, d.owner_id, o.name AS owner_name, d.body, d.case_number, d.date, d.date_precision, d.title, d.url, d.version \
                      FROM decisions d JOIN organisations o ON o.id = d.owner_id";

pub(crate) async fn insert(conn: &mut Conn<'_>, d: &NewDecision) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO decisions (owner_id, body, case_number, date, date_precision, title, url) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .arg(d.owner_id)
    .arg(d.body.clone())
    .arg(d.case_number.clone())
    .arg(d.date)
    .arg(d.date_precision.code())
    .arg(d.title.clone())
    .arg(d.url.clone());
    conn.insert(&sql).await
}

async fn validate(conn: &mut Conn<'_>, draft: &DecisionDraft) -> Result<NewDecision, StoreError> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[draft.owner_id]).await?;
    Ok(draft.validate(&refs)?)
}

/// Validates and inserts a decision within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create(conn: &mut Conn<'_>, draft: &DecisionDraft) -> Result<i64, StoreError> {
    let new = validate(conn, draft).await?;
    Ok(insert(conn, &new).await?)
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_decision(&self, draft: &DecisionDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound` or validation errors.
    pub async fn update_decision(&self, id: i64, draft: &DecisionDraft) -> Result<(), StoreError> {
        self.update_decision_at(id, None, draft).await.map(|_| ())
    }

    /// Updates a decision only if it is still at `expected` (the version the writer read);
    /// returns the new version. `None` overwrites whatever is there (imports, the CLI).
    ///
    /// # Errors
    /// `Stale` when another write came first, `NotFound`, or validation errors.
    pub async fn update_decision_at(&self, id: i64, expected: Option<i64>, draft: &DecisionDraft) -> Result<i64, StoreError> {
        self.ensure_visible("decisions", id).await?;
        let mut tx = self.begin().await?;
        let new = validate(&mut tx.conn(), draft).await?;
        let sql = Sql::new(
            "UPDATE decisions SET version = version + 1, owner_id = ?, body = ?, case_number = ?, date = ?, date_precision = ?, title = ?, url = ? WHERE id = ?",
        )
        .arg(new.owner_id)
        .arg(new.body)
        .arg(new.case_number)
        .arg(new.date)
        .arg(new.date_precision.code())
        .arg(new.title)
        .arg(new.url)
        .arg(id);
        let version = crate::store::versioned_update(&mut tx.conn(), "decision", "decisions", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a decision; what it established stays, without the link.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn delete_decision(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if tx.conn().execute(&Sql::new("DELETE FROM decisions WHERE id = ?").arg(id)).await? == 0 {
            return Err(StoreError::NotFound { entity: "decision", id });
        }
        tx.commit().await
    }

    /// # Errors
    /// The database error.
    pub async fn decision(&self, id: i64) -> Result<Option<Decision>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE d.id = ").bind(id).scoped("d.owner_id");
        Ok(h.conn().optional(&sql).await?)
    }

    /// Decisions, newest first, optionally of one authority.
    ///
    /// # Errors
    /// The database error.
    pub async fn decisions(&self, owner_id: Option<i64>) -> Result<Vec<Decision>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE 1 = 1").scoped("d.owner_id");
        if let Some(owner) = owner_id {
            sql.push(" AND d.owner_id = ").bind(owner);
        }
        sql.push(" ORDER BY d.date DESC, d.id DESC");
        Ok(h.conn().all(&sql).await?)
    }

    /// The plans and engagements a decision established.
    ///
    /// # Errors
    /// The database error.
    pub async fn established_by(&self, id: i64) -> Result<Established, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut plans = Sql::new("SELECT id, title FROM plans WHERE decision_id = ?").arg(id);
        plans.scoped("owner_id").push(" ORDER BY title");
        let mut engagements = Sql::new("SELECT id, title FROM engagements WHERE decision_id = ?").arg(id);
        engagements.scoped("owner_id").push(" ORDER BY title");
        let plans = conn.all(&plans).await?;
        let engagements = conn.all(&engagements).await?;
        Ok(Established { plans, engagements })
    }
}
