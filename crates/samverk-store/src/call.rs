//! Calls for input and the answers sent to them.

use samverk_domain::call::{CallDraft, NewCall, NewSubmission};
use samverk_domain::refs::References;
use samverk_domain::text::search_text;
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::db::{Conn, Sql};
use crate::news::{engagements, seconds};
use crate::scope::owner_via;
use crate::{Store, StoreError, refs};

/// A call as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Call {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub title: String,
    pub body: String,
    /// One question per line.
    pub questions: String,
    pub audience: Option<String>,
    pub opens_on: Date,
    pub closes_on: Date,
    pub closes_time: Option<String>,
    pub time_zone: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub require_name: bool,
    pub require_email: bool,
    pub consent_text: String,
    pub consent_version: String,
    /// The language the call is written in, when known.
    pub language: Option<String>,
    pub version: i64,
    #[sqlx(skip)]
    pub engagements: Vec<(i64, String)>,
    #[sqlx(skip)]
    pub goals: Vec<(i64, String)>,
    #[sqlx(skip)]
    pub submissions: i64,
}

/// An answer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Submission {
    pub id: i64,
    pub call_id: i64,
    pub reference: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub answer: String,
    pub consent_version: String,
    pub consent_text: String,
    pub submitted_at: i64,
    pub tags: String,
    pub published: bool,
}

const SELECT: &str = "SELECT c.id, c.owner_id, o.name AS owner_name, c.title, c.body, c.questions, c.audience, c.opens_on, c.closes_on, \
                      c.closes_time, c.time_zone, c.opens_at, c.closes_at, c.require_name, c.require_email, c.consent_text, c.consent_version, \
                      c.language, c.version FROM calls c JOIN organisations o ON o.id = c.owner_id";

const SUBMISSION: &str = "SELECT id, call_id, reference, name, email, organisation, answer, consent_version, consent_text, submitted_at, tags, published \
                          FROM call_submissions";

async fn validate(conn: &mut Conn<'_>, draft: &CallDraft) -> Result<NewCall, StoreError> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[draft.owner_id]).await?;
    engagements(conn, &mut refs, &draft.engagement_ids).await?;
    refs::goals(conn, &mut refs, &draft.goal_ids, false).await?;
    Ok(draft.validate(&refs)?)
}

fn bind_fields(sql: Sql, c: &NewCall) -> Sql {
    sql.arg(c.owner_id)
        .arg(c.title.clone())
        .arg(c.body.clone())
        .arg(c.questions.join("\n"))
        .arg(c.audience.clone())
        .arg(c.opens_on)
        .arg(c.closes_on)
        .arg(c.closes_time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute())))
        .arg(c.zone.code())
        .arg(seconds(c.opens_at))
        .arg(seconds(c.closes_at))
        .arg(c.require_name)
        .arg(c.require_email)
        .arg(c.consent_text.clone())
        .arg(c.consent_version.clone())
        .arg(search_text([c.title.as_str(), c.body.as_str(), c.questions.join(" ").as_str(), c.audience.as_deref().unwrap_or_default()]))
        .arg(c.language.clone())
}

async fn write_links(conn: &mut Conn<'_>, id: i64, c: &NewCall) -> Result<(), sqlx::Error> {
    conn.execute(&Sql::new("DELETE FROM call_engagements WHERE call_id = ?").arg(id)).await?;
    conn.execute(&Sql::new("DELETE FROM call_goals WHERE call_id = ?").arg(id)).await?;
    for e in &c.engagement_ids {
        conn.execute(&Sql::new("INSERT INTO call_engagements (call_id, engagement_id) VALUES (?, ?)").arg(id).arg(*e)).await?;
    }
    for g in &c.goal_ids {
        conn.execute(&Sql::new("INSERT INTO call_goals (call_id, goal_id) VALUES (?, ?)").arg(id).arg(*g)).await?;
    }
    Ok(())
}

/// Validates and inserts a call within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create(conn: &mut Conn<'_>, draft: &CallDraft) -> Result<i64, StoreError> {
    let c = validate(conn, draft).await?;
    let sql = bind_fields(
        Sql::new(
            "INSERT INTO calls (owner_id, title, body, questions, audience, opens_on, closes_on, closes_time, time_zone, opens_at, closes_at, \
             require_name, require_email, consent_text, consent_version, search_text, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ),
        &c,
    );
    let id = conn.insert(&sql).await?;
    write_links(conn, id, &c).await?;
    Ok(id)
}

/// A file attached to an answer, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AttachmentInfo {
    pub id: i64,
    pub submission_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
}

/// A file attached to an answer, for download.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentFile {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// Why an answer was not stored.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("the call is not open")]
    NotOpen,
    #[error("too many answers from this address; try again later")]
    RateLimited,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SubmitError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(e.into())
    }
}

/// How many answers one address may send in [`RATE_WINDOW_SECONDS`].
pub const RATE_LIMIT: i64 = 5;
pub const RATE_WINDOW_SECONDS: i64 = 600;

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_call(&self, draft: &CallDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a call only if still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_call(&self, id: i64, expected: Option<i64>, draft: &CallDraft) -> Result<i64, StoreError> {
        self.ensure_visible("calls", id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let c = validate(&mut conn, draft).await?;
        let sql = bind_fields(
            Sql::new(
                "UPDATE calls SET version = version + 1, owner_id = ?, title = ?, body = ?, questions = ?, audience = ?, opens_on = ?, closes_on = ?, \
                 closes_time = ?, time_zone = ?, opens_at = ?, closes_at = ?, require_name = ?, require_email = ?, consent_text = ?, \
                 consent_version = ?, search_text = ?, language = ? WHERE id = ?",
            ),
            &c,
        )
        .arg(id);
        let version = crate::store::versioned_update(&mut conn, "call", "calls", id, sql, expected).await?;
        write_links(&mut conn, id, &c).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// A call with its links and the number of answers.
    ///
    /// # Errors
    /// The database error.
    pub async fn call(&self, id: i64) -> Result<Option<Call>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE c.id = ").bind(id).scoped("c.owner_id");
        let Some(mut call) = conn.optional::<Call>(&sql).await? else { return Ok(None) };
        call.engagements = conn
            .all(&Sql::new("SELECT e.id, e.title FROM call_engagements l JOIN engagements e ON e.id = l.engagement_id WHERE l.call_id = ? ORDER BY e.title").arg(id))
            .await?;
        call.goals = conn
            .all(&Sql::new("SELECT g.id, COALESCE(g.title, '') FROM call_goals l JOIN goals g ON g.id = l.goal_id WHERE l.call_id = ? ORDER BY g.title").arg(id))
            .await?;
        call.submissions = conn.scalar(&Sql::new("SELECT COUNT(*) FROM call_submissions WHERE call_id = ?").arg(id)).await?;
        Ok(Some(call))
    }

    /// Calls, latest closing first, optionally of one authority.
    ///
    /// # Errors
    /// The database error.
    pub async fn calls(&self, owner_id: Option<i64>) -> Result<Vec<Call>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SELECT);
        sql.push(" WHERE 1 = 1").scoped("c.owner_id");
        if let Some(owner) = owner_id {
            sql.push(" AND c.owner_id = ").bind(owner);
        }
        sql.push(" ORDER BY c.closes_at DESC, c.id DESC");
        Ok(h.conn().all(&sql).await?)
    }

    /// Stores an answer if the call is open at `now` and the address has not sent too many;
    /// returns its reference number.
    ///
    /// # Errors
    /// `NotOpen`, `RateLimited`, or the database error.
    pub async fn submit(&self, call: &Call, s: &NewSubmission, client_key: &str, now: OffsetDateTime) -> Result<String, SubmitError> {
        let at = seconds(now);
        if at < call.opens_at || at >= call.closes_at {
            return Err(SubmitError::NotOpen);
        }
        let mut tx = self.begin().await.map_err(SubmitError::Store)?;
        let mut conn = tx.conn();
        let recent: i64 = conn
            .scalar(
                &Sql::new("SELECT COUNT(*) FROM call_submissions WHERE client_key = ? AND submitted_at > ?")
                    .arg(client_key.to_owned())
                    .arg(at - RATE_WINDOW_SECONDS),
            )
            .await?;
        if recent >= RATE_LIMIT {
            return Err(SubmitError::RateLimited);
        }
        // The reference is made from the row's id, so it is unique without a counter table.
        let provisional = format!("pending-{client_key}-{}", now.unix_timestamp_nanos());
        let id = conn
            .insert(
                &Sql::new(
                    "INSERT INTO call_submissions (call_id, reference, name, email, organisation, answer, consent_version, consent_text, submitted_at, client_key) \
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .arg(call.id)
                .arg(provisional)
                .arg(s.name.clone())
                .arg(s.email.clone())
                .arg(s.organisation.clone())
                .arg(s.answer.clone())
                .arg(call.consent_version.clone())
                .arg(call.consent_text.clone())
                .arg(at)
                .arg(client_key.to_owned()),
            )
            .await?;
        let reference = format!("INN-{}-{id:05}", now.year());
        conn.execute(&Sql::new("UPDATE call_submissions SET reference = ? WHERE id = ?").arg(reference.clone()).arg(id)).await?;
        for a in &s.attachments {
            conn.execute(
                &Sql::new("INSERT INTO call_attachments (submission_id, file_name, content_type, size, content) VALUES (?, ?, ?, ?, ?)")
                    .arg(id)
                    .arg(a.file_name.clone())
                    .arg(a.content_type.to_owned())
                    .arg(i64::try_from(a.bytes.len()).unwrap_or(i64::MAX))
                    .arg(a.bytes.clone()),
            )
            .await?;
        }
        tx.commit().await.map_err(SubmitError::Store)?;
        Ok(reference)
    }

    /// The answers to a call, oldest first; with `published_only`, only those marked published.
    ///
    /// # Errors
    /// The database error.
    pub async fn submissions(&self, call_id: i64, published_only: bool) -> Result<Vec<Submission>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SUBMISSION);
        sql.push(" WHERE call_id = ").bind(call_id).scoped(owner_via!("calls", "call_id"));
        if published_only {
            sql.push(" AND published = ").bind(true);
        }
        sql.push(" ORDER BY id");
        Ok(h.conn().all(&sql).await?)
    }

    /// An answer by its reference number.
    ///
    /// # Errors
    /// The database error.
    pub async fn submission_by_reference(&self, reference: &str) -> Result<Option<Submission>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(SUBMISSION);
        sql.push(" WHERE reference = ").bind(reference.to_owned());
        Ok(h.conn().optional(&sql).await?)
    }

    /// The files attached to a call's answers (without their content), by answer then order sent.
    ///
    /// # Errors
    /// The database error.
    pub async fn call_attachments(&self, call_id: i64) -> Result<Vec<AttachmentInfo>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(
            "SELECT a.id, a.submission_id, a.file_name, a.content_type, a.size FROM call_attachments a \
             JOIN call_submissions s ON s.id = a.submission_id WHERE s.call_id = ?",
        )
        .arg(call_id);
        sql.scoped(owner_via!("calls", "call_id")).push(" ORDER BY a.submission_id, a.id");
        Ok(h.conn().all(&sql).await?)
    }

    /// One attached file with its content, when it belongs to that answer of that call.
    ///
    /// # Errors
    /// The database error.
    pub async fn call_attachment(&self, call_id: i64, submission_id: i64, id: i64) -> Result<Option<AttachmentFile>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(
            "SELECT a.file_name, a.content_type, a.content FROM call_attachments a JOIN call_submissions s ON s.id = a.submission_id \
             WHERE a.id = ? AND a.submission_id = ? AND s.call_id = ?",
        )
        .arg(id)
        .arg(submission_id)
        .arg(call_id);
        sql.scoped(owner_via!("calls", "call_id"));
        Ok(h.conn().optional(&sql).await?)
    }

    /// Sets an answer's tags (comma-separated) and whether it is published.
    ///
    /// # Errors
    /// `NotFound`, or `Invalid` for a tag that is too long.
    pub async fn mark_submission(&self, id: i64, tags: &str, published: bool) -> Result<(), StoreError> {
        self.ensure_visible("call_submissions", id).await?;
        let tags = samverk_domain::news::tags(tags).map_err(|p| samverk_domain::ValidationErrors::single("submission_tags", p))?;
        let mut tx = self.begin().await?;
        let rows = tx
            .conn()
            .execute(
                &Sql::new("UPDATE call_submissions SET tags = ?, published = ? WHERE id = ?").arg(tags.join(", ")).arg(published).arg(id),
            )
            .await?;
        StoreError::changed("submission", id, rows)?;
        tx.commit().await
    }
}
