//! Trust: who is asking (a session cookie for pages, a bearer token for the API), whether they
//! may (one policy for every route, deny by default for writes), forged forms refused, and the
//! security headers on every answer.
//!
//! It is one middleware around the whole router, so a route added anywhere is covered without
//! its handler doing anything: reads need a reader, writes an editor, `/admin` an administrator.

mod admin;
pub mod conflict;
mod forms;
mod guard;
mod limiter;
mod pages;
pub mod policy;
mod totp;
pub mod version;

use std::net::IpAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samverk_store::account::Principal;

pub use guard::{MULTIPART_LIMIT, guard};
/// The largest data-set upload: the guard's multipart limit (the largest data set is 2.6 MB).
pub const UPLOAD_LIMIT: usize = MULTIPART_LIMIT;
pub use limiter::Limiter;

use crate::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "samverk_session";
/// The name of the anti-forgery field every state-changing form carries.
pub const CSRF_FIELD: &str = "_csrf";

/// How the installation is exposed, which decides cookie and header details.
#[derive(Debug, Clone, Default)]
pub struct TrustConfig {
    /// Served over TLS (directly or behind a TLS-terminating proxy): cookies get `Secure` and
    /// answers carry HSTS.
    pub tls: bool,
    /// The number of proxies in front of samverk that append to `X-Forwarded-For`. The client
    /// address is the one the outermost of them saw; 0 uses the socket's peer address.
    pub trusted_proxies: usize,
}

/// What the trust layer keeps between requests.
#[derive(Debug, Default)]
pub struct Trust {
    pub config: TrustConfig,
    pub limiter: Limiter,
}

impl Trust {
    #[must_use]
    pub fn new(config: TrustConfig) -> Arc<Self> {
        Arc::new(Self { config, limiter: Limiter::default() })
    }
}

/// Catalogue lookups of keys built from a code (`trust-role-editor`), for the templates.
pub trait TrustText {
    fn tk(&self, prefix: &str, code: &str, suffix: &str) -> String;
}

impl TrustText for crate::i18n::I18n {
    fn tk(&self, prefix: &str, code: &str, suffix: &str) -> String {
        self.t(&format!("{prefix}{code}{suffix}"))
    }
}

/// Who sent the request: a signed-in account, or nobody (the anonymous public).
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub principal: Option<Principal>,
    pub address: Option<IpAddr>,
    /// The session cookie's secret, to end the session at sign-out.
    pub session_token: Option<String>,
}

impl Identity {
    #[must_use]
    pub fn is_admin(&self) -> bool {
        self.principal.as_ref().and_then(Principal::highest_role) == Some(samverk_domain::access::AccessRole::Administrator)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Identity {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Self>().cloned().unwrap_or_default())
    }
}

/// A signed-in account; handlers that take it answer only signed-in requests (the guard has
/// already turned the others away, so the rejection is a safety net).
#[derive(Debug, Clone)]
pub struct SignedIn(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = axum::http::StatusCode;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Identity>().and_then(|i| i.principal.clone()).map(Self).ok_or(axum::http::StatusCode::UNAUTHORIZED)
    }
}

/// The sign-in, account and administration pages.
pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(admin::router()).merge(totp::router())
}

/// Every page route in the source of this crate as (path, lower-case method), found by reading
/// the router's `route` calls with a literal path in `src/` (the API keeps its own table). Used by the
/// authorisation-matrix test so a page added anywhere without an entry fails it.
#[must_use]
pub fn page_routes_in(source: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(".route(\"") {
        rest = &rest[at + 8..];
        let Some(end) = rest.find('"') else { break };
        let path = rest[..end].to_owned();
        let call = rest[end..].split(".route(").next().unwrap_or_default();
        let call = call.split('\n').next().unwrap_or_default();
        for method in ["get", "post", "put", "delete", "patch"] {
            let pattern = format!("{method}(");
            let found = call
                .match_indices(&pattern)
                .any(|(i, _)| i == 0 || !call[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'));
            if found {
                out.push((path.clone(), method));
            }
        }
        rest = &rest[end..];
    }
    out
}
