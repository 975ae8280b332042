//! One person's data: the finder, the page (logged as a view), the exports (logged) and erasure.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverk_store::StoreError;
use samverk_store::privacy::{Dossier, Erasure, Found};
use serde::Deserialize;

use super::actor;
use crate::i18n::I18n;
use crate::trust::SignedIn;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/privacy/people", get(find))
        .route("/admin/privacy/person", get(show))
        .route("/admin/privacy/person/export.json", get(export_json))
        .route("/admin/privacy/person/export.csv", get(export_csv))
        .route("/admin/privacy/person/erase", post(erase))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PersonQuery {
    q: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/people.html")]
struct FindPage {
    i: I18n,
    q: String,
    found: Vec<Found>,
    /// The query was too short to look for.
    too_short: bool,
}

impl FindPage {
    /// The finder's link to the person page: by address when the record has one, else by name.
    fn key(&self, f: &Found) -> String {
        let key = f.email.as_deref().filter(|e| e.contains('@')).or(f.name.as_deref()).unwrap_or_default();
        url_escape(key)
    }

    fn category(&self, f: &Found) -> String {
        super::category_name(&self.i, f.category)
    }
}

/// Percent-encodes a query value.
fn url_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn find(i: I18n, State(state): State<AppState>, Query(q): Query<PersonQuery>) -> Result<FindPage, AppError> {
    if q.q.trim().is_empty() {
        return Ok(FindPage { i, q: String::new(), found: Vec::new(), too_short: false });
    }
    match state.store.find_people(&q.q).await {
        Ok(found) => Ok(FindPage { i, q: q.q, found, too_short: false }),
        Err(StoreError::Invalid(_)) => Ok(FindPage { i, q: q.q, found: Vec::new(), too_short: true }),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/person.html")]
struct PersonPage {
    i: I18n,
    dossier: Dossier,
    q_escaped: String,
    /// Why the erasure was refused (a catalogue key).
    refused: Option<&'static str>,
}

impl PersonPage {
    fn category(&self, code: &str) -> String {
        super::category_name(&self.i, code)
    }

    fn count(&self) -> i64 {
        i64::try_from(self.dossier.items.len()).unwrap_or(i64::MAX)
    }
}

async fn dossier(state: &AppState, me: &SignedIn, q: &str, action: &str) -> Result<Dossier, AppError> {
    match state.store.personal_data(q, actor(&me.0), action).await {
        Err(StoreError::Invalid(_)) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}

async fn show(i: I18n, State(state): State<AppState>, me: SignedIn, Query(q): Query<PersonQuery>) -> Result<PersonPage, AppError> {
    let dossier = dossier(&state, &me, &q.q, "view").await?;
    Ok(PersonPage { i, q_escaped: url_escape(&dossier.subject), dossier, refused: None })
}

fn file_name(dossier: &Dossier, extension: &str) -> String {
    format!("attachment; filename=\"personal-data-{}.{extension}\"", dossier.made_at)
}

async fn export_json(State(state): State<AppState>, me: SignedIn, Query(q): Query<PersonQuery>) -> Result<Response, AppError> {
    let dossier = dossier(&state, &me, &q.q, "export_json").await?;
    let body = serde_json::to_vec_pretty(&dossier).map_err(|e| AppError::Export(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, file_name(&dossier, "json"))], body)
        .into_response())
}

async fn export_csv(State(state): State<AppState>, me: SignedIn, Query(q): Query<PersonQuery>) -> Result<Response, AppError> {
    let dossier = dossier(&state, &me, &q.q, "export_csv").await?;
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, file_name(&dossier, "csv"))],
        dossier.to_csv(),
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EraseForm {
    q: String,
    confirm: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/erased.html")]
struct ErasedPage {
    i: I18n,
    erasure: Option<Erasure>,
}

async fn erase(i: I18n, State(state): State<AppState>, me: SignedIn, Form(form): Form<EraseForm>) -> Result<Response, AppError> {
    let refuse = |i: I18n, dossier: Dossier, key: &'static str| {
        (StatusCode::UNPROCESSABLE_ENTITY, PersonPage { i, q_escaped: url_escape(&dossier.subject), dossier, refused: Some(key) })
            .into_response()
    };
    if form.confirm != "yes" {
        let dossier = dossier(&state, &me, &form.q, "view").await?;
        return Ok(refuse(i, dossier, "privacy-erase-unconfirmed"));
    }
    match state.store.erase_person(&form.q, actor(&me.0)).await {
        Ok(erasure) => Ok(ErasedPage { i, erasure }.into_response()),
        Err(StoreError::Invalid(_)) if form.q.trim().chars().count() >= 3 => {
            let dossier = dossier(&state, &me, &form.q, "view").await?;
            Ok(refuse(i, dossier, "privacy-erase-self"))
        }
        Err(StoreError::Invalid(_)) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}
