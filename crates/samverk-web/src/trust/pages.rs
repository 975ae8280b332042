//! Signing in and out, one's own account (password, API tokens) and password-reset links.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverk_domain::ValidationErrors;
use samverk_store::StoreError;
use samverk_store::account::{Grant, Scope, TokenRow, now};
use serde::Deserialize;

use super::TrustText as _;
use super::forms::{CARRY_PREFIX, CARRY_TO, Fields, Resend, local_path};
use super::guard::session_cookie;
use super::limiter::Locked;
use super::{Identity, SignedIn};
use crate::i18n::I18n;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/password", post(change_password))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/password-reset/{token}", get(reset_page).post(reset))
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/login.html")]
struct LoginPage {
    i: I18n,
    username: String,
    next: String,
    /// A message key: why the last attempt failed, or a notice.
    message: Option<&'static str>,
    minutes: i64,
    carried: Vec<(String, String)>,
    /// The account has a second factor: the page asks for its code.
    ask_code: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LoginQuery {
    next: String,
    reset: Option<String>,
}

async fn login_page(i: I18n, Query(q): Query<LoginQuery>) -> LoginPage {
    let message = q.reset.map(|_| "trust-login-reset-done");
    LoginPage {
        i,
        username: String::new(),
        next: local_path(&q.next).to_owned(),
        message,
        minutes: 0,
        carried: Vec::new(),
        ask_code: false,
    }
}

fn with_status(status: StatusCode, page: impl IntoResponse) -> Response {
    (status, page).into_response()
}

async fn login(
    State(state): State<AppState>,
    i: I18n,
    identity: Identity,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let fields = Fields(fields);
    let username = fields.get("username").unwrap_or_default().trim().to_owned();
    let password = fields.get("password").unwrap_or_default().to_owned();
    let next = local_path(fields.get("next").unwrap_or("/")).to_owned();
    let carried: Vec<(String, String)> = fields.0.iter().filter(|(k, _)| k.starts_with(CARRY_PREFIX) || k == CARRY_TO).cloned().collect();
    let refuse = |status, message: &'static str, minutes| {
        let ask_code = message.starts_with("trust-login-code");
        with_status(
            status,
            LoginPage {
                i,
                username: username.clone(),
                next: next.clone(),
                message: Some(message),
                minutes,
                carried: carried.clone(),
                ask_code,
            },
        )
    };
    let at = now();
    match state.trust.limiter.check(&username, identity.address, at) {
        Err(Locked::Account { minutes }) => return Ok(refuse(StatusCode::TOO_MANY_REQUESTS, "trust-login-locked-account", minutes)),
        Err(Locked::Address { minutes }) => return Ok(refuse(StatusCode::TOO_MANY_REQUESTS, "trust-login-locked-address", minutes)),
        Ok(()) => {}
    }
    let Some(account_id) = state.store.verify_login(&username, &password).await? else {
        state.trust.limiter.failed(&username, identity.address, at);
        tracing::info!(username = %username, address = ?identity.address, "failed sign-in");
        return Ok(refuse(StatusCode::UNAUTHORIZED, "trust-login-failed", 0));
    };
    if state.store.totp_enabled(account_id).await? {
        let code = fields.get("code").unwrap_or_default().trim().to_owned();
        if code.is_empty() {
            return Ok(refuse(StatusCode::UNAUTHORIZED, "trust-login-code-needed", 0));
        }
        if !state.store.check_second_factor(account_id, &code).await? {
            // A wrong code counts as a failed sign-in, so codes cannot be tried at will.
            state.trust.limiter.failed(&username, identity.address, at);
            tracing::info!(username = %username, address = ?identity.address, "failed second factor");
            return Ok(refuse(StatusCode::UNAUTHORIZED, "trust-login-code-wrong", 0));
        }
    }
    state.trust.limiter.succeeded(&username);
    // A new session id at every sign-in: a session fixed before sign-in is worth nothing.
    if let Some(old) = &identity.session_token {
        state.store.end_session(old).await?;
    }
    let (token, csrf) = state.store.create_session(account_id).await?;
    let cookie = HeaderValue::from_str(&session_cookie(&token, &state.trust.config, samverk_store::account::SESSION_SECONDS))
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    tracing::info!(username = %username, address = ?identity.address, "signed in");
    let mut response = match fields.get(CARRY_TO) {
        // Signed in again to send a form that arrived after the session ended.
        Some(action) => {
            let fields = carried.iter().filter_map(|(k, v)| k.strip_prefix(CARRY_PREFIX).map(|k| (k.to_owned(), v.clone()))).collect();
            Resend { i, action: local_path(action).to_owned(), fields, token: csrf }.into_response()
        }
        None => Redirect::to(&next).into_response(),
    };
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

async fn logout(State(state): State<AppState>, identity: Identity) -> Result<Response, AppError> {
    if let Some(token) = &identity.session_token {
        state.store.end_session(token).await?;
    }
    let mut response = Redirect::to("/login").into_response();
    if let Ok(cookie) = HeaderValue::from_str(&session_cookie("", &state.trust.config, 0)) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/account.html")]
struct AccountPage {
    i: I18n,
    username: String,
    display_name: String,
    grants: Vec<Grant>,
    tokens: Vec<TokenRow>,
    errors: ValidationErrors,
    token_name: String,
    /// A token just created: shown this once.
    new_token: Option<String>,
    notice: Option<&'static str>,
    /// The second factor is on.
    totp: bool,
}

async fn account_page(state: &AppState, i: I18n, me: &SignedIn) -> Result<AccountPage, AppError> {
    Ok(AccountPage {
        i,
        username: me.0.username.clone(),
        display_name: me.0.display_name.clone(),
        grants: me.0.grants.clone(),
        tokens: state.store.api_tokens(me.0.account_id).await?,
        errors: ValidationErrors::new(),
        token_name: String::new(),
        new_token: None,
        notice: None,
        totp: state.store.totp_enabled(me.0.account_id).await?,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Notice {
    changed: Option<String>,
    totp: Option<String>,
}

async fn account(State(state): State<AppState>, i: I18n, me: SignedIn, Query(q): Query<Notice>) -> Result<AccountPage, AppError> {
    let mut page = account_page(&state, i, &me).await?;
    page.notice = match q.totp.as_deref() {
        Some("off") => Some("trust-totp-off"),
        Some(_) => Some("trust-totp-wrong-password"),
        None => q.changed.map(|_| "trust-password-changed"),
    };
    Ok(page)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
    new_password: String,
    confirm_password: String,
}

async fn change_password(
    State(state): State<AppState>,
    i: I18n,
    me: SignedIn,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let mut errors = ValidationErrors::new();
    if state.store.verify_login(&me.0.username, &form.current_password).await? != Some(me.0.account_id) {
        errors.add("current_password", samverk_domain::Problem::Rule { rule: "wrong_password".to_owned() });
    }
    if form.new_password != form.confirm_password {
        errors.add("confirm_password", samverk_domain::Problem::Rule { rule: "passwords_differ".to_owned() });
    }
    if errors.is_empty() {
        match state.store.set_password(me.0.account_id, &form.new_password).await {
            Ok(()) => {
                // Every session ended with the old password; this one starts anew.
                let (token, _) = state.store.create_session(me.0.account_id).await?;
                let mut response = Redirect::to("/account?changed=1").into_response();
                if let Ok(cookie) =
                    HeaderValue::from_str(&session_cookie(&token, &state.trust.config, samverk_store::account::SESSION_SECONDS))
                {
                    response.headers_mut().append(header::SET_COOKIE, cookie);
                }
                return Ok(response);
            }
            Err(StoreError::Invalid(e)) => errors.extend(rename(e, "password", "new_password")),
            Err(other) => return Err(other.into()),
        }
    }
    let mut page = account_page(&state, i, &me).await?;
    page.errors = errors;
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
}

/// The store names the password `password`; the forms name it after their own field.
fn rename(errors: ValidationErrors, from: &str, to: &'static str) -> ValidationErrors {
    let mut out = ValidationErrors::new();
    for e in errors.errors() {
        out.add(if e.field == from { to } else { e.field }, e.problem.clone());
    }
    out
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenForm {
    token_name: String,
    scope: String,
}

async fn create_token(State(state): State<AppState>, i: I18n, me: SignedIn, Form(form): Form<TokenForm>) -> Result<Response, AppError> {
    let scope = Scope::from_code(&form.scope).unwrap_or(Scope::Read);
    let mut page = account_page(&state, i, &me).await?;
    match state.store.create_api_token(me.0.account_id, &form.token_name, scope).await {
        Ok(token) => {
            page.tokens = state.store.api_tokens(me.0.account_id).await?;
            page.new_token = Some(token);
            Ok(with_status(StatusCode::CREATED, page))
        }
        Err(StoreError::Invalid(e)) => {
            page.errors = rename(e, "name", "token_name");
            page.token_name = form.token_name;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
        }
        Err(other) => Err(other.into()),
    }
}

async fn revoke_token(State(state): State<AppState>, me: SignedIn, Path(id): Path<String>) -> Result<Redirect, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    state.store.revoke_api_token(me.0.account_id, id).await?;
    Ok(Redirect::to("/account"))
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/reset.html")]
struct ResetPage {
    i: I18n,
    token: String,
    errors: ValidationErrors,
}

async fn reset_page(State(state): State<AppState>, i: I18n, Path(token): Path<String>) -> Result<ResetPage, AppError> {
    state.store.password_reset_account(&token).await?.ok_or(AppError::NotFound)?;
    Ok(ResetPage { i, token, errors: ValidationErrors::new() })
}

async fn reset(
    State(state): State<AppState>,
    i: I18n,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    if form.new_password != form.confirm_password {
        let errors = ValidationErrors::single("confirm_password", samverk_domain::Problem::Rule { rule: "passwords_differ".to_owned() });
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, ResetPage { i, token, errors }));
    }
    match state.store.reset_password(&token, &form.new_password).await {
        Ok(_) => Ok(Redirect::to("/login?reset=1").into_response()),
        Err(StoreError::Invalid(e)) => {
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, ResetPage { i, token, errors: rename(e, "password", "new_password") }))
        }
        Err(other) => Err(other.into()),
    }
}
