//! The search page: one box over everything, facets that narrow the text's matches, prefix
//! search as you type (the form works without script: each keystroke is not needed).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use samverk_search::{Results, SearchQuery};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::organisations::encode;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(page))
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
            limit: per_page,
            offset: (page - 1) * per_page,
        }
    }

    /// The address of this search with one facet set (or cleared, with a blank value).
    fn with(&self, name: &str, value: &str) -> String {
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
        format!("/search?{}", qs.join("&"))
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
    href: String,
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

#[derive(Template, WebTemplate)]
#[template(path = "search/page.html")]
struct Page {
    i: I18n,
    params: SearchParams,
    searched: bool,
    count: String,
    hits: Vec<Shown>,
    facets: Vec<FacetGroup>,
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

const PER_PAGE: usize = 20;

async fn page(State(state): State<AppState>, i: I18n, Query(params): Query<SearchParams>) -> Result<Page, AppError> {
    let query = params.query(PER_PAGE);
    let searched = !params.q.trim().is_empty() || [&query.entity, &query.kind, &query.status, &query.country].iter().any(|v| v.is_some());
    let results = if searched { Some(run(&state, &query).await?) } else { None };
    let Some(results) = results else {
        return Ok(Page { i, params, searched, count: String::new(), hits: Vec::new(), facets: Vec::new(), next: None });
    };
    let hits = results
        .hits
        .iter()
        .map(|h| Shown {
            href: href(&h.entity, h.id),
            kind: entity_label(&i, &h.entity),
            title_html: h.title_html.clone(),
            snippet_html: h.snippet_html.clone(),
        })
        .collect();
    let current = |name: &str| match name {
        "entity" => params.entity.clone(),
        "kind" => params.kind.clone(),
        "status" => params.status.clone(),
        "country" => params.country.clone(),
        "year" => params.year.clone(),
        _ => params.sdg.clone(),
    };
    let facets = results
        .facets
        .iter()
        .filter(|f| !f.values.is_empty())
        .map(|f| {
            let selected = current(f.name);
            FacetGroup {
                heading: facet_heading(&i, f.name),
                clear: (!selected.trim().is_empty()).then(|| params.with(f.name, "")),
                links: f
                    .values
                    .iter()
                    .take(12)
                    .map(|(value, n)| FacetLink {
                        label: format!("{} ({n})", if f.name == "entity" { entity_label(&i, value) } else { value.clone() }),
                        href: params.with(f.name, value),
                        selected: selected.trim() == value,
                    })
                    .collect(),
            }
        })
        .collect();
    let page_no: usize = params.page.trim().parse().unwrap_or(1).max(1);
    let next = (page_no * PER_PAGE < results.total).then(|| format!("{}&page={}", params.with("", ""), page_no + 1));
    Ok(Page {
        count: i.tn("search-count", "count", i64::try_from(results.total).unwrap_or(i64::MAX)),
        i,
        params,
        searched,
        hits,
        facets,
        next,
    })
}
