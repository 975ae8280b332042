//! A form body as name–value pairs, for forms with fields that repeat (`<select multiple>`),
//! which `axum::Form` (serde_urlencoded) cannot read into a list.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};

use crate::AppError;

/// The posted fields, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(String, String)>);

/// The most a form body may hold (the answer to a call is the longest field: 20,000 characters).
const LIMIT: usize = 256 * 1024;

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| AppError::BadRequest(e.to_string()))?;
        if bytes.len() > LIMIT {
            return Err(AppError::BadRequest("form too large".to_owned()));
        }
        Ok(Self::parse(&bytes))
    }
}

impl From<Vec<(String, String)>> for Fields {
    /// Fields read some other way (a multipart body).
    fn from(pairs: Vec<(String, String)>) -> Self {
        Self(pairs)
    }
}

impl Fields {
    #[must_use]
    pub fn parse(body: &[u8]) -> Self {
        Self(form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// The first value of a field, or blank.
    #[must_use]
    pub fn get(&self, name: &str) -> String {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// Whether a checkbox was ticked.
    #[must_use]
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// Every value of a field given as numbers; values that are not numbers are kept as
    /// `i64::MIN`, which names no record, so validation reports them.
    #[must_use]
    pub fn ids(&self, name: &str) -> Vec<i64> {
        self.0.iter().filter(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim().parse().unwrap_or(i64::MIN)).collect()
    }
}
