//! Engagement pages: the filtered list, the engagement page, and the forms that change them.

mod edit;
mod list;
mod members;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use samverk_domain::engagement::Role;
use samverk_store::engagement::{Contribution, EngagementPage, Participant};

use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::pager::{self, Pager};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/engagements", get(list::list).post(edit::create))
        .route("/engagements/new", get(edit::new))
        .route("/engagements/{id}", get(show).post(edit::update))
        .route("/engagements/{id}/edit", get(edit::edit))
        .route("/engagements/{id}/delete", post(edit::delete))
        .route("/engagements/{id}/participants", post(members::add_participant))
        .route("/engagements/{id}/participants/new", get(members::new_participant))
        .route("/engagements/{id}/participants/{pid}/delete", post(members::remove_participant))
        .route("/engagements/{id}/contributions", post(members::add_contribution))
        .route("/engagements/{id}/contributions/new", get(members::new_contribution))
        .route("/engagements/{id}/contributions/{cid}/delete", post(members::remove_contribution))
}

/// Participants of one role, for the grouped listing.
pub struct RoleGroup<'a> {
    pub role: Role,
    pub participants: Vec<&'a Participant>,
    pub total: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "engagements/show.html")]
struct ShowPage {
    i: I18n,
    page: EngagementPage,
    published: bool,
    pager: Pager,
}

/// Participants shown per page of an engagement (networks have thousands of members).
const PARTICIPANTS_PER_PAGE: u32 = 100;

/// The engagement page's query string; text, so `?page=x` shows page 1 instead of a rejection.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ShowQuery {
    page: String,
}

impl ShowPage {
    /// This page's participants grouped by role, in the order roles are declared (members
    /// first), each with the role's count over all pages.
    fn groups(&self) -> Vec<RoleGroup<'_>> {
        Role::ALL
            .iter()
            .map(|role| RoleGroup {
                role: *role,
                participants: self.page.participants.iter().filter(|p| p.role == *role).collect(),
                total: self.page.role_counts.iter().find(|(code, _)| code == role.code()).map_or(0, |(_, n)| *n),
            })
            .filter(|g| !g.participants.is_empty())
            .collect()
    }

    /// A goal's title, or a note that its wording is not filled in yet.
    fn goal_label(&self, c: &Contribution) -> String {
        c.goal_title.clone().unwrap_or_else(|| self.i.t("goal-wording-missing"))
    }

    fn decision_date(&self) -> String {
        let e = &self.page.engagement;
        e.decision_date.map(|d| self.i.decision_date(&d, e.decision_date_precision.as_deref().unwrap_or("day"))).unwrap_or_default()
    }
}

async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<i64>, Query(q): Query<ShowQuery>) -> Result<ShowPage, AppError> {
    let number = pager::number(&q.page);
    let page = state.store.engagement_page_of(id, Some((number, PARTICIPANTS_PER_PAGE))).await?.ok_or(AppError::NotFound)?;
    let published = state.store.is_published(false, id).await?;
    let total: i64 = page.role_counts.iter().map(|(_, n)| n).sum();
    let pager =
        Pager::new(&i, number, pager::pages(total, PARTICIPANTS_PER_PAGE), |n| format!("/engagements/{id}?page={n}#participants-heading"));
    Ok(ShowPage { i, page, published, pager })
}
