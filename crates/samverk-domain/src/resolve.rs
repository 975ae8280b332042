//! Entity resolution rules: the same body is spelled many ways ("VESTFOLD OG TELEMARK
//! FYLKESKOMMUNE", "Lidköpings Kommun", "County council of Norrbotten"). These functions turn a
//! spelling into the keys it can be known by and score a candidate; they do no I/O, so the
//! importers and the tests share one definition.

use crate::organisation::OrganisationKind;
use crate::text::fold;

/// What kind of body a spelling names, as far as its words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindHint {
    /// fylkeskommune, county council, region, landsting, län.
    Regional,
    /// kommune, kommun, municipality, city of.
    Local,
}

impl KindHint {
    /// Whether an organisation of `kind` fits the hint.
    #[must_use]
    pub const fn fits(self, kind: OrganisationKind) -> bool {
        match self {
            // Abroad the register does not tell a region from a town ("Aberdeen City",
            // "Panama City" are foreign regions): without this, such a body created by one import
            // would not be found by the next, and would be created again.
            Self::Regional => matches!(kind, OrganisationKind::County | OrganisationKind::Region | OrganisationKind::ForeignRegion),
            Self::Local => matches!(kind, OrganisationKind::Municipality | OrganisationKind::ForeignRegion),
        }
    }
}

/// A spelling reduced to what identifies the body: the name's core and what kind it says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// Keys to look up, best first (the core; then without a Swedish genitive -s).
    pub keys: Vec<String>,
    pub hint: Option<KindHint>,
}

/// Words (folded) that say "regional authority" and carry no name.
const REGIONAL: &[&str] =
    &["fylkeskommune", "fylkeskommun", "fylke", "county", "landsting", "landstinget", "lans", "lan", "region", "regionen"];
/// Words (folded) that say "municipality" and carry no name.
const LOCAL: &[&str] = &["kommune", "kommun", "kommunen", "municipality", "city", "town", "stad", "gielda", "suohkan"];
/// Words without meaning for identity.
const FILLER: &[&str] = &["of", "the", "as", "ab", "asa", "council"];

/// Folds a spelling, spells "aa" as "a" (Aalesund, Ålesund), and splits it into words.
fn words(raw: &str) -> Vec<String> {
    let folded = fold(raw).replace("aa", "a");
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Reduces a spelling to its lookup keys and kind hint.
#[must_use]
pub fn name_key(raw: &str) -> NameKey {
    let mut hint = None;
    let mut core = Vec::new();
    let mut all = words(raw);
    // "Park och naturförvaltningen Göteborgs stad": the body is named after the unit's word.
    if let Some(unit) = all.iter().rposition(|w| is_department(w))
        && unit + 1 < all.len()
    {
        all.drain(..=unit);
    }
    for w in all {
        if REGIONAL.contains(&w.as_str()) {
            hint = Some(KindHint::Regional);
        } else if LOCAL.contains(&w.as_str()) {
            hint = hint.or(Some(KindHint::Local));
        } else if !FILLER.contains(&w.as_str()) && !is_department(&w) {
            // "Västra Götalandsregionen", "Stockholmsregionen": the word carries the kind.
            if let Some(stem) = w.strip_suffix("regionen").filter(|s| s.len() > 2) {
                hint = Some(KindHint::Regional);
                core.push(stem.to_owned());
            } else {
                core.push(w);
            }
        }
    }
    let joined = core.join(" ");
    let mut keys = vec![joined.clone()];
    // Swedish genitive before "kommun"/"län": "Lidköpings kommun", "Västernorrlands län".
    if let Some(stem) = joined.strip_suffix('s').filter(|s| s.len() > 2) {
        keys.push(stem.to_owned());
    }
    keys.retain(|k| !k.is_empty());
    NameKey { keys, hint }
}

/// Words (folded) that mark a company or an association, not an authority, whatever else the
/// name says ("BioFuel Region BFR AB", "Fyrbodals kommunalförbund").
const NOT_AUTHORITY: &[&str] = &[
    "ab",
    "aktiebolag",
    "as",
    "asa",
    "ekonomisk",
    "forening",
    "kommunalforbund",
    "forbund",
    "ltd",
    "sa",
    "iks",
    // State agencies, universities, hospitals and the like named after a place.
    "lansstyrelsen",
    "universitet",
    "university",
    "hogskolan",
    "sjukhus",
    "stiftelsen",
    "hushallningssallskapet",
    "lansmuseet",
    "museum",
    "castle",
    // Business promotion that calls itself a region ("Business Region Göteborg").
    "business",
    "science",
    "invest",
    "solar",
    "administrative",
    "kooperativ",
];

/// A department of an authority ("Stadsbyggnadsförvaltningen Göteborgs stad",
/// "Marks kommun, Arbetsmarknadsenheten"): the word names the unit, not the body.
fn is_department(word: &str) -> bool {
    ["forvaltningen", "forvaltning", "enheten", "avdelingen", "etaten"].iter().any(|s| word.ends_with(s))
}

/// Whether a spelling names a municipality, county or region (by its words alone).
#[must_use]
pub fn looks_like_authority(raw: &str) -> bool {
    let w = words(raw);
    name_key(raw).hint.is_some() && !w.iter().any(|w| NOT_AUTHORITY.contains(&w.as_str()) || w.ends_with("forbund"))
}

/// The keys of a spelling and, when it names a unit and its body ("Ängelholms sjukhus, Region
/// Skåne", "Höganäs Omsorg (Höganäs Kommun)"), of each part that says what kind of body it is.
#[must_use]
pub fn name_keys(raw: &str) -> Vec<NameKey> {
    let mut out = vec![name_key(raw)];
    let parts: Vec<&str> = raw.split([',', '(', ')', '/']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        out.extend(parts.into_iter().map(name_key).filter(|k| k.hint.is_some()));
    }
    out
}

/// The one key under which a registry name is stored.
#[must_use]
pub fn alias(raw: &str) -> String {
    name_key(raw).keys.into_iter().next().unwrap_or_default()
}

/// How a match was found; its confidence decides whether a person must look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Organisation number, kommunenummer, SCB code or NUTS code.
    Identifier,
    /// The name's core matched one organisation of a fitting kind in the same country.
    Name,
    /// The name matched only after dropping a genitive -s.
    NameStem,
    /// Several organisations fit equally.
    Ambiguous,
    /// One letter off (a misspelling or a transliteration).
    Near,
}

impl Evidence {
    /// Confidence in percent.
    #[must_use]
    pub const fn confidence(self) -> u8 {
        match self {
            Self::Identifier => 100,
            Self::Name => 90,
            Self::NameStem => 85,
            Self::Near => 60,
            Self::Ambiguous => 50,
        }
    }

    /// Whether the match stands without a person confirming it.
    #[must_use]
    pub const fn is_certain(self) -> bool {
        self.confidence() >= AUTO_ACCEPT
    }
}

/// Matches at or above this confidence are accepted without review.
pub const AUTO_ACCEPT: u8 = 80;

/// Whether two keys are one edit apart (insert, delete or substitute one letter); only for
/// keys long enough that one letter does not make another name (six letters or more).
#[must_use]
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    // Called for every alias of a country when a name is not found (an import asks it some
    // million times), so it compares in place instead of collecting the characters.
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 6 || la.abs_diff(lb) > 1 || a == b {
        return false;
    }
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let prefix = short.chars().zip(long.chars()).take_while(|(x, y)| x == y).count();
    let skip = if la == lb { prefix + 1 } else { prefix };
    short.chars().skip(skip).eq(long.chars().skip(prefix + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> String {
        alias(raw)
    }

    #[test]
    fn county_spellings_share_one_key() {
        assert_eq!(key("VESTFOLD OG TELEMARK FYLKESKOMMUNE"), "vestfold og telemark");
        assert_eq!(key("Vestfold og Telemark fylkeskommune"), "vestfold og telemark");
        assert_eq!(key("Vestfold og Telemark"), "vestfold og telemark");
        assert_eq!(name_key("VIKEN FYLKESKOMMUNE").hint, Some(KindHint::Regional));
    }

    #[test]
    fn swedish_genitives_and_regions_resolve() {
        let lidkoping = name_key("Lidköpings Kommun");
        assert_eq!(lidkoping.keys, vec!["lidkopings".to_owned(), "lidkoping".to_owned()]);
        assert_eq!(lidkoping.hint, Some(KindHint::Local));
        assert_eq!(key("Lidköping"), "lidkoping");
        let norrbotten = name_key("County council of Norrbotten");
        assert_eq!(norrbotten.keys.first().map(String::as_str), Some("norrbotten"));
        assert_eq!(norrbotten.hint, Some(KindHint::Regional));
        assert!(name_key("Västernorrlands län").keys.contains(&"vasternorrland".to_owned()));
        assert_eq!(key("Region Västernorrland"), "vasternorrland");
        let vg = name_key("Västra Götalandsregionen");
        assert!(vg.keys.contains(&"vastra gotaland".to_owned()));
        assert_eq!(vg.hint, Some(KindHint::Regional));
        assert_eq!(key("Viken County Council"), "viken");
    }

    #[test]
    fn old_spellings_fold_together() {
        assert_eq!(key("Aalesund"), key("Ålesund"));
        assert_eq!(key("TRONDHEIM KOMMUNE"), "trondheim");
        assert_eq!(key("Unjárga - Nesseby"), "unjarga nesseby");
    }

    #[test]
    fn companies_with_region_in_the_name_are_not_authorities() {
        assert!(looks_like_authority("Lidköpings Kommun"));
        assert!(looks_like_authority("Stockholms stad"));
        assert!(!looks_like_authority("BioFuel Region BFR AB"));
        assert!(!looks_like_authority("Fyrbodals kommunalförbund"));
        assert!(!looks_like_authority("SINTEF AS"));
    }

    #[test]
    fn departments_resolve_to_their_body() {
        assert_eq!(key("Stadsbyggnadsförvaltningen Göteborgs stad"), "goteborgs");
        assert_eq!(key("Park och naturförvaltningen Göteborgs stad"), "goteborgs");
        assert!(name_key("Västra Götalandsregionen folkhögskoleförvaltningen").keys.contains(&"vastra gotaland".to_owned()));
        assert!(!looks_like_authority("County Administrative Board"));
        let parts = name_keys("Marks kommun, Arbetsmarknadsenheten, Arbetsmarknadscenter");
        assert!(parts.iter().any(|k| k.keys.contains(&"mark".to_owned())));
        let parts = name_keys("Höganäs Omsorg (Höganäs Kommun)");
        assert!(parts.iter().any(|k| k.keys.first().map(String::as_str) == Some("hoganas")));
        assert!(!looks_like_authority("Länsstyrelsen Skåne län"));
        assert!(!looks_like_authority("INTERNATIONAL COUNCIL FOR OPEN AND DISTANCE EDUCATION"));
    }

    #[test]
    fn near_misses_need_six_letters() {
        assert!(one_edit_apart("gislaved", "gislaveds"));
        assert!(one_edit_apart("kristiansund", "kristiansand"));
        assert!(!one_edit_apart("moss", "mose"));
        assert!(!one_edit_apart("skien", "skien"));
    }

    #[test]
    fn confidence_decides_review() {
        assert!(Evidence::Identifier.is_certain());
        assert!(Evidence::NameStem.is_certain());
        assert!(!Evidence::Ambiguous.is_certain());
        assert!(!Evidence::Near.is_certain());
    }
}
