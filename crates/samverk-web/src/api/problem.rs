//! Errors as `application/problem+json` (RFC 9457) with a stable code and the fields at fault.

use axum::http::{StatusCode, header};
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
    /// The field as named in the request body, or the query parameter at fault.
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
    /// Stable code: `not_found`, `invalid_input`, `in_use`, `bad_request`, `method_not_allowed`, `internal`.
    pub code: String,
    pub detail: String,
    /// The fields at fault (only for `invalid_input`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

impl Problem {
    /// A problem document whose title and explanation come from the catalogue
    /// (`api-error-<code>-title`, `api-error-<code>-text`).
    pub(crate) fn new(status: StatusCode, code: &str, detail: Option<String>, errors: Vec<FieldProblem>) -> Self {
        let i = I18n::current();
        Self {
            type_: format!("https://samverk.example/problems/{code}"),
            title: i.t(&format!("api-error-{code}-title")),
            status: status.as_u16(),
            code: code.to_owned(),
            detail: detail.unwrap_or_else(|| i.t(&format!("api-error-{code}-text"))),
            errors,
        }
    }

    pub(crate) fn render(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let json = serde_json::to_vec(&self).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/problem+json")], json).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let i = I18n::current();
        let errors = match &self.0 {
            AppError::Invalid(errors) => errors
                .errors()
                .iter()
                .map(|e| FieldProblem { field: e.field.to_owned(), code: e.problem.code().to_owned(), message: i.problem(&e.problem) })
                .collect(),
            _ => Vec::new(),
        };
        let detail = match &self.0 {
            AppError::BadRequest(reason) => Some(reason.clone()),
            _ => None,
        };
        if let AppError::Internal(cause) = &self.0 {
            // The cause chain goes to the log only; the body never carries it.
            let mut chain = cause.to_string();
            let mut source = std::error::Error::source(cause);
            while let Some(s) = source {
                chain.push_str(": ");
                chain.push_str(&s.to_string());
                source = s.source();
            }
            tracing::error!(error = %chain, "api request failed");
        }
        Problem::new(self.0.status(), self.0.code(), detail, errors).render()
    }
}

/// Answers an address under `/api/v1` that serves nothing.
pub async fn not_found() -> ApiError {
    ApiError(AppError::NotFound)
}

/// Answers a method a route does not serve, keeping axum's `Allow` header.
pub async fn method_not_allowed() -> Response {
    Problem::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", None, Vec::new()).render()
}
