//! The audit trail as pages: a record's history with what changed field by field, who changed it,
//! when and from where, and a restore of an earlier version (itself a change in the trail); and
//! the administrator's list of the newest changes across the installation.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samverk_store::StoreError;
use samverk_store::audit::{Change, FieldChange};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/history/{table}/{id}", get(record))
        .route("/history/{table}/{id}/restore", post(restore))
        .route("/admin/changes", get(recent))
}

/// A change as a page shows it.
pub struct ChangeView {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub origin: String,
    pub via: String,
    pub action: String,
    pub table: String,
    pub record_id: i64,
    pub fields: Vec<FieldChange>,
    /// Whether restoring this version would change anything (the newest state is the current one).
    pub restorable: bool,
    /// On a record's page, the table of the part this change is to (its tags, its EU-project
    /// details), when not the record itself.
    pub part: Option<String>,
}

fn at(i: &I18n, unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .map_or_else(|_| unix.to_string(), |t| format!("{} {:02}:{:02} UTC", i.date(&t.date()), t.hour(), t.minute()))
}

fn view(i: &I18n, change: &Change, restorable: bool) -> ChangeView {
    ChangeView {
        id: change.id,
        at: at(i, change.at),
        actor: change.actor.clone(),
        origin: i.t(&format!("history-origin-{}", change.origin)),
        via: change.via.clone(),
        action: i.t(&format!("history-action-{}", change.action)),
        table: change.table.clone(),
        record_id: change.record_id,
        fields: change.fields(),
        restorable,
        part: None,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "history/record.html")]
struct RecordHistory {
    i: I18n,
    table: String,
    id: i64,
    changes: Vec<ChangeView>,
    error: Option<String>,
    record_link: Option<String>,
}

/// The page of the record itself, for the tables that have one.
fn record_link(table: &str, id: i64) -> Option<String> {
    let path = match table {
        "engagements" => "engagements",
        "organisations" => "organisations",
        "decisions" => "decisions",
        "plans" => "plans",
        "goals" => "goals",
        "people" => "people",
        "mandates" => "mandates",
        "news" => "news",
        "calls" => "calls",
        "eu_projects" => "eu-projects",
        "referrals" => "referrals",
        _ => return None,
    };
    Some(format!("/{path}/{id}"))
}

async fn history_page(i: I18n, state: &AppState, table: String, id: i64, error: Option<String>) -> Result<RecordHistory, AppError> {
    if !samverk_store::audit::is_audited(&state.store, &table).await? {
        return Err(AppError::NotFound);
    }
    let changes = state.store.history(&table, id).await?;
    if changes.is_empty() {
        return Err(AppError::NotFound);
    }
    // An import batch's entry (record 0) covers many records and holds no state to restore.
    // A change to one of its parts (its tags, its EU-project details) is shown, not restored alone.
    let views = changes
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let own = c.table == table;
            ChangeView { part: (!own).then(|| c.table.clone()), ..view(&i, c, (n > 0 || c.action == "delete") && c.record_id == id && own) }
        })
        .collect();
    Ok(RecordHistory { i, record_link: record_link(&table, id), table, id, changes: views, error })
}

async fn record(i: I18n, State(state): State<AppState>, Path((table, id)): Path<(String, i64)>) -> Result<RecordHistory, AppError> {
    history_page(i, &state, table, id, None).await
}

#[derive(Debug, Deserialize)]
struct RestoreForm {
    change: i64,
}

async fn restore(
    i: I18n,
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i64)>,
    Form(form): Form<RestoreForm>,
) -> Result<Response, AppError> {
    let change = state.store.change(form.change).await?.ok_or(AppError::NotFound)?;
    if change.table != table || change.record_id != id {
        return Err(AppError::NotFound);
    }
    match state.store.restore(form.change).await {
        Ok(()) => Ok(Redirect::to(&format!("/history/{table}/{id}")).into_response()),
        // A restore can fail on the records around it (a partner or goal deleted since): say so
        // on the history page rather than as a server error.
        Err(StoreError::Database(error)) => {
            tracing::info!(%error, table, id, "restore refused by the database");
            let page = history_page(i, &state, table, id, Some(i.t("history-restore-refused"))).await?;
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
        // The version breaks a rule of today (an active network without a goal, say): name it.
        Err(StoreError::Invalid(errors)) => {
            let reasons: Vec<String> = errors.errors().iter().map(|e| format!("{}: {}", i.field(e.field), i.problem(&e.problem))).collect();
            let message = i.t1("history-restore-invalid", "reasons", &reasons.join(" "));
            let page = history_page(i, &state, table, id, Some(message)).await?;
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecentQuery {
    account_id: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "history/recent.html")]
struct Recent {
    i: I18n,
    changes: Vec<ChangeView>,
}

async fn recent(i: I18n, State(state): State<AppState>, Query(query): Query<RecentQuery>) -> Result<Recent, AppError> {
    let changes = state.store.recent_changes(query.account_id, 200).await?;
    let changes = changes.iter().map(|c| view(&i, c, false)).collect();
    Ok(Recent { i, changes })
}
