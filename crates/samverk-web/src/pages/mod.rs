//! HTML pages: one module per resource, each with its `router()`.

mod check;
mod decisions;
mod engagements;
mod form;
mod home;
mod organisations;
mod plans;
mod registry;

use axum::Router;

use crate::AppState;

pub use form::Choice;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(plans::router())
        .merge(engagements::router())
        .merge(organisations::router())
        .merge(decisions::router())
        .merge(check::router())
        .merge(registry::router())
}
