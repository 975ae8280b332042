//! `/api/v1/focus-areas`, `/api/v1/goals` and `/api/v1/measures`.

use axum::http::Method;
use samverk_testkit::{GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp, focus_area};
use serde_json::json;

use super::support::{assert_invalid, assert_problem, column, create, total};

#[tokio::test]
async fn focus_areas_are_listed_per_plan_created_changed_and_deleted() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let other = PlanBuilder::new(telemark, "Internasjonal strategi").insert(&app.store).await;
    focus_area(&app.store, other, "Medlemsorganisasjoner").await;
    for title in ["Inkluderende Telemark", "Skapende Telemark", "Naturrike Telemark"] {
        create(&app, "/api/v1/focus-areas", json!({ "plan_id": plan, "title": title })).await;
    }

    let first = app.get(&format!("/api/v1/focus-areas?plan_id={plan}&per_page=2")).await.json();
    assert_eq!(column(&first, "title"), ["Inkluderende Telemark", "Skapende Telemark"]);
    assert_eq!((first["total"].as_i64(), first["pages"].as_i64()), (Some(3), Some(2)));
    let second = app.get(&format!("/api/v1/focus-areas?plan_id={plan}&per_page=2&page=2")).await.json();
    assert_eq!(column(&second, "title"), ["Naturrike Telemark"]);
    assert_invalid(&app.get("/api/v1/focus-areas").await, "plan_id", "required");
    assert_eq!(total(&app, "/api/v1/focus-areas?plan_id=4242").await, 0);

    let id = second["items"][0]["id"].as_i64().unwrap_or_default();
    let path = format!("/api/v1/focus-areas/{id}");
    assert_eq!(app.get(&path).await.json()["plan_id"].as_i64(), Some(plan));
    let changed =
        app.send_json(Method::PUT, &path, &json!({ "plan_id": plan, "title": "Naturrike", "description": "Natur og klima" })).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!((changed.json()["title"].as_str(), changed.json()["description"].as_str()), (Some("Naturrike"), Some("Natur og klima")));
    assert_eq!(app.delete(&path).await.status, 204);
    assert_problem(&app.get(&path).await, 404, "not_found");
    assert_eq!(total(&app, &format!("/api/v1/focus-areas?plan_id={plan}")).await, 2);
}

#[tokio::test]
async fn goals_are_listed_per_plan_created_changed_and_deleted() {
    let app = TestApp::new().await;
    let vn = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    let plan = PlanBuilder::new(vn, "Internationell policy").insert(&app.store).await;
    let created = app
        .send_json(
            Method::POST,
            "/api/v1/goals",
            &json!({ "plan_id": plan, "title": "Ökad tillväxt", "beneficiary": "region", "sdgs": "8, 8.2" }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let goal = created.json();
    let id = goal["id"].as_i64().unwrap_or_default();
    assert_eq!(created.location(), Some(format!("/api/v1/goals/{id}").as_str()));
    assert_eq!(
        (goal["beneficiary"].as_str(), goal["sdgs"].clone(), goal["parent_id"].clone()),
        (Some("region"), json!(["8", "8.2"]), json!(null))
    );
    let sub = create(&app, "/api/v1/goals", json!({ "plan_id": plan, "parent_id": id, "title": "Fler internationella projekt" })).await;

    let list = app.get(&format!("/api/v1/goals?plan_id={plan}")).await.json();
    assert_eq!(column(&list, "title"), ["Ökad tillväxt", "Fler internationella projekt"]);
    assert_eq!(column(&list, "parent_id"), ["null".to_owned(), id.to_string()]);
    let paged = app.get(&format!("/api/v1/goals?plan_id={plan}&per_page=1&page=2")).await.json();
    assert_eq!(column(&paged, "id"), [sub.to_string()]);

    let path = format!("/api/v1/goals/{id}");
    let changed = app
        .send_json(Method::PUT, &path, &json!({ "plan_id": plan, "title": "Ökad tillväxt", "beneficiary": "citizens", "sdgs": "" }))
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!((changed.json()["beneficiary"].as_str(), changed.json()["sdgs"].clone()), (Some("citizens"), json!([])));
    assert_eq!(app.delete(&path).await.status, 204);
    assert_problem(&app.get(&path).await, 404, "not_found");
    assert_problem(&app.get(&format!("/api/v1/goals/{sub}")).await, 404, "not_found");
}

#[tokio::test]
async fn measures_are_listed_per_plan_created_changed_and_deleted() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Internasjonal strategi 2035").insert(&app.store).await;
    let area = focus_area(&app.store, plan, "Prosjektarbeid").await;
    let goal = GoalBuilder::new(plan, "Flere EU-prosjekter").focus_area(area).insert(&app.store).await;
    let id = create(&app, "/api/v1/measures", json!({ "plan_id": plan, "goal_id": goal, "title": "Søke EU-midler" })).await;
    create(&app, "/api/v1/measures", json!({ "plan_id": plan, "focus_area_id": area, "title": "Kurs i prosjektskriving" })).await;

    let read = app.get(&format!("/api/v1/measures/{id}")).await.json();
    assert_eq!((read["goal_id"].as_i64(), read["focus_area_id"].as_i64()), (Some(goal), Some(area)));
    let list = app.get(&format!("/api/v1/measures?plan_id={plan}")).await.json();
    assert_eq!(column(&list, "title"), ["Søke EU-midler", "Kurs i prosjektskriving"]);

    let path = format!("/api/v1/measures/{id}");
    let changed =
        app.send_json(Method::PUT, &path, &json!({ "plan_id": plan, "focus_area_id": area, "title": "Søke Interreg-midler" })).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!((changed.json()["title"].as_str(), changed.json()["goal_id"].clone()), (Some("Søke Interreg-midler"), json!(null)));
    assert_eq!(app.delete(&path).await.status, 204);
    assert_problem(&app.get(&path).await, 404, "not_found");
    assert_eq!(total(&app, &format!("/api/v1/measures?plan_id={plan}")).await, 1);
}

#[tokio::test]
async fn bad_parts_of_a_plan_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let other = PlanBuilder::new(telemark, "Internasjonal strategi").insert(&app.store).await;
    let foreign_goal = GoalBuilder::new(other, "Synlig i Europa").insert(&app.store).await;
    let foreign_area = focus_area(&app.store, other, "Prosjektarbeid").await;

    assert_invalid(
        &app.send_json(Method::POST, "/api/v1/focus-areas", &json!({ "plan_id": 4242, "title": "X" })).await,
        "plan_id",
        "unknown_reference",
    );
    assert_invalid(
        &app.send_json(Method::POST, "/api/v1/focus-areas", &json!({ "plan_id": plan, "title": "" })).await,
        "title",
        "required",
    );
    let goal =
        app.send_json(Method::POST, "/api/v1/goals", &json!({ "plan_id": plan, "parent_id": foreign_goal, "sdgs": "13, 3.99" })).await;
    assert_invalid(&goal, "parent_id", "rule");
    assert_invalid(&goal, "sdgs", "unknown_reference");
    assert_invalid(
        &app.send_json(Method::POST, "/api/v1/goals", &json!({ "plan_id": plan, "sdgs": "18" })).await,
        "sdgs",
        "invalid_format",
    );
    assert_invalid(
        &app.send_json(Method::POST, "/api/v1/goals", &json!({ "plan_id": plan, "beneficiary": "everyone" })).await,
        "beneficiary",
        "unknown_value",
    );
    let measure = app
        .send_json(Method::POST, "/api/v1/measures", &json!({ "plan_id": plan, "focus_area_id": foreign_area, "goal_id": foreign_goal }))
        .await;
    assert_invalid(&measure, "goal_id", "rule");
    assert_invalid(&measure, "focus_area_id", "rule");
    assert_invalid(&measure, "title", "required");
    for list in ["focus-areas", "goals", "measures"] {
        assert_eq!(total(&app, &format!("/api/v1/{list}?plan_id={plan}")).await, 0, "{list}");
    }

    let main = GoalBuilder::new(plan, "Hovedmål").insert(&app.store).await;
    let sub = GoalBuilder::new(plan, "Delmål").parent(main).insert(&app.store).await;
    let cycle = app
        .send_json(Method::PUT, &format!("/api/v1/goals/{main}"), &json!({ "plan_id": plan, "parent_id": sub, "title": "Hovedmål" }))
        .await;
    assert_invalid(&cycle, "parent_id", "cycle");
    assert_eq!(app.get(&format!("/api/v1/goals/{main}")).await.json()["parent_id"], json!(null));
    for part in ["focus-areas", "goals", "measures"] {
        assert_problem(&app.get(&format!("/api/v1/{part}/4242")).await, 404, "not_found");
        assert_problem(&app.delete(&format!("/api/v1/{part}/4242")).await, 404, "not_found");
        let body = json!({ "plan_id": plan, "title": "X" });
        assert_problem(&app.send_json(Method::PUT, &format!("/api/v1/{part}/4242"), &body).await, 404, "not_found");
    }
}
