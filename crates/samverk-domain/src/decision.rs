//! Decisions: which body decided what, under which case number, and when.

use serde::Deserialize;
use time::Date;

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TITLE_MAX};
use crate::refs::References;

crate::code_enum! {
    /// How precisely a decision's date is known ("desember 2024" is a month).
    pub enum DatePrecision { Day => "day", Month => "month", Year => "year" }
}

/// Raw input for a decision.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct DecisionDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    /// The deciding body, e.g. "Fylkestinget", "Landstingsfullmäktige", "Regionala nämnden".
    pub body: String,
    /// e.g. "25/20" or "2020/1234"; optional.
    pub case_number: String,
    pub date: String,
    /// `day` (default), `month` or `year`: a month-precise date is stored as its first day.
    pub date_precision: String,
    pub title: String,
    pub url: String,
}

/// A validated decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub owner_id: i64,
    pub body: String,
    pub case_number: Option<String>,
    pub date: Date,
    pub date_precision: DatePrecision,
    pub title: String,
    pub url: Option<String>,
}

impl DecisionDraft {
    /// # Errors
    /// Every field that is missing or malformed, or an unknown owner.
    pub fn validate(&self, refs: &References) -> Result<NewDecision, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let owner_id = e.check("owner_id", owner(self.owner_id, refs)).unwrap_or_default();
        let decision = NewDecision {
            owner_id,
            body: e.check("body", input::required_text(&self.body, TITLE_MAX)).unwrap_or_default(),
            case_number: e.check("case_number", case_number(&self.case_number)).flatten(),
            date: e.check("date", input::required_date(&self.date)).unwrap_or(Date::MIN),
            date_precision: e.check("date_precision", precision(&self.date_precision)).unwrap_or(DatePrecision::Day),
            title: e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default(),
            url: e.check("url", url(&self.url)).flatten(),
        };
        e.into_result(|| decision)
    }
}

fn precision(text: &str) -> Result<DatePrecision, Problem> {
    if text.trim().is_empty() {
        Ok(DatePrecision::Day)
    } else {
        input::code(text, DatePrecision::from_code, DatePrecision::ALL, DatePrecision::code)
    }
}

/// Requires the owning authority to exist.
///
/// # Errors
/// `Required` or `UnknownReference`.
pub fn owner(owner_id: Option<i64>, refs: &References) -> Result<i64, Problem> {
    let id = input::required_id(owner_id)?;
    if refs.organisations.contains(&id) { Ok(id) } else { Err(Problem::UnknownReference) }
}

const CASE_NUMBER_SHAPE: &str = "a case number such as 25/20, 2020/1234 or RS 2007/123";

/// A case number: an optional letter prefix, then `number/year` or `year/number`, and an
/// optional `-document` suffix. Blank is allowed: not every decision has one.
///
/// # Errors
/// `InvalidFormat` naming the accepted shapes.
pub fn case_number(text: &str) -> Result<Option<String>, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let bad = Problem::InvalidFormat { expected: CASE_NUMBER_SHAPE };
    let core = match trimmed.rsplit_once(' ') {
        Some((prefix, core)) if !prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_alphabetic() || "ÅÄÖÆØåäöæø".contains(c)) => {
            core
        }
        Some(_) => return Err(bad),
        None => trimmed,
    };
    let core =
        core.split_once('-').map_or(core, |(main, doc)| if !doc.is_empty() && doc.chars().all(|c| c.is_ascii_digit()) { main } else { "" });
    let Some((left, right)) = core.split_once('/') else { return Err(bad) };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_digit());
    if digits(left, 6) && digits(right, 6) && [left.len(), right.len()].iter().any(|n| *n == 2 || *n == 4) {
        Ok(Some(trimmed.to_owned()))
    } else {
        Err(bad)
    }
}

/// An optional web address; only `http` and `https` are accepted.
///
/// # Errors
/// `InvalidFormat` for anything else.
pub fn url(text: &str) -> Result<Option<String>, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let ok = (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
        && trimmed.len() > "https://".len()
        && !trimmed.chars().any(char::is_whitespace);
    if ok { Ok(Some(trimmed.to_owned())) } else { Err(Problem::InvalidFormat { expected: "a web address starting with https://" }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_of_the_usual_shapes_are_accepted() {
        for ok in ["25/20", "2020/1234", "RS 2007/123", "20/01234-5"] {
            assert_eq!(case_number(ok), Ok(Some(ok.to_owned())), "{ok}");
        }
        assert_eq!(case_number(""), Ok(None));
    }

    #[test]
    fn case_numbers_of_other_shapes_are_refused() {
        for bad in ["25", "twenty/20", "25/2020x", "/20", "a b 25/20"] {
            assert!(case_number(bad).is_err(), "{bad}");
        }
    }
}
