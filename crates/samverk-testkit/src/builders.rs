//! Builders that create records through the store's validated paths, with sensible defaults.

use samverk_domain::decision::DecisionDraft;
use samverk_domain::engagement::{ContributionDraft, EngagementDraft, ParticipantDraft};
use samverk_domain::organisation::OrganisationDraft;
use samverk_domain::plan::{FocusAreaDraft, GoalDraft, PlanDraft};
use samverk_store::Store;

/// An organisation; by default a Norwegian county.
pub struct OrganisationBuilder(OrganisationDraft);

impl OrganisationBuilder {
    #[must_use]
    pub fn new(name: &str) -> Self {
        Self(OrganisationDraft { name: name.into(), kind: "county".into(), country: "NO".into(), ..Default::default() })
    }

    #[must_use]
    pub fn kind(mut self, kind: &str) -> Self {
        self.0.kind = kind.into();
        self
    }

    /// Norwegian fylkesnummer or kommunenummer.
    #[must_use]
    pub fn region_code(mut self, code: &str) -> Self {
        self.0.region_code = code.into();
        self
    }

    /// Swedish SCB code (län or kommun).
    #[must_use]
    pub fn scb_code(mut self, code: &str) -> Self {
        self.0.scb_code = code.into();
        self
    }

    #[must_use]
    pub fn country(mut self, country: &str) -> Self {
        self.0.country = country.into();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_organisation(&self.0).await.expect("organisation")
    }
}

/// A decision of an authority.
pub struct DecisionBuilder(DecisionDraft);

impl DecisionBuilder {
    #[must_use]
    pub fn new(owner_id: i64, title: &str) -> Self {
        Self(DecisionDraft {
            owner_id: Some(owner_id),
            body: "Fylkestinget".into(),
            case_number: "25/20".into(),
            date: "2020-03-31".into(),
            title: title.into(),
            ..Default::default()
        })
    }

    #[must_use]
    pub fn case_number(mut self, case_number: &str) -> Self {
        self.0.case_number = case_number.into();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_decision(&self.0).await.expect("decision")
    }
}

/// A plan of an authority; adopted by default.
pub struct PlanBuilder(PlanDraft);

impl PlanBuilder {
    #[must_use]
    pub fn new(owner_id: i64, title: &str) -> Self {
        Self(PlanDraft {
            owner_id: Some(owner_id),
            title: title.into(),
            kind: "plan".into(),
            status: "adopted".into(),
            ..Default::default()
        })
    }

    #[must_use]
    pub fn status(mut self, status: &str) -> Self {
        self.0.status = status.into();
        self
    }

    /// The language the plan and its goals are written in (`nb`, `sv`, `en`).
    #[must_use]
    pub fn language(mut self, language: &str) -> Self {
        self.0.language = language.into();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_plan(&self.0).await.expect("plan")
    }
}

/// Creates a focus area in a plan.
///
/// # Panics
/// When the store refuses it.
pub async fn focus_area(store: &Store, plan_id: i64, title: &str) -> i64 {
    store
        .create_focus_area(&FocusAreaDraft { plan_id: Some(plan_id), title: title.into(), ..Default::default() })
        .await
        .expect("focus area")
}

/// A goal in a plan: a main goal unless given a parent.
pub struct GoalBuilder(GoalDraft);

impl GoalBuilder {
    #[must_use]
    pub fn new(plan_id: i64, title: &str) -> Self {
        Self(GoalDraft { plan_id: Some(plan_id), title: title.into(), ..Default::default() })
    }

    #[must_use]
    pub fn focus_area(mut self, id: i64) -> Self {
        self.0.focus_area_id = Some(id);
        self
    }

    #[must_use]
    pub fn parent(mut self, id: i64) -> Self {
        self.0.parent_id = Some(id);
        self
    }

    #[must_use]
    pub fn sdgs(mut self, sdgs: &str) -> Self {
        self.0.sdgs = sdgs.into();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_goal(&self.0).await.expect("goal")
    }
}

/// An engagement of an authority; a proposed network by default.
pub struct EngagementBuilder {
    draft: EngagementDraft,
    contributions: Vec<ContributionDraft>,
    participants: Vec<ParticipantDraft>,
}

impl EngagementBuilder {
    #[must_use]
    pub fn new(owner_id: i64, title: &str) -> Self {
        Self {
            draft: EngagementDraft {
                owner_id: Some(owner_id),
                title: title.into(),
                kind: "network".into(),
                status: "proposed".into(),
                ..Default::default()
            },
            contributions: Vec::new(),
            participants: Vec::new(),
        }
    }

    #[must_use]
    pub fn kind(mut self, kind: &str) -> Self {
        self.draft.kind = kind.into();
        self
    }

    #[must_use]
    pub fn status(mut self, status: &str) -> Self {
        self.draft.status = status.into();
        self
    }

    #[must_use]
    pub fn period(mut self, start: &str, end: &str) -> Self {
        self.draft.start = start.into();
        self.draft.end = end.into();
        self
    }

    #[must_use]
    pub fn parent(mut self, id: i64) -> Self {
        self.draft.parent_id = Some(id);
        self
    }

    #[must_use]
    pub fn decision(mut self, id: i64) -> Self {
        self.draft.decision_id = Some(id);
        self
    }

    #[must_use]
    pub fn description(mut self, text: &str) -> Self {
        self.draft.description = text.into();
        self
    }

    #[must_use]
    pub fn goal(mut self, goal_id: i64, how: &str) -> Self {
        self.contributions.push(ContributionDraft { goal_id: Some(goal_id), how: how.into() });
        self
    }

    #[must_use]
    pub fn participant(mut self, organisation_id: i64, role: &str) -> Self {
        self.participants.push(ParticipantDraft { organisation_id: Some(organisation_id), role: role.into(), ..Default::default() });
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        let id = store.create_engagement(&self.draft, &self.contributions).await.expect("engagement");
        for p in &self.participants {
            store.add_participant(id, p).await.expect("participant");
        }
        id
    }
}
