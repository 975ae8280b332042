//! Answers with files: the public form sends `multipart/form-data`; a file too large or of a
//! kind not accepted is refused beside its field with what was typed kept and nothing written;
//! staff download what was accepted, the public cannot.

use axum::http::Method;
use samverk_testkit::{TestApp, TestResponse};

use super::open_call;

const BOUNDARY: &str = "----samverk-test-boundary";

enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a [u8]),
}

fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
            }
            Part::File(file_name, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"attachments\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn send(app: &TestApp, call: i64, parts: &[Part<'_>]) -> TestResponse {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    app.request(Method::POST, &format!("/calls/{call}/answers"), Some(&content_type), multipart(parts)).await
}

fn answer<'a>(text: &'a str, files: &[Part<'a>]) -> Vec<Part<'a>> {
    let mut parts = vec![Part::Text("sender_organisation", "Kystverket"), Part::Text("answer", text), Part::Text("consent", "yes")];
    for f in files {
        if let Part::File(name, bytes) = f {
            parts.push(Part::File(name, bytes));
        }
    }
    parts
}

#[tokio::test]
async fn an_answer_with_files_is_stored_and_staff_download_them() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let page = app.get(&format!("/calls/{call}")).await;
    assert!(page.body.contains("enctype=\"multipart/form-data\""), "{}", page.body);
    assert!(page.body.contains("<label for=\"field-attachments\">Attachments</label>"), "{}", page.body);
    assert!(page.text().contains("up to 3 files of at most 5 MB each"), "{}", page.text());

    let public = app.view_anonymous();
    let pdf = b"%PDF-1.7\n% innspill\n";
    let sent = send(
        &public,
        call,
        &answer(
            "Se vedlagt notat.",
            &[Part::File("Innspill fra Kystverket.pdf", pdf), Part::File("notat.txt", "Kort notat på norsk".as_bytes())],
        ),
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    assert!(sent.location().unwrap_or_default().starts_with("/calls/receipt/"));

    let sid = app.store.submissions(call, false).await.unwrap()[0].id;
    let files = app.store.call_attachments(call).await.unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(
        (files[0].file_name.as_str(), files[0].content_type.as_str(), files[0].size),
        ("Innspill fra Kystverket.pdf", "application/pdf", 20)
    );
    let staff = app.get(&format!("/calls/{call}/submissions")).await;
    let href = format!("/calls/{call}/submissions/{sid}/attachments/{}", files[0].id);
    assert!(staff.body.contains(&href), "{}", staff.body);
    assert!(staff.text().contains("Innspill fra Kystverket.pdf (20 B)"), "{}", staff.text());
    let download = app.download(&href).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.bytes, pdf.to_vec());
    let disposition = download.headers.get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(disposition.starts_with("attachment; filename=\"Innspill fra Kystverket.pdf\""), "{disposition}");
    assert_eq!(download.headers.get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    // The public cannot fetch it, and another call's path does not reach it.
    let refused = public.get(&href).await;
    assert_eq!(refused.status, 303, "the public is sent to sign in");
    assert!(refused.location().unwrap_or_default().starts_with("/login"));
    assert_eq!(app.get(&format!("/calls/{}/submissions/{sid}/attachments/{}", call + 1, files[0].id)).await.status, 404);
}

#[tokio::test]
async fn a_refused_file_is_named_beside_its_field_the_answer_is_kept_and_nothing_is_written() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let public = app.view_anonymous();

    let program = b"MZ\x90\x00\x03\x00\x00\x00";
    let refused = send(&public, call, &answer("Mitt svar skal ikke gå tapt.", &[Part::File("innspill.pdf", program)])).await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    let text = refused.text();
    assert!(text.contains("“innspill.pdf” cannot be attached. Accepted kinds: PDF"), "{text}");
    assert!(refused.body.contains("id=\"error-attachments\""), "{}", refused.body);
    assert!(refused.body.contains("href=\"#field-attachments\""), "linked from the summary: {}", refused.body);
    assert!(
        refused.body.contains("aria-invalid=\"true\" aria-describedby=\"hint-attachments error-attachments kept-attachments\"")
            || refused.body.contains("error-attachments kept-attachments\" aria-invalid=\"true\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(">Mitt svar skal ikke gå tapt.</textarea>"), "the answer is kept: {}", refused.body);
    assert!(refused.body.contains("value=\"Kystverket\""), "{}", refused.body);
    assert!(text.contains("choose them again"), "{text}");

    let big = {
        let mut b = b"%PDF-1.7\n".to_vec();
        b.resize(samverk_domain::attachment::MAX_BYTES + 10, b'x');
        b
    };
    let too_large = send(&public, call, &answer("Svar med stor fil.", &[Part::File("stor.pdf", &big)])).await;
    assert_eq!(too_large.status, 422);
    assert!(too_large.text().contains("“stor.pdf” is larger than 5 MB."), "{}", too_large.text());

    let four = [Part::File("a.txt", b"a"), Part::File("b.txt", b"b"), Part::File("c.txt", b"c"), Part::File("d.txt", b"d")];
    let too_many = send(&public, call, &answer("Fire filer.", &four)).await;
    assert_eq!(too_many.status, 422);
    assert!(too_many.text().contains("Attach at most 3 files."), "{}", too_many.text());

    assert!(app.store.submissions(call, false).await.unwrap().is_empty(), "no answer stored");
    assert!(app.store.call_attachments(call).await.unwrap().is_empty(), "no file stored");
}

#[tokio::test]
async fn a_signed_in_sender_s_multipart_form_carries_its_anti_forgery_token() {
    let app = TestApp::new().await;
    let call = open_call(&app).await;
    let page = app.get(&format!("/calls/{call}")).await;
    let csrf = app.auth.csrf.clone().expect("a signed-in app has a token");
    assert!(
        page.body.contains(&format!("enctype=\"multipart/form-data\" novalidate><input type=\"hidden\" name=\"_csrf\" value=\"{csrf}\">")),
        "{}",
        page.body
    );
    let mut parts = vec![Part::Text("_csrf", &csrf)];
    parts.extend(answer("Fra en innlogget rådgiver.", &[Part::File("notat.txt", b"notat")]));
    let sent = send(&app, call, &parts).await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    assert_eq!(app.store.call_attachments(call).await.unwrap().len(), 1);
    // Without the token the form is not taken, and nothing is written.
    let forged = send(&app, call, &answer("Uten nøkkel.", &[])).await;
    assert_ne!(forged.status, 303, "{}", forged.text());
    assert_eq!(app.store.submissions(call, false).await.unwrap().len(), 1);
}
