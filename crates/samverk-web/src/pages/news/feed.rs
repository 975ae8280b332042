//! Atom feeds of the news: one per authority (`?owner=`) and one per filter, with the same
//! parameters as the list.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use samverk_domain::news::render_body;
use samverk_store::news::instant;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::NewsQuery;
use crate::i18n::I18n;
use crate::pages::public::texts;
use crate::{AppError, AppState};

fn atom_time(seconds: i64) -> FixedDateTime {
    let text = instant(seconds).format(&Rfc3339).unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned());
    FixedDateTime::parse_from_rfc3339(&text).unwrap_or_default()
}

fn link(href: String, rel: &str) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l
}

pub(super) async fn feed(
    State(state): State<AppState>,
    i: I18n,
    headers: HeaderMap,
    Query(query): Query<NewsQuery>,
) -> Result<Response, AppError> {
    let now = OffsetDateTime::now_utc();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let base = format!("http://{host}");
    let mut filter = query.filter();
    filter.page = 1;
    filter.per_page = 50;
    let page = state.store.news_list(&filter, now).await?;
    let qs = query.query_string();
    let list = if qs.is_empty() { format!("{base}/news") } else { format!("{base}/news?{qs}") };
    let ids: Vec<i64> = page.items.iter().map(|n| n.id).collect();
    let bodies = state.store.news_bodies(&ids).await?;
    let translations = state.store.translations(samverk_store::texts::NEWS, &ids, i.lang()).await?;
    let mut entries = Vec::with_capacity(page.items.len());
    for mut item in page.items {
        let mut body = bodies.iter().find(|(id, _)| *id == item.id).map(|(_, b)| b.clone()).unwrap_or_default();
        // As on the page; an article left in its original has its elements marked with its language.
        let translation = texts::translation(&i, &translations, item.id);
        let (lang, _) = super::localise(&i, &mut item, Some(&mut body), translation);
        let text = |value: String| Text { lang: lang.clone(), ..Text::plain(value) };
        let at = atom_time(item.publish_at.unwrap_or_default());
        entries.push(Entry {
            title: text(item.title),
            id: format!("{base}/news/{}", item.id),
            updated: at,
            published: Some(at),
            authors: vec![Person { name: item.author_role.unwrap_or_else(|| item.owner_name.clone()), ..Person::default() }],
            links: vec![link(format!("{base}/news/{}", item.id), "alternate")],
            summary: Some(text(item.lead)),
            content: Some(Content {
                value: Some(render_body(&body)),
                content_type: Some("html".to_owned()),
                lang: lang.clone(),
                ..Content::default()
            }),
            ..Entry::default()
        });
    }
    let updated = entries.first().map_or_else(|| atom_time(0), |e| e.updated);
    let feed = Feed {
        title: Text::plain(if qs.is_empty() { i.t("news-feed-title") } else { i.t1("news-feed-title-filtered", "filters", &qs) }),
        id: format!("{base}/news/feed.atom{}", if qs.is_empty() { String::new() } else { format!("?{qs}") }),
        updated,
        links: vec![
            link(list, "alternate"),
            link(format!("{base}/news/feed.atom{}", if qs.is_empty() { String::new() } else { format!("?{qs}") }), "self"),
        ],
        entries,
        lang: Some(i.lang().to_owned()),
        ..Feed::default()
    };
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], feed.to_string()).into_response())
}
