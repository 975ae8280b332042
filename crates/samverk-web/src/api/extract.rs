//! Extractors whose rejections are problem documents. axum's own extractors reject with plain
//! text, which a client expecting problem+json for every error could not parse.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::api::ApiError;
use crate::error::AppError;
use crate::i18n::I18n;

/// A JSON request body; a body that is not JSON, or not of the expected shape, is a 400.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(bad_body(&rejection)),
        }
    }
}

fn bad_body(rejection: &JsonRejection) -> ApiError {
    let key = match rejection {
        JsonRejection::JsonSyntaxError(_) => "api-body-not-json",
        JsonRejection::JsonDataError(_) => "api-body-wrong-shape",
        JsonRejection::MissingJsonContentType(_) => "api-body-content-type",
        _ => "api-body-unreadable",
    };
    // serde's own words say where the body went wrong ("expected value at line 1 column 2");
    // they name only what the client sent, never anything of the server.
    let reason = std::error::Error::source(rejection).map_or_else(String::new, ToString::to_string);
    ApiError(AppError::BadRequest(I18n::current().t1(key, "reason", &reason)))
}

/// Query parameters; a query string that cannot be read at all is a 400 (values are checked
/// by the handlers, which name the parameter at fault in a 422).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => {
                let reason = std::error::Error::source(&rejection).map_or_else(String::new, ToString::to_string);
                Err(ApiError(AppError::BadRequest(I18n::current().t1("api-query-unreadable", "reason", &reason))))
            }
        }
    }
}

/// Ids in the path; one that is not a number names no record, so it is a 404 like any other
/// unknown id.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(_) => Err(ApiError(AppError::NotFound)),
        }
    }
}
