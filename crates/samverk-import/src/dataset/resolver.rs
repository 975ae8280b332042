//! Entity resolution against the organisation register, in memory: identifier first, then the
//! normalised name within the country (rules in `samverk_domain::resolve`), then a person.

use std::collections::HashMap;

use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::{self, Evidence, KindHint};
use samverk_store::import::{AliasRow, CodeRow, Review};

/// How one spelling resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// An existing organisation, and how sure we are.
    Found(i64, Evidence),
    /// A person decided earlier (confirmed, merged or rejected in favour of this organisation).
    Decided(i64),
    /// Uncertain: a candidate for a person to look at.
    Uncertain(Option<i64>, Evidence),
    /// Nothing like it is known.
    Unknown,
}

/// (name key or identifier scheme, country or code).
type Key = (String, String);
/// (organisation, its kind, whether it is a body of the shipped registers).
type Candidate = (i64, OrganisationKind, bool);

/// The register as the resolver sees it.
pub struct Resolver {
    aliases: HashMap<Key, Vec<Candidate>>,
    codes: HashMap<(String, String), i64>,
    decided: HashMap<(String, String), i64>,
    pending: HashMap<(String, String), i64>,
}

impl Resolver {
    #[must_use]
    pub fn new(aliases: Vec<AliasRow>, codes: Vec<CodeRow>, reviews: &HashMap<(String, String), Review>) -> Self {
        let mut by_alias: HashMap<Key, Vec<Candidate>> = HashMap::new();
        for a in aliases {
            let entry = by_alias.entry((a.alias, a.country)).or_default();
            if !entry.iter().any(|(id, ..)| *id == a.organisation_id) {
                entry.push((a.organisation_id, a.kind, a.registry));
            }
        }
        let codes = codes.into_iter().map(|c| ((c.scheme, c.code), c.organisation_id)).collect();
        let mut decided = HashMap::new();
        let mut pending = HashMap::new();
        for (key, r) in reviews {
            if let Some(id) = r.organisation_id {
                if r.status == "pending" {
                    pending.insert(key.clone(), id)
                } else {
                    decided.insert(key.clone(), id)
                };
            }
        }
        Self { aliases: by_alias, codes, decided, pending }
    }

    /// The organisation holding an identifier.
    #[must_use]
    pub fn by_code(&self, scheme: &str, code: &str) -> Option<i64> {
        self.codes.get(&(scheme.to_owned(), code.to_owned())).copied()
    }

    /// The provisional organisation of a spelling still under review.
    #[must_use]
    pub fn pending(&self, key: &str, country: &str) -> Option<i64> {
        self.pending.get(&(key.to_owned(), country.to_owned())).copied()
    }

    /// Resolves a spelling in a country; `kind` (when the data says it) narrows the candidates.
    #[must_use]
    pub fn by_name(&self, raw: &str, country: &str, kind: Option<KindHint>) -> Resolution {
        let whole = resolve::name_key(raw);
        let first = whole.keys.first().cloned().unwrap_or_default();
        if let Some(&id) = self.decided.get(&(first, country.to_owned())) {
            return Resolution::Decided(id);
        }
        for key in resolve::name_keys(raw) {
            let found = self.by_key(&key, country, key.hint.or(kind));
            if found != Resolution::Unknown {
                return found;
            }
        }
        self.near(&whole, country, whole.hint.or(kind))
    }

    fn by_key(&self, key: &resolve::NameKey, country: &str, hint: Option<KindHint>) -> Resolution {
        for (i, k) in key.keys.iter().enumerate() {
            let Some(candidates) = self.aliases.get(&(k.clone(), country.to_owned())) else { continue };
            let fitting: Vec<&(i64, OrganisationKind, bool)> =
                candidates.iter().filter(|(_, kind, _)| hint.is_none_or(|h| h.fits(*kind))).collect();
            // Prefer the register's own bodies over ones an import created.
            let registry: Vec<_> = fitting.iter().filter(|c| c.2).collect();
            let pool: Vec<i64> =
                if registry.is_empty() { fitting.iter().map(|c| c.0).collect() } else { registry.iter().map(|c| c.0).collect() };
            match pool.as_slice() {
                [id] => return Resolution::Found(*id, if i == 0 { Evidence::Name } else { Evidence::NameStem }),
                [id, ..] => return Resolution::Uncertain(Some(*id), Evidence::Ambiguous),
                [] => {}
            }
        }
        Resolution::Unknown
    }

    fn near(&self, key: &resolve::NameKey, country: &str, hint: Option<KindHint>) -> Resolution {
        // One letter off a registry name of a fitting kind: a person decides. Only the
        // registers' countries have names to be near to.
        if !matches!(country, "NO" | "SE") {
            return Resolution::Unknown;
        }
        let near = self
            .aliases
            .iter()
            .filter(|((alias, c), _)| c == country && key.keys.iter().any(|k| resolve::one_edit_apart(k, alias)))
            .flat_map(|(_, candidates)| candidates.iter().filter(|(_, kind, reg)| *reg && hint.is_none_or(|h| h.fits(*kind))))
            .map(|(id, ..)| *id)
            .min();
        near.map_or(Resolution::Unknown, |id| Resolution::Uncertain(Some(id), Evidence::Near))
    }

    /// Makes a newly created organisation findable for the rest of the import.
    pub fn learn(&mut self, key: &str, country: &str, id: i64, kind: OrganisationKind, codes: &[(&'static str, String)]) {
        self.aliases.entry((key.to_owned(), country.to_owned())).or_default().push((id, kind, false));
        for (scheme, code) in codes {
            self.codes.insert(((*scheme).to_owned(), code.clone()), id);
        }
    }

    /// Remembers a spelling now under review, so later rows use the same provisional body.
    pub fn hold(&mut self, key: &str, country: &str, id: i64) {
        self.pending.insert((key.to_owned(), country.to_owned()), id);
    }
}
