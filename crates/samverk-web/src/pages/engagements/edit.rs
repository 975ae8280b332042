//! Creating, editing and deleting an engagement. A rejected form comes back with everything the
//! user typed and the error beside each field.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::engagement::{ContributionDraft, EngagementDraft, EngagementKind, EngagementStatus};
use samverk_domain::input::format_date;
use samverk_store::engagement::EngagementFilter;
use samverk_store::{Store, StoreError};
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// The engagement form: the engagement, and on creation its first contribution.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EngagementForm {
    #[serde(flatten)]
    pub draft: EngagementDraft,
    #[serde(deserialize_with = "samverk_domain::input::id_or_blank")]
    pub goal_id: Option<i64>,
    pub how: String,
}

impl EngagementForm {
    fn first_contribution(&self) -> Vec<ContributionDraft> {
        if self.goal_id.is_none() && self.how.trim().is_empty() {
            Vec::new()
        } else {
            vec![ContributionDraft { goal_id: self.goal_id, how: self.how.clone() }]
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "engagements/form.html")]
pub struct FormPage {
    i: I18n,
    /// `None` when creating.
    id: Option<i64>,
    heading: String,
    form: EngagementForm,
    errors: ValidationErrors,
    owners: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    parents: Vec<Choice>,
    decisions: Vec<Choice>,
    goals: Vec<Choice>,
    /// The version the form was filled from and, after a stale save, what differs.
    edit: Edit,
}

impl FormPage {
    fn action(&self) -> String {
        self.id.map_or_else(|| "/engagements".to_owned(), |id| format!("/engagements/{id}"))
    }
}

/// Builds the form page with the choices its selects need.
async fn form_page(
    i: I18n,
    store: &Store,
    id: Option<i64>,
    heading: String,
    (form, edit): (EngagementForm, Edit),
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let d = &form.draft;
    let mut owners = vec![Choice::blank(i.t("none-selected"), d.owner_id.is_none())];
    owners.extend(crate::pages::authority_choices(store, d.owner_id).await?);
    let mut kinds = vec![Choice::blank(i.t("none-selected"), d.kind.is_empty())];
    kinds.extend(form::codes(EngagementKind::ALL, EngagementKind::code, |k| i.engagement_kind(k), d.kind.trim()));
    let statuses = form::codes(EngagementStatus::ALL, EngagementStatus::code, |s| i.engagement_status(s), d.status.trim());
    let mut parents = vec![Choice::blank(i.t("none-selected"), d.parent_id.is_none())];
    let mut decisions = vec![Choice::blank(i.t("none-selected"), d.decision_id.is_none())];
    let mut goals = vec![Choice::blank(i.t("none-selected"), form.goal_id.is_none())];
    if let Some(owner) = d.owner_id {
        let candidates = store.engagements(&EngagementFilter { owner_id: Some(owner), per_page: 500, ..Default::default() }).await?;
        parents.extend(form::records(candidates.items.iter().filter(|e| Some(e.id) != id).map(|e| (e.id, e.title.as_str())), d.parent_id));
        for decision in store.decisions(Some(owner)).await? {
            let label = format!(
                "{} {} {} – {}",
                decision.body,
                decision.case_number.unwrap_or_default(),
                format_date(decision.date),
                decision.title
            );
            decisions.push(Choice::new(decision.id, label, Some(decision.id) == d.decision_id));
        }
        for (plan, goal) in store.goals_of_owner(owner).await? {
            let title = goal.title.clone().unwrap_or_else(|| i.t("goal-wording-missing"));
            goals.push(Choice::new(goal.id, format!("{plan}: {title}"), Some(goal.id) == form.goal_id));
        }
    }
    Ok(FormPage { i, id, heading, form, errors, owners, kinds, statuses, parents, decisions, goals, edit })
}

/// Shows a rejected form again (422) or passes other errors on.
async fn rejected(
    i: I18n,
    store: &Store,
    id: Option<i64>,
    heading: String,
    form: (EngagementForm, Edit),
    error: StoreError,
) -> Result<Response, AppError> {
    match error {
        StoreError::Invalid(errors) => {
            let page = form_page(i, store, id, heading, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        other => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    owner_id: Option<i64>,
    parent_id: Option<i64>,
}

pub async fn new(i: I18n, State(state): State<AppState>, Query(query): Query<NewQuery>) -> Result<FormPage, AppError> {
    let draft = EngagementDraft { owner_id: query.owner_id, parent_id: query.parent_id, status: "proposed".into(), ..Default::default() };
    let form = EngagementForm { draft, ..Default::default() };
    form_page(i, &state.store, None, i.t("engagement-new-title"), (form, Edit::default()), form::no_errors()).await
}

pub async fn create(i: I18n, State(state): State<AppState>, Form(form): Form<EngagementForm>) -> Result<Response, AppError> {
    match state.store.create_engagement(&form.draft, &form.first_contribution()).await {
        Ok(id) => Ok(Redirect::to(&format!("/engagements/{id}")).into_response()),
        Err(error) => rejected(i, &state.store, None, i.t("engagement-new-title"), (form, Edit::default()), error).await,
    }
}

/// The form's fields as stored now.
fn draft_of(e: &samverk_store::engagement::Engagement) -> EngagementDraft {
    EngagementDraft {
        owner_id: Some(e.owner_id),
        kind: e.kind.code().to_owned(),
        title: e.title.clone(),
        description: e.description.clone().unwrap_or_default(),
        status: e.status.code().to_owned(),
        start: e.start_date.map(format_date).unwrap_or_default(),
        end: e.end_date.map(format_date).unwrap_or_default(),
        parent_id: e.parent_id,
        decision_id: e.decision_id,
    }
}

pub async fn edit(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<FormPage, AppError> {
    let e = state.store.engagement(id).await?.ok_or(AppError::NotFound)?;
    let heading = i.t1("engagement-edit-title", "title", &e.title);
    let form = EngagementForm { draft: draft_of(&e), ..Default::default() };
    form_page(i, &state.store, Some(id), heading, (form, Edit::at(e.version)), form::no_errors()).await
}

pub async fn update(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(posted): Form<Versioned<EngagementForm>>,
) -> Result<Response, AppError> {
    let edit = posted.edit();
    let form = posted.fields;
    match state.store.update_engagement_at(id, edit.version.trim().parse().ok(), &form.draft).await {
        Ok(_) => Ok(Redirect::to(&format!("/engagements/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            // Someone saved first: keep everything typed, show what differs, and base the next
            // save on the current version so it goes through once the user has merged.
            let current = state.store.engagement(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&form.draft, &draft_of(&current), current.version);
            let heading = i.t1("engagement-edit-title", "title", &current.title);
            Ok(conflicted(form_page(i, &state.store, Some(id), heading, (form, edit), form::no_errors()).await?))
        }
        Err(error) => {
            let heading = i.t1("engagement-edit-title", "title", &form.draft.title);
            rejected(i, &state.store, Some(id), heading, (form, edit), error).await
        }
    }
}

pub async fn delete(State(state): State<AppState>, Path(id): Path<i64>) -> Result<Redirect, AppError> {
    state.store.delete_engagement(id).await?;
    Ok(Redirect::to("/engagements"))
}
