//! `/api/v1/organisations/{id}/partner-proposals` and `/network`: partner discovery and an
//! organisation's network, with the same evidence the pages show.

use axum::Json;
use axum::extract::State;
use samverk_domain::ValidationErrors;
use samverk_domain::discovery::{Evidence, Named};
use samverk_domain::engagement::{EngagementKind, Role};
use samverk_domain::organisation::{OrganisationKind, country_code, parse_kind};
use samverk_store::discovery::{PartnerProposal, PartnerQuery};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiPath, ApiQuery};
use super::{ApiError, Link, PROBLEM, Problem, list, schema};
use crate::AppState;
use crate::i18n::I18n;

/// Partners proposed for an authority.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerProposals {
    pub authority: Link,
    /// How many current partners the proposals leave out.
    pub partners: usize,
    /// The authority's municipalities, whose partners and twin towns count as evidence.
    pub municipalities: Vec<Link>,
    /// Word stems the projects were matched on (empty without a goal or SDG).
    pub topic_words: Vec<String>,
    pub proposals: Vec<Proposal>,
}

/// One proposed organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = schema::organisation_kind)]
    pub kind: OrganisationKind,
    pub country: String,
    /// Higher is stronger; only the order matters.
    pub score: u32,
    /// The strongest reasons, at most five.
    pub evidence: Vec<ProposalEvidence>,
    /// How many reasons were found in all.
    pub evidence_total: usize,
}

/// A reason for a proposal: a sentence in the request's language and the records it names.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalEvidence {
    /// `twin_town`, `partner_of_partner`, `topic_match`, `local_partner` or `same_network`.
    pub kind: &'static str,
    pub text: String,
    pub organisations: Vec<Link>,
    pub engagements: Vec<Link>,
}

fn link(n: &Named) -> Link {
    Link { id: n.id, title: n.name.clone() }
}

fn evidence(i: &I18n, e: &Evidence) -> ProposalEvidence {
    let (organisations, engagements) = match e {
        Evidence::PartnerOfPartner { partner, shared, through } => (vec![link(partner)], vec![link(shared), link(through)]),
        Evidence::TwinTown { municipality, engagement } | Evidence::LocalPartner { municipality, engagement } => {
            (vec![link(municipality)], vec![link(engagement)])
        }
        Evidence::SameNetwork { network } => (vec![], vec![link(network)]),
        Evidence::TopicMatch { engagement, .. } => (vec![], vec![link(engagement)]),
    };
    let text = crate::pages::evidence_sentence(i, e, &|_, n| n.name.clone(), &str::to_owned);
    ProposalEvidence { kind: e.kind().code(), text, organisations, engagements }
}

fn proposal(i: &I18n, p: PartnerProposal) -> Proposal {
    Proposal {
        organisation_id: p.organisation.id,
        name: p.organisation.name,
        kind: p.organisation.kind,
        country: p.organisation.country,
        score: p.proposal.score,
        evidence: p.proposal.evidence.iter().map(|e| evidence(i, e)).collect(),
        evidence_total: p.proposal.evidence_total,
    }
}

/// What to find partners for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnerParams {
    /// Match projects on this goal's words and SDGs.
    #[param(value_type = Option<i64>)]
    goal: Option<String>,
    /// Match projects on this Sustainable Development Goal (1–17).
    #[param(value_type = Option<i64>)]
    sdg: Option<String>,
    /// Only organisations of this kind, e.g. `university`.
    kind: Option<String>,
    /// Only organisations in this country (ISO 3166-1 alpha-2).
    country: Option<String>,
    /// 1 to 200; 25 when absent.
    #[param(value_type = Option<u32>)]
    limit: Option<String>,
}

impl PartnerParams {
    fn query(self, authority_id: i64) -> Result<PartnerQuery, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let goal_id = list::id(&mut e, "goal", self.goal.as_deref());
        let sdg = list::bounded(&mut e, "sdg", self.sdg.as_deref(), (1, 17), "a Sustainable Development Goal from 1 to 17").map(i64::from);
        let limit = list::bounded(&mut e, "limit", self.limit.as_deref(), (1, 200), "a number of proposals from 1 to 200")
            .map_or(25, |n| usize::try_from(n).unwrap_or(25));
        let kind = list::code(&mut e, "kind", self.kind.as_deref(), parse_kind);
        let country = list::code(&mut e, "country", self.country.as_deref(), country_code);
        e.into_result(|| PartnerQuery { authority_id, goal_id, sdg, country, region: None, kind, limit })
    }
}

/// Organisations to propose as partners, with the evidence for each.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/partner-proposals", tag = "organisations",
    params(("id" = i64, Path, description = "The authority's id"), PartnerParams), responses(
    (status = 200, description = "Proposals, strongest first", body = PartnerProposals),
    (status = 404, description = "No organisation or goal has this id", body = Problem, content_type = PROBLEM),
    (status = 422, description = "A parameter is not valid; `errors` names it", body = Problem, content_type = PROBLEM),
))]
pub async fn partner_proposals(
    State(state): State<AppState>,
    i: I18n,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(params): ApiQuery<PartnerParams>,
) -> Result<Json<PartnerProposals>, ApiError> {
    let found = state.store.find_partners(&params.query(id)?).await?;
    Ok(Json(PartnerProposals {
        authority: link(&found.authority),
        partners: found.partners,
        municipalities: found.municipalities.iter().map(link).collect(),
        topic_words: found.topic_words,
        proposals: found.proposals.into_iter().map(|p| proposal(&i, p)).collect(),
    }))
}

/// An organisation's network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Network {
    pub organisation: Link,
    /// Partners in projects, agreements, partnerships, exchanges and twinnings, most shared first.
    pub partners: Vec<NetworkPartner>,
    /// Networks and memberships, with their size.
    pub networks: Vec<NetworkMembership>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkPartner {
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = schema::organisation_kind)]
    pub kind: OrganisationKind,
    pub country: String,
    pub shared: Vec<SharedEngagement>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedEngagement {
    pub engagement_id: i64,
    pub title: String,
    #[schema(schema_with = schema::engagement_kind)]
    pub kind: EngagementKind,
    /// The partner's role in it.
    #[schema(schema_with = schema::role)]
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkMembership {
    pub engagement_id: i64,
    pub title: String,
    #[schema(schema_with = schema::engagement_kind)]
    pub kind: EngagementKind,
    pub members: i64,
}

/// Who an organisation shares engagements with, and how.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/network", tag = "organisations",
    params(("id" = i64, Path, description = "Organisation id")), responses(
    (status = 200, description = "Its partners and networks", body = Network),
    (status = 404, description = "No organisation has this id", body = Problem, content_type = PROBLEM),
))]
pub async fn network(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Json<Network>, ApiError> {
    let n = state.store.organisation_network(id).await?;
    Ok(Json(Network {
        organisation: link(&n.organisation),
        partners: n
            .partners
            .into_iter()
            .map(|p| NetworkPartner {
                organisation_id: p.organisation.id,
                name: p.organisation.name,
                kind: p.kind,
                country: p.country,
                shared: p
                    .shared
                    .into_iter()
                    .map(|s| SharedEngagement { engagement_id: s.engagement.id, title: s.engagement.name, kind: s.kind, role: s.role })
                    .collect(),
            })
            .collect(),
        networks: n
            .networks
            .into_iter()
            .map(|m| NetworkMembership { engagement_id: m.engagement_id, title: m.title, kind: m.kind, members: m.members })
            .collect(),
    }))
}
