//! HTML pages: one module per resource, each with its `router()`.

mod check;
mod decisions;
mod engagements;
pub(crate) mod eu;
mod form;
mod home;
mod organisations;
mod plans;
pub(crate) mod report;

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
        .merge(eu::router())
        .merge(report::router())
}
