//! Representatives and their mandates: who sits where on the authority's behalf, what she may
//! agree to, to whom she reports and how often, and when her next report back is due.
//!
//! The due-date rule lives here as plain functions of (duty, last report, today) so the lists
//! of reports due soon and overdue are computed the same way everywhere and tested without I/O.

use std::collections::HashSet;

use serde::Deserialize;
use time::{Date, Duration, Month};

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TEXT_MAX, TITLE_MAX};

crate::code_enum! {
    /// What a representative is in the engagement.
    pub enum MandateRole {
        BoardMember => "board_member",
        Member => "member",
        ContactPerson => "contact_person",
        Delegate => "delegate",
        Observer => "observer",
    }
}

crate::code_enum! {
    /// How often a representative reports back to the body that gave the mandate.
    pub enum Frequency {
        EveryMeeting => "every_meeting",
        Quarterly => "quarterly",
        HalfYearly => "half_yearly",
        Yearly => "yearly",
    }
}

impl Frequency {
    /// The months between two reports; `None` for "after every meeting", which follows the
    /// meeting calendar instead.
    #[must_use]
    pub const fn months(self) -> Option<u8> {
        match self {
            Self::EveryMeeting => None,
            Self::Quarterly => Some(3),
            Self::HalfYearly => Some(6),
            Self::Yearly => Some(12),
        }
    }
}

/// Days after a meeting within which the report on it is due.
pub const DAYS_AFTER_MEETING: i64 = 14;
/// A report due within this many days is "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

crate::code_enum! {
    /// Where a report back stands on a given day.
    pub enum DueState { Overdue => "overdue", DueSoon => "due_soon", Upcoming => "upcoming" }
}

/// The reporting duty of a mandate, as far as due dates are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    pub frequency: Frequency,
    pub start: Date,
    pub end: Option<Date>,
    /// The next meeting of the engagement's body (for "after every meeting").
    pub next_meeting: Option<Date>,
}

/// `date` plus whole months, the day clamped to the end of a shorter month (31 Jan + 1 month
/// is 28/29 Feb).
#[must_use]
pub fn add_months(date: Date, months: u32) -> Date {
    let total = i64::from(date.year()) * 12 + i64::from(u8::from(date.month()) - 1) + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
    let month = Month::try_from(u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1)).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The date the next report back is due, or `None` when nothing is due: the mandate has
/// ended (it is flagged instead), or a meeting-based duty has no coming meeting to report on.
///
/// The rule: a periodic duty counts from the latest report back (or from the start of the
/// mandate when there is none) and adds the period; when that falls after the end of the
/// mandate, the final report is due on the end date. "After every meeting" is due
/// [`DAYS_AFTER_MEETING`] days after the next meeting, unless a report was written on or after
/// that meeting.
#[must_use]
pub fn next_due(duty: &Duty, last_report: Option<Date>, today: Date) -> Option<Date> {
    if duty.end.is_some_and(|end| end < today) {
        return None;
    }
    let due = match duty.frequency.months() {
        Some(months) => add_months(last_report.unwrap_or(duty.start).max(duty.start), u32::from(months)),
        None => {
            let meeting = duty.next_meeting?;
            if last_report.is_some_and(|r| r >= meeting) {
                return None;
            }
            meeting + Duration::days(DAYS_AFTER_MEETING)
        }
    };
    Some(duty.end.map_or(due, |end| due.min(end)))
}

/// Overdue after the due date, due soon within [`DUE_SOON_DAYS`], upcoming otherwise.
#[must_use]
pub fn due_state(due: Date, today: Date) -> DueState {
    if due < today {
        DueState::Overdue
    } else if due <= today + Duration::days(DUE_SOON_DAYS) {
        DueState::DueSoon
    } else {
        DueState::Upcoming
    }
}

/// Raw input for a person who represents the authority.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PersonDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub name: String,
    /// Job title or political office, e.g. "Regionråd".
    pub title: String,
    pub department: String,
    pub email: String,
    /// She consented to her name being shown on the public pages (else only her role is).
    pub show_name: bool,
}

/// A validated person. Only what the follow-up needs is kept (GDPR: data minimisation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub owner_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub email: Option<String>,
    pub show_name: bool,
}

impl PersonDraft {
    /// # Errors
    /// Every field at fault; an owner that is not a known organisation.
    pub fn validate(&self, owner_known: bool) -> Result<NewPerson, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let owner_id = e
            .check(
                "owner_id",
                input::required_id(self.owner_id).and_then(|id| if owner_known { Ok(id) } else { Err(Problem::UnknownReference) }),
            )
            .unwrap_or_default();
        let person = NewPerson {
            owner_id,
            name: e.check("name", input::required_text(&self.name, TITLE_MAX)).unwrap_or_default(),
            title: e.check("person_title", input::optional_text(&self.title, TITLE_MAX)).flatten(),
            department: e.check("department", input::optional_text(&self.department, TITLE_MAX)).flatten(),
            email: e.check("email", email(&self.email)).flatten(),
            show_name: self.show_name,
        };
        e.into_result(|| person)
    }
}

/// An optional e-mail address of the plain `local@domain.tld` shape.
///
/// # Errors
/// `InvalidFormat` otherwise.
pub fn email(text: &str) -> Result<Option<String>, Problem> {
    let Some(trimmed) = input::optional_text(text, TITLE_MAX)? else { return Ok(None) };
    let ok = trimmed.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains('@')
    }) && !trimmed.chars().any(char::is_whitespace);
    if ok { Ok(Some(trimmed)) } else { Err(Problem::InvalidFormat { expected: "an e-mail address such as name@example.org" }) }
}

/// Raw input for a mandate.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MandateDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub engagement_id: Option<i64>,
    /// Blank: the seat is vacant (the mandate is then flagged).
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub person_id: Option<i64>,
    /// `board_member`, `member`, `contact_person`, `delegate` or `observer`.
    pub role: String,
    /// The body that gave the mandate, e.g. "Regionala nämnden".
    pub body: String,
    pub case_number: String,
    pub decision_date: String,
    pub start: String,
    pub end: String,
    /// What the representative may agree to on the authority's behalf.
    pub instructions: String,
    /// The body the representative reports back to.
    pub report_to: String,
    /// `every_meeting`, `quarterly`, `half_yearly` or `yearly`.
    pub frequency: String,
    pub next_meeting: String,
}

/// A validated mandate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMandate {
    pub engagement_id: i64,
    pub person_id: Option<i64>,
    pub role: MandateRole,
    pub body: String,
    pub case_number: Option<String>,
    pub decision_date: Option<Date>,
    pub start: Date,
    pub end: Option<Date>,
    pub instructions: Option<String>,
    pub report_to: String,
    pub frequency: Frequency,
    pub next_meeting: Option<Date>,
}

/// What validating a mandate needs to know: the owners of the engagement and the person.
#[derive(Debug, Clone, Copy, Default)]
pub struct MandateRefs {
    pub engagement_owner: Option<i64>,
    pub person_owner: Option<i64>,
}

impl MandateDraft {
    /// # Errors
    /// Every field at fault: unknown engagement or person, a person of another authority, an
    /// end before the start, unknown codes.
    pub fn validate(&self, refs: MandateRefs) -> Result<NewMandate, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let engagement_id = e
            .check(
                "engagement_id",
                input::required_id(self.engagement_id).and_then(|id| refs.engagement_owner.map(|_| id).ok_or(Problem::UnknownReference)),
            )
            .unwrap_or_default();
        let person_id = e
            .check(
                "person_id",
                match (self.person_id, refs.person_owner) {
                    (None, _) => Ok(None),
                    (Some(_), None) => Err(Problem::UnknownReference),
                    (Some(_), Some(owner)) if refs.engagement_owner.is_some_and(|o| o != owner) => Err(Problem::OtherAuthority),
                    (Some(id), Some(_)) => Ok(Some(id)),
                },
            )
            .flatten();
        let start = e.check("start", input::required_date(&self.start)).unwrap_or(Date::MIN);
        let end = e.check("end", input::optional_date(&self.end)).flatten();
        if end.is_some_and(|end| end < start) {
            e.add("end", Problem::EndBeforeStart);
        }
        let mandate = NewMandate {
            engagement_id,
            person_id,
            role: e
                .check("mandate_role", input::code(&self.role, MandateRole::from_code, MandateRole::ALL, MandateRole::code))
                .unwrap_or(MandateRole::Member),
            body: e.check("mandate_body", input::required_text(&self.body, TITLE_MAX)).unwrap_or_default(),
            case_number: e.check("case_number", crate::decision::case_number(&self.case_number)).flatten(),
            decision_date: e.check("decision_date", input::optional_date(&self.decision_date)).flatten(),
            start,
            end,
            instructions: e.check("instructions", input::optional_text(&self.instructions, TEXT_MAX)).flatten(),
            report_to: e.check("report_to", input::required_text(&self.report_to, TITLE_MAX)).unwrap_or_default(),
            frequency: e
                .check("frequency", input::code(&self.frequency, Frequency::from_code, Frequency::ALL, Frequency::code))
                .unwrap_or(Frequency::Yearly),
            next_meeting: e.check("next_meeting", input::optional_date(&self.next_meeting)).flatten(),
        };
        e.into_result(|| mandate)
    }
}

/// Raw input for a report back.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReportDraft {
    pub date: String,
    /// The meeting(s) the report covers, e.g. "Board meeting 2025-03-12".
    pub meetings: String,
    pub text: String,
    /// The goals the report speaks to.
    pub goal_ids: Vec<i64>,
}

/// A validated report back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub date: Date,
    pub meetings: Option<String>,
    pub text: String,
    pub goal_ids: Vec<i64>,
}

impl ReportDraft {
    /// `known_goals`: the goals of the authority's plans the report may speak to.
    ///
    /// # Errors
    /// Every field at fault; a date outside the mandate's period (a report for a mandate that
    /// had ended, or before it began) or in the future.
    pub fn validate(
        &self,
        mandate_start: Date,
        mandate_end: Option<Date>,
        known_goals: &HashSet<i64>,
        today: Date,
    ) -> Result<NewReport, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let date = e.check("date", input::required_date(&self.date)).unwrap_or(Date::MIN);
        if date != Date::MIN {
            if mandate_end.is_some_and(|end| date > end) {
                e.add("date", Problem::Rule { rule: "the mandate had ended before this date".into() });
            } else if date < mandate_start {
                e.add("date", Problem::Rule { rule: "the mandate had not begun on this date".into() });
            } else if date > today {
                e.add("date", Problem::Rule { rule: "a report back cannot be dated in the future".into() });
            }
        }
        let mut goal_ids = self.goal_ids.clone();
        goal_ids.sort_unstable();
        goal_ids.dedup();
        if goal_ids.iter().any(|g| !known_goals.contains(g)) {
            e.add("goal_ids", Problem::UnknownReference);
        }
        let report = NewReport {
            date,
            meetings: e.check("meetings", input::optional_text(&self.meetings, TITLE_MAX)).flatten(),
            text: e.check("text", input::required_text(&self.text, TEXT_MAX)).unwrap_or_default(),
            goal_ids,
        };
        e.into_result(|| report)
    }
}

/// The largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;

/// The content types an attachment may have, decided from its bytes, never from its name.
const PDF: &str = "application/pdf";
const PNG: &str = "image/png";
const JPEG: &str = "image/jpeg";
const TEXT: &str = "text/plain; charset=utf-8";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The content type of a file, sniffed from its first bytes: PDF, PNG, JPEG, Word and Excel
/// (Office Open XML) documents, or plain UTF-8 text. Anything else (executables, HTML, other
/// archives) is refused: it is `None`.
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some(PDF)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(PNG)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(JPEG)
    } else if bytes.starts_with(b"PK\x03\x04") {
        // An Office Open XML package names its main part in the first entries.
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        if has(b"word/") {
            Some(DOCX)
        } else if has(b"xl/") {
            Some(XLSX)
        } else {
            None
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        // Markup would be served back to browsers: only plain text passes.
        let start = text.trim_start().get(..64.min(text.trim_start().len())).unwrap_or_default().to_ascii_lowercase();
        let markup = start.starts_with("<!doctype")
            || start.starts_with("<html")
            || start.starts_with("<svg")
            || start.starts_with("<?xml")
            || start.starts_with("<script");
        (!text.contains('\0') && !markup).then_some(TEXT)
    } else {
        None
    }
}

/// A validated attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub file_name: String,
    pub content_type: &'static str,
    pub data: Vec<u8>,
}

/// Checks an uploaded file: not empty, at most [`MAX_ATTACHMENT_BYTES`], and of an allowed type
/// by its content. The name is kept for the download only (path parts removed).
///
/// # Errors
/// `Rule` naming the limit or the refused type, on the field `attachment`.
pub fn attachment(file_name: &str, data: Vec<u8>) -> Result<NewAttachment, ValidationErrors> {
    if data.len() > MAX_ATTACHMENT_BYTES {
        return Err(ValidationErrors::single("attachment", Problem::Rule { rule: "the file is larger than 5 MB".into() }));
    }
    if data.is_empty() {
        return Err(ValidationErrors::single("attachment", Problem::Required));
    }
    let Some(content_type) = sniff(&data) else {
        return Err(ValidationErrors::single(
            "attachment",
            Problem::Rule { rule: "only PDF, PNG, JPEG, Word, Excel and plain text files are accepted".into() },
        ));
    };
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    let file_name = if base.is_empty() { "attachment".to_owned() } else { base.chars().filter(|c| !c.is_control()).take(200).collect() };
    Ok(NewAttachment { file_name, content_type, data })
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn duty(frequency: Frequency, start: Date, end: Option<Date>) -> Duty {
        Duty { frequency, start, end, next_meeting: None }
    }

    #[test]
    fn months_are_added_with_the_day_clamped() {
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2025 - 11 - 15), 3), date!(2026 - 02 - 15));
        assert_eq!(add_months(date!(2025 - 06 - 30), 12), date!(2026 - 06 - 30));
    }

    /// Worked example: Mid Sweden Office, yearly to regionala nämnden, mandate from
    /// 2023-01-01, last report 2025-02-10: the next is due 2026-02-10. On 2026-01-20 that is
    /// due soon (21 days), on 2026-03-01 overdue, on 2025-06-01 upcoming.
    #[test]
    fn a_yearly_duty_is_due_a_year_after_the_last_report() {
        let d = duty(Frequency::Yearly, date!(2023 - 01 - 01), None);
        let due = next_due(&d, Some(date!(2025 - 02 - 10)), date!(2026 - 01 - 20));
        assert_eq!(due, Some(date!(2026 - 02 - 10)));
        assert_eq!(due_state(date!(2026 - 02 - 10), date!(2026 - 01 - 20)), DueState::DueSoon);
        assert_eq!(due_state(date!(2026 - 02 - 10), date!(2026 - 03 - 01)), DueState::Overdue);
        assert_eq!(due_state(date!(2026 - 02 - 10), date!(2025 - 06 - 01)), DueState::Upcoming);
    }

    /// Worked example: quarterly from 2025-01-15 with no report yet: due 2025-04-15; on
    /// 2025-05-01 it is overdue.
    #[test]
    fn without_a_report_the_period_counts_from_the_start() {
        let d = duty(Frequency::Quarterly, date!(2025 - 01 - 15), None);
        assert_eq!(next_due(&d, None, date!(2025 - 05 - 01)), Some(date!(2025 - 04 - 15)));
        let half = duty(Frequency::HalfYearly, date!(2025 - 01 - 15), None);
        assert_eq!(next_due(&half, None, date!(2025 - 05 - 01)), Some(date!(2025 - 07 - 15)));
    }

    /// Worked example: half-yearly, mandate ends 2025-12-31, last report 2025-09-01: the
    /// period would end 2026-03-01, so the final report is due on the end date.
    #[test]
    fn the_final_report_is_due_when_the_mandate_ends() {
        let d = duty(Frequency::HalfYearly, date!(2024 - 01 - 01), Some(date!(2025 - 12 - 31)));
        assert_eq!(next_due(&d, Some(date!(2025 - 09 - 01)), date!(2025 - 10 - 01)), Some(date!(2025 - 12 - 31)));
        // After the end nothing is due: the mandate is flagged as ended instead.
        assert_eq!(next_due(&d, Some(date!(2025 - 09 - 01)), date!(2026 - 01 - 02)), None);
    }

    /// Worked example: after every meeting, next meeting 2025-03-12: due 2025-03-26, unless a
    /// report was written on or after the meeting day.
    #[test]
    fn a_meeting_duty_follows_the_meeting_calendar() {
        let mut d = duty(Frequency::EveryMeeting, date!(2024 - 01 - 01), None);
        assert_eq!(next_due(&d, None, date!(2025 - 03 - 01)), None);
        d.next_meeting = Some(date!(2025 - 03 - 12));
        assert_eq!(next_due(&d, Some(date!(2025 - 01 - 10)), date!(2025 - 03 - 01)), Some(date!(2025 - 03 - 26)));
        assert_eq!(next_due(&d, Some(date!(2025 - 03 - 13)), date!(2025 - 03 - 20)), None);
    }

    #[test]
    fn a_report_after_the_mandate_ended_is_refused() {
        let draft = ReportDraft { date: "2026-01-10".into(), text: "Rapport".into(), ..ReportDraft::default() };
        let errors =
            draft.validate(date!(2024 - 01 - 01), Some(date!(2025 - 12 - 31)), &HashSet::new(), date!(2026 - 02 - 01)).unwrap_err();
        assert_eq!(errors.for_field("date"), Some(&Problem::Rule { rule: "the mandate had ended before this date".into() }));
        let ok = ReportDraft { date: "2025-12-31".into(), ..draft };
        assert!(ok.validate(date!(2024 - 01 - 01), Some(date!(2025 - 12 - 31)), &HashSet::new(), date!(2026 - 02 - 01)).is_ok());
    }

    #[test]
    fn a_report_may_only_speak_to_known_goals() {
        let draft = ReportDraft { date: "2025-01-10".into(), text: "Rapport".into(), goal_ids: vec![7, 9], ..ReportDraft::default() };
        let known: HashSet<i64> = [7].into();
        let errors = draft.validate(date!(2024 - 01 - 01), None, &known, date!(2025 - 02 - 01)).unwrap_err();
        assert_eq!(errors.for_field("goal_ids"), Some(&Problem::UnknownReference));
    }

    #[test]
    fn attachments_are_typed_by_their_content_not_their_name() {
        assert_eq!(sniff(b"%PDF-1.7\n...").map(str::to_owned), Some(PDF.to_owned()));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(PNG));
        assert_eq!(sniff(b"Minutes of the board meeting"), Some(TEXT));
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), None, "a Windows executable");
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None, "markup");
        // An executable named report.pdf is still refused.
        assert!(attachment("report.pdf", b"\x7fELF\x02\x01\x01\0".to_vec()).is_err());
        let ok = attachment("C:\\Users\\a\\minutes.pdf", b"%PDF-1.4".to_vec()).unwrap();
        assert_eq!((ok.file_name.as_str(), ok.content_type), ("minutes.pdf", PDF));
    }

    #[test]
    fn an_attachment_above_the_limit_is_refused() {
        let errors = attachment("big.pdf", vec![b'%'; MAX_ATTACHMENT_BYTES + 1]).unwrap_err();
        assert_eq!(errors.for_field("attachment"), Some(&Problem::Rule { rule: "the file is larger than 5 MB".into() }));
    }

    #[test]
    fn a_person_of_another_authority_cannot_hold_the_mandate() {
        let draft = MandateDraft {
            engagement_id: Some(1),
            person_id: Some(2),
            role: "delegate".into(),
            body: "Regionala nämnden".into(),
            start: "2025-01-01".into(),
            report_to: "Regionala nämnden".into(),
            frequency: "yearly".into(),
            ..MandateDraft::default()
        };
        let errors = draft.validate(MandateRefs { engagement_owner: Some(10), person_owner: Some(11) }).unwrap_err();
        assert_eq!(errors.for_field("person_id"), Some(&Problem::OtherAuthority));
        assert!(draft.validate(MandateRefs { engagement_owner: Some(10), person_owner: Some(10) }).is_ok());
    }

    #[test]
    fn e_mail_addresses_have_the_plain_shape() {
        assert_eq!(email("anna@rvn.se"), Ok(Some("anna@rvn.se".into())));
        assert_eq!(email(""), Ok(None));
        assert!(email("anna@").is_err());
        assert!(email("anna rvn.se").is_err());
    }
}
