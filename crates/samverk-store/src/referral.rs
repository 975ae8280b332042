//! Referrals received (høring, remiss) and the statements answering them.

use samverk_domain::referral::{NewReferral, ReferralDraft};
use samverk_domain::refs::References;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError, refs};

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Referral {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub sender: String,
    pub case_number: Option<String>,
    pub subject: String,
    pub deadline: Date,
    pub responsible: Option<String>,
    pub statement: Option<String>,
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    pub sent_on: Option<Date>,
    pub version: i64,
}

const SELECT: &str = "SELECT r.id, r.owner_id, o.name AS owner_name, r.sender, r.case_number, r.subject, r.deadline, r.responsible, \
                      r.statement, r.approved_by, r.approved_on, r.sent_on, r.version FROM referrals r JOIN organisations o ON o.id = r.owner_id";

async fn validate(conn: &mut Conn<'_>, draft: &ReferralDraft) -> Result<NewReferral, StoreError> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[draft.owner_id]).await?;
    Ok(draft.validate(&refs)?)
}

fn bind_fields(sql: Sql, r: NewReferral) -> Sql {
    sql.arg(r.owner_id)
        .arg(r.sender)
        .arg(r.case_number)
        .arg(r.subject)
        .arg(r.deadline)
        .arg(r.responsible)
        .arg(r.statement)
        .arg(r.approved_by)
        .arg(r.approved_on)
        .arg(r.sent_on)
}

/// Validates and inserts a referral within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create(conn: &mut Conn<'_>, draft: &ReferralDraft) -> Result<i64, StoreError> {
    let r = validate(conn, draft).await?;
    let sql = bind_fields(
        Sql::new(
            "INSERT INTO referrals (owner_id, sender, case_number, subject, deadline, responsible, statement, approved_by, approved_on, sent_on) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ),
        r,
    );
    Ok(conn.insert(&sql).await?)
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_referral(&self, draft: &ReferralDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a referral only if still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_referral(&self, id: i64, expected: Option<i64>, draft: &ReferralDraft) -> Result<i64, StoreError> {
        self.ensure_visible("referrals", id).await?;
        let mut tx = self.begin().await?;
        let r = validate(&mut tx.conn(), draft).await?;
        let sql = bind_fields(
            Sql::new(
                "UPDATE referrals SET version = version + 1, owner_id = ?, sender = ?, case_number = ?, subject = ?, deadline = ?, \
                 responsible = ?, statement = ?, approved_by = ?, approved_on = ?, sent_on = ? WHERE id = ?",
            ),
            r,
        )
        .arg(id);
        let version = crate::store::versioned_update(&mut tx.conn(), "referral", "referrals", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// # Errors
    /// The database error.
    pub async fn referral(&self, id: i64) -> Result<Option<Referral>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE r.id = ").bind(id).scoped("r.owner_id");
        Ok(h.conn().optional(&sql).await?)
    }

    /// Referrals by deadline. With `due_by`, only those not yet answered whose deadline is on or
    /// before that date (overdue ones included: they are the most urgent).
    ///
    /// # Errors
    /// The database error.
    pub async fn referrals(&self, owner_id: Option<i64>, due_by: Option<Date>) -> Result<Vec<Referral>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE 1 = 1").scoped("r.owner_id");
        if let Some(owner) = owner_id {
            sql.push(" AND r.owner_id = ").bind(owner);
        }
        if let Some(due) = due_by {
            sql.push(" AND r.sent_on IS NULL AND r.deadline <= ").bind(due);
        }
        sql.push(" ORDER BY r.deadline, r.id");
        Ok(h.conn().all(&sql).await?)
    }
}
