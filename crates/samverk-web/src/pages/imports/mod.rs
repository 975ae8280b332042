//! `/imports`: the importers of public data sets from the browser. The same code as `samverk
//! import` (`samverk_import::dataset::import`): choose the data set, upload the file, optionally
//! as a dry run, and see the summary or every problem with its file, row and column; a refused
//! file writes nothing. Editors and administrators only (see `trust::policy`).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samverk_import::ImportError;
use samverk_import::dataset::{self, Dataset, Options, Summary};
use samverk_import::table::BadInput;

use crate::i18n::I18n;
use crate::trust::UPLOAD_LIMIT;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/imports", get(page).post(upload)).layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

/// What the form held, typed values kept for the answer.
#[derive(Debug, Default)]
struct Choice {
    dataset: String,
    dry_run: bool,
    skip_bad_rows: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "imports/page.html")]
struct ImportPage {
    i: I18n,
    datasets: Vec<&'static str>,
    choice: Choice,
    limit_mb: i64,
    summary: Option<Summary>,
    bad: Option<BadInput>,
    /// Problems with the form itself.
    missing_dataset: bool,
    missing_file: bool,
}

impl ImportPage {
    fn new(i: I18n, choice: Choice) -> Self {
        Self {
            i,
            datasets: Dataset::ALL.iter().map(|d| d.name()).collect(),
            choice,
            limit_mb: i64::try_from(UPLOAD_LIMIT / 1024 / 1024).unwrap_or(i64::MAX),
            summary: None,
            bad: None,
            missing_dataset: false,
            missing_file: false,
        }
    }

    fn rate(&self) -> String {
        self.summary.as_ref().map_or_else(String::new, |s| format!("{:.1}", s.matches.rate()))
    }
}

async fn page(i: I18n) -> ImportPage {
    ImportPage::new(i, Choice { dry_run: true, ..Choice::default() })
}

async fn upload(i: I18n, State(state): State<AppState>, mut form: Multipart) -> Result<Response, AppError> {
    let mut choice = Choice::default();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = form.next_field().await.map_err(|e| AppError::BadRequest(e.body_text()))? {
        match field.name().unwrap_or_default() {
            "dataset" => choice.dataset = field.text().await.map_err(|e| AppError::BadRequest(e.body_text()))?,
            "dry_run" => choice.dry_run = true,
            "skip_bad_rows" => choice.skip_bad_rows = true,
            "file" => {
                let name = field.file_name().map(str::to_owned).unwrap_or_default();
                let bytes = field.bytes().await.map_err(|e| AppError::BadRequest(e.body_text()))?;
                if !name.is_empty() || !bytes.is_empty() {
                    file = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    let set = Dataset::from_name(&choice.dataset);
    let mut answer = ImportPage::new(i, choice);
    answer.missing_dataset = set.is_none();
    answer.missing_file = file.is_none();
    let (Some(set), Some((name, bytes))) = (set, file) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, answer).into_response());
    };
    // Only the last part of the name the browser sends: it is shown, and named in errors.
    let name = name.rsplit(['/', '\\']).next().filter(|n| !n.is_empty()).unwrap_or("upload").to_owned();
    let options = Options {
        dry_run: answer.choice.dry_run,
        skip_bad_rows: answer.choice.skip_bad_rows,
        today: time::OffsetDateTime::now_utc().date(),
    };
    match dataset::import(&state.store, set, &name, &bytes, &options).await {
        Ok(summary) => {
            answer.summary = Some(summary);
            Ok(answer.into_response())
        }
        Err(ImportError::Bad(bad)) => {
            answer.bad = Some(bad);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, answer).into_response())
        }
        Err(ImportError::Store(e)) => Err(e.into()),
        Err(other) => Err(AppError::BadRequest(other.to_string())),
    }
}
