use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

/// Telemark with a plan goal, three engagements of different kinds, statuses and years.
async fn portfolio(app: &TestApp) -> (i64, i64, i64) {
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let usn = OrganisationBuilder::new("Universitetet i Sørøst-Norge").kind("university").insert(&app.store).await;
    let plan = PlanBuilder::new(telemark, "Telemarksplanen").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Skapende Telemark").insert(&app.store).await;
    EngagementBuilder::new(telemark, "Østlandssamarbeidet")
        .kind("network")
        .status("active")
        .period("2019-01-01", "")
        .goal(goal, "Felles politikkpåvirkning.")
        .participant(usn, "member")
        .insert(&app.store)
        .await;
    EngagementBuilder::new(telemark, "Bilateral avtale med Minneapolis")
        .kind("bilateral_agreement")
        .status("active")
        .insert(&app.store)
        .await;
    EngagementBuilder::new(telemark, "DigiTV")
        .kind("pre_project")
        .status("ended")
        .period("2021-01-01", "2022-06-30")
        .insert(&app.store)
        .await;
    (telemark, usn, goal)
}

#[tokio::test]
async fn the_list_shows_every_engagement_with_kind_status_and_authority() {
    let app = TestApp::new().await;
    portfolio(&app).await;
    let page = app.get("/engagements").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("3 engagements"), "{text}");
    for expected in ["Østlandssamarbeidet", "Network", "Bilateral agreement", "Pre-project", "Ended", "Telemark fylkeskommune"] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }
}

#[tokio::test]
async fn filters_combine_kind_status_year_goal_organisation_and_text() {
    let app = TestApp::new().await;
    let (telemark, usn, goal) = portfolio(&app).await;
    let cases = [
        ("/engagements?kind=network".to_owned(), "Østlandssamarbeidet"),
        ("/engagements?status=ended".to_owned(), "DigiTV"),
        ("/engagements?year=2021&status=ended".to_owned(), "DigiTV"),
        (format!("/engagements?goal_id={goal}"), "Østlandssamarbeidet"),
        (format!("/engagements?organisation_id={usn}"), "Østlandssamarbeidet"),
        (format!("/engagements?owner_id={telemark}&q=minneapolis"), "Bilateral avtale med Minneapolis"),
        // Folded search: no diacritics, other case.
        ("/engagements?q=ostlandssamarbeidet".to_owned(), "Østlandssamarbeidet"),
        // A participant's name, folded.
        ("/engagements?org=sorost".to_owned(), "Østlandssamarbeidet"),
    ];
    for (path, only) in cases {
        let text = app.get(&path).await.text();
        assert!(text.contains("One engagement"), "{path}: {text}");
        assert!(text.contains(only), "{path}: {text}");
    }
    let text = app.get(&format!("/engagements?organisation_id={usn}")).await.text();
    assert!(text.contains("Only engagements with Universitetet i Sørøst-Norge"), "{text}");
}

#[tokio::test]
async fn when_nothing_matches_the_page_says_so_and_offers_to_widen() {
    let app = TestApp::new().await;
    portfolio(&app).await;
    let page = app.get("/engagements?kind=twin_town&q=vänort").await;
    let text = page.text();
    assert!(text.contains("No engagements match these filters."), "{text}");
    assert!(text.contains("Try another filter or search"), "{text}");
    assert!(text.contains("Without “Kind”") && text.contains("Without “Search text”"), "{text}");
    // The suggestion links keep the other filter.
    assert!(page.body.contains("href=\"/engagements?q=v%C3%A4nort\""), "{}", page.body);
}

#[tokio::test]
async fn the_list_sorts_and_paginates() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Lidköpings kommun").kind("municipality").country("SE").insert(&app.store).await;
    for n in 1..=12 {
        EngagementBuilder::new(owner, &format!("Vänort {n:02}")).kind("twin_town").insert(&app.store).await;
    }
    let first = app.get("/engagements?per_page=5&sort=title&desc=1").await;
    let text = first.text();
    assert!(text.contains("Page 1 of 3") && text.contains("Vänort 12") && !text.contains("Vänort 07"), "{text}");
    assert!(first.body.contains("page=2"), "{}", first.body);
    let last = app.get("/engagements?per_page=5&sort=title&desc=1&page=3").await.text();
    assert!(last.contains("Page 3 of 3") && last.contains("Vänort 01") && !last.contains("Vänort 12"), "{last}");
}

#[tokio::test]
async fn engagements_are_filtered_by_the_country_and_region_of_their_organisations() {
    let app = TestApp::with_demo().await;
    let page = app.get("/engagements").await;
    assert!(page.body.contains("<option value=\"SE\">Sweden</option>"), "{}", page.body);
    let sweden = app.get("/engagements?country=SE").await.text();
    assert!(sweden.contains("Mid Sweden Office") && !sweden.contains("Bærekraftige Vestfold og Telemark"), "{sweden}");
    let vt = app.get("/engagements?region=NO-38").await.text();
    assert!(vt.contains("Bærekraftige Vestfold og Telemark") && !vt.contains("Mid Sweden Office"), "{vt}");
    let vasternorrland = app.get("/engagements?region=SE-22").await.text();
    assert!(vasternorrland.contains("Mid Sweden Office") && !vasternorrland.contains("Bærekraftige"), "{vasternorrland}");
    // By NUTS: Mellersta Norrland (SE32) holds Västernorrland; Västsverige (SE23) does not.
    let nuts = app.get("/engagements?region=SE32").await.text();
    assert!(nuts.contains("Mid Sweden Office") && !nuts.contains("Bærekraftige"), "{nuts}");
    let west = app.get("/engagements?region=SE23").await.text();
    assert!(!west.contains("Mid Sweden Office"), "{west}");
    // Vestfold og Telemark's partnership is in Agder og Sør-Østlandet (NO09), where its successors are.
    let south = app.get("/engagements?region=NO09").await.text();
    assert!(south.contains("Bærekraftige Vestfold og Telemark") && !south.contains("Mid Sweden Office"), "{south}");
}
