//! Entity resolution against the organisation register, in memory: identifier first, then the
//! normalised name within the country (rules in `samverk_domain::resolve`), then a person.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
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

/// (organisation, its kind, whether it is a body of the shipped registers).
type Candidate = (i64, OrganisationKind, bool);

/// Values by two keys (a country and a name key, or a scheme and a code), nested so that a
/// lookup by two borrowed strings allocates nothing: an import asks some 100,000 times.
struct ByTwo<V>(FxHashMap<String, FxHashMap<String, V>>);

impl<V> Default for ByTwo<V> {
    fn default() -> Self {
        Self(FxHashMap::default())
    }
}

impl<V> ByTwo<V> {
    fn get(&self, outer: &str, inner: &str) -> Option<&V> {
        self.0.get(outer).and_then(|m| m.get(inner))
    }

    fn entry(&mut self, outer: &str, inner: &str) -> &mut V
    where
        V: Default,
    {
        self.0.entry(outer.to_owned()).or_default().entry(inner.to_owned()).or_default()
    }

    fn insert(&mut self, outer: &str, inner: &str, value: V)
    where
        V: Default,
    {
        *self.entry(outer, inner) = value;
    }
}

/// The register as the resolver sees it: aliases by country and name key, identifiers by
/// scheme and code, reviews by country and name key.
pub struct Resolver {
    aliases: ByTwo<Vec<Candidate>>,
    codes: ByTwo<i64>,
    decided: ByTwo<i64>,
    pending: ByTwo<i64>,
}

impl Resolver {
    #[must_use]
    pub fn new(aliases: Vec<AliasRow>, codes: Vec<CodeRow>, reviews: &HashMap<(String, String), Review>) -> Self {
        let mut by_alias: ByTwo<Vec<Candidate>> = ByTwo::default();
        for a in aliases {
            let entry = by_alias.entry(&a.country, &a.alias);
            if !entry.iter().any(|(id, ..)| *id == a.organisation_id) {
                entry.push((a.organisation_id, a.kind, a.registry));
            }
        }
        let mut by_code = ByTwo::default();
        for c in codes {
            by_code.insert(&c.scheme, &c.code, c.organisation_id);
        }
        let (mut decided, mut pending) = (ByTwo::default(), ByTwo::default());
        for ((key, country), r) in reviews {
            if let Some(id) = r.organisation_id {
                let list = if r.status == "pending" { &mut pending } else { &mut decided };
                list.insert(country, key, id);
            }
        }
        Self { aliases: by_alias, codes: by_code, decided, pending }
    }

    /// The organisation holding an identifier.
    #[must_use]
    pub fn by_code(&self, scheme: &str, code: &str) -> Option<i64> {
        self.codes.get(scheme, code).copied()
    }

    /// The provisional organisation of a spelling still under review.
    #[must_use]
    pub fn pending(&self, key: &str, country: &str) -> Option<i64> {
        self.pending.get(country, key).copied()
    }

    /// Resolves a spelling in a country; `kind` (when the data says it) narrows the candidates.
    #[must_use]
    pub fn by_name(&self, raw: &str, country: &str, kind: Option<KindHint>) -> Resolution {
        self.by_keys(&resolve::name_keys(raw), country, kind)
    }

    /// [`Resolver::by_name`] of a spelling whose [`resolve::name_keys`] the caller has made (the
    /// whole name's key first).
    #[must_use]
    pub fn by_keys(&self, keys: &[resolve::NameKey], country: &str, kind: Option<KindHint>) -> Resolution {
        let Some(whole) = keys.first() else { return Resolution::Unknown };
        let first = whole.keys.first().map_or("", String::as_str);
        if let Some(&id) = self.decided.get(country, first) {
            return Resolution::Decided(id);
        }
        for key in keys {
            let found = self.by_key(key, country, key.hint.or(kind));
            if found != Resolution::Unknown {
                return found;
            }
        }
        self.near(whole, country, whole.hint.or(kind))
    }

    fn by_key(&self, key: &resolve::NameKey, country: &str, hint: Option<KindHint>) -> Resolution {
        for (i, k) in key.keys.iter().enumerate() {
            let Some(candidates) = self.aliases.get(country, k) else { continue };
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
            .0
            .get(country)
            .into_iter()
            .flatten()
            .filter(|(alias, _)| key.keys.iter().any(|k| resolve::one_edit_apart(k, alias)))
            .flat_map(|(_, candidates)| candidates.iter().filter(|(_, kind, reg)| *reg && hint.is_none_or(|h| h.fits(*kind))))
            .map(|(id, ..)| *id)
            .min();
        near.map_or(Resolution::Unknown, |id| Resolution::Uncertain(Some(id), Evidence::Near))
    }

    /// Makes a newly created organisation findable for the rest of the import.
    pub fn learn(&mut self, key: &str, country: &str, id: i64, kind: OrganisationKind, codes: &[(&'static str, String)]) {
        self.aliases.entry(country, key).push((id, kind, false));
        for (scheme, code) in codes {
            self.codes.insert(scheme, code, id);
        }
    }

    /// Remembers a spelling now under review, so later rows use the same provisional body.
    pub fn hold(&mut self, key: &str, country: &str, id: i64) {
        self.pending.insert(country, key, id);
    }
}
