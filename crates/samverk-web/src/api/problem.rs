//! Errors as `application/problem+json` (RFC 9457) with a stable code and the fields at fault.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::AppError;
use crate::i18n::I18n;

/// An [`AppError`] rendered for API clients.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

/// One field at fault.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field name as in the request body.
    pub field: String,
    /// Stable code of what is wrong, e.g. `required`, `end_before_start`, `duplicate`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

/// The problem document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    /// Stable code: `not_found`, `invalid_input`, `in_use`, `bad_request`, `internal`.
    pub code: String,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let i = I18n;
        let code = self.0.code();
        let errors = match &self.0 {
            AppError::Invalid(errors) => errors
                .errors()
                .iter()
                .map(|e| FieldProblem { field: e.field.to_owned(), code: e.problem.code().to_owned(), message: i.problem(&e.problem) })
                .collect(),
            _ => Vec::new(),
        };
        let detail = match &self.0 {
            AppError::BadRequest(reason) => reason.clone(),
            _ => i.t(&format!("error-{code}-text")),
        };
        let status = self.0.status();
        let body = Problem {
            type_: format!("https://samverk.example/problems/{code}"),
            title: i.t(&format!("error-{code}-title")),
            status: status.as_u16(),
            code: code.to_owned(),
            detail,
            errors,
        };
        if let AppError::Internal(_) = &self.0 {
            // Logged through the page path; the body never carries the cause.
            tracing::error!(error = %self.0, "api request failed");
        }
        let json = serde_json::to_vec(&body).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/problem+json")], json).into_response()
    }
}
