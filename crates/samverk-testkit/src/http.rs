//! In-process requests against the router, and what a user would see of the answers.

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::TestApp;

/// A response, with its body read.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    /// The body as JSON.
    ///
    /// # Panics
    /// When the body is not JSON.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Where a redirect points.
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok())
    }

    #[must_use]
    pub fn content_type(&self) -> &str {
        self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    /// The page's visible text: tags removed, entities decoded, white space folded.
    #[must_use]
    pub fn text(&self) -> String {
        visible_text(&self.body)
    }
}

/// Strips tags (and the content of `<script>`/`<style>`/`<head>`), decodes the common entities
/// and folds white space, roughly as a reader sees the page.
#[must_use]
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let skip_to = ["<head", "<script", "<style"]
            .iter()
            .find(|t| tail.starts_with(**t))
            .and_then(|t| tail.find(&format!("</{}>", &t[1..])).map(|e| e + t.len() + 2));
        let end = match skip_to {
            Some(e) => e,
            None => tail.find('>').map_or(tail.len(), |e| e + 1),
        };
        out.push(' ');
        rest = &tail[end.min(tail.len())..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl TestApp {
    /// Sends a request and reads the whole answer.
    ///
    /// # Panics
    /// When the router fails (it never should: errors are responses).
    pub async fn request(&self, method: Method, path: &str, content_type: Option<&str>, body: Vec<u8>) -> TestResponse {
        let request = self.authorise(Request::builder().method(method).uri(path), path, content_type, body).expect("request");
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// Completes a request as this app's account would send it: the session cookie and, for a
    /// posted form, its anti-forgery token (pages), or the bearer token (`/api/`). Benchmarks
    /// and tests that build their own requests use it too.
    ///
    /// # Errors
    /// An invalid request (a bad header value).
    pub fn authorise(
        &self,
        mut builder: axum::http::request::Builder,
        path: &str,
        content_type: Option<&str>,
        mut body: Vec<u8>,
    ) -> Result<Request<Body>, axum::http::Error> {
        if let Some(ct) = content_type {
            builder = builder.header(header::CONTENT_TYPE, ct);
        }
        if path.starts_with("/api/") {
            if let Some(token) = &self.auth.bearer {
                builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
        } else if let Some(session) = &self.auth.session {
            builder = builder.header(header::COOKIE, format!("samverk_session={session}"));
            if let (Some(csrf), Some("application/x-www-form-urlencoded")) = (&self.auth.csrf, content_type) {
                if !body.is_empty() {
                    body.push(b'&');
                }
                body.extend_from_slice(format!("_csrf={csrf}").as_bytes());
            }
        }
        builder.body(Body::from(body))
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(Method::GET, path, None, Vec::new()).await
    }

    /// Submits a form as a browser would (`application/x-www-form-urlencoded`).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        self.request(Method::POST, path, Some("application/x-www-form-urlencoded"), body.into_bytes()).await
    }

    /// Submits a `multipart/form-data` form as a browser would: the anti-forgery token first
    /// (where the guard puts it in every form), then the text fields, then the files
    /// (field name, file name, bytes).
    pub async fn post_multipart(&self, path: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> TestResponse {
        const BOUNDARY: &str = "samverk-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        let token = self.auth.csrf.clone().filter(|_| self.auth.session.is_some());
        let text = token.iter().map(|t| ("_csrf", t.as_str())).chain(fields.iter().copied());
        for (name, value) in text {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        for (name, file_name, data) in files {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
        self.request(Method::POST, path, Some(&content_type), body).await
    }

    /// Sends JSON with the given method.
    ///
    /// A `PUT` under `/api/` carries `If-Match` with the `ETag` a `GET` of the same path gives
    /// just before, as a well-behaved client does (tests of stale writes use
    /// [`TestApp::send_json_if`]).
    pub async fn send_json(&self, method: Method, path: &str, body: &serde_json::Value) -> TestResponse {
        let if_match = if method == Method::PUT && path.starts_with("/api/") {
            self.get(path).await.headers.get(header::ETAG).and_then(|v| v.to_str().ok()).map(ToOwned::to_owned)
        } else {
            None
        };
        self.send_json_if(method, path, body, if_match.as_deref()).await
    }

    /// Sends JSON with the given method and, when given, `If-Match`.
    ///
    /// # Panics
    /// When the router fails.
    pub async fn send_json_if(&self, method: Method, path: &str, body: &serde_json::Value, if_match: Option<&str>) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(tag) = if_match {
            builder = builder.header(header::IF_MATCH, tag);
        }
        let request = self.authorise(builder, path, Some("application/json"), body.to_string().into_bytes()).expect("request");
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn delete(&self, path: &str) -> TestResponse {
        self.request(Method::DELETE, path, None, Vec::new()).await
    }
}

/// Percent-encodes a form value.
#[must_use]
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
