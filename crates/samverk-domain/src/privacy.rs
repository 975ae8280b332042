//! Personal data (GDPR): the vocabulary of the register (legal basis, retention), how an erased
//! person is named, how a person is matched across categories, and the retention rules. No I/O:
//! the store holds the register next to its queries and applies these rules.

use crate::code_enum;
use crate::text::fold;

code_enum! {
    /// The lawful basis of a processing, GDPR article 6(1).
    pub enum LegalBasis {
        /// (a) the person's consent.
        Consent => "consent",
        /// (b) a contract with the person (an account's terms of use).
        Contract => "contract",
        /// (c) a legal obligation of the authority (archive and accountability duties).
        LegalObligation => "legal_obligation",
        /// (e) a task in the public interest or in the exercise of official authority.
        PublicTask => "public_task",
        /// (f) the authority's legitimate interests (security of the service).
        LegitimateInterest => "legitimate_interest",
    }
}

impl LegalBasis {
    /// The letter of article 6(1), as registers cite it.
    #[must_use]
    pub const fn article(self) -> &'static str {
        match self {
            Self::Consent => "6(1)(a)",
            Self::Contract => "6(1)(b)",
            Self::LegalObligation => "6(1)(c)",
            Self::PublicTask => "6(1)(e)",
            Self::LegitimateInterest => "6(1)(f)",
        }
    }
}

/// How long a category of personal data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Retention {
    /// As long as the record it belongs to; anonymised on request (an archive record).
    WithRecord,
    /// This many seconds after the moment named by the category (a session's expiry).
    Seconds { seconds: i64 },
    /// This many months after the moment named by the category (a call's closing).
    Months { months: u32 },
}

/// The name an erased person's kept records carry instead of theirs. `n` is the number of the
/// erasure in the personal-data log, so the records of one erasure can be told apart.
#[must_use]
pub fn placeholder(n: i64) -> String {
    format!("Erased person #{n}")
}

/// Whether stored text names an erased person already.
#[must_use]
pub fn is_placeholder(text: &str) -> bool {
    text.strip_prefix("Erased person #").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What a request for one person's data names: a name, an e-mail address, or a username.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    raw: String,
    folded: String,
    email: String,
}

impl Subject {
    /// `None` for a blank query or one of fewer than three letters (it would match half the register).
    #[must_use]
    pub fn new(query: &str) -> Option<Self> {
        let raw = query.split_whitespace().collect::<Vec<_>>().join(" ");
        (raw.chars().count() >= 3).then(|| Self { folded: fold(&raw), email: raw.to_lowercase(), raw })
    }

    /// The query as typed, spaces tidied.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.raw
    }

    /// The same person: the name equals the query (case, accents and spaces aside), or the
    /// e-mail address or username equals it (case aside).
    #[must_use]
    pub fn is(&self, name: Option<&str>, email: Option<&str>) -> bool {
        name.is_some_and(|n| !is_placeholder(n) && fold(&n.split_whitespace().collect::<Vec<_>>().join(" ")) == self.folded)
            || email.is_some_and(|e| e.trim().to_lowercase() == self.email)
    }

    /// Partly matching, for the finder: the name or address contains the query.
    #[must_use]
    pub fn resembles(&self, name: Option<&str>, email: Option<&str>) -> bool {
        name.is_some_and(|n| !is_placeholder(n) && fold(n).contains(&self.folded))
            || email.is_some_and(|e| e.to_lowercase().contains(&self.email))
    }
}

/// Seconds in the average month (365.25 / 12 days), for periods counted in months.
const MONTH_SECONDS: i64 = 2_629_800;

/// Whether something that started its retention period at `since` (Unix seconds) has passed
/// `retention` at `now`. Records kept with their record never expire.
#[must_use]
pub fn expired(retention: Retention, since: i64, now: i64) -> bool {
    match retention {
        Retention::WithRecord => false,
        Retention::Seconds { seconds } => since.saturating_add(seconds) <= now,
        Retention::Months { months } => since.saturating_add(i64::from(months) * MONTH_SECONDS) <= now,
    }
}

/// The moment before which a record started its period has passed it (for `WHERE since < ?`).
#[must_use]
pub fn cutoff(retention: Retention, now: i64) -> Option<i64> {
    match retention {
        Retention::WithRecord => None,
        Retention::Seconds { seconds } => Some(now.saturating_sub(seconds)),
        Retention::Months { months } => Some(now.saturating_sub(i64::from(months) * MONTH_SECONDS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_matched_by_name_or_address_whatever_the_case_and_accents() {
        let kari = Subject::new("  kari  NORDMANN ").unwrap_or_else(|| panic!("a valid query"));
        assert!(kari.is(Some("Kari Nordmann"), None));
        assert!(!kari.is(Some("Kari Nordmann-Hansen"), None));
        assert!(kari.resembles(Some("Kari Nordmann-Hansen"), None));
        let mail = Subject::new("Kari@Example.no").unwrap_or_else(|| panic!("a valid query"));
        assert!(mail.is(Some("Someone"), Some("kari@example.no")));
        assert!(Subject::new("Bjørn Ås").is_some_and(|s| s.is(Some("bjorn as"), None)));
        assert!(Subject::new(" a ").is_none());
    }

    #[test]
    fn an_erased_name_is_never_matched_again() {
        let s = Subject::new("Erased person #4").unwrap_or_else(|| panic!("a valid query"));
        assert!(!s.is(Some(&placeholder(4)), None));
        assert!(is_placeholder(&placeholder(12)));
        assert!(!is_placeholder("Erased person #"));
    }

    #[test]
    fn periods_end_after_their_length() {
        let day = 86_400;
        assert!(expired(Retention::Seconds { seconds: day }, 0, day));
        assert!(!expired(Retention::Seconds { seconds: day }, 1, day));
        assert!(!expired(Retention::Months { months: 12 }, 0, 364 * day));
        assert!(expired(Retention::Months { months: 12 }, 0, 366 * day));
        assert!(!expired(Retention::WithRecord, 0, i64::MAX));
        assert_eq!(cutoff(Retention::Months { months: 1 }, MONTH_SECONDS), Some(0));
        assert_eq!(cutoff(Retention::WithRecord, 5), None);
    }
}
