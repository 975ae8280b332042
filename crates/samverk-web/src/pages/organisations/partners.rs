//! "Find partners" for an authority, and an organisation's network: who it works with and in what.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use fluent_templates::fluent_bundle::FluentValue;
use samverk_domain::discovery::{Evidence, Named};
use samverk_domain::organisation::OrganisationKind;
use samverk_store::discovery::{Discovery, Membership, NetworkPartner, PartnerQuery};
use serde::Deserialize;

use super::path_id;
use crate::i18n::I18n;
use crate::pages::escape;
use crate::pages::form::{self, Choice};
use crate::pages::places::{self, RegionCode};
use crate::{AppError, AppState};

/// Proposals shown on the page.
const SHOWN: usize = 25;

/// The search form's query string; text fields, so a hand-edited URL shows the form again.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct PartnerForm {
    goal: String,
    sdg: String,
    country: String,
    region: String,
    kind: String,
}

impl PartnerForm {
    /// The query for an authority; an unreadable value is treated as not given.
    pub(crate) fn query(&self, authority_id: i64, limit: usize) -> PartnerQuery {
        PartnerQuery {
            authority_id,
            goal_id: self.goal.trim().parse().ok(),
            sdg: self.sdg.trim().parse().ok().filter(|n| (1..=17).contains(n)),
            country: Some(self.country.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()),
            region: RegionCode::parse(&self.region).map(|r| r.region()),
            kind: OrganisationKind::from_code(self.kind.trim()),
            limit,
        }
    }
}

/// A proposal as the page shows it: evidence sentences are HTML with links, built from
/// escaped names.
struct ProposalView {
    id: i64,
    name: String,
    meta: String,
    score: i64,
    evidence: Vec<String>,
    more: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/partners.html")]
pub(crate) struct PartnersPage {
    i: I18n,
    id: i64,
    name: String,
    goals: Vec<Choice>,
    sdgs: Vec<Choice>,
    kinds: Vec<Choice>,
    countries: Vec<Choice>,
    regions: Vec<Choice>,
    basis: String,
    words: String,
    proposals: Vec<ProposalView>,
}

pub(crate) async fn partners(
    State(state): State<AppState>,
    i: I18n,
    Path(id): Path<String>,
    Query(form): Query<PartnerForm>,
) -> Result<PartnersPage, AppError> {
    let id = path_id(&id)?;
    let query = form.query(id, SHOWN);
    let found = match state.store.find_partners(&query).await {
        // A goal id from another authority or a deleted goal: search without it.
        Err(samverk_store::StoreError::NotFound { entity: "goal", .. }) => {
            state.store.find_partners(&PartnerQuery { goal_id: None, ..query.clone() }).await?
        }
        other => other?,
    };
    let goals = state.store.goals_of_owner(id).await?;
    let mut goal_choices = vec![Choice::blank(i.t("any"), query.goal_id.is_none())];
    goal_choices.extend(goals.iter().map(|(plan, g)| {
        let title = g.title.clone().unwrap_or_else(|| i.t("partners-unworded-goal"));
        Choice::new(g.id, format!("{plan}: {title}"), Some(g.id) == query.goal_id)
    }));
    let mut sdg_choices = vec![Choice::blank(i.t("any"), query.sdg.is_none())];
    sdg_choices.extend(
        state
            .store
            .sdg_goals()
            .await?
            .into_iter()
            .map(|g| Choice::new(g.number, format!("{} {}", g.number, g.short_en), Some(g.number) == query.sdg)),
    );
    let mut kinds = vec![Choice::blank(i.t("any"), query.kind.is_none())];
    kinds.extend(form::codes(
        OrganisationKind::ALL,
        OrganisationKind::code,
        |k| i.organisation_kind(k),
        query.kind.map_or("", OrganisationKind::code),
    ));
    let countries = places::country_choices(&i, &state.store, &form.country, i.t("any")).await?;
    let regions = places::region_choices(&i, &state.store, RegionCode::parse(&form.region).as_ref(), i.t("any")).await?;
    Ok(PartnersPage {
        countries,
        regions,
        basis: basis(&i, &found),
        words: found.topic_words.join(", "),
        proposals: found.proposals.iter().map(|p| proposal_view(&i, p)).collect(),
        i,
        id,
        name: found.authority.name.clone(),
        goals: goal_choices,
        sdgs: sdg_choices,
        kinds,
    })
}

/// "Based on 12 partners and 17 municipalities."
fn basis(i: &I18n, found: &Discovery) -> String {
    i.ta(
        "partners-basis",
        &[
            ("partners", FluentValue::from(i64::try_from(found.partners).unwrap_or(i64::MAX))),
            ("municipalities", FluentValue::from(i64::try_from(found.municipalities.len()).unwrap_or(i64::MAX))),
        ],
    )
}

fn proposal_view(i: &I18n, p: &samverk_store::discovery::PartnerProposal) -> ProposalView {
    let shown = p.proposal.evidence.len();
    let more = p.proposal.evidence_total.saturating_sub(shown);
    ProposalView {
        id: p.organisation.id,
        name: p.organisation.name.clone(),
        meta: format!("{} · {}", i.organisation_kind(&p.organisation.kind), p.organisation.country),
        score: i64::from(p.proposal.score),
        evidence: p.proposal.evidence.iter().map(|e| sentence(i, e)).collect(),
        more: (more > 0).then(|| i.tn("partners-more-evidence", "count", i64::try_from(more).unwrap_or(i64::MAX))),
    }
}

/// One piece of evidence as a sentence with links.
fn sentence(i: &I18n, evidence: &Evidence) -> String {
    // Rendered unescaped, as it holds links: every name in it is escaped here.
    evidence_sentence(i, evidence, &|path, n| format!("<a href=\"/{path}/{}\">{}</a>", n.id, escape(&n.name)), &escape)
}

/// One piece of evidence as a sentence; `name` renders a named record under a path
/// (`organisations` or `engagements`), `text` renders plain words.
pub(crate) fn evidence_sentence(
    i: &I18n,
    evidence: &Evidence,
    name: &dyn Fn(&'static str, &Named) -> String,
    text: &dyn Fn(&str) -> String,
) -> String {
    let org = |n: &Named| FluentValue::from(name("organisations", n));
    let eng = |n: &Named| FluentValue::from(name("engagements", n));
    match evidence {
        Evidence::PartnerOfPartner { partner, shared, through } => {
            i.ta("partners-evidence-partner-of-partner", &[("partner", org(partner)), ("shared", eng(shared)), ("through", eng(through))])
        }
        Evidence::TwinTown { municipality, engagement } => {
            i.ta("partners-evidence-twin-town", &[("municipality", org(municipality)), ("engagement", eng(engagement))])
        }
        Evidence::LocalPartner { municipality, engagement } => {
            i.ta("partners-evidence-local-partner", &[("municipality", org(municipality)), ("engagement", eng(engagement))])
        }
        Evidence::SameNetwork { network } => i.ta("partners-evidence-same-network", &[("network", eng(network))]),
        Evidence::TopicMatch { engagement, words } => {
            i.ta("partners-evidence-topic", &[("engagement", eng(engagement)), ("words", FluentValue::from(text(&words.join(", "))))])
        }
    }
}

struct PartnerView {
    id: i64,
    name: String,
    meta: String,
    shared: Vec<(i64, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/network.html")]
pub(crate) struct NetworkPage {
    i: I18n,
    id: i64,
    name: String,
    partners: Vec<PartnerView>,
    networks: Vec<(Membership, String)>,
}

pub(crate) async fn network(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<NetworkPage, AppError> {
    let network = state.store.organisation_network(path_id(&id)?).await?;
    let partners = network
        .partners
        .iter()
        .map(|p: &NetworkPartner| PartnerView {
            id: p.organisation.id,
            name: p.organisation.name.clone(),
            meta: format!("{} · {}", i.organisation_kind(&p.kind), p.country),
            shared: p
                .shared
                .iter()
                .map(|s| (s.engagement.id, s.engagement.name.clone(), format!("{}, {}", i.engagement_kind(&s.kind), i.role(&s.role))))
                .collect(),
        })
        .collect();
    let networks = network.networks.into_iter().map(|m| {
        let label = format!("{} · {}", i.engagement_kind(&m.kind), i.tn("partners-members", "count", m.members));
        (m, label)
    });
    Ok(NetworkPage { id: network.organisation.id, name: network.organisation.name, partners, networks: networks.collect(), i })
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn names_are_escaped_before_they_go_into_a_link() {
        assert_eq!(escape("<script>\"a\" & 'b'"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;");
    }
}
