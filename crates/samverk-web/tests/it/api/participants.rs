//! `/api/v1/engagements/{id}/participants` and `/contributions`.

use axum::http::Method;
use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, total};

#[tokio::test]
async fn participants_are_added_listed_changed_and_removed() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let tonsberg = OrganisationBuilder::new("Tønsberg kommune").kind("municipality").insert(&app.store).await;
    let usn = OrganisationBuilder::new("Universitetet i Sørøst-Norge").kind("university").insert(&app.store).await;
    let id = EngagementBuilder::new(vt, "Bærekraftige Vestfold og Telemark").kind("partnership").insert(&app.store).await;
    let path = format!("/api/v1/engagements/{id}/participants");

    let added = app.send_json(Method::POST, &path, &json!({ "organisation_id": tonsberg, "role": "member", "start": "2020-03-31" })).await;
    assert_eq!(added.status, 201, "{}", added.body);
    let participant = added.json();
    let pid = participant["id"].as_i64().unwrap_or_default();
    assert_eq!(added.location(), Some(format!("{path}/{pid}").as_str()));
    assert_eq!(
        (participant["organisation_name"].as_str(), participant["role"].as_str(), participant["start"].as_str()),
        (Some("Tønsberg kommune"), Some("member"), Some("2020-03-31"))
    );
    assert_eq!(app.send_json(Method::POST, &path, &json!({ "organisation_id": usn, "role": "observer" })).await.status, 201);

    let list = app.get(&path).await.json();
    assert_eq!(column(&list, "organisation_name"), ["Tønsberg kommune", "Universitetet i Sørøst-Norge"]);
    assert_eq!(app.get(&format!("{path}?per_page=1&page=2")).await.json()["items"][0]["role"], "observer");
    assert_eq!(app.get(&format!("/api/v1/engagements/{id}")).await.json()["participants"].as_array().map(Vec::len), Some(2));

    let one = format!("{path}/{pid}");
    assert_eq!(app.get(&one).await.json()["organisation_id"].as_i64(), Some(tonsberg));
    let changed = app
        .send_json(Method::PUT, &one, &json!({ "organisation_id": tonsberg, "role": "host", "start": "2021-01-01", "end": "2021-12-31" }))
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!((changed.json()["role"].as_str(), changed.json()["end"].as_str()), (Some("host"), Some("2021-12-31")));
    assert_eq!(app.delete(&one).await.status, 204);
    assert_problem(&app.get(&one).await, 404, "not_found");
    assert_eq!(total(&app, &path).await, 1);
}

#[tokio::test]
async fn bad_participants_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let tonsberg = OrganisationBuilder::new("Tønsberg kommune").kind("municipality").insert(&app.store).await;
    let id = EngagementBuilder::new(vt, "Bærekraftige Vestfold og Telemark")
        .kind("partnership")
        .participant(tonsberg, "member")
        .insert(&app.store)
        .await;
    let other = EngagementBuilder::new(vt, "DigiTV").kind("pre_project").participant(tonsberg, "host").insert(&app.store).await;
    let path = format!("/api/v1/engagements/{id}/participants");

    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "organisation_id": tonsberg, "role": "member" })).await,
        "organisation_id",
        "duplicate",
    );
    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "organisation_id": 4242, "role": "member" })).await,
        "organisation_id",
        "unknown_reference",
    );
    let bad = app
        .send_json(Method::POST, &path, &json!({ "organisation_id": tonsberg, "role": "king", "start": "2024-01-01", "end": "2020-01-01" }))
        .await;
    assert_invalid(&bad, "role", "unknown_value");
    assert_invalid(&bad, "end", "end_before_start");
    assert_eq!(total(&app, &path).await, 1);

    let theirs = app.get(&format!("/api/v1/engagements/{other}/participants")).await.json()["items"][0]["id"].as_i64().unwrap_or_default();
    assert_problem(&app.get(&format!("{path}/{theirs}")).await, 404, "not_found");
    let body = json!({ "organisation_id": tonsberg, "role": "observer" });
    assert_problem(&app.send_json(Method::PUT, &format!("{path}/{theirs}"), &body).await, 404, "not_found");
    assert_problem(&app.delete(&format!("{path}/{theirs}")).await, 404, "not_found");
    assert_eq!(total(&app, &format!("/api/v1/engagements/{other}/participants")).await, 1);
    assert_problem(&app.get("/api/v1/engagements/4242/participants").await, 404, "not_found");
    assert_problem(&app.send_json(Method::POST, "/api/v1/engagements/4242/participants", &body).await, 404, "not_found");
}

#[tokio::test]
async fn contributions_are_added_listed_changed_and_removed() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let inclusive = GoalBuilder::new(plan, "Inkluderende Telemark").insert(&app.store).await;
    let creative = GoalBuilder::new(plan, "Skapende Telemark").insert(&app.store).await;
    let id = EngagementBuilder::new(telemark, "Østlandssamarbeidet").kind("membership").insert(&app.store).await;
    let path = format!("/api/v1/engagements/{id}/contributions");

    let added = app.send_json(Method::POST, &path, &json!({ "goal_id": inclusive, "how": "Felles kompetanseprogram" })).await;
    assert_eq!(added.status, 201, "{}", added.body);
    let cid = added.json()["id"].as_i64().unwrap_or_default();
    assert_eq!(added.location(), Some(format!("{path}/{cid}").as_str()));
    assert_eq!(
        (added.json()["goal_title"].as_str(), added.json()["plan_title"].as_str()),
        (Some("Inkluderende Telemark"), Some("Telemarksplanen"))
    );
    assert_eq!(app.send_json(Method::POST, &path, &json!({ "goal_id": creative, "how": "Næringsutvikling" })).await.status, 201);
    assert_eq!(column(&app.get(&path).await.json(), "how"), ["Felles kompetanseprogram", "Næringsutvikling"]);

    let one = format!("{path}/{cid}");
    assert_eq!(app.get(&one).await.json()["goal_id"].as_i64(), Some(inclusive));
    let changed = app.send_json(Method::PUT, &one, &json!({ "goal_id": inclusive, "how": "Kompetanse og inkludering" })).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["how"], "Kompetanse og inkludering");
    assert_eq!(app.delete(&one).await.status, 204);
    assert_problem(&app.get(&one).await, 404, "not_found");
    assert_eq!(total(&app, &path).await, 1);
}

#[tokio::test]
async fn bad_contributions_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let vestland = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Inkluderende Telemark").insert(&app.store).await;
    let their_plan = PlanBuilder::new(vestland, "Regional plan for Vestland").insert(&app.store).await;
    let their_goal = GoalBuilder::new(their_plan, "Grønt skifte").insert(&app.store).await;
    let id = EngagementBuilder::new(telemark, "Østlandssamarbeidet")
        .kind("membership")
        .status("active")
        .goal(goal, "Felles kompetanseprogram")
        .insert(&app.store)
        .await;
    let path = format!("/api/v1/engagements/{id}/contributions");

    assert_invalid(
        &app.send_json(Method::POST, &path, &json!({ "goal_id": their_goal, "how": "Deler erfaringer" })).await,
        "goal_id",
        "other_authority",
    );
    assert_invalid(&app.send_json(Method::POST, &path, &json!({ "goal_id": goal, "how": "Enda en gang" })).await, "goal_id", "duplicate");
    let empty = app.send_json(Method::POST, &path, &json!({ "goal_id": 4242, "how": "  " })).await;
    assert_invalid(&empty, "goal_id", "unknown_reference");
    assert_invalid(&empty, "how", "required");
    assert_eq!(total(&app, &path).await, 1);

    let only = app.get(&path).await.json()["items"][0]["id"].as_i64().unwrap_or_default();
    let removed = app.delete(&format!("{path}/{only}")).await;
    assert_invalid(&removed, "goal_id", "contribution_rule");
    assert!(removed.json()["errors"][0]["message"].as_str().is_some_and(|m| m.contains("Østlandssamarbeidet")), "{}", removed.body);
    assert_invalid(
        &app.send_json(Method::PUT, &format!("{path}/{only}"), &json!({ "goal_id": their_goal, "how": "x" })).await,
        "goal_id",
        "other_authority",
    );
    assert_eq!(app.get(&format!("{path}/{only}")).await.json()["goal_id"].as_i64(), Some(goal));
    assert_eq!(total(&app, &path).await, 1);
    assert_problem(&app.get(&format!("{path}/4242")).await, 404, "not_found");
    assert_problem(&app.delete(&format!("{path}/4242")).await, 404, "not_found");
    assert_problem(&app.get("/api/v1/engagements/4242/contributions").await, 404, "not_found");
}
