//! Validation errors that name the field at fault and what is wrong with it.

use std::fmt;

/// What is wrong with one field. The snake_case code is stable: the API returns it and the
/// web layer uses it as the message-catalogue key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("is required")]
    Required,
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("is not a valid date (expected YYYY-MM-DD)")]
    InvalidDate,
    #[error("is before the start date")]
    EndBeforeStart,
    #[error("has the wrong shape (expected {expected})")]
    InvalidFormat { expected: &'static str },
    #[error("is not one of the allowed values ({allowed})")]
    UnknownValue { allowed: String },
    #[error("refers to a record that does not exist")]
    UnknownReference,
    #[error("is already there")]
    Duplicate,
    #[error("belongs to another authority")]
    OtherAuthority,
    #[error("would make a record its own ancestor")]
    Cycle,
    #[error("breaks a rule: {rule}")]
    Rule { rule: String },
    #[error(
        "cannot be active: «{engagement}» is network work, and all network work must contribute to one or more main goals of a plan in force"
    )]
    ContributionRule { engagement: String },
    // EU projects (issue 5).
    #[error("is not an EU project")]
    NotEuProject,
    #[error("lies outside the project's period")]
    YearOutsidePeriod,
    #[error("is neither the project's owner nor one of its participants")]
    NotAPartner,
    #[error("does not match its parts, which add up to {parts}")]
    PartsDoNotAddUp { parts: i64 },
    #[error("is above the total")]
    GrantAboveTotal,
    #[error("is above 100 %")]
    RateAbove100,
    #[error("does not match the EU grant and the total ({computed} %)")]
    RateMismatch { computed: String },
    #[error("cannot be ended before the lessons learned are written")]
    LessonsRequired,
    #[error("needs at least one department or goal to address")]
    AddresseeRequired,
    // Attachments to answers (issue 7).
    #[error("«{name}» is larger than {max_mb} MB")]
    FileTooLarge { name: String, max_mb: u64 },
    #[error("«{name}» is not of a kind accepted ({allowed})")]
    FileType { name: String, allowed: String },
    #[error("has more than {max} files")]
    TooManyFiles { max: usize },
    // Organisation pickers (issue 4).
    #[error("fits more than one organisation")]
    Ambiguous,
    #[error("names no organisation in the register")]
    NotInRegister,
}

impl Problem {
    /// Stable machine-readable code of the problem.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong { .. } => "too_long",
            Self::InvalidDate => "invalid_date",
            Self::EndBeforeStart => "end_before_start",
            Self::InvalidFormat { .. } => "invalid_format",
            Self::UnknownValue { .. } => "unknown_value",
            Self::UnknownReference => "unknown_reference",
            Self::Duplicate => "duplicate",
            Self::OtherAuthority => "other_authority",
            Self::Cycle => "cycle",
            Self::Rule { .. } => "rule",
            Self::ContributionRule { .. } => "contribution_rule",
            Self::NotEuProject => "not_eu_project",
            Self::YearOutsidePeriod => "year_outside_period",
            Self::NotAPartner => "not_a_partner",
            Self::PartsDoNotAddUp { .. } => "parts_do_not_add_up",
            Self::GrantAboveTotal => "grant_above_total",
            Self::RateAbove100 => "rate_above_100",
            Self::RateMismatch { .. } => "rate_mismatch",
            Self::LessonsRequired => "lessons_required",
            Self::AddresseeRequired => "addressee_required",
            Self::FileTooLarge { .. } => "file_too_large",
            Self::FileType { .. } => "file_type",
            Self::TooManyFiles { .. } => "too_many_files",
            Self::Ambiguous => "ambiguous",
            Self::NotInRegister => "not_in_register",
        }
    }
}

/// One field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.problem)
    }
}

/// Every field error of one input, so a form can show them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors(Vec<FieldError>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        write!(f, "invalid input: {}", parts.join("; "))
    }
}

impl ValidationErrors {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn single(field: &'static str, problem: Problem) -> Self {
        Self(vec![FieldError { field, problem }])
    }

    pub fn add(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    /// Records the error of a field check and returns its value when it passed.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.add(field, problem);
                None
            }
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[must_use]
    pub fn errors(&self) -> &[FieldError] {
        &self.0
    }

    /// The first problem reported for a field.
    #[must_use]
    pub fn for_field(&self, field: &str) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }

    /// `Ok(value)` when no error was recorded.
    ///
    /// # Errors
    /// Returns the collected errors when there is at least one.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Self> {
        if self.0.is_empty() { Ok(value()) } else { Err(self) }
    }

    pub fn extend(&mut self, other: Self) {
        self.0.extend(other.0);
    }
}
