use samverk_testkit::TestApp;

async fn engagement_id(app: &TestApp, title: &str) -> i64 {
    let filter = samverk_store::engagement::EngagementFilter { q: Some(title.into()), ..Default::default() };
    let page = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}"));
    page.items.iter().find(|e| e.title == title).map(|e| e.id).unwrap_or_else(|| panic!("no engagement {title}"))
}

#[tokio::test]
async fn the_partnership_page_groups_members_and_observers_and_names_its_decision() {
    let app = TestApp::with_demo().await;
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let page = app.get(&format!("/engagements/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Members (11)"), "{text}");
    assert!(text.contains("Observers (7)"), "{text}");
    for org in ["Universitetet i Sørøst-Norge", "Statsforvalteren i Vestfold og Telemark", "Nye Veier", "Kystverket", "NVE"] {
        assert!(text.contains(org), "missing {org}: {text}");
    }
    assert!(text.contains("Fylkestinget") && text.contains("25/20") && text.contains("2020-03-31"), "{text}");
    // The four thematic networks sit under it.
    assert!(text.contains("Sub-engagements"), "{text}");
    let children = page.body.matches("Thematic network").count();
    assert_eq!(children, 4, "{text}");
}

#[tokio::test]
async fn a_thematic_network_links_to_its_parent_partnership() {
    let app = TestApp::with_demo().await;
    let parent = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let network = app
        .store
        .engagements(&samverk_store::engagement::EngagementFilter {
            kind: Some(samverk_domain::engagement::EngagementKind::ThematicNetwork),
            ..Default::default()
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let child = network.items.first().map(|e| e.id).unwrap_or_else(|| panic!("no thematic network"));
    let page = app.get(&format!("/engagements/{child}")).await;
    assert!(page.body.contains(&format!("href=\"/engagements/{parent}\"")), "{}", page.body);
    assert!(page.text().contains("Part of Bærekraftige Vestfold og Telemark"), "{}", page.text());
}

#[tokio::test]
async fn mid_sweden_office_shows_the_goal_it_serves_and_how() {
    let app = TestApp::with_demo().await;
    let id = engagement_id(&app, "Mid Sweden Office").await;
    let text = app.get(&format!("/engagements/{id}")).await.text();
    assert!(text.contains("Goals it contributes to"), "{text}");
    assert!(text.contains("Ge Västernorrland goda utvecklingsförutsättningar"), "{text}");
    assert!(text.contains("politisk bevakning"), "{text}");
}

#[tokio::test]
async fn an_unknown_engagement_is_a_404_page() {
    let app = TestApp::new().await;
    let page = app.get("/engagements/999999").await;
    assert_eq!(page.status, 404);
    assert!(page.text().contains("Page not found"));
    assert_eq!(app.get("/engagements/not-a-number").await.status, 400);
}

#[tokio::test]
async fn participants_come_a_hundred_to_a_page() {
    use samverk_testkit::{EngagementBuilder, OrganisationBuilder};
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Nettverkseier").insert(&app.store).await;
    let mut network = EngagementBuilder::new(owner, "Stort nettverk");
    for n in 1..=130 {
        let member = OrganisationBuilder::new(&format!("Medlem {n:03}")).insert(&app.store).await;
        network = network.participant(member, if n <= 120 { "member" } else { "observer" });
    }
    let id = network.insert(&app.store).await;
    let first = app.get(&format!("/engagements/{id}")).await;
    assert_eq!(first.status, 200);
    let text = first.text();
    assert!(text.contains("Members (120)") && text.contains("Page 1 of 2"), "{text}");
    assert!(text.contains("Medlem 100") && !text.contains("Medlem 101"), "the first hundred members only: {text}");
    assert!(!text.contains("Observers"), "observers come after the members: {text}");
    assert!(first.body.contains(&format!("href=\"/engagements/{id}?page=2#participants-heading\"")), "{}", first.body);
    let second = app.get(&format!("/engagements/{id}?page=2")).await.text();
    assert!(second.contains("Page 2 of 2") && second.contains("Members (120)") && second.contains("Observers (10)"), "{second}");
    assert!(second.contains("Medlem 101") && second.contains("Medlem 130") && !second.contains("Medlem 100"), "{second}");
    let nonsense = app.get(&format!("/engagements/{id}?page=x")).await;
    assert!(nonsense.status == 200 && nonsense.text().contains("Page 1 of 2"), "{}", nonsense.text());
}
