//! Creating, editing and deleting organisations through the forms.

use samverk_testkit::{EngagementBuilder, OrganisationBuilder, TestApp};

use super::{org_count, org_id};

#[tokio::test]
async fn an_organisation_is_created_from_the_form() {
    let app = TestApp::new().await;
    let form = app.get("/organisations/new").await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("New organisation"), "{}", form.text());
    let response = app
        .post_form(
            "/organisations",
            &[
                ("name", "Tønsberg kommune"),
                ("kind", "municipality"),
                ("country", "no"),
                ("org_number", "921 383 681"),
                ("region_code", "3803"),
                ("valid_from", "2020-01-01"),
            ],
        )
        .await;
    assert_eq!(response.status, 303);
    let id = org_id(&app, "Tønsberg kommune").await;
    assert_eq!(response.location(), Some(format!("/organisations/{id}").as_str()));
    let text = app.get(&format!("/organisations/{id}")).await.text();
    assert!(text.contains("Municipality · NO"), "{text}");
    assert!(text.contains("Organisation number 921383681"), "{text}");
    assert!(text.contains("from 2020-01-01"), "{text}");
}

#[tokio::test]
async fn a_rejected_organisation_keeps_what_was_typed_and_writes_nothing() {
    let app = TestApp::new().await;
    let before = org_count(&app).await;
    let response = app
        .post_form(
            "/organisations",
            &[
                ("name", "Tønsberg kommune"),
                ("name_en", "Tønsberg Municipality"),
                ("kind", "municipality"),
                ("country", "Norway"),
                ("org_number", "921383682"),
                ("valid_from", "2024-01-01"),
                ("valid_to", "2023-12-31"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Please correct the following"), "{text}");
    // Each message beside its field, after the label.
    assert!(text.contains("Country (required) Wrong format: expected a two-letter ISO 3166-1 country code"), "{text}");
    assert!(
        text.contains("Organisation number Wrong format: expected a nine-digit Norwegian organisation number with a valid check digit"),
        "{text}"
    );
    assert!(text.contains("Valid to (YYYY-MM-DD) The end date is before the start date."), "{text}");
    for typed in
        ["value=\"Tønsberg kommune\"", "value=\"Tønsberg Municipality\"", "value=\"Norway\"", "value=\"921383682\"", "value=\"2023-12-31\""]
    {
        assert!(response.body.contains(typed), "lost {typed}");
    }
    assert!(response.body.contains("<option value=\"municipality\" selected>"), "kind lost");
    assert!(
        response.body.contains("<select id=\"field-country\" name=\"country\" required aria-invalid=\"true\"")
            && response.body.contains("<option value=\"Norway\" selected>Norway</option>"),
        "{}",
        response.body
    );
    assert_eq!(org_count(&app).await, before);
}

#[tokio::test]
async fn an_organisation_is_edited_and_a_rejected_edit_changes_nothing() {
    let app = TestApp::new().await;
    let id = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let form = app.get(&format!("/organisations/{id}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Edit Telemark fylkeskommune"), "{}", form.text());
    assert!(form.body.contains("value=\"Telemark fylkeskommune\""));
    assert!(form.body.contains("<option value=\"county\" selected>"));

    let path = format!("/organisations/{id}");
    let bad = app.post_form(&path, &[("name", "Telemark fylke"), ("kind", "county"), ("country", "NO"), ("nuts_code", "9")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("NUTS code Wrong format: expected a NUTS code such as NO08 or SE321"), "{}", bad.text());
    assert!(bad.body.contains("value=\"Telemark fylke\""));
    assert_eq!(app.store.organisation(id).await.ok().flatten().map(|o| o.name), Some("Telemark fylkeskommune".to_owned()));

    let good =
        app.post_form(&path, &[("name", "Telemark fylkeskommune"), ("kind", "county"), ("country", "NO"), ("nuts_code", "no094")]).await;
    assert_eq!(good.status, 303);
    assert_eq!(good.location(), Some(path.as_str()));
    assert!(app.get(&path).await.text().contains("NUTS code NO094"));
}

#[tokio::test]
async fn an_organisation_in_use_is_not_deleted_and_the_page_says_why() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let member = OrganisationBuilder::new("Avinor").kind("company").insert(&app.store).await;
    EngagementBuilder::new(owner, "Møteplass Telemark").participant(member, "member").insert(&app.store).await;

    let response = app.post_form(&format!("/organisations/{member}/delete"), &[]).await;
    assert_eq!(response.status, 409);
    let text = response.text();
    assert!(text.contains("Avinor cannot be deleted: it is still in use. It owns or takes part in engagements."), "{text}");
    assert!(text.contains("nothing has been deleted"), "{text}");
    assert!(text.contains("Members Møteplass Telemark"), "{text}");
    assert!(app.store.organisation(member).await.ok().flatten().is_some());
    assert_eq!(app.store.participations(member).await.map(|p| p.len()).ok(), Some(1));
}

#[tokio::test]
async fn an_unused_organisation_is_deleted() {
    let app = TestApp::new().await;
    let id = OrganisationBuilder::new("Nedlagt kommune").kind("municipality").insert(&app.store).await;
    let response = app.post_form(&format!("/organisations/{id}/delete"), &[]).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.location(), Some("/organisations?deleted=1"));
    assert!(app.get("/organisations?deleted=1").await.text().contains("The organisation was deleted."));
    assert_eq!(app.get(&format!("/organisations/{id}")).await.status, 404);
    assert_eq!(app.post_form(&format!("/organisations/{id}/delete"), &[]).await.status, 404);
}

#[tokio::test]
async fn the_country_is_chosen_by_name_from_the_iso_register() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let form = app.get("/organisations/new").await;
    assert!(form.body.contains("<select id=\"field-country\" name=\"country\" required>"), "{}", form.body);
    assert!(form.body.contains("<option value=\"IS\">Iceland</option>"), "{}", form.body);
    let swedish = app.get("/organisations/new?lang=sv").await;
    assert!(swedish.body.contains("<option value=\"IS\">Island</option>"), "{}", swedish.body);
    let fields = [("name", "Reykjavíkurborg"), ("kind", "municipality"), ("country", "IS")];
    let created = app.post_form("/organisations", &fields).await;
    assert_eq!(created.status, 303, "{}", created.text());
    let path = created.location().unwrap_or_default().to_owned();
    let edit = app.get(&format!("{path}/edit")).await;
    assert!(edit.body.contains("<option value=\"IS\" selected>Iceland</option>"), "{}", edit.body);
}
