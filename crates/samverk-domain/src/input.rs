//! Parsers shared by every input: required text, dates, periods and closed codes.
//!
//! Inputs arrive as text (form fields, JSON strings, TOML values); these turn them into typed
//! values or a [`Problem`] that names what was expected.

use serde::Deserialize as _;
use time::{Date, macros::format_description};

use crate::error::Problem;

pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 20_000;

/// Trims and requires a non-empty text of at most `max` characters.
///
/// # Errors
/// `Required` when blank, `TooLong` when longer than `max`.
pub fn required_text(value: &str, max: usize) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    optional_text(trimmed, max).map(|t| t.unwrap_or_default())
}

/// Trims an optional text; blank becomes `None`.
///
/// # Errors
/// `TooLong` when longer than `max` characters.
pub fn optional_text(value: &str, max: usize) -> Result<Option<String>, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(Some(trimmed.to_owned()))
}

/// Parses an optional ISO date (`YYYY-MM-DD`); blank becomes `None`.
///
/// # Errors
/// `InvalidDate` when the text is not a real calendar date.
pub fn optional_date(value: &str) -> Result<Option<Date>, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    Date::parse(trimmed, format_description!("[year]-[month]-[day]")).map(Some).map_err(|_| Problem::InvalidDate)
}

/// Parses a required ISO date.
///
/// # Errors
/// `Required` when blank, `InvalidDate` when not a date.
pub fn required_date(value: &str) -> Result<Date, Problem> {
    optional_date(value)?.ok_or(Problem::Required)
}

/// Formats a date as `YYYY-MM-DD` (the form and API representation).
#[must_use]
pub fn format_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// A period whose end, when both are known, is not before its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    start: Option<Date>,
    end: Option<Date>,
}

impl Period {
    /// # Errors
    /// `EndBeforeStart` when the end date lies before the start date.
    pub fn new(start: Option<Date>, end: Option<Date>) -> Result<Self, Problem> {
        match (start, end) {
            (Some(s), Some(e)) if e < s => Err(Problem::EndBeforeStart),
            _ => Ok(Self { start, end }),
        }
    }

    #[must_use]
    pub const fn start(&self) -> Option<Date> {
        self.start
    }

    #[must_use]
    pub const fn end(&self) -> Option<Date> {
        self.end
    }

    /// Whether the period overlaps the calendar year.
    #[must_use]
    pub fn touches_year(&self, year: i32) -> bool {
        self.start.is_none_or(|s| s.year() <= year) && self.end.is_none_or(|e| e.year() >= year)
    }
}

/// Parses the start and end fields of a form into a period, reporting each field's problem.
pub fn period(errors: &mut crate::ValidationErrors, start_field: &'static str, start: &str, end_field: &'static str, end: &str) -> Period {
    let start = errors.check(start_field, optional_date(start)).flatten();
    let end = errors.check(end_field, optional_date(end)).flatten();
    errors.check(end_field, Period::new(start, end)).unwrap_or_default()
}

/// Parses a closed code (kind, status, role) from its stable text.
///
/// # Errors
/// `Required` when blank, `UnknownValue` listing the allowed codes otherwise.
pub fn code<T: Copy>(value: &str, from_code: fn(&str) -> Option<T>, all: &[T], code_of: fn(T) -> &'static str) -> Result<T, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    from_code(trimmed).ok_or_else(|| Problem::UnknownValue { allowed: all.iter().map(|v| code_of(*v)).collect::<Vec<_>>().join(", ") })
}

/// Requires a reference id to be present.
///
/// # Errors
/// `Required` when absent.
pub fn required_id(value: Option<i64>) -> Result<i64, Problem> {
    value.ok_or(Problem::Required)
}

/// Deserialises an optional id from a number, a numeric string, or blank/null (a form's empty
/// select), so the same draft type serves forms and JSON.
///
/// # Errors
/// A text that is neither blank nor a whole number.
pub fn id_or_blank<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
    }
    match Option::<Raw>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(n)),
        Some(Raw::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Raw::Text(t)) => t.trim().parse().map(Some).map_err(|_| serde::de::Error::custom(format!("`{t}` is not an id"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_parse_or_name_the_problem() {
        assert_eq!(optional_date(" 2020-03-31 "), Ok(Some(date!(2020 - 03 - 31))));
        assert_eq!(optional_date(""), Ok(None));
        assert_eq!(optional_date("2020-02-30"), Err(Problem::InvalidDate));
        assert_eq!(optional_date("31.03.2020"), Err(Problem::InvalidDate));
    }

    #[test]
    fn a_period_cannot_end_before_it_starts() {
        assert_eq!(Period::new(Some(date!(2024 - 01 - 01)), Some(date!(2023 - 12 - 31))), Err(Problem::EndBeforeStart));
        assert!(Period::new(Some(date!(2024 - 01 - 01)), None).is_ok());
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(required_text("  a  ", 5), Ok("a".into()));
        assert_eq!(required_text("   ", 5), Err(Problem::Required));
        assert_eq!(required_text("abcdef", 5), Err(Problem::TooLong { max: 5 }));
    }
}
