//! samverk's web layer: server-rendered HTML pages that work without JavaScript, the JSON API
//! under `/api/v1`, and its OpenAPI document. Handlers extract, call the store, and render;
//! the rules live in `samverk-domain`.

pub mod api;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod trust;

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
    pub trust: Arc<trust::Trust>,
    /// This server's search index; `None` only when not even an in-memory one could be made.
    pub search: Option<Arc<SearchIndex>>,
    /// The follow-up report's PDF, when the binary provides it (`None`: no PDF is offered).
    pub pdf: Option<Arc<dyn samverk_report::Render>>,
}

/// How an application is put together; the default suits tests and local use: plain HTTP with
/// no proxy in front, English for visitors who state no language, and a search index in memory
/// built from the store on first use.
#[derive(Debug, Default)]
pub struct AppConfig {
    pub trust: trust::TrustConfig,
    pub default_language: i18n::Lang,
    /// `None`: an in-memory index.
    pub search: Option<Arc<SearchIndex>>,
    /// The PDF format of the follow-up report; without it the page offers no PDF.
    pub pdf: Option<Arc<dyn samverk_report::Render>>,
}

/// The whole application with the default configuration.
pub fn app(store: Store) -> Router {
    app_with(store, AppConfig::default())
}

/// The whole application: pages, API, health check and static assets, every request passing
/// the trust guard (identity, authorisation, anti-forgery token, security headers) after its
/// language is chosen.
pub fn app_with(store: Store, config: AppConfig) -> Router {
    let search =
        config.search.or_else(|| SearchIndex::in_memory().map_err(|error| tracing::error!(%error, "no search index")).ok().map(Arc::new));
    let default = config.default_language;
    let state = AppState { store, trust: trust::Trust::new(config.trust), search, pdf: config.pdf };
    Router::new()
        .merge(pages::router())
        .merge(trust::router())
        .merge(api::router())
        .route("/healthz", get(healthz))
        .route("/static/style.css", get(stylesheet))
        .route("/static/picker.js", get(picker_script))
        .route("/lang/{code}", get(pages::language::switch))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), trust::guard))
        .layer(axum::middleware::from_fn_with_state(default, i18n::middleware))
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

/// The organisation picker's suggestions (templates/_picker.html); a file, so the CSP needs no
/// `unsafe-inline`.
async fn picker_script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/picker.js"),
    )
}

async fn not_found() -> AppError {
    AppError::NotFound
}
