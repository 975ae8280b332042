//! Follow-up pages: representatives and their mandates, reports back and the lists of reports
//! due, indicators with their charts, a plan's goal fulfilment and its goals × engagements map.

pub(crate) mod chart;
mod indicators;
mod mandates;
mod people;
mod plan;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samverk_domain::indicator::Status;
use samverk_domain::mandate::DueState;
use time::Date;

use crate::AppState;
use crate::i18n::I18n;

pub fn router() -> Router<AppState> {
    // The report form uploads attachments: the same limit as the trust guard's for multipart.
    let upload = DefaultBodyLimit::max(crate::trust::MULTIPART_LIMIT);
    Router::new()
        .route("/people", get(people::list).post(people::create))
        .route("/people/new", get(people::new))
        .route("/people/{id}", get(people::show).post(people::update))
        .route("/people/{id}/edit", get(people::edit))
        .route("/people/{id}/delete", post(people::delete))
        .route("/mandates", get(mandates::due).post(mandates::create))
        .route("/mandates/new", get(mandates::new))
        .route("/mandates/{id}", get(mandates::show).post(mandates::update))
        .route("/mandates/{id}/edit", get(mandates::edit))
        .route("/mandates/{id}/delete", post(mandates::delete))
        .route("/mandates/{id}/reports", get(mandates::new_report).post(mandates::create_report).layer(upload))
        .route("/attachments/{id}", get(mandates::attachment))
        .route("/goals/{id}/indicators", get(indicators::new).post(indicators::create))
        .route("/indicators/{id}", get(indicators::show).post(indicators::add_measurement))
        .route("/plans/{id}/followup", get(plan::followup))
        .route("/plans/{id}/heatmap", get(plan::heatmap))
}

/// Today, for due dates and the evidence window: the one place the pages read the clock.
fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// A form shown again with its errors: 422, with every typed value kept.
fn rejected(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// A status in words (never colour alone: the class only adds a border colour).
pub(crate) fn status_label(i: &I18n, status: Status) -> String {
    i.t(&format!("followup-status-{}", status.code()))
}

fn due_label(i: &I18n, state: DueState) -> String {
    i.t(&format!("followup-due-{}", state.code()))
}
