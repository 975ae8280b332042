//! `/api/v1/plans`: strategies, plans and policies; one plan answers with its whole tree of
//! focus areas → goals → sub-goals → measures.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::decision::DatePrecision;
use samverk_domain::plan::{PlanDraft, PlanKind, PlanStatus};
use samverk_store::Store;
use samverk_store::plan::{Goal as StoredGoal, Plan as Stored, PlanTree};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::goals::{FocusArea, Goal, Measure};
use super::list::{self, List};
use super::schema;
use super::{ApiError, Link, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// The decision that adopted a plan or established an engagement, as shown beside it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionRef {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub case_number: Option<String>,
    #[schema(format = Date)]
    pub date: String,
    #[schema(schema_with = schema::date_precision)]
    pub date_precision: DatePrecision,
}

impl DecisionRef {
    /// From the decision columns of a joined row; `None` when there is no decision.
    pub fn from_columns(
        id: Option<i64>,
        title: Option<String>,
        body: Option<String>,
        case_number: Option<String>,
        date: Option<time::Date>,
        precision: Option<&str>,
    ) -> Option<Self> {
        Some(Self {
            id: id?,
            title: title?,
            body: body?,
            case_number,
            date: schema::date(date?),
            date_precision: precision.and_then(DatePrecision::from_code).unwrap_or(DatePrecision::Day),
        })
    }
}

/// A plan of an authority.
#[derive(Debug, Serialize, ToSchema)]
pub struct Plan {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub title: String,
    #[schema(schema_with = schema::plan_kind)]
    pub kind: PlanKind,
    #[schema(schema_with = schema::plan_status)]
    pub status: PlanStatus,
    #[schema(format = Date)]
    pub period_start: Option<String>,
    #[schema(format = Date)]
    pub period_end: Option<String>,
    pub decision_id: Option<i64>,
    /// The adopting decision, when recorded.
    pub decision: Option<DecisionRef>,
    pub description: Option<String>,
    pub version: i64,
}

impl From<Stored> for Plan {
    fn from(p: Stored) -> Self {
        Self {
            decision: DecisionRef::from_columns(
                p.decision_id,
                p.decision_title,
                p.decision_body,
                p.decision_case_number,
                p.decision_date,
                p.decision_date_precision.as_deref(),
            ),
            id: p.id,
            owner_id: p.owner_id,
            owner_name: p.owner_name,
            title: p.title,
            kind: p.kind,
            status: p.status,
            period_start: schema::opt_date(p.period_start),
            period_end: schema::opt_date(p.period_end),
            decision_id: p.decision_id,
            description: p.description,
            version: p.version,
        }
    }
}

/// A goal in the plan's tree, with its measures and sub-goals.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalNode {
    #[serde(flatten)]
    pub goal: Goal,
    /// Engagements contributing to this goal or any goal below it.
    pub contributions_in_tree: i64,
    pub measures: Vec<Measure>,
    #[schema(no_recursion)]
    pub sub_goals: Vec<GoalNode>,
}

/// A focus area in the plan's tree, with its main goals and the measures directly under it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FocusAreaNode {
    #[serde(flatten)]
    pub focus_area: FocusArea,
    pub goals: Vec<GoalNode>,
    pub measures: Vec<Measure>,
}

/// A plan with its whole tree.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanDetail {
    #[serde(flatten)]
    pub plan: Plan,
    /// Principles the plan sets for its work, in order.
    pub principles: Vec<Link>,
    pub focus_areas: Vec<FocusAreaNode>,
    /// Main goals outside any focus area.
    pub goals: Vec<GoalNode>,
    /// Measures outside any focus area and goal.
    pub measures: Vec<Measure>,
}

impl From<PlanTree> for PlanDetail {
    fn from(tree: PlanTree) -> Self {
        let focus_areas = tree
            .focus_areas
            .iter()
            .map(|f| FocusAreaNode {
                focus_area: f.clone().into(),
                goals: tree.main_goals(Some(f.id)).map(|g| goal_node(&tree, g)).collect(),
                measures: tree.area_measures(Some(f.id)).cloned().map(Measure::from).collect(),
            })
            .collect();
        Self {
            goals: tree.main_goals(None).map(|g| goal_node(&tree, g)).collect(),
            measures: tree.area_measures(None).cloned().map(Measure::from).collect(),
            focus_areas,
            principles: tree.principles.iter().map(|p| Link { id: p.id, title: p.title.clone() }).collect(),
            plan: tree.plan.into(),
        }
    }
}

/// A goal and everything below it. The domain refuses a parent that would make a goal its own
/// ancestor, so the recursion ends.
fn goal_node(tree: &PlanTree, goal: &StoredGoal) -> GoalNode {
    GoalNode {
        goal: Goal::new(goal.clone(), &tree.sdgs),
        contributions_in_tree: tree.contributions_in_tree(goal.id),
        measures: tree.goal_measures(goal.id).cloned().map(Measure::from).collect(),
        sub_goals: tree.sub_goals(goal.id).map(|g| goal_node(tree, g)).collect(),
    }
}

/// Filters of the plan list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Only this authority's plans.
    #[param(value_type = Option<i64>)]
    owner_id: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

async fn detail(store: &Store, id: i64) -> Result<PlanDetail, ApiError> {
    Ok(store.plan_tree(id).await?.ok_or(AppError::NotFound)?.into())
}

/// List plans by authority and title.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans", params(PlanQuery), responses(
    (status = 200, description = "One page of plans", body = List<Plan>),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list(State(state): State<AppState>, ApiQuery(query): ApiQuery<PlanQuery>) -> Result<Json<List<Plan>>, ApiError> {
    let (owner_id, paging) = list::owner_and_paging(query.owner_id.as_deref(), query.page.as_deref(), query.per_page.as_deref())?;
    let all = state.store.plans(owner_id).await?;
    Ok(Json(List::slice(all, paging, Plan::from)))
}

/// A plan with its focus areas, goals, sub-goals and measures.
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path, description = "Plan id")), responses(
    (status = 200, description = "The plan and its tree; `ETag` is the plan's version, to send back in `If-Match` when changing it",
        body = PlanDetail),
    (status = 404, description = "No plan has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let plan = detail(&state.store, id).await?;
    let version = plan.plan.version;
    Ok(with_etag(Json(plan), version))
}

/// Record a plan; its parts are added through `/api/v1/focus-areas`, `/goals` and `/measures`.
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanDraft, responses(
    (status = 201, description = "Recorded; `Location` gives its address", body = PlanDetail,
        headers(("Location" = String, description = "The new plan's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create(State(state): State<AppState>, ApiJson(draft): ApiJson<PlanDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_plan(&draft).await?;
    Ok(created(format!("/api/v1/plans/{id}"), &detail(&state.store, id).await?))
}

/// Change a plan. `If-Match` must carry the `ETag` of the version the change is based on.
#[utoipa::path(put, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path, description = "Plan id"),
    ("If-Match" = String, Header, description = "The ETag of the version read; `*` overwrites whatever is there")),
    request_body = PlanDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = PlanDetail),
    (status = 412, description = "The plan changed since that version; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No plan has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<PlanDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.plan(id).await?.is_some()) }).await?;
    let version = state.store.update_plan_at(id, expected, &draft).await?;
    Ok(with_etag(Json(detail(&state.store, id).await?), version))
}

/// Delete a plan with its focus areas, goals, measures and the contributions to them.
#[utoipa::path(delete, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path, description = "Plan id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No plan has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_plan(id).await?;
    Ok(StatusCode::NO_CONTENT)
}
