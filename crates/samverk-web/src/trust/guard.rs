//! The middleware around every request: identify, authorise, check the anti-forgery token,
//! then add the security headers and the session's token to every form of an HTML answer.

use std::net::{IpAddr, SocketAddr};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use samverk_domain::access::Need;
use samverk_domain::access::allows;
use samverk_store::account::{Principal, Scope};
use samverk_store::audit::{self, Actor, Origin};
use samverk_store::scope::{self, Scope as Authorities};

use super::forms::{self, Fields};
use super::{CSRF_FIELD, Identity, SESSION_COOKIE, TrustConfig, policy};
use crate::AppState;
use crate::api::Problem;
use crate::i18n::I18n;

/// The largest form body the guard reads to check its token (forms are small; uploads are not forms).
const FORM_LIMIT: usize = 2 * 1024 * 1024;
/// The largest multipart form (uploads): a few attachments of at most 5 MB each. The routes
/// that take uploads set the same limit for their handler.
pub const MULTIPART_LIMIT: usize = 16 * 1024 * 1024;
/// The largest HTML answer the guard rewrites to add the token to its forms.
const PAGE_LIMIT: usize = 16 * 1024 * 1024;

/// The value of one cookie of the request.
#[must_use]
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).map(str::trim)
}

/// The client's address: the socket peer, or with `trusted_proxies` proxies in front, the
/// address the outermost of them saw (counted from the right of `X-Forwarded-For`, so a client
/// cannot choose it by sending the header itself).
#[must_use]
pub fn client_address(headers: &HeaderMap, peer: Option<IpAddr>, config: &TrustConfig) -> Option<IpAddr> {
    if config.trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if hops.is_empty() {
        return peer;
    }
    let index = hops.len().saturating_sub(config.trusted_proxies);
    hops.get(index).and_then(|h| h.parse().ok()).or(peer)
}

/// A request from another site (a forged form): browsers say so in `Sec-Fetch-Site`, older
/// ones only by an `Origin` that is not ours.
fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "cross-site";
    }
    match (headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()), headers.get(header::HOST).and_then(|v| v.to_str().ok())) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin.split("://").nth(1) != Some(host),
        _ => false,
    }
}

fn is_form(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("multipart/form-data"))
}

/// How much of a multipart body is read for its text fields: the token comes first (the guard
/// puts it right after `<form>`), files later.
const MULTIPART_FIELDS_PREFIX: usize = 256 * 1024;

/// The text fields at the start of a multipart form, in order, files left out. Only the first
/// [`MULTIPART_FIELDS_PREFIX`] bytes are parsed; reading stops at the first part that cannot
/// be read (a file cut off there), so large files after the token do not matter.
async fn multipart_fields(headers: &HeaderMap, bytes: &Bytes) -> Fields {
    use axum::extract::FromRequest;
    let mut request = Request::new(Body::from(bytes.slice(..bytes.len().min(MULTIPART_FIELDS_PREFIX))));
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        request.headers_mut().insert(header::CONTENT_TYPE, ct.clone());
    }
    let Ok(mut multipart) = axum::extract::Multipart::from_request(request, &()).await else { return Fields::default() };
    let mut fields = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.file_name().is_some() {
            continue;
        }
        let name = field.name().unwrap_or_default().to_owned();
        let Ok(value) = field.text().await else { break };
        fields.push((name, value));
    }
    Fields(fields)
}

fn api_refusal(status: StatusCode, code: &str) -> Response {
    let mut response = Problem::new(status, code, None, Vec::new()).render();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"samverk\""));
    }
    response
}

/// Where to come back to after signing in: the request's own path and query.
fn return_to(uri: &axum::http::Uri) -> String {
    uri.path_and_query().map_or_else(|| "/".to_owned(), ToString::to_string)
}

/// The whole guard; see the module documentation.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let i = I18n::from_request_parts(&mut parts, &state).await.unwrap_or_default();
    let path = parts.uri.path().to_owned();
    let api = path.starts_with("/api/");
    let trust = state.trust.clone();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let address = client_address(&parts.headers, peer, &trust.config);

    let session_token = if api { None } else { cookie(&parts.headers, SESSION_COOKIE).map(ToOwned::to_owned) };
    let looked_up = match (api, bearer(&parts.headers), &session_token) {
        (true, Some(token), _) => state.store.api_token(token).await,
        (false, _, Some(token)) => state.store.session(token).await,
        _ => Ok(None),
    };
    let principal: Option<Principal> = match looked_up {
        Ok(p) => p,
        Err(error) => return crate::AppError::from(error).into_response(),
    };
    // A cookie whose session has ended (expired, signed out, account disabled) is cleared.
    let stale_cookie = session_token.is_some() && principal.is_none();

    let need = policy::need(&parts.method, &path);
    let role = principal.as_ref().and_then(Principal::highest_role);
    let safe = policy::is_safe(&parts.method);
    let mut body = Body::new(body);

    if api {
        if !allows(principal.is_some(), role, need) {
            let status = if principal.is_some() { StatusCode::FORBIDDEN } else { StatusCode::UNAUTHORIZED };
            return secure(api_refusal(status, if principal.is_some() { "forbidden" } else { "unauthorized" }), &trust.config, false);
        }
        if !safe && principal.as_ref().is_some_and(|p| p.scope != Some(Scope::Write)) {
            return secure(api_refusal(StatusCode::FORBIDDEN, "read_only_token"), &trust.config, false);
        }
    } else {
        if !safe && cross_site(&parts.headers) {
            return secure(forms::forged(i), &trust.config, stale_cookie);
        }
        let mut fields: Option<Fields> = None;
        if !safe && is_form(&parts.headers) {
            let bytes = match axum::body::to_bytes(body, FORM_LIMIT).await {
                Ok(b) => b,
                Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            };
            let parsed = Fields::parse(&bytes);
            body = Body::from(parsed.without(CSRF_FIELD));
            fields = Some(parsed);
        } else if !safe && is_multipart(&parts.headers) {
            // An upload: the token is a field of the multipart body. The body goes on as it
            // came (the handler ignores the token field).
            let bytes = match axum::body::to_bytes(body, MULTIPART_LIMIT).await {
                Ok(b) => b,
                Err(_) => return secure(forms::too_large(i), &trust.config, stale_cookie),
            };
            fields = Some(multipart_fields(&parts.headers, &bytes).await);
            body = Body::from(bytes);
        }
        if !allows(principal.is_some(), role, need) {
            let refusal = match (&principal, safe, fields) {
                (Some(_), _, _) => forms::forbidden(i),
                // A form posted after the session ended: keep what was typed.
                (None, false, Some(fields)) => forms::session_ended(i, &path, &fields),
                (None, _, _) => Redirect::to(&format!("/login?next={}", forms::encode(&return_to(&parts.uri)))).into_response(),
            };
            return secure(refusal, &trust.config, stale_cookie);
        }
        if let (Some(p), false) = (&principal, safe) {
            let token = fields.as_ref().and_then(|f| f.get(CSRF_FIELD)).unwrap_or_default();
            // Constant-time comparison: the token must not be guessable byte by byte.
            if !constant_eq(token.as_bytes(), p.csrf_token.as_bytes()) {
                let fields = fields.unwrap_or_default();
                return secure(forms::token_expired(i, &path, &fields, &p.csrf_token), &trust.config, false);
            }
        }
    }

    let csrf = principal.as_ref().map(|p| p.csrf_token.clone()).filter(|t| !t.is_empty());
    let menu = if api { None } else { Some(forms::menu(i, principal.as_ref())) };
    let public_nav = (!api && principal.is_none()).then(|| forms::public_nav(i));
    // Every transaction the request begins is attributed to this account in the audit trail.
    let actor = principal.as_ref().map_or_else(
        || Actor { account_id: None, name: "public".to_owned(), origin: Origin::Page, via: format!("{} {path}", parts.method) },
        |p| Actor {
            account_id: Some(p.account_id),
            name: p.display_name.clone(),
            origin: if api { Origin::Api } else { Origin::Page },
            via: format!("{} {path}", parts.method),
        },
    );
    let authorities = principal.as_ref().map_or(Authorities::Everything, |p| authorities(p, need));
    parts.extensions.insert(Identity { principal, address, session_token });
    let response = audit::acting(actor, scope::within(authorities, next.run(Request::from_parts(parts, body)))).await;
    let response = match menu {
        Some(menu) => rewrite_html(response, csrf.as_deref(), &menu, public_nav.as_deref()).await,
        None => response,
    };
    secure(response, &trust.config, stale_cookie)
}

/// The authorities whose records the request may see and change: those where the account holds a
/// role that reaches what the route needs (an installation-wide role reaches every authority).
/// Public and own-account routes are not limited: they show only published records or the
/// account itself.
fn authorities(principal: &Principal, need: Need) -> Authorities {
    let Need::Role(wanted) = need else { return Authorities::Everything };
    let reaching = principal.grants.iter().filter(|g| g.role >= wanted);
    let mut ids = Vec::new();
    for grant in reaching {
        match grant.authority_id {
            None => return Authorities::Everything,
            Some(id) => ids.push(id),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Authorities::Authorities(ids)
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The security headers every answer carries.
fn secure(mut response: Response, config: &TrustConfig, clear_cookie: bool) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    // No inline script or style anywhere in samverk, so none is allowed.
    set(
        headers,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "referrer-policy", "same-origin");
    set(headers, "x-frame-options", "DENY");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "permissions-policy", "camera=(), microphone=(), geolocation=()");
    if config.tls {
        set(headers, "strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    if clear_cookie
        && !headers.contains_key(header::SET_COOKIE)
        && let Ok(value) = HeaderValue::from_str(&session_cookie("", config, 0))
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

/// A `Set-Cookie` value for the session: HttpOnly, SameSite=Lax, Secure over TLS.
#[must_use]
pub fn session_cookie(token: &str, config: &TrustConfig, max_age: i64) -> String {
    let secure = if config.tls { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// Adds the session's anti-forgery token to every POST form of an HTML answer and fills in the
/// account menu of the layout, so no template or handler has to remember either; for the
/// anonymous public, `public_nav` replaces the staff's menu.
async fn rewrite_html(response: Response, csrf: Option<&str>, menu: &str, public_nav: Option<&str>) -> Response {
    let is_html = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, PAGE_LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let html = String::from_utf8_lossy(&bytes);
    let html = html.replacen(forms::MENU_MARKER, menu, 1);
    let html = public_nav.and_then(|nav| forms::replace_nav(&html, nav)).unwrap_or(html);
    let html = match csrf {
        Some(token) => forms::add_token(&html, token),
        None => html,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(Bytes::from(html)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_address_is_taken_from_the_trusted_hop_not_the_leftmost() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("6.6.6.6, 10.1.2.3, 192.168.0.9"));
        let peer = "127.0.0.1".parse().ok();
        let at = |n| client_address(&headers, peer, &TrustConfig { tls: false, trusted_proxies: n }).map(|a| a.to_string());
        assert_eq!(at(0).as_deref(), Some("127.0.0.1"));
        assert_eq!(at(1).as_deref(), Some("192.168.0.9"));
        assert_eq!(at(2).as_deref(), Some("10.1.2.3"));
        assert_eq!(at(9).as_deref(), Some("6.6.6.6"));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; samverk_session=abc; b=2"));
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
    }
}
