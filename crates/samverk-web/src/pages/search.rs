//! The search pages: one box over everything, facets that narrow the text's matches, prefix
//! search (the start of a word finds the word; the form works without script). `/search` is the
//! staff's, over every record; `/p/search` the public's, over published records and open calls
//! only (the index filters them, so neither hits nor facet counts show anything else).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use std::collections::HashMap;

use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::plan::PlanStatus;
use samverk_search::{Hit, Results, SearchQuery};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::organisations::encode;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(staff)).route("/p/search", get(public))
}

/// The search as typed in the address (shared with `/api/v1/search`).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchParams {
    /// Words; each must match (stemmed Norwegian or Swedish, or as the start of a word).
    pub q: String,
    /// `engagement`, `organisation`, `goal`, `measure`, `decision`, `news` or `call`.
    pub entity: String,
    /// An engagement or organisation kind code.
    pub kind: String,
    pub status: String,
    /// Country code, e.g. `NO`, `SE`.
    pub country: String,
    #[param(value_type = Option<i32>)]
    pub year: String,
    #[param(value_type = Option<i64>)]
    pub sdg: String,
    #[param(value_type = Option<u32>)]
    pub page: String,
}

impl SearchParams {
    #[must_use]
    pub fn query(&self, per_page: usize) -> SearchQuery {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let page: usize = self.page.trim().parse().unwrap_or(1).max(1);
        SearchQuery {
            q: self.q.clone(),
            entity: text(&self.entity),
            kind: text(&self.kind),
            status: text(&self.status),
            country: text(&self.country),
            year: self.year.trim().parse().ok(),
            sdg: self.sdg.trim().parse().ok(),
            owner: None,
            public: false,
            limit: per_page,
            offset: (page - 1) * per_page,
        }
    }

    /// The address of this search (on `base`) with one facet set (or cleared, with a blank value).
    fn with(&self, base: &str, name: &str, value: &str) -> String {
        let mut pairs: Vec<(&str, String)> = vec![
            ("q", self.q.clone()),
            ("entity", self.entity.clone()),
            ("kind", self.kind.clone()),
            ("status", self.status.clone()),
            ("country", self.country.clone()),
            ("year", self.year.clone()),
            ("sdg", self.sdg.clone()),
        ];
        for pair in &mut pairs {
            if pair.0 == name {
                pair.1 = value.to_owned();
            }
        }
        let qs: Vec<String> =
            pairs.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| format!("{k}={}", encode(v.trim()))).collect();
        format!("{base}?{}", qs.join("&"))
    }
}

/// Searches after catching up with the changes other requests and servers saved, so what was
/// just saved is found.
///
/// # Errors
/// `Internal` when there is no index or it fails.
pub async fn run(state: &AppState, query: &SearchQuery) -> Result<Results, AppError> {
    let Some(index) = &state.search else { return Err(unavailable("no search index")) };
    index.catch_up(&state.store).await.map_err(|e| unavailable(&e.to_string()))?;
    index.search(query, OffsetDateTime::now_utc().unix_timestamp()).map_err(|e| unavailable(&e.to_string()))
}

fn unavailable(why: &str) -> AppError {
    AppError::Internal(samverk_store::StoreError::Derived(format!("search: {why}")))
}

/// Where a hit's page is.
#[must_use]
pub fn href(entity: &str, id: i64) -> String {
    match entity {
        "engagement" => format!("/engagements/{id}"),
        "organisation" => format!("/organisations/{id}"),
        "goal" => format!("/goals/{id}"),
        "measure" => format!("/measures/{id}"),
        "decision" => format!("/decisions/{id}"),
        "news" => format!("/news/{id}"),
        _ => format!("/calls/{id}"),
    }
}

struct Shown {
    /// `None`: the record has no page of its own for this audience (shown as text).
    href: Option<String>,
    kind: String,
    title_html: String,
    snippet_html: String,
}

struct FacetLink {
    label: String,
    href: String,
    selected: bool,
}

struct FacetGroup {
    heading: String,
    clear: Option<String>,
    links: Vec<FacetLink>,
}

/// A way out of an empty result: remove one filter, or go elsewhere.
struct Widen {
    label: String,
    href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "search/page.html")]
struct Page {
    i: I18n,
    /// `/search` or `/p/search`: where the form and the facet links go.
    action: &'static str,
    public: bool,
    params: SearchParams,
    searched: bool,
    count: String,
    /// What was searched, in words: the text and every filter.
    searched_for: String,
    hits: Vec<Shown>,
    facets: Vec<FacetGroup>,
    widen: Vec<Widen>,
    next: Option<String>,
}

fn entity_label(i: &I18n, entity: &str) -> String {
    match entity {
        "engagement" => i.t("search-entity-engagement"),
        "organisation" => i.t("search-entity-organisation"),
        "goal" => i.t("search-entity-goal"),
        "measure" => i.t("search-entity-measure"),
        "decision" => i.t("search-entity-decision"),
        "news" => i.t("search-entity-news"),
        _ => i.t("search-entity-call"),
    }
}

fn facet_heading(i: &I18n, name: &str) -> String {
    match name {
        "entity" => i.t("search-facet-entity"),
        "kind" => i.t("search-facet-kind"),
        "status" => i.t("search-facet-status"),
        "country" => i.t("search-facet-country"),
        "year" => i.t("search-facet-year"),
        _ => i.t("search-facet-sdg"),
    }
}

/// A facet value as people read it: kinds, statuses, countries and SDGs in the page's
/// language, the rest as is. `names` holds the names of the countries and SDGs concerned.
fn facet_value(i: &I18n, names: &Names, name: &str, value: &str) -> String {
    match name {
        "country" if value == "EU" => i.t("search-country-eu"),
        "country" => names.countries.get(value).cloned().unwrap_or_else(|| value.to_owned()),
        "sdg" => names.sdgs.get(value).cloned().unwrap_or_else(|| value.to_owned()),
        "entity" => entity_label(i, value),
        "kind" => EngagementKind::from_code(value)
            .map(|k| i.engagement_kind(&k))
            .or_else(|| OrganisationKind::from_code(value).map(|k| i.organisation_kind(&k)))
            .unwrap_or_else(|| value.to_owned()),
        "status" => EngagementStatus::from_code(value)
            .map(|s| i.engagement_status(&s))
            .or_else(|| PlanStatus::from_code(value).map(|s| i.plan_status(&s)))
            .unwrap_or_else(|| value.to_owned()),
        _ => value.to_owned(),
    }
}

/// The filters of a search, by facet name, with their values as typed.
fn filters(params: &SearchParams) -> [(&'static str, &str); 6] {
    [
        ("entity", &params.entity),
        ("kind", &params.kind),
        ("status", &params.status),
        ("country", &params.country),
        ("year", &params.year),
        ("sdg", &params.sdg),
    ]
}

const PER_PAGE: usize = 20;

async fn staff(State(state): State<AppState>, i: I18n, Query(params): Query<SearchParams>) -> Result<Page, AppError> {
    render(&state, i, params, false).await
}

async fn public(State(state): State<AppState>, i: I18n, Query(params): Query<SearchParams>) -> Result<Page, AppError> {
    render(&state, i, params, true).await
}

/// Where a hit leads the public: the authority's portfolio for an engagement, the published
/// plan for a goal or measure, the news article or the call; organisations and decisions have
/// no public page of their own.
fn public_href(hit: &Hit, slugs: &HashMap<i64, String>) -> Option<String> {
    let slug = hit.owner.and_then(|o| slugs.get(&o));
    match hit.entity.as_str() {
        "engagement" => slug.map(|s| format!("/p/{s}/engagements/{}", hit.id)),
        "goal" => slug.zip(hit.parent).map(|(s, plan)| format!("/p/{s}/plans/{plan}#g{}", hit.id)),
        "measure" => slug.zip(hit.parent).map(|(s, plan)| format!("/p/{s}/plans/{plan}")),
        "news" | "call" => Some(href(&hit.entity, hit.id)),
        _ => None,
    }
}

/// The titles in the page's language of the engagements and articles among the hits that are
/// translated into it (two queries at most): a hit reads as its own page does.
async fn translated_titles(state: &AppState, i: &I18n, results: &Results) -> Result<HashMap<(&'static str, i64), String>, AppError> {
    let mut titles = HashMap::new();
    for (entity, kind) in [("engagement", samverk_store::texts::ENGAGEMENT), ("news", samverk_store::texts::NEWS)] {
        let ids: Vec<i64> = results.hits.iter().filter(|h| h.entity == entity).map(|h| h.id).collect();
        for t in state.store.translations(kind, &ids, i.lang()).await? {
            titles.insert((entity, t.record_id), t.title);
        }
    }
    Ok(titles)
}

/// The names of the countries and SDGs a search page shows, by code and number.
#[derive(Default)]
struct Names {
    countries: HashMap<String, String>,
    sdgs: HashMap<String, String>,
}

/// The names of the SDGs ("17 Partnerships for the goals"), when the page shows any (one query).
async fn sdg_names(state: &AppState, i: &I18n, results: &Results, chosen: &str) -> Result<HashMap<String, String>, AppError> {
    let shown = results.facets.iter().any(|f| f.name == "sdg" && !f.values.is_empty());
    if !shown && chosen.trim().is_empty() {
        return Ok(HashMap::new());
    }
    Ok(super::news::sdg_choices(state, i, &[]).await?.into_iter().map(|c| (c.value, c.label)).collect())
}

/// The names, in the page's language, of the countries among the facet values and the filter
/// (one query).
async fn country_names(state: &AppState, i: &I18n, results: &Results, chosen: &str) -> Result<HashMap<String, String>, AppError> {
    let mut codes: Vec<String> =
        results.facets.iter().filter(|f| f.name == "country").flat_map(|f| f.values.iter().take(12).map(|(v, _)| v.clone())).collect();
    if !chosen.trim().is_empty() {
        codes.push(chosen.trim().to_owned());
    }
    if codes.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(state.store.country_names(&codes).await?.into_iter().map(|c| super::places::named_in(i, c)).collect())
}

async fn render(state: &AppState, i: I18n, params: SearchParams, public: bool) -> Result<Page, AppError> {
    let action = if public { "/p/search" } else { "/search" };
    let mut query = params.query(PER_PAGE);
    query.public = public;
    let searched = !params.q.trim().is_empty() || filters(&params).iter().any(|(_, v)| !v.trim().is_empty());
    let mut page = Page {
        i,
        action,
        public,
        params,
        searched,
        count: String::new(),
        searched_for: String::new(),
        hits: Vec::new(),
        facets: Vec::new(),
        widen: Vec::new(),
        next: None,
    };
    if !searched {
        return Ok(page);
    }
    let results = run(state, &query).await?;
    let i = &page.i;
    let params = &page.params;
    let slugs: HashMap<i64, String> = if public {
        state.store.public_authorities().await?.iter().map(|a| (a.id, super::public::slug(&a.name))).collect()
    } else {
        HashMap::new()
    };
    let titles = translated_titles(state, i, &results).await?;
    page.hits = results
        .hits
        .iter()
        .map(|h| Shown {
            href: if public { public_href(h, &slugs) } else { Some(href(&h.entity, h.id)) },
            kind: entity_label(i, &h.entity),
            title_html: titles.get(&(h.entity.as_str(), h.id)).map_or_else(|| h.title_html.clone(), |t| super::escape(t)),
            snippet_html: h.snippet_html.clone(),
        })
        .collect();
    let names = Names {
        countries: country_names(state, i, &results, &params.country).await?,
        sdgs: sdg_names(state, i, &results, &params.sdg).await?,
    };
    let current: HashMap<&str, &str> = filters(params).into_iter().map(|(k, v)| (k, v.trim())).collect();
    page.facets = results
        .facets
        .iter()
        .filter(|f| !f.values.is_empty())
        .map(|f| {
            let selected = current.get(f.name).copied().unwrap_or_default();
            FacetGroup {
                heading: facet_heading(i, f.name),
                clear: (!selected.is_empty()).then(|| params.with(action, f.name, "")),
                links: f
                    .values
                    .iter()
                    .take(12)
                    .map(|(value, n)| FacetLink {
                        label: format!("{} ({n})", facet_value(i, &names, f.name, value)),
                        href: params.with(action, f.name, value),
                        selected: selected == value,
                    })
                    .collect(),
            }
        })
        .collect();
    let mut said: Vec<String> = Vec::new();
    if !params.q.trim().is_empty() {
        said.push(format!("“{}”", params.q.trim()));
    }
    for (name, value) in filters(params) {
        if !value.trim().is_empty() {
            said.push(format!("{}: {}", facet_heading(i, name), facet_value(i, &names, name, value.trim())));
            if results.total == 0 {
                page.widen.push(Widen {
                    label: i.t1("search-widen-without", "filter", &facet_heading(i, name)),
                    href: params.with(action, name, ""),
                });
            }
        }
    }
    page.searched_for = said.join(" · ");
    if results.total == 0 && public {
        page.widen.push(Widen { label: i.t("search-widen-portfolios"), href: "/p".to_owned() });
        page.widen.push(Widen { label: i.t("search-widen-news"), href: "/news".to_owned() });
    }
    let page_no: usize = params.page.trim().parse().unwrap_or(1).max(1);
    page.next = (page_no * PER_PAGE < results.total).then(|| format!("{}&page={}", params.with(action, "", ""), page_no + 1));
    page.count = i.tn("search-count", "count", i64::try_from(results.total).unwrap_or(i64::MAX));
    Ok(page)
}
