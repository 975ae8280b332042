use samverk_store::engagement::EngagementFilter;
use samverk_testkit::{DecisionBuilder, EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

async fn count(app: &TestApp) -> i64 {
    app.store.engagements(&EngagementFilter::default()).await.unwrap_or_else(|e| panic!("{e}")).total
}

#[tokio::test]
async fn an_adviser_creates_an_engagement_and_sees_it() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let decision = DecisionBuilder::new(owner, "Ny nettverksstruktur").insert(&app.store).await;
    let form = app.get(&format!("/engagements/new?owner_id={owner}")).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Ny nettverksstruktur"), "the decision is offered: {}", form.text());
    let owner_field = owner.to_string();
    let decision_field = decision.to_string();
    let response = app
        .post_form(
            "/engagements",
            &[
                ("owner_id", owner_field.as_str()),
                ("title", "Møteplass Telemark"),
                ("kind", "meeting_place"),
                ("status", "active"),
                ("description", "Årlig konferanse"),
                ("start", "2024-01-01"),
                ("decision_id", decision_field.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status, 303);
    let location = response.location().unwrap_or_default().to_owned();
    let page = app.get(&location).await.text();
    assert!(page.contains("Møteplass Telemark") && page.contains("Meeting place") && page.contains("from 2024-01-01"), "{page}");
    assert!(page.contains("Ny nettverksstruktur"), "{page}");
}

#[tokio::test]
async fn a_rejected_form_keeps_what_was_typed_and_names_each_field() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let owner_field = owner.to_string();
    let response = app
        .post_form(
            "/engagements",
            &[
                ("owner_id", owner_field.as_str()),
                ("title", ""),
                ("kind", "network"),
                ("status", "proposed"),
                ("description", "En lang beskrivelse som ikke skal gå tapt"),
                ("start", "2024-05-01"),
                ("end", "2023-01-01"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Please correct the following"), "{text}");
    assert!(text.contains("This field is required."), "{text}");
    assert!(text.contains("The end date is before the start date."), "{text}");
    assert!(response.body.contains("En lang beskrivelse som ikke skal gå tapt"), "the description is kept");
    assert!(response.body.contains("value=\"2024-05-01\"") && response.body.contains("value=\"2023-01-01\""), "the dates are kept");
    assert!(response.body.contains("aria-invalid=\"true\" aria-describedby=\"error-title\""), "the error is tied to the field");
    assert_eq!(count(&app).await, 0, "nothing is written");
}

#[tokio::test]
async fn an_active_network_needs_a_main_goal_and_the_form_says_why() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Inkluderende Telemark").insert(&app.store).await;
    let owner_field = owner.to_string();
    let fields = [("owner_id", owner_field.as_str()), ("title", "Nordsjøkommisjonen"), ("kind", "network"), ("status", "active")];
    let refused = app.post_form("/engagements", &fields).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("«Nordsjøkommisjonen» cannot be active without contributing to a main goal"), "{}", refused.text());
    assert_eq!(count(&app).await, 0);

    let goal_field = goal.to_string();
    let mut with_goal = fields.to_vec();
    with_goal.extend([("goal_id", goal_field.as_str()), ("how", "Politisk påvirkning i Nordsjøregionen.")]);
    let accepted = app.post_form("/engagements", &with_goal).await;
    assert_eq!(accepted.status, 303, "{}", accepted.text());
    let page = app.get(accepted.location().unwrap_or_default()).await.text();
    assert!(page.contains("Inkluderende Telemark") && page.contains("Politisk påvirkning i Nordsjøregionen."), "{page}");
}

#[tokio::test]
async fn the_last_goal_of_an_active_network_cannot_be_removed() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Naturrike Telemark").insert(&app.store).await;
    let id = EngagementBuilder::new(owner, "Klimanettverk").status("active").goal(goal, "Klimatiltak.").insert(&app.store).await;
    let page = app.store.engagement_page(id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("engagement"));
    let contribution = page.contributions[0].id;
    let response = app.post_form(&format!("/engagements/{id}/contributions/{contribution}/delete"), &[]).await;
    assert_eq!(response.status, 422);
    assert!(response.text().contains("cannot be active without contributing to a main goal"), "{}", response.text());
    let after = app.get(&format!("/engagements/{id}")).await.text();
    assert!(after.contains("Naturrike Telemark"), "the contribution is still there: {after}");
}

#[tokio::test]
async fn participants_are_added_once_per_role_and_a_duplicate_is_named() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let nav = OrganisationBuilder::new("NAV Vestfold og Telemark").kind("state_agency").insert(&app.store).await;
    let id = EngagementBuilder::new(owner, "Bærekraftige Vestfold og Telemark").kind("partnership").insert(&app.store).await;
    let nav_field = nav.to_string();
    let path = format!("/engagements/{id}/participants");
    let first = app.post_form(&path, &[("organisation_id", nav_field.as_str()), ("role", "member")]).await;
    assert_eq!(first.status, 303);
    let again = app.post_form(&path, &[("organisation_id", nav_field.as_str()), ("role", "member")]).await;
    assert_eq!(again.status, 422);
    assert!(again.text().contains("This is already registered."), "{}", again.text());
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(page.contains("Members (1)") && page.contains("NAV Vestfold og Telemark"), "{page}");
}

#[tokio::test]
async fn a_goal_of_another_authority_is_refused() {
    let app = TestApp::new().await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let vestfold = OrganisationBuilder::new("Vestfold fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(vestfold, "Vestfolds plan").insert(&app.store).await;
    let foreign_goal = GoalBuilder::new(plan, "Vestfolds mål").insert(&app.store).await;
    let id = EngagementBuilder::new(telemark, "Telemarks nettverk").insert(&app.store).await;
    let goal_field = foreign_goal.to_string();
    let response = app.post_form(&format!("/engagements/{id}/contributions"), &[("goal_id", goal_field.as_str()), ("how", "Test")]).await;
    assert_eq!(response.status, 422);
    assert!(response.text().contains("This belongs to another authority."), "{}", response.text());
}

#[tokio::test]
async fn editing_keeps_the_record_and_deleting_removes_it() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Lidköpings kommun").kind("municipality").country("SE").insert(&app.store).await;
    let id = EngagementBuilder::new(owner, "Vänort Hamar").kind("twin_town").insert(&app.store).await;
    let edit = app.get(&format!("/engagements/{id}/edit")).await;
    assert!(edit.body.contains("value=\"Vänort Hamar\""), "{}", edit.body);
    let owner_field = owner.to_string();
    let saved = app
        .post_form(
            &format!("/engagements/{id}"),
            &[("owner_id", owner_field.as_str()), ("title", "Vänort Hamar"), ("kind", "twin_town"), ("status", "paused")],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert!(app.get(&format!("/engagements/{id}")).await.text().contains("Paused"));
    let deleted = app.post_form(&format!("/engagements/{id}/delete"), &[]).await;
    assert_eq!(deleted.status, 303);
    assert_eq!(app.get(&format!("/engagements/{id}")).await.status, 404);
}

/// An engagement of the Swedish municipality's with the registers loaded, and its form's path.
async fn with_registers(title: &str) -> (TestApp, i64, String) {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let owner = OrganisationBuilder::new("Skaraborgs kommunalförbund").country("SE").insert(&app.store).await;
    let id = EngagementBuilder::new(owner, title).kind("partnership").insert(&app.store).await;
    (app, id, format!("/engagements/{id}/participants"))
}

#[tokio::test]
async fn typing_a_name_without_its_accents_adds_the_register_s_organisation() {
    let (app, id, path) = with_registers("Vänortssamarbete").await;
    let form = app.get(&format!("{path}/new")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("data-picker=\"/organisations/search.json?scope=organisation\""), "{}", form.body);
    assert!(form.body.contains("<script src=\"/static/picker.js\" defer></script>"), "{}", form.body);
    let added = app.post_form(&path, &[("organisation_id_q", "Lidkoping"), ("role", "partner")]).await;
    assert_eq!(added.status, 303, "{}", added.text());
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(page.contains("Partners (1)") && page.contains("Lidköpings kommun"), "{page}");
    // A code of the register names its organisation too (SCB 1490: Borås).
    let by_code = app.post_form(&path, &[("organisation_id_q", "1490"), ("role", "partner")]).await;
    assert_eq!(by_code.status, 303, "{}", by_code.text());
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(page.contains("Partners (2)") && page.contains("Borås kommun"), "{page}");
}

#[tokio::test]
async fn an_ambiguous_name_shows_every_candidate_and_the_choice_is_added() {
    let (app, id, path) = with_registers("Energinätverk").await;
    let norwegian = OrganisationBuilder::new("Nordisk energiråd").country("NO").insert(&app.store).await;
    let swedish = OrganisationBuilder::new("Nordisk energiråd").country("SE").insert(&app.store).await;
    let asked = app.post_form(&path, &[("organisation_id_q", "Nordisk energiråd"), ("role", "member")]).await;
    assert_eq!(asked.status, 422);
    let text = asked.text();
    assert!(text.contains("Organisation: More than one organisation in the register fits what you typed."), "{text}");
    assert!(text.contains("Choose the organisation you mean"), "{text}");
    assert!(asked.body.contains("name=\"organisation_id_q\" value=\"Nordisk energiråd\""), "typed text lost: {}", asked.body);
    for (candidate, country) in [(norwegian, "NO"), (swedish, "SE")] {
        assert!(asked.body.contains(&format!("type=\"radio\" id=\"pick-organisation_id-{candidate}\"")), "{}", asked.body);
        assert!(text.contains(&format!("Nordisk energiråd (County, {country})")), "{country}: {text}");
    }
    assert!(asked.body.contains("<option value=\"member\" selected>"), "the role is kept: {}", asked.body);
    let chosen = swedish.to_string();
    let added = app
        .post_form(&path, &[("organisation_id_q", "Nordisk energiråd"), ("organisation_id_pick", chosen.as_str()), ("role", "member")])
        .await;
    assert_eq!(added.status, 303, "{}", added.text());
    let page = app.store.engagement_page(id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("engagement"));
    assert_eq!(page.participants.iter().map(|p| p.organisation_id).collect::<Vec<_>>(), vec![swedish]);
}

#[tokio::test]
async fn a_name_not_in_the_register_is_refused_with_similar_names() {
    let (app, id, path) = with_registers("Vänortssamarbete").await;
    let refused = app.post_form(&path, &[("organisation_id_q", "Lidköpings kommunförbund"), ("role", "partner")]).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(text.contains("No organisation in the register fits what you typed."), "{text}");
    assert!(refused.body.contains("value=\"Lidköpings kommunförbund\""), "typed text lost: {}", refused.body);
    assert!(text.contains("Choose the organisation you mean") && text.contains("Lidköpings kommun (Municipality, SE, 1494)"), "{text}");
    let none = app.post_form(&path, &[("organisation_id_q", "Atlantis"), ("role", "partner")]).await;
    assert_eq!(none.status, 422);
    assert!(none.text().contains("No organisation in the register fits") && !none.body.contains("type=\"radio\""), "{}", none.text());
    let empty = app.post_form(&path, &[("organisation_id_q", ""), ("role", "partner")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Organisation: This field is required."), "{}", empty.text());
    let page = app.store.engagement_page(id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("engagement"));
    assert!(page.participants.is_empty(), "nothing written");
}
