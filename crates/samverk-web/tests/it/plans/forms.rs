//! The plan form: create, edit, a rejected form, unknown ids, delete.

use samverk_testkit::{DecisionBuilder, OrganisationBuilder, PlanBuilder, TestApp};

async fn plan_count(app: &TestApp) -> usize {
    app.store.plans(None).await.unwrap_or_else(|e| panic!("{e}")).len()
}

#[tokio::test]
async fn a_new_plan_is_saved_and_shown_on_its_page() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let decision = DecisionBuilder::new(telemark, "Strategi vedtatt").case_number("12/24").insert(&app.store).await;

    let form = app.get("/plans/new").await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("New plan Authority (required) Choose an authority Telemark fylkeskommune"), "{}", form.text());
    assert!(
        form.body.contains(&format!("<option value=\"{decision}\">Fylkestinget 12/24 2020-03-31 – Strategi vedtatt</option>")),
        "{}",
        form.body
    );

    let response = app
        .post_form(
            "/plans",
            &[
                ("owner_id", &telemark.to_string()),
                ("title", "Internasjonal strategi"),
                ("kind", "strategy"),
                ("status", "adopted"),
                ("period_start", "2024-01-01"),
                ("period_end", "2035-12-31"),
                ("decision_id", &decision.to_string()),
                ("description", "Mål og prioriteringer fram mot 2035."),
            ],
        )
        .await;
    assert_eq!(response.status, 303);
    let location = response.location().unwrap_or_default().to_owned();
    assert!(location.starts_with("/plans/"), "{location}");

    let text = app.get(&location).await.text();
    assert!(text.contains("Internasjonal strategi"), "{text}");
    assert!(text.contains("Authority Telemark fylkeskommune"), "{text}");
    assert!(text.contains("Kind Strategy"), "{text}");
    assert!(text.contains("Status Adopted"), "{text}");
    assert!(text.contains("Period 2024-01-01 – 2035-12-31"), "{text}");
    assert!(text.contains("Adopted by Strategi vedtatt (Fylkestinget, case 12/24, 2020-03-31)"), "{text}");
    assert!(text.contains("Mål og prioriteringer fram mot 2035."), "{text}");
    assert!(text.contains("This plan has no focus areas, goals or measures yet."), "{text}");

    let list = app.get("/plans").await.text();
    assert!(list.contains("Telemark fylkeskommune Title Kind Status Period Internasjonal strategi Strategy Adopted"), "{list}");
}

#[tokio::test]
async fn an_edited_plan_shows_the_new_values() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Lidköpings kommun").kind("municipality").country("SE").insert(&app.store).await;
    let id = PlanBuilder::new(owner, "Mål för internationellt arbete").insert(&app.store).await;

    let form = app.get(&format!("/plans/{id}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"Mål för internationellt arbete\""), "{}", form.body);
    assert!(form.text().contains("Delete this plan"), "{}", form.text());

    let response = app
        .post_form(
            &format!("/plans/{id}"),
            &[
                ("owner_id", &owner.to_string()),
                ("title", "Mål för det internationella arbetet"),
                ("kind", "policy"),
                ("status", "expired"),
            ],
        )
        .await;
    assert_eq!(response.status, 303);
    assert_eq!(response.location(), Some(format!("/plans/{id}").as_str()));
    let text = app.get(&format!("/plans/{id}")).await.text();
    assert!(text.contains("Mål för det internationella arbetet"), "{text}");
    assert!(text.contains("Kind Policy Status Expired"), "{text}");
}

#[tokio::test]
async fn a_rejected_plan_form_keeps_what_was_typed_and_says_what_is_wrong_beside_each_field() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let vestfold = OrganisationBuilder::new("Vestfold fylkeskommune").insert(&app.store).await;
    let foreign = DecisionBuilder::new(vestfold, "Vestfolds vedtak").insert(&app.store).await;
    let before = plan_count(&app).await;

    let response = app
        .post_form(
            "/plans",
            &[
                ("owner_id", &telemark.to_string()),
                ("title", "   "),
                ("kind", "strategy"),
                ("status", "draft"),
                ("period_start", "2025-01-01"),
                ("period_end", "2024-06-30"),
                ("decision_id", &foreign.to_string()),
                ("description", "Typed text <kept> & escaped"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Please correct the following"), "{text}");
    assert!(text.contains("Title (required) This field is required."), "{text}");
    assert!(text.contains("Period end (YYYY-MM-DD) The end date is before the start date."), "{text}");
    assert!(text.contains("Decision This belongs to another authority."), "{text}");
    let body = &response.body;
    assert!(body.contains("value=\"2025-01-01\""), "{body}");
    assert!(body.contains("value=\"2024-06-30\""), "{body}");
    assert!(body.contains("Typed text &#60;kept&#62; &#38; escaped") || body.contains("Typed text &lt;kept&gt; &amp; escaped"), "{body}");
    assert!(body.contains(&format!("<option value=\"{telemark}\" selected>")), "{body}");
    assert!(body.contains(&format!("<option value=\"{foreign}\" selected>")), "{body}");
    assert!(body.contains("<option value=\"strategy\" selected>"), "{body}");
    assert_eq!(plan_count(&app).await, before, "nothing is written");

    let id = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let response = app
        .post_form(&format!("/plans/{id}"), &[("owner_id", &telemark.to_string()), ("title", ""), ("kind", "plan"), ("status", "draft")])
        .await;
    assert_eq!(response.status, 422);
    assert!(response.text().contains("Edit plan: Telemarksplanen"), "{}", response.text());
    assert!(response.text().contains("Title (required) This field is required."), "{}", response.text());
    assert!(app.get(&format!("/plans/{id}")).await.text().contains("Telemarksplanen"));
}

#[tokio::test]
async fn unknown_ids_give_the_not_found_page() {
    let app = TestApp::new().await;
    for path in [
        "/plans/999999",
        "/plans/999999/edit",
        "/plans/not-a-number",
        "/plans/999999/focus-areas/new",
        "/plans/999999/goals/new",
        "/plans/999999/measures/new",
        "/goals/999999",
        "/goals/999999/edit",
        "/focus-areas/999999/edit",
        "/measures/999999/edit",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status, 404, "{path}");
        assert!(response.text().contains("Page not found"), "{path}: {}", response.text());
    }
    for path in [
        "/plans/999999",
        "/plans/999999/delete",
        "/plans/999999/goals",
        "/plans/999999/focus-areas",
        "/plans/999999/measures",
        "/goals/999999",
        "/goals/999999/delete",
        "/focus-areas/999999",
        "/measures/999999/delete",
    ] {
        let response = app.post_form(path, &[("title", "x")]).await;
        assert_eq!(response.status, 404, "POST {path}");
    }
}

#[tokio::test]
async fn a_deleted_plan_is_gone() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = PlanBuilder::new(owner, "Utgått plan").insert(&app.store).await;
    let response = app.post_form(&format!("/plans/{id}/delete"), &[]).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.location(), Some("/plans"));
    assert_eq!(app.get(&format!("/plans/{id}")).await.status, 404);
    let list = app.get("/plans").await.text();
    assert!(!list.contains("Utgått plan"), "{list}");
    assert!(list.contains("No plans have been registered yet."), "{list}");
}
