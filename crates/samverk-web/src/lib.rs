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
use samverk_store::Store;

pub use error::AppError;

/// What every handler shares. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub trust: std::sync::Arc<trust::Trust>,
}

/// The whole application: pages, API, health check and static assets, served over plain HTTP
/// with no proxy in front (tests, local use), English for visitors who state no language.
pub fn app(store: Store) -> Router {
    app_configured(store, trust::TrustConfig::default(), i18n::Lang::default())
}

/// The whole application with a trust configuration, English for visitors who state none.
pub fn app_with(store: Store, config: trust::TrustConfig) -> Router {
    app_configured(store, config, i18n::Lang::default())
}

/// The whole application, with `default` as the language of visitors who state none.
pub fn app_with_language(store: Store, default: i18n::Lang) -> Router {
    app_configured(store, trust::TrustConfig::default(), default)
}

/// The whole application, every request passing the trust guard (identity, authorisation,
/// anti-forgery token, security headers) after its language is chosen.
pub fn app_configured(store: Store, config: trust::TrustConfig, default: i18n::Lang) -> Router {
    let state = AppState { store, trust: trust::Trust::new(config) };
    Router::new()
        .merge(pages::router())
        .merge(trust::router())
        .merge(api::router())
        .route("/healthz", get(healthz))
        .route("/static/style.css", get(stylesheet))
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

async fn not_found() -> AppError {
    AppError::NotFound
}
