//! Calls for input ("Vi ønsker innspill…"): when a call opens and closes, and what an answer to
//! it must hold.
//!
//! The closing rule: a call closes at 23:59 local time on its closing date, in the authority's
//! zone, unless a time is given; from that minute on the form is closed.

use serde::Deserialize;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, macros::format_description};

use crate::attachment::{self, AttachmentDraft, NewAttachment};
use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TEXT_MAX, TITLE_MAX};
use crate::news::known;
use crate::refs::References;
use crate::tz::Zone;

/// The closing time of day when none is given.
pub const DEFAULT_CLOSING: Time = match Time::from_hms(23, 59, 0) {
    Ok(t) => t,
    Err(_) => Time::MIDNIGHT,
};

/// The instant a call closes: `time` (or 23:59) on `date`, local time in `zone`.
#[must_use]
pub fn closes_at(date: Date, time: Option<Time>, zone: Zone) -> OffsetDateTime {
    zone.instant(PrimitiveDateTime::new(date, time.unwrap_or(DEFAULT_CLOSING)))
}

/// The instant a call opens: the start of `date`, local time in `zone`.
#[must_use]
pub fn opens_at(date: Date, zone: Zone) -> OffsetDateTime {
    zone.instant(PrimitiveDateTime::new(date, Time::MIDNIGHT))
}

/// Where a call stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    NotYetOpen,
    Open,
    Closed,
}

impl Phase {
    #[must_use]
    pub fn of(opens: OffsetDateTime, closes: OffsetDateTime, now: OffsetDateTime) -> Self {
        if now < opens {
            Self::NotYetOpen
        } else if now < closes {
            Self::Open
        } else {
            Self::Closed
        }
    }

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotYetOpen => "not_yet_open",
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
}

/// The version of a consent text: a fingerprint of its exact words (FNV-1a, 64 bits), so a
/// submission records which text its sender agreed to even after the text is edited.
#[must_use]
pub fn consent_version(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.trim().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Raw input for a call.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CallDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub title: String,
    pub body: String,
    /// One question per line.
    pub questions: String,
    pub audience: String,
    pub opens_on: String,
    pub closes_on: String,
    /// `HH:MM`; blank means 23:59.
    pub closes_time: String,
    /// `Europe/Oslo` (default) or `Europe/Stockholm`.
    pub time_zone: String,
    pub require_name: bool,
    pub require_email: bool,
    pub consent_text: String,
    pub engagement_ids: Vec<i64>,
    pub goal_ids: Vec<i64>,
    /// The language the call is written in: `nb`, `sv`, `en`, or blank.
    pub language: String,
}

/// A validated call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCall {
    pub owner_id: i64,
    pub title: String,
    pub body: String,
    pub questions: Vec<String>,
    pub audience: Option<String>,
    pub opens_on: Date,
    pub closes_on: Date,
    pub closes_time: Option<Time>,
    pub zone: Zone,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    pub require_name: bool,
    pub require_email: bool,
    pub consent_text: String,
    pub consent_version: String,
    pub engagement_ids: Vec<i64>,
    pub goal_ids: Vec<i64>,
    pub language: Option<String>,
}

impl CallDraft {
    /// # Errors
    /// Every field that is missing or malformed, a closing date before the opening date, and
    /// unknown links.
    pub fn validate(&self, refs: &References) -> Result<NewCall, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let zone = if self.time_zone.trim().is_empty() {
            Zone::default()
        } else {
            e.check("time_zone", input::code(&self.time_zone, Zone::from_code, Zone::ALL, Zone::code)).unwrap_or_default()
        };
        let opens_on = e.check("opens_on", input::required_date(&self.opens_on)).unwrap_or(Date::MIN);
        let closes_on = e.check("closes_on", input::required_date(&self.closes_on)).unwrap_or(Date::MIN);
        if opens_on != Date::MIN && closes_on != Date::MIN && closes_on < opens_on {
            e.add("closes_on", Problem::EndBeforeStart);
        }
        let closes_time = e.check("closes_time", clock(&self.closes_time)).flatten();
        let questions: Vec<String> = self.questions.lines().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned).collect();
        if questions.is_empty() {
            e.add("questions", Problem::Required);
        }
        let consent_text = e.check("consent_text", input::required_text(&self.consent_text, TEXT_MAX)).unwrap_or_default();
        let call = NewCall {
            owner_id: e.check("owner_id", crate::decision::owner(self.owner_id, refs)).unwrap_or_default(),
            title: e.check("call_title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default(),
            body: e.check("call_text", input::required_text(&self.body, TEXT_MAX)).unwrap_or_default(),
            questions,
            audience: e.check("audience", input::optional_text(&self.audience, TITLE_MAX)).flatten(),
            opens_on,
            closes_on,
            closes_time,
            zone,
            opens_at: opens_at(opens_on, zone),
            closes_at: closes_at(closes_on, closes_time, zone),
            require_name: self.require_name,
            require_email: self.require_email,
            consent_version: consent_version(&consent_text),
            consent_text,
            engagement_ids: e
                .check("engagement_ids", known(&self.engagement_ids, |id| refs.engagements.contains_key(id)))
                .unwrap_or_default(),
            goal_ids: e.check("goal_ids", known(&self.goal_ids, |id| refs.goals.contains_key(id))).unwrap_or_default(),
            language: e.check("language", crate::news::language(&self.language)).flatten(),
        };
        e.into_result(|| call)
    }
}

/// An optional time of day `HH:MM`.
///
/// # Errors
/// `InvalidFormat`.
pub fn clock(text: &str) -> Result<Option<Time>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Time::parse(t, format_description!("[hour]:[minute]")).map(Some).map_err(|_| Problem::InvalidFormat { expected: "a time HH:MM" })
}

/// What a call asks of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Requirements {
    pub name: bool,
    pub email: bool,
}

/// Raw input for an answer to a call.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SubmissionDraft {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub answer: String,
    /// The consent box: any non-blank value means ticked.
    pub consent: String,
    /// Files sent with the answer (see [`crate::attachment`] for the limits); never from a URL-encoded body.
    #[serde(skip)]
    pub attachments: Vec<AttachmentDraft>,
}

/// A validated answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    pub name: Option<String>,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub answer: String,
    pub attachments: Vec<NewAttachment>,
}

impl SubmissionDraft {
    /// # Errors
    /// A missing answer or consent, a name or e-mail the call requires, a malformed e-mail.
    pub fn validate(&self, needs: Requirements) -> Result<NewSubmission, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let name = e.check("sender_name", input::optional_text(&self.name, TITLE_MAX)).flatten();
        if needs.name && name.is_none() {
            e.add("sender_name", Problem::Required);
        }
        let email = e.check("email", email(&self.email)).flatten();
        if needs.email && email.is_none() && e.for_field("email").is_none() {
            e.add("email", Problem::Required);
        }
        let submission = NewSubmission {
            name,
            email,
            organisation: e.check("sender_organisation", input::optional_text(&self.organisation, TITLE_MAX)).flatten(),
            answer: e.check("answer", input::required_text(&self.answer, TEXT_MAX)).unwrap_or_default(),
            attachments: e.check("attachments", attachment::check(self.attachments.clone())).unwrap_or_default(),
        };
        if self.consent.trim().is_empty() {
            e.add("consent", Problem::Required);
        }
        e.into_result(|| submission)
    }
}

/// An optional e-mail address of the plain shape `local@domain.tld`.
///
/// # Errors
/// `InvalidFormat`.
pub fn email(text: &str) -> Result<Option<String>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let ok = t.len() <= 254
        && !t.chars().any(char::is_whitespace)
        && t.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains('@')
        });
    if ok { Ok(Some(t.to_owned())) } else { Err(Problem::InvalidFormat { expected: "an e-mail address such as navn@example.no" }) }
}

/// Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return as a formula: such a cell is exported with a leading apostrophe.
#[must_use]
pub fn neutralise_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, time};

    use super::*;

    #[test]
    fn a_call_closes_at_2359_local_time_unless_a_time_is_given() {
        // Telemark's call: deadline 2023-12-27, winter time in Oslo (UTC+1).
        assert_eq!(closes_at(date!(2023 - 12 - 27), None, Zone::EuropeOslo), datetime!(2023-12-27 22:59 UTC));
        assert_eq!(closes_at(date!(2023 - 12 - 27), Some(time!(12:00)), Zone::EuropeOslo), datetime!(2023-12-27 11:00 UTC));
        // Summer time in Stockholm (UTC+2).
        assert_eq!(closes_at(date!(2024 - 06 - 14), None, Zone::EuropeStockholm), datetime!(2024-06-14 21:59 UTC));
    }

    #[test]
    fn the_phase_turns_at_the_closing_minute() {
        let opens = opens_at(date!(2023 - 11 - 20), Zone::EuropeOslo);
        let closes = closes_at(date!(2023 - 12 - 27), None, Zone::EuropeOslo);
        assert_eq!(Phase::of(opens, closes, datetime!(2023-11-19 22:59 UTC)), Phase::NotYetOpen);
        assert_eq!(Phase::of(opens, closes, datetime!(2023-11-19 23:00 UTC)), Phase::Open);
        assert_eq!(Phase::of(opens, closes, datetime!(2023-12-27 22:58:59 UTC)), Phase::Open);
        assert_eq!(Phase::of(opens, closes, datetime!(2023-12-27 22:59 UTC)), Phase::Closed);
    }

    #[test]
    fn the_consent_version_follows_the_exact_text() {
        assert_eq!(consent_version("Jeg samtykker."), consent_version(" Jeg samtykker. "));
        assert_ne!(consent_version("Jeg samtykker."), consent_version("Jeg samtykker!"));
    }

    #[test]
    fn an_answer_needs_what_the_call_requires() {
        let d = SubmissionDraft { answer: "Mer samarbeid med Agder.".into(), consent: "yes".into(), ..SubmissionDraft::default() };
        assert!(d.validate(Requirements::default()).is_ok());
        let e = d.validate(Requirements { name: true, email: true }).unwrap_err();
        assert_eq!(e.for_field("sender_name"), Some(&Problem::Required));
        assert_eq!(e.for_field("email"), Some(&Problem::Required));
        let bad = SubmissionDraft { email: "not-an-address".into(), consent: String::new(), ..d };
        let e = bad.validate(Requirements::default()).unwrap_err();
        assert!(matches!(e.for_field("email"), Some(Problem::InvalidFormat { .. })));
        assert_eq!(e.for_field("consent"), Some(&Problem::Required));
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx"] {
            assert!(neutralise_cell(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise_cell("Telemark"), "Telemark");
    }
}
