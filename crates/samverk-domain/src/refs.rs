//! The facts about referenced records that validation needs, loaded by the store beforehand.
//!
//! Validation stays pure: the store looks up the ids a draft names and hands them in here, so
//! "unknown organisation" or "goal from another authority's plan" is decided without I/O.

use std::collections::{HashMap, HashSet};

use crate::engagement::Role;
use crate::plan::PlanStatus;

/// What validation needs to know about a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalRef {
    pub plan_id: i64,
    pub owner_id: i64,
    pub focus_area_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub plan_status: PlanStatus,
}

/// What validation needs to know about an engagement (for parent links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementRef {
    pub owner_id: i64,
    pub parent_id: Option<i64>,
}

/// A participant already on an engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParticipantRef {
    pub id: i64,
    pub organisation_id: i64,
    pub role: Role,
}

/// A contribution already on an engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContributionRef {
    pub id: i64,
    pub goal_id: i64,
}

/// Snapshot of the referenced records; an id missing from a map does not exist.
#[derive(Debug, Clone, Default)]
pub struct References {
    pub organisations: HashSet<i64>,
    /// Decision id → owning authority.
    pub decisions: HashMap<i64, i64>,
    /// Plan id → owning authority.
    pub plans: HashMap<i64, i64>,
    /// Focus area id → plan.
    pub focus_areas: HashMap<i64, i64>,
    pub goals: HashMap<i64, GoalRef>,
    pub engagements: HashMap<i64, EngagementRef>,
    /// Existing participants of the engagement being changed.
    pub participants: Vec<ParticipantRef>,
    /// Existing contributions of the engagement being changed.
    pub contributions: Vec<ContributionRef>,
    /// SDG codes known to the reference data.
    pub sdg_codes: HashSet<String>,
}

impl References {
    /// Whether following parent links from `start` reaches `target` (or loops).
    #[must_use]
    pub fn engagement_chain_reaches(&self, start: i64, target: i64) -> bool {
        let mut seen = HashSet::new();
        let mut current = Some(start);
        while let Some(id) = current {
            if id == target || !seen.insert(id) {
                return true;
            }
            current = self.engagements.get(&id).and_then(|e| e.parent_id);
        }
        false
    }

    /// Whether following goal parents from `start` reaches `target` (or loops).
    #[must_use]
    pub fn goal_chain_reaches(&self, start: i64, target: i64) -> bool {
        let mut seen = HashSet::new();
        let mut current = Some(start);
        while let Some(id) = current {
            if id == target || !seen.insert(id) {
                return true;
            }
            current = self.goals.get(&id).and_then(|g| g.parent_id);
        }
        false
    }
}
