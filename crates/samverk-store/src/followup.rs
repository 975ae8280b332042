//! Follow-up of a plan: the status of each indicator, rolled up to goals, focus areas and the
//! plan with the engagement evidence; the goals × engagements map; the reports due; and
//! [`plan_summary`], what the yearly follow-up report reads.
//!
//! Every function here runs a fixed number of queries, whatever the number of goals,
//! indicators, measurements or reports: rows are loaded flat and assembled in memory.

use std::collections::{BTreeSet, HashMap, HashSet};

use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_domain::indicator::{Assessment, Status, roll_up};
use samverk_domain::mandate::DueState;
use serde::Serialize;
use time::{Date, Duration};

use crate::db::{Conn, Sql};
use crate::indicator::{INDICATOR_SELECT, Indicator, MEASUREMENT_SELECT, Measurement};
use crate::mandate::{self, Mandate, MandateFilter, Report};
use crate::{Store, StoreError};

/// How far back a report counts as "reported in the last period".
pub const EVIDENCE_DAYS: i64 = 365;

/// The plan as the follow-up needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FollowupPlan {
    pub id: i64,
    pub owner_id: i64,
    pub title: String,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FollowupArea {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FollowupGoal {
    pub id: i64,
    pub focus_area_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub title: Option<String>,
}

/// An indicator with its status by the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorStatus {
    pub indicator: Indicator,
    #[serde(skip)]
    pub assessment: Assessment,
    pub status: Status,
    /// The latest measurement (year, value), when there is one.
    pub latest: Option<(i64, f64)>,
}

/// A goal's fulfilment: its own indicators, the status rolled up over them and its sub-goals,
/// and the engagement evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalStatus {
    pub goal: FollowupGoal,
    pub indicators: Vec<IndicatorStatus>,
    pub status: Status,
    /// Engagements contributing to the goal or a goal below it.
    pub engagements: i64,
    /// Of those, how many had a report back in the last [`EVIDENCE_DAYS`] days.
    pub reported: i64,
}

/// A focus area's rolled-up status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaStatus {
    pub area: FollowupArea,
    pub status: Status,
}

/// The follow-up of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanFollowup {
    pub plan: FollowupPlan,
    pub areas: Vec<AreaStatus>,
    /// Every goal, main goals and sub-goals, in the plan's order.
    pub goals: Vec<GoalStatus>,
    pub status: Status,
    /// Reports dated on or after this day count as evidence.
    pub since: Date,
}

impl PlanFollowup {
    /// Main goals of a focus area (`None`: outside any focus area).
    pub fn main_goals(&self, area: Option<i64>) -> impl Iterator<Item = &GoalStatus> {
        self.goals.iter().filter(move |g| g.goal.parent_id.is_none() && g.goal.focus_area_id == area)
    }

    pub fn sub_goals(&self, parent: i64) -> impl Iterator<Item = &GoalStatus> {
        self.goals.iter().filter(move |g| g.goal.parent_id == Some(parent))
    }

    /// How many indicators of the whole plan have each status: (on track, at risk, off track, no data).
    #[must_use]
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for i in self.goals.iter().flat_map(|g| &g.indicators) {
            counts[match i.status {
                Status::OnTrack => 0,
                Status::AtRisk => 1,
                Status::OffTrack => 2,
                Status::NoData => 3,
            }] += 1;
        }
        counts
    }
}

async fn plan_rows(conn: &mut Conn<'_>, plan_id: i64) -> Result<Option<(FollowupPlan, Vec<FollowupArea>, Vec<FollowupGoal>)>, sqlx::Error> {
    let mut sql = Sql::new("SELECT id, owner_id, title, period_start, period_end FROM plans WHERE id = ?").arg(plan_id);
    sql.scoped("owner_id");
    let Some(plan) = conn.optional::<FollowupPlan>(&sql).await? else { return Ok(None) };
    let areas = conn.all(&Sql::new("SELECT id, title FROM focus_areas WHERE plan_id = ? ORDER BY position, id").arg(plan_id)).await?;
    let goals = conn
        .all(&Sql::new("SELECT id, focus_area_id, parent_id, title FROM goals WHERE plan_id = ? ORDER BY position, id").arg(plan_id))
        .await?;
    Ok(Some((plan, areas, goals)))
}

/// (goal, engagement) for every contribution to a goal of the plan.
async fn contributions(conn: &mut Conn<'_>, plan_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    conn.all(
        &Sql::new("SELECT c.goal_id, c.engagement_id FROM contributions c JOIN goals g ON g.id = c.goal_id WHERE g.plan_id = ?")
            .arg(plan_id),
    )
    .await
}

/// Each goal's direct sub-goals, built once so walking a tree never rescans the plan.
fn children(goals: &[FollowupGoal]) -> HashMap<i64, Vec<i64>> {
    let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
    for g in goals {
        if let Some(parent) = g.parent_id {
            map.entry(parent).or_default().push(g.id);
        }
    }
    map
}

/// The goal and every goal below it.
fn subtree(children: &HashMap<i64, Vec<i64>>, root: i64) -> Vec<i64> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() && i < 100_000 {
        if let Some(kids) = children.get(&out[i]) {
            out.extend(kids);
        }
        i += 1;
    }
    out
}

/// The engagements contributing to any goal of a set.
fn engagements_of(by_goal: &HashMap<i64, Vec<i64>>, goals: &[i64]) -> BTreeSet<i64> {
    goals.iter().filter_map(|g| by_goal.get(g)).flatten().copied().collect()
}

/// goal → contributing engagements.
fn contributions_by_goal(contributions: &[(i64, i64)]) -> HashMap<i64, Vec<i64>> {
    let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (goal, engagement) in contributions {
        map.entry(*goal).or_default().push(*engagement);
    }
    map
}

/// A goal's status: the roll-up of its own indicators and its sub-goals' statuses.
fn tree_status(children: &HashMap<i64, Vec<i64>>, by_goal: &HashMap<i64, Vec<IndicatorStatus>>, id: i64, depth: usize) -> Status {
    let own = by_goal.get(&id).into_iter().flatten().map(|i| i.status);
    if depth > 64 {
        return roll_up(own);
    }
    let subs: Vec<Status> = children.get(&id).into_iter().flatten().map(|g| tree_status(children, by_goal, *g, depth + 1)).collect();
    roll_up(own.chain(subs))
}

/// The follow-up of a plan as of `today`, counting only measurements up to `until_year` when
/// given (a yearly report shows the state at the end of its year). Seven queries.
///
/// # Errors
/// The database error.
pub async fn plan_followup(
    conn: &mut Conn<'_>,
    plan_id: i64,
    today: Date,
    until_year: Option<i32>,
) -> Result<Option<PlanFollowup>, StoreError> {
    let Some((plan, areas, goals)) = plan_rows(conn, plan_id).await? else { return Ok(None) };
    let mut sql = Sql::new(INDICATOR_SELECT);
    sql.push(" WHERE g.plan_id = ").bind(plan_id).push(" ORDER BY i.title, i.id");
    let indicators: Vec<Indicator> = conn.all(&sql).await?;
    // Only the latest measurement decides the status: one row per indicator.
    let mut latest = Sql::new(
        "SELECT m.indicator_id, m.year, m.value FROM measurements m JOIN (SELECT m2.indicator_id, MAX(m2.year) AS year FROM measurements m2 \
         JOIN indicators i ON i.id = m2.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.plan_id = ",
    );
    latest.bind(plan_id);
    if let Some(y) = until_year {
        latest.push(" AND m2.year <= ").bind(i64::from(y));
    }
    latest.push(" GROUP BY m2.indicator_id) last ON last.indicator_id = m.indicator_id AND last.year = m.year");
    let latest: HashMap<i64, (i64, f64)> = conn.all::<(i64, i64, f64)>(&latest).await?.into_iter().map(|(i, y, v)| (i, (y, v))).collect();
    let contributions = contributions(conn, plan_id).await?;
    let since = today - Duration::days(EVIDENCE_DAYS);
    let reported: HashSet<i64> = conn
        .scalars::<i64>(
            &Sql::new(
                "SELECT DISTINCT md.engagement_id FROM report_backs r JOIN mandates md ON md.id = r.mandate_id \
                 JOIN engagements e ON e.id = md.engagement_id WHERE e.owner_id = ? AND r.date >= ? AND r.date <= ?",
            )
            .arg(plan.owner_id)
            .arg(since)
            .arg(today),
        )
        .await?
        .into_iter()
        .collect();

    let mut by_goal: HashMap<i64, Vec<IndicatorStatus>> = HashMap::new();
    for indicator in indicators {
        let latest = latest.get(&indicator.id).copied();
        let measured: Vec<(i32, f64)> = latest.iter().map(|(y, v)| (crate::indicator::year(*y), *v)).collect();
        let assessment = indicator.spec().assess(&measured);
        by_goal.entry(indicator.goal_id).or_default().push(IndicatorStatus { status: assessment.status, assessment, latest, indicator });
    }
    let kids = children(&goals);
    let status: HashMap<i64, Status> = goals.iter().map(|g| (g.id, tree_status(&kids, &by_goal, g.id, 0))).collect();
    let fed = contributions_by_goal(&contributions);
    let goal_statuses: Vec<GoalStatus> = goals
        .iter()
        .map(|g| {
            let engagements = engagements_of(&fed, &subtree(&kids, g.id));
            GoalStatus {
                goal: g.clone(),
                indicators: by_goal.remove(&g.id).unwrap_or_default(),
                status: status.get(&g.id).copied().unwrap_or(Status::NoData),
                engagements: i64::try_from(engagements.len()).unwrap_or_default(),
                reported: i64::try_from(engagements.iter().filter(|e| reported.contains(e)).count()).unwrap_or_default(),
            }
        })
        .collect();
    let areas = areas
        .into_iter()
        .map(|area| {
            let status = roll_up(
                goal_statuses.iter().filter(|g| g.goal.parent_id.is_none() && g.goal.focus_area_id == Some(area.id)).map(|g| g.status),
            );
            AreaStatus { area, status }
        })
        .collect();
    let status = roll_up(goal_statuses.iter().filter(|g| g.goal.parent_id.is_none()).map(|g| g.status));
    Ok(Some(PlanFollowup { plan, areas, goals: goal_statuses, status, since }))
}

/// An engagement of the heat map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MapEngagement {
    pub id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: EngagementKind,
    #[sqlx(try_from = "String")]
    pub status: EngagementStatus,
}

/// Which engagement feeds which main goal of a plan, with the two lists the contribution rule
/// needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heatmap {
    pub plan: FollowupPlan,
    pub areas: Vec<FollowupArea>,
    /// The columns: main goals, in the plan's order.
    pub goals: Vec<FollowupGoal>,
    /// The rows: engagements contributing to at least one goal of the plan.
    pub rows: Vec<MapEngagement>,
    /// (engagement, main goal) → contributes directly (`true`) or through a sub-goal.
    pub cells: HashMap<(i64, i64), bool>,
    /// The authority's engagements that contribute to no goal of this plan.
    pub without_goals: Vec<MapEngagement>,
    /// Main goals that no engagement contributes to (directly or through a sub-goal).
    pub goals_without: Vec<FollowupGoal>,
}

impl Heatmap {
    /// "direct", "sub" or "" for a cell.
    #[must_use]
    pub fn cell(&self, engagement: i64, goal: i64) -> &'static str {
        match self.cells.get(&(engagement, goal)) {
            Some(true) => "direct",
            Some(false) => "sub",
            None => "",
        }
    }

    /// How many engagements feed a main goal.
    #[must_use]
    pub fn column_count(&self, goal: i64) -> usize {
        self.cells.keys().filter(|(_, g)| *g == goal).count()
    }
}

/// The main goal a goal belongs to.
fn main_goal(goals: &[FollowupGoal], mut id: i64) -> i64 {
    for _ in 0..64 {
        match goals.iter().find(|g| g.id == id).and_then(|g| g.parent_id) {
            Some(parent) => id = parent,
            None => break,
        }
    }
    id
}

/// # Errors
/// The database error.
pub async fn heatmap(conn: &mut Conn<'_>, plan_id: i64) -> Result<Option<Heatmap>, StoreError> {
    let Some((plan, areas, all_goals)) = plan_rows(conn, plan_id).await? else { return Ok(None) };
    let contributions = contributions(conn, plan_id).await?;
    let engagements: Vec<MapEngagement> = conn
        .all(&Sql::new("SELECT id, title, kind, status FROM engagements WHERE owner_id = ? ORDER BY title, id").arg(plan.owner_id))
        .await?;
    let mut cells = HashMap::new();
    for (goal, engagement) in &contributions {
        let main = main_goal(&all_goals, *goal);
        let direct = main == *goal;
        let cell = cells.entry((*engagement, main)).or_insert(direct);
        *cell = *cell || direct;
    }
    let contributing: HashSet<i64> = contributions.iter().map(|(_, e)| *e).collect();
    let (rows, without_goals) = engagements.into_iter().partition(|e| contributing.contains(&e.id));
    let goals: Vec<FollowupGoal> = all_goals.iter().filter(|g| g.parent_id.is_none()).cloned().collect();
    let goals_without = goals.iter().filter(|g| !cells.keys().any(|(_, m)| *m == g.id)).cloned().collect();
    Ok(Some(Heatmap { plan, areas, goals, rows, cells, without_goals, goals_without }))
}

/// A mandate with where its next report back stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueReport {
    pub mandate: Mandate,
    pub due: Date,
    pub state: DueState,
}

/// Mandates whose report back is overdue or due soon (by state, then date), and the mandates
/// that are flagged: period ended or no holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueList {
    pub due: Vec<DueReport>,
    pub flagged: Vec<Mandate>,
}

/// Splits mandates into reports due (overdue first) and flagged mandates.
#[must_use]
pub fn due_list(mandates: Vec<Mandate>, today: Date) -> DueList {
    let mut due = Vec::new();
    let mut flagged = Vec::new();
    for m in mandates {
        if m.ended(today) || m.vacant() {
            flagged.push(m.clone());
        }
        if let Some(date) = m.next_due(today) {
            let state = samverk_domain::mandate::due_state(date, today);
            if state != DueState::Upcoming {
                due.push(DueReport { mandate: m, due: date, state });
            }
        }
    }
    due.sort_by(|a, b| (a.state, a.due, &a.mandate.engagement_title).cmp(&(b.state, b.due, &b.mandate.engagement_title)));
    DueList { due, flagged }
}

/// What the yearly follow-up report shows for one goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalSummary {
    pub status: GoalStatus,
    /// Each indicator's measurements up to the year, oldest first.
    pub series: Vec<(i64, Vec<Measurement>)>,
    /// Reports back dated in the year that speak to the goal, or come from a mandate in an
    /// engagement contributing to it.
    pub reports: Vec<Report>,
    /// Mandates in contributing engagements whose report back is overdue today.
    pub overdue: Vec<DueReport>,
}

/// The follow-up of a plan for one year: the plan's status and, per goal, indicator statuses
/// with their series, the year's reports and the overdue reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSummary {
    pub year: i32,
    pub followup: PlanFollowup,
    pub goals: Vec<GoalSummary>,
    /// The authority's mandates (a report names its mandate by id).
    pub mandates: Vec<Mandate>,
    /// Every report back of the authority overdue today, overdue longest first.
    pub overdue: Vec<DueReport>,
}

/// The data of the yearly follow-up report for a plan: statuses as of the end of `year` (only
/// measurements up to that year count), the year's reports, and what is overdue on `today`.
/// Eleven queries, whatever the size of the plan.
///
/// # Errors
/// The database error.
pub async fn plan_summary(conn: &mut Conn<'_>, plan_id: i64, year: i32, today: Date) -> Result<Option<PlanSummary>, StoreError> {
    let end_of_year = Date::from_calendar_date(year, time::Month::December, 31).unwrap_or(today);
    let Some(followup) = plan_followup(conn, plan_id, today.min(end_of_year), Some(year)).await? else { return Ok(None) };
    let mut sql = Sql::new(MEASUREMENT_SELECT);
    sql.push(" JOIN indicators i ON i.id = m.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.plan_id = ")
        .bind(plan_id)
        .push(" AND m.year <= ")
        .bind(i64::from(year))
        .push(" ORDER BY m.indicator_id, m.year");
    let measurements: Vec<Measurement> = conn.all(&sql).await?;
    let contributions = contributions(conn, plan_id).await?;
    let mandates = mandate::mandates(conn, &MandateFilter { owner_id: Some(followup.plan.owner_id), ..MandateFilter::default() }).await?;
    let ids: Vec<i64> = mandates.iter().map(|m| m.id).collect();
    let start = Date::from_calendar_date(year, time::Month::January, 1).unwrap_or(end_of_year);
    // The year's reports only, chosen by the database: the authority has written many more.
    let reports: Vec<Report> = mandate::reports_dated(conn, &ids, Some((start, end_of_year))).await?;
    let overdue: Vec<DueReport> = due_list(mandates.clone(), today).due.into_iter().filter(|d| d.state == DueState::Overdue).collect();
    let engagement_of: HashMap<i64, i64> = mandates.iter().map(|m| (m.id, m.engagement_id)).collect();
    let all_goals: Vec<FollowupGoal> = followup.goals.iter().map(|g| g.goal.clone()).collect();
    let kids = children(&all_goals);
    let fed = contributions_by_goal(&contributions);
    // Reports by the goals they name and by their engagement, so each goal looks up its own.
    let mut by_goal: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut by_engagement: HashMap<i64, Vec<usize>> = HashMap::new();
    for (n, r) in reports.iter().enumerate() {
        for (goal, _) in &r.goals {
            by_goal.entry(*goal).or_default().push(n);
        }
        if let Some(e) = engagement_of.get(&r.mandate_id) {
            by_engagement.entry(*e).or_default().push(n);
        }
    }
    let mut series_of: HashMap<i64, Vec<Measurement>> = HashMap::new();
    for m in measurements {
        series_of.entry(m.indicator_id).or_default().push(m);
    }
    let goals = followup
        .goals
        .iter()
        .map(|g| {
            let tree = subtree(&kids, g.goal.id);
            let engagements = engagements_of(&fed, &tree);
            let series =
                g.indicators.iter().map(|i| (i.indicator.id, series_of.get(&i.indicator.id).cloned().unwrap_or_default())).collect();
            let picked: BTreeSet<usize> = tree
                .iter()
                .filter_map(|goal| by_goal.get(goal))
                .chain(engagements.iter().filter_map(|e| by_engagement.get(e)))
                .flatten()
                .copied()
                .collect();
            let reports = picked.into_iter().map(|n| reports[n].clone()).collect();
            let overdue = overdue.iter().filter(|d| engagements.contains(&d.mandate.engagement_id)).cloned().collect();
            GoalSummary { status: g.clone(), series, reports, overdue }
        })
        .collect();
    Ok(Some(PlanSummary { year, followup, goals, mandates, overdue }))
}

impl Store {
    /// # Errors
    /// The database error.
    pub async fn plan_followup(&self, plan_id: i64, today: Date) -> Result<Option<PlanFollowup>, StoreError> {
        let mut h = self.handle().await?;
        plan_followup(&mut h.conn(), plan_id, today, None).await
    }

    /// # Errors
    /// The database error.
    pub async fn heatmap(&self, plan_id: i64) -> Result<Option<Heatmap>, StoreError> {
        let mut h = self.handle().await?;
        heatmap(&mut h.conn(), plan_id).await
    }

    /// # Errors
    /// The database error.
    pub async fn plan_summary(&self, plan_id: i64, year: i32, today: Date) -> Result<Option<PlanSummary>, StoreError> {
        let mut h = self.handle().await?;
        plan_summary(&mut h.conn(), plan_id, year, today).await
    }

    /// Reports due soon or overdue, and flagged mandates, for the mandates the filter selects.
    ///
    /// # Errors
    /// The database error.
    pub async fn reports_due(&self, filter: &MandateFilter, today: Date) -> Result<DueList, StoreError> {
        Ok(due_list(self.mandates(filter).await?, today))
    }
}
