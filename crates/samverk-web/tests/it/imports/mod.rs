//! The reference registries and the importers of public data sets, on trimmed real samples
//! (`crates/samverk-import/tests/fixtures/`).

use samverk_import::dataset::{self, Dataset, Options, Summary};
use samverk_store::audit::{Actor, Origin, acting};
use samverk_store::import::ReviewDecision;
use samverk_store::organisation::OrganisationFilter;
use samverk_testkit::{OrganisationBuilder, TestApp};
use time::macros::date;

const TODAY: time::Date = date!(2026 - 11 - 23);

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../samverk-import/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn import(app: &TestApp, set: Dataset, file: &str, bytes: &[u8], dry_run: bool) -> Summary {
    let options = Options { dry_run, skip_bad_rows: false, today: TODAY };
    dataset::import(&app.store, set, file, bytes, &options).await.unwrap_or_else(|e| panic!("{e}"))
}

async fn named(app: &TestApp, q: &str) -> Vec<(i64, String)> {
    let filter = OrganisationFilter { q: Some(q.to_owned()), per_page: 50, ..Default::default() };
    let page = app.store.organisations(&filter).await.unwrap_or_else(|e| panic!("{e}"));
    page.items.into_iter().map(|o| (o.id, o.name)).collect()
}

async fn counts(app: &TestApp) -> (i64, i64) {
    let orgs =
        app.store.organisations(&OrganisationFilter { per_page: 1, ..Default::default() }).await.unwrap_or_else(|e| panic!("{e}")).total;
    let engagements = app.store.engagements(&Default::default()).await.unwrap_or_else(|e| panic!("{e}")).total;
    (orgs, engagements)
}

#[tokio::test]
async fn the_registers_load_once_and_the_demo_links_to_them() {
    let app = TestApp::new().await;
    let first = samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((first.countries, first.subdivisions, first.nuts), (249, 138, 2048));
    assert_eq!(first.organisations, 17 + 357 + 21 + 290);
    let again = samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(again.is_empty(), "a second load changes nothing: {again:?}");
    samverk_import::demo::load(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(named(&app, "Telemark fylkeskommune").await.len(), 2, "Telemark, and Vestfold og Telemark: once each");
    let tonsberg = named(&app, "Tønsberg").await;
    assert_eq!(tonsberg.len(), 1, "{tonsberg:?}");
    let vt = named(&app, "Vestfold og Telemark fylkeskommune").await;
    let (vt_id, _) = vt.first().cloned().unwrap_or_default();
    let (_, successors) = app.store.successions(vt_id).await.unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = successors.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Telemark fylkeskommune", "Vestfold fylkeskommune"]);
    let page = app.get(&format!("/organisations/{vt_id}")).await.text();
    assert!(page.contains("Telemark fylkeskommune"), "{page}");
}

#[tokio::test]
async fn h2020_participations_resolve_to_the_register_and_reimport_changes_nothing() {
    let app = TestApp::new().await;
    let bytes = fixture("nfr-h2020-norway.csv");
    let first = import(&app, Dataset::NfrH2020Norway, "nfr-h2020-norway.csv", &bytes, false).await;
    assert!(first.created > 20, "{first:?}");
    assert!(first.matches.authorities >= 15, "{first:?}");
    assert!(first.matches.rate() >= 95.0, "{first:?}");
    let before = counts(&app).await;
    let again = import(&app, Dataset::NfrH2020Norway, "nfr-h2020-norway.csv", &bytes, false).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, first.created));
    assert_eq!(counts(&app).await, before, "no duplicates");
    // The county's page lists the projects it takes part in.
    let vt = named(&app, "Vestfold og Telemark fylkeskommune").await;
    assert_eq!(vt.len(), 1, "resolved to the register's body, not a new one: {vt:?}");
    let page = app.get(&format!("/organisations/{}", vt[0].0)).await.text();
    assert!(page.contains("HYPERION") && page.contains("PYROCO2"), "{page}");
}

#[tokio::test]
async fn a_changed_row_updates_exactly_that_record() {
    let app = TestApp::new().await;
    let bytes = fixture("nfr-h2020-norway.csv");
    let first = import(&app, Dataset::NfrH2020Norway, "nfr.csv", &bytes, false).await;
    let text = String::from_utf8(bytes).unwrap_or_default();
    let changed = text.replacen("Create and Harvest Offerings", "Create and harvest offerings", 1);
    assert_ne!(changed, text);
    let again = import(&app, Dataset::NfrH2020Norway, "nfr.csv", changed.as_bytes(), false).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 1, first.created - 1));
    let found = app.get("/engagements?q=Change2Twin").await.text();
    assert!(found.contains("Change2Twin (H2020 951956)"), "{found}");
    let filter = samverk_store::engagement::EngagementFilter { q: Some("Change2Twin".into()), ..Default::default() };
    let id = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}")).items.first().map(|e| e.id).unwrap_or_default();
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(page.contains("Imported from public data, not a decision of the authority."), "{page}");
    assert!(page.contains("nfr-h2020-norway: nfr.csv, row 2") && page.contains("Create and harvest offerings"), "{page}");
}

#[tokio::test]
async fn twin_towns_are_symmetrised_and_resolve_to_the_register() {
    let app = TestApp::new().await;
    let bytes = fixture("twin-towns-wikipedia.csv");
    let first = import(&app, Dataset::TwinTownsWikipedia, "twin.csv", &bytes, false).await;
    assert!(first.matches.rate() >= 95.0, "{:?}", first.matches);
    // The same pair listed from the other side is one engagement.
    let reverse = "city1,country1,city2,country2\nUddevalla,Sweden,Skien,Norway\nSkien,Norway,Uddevalla,Sweden\n";
    let again = import(&app, Dataset::TwinTownsWikipedia, "twin.csv", reverse.as_bytes(), false).await;
    assert_eq!(again.created + again.updated, 0, "{again:?}");
    let skien = named(&app, "Skien kommune").await;
    assert_eq!(skien.len(), 1, "{skien:?}");
    let page = app.get(&format!("/organisations/{}", skien[0].0)).await.text();
    assert!(page.contains("Skien – Uddevalla"), "{page}");
}

#[tokio::test]
async fn a_dry_run_and_a_bad_file_write_nothing() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let before = counts(&app).await;
    let bytes = fixture("interreg-se-partners.csv");
    let dry = import(&app, Dataset::InterregSePartners, "interreg.csv", &bytes, true).await;
    assert!(dry.created > 50 && dry.dry_run, "{dry:?}");
    assert_eq!(counts(&app).await, before);
    // The same file with one bad role further down: refused whole.
    let text = String::from_utf8(bytes).unwrap_or_default();
    let bad = text.replacen(",PP,", ",XX,", 1);
    let options = Options { dry_run: false, skip_bad_rows: false, today: TODAY };
    let error = dataset::import(&app.store, Dataset::InterregSePartners, "interreg.csv", bad.as_bytes(), &options)
        .await
        .err()
        .map(|e| e.to_string());
    assert!(error.as_deref().is_some_and(|e| e.contains("interreg.csv, row") && e.contains("column «organisationsroll»: expected LP, PP or AP, found «XX»")), "{error:?}");
    assert_eq!(counts(&app).await, before);
    // With --skip-bad-rows the rest goes in and the bad row is listed.
    let options = Options { skip_bad_rows: true, ..options };
    let summary = dataset::import(&app.store, Dataset::InterregSePartners, "interreg.csv", bad.as_bytes(), &options)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.skipped.len(), 1, "{summary:?}");
    assert!(summary.matches.rate() >= 95.0, "{:?}", summary.matches);
    let lidkoping = named(&app, "Lidköping").await;
    assert_eq!(lidkoping.len(), 1, "«Lidköpings Kommun» is the register's «Lidköpings kommun»: {lidkoping:?}");
}

#[tokio::test]
async fn an_uncertain_match_waits_for_a_person_and_the_decision_is_remembered() {
    let app = TestApp::new().await;
    let csv = "city1,country1,city2,country2\nLidkoeping,Sweden,Kecskemét,Hungary\n";
    let first = import(&app, Dataset::TwinTownsWikipedia, "twin.csv", csv.as_bytes(), false).await;
    assert_eq!(first.matches.review, 1, "{:?}", first.matches);
    let reviews = app.store.match_reviews().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].candidate_name.as_deref(), Some("Lidköpings kommun"));
    let page = app.get("/organisations/review").await.text();
    assert!(page.contains("Lidkoeping") && page.contains("Lidköpings kommun"), "{page}");
    app.store.decide_review(reviews[0].id, ReviewDecision::Confirm).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(named(&app, "Lidkoeping").await.len(), 0, "the provisional body was merged");
    let again = import(&app, Dataset::TwinTownsWikipedia, "twin.csv", csv.as_bytes(), false).await;
    assert_eq!((again.matches.decided, again.matches.review, again.created), (1, 0, 0), "{again:?}");
}

#[tokio::test]
async fn each_imported_record_shows_the_import_that_created_it_in_its_history() {
    let app = TestApp::new().await;
    let bytes = fixture("nfr-h2020-norway.csv");
    let operator = Actor { account_id: None, name: "ola".into(), origin: Origin::Import, via: "import nfr-h2020-norway nfr.csv".into() };
    acting(operator.clone(), import(&app, Dataset::NfrH2020Norway, "nfr.csv", &bytes, false)).await;
    let filter = samverk_store::engagement::EngagementFilter { q: Some("Change2Twin".into()), ..Default::default() };
    let id = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}")).items.first().map(|e| e.id).unwrap_or_default();
    let page = app.get(&format!("/history/engagements/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Created") && text.contains("by an import") && text.contains("ola"), "{text}");
    assert!(text.contains("import nfr-h2020-norway nfr.csv") && text.contains("nfr-h2020-norway: nfr.csv"), "{text}");
    assert!(!text.contains("Restore this version"), "the import's entry holds no state of its own to restore: {text}");
    // A reader of the owning authority only sees the same history; another authority's does not.
    let owner = app.store.engagement(id).await.unwrap_or_else(|e| panic!("{e}")).map(|e| e.owner_id).unwrap_or_default();
    let own = app.view_as(samverk_testkit::AccessRole::Reader, Some(owner)).await.get(&format!("/history/engagements/{id}")).await;
    assert!(own.status == 200 && own.text().contains("by an import"), "{} {}", own.status, own.text());
    let stranger = OrganisationBuilder::new("Annen kommune").kind("municipality").insert(&app.store).await;
    let other = app.view_as(samverk_testkit::AccessRole::Reader, Some(stranger)).await.get(&format!("/history/engagements/{id}")).await;
    assert_eq!(other.status, 404);
    // Its participants and the organisations the file created say the same.
    let partners = app.store.engagement_page(id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("engagement {id}"));
    let created_org = partners.participants.iter().map(|p| p.organisation_id).max().unwrap_or_default();
    let org_history = app.store.history("organisations", created_org).await.unwrap_or_else(|e| panic!("{e}"));
    let first = org_history.last().map(|c| (c.action.as_str(), c.origin.as_str(), c.after.clone()));
    assert_eq!(first, Some(("insert", "import", Some(serde_json::json!({ "source": "nfr-h2020-norway: nfr.csv" })))), "{org_history:?}");

    // A changed row is written as a change of its own, keeping the imported state as before.
    let text = String::from_utf8(bytes).unwrap_or_default();
    let changed = text.replacen("Create and Harvest Offerings", "Create and harvest offerings", 1);
    acting(operator, import(&app, Dataset::NfrH2020Norway, "nfr.csv", changed.as_bytes(), false)).await;
    let history = app.store.history("engagements", id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(history.iter().map(|c| c.action.as_str()).collect::<Vec<_>>(), vec!["update", "insert"], "{history:?}");
    let fields = history[0].fields();
    assert!(
        fields.iter().any(|f| f.before.contains("Create and Harvest Offerings") && f.after.contains("Create and harvest offerings")),
        "{fields:?}"
    );

    // Retention deletes the trail after its years; the import's entry goes with its ids.
    let in_eleven_years = time::OffsetDateTime::now_utc().unix_timestamp() + 11 * 366 * 86_400;
    app.store.apply_retention(in_eleven_years, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(app.store.history("organisations", created_org).await.unwrap_or_else(|e| panic!("{e}")).is_empty());
}

/// An import puts its records in the search outbox once each (not once per row and trigger) and
/// gives the row-by-row triggers back afterwards: an index kept current from the outbox finds
/// the imported towns and pairs, and a record typed by hand after the import is audited and
/// found as before.
#[tokio::test]
async fn an_index_kept_current_finds_imported_records_and_what_is_written_after_them() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let index = samverk_search::SearchIndex::in_memory().unwrap_or_else(|e| panic!("{e}"));
    index.rebuild(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let csv = "city1,country1,city2,country2\nSkien,Norway,Uddevalla,Sweden\nSkien,Norway,Zwickau,Germany\n";
    import(&app, Dataset::TwinTownsWikipedia, "twin.csv", csv.as_bytes(), false).await;
    index.catch_up(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let find = |q: &str| {
        let query = samverk_search::SearchQuery { q: q.to_owned(), limit: 10, ..Default::default() };
        let found = index.search(&query, now).unwrap_or_else(|e| panic!("{e}"));
        let mut hits: Vec<(String, String)> = found.hits.into_iter().map(|h| (h.entity, h.title)).collect();
        hits.sort();
        hits
    };
    assert_eq!(
        find("Zwickau"),
        vec![("engagement".to_owned(), "Skien – Zwickau".to_owned()), ("organisation".to_owned(), "Zwickau".to_owned())]
    );
    assert!(find("Uddevalla").contains(&("engagement".to_owned(), "Skien – Uddevalla".to_owned())), "{:?}", find("Uddevalla"));
    let typed = OrganisationBuilder::new("Kystbyen kommune").kind("municipality").insert(&app.store).await;
    index.catch_up(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(find("Kystbyen"), vec![("organisation".to_owned(), "Kystbyen kommune".to_owned())]);
    let history = app.store.history("organisations", typed).await.unwrap_or_else(|e| panic!("{e}"));
    let created = history.last().and_then(|c| c.after.as_ref()).and_then(|a| a.get("name")).cloned();
    assert_eq!(created, Some(serde_json::json!("Kystbyen kommune")), "its own trail entry, with the row: {history:?}");
}

mod networks;
mod page;

/// The page cache of every connection in the pool, in SQLite's units (None on PostgreSQL).
async fn cache_sizes(app: &TestApp) -> Option<Vec<i64>> {
    // Hold as many connections as the pool may open, so the one the import used is among them.
    let mut handles = Vec::new();
    for _ in 0..8 {
        handles.push(app.store.handle().await.unwrap_or_else(|e| panic!("{e}")));
    }
    let mut sizes = Vec::new();
    for h in &mut handles {
        let mut conn = h.conn();
        if conn.engine() != samverk_store::Engine::Sqlite {
            return None;
        }
        sizes.push(conn.scalar::<i64>(&samverk_store::Sql::new("PRAGMA cache_size")).await.unwrap_or_else(|e| panic!("{e}")));
    }
    Some(sizes)
}

#[tokio::test]
async fn every_import_gives_the_connection_its_page_cache_back() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let default = cache_sizes(&app).await;
    if let Some(sizes) = &default {
        assert!(sizes.iter().all(|s| *s == -2000), "SQLite's default page cache (2 MB) before any import: {sizes:?}");
    }
    let bytes = fixture("interreg-se-partners.csv");
    let dry = import(&app, Dataset::InterregSePartners, "interreg.csv", &bytes, true).await;
    assert!(dry.created > 50, "{dry:?}");
    assert_eq!(cache_sizes(&app).await, default, "after a dry run");
    let done = import(&app, Dataset::InterregSePartners, "interreg.csv", &bytes, false).await;
    assert!(done.created > 50, "{done:?}");
    assert_eq!(cache_sizes(&app).await, default, "after an import");
    let again = import(&app, Dataset::InterregSePartners, "interreg.csv", &bytes, false).await;
    assert_eq!(again.created, 0, "{again:?}");
    assert_eq!(cache_sizes(&app).await, default, "after a re-import that changes nothing");
    assert_eq!(named(&app, "Lidköping").await.len(), 1, "the import itself went in");
}

/// A validated imported engagement owned by `owner` (which the database may not know).
fn imported_engagement(owner: i64, title: &str) -> samverk_domain::engagement::NewEngagement {
    let draft = samverk_domain::engagement::EngagementDraft {
        owner_id: Some(owner),
        kind: "twin_town".to_owned(),
        title: title.to_owned(),
        status: "active".to_owned(),
        ..Default::default()
    };
    let mut refs = samverk_domain::refs::References::default();
    refs.organisations.insert(owner);
    draft.validate_imported(&refs).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_batch_the_database_refuses_writes_nothing_and_its_connection_goes_on() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let owner = OrganisationBuilder::new("Skien kommune").kind("municipality").insert(&app.store).await;
    let before = counts(&app).await;
    let (kept, refused) = (imported_engagement(owner, "Skien – Uddevalla"), imported_engagement(owner + 1_000_000, "Nowhere – Uddevalla"));
    // An owner the database does not have: refused at the second row, after the first went in.
    let rows = [(&kept, "twin-towns-wikipedia: t.csv, row 2"), (&refused, "twin-towns-wikipedia: t.csv, row 3")];
    {
        let mut tx = app.store.begin().await.unwrap_or_else(|e| panic!("{e}"));
        let mut conn = tx.conn();
        let refused = samverk_store::import::insert_engagements(&mut conn, &rows, "twin-towns-wikipedia: t.csv").await;
        assert!(refused.is_err(), "a missing owner breaks the foreign key: {refused:?}");
    }
    assert_eq!(counts(&app).await, before, "the first row went back with the transaction");
    // Every connection of the pool still answers (the bulk path borrowed one and gave it back),
    // and the next import writes as it should.
    let sizes = cache_sizes(&app).await;
    assert!(sizes.as_ref().is_none_or(|s| s.len() == 8), "{sizes:?}");
    let done = import(&app, Dataset::TwinTownsWikipedia, "twins.csv", &fixture("twin-towns-wikipedia.csv"), false).await;
    assert!(done.created > 10, "{done:?}");
    let listed = app.get("/engagements?kind=twin_town").await.text();
    assert!(listed.contains("Skien"), "{listed}");
}
