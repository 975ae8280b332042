//! `/api/v1/search`: the search page's results as JSON.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::extract::ApiQuery;
use super::{ApiError, PROBLEM, Problem};
use crate::AppState;
use crate::pages::search::{SearchParams, href, run};

/// One result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// `engagement`, `organisation`, `goal`, `measure`, `decision`, `news` or `call`.
    pub entity: String,
    pub id: i64,
    pub title: String,
    /// The title, HTML-escaped, matching words in `<mark>`.
    pub title_html: String,
    /// Words around the first match, HTML-escaped, matching words in `<mark>`.
    pub snippet_html: String,
    /// The record's page.
    pub url: String,
}

/// A facet value among the matches.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The values of one facet.
#[derive(Debug, Serialize, ToSchema)]
pub struct Facet {
    /// `entity`, `kind`, `status`, `country`, `year` or `sdg`.
    pub name: String,
    pub values: Vec<FacetCount>,
}

/// A page of results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Vec<Facet>,
}

/// Search everything public: text and facets combine.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams), responses(
    (status = 200, description = "One page of results (20), best first, with facet counts", body = SearchResults),
    (status = 400, description = "A parameter is malformed", body = Problem, content_type = PROBLEM),
))]
pub async fn search(State(state): State<AppState>, ApiQuery(params): ApiQuery<SearchParams>) -> Result<Json<SearchResults>, ApiError> {
    let results = run(&state, &params.query(20)).await?;
    Ok(Json(SearchResults {
        total: results.total,
        hits: results
            .hits
            .into_iter()
            .map(|h| SearchHit {
                url: href(&h.entity, h.id),
                entity: h.entity,
                id: h.id,
                title: h.title,
                title_html: h.title_html,
                snippet_html: h.snippet_html,
            })
            .collect(),
        facets: results
            .facets
            .into_iter()
            .map(|f| Facet {
                name: f.name.to_owned(),
                values: f.values.into_iter().map(|(value, count)| FacetCount { value, count }).collect(),
            })
            .collect(),
    }))
}
