use samverk_store::engagement::EngagementFilter;
use samverk_testkit::TestApp;

#[tokio::test]
async fn the_demo_data_holds_the_facts_of_the_seeds() {
    let app = TestApp::with_demo().await;
    let all = app.store.engagements(&EngagementFilter { per_page: 100, ..Default::default() }).await.unwrap_or_else(|e| panic!("{e}"));
    let titles: Vec<&str> = all.items.iter().map(|e| e.title.as_str()).collect();
    assert!(titles.contains(&"Bærekraftige Vestfold og Telemark"), "{titles:?}");
    assert!(titles.contains(&"Mid Sweden Office"), "{titles:?}");
    let (goals, targets, _) = app.store.sdg_counts().await.unwrap_or_default();
    assert_eq!((goals, targets), (17, 169));
}

#[tokio::test]
async fn the_demo_loads_only_into_an_empty_database() {
    let app = TestApp::with_demo().await;
    let again = samverk_import::demo::load(&app.store).await;
    let message = again.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("already holds data"), "{message}");
}
