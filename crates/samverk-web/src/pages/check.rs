//! The contribution check as a page: the same report as `samverk check`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use samverk_store::check::CheckOutcome;
use serde::Deserialize;

use crate::i18n::I18n;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/check", get(check))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CheckQuery {
    owner_id: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "check.html")]
struct CheckPage {
    i: I18n,
    outcome: CheckOutcome,
}

async fn check(i: I18n, State(state): State<AppState>, Query(query): Query<CheckQuery>) -> Result<CheckPage, AppError> {
    Ok(CheckPage { i, outcome: state.store.check(query.owner_id).await? })
}
