//! `/api/v1/decisions`: which body decided what, under which case number, and when.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::decision::{DatePrecision, DecisionDraft};
use samverk_store::Store;
use samverk_store::decision::Decision as Stored;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List};
use super::schema;
use super::{ApiError, Link, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// A decision of an authority's body.
#[derive(Debug, Serialize, ToSchema)]
pub struct Decision {
    pub id: i64,
    /// The authority whose body decided.
    pub owner_id: i64,
    pub owner_name: String,
    /// The deciding body, e.g. "Fylkestinget".
    pub body: String,
    /// e.g. "25/20".
    pub case_number: Option<String>,
    /// A month- or year-precise date is given as its first day.
    #[schema(format = Date)]
    pub date: String,
    #[schema(schema_with = schema::date_precision)]
    pub date_precision: DatePrecision,
    pub title: String,
    pub url: Option<String>,
    pub version: i64,
}

impl From<Stored> for Decision {
    fn from(d: Stored) -> Self {
        Self {
            id: d.id,
            owner_id: d.owner_id,
            owner_name: d.owner_name,
            body: d.body,
            case_number: d.case_number,
            date: schema::date(d.date),
            date_precision: d.date_precision,
            title: d.title,
            url: d.url,
            version: d.version,
        }
    }
}

/// A decision with the plans and engagements it established.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionDetail {
    #[serde(flatten)]
    pub decision: Decision,
    pub plans: Vec<Link>,
    pub engagements: Vec<Link>,
}

/// Filters of the decision list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DecisionQuery {
    /// Only this authority's decisions.
    #[param(value_type = Option<i64>)]
    owner_id: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

async fn detail(store: &Store, id: i64) -> Result<DecisionDetail, ApiError> {
    let decision = store.decision(id).await?.ok_or(AppError::NotFound)?;
    let established = store.established_by(id).await?;
    Ok(DecisionDetail {
        decision: decision.into(),
        plans: established.plans.into_iter().map(Link::from).collect(),
        engagements: established.engagements.into_iter().map(Link::from).collect(),
    })
}

fn location(id: i64) -> String {
    format!("/api/v1/decisions/{id}")
}

/// List decisions, newest first.
#[utoipa::path(get, path = "/api/v1/decisions", tag = "decisions", params(DecisionQuery), responses(
    (status = 200, description = "One page of decisions", body = List<Decision>),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list(State(state): State<AppState>, ApiQuery(query): ApiQuery<DecisionQuery>) -> Result<Json<List<Decision>>, ApiError> {
    let (owner_id, paging) = list::owner_and_paging(query.owner_id.as_deref(), query.page.as_deref(), query.per_page.as_deref())?;
    let all = state.store.decisions(owner_id).await?;
    Ok(Json(List::slice(all, paging, Decision::from)))
}

/// A decision with what it established.
#[utoipa::path(get, path = "/api/v1/decisions/{id}", tag = "decisions", params(("id" = i64, Path, description = "Decision id")), responses(
    (status = 200, description = "The decision; `ETag` is its version, to send back in `If-Match` when changing it", body = DecisionDetail),
    (status = 404, description = "No decision has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let detail = detail(&state.store, id).await?;
    let version = detail.decision.version;
    Ok(with_etag(Json(detail), version))
}

/// Record a decision.
#[utoipa::path(post, path = "/api/v1/decisions", tag = "decisions", request_body = DecisionDraft, responses(
    (status = 201, description = "Recorded; `Location` gives its address", body = DecisionDetail,
        headers(("Location" = String, description = "The new decision's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create(State(state): State<AppState>, ApiJson(draft): ApiJson<DecisionDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_decision(&draft).await?;
    Ok(created(location(id), &detail(&state.store, id).await?))
}

/// Change a decision. `If-Match` must carry the `ETag` of the version the change is based on.
#[utoipa::path(put, path = "/api/v1/decisions/{id}", tag = "decisions", params(("id" = i64, Path, description = "Decision id"),
    ("If-Match" = String, Header, description = "The ETag of the version read; `*` overwrites whatever is there")),
    request_body = DecisionDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = DecisionDetail),
    (status = 412, description = "The decision changed since that version; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No decision has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<DecisionDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.decision(id).await?.is_some()) }).await?;
    let version = state.store.update_decision_at(id, expected, &draft).await?;
    Ok(with_etag(Json(detail(&state.store, id).await?), version))
}

/// Delete a decision; the plans and engagements it established stay, without the link.
#[utoipa::path(delete, path = "/api/v1/decisions/{id}", tag = "decisions", params(("id" = i64, Path, description = "Decision id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No decision has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_decision(id).await?;
    Ok(StatusCode::NO_CONTENT)
}
