//! HTML pages: one module per resource, each with its `router()`.

mod check;
mod decisions;
mod engagements;
mod form;
mod home;
pub mod language;
mod organisations;
mod plans;
pub mod public;

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
        .merge(public::router())
}
