//! `/api/v1/engagements`: the list with its filters, and one engagement.

use axum::http::Method;
use samverk_testkit::{DecisionBuilder, EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, total};

#[tokio::test]
async fn the_list_filters_sorts_and_pages() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let vn = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    let tonsberg = OrganisationBuilder::new("Tønsberg kommune").kind("municipality").insert(&app.store).await;
    let plan = PlanBuilder::new(vt, "Regional plan").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Bærekraftig utvikling").insert(&app.store).await;
    let sub = GoalBuilder::new(plan, "Klimakutt").parent(goal).insert(&app.store).await;
    EngagementBuilder::new(vt, "Bærekraftige Vestfold og Telemark")
        .kind("partnership")
        .status("active")
        .period("2020-03-31", "2023-12-31")
        .description("Partnerskap for bærekraftsmålene")
        .goal(sub, "Samler kommunene om klimakutt")
        .participant(tonsberg, "member")
        .insert(&app.store)
        .await;
    EngagementBuilder::new(vt, "DigiTV")
        .kind("pre_project")
        .period("2021-01-01", "2021-12-31")
        .participant(tonsberg, "host")
        .insert(&app.store)
        .await;
    EngagementBuilder::new(vn, "Mid Sweden Office").kind("membership").period("2007-06-20", "").insert(&app.store).await;

    let all = app.get("/api/v1/engagements").await.json();
    assert_eq!(column(&all, "title"), ["Bærekraftige Vestfold og Telemark", "DigiTV", "Mid Sweden Office"]);
    assert_eq!(all["items"][0]["participants"], 1);
    assert_eq!(all["items"][0]["contributions"], 1);
    assert_eq!(all["items"][0]["start"], "2020-03-31");

    let by = |query: &str| {
        let path = format!("/api/v1/engagements?{query}");
        let app = &app;
        async move { column(&app.get(&path).await.json(), "title") }
    };
    assert_eq!(by(&format!("owner_id={vn}")).await, ["Mid Sweden Office"]);
    assert_eq!(by("kind=pre_project").await, ["DigiTV"]);
    assert_eq!(by("status=active").await, ["Bærekraftige Vestfold og Telemark"]);
    assert_eq!(by(&format!("goal_id={goal}")).await, ["Bærekraftige Vestfold og Telemark"]);
    assert_eq!(by(&format!("organisation_id={tonsberg}")).await, ["Bærekraftige Vestfold og Telemark", "DigiTV"]);
    assert_eq!(by("year=2022").await, ["Bærekraftige Vestfold og Telemark", "Mid Sweden Office"]);
    assert_eq!(by("q=partnerskap").await, ["Bærekraftige Vestfold og Telemark"]);
    assert_eq!(by("sort=start&desc=true").await, ["DigiTV", "Bærekraftige Vestfold og Telemark", "Mid Sweden Office"]);
    assert_eq!(by("kind=twin_town").await, Vec::<String>::new());

    let second = app.get("/api/v1/engagements?sort=title&desc=false&per_page=2&page=2").await.json();
    assert_eq!(column(&second, "title"), ["Mid Sweden Office"]);
    assert_eq!(
        (second["total"].as_i64(), second["page"].as_i64(), second["per_page"].as_i64(), second["pages"].as_i64()),
        (Some(3), Some(2), Some(2), Some(2))
    );
}

#[tokio::test]
async fn bad_filters_are_named() {
    let app = TestApp::new().await;
    let refused = app.get("/api/v1/engagements?kind=club&status=done&sort=colour&desc=maybe&year=twenty&goal_id=x").await;
    for (field, code) in [
        ("kind", "unknown_value"),
        ("status", "unknown_value"),
        ("sort", "unknown_value"),
        ("desc", "unknown_value"),
        ("year", "invalid_format"),
        ("goal_id", "invalid_format"),
    ] {
        assert_invalid(&refused, field, code);
    }
}

#[tokio::test]
async fn an_engagement_is_created_with_its_contributions_read_changed_and_deleted() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let decision = DecisionBuilder::new(vt, "Bærekraftige Vestfold og Telemark").insert(&app.store).await;
    let plan = PlanBuilder::new(vt, "Regional plan").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Bærekraftig utvikling").insert(&app.store).await;
    let body = json!({ "owner_id": vt, "kind": "partnership", "title": "Bærekraftige Vestfold og Telemark", "status": "active",
                       "start": "2020-03-31", "decision_id": decision.to_string(), "parent_id": "",
                       "contributions": [{ "goal_id": goal, "how": "Samler kommunene om bærekraftsmålene" }] });
    let created = app.send_json(Method::POST, "/api/v1/engagements", &body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let engagement = created.json();
    let id = engagement["id"].as_i64().unwrap_or_default();
    assert_eq!(created.location(), Some(format!("/api/v1/engagements/{id}").as_str()));
    assert_eq!(
        (engagement["status"].as_str(), engagement["start"].as_str(), engagement["end"].clone()),
        (Some("active"), Some("2020-03-31"), json!(null))
    );
    assert_eq!(engagement["decision"]["case_number"], "25/20");
    assert_eq!(engagement["decision"]["date"], "2020-03-31");
    assert_eq!(engagement["contributions"][0]["how"], "Samler kommunene om bærekraftsmålene");
    assert_eq!(engagement["contributions"][0]["plan_title"], "Regional plan");

    let child = EngagementBuilder::new(vt, "Klima og miljø").kind("thematic_network").parent(id).insert(&app.store).await;
    let read = app.get(&format!("/api/v1/engagements/{id}")).await.json();
    assert_eq!(read["children"][0]["id"].as_i64(), Some(child));
    assert_eq!(app.get(&format!("/api/v1/engagements/{child}")).await.json()["parent_title"], "Bærekraftige Vestfold og Telemark");

    let change = json!({ "owner_id": vt, "kind": "partnership", "title": "Bærekraftige Vestfold og Telemark", "status": "ended",
                         "start": "2020-03-31", "end": "2023-12-31", "decision_id": decision });
    let changed = app.send_json(Method::PUT, &format!("/api/v1/engagements/{id}"), &change).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(
        (changed.json()["status"].as_str(), changed.json()["end"].as_str(), changed.json()["version"].as_i64()),
        (Some("ended"), Some("2023-12-31"), Some(2))
    );
    assert_eq!(changed.json()["contributions"].as_array().map(Vec::len), Some(1));

    assert_eq!(app.delete(&format!("/api/v1/engagements/{id}")).await.status, 204);
    assert_problem(&app.get(&format!("/api/v1/engagements/{id}")).await, 404, "not_found");
    assert_eq!(app.get(&format!("/api/v1/engagements/{child}")).await.json()["parent_id"], json!(null));
}

#[tokio::test]
async fn bad_engagements_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let vt = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let vestland = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let their_plan = PlanBuilder::new(vestland, "Regional plan for Vestland").insert(&app.store).await;
    let their_goal = GoalBuilder::new(their_plan, "Grønt skifte").insert(&app.store).await;
    let network = |extra: serde_json::Value| {
        let mut body = json!({ "owner_id": vt, "kind": "network", "title": "Nettverk for klima", "status": "proposed" });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        body
    };

    let rule = app.send_json(Method::POST, "/api/v1/engagements", &network(json!({ "status": "active" }))).await;
    assert_invalid(&rule, "status", "contribution_rule");
    let message = rule.json()["errors"][0]["message"].as_str().map(ToOwned::to_owned).unwrap_or_default();
    assert!(message.contains("Nettverk for klima") && message.contains("main goal"), "{message}");
    let backwards = network(json!({ "start": "2024-01-01", "end": "2023-01-01" }));
    assert_invalid(&app.send_json(Method::POST, "/api/v1/engagements", &backwards).await, "end", "end_before_start");
    assert_invalid(
        &app.send_json(Method::POST, "/api/v1/engagements", &network(json!({ "owner_id": 4242 }))).await,
        "owner_id",
        "unknown_reference",
    );
    let foreign = network(json!({ "contributions": [{ "goal_id": their_goal, "how": "Deler erfaringer" }] }));
    assert_invalid(&app.send_json(Method::POST, "/api/v1/engagements", &foreign).await, "goal_id", "other_authority");
    let nonsense = network(json!({ "kind": "club", "title": "", "parent_id": 4242, "decision_id": 4242 }));
    let refused = app.send_json(Method::POST, "/api/v1/engagements", &nonsense).await;
    for (field, code) in
        [("kind", "unknown_value"), ("title", "required"), ("parent_id", "unknown_reference"), ("decision_id", "unknown_reference")]
    {
        assert_invalid(&refused, field, code);
    }
    assert_eq!(total(&app, "/api/v1/engagements").await, 0);

    let id = EngagementBuilder::new(vt, "Nettverk for klima").insert(&app.store).await;
    let path = format!("/api/v1/engagements/{id}");
    assert_invalid(&app.send_json(Method::PUT, &path, &network(json!({ "status": "active" }))).await, "status", "contribution_rule");
    assert_invalid(&app.send_json(Method::PUT, &path, &network(json!({ "parent_id": id }))).await, "parent_id", "cycle");
    let unchanged = app.get(&path).await.json();
    assert_eq!(
        (unchanged["status"].as_str(), unchanged["version"].as_i64(), unchanged["parent_id"].clone()),
        (Some("proposed"), Some(1), json!(null))
    );
    assert_problem(&app.send_json(Method::PUT, "/api/v1/engagements/4242", &network(json!({}))).await, 404, "not_found");
    assert_problem(&app.delete("/api/v1/engagements/4242").await, 404, "not_found");
    assert_problem(&app.get("/api/v1/engagements/4242").await, 404, "not_found");
}
