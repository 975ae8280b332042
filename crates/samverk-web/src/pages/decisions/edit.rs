//! The decision form (create and edit) and deletion.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::decision::{DatePrecision, DecisionDraft};
use samverk_domain::input::format_date;
use samverk_store::StoreError;
use samverk_store::decision::Decision;
use serde::{Deserialize, Serialize};

use super::authority_choices;
use crate::i18n::I18n;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// The decision form as posted: every field as text, so whatever was typed (even an owner id
/// that is not a number) comes back on a rejected form.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct DecisionForm {
    owner_id: String,
    body: String,
    case_number: String,
    date: String,
    date_precision: String,
    title: String,
    url: String,
}

impl DecisionForm {
    fn draft(&self) -> DecisionDraft {
        DecisionDraft {
            // Blank or not a number: the domain reports the owner as missing.
            owner_id: self.owner_id.trim().parse().ok(),
            body: self.body.clone(),
            case_number: self.case_number.clone(),
            date: self.date.clone(),
            date_precision: self.date_precision.clone(),
            title: self.title.clone(),
            url: self.url.clone(),
        }
    }

    fn of(d: &Decision) -> Self {
        Self {
            owner_id: d.owner_id.to_string(),
            body: d.body.clone(),
            case_number: d.case_number.clone().unwrap_or_default(),
            date: format_date(d.date),
            date_precision: d.date_precision.code().to_owned(),
            title: d.title.clone(),
            url: d.url.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "decisions/form.html")]
pub(super) struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    cancel: String,
    draft: DecisionForm,
    errors: ValidationErrors,
    owners: Vec<Choice>,
    precisions: Vec<Choice>,
    /// The version the form was filled from and, after a stale save, what differs.
    edit: Edit,
}

impl FormPage {
    /// The form for a new decision (`id` None) or for editing one, filled with `draft`.
    async fn new(
        i: I18n,
        state: &AppState,
        id: Option<(i64, &str)>,
        draft: DecisionForm,
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        let selected = draft.owner_id.trim().parse().ok();
        let mut owners = vec![Choice::blank(form::none_label(&i), selected.is_none())];
        owners.extend(authority_choices(&state.store, selected).await?);
        let precision = if draft.date_precision.trim().is_empty() { DatePrecision::Day.code() } else { draft.date_precision.trim() };
        let precisions = form::codes(DatePrecision::ALL, DatePrecision::code, |p| i.t(&format!("date-precision-{}", p.code())), precision);
        let (heading, action, cancel) = match id {
            Some((id, title)) => (i.t1("decision-edit-title", "title", title), format!("/decisions/{id}"), format!("/decisions/{id}")),
            None => (i.t("decision-new-title"), "/decisions".to_owned(), "/decisions".to_owned()),
        };
        Ok(Self { i, heading, action, cancel, draft, errors, owners, precisions, edit: Edit::default() })
    }
}

/// A rejected form comes back with what was typed and the messages beside the fields.
fn rejected(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

pub(super) async fn new(i: I18n, State(state): State<AppState>) -> Result<FormPage, AppError> {
    FormPage::new(i, &state, None, DecisionForm::default(), form::no_errors()).await
}

pub(super) async fn create(i: I18n, State(state): State<AppState>, Form(posted): Form<DecisionForm>) -> Result<Response, AppError> {
    match state.store.create_decision(&posted.draft()).await {
        Ok(id) => Ok(see_other(&format!("/decisions/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(FormPage::new(i, &state, None, posted, errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let d = state.store.decision(id).await?.ok_or(AppError::NotFound)?;
    let mut page = FormPage::new(i, &state, Some((id, &d.title)), DecisionForm::of(&d), form::no_errors()).await?;
    page.edit = Edit::at(d.version);
    Ok(page)
}

pub(super) async fn update(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<DecisionForm>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let d = state.store.decision(id).await?.ok_or(AppError::NotFound)?;
    let edit = posted.edit();
    match state.store.update_decision_at(id, posted.expected(), &posted.fields.draft()).await {
        Ok(_) => Ok(see_other(&format!("/decisions/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            // Someone saved first: keep everything typed, show what differs, and base the next
            // save on the current version so it goes through once the user has merged.
            let current = state.store.decision(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted.fields, &DecisionForm::of(&current), current.version);
            let mut page = FormPage::new(i, &state, Some((id, current.title.as_str())), posted.fields, form::no_errors()).await?;
            page.edit = edit;
            Ok(conflicted(page))
        }
        // The heading keeps the stored title: the typed one was not saved.
        Err(StoreError::Invalid(errors)) => {
            let mut page = FormPage::new(i, &state, Some((id, &d.title)), posted.fields, errors).await?;
            page.edit = edit;
            Ok(rejected(page))
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    state.store.delete_decision(id).await?;
    Ok(see_other("/decisions?deleted=1").into_response())
}
