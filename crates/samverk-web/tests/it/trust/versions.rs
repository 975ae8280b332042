//! No lost edit on every edit form: each carries its record's version; a save on a version
//! someone else has changed meanwhile shows the conflict (409) with both values side by side,
//! keeps what was typed, saves nothing, and goes through once the user sends the merged form.

use samverk_testkit::TestApp;

/// One edit form of the demo data: the record's table (the column holding the id used in the
/// addresses), the form's address and where it posts (`{id}` replaced), and a text field to
/// change.
struct Case {
    table: &'static str,
    id_column: &'static str,
    edit: &'static str,
    post: &'static str,
    field: &'static str,
}

const CASES: &[Case] = &[
    Case { table: "organisations", id_column: "id", edit: "/organisations/{id}/edit", post: "/organisations/{id}", field: "name" },
    Case { table: "decisions", id_column: "id", edit: "/decisions/{id}/edit", post: "/decisions/{id}", field: "title" },
    Case { table: "plans", id_column: "id", edit: "/plans/{id}/edit", post: "/plans/{id}", field: "title" },
    Case { table: "focus_areas", id_column: "id", edit: "/focus-areas/{id}/edit", post: "/focus-areas/{id}", field: "title" },
    Case { table: "goals", id_column: "id", edit: "/goals/{id}/edit", post: "/goals/{id}", field: "title" },
    Case { table: "measures", id_column: "id", edit: "/measures/{id}/edit", post: "/measures/{id}", field: "description" },
    Case { table: "engagements", id_column: "id", edit: "/engagements/{id}/edit", post: "/engagements/{id}", field: "description" },
    Case { table: "people", id_column: "id", edit: "/people/{id}/edit", post: "/people/{id}", field: "department" },
    Case { table: "mandates", id_column: "id", edit: "/mandates/{id}/edit", post: "/mandates/{id}", field: "instructions" },
    Case { table: "news", id_column: "id", edit: "/news/{id}/edit", post: "/news/{id}", field: "lead" },
    Case { table: "calls", id_column: "id", edit: "/calls/{id}/edit", post: "/calls/{id}", field: "audience" },
    Case { table: "referrals", id_column: "id", edit: "/referrals/{id}/edit", post: "/referrals/{id}", field: "statement" },
    Case {
        table: "eu_projects",
        id_column: "engagement_id",
        edit: "/engagements/{id}/eu/edit",
        post: "/engagements/{id}/eu",
        field: "funding_call",
    },
    Case { table: "engagements", id_column: "id", edit: "/engagements/{id}/texts", post: "/engagements/{id}/texts", field: "title_en" },
    Case { table: "news", id_column: "id", edit: "/news/{id}/texts", post: "/news/{id}/texts", field: "title_en" },
];

#[tokio::test]
async fn a_stale_save_on_any_edit_form_shows_the_conflict_and_loses_nothing() {
    let app = TestApp::with_demo().await;
    // The demo has no referral: one is received first.
    let owner = {
        let mut handle = app.store.handle().await.expect("connection");
        handle.conn().scalar::<i64>(&samverk_store::Sql::new("SELECT MIN(owner_id) FROM plans")).await.expect("the demo authority")
    };
    let received = app
        .post_form(
            "/referrals",
            &[
                ("owner_id", &owner.to_string()),
                ("sender", "Kommunal- og distriktsdepartementet"),
                ("subject", "Høring om regionreformen"),
                ("deadline", "2030-01-31"),
            ],
        )
        .await;
    assert!(received.status.is_redirection(), "{}", received.text());
    for case in CASES {
        let id = first_id(&app, case).await;
        let edit = case.edit.replace("{id}", &id.to_string());
        let post = case.post.replace("{id}", &id.to_string());
        let page = app.get(&edit).await;
        assert_eq!(page.status, 200, "{edit}: {}", page.text());
        let fields = form_fields(&page.body, &post).unwrap_or_else(|| panic!("{edit} has a form posting to {post}"));
        let version = value(&fields, "version").unwrap_or_else(|| panic!("{edit}: the form carries its version: {fields:?}"));

        // Kari saves first; Ola's form still has the version both opened.
        let kari = format!("Karis endring {}", case.table);
        let saved = app.post_form(&post, &pairs(&with(&fields, case.field, &kari))).await;
        assert!(saved.status.is_redirection(), "{post}: Kari's save is accepted: {} {}", saved.status, saved.text());

        let ola = format!("Olas endring {}", case.table);
        let stale = app.post_form(&post, &pairs(&with(&fields, case.field, &ola))).await;
        assert_eq!(stale.status, 409, "{post}: Ola's stale save is refused: {}", stale.text());
        let text = stale.text();
        assert!(text.contains("Someone else saved this meanwhile"), "{post}: the page says why: {text}");
        assert!(text.contains(&kari) && text.contains(&ola), "{post}: both versions side by side: {text}");
        assert!(!text.contains("field-"), "{post}: every field of the conflict has a label: {text}");
        let again = form_fields(&stale.body, &post).unwrap_or_else(|| panic!("{post}: the form is shown again"));
        assert_eq!(value(&again, case.field).as_deref(), Some(ola.as_str()), "{post}: what Ola typed is kept");
        let newer = value(&again, "version");
        assert_ne!(newer, Some(version.clone()), "{post}: the form is now based on the current version");
        let stored = form_fields(&app.get(&edit).await.body, &post).unwrap_or_default();
        assert_eq!(value(&stored, case.field).as_deref(), Some(kari.as_str()), "{post}: nothing of Ola's was saved");

        // Ola has merged (here: kept her own text) and saves the form again: accepted.
        let merged = app.post_form(&post, &pairs(&again)).await;
        assert!(merged.status.is_redirection(), "{post}: the merged save is accepted: {} {}", merged.status, merged.text());
        let stored = form_fields(&app.get(&edit).await.body, &post).unwrap_or_default();
        assert_eq!(value(&stored, case.field).as_deref(), Some(ola.as_str()), "{post}: the merged version is stored");
    }
}

/// A budget line's form has no free-text field to change without breaking its sums, so the
/// same values are saved twice: the second, from the old version, is refused all the same.
#[tokio::test]
async fn a_stale_budget_line_save_is_refused() {
    let app = TestApp::with_demo().await;
    let mut handle = app.store.handle().await.expect("connection");
    let (line, engagement): (i64, i64) = handle
        .conn()
        .optional(&samverk_store::Sql::new("SELECT id, engagement_id FROM eu_budget_lines ORDER BY id"))
        .await
        .expect("query")
        .expect("the demo has a budget line");
    drop(handle);
    let path = format!("/engagements/{engagement}/eu/budget/{line}");
    let fields = form_fields(&app.get(&path).await.body, &path).expect("the budget line's form");
    assert!(value(&fields, "version").is_some(), "the form carries its version");
    assert!(app.post_form(&path, &pairs(&fields)).await.status.is_redirection());
    let stale = app.post_form(&path, &pairs(&fields)).await;
    assert_eq!(stale.status, 409, "{}", stale.text());
    assert!(app.post_form(&path, &pairs(&form_fields(&stale.body, &path).expect("the form again"))).await.status.is_redirection());
}

async fn first_id(app: &TestApp, case: &Case) -> i64 {
    let mut handle = app.store.handle().await.expect("connection");
    let mut sql = samverk_store::Sql::new("SELECT MIN(");
    sql.push(case.id_column).push(") FROM ").push(case.table);
    let id: Option<i64> = handle.conn().scalar(&sql).await.expect("query");
    id.unwrap_or_else(|| panic!("the demo data has {}", case.table))
}

fn value(fields: &[(String, String)], name: &str) -> Option<String> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn with(fields: &[(String, String)], name: &str, new: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields.iter().filter(|(k, _)| k != name).cloned().collect();
    out.push((name.to_owned(), new.to_owned()));
    out
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// What a browser would send from the form posting to `action`: text inputs, ticked boxes,
/// text areas and the selected options (the anti-forgery token is added by the test client).
fn form_fields(html: &str, action: &str) -> Option<Vec<(String, String)>> {
    let start = html.find(&format!("action=\"{action}\""))?;
    let form = &html[start..start + html[start..].find("</form>")?];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let Some(name) = attribute(tag, "name") else { continue };
        if name == "_csrf" {
            continue;
        }
        if tag.starts_with("input") {
            let kind = attribute(tag, "type").unwrap_or_default();
            let ticked = tag.contains(" checked");
            if (kind == "checkbox" || kind == "radio") && !ticked || kind == "file" || kind == "submit" {
                continue;
            }
            fields.push((name, attribute(tag, "value").unwrap_or_default()));
        } else if tag.starts_with("textarea") {
            let body = &rest[tag_end + 1..];
            let text = &body[..body.find("</textarea>").unwrap_or(0)];
            fields.push((name, unescape(text)));
        } else if tag.starts_with("select") {
            let body = &rest[tag_end + 1..];
            let options = &body[..body.find("</select>").unwrap_or(0)];
            for option in options.split("<option").skip(1) {
                let head = &option[..option.find('>').unwrap_or(0)];
                if head.contains(" selected") {
                    fields.push((name.clone(), attribute(head, "value").unwrap_or_default()));
                }
            }
        }
    }
    Some(fields)
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')?;
    Some(unescape(&tag[at..at + end]))
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The parts of plans and engagements over the API: `ETag` on reading, 428 without `If-Match`,
/// 412 on a stale version, and the new version in the answer's `ETag`.
#[tokio::test]
async fn the_api_guards_every_update_with_if_match() {
    use axum::http::Method;
    let app = TestApp::with_demo().await;
    let ids = |table: &'static str| {
        let app = &app;
        async move {
            let mut handle = app.store.handle().await.expect("connection");
            let mut sql = samverk_store::Sql::new("SELECT id, ");
            sql.push(if table == "participants" || table == "contributions" { "engagement_id" } else { "id" });
            sql.push(" FROM ").push(table).push(" ORDER BY id");
            let row: (i64, i64) = handle.conn().optional(&sql).await.expect("query").expect("a row in the demo");
            row
        }
    };
    let mut cases = Vec::new();
    for (table, part) in [("focus_areas", "focus-areas"), ("goals", "goals"), ("measures", "measures")] {
        let (id, _) = ids(table).await;
        cases.push(format!("/api/v1/{part}/{id}"));
    }
    for table in ["participants", "contributions"] {
        let (id, engagement) = ids(table).await;
        cases.push(format!("/api/v1/engagements/{engagement}/{table}/{id}"));
    }
    for path in cases {
        let read = app.get(&path).await;
        assert_eq!(read.status, 200, "{path}: {}", read.body);
        let tag = read.headers.get("etag").and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("{path} has an ETag")).to_owned();
        let r = read.json();
        let text = |key: &str| r[key].as_str().unwrap_or_default().to_owned();
        let sdgs = r["sdgs"].as_array().map(|s| s.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "));
        let body = serde_json::json!({
            "plan_id": r["plan_id"], "focus_area_id": r["focus_area_id"], "parent_id": r["parent_id"], "goal_id": r["goal_id"],
            "organisation_id": r["organisation_id"], "title": text("title"), "description": text("description"),
            "role": text("role"), "start": text("start"), "end": text("end"), "how": text("how"), "sdgs": sdgs.unwrap_or_default(),
        });
        let missing = app.send_json_if(Method::PUT, &path, &body, None).await;
        assert_eq!(missing.status, 428, "{path}: {}", missing.body);
        let saved = app.send_json_if(Method::PUT, &path, &body, Some(&tag)).await;
        assert_eq!(saved.status, 200, "{path}: {}", saved.body);
        let new_tag = saved.headers.get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert_ne!(new_tag, tag, "{path}: the answer carries the new version");
        let stale = app.send_json_if(Method::PUT, &path, &body, Some(&tag)).await;
        assert_eq!(stale.status, 412, "{path}: {}", stale.body);
        assert_eq!(stale.json()["code"], "stale");
    }
}
