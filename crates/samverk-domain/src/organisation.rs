//! Organisations: authorities, partners, members and counterparts, with their identifiers.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, Period, TITLE_MAX};

crate::code_enum! {
    /// What kind of body an organisation is.
    pub enum OrganisationKind {
        County => "county",
        Region => "region",
        Municipality => "municipality",
        StateAgency => "state_agency",
        University => "university",
        ResearchInstitute => "research_institute",
        BusinessAssociation => "business_association",
        TradeUnion => "trade_union",
        Company => "company",
        Ngo => "ngo",
        ForeignRegion => "foreign_region",
        InternationalOrganisation => "international_organisation",
        NetworkOffice => "network_office",
        Other => "other",
    }
}

impl OrganisationKind {
    /// Whether this kind of body can own plans and engagements in samverk.
    #[must_use]
    pub const fn is_authority(self) -> bool {
        match self {
            Self::County | Self::Region | Self::Municipality => true,
            Self::StateAgency
            | Self::University
            | Self::ResearchInstitute
            | Self::BusinessAssociation
            | Self::TradeUnion
            | Self::Company
            | Self::Ngo
            | Self::ForeignRegion
            | Self::InternationalOrganisation
            | Self::NetworkOffice
            | Self::Other => false,
        }
    }
}

/// Raw input for an organisation, as typed in a form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OrganisationDraft {
    pub name: String,
    pub name_nb: String,
    pub name_sv: String,
    pub name_en: String,
    pub kind: String,
    pub country: String,
    pub org_number: String,
    pub region_code: String,
    pub scb_code: String,
    pub nuts_code: String,
    pub valid_from: String,
    pub valid_to: String,
}

/// A validated organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub kind: OrganisationKind,
    pub country: String,
    pub org_number: Option<String>,
    pub region_code: Option<String>,
    pub scb_code: Option<String>,
    pub nuts_code: Option<String>,
    pub validity: Period,
}

impl OrganisationDraft {
    /// # Errors
    /// Every field that is missing or malformed.
    pub fn validate(&self) -> Result<NewOrganisation, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let organisation = NewOrganisation {
            name: e.check("name", input::required_text(&self.name, TITLE_MAX)).unwrap_or_default(),
            name_nb: e.check("name_nb", input::optional_text(&self.name_nb, TITLE_MAX)).flatten(),
            name_sv: e.check("name_sv", input::optional_text(&self.name_sv, TITLE_MAX)).flatten(),
            name_en: e.check("name_en", input::optional_text(&self.name_en, TITLE_MAX)).flatten(),
            kind: e.check("kind", parse_kind(&self.kind)).unwrap_or(OrganisationKind::Other),
            country: e.check("country", country_code(&self.country)).unwrap_or_default(),
            org_number: e.check("org_number", optional(&self.org_number, org_number)).flatten(),
            region_code: e.check("region_code", optional(&self.region_code, region_code)).flatten(),
            scb_code: e.check("scb_code", optional(&self.scb_code, scb_code)).flatten(),
            nuts_code: e.check("nuts_code", optional(&self.nuts_code, nuts_code)).flatten(),
            validity: input::period(&mut e, "valid_from", &self.valid_from, "valid_to", &self.valid_to),
        };
        e.into_result(|| organisation)
    }
}

/// Parses an organisation kind code.
///
/// # Errors
/// `Required` or `UnknownValue`.
pub fn parse_kind(text: &str) -> Result<OrganisationKind, Problem> {
    input::code(text, OrganisationKind::from_code, OrganisationKind::ALL, OrganisationKind::code)
}

fn optional(text: &str, parse: fn(&str) -> Result<String, Problem>) -> Result<Option<String>, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() { Ok(None) } else { parse(trimmed).map(Some) }
}

/// ISO 3166-1 alpha-2, upper-cased.
///
/// # Errors
/// `Required` or `InvalidFormat`.
pub fn country_code(text: &str) -> Result<String, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    if trimmed.len() == 2 && trimmed.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(trimmed.to_ascii_uppercase())
    } else {
        Err(Problem::InvalidFormat { expected: "a two-letter ISO 3166-1 country code such as NO or SE" })
    }
}

/// Norwegian organisation number: nine digits whose last is the modulus-11 check digit.
///
/// # Errors
/// `InvalidFormat` when not nine digits or the check digit is wrong.
pub fn org_number(text: &str) -> Result<String, Problem> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = Problem::InvalidFormat { expected: "a nine-digit Norwegian organisation number with a valid check digit" };
    if digits.len() != 9 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad);
    }
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let weights = [3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = values.iter().zip(weights).map(|(v, w)| v * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return Err(bad),
        c => c,
    };
    if values.get(8) == Some(&check) { Ok(digits) } else { Err(bad) }
}

/// Norwegian fylkesnummer (two digits) or kommunenummer (four digits).
///
/// # Errors
/// `InvalidFormat` otherwise.
pub fn region_code(text: &str) -> Result<String, Problem> {
    digits_of_len(text, &[2, 4], "a two-digit county number or four-digit municipality number")
}

/// Swedish SCB code: two digits for a län, four for a kommun.
///
/// # Errors
/// `InvalidFormat` otherwise.
pub fn scb_code(text: &str) -> Result<String, Problem> {
    digits_of_len(text, &[2, 4], "a two-digit (län) or four-digit (kommun) SCB code")
}

fn digits_of_len(text: &str, lengths: &[usize], expected: &'static str) -> Result<String, Problem> {
    let trimmed = text.trim();
    if lengths.contains(&trimmed.len()) && trimmed.chars().all(|c| c.is_ascii_digit()) {
        Ok(trimmed.to_owned())
    } else {
        Err(Problem::InvalidFormat { expected })
    }
}

/// NUTS code: a two-letter country prefix and up to three more letters or digits.
///
/// # Errors
/// `InvalidFormat` otherwise.
pub fn nuts_code(text: &str) -> Result<String, Problem> {
    let code = text.trim().to_ascii_uppercase();
    let ok = (2..=5).contains(&code.len())
        && code.chars().take(2).all(|c| c.is_ascii_uppercase())
        && code.chars().skip(2).all(|c| c.is_ascii_alphanumeric());
    if ok { Ok(code) } else { Err(Problem::InvalidFormat { expected: "a NUTS code such as NO08 or SE321" }) }
}

/// A predecessor → successor link (a merger, a split, a renaming) from a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SuccessionDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub predecessor_id: Option<i64>,
    pub date: String,
}

/// A validated succession link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewSuccession {
    pub predecessor_id: i64,
    pub successor_id: i64,
    pub date: Date,
}

impl SuccessionDraft {
    /// # Errors
    /// A missing or unknown predecessor, a link to itself, or a bad date.
    pub fn validate(&self, successor_id: i64, refs: &crate::refs::References) -> Result<NewSuccession, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let predecessor_id = e.check("predecessor_id", input::required_id(self.predecessor_id));
        if let Some(p) = predecessor_id {
            if p == successor_id {
                e.add("predecessor_id", Problem::Cycle);
            } else if !refs.organisations.contains(&p) {
                e.add("predecessor_id", Problem::UnknownReference);
            }
        }
        let date = e.check("date", input::required_date(&self.date));
        match (predecessor_id, date) {
            (Some(predecessor_id), Some(date)) if e.is_empty() => Ok(NewSuccession { predecessor_id, successor_id, date }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_numbers_need_a_valid_check_digit() {
        // Tønsberg kommune's organisation number.
        assert_eq!(org_number("921 383 681"), Ok("921383681".into()));
        assert!(org_number("921383682").is_err());
        assert!(org_number("12345").is_err());
    }

    #[test]
    fn a_draft_reports_every_bad_field() {
        let draft = OrganisationDraft { name: " ".into(), kind: "planet".into(), country: "Norway".into(), ..Default::default() };
        let errors = draft.validate().err().unwrap_or_default();
        assert_eq!(errors.for_field("name"), Some(&Problem::Required));
        assert!(matches!(errors.for_field("kind"), Some(Problem::UnknownValue { .. })));
        assert!(matches!(errors.for_field("country"), Some(Problem::InvalidFormat { .. })));
    }
}
