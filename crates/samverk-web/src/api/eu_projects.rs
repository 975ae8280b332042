//! `/api/v1/eu-projects`: EU projects with their budgets, the sums per programme, year and
//! department, and the budget lines.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use samverk_domain::eu::BudgetLineDraft;
use samverk_store::eu::{self as stored, Amounts};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::list::{self, List};
use super::{ApiError, PROBLEM, Problem, created, schema};
use crate::AppState;
use crate::error::AppError;

/// An EU project (an engagement of kind `eu_project`) with its budget summed over all lines.
/// Amounts are whole euros.
#[derive(Debug, Serialize, ToSchema)]
pub struct EuProject {
    pub engagement_id: i64,
    pub title: String,
    pub owner_id: i64,
    /// `proposed`, `active`, `paused` or `ended`.
    pub status: String,
    #[schema(format = Date)]
    pub start_date: Option<String>,
    #[schema(format = Date)]
    pub end_date: Option<String>,
    /// `interreg`, `erasmus_plus`, `european_solidarity_corps`, `horizon_europe` or `other`; null until registered.
    pub programme: Option<String>,
    pub strand: Option<String>,
    /// `lead_partner`, `partner` or `associated_partner`.
    pub role: Option<String>,
    pub department: Option<String>,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
}

impl From<stored::EuProjectSummary> for EuProject {
    fn from(p: stored::EuProjectSummary) -> Self {
        Self {
            engagement_id: p.engagement_id,
            title: p.title,
            owner_id: p.owner_id,
            status: p.status.code().to_owned(),
            start_date: p.start_date.map(schema::date),
            end_date: p.end_date.map(schema::date),
            programme: p.programme,
            strand: p.strand,
            role: p.role,
            department: p.department,
            total: p.total,
            eu_grant: p.eu_grant,
            national_cofinancing: p.national_cofinancing,
            own_contribution: p.own_contribution,
        }
    }
}

/// Summed amounts of a programme, a year or a department.
#[derive(Debug, Serialize, ToSchema)]
pub struct SumRow {
    /// The programme code, the year, or the department; null for projects without one.
    pub key: Option<String>,
    pub projects: i64,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
    /// The EU grant's share of the total, in hundredths of a percent (6250 = 62.5 %).
    pub cofinancing_rate: i64,
}

impl From<&stored::SumRow> for SumRow {
    fn from(r: &stored::SumRow) -> Self {
        let a = Amounts {
            total: r.total,
            eu_grant: r.eu_grant,
            national_cofinancing: r.national_cofinancing,
            own_contribution: r.own_contribution,
        };
        Self {
            key: r.key.clone(),
            projects: r.projects,
            total: r.total,
            eu_grant: r.eu_grant,
            national_cofinancing: r.national_cofinancing,
            own_contribution: r.own_contribution,
            cofinancing_rate: a.rate(),
        }
    }
}

/// The budget sums three ways, and the grand total.
#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetSums {
    pub by_programme: Vec<SumRow>,
    pub by_year: Vec<SumRow>,
    pub by_department: Vec<SumRow>,
    pub total: SumRow,
}

/// One partner's budget for one year.
#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetLine {
    pub id: i64,
    pub year: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
    /// Hundredths of a percent.
    pub cofinancing_rate: i64,
}

/// A lesson learned, in short.
#[derive(Debug, Serialize, ToSchema)]
pub struct LessonSummary {
    pub id: i64,
    pub title: String,
    pub departments: Vec<String>,
    pub readers: usize,
    /// Whether someone from every addressed department has read it.
    pub spread: bool,
}

/// An EU project's details, budget lines and lessons.
#[derive(Debug, Serialize, ToSchema)]
pub struct EuProjectDetail {
    pub engagement_id: i64,
    pub programme: Option<String>,
    pub strand: Option<String>,
    pub funding_call: Option<String>,
    pub role: Option<String>,
    pub department: Option<String>,
    pub lines: Vec<BudgetLine>,
    pub lessons: Vec<LessonSummary>,
}

/// Filters of the EU-project list and sums.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EuQuery {
    /// Only this authority's projects.
    #[param(value_type = Option<i64>)]
    owner_id: Option<String>,
    /// From 1.
    #[param(value_type = Option<u32>)]
    page: Option<String>,
    /// 1 to 500; 50 when absent.
    #[param(value_type = Option<u32>)]
    per_page: Option<String>,
}

/// List EU projects with their summed budgets, by title.
#[utoipa::path(get, path = "/api/v1/eu-projects", tag = "eu-projects", params(EuQuery), responses(
    (status = 200, description = "One page of EU projects", body = List<EuProject>),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn list(State(state): State<AppState>, ApiQuery(q): ApiQuery<EuQuery>) -> Result<Json<List<EuProject>>, ApiError> {
    let (owner_id, paging) = list::owner_and_paging(q.owner_id.as_deref(), q.page.as_deref(), q.per_page.as_deref())?;
    Ok(Json(List::slice(state.store.eu_projects(owner_id).await?, paging, EuProject::from)))
}

/// The budget sums per programme, per year and per department.
#[utoipa::path(get, path = "/api/v1/eu-projects/sums", tag = "eu-projects", params(EuQuery), responses(
    (status = 200, description = "The sums", body = BudgetSums),
    (status = 422, description = "A filter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn sums(State(state): State<AppState>, ApiQuery(q): ApiQuery<EuQuery>) -> Result<Json<BudgetSums>, ApiError> {
    let (owner_id, _) = list::owner_and_paging(q.owner_id.as_deref(), None, None)?;
    let s = state.store.eu_budget_sums(owner_id).await?;
    let total = stored::SumRow {
        key: None,
        projects: s.by_programme.iter().map(|r| r.projects).sum(),
        total: s.total.total,
        eu_grant: s.total.eu_grant,
        national_cofinancing: s.total.national_cofinancing,
        own_contribution: s.total.own_contribution,
    };
    Ok(Json(BudgetSums {
        by_programme: s.by_programme.iter().map(SumRow::from).collect(),
        by_year: s.by_year.iter().map(SumRow::from).collect(),
        by_department: s.by_department.iter().map(SumRow::from).collect(),
        total: SumRow::from(&total),
    }))
}

async fn detail(state: &AppState, id: i64) -> Result<EuProjectDetail, ApiError> {
    let e = state.store.engagement(id).await?.ok_or(AppError::NotFound)?;
    if e.kind != samverk_domain::engagement::EngagementKind::EuProject {
        return Err(AppError::NotFound.into());
    }
    let page = state.store.eu_project_page(id).await?;
    let p = page.project.as_ref();
    Ok(EuProjectDetail {
        engagement_id: id,
        programme: p.map(|p| p.programme.code().to_owned()),
        strand: p.and_then(|p| p.strand.clone()),
        funding_call: p.and_then(|p| p.funding_call.clone()),
        role: p.map(|p| p.role.code().to_owned()),
        department: p.and_then(|p| p.department.clone()),
        lines: page
            .lines
            .into_iter()
            .map(|l| BudgetLine {
                id: l.id,
                year: l.year,
                organisation_id: l.organisation_id,
                organisation_name: l.organisation_name,
                total: l.total,
                eu_grant: l.eu_grant,
                national_cofinancing: l.national_cofinancing,
                own_contribution: l.own_contribution,
                cofinancing_rate: l.cofinancing_rate,
            })
            .collect(),
        lessons: page
            .lessons
            .iter()
            .map(|l| LessonSummary {
                id: l.id,
                title: l.title.clone(),
                departments: l.departments.clone(),
                readers: l.readings.len(),
                spread: l.is_spread(),
            })
            .collect(),
    })
}

/// An EU project's details, budget lines and lessons.
#[utoipa::path(get, path = "/api/v1/eu-projects/{id}", tag = "eu-projects", params(("id" = i64, Path, description = "Engagement id")), responses(
    (status = 200, description = "The project", body = EuProjectDetail),
    (status = 404, description = "No EU project has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Json<EuProjectDetail>, ApiError> {
    Ok(Json(detail(&state, id).await?))
}

/// Add a budget line: the parts must add up to the total, the EU grant stay within it, and the
/// rate (computed when blank) stay at or below 100 %.
#[utoipa::path(post, path = "/api/v1/eu-projects/{id}/budget-lines", tag = "eu-projects", params(("id" = i64, Path, description = "Engagement id")),
    request_body = BudgetLineDraft, responses(
    (status = 201, description = "Added; `Location` gives the project's address", body = EuProjectDetail,
        headers(("Location" = String, description = "The project's address"))),
    (status = 400, description = "The body is not JSON of the expected shape", body = Problem, content_type = PROBLEM),
    (status = 404, description = "No EU project has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault, named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn add_line(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<BudgetLineDraft>,
) -> Result<Response, ApiError> {
    detail(&state, id).await?;
    state.store.save_budget_line(id, None, None, &draft).await?;
    Ok(created(format!("/api/v1/eu-projects/{id}"), &detail(&state, id).await?))
}
