//! The audit trail: every change is recorded with who, when, from where and each field before and
//! after; a record's history page shows it; an earlier version can be restored, and the restore is
//! itself a change in the trail.

use axum::http::Method;
use samverk_store::audit::Actor;
use samverk_testkit::{AccessRole, DecisionBuilder, OrganisationBuilder, TestApp};
use serde_json::json;

fn decision_fields<'a>(owner_id: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("owner_id", owner_id), ("body", "Fylkestinget"), ("case_number", "25/20"), ("date", "2020-03-31"), ("title", title)]
}

#[tokio::test]
async fn an_edit_on_a_page_is_shown_field_by_field_with_who_and_from_where() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Partnerskap og nettverk").insert(&app.store).await;
    let editor = app.view_as(AccessRole::Editor, None).await;
    let owner_id = owner.to_string();
    let saved = editor.post_form(&format!("/decisions/{id}"), &decision_fields(&owner_id, "Å utvikle Vestfold og Telemark")).await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let decision_page = app.get(&format!("/decisions/{id}")).await;
    assert!(decision_page.body.contains(&format!("href=\"/history/decisions/{id}\"")), "the record links to its history");
    let history = app.get(&format!("/history/decisions/{id}")).await;
    assert_eq!(history.status, 200);
    let text = history.text();
    // Newest first: the editor's change, then the creation (by samverk itself: the builder wrote it).
    let changed = text.find("Changed:").unwrap_or_else(|| panic!("{text}"));
    let created = text.find("Created:").unwrap_or_else(|| panic!("{text}"));
    assert!(changed < created, "{text}");
    assert!(text.contains("By Test editor · on a page"), "{text}");
    assert!(history.body.contains(&format!("<code>POST /decisions/{id}</code>")), "{}", history.body);
    assert!(text.contains("title Partnerskap og nettverk Å utvikle Vestfold og Telemark"), "{text}");
    // Only what changed is listed for the edit, and never the version counter.
    let edit = &text[changed..created];
    assert!(!edit.contains("case_number") && !edit.contains("version"), "{edit}");
}

#[tokio::test]
async fn an_earlier_version_is_restored_and_the_restore_is_itself_in_the_trail() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Internasjonal strategi").insert(&app.store).await;
    let owner_id = owner.to_string();
    for title in ["Internasjonal strategi 2024", "Feilskrevet tittel"] {
        assert_eq!(app.post_form(&format!("/decisions/{id}"), &decision_fields(&owner_id, title)).await.status, 303);
    }
    let history = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(history.len(), 3);
    let good = history.iter().find(|c| c.after.as_ref().is_some_and(|a| a["title"] == "Internasjonal strategi 2024"));
    let good = good.unwrap_or_else(|| panic!("{history:?}")).id;

    let editor = app.view_as(AccessRole::Editor, None).await;
    let restored = editor.post_form(&format!("/history/decisions/{id}/restore"), &[("change", &good.to_string())]).await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    assert_eq!(restored.location(), Some(format!("/history/decisions/{id}").as_str()));
    assert!(app.get(&format!("/decisions/{id}")).await.text().contains("Internasjonal strategi 2024"));

    let history = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(history.len(), 4);
    let newest = &history[0];
    assert_eq!((newest.action.as_str(), newest.actor.as_str()), ("update", "Test editor"));
    assert_eq!(newest.via, format!("POST /history/decisions/{id}/restore"));
    assert_eq!(newest.after.as_ref().map(|a| a["title"].clone()), Some(json!("Internasjonal strategi 2024")));
    // The version moved on, so a form opened before the restore is now stale.
    assert_eq!(app.store.decision(id).await.ok().flatten().map(|d| d.version), Some(4));
}

#[tokio::test]
async fn a_deleted_record_is_restored_from_its_history() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Internationell policy").insert(&app.store).await;
    assert_eq!(app.post_form(&format!("/decisions/{id}/delete"), &[]).await.status, 303);
    assert_eq!(app.get(&format!("/decisions/{id}")).await.status, 404);
    let history = app.get(&format!("/history/decisions/{id}")).await;
    assert!(history.text().contains("Deleted:"), "{}", history.text());
    let deletion = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"))[0].id;
    let restored = app.post_form(&format!("/history/decisions/{id}/restore"), &[("change", &deletion.to_string())]).await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    let page = app.get(&format!("/decisions/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Internationell policy"));
}

#[tokio::test]
async fn a_restore_that_would_break_a_reference_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let first = OrganisationBuilder::new("Vestfold fylkeskommune").insert(&app.store).await;
    let second = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(first, "Partnerskap").insert(&app.store).await;
    let created = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"))[0].id;
    let second_id = second.to_string();
    assert_eq!(app.post_form(&format!("/decisions/{id}"), &decision_fields(&second_id, "Partnerskap")).await.status, 303);
    // The first owner is then deleted (straight in the database: no page deletes an organisation).
    let mut handle = app.store.handle().await.unwrap_or_else(|e| panic!("{e}"));
    handle.conn().execute_unprepared(&format!("DELETE FROM organisations WHERE id = {first}")).await.unwrap_or_else(|e| panic!("{e}"));
    drop(handle);
    let refused = app.post_form(&format!("/history/decisions/{id}/restore"), &[("change", &created.to_string())]).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.text().contains("This version could not be restored"), "{}", refused.text());
    assert_eq!(app.store.decision(id).await.ok().flatten().map(|d| d.owner_id), Some(second));
}

#[tokio::test]
async fn changes_through_the_api_and_the_command_line_say_so() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let body = json!({ "owner_id": owner, "body": "Fylkestinget", "case_number": "25/20", "date": "2020-03-31", "title": "Via API" });
    let created = app.send_json(Method::POST, "/api/v1/decisions", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["id"].as_i64().unwrap_or_default();
    let history = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((history[0].origin.as_str(), history[0].via.as_str()), ("api", "POST /api/v1/decisions"));
    assert_eq!(history[0].account_id, app.auth.account_id);

    let operator = app.store.acting_as(Actor::cli("samverk account create"));
    let account = operator.create_account("kari", "Kari Nordmann", Some("a long enough password")).await.unwrap_or_else(|e| panic!("{e}"));
    let trail = app.store.history("accounts", account).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((trail[0].origin.as_str(), trail[0].via.as_str()), ("cli", "samverk account create"));
    // Secrets never enter the trail.
    let after = trail[0].after.clone().unwrap_or_default();
    assert_eq!(after["username"], "kari");
    assert!(after.get("password_hash").is_none(), "{after}");
}

#[tokio::test]
async fn the_history_of_an_unknown_record_or_kind_is_not_found() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Strategi").insert(&app.store).await;
    assert_eq!(app.get("/history/decisions/999999").await.status, 404);
    assert_eq!(app.get(&format!("/history/sessions/{id}")).await.status, 404);
    assert_eq!(app.get(&format!("/history/no_such_table/{id}")).await.status, 404);
    // A change of one record cannot be restored onto another.
    let change = app.store.history("decisions", id).await.unwrap_or_else(|e| panic!("{e}"))[0].id;
    let other = app.post_form(&format!("/history/organisations/{owner}/restore"), &[("change", &change.to_string())]).await;
    assert_eq!(other.status, 404);
}

#[tokio::test]
async fn the_administrator_sees_every_change_and_others_do_not() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let editor = app.view_as(AccessRole::Editor, None).await;
    let owner_id = owner.to_string();
    assert_eq!(editor.post_form("/decisions", &decision_fields(&owner_id, "Ny avgjørelse")).await.status, 303);
    let page = app.get("/admin/changes").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Created:") && page.text().contains("By Test editor"), "{}", page.text());
    assert!(page.text().contains("Ny avgjørelse"));
    let refused = editor.get("/admin/changes").await;
    assert_eq!(refused.status, 403);
}

/// A restore is checked by the domain's rules as a save would be: an active network's earlier
/// version cannot come back once the goals it served are gone (the contribution rule).
#[tokio::test]
async fn a_restore_that_would_break_a_rule_of_today_is_refused_and_says_which() {
    use samverk_domain::engagement::EngagementDraft;
    use samverk_testkit::{EngagementBuilder, GoalBuilder, PlanBuilder};
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Innlandet fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Internasjonal strategi Innlandet").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Et grønnere Innlandet").insert(&app.store).await;
    let id =
        EngagementBuilder::new(owner, "Fjellregionenes nettverk").status("active").goal(goal, "Deler erfaringer").insert(&app.store).await;
    let active = app.store.history("engagements", id).await.unwrap_or_else(|e| panic!("{e}"))[0].id;
    let proposed = EngagementDraft {
        owner_id: Some(owner),
        title: "Fjellregionenes nettverk".into(),
        kind: "network".into(),
        status: "proposed".into(),
        ..Default::default()
    };
    app.store.update_engagement(id, &proposed).await.unwrap_or_else(|e| panic!("{e}"));
    let contribution =
        app.store.engagement_page(id).await.ok().flatten().and_then(|p| p.contributions.first().map(|c| c.id)).unwrap_or_default();
    app.store.remove_contribution(id, contribution).await.unwrap_or_else(|e| panic!("{e}"));

    let refused = app.post_form(&format!("/history/engagements/{id}/restore"), &[("change", &active.to_string())]).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    let text = refused.text();
    assert!(text.contains("breaks a rule today"), "{text}");
    assert_eq!(app.store.engagement(id).await.ok().flatten().map(|e| e.status.code()), Some("proposed"), "nothing was changed");
}

/// The parts of a record kept without an id of their own (a news item's tags, an engagement's
/// EU-project details) are in the record's history too, with who changed them.
#[tokio::test]
async fn changes_to_a_records_parts_are_in_its_history() {
    let app = TestApp::with_demo().await;
    let editor = app.view_as(AccessRole::Editor, None).await;
    let (news, engagement) = {
        let mut handle = app.store.handle().await.unwrap_or_else(|e| panic!("{e}"));
        let mut conn = handle.conn();
        let news: i64 = conn.scalar(&samverk_store::Sql::new("SELECT MIN(id) FROM news")).await.unwrap_or_else(|e| panic!("{e}"));
        let engagement: i64 =
            conn.scalar(&samverk_store::Sql::new("SELECT MIN(engagement_id) FROM eu_projects")).await.unwrap_or_else(|e| panic!("{e}"));
        (news, engagement)
    };
    // A tag is added to the article through its form (every other field as it was).
    let form = editor.get(&format!("/news/{news}/edit")).await;
    assert_eq!(form.status, 200);
    let n = app.store.news(news).await.ok().flatten().unwrap_or_else(|| panic!("news {news}"));
    let mut tags = n.item.tags.clone();
    tags.push("revisjonsspor".into());
    let owner = n.item.owner_id.to_string();
    let version = n.version.to_string();
    let tags = tags.join(", ");
    let saved = editor
        .post_form(
            &format!("/news/{news}"),
            &[
                ("owner_id", &owner),
                ("news_title", &n.item.title),
                ("lead", &n.item.lead),
                ("news_body", &n.body),
                ("tags", &tags),
                ("publish", "draft"),
                ("version", &version),
            ],
        )
        .await;
    assert!(saved.status.is_redirection(), "{}", saved.text());
    let history = app.get(&format!("/history/news/{news}")).await;
    let text = history.text();
    assert!(text.contains("news_tags") && text.contains("revisjonsspor"), "{text}");
    assert!(text.contains("By Test editor"), "{text}");

    // The EU-project details are the engagement's.
    let details = format!("/engagements/{engagement}/eu/edit");
    let page = editor.get(&details).await;
    assert_eq!(page.status, 200);
    let p = app.store.eu_project_page(engagement).await.unwrap_or_else(|e| panic!("{e}")).project.unwrap_or_else(|| panic!("details"));
    let saved = editor
        .post_form(
            &format!("/engagements/{engagement}/eu"),
            &[
                ("programme", p.programme.code()),
                ("strand", p.strand.as_deref().unwrap_or_default()),
                ("funding_call", "HORIZON-CL5-2026-D3-01"),
                ("project_role", p.role.code()),
                ("lead_department", p.department.as_deref().unwrap_or_default()),
                ("version", &p.version.to_string()),
            ],
        )
        .await;
    assert!(saved.status.is_redirection(), "{}", saved.text());
    let text = app.get(&format!("/history/engagements/{engagement}")).await.text();
    assert!(text.contains("eu_projects") && text.contains("HORIZON-CL5-2026-D3-01"), "{text}");
}
