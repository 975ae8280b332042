//! The data of the follow-up report for a plan and a year: per focus area and goal the
//! engagements that contribute (and how), the authority's EU projects with their budgets, the
//! decisions taken that year, and the gaps the contribution rule cares about.
//!
//! Each part is a plain struct filled by a fixed number of queries (nineteen in all, whatever
//! the size of the plan). Indicator statuses, their series, the representatives' reports and
//! the overdue reports come from [`crate::followup::plan_summary`].

use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use serde::Serialize;
use time::{Date, Month};

use crate::db::{Conn, Sql};
use crate::decision::Decision;
use crate::eu::{self, EuProjectSummary};
use crate::followup::{self, PlanSummary};
use crate::plan::Plan;
use crate::{Store, StoreError};

/// An engagement that contributes to a goal, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ContributingEngagement {
    pub goal_id: i64,
    pub engagement_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: EngagementKind,
    #[sqlx(try_from = "String")]
    pub status: EngagementStatus,
    pub how: String,
}

/// A goal of the plan with what contributes to it during the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalPart {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: Option<String>,
    pub engagements: Vec<ContributingEngagement>,
}

/// A focus area with its goals, main goals first and each followed by its sub-goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusAreaPart {
    /// `None` for the goals outside any focus area.
    pub id: Option<i64>,
    pub title: Option<String>,
    pub goals: Vec<GoalPart>,
}

/// An EU project of the year with its whole budget and the year's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EuProjectPart {
    pub project: EuProjectSummary,
    pub year: eu::Amounts,
}

/// An engagement or a goal named in the gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Named {
    pub id: i64,
    pub title: Option<String>,
}

/// Everything the follow-up report of a plan for a year is made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpData {
    pub plan: Plan,
    pub year: i32,
    pub focus_areas: Vec<FocusAreaPart>,
    pub eu_projects: Vec<EuProjectPart>,
    pub decisions: Vec<Decision>,
    /// The owner's engagements running during the year that contribute to no goal of the plan.
    pub engagements_without_goals: Vec<Named>,
    /// Goals of the plan that no engagement running during the year contributes to (directly
    /// or through a sub-goal).
    pub goals_without_engagements: Vec<Named>,
    /// Statuses as of the end of the year, indicator series, the year's reports back and the
    /// reports overdue, per goal.
    pub summary: PlanSummary,
}

/// `(first day, last day)` of a year.
fn year_bounds(year: i32) -> Result<(Date, Date), StoreError> {
    let first = Date::from_ordinal_date(year, 1);
    let last = Date::from_calendar_date(year, Month::December, 31);
    match (first, last) {
        (Ok(f), Ok(l)) => Ok((f, l)),
        _ => Err(StoreError::NotFound { entity: "year", id: i64::from(year) }),
    }
}

/// ` AND <e> runs during the year` for an engagement aliased `e`.
fn running(sql: &mut Sql, first: Date, last: Date) {
    sql.push(" AND (e.start_date IS NULL OR e.start_date <= ").bind(last).push(")");
    sql.push(" AND (e.end_date IS NULL OR e.end_date >= ").bind(first).push(")");
}

async fn goals_and_contributions(conn: &mut Conn<'_>, plan_id: i64, first: Date, last: Date) -> Result<Vec<FocusAreaPart>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Area {
        id: i64,
        title: String,
    }
    #[derive(sqlx::FromRow)]
    struct GoalRow {
        id: i64,
        focus_area_id: Option<i64>,
        parent_id: Option<i64>,
        title: Option<String>,
    }
    let areas: Vec<Area> =
        conn.all(&Sql::new("SELECT id, title FROM focus_areas WHERE plan_id = ? ORDER BY position, id").arg(plan_id)).await?;
    let goals: Vec<GoalRow> = conn
        .all(&Sql::new("SELECT id, focus_area_id, parent_id, title FROM goals WHERE plan_id = ? ORDER BY position, id").arg(plan_id))
        .await?;
    let mut sql = Sql::new(
        "SELECT c.goal_id, e.id AS engagement_id, e.title, e.kind, e.status, c.how FROM contributions c \
         JOIN engagements e ON e.id = c.engagement_id JOIN goals g ON g.id = c.goal_id WHERE g.plan_id = ",
    );
    sql.bind(plan_id);
    running(&mut sql, first, last);
    sql.push(" ORDER BY e.title, e.id");
    let contributions: Vec<ContributingEngagement> = conn.all(&sql).await?;
    let mut by_goal: std::collections::HashMap<i64, Vec<ContributingEngagement>> = std::collections::HashMap::new();
    for c in contributions {
        by_goal.entry(c.goal_id).or_default().push(c);
    }
    let part = |g: &GoalRow, by_goal: &mut std::collections::HashMap<i64, Vec<ContributingEngagement>>| GoalPart {
        id: g.id,
        parent_id: g.parent_id,
        title: g.title.clone(),
        engagements: by_goal.remove(&g.id).unwrap_or_default(),
    };
    // Each main goal followed by its sub-goals, in their order.
    let ordered = |area: Option<i64>, by_goal: &mut std::collections::HashMap<i64, Vec<ContributingEngagement>>| {
        let mut out = Vec::new();
        for main in goals.iter().filter(|g| g.parent_id.is_none() && g.focus_area_id == area) {
            out.push(part(main, by_goal));
            for sub in goals.iter().filter(|g| g.parent_id == Some(main.id)) {
                out.push(part(sub, by_goal));
            }
        }
        out
    };
    let mut parts: Vec<FocusAreaPart> = areas
        .iter()
        .map(|a| FocusAreaPart { id: Some(a.id), title: Some(a.title.clone()), goals: ordered(Some(a.id), &mut by_goal) })
        .collect();
    let loose = ordered(None, &mut by_goal);
    if !loose.is_empty() {
        parts.push(FocusAreaPart { id: None, title: None, goals: loose });
    }
    Ok(parts)
}

async fn eu_projects(conn: &mut Conn<'_>, owner_id: i64, year: i32) -> Result<Vec<EuProjectPart>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct YearRow {
        engagement_id: i64,
        total: i64,
        eu_grant: i64,
        national_cofinancing: i64,
        own_contribution: i64,
    }
    let projects = eu::project_summaries(conn, Some(owner_id), Some(year)).await?;
    let sql = Sql::new(
        "SELECT b.engagement_id, CAST(SUM(b.total) AS BIGINT) AS total, CAST(SUM(b.eu_grant) AS BIGINT) AS eu_grant, \
         CAST(SUM(b.national_cofinancing) AS BIGINT) AS national_cofinancing, CAST(SUM(b.own_contribution) AS BIGINT) AS own_contribution \
         FROM eu_budget_lines b JOIN engagements e ON e.id = b.engagement_id WHERE e.owner_id = ? AND b.year = ? GROUP BY b.engagement_id",
    )
    .arg(owner_id)
    .arg(i64::from(year));
    let years: Vec<YearRow> = conn.all(&sql).await?;
    Ok(projects
        .into_iter()
        .map(|project| {
            let year = years.iter().find(|y| y.engagement_id == project.engagement_id).map_or_else(eu::Amounts::default, |y| eu::Amounts {
                total: y.total,
                eu_grant: y.eu_grant,
                national_cofinancing: y.national_cofinancing,
                own_contribution: y.own_contribution,
            });
            EuProjectPart { project, year }
        })
        .collect())
}

impl Store {
    /// The data of the follow-up report of `plan_id` for `year`, or `None` when the plan does
    /// not exist. Nineteen queries whatever the plan's size; `today` decides which reports are
    /// overdue.
    ///
    /// # Errors
    /// The database error; `NotFound` for a year outside the calendar.
    pub async fn follow_up(&self, plan_id: i64, year: i32, today: Date) -> Result<Option<FollowUpData>, StoreError> {
        let Some(plan) = self.plan(plan_id).await? else { return Ok(None) };
        let (first, last) = year_bounds(year)?;
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let focus_areas = goals_and_contributions(&mut conn, plan_id, first, last).await?;
        let eu_projects = eu_projects(&mut conn, plan.owner_id, year).await?;
        let mut d = Sql::new(
            "SELECT d.id, d.owner_id, o.name AS owner_name, d.body, d.case_number, d.date, d.date_precision, d.title, d.url, d.version \
             FROM decisions d JOIN organisations o ON o.id = d.owner_id WHERE d.owner_id = ",
        );
        d.bind(plan.owner_id).push(" AND d.date >= ").bind(first).push(" AND d.date <= ").bind(last).push(" ORDER BY d.date, d.id");
        let decisions = conn.all(&d).await?;
        let mut without = Sql::new("SELECT e.id, e.title FROM engagements e WHERE e.owner_id = ");
        without.bind(plan.owner_id);
        running(&mut without, first, last);
        without.push(" AND e.id NOT IN (SELECT c.engagement_id FROM contributions c JOIN goals g ON g.id = c.goal_id WHERE g.plan_id = ");
        without.bind(plan_id).push(") ORDER BY e.title, e.id");
        let engagements_without_goals = conn.all(&without).await?;
        // A goal counts as served when an engagement running this year contributes to it or
        // to one of its sub-goals.
        let served: std::collections::HashSet<i64> = focus_areas
            .iter()
            .flat_map(|a| &a.goals)
            .filter(|g| !g.engagements.is_empty())
            .flat_map(|g| [Some(g.id), g.parent_id])
            .flatten()
            .collect();
        let goals_without_engagements = focus_areas
            .iter()
            .flat_map(|a| &a.goals)
            .filter(|g| !served.contains(&g.id))
            .map(|g| Named { id: g.id, title: g.title.clone() })
            .collect();
        let Some(summary) = followup::plan_summary(&mut conn, plan_id, year, today).await? else { return Ok(None) };
        Ok(Some(FollowUpData {
            plan,
            year,
            focus_areas,
            eu_projects,
            decisions,
            engagements_without_goals,
            goals_without_engagements,
            summary,
        }))
    }
}
