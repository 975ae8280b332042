//! The message catalogue: every string the UI shows comes from `locales/<lang>/*.ftl`.
//!
//! English is the only language in the foundation; Norwegian Bokmål and Swedish are added as
//! further folders without touching the templates.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use samverk_domain::Problem;
use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::plan::{Beneficiary, PlanKind, PlanStatus};
use time::Date;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments would end up in the HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");

/// A language the UI is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The BCP 47 code, as in the `lang` attribute.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::En => "en",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Self::En => &EN,
        }
    }
}

/// The language a page is rendered in, and the lookups templates use.
///
/// Handlers take it as an extractor (`i: I18n`), so the language is chosen per request in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    lang: Lang,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for I18n {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::default())
    }
}

impl I18n {
    #[must_use]
    pub const fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// The language code for the `lang` attribute.
    #[must_use]
    pub const fn lang(&self) -> &'static str {
        self.lang.code()
    }

    /// The message for `key`; the key itself when missing (a test keeps that from happening).
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        LOCALES.try_lookup(self.lang.id(), key).unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with named arguments.
    #[must_use]
    pub fn ta(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
        LOCALES.try_lookup_with_args(self.lang.id(), key, &map).unwrap_or_else(|| key.to_owned())
    }

    /// A message with one text argument.
    #[must_use]
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.ta(key, &[(name, FluentValue::from(value.to_owned()))])
    }

    /// A message with one number argument (plural rules apply).
    #[must_use]
    pub fn tn(&self, key: &str, name: &'static str, value: impl std::borrow::Borrow<i64>) -> String {
        self.ta(key, &[(name, FluentValue::from(*value.borrow()))])
    }

    /// "Page 2 of 7".
    #[must_use]
    pub fn page_of(&self, page: u32, pages: u32) -> String {
        self.ta("page-of", &[("page", FluentValue::from(page)), ("pages", FluentValue::from(pages))])
    }

    /// The label of a form field.
    #[must_use]
    pub fn field(&self, name: &str) -> String {
        self.t(&format!("field-{name}"))
    }

    /// The title of an error page for an error code.
    #[must_use]
    pub fn error_title(&self, code: &str) -> String {
        self.t(&format!("error-{code}-title"))
    }

    /// The explanation of an error page for an error code.
    #[must_use]
    pub fn error_text(&self, code: &str) -> String {
        self.t(&format!("error-{code}-text"))
    }

    /// What is wrong with a field, in words.
    #[must_use]
    pub fn problem(&self, problem: &Problem) -> String {
        let key = format!("problem-{}", problem.code().replace('_', "-"));
        match problem {
            Problem::TooLong { max } => self.tn(&key, "max", i64::try_from(*max).unwrap_or(i64::MAX)),
            Problem::InvalidFormat { expected } => self.t1(&key, "expected", expected),
            Problem::UnknownValue { allowed } => self.t1(&key, "allowed", allowed),
            Problem::Rule { rule } => self.t1(&key, "rule", rule),
            Problem::ContributionRule { engagement } => self.t1(&key, "engagement", engagement),
            Problem::PartsDoNotAddUp { parts } => self.t1(&key, "parts", &crate::pages::eu::money(*parts)),
            Problem::RateMismatch { computed } => self.t1(&key, "computed", computed),
            Problem::Required
            | Problem::InvalidDate
            | Problem::EndBeforeStart
            | Problem::UnknownReference
            | Problem::Duplicate
            | Problem::OtherAuthority
            | Problem::Cycle
            | Problem::NotEuProject
            | Problem::YearOutsidePeriod
            | Problem::NotAPartner
            | Problem::GrantAboveTotal
            | Problem::RateAbove100
            | Problem::LessonsRequired
            | Problem::AddresseeRequired => self.t(&key),
        }
    }

    #[must_use]
    pub fn engagement_kind(&self, kind: &EngagementKind) -> String {
        self.t(&format!("engagement-kind-{}", kind.code()))
    }

    /// Plural heading for a kind, e.g. "Bilateral agreements".
    #[must_use]
    pub fn engagement_kinds(&self, kind: &EngagementKind) -> String {
        self.t(&format!("engagement-kinds-{}", kind.code()))
    }

    #[must_use]
    pub fn engagement_status(&self, status: &EngagementStatus) -> String {
        self.t(&format!("engagement-status-{}", status.code()))
    }

    #[must_use]
    pub fn role(&self, role: &Role) -> String {
        self.t(&format!("role-{}", role.code()))
    }

    /// Plural heading for a role group, e.g. "Members", "Observers".
    #[must_use]
    pub fn roles(&self, role: &Role) -> String {
        self.t(&format!("roles-{}", role.code()))
    }

    #[must_use]
    pub fn organisation_kind(&self, kind: &OrganisationKind) -> String {
        self.t(&format!("organisation-kind-{}", kind.code()))
    }

    #[must_use]
    pub fn plan_kind(&self, kind: &PlanKind) -> String {
        self.t(&format!("plan-kind-{}", kind.code()))
    }

    #[must_use]
    pub fn plan_status(&self, status: &PlanStatus) -> String {
        self.t(&format!("plan-status-{}", status.code()))
    }

    #[must_use]
    pub fn beneficiary(&self, beneficiary: &Beneficiary) -> String {
        self.t(&format!("beneficiary-{}", beneficiary.code()))
    }

    /// A date as the UI shows it (ISO 8601 in English; per-language formats come with nb/sv).
    #[must_use]
    pub fn date(&self, date: &Date) -> String {
        samverk_domain::input::format_date(*date)
    }

    /// A decision's date as precisely as it is known: "December 2024" for a month, "2024" for
    /// a year, never an invented day.
    #[must_use]
    pub fn decision_date(&self, date: &Date, precision: &str) -> String {
        match precision {
            "month" => self.ta(
                "date-month-year",
                &[
                    ("month", FluentValue::from(self.t(&format!("month-{}", u8::from(date.month()))))),
                    ("year", FluentValue::from(date.year().to_string())),
                ],
            ),
            "year" => date.year().to_string(),
            _ => self.date(date),
        }
    }

    /// An optional date, or the "not set" text.
    #[must_use]
    pub fn opt_date(&self, date: &Option<Date>) -> String {
        date.as_ref().map_or_else(|| self.t("not-set"), |d| self.date(d))
    }

    /// A period "2020-03-31 – 2023-12-31", open ends shown as such.
    #[must_use]
    pub fn period(&self, start: &Option<Date>, end: &Option<Date>) -> String {
        match (start, end) {
            (None, None) => self.t("period-unknown"),
            (Some(s), None) => self.t1("period-from", "start", &self.date(s)),
            (None, Some(e)) => self.t1("period-until", "end", &self.date(e)),
            (Some(s), Some(e)) => format!("{} – {}", self.date(s), self.date(e)),
        }
    }
}
