//! Personal data (GDPR), for administrators: the register, finding a person, their data as a
//! page, JSON and CSV, erasure, and the personal-data access log. Every view, export and
//! erasure is logged by the store in the same transaction that reads or changes the data.

mod person;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use samverk_store::account::Principal;
use samverk_store::privacy::{self, Actor, Category, LogEntry};
use serde::{Deserialize, Serialize};

use crate::i18n::I18n;
use crate::trust::SignedIn;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/privacy", get(register))
        .route("/admin/privacy/register.json", get(register_json))
        .route("/admin/privacy/log", get(log))
        .merge(person::router())
}

/// The signed-in account as the log names it.
pub(crate) fn actor(p: &Principal) -> Actor<'_> {
    Actor { id: Some(p.account_id), name: &p.username }
}

/// A category of the register in the reader's language.
#[derive(Debug, Serialize)]
struct Described {
    code: &'static str,
    name: String,
    purpose: String,
    legal_basis: &'static str,
    legal_basis_article: &'static str,
    legal_basis_text: String,
    retention: String,
    seen_by: String,
    stored_in: Vec<String>,
}

/// A category's name (also "mentions", the records whose text names the person).
pub(crate) fn category_name(i: &I18n, code: &str) -> String {
    i.t(&format!("privacy-cat-{code}"))
}

fn describe(i: &I18n, c: &Category) -> Described {
    Described {
        code: c.code,
        name: category_name(i, c.code),
        purpose: i.t(&format!("privacy-purpose-{}", c.code)),
        legal_basis: c.basis.code(),
        legal_basis_article: c.basis.article(),
        legal_basis_text: i.t(&format!("privacy-basis-{}", c.basis.code())),
        retention: i.t(&format!("privacy-retention-{}", c.code)),
        seen_by: i.t(&format!("privacy-seen-by-{}", c.seen_by)),
        stored_in: c.tables.iter().map(|(t, cols)| format!("{t} ({})", cols.join(", "))).collect(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/register.html")]
struct RegisterPage {
    i: I18n,
    categories: Vec<Described>,
}

async fn register(i: I18n) -> RegisterPage {
    let categories = privacy::REGISTER.iter().map(|c| describe(&i, c)).collect();
    RegisterPage { i, categories }
}

async fn register_json(i: I18n) -> Json<Vec<Described>> {
    Json(privacy::REGISTER.iter().map(|c| describe(&i, c)).collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LogQuery {
    action: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/log.html")]
struct LogPage {
    i: I18n,
    entries: Vec<LogEntry>,
}

impl LogPage {
    fn action(&self, code: &str) -> String {
        self.i.t(&format!("privacy-action-{code}"))
    }

    fn when(&self, at: impl std::borrow::Borrow<i64>) -> String {
        time::OffsetDateTime::from_unix_timestamp(*at.borrow())
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_default()
    }
}

async fn log(i: I18n, State(state): State<AppState>, _me: SignedIn, Query(q): Query<LogQuery>) -> Result<Response, AppError> {
    let action = privacy::ACTIONS.iter().find(|a| **a == q.action).copied();
    let entries = state.store.personal_data_log(500, action).await?;
    Ok(LogPage { i, entries }.into_response())
}
