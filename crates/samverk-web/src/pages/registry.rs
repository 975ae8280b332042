//! The organisation register's tools: the search-as-you-type picker (a plain search page
//! without JavaScript) over organisations, countries and regions, and the review list where a
//! person decides the matches an import was unsure of.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Form, Path, Query, State};
use axum::response::Redirect;
use axum::routing::{get, post};
use axum::{Json, Router};
use samverk_store::import::{Review, ReviewDecision};
use samverk_store::registry::PickerHit;
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/search", get(search))
        .route("/organisations/search.json", get(search_json))
        .route("/organisations/review", get(review))
        .route("/organisations/review/{id}", post(decide))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SearchQuery {
    q: String,
    /// `organisation`, `country`, `region`, or empty for all.
    scope: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/search.html")]
struct SearchPage {
    i: I18n,
    q: String,
    scope: String,
    hits: Vec<PickerHit>,
}

async fn hits(state: &AppState, query: &SearchQuery) -> Result<Vec<PickerHit>, AppError> {
    if query.q.trim().is_empty() {
        return Ok(Vec::new());
    }
    let scope = match query.scope.as_str() {
        s @ ("organisation" | "country" | "region") => s,
        _ => "",
    };
    Ok(state.store.pick(&query.q, scope, 20).await?)
}

async fn search(i: I18n, State(state): State<AppState>, Query(query): Query<SearchQuery>) -> Result<SearchPage, AppError> {
    let hits = hits(&state, &query).await?;
    Ok(SearchPage { i, q: query.q, scope: query.scope, hits })
}

/// The same hits as JSON, for a script that enhances a field into a live suggestion list.
async fn search_json(State(state): State<AppState>, Query(query): Query<SearchQuery>) -> Result<Json<Vec<PickerHit>>, AppError> {
    Ok(Json(hits(&state, &query).await?))
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/review.html")]
struct ReviewPage {
    i: I18n,
    reviews: Vec<Review>,
}

async fn review(i: I18n, State(state): State<AppState>) -> Result<ReviewPage, AppError> {
    Ok(ReviewPage { i, reviews: state.store.match_reviews().await? })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DecisionForm {
    decision: String,
    target: String,
}

async fn decide(State(state): State<AppState>, Path(id): Path<String>, Form(form): Form<DecisionForm>) -> Result<Redirect, AppError> {
    let id = path_id(&id)?;
    let decision = match form.decision.as_str() {
        "confirm" => ReviewDecision::Confirm,
        "reject" => ReviewDecision::Reject,
        "merge" => ReviewDecision::Merge(path_id(form.target.trim())?),
        _ => return Err(AppError::NotFound),
    };
    state.store.decide_review(id, decision).await?;
    Ok(Redirect::to("/organisations/review"))
}
