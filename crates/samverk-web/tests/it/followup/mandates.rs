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

/// The report form uploads files (multipart, with the anti-forgery token as a field): a file
/// too big or of a refused type comes back beside the file field with the typed text kept and
/// nothing written; a good file is stored and offered as a download on the mandate's page.
#[tokio::test]
async fn the_report_form_uploads_attachments_and_refuses_bad_files_beside_the_field() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let e = EngagementBuilder::new(owner, "Mid Sweden Office").kind("membership").insert(&app.store).await;
    let m = MandateBuilder::new(e, None, "2024-01-01").insert(&app.store).await;
    let path = format!("/mandates/{m}/reports");
    let form = app.get(&path).await;
    assert!(form.body.contains(r#"enctype="multipart/form-data""#), "the form uploads files");
    assert!(form.body.contains(r#"<input type="file" id="field-attachment" name="attachment""#), "{}", form.body);
    let date = iso(today());
    let fields = [("date", date.as_str()), ("meetings", "Styrelsemöte 12 mars"), ("text", "Rapport med protokoll")];

    let exe = app.post_multipart(&path, &fields, &[("attachment", "protokoll.pdf", b"MZ\x90\0\x03\0program")]).await;
    assert_eq!(exe.status, 422, "{}", exe.text());
    let text = exe.text();
    assert!(
        text.contains("Attachment (PDF, PNG, JPEG, Word, Excel or plain text, at most 5 MB each; choose the files again if the form comes back) only PDF, PNG, JPEG, Word, Excel and plain text files are accepted"),
        "the error is beside the file field: {text}"
    );
    assert!(exe.body.contains("Rapport med protokoll") && exe.body.contains("Styrelsemöte 12 mars"), "typed values are kept");

    let big = vec![b'%'; 5 * 1024 * 1024 + 1];
    let too_big = app.post_multipart(&path, &fields, &[("attachment", "stor.pdf", &big)]).await;
    assert_eq!(too_big.status, 422, "{}", too_big.body);
    assert!(too_big.text().contains("the file is larger than 5 MB"), "{}", too_big.text());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_backs").await, 0, "nothing is written when a file is refused");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_attachments").await, 0);

    // Without the token the upload is refused like any forged form.
    let mut wrong_token = app.auth.clone();
    wrong_token.csrf = Some("wrong".into());
    let forged = app.view_with(wrong_token);
    let refused = forged.post_multipart(&path, &fields, &[("attachment", "protokoll.pdf", b"%PDF-1.4 protokoll")]).await;
    assert_ne!(refused.status, 303, "a wrong token is not accepted");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_backs").await, 0);

    let saved =
        app.post_multipart(&path, &fields, &[("attachment", "protokoll.pdf", b"%PDF-1.4 protokoll"), ("attachment", "", b"")]).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let page = app.get(&format!("/mandates/{m}")).await;
    assert!(page.text().contains("Rapport med protokoll"), "{}", page.text());
    assert!(page.text().contains("protokoll.pdf (1 kB)"), "{}", page.text());
    let id = count(&app, "SELECT MAX(id) FROM report_attachments").await;
    assert!(page.body.contains(&format!(r#"<a href="/attachments/{id}">protokoll.pdf</a>"#)), "a download link");
    let file = app.get(&format!("/attachments/{id}")).await;
    assert_eq!(file.content_type(), "application/pdf");
    assert_eq!(file.body, "%PDF-1.4 protokoll");
}

/// People and mandates are edited through their forms (errors beside the fields, nothing
/// changed on error) and deleted; a mandate with reports back cannot be deleted, and the page
/// says why.
#[tokio::test]
async fn people_and_mandates_are_edited_and_deleted_and_a_mandate_with_reports_stays() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let eva = person(&app.store, owner, "Eva Exempelsson").await;
    let e = EngagementBuilder::new(owner, "Mid Sweden Office").kind("membership").insert(&app.store).await;

    let form = app.get(&format!("/people/{eva}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Edit: Eva Exempelsson"), "{}", form.text());
    assert!(form.body.contains(r#"value="Eva Exempelsson""#));
    let owner_s = owner.to_string();
    let blank = app.post_form(&format!("/people/{eva}"), &[("owner_id", &owner_s), ("name", " "), ("person_title", "Ledamot")]).await;
    assert_eq!(blank.status, 422);
    assert!(blank.body.contains(r#"<p class="field-error" id="error-name">This field is required.</p>"#), "{}", blank.body);
    assert_eq!(app.store.person(eva).await.ok().flatten().map(|p| p.title), Some(None), "nothing written");
    let saved = app
        .post_form(&format!("/people/{eva}"), &[("owner_id", &owner_s), ("name", "Eva Exempelsson"), ("person_title", "Regionråd")])
        .await;
    assert_eq!(saved.status, 303);
    assert!(app.get(&format!("/people/{eva}")).await.text().contains("Regionråd"));

    let m = MandateBuilder::new(e, Some(eva), "2024-01-01").insert(&app.store).await;
    let edit = app.get(&format!("/mandates/{m}/edit")).await;
    assert!(edit.text().contains("Edit mandate: Mid Sweden Office: Delegate"), "{}", edit.text());
    assert!(edit.body.contains(r#"value="2024-01-01""#));
    let mut fields = vec![
        ("engagement_id", e.to_string()),
        ("person_id", eva.to_string()),
        ("mandate_role", "board_member".to_owned()),
        ("mandate_body", "Regionstyrelsen".to_owned()),
        ("start", "2024-01-01".to_owned()),
        ("end", "2023-12-31".to_owned()),
        ("report_to", "Regionala nämnden".to_owned()),
        ("frequency", "quarterly".to_owned()),
    ];
    let refused = app.post_form(&format!("/mandates/{m}"), &refs(&fields)).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains(r#"<p class="field-error" id="error-end">The end date is before the start date.</p>"#),
        "{}",
        refused.body
    );
    assert_eq!(app.store.mandate(m).await.ok().flatten().map(|x| x.body), Some("Regionala nämnden".to_owned()), "nothing written");
    fields[5].1 = "2027-12-31".to_owned();
    assert_eq!(app.post_form(&format!("/mandates/{m}"), &refs(&fields)).await.status, 303);
    let page = app.get(&format!("/mandates/{m}")).await.text();
    assert!(page.contains("Mid Sweden Office: Board member") && page.contains("Regionstyrelsen") && page.contains("quarterly"), "{page}");

    // With a report back the mandate stays: the page says so, and a forced request is refused.
    report(&app.store, m, days_ago(2), "Kvartalsrapport", &[], today()).await;
    let page = app.get(&format!("/mandates/{m}")).await;
    assert!(page.text().contains("This mandate has reports back and cannot be deleted"), "{}", page.text());
    assert!(!page.body.contains(&format!(r#"action="/mandates/{m}/delete""#)), "no delete button");
    let forced = app.post_form(&format!("/mandates/{m}/delete"), &[]).await;
    assert_eq!(forced.status, 409);
    assert!(forced.text().contains("The mandate was not deleted"), "{}", forced.text());
    assert!(app.store.mandate(m).await.ok().flatten().is_some());

    // Deleting the person leaves her mandate without a holder.
    let gone = app.post_form(&format!("/people/{eva}/delete"), &[]).await;
    assert_eq!(gone.location(), Some("/people?deleted=1"));
    assert!(app.get("/people?deleted=1").await.text().contains("The person was deleted"));
    assert_eq!(app.store.mandate(m).await.ok().flatten().and_then(|x| x.person_id), None);
    assert!(app.get(&format!("/mandates/{m}")).await.text().contains("No current holder"));

    // A mandate without reports is deleted.
    let empty = MandateBuilder::new(e, None, "2025-01-01").insert(&app.store).await;
    let deleted = app.post_form(&format!("/mandates/{empty}/delete"), &[]).await;
    assert_eq!(deleted.location(), Some("/mandates?deleted=1"));
    assert!(app.store.mandate(empty).await.ok().flatten().is_none());
    assert_eq!(app.get(&format!("/mandates/{empty}")).await.status, 404);
}

fn refs<'a>(fields: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
