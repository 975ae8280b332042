//! `/api/v1/plans`: a plan answers with its tree.

use axum::http::Method;
use samverk_testkit::{DecisionBuilder, EngagementBuilder, OrganisationBuilder, PlanBuilder, TestApp};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, create, total};

#[tokio::test]
async fn the_list_filters_by_authority_and_pages() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let lidkoping = OrganisationBuilder::new("Lidköpings kommun").kind("municipality").country("SE").insert(&app.store).await;
    PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    PlanBuilder::new(telemark, "Internasjonal strategi 2035").insert(&app.store).await;
    PlanBuilder::new(lidkoping, "Mål för internationellt arbete").status("draft").insert(&app.store).await;

    let all = app.get("/api/v1/plans").await.json();
    assert_eq!(column(&all, "title"), ["Mål för internationellt arbete", "Internasjonal strategi 2035", "Telemarksplanen"]);
    assert_eq!(column(&all, "status"), ["draft", "adopted", "adopted"]);
    let theirs = app.get(&format!("/api/v1/plans?owner_id={telemark}&per_page=1&page=2")).await.json();
    assert_eq!((theirs["total"].as_i64(), theirs["pages"].as_i64()), (Some(2), Some(2)));
    assert_eq!(column(&theirs, "title"), ["Telemarksplanen"]);
    assert_invalid(&app.get("/api/v1/plans?per_page=501").await, "per_page", "invalid_format");
}

#[tokio::test]
async fn a_plan_is_created_with_its_tree_changed_and_deleted() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let decision = DecisionBuilder::new(telemark, "Telemarksplanen").case_number("24/99").insert(&app.store).await;
    let draft = json!({ "owner_id": telemark, "title": "Telemarksplanen", "kind": "plan", "status": "adopted",
                        "period_start": "2025-01-01", "period_end": "2036-12-31", "decision_id": decision });
    let created = app.send_json(Method::POST, "/api/v1/plans", &draft).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let plan = created.json();
    let id = plan["id"].as_i64().unwrap_or_default();
    assert_eq!(created.location(), Some(format!("/api/v1/plans/{id}").as_str()));
    assert_eq!(plan["decision"]["case_number"], "24/99");
    assert_eq!((plan["focus_areas"].clone(), plan["goals"].clone()), (json!([]), json!([])));

    let area = create(&app, "/api/v1/focus-areas", json!({ "plan_id": id, "title": "Inkluderende Telemark" })).await;
    let main = create(&app, "/api/v1/goals", json!({ "plan_id": id, "focus_area_id": area, "sdgs": "10, 10.2" })).await;
    let sub = create(&app, "/api/v1/goals", json!({ "plan_id": id, "parent_id": main, "title": "Flere i arbeid" })).await;
    create(&app, "/api/v1/measures", json!({ "plan_id": id, "goal_id": sub, "title": "Kompetanseløft" })).await;
    create(&app, "/api/v1/measures", json!({ "plan_id": id, "focus_area_id": area, "title": "Møteplass Telemark" })).await;
    EngagementBuilder::new(telemark, "Møteplass Telemark")
        .kind("meeting_place")
        .goal(sub, "Samler aktørene årlig")
        .insert(&app.store)
        .await;

    let tree = app.get(&format!("/api/v1/plans/{id}")).await.json();
    let focus = &tree["focus_areas"][0];
    assert_eq!(focus["title"], "Inkluderende Telemark");
    assert_eq!(focus["measures"][0]["title"], "Møteplass Telemark");
    let goal = &focus["goals"][0];
    assert_eq!((goal["id"].as_i64(), goal["title"].clone()), (Some(main), serde_json::Value::Null));
    assert_eq!(goal["sdgs"], json!(["10", "10.2"]));
    assert_eq!((goal["contributions"].as_i64(), goal["contributions_in_tree"].as_i64()), (Some(0), Some(1)));
    let sub_goal = &goal["sub_goals"][0];
    assert_eq!((sub_goal["title"].as_str(), sub_goal["focus_area_id"].as_i64()), (Some("Flere i arbeid"), Some(area)));
    assert_eq!(sub_goal["measures"][0]["title"], "Kompetanseløft");
    assert_eq!(tree["goals"], json!([]));

    let mut change = draft.clone();
    change["status"] = json!("expired");
    let changed = app.send_json(Method::PUT, &format!("/api/v1/plans/{id}"), &change).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!((changed.json()["status"].as_str(), changed.json()["version"].as_i64()), (Some("expired"), Some(2)));
    assert_eq!(changed.json()["focus_areas"][0]["goals"][0]["id"].as_i64(), Some(main));

    assert_eq!(app.delete(&format!("/api/v1/plans/{id}")).await.status, 204);
    assert_problem(&app.get(&format!("/api/v1/plans/{id}")).await, 404, "not_found");
    assert_problem(&app.get(&format!("/api/v1/goals/{sub}")).await, 404, "not_found");
}

#[tokio::test]
async fn bad_plans_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let vestland = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let theirs = DecisionBuilder::new(vestland, "Regional plan").insert(&app.store).await;
    let backwards = json!({ "owner_id": telemark, "title": "Telemarksplanen", "kind": "plan", "status": "adopted",
                            "period_start": "2036-01-01", "period_end": "2025-01-01" });
    assert_invalid(&app.send_json(Method::POST, "/api/v1/plans", &backwards).await, "period_end", "end_before_start");
    let other = json!({ "owner_id": telemark, "title": "Telemarksplanen", "kind": "plan", "status": "adopted", "decision_id": theirs });
    assert_invalid(&app.send_json(Method::POST, "/api/v1/plans", &other).await, "decision_id", "other_authority");
    let nobody = json!({ "owner_id": 4242, "title": "Telemarksplanen", "kind": "roadmap", "status": "adopted" });
    let refused = app.send_json(Method::POST, "/api/v1/plans", &nobody).await;
    assert_invalid(&refused, "owner_id", "unknown_reference");
    assert_invalid(&refused, "kind", "unknown_value");
    assert_eq!(total(&app, "/api/v1/plans").await, 0);

    let id = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    assert_invalid(&app.send_json(Method::PUT, &format!("/api/v1/plans/{id}"), &backwards).await, "period_end", "end_before_start");
    assert_eq!(app.get(&format!("/api/v1/plans/{id}")).await.json()["period_start"], serde_json::Value::Null);
    let fine = json!({ "owner_id": telemark, "title": "Telemarksplanen", "kind": "plan", "status": "adopted" });
    assert_problem(&app.send_json(Method::PUT, "/api/v1/plans/4242", &fine).await, 404, "not_found");
    assert_problem(&app.delete("/api/v1/plans/4242").await, 404, "not_found");
    assert_problem(&app.get("/api/v1/plans/4242").await, 404, "not_found");
}
