//! The demo news and call for input (`data/demo/news.toml`), loaded in the demo's transaction
//! through the same validation as the forms. Records are named by the exact names and titles
//! of `demo.toml`.

use samverk_domain::call::CallDraft;
use samverk_domain::news::NewsDraft;
use samverk_store::{Conn, StoreError, call, news};
use serde::Deserialize;
use time::OffsetDateTime;
use toml::value::Datetime;

use crate::ImportError;

const FILE: &str = "news.toml";
const DATA: &str = include_str!("../../../data/demo/news.toml");

#[derive(Deserialize)]
struct NewsFile {
    #[serde(default)]
    call: Vec<CallDef>,
    #[serde(default)]
    news: Vec<NewsDef>,
}

#[derive(Deserialize)]
struct CallDef {
    owner: String,
    title: String,
    body: String,
    questions: Vec<String>,
    audience: Option<String>,
    opens_on: Datetime,
    closes_on: Datetime,
    closes_time: Option<String>,
    consent: String,
    #[serde(default)]
    engagements: Vec<String>,
}

#[derive(Deserialize)]
struct NewsDef {
    owner: String,
    title: String,
    lead: String,
    body: String,
    author_role: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    engagements: Vec<String>,
    #[serde(default)]
    sdgs: Vec<i64>,
    publish_at: Option<Datetime>,
    /// The language it is written in (`nb`, `sv`, `en`).
    #[serde(default)]
    language: String,
}

/// How many of each were loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NewsSummary {
    pub calls: usize,
    pub news: usize,
}

fn invalid(what: &'static str, key: &str, problem: impl Into<String>) -> ImportError {
    ImportError::Invalid { file: FILE.to_owned(), what, key: key.to_owned(), problem: problem.into() }
}

fn context(what: &'static str, key: &str) -> impl FnOnce(StoreError) -> ImportError {
    let key = key.to_owned();
    move |error| match error {
        StoreError::Invalid(errors) => invalid(what, &key, errors.to_string()),
        other => ImportError::Store(other),
    }
}

async fn owner(conn: &mut Conn<'_>, name: &str, what: &'static str, key: &str) -> Result<i64, ImportError> {
    news::organisation_named(conn, name)
        .await
        .map_err(StoreError::from)?
        .ok_or_else(|| invalid(what, key, format!("names an unknown organisation «{name}»")))
}

async fn engagements(conn: &mut Conn<'_>, titles: &[String], what: &'static str, key: &str) -> Result<Vec<i64>, ImportError> {
    let mut ids = Vec::with_capacity(titles.len());
    for t in titles {
        ids.push(
            news::engagement_titled(conn, t)
                .await
                .map_err(StoreError::from)?
                .ok_or_else(|| invalid(what, key, format!("names an unknown engagement «{t}»")))?,
        );
    }
    Ok(ids)
}

/// Loads the demo news and calls within the caller's transaction; `now` decides which
/// articles are already published (all of the shipped ones are in the past).
///
/// # Errors
/// A parse error naming the line, or the first record the domain refuses, naming it.
pub async fn load(conn: &mut Conn<'_>, now: OffsetDateTime) -> Result<NewsSummary, ImportError> {
    let file: NewsFile = toml::from_str(DATA).map_err(|e| {
        let line = e.span().map_or(0, |s| DATA[..s.start].lines().count());
        ImportError::Parse { file: FILE.to_owned(), line: u64::try_from(line).unwrap_or(0), message: e.message().to_owned() }
    })?;
    for c in &file.call {
        let draft = CallDraft {
            owner_id: Some(owner(conn, &c.owner, "call", &c.title).await?),
            title: c.title.clone(),
            body: c.body.trim().to_owned(),
            questions: c.questions.join("\n"),
            audience: c.audience.clone().unwrap_or_default(),
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.to_string(),
            closes_time: c.closes_time.clone().unwrap_or_default(),
            time_zone: String::new(),
            require_name: false,
            require_email: false,
            consent_text: c.consent.clone(),
            engagement_ids: engagements(conn, &c.engagements, "call", &c.title).await?,
            goal_ids: Vec::new(),
            // Set with the engagements' once everything is loaded (`public::publish_all`).
            language: String::new(),
        };
        call::create(conn, &draft).await.map_err(context("call", &c.title))?;
    }
    for n in &file.news {
        let publish_at = n.publish_at.map(|d| d.to_string().chars().take(16).collect::<String>()).unwrap_or_default();
        let draft = NewsDraft {
            owner_id: Some(owner(conn, &n.owner, "news", &n.title).await?),
            title: n.title.clone(),
            lead: n.lead.clone(),
            body: n.body.trim().to_owned(),
            author_role: n.author_role.clone().unwrap_or_default(),
            tags: n.tags.join(", "),
            engagement_ids: engagements(conn, &n.engagements, "news", &n.title).await?,
            sdgs: n.sdgs.clone(),
            publish: if publish_at.is_empty() { "draft".to_owned() } else { "scheduled".to_owned() },
            publish_at,
            language: n.language.clone(),
            ..NewsDraft::default()
        };
        news::create(conn, &draft, now).await.map_err(context("news", &n.title))?;
    }
    Ok(NewsSummary { calls: file.call.len(), news: file.news.len() })
}
