//! The goal page (what contributes to a goal) and the form that creates, edits and deletes
//! a goal.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::plan::{Beneficiary, GoalDraft};
use samverk_store::StoreError;
use samverk_store::plan::{Goal, PlanTree};
use serde::Deserialize;

use super::tree::{Badge, GoalRow, MeasureRow, TreeView};
use super::{Id, bad_form, bad_query, rejected};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// A link to another record: its id and what it is called.
pub struct Link {
    pub id: i64,
    pub label: String,
}

/// An engagement contributing to the goal, with the sentence on how.
pub struct ContributionView {
    pub engagement_id: i64,
    pub engagement_title: String,
    pub status: String,
    pub how: String,
    /// The sub-goal it contributes to, when not this goal itself.
    pub via: Option<Link>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/goal.html")]
pub struct ShowPage {
    i: I18n,
    id: i64,
    label: String,
    filled: bool,
    level: String,
    plan: Link,
    focus_area: Option<Link>,
    parent: Option<Link>,
    beneficiary: Option<String>,
    description: Option<String>,
    badges: Vec<Badge>,
    sub_goals: Vec<GoalRow>,
    measures: Vec<MeasureRow>,
    contributions: Vec<ContributionView>,
    count_text: String,
}

/// A goal's plan tree; the goal page and form work from it so labels and numbering match
/// the plan page.
async fn tree_of(state: &AppState, goal_id: i64) -> Result<(Goal, PlanTree), AppError> {
    let (goal, _) = state.store.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    let tree = state.store.plan_tree(goal.plan_id).await?.ok_or(AppError::NotFound)?;
    Ok((goal, tree))
}

pub async fn show(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<ShowPage, AppError> {
    let (goal, tree) = tree_of(&state, id).await?;
    let sdg_goals = if tree.sdgs.is_empty() { Vec::new() } else { state.store.sdg_goals().await? };
    let contributions = state.store.contributions_to_goal(id).await?;
    let view = TreeView::new(i, &tree, &sdg_goals);
    let label_of = |goal_id: i64| tree.goals.iter().find(|g| g.id == goal_id).map(|g| view.label(g).0).unwrap_or_default();
    let (label, filled) = view.label(&goal);
    let contributions: Vec<ContributionView> = contributions
        .into_iter()
        .map(|(c, title, status)| ContributionView {
            engagement_id: c.engagement_id,
            engagement_title: title,
            status: i.engagement_status(&status),
            via: (c.goal_id != id).then(|| Link { id: c.goal_id, label: label_of(c.goal_id) }),
            how: c.how,
        })
        .collect();
    let count = i64::try_from(contributions.len()).unwrap_or(i64::MAX);
    Ok(ShowPage {
        i,
        id,
        label,
        filled,
        level: i.t(if goal.is_main() { "plans-level-main" } else { "plans-level-sub" }),
        plan: Link { id: tree.plan.id, label: tree.plan.title.clone() },
        focus_area: goal
            .focus_area_id
            .and_then(|a| tree.focus_areas.iter().find(|f| f.id == a))
            .map(|f| Link { id: f.id, label: f.title.clone() }),
        parent: goal.parent_id.map(|p| Link { id: p, label: label_of(p) }),
        beneficiary: goal.beneficiary().map(|b| i.beneficiary(&b)),
        description: goal.description.clone(),
        badges: view.badges(id),
        sub_goals: view.rows(tree.sub_goals(id)),
        measures: tree.goal_measures(id).map(|m| MeasureRow { id: m.id, title: m.title.clone() }).collect(),
        count_text: view.contributions_text(count),
        contributions,
    })
}

/// Where a new goal goes, from the link that led to the form.
#[derive(Debug, Default, Deserialize)]
pub struct Placement {
    #[serde(default, deserialize_with = "samverk_domain::input::id_or_blank")]
    focus_area_id: Option<i64>,
    #[serde(default, deserialize_with = "samverk_domain::input::id_or_blank")]
    parent_id: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/goal_form.html")]
pub struct FormPage {
    i: I18n,
    heading: String,
    plan: Link,
    action: String,
    cancel: String,
    delete_action: Option<String>,
    draft: GoalDraft,
    errors: ValidationErrors,
    edit: Edit,
    focus_areas: Vec<Choice>,
    parents: Vec<Choice>,
    beneficiaries: Vec<Choice>,
}

async fn form_page(
    i: I18n,
    state: &AppState,
    plan_id: i64,
    goal: Option<&Goal>,
    (draft, edit): (GoalDraft, Edit),
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let tree = state.store.plan_tree(plan_id).await?.ok_or(AppError::NotFound)?;
    let view = TreeView::new(i, &tree, &[]);
    let (heading, action, cancel, delete_action) = match goal {
        None => (i.t("plans-new-goal-heading"), format!("/plans/{plan_id}/goals"), format!("/plans/{plan_id}"), None),
        Some(g) => (
            i.t1("plans-edit-goal-heading", "title", &view.label(g).0),
            format!("/goals/{}", g.id),
            format!("/goals/{}", g.id),
            Some(format!("/goals/{}/delete", g.id)),
        ),
    };
    let mut focus_areas = vec![Choice::blank(form::none_label(&i), draft.focus_area_id.is_none())];
    focus_areas.extend(form::records(tree.focus_areas.iter().map(|a| (a.id, a.title.as_str())), draft.focus_area_id));
    let mut parents = vec![Choice::blank(i.t("plans-parent-none"), draft.parent_id.is_none())];
    let options = view.goal_options(goal.map(|g| g.id));
    parents.extend(form::records(options.iter().map(|(id, label)| (*id, label.as_str())), draft.parent_id));
    let mut beneficiaries = vec![Choice::blank(form::none_label(&i), draft.beneficiary.trim().is_empty())];
    beneficiaries.extend(form::codes(Beneficiary::ALL, Beneficiary::code, |b| i.beneficiary(b), draft.beneficiary.trim()));
    Ok(FormPage {
        i,
        heading,
        plan: Link { id: plan_id, label: tree.plan.title.clone() },
        action,
        cancel,
        delete_action,
        draft,
        errors,
        edit,
        focus_areas,
        parents,
        beneficiaries,
    })
}

async fn plan_exists(state: &AppState, plan_id: i64) -> Result<(), AppError> {
    state.store.plan(plan_id).await?.map(|_| ()).ok_or(AppError::NotFound)
}

pub async fn new(
    i: I18n,
    State(state): State<AppState>,
    Id(plan_id): Id,
    query: Result<Query<Placement>, QueryRejection>,
) -> Result<FormPage, AppError> {
    let Query(place) = query.map_err(bad_query)?;
    // A sub-goal sits in its main goal's focus area: show that choice rather than "(none)".
    let focus_area_id = match (place.focus_area_id, place.parent_id) {
        (None, Some(parent)) => state.store.goal(parent).await?.and_then(|(g, _)| g.focus_area_id),
        (area, _) => area,
    };
    let draft = GoalDraft { plan_id: Some(plan_id), focus_area_id, parent_id: place.parent_id, ..Default::default() };
    form_page(i, &state, plan_id, None, (draft, Edit::default()), form::no_errors()).await
}

pub async fn create(
    i: I18n,
    State(state): State<AppState>,
    Id(plan_id): Id,
    form: Result<Form<GoalDraft>, FormRejection>,
) -> Result<Response, AppError> {
    plan_exists(&state, plan_id).await?;
    let Form(mut draft) = form.map_err(bad_form)?;
    // The plan is the one in the address, whatever the body says.
    draft.plan_id = Some(plan_id);
    match state.store.create_goal(&draft).await {
        Ok(id) => Ok(form::see_other(&format!("/goals/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, plan_id, None, (draft, Edit::default()), errors).await?)),
        Err(e) => Err(e.into()),
    }
}

fn draft_of(goal: &Goal, tree: &PlanTree) -> GoalDraft {
    GoalDraft {
        plan_id: Some(goal.plan_id),
        focus_area_id: goal.focus_area_id,
        parent_id: goal.parent_id,
        title: goal.title.clone().unwrap_or_default(),
        description: goal.description.clone().unwrap_or_default(),
        beneficiary: goal.beneficiary.clone().unwrap_or_default(),
        sdgs: tree.goal_sdgs(goal.id).map(|s| s.sdg_code.as_str()).collect::<Vec<_>>().join(", "),
    }
}

pub async fn edit(i: I18n, State(state): State<AppState>, Id(id): Id) -> Result<FormPage, AppError> {
    let (goal, tree) = tree_of(&state, id).await?;
    let edit = Edit::at(goal.version);
    form_page(i, &state, goal.plan_id, Some(&goal), (draft_of(&goal, &tree), edit), form::no_errors()).await
}

pub async fn update(
    i: I18n,
    State(state): State<AppState>,
    Id(id): Id,
    form: Result<Form<Versioned<GoalDraft>>, FormRejection>,
) -> Result<Response, AppError> {
    let (goal, _) = state.store.goal(id).await?.ok_or(AppError::NotFound)?;
    let Form(mut posted) = form.map_err(bad_form)?;
    // A goal stays in its plan; moving it would strand its contributions' rule checks.
    posted.fields.plan_id = Some(goal.plan_id);
    match state.store.update_goal(id, posted.expected(), &posted.fields).await {
        Ok(_) => Ok(form::see_other(&format!("/goals/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let (now, tree) = tree_of(&state, id).await?;
            let edit = rebase(&posted.fields, &draft_of(&now, &tree), now.version);
            Ok(conflicted(form_page(i, &state, now.plan_id, Some(&now), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(form_page(i, &state, goal.plan_id, Some(&goal), (posted.fields, edit), errors).await?))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, Id(id): Id) -> Result<Response, AppError> {
    let (goal, _) = state.store.goal(id).await?.ok_or(AppError::NotFound)?;
    state.store.delete_goal(id).await?;
    Ok(form::see_other(&format!("/plans/{}", goal.plan_id)).into_response())
}
