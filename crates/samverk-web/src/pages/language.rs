//! The language switcher: plain links (`/lang/nb`) that remember the choice in a cookie and lead
//! back to the page the visitor came from, so it works without JavaScript.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppError;
use crate::i18n::{LANG_COOKIE, Lang};

/// A year: the choice outlives the session, as a visitor expects of a language setting.
const COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

pub async fn switch(Path(code): Path<String>, headers: HeaderMap) -> Result<Response, AppError> {
    let lang = Lang::parse(&code).filter(|l| l.code() == code).ok_or(AppError::NotFound)?;
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax", lang.code());
    let back = return_path(&headers);
    let mut response = StatusCode::SEE_OTHER.into_response();
    let h = response.headers_mut();
    h.insert(header::LOCATION, HeaderValue::from_str(&back).unwrap_or(HeaderValue::from_static("/")));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        h.insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The path of the page the link was followed from, when it is on this site; else the front
/// page. Only the path and query are kept (never another host), without a `lang=` parameter that
/// would override the choice just made.
fn return_path(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let referer = headers.get(header::REFERER).and_then(|v| v.to_str().ok());
    let (Some(host), Some(referer)) = (host, referer) else { return "/".to_owned() };
    let Some(rest) = referer.strip_prefix("http://").or_else(|| referer.strip_prefix("https://")) else { return "/".to_owned() };
    let Some(path) = rest.strip_prefix(host) else { return "/".to_owned() };
    if !path.starts_with('/') || path.starts_with("//") || path.starts_with("/lang/") {
        return "/".to_owned();
    }
    match path.split_once('?') {
        Some((p, query)) => {
            let kept: Vec<&str> = query.split('&').filter(|kv| !kv.starts_with("lang=") && !kv.is_empty()).collect();
            if kept.is_empty() { p.to_owned() } else { format!("{p}?{}", kept.join("&")) }
        }
        None => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str, referer: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap_or_else(|e| panic!("{e}")));
        h.insert(header::REFERER, HeaderValue::from_str(referer).unwrap_or_else(|e| panic!("{e}")));
        h
    }

    #[test]
    fn returns_to_the_same_site_only() {
        assert_eq!(return_path(&headers("a.no", "https://a.no/plans/3?lang=sv&x=1")), "/plans/3?x=1");
        assert_eq!(return_path(&headers("a.no", "https://evil.example/plans")), "/");
        assert_eq!(return_path(&headers("a.no", "https://a.no.evil.example/plans")), "/");
        assert_eq!(return_path(&headers("a.no", "https://a.no//evil.example")), "/");
        assert_eq!(return_path(&HeaderMap::new()), "/");
    }
}
