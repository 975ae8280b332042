//! News: the public list with its filters and search, each article, the Atom feeds, and the
//! staff pages that write, schedule and publish articles.

mod edit;
mod feed;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use samverk_domain::engagement::EngagementKind;
use samverk_domain::input::optional_date;
use samverk_domain::news::render_body;
use samverk_domain::tz::Zone;
use samverk_store::news::{NewsFilter, NewsItem, instant};
use samverk_store::texts::{NEWS, Text};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::form::Choice;
use crate::pages::organisations::{encode, path_id};
use crate::pages::public::texts::{self, marked};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/news", get(list).post(edit::create))
        .route("/news/feed.atom", get(feed::feed))
        .route("/news/manage", get(edit::manage))
        .route("/news/new", get(edit::new))
        .route("/news/{id}", get(show).post(edit::update))
        .route("/news/{id}/edit", get(edit::edit))
        .route("/news/{id}/delete", post(edit::delete))
        .route("/news/{id}/texts", get(texts::news_form).post(texts::news_save))
}

/// A moment as local time in a zone, with the zone named: "2023-11-20 14:00 CET".
#[must_use]
pub(crate) fn when(seconds: i64, zone: Zone) -> String {
    let at = instant(seconds);
    let local = zone.local(at);
    format!(
        "{}-{:02}-{:02} {:02}:{:02} {}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute(),
        zone.abbreviation(at)
    )
}

/// The SDGs as choices, named in the page's language.
pub(crate) async fn sdg_choices(state: &AppState, i: &I18n, selected: &[i64]) -> Result<Vec<Choice>, AppError> {
    let goals = state.store.sdg_goals().await?;
    Ok(goals
        .into_iter()
        .map(|g| {
            let short = match i.lang() {
                "nb" => g.short_nb,
                "sv" => g.short_sv,
                _ => g.short_en,
            };
            Choice::new(g.number, format!("{} {short}", g.number), selected.contains(&g.number))
        })
        .collect())
}

/// The public list's filters, as typed in the address.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewsQuery {
    q: String,
    kind: String,
    engagement: String,
    goal: String,
    sdg: String,
    tag: String,
    from: String,
    to: String,
    owner: String,
    page: String,
}

fn id(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

impl NewsQuery {
    /// What to ask the store for. A value that does not parse filters nothing.
    fn filter(&self) -> NewsFilter {
        NewsFilter {
            owner_id: id(&self.owner),
            published_only: true,
            kind: EngagementKind::from_code(self.kind.trim()).map(|k| k.code().to_owned()),
            engagement_id: id(&self.engagement),
            goal_id: id(&self.goal),
            sdg: id(&self.sdg).filter(|n| (1..=17).contains(n)),
            tag: Some(self.tag.trim().to_owned()).filter(|t| !t.is_empty()),
            from: optional_date(&self.from).ok().flatten(),
            to: optional_date(&self.to).ok().flatten(),
            q: self.q.trim().to_owned(),
            page: self.page.trim().parse().unwrap_or(1),
            per_page: 20,
        }
    }

    /// The filters as a query string (without the page), for the feed and the paging links.
    fn query_string(&self) -> String {
        [
            ("q", &self.q),
            ("kind", &self.kind),
            ("engagement", &self.engagement),
            ("goal", &self.goal),
            ("sdg", &self.sdg),
            ("tag", &self.tag),
            ("from", &self.from),
            ("to", &self.to),
            ("owner", &self.owner),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// An article as a list shows it.
pub(crate) struct Card {
    id: i64,
    title: String,
    lead: String,
    date: String,
    owner: String,
    author_role: String,
    tags: Vec<String>,
    state: String,
    /// The article's language when it differs from the page's (for `lang`), and a note saying it;
    /// none when the article is shown in its translation to the page's language.
    lang: Option<String>,
    note: Option<String>,
}

/// Puts an article's texts into the page's language where `translation` has them (title, lead
/// and, when given, the body), and returns the `lang` and the note for an article left in its
/// original: the list, the article page and the feed read an article alike.
pub(super) fn localise(
    i: &I18n,
    n: &mut NewsItem,
    body: Option<&mut String>,
    translation: Option<&Text>,
) -> (Option<String>, Option<String>) {
    let Some(t) = translation else { return marked(i, n.language.as_deref()) };
    n.title.clone_from(&t.title);
    n.lead = t.summary.clone().unwrap_or_default();
    if let Some(body) = body {
        *body = t.body.clone().unwrap_or_default();
    }
    (None, None)
}

impl Card {
    /// The article as a list shows it, already `localise`d, with the `lang` and note that gave.
    fn of(i: &I18n, n: NewsItem, (lang, note): (Option<String>, Option<String>), now: OffsetDateTime) -> Self {
        use samverk_domain::news::State;
        let zone = Zone::default();
        Self {
            lang,
            note,
            id: n.id,
            date: n.publish_at.map(|s| when(s, zone)).unwrap_or_default(),
            state: match State::of(n.publish_at.map(instant), now) {
                State::Draft => i.t("news-state-draft"),
                State::Scheduled => i.t("news-state-scheduled"),
                State::Published => i.t("news-state-published"),
            },
            title: n.title,
            lead: n.lead,
            owner: n.owner_name,
            author_role: n.author_role.unwrap_or_default(),
            tags: n.tags,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "news/list.html")]
struct ListPage {
    i: I18n,
    query: NewsQuery,
    kinds: Vec<Choice>,
    engagements: Vec<Choice>,
    goals: Vec<Choice>,
    sdgs: Vec<Choice>,
    tags: Vec<Choice>,
    count: String,
    cards: Vec<Card>,
    /// What was searched, in words, when nothing matched.
    searched: Vec<String>,
    filtered: bool,
    feed: String,
    words_only: String,
    search_all: String,
    previous: Option<String>,
    next: Option<String>,
    page_of: String,
}

fn choices(items: &[(i64, String)], selected: Option<i64>, any: &str) -> Vec<Choice> {
    let mut out = vec![Choice::blank(any.to_owned(), selected.is_none())];
    out.extend(items.iter().map(|(id, title)| Choice::new(id, title.clone(), Some(*id) == selected)));
    out
}

async fn list(State(state): State<AppState>, i: I18n, Query(query): Query<NewsQuery>) -> Result<ListPage, AppError> {
    let now = OffsetDateTime::now_utc();
    let filter = query.filter();
    let page = state.store.news_list(&filter, now).await?;
    let ids: Vec<i64> = page.items.iter().map(|n| n.id).collect();
    let translations = state.store.translations(NEWS, &ids, i.lang()).await?;
    let (engagement_items, goal_items) = state.store.news_link_choices(now).await?;
    let tag_items = state.store.news_tags(filter.owner_id, now).await?;
    let any = i.t("any");
    let mut kinds = vec![Choice::blank(any.clone(), filter.kind.is_none())];
    kinds.extend(EngagementKind::ALL.iter().map(|k| Choice::new(k.code(), i.engagement_kind(k), filter.kind.as_deref() == Some(k.code()))));
    let mut sdgs = vec![Choice::blank(any.clone(), filter.sdg.is_none())];
    sdgs.extend(sdg_choices(&state, &i, &filter.sdg.into_iter().collect::<Vec<_>>()).await?);
    let mut tags = vec![Choice::blank(any.clone(), filter.tag.is_none())];
    tags.extend(tag_items.iter().map(|t| Choice::new(t, t.clone(), filter.tag.as_deref() == Some(t.as_str()))));
    let engagements = choices(&engagement_items, filter.engagement_id, &any);
    let goals = choices(&goal_items, filter.goal_id, &any);

    let label_of = |cs: &[Choice]| cs.iter().find(|c| c.selected && !c.value.is_empty()).map(|c| c.label.clone());
    let mut searched = Vec::new();
    if !filter.q.is_empty() {
        searched.push(i.t1("news-searched-words", "words", &filter.q));
    }
    for (key, label) in [
        ("news-filter-kind", label_of(&kinds)),
        ("news-filter-engagement", label_of(&engagements)),
        ("news-filter-goal", label_of(&goals)),
        ("news-filter-sdg", label_of(&sdgs)),
        ("news-filter-tag", label_of(&tags)),
    ] {
        if let Some(value) = label {
            searched.push(format!("{}: {value}", i.t(key)));
        }
    }
    if let Some(from) = filter.from {
        searched.push(i.t1("news-searched-from", "date", &i.date(&from)));
    }
    if let Some(to) = filter.to {
        searched.push(i.t1("news-searched-to", "date", &i.date(&to)));
    }
    let qs = query.query_string();
    let link = |p: u32| if qs.is_empty() { format!("/news?page={p}") } else { format!("/news?{qs}&page={p}") };
    let pages = page.pages();
    Ok(ListPage {
        count: i.tn("news-count", "count", page.total),
        filtered: !qs.is_empty(),
        feed: if qs.is_empty() { "/news/feed.atom".to_owned() } else { format!("/news/feed.atom?{qs}") },
        words_only: format!("/news?q={}", encode(&filter.q)),
        search_all: format!("/p/search?q={}", encode(&filter.q)),
        previous: (page.page > 1).then(|| link(page.page - 1)),
        next: (page.page < pages).then(|| link(page.page + 1)),
        page_of: i.page_of(page.page, pages),
        cards: page
            .items
            .into_iter()
            .map(|mut n| {
                let translation = texts::translation(&i, &translations, n.id);
                let marks = localise(&i, &mut n, None, translation);
                Card::of(&i, n, marks, now)
            })
            .collect(),
        i,
        query,
        kinds,
        engagements,
        goals,
        sdgs,
        tags,
        searched,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "news/show.html")]
struct ShowPage {
    i: I18n,
    card: Card,
    body_html: String,
    image_url: Option<String>,
    image_alt: String,
    /// Linked engagements and goals with a public page: (address, title).
    engagements: Vec<(String, String)>,
    goals: Vec<(String, String)>,
    sdgs: Vec<Choice>,
}

async fn show(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let now = OffsetDateTime::now_utc();
    let id = path_id(&id)?;
    let news = state.store.news(id).await?.ok_or(AppError::NotFound)?;
    // Drafts and scheduled articles are not public: their address answers as if they did not exist.
    if news.item.publish_at.is_none_or(|at| at > now.unix_timestamp()) {
        return Err(AppError::NotFound);
    }
    let sdgs = sdg_choices(&state, &i, &news.sdgs).await?.into_iter().filter(|c| c.selected).collect();
    let (engagements, goals) = crate::pages::public::public_links(&state, &news.engagements, &news.goals).await?;
    let translation = state.store.translations(NEWS, &[id], i.lang()).await?.into_iter().next();
    let (mut item, mut body) = (news.item, news.body);
    let marks = localise(&i, &mut item, Some(&mut body), translation.as_ref());
    Ok(ShowPage {
        body_html: render_body(&body),
        image_url: item.image_url.clone(),
        image_alt: item.image_alt.clone().unwrap_or_default(),
        card: Card::of(&i, item, marks, now),
        engagements,
        goals,
        sdgs,
        i,
    })
}
