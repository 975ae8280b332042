//! The register of personal data: complete against the live schema, and shown to administrators.

use std::collections::{BTreeMap, BTreeSet};

use samverk_store::privacy::{NOT_PERSONAL, REGISTER};
use samverk_store::{Engine, Sql};
use samverk_testkit::{AccessRole, TestApp};

/// Every table of the live schema with its columns. SQLite's `audit_context` is left out: it is
/// its stand-in for PostgreSQL's transaction settings and holds who is acting only while a write
/// transaction runs (see migration 0013); the trail it feeds, `audit_log`, is in the register.
async fn schema(app: &TestApp) -> BTreeMap<String, BTreeSet<String>> {
    let sql = match app.engine() {
        Engine::Sqlite => Sql::new(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' AND m.name <> 'audit_context'",
        ),
        Engine::Postgres => Sql::new(
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
        ),
    };
    let mut handle = app.store.handle().await.unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<(String, String)> = handle.conn().all(&sql).await.unwrap_or_else(|e| panic!("{e}"));
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (table, column) in rows {
        out.entry(table).or_default().insert(column);
    }
    out
}

/// Column names that say "this is about a person" wherever they appear.
const PERSONAL_WORDS: &[&str] =
    &["email", "e_mail", "person", "account", "username", "display_name", "reader", "responsible", "approved_by", "phone", "birth"];

#[tokio::test]
async fn every_table_is_either_in_the_register_or_declared_free_of_personal_data() {
    let app = TestApp::new().await;
    let schema = schema(&app).await;
    let registered: BTreeSet<&str> = REGISTER.iter().flat_map(|c| c.tables.iter().map(|(t, _)| *t)).collect();
    let unclassified: Vec<&String> =
        schema.keys().filter(|t| !registered.contains(t.as_str()) && !NOT_PERSONAL.contains(&t.as_str())).collect();
    assert!(
        unclassified.is_empty(),
        "tables neither in privacy::REGISTER nor in privacy::NOT_PERSONAL (add them to one): {unclassified:?}"
    );
    for category in REGISTER {
        for (table, columns) in category.tables {
            let live = schema.get(*table).unwrap_or_else(|| panic!("the register names table {table}, which does not exist"));
            for column in *columns {
                assert!(live.contains(*column), "the register names {table}.{column}, which does not exist");
            }
        }
    }
    let stale: Vec<&&str> = NOT_PERSONAL.iter().filter(|t| !schema.contains_key(**t)).collect();
    assert!(stale.is_empty(), "NOT_PERSONAL names tables that do not exist: {stale:?}");
    let mut personal_looking = Vec::new();
    for table in NOT_PERSONAL {
        for column in &schema[*table] {
            // `require_email` is a call's setting, not an address.
            if PERSONAL_WORDS.iter().any(|w| column.contains(w)) && !column.starts_with("require_") {
                personal_looking.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(personal_looking.is_empty(), "columns that look personal in tables declared free of personal data: {personal_looking:?}");
}

#[tokio::test]
async fn administrators_see_the_register_as_a_page_and_as_json_in_their_language() {
    let app = TestApp::new().await;
    let page = app.get("/admin/privacy?lang=en").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for expected in [
        "People who sent input to calls",
        "Consent (GDPR article 6(1)(a))",
        "call_submissions (name, email",
        "12 months after the call closed",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    let nb = app.get("/admin/privacy?lang=nb").await.text();
    assert!(nb.contains("Rettslig grunnlag") && nb.contains("Samtykke"), "{nb}");

    let json = app.get("/admin/privacy/register.json?lang=en").await.json();
    let codes: Vec<&str> = json.as_array().unwrap_or_else(|| panic!("{json}")).iter().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes, REGISTER.iter().map(|c| c.code).collect::<Vec<_>>());
    let submissions = &json[4];
    assert_eq!(submissions["legal_basis"], "consent");
    assert_eq!(submissions["legal_basis_article"], "6(1)(a)");
    assert!(submissions["purpose"].as_str().is_some_and(|p| p.contains("consented")), "{submissions}");

    let editor = app.view_as(AccessRole::Editor, None).await;
    assert_eq!(editor.get("/admin/privacy").await.status, 403);
    assert_eq!(editor.get("/admin/privacy/register.json").await.status, 403);
}
