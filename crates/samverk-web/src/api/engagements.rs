//! `/api/v1/engagements`: memberships, agreements, partnerships, networks, projects, exchanges
//! and meeting places, filtered, sorted and paged as on the engagement list.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::engagement::{ContributionDraft, EngagementDraft, EngagementKind, EngagementStatus, parse_kind, parse_status};
use samverk_domain::{Problem as FieldIssue, ValidationErrors};
use samverk_store::Store;
use samverk_store::engagement::{Engagement as Stored, EngagementFilter, EngagementPage, EngagementSummary as StoredSummary, Sort};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List};
use super::participants::{Contribution, Participant};
use super::plans::DecisionRef;
use super::schema;
use super::{ApiError, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// A row of the engagement list.
#[derive(Debug, Serialize, ToSchema)]
pub struct EngagementSummary {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    #[schema(schema_with = schema::engagement_kind)]
    pub kind: EngagementKind,
    pub title: String,
    #[schema(schema_with = schema::engagement_status)]
    pub status: EngagementStatus,
    #[schema(format = Date)]
    pub start: Option<String>,
    #[schema(format = Date)]
    pub end: Option<String>,
    /// How many participants it has.
    pub participants: i64,
    /// How many goals it contributes to.
    pub contributions: i64,
}

impl From<StoredSummary> for EngagementSummary {
    fn from(e: StoredSummary) -> Self {
        Self {
            id: e.id,
            owner_id: e.owner_id,
            owner_name: e.owner_name,
            kind: e.kind,
            title: e.title,
            status: e.status,
            start: schema::opt_date(e.start_date),
            end: schema::opt_date(e.end_date),
            participants: e.participants,
            contributions: e.contributions,
        }
    }
}

/// An engagement with its participants, contributions and sub-engagements.
#[derive(Debug, Serialize, ToSchema)]
pub struct Engagement {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    #[schema(schema_with = schema::engagement_kind)]
    pub kind: EngagementKind,
    pub title: String,
    pub description: Option<String>,
    #[schema(schema_with = schema::engagement_status)]
    pub status: EngagementStatus,
    #[schema(format = Date)]
    pub start: Option<String>,
    #[schema(format = Date)]
    pub end: Option<String>,
    /// The engagement this one is part of (a thematic network under a partnership).
    pub parent_id: Option<i64>,
    pub parent_title: Option<String>,
    pub decision_id: Option<i64>,
    /// The decision that established it, when recorded.
    pub decision: Option<DecisionRef>,
    pub version: i64,
    pub participants: Vec<Participant>,
    pub contributions: Vec<Contribution>,
    /// Engagements that are part of this one.
    pub children: Vec<EngagementSummary>,
}

impl From<EngagementPage> for Engagement {
    fn from(page: EngagementPage) -> Self {
        let e: Stored = page.engagement;
        Self {
            decision: DecisionRef::from_columns(
                e.decision_id,
                e.decision_title,
                e.decision_body,
                e.decision_case_number,
                e.decision_date,
                e.decision_date_precision.as_deref(),
            ),
            id: e.id,
            owner_id: e.owner_id,
            owner_name: e.owner_name,
            kind: e.kind,
            title: e.title,
            description: e.description,
            status: e.status,
            start: schema::opt_date(e.start_date),
            end: schema::opt_date(e.end_date),
            parent_id: e.parent_id,
            parent_title: e.parent_title,
            decision_id: e.decision_id,
            version: e.version,
            participants: page.participants.into_iter().map(Participant::from).collect(),
            contributions: page.contributions.into_iter().map(Contribution::from).collect(),
            children: page.children.into_iter().map(EngagementSummary::from).collect(),
        }
    }
}

/// A new engagement, with the contributions it starts with: an active network engagement must
/// contribute to a main goal from the start (the contribution rule).
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct NewEngagement {
    #[serde(flatten)]
    pub engagement: EngagementDraft,
    /// Goals it contributes to from the start; none when absent.
    #[serde(default)]
    pub contributions: Vec<ContributionDraft>,
}

/// Filters, order and page of the engagement list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EngagementQuery {
    /// Only this authority's engagements.
    #[param(value_type = Option<i64>)]
    owner_id: Option<String>,
    /// An engagement kind code, e.g. `network`.
    kind: Option<String>,
    /// `proposed`, `active`, `paused` or `ended`.
    status: Option<String>,
    /// Contributes to this goal or one of its sub-goals.
    #[param(value_type = Option<i64>)]
    goal_id: Option<String>,
    /// This organisation takes part.
    #[param(value_type = Option<i64>)]
    organisation_id: Option<String>,
    /// Part of this engagement.
    #[param(value_type = Option<i64>)]
    parent_id: Option<String>,
    /// Runs during this calendar year.
    #[param(value_type = Option<i32>)]
    year: Option<String>,
    /// Free text, matched against title and description.
    q: Option<String>,
    /// Some participant's name contains this text (case and accents ignored).
    org: Option<String>,
    /// `title` (default), `start`, `kind`, `status` or `owner`.
    sort: Option<String>,
    /// `true` for descending order.
    #[param(value_type = Option<bool>)]
    desc: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

fn parse_sort(text: &str) -> Result<Sort, FieldIssue> {
    match text {
        "title" => Ok(Sort::Title),
        "start" => Ok(Sort::Start),
        "kind" => Ok(Sort::Kind),
        "status" => Ok(Sort::Status),
        "owner" => Ok(Sort::Owner),
        _ => Err(FieldIssue::UnknownValue { allowed: "title, start, kind, status, owner".to_owned() }),
    }
}

impl EngagementQuery {
    fn filter(self) -> Result<EngagementFilter, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let paging = list::paging(&mut e, self.page.as_deref(), self.per_page.as_deref());
        let filter = EngagementFilter {
            owner_id: list::id(&mut e, "owner_id", self.owner_id.as_deref()),
            kind: list::code(&mut e, "kind", self.kind.as_deref(), parse_kind),
            status: list::code(&mut e, "status", self.status.as_deref(), parse_status),
            goal_id: list::id(&mut e, "goal_id", self.goal_id.as_deref()),
            organisation_id: list::id(&mut e, "organisation_id", self.organisation_id.as_deref()),
            parent_id: list::id(&mut e, "parent_id", self.parent_id.as_deref()),
            year: list::year(&mut e, "year", self.year.as_deref()),
            country: None,
            region: None,
            sort: list::code(&mut e, "sort", self.sort.as_deref(), parse_sort).unwrap_or_default(),
            descending: list::flag(&mut e, "desc", self.desc.as_deref()),
            q: list::text(self.q),
            participant_q: list::text(self.org),
            page: paging.page,
            per_page: paging.per_page,
        };
        e.into_result(|| filter)
    }
}

pub(super) async fn detail(store: &Store, id: i64) -> Result<Engagement, ApiError> {
    Ok(store.engagement_page(id).await?.ok_or(AppError::NotFound)?.into())
}

/// List engagements: filter, sort and page.
#[utoipa::path(get, path = "/api/v1/engagements", tag = "engagements", params(EngagementQuery), responses(
    (status = 200, description = "One page of engagements", body = List<EngagementSummary>),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EngagementQuery>,
) -> Result<Json<List<EngagementSummary>>, ApiError> {
    let filter = query.filter()?;
    let page = state.store.engagements(&filter).await?;
    Ok(Json(List::from_page(page, EngagementSummary::from)))
}

/// An engagement with its participants, contributions, decision and sub-engagements.
#[utoipa::path(get, path = "/api/v1/engagements/{id}", tag = "engagements", params(("id" = i64, Path, description = "Engagement id")), responses(
    (status = 200, description = "The engagement; `ETag` is its version, to send back in `If-Match` when changing it", body = Engagement),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let engagement = detail(&state.store, id).await?;
    let version = engagement.version;
    Ok(with_etag(Json(engagement), version))
}

/// Record an engagement with its first contributions, all or nothing.
#[utoipa::path(post, path = "/api/v1/engagements", tag = "engagements", request_body = NewEngagement, responses(
    (status = 201, description = "Recorded; `Location` gives its address", body = Engagement,
        headers(("Location" = String, description = "The new engagement's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors` (the contribution rule has code `contribution_rule`); nothing was saved",
        body = Problem, content_type = PROBLEM),
))]
pub async fn create(State(state): State<AppState>, ApiJson(body): ApiJson<NewEngagement>) -> Result<Response, ApiError> {
    let id = state.store.create_engagement(&body.engagement, &body.contributions).await?;
    Ok(created(format!("/api/v1/engagements/{id}"), &detail(&state.store, id).await?))
}

/// Change an engagement; participants and contributions have their own addresses. `If-Match`
/// must carry the `ETag` of the version the change is based on.
#[utoipa::path(put, path = "/api/v1/engagements/{id}", tag = "engagements", params(("id" = i64, Path, description = "Engagement id"),
    ("If-Match" = String, Header, description = "The ETag of the version read; `*` overwrites whatever is there")),
    request_body = EngagementDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = Engagement),
    (status = 412, description = "The engagement changed since that version; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors` (the contribution rule has code `contribution_rule`); nothing was saved",
        body = Problem, content_type = PROBLEM),
))]
pub async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<EngagementDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.engagement(id).await?.is_some()) }).await?;
    let version = state.store.update_engagement_at(id, expected, &draft).await?;
    Ok(with_etag(Json(detail(&state.store, id).await?), version))
}

/// Delete an engagement with its participants and contributions; its sub-engagements stay,
/// without a parent.
#[utoipa::path(delete, path = "/api/v1/engagements/{id}", tag = "engagements", params(("id" = i64, Path, description = "Engagement id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No engagement has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn delete(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_engagement(id).await?;
    Ok(StatusCode::NO_CONTENT)
}
