//! Referrals received (høring, remiss): who asked, by when, who answers, and the statement
//! (høringssvar, yttrande) approved by a named body before it is sent.

use serde::Deserialize;
use time::Date;

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TEXT_MAX, TITLE_MAX};
use crate::refs::References;

/// Raw input for a referral.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReferralDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub sender: String,
    pub case_number: String,
    pub subject: String,
    pub deadline: String,
    pub responsible: String,
    pub statement: String,
    pub approved_by: String,
    pub approved_on: String,
    pub sent_on: String,
}

/// A validated referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReferral {
    pub owner_id: i64,
    pub sender: String,
    pub case_number: Option<String>,
    pub subject: String,
    pub deadline: Date,
    pub responsible: Option<String>,
    pub statement: Option<String>,
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    pub sent_on: Option<Date>,
}

impl ReferralDraft {
    /// A statement is approved by a named body on a date, and only an approved statement is sent.
    ///
    /// # Errors
    /// Every field that is missing or malformed.
    pub fn validate(&self, refs: &References) -> Result<NewReferral, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let r = NewReferral {
            owner_id: e.check("owner_id", crate::decision::owner(self.owner_id, refs)).unwrap_or_default(),
            sender: e.check("sender", input::required_text(&self.sender, TITLE_MAX)).unwrap_or_default(),
            case_number: e.check("referral_case", input::optional_text(&self.case_number, TITLE_MAX)).flatten(),
            subject: e.check("subject", input::required_text(&self.subject, TITLE_MAX)).unwrap_or_default(),
            deadline: e.check("deadline", input::required_date(&self.deadline)).unwrap_or(Date::MIN),
            responsible: e.check("responsible", input::optional_text(&self.responsible, TITLE_MAX)).flatten(),
            statement: e.check("statement", input::optional_text(&self.statement, TEXT_MAX)).flatten(),
            approved_by: e.check("approved_by", input::optional_text(&self.approved_by, TITLE_MAX)).flatten(),
            approved_on: e.check("approved_on", input::optional_date(&self.approved_on)).flatten(),
            sent_on: e.check("sent_on", input::optional_date(&self.sent_on)).flatten(),
        };
        if r.approved_on.is_some() && r.approved_by.is_none() {
            e.add("approved_by", Problem::Required);
        }
        if (r.approved_by.is_some() || r.approved_on.is_some()) && r.statement.is_none() {
            e.add("statement", Problem::Required);
        }
        if r.sent_on.is_some() && r.approved_on.is_none() && e.for_field("approved_on").is_none() {
            e.add("approved_on", Problem::Required);
        }
        if let (Some(approved), Some(sent)) = (r.approved_on, r.sent_on)
            && sent < approved
        {
            e.add("sent_on", Problem::EndBeforeStart);
        }
        e.into_result(|| r)
    }
}

/// Days left until a deadline (negative when passed).
#[must_use]
pub fn days_left(deadline: Date, today: Date) -> i64 {
    (deadline - today).whole_days()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use time::macros::date;

    use super::*;

    #[test]
    fn only_an_approved_statement_is_sent() {
        let refs = References { organisations: HashSet::from([1]), ..References::default() };
        let d = ReferralDraft {
            owner_id: Some(1),
            sender: "Kommunal- og distriktsdepartementet".into(),
            subject: "Høring om regional planstrategi".into(),
            deadline: "2024-03-01".into(),
            sent_on: "2024-02-20".into(),
            ..ReferralDraft::default()
        };
        let e = d.validate(&refs).unwrap_err();
        assert_eq!(e.for_field("approved_on"), Some(&Problem::Required));
        let ok = ReferralDraft {
            statement: "Telemark støtter forslaget.".into(),
            approved_by: "Hovedutvalg for kultur".into(),
            approved_on: "2024-02-15".into(),
            ..d
        };
        assert_eq!(ok.validate(&refs).unwrap().sent_on, Some(date!(2024 - 02 - 20)));
        assert_eq!(days_left(date!(2024 - 03 - 01), date!(2024 - 02 - 20)), 10);
    }
}
