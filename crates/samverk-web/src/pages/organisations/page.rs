//! One organisation's page: names, identifiers, history (predecessors and successors), the
//! engagements it takes part in grouped by role, and the form that records a predecessor.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::engagement::Role;
use samverk_domain::organisation::SuccessionDraft;
use samverk_store::StoreError;
use samverk_store::organisation::Succession;
use serde::Deserialize;

use super::path_id;
use crate::i18n::I18n;
use crate::pages::form::see_other;
use crate::pages::picker::{self, Picked, Picker, Posted};
use crate::{AppError, AppState};

/// A label and a value of the facts list.
pub(super) struct Fact {
    label: String,
    value: String,
}

/// A predecessor or successor, linked.
pub(super) struct Link {
    id: i64,
    name: String,
    date: String,
}

/// An engagement the organisation takes part in.
pub(super) struct Part {
    id: i64,
    title: String,
    meta: String,
}

/// The engagements it takes part in under one role ("Members", "Observers"…).
pub(super) struct RoleGroup {
    heading: String,
    parts: Vec<Part>,
}

/// What the page shows besides the stored record: the predecessor form's state and a refused
/// delete.
#[derive(Default)]
pub(super) struct Extras {
    pub predecessor: Picker,
    pub date: String,
    pub errors: ValidationErrors,
    pub refusal: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/show.html")]
pub(super) struct ShowPage {
    i: I18n,
    id: i64,
    name: String,
    kind: String,
    country: String,
    validity: String,
    names: Vec<Fact>,
    identifiers: Vec<Fact>,
    predecessors: Vec<Link>,
    successors: Vec<Link>,
    groups: Vec<RoleGroup>,
    authority: bool,
    plans: Vec<(i64, String)>,
    predecessor: Picker,
    date: String,
    errors: ValidationErrors,
    refusal: Option<String>,
}

fn links(i: &I18n, list: Vec<Succession>) -> Vec<Link> {
    list.into_iter().map(|s| Link { id: s.organisation_id, name: s.name, date: i.date(&s.date) }).collect()
}

fn facts(i: &I18n, pairs: &[(&str, &Option<String>)]) -> Vec<Fact> {
    pairs.iter().filter_map(|(field, value)| value.as_ref().map(|v| Fact { label: i.field(field), value: v.clone() })).collect()
}

/// Builds the page of organisation `id`, or `NotFound`.
pub(super) async fn show_page(i: I18n, state: &AppState, id: i64, extras: Extras) -> Result<ShowPage, AppError> {
    let store = &state.store;
    let o = store.organisation(id).await?.ok_or(AppError::NotFound)?;
    let (predecessors, successors) = store.successions(id).await?;
    let participations = store.participations(id).await?;
    let groups = Role::ALL
        .iter()
        .filter_map(|role| {
            let parts: Vec<Part> = participations
                .iter()
                .filter(|p| p.role == *role)
                .map(|p| Part {
                    id: p.engagement_id,
                    title: p.title.clone(),
                    meta: i.ta(
                        "organisation-engagement-meta",
                        &[
                            ("kind", i.engagement_kind(&p.kind).into()),
                            ("status", i.engagement_status(&p.status).into()),
                            ("owner", p.owner_name.clone().into()),
                        ],
                    ),
                })
                .collect();
            (!parts.is_empty()).then(|| RoleGroup { heading: i.roles(role), parts })
        })
        .collect();
    let authority = o.kind.is_authority();
    let plans = if authority { store.plans(Some(id)).await?.into_iter().map(|p| (p.id, p.title)).collect() } else { Vec::new() };
    Ok(ShowPage {
        i,
        id,
        kind: i.organisation_kind(&o.kind),
        country: o.country.clone(),
        validity: i.period(&o.valid_from, &o.valid_to),
        names: facts(&i, &[("name_nb", &o.name_nb), ("name_sv", &o.name_sv), ("name_en", &o.name_en)]),
        identifiers: facts(
            &i,
            &[("org_number", &o.org_number), ("region_code", &o.region_code), ("scb_code", &o.scb_code), ("nuts_code", &o.nuts_code)],
        ),
        name: o.name,
        predecessors: links(&i, predecessors),
        successors: links(&i, successors),
        groups,
        authority,
        plans,
        predecessor: extras.predecessor,
        date: extras.date,
        errors: extras.errors,
        refusal: extras.refusal,
    })
}

pub(super) async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let id = path_id(&id)?;
    show_page(i, &state, id, Extras::default()).await
}

/// The predecessor form as posted; text fields so a rejected form comes back as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PredecessorForm {
    predecessor_id: String,
    predecessor_id_q: String,
    predecessor_id_pick: String,
    date: String,
}

pub(super) async fn add_predecessor(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<PredecessorForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let posted = Posted { text: &form.predecessor_id_q, id: &form.predecessor_id, pick: &form.predecessor_id_pick };
    let picked = picker::resolve(&i, &state.store, posted).await?;
    let result = match &picked {
        Picked::One(predecessor, _) => {
            state.store.add_succession(id, &SuccessionDraft { predecessor_id: Some(*predecessor), date: form.date.clone() }).await
        }
        Picked::Refused(problem, _) => Err(StoreError::Invalid(ValidationErrors::single("predecessor_id", problem.clone()))),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/organisations/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => {
            let extras = Extras { predecessor: picked.picker(), date: form.date, errors, refusal: None };
            let page = show_page(i, &state, id, extras).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
