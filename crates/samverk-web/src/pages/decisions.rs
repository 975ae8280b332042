//! Pages for decisions: the list (newest first, by authority), each decision's page with what it
//! established, and the forms behind them.

mod edit;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use samverk_domain::decision::DatePrecision;
use samverk_store::decision::Decision;
use samverk_store::organisation::OrganisationFilter;
use serde::Deserialize;
use time::Date;

use crate::i18n::I18n;
use crate::pages::form::{Choice, records};
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/decisions", get(list).post(edit::create))
        .route("/decisions/new", get(edit::new))
        .route("/decisions/{id}", get(show).post(edit::update))
        .route("/decisions/{id}/edit", get(edit::edit))
        .route("/decisions/{id}/delete", post(edit::delete))
}

/// A decision's date as precisely as it is known: a decision of "desember 2024" shows as
/// "December 2024", never with the first day its storage uses.
#[must_use]
pub(crate) fn decision_date(i: &I18n, date: Date, precision: DatePrecision) -> String {
    i.decision_date(&date, precision.code())
}

/// The authorities that can own records, as select choices: those the account may write for.
pub(crate) async fn authority_choices(store: &samverk_store::Store, selected: Option<i64>) -> Result<Vec<Choice>, AppError> {
    let filter = OrganisationFilter { authorities_only: true, per_page: 500, page: 1, ..OrganisationFilter::default() };
    let mut authorities = store.organisations(&filter).await?;
    // Only the authorities whose records the account may write (the store refuses the others).
    let scope = samverk_store::scope::current();
    authorities.items.retain(|o| scope.allows(o.id));
    // An account of one authority has one to choose from: chosen already.
    let only = matches!(scope, samverk_store::scope::Scope::Authorities(_)) && authorities.items.len() == 1;
    let selected = selected.or_else(|| authorities.items.first().filter(|_| only).map(|o| o.id));
    let mut choices = records(authorities.items.iter().map(|o| (o.id, o.name.as_str())), selected);
    // A stored owner outside the list (not an authority, or past the first 500) must stay
    // selectable, or saving the edit form would silently change it.
    if let Some(id) = selected.filter(|id| !authorities.items.iter().any(|o| o.id == *id))
        && let Some(owner) = store.organisation(id).await?
    {
        choices.push(Choice::new(owner.id, owner.name, true));
    }
    Ok(choices)
}

/// A row of the list, ready to show.
struct Row {
    id: i64,
    date: String,
    body: String,
    case_number: String,
    title: String,
    owner_id: i64,
    owner: String,
}

impl Row {
    fn of(i: &I18n, d: Decision) -> Self {
        Self {
            id: d.id,
            date: decision_date(i, d.date, d.date_precision),
            body: d.body,
            case_number: d.case_number.unwrap_or_default(),
            title: d.title,
            owner_id: d.owner_id,
            owner: d.owner_name,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    owner_id: String,
    deleted: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "decisions/list.html")]
struct ListPage {
    i: I18n,
    owners: Vec<Choice>,
    filtered: bool,
    deleted: bool,
    count: String,
    rows: Vec<Row>,
}

async fn list(i: I18n, State(state): State<AppState>, Query(query): Query<ListQuery>) -> Result<ListPage, AppError> {
    // An owner id that is not a number filters nothing rather than failing the page.
    let owner_id = query.owner_id.trim().parse::<i64>().ok();
    let decisions = state.store.decisions(owner_id).await?;
    let mut owners = vec![Choice::blank(i.t("any"), owner_id.is_none())];
    owners.extend(authority_choices(&state.store, owner_id).await?);
    Ok(ListPage {
        i,
        owners,
        filtered: owner_id.is_some(),
        deleted: !query.deleted.is_empty(),
        count: i.tn("decisions-count", "count", i64::try_from(decisions.len()).unwrap_or(i64::MAX)),
        rows: decisions.into_iter().map(|d| Row::of(&i, d)).collect(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "decisions/show.html")]
struct ShowPage {
    i: I18n,
    d: Row,
    url: Option<String>,
    plans: Vec<(i64, String)>,
    engagements: Vec<(i64, String)>,
}

async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let id = path_id(&id)?;
    let decision = state.store.decision(id).await?.ok_or(AppError::NotFound)?;
    let established = state.store.established_by(id).await?;
    Ok(ShowPage { i, url: decision.url.clone(), d: Row::of(&i, decision), plans: established.plans, engagements: established.engagements })
}
