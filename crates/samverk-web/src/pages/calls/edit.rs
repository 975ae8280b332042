//! The form that opens a call for input or changes it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::call::CallDraft;
use samverk_domain::input::format_date;
use samverk_domain::tz::Zone;
use samverk_store::StoreError;
use samverk_store::call::Call;

use crate::i18n::I18n;
use crate::pages::decisions::authority_choices;
use crate::pages::fields::Fields;
use crate::pages::form::{self, Choice, records, see_other};
use crate::pages::organisations::path_id;
use crate::pages::public::texts::language_choices;
use crate::trust::conflict::{Edit, conflicted, rebase};
use crate::{AppError, AppState};

/// The form as posted, every field as typed (serialised under the form's field names, for the
/// conflict page).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(super) struct CallForm {
    owner_id: String,
    #[serde(rename = "call_title")]
    title: String,
    #[serde(rename = "call_text")]
    body: String,
    questions: String,
    audience: String,
    opens_on: String,
    closes_on: String,
    closes_time: String,
    time_zone: String,
    require_name: bool,
    require_email: bool,
    consent_text: String,
    engagement_ids: Vec<i64>,
    goal_ids: Vec<i64>,
    language: String,
}

impl CallForm {
    fn of_fields(f: &Fields) -> Self {
        Self {
            owner_id: f.get("owner_id"),
            title: f.get("call_title"),
            body: f.get("call_text"),
            questions: f.get("questions"),
            audience: f.get("audience"),
            opens_on: f.get("opens_on"),
            closes_on: f.get("closes_on"),
            closes_time: f.get("closes_time"),
            time_zone: f.get("time_zone"),
            require_name: f.checked("require_name"),
            require_email: f.checked("require_email"),
            consent_text: f.get("consent_text"),
            engagement_ids: f.ids("engagement_ids"),
            goal_ids: f.ids("goal_ids"),
            language: f.get("language"),
        }
    }

    fn of(c: &Call) -> Self {
        Self {
            owner_id: c.owner_id.to_string(),
            title: c.title.clone(),
            body: c.body.clone(),
            questions: c.questions.clone(),
            audience: c.audience.clone().unwrap_or_default(),
            opens_on: format_date(c.opens_on),
            closes_on: format_date(c.closes_on),
            closes_time: c.closes_time.clone().unwrap_or_default(),
            time_zone: c.time_zone.clone(),
            require_name: c.require_name,
            require_email: c.require_email,
            consent_text: c.consent_text.clone(),
            engagement_ids: c.engagements.iter().map(|(id, _)| *id).collect(),
            goal_ids: c.goals.iter().map(|(id, _)| *id).collect(),
            language: c.language.clone().unwrap_or_default(),
        }
    }

    fn draft(&self) -> CallDraft {
        CallDraft {
            owner_id: self.owner_id.trim().parse().ok(),
            title: self.title.clone(),
            body: self.body.clone(),
            questions: self.questions.clone(),
            audience: self.audience.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            closes_time: self.closes_time.clone(),
            time_zone: self.time_zone.clone(),
            require_name: self.require_name,
            require_email: self.require_email,
            consent_text: self.consent_text.clone(),
            engagement_ids: self.engagement_ids.clone(),
            goal_ids: self.goal_ids.clone(),
            language: self.language.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/form.html")]
pub(super) struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    cancel: String,
    draft: CallForm,
    errors: ValidationErrors,
    edit: Edit,
    owners: Vec<Choice>,
    zones: Vec<Choice>,
    engagements: Vec<Choice>,
    goals: Vec<Choice>,
    languages: Vec<Choice>,
}

/// Choices with the given ids selected.
pub(crate) fn chosen(items: &[(i64, String)], ids: &[i64]) -> Vec<Choice> {
    records(items.iter().map(|(id, t)| (*id, t.as_str())), None)
        .into_iter()
        .map(|mut c| {
            c.selected = c.value.parse().is_ok_and(|v: i64| ids.contains(&v));
            c
        })
        .collect()
}

impl FormPage {
    async fn new(
        state: &AppState,
        i: I18n,
        id: Option<(i64, &str)>,
        (draft, edit): (CallForm, Edit),
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        let selected = draft.owner_id.trim().parse().ok();
        let mut owners = vec![Choice::blank(form::none_label(&i), selected.is_none())];
        owners.extend(authority_choices(&state.store, selected).await?);
        let zone = if draft.time_zone.trim().is_empty() { Zone::default().code() } else { draft.time_zone.trim() };
        let zones = Zone::ALL.iter().map(|z| Choice::new(z.code(), z.code(), z.code() == zone)).collect();
        let (engagement_items, goal_items) = state.store.link_targets().await?;
        let engagements = chosen(&engagement_items, &draft.engagement_ids);
        let goals = chosen(&goal_items, &draft.goal_ids);
        let (heading, action, cancel) = match id {
            Some((id, title)) => (i.t1("call-edit-title", "title", title), format!("/calls/{id}"), format!("/calls/{id}")),
            None => (i.t("call-new-title"), "/calls".to_owned(), "/calls".to_owned()),
        };
        let languages = language_choices(&i, &draft.language);
        Ok(Self { i, heading, action, cancel, draft, errors, edit, owners, zones, engagements, goals, languages })
    }
}

fn rejected(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

pub(super) async fn new(State(state): State<AppState>, i: I18n) -> Result<FormPage, AppError> {
    FormPage::new(&state, i, None, (CallForm::default(), Edit::default()), form::no_errors()).await
}

pub(super) async fn create(State(state): State<AppState>, i: I18n, fields: Fields) -> Result<Response, AppError> {
    let posted = CallForm::of_fields(&fields);
    match state.store.create_call(&posted.draft()).await {
        Ok(id) => Ok(see_other(&format!("/calls/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(FormPage::new(&state, i, None, (posted, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let c = state.store.call(id).await?.ok_or(AppError::NotFound)?;
    FormPage::new(&state, i, Some((id, &c.title)), (CallForm::of(&c), Edit::at(c.version)), form::no_errors()).await
}

pub(super) async fn update(State(state): State<AppState>, i: I18n, Path(id): Path<String>, fields: Fields) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let c = state.store.call(id).await?.ok_or(AppError::NotFound)?;
    let posted = CallForm::of_fields(&fields);
    let version = fields.get("version");
    match state.store.update_call(id, version.trim().parse().ok(), &posted.draft()).await {
        Ok(_) => Ok(see_other(&format!("/calls/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = state.store.call(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted, &CallForm::of(&now), now.version);
            Ok(conflicted(FormPage::new(&state, i, Some((id, &now.title)), (posted, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = Edit { version, conflict: None };
            Ok(rejected(FormPage::new(&state, i, Some((id, &c.title)), (posted, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}
