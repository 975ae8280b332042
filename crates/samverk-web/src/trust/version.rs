//! No lost edit over the API: `ETag` carries a record's version, an update must send it back
//! in `If-Match` (428 without it, 412 when the record changed meanwhile).

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use samverk_store::StoreError;

use crate::AppError;
use crate::api::ApiError;

/// The `ETag` of a record at `version`.
#[must_use]
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// Adds the record's `ETag` to an answer.
pub fn with_etag(response: impl IntoResponse, version: i64) -> Response {
    let mut response = response.into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    response
}

/// What `If-Match` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch {
    /// No header: the update is refused (428).
    Missing,
    /// `*`: any current version (the writer knowingly overwrites).
    Any,
    /// This version, or nothing is written (412).
    Version(i64),
}

impl IfMatch {
    #[must_use]
    pub fn of(headers: &HeaderMap) -> Self {
        let Some(value) = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()) else { return Self::Missing };
        let value = value.trim();
        if value == "*" {
            return Self::Any;
        }
        // A weak tag names the same version here: the version is the whole representation's.
        let tag = value.split(',').next().unwrap_or_default().trim().trim_start_matches("W/").trim_matches('"');
        // A tag that is no version of ours can never match: 412, as for a stale one.
        tag.parse().map_or(Self::Version(-1), Self::Version)
    }

    /// The version an update must find, `None` for any.
    #[must_use]
    pub const fn expected(self) -> Option<i64> {
        match self {
            Self::Version(v) => Some(v),
            Self::Missing | Self::Any => None,
        }
    }
}

/// The version an update must find: `If-Match`'s, `None` for `*`. Without the header the update
/// is refused (428), once `found` has shown the record exists: an unknown one stays a 404,
/// whatever the headers.
///
/// # Errors
/// `PreconditionRequired`, `NotFound`, or the database error.
pub async fn required(headers: &HeaderMap, found: impl Future<Output = Result<bool, StoreError>>) -> Result<Option<i64>, ApiError> {
    let if_match = IfMatch::of(headers);
    if if_match != IfMatch::Missing {
        return Ok(if_match.expected());
    }
    Err(ApiError(if found.await? { AppError::PreconditionRequired } else { AppError::NotFound }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_is_read_strong_weak_or_any() {
        let mut headers = HeaderMap::new();
        assert_eq!(IfMatch::of(&headers), IfMatch::Missing);
        headers.insert(header::IF_MATCH, HeaderValue::from_static("\"7\""));
        assert_eq!(IfMatch::of(&headers), IfMatch::Version(7));
        headers.insert(header::IF_MATCH, HeaderValue::from_static("W/\"8\""));
        assert_eq!(IfMatch::of(&headers), IfMatch::Version(8));
        headers.insert(header::IF_MATCH, HeaderValue::from_static("*"));
        assert_eq!(IfMatch::of(&headers), IfMatch::Any);
        headers.insert(header::IF_MATCH, HeaderValue::from_static("\"abc\""));
        assert_eq!(IfMatch::of(&headers), IfMatch::Version(-1));
    }
}
