//! The form that creates, edits and deletes a focus area of a plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::plan::FocusAreaDraft;
use samverk_store::StoreError;
use samverk_store::plan::{FocusArea, Plan};

use super::{Id, bad_form, rejected};
use crate::i18n::I18n;
use crate::pages::form;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "plans/focus_area_form.html")]
pub struct FormPage {
    i: I18n,
    heading: String,
    plan: Plan,
    action: String,
    delete_action: Option<String>,
    draft: FocusAreaDraft,
    errors: ValidationErrors,
    edit: Edit,
}

fn page(i: I18n, plan: Plan, area: Option<&FocusArea>, (draft, edit): (FocusAreaDraft, Edit), errors: ValidationErrors) -> FormPage {
    let (heading, action, delete_action) = match area {
        None => (i.t("plans-new-focus-area-heading"), format!("/plans/{}/focus-areas", plan.id), None),
        Some(a) => (
            i.t1("plans-edit-focus-area-heading", "title", &a.title),
            format!("/focus-areas/{}", a.id),
            Some(format!("/focus-areas/{}/delete", a.id)),
        ),
    };
    FormPage { i, heading, plan, action, delete_action, draft, errors, edit }
}

async fn plan(state: &AppState, id: i64) -> Result<Plan, AppError> {
    state.store.plan(id).await?.ok_or(AppError::NotFound)
}

async fn area(state: &AppState, id: i64) -> Result<FocusArea, AppError> {
    state.store.focus_area(id).await?.ok_or(AppError::NotFound)
}

/// The saved focus area, on its plan's page.
fn saved(plan_id: i64, area_id: i64) -> Response {
    form::see_other(&format!("/plans/{plan_id}#focus-area-{area_id}")).into_response()
}

pub async fn new(i: I18n, State(state): State<AppState>, Id(plan_id): Id) -> Result<FormPage, AppError> {
    let plan = plan(&state, plan_id).await?;
    let draft = FocusAreaDraft { plan_id: Some(plan_id), ..Default::default() };
    Ok(page(i, plan, None, (draft, Edit::default()), form::no_errors()))
}

pub async fn create(
    i: I18n,
    State(state): State<AppState>,
    Id(plan_id): Id,
    form: Result<Form<FocusAreaDraft>, FormRejection>,
) -> Result<Response, AppError> {
    let plan = plan(&state, plan_id).await?;
    let Form(mut draft) = form.map_err(bad_form)?;
    // The plan is the one in the address, whatever the body says.
    draft.plan_id = Some(plan_id);
    match state.store.create_focus_area(&draft).await {
        Ok(id) => Ok(saved(plan_id, id)),
        Err(StoreError::Invalid(errors)) => Ok(rejected(page(i, plan, None, (draft, Edit::default()), errors))),
        Err(e) => Err(e.into()),
    }
}

pub async fn edit(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<FormPage, AppError> {
    let area = area(&state, id).await?;
    let plan = plan(&state, area.plan_id).await?;
    Ok(page(i, plan, Some(&area), (draft_of(&area), Edit::at(area.version)), form::no_errors()))
}

fn draft_of(area: &FocusArea) -> FocusAreaDraft {
    FocusAreaDraft { plan_id: Some(area.plan_id), title: area.title.clone(), description: area.description.clone().unwrap_or_default() }
}

pub async fn update(
    i: I18n,
    State(state): State<AppState>,
    Id(id): Id,
    form: Result<Form<Versioned<FocusAreaDraft>>, FormRejection>,
) -> Result<Response, AppError> {
    let area = area(&state, id).await?;
    let Form(mut posted) = form.map_err(bad_form)?;
    posted.fields.plan_id = Some(area.plan_id);
    match state.store.update_focus_area(id, posted.expected(), &posted.fields).await {
        Ok(_) => Ok(saved(area.plan_id, id)),
        Err(StoreError::Stale { .. }) => {
            let now = self::area(&state, id).await?;
            let edit = rebase(&posted.fields, &draft_of(&now), now.version);
            Ok(conflicted(page(i, plan(&state, now.plan_id).await?, Some(&now), (posted.fields, edit), form::no_errors())))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(page(i, plan(&state, area.plan_id).await?, Some(&area), (posted.fields, edit), errors)))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, Id(id): Id) -> Result<Response, AppError> {
    let area = area(&state, id).await?;
    state.store.delete_focus_area(id).await?;
    Ok(form::see_other(&format!("/plans/{}", area.plan_id)).into_response())
}
