//! The message catalogue: every string the UI shows comes from `locales/<lang>/*.ftl`.
//!
//! English, Norwegian Bokmål and Swedish, one folder each with the same keys (a test checks).
//! The language of a request is chosen once by [`middleware`]: a `?lang=` link, the switcher's
//! remembered choice, `Accept-Language`, or the configured default.

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
static NB: LanguageIdentifier = langid!("nb");
static SV: LanguageIdentifier = langid!("sv");

/// The cookie that remembers the language a visitor chose with the switcher.
pub const LANG_COOKIE: &str = "samverk_lang";

/// A language the UI is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Nb,
    Sv,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Self; 3] = [Self::Nb, Self::Sv, Self::En];

    /// The BCP 47 code, as in the `lang` attribute.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Nb => "nb",
            Self::Sv => "sv",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Nb => "Norsk bokmål",
            Self::Sv => "Svenska",
        }
    }

    /// A language tag (`nb`, `nb-NO`, `no`, `sv-FI`, `en-GB`…) to a UI language. Nynorsk and
    /// the macro-language `no` are served in Bokmål, the nearest written standard we have.
    #[must_use]
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "nb" | "no" | "nn" => Some(Self::Nb),
            "sv" => Some(Self::Sv),
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header: the highest-weighted tag we serve.
    #[must_use]
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(Self, f32)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("");
            let q = parts.find_map(|p| p.trim().strip_prefix("q=").and_then(|v| v.trim().parse::<f32>().ok())).unwrap_or(1.0);
            if let Some(lang) = Self::parse(tag)
                && q > 0.0
                && best.is_none_or(|(_, bq)| q > bq)
            {
                best = Some((lang, q));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The language of a request: `?lang=` (a link to one language, not remembered), else the
    /// remembered choice (cookie), else `Accept-Language`, else the configured default.
    #[must_use]
    pub fn negotiate(parts: &axum::http::request::Parts, default: Self) -> Self {
        let from_query = parts.uri.query().and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang="))).and_then(Self::parse);
        let from_cookie = || {
            parts
                .headers
                .get_all(axum::http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .find_map(|c| c.trim().strip_prefix(LANG_COOKIE).and_then(|rest| rest.strip_prefix('=')).and_then(Self::parse))
        };
        let from_header =
            || parts.headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Self::from_accept_language);
        from_query.or_else(from_cookie).or_else(from_header).unwrap_or(default)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Self::En => &EN,
            Self::Nb => &NB,
            Self::Sv => &SV,
        }
    }
}

tokio::task_local! {
    /// The language of the request being answered, for code that has no request at hand (the
    /// error page, problem documents). Set by [`middleware`] around every request.
    static CURRENT: Lang;
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

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Self>().copied().unwrap_or_else(|| Self::new(Lang::negotiate(parts, Lang::default()))))
    }
}

/// Chooses the language of every request once, makes it available to handlers (extension) and
/// to error rendering (task-local), and says in the response which language it is and what it
/// varies by, so caches keep the languages apart.
pub async fn middleware(
    axum::extract::State(default): axum::extract::State<Lang>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let (mut parts, body) = request.into_parts();
    let lang = Lang::negotiate(&parts, default);
    parts.extensions.insert(I18n::new(lang));
    let mut response = CURRENT.scope(lang, next.run(axum::extract::Request::from_parts(parts, body))).await;
    let headers = response.headers_mut();
    if !headers.contains_key(axum::http::header::CONTENT_LANGUAGE) {
        headers.insert(axum::http::header::CONTENT_LANGUAGE, axum::http::HeaderValue::from_static(lang.code()));
    }
    headers.append(axum::http::header::VARY, axum::http::HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

impl I18n {
    #[must_use]
    pub const fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// The language of the request being answered (the configured default outside a request).
    #[must_use]
    pub fn current() -> Self {
        Self::new(CURRENT.try_with(|lang| *lang).unwrap_or_default())
    }

    /// The language code for the `lang` attribute.
    #[must_use]
    pub const fn lang(&self) -> &'static str {
        self.lang.code()
    }

    /// The language itself.
    #[must_use]
    pub const fn language(&self) -> Lang {
        self.lang
    }

    /// The languages the switcher offers.
    #[must_use]
    pub const fn languages(&self) -> [Lang; 3] {
        Lang::ALL
    }

    /// A note that a text is shown in another language than the page, e.g. "(in Norwegian)".
    #[must_use]
    pub fn in_language(&self, code: &str) -> String {
        Lang::parse(code)
            .map_or_else(|| self.t1("text-in-language-other", "code", code), |l| self.t(&format!("text-in-language-{}", l.code())))
    }

    /// The note above a text written in another language than the page's: "Written in Swedish".
    #[must_use]
    pub fn written_in(&self, code: &str) -> String {
        Lang::parse(code)
            .map_or_else(|| self.t1("text-written-in-other", "code", code), |l| self.t(&format!("text-written-in-{}", l.code())))
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
            Problem::FileTooLarge { name, max_mb } => self.ta(
                &key,
                &[("name", FluentValue::from(name.clone())), ("max", FluentValue::from(i64::try_from(*max_mb).unwrap_or(i64::MAX)))],
            ),
            Problem::FileType { name, allowed } => {
                self.ta(&key, &[("name", FluentValue::from(name.clone())), ("allowed", FluentValue::from(allowed.clone()))])
            }
            Problem::TooManyFiles { max } => self.tn(&key, "max", i64::try_from(*max).unwrap_or(i64::MAX)),
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
            | Problem::AddresseeRequired
            | Problem::Ambiguous
            | Problem::NotInRegister => self.t(&key),
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

    /// A date as the UI shows it: ISO 8601 in English and Swedish (the Swedish standard form,
    /// SS-ISO 8601), day.month.year in Norwegian (as Norwegian public bodies write it).
    #[must_use]
    pub fn date(&self, date: &Date) -> String {
        match self.lang {
            Lang::Nb => format!("{:02}.{:02}.{}", date.day(), u8::from(date.month()), date.year()),
            Lang::En | Lang::Sv => samverk_domain::input::format_date(*date),
        }
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
