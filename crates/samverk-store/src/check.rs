//! `samverk check`: the contribution rule over everything stored.

use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_domain::plan::PlanStatus;
use samverk_domain::rule::{self, Breach, EngagementFacts, GoalFacts};
use serde::Serialize;

use crate::db::Sql;
use crate::{Store, StoreError};

/// An engagement that breaks the rule, with its owner.
#[derive(Debug, Clone, Serialize)]
pub struct RuleBreach {
    pub engagement_id: i64,
    pub title: String,
    pub kind: EngagementKind,
    pub owner_name: String,
    pub only_expired_plans: bool,
}

/// A goal nothing contributes to.
#[derive(Debug, Clone, Serialize)]
pub struct IdleGoal {
    pub goal_id: i64,
    pub title: Option<String>,
    pub is_main: bool,
    pub plan_id: i64,
    pub plan_title: String,
    pub owner_name: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckOutcome {
    pub violations: Vec<RuleBreach>,
    pub goals_without_contributions: Vec<IdleGoal>,
}

impl Store {
    /// Runs the contribution rule over every engagement and goal, optionally of one authority.
    ///
    /// # Errors
    /// The database error.
    pub async fn check(&self, owner_id: Option<i64>) -> Result<CheckOutcome, StoreError> {
        #[derive(sqlx::FromRow)]
        struct EngagementRow {
            id: i64,
            title: String,
            #[sqlx(try_from = "String")]
            kind: EngagementKind,
            #[sqlx(try_from = "String")]
            status: EngagementStatus,
            owner_name: String,
        }
        #[derive(sqlx::FromRow)]
        struct GoalRow {
            id: i64,
            parent_id: Option<i64>,
            title: Option<String>,
            plan_id: i64,
            plan_title: String,
            #[sqlx(try_from = "String")]
            plan_status: PlanStatus,
            owner_name: String,
        }
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut e_sql = Sql::new(
            "SELECT e.id, e.title, e.kind, e.status, o.name AS owner_name FROM engagements e JOIN organisations o ON o.id = e.owner_id",
        );
        let mut g_sql = Sql::new(
            "SELECT g.id, g.parent_id, g.title, g.plan_id, p.title AS plan_title, p.status AS plan_status, o.name AS owner_name \
             FROM goals g JOIN plans p ON p.id = g.plan_id JOIN organisations o ON o.id = p.owner_id",
        );
        // Imported records are evidence from public data, not the authority's own network
        // work, so the rule does not apply to them (see `EngagementDraft::validate_imported`).
        e_sql.push(" WHERE e.source IS NULL").scoped("e.owner_id");
        g_sql.push(" WHERE 1 = 1").scoped("p.owner_id");
        if let Some(owner) = owner_id {
            e_sql.push(" AND e.owner_id = ").bind(owner);
            g_sql.push(" AND p.owner_id = ").bind(owner);
        }
        e_sql.push(" ORDER BY o.name, e.title");
        g_sql.push(" ORDER BY o.name, p.title, g.position, g.id");
        let engagements: Vec<EngagementRow> = conn.all(&e_sql).await?;
        let goals: Vec<GoalRow> = conn.all(&g_sql).await?;
        let pairs: Vec<(i64, i64)> = conn.all(&Sql::new("SELECT engagement_id, goal_id FROM contributions")).await?;
        let facts: Vec<EngagementFacts> =
            engagements.iter().map(|e| EngagementFacts { id: e.id, title: e.title.clone(), kind: e.kind, status: e.status }).collect();
        let goal_facts: Vec<GoalFacts> =
            goals.iter().map(|g| GoalFacts { id: g.id, parent_id: g.parent_id, plan_status: g.plan_status }).collect();
        let report = rule::check(&facts, &goal_facts, &pairs);
        let violations = report
            .violations
            .iter()
            .filter_map(|v| {
                let e = engagements.iter().find(|e| e.id == v.engagement_id)?;
                Some(RuleBreach {
                    engagement_id: e.id,
                    title: e.title.clone(),
                    kind: e.kind,
                    owner_name: e.owner_name.clone(),
                    only_expired_plans: v.breach == Breach::OnlyExpiredPlans,
                })
            })
            .collect();
        let goals_without_contributions = report
            .goals_without_contributions
            .iter()
            .filter_map(|id| {
                let g = goals.iter().find(|g| g.id == *id)?;
                Some(IdleGoal {
                    goal_id: g.id,
                    title: g.title.clone(),
                    is_main: g.parent_id.is_none(),
                    plan_id: g.plan_id,
                    plan_title: g.plan_title.clone(),
                    owner_name: g.owner_name.clone(),
                })
            })
            .collect();
        Ok(CheckOutcome { violations, goals_without_contributions })
    }
}
