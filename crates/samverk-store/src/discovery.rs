//! Partner discovery and an organisation's network: the evidence rows behind them.
//!
//! Discovery gathers evidence in a handful of queries whatever the data's size (the authority's
//! own engagements and their participants, its partners' other engagements, projects matching
//! the goal's words, and the candidates' details) and leaves the weighing to
//! `samverk_domain::discovery::rank`. Names are read for the ranked candidate pool only.

use std::collections::{HashMap, HashSet};

use samverk_domain::discovery::{self, Evidence, Named, Proposal};
use samverk_domain::engagement::{EngagementKind, Role};
use samverk_domain::organisation::OrganisationKind;
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::db::{Conn, Sql};
use crate::{Store, StoreError};

/// The engagement kinds whose co-participants are fellow members, as SQL.
/// Must list exactly the kinds `discovery::is_network_kind` accepts (a test checks).
const NETWORK_KINDS_SQL: &str = "('membership', 'network', 'thematic_network', 'political_network', 'meeting_place')";

/// Candidates considered after ranking; the rest of the ranking is cut before details load.
const CANDIDATE_POOL: usize = 400;
/// Projects searched for the goal's words.
const TOPIC_PROJECTS: i64 = 400;

/// What to find partners for.
#[derive(Debug, Clone, Default)]
pub struct PartnerQuery {
    pub authority_id: i64,
    /// Match projects on this goal's words and SDGs.
    pub goal_id: Option<i64>,
    /// Match projects on this SDG's names.
    pub sdg: Option<i64>,
    pub country: Option<String>,
    /// Only organisations the registers place in this region.
    pub region: Option<crate::organisation::Region>,
    pub kind: Option<OrganisationKind>,
    pub limit: usize,
}

/// An organisation as a proposal shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub country: String,
    #[serde(skip)]
    pub valid_to: Option<Date>,
}

/// A ranked proposal with the organisation's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerProposal {
    pub organisation: Candidate,
    #[serde(flatten)]
    pub proposal: Proposal,
}

/// The outcome of a search, with what it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discovery {
    pub authority: Named,
    /// The authority's municipalities, whose partners and twin towns count as evidence.
    pub municipalities: Vec<Named>,
    /// Current partners, left out of the proposals.
    pub partners: usize,
    /// The word stems projects were matched on (empty without a goal or SDG).
    pub topic_words: Vec<String>,
    pub proposals: Vec<PartnerProposal>,
}

#[derive(sqlx::FromRow)]
struct HomeOrg {
    id: i64,
    name: String,
}

/// An engagement one of the home organisations owns or takes part in.
#[derive(sqlx::FromRow)]
struct InvolvementRow {
    engagement_id: i64,
    title: String,
    #[sqlx(try_from = "String")]
    kind: EngagementKind,
    home_id: i64,
}

/// A member of a network the authority is in (named only if it is ranked into the pool).
#[derive(sqlx::FromRow)]
struct MemberRow {
    engagement_id: i64,
    organisation_id: i64,
}

/// A participant of a project, agreement or twinning of the authority or its municipalities.
#[derive(sqlx::FromRow)]
struct TiedRow {
    engagement_id: i64,
    organisation_id: i64,
    name: String,
}

#[derive(sqlx::FromRow)]
struct SharedRow {
    engagement_id: i64,
    title: String,
    partner_id: i64,
    candidate_id: i64,
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    engagement_id: i64,
    title: String,
    search_text: String,
    organisation_id: i64,
}

#[derive(sqlx::FromRow)]
struct AuthorityRow {
    id: i64,
    name: String,
    #[sqlx(try_from = "String")]
    kind: OrganisationKind,
    country: String,
    region_code: Option<String>,
    scb_code: Option<String>,
}

/// The evidence gathered so far and who is left out.
struct Gathered {
    authority: Named,
    home: HashMap<i64, String>,
    partners: HashMap<i64, Named>,
    /// For each partner, an engagement it shares with the authority.
    through: HashMap<i64, Named>,
    evidence: Vec<(i64, Evidence)>,
}

impl Store {
    /// Organisations that are not yet the authority's partners, ranked by the evidence in the
    /// data, each with the evidence behind it.
    ///
    /// # Errors
    /// `NotFound` for an unknown authority or goal; the database error.
    pub async fn find_partners(&self, query: &PartnerQuery) -> Result<Discovery, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut found = gather_own(&mut conn, query.authority_id).await?;
        gather_partners_of_partners(&mut conn, &mut found).await?;
        let words = topic_words(&mut conn, query).await?;
        gather_topic(&mut conn, &words, &mut found).await?;

        let excluded = |id: &i64| *id == found.authority.id || found.home.contains_key(id) || found.partners.contains_key(id);
        let evidence = std::mem::take(&mut found.evidence).into_iter().filter(|(id, _)| !excluded(id));
        let ranked = discovery::rank(evidence, CANDIDATE_POOL);
        let details = candidates(&mut conn, ranked.iter().map(|p| p.organisation_id), query).await?;
        let today = OffsetDateTime::now_utc().date();
        let limit = query.limit.clamp(1, 200);
        let proposals = ranked
            .into_iter()
            .filter_map(|proposal| details.get(&proposal.organisation_id).map(|c| PartnerProposal { organisation: c.clone(), proposal }))
            .filter(|p| p.organisation.valid_to.is_none_or(|end| end >= today))
            .filter(|p| query.kind.is_none_or(|k| p.organisation.kind == k))
            .take(limit)
            .collect();
        let mut municipalities: Vec<Named> =
            found.home.iter().filter(|(id, _)| **id != found.authority.id).map(|(id, name)| Named::new(*id, name.clone())).collect();
        municipalities.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Discovery { authority: found.authority, municipalities, partners: found.partners.len(), topic_words: words, proposals })
    }
}

/// The authority, its municipalities, and the evidence of the engagements they are in.
///
/// Three reads after the authority and its municipalities: which engagements involve them
/// (small), then the participants with their names of the projects, agreements and twinnings
/// among those, and the bare ids of the members of the networks the authority itself is in.
/// Networks in which only its municipalities take part are not read at all (their fellow
/// members are no evidence), and a large network's members (the Covenant of Mayors has some
/// 12,000) are not joined to their names: only the ranked candidate pool is
/// ([`candidates`]).
async fn gather_own(conn: &mut Conn<'_>, authority_id: i64) -> Result<Gathered, StoreError> {
    let authority: AuthorityRow = conn
        .optional(&Sql::new("SELECT id, name, kind, country, region_code, scb_code FROM organisations WHERE id = ?").arg(authority_id))
        .await?
        .ok_or(StoreError::NotFound { entity: "organisation", id: authority_id })?;
    let mut home: HashMap<i64, String> = HashMap::from([(authority.id, authority.name.clone())]);
    if matches!(authority.kind, OrganisationKind::County | OrganisationKind::Region) {
        for m in municipalities_of(conn, &authority).await? {
            home.insert(m.id, m.name);
        }
    }
    let mut sql = Sql::new(
        "SELECT e.id AS engagement_id, e.title, e.kind, i.home_id FROM engagements e JOIN \
         (SELECT engagement_id, organisation_id AS home_id FROM participants WHERE organisation_id IN (",
    );
    sql.bind_list(home.keys().copied()).push(") UNION SELECT id, owner_id FROM engagements WHERE owner_id IN (");
    sql.bind_list(home.keys().copied()).push(")) i ON i.engagement_id = e.id WHERE 1 = 1");
    sql.evidence_scoped("e.");
    let rows: Vec<InvolvementRow> = conn.all(&sql).await?;

    // Each engagement once, with the home organisations it involves.
    let mut engagements: HashMap<i64, (Named, EngagementKind, Vec<i64>)> = HashMap::new();
    for r in rows {
        let entry = engagements.entry(r.engagement_id).or_insert_with(|| (Named::new(r.engagement_id, r.title), r.kind, Vec::new()));
        if !entry.2.contains(&r.home_id) {
            entry.2.push(r.home_id);
        }
    }
    let authority = Named::new(authority.id, authority.name);
    let networks: Vec<i64> = engagements
        .iter()
        .filter(|(_, (_, kind, involved))| discovery::is_network_kind(*kind) && involved.contains(&authority.id))
        .map(|(id, _)| *id)
        .collect();
    let ties: Vec<i64> = engagements.iter().filter(|(_, (_, kind, _))| !discovery::is_network_kind(*kind)).map(|(id, _)| *id).collect();
    let mut found = Gathered { authority, home, partners: HashMap::new(), through: HashMap::new(), evidence: Vec::new() };

    if !networks.is_empty() {
        let mut sql = Sql::new("SELECT engagement_id, organisation_id FROM participants WHERE engagement_id IN (");
        sql.bind_list(networks).push(")");
        let members: Vec<MemberRow> = conn.all(&sql).await?;
        for m in members {
            let Some((network, ..)) = engagements.get(&m.engagement_id) else { continue };
            if !found.home.contains_key(&m.organisation_id) {
                found.evidence.push((m.organisation_id, Evidence::SameNetwork { network: network.clone() }));
            }
        }
    }
    if ties.is_empty() {
        return Ok(found);
    }
    let mut sql = Sql::new(
        "SELECT p.engagement_id, p.organisation_id, o.name FROM participants p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.engagement_id IN (",
    );
    sql.bind_list(ties).push(")");
    let rows: Vec<TiedRow> = conn.all(&sql).await?;
    for r in rows {
        let Some((engagement, kind, involved)) = engagements.get(&r.engagement_id) else { continue };
        if found.home.contains_key(&r.organisation_id) {
            continue;
        }
        let candidate = r.organisation_id;
        for &home_id in involved {
            if home_id == found.authority.id {
                found.partners.insert(candidate, Named::new(candidate, r.name.clone()));
                found.through.entry(candidate).or_insert_with(|| engagement.clone());
            } else {
                let municipality = Named::new(home_id, found.home.get(&home_id).cloned().unwrap_or_default());
                let evidence = if *kind == EngagementKind::TwinTown {
                    Evidence::TwinTown { municipality, engagement: engagement.clone() }
                } else {
                    Evidence::LocalPartner { municipality, engagement: engagement.clone() }
                };
                found.evidence.push((candidate, evidence));
            }
        }
    }
    Ok(found)
}

/// The municipalities of a Norwegian county (kommunenummer starting with the fylkesnummer) or a
/// Swedish region (SCB kommun code starting with the län code).
async fn municipalities_of(conn: &mut Conn<'_>, authority: &AuthorityRow) -> Result<Vec<HomeOrg>, StoreError> {
    let (column, code) = match (&authority.region_code, &authority.scb_code) {
        (Some(code), _) if code.len() == 2 => ("region_code", code),
        (_, Some(code)) if code.len() == 2 => ("scb_code", code),
        _ => return Ok(Vec::new()),
    };
    let mut sql = Sql::new("SELECT id, name FROM organisations WHERE kind = 'municipality' AND country = ");
    sql.bind(authority.country.clone());
    sql.push(if column == "region_code" { " AND region_code LIKE " } else { " AND scb_code LIKE " });
    sql.bind(format!("{code}__"));
    Ok(conn.all(&sql).await?)
}

/// Organisations that work with the authority's partners in projects the authority is not in.
async fn gather_partners_of_partners(conn: &mut Conn<'_>, found: &mut Gathered) -> Result<(), StoreError> {
    if found.partners.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        "SELECT e.id AS engagement_id, e.title, p1.organisation_id AS partner_id, p2.organisation_id AS candidate_id \
         FROM participants p1 JOIN engagements e ON e.id = p1.engagement_id \
         JOIN participants p2 ON p2.engagement_id = p1.engagement_id AND p2.organisation_id <> p1.organisation_id \
         WHERE p1.organisation_id IN (",
    );
    sql.bind_list(found.partners.keys().copied()).push(") AND e.kind NOT IN ").push(NETWORK_KINDS_SQL);
    sql.evidence_scoped("e.");
    let rows: Vec<SharedRow> = conn.all(&sql).await?;
    for r in rows {
        let (Some(partner), Some(through)) = (found.partners.get(&r.partner_id), found.through.get(&r.partner_id)) else { continue };
        if through.id == r.engagement_id {
            continue;
        }
        let evidence =
            Evidence::PartnerOfPartner { partner: partner.clone(), shared: Named::new(r.engagement_id, r.title), through: through.clone() };
        found.evidence.push((r.candidate_id, evidence));
    }
    Ok(())
}

/// The word stems of the goal's title, its SDGs and the chosen SDG.
async fn topic_words(conn: &mut Conn<'_>, query: &PartnerQuery) -> Result<Vec<String>, StoreError> {
    let mut texts: Vec<String> = Vec::new();
    let mut sdgs: Vec<i64> = query.sdg.into_iter().collect();
    if let Some(goal_id) = query.goal_id {
        let title: Option<String> = conn
            .scalars::<Option<String>>(&Sql::new("SELECT title FROM goals WHERE id = ?").arg(goal_id))
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound { entity: "goal", id: goal_id })?;
        texts.extend(title);
        sdgs.extend(conn.scalars::<i64>(&Sql::new("SELECT DISTINCT sdg_goal FROM goal_sdgs WHERE goal_id = ?").arg(goal_id)).await?);
    }
    if !sdgs.is_empty() {
        let mut sql = Sql::new("SELECT short_en || ' ' || short_nb || ' ' || short_sv FROM sdg_goals WHERE number IN (");
        sql.bind_list(sdgs).push(")");
        texts.extend(conn.scalars::<String>(&sql).await?);
    }
    Ok(discovery::topic_words(texts.iter().map(String::as_str)))
}

/// Participants of projects whose text matches the topic words.
async fn gather_topic(conn: &mut Conn<'_>, words: &[String], found: &mut Gathered) -> Result<(), StoreError> {
    if words.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        "SELECT e.id AS engagement_id, e.title, e.search_text, p.organisation_id FROM engagements e \
         JOIN participants p ON p.engagement_id = e.id WHERE e.id IN (SELECT id FROM engagements WHERE kind NOT IN ",
    );
    sql.push(NETWORK_KINDS_SQL).push(" AND (");
    for (n, word) in words.iter().enumerate() {
        sql.push(if n == 0 { "search_text LIKE " } else { " OR search_text LIKE " });
        sql.bind(format!("%{word}%"));
    }
    sql.push(")").evidence_scoped("").push(" ORDER BY id DESC LIMIT ").bind(TOPIC_PROJECTS).push(")");
    let rows: Vec<TopicRow> = conn.all(&sql).await?;
    for r in rows {
        let matched = discovery::matching_words(words, &r.search_text);
        if matched.is_empty() {
            continue;
        }
        found.evidence.push((r.organisation_id, Evidence::TopicMatch { engagement: Named::new(r.engagement_id, r.title), words: matched }));
    }
    Ok(())
}

/// The details of the ranked organisations in the query's country and region (the others are
/// left out, so they are not proposed).
async fn candidates(
    conn: &mut Conn<'_>,
    ids: impl Iterator<Item = i64>,
    query: &PartnerQuery,
) -> Result<HashMap<i64, Candidate>, StoreError> {
    let mut sql = Sql::new("SELECT id, name, kind, country, valid_to FROM organisations WHERE id IN (");
    sql.bind_list(ids).push(")");
    let country = query.country.as_ref().map(|c| c.to_ascii_uppercase());
    crate::organisation::push_place(&mut sql, country.as_deref(), query.region.as_ref());
    let rows: Vec<Candidate> = conn.all(&sql).await?;
    Ok(rows.into_iter().map(|c| (c.id, c)).collect())
}

/// One organisation an organisation works with, and in what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkPartner {
    pub organisation: Named,
    pub kind: OrganisationKind,
    pub country: String,
    pub shared: Vec<SharedEngagement>,
}

/// An engagement two organisations share, with the partner's role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedEngagement {
    pub engagement: Named,
    pub kind: EngagementKind,
    pub role: Role,
}

/// A network the organisation belongs to, by its size rather than every member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Membership {
    pub engagement_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: EngagementKind,
    pub members: i64,
}

/// An organisation's network: who it shares engagements with and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationNetwork {
    pub organisation: Named,
    /// Partners in projects, agreements, partnerships, exchanges and twinnings, most shared first.
    pub partners: Vec<NetworkPartner>,
    pub networks: Vec<Membership>,
}

#[derive(sqlx::FromRow)]
struct NetworkRow {
    id: i64,
    name: String,
    #[sqlx(try_from = "String")]
    kind: OrganisationKind,
    country: String,
    engagement_id: i64,
    title: String,
    #[sqlx(try_from = "String")]
    engagement_kind: EngagementKind,
    #[sqlx(try_from = "String")]
    role: Role,
}

impl Store {
    /// The organisations `id` shares engagements with (owned or taken part in), and how.
    ///
    /// # Errors
    /// `NotFound` for an unknown organisation; the database error.
    pub async fn organisation_network(&self, id: i64) -> Result<OrganisationNetwork, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let name = conn
            .scalars::<String>(&Sql::new("SELECT name FROM organisations WHERE id = ?").arg(id))
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound { entity: "organisation", id })?;
        let mine = "SELECT engagement_id FROM participants WHERE organisation_id = ? UNION SELECT id FROM engagements WHERE owner_id = ?";
        let mut sql = Sql::new(
            "SELECT o.id, o.name, o.kind, o.country, e.id AS engagement_id, e.title, e.kind AS engagement_kind, p.role \
             FROM engagements e JOIN participants p ON p.engagement_id = e.id JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.organisation_id <> ",
        );
        sql.bind(id).push(" AND e.kind NOT IN ").push(NETWORK_KINDS_SQL).push(" AND e.id IN (").push(mine).push(")");
        // `mine` takes its two values before the scope adds its own.
        let mut sql = sql.arg(id).arg(id);
        sql.scoped("e.owner_id").push(" ORDER BY o.name, o.id, e.title");
        let rows: Vec<NetworkRow> = conn.all(&sql).await?;
        let mut networks_sql = Sql::new(
            "SELECT e.id AS engagement_id, e.title, e.kind, (SELECT COUNT(*) FROM participants m WHERE m.engagement_id = e.id) AS members \
             FROM engagements e WHERE e.kind IN ",
        );
        networks_sql.push(NETWORK_KINDS_SQL).push(" AND e.id IN (").push(mine).push(")");
        let mut networks_sql = networks_sql.arg(id).arg(id);
        networks_sql.scoped("e.owner_id").push(" ORDER BY e.title");
        let networks = conn.all(&networks_sql).await?;
        Ok(OrganisationNetwork { organisation: Named::new(id, name), partners: group_partners(rows), networks })
    }
}

fn group_partners(rows: Vec<NetworkRow>) -> Vec<NetworkPartner> {
    let mut partners: Vec<NetworkPartner> = Vec::new();
    let mut seen: HashSet<(i64, i64, Role)> = HashSet::new();
    for r in rows {
        if !seen.insert((r.id, r.engagement_id, r.role)) {
            continue;
        }
        let shared = SharedEngagement { engagement: Named::new(r.engagement_id, r.title), kind: r.engagement_kind, role: r.role };
        match partners.last_mut() {
            Some(last) if last.organisation.id == r.id => last.shared.push(shared),
            _ => partners.push(NetworkPartner {
                organisation: Named::new(r.id, r.name),
                kind: r.kind,
                country: r.country,
                shared: vec![shared],
            }),
        }
    }
    partners.sort_by(|a, b| b.shared.len().cmp(&a.shared.len()).then_with(|| a.organisation.name.cmp(&b.organisation.name)));
    partners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sql_list_of_network_kinds_matches_the_domain_rule() {
        for kind in EngagementKind::ALL {
            let listed = NETWORK_KINDS_SQL.contains(&format!("'{}'", kind.code()));
            assert_eq!(listed, discovery::is_network_kind(*kind), "{kind:?}");
        }
    }
}
