//! THE authorisation matrix: every route samverk serves, with the least access it needs.
//!
//! One table ([`MATRIX`]). A route served but missing here fails
//! `every_served_route_has_an_entry`; an entry for a route no longer served fails it too. For
//! each row, every role (and the anonymous public) is tried, and must be let through exactly
//! when its access reaches the row's. To add a route: add one line below.
//!
//! The last column is an administrator of another authority: every route that names one of the
//! demo authority's records must refuse her (403, or 404 as if it did not exist), and no page she
//! may open may show any of its records (`an_administrator_of_another_authority_…`).

use std::collections::BTreeSet;
use std::path::Path;

use axum::http::{Method, StatusCode};
use samverk_testkit::{AccessRole, TestApp, TestResponse};

/// The least access a route needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in account, whatever its role.
    SignedIn,
    /// At least this role.
    Role(AccessRole),
}

use Access::{Public, Role, SignedIn};
use AccessRole::{Administrator as Admin, Editor, Reader};

#[rustfmt::skip]
const MATRIX: &[(&str, &str, Access)] = &[
    // Health, assets, API description
    ("get", "/healthz", Public),
    ("get", "/static/style.css", Public),
    ("get", "/static/picker.js", Public),
    ("get", "/api/openapi.json", Public),
    // Signing in, one's own account, reset links
    ("get", "/login", Public),
    ("post", "/login", Public),
    ("post", "/logout", Public),
    ("get", "/account", SignedIn),
    ("post", "/account/password", SignedIn),
    ("post", "/account/tokens", SignedIn),
    ("post", "/account/tokens/{id}/revoke", SignedIn),
    ("post", "/account/totp", SignedIn),
    ("post", "/account/totp/confirm", SignedIn),
    ("post", "/account/totp/disable", SignedIn),
    ("get", "/password-reset/{token}", Public),
    ("post", "/password-reset/{token}", Public),
    // Administration
    ("get", "/admin/accounts", Role(Admin)),
    ("post", "/admin/accounts", Role(Admin)),
    ("get", "/admin/accounts/{id}", Role(Admin)),
    ("post", "/admin/accounts/{id}/roles", Role(Admin)),
    ("post", "/admin/accounts/{id}/roles/remove", Role(Admin)),
    ("post", "/admin/accounts/{id}/disable", Role(Admin)),
    ("post", "/admin/accounts/{id}/enable", Role(Admin)),
    ("post", "/admin/accounts/{id}/reset", Role(Admin)),
    // The audit trail: a record's history, restoring a version, every change
    ("get", "/admin/changes", Role(Admin)),
    ("get", "/history/{table}/{id}", Role(Reader)),
    ("post", "/history/{table}/{id}/restore", Role(Editor)),
    // Personal data (GDPR)
    ("get", "/admin/privacy", Role(Admin)),
    ("get", "/admin/privacy/register.json", Role(Admin)),
    ("get", "/admin/privacy/log", Role(Admin)),
    ("get", "/admin/privacy/people", Role(Admin)),
    ("get", "/admin/privacy/person", Role(Admin)),
    ("get", "/admin/privacy/person/export.json", Role(Admin)),
    ("get", "/admin/privacy/person/export.csv", Role(Admin)),
    ("post", "/admin/privacy/person/erase", Role(Admin)),
    // Pages
    ("get", "/", Role(Reader)),
    ("get", "/check", Role(Reader)),
    ("get", "/plans", Role(Reader)),
    ("post", "/plans", Role(Editor)),
    ("get", "/plans/new", Role(Reader)),
    ("get", "/plans/{id}", Role(Reader)),
    ("post", "/plans/{id}", Role(Editor)),
    ("get", "/plans/{id}/edit", Role(Reader)),
    ("post", "/plans/{id}/delete", Role(Editor)),
    ("get", "/plans/{id}/focus-areas/new", Role(Reader)),
    ("post", "/plans/{id}/focus-areas", Role(Editor)),
    ("post", "/focus-areas/{id}", Role(Editor)),
    ("get", "/focus-areas/{id}/edit", Role(Reader)),
    ("post", "/focus-areas/{id}/delete", Role(Editor)),
    ("get", "/plans/{id}/goals/new", Role(Reader)),
    ("post", "/plans/{id}/goals", Role(Editor)),
    ("get", "/goals/{id}", Role(Reader)),
    ("post", "/goals/{id}", Role(Editor)),
    ("get", "/goals/{id}/edit", Role(Reader)),
    ("post", "/goals/{id}/delete", Role(Editor)),
    ("get", "/plans/{id}/measures/new", Role(Reader)),
    ("post", "/plans/{id}/measures", Role(Editor)),
    ("post", "/measures/{id}", Role(Editor)),
    ("get", "/measures/{id}/edit", Role(Reader)),
    ("post", "/measures/{id}/delete", Role(Editor)),
    ("get", "/engagements", Role(Reader)),
    ("post", "/engagements", Role(Editor)),
    ("get", "/engagements/new", Role(Reader)),
    ("get", "/engagements/{id}", Role(Reader)),
    ("post", "/engagements/{id}", Role(Editor)),
    ("get", "/engagements/{id}/edit", Role(Reader)),
    ("post", "/engagements/{id}/delete", Role(Editor)),
    ("post", "/engagements/{id}/participants", Role(Editor)),
    ("get", "/engagements/{id}/participants/new", Role(Reader)),
    ("post", "/engagements/{id}/participants/{pid}/delete", Role(Editor)),
    ("post", "/engagements/{id}/contributions", Role(Editor)),
    ("get", "/engagements/{id}/contributions/new", Role(Reader)),
    ("post", "/engagements/{id}/contributions/{cid}/delete", Role(Editor)),
    ("get", "/organisations", Role(Reader)),
    ("post", "/organisations", Role(Editor)),
    ("get", "/organisations/new", Role(Reader)),
    ("get", "/organisations/{id}", Role(Reader)),
    ("post", "/organisations/{id}", Role(Editor)),
    ("get", "/organisations/{id}/edit", Role(Reader)),
    ("post", "/organisations/{id}/delete", Role(Editor)),
    ("post", "/organisations/{id}/predecessors", Role(Editor)),
    ("get", "/decisions", Role(Reader)),
    ("post", "/decisions", Role(Editor)),
    ("get", "/decisions/new", Role(Reader)),
    ("get", "/decisions/{id}", Role(Reader)),
    ("post", "/decisions/{id}", Role(Editor)),
    ("get", "/decisions/{id}/edit", Role(Reader)),
    ("post", "/decisions/{id}/delete", Role(Editor)),
    // API (bearer token; writes also need a write token)
    ("get", "/api/v1/organisations", Role(Reader)),
    ("post", "/api/v1/organisations", Role(Editor)),
    ("get", "/api/v1/organisations/{id}", Role(Reader)),
    ("put", "/api/v1/organisations/{id}", Role(Editor)),
    ("delete", "/api/v1/organisations/{id}", Role(Editor)),
    ("post", "/api/v1/organisations/{id}/predecessors", Role(Editor)),
    ("get", "/api/v1/decisions", Role(Reader)),
    ("post", "/api/v1/decisions", Role(Editor)),
    ("get", "/api/v1/decisions/{id}", Role(Reader)),
    ("put", "/api/v1/decisions/{id}", Role(Editor)),
    ("delete", "/api/v1/decisions/{id}", Role(Editor)),
    ("get", "/api/v1/plans", Role(Reader)),
    ("post", "/api/v1/plans", Role(Editor)),
    ("get", "/api/v1/plans/{id}", Role(Reader)),
    ("put", "/api/v1/plans/{id}", Role(Editor)),
    ("delete", "/api/v1/plans/{id}", Role(Editor)),
    ("get", "/api/v1/focus-areas", Role(Reader)),
    ("post", "/api/v1/focus-areas", Role(Editor)),
    ("get", "/api/v1/focus-areas/{id}", Role(Reader)),
    ("put", "/api/v1/focus-areas/{id}", Role(Editor)),
    ("delete", "/api/v1/focus-areas/{id}", Role(Editor)),
    ("get", "/api/v1/goals", Role(Reader)),
    ("post", "/api/v1/goals", Role(Editor)),
    ("get", "/api/v1/goals/{id}", Role(Reader)),
    ("put", "/api/v1/goals/{id}", Role(Editor)),
    ("delete", "/api/v1/goals/{id}", Role(Editor)),
    ("get", "/api/v1/measures", Role(Reader)),
    ("post", "/api/v1/measures", Role(Editor)),
    ("get", "/api/v1/measures/{id}", Role(Reader)),
    ("put", "/api/v1/measures/{id}", Role(Editor)),
    ("delete", "/api/v1/measures/{id}", Role(Editor)),
    ("get", "/api/v1/engagements", Role(Reader)),
    ("post", "/api/v1/engagements", Role(Editor)),
    ("get", "/api/v1/engagements/{id}", Role(Reader)),
    ("put", "/api/v1/engagements/{id}", Role(Editor)),
    ("delete", "/api/v1/engagements/{id}", Role(Editor)),
    ("get", "/api/v1/engagements/{id}/participants", Role(Reader)),
    ("post", "/api/v1/engagements/{id}/participants", Role(Editor)),
    ("get", "/api/v1/engagements/{id}/participants/{participant_id}", Role(Reader)),
    ("put", "/api/v1/engagements/{id}/participants/{participant_id}", Role(Editor)),
    ("delete", "/api/v1/engagements/{id}/participants/{participant_id}", Role(Editor)),
    ("get", "/api/v1/engagements/{id}/contributions", Role(Reader)),
    ("post", "/api/v1/engagements/{id}/contributions", Role(Editor)),
    ("get", "/api/v1/engagements/{id}/contributions/{contribution_id}", Role(Reader)),
    ("put", "/api/v1/engagements/{id}/contributions/{contribution_id}", Role(Editor)),
    ("delete", "/api/v1/engagements/{id}/contributions/{contribution_id}", Role(Editor)),
    // Added with issues 4, 5 and 7: the public face is open (policy.rs `PUBLIC_READS`), the rest
    // follows the general rule (reads: reader, writes: editor).
    ("get", "/accessibility", Public),
    ("get", "/api/v1/eu-projects", Role(Reader)),
    ("get", "/api/v1/eu-projects/sums", Role(Reader)),
    ("get", "/api/v1/eu-projects/{id}", Role(Reader)),
    ("post", "/api/v1/eu-projects/{id}/budget-lines", Role(Editor)),
    ("post", "/api/v1/indicators/{id}/measurements", Role(Editor)),
    ("get", "/api/v1/mandates/due", Role(Reader)),
    ("post", "/api/v1/mandates/{id}/reports", Role(Editor)),
    ("get", "/api/v1/organisations/{id}/network", Role(Reader)),
    ("get", "/api/v1/organisations/{id}/partner-proposals", Role(Reader)),
    ("get", "/api/v1/people/{id}/mandates", Role(Reader)),
    ("get", "/api/v1/plans/{id}/followup", Role(Reader)),
    ("get", "/api/v1/search", Role(Reader)),
    ("get", "/attachments/{id}", Role(Reader)),
    ("get", "/calls", Public),
    ("post", "/calls", Role(Editor)),
    ("get", "/calls/new", Role(Reader)),
    ("get", "/calls/receipt/{reference}", Public),
    ("get", "/calls/{id}", Public),
    ("post", "/calls/{id}", Role(Editor)),
    ("post", "/calls/{id}/answers", Public),
    ("get", "/calls/{id}/edit", Role(Reader)),
    ("get", "/calls/{id}/export.csv", Role(Reader)),
    ("get", "/calls/{id}/export.xlsx", Role(Reader)),
    ("get", "/calls/{id}/submissions", Role(Reader)),
    ("post", "/calls/{id}/submissions/{sid}", Role(Editor)),
    ("get", "/calls/{id}/submissions/{sid}/attachments/{aid}", Role(Reader)),
    ("get", "/engagements/{id}/eu", Role(Reader)),
    ("post", "/engagements/{id}/eu", Role(Editor)),
    ("post", "/engagements/{id}/eu/budget", Role(Editor)),
    ("get", "/engagements/{id}/eu/budget/new", Role(Reader)),
    ("get", "/engagements/{id}/eu/budget/{line}", Role(Reader)),
    ("post", "/engagements/{id}/eu/budget/{line}", Role(Editor)),
    ("post", "/engagements/{id}/eu/budget/{line}/delete", Role(Editor)),
    ("get", "/engagements/{id}/eu/edit", Role(Reader)),
    ("post", "/engagements/{id}/eu/lessons", Role(Editor)),
    ("get", "/engagements/{id}/eu/lessons/new", Role(Reader)),
    ("post", "/engagements/{id}/publish", Role(Editor)),
    ("get", "/engagements/{id}/texts", Role(Reader)),
    ("post", "/engagements/{id}/texts", Role(Editor)),
    ("get", "/eu-projects", Role(Reader)),
    ("get", "/goals/{id}/indicators", Role(Reader)),
    ("post", "/goals/{id}/indicators", Role(Editor)),
    ("get", "/indicators/{id}", Role(Reader)),
    ("post", "/indicators/{id}", Role(Editor)),
    ("get", "/lang/{code}", Public),
    ("get", "/lessons", Role(Reader)),
    ("get", "/lessons/{id}", Role(Reader)),
    ("post", "/lessons/{id}/read", Role(Editor)),
    ("get", "/mandates", Role(Reader)),
    ("post", "/mandates", Role(Editor)),
    ("get", "/mandates/new", Role(Reader)),
    ("get", "/mandates/{id}", Role(Reader)),
    ("post", "/mandates/{id}", Role(Editor)),
    ("post", "/mandates/{id}/delete", Role(Editor)),
    ("get", "/mandates/{id}/edit", Role(Reader)),
    ("get", "/mandates/{id}/reports", Role(Reader)),
    ("post", "/mandates/{id}/reports", Role(Editor)),
    ("get", "/news", Public),
    ("post", "/news", Role(Editor)),
    ("get", "/news/feed.atom", Public),
    ("get", "/news/manage", Role(Reader)),
    ("get", "/news/new", Role(Reader)),
    ("get", "/news/{id}", Public),
    ("post", "/news/{id}", Role(Editor)),
    ("post", "/news/{id}/delete", Role(Editor)),
    ("get", "/news/{id}/edit", Role(Reader)),
    ("get", "/news/{id}/texts", Role(Reader)),
    ("post", "/news/{id}/texts", Role(Editor)),
    ("get", "/imports", Role(Editor)),
    ("post", "/imports", Role(Editor)),
    ("get", "/organisations/review", Role(Reader)),
    ("post", "/organisations/review/{id}", Role(Editor)),
    ("get", "/organisations/search", Role(Reader)),
    ("get", "/organisations/search.json", Role(Reader)),
    ("get", "/organisations/{id}/network", Role(Reader)),
    ("get", "/organisations/{id}/partners", Role(Reader)),
    ("get", "/p", Public),
    ("get", "/p/search", Public),
    ("get", "/p/{slug}", Public),
    ("get", "/p/{slug}/plans/{id}", Public),
    ("get", "/p/{slug}/engagements", Public),
    ("get", "/p/{slug}/engagements/{id}", Public),
    ("get", "/people", Role(Reader)),
    ("post", "/people", Role(Editor)),
    ("get", "/people/new", Role(Reader)),
    ("get", "/people/{id}", Role(Reader)),
    ("post", "/people/{id}", Role(Editor)),
    ("post", "/people/{id}/delete", Role(Editor)),
    ("get", "/people/{id}/edit", Role(Reader)),
    ("get", "/plans/{id}/followup", Role(Reader)),
    ("get", "/plans/{id}/heatmap", Role(Reader)),
    ("post", "/plans/{id}/publish", Role(Editor)),
    ("get", "/plans/{id}/report", Role(Reader)),
    ("get", "/plans/{id}/report.pdf", Role(Reader)),
    ("get", "/plans/{id}/report.xlsx", Role(Reader)),
    ("get", "/plans/{id}/report/print", Role(Reader)),
    ("get", "/referrals", Role(Reader)),
    ("post", "/referrals", Role(Editor)),
    ("get", "/referrals/new", Role(Reader)),
    ("get", "/referrals/{id}", Role(Reader)),
    ("post", "/referrals/{id}", Role(Editor)),
    ("get", "/referrals/{id}/edit", Role(Reader)),
    ("get", "/search", Role(Reader)),
    ("get", "/sitemap.xml", Public),
    ("get", "/static/report-print.css", Public),
];

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

/// Every (method, path) the application serves: the page routes read from the source, the
/// API's from its route table.
fn served() -> BTreeSet<(String, String)> {
    let mut sources = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut sources);
    let pages = sources.iter().flat_map(|s| samverk_web::trust::page_routes_in(s));
    pages.chain(samverk_web::api::served_routes()).map(|(path, method)| (method.to_owned(), path)).collect()
}

#[test]
fn every_served_route_has_an_entry() {
    let served = served();
    assert!(served.len() > 100, "the routes were found: {}", served.len());
    let table: BTreeSet<(String, String)> = MATRIX.iter().map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned())).collect();
    let missing: Vec<_> = served.difference(&table).collect();
    assert!(missing.is_empty(), "served routes without an entry in MATRIX: {missing:?}");
    let stale: Vec<_> = table.difference(&served).collect();
    assert!(stale.is_empty(), "MATRIX entries for routes not served: {stale:?}");
}

/// A path with its parameters filled in with ids that exist in the demo data.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|part| match part {
            "{token}" => "not-a-reset-token",
            p if p.starts_with('{') => "1",
            p => p,
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn send(app: &TestApp, method: &str, path: &str) -> TestResponse {
    match method {
        "get" => app.get(path).await,
        "post" if path.starts_with("/api/") => app.send_json(Method::POST, path, &serde_json::json!({})).await,
        "post" => app.post_form(path, &[]).await,
        "put" => app.send_json(Method::PUT, path, &serde_json::json!({})).await,
        "delete" => app.delete(path).await,
        other => panic!("no request for method {other}"),
    }
}

/// Whether the guard turned the request away. (A failed sign-in is the sign-in page's own 401,
/// not a refusal.)
fn refused(path: &str, response: &TestResponse) -> bool {
    response.status == StatusCode::FORBIDDEN
        || (response.status == StatusCode::UNAUTHORIZED && path != "/login")
        || (response.status == StatusCode::SEE_OTHER && response.location().is_some_and(|l| l.starts_with("/login?next=")))
}

fn allowed(held: Option<AccessRole>, need: Access) -> bool {
    match need {
        Public => true,
        SignedIn => held.is_some(),
        Role(wanted) => held.is_some_and(|h| h >= wanted),
    }
}

#[tokio::test]
async fn every_role_gets_the_expected_answer_on_every_route() {
    let app = TestApp::with_demo().await;
    let identities =
        [None, Some(AccessRole::Reader), Some(AccessRole::Representative), Some(AccessRole::Editor), Some(AccessRole::Administrator)];
    let mut wrong = Vec::new();
    for held in identities {
        for (method, path, need) in MATRIX {
            // A new account per request: sign-out, password changes and deletions must not
            // change who sends the next one.
            let view = match held {
                Some(role) => app.view_as(role, None).await,
                None => app.view_anonymous(),
            };
            let response = send(&view, method, &concrete(path)).await;
            let expected = allowed(held, *need);
            if refused(path, &response) == expected || response.status.is_server_error() {
                wrong.push(format!(
                    "{method} {path} as {held:?}: {} (expected {})",
                    response.status,
                    if expected { "allowed" } else { "refused" }
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong answers:\n{}", wrong.len(), wrong.join("\n"));
}

#[tokio::test]
async fn refusals_say_what_to_do() {
    let app = TestApp::with_demo().await;
    let anonymous = app.view_anonymous();
    let page = anonymous.get("/engagements?status=active").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/login?next=/engagements%3Fstatus%3Dactive"));
    let api = anonymous.get("/api/v1/engagements").await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api.json()["code"], "unauthorized");
    assert!(api.headers.get("www-authenticate").is_some());

    let reader = app.view_as(AccessRole::Reader, None).await;
    let form = reader.post_form("/organisations", &[("name", "Ny")]).await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);
    assert!(form.text().contains("Your account does not have a role that allows this"), "{}", form.text());
    let api = reader.send_json(Method::POST, "/api/v1/organisations", &serde_json::json!({})).await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert_eq!(api.json()["code"], "forbidden");
}

/// Routes about shared records (the organisation register and its reviews), one's own account,
/// and the public face: their ids are not another authority's records.
const SHARED_OR_OWN: &[&str] =
    &["/organisations", "/api/v1/organisations", "/account/", "/password-reset/", "/lang/", "/p/", "/calls/receipt/"];

/// Whether an administrator of another authority must be refused this route with id 1: it names
/// a record, the record belongs to the demo authority (or, for accounts, to the installation), and
/// the route is not open to the public.
fn names_a_record_of_another_authority(path: &str, need: Access) -> bool {
    (path.contains('{') && need != Public && !SHARED_OR_OWN.iter().any(|prefix| path.starts_with(prefix)))
        || INSTALLATION_ONLY.iter().any(|prefix| path.starts_with(prefix))
}

/// A person's data is matched across every authority's records: only an administrator of the
/// whole installation may look it up, export it or erase it.
const INSTALLATION_ONLY: &[&str] = &["/admin/privacy/person", "/admin/privacy/log"];

/// Titles of the demo authority's own records that no page of another authority may show: long
/// enough and plain enough to be found verbatim in HTML and JSON, and not also the name of an
/// organisation (the register is shared).
async fn own_titles(app: &TestApp) -> Vec<String> {
    let mut handle = app.store.handle().await.expect("connection");
    let mut conn = handle.conn();
    let sql = samverk_store::Sql::new(
        "SELECT title FROM engagements WHERE published = FALSE UNION SELECT title FROM plans WHERE published = FALSE \
         UNION SELECT title FROM decisions UNION SELECT name FROM people UNION SELECT subject FROM referrals",
    );
    let titles: Vec<String> = conn.scalars(&sql).await.expect("titles");
    let names: BTreeSet<String> = conn
        .scalars::<String>(&samverk_store::Sql::new("SELECT name FROM organisations"))
        .await
        .expect("names")
        .into_iter()
        .map(|n| n.to_lowercase())
        .collect();
    titles
        .into_iter()
        .filter(|t| t.chars().count() >= 12 && t.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-'))
        .filter(|t| !names.contains(&t.to_lowercase()))
        .collect()
}

#[tokio::test]
async fn an_administrator_of_another_authority_is_refused_every_record_of_this_one() {
    let app = TestApp::with_demo().await;
    let other = samverk_testkit::OrganisationBuilder::new("Annen fylkeskommune").insert(&app.store).await;
    let titles = own_titles(&app).await;
    assert!(titles.len() >= 5, "the demo has records to protect: {titles:?}");
    let word = titles[0].split(' ').find(|w| w.chars().count() >= 5).unwrap_or(&titles[0]).to_owned();
    // Beyond the table: searching for its words, and histories of real records.
    let extra = [
        (format!("/search?q={word}"), false),
        (format!("/api/v1/search?q={word}"), false),
        ("/history/engagements/1".to_owned(), true),
        ("/history/plans/1".to_owned(), true),
        ("/history/decisions/1".to_owned(), true),
    ];
    let mut wrong = Vec::new();
    // Histories name a real table; a restore names a change.
    let concrete_here = |p: &str| concrete(&p.replace("{table}", "engagements"));
    let routes = MATRIX.iter().map(|(m, p, need)| (*m, concrete_here(p), names_a_record_of_another_authority(p, *need), *need == Public));
    let extra = extra.into_iter().map(|(path, must_refuse)| ("get", path, must_refuse, false));
    for (method, path, must_refuse, public) in routes.chain(extra) {
        let view = app.view_as(AccessRole::Administrator, Some(other)).await;
        let response =
            if path.ends_with("/restore") { view.post_form(&path, &[("change", "1")]).await } else { send(&view, method, &path).await };
        // Refused: by the guard, or by the store (403), or as if it did not exist (404). A
        // route she may use can still answer 404 for an id that does not exist at all.
        let refused =
            if must_refuse { refused(&path, &response) || response.status == StatusCode::NOT_FOUND } else { refused(&path, &response) };
        if response.status.is_server_error() || must_refuse != refused {
            wrong.push(format!("{method} {path}: {} (expected {})", response.status, if must_refuse { "refused" } else { "allowed" }));
            continue;
        }
        if !public && !refused {
            for title in titles.iter().filter(|t| response.body.contains(t.as_str())) {
                wrong.push(format!("{method} {path} shows another authority's record «{title}»"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong answers:\n{}", wrong.len(), wrong.join("\n"));
}
