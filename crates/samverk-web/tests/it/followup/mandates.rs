//! Representatives, mandates, reports back, the lists of reports due, and attachments.

use samverk_testkit::followup::{MandateBuilder, person, report};
use samverk_testkit::{EngagementBuilder, TestApp};

use super::{authority, count, days_ago, iso, today};

#[tokio::test]
async fn a_representative_gets_a_mandate_and_sees_her_report_is_overdue() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let mso = EngagementBuilder::new(owner, "Mid Sweden Office").kind("membership").insert(&app.store).await;
    let created = app
        .post_form(
            "/people",
            &[
                ("owner_id", &owner.to_string()),
                ("name", "Eva Exempelsson"),
                ("person_title", "Ledamot"),
                ("department", "Regionstaben"),
                ("email", "eva@example.org"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.text());
    let person_path = created.location().expect("location").to_owned();
    let person_id = person_path.trim_start_matches("/people/").to_owned();
    let start = iso(days_ago(400));
    let mandate = app
        .post_form(
            "/mandates",
            &[
                ("engagement_id", &mso.to_string()),
                ("person_id", &person_id),
                ("mandate_role", "board_member"),
                ("mandate_body", "Regionala nämnden"),
                ("case_number", "RS 2023/12"),
                ("start", &start),
                ("instructions", "Bevaka regionens intressen i Bryssel."),
                ("report_to", "Regionala nämnden"),
                ("frequency", "yearly"),
            ],
        )
        .await;
    assert_eq!(mandate.status, 303, "{}", mandate.text());
    let mandate_path = mandate.location().expect("location").to_owned();

    // Yearly from 400 days ago, no report yet: due 35 days ago (the day clamps at month ends).
    let page = app.get(&person_path).await;
    let text = page.text();
    assert!(text.contains("Eva Exempelsson"), "{text}");
    assert!(text.contains("Mid Sweden Office Board member Regionala nämnden, yearly no report yet"), "{text}");
    assert!(text.contains("Overdue"), "{text}");
    assert!(text.contains("Bevaka regionens intressen i Bryssel."), "{text}");

    let due = app.get("/mandates").await.text();
    assert!(due.contains("One report back is overdue."), "{due}");
    assert!(due.contains("Reports to Regionala nämnden"), "{due}");

    // She reports today: the next report is due in a year and nothing is overdue.
    let posted = app
        .post_form(
            &format!("{mandate_path}/reports"),
            &[("date", &iso(today())), ("meetings", "Styrelsemöte"), ("text", "Återrapport om årets arbete.")],
        )
        .await;
    assert_eq!(posted.status, 303, "{}", posted.text());
    let page = app.get(&mandate_path).await.text();
    assert!(page.contains("Återrapport om årets arbete."), "{page}");
    assert!(page.contains("Covers: Styrelsemöte"), "{page}");
    assert!(page.contains("Upcoming"), "{page}");
    let due = app.get("/mandates").await.text();
    assert!(due.contains("No report back is overdue or due within 30 days."), "{due}");
}

#[tokio::test]
async fn a_report_for_a_mandate_that_had_ended_is_refused_beside_the_date() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let e = EngagementBuilder::new(owner, "Nätverket").kind("membership").insert(&app.store).await;
    let p = person(&app.store, owner, "Anna").await;
    let m = MandateBuilder::new(e, Some(p), &iso(days_ago(500))).end(&iso(days_ago(10))).insert(&app.store).await;
    let before = count(&app, "SELECT COUNT(*) FROM report_backs").await;
    let response = app.post_form(&format!("/mandates/{m}/reports"), &[("date", &iso(today())), ("text", "För sent")]).await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("the mandate had ended before this date"), "{text}");
    assert!(response.body.contains("aria-invalid=\"true\" aria-describedby=\"error-date\""), "the error is beside the date field");
    assert!(response.body.contains(">För sent</textarea>"), "what was typed is kept");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_backs").await, before);
    // The ended mandate is flagged.
    let due = app.get("/mandates").await.text();
    assert!(due.contains(&format!("Period ended {}", iso(days_ago(10)))), "{due}");
}

#[tokio::test]
async fn a_mandate_without_a_holder_is_flagged_and_bad_input_is_named() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let e = EngagementBuilder::new(owner, "Folkehelse").kind("thematic_network").insert(&app.store).await;
    let response = app
        .post_form(
            "/mandates",
            &[
                ("engagement_id", &e.to_string()),
                ("mandate_role", "delegate"),
                ("start", "2025-01-01"),
                ("end", "2024-01-01"),
                ("frequency", "monthly"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(text.contains("Body that gave the mandate: This field is required."), "{text}");
    assert!(text.contains("End date: The end date is before the start date."), "{text}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mandates").await, 0);
    MandateBuilder::new(e, None, "2025-01-01").frequency("half_yearly").insert(&app.store).await;
    let due = app.get("/mandates").await.text();
    assert!(due.contains("Mandates to renew or fill"), "{due}");
    assert!(due.contains("No current holder"), "{due}");
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_size_and_served_as_downloads() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let e = EngagementBuilder::new(owner, "Nätverket").kind("membership").insert(&app.store).await;
    let m = MandateBuilder::new(e, None, "2024-01-01").insert(&app.store).await;
    let draft = samverk_domain::mandate::ReportDraft { date: iso(today()), text: "Med bilaga".into(), ..Default::default() };
    let exe = app.store.create_report(m, &draft, vec![("minutes.pdf".into(), b"MZ\x90\0\x03\0".to_vec())], today()).await;
    assert!(matches!(exe, Err(samverk_store::StoreError::Invalid(ref e)) if e.for_field("attachment").is_some()), "{exe:?}");
    let big = app.store.create_report(m, &draft, vec![("big.pdf".into(), vec![b'%'; 5 * 1024 * 1024 + 1])], today()).await;
    assert!(big.is_err());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_backs").await, 0, "nothing is written when a file is refused");
    app.store
        .create_report(m, &draft, vec![("C:\\temp\\minutes.pdf".into(), b"%PDF-1.4 minutes".to_vec())], today())
        .await
        .expect("report");
    let page = app.get(&format!("/mandates/{m}")).await;
    assert!(page.text().contains("minutes.pdf (1 kB)"), "{}", page.text());
    let id = count(&app, "SELECT MAX(id) FROM report_attachments").await;
    let file = app.get(&format!("/attachments/{id}")).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.content_type(), "application/pdf");
    assert_eq!(file.headers.get("content-disposition").and_then(|v| v.to_str().ok()), Some("attachment; filename=\"minutes.pdf\""));
    assert_eq!(file.headers.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
    assert_eq!(file.body, "%PDF-1.4 minutes");
}

#[tokio::test]
async fn reports_can_speak_to_the_authoritys_goals_only() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let other = samverk_testkit::OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let own_plan = super::plan(&app, owner, "Internationell policy").await;
    let other_plan = super::plan(&app, other, "Telemarksplanen").await;
    let own_goal = samverk_testkit::GoalBuilder::new(own_plan, "Bevaka regionens intressen").insert(&app.store).await;
    let other_goal = samverk_testkit::GoalBuilder::new(other_plan, "Skapende Telemark").insert(&app.store).await;
    let e = EngagementBuilder::new(owner, "Mid Sweden Office").kind("membership").insert(&app.store).await;
    let m = MandateBuilder::new(e, None, "2024-01-01").insert(&app.store).await;
    let form = app.get(&format!("/mandates/{m}/reports")).await.text();
    assert!(form.contains("Internationell policy: Bevaka regionens intressen"), "{form}");
    assert!(!form.contains("Skapende Telemark"), "{form}");
    let refused = app
        .post_form(
            &format!("/mandates/{m}/reports"),
            &[("date", &iso(today())), ("text", "Rapport"), ("goal_ids", &other_goal.to_string())],
        )
        .await;
    assert_eq!(refused.status, 422);
    let ok = app
        .post_form(&format!("/mandates/{m}/reports"), &[("date", &iso(today())), ("text", "Rapport"), ("goal_ids", &own_goal.to_string())])
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    report(&app.store, m, super::days_ago(1), "Andra rapporten", &[], today()).await;
    let page = app.get(&format!("/mandates/{m}")).await.text();
    assert!(page.contains("Speaks to: Bevaka regionens intressen"), "{page}");
}
