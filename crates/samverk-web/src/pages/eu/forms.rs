//! The forms of an EU project: its details, its budget lines and its lessons learned.
//! A rejected form comes back with 422, every value kept, and each error beside its field.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::eu::{BudgetLineDraft, EuProjectDraft, LessonDraft, Programme, ProjectRole, format_rate};
use samverk_store::StoreError;
use samverk_store::engagement::Engagement;
use samverk_store::eu::BudgetLine;
use time::OffsetDateTime;

use super::eu_engagement;
use crate::i18n::I18n;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

fn rejected(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/details_form.html")]
pub(super) struct DetailsPage {
    i: I18n,
    e: Engagement,
    draft: EuProjectDraft,
    errors: ValidationErrors,
    edit: Edit,
    programmes: Vec<Choice>,
    roles: Vec<Choice>,
}

impl DetailsPage {
    fn new(i: I18n, e: Engagement, (draft, edit): (EuProjectDraft, Edit), errors: ValidationErrors) -> Self {
        let programmes = form::codes(Programme::ALL, Programme::code, |p| i.t(&format!("programme-{}", p.code())), draft.programme.trim());
        let roles =
            form::codes(ProjectRole::ALL, ProjectRole::code, |r| i.t(&format!("project-role-{}", r.code())), draft.project_role.trim());
        Self { i, e, draft, errors, edit, programmes, roles }
    }
}

/// The stored details as the form shows them, with their version; blank before there are any.
async fn stored_details(state: &AppState, engagement_id: i64) -> Result<(EuProjectDraft, Edit), AppError> {
    let page = state.store.eu_project_page(engagement_id).await?;
    Ok(page.project.map_or_else(Default::default, |p| {
        let edit = Edit::at(p.version);
        let draft = EuProjectDraft {
            programme: p.programme.code().to_owned(),
            strand: p.strand.unwrap_or_default(),
            funding_call: p.funding_call.unwrap_or_default(),
            project_role: p.role.code().to_owned(),
            lead_department: p.department.unwrap_or_default(),
        };
        (draft, edit)
    }))
}

pub(super) async fn edit_details(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<DetailsPage, AppError> {
    let e = eu_engagement(&state, &id).await?;
    let stored = stored_details(&state, e.id).await?;
    Ok(DetailsPage::new(i, e, stored, form::no_errors()))
}

pub(super) async fn save_details(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<EuProjectDraft>>,
) -> Result<Response, AppError> {
    let e = eu_engagement(&state, &id).await?;
    match state.store.save_eu_project(e.id, posted.expected(), &posted.fields).await {
        Ok(()) => Ok(see_other(&format!("/engagements/{}/eu", e.id)).into_response()),
        Err(StoreError::Stale { .. }) => {
            let (now, now_edit) = stored_details(&state, e.id).await?;
            let version = now_edit.version.parse().unwrap_or_default();
            let edit = rebase(&posted.fields, &now, version);
            Ok(conflicted(DetailsPage::new(i, e, (posted.fields, edit), form::no_errors())))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(DetailsPage::new(i, e, (posted.fields, edit), errors)))
        }
        Err(other) => Err(other.into()),
    }
}

/// The budget-line form as posted: every field as text, so whatever was typed comes back.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub(super) struct LineForm {
    year: String,
    organisation_id: String,
    total: String,
    eu_grant: String,
    national_cofinancing: String,
    own_contribution: String,
    cofinancing_rate: String,
}

impl LineForm {
    fn of(l: &BudgetLine) -> Self {
        Self {
            year: l.year.to_string(),
            organisation_id: l.organisation_id.to_string(),
            total: l.total.to_string(),
            eu_grant: l.eu_grant.to_string(),
            national_cofinancing: l.national_cofinancing.to_string(),
            own_contribution: l.own_contribution.to_string(),
            cofinancing_rate: format_rate(l.cofinancing_rate),
        }
    }

    fn draft(&self) -> BudgetLineDraft {
        BudgetLineDraft {
            year: self.year.clone(),
            organisation_id: self.organisation_id.trim().parse().ok(),
            total: self.total.clone(),
            eu_grant: self.eu_grant.clone(),
            national_cofinancing: self.national_cofinancing.clone(),
            own_contribution: self.own_contribution.clone(),
            cofinancing_rate: self.cofinancing_rate.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/budget_form.html")]
pub(super) struct LinePage {
    i: I18n,
    e: Engagement,
    heading: String,
    action: String,
    draft: LineForm,
    errors: ValidationErrors,
    edit: Edit,
    partners: Vec<Choice>,
}

impl LinePage {
    async fn new(
        i: I18n,
        state: &AppState,
        e: Engagement,
        line: Option<i64>,
        (draft, edit): (LineForm, Edit),
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        // The owner and the participants may carry a budget, each once.
        let page = state.store.engagement_page(e.id).await?.ok_or(AppError::NotFound)?;
        let selected = draft.organisation_id.trim().parse::<i64>().ok();
        let mut partners = vec![
            Choice::blank(form::none_label(&i), selected.is_none()),
            Choice::new(e.owner_id, e.owner_name.clone(), selected == Some(e.owner_id)),
        ];
        for p in &page.participants {
            if !partners.iter().any(|c| c.value == p.organisation_id.to_string()) {
                partners.push(Choice::new(p.organisation_id, p.organisation_name.clone(), selected == Some(p.organisation_id)));
            }
        }
        let (heading, action) = match line {
            Some(l) => (i.t1("eu-line-edit-title", "title", &e.title), format!("/engagements/{}/eu/budget/{l}", e.id)),
            None => (i.t1("eu-line-new-title", "title", &e.title), format!("/engagements/{}/eu/budget", e.id)),
        };
        Ok(Self { i, e, heading, action, draft, errors, edit, partners })
    }
}

pub(super) async fn new_line(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<LinePage, AppError> {
    let e = eu_engagement(&state, &id).await?;
    LinePage::new(i, &state, e, None, Default::default(), form::no_errors()).await
}

pub(super) async fn create_line(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<LineForm>,
) -> Result<Response, AppError> {
    let e = eu_engagement(&state, &id).await?;
    match state.store.save_budget_line(e.id, None, None, &posted.draft()).await {
        Ok(_) => Ok(see_other(&format!("/engagements/{}/eu#budget-heading", e.id)).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(LinePage::new(i, &state, e, None, (posted, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit_line(
    i: I18n,
    State(state): State<AppState>,
    Path((id, line)): Path<(String, String)>,
) -> Result<LinePage, AppError> {
    let e = eu_engagement(&state, &id).await?;
    let line = path_id(&line)?;
    let l = budget_line(&state, &e, line).await?;
    LinePage::new(i, &state, e, Some(line), (LineForm::of(&l), Edit::at(l.version)), form::no_errors()).await
}

async fn budget_line(state: &AppState, e: &Engagement, line: i64) -> Result<BudgetLine, AppError> {
    state.store.budget_line(line).await?.filter(|l| l.engagement_id == e.id).ok_or(AppError::NotFound)
}

pub(super) async fn update_line(
    i: I18n,
    State(state): State<AppState>,
    Path((id, line)): Path<(String, String)>,
    Form(posted): Form<Versioned<LineForm>>,
) -> Result<Response, AppError> {
    let e = eu_engagement(&state, &id).await?;
    let line = path_id(&line)?;
    match state.store.save_budget_line(e.id, Some(line), posted.expected(), &posted.fields.draft()).await {
        Ok(_) => Ok(see_other(&format!("/engagements/{}/eu#budget-heading", e.id)).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = budget_line(&state, &e, line).await?;
            let edit = rebase(&posted.fields, &LineForm::of(&now), now.version);
            Ok(conflicted(LinePage::new(i, &state, e, Some(line), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(LinePage::new(i, &state, e, Some(line), (posted.fields, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn delete_line(State(state): State<AppState>, Path((id, line)): Path<(String, String)>) -> Result<Response, AppError> {
    let e = eu_engagement(&state, &id).await?;
    state.store.remove_budget_line(e.id, path_id(&line)?).await?;
    Ok(see_other(&format!("/engagements/{}/eu#budget-heading", e.id)).into_response())
}

/// A goal the lesson can be addressed to, with whether it is ticked.
pub(super) struct GoalBox {
    id: i64,
    label: String,
    checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/lesson_form.html")]
pub(super) struct LessonPage {
    i: I18n,
    e: Engagement,
    draft: LessonDraft,
    errors: ValidationErrors,
    goals: Vec<GoalBox>,
}

impl LessonPage {
    async fn new(i: I18n, state: &AppState, e: Engagement, draft: LessonDraft, errors: ValidationErrors) -> Result<Self, AppError> {
        let goals = state
            .store
            .lesson_goal_choices(e.owner_id)
            .await?
            .into_iter()
            .map(|(id, label)| GoalBox { id, checked: draft.addressed_goals.contains(&id), label })
            .collect();
        Ok(Self { i, e, draft, errors, goals })
    }
}

pub(super) async fn new_lesson(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<LessonPage, AppError> {
    let e = eu_engagement(&state, &id).await?;
    LessonPage::new(i, &state, e, LessonDraft::default(), form::no_errors()).await
}

/// Reads the lesson form by hand: the goal checkboxes repeat one name, which a struct cannot
/// take from a form body.
fn lesson_draft(pairs: Vec<(String, String)>) -> LessonDraft {
    let mut d = LessonDraft::default();
    for (k, v) in pairs {
        match k.as_str() {
            "title" => d.title = v,
            "lesson_text" => d.lesson_text = v,
            "addressed_departments" => d.addressed_departments = v,
            // A value that is not an id cannot come from the form's own checkboxes; it is dropped.
            "addressed_goals" => d.addressed_goals.extend(v.trim().parse::<i64>().ok()),
            _ => {}
        }
    }
    d
}

pub(super) async fn create_lesson(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let e = eu_engagement(&state, &id).await?;
    let draft = lesson_draft(pairs);
    let today = OffsetDateTime::now_utc().date();
    match state.store.add_lesson(e.id, &draft, today).await {
        Ok(lesson) => Ok(see_other(&format!("/lessons/{lesson}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(LessonPage::new(i, &state, e, draft, errors).await?)),
        Err(other) => Err(other.into()),
    }
}
