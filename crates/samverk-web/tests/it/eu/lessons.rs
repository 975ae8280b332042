//! Lessons learned: required before an EU project ends, addressed to departments or goals,
//! marked as read, and listed until spread.

use samverk_testkit::euproj::{EuProjectBuilder, lesson};
use samverk_testkit::{OrganisationBuilder, TestApp};

async fn end_project(app: &TestApp, id: i64, owner: i64) -> samverk_testkit::TestResponse {
    app.post_form(
        &format!("/engagements/{id}"),
        &[
            ("owner_id", &owner.to_string()),
            ("kind", "eu_project"),
            ("title", "Nordic Bridges"),
            ("status", "ended"),
            ("start", "2023-01-01"),
            ("end", "2026-12-31"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_project_cannot_be_ended_before_its_lessons_are_written() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Västernorrland").kind("region").country("SE").insert(&app.store).await;
    let id = EuProjectBuilder::new(owner, "Nordic Bridges").insert(&app.store).await;
    let refused = end_project(&app, id, owner).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("An EU project cannot be ended before its lessons learned are written."), "{}", refused.text());
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(page.contains("Status Active"), "nothing written: {page}");

    lesson(&app.store, id, "Start the partner search early", "Regional utveckling").await;
    let ended = end_project(&app, id, owner).await;
    assert_eq!(ended.status, 303, "{}", ended.text());
    assert!(app.get(&format!("/engagements/{id}")).await.text().contains("Status Ended"));
}

#[tokio::test]
async fn a_lesson_is_written_read_and_leaves_the_list_once_spread() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let id = EuProjectBuilder::new(owner, "Green Ports").insert(&app.store).await;

    let no_addressee =
        app.post_form(&format!("/engagements/{id}/eu/lessons"), &[("title", "Share data"), ("lesson_text", "Agree on data early.")]).await;
    assert_eq!(no_addressee.status, 422);
    assert!(no_addressee.text().contains("Departments Address the lesson to at least one department or goal."), "{}", no_addressee.text());
    assert!(no_addressee.body.contains("Agree on data early."), "typed text kept");

    let created = app
        .post_form(
            &format!("/engagements/{id}/eu/lessons"),
            &[("title", "Share data"), ("lesson_text", "Agree on data early."), ("addressed_departments", "Næring, Kultur")],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.text());
    let lesson_path = created.location().unwrap_or_default().to_owned();

    let list = app.get("/lessons").await.text();
    assert!(list.contains("Share data Green Ports"), "{list}");
    assert!(list.contains("Næring, Kultur"), "not reached yet: {list}");

    let nameless = app.post_form(&format!("{lesson_path}/read"), &[("reader_name", ""), ("read_on", "2025-09-01")]).await;
    assert_eq!(nameless.status, 422);
    assert!(nameless.text().contains("Name (required) This field is required."), "{}", nameless.text());

    let read = app
        .post_form(
            &format!("{lesson_path}/read"),
            &[("reader_name", "Kari Nordmann"), ("reader_department", "næring"), ("read_on", "2025-09-01")],
        )
        .await;
    assert_eq!(read.status, 303);
    let page = app.get(&lesson_path).await.text();
    assert!(page.contains("Kari Nordmann næring 2025-09-01"), "{page}");
    assert!(page.contains("Not yet read in: Kultur."), "{page}");
    assert!(app.get("/lessons").await.text().contains("Share data"), "still not spread");

    app.post_form(
        &format!("{lesson_path}/read"),
        &[("reader_name", "Ola Svensson"), ("reader_department", "Kultur"), ("read_on", "2025-09-02")],
    )
    .await;
    assert!(app.get(&lesson_path).await.text().contains("This lesson has reached everyone it is addressed to."));
    let list = app.get("/lessons").await.text();
    assert!(!list.contains("Share data"), "spread lessons leave the list: {list}");
    assert!(app.get("/lessons?all=1").await.text().contains("Share data"));
}
