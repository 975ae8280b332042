//! Focus areas, goals and measures built up through their forms, and shown on the plan page.

use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

use super::support::section;

/// Posts a form that must be accepted and returns where it redirects.
async fn saved(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> String {
    let response = app.post_form(path, fields).await;
    assert_eq!(response.status, 303, "{path}: {}", response.text());
    response.location().unwrap_or_default().to_owned()
}

fn id_after(location: &str, prefix: &str) -> i64 {
    location.strip_prefix(prefix).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{location} is not {prefix}<id>"))
}

#[tokio::test]
async fn focus_areas_goals_and_measures_added_through_forms_appear_in_the_tree() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;

    assert_eq!(app.get(&format!("/plans/{plan}/focus-areas/new")).await.status, 200);
    let location = saved(&app, &format!("/plans/{plan}/focus-areas"), &[("title", "Naturrike Telemark")]).await;
    let area = id_after(&location, &format!("/plans/{plan}#focus-area-"));

    let form = app.get(&format!("/plans/{plan}/goals/new?focus_area_id={area}&parent_id=")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(&format!("<option value=\"{area}\" selected>Naturrike Telemark</option>")), "{}", form.body);
    let location = saved(
        &app,
        &format!("/plans/{plan}/goals"),
        &[("focus_area_id", &area.to_string()), ("parent_id", ""), ("title", "Klimanøytralt Telemark"), ("sdgs", "13, 13.2")],
    )
    .await;
    let goal = id_after(&location, "/goals/");
    // "Add sub-goal" on the plan page leads to a form already placed under the main goal.
    let form = app.get(&format!("/plans/{plan}/goals/new?parent_id={goal}")).await;
    assert!(form.body.contains(&format!("<option value=\"{goal}\" selected>Klimanøytralt Telemark</option>")), "{}", form.body);
    assert!(form.body.contains(&format!("<option value=\"{area}\" selected>Naturrike Telemark</option>")), "{}", form.body);
    let location =
        saved(&app, &format!("/plans/{plan}/goals"), &[("parent_id", &goal.to_string()), ("title", ""), ("beneficiary", "region")]).await;
    let sub = id_after(&location, "/goals/");
    let location = saved(&app, &format!("/plans/{plan}/measures"), &[("goal_id", &sub.to_string()), ("title", "Kartlegge utslipp")]).await;
    let measure = id_after(&location, &format!("/plans/{plan}#measure-"));

    let page = app.get(&format!("/plans/{plan}")).await;
    let text = page.text();
    let area_text = section(&text, "Naturrike Telemark", None);
    assert!(area_text.contains("Klimanøytralt Telemark SDG 13 SDG 13.2 No engagement contributes"), "{area_text}");
    assert!(area_text.contains("Sub-goal 1 – wording not yet filled in No engagement contributes"), "{area_text}");
    assert!(area_text.contains("Measure: Kartlegge utslipp"), "{area_text}");
    assert!(page.body.contains("href=\"https://sdgs.un.org/goals/goal13\" aria-label=\"SDG 13: Climate action\""), "{}", page.body);
    assert!(page.body.contains(&format!("<li id=\"measure-{measure}\">")), "{}", page.body);
    // The sub-goal's list sits inside its main goal's item.
    let main_item = &page.body[page.body.find(&format!("id=\"goal-{goal}\"")).unwrap_or(0)..];
    let sub_at = main_item.find(&format!("id=\"goal-{sub}\"")).unwrap_or(usize::MAX);
    assert!(sub_at < main_item.find("</li>\n</ul></li>").unwrap_or(0), "{}", page.body);

    // An engagement contributing to the sub-goal counts for the main goal too.
    EngagementBuilder::new(owner, "Klimanettverket").goal(sub, "Deler erfaringer om utslippskutt.").insert(&app.store).await;
    let text = app.get(&format!("/plans/{plan}")).await.text();
    assert!(text.contains("Klimanøytralt Telemark SDG 13 SDG 13.2 1 engagement contributes"), "{text}");
    let goal_page = app.get(&format!("/goals/{goal}")).await.text();
    assert!(goal_page.contains("Klimanettverket (Proposed) through the sub-goal Sub-goal 1 – wording not yet filled in"), "{goal_page}");
    assert!(goal_page.contains("Deler erfaringer om utslippskutt."), "{goal_page}");
}

#[tokio::test]
async fn a_rejected_goal_form_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;
    let other = PlanBuilder::new(owner, "Annen plan").insert(&app.store).await;
    let foreign_goal = GoalBuilder::new(other, "Mål i en annen plan").insert(&app.store).await;

    let response = app
        .post_form(
            &format!("/plans/{plan}/goals"),
            &[("title", "Et godt mål"), ("parent_id", &foreign_goal.to_string()), ("sdgs", "13, 99"), ("description", "Beskrivelse")],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Part of the parent goal must belong to the same plan"), "{text}");
    assert!(text.contains("Wrong format: expected an SDG goal, target or indicator"), "{text}");
    assert!(response.body.contains("value=\"Et godt mål\""), "{}", response.body);
    assert!(response.body.contains("value=\"13, 99\""), "{}", response.body);
    assert!(response.body.contains(">Beskrivelse</textarea>"), "{}", response.body);
    let tree = app.store.plan_tree(plan).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("plan"));
    assert!(tree.goals.is_empty(), "nothing is written");

    let response = app.post_form(&format!("/plans/{plan}/measures"), &[("title", " "), ("description", "Hvorfor")]).await;
    assert_eq!(response.status, 422);
    assert!(response.text().contains("Title (required) This field is required."), "{}", response.text());
    assert!(response.body.contains(">Hvorfor</textarea>"), "{}", response.body);
}

#[tokio::test]
async fn goals_measures_and_focus_areas_can_be_edited_and_deleted() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;
    let area = saved(&app, &format!("/plans/{plan}/focus-areas"), &[("title", "Skapende")]).await;
    let area = id_after(&area, &format!("/plans/{plan}#focus-area-"));
    let goal = GoalBuilder::new(plan, "").focus_area(area).insert(&app.store).await;
    let measure = saved(&app, &format!("/plans/{plan}/measures"), &[("focus_area_id", &area.to_string()), ("title", "Tiltak A")]).await;
    let measure = id_after(&measure, &format!("/plans/{plan}#measure-"));

    let form = app.get(&format!("/goals/{goal}/edit")).await;
    assert!(form.text().contains("Edit goal: Main goal 1 – wording not yet filled in"), "{}", form.text());
    let location = saved(&app, &format!("/goals/{goal}"), &[("focus_area_id", &area.to_string()), ("title", "Skapende mål")]).await;
    assert_eq!(location, format!("/goals/{goal}"));
    saved(&app, &format!("/focus-areas/{area}"), &[("title", "Skapende Telemark")]).await;
    saved(&app, &format!("/measures/{measure}"), &[("focus_area_id", &area.to_string()), ("title", "Tiltak B")]).await;
    let text = app.get(&format!("/plans/{plan}")).await.text();
    assert!(text.contains("Skapende Telemark"), "{text}");
    assert!(text.contains("Skapende mål"), "{text}");
    assert!(text.contains("Tiltak B"), "{text}");

    assert_eq!(saved(&app, &format!("/measures/{measure}/delete"), &[]).await, format!("/plans/{plan}"));
    assert_eq!(saved(&app, &format!("/goals/{goal}/delete"), &[]).await, format!("/plans/{plan}"));
    assert_eq!(app.get(&format!("/goals/{goal}")).await.status, 404);
    let text = app.get(&format!("/plans/{plan}")).await.text();
    assert!(!text.contains("Tiltak B") && !text.contains("Skapende mål"), "{text}");
    assert!(text.contains("No goals or measures in this focus area yet."), "{text}");
    saved(&app, &format!("/focus-areas/{area}/delete"), &[]).await;
    assert!(app.get(&format!("/plans/{plan}")).await.text().contains("This plan has no focus areas, goals or measures yet."));
}
