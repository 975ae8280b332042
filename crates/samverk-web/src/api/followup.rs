//! `/api/v1` follow-up: a representative's mandates, the reports due, writing a report back,
//! a plan's goal fulfilment, and recording a measurement.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use samverk_domain::indicator::MeasurementDraft;
use samverk_domain::input::format_date;
use samverk_domain::mandate::ReportDraft;
use samverk_store::mandate::{Mandate as Stored, MandateFilter};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::{ApiError, PROBLEM, Problem, created};
use crate::AppState;
use crate::error::AppError;

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// A mandate with where its next report back stands today.
#[derive(Debug, Serialize, ToSchema)]
pub struct Mandate {
    pub id: i64,
    pub engagement_id: i64,
    pub engagement_title: String,
    /// None: the seat is vacant.
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    /// `board_member`, `member`, `contact_person`, `delegate` or `observer`.
    pub role: String,
    pub body: String,
    pub case_number: Option<String>,
    #[schema(format = Date)]
    pub start: String,
    #[schema(format = Date)]
    pub end: Option<String>,
    pub instructions: Option<String>,
    pub report_to: String,
    /// `every_meeting`, `quarterly`, `half_yearly` or `yearly`.
    pub frequency: String,
    #[schema(format = Date)]
    pub last_report: Option<String>,
    #[schema(format = Date)]
    pub next_due: Option<String>,
    /// `overdue`, `due_soon` or `upcoming`; none when nothing is due.
    pub due_state: Option<String>,
    /// The period has ended.
    pub ended: bool,
    /// No one holds the seat.
    pub vacant: bool,
}

impl Mandate {
    fn of(m: Stored, today: Date) -> Self {
        Self {
            next_due: m.next_due(today).map(format_date),
            due_state: m.due_state(today).map(|s| s.code().to_owned()),
            ended: m.ended(today),
            vacant: m.vacant(),
            id: m.id,
            engagement_id: m.engagement_id,
            engagement_title: m.engagement_title,
            person_id: m.person_id,
            person_name: m.person_name,
            role: m.role.code().to_owned(),
            body: m.body,
            case_number: m.case_number,
            start: format_date(m.start_date),
            end: m.end_date.map(format_date),
            instructions: m.instructions,
            report_to: m.report_to,
            frequency: m.frequency.code().to_owned(),
            last_report: m.last_report.map(format_date),
        }
    }
}

/// Reports due soon or overdue, and mandates that ended or have no holder.
#[derive(Debug, Serialize, ToSchema)]
pub struct DueList {
    pub due: Vec<Mandate>,
    pub flagged: Vec<Mandate>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueQuery {
    /// Only this authority's mandates.
    owner_id: Option<i64>,
}

/// The new record's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// An indicator's status by the rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorStatus {
    pub id: i64,
    pub title: String,
    pub unit: String,
    /// `on_track`, `at_risk`, `off_track` or `no_data`.
    pub status: String,
    pub latest_year: Option<i64>,
    pub latest_value: Option<f64>,
}

/// A goal's fulfilment with the engagement evidence.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalStatus {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub focus_area_id: Option<i64>,
    pub title: Option<String>,
    /// Rolled up over its indicators and sub-goals: `on_track`, `at_risk`, `off_track`, `no_data`.
    pub status: String,
    /// Engagements contributing to the goal or a goal below it.
    pub engagements: i64,
    /// Of those, how many reported back in the last 12 months.
    pub reported: i64,
    pub indicators: Vec<IndicatorStatus>,
}

/// A plan's goal fulfilment.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanFollowup {
    pub plan_id: i64,
    pub status: String,
    pub goals: Vec<GoalStatus>,
}

/// A representative's mandates ("my mandates").
#[utoipa::path(get, path = "/api/v1/people/{id}/mandates", tag = "follow-up", params(("id" = i64, Path, description = "Person id")), responses(
    (status = 200, description = "The person's mandates with their next report due", body = Vec<Mandate>),
    (status = 404, description = "No person has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn person_mandates(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Json<Vec<Mandate>>, ApiError> {
    state.store.person(id).await?.ok_or(AppError::NotFound)?;
    let today = today();
    let mandates = state.store.mandates(&MandateFilter { person_id: Some(id), ..MandateFilter::default() }).await?;
    Ok(Json(mandates.into_iter().map(|m| Mandate::of(m, today)).collect()))
}

/// Reports due soon and overdue, overdue first; mandates to renew or fill.
#[utoipa::path(get, path = "/api/v1/mandates/due", tag = "follow-up", params(DueQuery), responses(
    (status = 200, description = "Reports due and flagged mandates", body = DueList),
    (status = 400, description = "A filter is not valid", body = Problem, content_type = PROBLEM),
))]
pub async fn due(State(state): State<AppState>, ApiQuery(query): ApiQuery<DueQuery>) -> Result<Json<DueList>, ApiError> {
    let today = today();
    let list = state.store.reports_due(&MandateFilter { owner_id: query.owner_id, ..MandateFilter::default() }, today).await?;
    Ok(Json(DueList {
        due: list.due.into_iter().map(|d| Mandate::of(d.mandate, today)).collect(),
        flagged: list.flagged.into_iter().map(|m| Mandate::of(m, today)).collect(),
    }))
}

/// Write a report back on a mandate (without attachments; the page takes those).
#[utoipa::path(post, path = "/api/v1/mandates/{id}/reports", tag = "follow-up", params(("id" = i64, Path, description = "Mandate id")),
    request_body = ReportDraft, responses(
    (status = 201, description = "Written", body = Created),
    (status = 404, description = "No mandate has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault (e.g. the mandate had ended), named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn create_report(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<ReportDraft>,
) -> Result<Response, ApiError> {
    let report = state.store.create_report(id, &draft, Vec::new(), today()).await?;
    Ok(created(format!("/api/v1/mandates/{id}"), &Created { id: report }))
}

/// A plan's goal fulfilment: each goal's status by the stated rule, its indicators and the
/// engagement evidence.
#[utoipa::path(get, path = "/api/v1/plans/{id}/followup", tag = "follow-up", params(("id" = i64, Path, description = "Plan id")), responses(
    (status = 200, description = "The plan's follow-up", body = PlanFollowup),
    (status = 404, description = "No plan has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn plan_followup(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Json<PlanFollowup>, ApiError> {
    let f = state.store.plan_followup(id, today()).await?.ok_or(AppError::NotFound)?;
    Ok(Json(PlanFollowup {
        plan_id: f.plan.id,
        status: f.status.code().to_owned(),
        goals: f
            .goals
            .into_iter()
            .map(|g| GoalStatus {
                id: g.goal.id,
                parent_id: g.goal.parent_id,
                focus_area_id: g.goal.focus_area_id,
                title: g.goal.title,
                status: g.status.code().to_owned(),
                engagements: g.engagements,
                reported: g.reported,
                indicators: g
                    .indicators
                    .into_iter()
                    .map(|i| IndicatorStatus {
                        id: i.indicator.id,
                        title: i.indicator.title,
                        unit: i.indicator.unit,
                        status: i.status.code().to_owned(),
                        latest_year: i.latest.map(|l| l.0),
                        latest_value: i.latest.map(|l| l.1),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

/// Record a measurement of an indicator.
#[utoipa::path(post, path = "/api/v1/indicators/{id}/measurements", tag = "follow-up", params(("id" = i64, Path, description = "Indicator id")),
    request_body = MeasurementDraft, responses(
    (status = 201, description = "Recorded", body = Created),
    (status = 404, description = "No indicator has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "Fields at fault (e.g. a year outside the plan's period), named in `errors`; nothing was saved", body = Problem, content_type = PROBLEM),
))]
pub async fn add_measurement(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(draft): ApiJson<MeasurementDraft>,
) -> Result<Response, ApiError> {
    let measurement = state.store.add_measurement(id, &draft).await?;
    Ok(created(format!("/api/v1/plans/{id}/followup"), &Created { id: measurement }))
}
