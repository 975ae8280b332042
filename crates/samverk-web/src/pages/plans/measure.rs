//! The form that creates, edits and deletes a measure (tiltak, åtgärd) of a plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::plan::MeasureDraft;
use samverk_store::StoreError;
use samverk_store::plan::Measure;
use serde::Deserialize;

use super::goal::Link;
use super::tree::TreeView;
use super::{Id, bad_form, bad_query, rejected};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// Where a new measure goes, from the link that led to the form.
#[derive(Debug, Default, Deserialize)]
pub struct Placement {
    #[serde(default, deserialize_with = "samverk_domain::input::id_or_blank")]
    focus_area_id: Option<i64>,
    #[serde(default, deserialize_with = "samverk_domain::input::id_or_blank")]
    goal_id: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/measure_form.html")]
pub struct FormPage {
    i: I18n,
    heading: String,
    plan: Link,
    action: String,
    delete_action: Option<String>,
    draft: MeasureDraft,
    errors: ValidationErrors,
    edit: Edit,
    focus_areas: Vec<Choice>,
    goals: Vec<Choice>,
}

async fn form_page(
    i: I18n,
    state: &AppState,
    plan_id: i64,
    measure: Option<&Measure>,
    (draft, edit): (MeasureDraft, Edit),
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let tree = state.store.plan_tree(plan_id).await?.ok_or(AppError::NotFound)?;
    let view = TreeView::new(i, &tree, &[]);
    let (heading, action, delete_action) = match measure {
        None => (i.t("plans-new-measure-heading"), format!("/plans/{plan_id}/measures"), None),
        Some(m) => (i.t("plans-edit-measure-heading"), format!("/measures/{}", m.id), Some(format!("/measures/{}/delete", m.id))),
    };
    let mut focus_areas = vec![Choice::blank(form::none_label(&i), draft.focus_area_id.is_none())];
    focus_areas.extend(form::records(tree.focus_areas.iter().map(|a| (a.id, a.title.as_str())), draft.focus_area_id));
    let mut goals = vec![Choice::blank(form::none_label(&i), draft.goal_id.is_none())];
    let options = view.goal_options(None);
    goals.extend(form::records(options.iter().map(|(id, label)| (*id, label.as_str())), draft.goal_id));
    Ok(FormPage {
        i,
        heading,
        plan: Link { id: plan_id, label: tree.plan.title.clone() },
        action,
        delete_action,
        draft,
        errors,
        edit,
        focus_areas,
        goals,
    })
}

async fn measure(state: &AppState, id: i64) -> Result<Measure, AppError> {
    state.store.measure(id).await?.ok_or(AppError::NotFound)
}

/// The saved measure, on its plan's page.
fn saved(plan_id: i64, measure_id: i64) -> Response {
    form::see_other(&format!("/plans/{plan_id}#measure-{measure_id}")).into_response()
}

pub async fn new(
    i: I18n,
    State(state): State<AppState>,
    Id(plan_id): Id,
    query: Result<Query<Placement>, QueryRejection>,
) -> Result<FormPage, AppError> {
    let Query(place) = query.map_err(bad_query)?;
    // A measure under a goal sits in the goal's focus area: show that choice rather than "(none)".
    let focus_area_id = match (place.focus_area_id, place.goal_id) {
        (None, Some(goal)) => state.store.goal(goal).await?.and_then(|(g, _)| g.focus_area_id),
        (area, _) => area,
    };
    let draft = MeasureDraft { plan_id: Some(plan_id), focus_area_id, goal_id: place.goal_id, ..Default::default() };
    form_page(i, &state, plan_id, None, (draft, Edit::default()), form::no_errors()).await
}

pub async fn create(
    i: I18n,
    State(state): State<AppState>,
    Id(plan_id): Id,
    form: Result<Form<MeasureDraft>, FormRejection>,
) -> Result<Response, AppError> {
    state.store.plan(plan_id).await?.ok_or(AppError::NotFound)?;
    let Form(mut draft) = form.map_err(bad_form)?;
    // The plan is the one in the address, whatever the body says.
    draft.plan_id = Some(plan_id);
    match state.store.create_measure(&draft).await {
        Ok(id) => Ok(saved(plan_id, id)),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, plan_id, None, (draft, Edit::default()), errors).await?)),
        Err(e) => Err(e.into()),
    }
}

pub async fn edit(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<FormPage, AppError> {
    let m = measure(&state, id).await?;
    form_page(i, &state, m.plan_id, Some(&m), (draft_of(&m), Edit::at(m.version)), form::no_errors()).await
}

fn draft_of(m: &Measure) -> MeasureDraft {
    MeasureDraft {
        plan_id: Some(m.plan_id),
        focus_area_id: m.focus_area_id,
        goal_id: m.goal_id,
        title: m.title.clone(),
        description: m.description.clone().unwrap_or_default(),
    }
}

pub async fn update(
    i: I18n,
    State(state): State<AppState>,
    Id(id): Id,
    form: Result<Form<Versioned<MeasureDraft>>, FormRejection>,
) -> Result<Response, AppError> {
    let m = measure(&state, id).await?;
    let Form(mut posted) = form.map_err(bad_form)?;
    posted.fields.plan_id = Some(m.plan_id);
    match state.store.update_measure(id, posted.expected(), &posted.fields).await {
        Ok(_) => Ok(saved(m.plan_id, id)),
        Err(StoreError::Stale { .. }) => {
            let now = measure(&state, id).await?;
            let edit = rebase(&posted.fields, &draft_of(&now), now.version);
            Ok(conflicted(form_page(i, &state, now.plan_id, Some(&now), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(form_page(i, &state, m.plan_id, Some(&m), (posted.fields, edit), errors).await?))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, Id(id): Id) -> Result<Response, AppError> {
    let m = measure(&state, id).await?;
    state.store.delete_measure(id).await?;
    Ok(form::see_other(&format!("/plans/{}", m.plan_id)).into_response())
}
