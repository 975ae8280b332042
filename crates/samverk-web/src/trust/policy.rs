//! What each request needs, decided from its method and path alone so it holds for every route,
//! including routes added later: reads need a reader, writes an editor, `/admin` an
//! administrator, and only a few named paths are open to the anonymous public.

use axum::http::Method;
use samverk_domain::access::{AccessRole, Need};

/// Paths anyone may use, signed in or not.
const PUBLIC: &[&str] = &["/login", "/logout", "/healthz", "/static/style.css", "/api/openapi.json"];
/// Path prefixes anyone may use (a reset link is its own proof).
const PUBLIC_PREFIXES: &[&str] = &["/static/", "/password-reset/"];

/// Pages of the public face (issue 7), read by anyone (the staff's `/search` is not among them:
/// its index holds unpublished records too; the public's is `/p/search`, which filters them out):
/// path patterns where `{n}` is a record id
/// and `*` any one segment. Their handlers show only what is published.
const PUBLIC_READS: &[&str] = &[
    "/p",
    "/p/search",
    "/p/*",
    "/p/*/plans/{n}",
    "/p/*/engagements",
    "/p/*/engagements/{n}",
    "/sitemap.xml",
    "/accessibility",
    "/lang/*",
    "/news",
    "/news/feed.atom",
    "/news/{n}",
    "/calls",
    "/calls/{n}",
    "/calls/receipt/*",
];
/// Writes anyone may make: answering a call for input needs no account.
const PUBLIC_WRITES: &[&str] = &["/calls/{n}/answers"];

fn matches_pattern(pattern: &str, path: &str) -> bool {
    let (mut p, mut q) = (pattern.split('/'), path.split('/'));
    loop {
        match (p.next(), q.next()) {
            (None, None) => return true,
            (Some("{n}"), Some(seg)) if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) => {}
            (Some("*"), Some(seg)) if !seg.is_empty() => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Whether a method changes nothing (and so needs no anti-forgery token).
#[must_use]
pub fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// What a request for `method path` needs.
#[must_use]
pub fn need(method: &Method, path: &str) -> Need {
    let listed = |patterns: &[&str]| patterns.iter().any(|p| matches_pattern(p, path));
    if PUBLIC.contains(&path)
        || PUBLIC_PREFIXES.iter().any(|p| path.starts_with(p))
        || (is_safe(method) && listed(PUBLIC_READS))
        || (*method == Method::POST && listed(PUBLIC_WRITES))
    {
        Need::Public
    } else if path == "/account" || path.starts_with("/account/") {
        Need::SignedIn
    } else if path == "/admin" || path.starts_with("/admin/") {
        Need::Role(AccessRole::Administrator)
    } else if path == "/imports" || path.starts_with("/imports/") {
        // Imports write public data into the shared register: the page too is for editors.
        Need::Role(AccessRole::Editor)
    } else if is_safe(method) {
        Need::Role(AccessRole::Reader)
    } else {
        Need::Role(AccessRole::Editor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_need_an_editor_and_admin_pages_an_administrator() {
        assert_eq!(need(&Method::GET, "/engagements"), Need::Role(AccessRole::Reader));
        assert_eq!(need(&Method::POST, "/engagements"), Need::Role(AccessRole::Editor));
        assert_eq!(need(&Method::DELETE, "/api/v1/plans/1"), Need::Role(AccessRole::Editor));
        assert_eq!(need(&Method::GET, "/admin/accounts"), Need::Role(AccessRole::Administrator));
        assert_eq!(need(&Method::GET, "/login"), Need::Public);
        assert_eq!(need(&Method::POST, "/account/password"), Need::SignedIn);
        assert_eq!(need(&Method::GET, "/administrative"), Need::Role(AccessRole::Reader));
    }

    #[test]
    fn the_public_face_is_open_and_its_staff_pages_are_not() {
        assert_eq!(need(&Method::GET, "/news/12"), Need::Public);
        assert_eq!(need(&Method::GET, "/news/12/edit"), Need::Role(AccessRole::Reader));
        assert_eq!(need(&Method::GET, "/news/12/texts"), Need::Role(AccessRole::Reader), "staff only, like the edit form");
        assert_eq!(need(&Method::POST, "/news/12/texts"), Need::Role(AccessRole::Editor));
        assert_eq!(need(&Method::GET, "/news/new"), Need::Role(AccessRole::Reader));
        assert_eq!(need(&Method::POST, "/news/12"), Need::Role(AccessRole::Editor));
        assert_eq!(need(&Method::POST, "/calls/3/answers"), Need::Public);
        assert_eq!(need(&Method::GET, "/calls/3/submissions"), Need::Role(AccessRole::Reader));
        assert_eq!(need(&Method::GET, "/p/telemark-fylkeskommune"), Need::Public);
        assert_eq!(need(&Method::GET, "/lang/nb"), Need::Public);
    }
}
