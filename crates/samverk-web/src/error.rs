//! One error type for every handler, with an exhaustive status and a stable code. Pages render
//! it as HTML, the API as `application/problem+json`; neither ever shows SQL or a stack trace.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_store::StoreError;

use crate::i18n::I18n;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error("{entity} is still in use by {used_by}")]
    InUse { entity: &'static str, used_by: &'static str },
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The record changed since the writer read it (pages show the conflict page instead).
    #[error("changed meanwhile")]
    Stale,
    /// An update over the API without `If-Match`: it must say which version it changes.
    #[error("If-Match required")]
    PreconditionRequired,
    /// The record belongs to an authority outside the account's roles: nothing was written.
    #[error("another authority's record")]
    OtherAuthority,
    #[error("internal error")]
    Internal(#[source] StoreError),
    /// An export (XLSX, PDF) could not be produced; the cause is logged, never shown.
    #[error("export failed: {0}")]
    Export(String),
}

impl AppError {
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::InUse { .. } => StatusCode::CONFLICT,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Stale => StatusCode::PRECONDITION_FAILED,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::OtherAuthority => StatusCode::FORBIDDEN,
            Self::Internal(_) | Self::Export(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable snake_case code; also the message key (`error-<code>`).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Invalid(_) => "invalid_input",
            Self::InUse { .. } => "in_use",
            Self::BadRequest(_) => "bad_request",
            Self::Stale => "stale",
            Self::PreconditionRequired => "precondition_required",
            Self::OtherAuthority => "other_authority",
            Self::Internal(_) | Self::Export(_) => "internal",
        }
    }

    fn log(&self) {
        if let Self::Export(cause) = self {
            tracing::error!(error = %cause, "export failed");
        }
        if let Self::Internal(cause) = self {
            let mut chain = cause.to_string();
            let mut source = std::error::Error::source(cause);
            while let Some(s) = source {
                chain.push_str(": ");
                chain.push_str(&s.to_string());
                source = s.source();
            }
            tracing::error!(error = %chain, "request failed");
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Invalid(errors) => Self::Invalid(errors),
            StoreError::NotFound { .. } => Self::NotFound,
            StoreError::InUse { entity, used_by, .. } => Self::InUse { entity, used_by },
            StoreError::Stale { .. } => Self::Stale,
            StoreError::OutOfScope(_) => Self::OtherAuthority,
            other => Self::Internal(other),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    i: I18n,
    code: &'a str,
    errors: Option<&'a ValidationErrors>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let errors = match &self {
            Self::Invalid(e) => Some(e),
            _ => None,
        };
        let page = ErrorPage { i: I18n::current(), code: self.code(), errors };
        let body = page.render().unwrap_or_else(|_| "Error".to_owned());
        (self.status(), Html(body)).into_response()
    }
}
