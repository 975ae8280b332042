//! Forms and the guard: the posted fields, the token added to every form, and the pages shown
//! when a form cannot be accepted as it is (expired token, ended session, forged, forbidden),
//! which always keep what was typed.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use samverk_store::account::Principal;

use super::CSRF_FIELD;
use crate::i18n::I18n;

/// Where the layout shows the account menu; the guard fills it in.
pub const MENU_MARKER: &str = "<!--trust:account-->";
/// The staff's menu in the layout, between these two markers: the anonymous public gets the
/// public one instead (the staff's links would all lead it to the sign-in page).
pub const NAV_START: &str = "<!--trust:nav-->";
pub const NAV_END: &str = "<!--/trust:nav-->";
/// Hidden fields of the sign-in form that carry another form's content through a sign-in.
pub const CARRY_PREFIX: &str = "carry:";
pub const CARRY_TO: &str = "carry_to";

/// The fields of a URL-encoded form, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    #[must_use]
    pub fn parse(body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        Self(
            text.split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The form encoded again without the named field.
    #[must_use]
    pub fn without(&self, name: &str) -> String {
        self.0.iter().filter(|(k, _)| k != name).map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
    }

    /// The fields a user typed (not the token).
    #[must_use]
    pub fn typed(&self) -> Vec<(String, String)> {
        self.0.iter().filter(|(k, _)| k != CSRF_FIELD).cloned().collect()
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                match hex.and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a form value or URL component.
#[must_use]
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A path on this site (never another host), or `/`.
#[must_use]
pub fn local_path(path: &str) -> &str {
    if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") { path } else { "/" }
}

/// Puts the hidden token field right after the opening tag of every `method="post"` form.
#[must_use]
pub fn add_token(html: &str, token: &str) -> String {
    let field = format!("<input type=\"hidden\" name=\"{CSRF_FIELD}\" value=\"{token}\">");
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find("<form") {
        let Some(end) = rest[at..].find('>') else { break };
        let tag = &rest[at..=at + end];
        out.push_str(&rest[..=at + end]);
        if tag.to_ascii_lowercase().contains("method=\"post\"") {
            out.push_str(&field);
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Template)]
#[template(path = "trust/menu.html")]
struct Menu<'a> {
    i: I18n,
    principal: Option<&'a Principal>,
    admin: bool,
}

/// The account menu of the layout: who is signed in, their account, sign-out; or sign-in.
#[must_use]
pub fn menu(i: I18n, principal: Option<&Principal>) -> String {
    let admin = principal.and_then(Principal::highest_role) == Some(samverk_domain::access::AccessRole::Administrator);
    Menu { i, principal, admin }.render().unwrap_or_default()
}

#[derive(Template)]
#[template(path = "trust/public_nav.html")]
struct PublicNav {
    i: I18n,
}

/// The main menu for the anonymous public: the public pages, news, calls and search.
#[must_use]
pub fn public_nav(i: I18n) -> String {
    PublicNav { i }.render().unwrap_or_default()
}

/// The page with the staff's menu replaced by `nav` (when the layout has one).
#[must_use]
pub fn replace_nav(html: &str, nav: &str) -> Option<String> {
    let start = html.find(NAV_START)?;
    let end = html[start..].find(NAV_END)? + start + NAV_END.len();
    Some(format!("{}{nav}{}", &html[..start], &html[end..]))
}

#[derive(Template)]
#[template(path = "trust/refused.html")]
struct Refused {
    i: I18n,
    code: &'static str,
}

fn page(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => status.into_response(),
    }
}

/// A signed-in account without the role the request needs.
#[must_use]
pub fn forbidden(i: I18n) -> Response {
    page(StatusCode::FORBIDDEN, &Refused { i, code: "forbidden" })
}

/// An upload larger than the server accepts.
#[must_use]
pub fn too_large(i: I18n) -> Response {
    page(StatusCode::PAYLOAD_TOO_LARGE, &Refused { i, code: "too_large" })
}

/// A form posted from another site.
#[must_use]
pub fn forged(i: I18n) -> Response {
    page(StatusCode::FORBIDDEN, &Refused { i, code: "forged" })
}

#[derive(Template, askama_web::WebTemplate)]
#[template(path = "trust/resend.html")]
pub struct Resend {
    pub i: I18n,
    pub action: String,
    pub fields: Vec<(String, String)>,
    pub token: String,
}

/// A form whose token no longer matches (an old tab, a session renewed meanwhile): the same
/// content, with a current token, one button away from being sent again.
#[must_use]
pub fn token_expired(i: I18n, path: &str, fields: &Fields, token: &str) -> Response {
    page(StatusCode::FORBIDDEN, &Resend { i, action: local_path(path).to_owned(), fields: fields.typed(), token: token.to_owned() })
}

/// What the sign-in page got from a form posted after the session had ended.
#[derive(Template)]
#[template(path = "trust/session_ended.html")]
struct SessionEnded {
    i: I18n,
    action: String,
    fields: Vec<(String, String)>,
}

/// A form posted after the session ended: sign in again on this page, then send it.
#[must_use]
pub fn session_ended(i: I18n, path: &str, fields: &Fields) -> Response {
    let fields = fields.typed().into_iter().map(|(k, v)| (format!("{CARRY_PREFIX}{k}"), v)).collect();
    page(StatusCode::UNAUTHORIZED, &SessionEnded { i, action: local_path(path).to_owned(), fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip_through_encoding() {
        let fields = Fields::parse(b"title=Bl%C3%A5+skog%20%26+%3D&_csrf=abc&empty=&bad=%zz%4");
        assert_eq!(fields.get("title"), Some("Blå skog & ="));
        assert_eq!(fields.get("_csrf"), Some("abc"));
        assert_eq!(fields.get("empty"), Some(""));
        assert_eq!(fields.get("bad"), Some("%zz%4"));
        assert_eq!(Fields::parse(fields.without("_csrf").as_bytes()).typed(), fields.typed());
    }

    #[test]
    fn the_token_goes_into_post_forms_only() {
        let html = r#"<form method="get" action="/x"></form><form method="post" action="/y"><input name="a"></form>"#;
        let out = add_token(html, "T");
        assert_eq!(out.matches("name=\"_csrf\" value=\"T\"").count(), 1);
        assert!(out.contains(r#"<form method="post" action="/y"><input type="hidden" name="_csrf" value="T">"#));
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/plans/1"), "/plans/1");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
    }
}
