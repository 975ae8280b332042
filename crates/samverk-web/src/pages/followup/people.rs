//! Representatives: the list, the form (new and edit), deleting, and each person's page ("my
//! mandates").

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::mandate::PersonDraft;
use samverk_store::StoreError;
use samverk_store::mandate::{MandateFilter, Person};
use serde::{Deserialize, Serialize};

use super::mandates::{MandateRow, ReportView};
use super::{rejected, today};
use crate::i18n::I18n;
use crate::pages::decisions::authority_choices;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct OwnerQuery {
    owner_id: String,
    /// `1` after a person was deleted.
    deleted: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/people.html")]
pub(super) struct ListPage {
    i: I18n,
    people: Vec<Person>,
    deleted: bool,
}

pub(super) async fn list(i: I18n, State(state): State<AppState>, Query(q): Query<OwnerQuery>) -> Result<ListPage, AppError> {
    let people = state.store.people(q.owner_id.trim().parse().ok()).await?;
    Ok(ListPage { i, people, deleted: q.deleted == "1" })
}

/// The person form as posted, every field as text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct PersonForm {
    owner_id: String,
    name: String,
    person_title: String,
    department: String,
    email: String,
    /// The consent checkbox: "yes" when ticked, absent (empty) otherwise.
    show_name: String,
}

impl PersonForm {
    /// The stored person as the form shows it.
    fn of(p: &Person) -> Self {
        Self {
            owner_id: p.owner_id.to_string(),
            name: p.name.clone(),
            person_title: p.title.clone().unwrap_or_default(),
            department: p.department.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            show_name: if p.show_name { "yes".to_owned() } else { String::new() },
        }
    }

    fn draft(&self) -> PersonDraft {
        PersonDraft {
            owner_id: self.owner_id.trim().parse().ok(),
            name: self.name.clone(),
            title: self.person_title.clone(),
            department: self.department.clone(),
            email: self.email.clone(),
            show_name: !self.show_name.is_empty(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/person_form.html")]
pub(super) struct FormPage {
    i: I18n,
    draft: PersonForm,
    errors: ValidationErrors,
    edit: Edit,
    owners: Vec<Choice>,
    /// The person being edited (id, stored name); `None` for a new one.
    editing: Option<(i64, String)>,
}

async fn form_page(
    i: I18n,
    state: &AppState,
    editing: Option<(i64, String)>,
    (draft, edit): (PersonForm, Edit),
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let selected = draft.owner_id.trim().parse().ok();
    let mut owners = vec![Choice::blank(form::none_label(&i), selected.is_none())];
    owners.extend(authority_choices(&state.store, selected).await?);
    Ok(FormPage { i, draft, errors, edit, owners, editing })
}

pub(super) async fn new(i: I18n, State(state): State<AppState>, Query(q): Query<OwnerQuery>) -> Result<FormPage, AppError> {
    let draft = PersonForm { owner_id: q.owner_id, ..PersonForm::default() };
    form_page(i, &state, None, (draft, Edit::default()), form::no_errors()).await
}

pub(super) async fn create(i: I18n, State(state): State<AppState>, Form(posted): Form<PersonForm>) -> Result<Response, AppError> {
    match state.store.create_person(&posted.draft()).await {
        Ok(id) => Ok(see_other(&format!("/people/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, None, (posted, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let p = state.store.person(id).await?.ok_or(AppError::NotFound)?;
    form_page(i, &state, Some((id, p.name.clone())), (PersonForm::of(&p), Edit::at(p.version)), form::no_errors()).await
}

pub(super) async fn update(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<PersonForm>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    // The heading keeps the stored name: the typed one is not saved yet.
    let p = state.store.person(id).await?.ok_or(AppError::NotFound)?;
    match state.store.update_person(id, posted.expected(), &posted.fields.draft()).await {
        Ok(_) => Ok(see_other(&format!("/people/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = state.store.person(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted.fields, &PersonForm::of(&now), now.version);
            Ok(conflicted(form_page(i, &state, Some((id, now.name)), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(form_page(i, &state, Some((id, p.name)), (posted.fields, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// Deletes a person; her mandates stay, without a holder, and show up as flagged.
pub(super) async fn delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    state.store.delete_person(path_id(&id)?).await?;
    Ok(see_other("/people?deleted=1").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/person.html")]
pub(super) struct ShowPage {
    i: I18n,
    person: Person,
    mandates: Vec<MandateRow>,
    reports: Vec<ReportView>,
}

/// A person's page: her mandates with what each asks of her and when the next report is due
/// (the "my mandates" view until accounts exist), and her latest reports.
pub(super) async fn show(
    i: I18n,
    State(state): State<AppState>,
    me: crate::trust::SignedIn,
    Path(id): Path<String>,
) -> Result<ShowPage, AppError> {
    let id = path_id(&id)?;
    let person = state.store.person(id).await?.ok_or(AppError::NotFound)?;
    // Viewing a person is logged (GDPR: who looked at whom, when).
    state.store.log_personal_access(crate::pages::privacy::actor(&me.0), "view", &person.name, &format!("people #{id}")).await?;
    let mandates = state.store.mandates(&MandateFilter { person_id: Some(id), ..MandateFilter::default() }).await?;
    let ids: Vec<i64> = mandates.iter().map(|m| m.id).collect();
    let reports = state.store.reports(&ids).await?;
    let today = today();
    let titles: Vec<(i64, String)> = mandates.iter().map(|m| (m.id, m.engagement_title.clone())).collect();
    Ok(ShowPage {
        person,
        mandates: mandates.into_iter().map(|m| MandateRow::of(&i, m, today)).collect(),
        reports: reports.into_iter().map(|r| ReportView::of(&i, r, &titles)).collect(),
        i,
    })
}
