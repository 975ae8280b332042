//! The organisation form (create and edit) and deletion, refused while the organisation is in use.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::input::format_date;
use samverk_domain::organisation::{OrganisationDraft, OrganisationKind};
use samverk_store::StoreError;
use samverk_store::organisation::Organisation;

use super::page::{Extras, show_page};
use super::path_id;
use crate::i18n::I18n;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::places;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "organisations/form.html")]
pub(super) struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    cancel: String,
    draft: OrganisationDraft,
    errors: ValidationErrors,
    edit: Edit,
    kinds: Vec<Choice>,
    countries: Vec<Choice>,
}

impl FormPage {
    /// The form for a new organisation (`id` None) or for editing one, filled with `draft`;
    /// the country is chosen from the ISO 3166-1 register.
    async fn new(
        state: &AppState,
        i: I18n,
        id: Option<(i64, &str)>,
        (draft, edit): (OrganisationDraft, Edit),
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        let countries = places::country_choices(&i, &state.store, &draft.country, form::none_label(&i)).await?;
        let mut kinds = vec![Choice::blank(form::none_label(&i), draft.kind.trim().is_empty())];
        kinds.extend(form::codes(OrganisationKind::ALL, OrganisationKind::code, |k| i.organisation_kind(k), draft.kind.trim()));
        let (heading, action, cancel) = match id {
            Some((id, name)) => {
                (i.t1("organisation-edit-title", "name", name), format!("/organisations/{id}"), format!("/organisations/{id}"))
            }
            None => (i.t("organisation-new-title"), "/organisations".to_owned(), "/organisations".to_owned()),
        };
        Ok(Self { i, heading, action, cancel, draft, errors, edit, kinds, countries })
    }
}

/// The stored record as the form shows it.
fn draft_of(o: &Organisation) -> OrganisationDraft {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    OrganisationDraft {
        name: o.name.clone(),
        name_nb: text(&o.name_nb),
        name_sv: text(&o.name_sv),
        name_en: text(&o.name_en),
        kind: o.kind.code().to_owned(),
        country: o.country.clone(),
        org_number: text(&o.org_number),
        region_code: text(&o.region_code),
        scb_code: text(&o.scb_code),
        nuts_code: text(&o.nuts_code),
        valid_from: o.valid_from.map(format_date).unwrap_or_default(),
        valid_to: o.valid_to.map(format_date).unwrap_or_default(),
    }
}

/// A rejected form comes back with what was typed and the messages beside the fields.
fn rejected(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

pub(super) async fn new(i: I18n, State(state): State<AppState>) -> Result<FormPage, AppError> {
    FormPage::new(&state, i, None, Default::default(), form::no_errors()).await
}

pub(super) async fn create(i: I18n, State(state): State<AppState>, Form(draft): Form<OrganisationDraft>) -> Result<Response, AppError> {
    match state.store.create_organisation(&draft).await {
        Ok(id) => Ok(see_other(&format!("/organisations/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(FormPage::new(&state, i, None, (draft, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let o = state.store.organisation(id).await?.ok_or(AppError::NotFound)?;
    FormPage::new(&state, i, Some((id, &o.name)), (draft_of(&o), Edit::at(o.version)), form::no_errors()).await
}

pub(super) async fn update(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<OrganisationDraft>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let o = state.store.organisation(id).await?.ok_or(AppError::NotFound)?;
    match state.store.update_organisation_at(id, posted.expected(), &posted.fields).await {
        Ok(_) => Ok(see_other(&format!("/organisations/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = state.store.organisation(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted.fields, &draft_of(&now), now.version);
            Ok(conflicted(FormPage::new(&state, i, Some((id, &now.name)), (posted.fields, edit), form::no_errors()).await?))
        }
        // The heading keeps the stored name: the typed one was not saved.
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(FormPage::new(&state, i, Some((id, &o.name)), (posted.fields, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn delete(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    match state.store.delete_organisation(id).await {
        Ok(()) => Ok(see_other("/organisations?deleted=1").into_response()),
        Err(StoreError::InUse { used_by, .. }) => {
            let key = match used_by {
                "engagements" => "organisation-in-use-engagements",
                "plans" => "organisation-in-use-plans",
                "decisions" => "organisation-in-use-decisions",
                _ => "organisation-in-use-other",
            };
            let page = show_page(i, &state, id, Extras { refusal: Some(i.t(key)), ..Extras::default() }).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
