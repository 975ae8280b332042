//! Tests for /calls: the public form without an account, the receipt, the deadline, spam
//! protection, and what staff do with the input.

use samverk_testkit::{CallBuilder, OrganisationBuilder, TestApp};

mod attachments;

pub(crate) async fn open_call(app: &TestApp) -> i64 {
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    CallBuilder::new(owner, "Innspill til nettverk").insert(&app.store).await
}

fn answer(text: &str) -> Vec<(&'static str, String)> {
    vec![("answer", text.to_owned()), ("consent", "yes".to_owned())]
}

async fn send(app: &TestApp, call: i64, fields: &[(&str, String)]) -> samverk_testkit::TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(&format!("/calls/{call}/answers"), &pairs).await
}

#[tokio::test]
async fn the_demo_call_states_its_deadline_and_time_zone_and_is_closed() {
    let app = TestApp::with_demo().await;
    let calls = app.store.calls(None).await.unwrap();
    let call = calls.iter().find(|c| c.title == "Vi ønsker innspill om nettverk og partnerskap").expect("the seeds' call");
    let page = app.get(&format!("/calls/{}", call.id)).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Deadline 2023-12-27 23:59 CET (Europe/Oslo)"), "{text}");
    assert!(text.contains("A call closes at 23:59 on its closing date unless another time is given."), "{text}");
    assert!(text.contains("This call closed at 2023-12-27 23:59 CET. The form is closed"), "{text}");
    assert!(!page.body.contains("name=\"answer\""), "no form after the deadline");
    let refused = send(&app, call.id, &answer("For sent")).await;
    assert_eq!(refused.status, 409);
    assert!(refused.text().contains("the deadline has passed"), "{}", refused.text());
    assert!(app.store.submissions(call.id, false).await.unwrap().is_empty());
}

#[tokio::test]
async fn input_is_sent_without_an_account_and_gets_a_receipt_with_a_reference() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let page = app.get(&format!("/calls/{call}")).await;
    assert!(page.body.contains("<label for=\"field-answer\">Your input"), "{}", page.body);
    assert!(page.text().contains("I agree that my input is stored."), "the consent text is shown");
    let mut fields = answer("Vi trenger et nettverk for kysten.");
    fields.push(("sender_organisation", "Kystverket".to_owned()));
    let response = send(&app, call, &fields).await;
    assert_eq!(response.status, 303, "{}", response.text());
    let receipt = app.get(response.location().unwrap()).await;
    let text = receipt.text();
    assert!(text.contains("Your input to “Innspill til nettverk” was received."), "{text}");
    let stored = &app.store.submissions(call, false).await.unwrap()[0];
    assert!(stored.reference.starts_with("INN-"), "{}", stored.reference);
    assert!(text.contains(&format!("Reference number {}", stored.reference)), "{text}");
    let c = app.store.call(call).await.unwrap().unwrap();
    assert_eq!(stored.consent_version, c.consent_version);
    assert_eq!(stored.consent_text, "I agree that my input is stored.");
    assert_eq!(stored.name, None);
}

#[tokio::test]
async fn a_call_can_require_name_and_email_and_the_form_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let call = CallBuilder::new(owner, "Med navn").require_name_and_email().insert(&app.store).await;
    let response = send(&app, call, &[("answer", "Mitt svar".to_owned()), ("email", "ikke-en-adresse".to_owned())]).await;
    assert_eq!(response.status, 422);
    let text = response.text();
    for field in ["sender_name", "email", "consent"] {
        assert!(response.body.contains(&format!("id=\"error-{field}\"")), "{field}: {text}");
    }
    assert!(text.contains("Please correct the following"), "{text}");
    assert!(response.body.contains(">Mitt svar</textarea>"), "{}", response.body);
    assert!(response.body.contains("value=\"ikke-en-adresse\""));
    assert!(app.store.submissions(call, false).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_honeypot_and_the_rate_limit_stop_robots() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let mut robot = answer("Kjøp billig");
    robot.push(("website", "http://spam.example".to_owned()));
    let refused = send(&app, call, &robot).await;
    assert_eq!(refused.status, 400);
    assert!(app.store.submissions(call, false).await.unwrap().is_empty());
    for n in 0..5 {
        assert_eq!(send(&app, call, &answer(&format!("Svar {n}"))).await.status, 303);
    }
    let limited = send(&app, call, &answer("Ett til")).await;
    assert_eq!(limited.status, 429);
    assert!(limited.text().contains("wait ten minutes"), "{}", limited.text());
    assert_eq!(app.store.submissions(call, false).await.unwrap().len(), 5);
}

#[tokio::test]
async fn staff_tag_and_publish_input_which_then_shows_without_personal_data() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let mut fields = answer("Satse på Interreg.");
    fields.push(("sender_name", "Kari Nordmann".to_owned()));
    fields.push(("email", "kari@example.no".to_owned()));
    send(&app, call, &fields).await;
    let staff = app.get(&format!("/calls/{call}/submissions")).await;
    assert!(staff.text().contains("Kari Nordmann") && staff.text().contains("kari@example.no"), "{}", staff.text());
    let sid = app.store.submissions(call, false).await.unwrap()[0].id;
    let marked = app.post_form(&format!("/calls/{call}/submissions/{sid}"), &[("tags", "EU, Interreg"), ("published", "yes")]).await;
    assert_eq!(marked.status, 303);
    let public = app.get(&format!("/calls/{call}")).await.text();
    assert!(public.contains("Published input"), "{public}");
    assert!(public.contains("Satse på Interreg."), "{public}");
    assert!(public.contains("EU, Interreg"), "{public}");
    assert!(!public.contains("Kari Nordmann") && !public.contains("kari@example.no"), "{public}");
}

#[tokio::test]
async fn input_is_exported_to_csv_and_xlsx_with_formula_cells_neutralised() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let mut fields = answer("=HYPERLINK(\"http://x\")");
    fields.push(("sender_name", "@Ola".to_owned()));
    send(&app, call, &fields).await;
    let csv = app.get(&format!("/calls/{call}/export.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type().starts_with("text/csv"));
    let mut lines = csv.body.lines();
    assert_eq!(lines.next(), Some("Reference,Received,Name,E-mail,Organisation,Answer,Tags,Published,Consent version"));
    let row = lines.next().unwrap();
    assert!(row.contains(",'@Ola,"), "{row}");
    assert!(row.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{row}");
    let xlsx = app.get(&format!("/calls/{call}/export.xlsx")).await;
    assert_eq!(xlsx.status, 200);
    assert_eq!(xlsx.content_type(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(xlsx.body.starts_with("PK"), "an XLSX file is a zip archive");
}

/// The XLSX read back cell by cell: the header row, a row's values, and every cell that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) kept as text
/// behind an apostrophe. Tab and CR cannot come through the form (it trims), so that answer is
/// stored directly, as an import would.
#[tokio::test]
async fn the_xlsx_export_reads_back_with_headers_values_and_neutralised_formulas() {
    use calamine::{Data, Reader, Xlsx};
    use samverk_domain::call::NewSubmission;

    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let mut fields = answer("=HYPERLINK(\"http://x\")");
    fields.push(("sender_name", "@Ola".to_owned()));
    fields.push(("sender_organisation", "+47 Kystverket".to_owned()));
    fields.push(("email", "ola@example.no".to_owned()));
    assert_eq!(send(&app, call, &fields).await.status, 303);
    let c = app.store.call(call).await.unwrap().unwrap();
    let stored = NewSubmission {
        name: Some("\tTab Nordmann".to_owned()),
        email: None,
        organisation: Some("\rCR AS".to_owned()),
        answer: "-1 for dette".to_owned(),
        attachments: Vec::new(),
    };
    app.store.submit(&c, &stored, "import", time::OffsetDateTime::now_utc()).await.unwrap();

    let download = app.download(&format!("/calls/{call}/export.xlsx")).await;
    assert_eq!(download.status, 200);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(download.bytes)).unwrap_or_else(|e| panic!("{e}"));
    let sheet = book.worksheet_range_at(0).expect("one sheet").unwrap_or_else(|e| panic!("{e}"));
    let cell = |r: u32, col: u32| match sheet.get_value((r, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("cell ({r}, {col}) is not text: {other:?}"),
    };
    let headers: Vec<String> = (0..9).map(|col| cell(0, col)).collect();
    assert_eq!(headers, ["Reference", "Received", "Name", "E-mail", "Organisation", "Answer", "Tags", "Published", "Consent version"]);
    let submissions = app.store.submissions(call, false).await.unwrap();
    assert_eq!(sheet.height(), 1 + submissions.len(), "a header and one row per answer");
    let row_of = |reference: &str| (1..=2).find(|r| cell(*r, 0) == reference).unwrap_or_else(|| panic!("no row {reference}"));
    let ola = submissions.iter().find(|s| s.name.as_deref() == Some("@Ola")).expect("Ola's answer");
    let r = row_of(&ola.reference);
    assert_eq!(cell(r, 2), "'@Ola");
    assert_eq!(cell(r, 3), "ola@example.no", "a plain value is as typed");
    assert_eq!(cell(r, 4), "'+47 Kystverket");
    assert_eq!(cell(r, 5), "'=HYPERLINK(\"http://x\")");
    assert_eq!(cell(r, 7), "No");
    assert_eq!(cell(r, 8), c.consent_version);
    assert!(cell(r, 1).starts_with(&time::OffsetDateTime::now_utc().year().to_string()), "received: {}", cell(r, 1));
    let other = submissions.iter().find(|s| s.reference != ola.reference).expect("the stored answer");
    let r = row_of(&other.reference);
    assert_eq!(cell(r, 2), "'\tTab Nordmann");
    assert_eq!(cell(r, 4), "'\rCR AS");
    assert_eq!(cell(r, 5), "'-1 for dette");
    // No cell anywhere is a formula.
    for (row, col, value) in sheet.cells() {
        if let Data::String(s) = value {
            assert!(!s.starts_with(['=', '+', '-', '@', '\t', '\r']), "cell ({row}, {col}) would run: {s:?}");
        }
    }
}
