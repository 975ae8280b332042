//! Staff actions of the public face: publishing or withdrawing an engagement or a plan (a
//! button on its page). Texts in more languages are in [`super::texts`].

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Redirect;
use serde::Deserialize;

use crate::pages::form;
use crate::{AppError, AppState};

#[derive(Debug, Deserialize)]
pub struct PublishForm {
    /// "true" publishes, anything else withdraws.
    #[serde(default)]
    published: String,
}

pub async fn engagement(State(state): State<AppState>, Path(id): Path<i64>, Form(f): Form<PublishForm>) -> Result<Redirect, AppError> {
    state.store.set_engagement_published(id, f.published == "true").await?;
    Ok(form::see_other(&format!("/engagements/{id}")))
}

pub async fn plan(State(state): State<AppState>, Path(id): Path<i64>, Form(f): Form<PublishForm>) -> Result<Redirect, AppError> {
    state.store.set_plan_published(id, f.published == "true").await?;
    Ok(form::see_other(&format!("/plans/{id}")))
}
