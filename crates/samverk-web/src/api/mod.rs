//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//!
//! One module per resource. Request bodies are the domain's drafts, answers are read models
//! converted from the store's rows, and every error is an `application/problem+json` document.

mod decisions;
mod discovery;
mod engagements;
mod eu_projects;
mod extract;
mod followup;
mod goals;
mod list;
mod organisations;
mod participants;
mod plans;
mod problem;
mod routes;
mod schema;
mod search;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde::Serialize;
use utoipa::OpenApi;

use crate::AppState;

pub use problem::{ApiError, FieldProblem, Problem};

/// The media type of every error answer.
const PROBLEM: &str = "application/problem+json";

/// The OpenAPI document, generated from the handlers and types below.
#[derive(OpenApi)]
#[openapi(
    info(title = "samverk API", description = "Partnerships, networks and international cooperation of public authorities."),
    paths(
        organisations::list,
        organisations::get,
        organisations::create,
        organisations::update,
        organisations::delete,
        organisations::add_predecessor,
        discovery::partner_proposals,
        discovery::network,
        decisions::list,
        decisions::get,
        decisions::create,
        decisions::update,
        decisions::delete,
        plans::list,
        plans::get,
        plans::create,
        plans::update,
        plans::delete,
        goals::list_focus_areas,
        goals::get_focus_area,
        goals::create_focus_area,
        goals::update_focus_area,
        goals::delete_focus_area,
        goals::list_goals,
        goals::get_goal,
        goals::create_goal,
        goals::update_goal,
        goals::delete_goal,
        goals::list_measures,
        goals::get_measure,
        goals::create_measure,
        goals::update_measure,
        goals::delete_measure,
        engagements::list,
        engagements::get,
        engagements::create,
        engagements::update,
        engagements::delete,
        participants::list_participants,
        participants::get_participant,
        participants::add_participant,
        participants::update_participant,
        participants::remove_participant,
        participants::list_contributions,
        participants::get_contribution,
        participants::add_contribution,
        participants::update_contribution,
        participants::remove_contribution,
        search::search,
        followup::person_mandates,
        followup::due,
        followup::create_report,
        followup::plan_followup,
        followup::add_measurement,
        eu_projects::list,
        eu_projects::sums,
        eu_projects::get,
        eu_projects::add_line,
    ),
    components(schemas(
        Problem,
        FieldProblem,
        Link,
        samverk_domain::organisation::OrganisationDraft,
        samverk_domain::organisation::SuccessionDraft,
        samverk_domain::decision::DecisionDraft,
        samverk_domain::plan::PlanDraft,
        samverk_domain::plan::FocusAreaDraft,
        samverk_domain::plan::GoalDraft,
        samverk_domain::plan::MeasureDraft,
        samverk_domain::engagement::EngagementDraft,
        samverk_domain::engagement::ParticipantDraft,
        samverk_domain::engagement::ContributionDraft,
        organisations::Organisation,
        organisations::OrganisationDetail,
        organisations::Succession,
        organisations::Participation,
        discovery::PartnerProposals,
        discovery::Proposal,
        discovery::ProposalEvidence,
        discovery::Network,
        discovery::NetworkPartner,
        discovery::SharedEngagement,
        discovery::NetworkMembership,
        decisions::Decision,
        decisions::DecisionDetail,
        plans::Plan,
        plans::PlanDetail,
        plans::DecisionRef,
        plans::FocusAreaNode,
        plans::GoalNode,
        goals::FocusArea,
        goals::Goal,
        goals::Measure,
        engagements::EngagementSummary,
        engagements::Engagement,
        engagements::NewEngagement,
        participants::Participant,
        participants::Contribution,
        search::SearchResults,
        search::SearchHit,
        search::Facet,
        search::FacetCount,
        samverk_domain::mandate::ReportDraft,
        samverk_domain::indicator::MeasurementDraft,
        followup::Mandate,
        followup::DueList,
        followup::Created,
        followup::IndicatorStatus,
        followup::GoalStatus,
        followup::PlanFollowup,
        samverk_domain::eu::BudgetLineDraft,
        eu_projects::EuProject,
        eu_projects::SumRow,
        eu_projects::BudgetSums,
        eu_projects::BudgetLine,
        eu_projects::LessonSummary,
        eu_projects::EuProjectDetail,
    )),
    tags(
        (name = "organisations", description = "The register of organisations and their successions"),
        (name = "decisions", description = "Decisions of the authorities' bodies"),
        (name = "plans", description = "Plans with their focus areas, goals and measures"),
        (name = "engagements", description = "Engagements with their participants and contributions"),
        (name = "search", description = "One search over every public record, with facets"),
        (name = "follow-up", description = "Mandates, reports back, reports due, indicators and goal fulfilment"),
        (name = "eu-projects", description = "EU projects, their budgets and the sums per programme, year and department"),
    )
)]
pub struct ApiDoc;

/// A record named by its id and title (what a decision established, a plan's principles).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Link {
    pub id: i64,
    pub title: String,
}

impl From<(i64, String)> for Link {
    fn from((id, title): (i64, String)) -> Self {
        Self { id, title }
    }
}

/// The handlers under `/api/v1`, each at the path and methods its documentation names.
fn v1() -> routes::Routes {
    use engagements as e;
    use goals as g;
    use organisations as o;
    use participants as p;
    routes::Routes::default()
        .add(o::__path_list, o::list)
        .add(o::__path_get, o::get)
        .add(o::__path_create, o::create)
        .add(o::__path_update, o::update)
        .add(o::__path_delete, o::delete)
        .add(o::__path_add_predecessor, o::add_predecessor)
        .add(discovery::__path_partner_proposals, discovery::partner_proposals)
        .add(discovery::__path_network, discovery::network)
        .add(decisions::__path_list, decisions::list)
        .add(decisions::__path_get, decisions::get)
        .add(decisions::__path_create, decisions::create)
        .add(decisions::__path_update, decisions::update)
        .add(decisions::__path_delete, decisions::delete)
        .add(plans::__path_list, plans::list)
        .add(plans::__path_get, plans::get)
        .add(plans::__path_create, plans::create)
        .add(plans::__path_update, plans::update)
        .add(plans::__path_delete, plans::delete)
        .add(g::__path_list_focus_areas, g::list_focus_areas)
        .add(g::__path_get_focus_area, g::get_focus_area)
        .add(g::__path_create_focus_area, g::create_focus_area)
        .add(g::__path_update_focus_area, g::update_focus_area)
        .add(g::__path_delete_focus_area, g::delete_focus_area)
        .add(g::__path_list_goals, g::list_goals)
        .add(g::__path_get_goal, g::get_goal)
        .add(g::__path_create_goal, g::create_goal)
        .add(g::__path_update_goal, g::update_goal)
        .add(g::__path_delete_goal, g::delete_goal)
        .add(g::__path_list_measures, g::list_measures)
        .add(g::__path_get_measure, g::get_measure)
        .add(g::__path_create_measure, g::create_measure)
        .add(g::__path_update_measure, g::update_measure)
        .add(g::__path_delete_measure, g::delete_measure)
        .add(e::__path_list, e::list)
        .add(e::__path_get, e::get)
        .add(e::__path_create, e::create)
        .add(e::__path_update, e::update)
        .add(e::__path_delete, e::delete)
        .add(p::__path_list_participants, p::list_participants)
        .add(p::__path_get_participant, p::get_participant)
        .add(p::__path_add_participant, p::add_participant)
        .add(p::__path_update_participant, p::update_participant)
        .add(p::__path_remove_participant, p::remove_participant)
        .add(p::__path_list_contributions, p::list_contributions)
        .add(p::__path_get_contribution, p::get_contribution)
        .add(p::__path_add_contribution, p::add_contribution)
        .add(p::__path_update_contribution, p::update_contribution)
        .add(p::__path_remove_contribution, p::remove_contribution)
        .add(search::__path_search, search::search)
        .add(followup::__path_person_mandates, followup::person_mandates)
        .add(followup::__path_due, followup::due)
        .add(followup::__path_create_report, followup::create_report)
        .add(followup::__path_plan_followup, followup::plan_followup)
        .add(followup::__path_add_measurement, followup::add_measurement)
        .add(eu_projects::__path_list, eu_projects::list)
        .add(eu_projects::__path_sums, eu_projects::sums)
        .add(eu_projects::__path_get, eu_projects::get)
        .add(eu_projects::__path_add_line, eu_projects::add_line)
}

/// Every (path, lower-case method) the router serves under `/api/v1`, so a test can check
/// each is in the OpenAPI document.
#[must_use]
pub fn served_routes() -> Vec<(String, &'static str)> {
    v1().served()
}

pub fn router() -> Router<AppState> {
    v1().into_router()
        // Unknown methods and addresses under the API answer with problem documents too,
        // never with the HTML error page or an empty body.
        .method_not_allowed_fallback(problem::method_not_allowed)
        .route("/api/v1/{*rest}", any(problem::not_found))
        .route("/api/openapi.json", get(openapi_json))
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// A 201 answer: the new record's address in `Location`, the record in the body.
fn created<T: Serialize>(location: String, body: &T) -> Response {
    match header::HeaderValue::try_from(location) {
        Ok(location) => (StatusCode::CREATED, [(header::LOCATION, location)], Json(body)).into_response(),
        // Our addresses are built from ids and never hold characters a header refuses.
        Err(_) => (StatusCode::CREATED, Json(body)).into_response(),
    }
}
