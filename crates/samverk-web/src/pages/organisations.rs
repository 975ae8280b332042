//! Pages for organisations: the searchable register, each organisation's page (identifiers,
//! predecessors and successors, the engagements it takes part in) and the forms behind them.

mod edit;
mod page;
mod partners;

pub(crate) use partners::evidence_sentence;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::{get, post};
use fluent_templates::fluent_bundle::FluentValue;
use samverk_domain::organisation::OrganisationKind;
use samverk_store::organisation::{Organisation, OrganisationFilter};
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::pages::pager::{self, Pager};
use crate::pages::places::{self, RegionCode};
use crate::{AppError, AppState};

/// Rows per page of the register.
const PER_PAGE: u32 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list).post(edit::create))
        .route("/organisations/new", get(edit::new))
        .route("/organisations/{id}", get(page::show).post(edit::update))
        .route("/organisations/{id}/edit", get(edit::edit))
        .route("/organisations/{id}/delete", post(edit::delete))
        .route("/organisations/{id}/predecessors", post(page::add_predecessor))
        .route("/organisations/{id}/network", get(partners::network))
        .route("/organisations/{id}/partners", get(partners::partners))
}

/// An id from the path; anything that is not a whole number names no record, so it is a 404
/// page rather than axum's plain-text rejection.
pub(crate) fn path_id(text: &str) -> Result<i64, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes a query-string value, for links that keep the current search.
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0x0f)]));
            }
        }
    }
    out
}

/// The register's query string. Every field is text so a hand-edited URL (`page=x`) shows the
/// register instead of a rejection.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    q: String,
    kind: String,
    country: String,
    region: String,
    page: String,
    deleted: String,
}

/// One row of the register, ready to show.
struct Row {
    id: i64,
    name: String,
    kind: String,
    country: String,
    identifiers: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/list.html")]
struct ListPage {
    i: I18n,
    q: String,
    kinds: Vec<Choice>,
    countries: Vec<Choice>,
    regions: Vec<Choice>,
    rows: Vec<Row>,
    count: String,
    filtered: bool,
    deleted: bool,
    pager: Pager,
}

/// The identifiers worth showing in a list row, in a fixed order.
pub(crate) fn identifiers(o: &Organisation) -> String {
    [&o.org_number, &o.region_code, &o.scb_code, &o.nuts_code].into_iter().flatten().cloned().collect::<Vec<_>>().join(", ")
}

async fn list(i: I18n, State(state): State<AppState>, Query(query): Query<ListQuery>) -> Result<ListPage, AppError> {
    let q = query.q.trim().to_owned();
    let kind = OrganisationKind::from_code(query.kind.trim());
    let country = query.country.trim().to_ascii_uppercase();
    let region = RegionCode::parse(&query.region);
    let page_no = pager::number(&query.page);
    let filter = OrganisationFilter {
        q: Some(q.clone()).filter(|q| !q.is_empty()),
        kind,
        country: Some(country.clone()).filter(|c| !c.is_empty()),
        region: region.as_ref().map(RegionCode::region),
        authorities_only: false,
        page: page_no,
        per_page: PER_PAGE,
    };
    let filtered = filter.q.is_some() || filter.kind.is_some() || filter.country.is_some() || filter.region.is_some();
    let result = state.store.organisations(&filter).await?;
    let pages = result.pages();
    let region_value = region.as_ref().map(ToString::to_string).unwrap_or_default();
    let keep = format!(
        "q={}&kind={}&country={}&region={}",
        encode(&q),
        encode(kind.map_or("", OrganisationKind::code)),
        encode(&country),
        encode(&region_value)
    );
    let link = |n: u32| format!("/organisations?{keep}&page={n}");
    let rows = result
        .items
        .iter()
        .map(|o| Row {
            id: o.id,
            name: o.name.clone(),
            kind: i.organisation_kind(&o.kind),
            country: o.country.clone(),
            identifiers: identifiers(o),
        })
        .collect();
    let mut kinds = vec![Choice::blank(i.t("any"), kind.is_none())];
    kinds.extend(form::codes(
        OrganisationKind::ALL,
        OrganisationKind::code,
        |k| i.organisation_kind(k),
        kind.map_or("", OrganisationKind::code),
    ));
    let countries = places::country_choices(&i, &state.store, &country, i.t("any")).await?;
    let regions = places::region_choices(&i, &state.store, region.as_ref(), i.t("any")).await?;
    Ok(ListPage {
        i,
        countries,
        regions,
        count: i.tn("organisations-count", "count", result.total),
        q,
        kinds,
        rows,
        filtered,
        deleted: !query.deleted.is_empty(),
        pager: Pager::new(&i, result.page, pages, link),
    })
}

/// "Page 2 of 7".
pub(crate) fn page_label(i: &I18n, page: u32, pages: u32) -> String {
    i.ta("page-of", &[("page", FluentValue::from(page)), ("pages", FluentValue::from(pages))])
}
