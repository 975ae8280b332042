//! Plans and their goal framework: focus areas, goals (with SDG links), measures, principles.

use samverk_domain::plan::{
    Beneficiary, FocusAreaDraft, GoalDraft, MeasureDraft, NewFocusArea, NewGoal, NewMeasure, NewPlan, PlanDraft, PlanKind, PlanStatus,
};
use samverk_domain::refs::References;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::scope::owner_via;
use crate::{Store, StoreError, refs};

/// A plan as stored, with its owner and the adopting decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Plan {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: PlanKind,
    #[sqlx(try_from = "String")]
    pub status: PlanStatus,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub decision_id: Option<i64>,
    pub decision_title: Option<String>,
    pub decision_body: Option<String>,
    pub decision_case_number: Option<String>,
    pub decision_date: Option<Date>,
    pub decision_date_precision: Option<String>,
    pub description: Option<String>,
    /// The language the plan and its goals are written in, when known.
    pub language: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FocusArea {
    pub id: i64,
    pub plan_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub version: i64,
}

/// A goal, with the number of engagements contributing to it directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Goal {
    pub id: i64,
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub beneficiary: Option<String>,
    pub contributions: i64,
    pub version: i64,
}

impl Goal {
    #[must_use]
    pub fn beneficiary(&self) -> Option<Beneficiary> {
        self.beneficiary.as_deref().and_then(Beneficiary::from_code)
    }

    #[must_use]
    pub const fn is_main(&self) -> bool {
        self.parent_id.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Measure {
    pub id: i64,
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub title: String,
    pub description: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct GoalSdg {
    pub goal_id: i64,
    pub sdg_code: String,
    pub sdg_goal: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Principle {
    pub id: i64,
    pub title: String,
}

/// Everything a plan page shows, as flat lists in display order.
#[derive(Debug, Clone, Serialize)]
pub struct PlanTree {
    pub plan: Plan,
    pub principles: Vec<Principle>,
    pub focus_areas: Vec<FocusArea>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub sdgs: Vec<GoalSdg>,
}

impl PlanTree {
    /// Main goals of a focus area (`None`: goals outside any focus area).
    pub fn main_goals(&self, focus_area: Option<i64>) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.is_main() && g.focus_area_id == focus_area)
    }

    pub fn sub_goals(&self, parent: i64) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.parent_id == Some(parent))
    }

    /// Measures directly under a focus area, not under one of its goals.
    pub fn area_measures(&self, focus_area: Option<i64>) -> impl Iterator<Item = &Measure> {
        self.measures.iter().filter(move |m| m.goal_id.is_none() && m.focus_area_id == focus_area)
    }

    pub fn goal_measures(&self, goal: i64) -> impl Iterator<Item = &Measure> {
        self.measures.iter().filter(move |m| m.goal_id == Some(goal))
    }

    pub fn goal_sdgs(&self, goal: i64) -> impl Iterator<Item = &GoalSdg> {
        self.sdgs.iter().filter(move |s| s.goal_id == goal)
    }

    /// Engagements contributing to a goal or any goal below it.
    #[must_use]
    pub fn contributions_in_tree(&self, goal: i64) -> i64 {
        let own = self.goals.iter().find(|g| g.id == goal).map_or(0, |g| g.contributions);
        own + self.sub_goals(goal).map(|g| self.contributions_in_tree(g.id)).sum::<i64>()
    }
}

const PLAN_SELECT: &str = "SELECT p.id, p.owner_id, o.name AS owner_name, p.title, p.kind, p.status, p.period_start, p.period_end, \
     p.decision_id, d.title AS decision_title, d.body AS decision_body, d.case_number AS decision_case_number, d.date AS decision_date, d.date_precision AS decision_date_precision, \
     p.description, p.language, p.version FROM plans p JOIN organisations o ON o.id = p.owner_id LEFT JOIN decisions d ON d.id = p.decision_id";

const GOAL_SELECT: &str = "SELECT g.id, g.plan_id, g.focus_area_id, g.parent_id, g.title, g.description, g.beneficiary, g.version, \
     (SELECT COUNT(*) FROM contributions c WHERE c.goal_id = g.id) AS contributions FROM goals g";

pub(crate) async fn insert_plan(conn: &mut Conn<'_>, p: &NewPlan) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO plans (owner_id, title, kind, status, period_start, period_end, decision_id, description, language) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .arg(p.owner_id)
    .arg(p.title.clone())
    .arg(p.kind.code())
    .arg(p.status.code())
    .arg(p.period.start())
    .arg(p.period.end())
    .arg(p.decision_id)
    .arg(p.description.clone())
    .arg(p.language.clone());
    conn.insert(&sql).await
}

pub(crate) async fn insert_focus_area(conn: &mut Conn<'_>, f: &NewFocusArea) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO focus_areas (plan_id, title, description, position) \
         VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM focus_areas WHERE plan_id = ?)) RETURNING id",
    )
    .arg(f.plan_id)
    .arg(f.title.clone())
    .arg(f.description.clone())
    .arg(f.plan_id);
    conn.insert(&sql).await
}

pub(crate) async fn insert_goal(conn: &mut Conn<'_>, g: &NewGoal) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO goals (plan_id, focus_area_id, parent_id, title, description, beneficiary, position) \
         VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM goals WHERE plan_id = ?)) RETURNING id",
    )
    .arg(g.plan_id)
    .arg(g.focus_area_id)
    .arg(g.parent_id)
    .arg(g.title.clone())
    .arg(g.description.clone())
    .arg(g.beneficiary.map(Beneficiary::code))
    .arg(g.plan_id);
    let id = conn.insert(&sql).await?;
    write_goal_sdgs(conn, id, g).await?;
    Ok(id)
}

async fn write_goal_sdgs(conn: &mut Conn<'_>, goal_id: i64, g: &NewGoal) -> Result<(), sqlx::Error> {
    conn.execute(&Sql::new("DELETE FROM goal_sdgs WHERE goal_id = ?").arg(goal_id)).await?;
    for code in &g.sdgs {
        let sql = Sql::new("INSERT INTO goal_sdgs (goal_id, sdg_code, sdg_goal) VALUES (?, ?, ?)")
            .arg(goal_id)
            .arg(code.as_str().to_owned())
            .arg(i64::from(code.goal()));
        conn.execute(&sql).await?;
    }
    Ok(())
}

pub(crate) async fn insert_measure(conn: &mut Conn<'_>, m: &NewMeasure) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO measures (plan_id, focus_area_id, goal_id, title, description, position) \
         VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM measures WHERE plan_id = ?)) RETURNING id",
    )
    .arg(m.plan_id)
    .arg(m.focus_area_id)
    .arg(m.goal_id)
    .arg(m.title.clone())
    .arg(m.description.clone())
    .arg(m.plan_id);
    conn.insert(&sql).await
}

pub(crate) async fn insert_principle(conn: &mut Conn<'_>, plan_id: i64, title: &str) -> Result<i64, sqlx::Error> {
    let sql = Sql::new(
        "INSERT INTO plan_principles (plan_id, title, position) \
         VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_principles WHERE plan_id = ?)) RETURNING id",
    )
    .arg(plan_id)
    .arg(title.to_owned())
    .arg(plan_id);
    conn.insert(&sql).await
}

async fn plan_refs(conn: &mut Conn<'_>, draft: &PlanDraft) -> Result<References, sqlx::Error> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[draft.owner_id]).await?;
    refs::decisions(conn, &mut refs, draft.decision_id).await?;
    Ok(refs)
}

async fn goal_refs(conn: &mut Conn<'_>, draft: &GoalDraft, goal_id: Option<i64>) -> Result<References, sqlx::Error> {
    let mut refs = References::default();
    refs::plans(conn, &mut refs, draft.plan_id).await?;
    refs::focus_areas(conn, &mut refs, draft.focus_area_id).await?;
    let ids: Vec<i64> = [draft.parent_id, goal_id].into_iter().flatten().collect();
    refs::goals(conn, &mut refs, &ids, true).await?;
    refs::sdg_codes(conn, &mut refs).await?;
    Ok(refs)
}

async fn measure_refs(conn: &mut Conn<'_>, draft: &MeasureDraft) -> Result<References, sqlx::Error> {
    let mut refs = References::default();
    refs::plans(conn, &mut refs, draft.plan_id).await?;
    refs::focus_areas(conn, &mut refs, draft.focus_area_id).await?;
    refs::goals(conn, &mut refs, &draft.goal_id.into_iter().collect::<Vec<_>>(), false).await?;
    Ok(refs)
}

/// Validates and inserts a plan within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_plan(conn: &mut Conn<'_>, draft: &PlanDraft) -> Result<i64, StoreError> {
    let refs = plan_refs(conn, draft).await?;
    Ok(insert_plan(conn, &draft.validate(&refs)?).await?)
}

/// Validates and inserts a focus area within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_focus_area(conn: &mut Conn<'_>, draft: &FocusAreaDraft) -> Result<i64, StoreError> {
    let mut refs = References::default();
    refs::plans(conn, &mut refs, draft.plan_id).await?;
    Ok(insert_focus_area(conn, &draft.validate(&refs)?).await?)
}

/// Validates and inserts a goal within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_goal(conn: &mut Conn<'_>, draft: &GoalDraft) -> Result<i64, StoreError> {
    let refs = goal_refs(conn, draft, None).await?;
    Ok(insert_goal(conn, &draft.validate(None, &refs)?).await?)
}

/// Validates and inserts a measure within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create_measure(conn: &mut Conn<'_>, draft: &MeasureDraft) -> Result<i64, StoreError> {
    let refs = measure_refs(conn, draft).await?;
    Ok(insert_measure(conn, &draft.validate(&refs)?).await?)
}

/// Adds a principle to a plan within the caller's transaction.
///
/// # Errors
/// A blank or too long title; the database error.
pub async fn add_principle(conn: &mut Conn<'_>, plan_id: i64, title: &str) -> Result<i64, StoreError> {
    let title = samverk_domain::input::required_text(title, samverk_domain::input::TEXT_MAX)
        .map_err(|p| samverk_domain::ValidationErrors::single("title", p))?;
    Ok(insert_principle(conn, plan_id, &title).await?)
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_plan(&self, draft: &PlanDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_plan(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound` or validation errors.
    pub async fn update_plan(&self, id: i64, draft: &PlanDraft) -> Result<(), StoreError> {
        self.update_plan_at(id, None, draft).await.map(|_| ())
    }

    /// Updates a plan only if it is still at `expected` (the version the writer read; `None`:
    /// whatever is there) and returns the new version.
    ///
    /// # Errors
    /// `Stale` when another write came first, `NotFound`, or validation errors.
    pub async fn update_plan_at(&self, id: i64, expected: Option<i64>, draft: &PlanDraft) -> Result<i64, StoreError> {
        self.ensure_visible("plans", id).await?;
        let mut tx = self.begin().await?;
        let refs = plan_refs(&mut tx.conn(), draft).await?;
        let p = draft.validate(&refs)?;
        let sql = Sql::new(
            "UPDATE plans SET version = version + 1, owner_id = ?, title = ?, kind = ?, status = ?, period_start = ?, period_end = ?, \
             decision_id = ?, description = ?, language = ? WHERE id = ?",
        )
        .arg(p.owner_id)
        .arg(p.title)
        .arg(p.kind.code())
        .arg(p.status.code())
        .arg(p.period.start())
        .arg(p.period.end())
        .arg(p.decision_id)
        .arg(p.description)
        .arg(p.language)
        .arg(id);
        let version = crate::store::versioned_update(&mut tx.conn(), "plan", "plans", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a plan with its focus areas, goals, measures and the contributions to them.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn delete_plan(&self, id: i64) -> Result<(), StoreError> {
        self.delete_row("plan", Sql::new("DELETE FROM plans WHERE id = ?").arg(id), id).await
    }

    pub(crate) async fn delete_row(&self, entity: &'static str, sql: Sql, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        StoreError::changed(entity, id, tx.conn().execute(&sql).await?)?;
        tx.commit().await
    }

    /// # Errors
    /// The database error.
    pub async fn plan(&self, id: i64) -> Result<Option<Plan>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(PLAN_SELECT);
        sql.push(" WHERE p.id = ").bind(id).scoped("p.owner_id");
        Ok(h.conn().optional(&sql).await?)
    }

    /// Plans, optionally of one authority, by owner and title.
    ///
    /// # Errors
    /// The database error.
    pub async fn plans(&self, owner_id: Option<i64>) -> Result<Vec<Plan>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(PLAN_SELECT);
        sql.push(" WHERE 1 = 1").scoped("p.owner_id");
        if let Some(owner) = owner_id {
            sql.push(" AND p.owner_id = ").bind(owner);
        }
        sql.push(" ORDER BY o.name, p.title");
        Ok(h.conn().all(&sql).await?)
    }

    /// Everything the plan page shows, in a fixed number of queries.
    ///
    /// # Errors
    /// The database error.
    pub async fn plan_tree(&self, id: i64) -> Result<Option<PlanTree>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut sql = Sql::new(PLAN_SELECT);
        sql.push(" WHERE p.id = ").bind(id).scoped("p.owner_id");
        let Some(plan) = conn.optional::<Plan>(&sql).await? else { return Ok(None) };
        let principles =
            conn.all(&Sql::new("SELECT id, title FROM plan_principles WHERE plan_id = ? ORDER BY position, id").arg(id)).await?;
        let focus_areas = conn
            .all(
                &Sql::new("SELECT id, plan_id, title, description, version FROM focus_areas WHERE plan_id = ? ORDER BY position, id")
                    .arg(id),
            )
            .await?;
        let mut goals_sql = Sql::new(GOAL_SELECT);
        goals_sql.push(" WHERE g.plan_id = ").bind(id).push(" ORDER BY g.position, g.id");
        let goals = conn.all(&goals_sql).await?;
        let measures = conn
            .all(
                &Sql::new(
                    "SELECT id, plan_id, focus_area_id, goal_id, title, description, version FROM measures WHERE plan_id = ? ORDER BY position, id",
                )
                .arg(id),
            )
            .await?;
        let sdgs = conn
            .all(
                &Sql::new(
                    "SELECT s.goal_id, s.sdg_code, s.sdg_goal FROM goal_sdgs s JOIN goals g ON g.id = s.goal_id WHERE g.plan_id = ? \
                     ORDER BY s.goal_id, s.sdg_goal, s.sdg_code",
                )
                .arg(id),
            )
            .await?;
        Ok(Some(PlanTree { plan, principles, focus_areas, goals, measures, sdgs }))
    }

    /// # Errors
    /// Validation errors.
    pub async fn create_focus_area(&self, draft: &FocusAreaDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_focus_area(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a focus area only if it is still at `expected` (`None`: any); returns the new
    /// version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_focus_area(&self, id: i64, expected: Option<i64>, draft: &FocusAreaDraft) -> Result<i64, StoreError> {
        self.ensure_visible("focus_areas", id).await?;
        let mut tx = self.begin().await?;
        let mut refs = References::default();
        refs::plans(&mut tx.conn(), &mut refs, draft.plan_id).await?;
        let f = draft.validate(&refs)?;
        let sql = Sql::new("UPDATE focus_areas SET version = version + 1, title = ?, description = ? WHERE id = ? AND plan_id = ?")
            .arg(f.title)
            .arg(f.description)
            .arg(id)
            .arg(f.plan_id);
        let version = crate::store::versioned_update(&mut tx.conn(), "focus_area", "focus_areas", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a focus area with its goals and measures.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn delete_focus_area(&self, id: i64) -> Result<(), StoreError> {
        self.delete_row("focus_area", Sql::new("DELETE FROM focus_areas WHERE id = ?").arg(id), id).await
    }

    /// # Errors
    /// The database error.
    pub async fn focus_area(&self, id: i64) -> Result<Option<FocusArea>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT id, plan_id, title, description, version FROM focus_areas m WHERE id = ?").arg(id);
        sql.scoped(owner_via!("plans", "m.plan_id"));
        Ok(h.conn().optional(&sql).await?)
    }

    /// # Errors
    /// Validation errors.
    pub async fn create_goal(&self, draft: &GoalDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_goal(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a goal only if it is still at `expected` (`None`: any); returns the new version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_goal(&self, id: i64, expected: Option<i64>, draft: &GoalDraft) -> Result<i64, StoreError> {
        self.ensure_visible("goals", id).await?;
        let mut tx = self.begin().await?;
        let refs = goal_refs(&mut tx.conn(), draft, Some(id)).await?;
        let g = draft.validate(Some(id), &refs)?;
        let sql = Sql::new(
            "UPDATE goals SET version = version + 1, focus_area_id = ?, parent_id = ?, title = ?, description = ?, beneficiary = ? \
             WHERE id = ? AND plan_id = ?",
        )
        .arg(g.focus_area_id)
        .arg(g.parent_id)
        .arg(g.title.clone())
        .arg(g.description.clone())
        .arg(g.beneficiary.map(Beneficiary::code))
        .arg(id)
        .arg(g.plan_id);
        let mut conn = tx.conn();
        let version = crate::store::versioned_update(&mut conn, "goal", "goals", id, sql, expected).await?;
        write_goal_sdgs(&mut conn, id, &g).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes a goal, its sub-goals and the contributions to them; `samverk check` then shows
    /// network engagements left without a goal.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn delete_goal(&self, id: i64) -> Result<(), StoreError> {
        self.delete_row("goal", Sql::new("DELETE FROM goals WHERE id = ?").arg(id), id).await
    }

    /// # Errors
    /// The database error.
    pub async fn goal(&self, id: i64) -> Result<Option<(Goal, Vec<GoalSdg>)>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut sql = Sql::new(GOAL_SELECT);
        sql.push(" WHERE g.id = ").bind(id).scoped(owner_via!("plans", "g.plan_id"));
        let Some(goal) = conn.optional::<Goal>(&sql).await? else { return Ok(None) };
        let sdgs = conn
            .all(&Sql::new("SELECT goal_id, sdg_code, sdg_goal FROM goal_sdgs WHERE goal_id = ? ORDER BY sdg_goal, sdg_code").arg(id))
            .await?;
        Ok(Some((goal, sdgs)))
    }

    /// Goals of one authority's plans in force, for pickers: (goal id, plan title, goal).
    ///
    /// # Errors
    /// The database error.
    pub async fn goals_of_owner(&self, owner_id: i64) -> Result<Vec<(String, Goal)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            plan_title: String,
            #[sqlx(flatten)]
            goal: Goal,
        }
        let mut h = self.handle().await?;
        let mut sql = Sql::new(
            "SELECT p.title AS plan_title, g.id, g.plan_id, g.focus_area_id, g.parent_id, g.title, g.description, g.beneficiary, g.version, \
             CAST(0 AS BIGINT) AS contributions FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.owner_id = ? AND p.status <> 'expired'",
        )
        .arg(owner_id);
        sql.scoped("p.owner_id").push(" ORDER BY p.title, g.position, g.id");
        let rows: Vec<Row> = h.conn().all(&sql).await?;
        Ok(rows.into_iter().map(|r| (r.plan_title, r.goal)).collect())
    }

    /// # Errors
    /// Validation errors.
    pub async fn create_measure(&self, draft: &MeasureDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create_measure(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Updates a measure only if it is still at `expected` (`None`: any); returns the new
    /// version.
    ///
    /// # Errors
    /// `Stale`, `NotFound` or validation errors.
    pub async fn update_measure(&self, id: i64, expected: Option<i64>, draft: &MeasureDraft) -> Result<i64, StoreError> {
        self.ensure_visible("measures", id).await?;
        let mut tx = self.begin().await?;
        let refs = measure_refs(&mut tx.conn(), draft).await?;
        let m = draft.validate(&refs)?;
        let sql = Sql::new(
            "UPDATE measures SET version = version + 1, focus_area_id = ?, goal_id = ?, title = ?, description = ? WHERE id = ? AND plan_id = ?",
        )
        .arg(m.focus_area_id)
        .arg(m.goal_id)
        .arg(m.title)
        .arg(m.description)
        .arg(id)
        .arg(m.plan_id);
        let version = crate::store::versioned_update(&mut tx.conn(), "measure", "measures", id, sql, expected).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// # Errors
    /// `NotFound`.
    pub async fn delete_measure(&self, id: i64) -> Result<(), StoreError> {
        self.delete_row("measure", Sql::new("DELETE FROM measures WHERE id = ?").arg(id), id).await
    }

    /// # Errors
    /// The database error.
    pub async fn measure(&self, id: i64) -> Result<Option<Measure>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql =
            Sql::new("SELECT id, plan_id, focus_area_id, goal_id, title, description, version FROM measures m WHERE id = ?").arg(id);
        sql.scoped(owner_via!("plans", "m.plan_id"));
        Ok(h.conn().optional(&sql).await?)
    }
}
