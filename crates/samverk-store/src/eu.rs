//! EU projects: their details, budget lines, sums, and the lessons learned with their readers.

use samverk_domain::ValidationErrors;
use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_domain::eu::{
    self, BudgetContext, BudgetLineDraft, EuProjectDraft, LessonDraft, NewBudgetLine, Programme, ProjectRole, ReadingDraft,
};
use samverk_domain::input::Period;
use samverk_domain::text;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::scope::owner_via;
use crate::{Store, StoreError};

/// The EU-project details of an engagement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct EuProject {
    pub engagement_id: i64,
    #[sqlx(try_from = "String")]
    pub programme: Programme,
    pub strand: Option<String>,
    pub funding_call: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: ProjectRole,
    pub department: Option<String>,
    pub version: i64,
}

/// One partner's budget for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BudgetLine {
    pub id: i64,
    pub engagement_id: i64,
    pub year: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
    /// Hundredths of a percent.
    pub cofinancing_rate: i64,
    pub version: i64,
}

/// The amounts of a budget, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Amounts {
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
}

impl Amounts {
    /// The share of the total the EU pays, in hundredths of a percent.
    #[must_use]
    pub fn rate(&self) -> i64 {
        eu::rate_of(self.eu_grant, self.total)
    }

    fn add(&mut self, l: &BudgetLine) {
        self.total += l.total;
        self.eu_grant += l.eu_grant;
        self.national_cofinancing += l.national_cofinancing;
        self.own_contribution += l.own_contribution;
    }
}

/// A lesson learned, with its addressees and who has read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lesson {
    pub id: i64,
    pub engagement_id: i64,
    pub engagement_title: String,
    pub title: String,
    pub text: String,
    pub written_on: Date,
    pub departments: Vec<String>,
    /// `(goal id, goal title)`.
    pub goals: Vec<(i64, String)>,
    pub readings: Vec<Reading>,
}

impl Lesson {
    /// The addressed departments from which nobody has read the lesson yet (compared
    /// without case or accents). A lesson addressed only to goals is spread once anyone has
    /// read it.
    #[must_use]
    pub fn departments_not_reached(&self) -> Vec<&str> {
        let read: Vec<String> = self.readings.iter().filter_map(|r| r.reader_department.as_deref()).map(text::fold).collect();
        self.departments.iter().filter(|d| !read.contains(&text::fold(d))).map(String::as_str).collect()
    }

    /// Whether every addressee has been reached.
    #[must_use]
    pub fn is_spread(&self) -> bool {
        !self.readings.is_empty() && self.departments_not_reached().is_empty()
    }
}

/// Someone who has received and read a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Reading {
    pub id: i64,
    pub lesson_id: i64,
    pub reader_name: String,
    pub reader_department: Option<String>,
    /// The reader's account, once samverk has accounts; until then `None`.
    pub account_id: Option<i64>,
    pub read_on: Date,
}

/// Everything the EU-project part of an engagement page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EuProjectPage {
    pub project: Option<EuProject>,
    pub lines: Vec<BudgetLine>,
    pub total: Amounts,
    pub lessons: Vec<Lesson>,
}

/// A row of the sums: a programme, a year or a department with its amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SumRow {
    pub key: Option<String>,
    pub projects: i64,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
}

/// The budget sums of an authority's EU projects (or of all), three ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetSums {
    pub by_programme: Vec<SumRow>,
    pub by_year: Vec<SumRow>,
    pub by_department: Vec<SumRow>,
    pub total: Amounts,
}

/// An EU project in a list, with its summed budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct EuProjectSummary {
    pub engagement_id: i64,
    pub title: String,
    pub owner_id: i64,
    #[sqlx(try_from = "String")]
    pub status: EngagementStatus,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub programme: Option<String>,
    pub strand: Option<String>,
    pub role: Option<String>,
    pub department: Option<String>,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
}

const LINE_SELECT: &str = "SELECT b.id, b.engagement_id, CAST(b.year AS BIGINT) AS year, b.organisation_id, o.name AS organisation_name, \
     b.total, b.eu_grant, b.national_cofinancing, b.own_contribution, b.cofinancing_rate, b.version \
     FROM eu_budget_lines b JOIN organisations o ON o.id = b.organisation_id";

/// `SUM` of a BIGINT is NUMERIC on PostgreSQL; the casts keep every engine on BIGINT.
const SUMS: &str = "COUNT(DISTINCT b.engagement_id) AS projects, CAST(COALESCE(SUM(b.total), 0) AS BIGINT) AS total, \
     CAST(COALESCE(SUM(b.eu_grant), 0) AS BIGINT) AS eu_grant, \
     CAST(COALESCE(SUM(b.national_cofinancing), 0) AS BIGINT) AS national_cofinancing, \
     CAST(COALESCE(SUM(b.own_contribution), 0) AS BIGINT) AS own_contribution";

/// The summary of the EU projects (kind eu_project) of `owner_id` (or all), optionally only
/// those running in `year`, by title. One query.
const SUMMARY_SELECT: &str = "SELECT e.id AS engagement_id, e.title, e.owner_id, e.status, e.start_date, e.end_date, p.programme, p.strand, \
     p.role, p.department, \
     CAST(COALESCE((SELECT SUM(b.total) FROM eu_budget_lines b WHERE b.engagement_id = e.id), 0) AS BIGINT) AS total, \
     CAST(COALESCE((SELECT SUM(b.eu_grant) FROM eu_budget_lines b WHERE b.engagement_id = e.id), 0) AS BIGINT) AS eu_grant, \
     CAST(COALESCE((SELECT SUM(b.national_cofinancing) FROM eu_budget_lines b WHERE b.engagement_id = e.id), 0) AS BIGINT) AS national_cofinancing, \
     CAST(COALESCE((SELECT SUM(b.own_contribution) FROM eu_budget_lines b WHERE b.engagement_id = e.id), 0) AS BIGINT) AS own_contribution \
     FROM engagements e LEFT JOIN eu_projects p ON p.engagement_id = e.id WHERE e.kind = 'eu_project'";

#[derive(sqlx::FromRow)]
struct EngagementFacts {
    owner_id: i64,
    #[sqlx(try_from = "String")]
    kind: EngagementKind,
    start_date: Option<Date>,
    end_date: Option<Date>,
}

async fn facts(conn: &mut Conn<'_>, engagement_id: i64) -> Result<EngagementFacts, StoreError> {
    let sql = Sql::new("SELECT owner_id, kind, start_date, end_date FROM engagements WHERE id = ?").arg(engagement_id);
    conn.optional(&sql).await?.ok_or_else(StoreError::not_found("engagement", engagement_id))
}

/// The closing rule, within the caller's transaction: an EU project cannot be ended before its
/// lessons are written (`engagement_id` is `None` for a new engagement, which has none).
///
/// # Errors
/// `Invalid` on the status field.
pub async fn closing_rule(
    conn: &mut Conn<'_>,
    engagement_id: Option<i64>,
    kind: EngagementKind,
    status: EngagementStatus,
) -> Result<(), StoreError> {
    // Only an ended EU project needs its lessons counted.
    if eu::require_lessons(kind, status, 0).is_ok() {
        return Ok(());
    }
    let lessons = match engagement_id {
        Some(id) => conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM eu_lessons WHERE engagement_id = ?").arg(id)).await?,
        None => 0,
    };
    eu::require_lessons(kind, status, lessons).map_err(|p| ValidationErrors::single("status", p).into())
}

/// Validates and saves the EU-project details of an engagement, within the caller's
/// transaction; details already there are changed only if still at `expected` (`None`: any).
///
/// # Errors
/// `NotFound`, `Stale`, or validation errors (including an engagement of another kind).
pub async fn save_project(
    conn: &mut Conn<'_>,
    engagement_id: i64,
    expected: Option<i64>,
    draft: &EuProjectDraft,
) -> Result<(), StoreError> {
    let f = facts(conn, engagement_id).await?;
    let p = draft.validate(f.kind)?;
    let sql = Sql::new(
        "INSERT INTO eu_projects (engagement_id, programme, strand, funding_call, role, department) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (engagement_id) DO UPDATE SET programme = excluded.programme, strand = excluded.strand, \
         funding_call = excluded.funding_call, role = excluded.role, department = excluded.department, version = eu_projects.version + 1",
    )
    .arg(engagement_id)
    .arg(p.programme.code())
    .arg(p.strand)
    .arg(p.call)
    .arg(p.role.code())
    .arg(p.department);
    let mut sql = sql;
    if let Some(expected) = expected {
        sql.push(" WHERE eu_projects.version = ").bind(expected);
    }
    if conn.execute(&sql).await? == 0 {
        return Err(StoreError::Stale { entity: "EU project", id: engagement_id, expected: expected.unwrap_or_default() });
    }
    Ok(())
}

async fn budget_context(conn: &mut Conn<'_>, engagement_id: i64) -> Result<BudgetContext, StoreError> {
    let f = facts(conn, engagement_id).await?;
    let mut partners: Vec<i64> =
        conn.scalars(&Sql::new("SELECT organisation_id FROM participants WHERE engagement_id = ?").arg(engagement_id)).await?;
    partners.push(f.owner_id);
    #[derive(sqlx::FromRow)]
    struct Line {
        id: i64,
        year: i64,
        organisation_id: i64,
    }
    let lines: Vec<Line> = conn
        .all(
            &Sql::new("SELECT id, CAST(year AS BIGINT) AS year, organisation_id FROM eu_budget_lines WHERE engagement_id = ?")
                .arg(engagement_id),
        )
        .await?;
    Ok(BudgetContext {
        // A stored period is valid (the engagement was validated), so the fallback never applies.
        period: Period::new(f.start_date, f.end_date).unwrap_or_default(),
        partners,
        lines: lines.into_iter().map(|l| (l.id, i32::try_from(l.year).unwrap_or_default(), l.organisation_id)).collect(),
    })
}

/// Validates and saves a budget line (new when `line_id` is `None`), within the caller's
/// transaction; a line already there is changed only if still at `expected` (`None`: any).
///
/// # Errors
/// `NotFound`, `Stale`, or validation errors.
pub async fn save_budget_line(
    conn: &mut Conn<'_>,
    engagement_id: i64,
    line_id: Option<i64>,
    expected: Option<i64>,
    draft: &BudgetLineDraft,
) -> Result<i64, StoreError> {
    let ctx = budget_context(conn, engagement_id).await?;
    if let Some(id) = line_id
        && !ctx.lines.iter().any(|l| l.0 == id)
    {
        return Err(StoreError::NotFound { entity: "budget line", id });
    }
    let l: NewBudgetLine = draft.validate(line_id, &ctx)?;
    let id = match line_id {
        None => {
            let sql = Sql::new(
                "INSERT INTO eu_budget_lines (engagement_id, year, organisation_id, total, eu_grant, national_cofinancing, own_contribution, \
                 cofinancing_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .arg(engagement_id)
            .arg(i64::from(l.year))
            .arg(l.organisation_id)
            .arg(l.total)
            .arg(l.eu_grant)
            .arg(l.national_cofinancing)
            .arg(l.own_contribution)
            .arg(l.cofinancing_rate);
            conn.insert(&sql).await?
        }
        Some(id) => {
            let sql = Sql::new(
                "UPDATE eu_budget_lines SET version = version + 1, year = ?, organisation_id = ?, total = ?, eu_grant = ?, \
                 national_cofinancing = ?, own_contribution = ?, cofinancing_rate = ? WHERE id = ?",
            )
            .arg(i64::from(l.year))
            .arg(l.organisation_id)
            .arg(l.total)
            .arg(l.eu_grant)
            .arg(l.national_cofinancing)
            .arg(l.own_contribution)
            .arg(l.cofinancing_rate)
            .arg(id);
            crate::store::versioned_update(conn, "budget line", "eu_budget_lines", id, sql, expected).await?;
            id
        }
    };
    Ok(id)
}

/// Validates and adds a lesson learned, written on `today`, within the caller's transaction.
///
/// # Errors
/// `NotFound`, or validation errors (no addressee, a goal not of the owner's plans).
pub async fn add_lesson(conn: &mut Conn<'_>, engagement_id: i64, draft: &LessonDraft, today: Date) -> Result<i64, StoreError> {
    let f = facts(conn, engagement_id).await?;
    if f.kind != EngagementKind::EuProject {
        return Err(ValidationErrors::single("kind", samverk_domain::Problem::NotEuProject).into());
    }
    let mut goals = Sql::new("SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.owner_id = ");
    goals.bind(f.owner_id).push(" AND g.id IN (").bind_list(draft.addressed_goals.iter().copied()).push(")");
    let known: Vec<i64> = conn.scalars(&goals).await?;
    let lesson = draft.validate(&known)?;
    let sql = Sql::new("INSERT INTO eu_lessons (engagement_id, title, text, written_on) VALUES (?, ?, ?, ?) RETURNING id")
        .arg(engagement_id)
        .arg(lesson.title)
        .arg(lesson.text)
        .arg(today);
    let id = conn.insert(&sql).await?;
    for d in lesson.departments {
        conn.execute(&Sql::new("INSERT INTO eu_lesson_addressees (lesson_id, department) VALUES (?, ?)").arg(id).arg(d)).await?;
    }
    for g in lesson.goal_ids {
        conn.execute(&Sql::new("INSERT INTO eu_lesson_addressees (lesson_id, goal_id) VALUES (?, ?)").arg(id).arg(g)).await?;
    }
    Ok(id)
}

/// Records that someone has read a lesson, within the caller's transaction.
///
/// # Errors
/// `NotFound`, or validation errors.
pub async fn mark_read(conn: &mut Conn<'_>, lesson_id: i64, draft: &ReadingDraft) -> Result<i64, StoreError> {
    let exists = conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM eu_lessons WHERE id = ?").arg(lesson_id)).await?;
    if exists == 0 {
        return Err(StoreError::NotFound { entity: "lesson", id: lesson_id });
    }
    let r = draft.validate()?;
    let sql =
        Sql::new("INSERT INTO eu_lesson_readings (lesson_id, reader_name, reader_department, read_on) VALUES (?, ?, ?, ?) RETURNING id")
            .arg(lesson_id)
            .arg(r.reader_name)
            .arg(r.reader_department)
            .arg(r.read_on);
    Ok(conn.insert(&sql).await?)
}

/// Lessons with their addressees and readings: three queries whatever their number. `filter`
/// is appended to `WHERE 1 = 1` of the lessons query.
async fn lessons(conn: &mut Conn<'_>, filter: &Sql) -> Result<Vec<Lesson>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        engagement_id: i64,
        engagement_title: String,
        title: String,
        text: String,
        written_on: Date,
    }
    #[derive(sqlx::FromRow)]
    struct Addressee {
        lesson_id: i64,
        department: Option<String>,
        goal_id: Option<i64>,
        goal_title: Option<String>,
    }
    let mut sql = Sql::new(
        "SELECT l.id, l.engagement_id, e.title AS engagement_title, l.title, l.text, l.written_on \
         FROM eu_lessons l JOIN engagements e ON e.id = l.engagement_id WHERE 1 = 1",
    );
    sql.scoped("e.owner_id").push_sql(filter).push(" ORDER BY l.written_on DESC, l.id DESC");
    let rows: Vec<Row> = conn.all(&sql).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut a = Sql::new(
        "SELECT a.lesson_id, a.department, a.goal_id, g.title AS goal_title FROM eu_lesson_addressees a \
         LEFT JOIN goals g ON g.id = a.goal_id WHERE a.lesson_id IN (",
    );
    a.bind_list(ids.iter().copied()).push(") ORDER BY a.id");
    let addressees: Vec<Addressee> = conn.all(&a).await?;
    let mut r =
        Sql::new("SELECT id, lesson_id, reader_name, reader_department, account_id, read_on FROM eu_lesson_readings WHERE lesson_id IN (");
    r.bind_list(ids.iter().copied()).push(") ORDER BY read_on, id");
    let readings: Vec<Reading> = conn.all(&r).await?;
    Ok(rows
        .into_iter()
        .map(|row| Lesson {
            departments: addressees.iter().filter(|a| a.lesson_id == row.id).filter_map(|a| a.department.clone()).collect(),
            goals: addressees
                .iter()
                .filter(|a| a.lesson_id == row.id)
                .filter_map(|a| a.goal_id.map(|g| (g, a.goal_title.clone().unwrap_or_default())))
                .collect(),
            readings: readings.iter().filter(|r| r.lesson_id == row.id).cloned().collect(),
            id: row.id,
            engagement_id: row.engagement_id,
            engagement_title: row.engagement_title,
            title: row.title,
            text: row.text,
            written_on: row.written_on,
        })
        .collect())
}

/// The EU projects of `owner_id` (or all) with their summed budgets, optionally only those
/// running during `year`, by title. One query.
///
/// # Errors
/// The database error.
pub async fn project_summaries(conn: &mut Conn<'_>, owner_id: Option<i64>, year: Option<i32>) -> Result<Vec<EuProjectSummary>, StoreError> {
    let mut sql = Sql::new(SUMMARY_SELECT);
    sql.scoped("e.owner_id");
    if let Some(owner) = owner_id {
        sql.push(" AND e.owner_id = ").bind(owner);
    }
    if let Some(year) = year
        && let (Ok(first), Ok(last)) = (Date::from_ordinal_date(year, 1), Date::from_calendar_date(year, time::Month::December, 31))
    {
        sql.push(" AND (e.start_date IS NULL OR e.start_date <= ").bind(last).push(")");
        sql.push(" AND (e.end_date IS NULL OR e.end_date >= ").bind(first).push(")");
    }
    sql.push(" ORDER BY e.title, e.id");
    Ok(conn.all(&sql).await?)
}

impl Store {
    /// The EU-project details, budget and lessons of an engagement (four queries).
    ///
    /// # Errors
    /// The database error.
    pub async fn eu_project_page(&self, engagement_id: i64) -> Result<EuProjectPage, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut project = Sql::new(
            "SELECT engagement_id, programme, strand, funding_call, role, department, version FROM eu_projects WHERE engagement_id = ?",
        )
        .arg(engagement_id);
        project.scoped(owner_via!("engagements", "eu_projects.engagement_id"));
        let project = conn.optional(&project).await?;
        let mut sql = Sql::new(LINE_SELECT);
        sql.push(" WHERE b.engagement_id = ")
            .bind(engagement_id)
            .scoped(owner_via!("engagements", "b.engagement_id"))
            .push(" ORDER BY b.year, o.name, b.id");
        let lines: Vec<BudgetLine> = conn.all(&sql).await?;
        let mut total = Amounts::default();
        lines.iter().for_each(|l| total.add(l));
        let mut filter = Sql::new(" AND l.engagement_id = ");
        filter.bind(engagement_id);
        let lessons = lessons(&mut conn, &filter).await?;
        Ok(EuProjectPage { project, lines, total, lessons })
    }

    /// # Errors
    /// `NotFound`, `Stale`, or validation errors; nothing is written then.
    pub async fn save_eu_project(&self, engagement_id: i64, expected: Option<i64>, draft: &EuProjectDraft) -> Result<(), StoreError> {
        self.ensure_visible("engagements", engagement_id).await?;
        let mut tx = self.begin().await?;
        save_project(&mut tx.conn(), engagement_id, expected, draft).await?;
        tx.commit().await
    }

    /// # Errors
    /// `NotFound`, `Stale`, or validation errors; nothing is written then.
    pub async fn save_budget_line(
        &self,
        engagement_id: i64,
        line_id: Option<i64>,
        expected: Option<i64>,
        draft: &BudgetLineDraft,
    ) -> Result<i64, StoreError> {
        self.ensure_visible("engagements", engagement_id).await?;
        let mut tx = self.begin().await?;
        let id = save_budget_line(&mut tx.conn(), engagement_id, line_id, expected, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// The database error.
    pub async fn budget_line(&self, line_id: i64) -> Result<Option<BudgetLine>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(LINE_SELECT);
        sql.push(" WHERE b.id = ").bind(line_id).scoped(owner_via!("engagements", "b.engagement_id"));
        Ok(h.conn().optional(&sql).await?)
    }

    /// # Errors
    /// `NotFound`.
    pub async fn remove_budget_line(&self, engagement_id: i64, line_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let n = tx
            .conn()
            .execute(&Sql::new("DELETE FROM eu_budget_lines WHERE id = ? AND engagement_id = ?").arg(line_id).arg(engagement_id))
            .await?;
        StoreError::changed("budget line", line_id, n)?;
        tx.commit().await
    }

    /// # Errors
    /// `NotFound`, or validation errors; nothing is written then.
    pub async fn add_lesson(&self, engagement_id: i64, draft: &LessonDraft, today: Date) -> Result<i64, StoreError> {
        self.ensure_visible("engagements", engagement_id).await?;
        let mut tx = self.begin().await?;
        let id = add_lesson(&mut tx.conn(), engagement_id, draft, today).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound`, or validation errors; nothing is written then.
    pub async fn mark_lesson_read(&self, lesson_id: i64, draft: &ReadingDraft) -> Result<i64, StoreError> {
        self.ensure_visible("eu_lessons", lesson_id).await?;
        let mut tx = self.begin().await?;
        let id = mark_read(&mut tx.conn(), lesson_id, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One lesson with its addressees and readings.
    ///
    /// # Errors
    /// The database error.
    pub async fn lesson(&self, lesson_id: i64) -> Result<Option<Lesson>, StoreError> {
        let mut h = self.handle().await?;
        let mut filter = Sql::new(" AND l.id = ");
        filter.bind(lesson_id);
        Ok(lessons(&mut h.conn(), &filter).await?.into_iter().next())
    }

    /// Every lesson of `owner_id`'s projects (or all), newest first; the caller keeps those not
    /// yet spread with [`Lesson::is_spread`].
    ///
    /// # Errors
    /// The database error.
    pub async fn lessons(&self, owner_id: Option<i64>) -> Result<Vec<Lesson>, StoreError> {
        let mut h = self.handle().await?;
        let mut filter = Sql::default();
        if let Some(owner) = owner_id {
            filter.push(" AND e.owner_id = ").bind(owner);
        }
        lessons(&mut h.conn(), &filter).await
    }

    /// The EU projects with their summed budgets.
    ///
    /// # Errors
    /// The database error.
    pub async fn eu_projects(&self, owner_id: Option<i64>) -> Result<Vec<EuProjectSummary>, StoreError> {
        let mut h = self.handle().await?;
        project_summaries(&mut h.conn(), owner_id, None).await
    }

    /// The budget sums per programme, per year and per department (three queries).
    ///
    /// # Errors
    /// The database error.
    pub async fn eu_budget_sums(&self, owner_id: Option<i64>) -> Result<BudgetSums, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let owner = |sql: &mut Sql| {
            sql.scoped("e.owner_id");
            if let Some(owner) = owner_id {
                sql.push(" AND e.owner_id = ").bind(owner);
            }
        };
        let from = " FROM eu_budget_lines b JOIN engagements e ON e.id = b.engagement_id LEFT JOIN eu_projects p ON p.engagement_id = e.id \
                    WHERE 1 = 1";
        let mut by_programme = Sql::new("SELECT p.programme AS key, ");
        by_programme.push(SUMS).push(from);
        owner(&mut by_programme);
        by_programme.push(" GROUP BY p.programme ORDER BY p.programme NULLS LAST");
        let mut by_year = Sql::new("SELECT CAST(b.year AS TEXT) AS key, ");
        by_year.push(SUMS).push(from);
        owner(&mut by_year);
        by_year.push(" GROUP BY b.year ORDER BY b.year");
        let mut by_department = Sql::new("SELECT p.department AS key, ");
        by_department.push(SUMS).push(from);
        owner(&mut by_department);
        by_department.push(" GROUP BY p.department ORDER BY p.department NULLS LAST");
        let by_programme: Vec<SumRow> = conn.all(&by_programme).await?;
        let by_year = conn.all(&by_year).await?;
        let by_department = conn.all(&by_department).await?;
        let total = by_programme.iter().fold(Amounts::default(), |mut a, r| {
            a.total += r.total;
            a.eu_grant += r.eu_grant;
            a.national_cofinancing += r.national_cofinancing;
            a.own_contribution += r.own_contribution;
            a
        });
        Ok(BudgetSums { by_programme, by_year, by_department, total })
    }
}

impl Store {
    /// The goals a lesson of `owner_id`'s projects can be addressed to: those of the owner's
    /// plans, labelled "plan › goal", in plan and goal order.
    ///
    /// # Errors
    /// The database error.
    pub async fn lesson_goal_choices(&self, owner_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            plan_title: String,
            title: Option<String>,
        }
        let mut h = self.handle().await?;
        let mut sql =
            Sql::new("SELECT g.id, p.title AS plan_title, g.title FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.owner_id = ?")
                .arg(owner_id);
        sql.scoped("p.owner_id").push(" ORDER BY p.title, p.id, g.position, g.id");
        let rows: Vec<Row> = h.conn().all(&sql).await?;
        Ok(rows.into_iter().map(|r| (r.id, format!("{} › {}", r.plan_title, r.title.unwrap_or_else(|| format!("#{}", r.id))))).collect())
    }
}

/// Ends an EU project, within the caller's transaction: the closing rule applies (its lessons
/// must be written first). For loaders that write a project, its lessons and its end together.
///
/// # Errors
/// `NotFound`, or the closing rule.
pub async fn end_project(conn: &mut Conn<'_>, engagement_id: i64) -> Result<(), StoreError> {
    let f = facts(conn, engagement_id).await?;
    closing_rule(conn, Some(engagement_id), f.kind, EngagementStatus::Ended).await?;
    let sql = Sql::new("UPDATE engagements SET status = 'ended', version = version + 1 WHERE id = ?").arg(engagement_id);
    StoreError::changed("engagement", engagement_id, conn.execute(&sql).await?)
}
