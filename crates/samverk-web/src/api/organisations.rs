//! `/api/v1/organisations`: authorities, partners, members and counterparts, with their
//! predecessor/successor links.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use samverk_domain::ValidationErrors;
use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::{OrganisationDraft, OrganisationKind, SuccessionDraft, country_code, parse_kind};
use samverk_store::Store;
use samverk_store::engagement::Participation as StoredParticipation;
use samverk_store::organisation::{Organisation as Stored, OrganisationFilter, Succession as StoredSuccession};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List};
use super::schema;
use super::{ApiError, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;
use crate::trust::version::{self, with_etag};

/// An organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    #[schema(schema_with = schema::organisation_kind)]
    pub kind: OrganisationKind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Norwegian organisation number.
    pub org_number: Option<String>,
    /// Norwegian fylkesnummer or kommunenummer.
    pub region_code: Option<String>,
    /// Swedish SCB code.
    pub scb_code: Option<String>,
    pub nuts_code: Option<String>,
    #[schema(format = Date)]
    pub valid_from: Option<String>,
    #[schema(format = Date)]
    pub valid_to: Option<String>,
    /// Grows by one with every change.
    pub version: i64,
}

impl From<Stored> for Organisation {
    fn from(o: Stored) -> Self {
        Self {
            id: o.id,
            name: o.name,
            name_nb: o.name_nb,
            name_sv: o.name_sv,
            name_en: o.name_en,
            kind: o.kind,
            country: o.country,
            org_number: o.org_number,
            region_code: o.region_code,
            scb_code: o.scb_code,
            nuts_code: o.nuts_code,
            valid_from: schema::opt_date(o.valid_from),
            valid_to: schema::opt_date(o.valid_to),
            version: o.version,
        }
    }
}

/// A predecessor or successor, and the date of the change.
#[derive(Debug, Serialize, ToSchema)]
pub struct Succession {
    pub organisation_id: i64,
    pub name: String,
    #[schema(format = Date)]
    pub date: String,
}

impl From<StoredSuccession> for Succession {
    fn from(s: StoredSuccession) -> Self {
        Self { organisation_id: s.organisation_id, name: s.name, date: schema::date(s.date) }
    }
}

/// An engagement the organisation takes part in, and in which role.
#[derive(Debug, Serialize, ToSchema)]
pub struct Participation {
    pub engagement_id: i64,
    pub title: String,
    #[schema(schema_with = schema::engagement_kind)]
    pub kind: EngagementKind,
    #[schema(schema_with = schema::engagement_status)]
    pub status: EngagementStatus,
    /// The authority that owns the engagement.
    pub owner_name: String,
    #[schema(schema_with = schema::role)]
    pub role: Role,
}

impl From<StoredParticipation> for Participation {
    fn from(p: StoredParticipation) -> Self {
        Self { engagement_id: p.engagement_id, title: p.title, kind: p.kind, status: p.status, owner_name: p.owner_name, role: p.role }
    }
}

/// An organisation with its predecessors, successors and engagements.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationDetail {
    #[serde(flatten)]
    pub organisation: Organisation,
    pub predecessors: Vec<Succession>,
    pub successors: Vec<Succession>,
    pub engagements: Vec<Participation>,
}

/// Filters of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Free text, matched against every name variant.
    q: Option<String>,
    /// An organisation kind code, e.g. `county`.
    kind: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `NO`.
    country: Option<String>,
    /// `true`: only bodies that can own plans and engagements (counties, regions, municipalities).
    authorities_only: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

impl OrganisationQuery {
    fn filter(self) -> Result<OrganisationFilter, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let kind = list::code(&mut e, "kind", self.kind.as_deref(), parse_kind);
        let country = list::code(&mut e, "country", self.country.as_deref(), country_code);
        let authorities_only = list::flag(&mut e, "authorities_only", self.authorities_only.as_deref());
        let paging = list::paging(&mut e, self.page.as_deref(), self.per_page.as_deref());
        let filter = OrganisationFilter {
            q: list::text(self.q),
            kind,
            country,
            region: None,
            authorities_only,
            page: paging.page,
            per_page: paging.per_page,
        };
        e.into_result(|| filter)
    }
}

async fn detail(store: &Store, id: i64) -> Result<OrganisationDetail, ApiError> {
    let organisation = store.organisation(id).await?.ok_or(AppError::NotFound)?;
    let (predecessors, successors) = store.successions(id).await?;
    let engagements = store.participations(id).await?;
    Ok(OrganisationDetail {
        organisation: organisation.into(),
        predecessors: predecessors.into_iter().map(Into::into).collect(),
        successors: successors.into_iter().map(Into::into).collect(),
        engagements: engagements.into_iter().map(Into::into).collect(),
    })
}

fn location(id: i64) -> String {
    format!("/api/v1/organisations/{id}")
}

/// List organisations by name.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(OrganisationQuery), responses(
    (status = 200, description = "One page of organisations", body = List<Organisation>),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<OrganisationQuery>,
) -> Result<Json<List<Organisation>>, ApiError> {
    let filter = query.filter()?;
    let page = state.store.organisations(&filter).await?;
    Ok(Json(List::from_page(page, Organisation::from)))
}

/// An organisation with its predecessors, successors and engagements.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path, description = "Organisation id")), responses(
    (status = 200, description = "The organisation", body = OrganisationDetail),
    (status = 404, description = "No organisation has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let detail = detail(&state.store, id).await?;
    let version = detail.organisation.version;
    Ok(with_etag(Json(detail), version))
}

/// Register an organisation.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = OrganisationDraft, responses(
    (status = 201, description = "Registered; `Location` gives its address", body = OrganisationDetail,
        headers(("Location" = String, description = "The new organisation's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create(State(state): State<AppState>, ApiJson(draft): ApiJson<OrganisationDraft>) -> Result<Response, ApiError> {
    let id = state.store.create_organisation(&draft).await?;
    Ok(created(location(id), &detail(&state.store, id).await?))
}

/// Change an organisation.
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path, description = "Organisation id"),
    ("If-Match" = String, Header, description = "The ETag of the version read; `*` overwrites whatever is there")),
    request_body = OrganisationDraft, responses(
    (status = 200, description = "Saved; `ETag` is the new version", body = OrganisationDetail),
    (status = 412, description = "The organisation changed since that version; nothing was saved", body = Problem, content_type = PROBLEM),
    (status = 428, description = "No If-Match header", body = Problem, content_type = PROBLEM),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No organisation has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<OrganisationDraft>,
) -> Result<Response, ApiError> {
    let expected = version::required(&headers, async { Ok(state.store.organisation(id).await?.is_some()) }).await?;
    let version = state.store.update_organisation_at(id, expected, &draft).await?;
    Ok(with_etag(Json(detail(&state.store, id).await?), version))
}

/// Delete an organisation that nothing refers to.
#[utoipa::path(delete, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path, description = "Organisation id")), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No organisation has this id", body = Problem, content_type = PROBLEM),
    (status = 409, description = "It still owns plans, decisions or engagements, or takes part in one", body = Problem, content_type = PROBLEM),
))]
pub async fn delete(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<StatusCode, ApiError> {
    state.store.delete_organisation(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Record that this organisation succeeded another (a merger, a split, a renaming).
#[utoipa::path(post, path = "/api/v1/organisations/{id}/predecessors", tag = "organisations",
    params(("id" = i64, Path, description = "The successor's id")), request_body = SuccessionDraft, responses(
    (status = 201, description = "Recorded; the body is the successor with its predecessors", body = OrganisationDetail,
        headers(("Location" = String, description = "The successor's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No organisation has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Unknown or duplicate predecessor, or a bad date; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn add_predecessor(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<SuccessionDraft>,
) -> Result<Response, ApiError> {
    state.store.add_succession(id, &draft).await?;
    Ok(created(location(id), &detail(&state.store, id).await?))
}
