//! Output encoding: a corpus of 60 cross-site scripting payloads is stored in the text fields of
//! every kind of record, then every page reachable from the home page (staff and public, in a
//! crawl that follows links) is checked for markup that would run script. Each payload carries a
//! marker (`alert(N)`), and the test also checks that every marker was rendered somewhere, so a
//! crawl that saw nothing cannot pass.

use std::collections::{BTreeSet, VecDeque};

use samverk_testkit::followup::person;
use samverk_testkit::{
    CallBuilder, DecisionBuilder, EngagementBuilder, GoalBuilder, NewsBuilder, OrganisationBuilder, PlanBuilder, TestApp, focus_area,
};

const CORPUS: &str = include_str!("xss_payloads.txt");

fn payloads() -> Vec<&'static str> {
    CORPUS.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Tags samverk never writes itself: any of them in a page came from stored text.
const FOREIGN_TAGS: &[&str] =
    &["iframe", "object", "embed", "base", "isindex", "keygen", "marquee", "style", "math", "video", "audio", "source", "noscript"];
/// Attributes whose value is a URL a browser may follow or load.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "data", "background", "poster", "xlink:href"];

/// A tag as written in the page: its name and attributes (values as written, quotes removed).
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The tags of an HTML document, read the way a browser tokenises start tags.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let a = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let attribute = html[a..i].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let v = i + 1;
                        i = v;
                        while i < bytes.len() && bytes[i] != q {
                            i += 1;
                        }
                        value = html[v..i.min(bytes.len())].to_owned();
                        i += 1;
                    }
                    _ => {
                        let v = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = html[v..i].to_owned();
                    }
                }
            }
            if attribute.is_empty() {
                i += 1;
            } else {
                attributes.push((attribute, value));
            }
        }
        out.push(Tag { name, attributes });
    }
    out
}

/// The value with numeric character references decoded, as a browser reads an attribute.
fn decode_numeric(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (hex, digits_from) = if after.starts_with(['x', 'X']) { (true, 1) } else { (false, 0) };
        let digits: String = after[digits_from..].chars().take_while(char::is_ascii_hexdigit).collect();
        let code = if hex { u32::from_str_radix(&digits, 16).ok() } else { digits.parse().ok() };
        match code.and_then(char::from_u32) {
            Some(c) if !digits.is_empty() => {
                out.push(c);
                let consumed = digits_from + digits.len();
                rest = after[consumed..].strip_prefix(';').unwrap_or(&after[consumed..]);
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What in a page would run script, described for the failure message.
fn dangerous_markup(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut bodies = 0;
    for tag in tags(html) {
        let attr = |name: &str| tag.attributes.iter().find(|(a, _)| a == name).map(|(_, v)| v.as_str());
        if tag.name == "body" {
            bodies += 1;
        }
        if tag.name == "script" && !attr("src").is_some_and(|s| s.starts_with("/static/")) {
            found.push(format!("<script> without a samverk source: {:?}", tag.attributes));
        }
        if FOREIGN_TAGS.contains(&tag.name.as_str()) {
            found.push(format!("<{}> tag", tag.name));
        }
        if tag.name == "meta" && attr("http-equiv").is_some() {
            found.push("<meta http-equiv>".to_owned());
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                found.push(format!("event handler {name}={value:?} on <{}>", tag.name));
            }
            let folded: String =
                decode_numeric(value).chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
            let scripted = folded.starts_with("javascript:") || folded.starts_with("vbscript:") || folded.starts_with("data:text/html");
            if (URL_ATTRIBUTES.contains(&name.as_str()) && scripted) || (name == "style" && folded.contains("javascript:")) {
                found.push(format!("{name}={value:?} on <{}>", tag.name));
            }
        }
    }
    if bodies > 1 {
        found.push(format!("{bodies} <body> tags"));
    }
    found
}

/// The markers `alert(N)` (or an escaped `lert(N)`) that appear in a text.
fn markers(text: &str) -> BTreeSet<usize> {
    text.match_indices("lert(")
        .filter_map(|(at, m)| {
            let rest = &text[at + m.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// Internal links of a page worth following (no sign-out, no downloads, no language switch).
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags(html) {
        for (name, value) in tag.attributes {
            if name == "href" && value.starts_with('/') && !value.starts_with("//") {
                let link = value.replace("&amp;", "&");
                let path = link.split(['?', '#']).next().unwrap_or_default();
                let skip = ["/logout", "/static/", "/lang/"].iter().any(|p| path.starts_with(p))
                    || [".xlsx", ".pdf", ".csv"].iter().any(|e| path.ends_with(e));
                if !skip {
                    out.push(link.split('#').next().unwrap_or_default().to_owned());
                }
            }
        }
    }
    out
}

/// Stores every payload: all of them as organisation names, and each one in every text field of
/// one record of another kind, in turn (so every field holds several payloads).
async fn store_the_corpus(app: &TestApp) {
    let store = &app.store;
    let corpus = payloads();
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(store).await;
    let mut organisations = Vec::new();
    for payload in &corpus {
        organisations.push(OrganisationBuilder::new(payload).kind("international_organisation").insert(store).await);
    }
    let plan = PlanBuilder::new(owner, "Internasjonal strategi").insert(store).await;
    for (n, payload) in corpus.iter().enumerate() {
        let partner = organisations[n];
        match n % 7 {
            0 => {
                DecisionBuilder::new(owner, payload).insert(store).await;
            }
            1 => {
                EngagementBuilder::new(owner, payload).description(payload).participant(partner, "member").insert(store).await;
            }
            2 => {
                let area = focus_area(store, plan, payload).await;
                GoalBuilder::new(plan, payload).focus_area(area).insert(store).await;
            }
            3 => {
                NewsBuilder::new(owner, payload).lead(payload).body(payload).tags("xss").insert(store).await;
            }
            4 => {
                CallBuilder::new(owner, payload).insert(store).await;
            }
            5 => {
                person(store, owner, payload).await;
            }
            _ => {
                PlanBuilder::new(owner, payload).insert(store).await;
            }
        }
    }
    // The public pages show only what is published.
    let mut handle = store.handle().await.expect("a connection");
    handle.conn().execute_unprepared("UPDATE engagements SET published = TRUE").await.expect("publish engagements");
    handle.conn().execute_unprepared("UPDATE plans SET published = TRUE").await.expect("publish plans");
}

#[test]
fn the_corpus_holds_at_least_fifty_payloads_each_with_its_marker() {
    let corpus = payloads();
    assert!(corpus.len() >= 50, "{}", corpus.len());
    for (n, payload) in corpus.iter().enumerate() {
        assert!(markers(payload).contains(&(n + 1)), "payload {} has no marker: {payload}", n + 1);
    }
}

#[test]
fn the_scanner_finds_script_in_raw_payloads_and_none_in_escaped_ones() {
    for payload in payloads().iter().filter(|p| p.contains('<')) {
        let raw = format!("<p>{payload}</p>");
        // Payloads made only of closing tags or broken tags are harmless on their own (a browser
        // reads `<scr<script>` as one tag named "scr<script", and an SVG loaded as an image runs
        // no script).
        let harmless =
            ["</title>", "</textarea>", "</style>", "-->", "]]>", "{{", "${", "<img src=`", "<scr<script", "<img src=\"data:image/svg"];
        if !harmless.iter().any(|h| payload.starts_with(h)) {
            assert!(!dangerous_markup(&raw).is_empty(), "the scanner misses {payload}");
        }
        let escaped = payload.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        assert!(dangerous_markup(&format!("<p>{escaped}</p>")).is_empty(), "false alarm on {escaped}");
    }
}

async fn crawl_and_check(app: &TestApp, seeds: &[&str], limit: usize) -> (usize, BTreeSet<usize>) {
    let mut queue: VecDeque<String> = seeds.iter().map(|s| (*s).to_owned()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut rendered = BTreeSet::new();
    let mut pages = 0;
    while let Some(path) = queue.pop_front() {
        if pages >= limit {
            break;
        }
        let response = app.get(&path).await;
        assert!(!response.status.is_server_error(), "{path}: {}", response.status);
        let content_type = response.content_type().to_owned();
        if !(content_type.starts_with("text/html") || content_type.contains("xml")) {
            continue;
        }
        pages += 1;
        let problems = dangerous_markup(&response.body);
        assert!(problems.is_empty(), "{path} would run stored script: {problems:?}");
        rendered.extend(markers(&response.body));
        for link in links(&response.body) {
            // Pages of a long list differ only by their rows: follow the first few.
            let paged = link.contains("page=") && !link.contains("page=2") && !link.contains("page=3");
            if !paged && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    (pages, rendered)
}

#[tokio::test]
async fn no_stored_payload_runs_on_any_page_staff_or_public() {
    let app = TestApp::new().await;
    store_the_corpus(&app).await;
    let seeds =
        ["/", "/engagements", "/organisations", "/decisions", "/plans", "/news", "/calls", "/people", "/mandates", "/search?q=alert"];
    let (pages, mut rendered) = crawl_and_check(&app, &seeds, 700).await;
    assert!(pages > 100, "the crawl reached only {pages} pages");
    let public = app.view_anonymous();
    let (public_pages, public_rendered) =
        crawl_and_check(&public, &["/p", "/news", "/calls", "/news/feed.atom", "/sitemap.xml"], 300).await;
    assert!(public_pages > 10, "the public crawl reached only {public_pages} pages");
    rendered.extend(public_rendered);
    let missing: Vec<usize> = (1..=payloads().len()).filter(|n| !rendered.contains(n)).collect();
    assert!(missing.is_empty(), "payloads never rendered on any page (so not tested): {missing:?}");
}
