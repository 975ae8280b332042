//! samverk's web layer: server-rendered HTML pages that work without JavaScript, the JSON API
//! under `/api/v1`, and its OpenAPI document. Handlers extract, call the store, and render;
//! the rules live in `samverk-domain`.

pub mod api;
pub mod error;
pub mod i18n;
pub mod pages;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use std::sync::Arc;

use samverk_search::SearchIndex;
use samverk_store::Store;

pub use error::AppError;

/// What every handler shares. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    /// This server's search index; `None` only when not even an in-memory one could be made.
    pub search: Option<Arc<SearchIndex>>,
}

/// The whole application with a search index in memory, built from the store on first use.
pub fn app(store: Store) -> Router {
    let search = SearchIndex::in_memory().map_err(|error| tracing::error!(%error, "no search index")).ok().map(Arc::new);
    app_with_search(store, search)
}

/// The whole application: pages, API, health check and static assets.
pub fn app_with_search(store: Store, search: Option<Arc<SearchIndex>>) -> Router {
    let state = AppState { store, search };
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .route("/healthz", get(healthz))
        .route("/static/style.css", get(stylesheet))
        .fallback(not_found)
        .with_state(state)
}

/// Answers 200 once the database answers; load balancers use it.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/style.css"),
    )
}

async fn not_found() -> AppError {
    AppError::NotFound
}
