//! Pages for plans and their goal framework: the plan list and page, the goal page, and the
//! forms for plans, focus areas, goals and measures.

mod focus_area;
mod goal;
mod measure;
mod plan;
mod tree;

use axum::Router;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samverk_domain::decision::DatePrecision;
use samverk_store::decision::Decision;
use time::Date;

use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plans", get(plan::list).post(plan::create))
        .route("/plans/new", get(plan::new))
        .route("/plans/{id}", get(plan::show).post(plan::update))
        .route("/plans/{id}/edit", get(plan::edit))
        .route("/plans/{id}/delete", post(plan::delete))
        .route("/plans/{id}/focus-areas/new", get(focus_area::new))
        .route("/plans/{id}/focus-areas", post(focus_area::create))
        .route("/focus-areas/{id}", post(focus_area::update))
        .route("/focus-areas/{id}/edit", get(focus_area::edit))
        .route("/focus-areas/{id}/delete", post(focus_area::delete))
        .route("/plans/{id}/goals/new", get(goal::new))
        .route("/plans/{id}/goals", post(goal::create))
        .route("/goals/{id}", get(goal::show).post(goal::update))
        .route("/goals/{id}/edit", get(goal::edit))
        .route("/goals/{id}/delete", post(goal::delete))
        .route("/plans/{id}/measures/new", get(measure::new))
        .route("/plans/{id}/measures", post(measure::create))
        .route("/measures/{id}", post(measure::update))
        .route("/measures/{id}/edit", get(measure::edit))
        .route("/measures/{id}/delete", post(measure::delete))
}

/// The id in the path. An id that is not a number names nothing, so it gets the 404 page
/// rather than axum's plain-text rejection.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| AppError::NotFound)?;
        raw.parse().map(Id).map_err(|_| AppError::NotFound)
    }
}

/// A form body that cannot even be read (only a hand-made request sends one) gets the error page.
fn bad_form(rejection: FormRejection) -> AppError {
    AppError::BadRequest(rejection.body_text())
}

fn bad_query(rejection: QueryRejection) -> AppError {
    AppError::BadRequest(rejection.body_text())
}

/// A form shown again with its errors: 422, so the browser and tests see it was refused.
fn rejected(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The choices for a plan's owner: authorities only (counties, regions, municipalities).
async fn owner_choices(state: &AppState, i: &I18n, selected: Option<i64>) -> Result<Vec<Choice>, AppError> {
    let mut choices = vec![Choice::blank(i.t("plans-choose-owner"), selected.is_none())];
    choices.extend(crate::pages::authority_choices(&state.store, selected).await?);
    Ok(choices)
}

/// The choices for a plan's decision: decisions of every authority, so a wrong pick is
/// explained ("belongs to another authority") rather than silently impossible.
async fn decision_choices(state: &AppState, i: &I18n, selected: Option<i64>) -> Result<Vec<Choice>, AppError> {
    let decisions = state.store.decisions(None).await?;
    let mut choices = vec![Choice::blank(form::none_label(i), selected.is_none())];
    choices.extend(decisions.iter().map(|d| Choice::new(d.id, decision_label(i, d), Some(d.id) == selected)));
    Ok(choices)
}

/// "Fylkestinget 25/20 2020-03-31 – Å utvikle Vestfold og Telemark".
fn decision_label(i: &I18n, d: &Decision) -> String {
    let date = decision_date(i, d.date, d.date_precision);
    match d.case_number.as_deref() {
        Some(case) => format!("{} {case} {date} – {}", d.body, d.title),
        None => format!("{} {date} – {}", d.body, d.title),
    }
}

/// A decision's date only as precisely as it is known (one formatter for every page).
fn decision_date(i: &I18n, date: Date, precision: DatePrecision) -> String {
    i.decision_date(&date, precision.code())
}
