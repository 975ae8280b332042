//! Loads the facts about referenced records that domain validation needs.

use samverk_domain::engagement::Role;
use samverk_domain::plan::PlanStatus;
use samverk_domain::refs::{ContributionRef, EngagementRef, GoalRef, ParticipantRef, References};

use crate::db::{Conn, Sql};

/// The deepest parent chain followed when checking for cycles.
const MAX_DEPTH: usize = 64;

pub(crate) async fn organisations(conn: &mut Conn<'_>, refs: &mut References, ids: &[Option<i64>]) -> Result<(), sqlx::Error> {
    let ids: Vec<i64> = ids.iter().flatten().copied().collect();
    if ids.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new("SELECT id FROM organisations WHERE id IN (");
    sql.bind_list(ids).push(")");
    refs.organisations.extend(conn.scalars::<i64>(&sql).await?);
    Ok(())
}

pub(crate) async fn decisions(conn: &mut Conn<'_>, refs: &mut References, id: Option<i64>) -> Result<(), sqlx::Error> {
    let Some(id) = id else { return Ok(()) };
    let sql = Sql::new("SELECT id, owner_id FROM decisions WHERE id = ?").arg(id);
    refs.decisions.extend(conn.all::<(i64, i64)>(&sql).await?);
    Ok(())
}

pub(crate) async fn plans(conn: &mut Conn<'_>, refs: &mut References, id: Option<i64>) -> Result<(), sqlx::Error> {
    let Some(id) = id else { return Ok(()) };
    let sql = Sql::new("SELECT id, owner_id FROM plans WHERE id = ?").arg(id);
    refs.plans.extend(conn.all::<(i64, i64)>(&sql).await?);
    Ok(())
}

pub(crate) async fn focus_areas(conn: &mut Conn<'_>, refs: &mut References, id: Option<i64>) -> Result<(), sqlx::Error> {
    let Some(id) = id else { return Ok(()) };
    let sql = Sql::new("SELECT id, plan_id FROM focus_areas WHERE id = ?").arg(id);
    refs.focus_areas.extend(conn.all::<(i64, i64)>(&sql).await?);
    Ok(())
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    plan_id: i64,
    owner_id: i64,
    focus_area_id: Option<i64>,
    parent_id: Option<i64>,
    #[sqlx(try_from = "String")]
    plan_status: PlanStatus,
}

/// Loads the goals and, with `ancestors`, every goal above them (for cycle checks).
pub(crate) async fn goals(conn: &mut Conn<'_>, refs: &mut References, ids: &[i64], ancestors: bool) -> Result<(), sqlx::Error> {
    let mut wanted: Vec<i64> = ids.iter().copied().filter(|id| !refs.goals.contains_key(id)).collect();
    for _ in 0..MAX_DEPTH {
        if wanted.is_empty() {
            break;
        }
        let mut sql = Sql::new(
            "SELECT g.id, g.plan_id, p.owner_id, g.focus_area_id, g.parent_id, p.status AS plan_status \
             FROM goals g JOIN plans p ON p.id = g.plan_id WHERE g.id IN (",
        );
        sql.bind_list(wanted).push(")");
        let rows: Vec<GoalRow> = conn.all(&sql).await?;
        wanted = Vec::new();
        for row in rows {
            if ancestors && let Some(parent) = row.parent_id.filter(|p| !refs.goals.contains_key(p)) {
                wanted.push(parent);
            }
            refs.goals.insert(
                row.id,
                GoalRef {
                    plan_id: row.plan_id,
                    owner_id: row.owner_id,
                    focus_area_id: row.focus_area_id,
                    parent_id: row.parent_id,
                    plan_status: row.plan_status,
                },
            );
        }
    }
    Ok(())
}

/// Loads an engagement and the chain of its parents.
pub(crate) async fn engagement_chain(conn: &mut Conn<'_>, refs: &mut References, id: Option<i64>) -> Result<(), sqlx::Error> {
    let mut next = id;
    for _ in 0..MAX_DEPTH {
        let Some(id) = next.filter(|id| !refs.engagements.contains_key(id)) else { break };
        let sql = Sql::new("SELECT owner_id, parent_id FROM engagements WHERE id = ?").arg(id);
        let Some((owner_id, parent_id)) = conn.optional::<(i64, Option<i64>)>(&sql).await? else { break };
        refs.engagements.insert(id, EngagementRef { owner_id, parent_id });
        next = parent_id;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ParticipantRow {
    id: i64,
    organisation_id: i64,
    #[sqlx(try_from = "String")]
    role: Role,
}

pub(crate) async fn participants(conn: &mut Conn<'_>, refs: &mut References, engagement_id: i64) -> Result<(), sqlx::Error> {
    let sql = Sql::new("SELECT id, organisation_id, role FROM participants WHERE engagement_id = ?").arg(engagement_id);
    let rows: Vec<ParticipantRow> = conn.all(&sql).await?;
    refs.participants = rows.into_iter().map(|r| ParticipantRef { id: r.id, organisation_id: r.organisation_id, role: r.role }).collect();
    Ok(())
}

/// Loads an engagement's contributions and their goals (for the contribution rule).
pub(crate) async fn contributions(conn: &mut Conn<'_>, refs: &mut References, engagement_id: i64) -> Result<(), sqlx::Error> {
    let sql = Sql::new("SELECT id, goal_id FROM contributions WHERE engagement_id = ?").arg(engagement_id);
    let rows: Vec<(i64, i64)> = conn.all(&sql).await?;
    let goal_ids: Vec<i64> = rows.iter().map(|(_, g)| *g).collect();
    refs.contributions = rows.into_iter().map(|(id, goal_id)| ContributionRef { id, goal_id }).collect();
    goals(conn, refs, &goal_ids, false).await
}

pub(crate) async fn sdg_codes(conn: &mut Conn<'_>, refs: &mut References) -> Result<(), sqlx::Error> {
    let sql = Sql::new(
        "SELECT CAST(number AS TEXT) FROM sdg_goals UNION ALL SELECT code FROM sdg_targets UNION ALL SELECT code FROM sdg_indicators",
    );
    refs.sdg_codes.extend(conn.scalars::<String>(&sql).await?);
    Ok(())
}
