//! The optional second factor on one's own account: enrol (the secret shown as text and as an
//! `otpauth://` address, confirmed with a code), recovery codes shown once, turning it off with
//! the password. Sign-in asks for the code (see `pages::login`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use samverk_store::StoreError;
use samverk_store::totp::otpauth;
use serde::Deserialize;

use super::SignedIn;
use crate::i18n::I18n;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/totp", post(start))
        .route("/account/totp/confirm", post(confirm))
        .route("/account/totp/disable", post(disable))
}

#[derive(Template, WebTemplate)]
#[template(path = "trust/totp.html")]
struct TotpPage {
    i: I18n,
    secret: String,
    address: String,
    wrong_code: bool,
    /// After confirmation: the recovery codes, shown this once.
    recovery: Vec<String>,
}

async fn start(State(state): State<AppState>, i: I18n, me: SignedIn) -> Result<Response, AppError> {
    if state.store.totp_enabled(me.0.account_id).await? {
        return Ok(Redirect::to("/account").into_response());
    }
    let secret = state.store.begin_totp(me.0.account_id).await?;
    let address = otpauth(&secret, &me.0.username);
    Ok(TotpPage { i, secret, address, wrong_code: false, recovery: Vec::new() }.into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CodeForm {
    code: String,
}

async fn confirm(State(state): State<AppState>, i: I18n, me: SignedIn, Form(form): Form<CodeForm>) -> Result<Response, AppError> {
    match state.store.confirm_totp(me.0.account_id, &form.code).await {
        Ok(recovery) => Ok(TotpPage { i, secret: String::new(), address: String::new(), wrong_code: false, recovery }.into_response()),
        Err(StoreError::Invalid(_)) => {
            let Some(secret) = state.store.pending_totp(me.0.account_id).await? else {
                return Ok(Redirect::to("/account").into_response());
            };
            let address = otpauth(&secret, &me.0.username);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, TotpPage { i, secret, address, wrong_code: true, recovery: Vec::new() }).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
}

async fn disable(State(state): State<AppState>, me: SignedIn, Form(form): Form<PasswordForm>) -> Result<Response, AppError> {
    if state.store.verify_login(&me.0.username, &form.current_password).await? != Some(me.0.account_id) {
        return Ok(Redirect::to("/account?totp=wrong-password").into_response());
    }
    state.store.disable_totp(me.0.account_id).await?;
    Ok(Redirect::to("/account?totp=off").into_response())
}
