//! The organisation page: history, roles, authority links, adding a predecessor.

use samverk_testkit::{OrganisationBuilder, TestApp};

use super::org_id;

#[tokio::test]
async fn vestfold_og_telemark_shows_its_two_successors_with_the_date() {
    let app = TestApp::with_demo().await;
    let id = org_id(&app, "Vestfold og Telemark fylkeskommune").await;
    let response = app.get(&format!("/organisations/{id}")).await;
    assert_eq!(response.status, 200);
    let text = response.text();
    assert!(text.contains("Successors Organisation Date Telemark fylkeskommune 2024-01-01 Vestfold fylkeskommune 2024-01-01"), "{text}");
    assert!(text.contains("No predecessors registered."), "{text}");
    assert!(text.contains("County"), "{text}");
    assert!(text.contains("2020-01-01 – 2023-12-31"), "{text}");
    let telemark = org_id(&app, "Telemark fylkeskommune").await;
    assert!(response.body.contains(&format!("href=\"/organisations/{telemark}\"")), "successor not linked");
}

#[tokio::test]
async fn telemark_shows_its_predecessor_identifiers_and_roles() {
    let app = TestApp::with_demo().await;
    let id = org_id(&app, "Telemark fylkeskommune").await;
    let response = app.get(&format!("/organisations/{id}")).await;
    assert_eq!(response.status, 200);
    let text = response.text();
    assert!(text.contains("Predecessors Organisation Date Vestfold og Telemark fylkeskommune 2024-01-01"), "{text}");
    assert!(text.contains("NUTS code NO094"), "{text}");
    assert!(text.contains("Name (English) Telemark County Municipality"), "{text}");
    // Grouped by role: a member of the partnership, a partner in DigiTV.
    assert!(
        text.contains("Members Bærekraftige Vestfold og Telemark (Partnership, Ended, owned by Vestfold og Telemark fylkeskommune)"),
        "{text}"
    );
    assert!(text.contains("Partners DigiTV (Digitale Telemark og Vestfold)"), "{text}");
    // An authority: its plans and the lists of what it owns.
    assert!(text.contains("As an authority"), "{text}");
    assert!(text.contains("Telemarksplanen"), "{text}");
    assert!(response.body.contains(&format!("href=\"/engagements?owner_id={id}\"")), "no link to its engagements");
}

#[tokio::test]
async fn an_observer_is_listed_under_observers_and_has_no_authority_section() {
    let app = TestApp::with_demo().await;
    let id = org_id(&app, "Avinor").await;
    let text = app.get(&format!("/organisations/{id}")).await.text();
    assert!(text.contains("Observers Bærekraftige Vestfold og Telemark"), "{text}");
    assert!(!text.contains("Members Bærekraftige"), "{text}");
    assert!(!text.contains("As an authority"), "{text}");
}

#[tokio::test]
async fn an_unknown_organisation_is_a_404_page() {
    let app = TestApp::new().await;
    for path in ["/organisations/999999", "/organisations/not-a-number", "/organisations/999999/edit"] {
        let response = app.get(path).await;
        assert_eq!(response.status, 404, "{path}");
        assert!(response.text().contains("Page not found"), "{path}: {}", response.text());
    }
    let response = app.post_form("/organisations/999999/predecessors", &[("predecessor_id", "1"), ("date", "2024-01-01")]).await;
    assert_eq!(response.status, 404);
}

#[tokio::test]
async fn a_predecessor_is_picked_by_typing_its_name() {
    let app = TestApp::new().await;
    let old = OrganisationBuilder::new("Sogn og Fjordane fylkeskommune").insert(&app.store).await;
    OrganisationBuilder::new("Hordaland fylkeskommune").insert(&app.store).await;
    let new = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;

    let form = app.get(&format!("/organisations/{new}")).await;
    assert!(form.body.contains("name=\"predecessor_id_q\"") && form.text().contains("Predecessor (required)"), "{}", form.body);
    // Without the words for the kind of body, in lower case: the importers' normalised name.
    let path = format!("/organisations/{new}/predecessors");
    let response = app.post_form(&path, &[("predecessor_id_q", "sogn og fjordane"), ("date", "2020-01-01")]).await;
    assert_eq!(response.status, 303, "{}", response.text());
    assert_eq!(response.location(), Some(format!("/organisations/{new}").as_str()));
    let text = app.get(&format!("/organisations/{new}")).await.text();
    assert!(text.contains("Predecessors Organisation Date Sogn og Fjordane fylkeskommune 2020-01-01"), "{text}");
    let text = app.get(&format!("/organisations/{old}")).await.text();
    assert!(text.contains("Successors Organisation Date Vestland fylkeskommune 2020-01-01"), "{text}");
}

#[tokio::test]
async fn a_predecessor_of_a_name_two_organisations_share_is_chosen_from_both() {
    let app = TestApp::new().await;
    let first = OrganisationBuilder::new("Fjordregionen").country("NO").insert(&app.store).await;
    let second = OrganisationBuilder::new("Fjordregionen").country("IS").insert(&app.store).await;
    let new = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let path = format!("/organisations/{new}/predecessors");
    let asked = app.post_form(&path, &[("predecessor_id_q", "Fjordregionen"), ("date", "2020-01-01")]).await;
    assert_eq!(asked.status, 422);
    let text = asked.text();
    assert!(text.contains("More than one organisation in the register fits what you typed"), "{text}");
    assert!(asked.body.contains("name=\"predecessor_id_q\" value=\"Fjordregionen\""), "typed text lost: {}", asked.body);
    for id in [first, second] {
        assert!(asked.body.contains(&format!("name=\"predecessor_id_pick\" value=\"{id}\"")), "candidate {id}: {}", asked.body);
    }
    assert!(text.contains(", NO)") && text.contains(", IS)"), "the country tells the two apart: {text}");
    let chosen = second.to_string();
    let response = app
        .post_form(&path, &[("predecessor_id_q", "Fjordregionen"), ("predecessor_id_pick", chosen.as_str()), ("date", "2020-01-01")])
        .await;
    assert_eq!(response.status, 303, "{}", response.text());
    let (predecessors, _) = app.store.successions(new).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(predecessors.iter().map(|p| p.organisation_id).collect::<Vec<_>>(), vec![second]);
}

#[tokio::test]
async fn a_rejected_predecessor_keeps_the_typed_values_and_writes_nothing() {
    let app = TestApp::new().await;
    let old = OrganisationBuilder::new("Sogn og Fjordane fylkeskommune").insert(&app.store).await;
    let new = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let path = format!("/organisations/{new}/predecessors");
    let old_field = old.to_string();
    let typed =
        [("predecessor_id", old_field.as_str()), ("predecessor_id_q", "Sogn og Fjordane fylkeskommune"), ("date", "1. januar 2020")];
    let response = app.post_form(&path, &typed).await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Not a valid date; write it as YYYY-MM-DD"), "{text}");
    assert!(response.body.contains("value=\"1. januar 2020\""), "typed date lost");
    assert!(response.body.contains(&format!("name=\"predecessor_id\" value=\"{old}\"")), "chosen predecessor lost");
    assert!(response.body.contains("name=\"predecessor_id_q\" value=\"Sogn og Fjordane fylkeskommune\""), "name lost");
    let (predecessors, _) = app.store.successions(new).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(predecessors.is_empty());

    // Itself as its own predecessor, and no choice at all.
    let own = app.post_form(&path, &[("predecessor_id", &new.to_string()), ("date", "2020-01-01")]).await;
    assert_eq!(own.status, 422);
    assert!(own.text().contains("This would make the record its own parent."), "{}", own.text());
    let none = app.post_form(&path, &[("predecessor_id", ""), ("date", "2020-01-01")]).await;
    assert_eq!(none.status, 422);
    assert!(none.text().contains("Predecessor: This field is required."), "{}", none.text());
}
