//! HTML pages: one module per resource, each with its `router()`.

mod calls;
mod check;
mod decisions;
mod engagements;
mod fields;
mod form;
mod home;
mod news;
mod organisations;
mod plans;
mod referrals;
pub mod search;

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
        .merge(news::router())
        .merge(calls::router())
        .merge(referrals::router())
        .merge(search::router())
}
