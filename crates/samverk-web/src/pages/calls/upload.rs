//! The answer form's body: URL-encoded (no files) or `multipart/form-data` (with files). A file
//! is read chunk by chunk and kept only up to its limit, so a huge file costs no memory and
//! comes back as a clear error beside the field rather than a refused request.

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request};
use axum::http::header;
use samverk_domain::attachment::{self, AttachmentDraft};

use crate::AppError;
use crate::pages::fields::Fields;

/// The most an answer's body may be: every file at its limit, one more that is cut off, and
/// the text fields. Larger bodies are refused before they are read (413).
pub(super) const BODY_LIMIT: usize = (attachment::MAX_FILES + 1) * attachment::MAX_BYTES + 1024 * 1024;

/// The layer that lets the answer route read bodies up to [`BODY_LIMIT`].
pub(super) fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(BODY_LIMIT)
}

/// The fields and the files of an answer.
pub(super) struct AnswerBody {
    pub fields: Fields,
    pub files: Vec<AttachmentDraft>,
}

fn bad(e: impl std::fmt::Display) -> AppError {
    AppError::BadRequest(format!("form: {e}"))
}

impl<S: Send + Sync> FromRequest<S> for AnswerBody {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart =
            req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("multipart/form-data"));
        if !multipart {
            return Ok(Self { fields: Fields::from_request(req, state).await?, files: Vec::new() });
        }
        let mut form = Multipart::from_request(req, state).await.map_err(bad)?;
        let mut pairs = Vec::new();
        let mut files = Vec::new();
        while let Some(mut field) = form.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(ToOwned::to_owned) {
                Some(file_name) => {
                    let mut file = AttachmentDraft { file_name, ..AttachmentDraft::default() };
                    while let Some(chunk) = field.chunk().await.map_err(bad)? {
                        if file.truncated || file.bytes.len() + chunk.len() > attachment::MAX_BYTES {
                            file.truncated = true;
                        } else {
                            file.bytes.extend_from_slice(&chunk);
                        }
                    }
                    if name == "attachments" {
                        files.push(file);
                    }
                }
                None => pairs.push((name, field.text().await.map_err(bad)?)),
            }
        }
        Ok(Self { fields: Fields::from(pairs), files })
    }
}
