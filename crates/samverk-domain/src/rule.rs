//! The contribution rule: "Alt nettverksarbeid skal bidra til et eller flere hovedmål" — every
//! active network engagement contributes to one or more main goals (Telemarksplanen).
//!
//! A contribution to a sub-goal counts for its main goal. Only goals of plans in force (draft or
//! adopted, not expired) count: a network that serves only an expired plan serves no goal now.

use std::collections::{HashMap, HashSet};

use crate::engagement::{EngagementKind, EngagementStatus};
use crate::error::Problem;
use crate::plan::PlanStatus;
use crate::refs::GoalRef;

/// Whether the rule applies to an engagement of this kind in this status.
#[must_use]
pub const fn applies(kind: EngagementKind, status: EngagementStatus) -> bool {
    kind.is_network_work() && matches!(status, EngagementStatus::Active)
}

/// Whether a contribution to this goal satisfies the rule.
#[must_use]
pub fn counts(goal: &GoalRef) -> bool {
    goal.plan_status != PlanStatus::Expired
}

/// Refuses an active network engagement without a contribution that counts.
///
/// # Errors
/// `ContributionRule` naming the engagement.
pub fn require_main_goal<'a>(
    title: &str,
    kind: EngagementKind,
    status: EngagementStatus,
    mut goals: impl Iterator<Item = &'a GoalRef>,
) -> Result<(), Problem> {
    if !applies(kind, status) || goals.any(counts) { Ok(()) } else { Err(Problem::ContributionRule { engagement: title.to_owned() }) }
}

/// An engagement as the check sees it.
#[derive(Debug, Clone)]
pub struct EngagementFacts {
    pub id: i64,
    pub title: String,
    pub kind: EngagementKind,
    pub status: EngagementStatus,
}

/// A goal as the check sees it.
#[derive(Debug, Clone)]
pub struct GoalFacts {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub plan_status: PlanStatus,
}

/// Why an engagement breaks the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// It contributes to no goal at all.
    NoContribution,
    /// It contributes only to goals of expired plans.
    OnlyExpiredPlans,
}

/// One engagement that breaks the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub engagement_id: i64,
    pub title: String,
    pub kind: EngagementKind,
    pub breach: Breach,
}

/// What `samverk check` reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub violations: Vec<Violation>,
    /// Goals of plans in force that nothing contributes to, directly or through a sub-goal.
    pub goals_without_contributions: Vec<i64>,
}

/// Checks every engagement and goal. `contributions` are (engagement, goal) pairs.
#[must_use]
pub fn check(engagements: &[EngagementFacts], goals: &[GoalFacts], contributions: &[(i64, i64)]) -> CheckReport {
    let goal_by_id: HashMap<i64, &GoalFacts> = goals.iter().map(|g| (g.id, g)).collect();
    let mut goals_of: HashMap<i64, Vec<&GoalFacts>> = HashMap::new();
    let mut served: HashSet<i64> = HashSet::new();
    for (engagement, goal) in contributions {
        if let Some(g) = goal_by_id.get(goal) {
            goals_of.entry(*engagement).or_default().push(g);
        }
        // A contribution serves the goal and every ancestor up to the main goal.
        let mut current = Some(*goal);
        while let Some(id) = current {
            if !served.insert(id) {
                break;
            }
            current = goal_by_id.get(&id).and_then(|g| g.parent_id);
        }
    }
    let violations = engagements
        .iter()
        .filter(|e| applies(e.kind, e.status))
        .filter_map(|e| {
            let goals = goals_of.get(&e.id).map(Vec::as_slice).unwrap_or_default();
            let breach = if goals.is_empty() {
                Breach::NoContribution
            } else if goals.iter().all(|g| g.plan_status == PlanStatus::Expired) {
                Breach::OnlyExpiredPlans
            } else {
                return None;
            };
            Some(Violation { engagement_id: e.id, title: e.title.clone(), kind: e.kind, breach })
        })
        .collect();
    let goals_without_contributions =
        goals.iter().filter(|g| g.plan_status != PlanStatus::Expired && !served.contains(&g.id)).map(|g| g.id).collect();
    CheckReport { violations, goals_without_contributions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EngagementKind::{BilateralAgreement, Network};
    use EngagementStatus::{Active, Proposed};

    fn goal(id: i64, parent_id: Option<i64>, plan_status: PlanStatus) -> GoalFacts {
        GoalFacts { id, parent_id, plan_status }
    }

    fn engagement(id: i64, kind: EngagementKind, status: EngagementStatus) -> EngagementFacts {
        EngagementFacts { id, title: format!("E{id}"), kind, status }
    }

    #[test]
    fn an_active_network_without_goals_breaks_the_rule() {
        let report = check(&[engagement(1, Network, Active)], &[goal(10, None, PlanStatus::Adopted)], &[]);
        assert_eq!(report.violations.len(), 1);
        assert_eq!(report.violations[0].breach, Breach::NoContribution);
        assert_eq!(report.goals_without_contributions, vec![10]);
    }

    #[test]
    fn a_sub_goal_contribution_serves_its_main_goal() {
        let goals = [goal(10, None, PlanStatus::Adopted), goal(11, Some(10), PlanStatus::Adopted)];
        let report = check(&[engagement(1, Network, Active)], &goals, &[(1, 11)]);
        assert!(report.violations.is_empty());
        assert!(report.goals_without_contributions.is_empty());
    }

    #[test]
    fn goals_of_expired_plans_do_not_count() {
        let report = check(&[engagement(1, Network, Active)], &[goal(10, None, PlanStatus::Expired)], &[(1, 10)]);
        assert_eq!(report.violations[0].breach, Breach::OnlyExpiredPlans);
        assert!(report.goals_without_contributions.is_empty());
    }

    #[test]
    fn other_kinds_and_statuses_are_exempt() {
        let report = check(&[engagement(1, BilateralAgreement, Active), engagement(2, Network, Proposed)], &[], &[]);
        assert!(report.violations.is_empty());
    }

    #[test]
    fn activation_is_refused_with_the_engagement_named() {
        let result = require_main_goal("Nordic network", Network, Active, std::iter::empty());
        assert_eq!(result, Err(Problem::ContributionRule { engagement: "Nordic network".into() }));
    }
}
