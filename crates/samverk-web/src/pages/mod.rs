//! HTML pages: one module per resource, each with its `router()`.

mod check;
mod decisions;
mod engagements;
mod form;
mod home;
mod organisations;
mod plans;

use axum::Router;

use crate::AppState;

pub(crate) use decisions::authority_choices;
pub use form::Choice;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(plans::router())
        .merge(engagements::router())
        .merge(organisations::router())
        .merge(decisions::router())
        .merge(check::router())
}
