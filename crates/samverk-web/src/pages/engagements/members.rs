//! Adding and removing participants and contributions of an engagement.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::engagement::{ContributionDraft, ParticipantDraft, Role};
use samverk_store::engagement::Engagement;
use samverk_store::{Store, StoreError};
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::pages::picker::{self, Picked, Picker, Posted};
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "engagements/participant_form.html")]
pub struct ParticipantPage {
    i: I18n,
    engagement: Engagement,
    picker: Picker,
    draft: ParticipantDraft,
    errors: ValidationErrors,
    roles: Vec<Choice>,
}

/// The participant form as posted: the organisation picker's fields and the participation.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ParticipantForm {
    organisation_id: String,
    organisation_id_q: String,
    organisation_id_pick: String,
    role: String,
    start: String,
    end: String,
}

/// The participant form: the engagement's title, the organisation picker, the role and period.
async fn participant_page(
    i: I18n,
    store: &Store,
    id: i64,
    picker: Picker,
    draft: ParticipantDraft,
    errors: ValidationErrors,
) -> Result<ParticipantPage, AppError> {
    let engagement = store.engagement(id).await?.ok_or(AppError::NotFound)?;
    let mut roles = vec![Choice::blank(i.t("none-selected"), draft.role.is_empty())];
    roles.extend(form::codes(Role::ALL, Role::code, |r| i.role(r), draft.role.trim()));
    Ok(ParticipantPage { i, engagement, picker, draft, errors, roles })
}

pub async fn new_participant(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<ParticipantPage, AppError> {
    participant_page(i, &state.store, id, Picker::default(), ParticipantDraft::default(), form::no_errors()).await
}

pub async fn add_participant(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(posted): Form<ParticipantForm>,
) -> Result<Response, AppError> {
    let picked = picker::resolve(
        &i,
        &state.store,
        Posted { text: &posted.organisation_id_q, id: &posted.organisation_id, pick: &posted.organisation_id_pick },
    )
    .await?;
    let draft = ParticipantDraft { organisation_id: picked.id(), role: posted.role, start: posted.start, end: posted.end };
    let result = match &picked {
        Picked::One(..) => state.store.add_participant(id, &draft).await.map(|_| ()),
        Picked::Refused(problem, _) => Err(StoreError::Invalid(ValidationErrors::single("organisation_id", problem.clone()))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/engagements/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => {
            let page = participant_page(i, &state.store, id, picked.picker(), draft, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_participant(State(state): State<AppState>, Path((id, pid)): Path<(i64, i64)>) -> Result<Redirect, AppError> {
    state.store.remove_participant(id, pid).await?;
    Ok(Redirect::to(&format!("/engagements/{id}")))
}

#[derive(Template, WebTemplate)]
#[template(path = "engagements/contribution_form.html")]
pub struct ContributionPage {
    i: I18n,
    engagement: Engagement,
    draft: ContributionDraft,
    errors: ValidationErrors,
    goals: Vec<Choice>,
}

async fn contribution_page(
    i: I18n,
    store: &Store,
    id: i64,
    draft: ContributionDraft,
    errors: ValidationErrors,
) -> Result<ContributionPage, AppError> {
    let engagement = store.engagement(id).await?.ok_or(AppError::NotFound)?;
    let mut goals = vec![Choice::blank(i.t("none-selected"), draft.goal_id.is_none())];
    for (plan, goal) in store.goals_of_owner(engagement.owner_id).await? {
        let title = goal.title.clone().unwrap_or_else(|| i.t("goal-wording-missing"));
        let depth = if goal.parent_id.is_some() { "– " } else { "" };
        goals.push(Choice::new(goal.id, format!("{plan}: {depth}{title}"), Some(goal.id) == draft.goal_id));
    }
    Ok(ContributionPage { i, engagement, draft, errors, goals })
}

pub async fn new_contribution(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<ContributionPage, AppError> {
    contribution_page(i, &state.store, id, ContributionDraft::default(), form::no_errors()).await
}

pub async fn add_contribution(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(draft): Form<ContributionDraft>,
) -> Result<Response, AppError> {
    match state.store.add_contribution(id, &draft).await {
        Ok(_) => Ok(Redirect::to(&format!("/engagements/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => {
            let page = contribution_page(i, &state.store, id, draft, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_contribution(State(state): State<AppState>, Path((id, cid)): Path<(i64, i64)>) -> Result<Redirect, AppError> {
    state.store.remove_contribution(id, cid).await?;
    Ok(Redirect::to(&format!("/engagements/{id}")))
}
