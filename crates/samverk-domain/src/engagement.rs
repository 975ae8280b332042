//! Engagements: memberships, agreements, partnerships, networks, projects, exchanges and
//! meeting places, with their participants and their contributions to goals.

use serde::{Deserialize, Serialize};

use crate::decision::owner;
use crate::error::{Problem, ValidationErrors};
use crate::input::{self, Period, TEXT_MAX, TITLE_MAX};
use crate::plan::owned_decision;
use crate::refs::References;
use crate::rule;

crate::code_enum! {
    /// The closed set of ways an authority takes part in cooperation.
    pub enum EngagementKind {
        Membership => "membership",
        BilateralAgreement => "bilateral_agreement",
        TwinTown => "twin_town",
        Partnership => "partnership",
        Network => "network",
        ThematicNetwork => "thematic_network",
        EuProject => "eu_project",
        PreProject => "pre_project",
        Exchange => "exchange",
        PoliticalNetwork => "political_network",
        MeetingPlace => "meeting_place",
    }
}

impl EngagementKind {
    /// Network work, to which the contribution rule applies ("Alt nettverksarbeid skal bidra
    /// til et eller flere hovedmål").
    #[must_use]
    pub const fn is_network_work(self) -> bool {
        match self {
            Self::Membership | Self::Partnership | Self::Network | Self::ThematicNetwork | Self::PoliticalNetwork => true,
            Self::BilateralAgreement | Self::TwinTown | Self::EuProject | Self::PreProject | Self::Exchange | Self::MeetingPlace => false,
        }
    }
}

crate::code_enum! {
    /// The life cycle of an engagement.
    pub enum EngagementStatus { Proposed => "proposed", Active => "active", Paused => "paused", Ended => "ended" }
}

crate::code_enum! {
    /// The role an organisation has in an engagement.
    pub enum Role {
        Member => "member",
        Observer => "observer",
        Host => "host",
        Coordinator => "coordinator",
        LeadPartner => "lead_partner",
        Partner => "partner",
        AssociatedPartner => "associated_partner",
        Supporter => "supporter",
        Secretariat => "secretariat",
        Counterpart => "counterpart",
    }
}

/// Raw input for an engagement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EngagementDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub status: String,
    pub start: String,
    pub end: String,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub parent_id: Option<i64>,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub decision_id: Option<i64>,
}

/// A validated engagement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEngagement {
    pub owner_id: i64,
    pub kind: EngagementKind,
    pub title: String,
    pub description: Option<String>,
    pub status: EngagementStatus,
    pub period: Period,
    pub parent_id: Option<i64>,
    pub decision_id: Option<i64>,
}

impl EngagementDraft {
    /// Validates a new engagement, or a change to `engagement_id` whose current contributions
    /// are in `refs.contributions` (their goals in `refs.goals`).
    ///
    /// # Errors
    /// Every missing or malformed field; a parent or decision of another authority; a parent
    /// that would make the engagement its own ancestor; the contribution rule.
    pub fn validate(&self, engagement_id: Option<i64>, refs: &References) -> Result<NewEngagement, ValidationErrors> {
        self.checked(engagement_id, refs, true)
    }

    /// Validates an engagement read from a public data set: every field as for
    /// [`Self::validate`], but not the contribution rule, which is about the authority's own
    /// network work. An imported Covenant membership is evidence from public data, owned by
    /// whoever the data names, and contributes to no plan of ours.
    ///
    /// # Errors
    /// Every missing or malformed field.
    pub fn validate_imported(&self, refs: &References) -> Result<NewEngagement, ValidationErrors> {
        self.checked(None, refs, false)
    }

    fn checked(&self, engagement_id: Option<i64>, refs: &References, rule: bool) -> Result<NewEngagement, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let owner_id = e.check("owner_id", owner(self.owner_id, refs)).unwrap_or_default();
        let title = e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default();
        let kind = e.check("kind", parse_kind(&self.kind)).unwrap_or(EngagementKind::Network);
        let status = e.check("status", parse_status(&self.status)).unwrap_or(EngagementStatus::Proposed);
        if rule && e.for_field("kind").is_none() && e.for_field("status").is_none() {
            let goals = refs.contributions.iter().filter_map(|c| refs.goals.get(&c.goal_id));
            e.check("status", rule::require_main_goal(&title, kind, status, goals));
        }
        let engagement = NewEngagement {
            owner_id,
            kind,
            title,
            description: e.check("description", input::optional_text(&self.description, TEXT_MAX)).flatten(),
            status,
            period: input::period(&mut e, "start", &self.start, "end", &self.end),
            parent_id: e.check("parent_id", parent(self.parent_id, engagement_id, owner_id, refs)).flatten(),
            decision_id: e.check("decision_id", owned_decision(self.decision_id, owner_id, refs)).flatten(),
        };
        e.into_result(|| engagement)
    }
}

/// # Errors
/// `Required` or `UnknownValue`.
pub fn parse_kind(text: &str) -> Result<EngagementKind, Problem> {
    input::code(text, EngagementKind::from_code, EngagementKind::ALL, EngagementKind::code)
}

/// # Errors
/// `Required` or `UnknownValue`.
pub fn parse_status(text: &str) -> Result<EngagementStatus, Problem> {
    input::code(text, EngagementStatus::from_code, EngagementStatus::ALL, EngagementStatus::code)
}

/// # Errors
/// `Required` or `UnknownValue`.
pub fn parse_role(text: &str) -> Result<Role, Problem> {
    input::code(text, Role::from_code, Role::ALL, Role::code)
}

fn parent(parent_id: Option<i64>, engagement_id: Option<i64>, owner_id: i64, refs: &References) -> Result<Option<i64>, Problem> {
    let Some(id) = parent_id else { return Ok(None) };
    let Some(parent) = refs.engagements.get(&id) else { return Err(Problem::UnknownReference) };
    if parent.owner_id != owner_id {
        return Err(Problem::OtherAuthority);
    }
    if engagement_id.is_some_and(|me| refs.engagement_chain_reaches(id, me)) {
        return Err(Problem::Cycle);
    }
    Ok(Some(id))
}

/// Raw input for a participant: an organisation in a role, for a period.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ParticipantDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub organisation_id: Option<i64>,
    pub role: String,
    pub start: String,
    pub end: String,
}

/// A validated participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewParticipant {
    pub organisation_id: i64,
    pub role: Role,
    pub period: Period,
}

impl ParticipantDraft {
    /// Validates against the engagement's other participants (`refs.participants`);
    /// `participant_id` is the one being edited, if any.
    ///
    /// # Errors
    /// An unknown organisation, a bad role or period, or the same organisation already in the
    /// same role.
    pub fn validate(&self, participant_id: Option<i64>, refs: &References) -> Result<NewParticipant, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let organisation_id = e.check("organisation_id", known_organisation(self.organisation_id, refs));
        let role = e.check("role", parse_role(&self.role));
        if let (Some(org), Some(role)) = (organisation_id, role) {
            let duplicate = refs.participants.iter().any(|p| p.organisation_id == org && p.role == role && Some(p.id) != participant_id);
            if duplicate {
                e.add("organisation_id", Problem::Duplicate);
            }
        }
        let participant = NewParticipant {
            organisation_id: organisation_id.unwrap_or_default(),
            role: role.unwrap_or(Role::Member),
            period: input::period(&mut e, "start", &self.start, "end", &self.end),
        };
        e.into_result(|| participant)
    }
}

fn known_organisation(id: Option<i64>, refs: &References) -> Result<i64, Problem> {
    let id = input::required_id(id)?;
    if refs.organisations.contains(&id) { Ok(id) } else { Err(Problem::UnknownReference) }
}

/// Raw input for a contribution: a goal and a sentence on how the engagement serves it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ContributionDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub goal_id: Option<i64>,
    pub how: String,
}

/// A validated contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContribution {
    pub goal_id: i64,
    pub how: String,
}

impl ContributionDraft {
    /// Validates a contribution of an engagement owned by `owner_id`, against its other
    /// contributions (`refs.contributions`); `contribution_id` is the one being edited.
    ///
    /// # Errors
    /// An unknown goal, a goal of another authority's plan, a goal already contributed to, or
    /// a missing explanation.
    pub fn validate(&self, owner_id: i64, contribution_id: Option<i64>, refs: &References) -> Result<NewContribution, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let goal_id = e.check(
            "goal_id",
            input::required_id(self.goal_id).and_then(|id| match refs.goals.get(&id) {
                None => Err(Problem::UnknownReference),
                Some(goal) if goal.owner_id != owner_id => Err(Problem::OtherAuthority),
                Some(_) => Ok(id),
            }),
        );
        if let Some(goal) = goal_id
            && refs.contributions.iter().any(|c| c.goal_id == goal && Some(c.id) != contribution_id)
        {
            e.add("goal_id", Problem::Duplicate);
        }
        let contribution = NewContribution {
            goal_id: goal_id.unwrap_or_default(),
            how: e.check("how", input::required_text(&self.how, TEXT_MAX)).unwrap_or_default(),
        };
        e.into_result(|| contribution)
    }
}
