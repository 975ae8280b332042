//! The administrator's pages: accounts, their roles per authority, disabling, reset links.
//!
//! Until samverk sends e-mail, a reset link is shown to the administrator once, to hand over.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverk_domain::ValidationErrors;
use samverk_domain::access::AccessRole;
use samverk_store::StoreError;
use samverk_store::account::Account;
use serde::Deserialize;

use super::SignedIn;
use super::TrustText as _;
use crate::i18n::I18n;
use crate::pages::Choice;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/accounts", get(list).post(create))
        .route("/admin/accounts/{id}", get(show))
        .route("/admin/accounts/{id}/roles", post(grant))
        .route("/admin/accounts/{id}/roles/remove", post(revoke))
        .route("/admin/accounts/{id}/disable", post(disable))
        .route("/admin/accounts/{id}/enable", post(enable))
        .route("/admin/accounts/{id}/reset", post(reset_link))
}

fn id_of(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn role_choices(i: &I18n, selected: &str) -> Vec<Choice> {
    AccessRole::ALL.iter().rev().map(|r| Choice::new(r.code(), i.t(&format!("trust-role-{}", r.code())), r.code() == selected)).collect()
}

/// Every authority, and first "every authority" (a role across the installation).
async fn authority_choices(state: &AppState, i: &I18n, selected: &str) -> Result<Vec<Choice>, AppError> {
    // Only an administrator of the whole installation may give a role at every authority.
    let mut choices = if samverk_store::scope::current() == samverk_store::scope::Scope::Everything {
        vec![Choice::blank(i.t("trust-every-authority"), selected.is_empty())]
    } else {
        Vec::new()
    };
    let selected_id = selected.parse().ok();
    choices.extend(crate::pages::authority_choices(&state.store, selected_id).await?.into_iter().map(|mut c| {
        c.selected = Some(c.value.as_str()) == Some(selected) && selected_id.is_some();
        c
    }));
    Ok(choices)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct NewAccount {
    username: String,
    display_name: String,
    role: String,
    authority_id: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/admin_accounts.html")]
struct ListPage {
    i: I18n,
    accounts: Vec<Account>,
    form: NewAccount,
    roles: Vec<Choice>,
    authorities: Vec<Choice>,
    errors: ValidationErrors,
}

async fn list_page(state: &AppState, i: I18n, form: NewAccount, errors: ValidationErrors) -> Result<ListPage, AppError> {
    let roles = role_choices(&i, if form.role.is_empty() { "reader" } else { &form.role });
    let authorities = authority_choices(state, &i, &form.authority_id).await?;
    Ok(ListPage { i, accounts: state.store.accounts().await?, form, roles, authorities, errors })
}

async fn list(State(state): State<AppState>, i: I18n) -> Result<ListPage, AppError> {
    list_page(&state, i, NewAccount::default(), ValidationErrors::new()).await
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/admin_account.html")]
struct AccountPage {
    i: I18n,
    account: Account,
    roles: Vec<Choice>,
    authorities: Vec<Choice>,
    /// A reset link just made: shown this once.
    reset_link: Option<String>,
    created: bool,
    no_errors: ValidationErrors,
}

async fn account_page(state: &AppState, i: I18n, id: i64) -> Result<AccountPage, AppError> {
    let account = state.store.account(id).await?;
    let roles = role_choices(&i, "reader");
    let authorities = authority_choices(state, &i, "").await?;
    Ok(AccountPage { i, account, roles, authorities, reset_link: None, created: false, no_errors: ValidationErrors::new() })
}

async fn create(State(state): State<AppState>, i: I18n, me: SignedIn, Form(form): Form<NewAccount>) -> Result<Response, AppError> {
    let role = AccessRole::from_code(&form.role);
    let authority = form.authority_id.trim().parse::<i64>().ok();
    let mut errors = ValidationErrors::new();
    if role.is_none() {
        errors.add("role", samverk_domain::Problem::Required);
    }
    let created = if errors.is_empty() { Some(state.store.create_account(&form.username, &form.display_name, None).await) } else { None };
    let id = match created {
        Some(Ok(id)) => id,
        Some(Err(StoreError::Invalid(e))) => {
            errors.extend(e);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, i, form, errors).await?).into_response());
        }
        Some(Err(other)) => return Err(other.into()),
        None => return Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, i, form, errors).await?).into_response()),
    };
    if let Some(role) = role {
        state.store.grant_role(id, authority, role).await?;
    }
    tracing::info!(by = %me.0.username, account = id, "account created");
    let mut page = account_page(&state, i, id).await?;
    page.reset_link = Some(format!("/password-reset/{}", state.store.create_password_reset(id, Some(me.0.account_id)).await?));
    page.created = true;
    Ok((StatusCode::CREATED, page).into_response())
}

async fn show(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<AccountPage, AppError> {
    account_page(&state, i, id_of(&id)?).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RoleForm {
    role: String,
    authority_id: String,
}

async fn grant(State(state): State<AppState>, Path(id): Path<String>, Form(form): Form<RoleForm>) -> Result<Redirect, AppError> {
    let id = id_of(&id)?;
    // An account the administrator may not manage is not found, whatever the form says.
    state.store.account(id).await?;
    let role = AccessRole::from_code(&form.role)
        .ok_or_else(|| AppError::Invalid(ValidationErrors::single("role", samverk_domain::Problem::Required)))?;
    state.store.grant_role(id, form.authority_id.trim().parse().ok(), role).await?;
    Ok(Redirect::to(&format!("/admin/accounts/{id}")))
}

async fn revoke(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Redirect, AppError> {
    let id = id_of(&id)?;
    // An administrator cannot lock herself out by taking away her own roles.
    if id != me.0.account_id {
        state.store.revoke_role(id, form.authority_id.trim().parse().ok()).await?;
    }
    Ok(Redirect::to(&format!("/admin/accounts/{id}")))
}

async fn disable(State(state): State<AppState>, me: SignedIn, Path(id): Path<String>) -> Result<Redirect, AppError> {
    let id = id_of(&id)?;
    if id != me.0.account_id {
        state.store.set_disabled(id, true).await?;
        tracing::info!(by = %me.0.username, account = id, "account disabled");
    }
    Ok(Redirect::to(&format!("/admin/accounts/{id}")))
}

async fn enable(State(state): State<AppState>, Path(id): Path<String>) -> Result<Redirect, AppError> {
    let id = id_of(&id)?;
    state.store.set_disabled(id, false).await?;
    Ok(Redirect::to(&format!("/admin/accounts/{id}")))
}

async fn reset_link(State(state): State<AppState>, i: I18n, me: SignedIn, Path(id): Path<String>) -> Result<AccountPage, AppError> {
    let id = id_of(&id)?;
    let token = state.store.create_password_reset(id, Some(me.0.account_id)).await?;
    let mut page = account_page(&state, i, id).await?;
    page.reset_link = Some(format!("/password-reset/{token}"));
    Ok(page)
}
