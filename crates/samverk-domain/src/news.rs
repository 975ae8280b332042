//! News articles: validation of a draft, the publishing state (draft, scheduled, published) and
//! the safe rendering of the body's small Markdown subset.

use pulldown_cmark::{CowStr, Event, Parser, Tag};
use serde::Deserialize;
use time::{OffsetDateTime, PrimitiveDateTime, macros::format_description};

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TEXT_MAX, TITLE_MAX};
use crate::refs::References;
use crate::tz::Zone;

crate::code_enum! {
    /// What the author asks for when saving.
    pub enum Publish { Draft => "draft", Now => "now", Scheduled => "scheduled" }
}

/// Raw input for a news article.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NewsDraft {
    #[serde(deserialize_with = "crate::input::id_or_blank")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub owner_id: Option<i64>,
    pub title: String,
    /// One or two sentences shown in lists and feeds.
    pub lead: String,
    /// Markdown: paragraphs, emphasis, lists, headings, links and quotes; raw HTML is shown as text.
    pub body: String,
    pub image_url: String,
    /// Required when there is an image.
    pub image_alt: String,
    /// The author's role, e.g. "Internasjonal rådgiver" (never a name by default).
    pub author_role: String,
    /// Comma-separated.
    pub tags: String,
    pub engagement_ids: Vec<i64>,
    pub goal_ids: Vec<i64>,
    /// SDG numbers 1–17.
    pub sdgs: Vec<i64>,
    /// `draft`, `now` or `scheduled`.
    pub publish: String,
    /// For `scheduled`: local time `YYYY-MM-DDTHH:MM` in the authority's zone.
    pub publish_at: String,
    /// The language the article is written in: `nb`, `sv`, `en`, or blank when not said.
    pub language: String,
}

/// A validated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNews {
    pub owner_id: i64,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    pub author_role: Option<String>,
    pub tags: Vec<String>,
    pub engagement_ids: Vec<i64>,
    pub goal_ids: Vec<i64>,
    pub sdgs: Vec<i64>,
    /// `None` for a draft.
    pub publish_at: Option<OffsetDateTime>,
    pub language: Option<String>,
}

const LEAD_MAX: usize = 600;
const TAG_MAX: usize = 60;

impl NewsDraft {
    /// `now` is the moment of saving ("publish now"); `zone` reads a scheduled local time.
    ///
    /// # Errors
    /// Every field that is missing or malformed, and unknown links.
    pub fn validate(&self, refs: &References, now: OffsetDateTime, zone: Zone) -> Result<NewNews, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let owner_id = e.check("owner_id", crate::decision::owner(self.owner_id, refs)).unwrap_or_default();
        let image_url = e.check("image_url", image_url(&self.image_url)).flatten();
        let image_alt = e.check("image_alt", input::optional_text(&self.image_alt, TITLE_MAX)).flatten();
        if image_url.is_some() && image_alt.is_none() {
            e.add("image_alt", Problem::Required);
        }
        let publish = if self.publish.trim().is_empty() {
            Some(Publish::Draft)
        } else {
            e.check("publish", input::code(&self.publish, Publish::from_code, Publish::ALL, Publish::code))
        };
        let publish_at = match publish {
            Some(Publish::Now) => Some(now),
            Some(Publish::Scheduled) => e.check("publish_at", local_time(&self.publish_at).map(|t| zone.instant(t))),
            Some(Publish::Draft) | None => None,
        };
        let news = NewNews {
            owner_id,
            title: e.check("news_title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default(),
            lead: e.check("lead", input::required_text(&self.lead, LEAD_MAX)).unwrap_or_default(),
            body: e.check("news_body", input::optional_text(&self.body, TEXT_MAX)).flatten().unwrap_or_default(),
            image_url,
            image_alt,
            author_role: e.check("author_role", input::optional_text(&self.author_role, TITLE_MAX)).flatten(),
            tags: e.check("tags", tags(&self.tags)).unwrap_or_default(),
            engagement_ids: e
                .check("engagement_ids", known(&self.engagement_ids, |id| refs.engagements.contains_key(id)))
                .unwrap_or_default(),
            goal_ids: e.check("goal_ids", known(&self.goal_ids, |id| refs.goals.contains_key(id))).unwrap_or_default(),
            sdgs: e.check("sdgs", known(&self.sdgs, |n| (1..=17).contains(n))).unwrap_or_default(),
            publish_at,
            language: e.check("language", language(&self.language)).flatten(),
        };
        e.into_result(|| news)
    }
}

/// The languages the pages are in, by code.
pub const LANGUAGES: [&str; 3] = ["nb", "sv", "en"];

/// A language of the pages, or `None` when blank.
///
/// # Errors
/// `UnknownValue` for any other text.
pub fn language(text: &str) -> Result<Option<String>, Problem> {
    match text.trim() {
        "" => Ok(None),
        code if LANGUAGES.contains(&code) => Ok(Some(code.to_owned())),
        _ => Err(Problem::UnknownValue { allowed: LANGUAGES.join(", ") }),
    }
}

/// Ids without repeats, each known.
///
/// # Errors
/// `UnknownReference` when one is not.
pub fn known(ids: &[i64], exists: impl Fn(&i64) -> bool) -> Result<Vec<i64>, Problem> {
    let mut out: Vec<i64> = Vec::with_capacity(ids.len());
    for id in ids {
        if !exists(id) {
            return Err(Problem::UnknownReference);
        }
        if !out.contains(id) {
            out.push(*id);
        }
    }
    Ok(out)
}

/// Tags from a comma-separated text: trimmed, without repeats, in the order given.
///
/// # Errors
/// `TooLong` for a tag over 60 characters.
pub fn tags(text: &str) -> Result<Vec<String>, Problem> {
    let mut out: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if tag.chars().count() > TAG_MAX {
            return Err(Problem::TooLong { max: TAG_MAX });
        }
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag.to_owned());
        }
    }
    Ok(out)
}

/// An image address: `https://…` or a path on this site.
///
/// # Errors
/// `InvalidFormat` for anything else.
pub fn image_url(text: &str) -> Result<Option<String>, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if safe_url(trimmed) && !trimmed.starts_with("mailto:") && !trimmed.starts_with('#') {
        Ok(Some(trimmed.to_owned()))
    } else {
        Err(Problem::InvalidFormat { expected: "an address starting with https:// or /" })
    }
}

/// A local date and time `YYYY-MM-DDTHH:MM` (as `<input type="datetime-local">` sends it) or
/// with a space instead of the `T`.
///
/// # Errors
/// `InvalidFormat`.
pub fn local_time(text: &str) -> Result<PrimitiveDateTime, Problem> {
    let t = text.trim().replace(' ', "T");
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let t = if t.len() > 16 { t[..16].to_owned() } else { t };
    PrimitiveDateTime::parse(&t, format_description!("[year]-[month]-[day]T[hour]:[minute]"))
        .map_err(|_| Problem::InvalidFormat { expected: "a date and time YYYY-MM-DD HH:MM" })
}

/// Whether a link target is harmless: web addresses, mail, paths and anchors on this site.
#[must_use]
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let ok_scheme = ["https://", "http://", "mailto:"].iter().any(|s| lower.starts_with(s) && lower.len() > s.len());
    let local = (lower.starts_with('/') && !lower.starts_with("//")) || lower.starts_with('#');
    (ok_scheme || local) && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// The state of an article at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Draft,
    Scheduled,
    Published,
}

impl State {
    /// Published once its time has come; scheduled before; a draft without a time.
    #[must_use]
    pub fn of(publish_at: Option<OffsetDateTime>, now: OffsetDateTime) -> Self {
        match publish_at {
            None => Self::Draft,
            Some(at) if at <= now => Self::Published,
            Some(_) => Self::Scheduled,
        }
    }

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
        }
    }
}

/// Renders the body's Markdown to HTML that is safe to put in a page: raw HTML in the source is
/// shown as text, and links or images to anything but web, mail and local addresses lose their
/// target. No sanitiser is needed after this because nothing unsafe is ever emitted.
#[must_use]
pub fn render_body(markdown: &str) -> String {
    let events = Parser::new(markdown).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: guard(dest_url), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: guard(dest_url), title, id })
        }
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

fn guard(url: CowStr<'_>) -> CowStr<'_> {
    if safe_url(&url) { url } else { CowStr::Borrowed("#") }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use time::macros::datetime;

    use super::*;

    fn refs() -> References {
        References { organisations: HashSet::from([1]), ..References::default() }
    }

    fn draft() -> NewsDraft {
        NewsDraft { owner_id: Some(1), title: "Møteplass Telemark".into(), lead: "Konferansen samlet 200.".into(), ..NewsDraft::default() }
    }

    #[test]
    fn markdown_renders_and_raw_html_is_shown_as_text() {
        let html = render_body("**Viktig** og [lenke](https://telemark.no)\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");
        assert!(html.contains("<strong>Viktig</strong>"), "{html}");
        assert!(html.contains("<a href=\"https://telemark.no\">lenke</a>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("<a href=\"#\">x</a>"), "{html}");
    }

    #[test]
    fn an_image_needs_its_alternative_text() {
        let d = NewsDraft { image_url: "https://example.org/a.jpg".into(), ..draft() };
        let e = d.validate(&refs(), datetime!(2024-01-01 12:00 UTC), Zone::EuropeOslo).unwrap_err();
        assert_eq!(e.for_field("image_alt"), Some(&Problem::Required));
    }

    #[test]
    fn scheduled_news_is_read_in_the_authority_zone() {
        let d =
            NewsDraft { publish: "scheduled".into(), publish_at: "2024-06-01T09:00".into(), tags: "EU, eu, Interreg".into(), ..draft() };
        let n = d.validate(&refs(), datetime!(2024-01-01 12:00 UTC), Zone::EuropeOslo).unwrap();
        assert_eq!(n.publish_at, Some(datetime!(2024-06-01 07:00 UTC)));
        assert_eq!(n.tags, ["EU", "Interreg"]);
        assert_eq!(State::of(n.publish_at, datetime!(2024-06-01 06:59 UTC)), State::Scheduled);
        assert_eq!(State::of(n.publish_at, datetime!(2024-06-01 07:00 UTC)), State::Published);
        assert_eq!(State::of(None, datetime!(2024-06-01 07:00 UTC)), State::Draft);
    }
}
