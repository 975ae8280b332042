//! EU-funded projects: the programme and the authority's role, the budget by year and by
//! partner, and the lessons learned that must exist before a project can be closed.
//!
//! An EU project is an engagement of kind [`EngagementKind::EuProject`]; this module holds only
//! what such an engagement adds. Amounts are whole euros; a co-financing rate is kept in
//! hundredths of a percent (`7500` = 75 %), so every sum and comparison is exact.

use serde::{Deserialize, Serialize};

use crate::engagement::{EngagementKind, EngagementStatus};
use crate::error::{Problem, ValidationErrors};
use crate::input::{self, Period, TEXT_MAX, TITLE_MAX};

crate::code_enum! {
    /// The EU funding programmes the authorities take part in.
    pub enum Programme {
        Interreg => "interreg",
        ErasmusPlus => "erasmus_plus",
        EuropeanSolidarityCorps => "european_solidarity_corps",
        HorizonEurope => "horizon_europe",
        Other => "other",
    }
}

crate::code_enum! {
    /// The authority's own role in an EU project.
    pub enum ProjectRole { LeadPartner => "lead_partner", Partner => "partner", AssociatedPartner => "associated_partner" }
}

/// Raw input for the EU-project details of an engagement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EuProjectDraft {
    pub programme: String,
    /// The Interreg strand or programme area (e.g. «Interreg Aurora», «VI-A Sverige–Norge»).
    pub strand: String,
    pub funding_call: String,
    pub project_role: String,
    /// The authority's department that runs the project (the sums per department use it).
    pub lead_department: String,
}

/// Validated EU-project details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEuProject {
    pub programme: Programme,
    pub strand: Option<String>,
    pub call: Option<String>,
    pub role: ProjectRole,
    pub department: Option<String>,
}

impl EuProjectDraft {
    /// Validates the details of an engagement of `kind`.
    ///
    /// # Errors
    /// An engagement that is not an EU project; a missing or unknown programme or role; an
    /// Interreg project without its strand; over-long texts.
    pub fn validate(&self, kind: EngagementKind) -> Result<NewEuProject, ValidationErrors> {
        let mut e = ValidationErrors::new();
        if kind != EngagementKind::EuProject {
            e.add("kind", Problem::NotEuProject);
        }
        let programme = e.check("programme", input::code(&self.programme, Programme::from_code, Programme::ALL, Programme::code));
        let strand = e.check("strand", input::optional_text(&self.strand, TITLE_MAX)).flatten();
        if programme == Some(Programme::Interreg) && strand.is_none() && e.for_field("strand").is_none() {
            e.add("strand", Problem::Required);
        }
        let project = NewEuProject {
            programme: programme.unwrap_or(Programme::Other),
            strand,
            call: e.check("funding_call", input::optional_text(&self.funding_call, TITLE_MAX)).flatten(),
            role: e
                .check("project_role", input::code(&self.project_role, ProjectRole::from_code, ProjectRole::ALL, ProjectRole::code))
                .unwrap_or(ProjectRole::Partner),
            department: e.check("lead_department", input::optional_text(&self.lead_department, TITLE_MAX)).flatten(),
        };
        e.into_result(|| project)
    }
}

/// Raw input for one budget line: one partner's budget for one year.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct BudgetLineDraft {
    pub year: String,
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub organisation_id: Option<i64>,
    pub total: String,
    pub eu_grant: String,
    pub national_cofinancing: String,
    pub own_contribution: String,
    /// The EU co-financing rate in percent (e.g. `75` or `62,5`); computed from the grant and
    /// the total when blank.
    pub cofinancing_rate: String,
}

/// A validated budget line. The parts add up to the total and the rate matches them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewBudgetLine {
    pub year: i32,
    pub organisation_id: i64,
    pub total: i64,
    pub eu_grant: i64,
    pub national_cofinancing: i64,
    pub own_contribution: i64,
    /// Hundredths of a percent.
    pub cofinancing_rate: i64,
}

/// What a budget line is checked against: the project's period, the organisations that may
/// carry a budget (the owner and the participants), and the lines already there.
#[derive(Debug, Clone, Default)]
pub struct BudgetContext {
    pub period: Period,
    pub partners: Vec<i64>,
    /// `(line id, year, organisation id)` of the project's other lines.
    pub lines: Vec<(i64, i32, i64)>,
}

/// The rate (hundredths of a percent) the grant is of the total, rounded half up; 0 for an
/// empty total.
#[must_use]
pub fn rate_of(eu_grant: i64, total: i64) -> i64 {
    if total <= 0 { 0 } else { (eu_grant.saturating_mul(20_000) / total + 1) / 2 }
}

/// A rate stored in hundredths of a percent, as people write it: `75`, `62.5`, `33.33`.
#[must_use]
pub fn format_rate(rate: i64) -> String {
    let whole = rate / 100;
    match rate % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// Largest rounding difference accepted between a typed rate and the computed one: half a
/// percentage point, since programmes quote rates rounded to whole or half percents.
const RATE_TOLERANCE: i64 = 50;

impl BudgetLineDraft {
    /// Validates a line of a project (`line_id` when editing one).
    ///
    /// # Errors
    /// Every malformed field; a year outside the project's period; an organisation that is
    /// neither the owner nor a participant; the same partner and year twice; parts that do
    /// not add up to the total; an EU grant above the total; a rate above 100 % or not
    /// matching the grant and total.
    pub fn validate(&self, line_id: Option<i64>, ctx: &BudgetContext) -> Result<NewBudgetLine, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let year = e.check("year", parse_year(&self.year));
        if let Some(y) = year
            && !ctx.period.touches_year(y)
        {
            e.add("year", Problem::YearOutsidePeriod);
        }
        let organisation_id = e.check(
            "organisation_id",
            input::required_id(self.organisation_id)
                .and_then(|id| if ctx.partners.contains(&id) { Ok(id) } else { Err(Problem::NotAPartner) }),
        );
        if let (Some(y), Some(org)) = (year, organisation_id)
            && ctx.lines.iter().any(|(id, ly, lo)| *ly == y && *lo == org && Some(*id) != line_id)
        {
            e.add("year", Problem::Duplicate);
        }
        let total = e.check("total", parse_amount(&self.total, true)).unwrap_or_default();
        let eu_grant = e.check("eu_grant", parse_amount(&self.eu_grant, true)).unwrap_or_default();
        let national = e.check("national_cofinancing", parse_amount(&self.national_cofinancing, false)).unwrap_or_default();
        let own = e.check("own_contribution", parse_amount(&self.own_contribution, false)).unwrap_or_default();
        let amounts_ok = ["total", "eu_grant", "national_cofinancing", "own_contribution"].iter().all(|f| e.for_field(f).is_none());
        if amounts_ok {
            if eu_grant > total {
                e.add("eu_grant", Problem::GrantAboveTotal);
            } else {
                let parts = eu_grant.saturating_add(national).saturating_add(own);
                if parts != total {
                    e.add("total", Problem::PartsDoNotAddUp { parts });
                }
            }
        }
        let computed = rate_of(eu_grant, total);
        let rate = match e.check("cofinancing_rate", parse_rate(&self.cofinancing_rate)).flatten() {
            Some(r) if r > 10_000 => {
                e.add("cofinancing_rate", Problem::RateAbove100);
                r
            }
            Some(r) if amounts_ok && (r - computed).abs() > RATE_TOLERANCE => {
                e.add("cofinancing_rate", Problem::RateMismatch { computed: format_rate(computed) });
                r
            }
            Some(r) => r,
            None => computed,
        };
        let line = NewBudgetLine {
            year: year.unwrap_or_default(),
            organisation_id: organisation_id.unwrap_or_default(),
            total,
            eu_grant,
            national_cofinancing: national,
            own_contribution: own,
            cofinancing_rate: rate,
        };
        e.into_result(|| line)
    }
}

/// A calendar year between 1950 and 2100.
///
/// # Errors
/// `Required` or `InvalidFormat`.
pub fn parse_year(text: &str) -> Result<i32, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    t.parse::<i32>().ok().filter(|y| (1950..=2100).contains(y)).ok_or(Problem::InvalidFormat { expected: "a year, e.g. 2025" })
}

/// Whole euros, with spaces (also no-break and thin) or `_` as thousands separators; blank is
/// 0 unless `required`.
///
/// # Errors
/// `Required`, or `InvalidFormat` for anything but a whole number of 0 or more.
pub fn parse_amount(text: &str, required: bool) -> Result<i64, Problem> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_')).collect();
    if cleaned.is_empty() {
        return if required { Err(Problem::Required) } else { Ok(0) };
    }
    cleaned
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0 && *n <= 1_000_000_000_000)
        .ok_or(Problem::InvalidFormat { expected: "a whole number of euros, 0 or more" })
}

/// A percentage with at most two decimals (`.` or `,`), as hundredths; blank is `None`.
///
/// # Errors
/// `InvalidFormat`.
pub fn parse_rate(text: &str) -> Result<Option<i64>, Problem> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || Problem::InvalidFormat { expected: "a percentage, e.g. 75 or 62.5" };
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() || frac.len() > 2 || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().map_err(|_| bad())? };
    Ok(Some(whole.saturating_mul(100).saturating_add(frac)))
}

/// An EU project cannot be closed (status ended) before its lessons learned are written.
///
/// # Errors
/// `LessonsRequired` for an ended EU project with no lessons.
pub fn require_lessons(kind: EngagementKind, status: EngagementStatus, lessons: i64) -> Result<(), Problem> {
    if kind == EngagementKind::EuProject && status == EngagementStatus::Ended && lessons == 0 {
        Err(Problem::LessonsRequired)
    } else {
        Ok(())
    }
}

/// Raw input for a lesson learned.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LessonDraft {
    pub title: String,
    pub lesson_text: String,
    /// Departments it is addressed to, one per line or separated by commas.
    pub addressed_departments: String,
    /// Goals it is addressed to.
    pub addressed_goals: Vec<i64>,
}

/// A validated lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLesson {
    pub title: String,
    pub text: String,
    pub departments: Vec<String>,
    pub goal_ids: Vec<i64>,
}

impl LessonDraft {
    /// Validates a lesson; `known_goals` are the goals of the owner's plans.
    ///
    /// # Errors
    /// Missing title or text; no addressee; a goal that is not the owner's.
    pub fn validate(&self, known_goals: &[i64]) -> Result<NewLesson, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let title = e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default();
        let text = e.check("lesson_text", input::required_text(&self.lesson_text, TEXT_MAX)).unwrap_or_default();
        let mut departments: Vec<String> = Vec::new();
        for d in self.addressed_departments.split([',', '\n', ';']).map(str::trim).filter(|d| !d.is_empty()) {
            if !departments.iter().any(|k| k == d) {
                departments.push(d.to_owned());
            }
        }
        if departments.iter().any(|d| d.chars().count() > TITLE_MAX) {
            e.add("addressed_departments", Problem::TooLong { max: TITLE_MAX });
        }
        let mut goal_ids = self.addressed_goals.clone();
        goal_ids.sort_unstable();
        goal_ids.dedup();
        if goal_ids.iter().any(|g| !known_goals.contains(g)) {
            e.add("addressed_goals", Problem::UnknownReference);
        }
        if departments.is_empty() && goal_ids.is_empty() {
            e.add("addressed_departments", Problem::AddresseeRequired);
        }
        let lesson = NewLesson { title, text, departments, goal_ids };
        e.into_result(|| lesson)
    }
}

/// Raw input for "I have read this lesson". Until samverk has accounts the reader types her
/// name and department; an account id replaces them later (the store keeps a column for it).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReadingDraft {
    pub reader_name: String,
    pub reader_department: String,
    pub read_on: String,
}

/// A validated reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReading {
    pub reader_name: String,
    pub reader_department: Option<String>,
    pub read_on: time::Date,
}

impl ReadingDraft {
    /// # Errors
    /// A missing name or a bad date.
    pub fn validate(&self) -> Result<NewReading, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let reading = NewReading {
            reader_name: e.check("reader_name", input::required_text(&self.reader_name, TITLE_MAX)).unwrap_or_default(),
            reader_department: e.check("reader_department", input::optional_text(&self.reader_department, TITLE_MAX)).flatten(),
            read_on: e.check("read_on", input::required_date(&self.read_on)).unwrap_or(time::Date::MIN),
        };
        e.into_result(|| reading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ctx() -> BudgetContext {
        BudgetContext {
            period: Period::new(Some(date!(2023 - 01 - 01)), Some(date!(2026 - 12 - 31))).unwrap_or_default(),
            partners: vec![1, 2],
            lines: vec![(9, 2024, 2)],
        }
    }

    fn line(total: &str, grant: &str, national: &str, own: &str, rate: &str) -> BudgetLineDraft {
        BudgetLineDraft {
            year: "2024".into(),
            organisation_id: Some(1),
            total: total.into(),
            eu_grant: grant.into(),
            national_cofinancing: national.into(),
            own_contribution: own.into(),
            cofinancing_rate: rate.into(),
        }
    }

    fn problem(r: Result<NewBudgetLine, ValidationErrors>, field: &str) -> Option<Problem> {
        r.err().and_then(|e| e.for_field(field).cloned())
    }

    #[test]
    fn a_line_that_adds_up_gets_its_rate_computed() {
        let ok = line("1 000 000", "650000", "200000", "150000", "").validate(None, &ctx());
        assert_eq!(ok.map(|l| (l.total, l.cofinancing_rate)), Ok((1_000_000, 6500)));
        assert_eq!(format_rate(6500), "65");
        assert_eq!(format_rate(6250), "62.5");
        assert_eq!(format_rate(3333), "33.33");
        assert_eq!(rate_of(1, 3), 3333);
        assert_eq!(rate_of(2, 3), 6667);
    }

    #[test]
    fn parts_that_do_not_add_up_are_refused_on_the_total() {
        let r = line("1000", "600", "300", "200", "").validate(None, &ctx());
        assert_eq!(problem(r, "total"), Some(Problem::PartsDoNotAddUp { parts: 1100 }));
    }

    #[test]
    fn a_grant_above_the_total_is_refused_on_the_grant() {
        let r = line("1000", "1200", "0", "0", "").validate(None, &ctx());
        assert_eq!(problem(r, "eu_grant"), Some(Problem::GrantAboveTotal));
    }

    #[test]
    fn a_rate_above_100_or_off_the_figures_is_refused() {
        assert_eq!(problem(line("1000", "600", "400", "0", "120").validate(None, &ctx()), "cofinancing_rate"), Some(Problem::RateAbove100));
        assert_eq!(
            problem(line("1000", "600", "400", "0", "75").validate(None, &ctx()), "cofinancing_rate"),
            Some(Problem::RateMismatch { computed: "60".into() })
        );
        assert!(line("1000", "600", "400", "0", "60,0 %").validate(None, &ctx()).is_ok());
        assert_eq!(parse_rate("abc"), Err(Problem::InvalidFormat { expected: "a percentage, e.g. 75 or 62.5" }));
    }

    #[test]
    fn year_partner_and_duplicates_are_checked() {
        let mut d = line("10", "5", "5", "0", "");
        d.year = "2030".into();
        d.organisation_id = Some(3);
        let e = d.validate(None, &ctx()).err().unwrap_or_default();
        assert_eq!(e.for_field("year"), Some(&Problem::YearOutsidePeriod));
        assert_eq!(e.for_field("organisation_id"), Some(&Problem::NotAPartner));
        let mut dup = line("10", "5", "5", "0", "");
        dup.organisation_id = Some(2);
        assert_eq!(problem(dup.clone().validate(None, &ctx()), "year"), Some(Problem::Duplicate));
        assert!(dup.validate(Some(9), &ctx()).is_ok());
    }

    #[test]
    fn an_eu_project_cannot_end_without_lessons() {
        assert_eq!(require_lessons(EngagementKind::EuProject, EngagementStatus::Ended, 0), Err(Problem::LessonsRequired));
        assert!(require_lessons(EngagementKind::EuProject, EngagementStatus::Ended, 1).is_ok());
        assert!(require_lessons(EngagementKind::EuProject, EngagementStatus::Active, 0).is_ok());
        assert!(require_lessons(EngagementKind::Network, EngagementStatus::Ended, 0).is_ok());
    }

    #[test]
    fn details_need_an_eu_project_and_interreg_its_strand() {
        let d = EuProjectDraft { programme: "interreg".into(), project_role: "partner".into(), ..EuProjectDraft::default() };
        let e = d.validate(EngagementKind::Network).err().unwrap_or_default();
        assert_eq!(e.for_field("kind"), Some(&Problem::NotEuProject));
        assert_eq!(e.for_field("strand"), Some(&Problem::Required));
        let ok = EuProjectDraft { programme: "erasmus_plus".into(), project_role: "lead_partner".into(), ..EuProjectDraft::default() };
        assert!(ok.validate(EngagementKind::EuProject).is_ok());
    }

    #[test]
    fn a_lesson_needs_an_addressee() {
        let d = LessonDraft { title: "T".into(), lesson_text: "x".into(), ..LessonDraft::default() };
        assert_eq!(d.validate(&[]).err().and_then(|e| e.for_field("addressed_departments").cloned()), Some(Problem::AddresseeRequired));
        let ok = LessonDraft { addressed_departments: "Næring, Kultur\nKultur".into(), ..d };
        assert_eq!(ok.validate(&[]).map(|l| l.departments), Ok(vec!["Næring".to_owned(), "Kultur".to_owned()]));
    }
}
