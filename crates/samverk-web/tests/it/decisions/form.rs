//! Creating, editing and deleting decisions through the forms.

use samverk_testkit::{DecisionBuilder, EngagementBuilder, OrganisationBuilder, TestApp};

use super::{decision, decision_count};

#[tokio::test]
async fn a_decision_is_created_from_the_form() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    let form = app.get("/decisions/new").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(&format!("<option value=\"{owner}\">Region Västernorrland</option>")), "{}", form.body);
    let response = app
        .post_form(
            "/decisions",
            &[
                ("owner_id", &owner.to_string()),
                ("body", "Landstingsfullmäktige"),
                ("case_number", "LS 2007/123"),
                ("date", "2007-06-20"),
                ("date_precision", "day"),
                ("title", "Internationell policy"),
                ("url", "https://www.rvn.se/policy"),
            ],
        )
        .await;
    assert_eq!(response.status, 303);
    let d = decision(&app, "Internationell policy").await;
    assert_eq!(response.location(), Some(format!("/decisions/{}", d.id).as_str()));
    let page = app.get(&format!("/decisions/{}", d.id)).await;
    let text = page.text();
    assert!(text.contains("Deciding body Landstingsfullmäktige Case number LS 2007/123 Date 2007-06-20"), "{text}");
    assert!(page.body.contains("href=\"https://www.rvn.se/policy\""));
    assert!(text.contains("No plan or engagement is registered as established by this decision."), "{text}");
}

#[tokio::test]
async fn a_rejected_decision_keeps_what_was_typed_and_writes_nothing() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let before = decision_count(&app).await;
    let response = app
        .post_form(
            "/decisions",
            &[
                ("owner_id", &owner.to_string()),
                ("body", "Fylkestinget"),
                ("case_number", "twenty"),
                ("date", "2024-12-32"),
                ("date_precision", "month"),
                ("title", "Telemarksplanen – endelig vedtak"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Please correct the following"), "{text}");
    assert!(text.contains("Case number Wrong format: expected a case number such as 25/20, 2020/1234 or RS 2007/123."), "{text}");
    assert!(text.contains("Date (YYYY-MM-DD) Not a valid date"), "{text}");
    for typed in ["value=\"twenty\"", "value=\"2024-12-32\"", "value=\"Telemarksplanen – endelig vedtak\"", "value=\"Fylkestinget\""] {
        assert!(response.body.contains(typed), "lost {typed}");
    }
    assert!(response.body.contains(&format!("<option value=\"{owner}\" selected>")), "owner lost");
    assert!(response.body.contains("<option value=\"month\" selected>"), "precision lost");
    assert_eq!(decision_count(&app).await, before);

    let missing = app.post_form("/decisions", &[("body", ""), ("title", "")]).await;
    assert_eq!(missing.status, 422);
    let text = missing.text();
    assert!(text.contains("Authority (required) This field is required."), "{text}");
    assert!(text.contains("Deciding body (required) This field is required."), "{text}");
    assert_eq!(decision_count(&app).await, before);
}

fn edit_fields<'a>(owner_id: &'a str, case_number: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("owner_id", owner_id),
        ("body", "Fylkestinget"),
        ("case_number", case_number),
        ("date", "2020-03-31"),
        ("title", "Å utvikle Vestfold og Telemark"),
    ]
}

#[tokio::test]
async fn a_decision_is_edited_and_a_rejected_edit_changes_nothing() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Partnerskap og nettverk").insert(&app.store).await;
    let path = format!("/decisions/{id}");
    let form = app.get(&format!("{path}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Edit the decision “Partnerskap og nettverk”"), "{}", form.text());
    assert!(form.body.contains("value=\"25/20\"") && form.body.contains("value=\"2020-03-31\""));

    let owner_id = owner.to_string();
    let response = app.post_form(&path, &edit_fields(&owner_id, "twenty")).await;
    assert_eq!(response.status, 422);
    assert!(response.body.contains("value=\"Å utvikle Vestfold og Telemark\""));
    assert_eq!(app.store.decision(id).await.ok().flatten().map(|d| d.title), Some("Partnerskap og nettverk".to_owned()));

    let response = app.post_form(&path, &edit_fields(&owner_id, "25/20")).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.location(), Some(path.as_str()));
    assert!(app.get(&path).await.text().contains("Å utvikle Vestfold og Telemark"));
}

#[tokio::test]
async fn a_deleted_decision_leaves_what_it_established() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let id = DecisionBuilder::new(owner, "Partnerskap og nettverk").insert(&app.store).await;
    let engagement = EngagementBuilder::new(owner, "Bærekraftige Vestfold og Telemark").decision(id).insert(&app.store).await;
    let response = app.post_form(&format!("/decisions/{id}/delete"), &[]).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.location(), Some("/decisions?deleted=1"));
    assert!(app.get("/decisions?deleted=1").await.text().contains("The decision was deleted."));
    assert_eq!(app.get(&format!("/decisions/{id}")).await.status, 404);
    assert!(app.store.engagement(engagement).await.ok().flatten().is_some());
}

#[tokio::test]
async fn the_edit_form_keeps_an_owner_that_is_not_an_authority() {
    let app = TestApp::new().await;
    let office = OrganisationBuilder::new("Mid Sweden Office").kind("network_office").country("BE").insert(&app.store).await;
    let id = DecisionBuilder::new(office, "Verksamhetsplan").insert(&app.store).await;
    let form = app.get(&format!("/decisions/{id}/edit")).await;
    assert!(form.body.contains(&format!("<option value=\"{office}\" selected>Mid Sweden Office</option>")), "{}", form.body);
    // Only authorities are offered otherwise.
    assert!(!app.get("/decisions/new").await.body.contains("Mid Sweden Office"));
}
