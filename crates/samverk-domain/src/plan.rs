//! Plans and their goal framework: focus area → goal (main goal, sub-goals) → measure.

use serde::{Deserialize, Serialize};

use crate::decision::owner;
use crate::error::{Problem, ValidationErrors};
use crate::input::{self, Period, TEXT_MAX, TITLE_MAX};
use crate::refs::References;
use crate::sdg::{self, SdgCode};

crate::code_enum! {
    /// What sort of steering document a plan is.
    pub enum PlanKind { Strategy => "strategy", Plan => "plan", Policy => "policy" }
}

crate::code_enum! {
    /// Where a plan stands: a draft awaiting decision, adopted, or no longer in force.
    pub enum PlanStatus { Draft => "draft", Adopted => "adopted", Expired => "expired" }
}

crate::code_enum! {
    /// Who benefits from a goal (Västernorrland groups its goals this way).
    pub enum Beneficiary { Region => "region", Organisation => "organisation", Citizens => "citizens" }
}

fn optional_code<T: Copy>(text: &str, from: fn(&str) -> Option<T>, all: &[T], code: fn(T) -> &'static str) -> Result<Option<T>, Problem> {
    if text.trim().is_empty() { Ok(None) } else { input::code(text, from, all, code).map(Some) }
}

/// Raw input for a plan.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PlanDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub period_start: String,
    pub period_end: String,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub decision_id: Option<i64>,
    pub description: String,
    /// The language the plan and its goals are written in: `nb`, `sv`, `en`, or blank.
    pub language: String,
}

/// A validated plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    pub owner_id: i64,
    pub title: String,
    pub kind: PlanKind,
    pub status: PlanStatus,
    pub period: Period,
    pub decision_id: Option<i64>,
    pub description: Option<String>,
    pub language: Option<String>,
}

impl PlanDraft {
    /// # Errors
    /// Every missing or malformed field; a decision of another authority.
    pub fn validate(&self, refs: &References) -> Result<NewPlan, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let owner_id = e.check("owner_id", owner(self.owner_id, refs)).unwrap_or_default();
        let plan = NewPlan {
            owner_id,
            title: e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default(),
            kind: e.check("kind", input::code(&self.kind, PlanKind::from_code, PlanKind::ALL, PlanKind::code)).unwrap_or(PlanKind::Plan),
            status: e
                .check("status", input::code(&self.status, PlanStatus::from_code, PlanStatus::ALL, PlanStatus::code))
                .unwrap_or(PlanStatus::Draft),
            period: input::period(&mut e, "period_start", &self.period_start, "period_end", &self.period_end),
            decision_id: e.check("decision_id", owned_decision(self.decision_id, owner_id, refs)).flatten(),
            description: e.check("description", input::optional_text(&self.description, TEXT_MAX)).flatten(),
            language: e.check("language", crate::news::language(&self.language)).flatten(),
        };
        e.into_result(|| plan)
    }
}

/// An optional decision that must exist and belong to `owner_id`.
///
/// # Errors
/// `UnknownReference` or `OtherAuthority`.
pub fn owned_decision(decision_id: Option<i64>, owner_id: i64, refs: &References) -> Result<Option<i64>, Problem> {
    let Some(id) = decision_id else { return Ok(None) };
    match refs.decisions.get(&id) {
        None => Err(Problem::UnknownReference),
        Some(owner) if *owner != owner_id => Err(Problem::OtherAuthority),
        Some(_) => Ok(Some(id)),
    }
}

/// Raw input for a focus area of a plan.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FocusAreaDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub plan_id: Option<i64>,
    pub title: String,
    pub description: String,
}

/// A validated focus area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFocusArea {
    pub plan_id: i64,
    pub title: String,
    pub description: Option<String>,
}

impl FocusAreaDraft {
    /// # Errors
    /// A missing title or an unknown plan.
    pub fn validate(&self, refs: &References) -> Result<NewFocusArea, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let area = NewFocusArea {
            plan_id: e.check("plan_id", known_plan(self.plan_id, refs)).unwrap_or_default(),
            title: e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default(),
            description: e.check("description", input::optional_text(&self.description, TEXT_MAX)).flatten(),
        };
        e.into_result(|| area)
    }
}

fn known_plan(plan_id: Option<i64>, refs: &References) -> Result<i64, Problem> {
    let id = input::required_id(plan_id)?;
    if refs.plans.contains_key(&id) { Ok(id) } else { Err(Problem::UnknownReference) }
}

/// Raw input for a goal. A goal without a parent is a main goal.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct GoalDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub plan_id: Option<i64>,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub focus_area_id: Option<i64>,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub parent_id: Option<i64>,
    /// The goal's wording; may be left empty while a plan is being drafted.
    pub title: String,
    pub description: String,
    pub beneficiary: String,
    /// SDG goals or targets, comma-separated: "13, 13.2".
    pub sdgs: String,
}

/// A validated goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGoal {
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub beneficiary: Option<Beneficiary>,
    pub sdgs: Vec<SdgCode>,
}

impl GoalDraft {
    /// Validates a new goal, or a change to goal `goal_id`.
    ///
    /// # Errors
    /// An unknown plan; a focus area or parent goal of another plan; a parent that would make
    /// the goal its own ancestor; unknown SDG codes.
    pub fn validate(&self, goal_id: Option<i64>, refs: &References) -> Result<NewGoal, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let plan_id = e.check("plan_id", known_plan(self.plan_id, refs)).unwrap_or_default();
        let mut focus_area_id = e.check("focus_area_id", focus_area_of_plan(self.focus_area_id, plan_id, refs)).flatten();
        let parent_id = e.check("parent_id", parent_goal(self.parent_id, goal_id, plan_id, refs)).flatten();
        // A sub-goal sits in its main goal's focus area.
        if let Some(parent) = parent_id.and_then(|p| refs.goals.get(&p)) {
            focus_area_id = parent.focus_area_id;
        }
        let goal = NewGoal {
            plan_id,
            focus_area_id,
            parent_id,
            title: e.check("title", input::optional_text(&self.title, TITLE_MAX)).flatten(),
            description: e.check("description", input::optional_text(&self.description, TEXT_MAX)).flatten(),
            beneficiary: e
                .check("beneficiary", optional_code(&self.beneficiary, Beneficiary::from_code, Beneficiary::ALL, Beneficiary::code))
                .flatten(),
            sdgs: e.check("sdgs", known_sdgs(&self.sdgs, refs)).unwrap_or_default(),
        };
        e.into_result(|| goal)
    }
}

fn focus_area_of_plan(id: Option<i64>, plan_id: i64, refs: &References) -> Result<Option<i64>, Problem> {
    let Some(id) = id else { return Ok(None) };
    match refs.focus_areas.get(&id) {
        None => Err(Problem::UnknownReference),
        Some(p) if *p != plan_id => Err(Problem::Rule { rule: "the focus area must belong to the same plan".into() }),
        Some(_) => Ok(Some(id)),
    }
}

fn parent_goal(parent: Option<i64>, goal_id: Option<i64>, plan_id: i64, refs: &References) -> Result<Option<i64>, Problem> {
    let Some(parent) = parent else { return Ok(None) };
    let Some(goal) = refs.goals.get(&parent) else { return Err(Problem::UnknownReference) };
    if goal.plan_id != plan_id {
        return Err(Problem::Rule { rule: "the parent goal must belong to the same plan".into() });
    }
    if goal_id.is_some_and(|id| refs.goal_chain_reaches(parent, id)) {
        return Err(Problem::Cycle);
    }
    Ok(Some(parent))
}

fn known_sdgs(text: &str, refs: &References) -> Result<Vec<SdgCode>, Problem> {
    let codes = sdg::parse_list(text)?;
    if codes.iter().all(|c| refs.sdg_codes.contains(c.as_str())) { Ok(codes) } else { Err(Problem::UnknownReference) }
}

/// Raw input for a measure (tiltak / åtgärd), under a focus area, a goal, or both.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MeasureDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub plan_id: Option<i64>,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub focus_area_id: Option<i64>,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub goal_id: Option<i64>,
    pub title: String,
    pub description: String,
}

/// A validated measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeasure {
    pub plan_id: i64,
    pub focus_area_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub title: String,
    pub description: Option<String>,
}

impl MeasureDraft {
    /// # Errors
    /// A missing title, an unknown plan, a focus area or goal of another plan.
    pub fn validate(&self, refs: &References) -> Result<NewMeasure, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let plan_id = e.check("plan_id", known_plan(self.plan_id, refs)).unwrap_or_default();
        let goal_id = e.check("goal_id", goal_of_plan(self.goal_id, plan_id, refs)).flatten();
        let mut focus_area_id = e.check("focus_area_id", focus_area_of_plan(self.focus_area_id, plan_id, refs)).flatten();
        if let Some(goal) = goal_id.and_then(|g| refs.goals.get(&g)) {
            focus_area_id = goal.focus_area_id.or(focus_area_id);
        }
        let measure = NewMeasure {
            plan_id,
            focus_area_id,
            goal_id,
            title: e.check("title", input::required_text(&self.title, TEXT_MAX)).unwrap_or_default(),
            description: e.check("description", input::optional_text(&self.description, TEXT_MAX)).flatten(),
        };
        e.into_result(|| measure)
    }
}

fn goal_of_plan(goal_id: Option<i64>, plan_id: i64, refs: &References) -> Result<Option<i64>, Problem> {
    let Some(id) = goal_id else { return Ok(None) };
    match refs.goals.get(&id) {
        None => Err(Problem::UnknownReference),
        Some(g) if g.plan_id != plan_id => Err(Problem::Rule { rule: "the goal must belong to the same plan".into() }),
        Some(_) => Ok(Some(id)),
    }
}
