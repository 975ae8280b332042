use samverk_testkit::TestApp;

#[tokio::test]
async fn healthz_answers_ok_once_the_database_answers() {
    let app = TestApp::new().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, 200);
    assert_eq!(response.body, "ok");
}

#[tokio::test]
async fn an_unknown_address_gives_a_404_page_without_internals() {
    let app = TestApp::new().await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status, 404);
    assert!(response.text().contains("Page not found"), "{}", response.text());
}
