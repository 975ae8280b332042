//! `/api/v1/focus-areas`, `/api/v1/goals` and `/api/v1/measures`: the parts of a plan.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::Problem as FieldIssue;
use samverk_domain::ValidationErrors;
use samverk_domain::plan::{Beneficiary, FocusAreaDraft, GoalDraft, MeasureDraft};
use samverk_store::Store;
use samverk_store::plan::{FocusArea as StoredArea, Goal as StoredGoal, GoalSdg, Measure as StoredMeasure, PlanTree};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List, Paging};
use super::schema;
use super::{ApiError, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// A focus area (satsingsområde) of a plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct FocusArea {
    pub id: i64,
    pub plan_id: i64,
    pub title: String,
    pub description: Option<String>,
    /// Also the `ETag`; an update sends it back in `If-Match`.
    pub version: i64,
}

impl From<StoredArea> for FocusArea {
    fn from(f: StoredArea) -> Self {
        Self { id: f.id, plan_id: f.plan_id, title: f.title, description: f.description, version: f.version }
    }
}

/// A goal: a main goal when it has no parent, otherwise a sub-goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct Goal {
    pub id: i64,
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub parent_id: Option<i64>,
    /// Null while the plan does not yet give the goal's wording.
    pub title: Option<String>,
    pub description: Option<String>,
    #[schema(schema_with = schema::beneficiary)]
    pub beneficiary: Option<Beneficiary>,
    /// SDG goals and targets, e.g. `["13", "13.2"]` (a draft takes them comma-separated).
    pub sdgs: Vec<String>,
    /// How many engagements contribute to this goal directly.
    pub contributions: i64,
    /// Also the `ETag`; an update sends it back in `If-Match`.
    pub version: i64,
}

impl Goal {
    pub(super) fn new(g: StoredGoal, sdgs: &[GoalSdg]) -> Self {
        Self {
            beneficiary: g.beneficiary(),
            sdgs: sdgs.iter().filter(|s| s.goal_id == g.id).map(|s| s.sdg_code.clone()).collect(),
            id: g.id,
            plan_id: g.plan_id,
            focus_area_id: g.focus_area_id,
            parent_id: g.parent_id,
            title: g.title,
            description: g.description,
            contributions: g.contributions,
            version: g.version,
        }
    }
}

/// A measure (tiltak, åtgärd), under a focus area, a goal, or both.
#[derive(Debug, Serialize, ToSchema)]
pub struct Measure {
    pub id: i64,
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub title: String,
    pub description: Option<String>,
    /// Also the `ETag`; an update sends it back in `If-Match`.
    pub version: i64,
}

impl From<StoredMeasure> for Measure {
    fn from(m: StoredMeasure) -> Self {
        Self {
            id: m.id,
            plan_id: m.plan_id,
            focus_area_id: m.focus_area_id,
            goal_id: m.goal_id,
            title: m.title,
            description: m.description,
            version: m.version,
        }
    }
}

/// Which plan's parts to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartsQuery {
    /// The plan; required.
    #[param(value_type = i64)]
    plan_id: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

impl PartsQuery {
    /// The plan's tree (`None` for an unknown plan, whose list is empty) and the page asked for.
    async fn tree(&self, store: &Store) -> Result<(Option<PlanTree>, Paging), ApiError> {
        let mut e = ValidationErrors::new();
        let plan_id = list::id(&mut e, "plan_id", self.plan_id.as_deref());
        if plan_id.is_none() && e.is_empty() {
            e.add("plan_id", FieldIssue::Required);
        }
        let paging = list::paging(&mut e, self.page.as_deref(), self.per_page.as_deref());
        e.into_result(|| ())?;
        let tree = match plan_id {
            Some(id) => store.plan_tree(id).await?,
            None => None,
        };
        Ok((tree, paging))
    }
}

/// List a plan's focus areas, in the plan's order.
#[utoipa::path(get, path = "/api/v1/focus-areas", tag = "plans", params(PartsQuery), responses(
    (status = 200, description = "One page of focus areas", body = List<FocusArea>),
    (status = 422, description = "`plan_id` is missing, or a parameter is not valid", body = Problem, content_type = PROBLEM),
))]
pub async fn list_focus_areas(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PartsQuery>,
) -> Result<Json<List<FocusArea>>, ApiError> {
    let (tree, paging) = query.tree(&state.store).await?;
    let all = tree.map(|t| t.focus_areas).unwrap_or_default();
    Ok(Json(List::slice(all, paging, FocusArea::from)))
}

/// A focus area.
#[utoipa::path(get, path = "/api/v1/focus-areas/{id}", tag = "plans", params(("id" = i64, Path, description = "Focus area id")), responses(
    (status = 200, description = "The focus area", body = FocusArea),
    (status = 404, description = "No focus area has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get_focus_area(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let found = focus_area(&state.store, id).await?;
    Ok(with_etag(Json(&found), found.version))
}

async fn focus_area(store: &Store, id: i64) -> Result<FocusArea, ApiError> {
    Ok(store.focus_area(id).await?.ok_or(AppError::NotFound)?.into())
}

/// Add a focus area to a plan.
#[utoipa::path(post, path = "/api/v1/focus-areas", tag = "plans", request_body = FocusAreaDraft, responses(
    (status = 201, description = "Added; `Location` gives its address", body = FocusArea,
        headers(("Location" = String, description = "The new focus area's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create_focus_area(State(state): State<AppState>, ApiJson(draft): ApiJson<FocusAreaDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_focus_area(&draft).await?;
    Ok(created(format!("/api/v1/focus-areas/{id}"), &focus_area(&state.store, id).await?))
}

/// Change a focus area (it stays in its plan).
#[utoipa::path(put, path = "/api/v1/focus-areas/{id}", tag = "plans", params(("id" = i64, Path, description = "Focus area id")),
    request_body = FocusAreaDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = FocusArea),
    (status = 412, description = "Changed since the version in `If-Match`; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No focus area has this id in the plan named", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update_focus_area(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<FocusAreaDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.focus_area(id).await?.is_some()) }).await?;
    let version = state.store.update_focus_area(id, expected, &draft).await?;
    Ok(with_etag(Json(focus_area(&state.store, id).await?), version))
}

/// Delete a focus area with its goals and measures.
#[utoipa::path(delete, path = "/api/v1/focus-areas/{id}", tag = "plans", params(("id" = i64, Path, description = "Focus area id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No focus area has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete_focus_area(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_focus_area(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// List a plan's goals, main goals and sub-goals, in the plan's order.
#[utoipa::path(get, path = "/api/v1/goals", tag = "plans", params(PartsQuery), responses(
    (status = 200, description = "One page of goals", body = List<Goal>),
    (status = 422, description = "`plan_id` is missing, or a parameter is not valid", body = Problem, content_type = PROBLEM),
))]
pub async fn list_goals(State(state): State<AppState>, ApiQuery(query): ApiQuery<PartsQuery>) -> Result<Json<List<Goal>>, ApiError> {
    let (tree, paging) = query.tree(&state.store).await?;
    let (goals, sdgs) = tree.map(|t| (t.goals, t.sdgs)).unwrap_or_default();
    Ok(Json(List::slice(goals, paging, |g| Goal::new(g, &sdgs))))
}

/// A goal.
#[utoipa::path(get, path = "/api/v1/goals/{id}", tag = "plans", params(("id" = i64, Path, description = "Goal id")), responses(
    (status = 200, description = "The goal", body = Goal),
    (status = 404, description = "No goal has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get_goal(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let found = goal(&state.store, id).await?;
    Ok(with_etag(Json(&found), found.version))
}

async fn goal(store: &Store, id: i64) -> Result<Goal, ApiError> {
    let (goal, sdgs) = store.goal(id).await?.ok_or(AppError::NotFound)?;
    Ok(Goal::new(goal, &sdgs))
}

/// Add a goal to a plan: a main goal, or a sub-goal when `parent_id` is given.
#[utoipa::path(post, path = "/api/v1/goals", tag = "plans", request_body = GoalDraft, responses(
    (status = 201, description = "Added; `Location` gives its address", body = Goal,
        headers(("Location" = String, description = "The new goal's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create_goal(State(state): State<AppState>, ApiJson(draft): ApiJson<GoalDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_goal(&draft).await?;
    Ok(created(format!("/api/v1/goals/{id}"), &goal(&state.store, id).await?))
}

/// Change a goal (it stays in its plan).
#[utoipa::path(put, path = "/api/v1/goals/{id}", tag = "plans", params(("id" = i64, Path, description = "Goal id")),
    request_body = GoalDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = Goal),
    (status = 412, description = "Changed since the version in `If-Match`; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No goal has this id in the plan named", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update_goal(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<GoalDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.goal(id).await?.is_some()) }).await?;
    let version = state.store.update_goal(id, expected, &draft).await?;
    Ok(with_etag(Json(goal(&state.store, id).await?), version))
}

/// Delete a goal with its sub-goals and the contributions to them.
#[utoipa::path(delete, path = "/api/v1/goals/{id}", tag = "plans", params(("id" = i64, Path, description = "Goal id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No goal has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete_goal(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_goal(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// List a plan's measures, in the plan's order.
#[utoipa::path(get, path = "/api/v1/measures", tag = "plans", params(PartsQuery), responses(
    (status = 200, description = "One page of measures", body = List<Measure>),
    (status = 422, description = "`plan_id` is missing, or a parameter is not valid", body = Problem, content_type = PROBLEM),
))]
pub async fn list_measures(State(state): State<AppState>, ApiQuery(query): ApiQuery<PartsQuery>) -> Result<Json<List<Measure>>, ApiError> {
    let (tree, paging) = query.tree(&state.store).await?;
    let all = tree.map(|t| t.measures).unwrap_or_default();
    Ok(Json(List::slice(all, paging, Measure::from)))
}

/// A measure.
#[utoipa::path(get, path = "/api/v1/measures/{id}", tag = "plans", params(("id" = i64, Path, description = "Measure id")), responses(
    (status = 200, description = "The measure", body = Measure),
    (status = 404, description = "No measure has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get_measure(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let found = measure(&state.store, id).await?;
    Ok(with_etag(Json(&found), found.version))
}

async fn measure(store: &Store, id: i64) -> Result<Measure, ApiError> {
    Ok(store.measure(id).await?.ok_or(AppError::NotFound)?.into())
}

/// Add a measure to a plan.
#[utoipa::path(post, path = "/api/v1/measures", tag = "plans", request_body = MeasureDraft, responses(
    (status = 201, description = "Added; `Location` gives its address", body = Measure,
        headers(("Location" = String, description = "The new measure's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create_measure(State(state): State<AppState>, ApiJson(draft): ApiJson<MeasureDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_measure(&draft).await?;
    Ok(created(format!("/api/v1/measures/{id}"), &measure(&state.store, id).await?))
}

/// Change a measure (it stays in its plan).
#[utoipa::path(put, path = "/api/v1/measures/{id}", tag = "plans", params(("id" = i64, Path, description = "Measure id")),
    request_body = MeasureDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = Measure),
    (status = 412, description = "Changed since the version in `If-Match`; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No measure has this id in the plan named", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update_measure(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<MeasureDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.measure(id).await?.is_some()) }).await?;
    let version = state.store.update_measure(id, expected, &draft).await?;
    Ok(with_etag(Json(measure(&state.store, id).await?), version))
}

/// Delete a measure.
#[utoipa::path(delete, path = "/api/v1/measures/{id}", tag = "plans", params(("id" = i64, Path, description = "Measure id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No measure has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete_measure(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_measure(id).await?;
    Ok(StatusCode::NO_CONTENT)
}
