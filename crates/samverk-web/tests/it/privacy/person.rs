//! One person: found across categories, exported as JSON and CSV, erased by anonymisation;
//! every view, export and erasure in the access log.

use axum::http::StatusCode;
use samverk_testkit::{AccessRole, TestApp};

use super::kari;

fn tables(export: &serde_json::Value) -> Vec<String> {
    export["items"].as_array().unwrap_or_else(|| panic!("{export}")).iter().filter_map(|i| i["table"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_person_is_found_in_every_category_and_exported_as_json_and_csv() {
    let app = TestApp::new().await;
    let k = kari(&app).await;

    let found = app.get("/admin/privacy/people?q=nordm").await;
    assert_eq!(found.status, 200);
    let text = found.text();
    for category in ["Contact persons and representatives", "User accounts", "People who sent input to calls"] {
        assert!(text.contains(category), "{category}: {text}");
    }
    assert!(!text.contains("Ola Hansen"), "{text}");
    assert!(found.body.contains("href=\"/admin/privacy/person?q=kari%40fjordbyen.no\""), "{}", found.body);

    let page = app.get("/admin/privacy/person?q=Kari%20Nordmann").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Met the board in Gdańsk."), "{}", page.text());

    let json = app.get("/admin/privacy/person/export.json?q=kari%20NORDMANN").await;
    assert_eq!(json.status, 200);
    assert!(json.headers["content-disposition"].to_str().is_ok_and(|d| d.starts_with("attachment")));
    let export = json.json();
    let tables = tables(&export);
    for table in ["people", "mandates", "report_backs", "accounts", "call_submissions", "decisions", "engagements"] {
        assert!(tables.iter().any(|t| t == table), "{table} missing from {export}");
    }
    let person = export["items"].as_array().and_then(|items| items.iter().find(|i| i["table"] == "people")).cloned().unwrap_or_default();
    assert_eq!(person["id"], k.person);
    assert_eq!(person["fields"]["email"], "kari@fjordbyen.no");
    assert!(!export.to_string().contains("Ola Hansen"), "{export}");
    assert!(!export.to_string().contains("password_hash") && !export.to_string().contains("token_hash"), "{export}");

    let csv = app.get("/admin/privacy/person/export.csv?q=kari@fjordbyen.no").await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type().starts_with("text/csv"));
    let body = csv.body.clone();
    assert!(body.starts_with("category,table,record,field,value\r\n"), "{body}");
    assert!(body.contains(&format!("\"contact_persons\",\"people\",\"{}\",\"email\",\"kari@fjordbyen.no\"", k.person)), "{body}");
    assert!(body.contains("\"answer\",\"More cycling networks, please.\""), "{body}");

    let log = app.get("/admin/privacy/log?lang=en").await.text();
    for action in ["Viewed", "Exported (JSON)", "Exported (CSV)"] {
        assert!(log.contains(action), "{action}: {log}");
    }
    assert!(log.contains("kari@fjordbyen.no") && log.contains("kari NORDMANN"), "{log}");
}

#[tokio::test]
async fn erasure_anonymises_keeps_the_records_and_removes_the_name_from_search_and_exports() {
    let app = TestApp::new().await;
    // The index is built before the records exist, as at a server's start.
    assert!(app.get("/search?q=Nordmann").await.text().contains("No results"));
    let k = kari(&app).await;
    let before = app.get("/search?q=Nordmann").await.text();
    assert!(before.contains("Baltic network board"), "{before}\n{}", app.get("/api/v1/search?q=Baltic").await.text());
    app.get("/admin/privacy/person?q=Kari%20Nordmann").await;

    let refused = app.post_form("/admin/privacy/person/erase", &[("q", "Kari Nordmann")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("Tick the box"), "{}", refused.text());
    assert!(app.store.person(k.person).await.unwrap_or_else(|e| panic!("{e}")).is_some_and(|p| p.name == "Kari Nordmann"));

    let erased = app.post_form("/admin/privacy/person/erase", &[("q", "Kari Nordmann"), ("confirm", "yes")]).await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let placeholder = erased.text().split('"').nth(1).map(str::to_owned).unwrap_or_default();
    assert!(placeholder.starts_with("Erased person #"), "{}", erased.text());

    // The kept records carry the placeholder; the mandate still exists and is still hers.
    let person = app.store.person(k.person).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("kept"));
    assert_eq!(person.name, placeholder);
    assert_eq!((person.email, person.title, person.department), (None, None, None));
    let mandate = app.store.mandate(k.mandate).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("kept"));
    assert_eq!(mandate.person_id, Some(k.person));
    let decision = app.store.decision(k.decision).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("kept"));
    assert_eq!(decision.title, format!("{placeholder} appointed to the Baltic network board"));
    let submissions = app.store.submissions(k.call, false).await.unwrap_or_else(|e| panic!("{e}"));
    let hers: Vec<_> = submissions.iter().filter(|s| s.name.as_deref() == Some(placeholder.as_str())).collect();
    assert_eq!(hers.len(), 1);
    assert_eq!((hers[0].email.clone(), hers[0].organisation.clone()), (None, None));
    assert!(submissions.iter().any(|s| s.name.as_deref() == Some("Ola Hansen")), "Ola is untouched");
    let account = app.store.account(k.account).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(account.row.disabled && account.row.display_name == placeholder && account.row.username.starts_with("erased-"));

    // Gone from the audit trail's snapshots too: the history still shows that the records
    // changed, not her name.
    for (table, id) in [("people", k.person), ("decisions", k.decision), ("accounts", k.account)] {
        let trail = app.store.history(table, id).await.unwrap_or_else(|e| panic!("{e}"));
        assert!(!trail.is_empty(), "{table} has a history");
        for change in &trail {
            let text = format!("{:?} {:?} {}", change.before, change.after, change.actor);
            assert!(!text.contains("Nordmann") && !text.contains("kari@fjordbyen"), "{table} {id}: {text}");
        }
    }
    let history = app.get(&format!("/history/people/{}", k.person)).await.text();
    assert!(history.contains(&placeholder) && !history.contains("Nordmann"), "{history}");

    // Gone from search (the outbox reindexed the decision and the engagement), pages and exports.
    let after = app.get("/search?q=Nordmann").await.text();
    assert!(after.contains("No results") && !after.contains("Baltic network board"), "{after}");
    assert!(app.get("/search?q=appointed").await.text().contains(&placeholder));
    assert!(!app.get(&format!("/people/{}", k.person)).await.text().contains("Nordmann"));
    assert!(!app.get("/engagements?q=nordmann").await.text().contains("Baltic cycling network"));
    let export = app.get("/admin/privacy/person/export.json?q=Kari%20Nordmann").await.json();
    assert_eq!(export["items"], serde_json::json!([]), "{export}");
    let calls_csv = app.get(&format!("/calls/{}/export.csv", k.call)).await.text();
    assert!(!calls_csv.contains("Nordmann") && !calls_csv.contains("kari@"), "{calls_csv}");

    // The log keeps the erasure and earlier views, without the name.
    let log = app.get("/admin/privacy/log?lang=en").await.text();
    assert!(log.contains("Erased") && log.contains("Viewed"), "{log}");
    let number: i64 = placeholder.trim_start_matches("Erased person #").parse().unwrap_or_else(|e| panic!("{e}"));
    let entries = app.store.personal_data_log(100, None).await.unwrap_or_else(|e| panic!("{e}"));
    let earlier: Vec<_> = entries.iter().filter(|e| e.id <= number).collect();
    assert!(earlier.len() >= 2 && earlier.iter().all(|e| e.subject == placeholder), "{earlier:?}");
    assert!(log.contains("Erased person #"), "{log}");
    assert!(app.get(&format!("/people/{}", k.ola)).await.text().contains("Ola Hansen"));
}

#[tokio::test]
async fn viewing_a_person_page_is_logged_and_only_administrators_see_the_log() {
    let app = TestApp::new().await;
    let k = kari(&app).await;
    let reader = app.view_as(AccessRole::Reader, None).await;
    assert_eq!(reader.get(&format!("/people/{}", k.person)).await.status, 200);
    let entries = app.store.personal_data_log(10, Some("view")).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, "Kari Nordmann");
    assert_eq!(entries[0].detail, format!("people #{}", k.person));
    assert!(entries[0].actor.starts_with("testkit-reader"), "{:?}", entries[0]);
    let log = app.get("/admin/privacy/log").await.text();
    assert!(log.contains(&entries[0].actor) && log.contains("Kari Nordmann"), "{log}");
    assert_eq!(reader.get("/admin/privacy/log").await.status, 403);
    assert_eq!(reader.get("/admin/privacy/person/export.json?q=Kari%20Nordmann").await.status, 403);
    let editor = app.view_as(AccessRole::Editor, None).await;
    assert_eq!(editor.post_form("/admin/privacy/person/erase", &[("q", "Kari Nordmann"), ("confirm", "yes")]).await.status, 403);
}

#[tokio::test]
async fn an_administrator_cannot_erase_her_own_account_and_a_short_query_finds_nothing() {
    let app = TestApp::new().await;
    let mine = app.store.account(app.auth.account_id.unwrap_or_default()).await.unwrap_or_else(|e| panic!("{e}"));
    let refused = app.post_form("/admin/privacy/person/erase", &[("q", &mine.row.username), ("confirm", "yes")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text());
    assert!(refused.text().contains("cannot be erased"), "{}", refused.text());
    assert!(!app.store.account(mine.row.id).await.unwrap_or_else(|e| panic!("{e}")).row.disabled);
    assert!(app.get("/admin/privacy/people?q=ab").await.text().contains("at least 3 characters"));
    assert_eq!(app.get("/admin/privacy/person?q=").await.status, 404);
}
