//! `/api/v1/engagements/{id}/participants` and `/contributions`: who takes part in which role,
//! and which goals an engagement serves and how.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::ValidationErrors;
use samverk_domain::engagement::{ContributionDraft, ParticipantDraft, Role};
use samverk_store::Store;
use samverk_store::engagement::{Contribution as StoredContribution, Participant as StoredParticipant};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List};
use super::schema;
use super::{ApiError, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// An organisation taking part in an engagement, in a role.
#[derive(Debug, Serialize, ToSchema)]
pub struct Participant {
    pub id: i64,
    pub engagement_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// The organisation's country (ISO 3166-1 alpha-2).
    pub country: String,
    #[schema(schema_with = schema::role)]
    pub role: Role,
    #[schema(format = Date)]
    pub start: Option<String>,
    #[schema(format = Date)]
    pub end: Option<String>,
    /// Also the `ETag`; an update sends it back in `If-Match`.
    pub version: i64,
}

impl From<StoredParticipant> for Participant {
    fn from(p: StoredParticipant) -> Self {
        Self {
            id: p.id,
            engagement_id: p.engagement_id,
            organisation_id: p.organisation_id,
            organisation_name: p.organisation_name,
            country: p.country,
            role: p.role,
            start: schema::opt_date(p.start_date),
            end: schema::opt_date(p.end_date),
            version: p.version,
        }
    }
}

/// A goal an engagement contributes to, and a sentence on how.
#[derive(Debug, Serialize, ToSchema)]
pub struct Contribution {
    pub id: i64,
    pub engagement_id: i64,
    pub goal_id: i64,
    /// Null while the plan does not yet give the goal's wording.
    pub goal_title: Option<String>,
    /// The goal's main goal, when the goal is a sub-goal.
    pub goal_parent_id: Option<i64>,
    pub plan_id: i64,
    pub plan_title: String,
    pub how: String,
    /// Also the `ETag`; an update sends it back in `If-Match`.
    pub version: i64,
}

impl From<StoredContribution> for Contribution {
    fn from(c: StoredContribution) -> Self {
        Self {
            id: c.id,
            engagement_id: c.engagement_id,
            goal_id: c.goal_id,
            goal_title: c.goal_title,
            goal_parent_id: c.goal_parent_id,
            plan_id: c.plan_id,
            plan_title: c.plan_title,
            how: c.how,
            version: c.version,
        }
    }
}

/// Which page of a sub-list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

impl PageQuery {
    fn paging(&self) -> Result<list::Paging, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let paging = list::paging(&mut e, self.page.as_deref(), self.per_page.as_deref());
        e.into_result(|| paging)
    }
}

async fn participant(store: &Store, engagement_id: i64, id: i64) -> Result<Participant, ApiError> {
    let found = store.participant(id).await?.filter(|p| p.engagement_id == engagement_id);
    Ok(found.ok_or(AppError::NotFound)?.into())
}

async fn contribution(store: &Store, engagement_id: i64, id: i64) -> Result<Contribution, ApiError> {
    let found = store.contribution(id).await?.filter(|c| c.engagement_id == engagement_id);
    Ok(found.ok_or(AppError::NotFound)?.into())
}

/// List an engagement's participants, by role and name.
#[utoipa::path(get, path = "/api/v1/engagements/{id}/participants", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), PageQuery), responses(
    (status = 200, description = "One page of participants", body = List<Participant>),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "A parameter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list_participants(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<List<Participant>>, ApiError> {
    let paging = query.paging()?;
    let page = state.store.engagement_page(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(List::slice(page.participants, paging, Participant::from)))
}

/// One participant of an engagement.
#[utoipa::path(get, path = "/api/v1/engagements/{id}/participants/{participant_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("participant_id" = i64, Path, description = "Participant id")), responses(
    (status = 200, description = "The participant", body = Participant),
    (status = 404, description = "No such participant in this engagement", body = Problem, content_type = PROBLEM),
))]
pub async fn get_participant(State(state): State<AppState>, ApiPath((id, pid)): ApiPath<(i64, i64)>) -> Result<Response, ApiError> {
    let found = participant(&state.store, id, pid).await?;
    Ok(with_etag(Json(&found), found.version))
}

/// Add an organisation to an engagement in a role.
#[utoipa::path(post, path = "/api/v1/engagements/{id}/participants", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id")), request_body = ParticipantDraft, responses(
    (status = 201, description = "Added; `Location` gives its address", body = Participant,
        headers(("Location" = String, description = "The new participant's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Unknown organisation, the same organisation already in this role, a bad role or period; nothing was saved",
        body = Problem, content_type = PROBLEM),
))]
pub async fn add_participant(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<ParticipantDraft>,
) -> Result<Response, ApiError> {
    let pid = state.store.add_participant(id, &draft).await?;
    Ok(created(format!("/api/v1/engagements/{id}/participants/{pid}"), &participant(&state.store, id, pid).await?))
}

/// Change a participant's organisation, role or period.
#[utoipa::path(put, path = "/api/v1/engagements/{id}/participants/{participant_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("participant_id" = i64, Path, description = "Participant id")),
    request_body = ParticipantDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = Participant),
    (status = 412, description = "Changed since the version in `If-Match`; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No such participant in this engagement", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update_participant(
    State(state): State<AppState>,
    ApiPath((id, pid)): ApiPath<(i64, i64)>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<ParticipantDraft>,
) -> Result<Response, ApiError> {
    let expected =
        version::required(&headers, async { Ok(state.store.participant(pid).await?.is_some_and(|p| p.engagement_id == id)) }).await?;
    state.store.update_participant(id, pid, expected, &draft).await?;
    let saved = participant(&state.store, id, pid).await?;
    Ok(with_etag(Json(&saved), saved.version))
}

/// Remove a participant from an engagement.
#[utoipa::path(delete, path = "/api/v1/engagements/{id}/participants/{participant_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("participant_id" = i64, Path, description = "Participant id")), responses(
    (status = 204, description = "Removed"),
    (status = 404, description = "No such participant in this engagement", body = Problem, content_type = PROBLEM),
))]
pub async fn remove_participant(State(state): State<AppState>, ApiPath((id, pid)): ApiPath<(i64, i64)>) -> Result<StatusCode, ApiError> {
    state.store.remove_participant(id, pid).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// List the goals an engagement contributes to, with how.
#[utoipa::path(get, path = "/api/v1/engagements/{id}/contributions", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), PageQuery), responses(
    (status = 200, description = "One page of contributions", body = List<Contribution>),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "A parameter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list_contributions(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<List<Contribution>>, ApiError> {
    let paging = query.paging()?;
    let page = state.store.engagement_page(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(List::slice(page.contributions, paging, Contribution::from)))
}

/// One contribution of an engagement.
#[utoipa::path(get, path = "/api/v1/engagements/{id}/contributions/{contribution_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("contribution_id" = i64, Path, description = "Contribution id")), responses(
    (status = 200, description = "The contribution", body = Contribution),
    (status = 404, description = "No such contribution in this engagement", body = Problem, content_type = PROBLEM),
))]
pub async fn get_contribution(State(state): State<AppState>, ApiPath((id, cid)): ApiPath<(i64, i64)>) -> Result<Response, ApiError> {
    let found = contribution(&state.store, id, cid).await?;
    Ok(with_etag(Json(&found), found.version))
}

/// Record that an engagement contributes to a goal of its authority's plans, and how.
#[utoipa::path(post, path = "/api/v1/engagements/{id}/contributions", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id")), request_body = ContributionDraft, responses(
    (status = 201, description = "Added; `Location` gives its address", body = Contribution,
        headers(("Location" = String, description = "The new contribution's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Unknown goal, a goal of another authority's plan, a goal already contributed to, or no sentence on how; nothing was saved",
        body = Problem, content_type = PROBLEM),
))]
pub async fn add_contribution(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<ContributionDraft>,
) -> Result<Response, ApiError> {
    let cid = state.store.add_contribution(id, &draft).await?;
    Ok(created(format!("/api/v1/engagements/{id}/contributions/{cid}"), &contribution(&state.store, id, cid).await?))
}

/// Change a contribution's goal or sentence.
#[utoipa::path(put, path = "/api/v1/engagements/{id}/contributions/{contribution_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("contribution_id" = i64, Path, description = "Contribution id")),
    request_body = ContributionDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = Contribution),
    (status = 412, description = "Changed since the version in `If-Match`; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No such contribution in this engagement", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors` (the contribution rule has code `contribution_rule`); nothing was saved",
        body = Problem, content_type = PROBLEM),
))]
pub async fn update_contribution(
    State(state): State<AppState>,
    ApiPath((id, cid)): ApiPath<(i64, i64)>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<ContributionDraft>,
) -> Result<Response, ApiError> {
    let expected =
        version::required(&headers, async { Ok(state.store.contribution(cid).await?.is_some_and(|c| c.engagement_id == id)) }).await?;
    state.store.update_contribution(id, cid, expected, &draft).await?;
    let saved = contribution(&state.store, id, cid).await?;
    Ok(with_etag(Json(&saved), saved.version))
}

/// Remove a contribution, unless it is the last keeping an active network engagement within
/// the contribution rule.
#[utoipa::path(delete, path = "/api/v1/engagements/{id}/contributions/{contribution_id}", tag = "engagements",
    params(("id" = i64, Path, description = "Engagement id"), ("contribution_id" = i64, Path, description = "Contribution id")), responses(
    (status = 204, description = "Removed"),
    (status = 404, description = "No such contribution in this engagement", body = Problem, content_type = PROBLEM),
    (status = 422, description = "The contribution rule (code `contribution_rule`, field `goal_id`); nothing was removed",
        body = Problem, content_type = PROBLEM),
))]
pub async fn remove_contribution(State(state): State<AppState>, ApiPath((id, cid)): ApiPath<(i64, i64)>) -> Result<StatusCode, ApiError> {
    state.store.remove_contribution(id, cid).await?;
    Ok(StatusCode::NO_CONTENT)
}
