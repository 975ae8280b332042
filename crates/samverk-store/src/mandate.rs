//! Representatives, their mandates in engagements, and their reports back (with attachments
//! and the goals each report speaks to).

use std::collections::HashSet;

use samverk_domain::ValidationErrors;
use samverk_domain::mandate::{self, DueState, Duty, Frequency, MandateDraft, MandateRefs, MandateRole, PersonDraft, ReportDraft};
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError};

/// A representative of an authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub email: Option<String>,
    /// She consented to her name being shown on the public pages.
    pub show_name: bool,
    /// Mandates held.
    pub mandates: i64,
    pub version: i64,
}

/// A mandate with its engagement, holder and latest report back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Mandate {
    pub id: i64,
    pub engagement_id: i64,
    pub engagement_title: String,
    pub owner_id: i64,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: MandateRole,
    pub body: String,
    pub case_number: Option<String>,
    pub decision_date: Option<Date>,
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub instructions: Option<String>,
    pub report_to: String,
    #[sqlx(try_from = "String")]
    pub frequency: Frequency,
    pub next_meeting: Option<Date>,
    pub last_report: Option<Date>,
    pub reports: i64,
    pub version: i64,
}

impl Mandate {
    #[must_use]
    pub const fn duty(&self) -> Duty {
        Duty { frequency: self.frequency, start: self.start_date, end: self.end_date, next_meeting: self.next_meeting }
    }

    /// When the next report back is due (see [`mandate::next_due`]).
    #[must_use]
    pub fn next_due(&self, today: Date) -> Option<Date> {
        mandate::next_due(&self.duty(), self.last_report, today)
    }

    #[must_use]
    pub fn due_state(&self, today: Date) -> Option<DueState> {
        self.next_due(today).map(|due| mandate::due_state(due, today))
    }

    /// The period has ended: flagged so the body can renew or close it.
    #[must_use]
    pub fn ended(&self, today: Date) -> bool {
        self.end_date.is_some_and(|end| end < today)
    }

    /// No one holds the seat.
    #[must_use]
    pub const fn vacant(&self) -> bool {
        self.person_id.is_none()
    }
}

/// A report back with the goals it speaks to and its attachments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub id: i64,
    pub mandate_id: i64,
    pub date: Date,
    pub meetings: Option<String>,
    pub text: String,
    pub goals: Vec<(i64, String)>,
    pub attachments: Vec<AttachmentInfo>,
}

/// An attachment's name, type and size (the bytes are fetched only for download).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AttachmentInfo {
    pub id: i64,
    pub report_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
}

/// An attachment with its bytes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Which mandates to list.
#[derive(Debug, Clone, Default)]
pub struct MandateFilter {
    pub owner_id: Option<i64>,
    pub person_id: Option<i64>,
    pub engagement_id: Option<i64>,
    pub mandate_id: Option<i64>,
}

const PERSON_SELECT: &str = "SELECT p.id, p.owner_id, o.name AS owner_name, p.name, p.title, p.department, p.email, p.show_name, p.version, \
     (SELECT COUNT(*) FROM mandates m WHERE m.person_id = p.id) AS mandates FROM people p JOIN organisations o ON o.id = p.owner_id";

const MANDATE_SELECT: &str = "SELECT m.id, m.engagement_id, e.title AS engagement_title, e.owner_id, m.person_id, p.name AS person_name, \
     m.role, m.body, m.case_number, m.decision_date, m.start_date, m.end_date, m.instructions, m.report_to, m.frequency, m.next_meeting, m.version, \
     (SELECT MAX(r.date) FROM report_backs r WHERE r.mandate_id = m.id) AS last_report, \
     (SELECT COUNT(*) FROM report_backs r WHERE r.mandate_id = m.id) AS reports \
     FROM mandates m JOIN engagements e ON e.id = m.engagement_id LEFT JOIN people p ON p.id = m.person_id";

/// Validates and inserts a person within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_person(conn: &mut Conn<'_>, draft: &PersonDraft) -> Result<i64, StoreError> {
    let known = owner_known(conn, draft.owner_id).await?;
    let p = draft.validate(known)?;
    let sql = Sql::new("INSERT INTO people (owner_id, name, title, department, email, show_name) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        .arg(p.owner_id)
        .arg(p.name)
        .arg(p.title)
        .arg(p.department)
        .arg(p.email)
        .arg(p.show_name);
    Ok(conn.insert(&sql).await?)
}

async fn owner_known(conn: &mut Conn<'_>, id: Option<i64>) -> Result<bool, sqlx::Error> {
    let Some(id) = id else { return Ok(false) };
    Ok(conn.optional::<(i64,)>(&Sql::new("SELECT id FROM organisations WHERE id = ?").arg(id)).await?.is_some())
}

async fn mandate_refs(conn: &mut Conn<'_>, draft: &MandateDraft) -> Result<MandateRefs, sqlx::Error> {
    let mut refs = MandateRefs::default();
    if let Some(id) = draft.engagement_id {
        refs.engagement_owner =
            conn.optional::<(i64,)>(&Sql::new("SELECT owner_id FROM engagements WHERE id = ?").arg(id)).await?.map(|r| r.0);
    }
    if let Some(id) = draft.person_id {
        refs.person_owner = conn.optional::<(i64,)>(&Sql::new("SELECT owner_id FROM people WHERE id = ?").arg(id)).await?.map(|r| r.0);
    }
    Ok(refs)
}

/// Validates and inserts a mandate within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_mandate(conn: &mut Conn<'_>, draft: &MandateDraft) -> Result<i64, StoreError> {
    let refs = mandate_refs(conn, draft).await?;
    let m = draft.validate(refs)?;
    let sql = Sql::new(
        "INSERT INTO mandates (engagement_id, person_id, role, body, case_number, decision_date, start_date, end_date, instructions, \
         report_to, frequency, next_meeting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .arg(m.engagement_id)
    .arg(m.person_id)
    .arg(m.role.code())
    .arg(m.body)
    .arg(m.case_number)
    .arg(m.decision_date)
    .arg(m.start)
    .arg(m.end)
    .arg(m.instructions)
    .arg(m.report_to)
    .arg(m.frequency.code())
    .arg(m.next_meeting);
    Ok(conn.insert(&sql).await?)
}

/// Validates and inserts a report back with its goals and attachments within the caller's
/// transaction. `files` are (file name, bytes) as uploaded; each is checked by its content.
///
/// # Errors
/// `NotFound` for an unknown mandate; validation errors (nothing is written then).
pub async fn create_report(
    conn: &mut Conn<'_>,
    mandate_id: i64,
    draft: &ReportDraft,
    files: Vec<(String, Vec<u8>)>,
    today: Date,
) -> Result<i64, StoreError> {
    let sql =
        Sql::new("SELECT m.start_date, m.end_date, e.owner_id FROM mandates m JOIN engagements e ON e.id = m.engagement_id WHERE m.id = ?")
            .arg(mandate_id);
    let (start, end, owner) =
        conn.optional::<(Date, Option<Date>, i64)>(&sql).await?.ok_or_else(StoreError::not_found("mandate", mandate_id))?;
    let mut known = Sql::new("SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.owner_id = ");
    known.bind(owner).push(" AND g.id IN (").bind_list(draft.goal_ids.iter().copied()).push(")");
    let known: HashSet<i64> = conn.scalars::<i64>(&known).await?.into_iter().collect();
    let mut errors = ValidationErrors::new();
    let report = draft.validate(start, end, &known, today).map_err(|e| errors.extend(e)).ok();
    let mut attachments = Vec::new();
    for (name, data) in files {
        match mandate::attachment(&name, data) {
            Ok(a) => attachments.push(a),
            Err(e) => errors.extend(e),
        }
    }
    let Some(report) = report.filter(|_| errors.is_empty()) else { return Err(errors.into()) };
    let sql = Sql::new("INSERT INTO report_backs (mandate_id, date, meetings, text) VALUES (?, ?, ?, ?) RETURNING id")
        .arg(mandate_id)
        .arg(report.date)
        .arg(report.meetings)
        .arg(report.text);
    let id = conn.insert(&sql).await?;
    for goal in report.goal_ids {
        conn.execute(&Sql::new("INSERT INTO report_goals (report_id, goal_id) VALUES (?, ?)").arg(id).arg(goal)).await?;
    }
    for a in attachments {
        let size = i64::try_from(a.data.len()).unwrap_or(i64::MAX);
        let sql = Sql::new("INSERT INTO report_attachments (report_id, file_name, content_type, size, data) VALUES (?, ?, ?, ?, ?)")
            .arg(id)
            .arg(a.file_name)
            .arg(a.content_type)
            .arg(size)
            .arg(a.data);
        conn.execute(&sql).await?;
    }
    Ok(id)
}

/// Mandates matching the filter, in one query.
///
/// # Errors
/// The database error.
pub async fn mandates(conn: &mut Conn<'_>, filter: &MandateFilter) -> Result<Vec<Mandate>, StoreError> {
    let mut sql = Sql::new(MANDATE_SELECT);
    sql.push(" WHERE 1 = 1").scoped("e.owner_id");
    if let Some(owner) = filter.owner_id {
        sql.push(" AND e.owner_id = ").bind(owner);
    }
    if let Some(person) = filter.person_id {
        sql.push(" AND m.person_id = ").bind(person);
    }
    if let Some(engagement) = filter.engagement_id {
        sql.push(" AND m.engagement_id = ").bind(engagement);
    }
    if let Some(id) = filter.mandate_id {
        sql.push(" AND m.id = ").bind(id);
    }
    sql.push(" ORDER BY e.title, m.start_date, m.id");
    Ok(conn.all(&sql).await?)
}

/// The authority of a report back's mandate (inside a query on `report_backs`).
const OWNER_OF_REPORT: &str =
    "(SELECT se.owner_id FROM mandates sm JOIN engagements se ON se.id = sm.engagement_id WHERE sm.id = report_backs.mandate_id)";

/// Reports back of the mandates listed (or of every mandate when `None`), newest first,
/// each with its goals and attachments: three queries whatever the number.
///
/// # Errors
/// The database error.
pub async fn reports(conn: &mut Conn<'_>, mandate_ids: &[i64]) -> Result<Vec<Report>, StoreError> {
    reports_dated(conn, mandate_ids, None).await
}

/// ` AND <column> >= first AND <column> <= last` when a period is given.
fn dated(sql: &mut Sql, column: &'static str, period: Option<(Date, Date)>) {
    if let Some((first, last)) = period {
        sql.push(" AND ").push(column).push(" >= ").bind(first).push(" AND ").push(column).push(" <= ").bind(last);
    }
}

/// [`reports`], only those dated within `period` (first and last day included) when one is
/// given: the yearly report reads one year's reports, not every report ever written.
///
/// # Errors
/// The database error.
pub async fn reports_dated(conn: &mut Conn<'_>, mandate_ids: &[i64], period: Option<(Date, Date)>) -> Result<Vec<Report>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        mandate_id: i64,
        date: Date,
        meetings: Option<String>,
        text: String,
    }
    let mut sql = Sql::new("SELECT id, mandate_id, date, meetings, text FROM report_backs WHERE mandate_id IN (");
    sql.bind_list(mandate_ids.iter().copied()).push(")");
    dated(&mut sql, "report_backs.date", period);
    sql.scoped(OWNER_OF_REPORT).push(" ORDER BY date DESC, id DESC");
    let rows: Vec<Row> = conn.all(&sql).await?;
    let mut goals_sql = Sql::new(
        "SELECT rg.report_id, g.id, COALESCE(g.title, '') FROM report_goals rg JOIN goals g ON g.id = rg.goal_id \
         JOIN report_backs r ON r.id = rg.report_id WHERE r.mandate_id IN (",
    );
    goals_sql.bind_list(mandate_ids.iter().copied()).push(")");
    dated(&mut goals_sql, "r.date", period);
    goals_sql.push(" ORDER BY g.position, g.id");
    let goals: Vec<(i64, i64, String)> = conn.all(&goals_sql).await?;
    let mut files_sql = Sql::new(
        "SELECT a.id, a.report_id, a.file_name, a.content_type, a.size FROM report_attachments a JOIN report_backs r ON r.id = a.report_id \
         WHERE r.mandate_id IN (",
    );
    files_sql.bind_list(mandate_ids.iter().copied()).push(")");
    dated(&mut files_sql, "r.date", period);
    files_sql.push(" ORDER BY a.id");
    let files: Vec<AttachmentInfo> = conn.all(&files_sql).await?;
    // Grouped once: thousands of reports must not each scan every goal link.
    let mut goals_of: std::collections::HashMap<i64, Vec<(i64, String)>> = std::collections::HashMap::new();
    for (report, id, title) in goals {
        goals_of.entry(report).or_default().push((id, title));
    }
    let mut files_of: std::collections::HashMap<i64, Vec<AttachmentInfo>> = std::collections::HashMap::new();
    for f in files {
        files_of.entry(f.report_id).or_default().push(f);
    }
    Ok(rows
        .into_iter()
        .map(|r| Report {
            goals: goals_of.remove(&r.id).unwrap_or_default(),
            attachments: files_of.remove(&r.id).unwrap_or_default(),
            id: r.id,
            mandate_id: r.mandate_id,
            date: r.date,
            meetings: r.meetings,
            text: r.text,
        })
        .collect())
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_person(&self, draft: &PersonDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_person(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a person only if still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_person(&self, id: i64, expected: Option<i64>, draft: &PersonDraft) -> Result<i64, StoreError> {
        self.ensure_visible("people", id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let known = owner_known(&mut conn, draft.owner_id).await?;
        let p = draft.validate(known)?;
        let sql =
            Sql::new("UPDATE people SET version = version + 1, owner_id = ?, name = ?, title = ?, department = ?, email = ?, show_name = ? WHERE id = ?")
                .arg(p.owner_id)
                .arg(p.name)
                .arg(p.title)
                .arg(p.department)
                .arg(p.email)
                .arg(p.show_name)
                .arg(id);
        let version = crate::store::versioned_update(&mut conn, "person", "people", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a person; the mandates she held stay, without a holder (and so are flagged).
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn delete_person(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        // Said explicitly rather than left to ON DELETE SET NULL, so both engines behave alike
        // whatever their foreign-key settings.
        conn.execute(&Sql::new("UPDATE mandates SET person_id = NULL, version = version + 1 WHERE person_id = ?").arg(id)).await?;
        if conn.execute(&Sql::new("DELETE FROM people WHERE id = ?").arg(id)).await? == 0 {
            return Err(StoreError::NotFound { entity: "person", id });
        }
        tx.commit().await
    }

    /// Deletes a mandate that has no reports back; one with reports is part of the record and
    /// stays (end its period instead).
    ///
    /// # Errors
    /// `NotFound`, or `InUse` with `used_by: "reports"`.
    pub async fn delete_mandate(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let reports = conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM report_backs WHERE mandate_id = ?").arg(id)).await?;
        if reports > 0 {
            return Err(StoreError::InUse { entity: "mandate", id, used_by: "reports" });
        }
        if conn.execute(&Sql::new("DELETE FROM mandates WHERE id = ?").arg(id)).await? == 0 {
            return Err(StoreError::NotFound { entity: "mandate", id });
        }
        tx.commit().await
    }

    /// # Errors
    /// The database error.
    pub async fn person(&self, id: i64) -> Result<Option<Person>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(PERSON_SELECT);
        sql.push(" WHERE p.id = ").bind(id).scoped("p.owner_id");
        Ok(h.conn().optional(&sql).await?)
    }

    /// Representatives, by name, optionally of one authority.
    ///
    /// # Errors
    /// The database error.
    pub async fn people(&self, owner_id: Option<i64>) -> Result<Vec<Person>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(PERSON_SELECT);
        sql.push(" WHERE 1 = 1").scoped("p.owner_id");
        if let Some(owner) = owner_id {
            sql.push(" AND p.owner_id = ").bind(owner);
        }
        sql.push(" ORDER BY p.name, p.id");
        Ok(h.conn().all(&sql).await?)
    }

    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_mandate(&self, draft: &MandateDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_mandate(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a mandate only if still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_mandate(&self, id: i64, expected: Option<i64>, draft: &MandateDraft) -> Result<i64, StoreError> {
        self.ensure_visible("mandates", id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let refs = mandate_refs(&mut conn, draft).await?;
        let m = draft.validate(refs)?;
        let sql = Sql::new(
            "UPDATE mandates SET version = version + 1, engagement_id = ?, person_id = ?, role = ?, body = ?, case_number = ?, \
             decision_date = ?, start_date = ?, end_date = ?, instructions = ?, report_to = ?, frequency = ?, next_meeting = ? WHERE id = ?",
        )
        .arg(m.engagement_id)
        .arg(m.person_id)
        .arg(m.role.code())
        .arg(m.body)
        .arg(m.case_number)
        .arg(m.decision_date)
        .arg(m.start)
        .arg(m.end)
        .arg(m.instructions)
        .arg(m.report_to)
        .arg(m.frequency.code())
        .arg(m.next_meeting)
        .arg(id);
        let version = crate::store::versioned_update(&mut conn, "mandate", "mandates", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// # Errors
    /// The database error.
    pub async fn mandate(&self, id: i64) -> Result<Option<Mandate>, StoreError> {
        let mut h = self.handle().await?;
        let filter = MandateFilter { mandate_id: Some(id), ..MandateFilter::default() };
        Ok(mandates(&mut h.conn(), &filter).await?.into_iter().next())
    }

    /// # Errors
    /// The database error.
    pub async fn mandates(&self, filter: &MandateFilter) -> Result<Vec<Mandate>, StoreError> {
        let mut h = self.handle().await?;
        mandates(&mut h.conn(), filter).await
    }

    /// Reports back of these mandates, newest first.
    ///
    /// # Errors
    /// The database error.
    pub async fn reports(&self, mandate_ids: &[i64]) -> Result<Vec<Report>, StoreError> {
        let mut h = self.handle().await?;
        reports(&mut h.conn(), mandate_ids).await
    }

    /// # Errors
    /// `NotFound` for an unknown mandate; validation errors (nothing is written then).
    pub async fn create_report(
        &self,
        mandate_id: i64,
        draft: &ReportDraft,
        files: Vec<(String, Vec<u8>)>,
        today: Date,
    ) -> Result<i64, StoreError> {
        self.ensure_visible("mandates", mandate_id).await?;
        let mut tx = self.begin().await?;
        let id = create_report(&mut tx.conn(), mandate_id, draft, files, today).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An attachment with its bytes, for download.
    ///
    /// # Errors
    /// The database error.
    pub async fn attachment(&self, id: i64) -> Result<Option<Attachment>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT file_name, content_type, data FROM report_attachments a WHERE id = ?").arg(id);
        sql.scoped(
            "(SELECT se.owner_id FROM report_backs sr JOIN mandates sm ON sm.id = sr.mandate_id \
             JOIN engagements se ON se.id = sm.engagement_id WHERE sr.id = a.report_id)",
        );
        Ok(h.conn().optional(&sql).await?)
    }
}

/// Ids by natural key, for loaders that name records rather than number them.
pub mod lookup {
    use crate::db::{Conn, Sql};

    /// The authority an engagement belongs to.
    ///
    /// # Errors
    /// The database error.
    pub async fn engagement_owner(conn: &mut Conn<'_>, id: i64) -> Result<Option<i64>, crate::StoreError> {
        Ok(conn.optional::<(i64,)>(&Sql::new("SELECT owner_id FROM engagements WHERE id = ?").arg(id)).await?.map(|r| r.0))
    }

    /// An organisation by its name.
    ///
    /// # Errors
    /// The database error.
    pub async fn organisation(conn: &mut Conn<'_>, name: &str) -> Result<Option<i64>, crate::StoreError> {
        Ok(conn
            .optional::<(i64,)>(&Sql::new("SELECT id FROM organisations WHERE name = ? ORDER BY id").arg(name.to_owned()))
            .await?
            .map(|r| r.0))
    }

    /// An engagement by its title.
    ///
    /// # Errors
    /// The database error.
    pub async fn engagement(conn: &mut Conn<'_>, title: &str) -> Result<Option<i64>, crate::StoreError> {
        Ok(conn
            .optional::<(i64,)>(&Sql::new("SELECT id FROM engagements WHERE title = ? ORDER BY id").arg(title.to_owned()))
            .await?
            .map(|r| r.0))
    }

    /// A goal by the title of its plan and its own title.
    ///
    /// # Errors
    /// The database error.
    pub async fn goal(conn: &mut Conn<'_>, plan: &str, title: &str) -> Result<Option<i64>, crate::StoreError> {
        let sql = Sql::new("SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.title = ? AND g.title = ? ORDER BY g.id")
            .arg(plan.to_owned())
            .arg(title.to_owned());
        Ok(conn.optional::<(i64,)>(&sql).await?.map(|r| r.0))
    }

    /// A goal of an authority's plans by its title.
    ///
    /// # Errors
    /// The database error.
    pub async fn goal_of_owner(conn: &mut Conn<'_>, owner_id: i64, title: &str) -> Result<Option<i64>, crate::StoreError> {
        let sql = Sql::new("SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.owner_id = ? AND g.title = ? ORDER BY g.id")
            .arg(owner_id)
            .arg(title.to_owned());
        Ok(conn.optional::<(i64,)>(&sql).await?.map(|r| r.0))
    }
}
