//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.

mod problem;

use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

use crate::AppState;

pub use problem::ApiError;

/// The OpenAPI document, generated from the handlers and types below.
#[derive(OpenApi)]
#[openapi(info(title = "samverk API", description = "Partnerships, networks and international cooperation of public authorities."))]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(openapi_json))
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
