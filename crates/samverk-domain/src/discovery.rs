//! Partner discovery: ranking organisations that are not yet an authority's partners by the
//! evidence the data holds, and keeping that evidence so every proposal can say why.
//!
//! The store gathers evidence rows; this module only weighs them, so the ranking is the same on
//! both engines and can be tested without a database.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::engagement::EngagementKind;
use crate::text;

/// A record named in a piece of evidence, for a link and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

impl Named {
    #[must_use]
    pub fn new(id: i64, name: impl Into<String>) -> Self {
        Self { id, name: name.into() }
    }
}

/// Why an organisation is proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// Took part in `shared` with `partner`, who is the authority's partner in `through`.
    PartnerOfPartner { partner: Named, shared: Named, through: Named },
    /// Is a twin town of one of the authority's municipalities.
    TwinTown { municipality: Named, engagement: Named },
    /// Works with one of the authority's municipalities in `engagement`.
    LocalPartner { municipality: Named, engagement: Named },
    /// Is a member of a network the authority is in too.
    SameNetwork { network: Named },
    /// Took part in a project whose text matches words of the goal or its SDGs.
    TopicMatch { engagement: Named, words: Vec<String> },
}

crate::code_enum! {
    /// The kinds of evidence, strongest first.
    pub enum EvidenceKind {
        TwinTown => "twin_town",
        PartnerOfPartner => "partner_of_partner",
        TopicMatch => "topic_match",
        LocalPartner => "local_partner",
        SameNetwork => "same_network",
    }
}

impl EvidenceKind {
    /// Points for the first piece of evidence of this kind. A twin town already has a working
    /// relation with the authority's area; sharing a network is the weakest tie, since networks
    /// like the Covenant of Mayors have thousands of members.
    #[must_use]
    pub const fn weight(self) -> u32 {
        match self {
            Self::TwinTown => 400,
            Self::PartnerOfPartner => 300,
            Self::TopicMatch => 250,
            Self::LocalPartner => 200,
            Self::SameNetwork => 100,
        }
    }
}

impl Evidence {
    #[must_use]
    pub const fn kind(&self) -> EvidenceKind {
        match self {
            Self::PartnerOfPartner { .. } => EvidenceKind::PartnerOfPartner,
            Self::TwinTown { .. } => EvidenceKind::TwinTown,
            Self::LocalPartner { .. } => EvidenceKind::LocalPartner,
            Self::SameNetwork { .. } => EvidenceKind::SameNetwork,
            Self::TopicMatch { .. } => EvidenceKind::TopicMatch,
        }
    }
}

/// An organisation proposed as a partner, with its score and the evidence shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub organisation_id: i64,
    pub score: u32,
    /// The strongest pieces of evidence, at most [`EVIDENCE_SHOWN`].
    pub evidence: Vec<Evidence>,
    /// How many pieces of evidence were found in all.
    pub evidence_total: usize,
}

/// How many pieces of evidence a proposal shows; the rest are counted.
pub const EVIDENCE_SHOWN: usize = 5;

/// Engagement kinds whose co-participants are fellow network members rather than partners.
#[must_use]
pub const fn is_network_kind(kind: EngagementKind) -> bool {
    matches!(
        kind,
        EngagementKind::Membership
            | EngagementKind::Network
            | EngagementKind::ThematicNetwork
            | EngagementKind::PoliticalNetwork
            | EngagementKind::MeetingPlace
    )
}

/// Ranks candidates by their evidence. Each further piece of evidence of the same kind counts
/// half as much as the one before, so fifty shared networks do not outweigh one twin town, and
/// ties go to the candidate with more kinds of evidence, then the lower id (stable order).
#[must_use]
pub fn rank(found: impl IntoIterator<Item = (i64, Evidence)>, limit: usize) -> Vec<Proposal> {
    let mut by_candidate: HashMap<i64, Vec<Evidence>> = HashMap::new();
    for (candidate, evidence) in found {
        let pieces = by_candidate.entry(candidate).or_default();
        if !pieces.contains(&evidence) {
            pieces.push(evidence);
        }
    }
    let mut proposals: Vec<(usize, Proposal)> = by_candidate
        .into_iter()
        .map(|(organisation_id, mut evidence)| {
            evidence.sort_by_key(|e| (e.kind(), sort_name(e)));
            let kinds: BTreeSet<EvidenceKind> = evidence.iter().map(Evidence::kind).collect();
            let score = kinds.iter().map(|&k| diminishing(k.weight(), evidence.iter().filter(|e| e.kind() == k).count())).sum();
            let evidence_total = evidence.len();
            evidence.truncate(EVIDENCE_SHOWN);
            (kinds.len(), Proposal { organisation_id, score, evidence, evidence_total })
        })
        .collect();
    proposals.sort_by(|(ka, a), (kb, b)| b.score.cmp(&a.score).then(kb.cmp(ka)).then(a.organisation_id.cmp(&b.organisation_id)));
    proposals.into_iter().take(limit).map(|(_, p)| p).collect()
}

/// `weight + weight/2 + weight/4 + …` for `count` pieces.
fn diminishing(weight: u32, count: usize) -> u32 {
    (0..count.min(16)).map(|n| weight >> n).sum()
}

fn sort_name(e: &Evidence) -> String {
    match e {
        Evidence::PartnerOfPartner { shared, .. } => shared.name.clone(),
        Evidence::TwinTown { municipality, .. } | Evidence::LocalPartner { municipality, .. } => municipality.name.clone(),
        Evidence::SameNetwork { network } => network.name.clone(),
        Evidence::TopicMatch { engagement, .. } => engagement.name.clone(),
    }
}

/// Words too common to say anything about a topic, folded, in Norwegian, Swedish and English.
const STOPWORDS: &[&str] = &[
    "alle",
    "andre",
    "annet",
    "arbeid",
    "bidra",
    "blant",
    "denne",
    "dette",
    "disse",
    "eller",
    "etter",
    "flere",
    "fylket",
    "gjennom",
    "hele",
    "inom",
    "innen",
    "kommer",
    "mellom",
    "mycket",
    "regionen",
    "samt",
    "sikre",
    "skal",
    "skall",
    "slik",
    "starkare",
    "sterkere",
    "under",
    "utan",
    "uten",
    "vilka",
    "andra",
    "about",
    "across",
    "after",
    "among",
    "their",
    "there",
    "these",
    "those",
    "through",
    "towards",
    "where",
    "which",
    "while",
    "within",
    "without",
    "including",
    "ensure",
    "promote",
    "sustainable",
];

/// The shortest word worth matching; shorter ones match too much inside other words.
const MIN_WORD: usize = 5;
/// Words are matched by their first letters, a cheap stand-in for stemming
/// ("bærekraftig" and "bærekraft", "innovation" and "innovative").
const STEM_LEN: usize = 8;
/// At most this many words are searched for.
pub const MAX_WORDS: usize = 12;

/// The folded word stems of a goal's title and its SDG names that a project's text is matched on.
#[must_use]
pub fn topic_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for t in texts {
        for word in text::fold(t).split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < MIN_WORD || word.chars().all(|c| c.is_ascii_digit()) || STOPWORDS.contains(&word) {
                continue;
            }
            let stem: String = word.chars().take(STEM_LEN).collect();
            if !words.contains(&stem) {
                words.push(stem);
            }
        }
    }
    words.truncate(MAX_WORDS);
    words
}

/// The topic words found in a folded search text.
#[must_use]
pub fn matching_words(words: &[String], search_text: &str) -> Vec<String> {
    words.iter().filter(|w| search_text.contains(w.as_str())).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(id: i64) -> Evidence {
        Evidence::SameNetwork { network: Named::new(id, format!("Network {id}")) }
    }

    fn twin(m: i64) -> Evidence {
        Evidence::TwinTown { municipality: Named::new(m, "Skien"), engagement: Named::new(90, "Skien–Bad Goisern") }
    }

    #[test]
    fn one_twin_town_outranks_many_shared_networks() {
        let mut found: Vec<(i64, Evidence)> = (1..=20).map(|n| (7, net(n))).collect();
        found.push((8, twin(1)));
        let ranked = rank(found, 10);
        assert_eq!(ranked.iter().map(|p| p.organisation_id).collect::<Vec<_>>(), vec![8, 7]);
        assert_eq!(ranked[0].score, 400);
        assert_eq!(ranked[1].score, 197, "100 + 50 + 25 + 12 + 6 + 3 + 1");
        assert_eq!(ranked[1].evidence.len(), EVIDENCE_SHOWN);
        assert_eq!(ranked[1].evidence_total, 20);
    }

    #[test]
    fn the_same_evidence_twice_counts_once_and_ties_go_to_more_kinds_then_lower_id() {
        let ranked = rank(vec![(5, net(1)), (5, net(1)), (3, net(2)), (9, net(3))], 10);
        assert_eq!(ranked.iter().map(|p| (p.organisation_id, p.score)).collect::<Vec<_>>(), vec![(3, 100), (5, 100), (9, 100)]);
        let partner = Evidence::PartnerOfPartner { partner: Named::new(1, "a"), shared: Named::new(2, "b"), through: Named::new(3, "c") };
        let mixed = rank(vec![(2, twin(1)), (4, partner), (4, net(1))], 2);
        assert_eq!(mixed.iter().map(|p| (p.organisation_id, p.score)).collect::<Vec<_>>(), vec![(4, 400), (2, 400)]);
    }

    #[test]
    fn evidence_is_shown_strongest_kind_first() {
        let ranked = rank(vec![(1, net(1)), (1, twin(2))], 10);
        assert_eq!(ranked[0].evidence[0].kind(), EvidenceKind::TwinTown);
        assert_eq!(ranked[0].score, 500);
    }

    #[test]
    fn topic_words_fold_stem_and_drop_common_words() {
        let words = topic_words(["Et bærekraftig og innovativt næringsliv i hele fylket", "Climate action"]);
        assert_eq!(words, vec!["baerekra", "innovati", "naerings", "climate", "action"]);
        assert_eq!(matching_words(&words, "baerekraft i naeringslivet"), vec!["baerekra", "naerings"]);
    }

    #[test]
    fn network_kinds_are_the_ones_with_members() {
        assert!(is_network_kind(EngagementKind::Membership));
        assert!(!is_network_kind(EngagementKind::EuProject));
        assert!(!is_network_kind(EngagementKind::TwinTown));
    }
}
