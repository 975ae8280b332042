//! The plan list, the plan page, and the form that creates, edits and deletes a plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;
use samverk_domain::ValidationErrors;
use samverk_domain::decision::DatePrecision;
use samverk_domain::input::format_date;
use samverk_domain::plan::{PlanDraft, PlanKind, PlanStatus};
use samverk_store::StoreError;
use samverk_store::plan::{Plan, Principle};

use super::tree::{AreaView, GoalGroup, MeasureRow, TreeView};
use super::{Id, bad_form, decision_choices, decision_date, owner_choices, rejected};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::pages::public::texts::language_choices;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

pub struct PlanRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub period: String,
}

/// The plans of one authority.
pub struct OwnerGroup {
    pub owner_id: i64,
    pub owner_name: String,
    pub plans: Vec<PlanRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/list.html")]
pub struct ListPage {
    i: I18n,
    groups: Vec<OwnerGroup>,
}

pub async fn list(i: I18n, State(state): State<AppState>) -> Result<ListPage, AppError> {
    let mut groups: Vec<OwnerGroup> = Vec::new();
    // The store orders by owner name, so each authority's plans arrive together.
    for p in state.store.plans(None).await? {
        let row = PlanRow {
            id: p.id,
            kind: i.plan_kind(&p.kind),
            status: i.plan_status(&p.status),
            period: i.period(&p.period_start, &p.period_end),
            title: p.title,
        };
        match groups.last_mut() {
            Some(g) if g.owner_id == p.owner_id => g.plans.push(row),
            _ => groups.push(OwnerGroup { owner_id: p.owner_id, owner_name: p.owner_name, plans: vec![row] }),
        }
    }
    Ok(ListPage { i, groups })
}

/// The adopting decision as the page names it.
pub struct DecisionView {
    pub id: i64,
    pub title: String,
    pub line: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/show.html")]
pub struct ShowPage {
    i: I18n,
    plan: Plan,
    kind: String,
    status: String,
    period: String,
    decision: Option<DecisionView>,
    principles: Vec<Principle>,
    areas: Vec<AreaView>,
    groups: Vec<GoalGroup>,
    loose_measures: Vec<MeasureRow>,
    published: bool,
}

fn decision_view(i: &I18n, plan: &Plan) -> Option<DecisionView> {
    let id = plan.decision_id?;
    let precision = plan.decision_date_precision.as_deref().and_then(DatePrecision::from_code).unwrap_or(DatePrecision::Day);
    let date = plan.decision_date.map(|d| decision_date(i, d, precision)).unwrap_or_default();
    let body = plan.decision_body.clone().unwrap_or_default();
    let line = match &plan.decision_case_number {
        Some(case) => i.ta(
            "plans-decision-line",
            &[("body", FluentValue::from(body)), ("case", FluentValue::from(case.clone())), ("date", FluentValue::from(date))],
        ),
        None => i.ta("plans-decision-line-no-case", &[("body", FluentValue::from(body)), ("date", FluentValue::from(date))]),
    };
    Some(DecisionView { id, title: plan.decision_title.clone().unwrap_or_default(), line })
}

pub async fn show(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<ShowPage, AppError> {
    let tree = state.store.plan_tree(id).await?.ok_or(AppError::NotFound)?;
    let sdg_goals = if tree.sdgs.is_empty() { Vec::new() } else { state.store.sdg_goals().await? };
    let view = TreeView::new(i, &tree, &sdg_goals);
    let (areas, groups, loose_measures) = (view.areas(), view.groups(), view.loose_measures());
    let plan = tree.plan.clone();
    let published = state.store.is_published(true, id).await?;
    Ok(ShowPage {
        i,
        published,
        kind: i.plan_kind(&plan.kind),
        status: i.plan_status(&plan.status),
        period: i.period(&plan.period_start, &plan.period_end),
        decision: decision_view(&i, &plan),
        principles: tree.principles.clone(),
        areas,
        groups,
        loose_measures,
        plan,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/plan_form.html")]
pub struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    cancel: String,
    /// Set when editing: the address of the delete confirmation.
    delete_action: Option<String>,
    draft: PlanDraft,
    errors: ValidationErrors,
    /// The version the form was filled from and, after a stale save, what differs.
    edit: Edit,
    owners: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    decisions: Vec<Choice>,
    languages: Vec<Choice>,
}

/// Where the form is going: a new plan or a change to an existing one.
enum Target {
    New,
    Existing { id: i64, title: String },
}

async fn form_page(i: I18n, state: &AppState, target: Target, draft: PlanDraft, errors: ValidationErrors) -> Result<FormPage, AppError> {
    let (heading, action, cancel, delete_action) = match target {
        Target::New => (i.t("plans-new-heading"), "/plans".to_owned(), "/plans".to_owned(), None),
        Target::Existing { id, title } => (
            i.t1("plans-edit-heading", "title", &title),
            format!("/plans/{id}"),
            format!("/plans/{id}"),
            Some(format!("/plans/{id}/delete")),
        ),
    };
    Ok(FormPage {
        owners: owner_choices(state, &i, draft.owner_id).await?,
        decisions: decision_choices(state, &i, draft.decision_id).await?,
        kinds: form::codes(PlanKind::ALL, PlanKind::code, |k| i.plan_kind(k), &draft.kind),
        statuses: form::codes(PlanStatus::ALL, PlanStatus::code, |s| i.plan_status(s), &draft.status),
        languages: language_choices(&i, &draft.language),
        i,
        heading,
        action,
        cancel,
        delete_action,
        draft,
        errors,
        edit: Edit::default(),
    })
}

fn draft_of(p: &Plan) -> PlanDraft {
    PlanDraft {
        owner_id: Some(p.owner_id),
        title: p.title.clone(),
        kind: p.kind.code().to_owned(),
        status: p.status.code().to_owned(),
        period_start: p.period_start.map(format_date).unwrap_or_default(),
        period_end: p.period_end.map(format_date).unwrap_or_default(),
        decision_id: p.decision_id,
        description: p.description.clone().unwrap_or_default(),
        language: p.language.clone().unwrap_or_default(),
    }
}

pub async fn new(i: I18n, State(state): State<AppState>) -> Result<FormPage, AppError> {
    // A new plan starts as a draft plan: most are drafted before the assembly adopts them.
    let draft = PlanDraft { kind: PlanKind::Plan.code().to_owned(), status: PlanStatus::Draft.code().to_owned(), ..Default::default() };
    form_page(i, &state, Target::New, draft, form::no_errors()).await
}

pub async fn create(i: I18n, State(state): State<AppState>, form: Result<Form<PlanDraft>, FormRejection>) -> Result<Response, AppError> {
    let Form(draft) = form.map_err(bad_form)?;
    match state.store.create_plan(&draft).await {
        Ok(id) => Ok(form::see_other(&format!("/plans/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, Target::New, draft, errors).await?)),
        Err(e) => Err(e.into()),
    }
}

async fn existing(state: &AppState, id: i64) -> Result<Plan, AppError> {
    state.store.plan(id).await?.ok_or(AppError::NotFound)
}

pub async fn edit(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<FormPage, AppError> {
    let plan = existing(&state, id).await?;
    let mut page = form_page(i, &state, Target::Existing { id, title: plan.title.clone() }, draft_of(&plan), form::no_errors()).await?;
    page.edit = Edit::at(plan.version);
    Ok(page)
}

pub async fn update(
    i: I18n,
    State(state): State<AppState>,
    Id(id): Id,
    form: Result<Form<Versioned<PlanDraft>>, FormRejection>,
) -> Result<Response, AppError> {
    let plan = existing(&state, id).await?;
    let Form(posted) = form.map_err(bad_form)?;
    let edit = posted.edit();
    let draft = posted.fields;
    match state.store.update_plan_at(id, edit.version.trim().parse().ok(), &draft).await {
        Ok(_) => Ok(form::see_other(&format!("/plans/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            // Someone saved first: keep everything typed, show what differs, and base the next
            // save on the current version so it goes through once the user has merged.
            let current = existing(&state, id).await?;
            let edit = rebase(&draft, &draft_of(&current), current.version);
            let mut page = form_page(i, &state, Target::Existing { id, title: current.title.clone() }, draft, form::no_errors()).await?;
            page.edit = edit;
            Ok(conflicted(page))
        }
        Err(StoreError::Invalid(errors)) => {
            let mut page = form_page(i, &state, Target::Existing { id, title: plan.title }, draft, errors).await?;
            page.edit = edit;
            Ok(rejected(page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, Id(id): Id) -> Result<Response, AppError> {
    state.store.delete_plan(id).await?;
    Ok(form::see_other("/plans").into_response())
}
