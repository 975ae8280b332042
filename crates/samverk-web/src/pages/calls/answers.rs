//! What came in: the staff list of answers to a call, tagging and publishing them, and the
//! export to CSV and XLSX (cells that a spreadsheet would run as formulas are neutralised).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use samverk_domain::call::neutralise_cell;
use samverk_store::StoreError;
use samverk_store::call::{Call, Submission};

use super::zone_of;
use crate::i18n::I18n;
use crate::pages::fields::Fields;
use crate::pages::form::see_other;
use crate::pages::news::when;
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

struct Row {
    id: i64,
    reference: String,
    received: String,
    name: String,
    email: String,
    organisation: String,
    answer: String,
    tags: String,
    published: bool,
    consent_version: String,
    /// (download address, "name (size)") of each attached file.
    attachments: Vec<(String, String)>,
}

fn rows(c: &Call, subs: Vec<Submission>) -> Vec<Row> {
    let zone = zone_of(c);
    subs.into_iter()
        .map(|s| Row {
            id: s.id,
            received: when(s.submitted_at, zone),
            reference: s.reference,
            name: s.name.unwrap_or_default(),
            email: s.email.unwrap_or_default(),
            organisation: s.organisation.unwrap_or_default(),
            answer: s.answer,
            tags: s.tags,
            published: s.published,
            consent_version: s.consent_version,
            attachments: Vec::new(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/submissions.html")]
pub(super) struct ListPage {
    i: I18n,
    call_id: i64,
    title: String,
    count: String,
    rows: Vec<Row>,
}

async fn load(state: &AppState, id: &str) -> Result<(Call, Vec<Row>), AppError> {
    let id = path_id(id)?;
    let c = state.store.call(id).await?.ok_or(AppError::NotFound)?;
    let subs = state.store.submissions(id, false).await?;
    let rows = rows(&c, subs);
    Ok((c, rows))
}

pub(super) async fn list(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<ListPage, AppError> {
    let (c, mut rows) = load(&state, &id).await?;
    for a in state.store.call_attachments(c.id).await? {
        if let Some(row) = rows.iter_mut().find(|r| r.id == a.submission_id) {
            let href = format!("/calls/{}/submissions/{}/attachments/{}", c.id, a.submission_id, a.id);
            row.attachments.push((href, format!("{} ({})", a.file_name, size(a.size))));
        }
    }
    let count = i.tn("call-submissions-count", "count", i64::try_from(rows.len()).unwrap_or(i64::MAX));
    Ok(ListPage { i, call_id: c.id, title: c.title, count, rows })
}

pub(super) async fn mark(
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
    fields: Fields,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let sid = path_id(&sid)?;
    state.store.mark_submission(sid, &fields.get("tags"), fields.checked("published")).await?;
    Ok(see_other(&format!("/calls/{id}/submissions")).into_response())
}

/// A file size as people read it.
fn size(bytes: i64) -> String {
    const MB: i64 = 1024 * 1024;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < MB {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{}.{} MB", bytes / MB, bytes % MB * 10 / MB)
    }
}

/// Downloads one attached file (staff only: the path is not public). The name is given plain
/// (ASCII) and exactly (RFC 5987), and the stored type is what was checked at upload.
pub(super) async fn download(
    State(state): State<AppState>,
    Path((id, sid, aid)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let file = state.store.call_attachment(path_id(&id)?, path_id(&sid)?, path_id(&aid)?).await?.ok_or(AppError::NotFound)?;
    let ascii: String = file.file_name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let exact: String = file
        .file_name
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{exact}")),
        ],
        file.content,
    )
        .into_response())
}

/// The export's header row, in the page's language.
fn header_row(i: &I18n) -> Vec<String> {
    [
        "call-col-reference",
        "call-col-received",
        "call-col-name",
        "call-col-email",
        "call-col-organisation",
        "call-col-answer",
        "call-col-tags",
        "call-col-published",
        "call-col-consent",
    ]
    .iter()
    .map(|k| i.t(k))
    .collect()
}

fn cells(i: &I18n, r: &Row) -> Vec<String> {
    let published = if r.published { i.t("yes") } else { i.t("no") };
    [&r.reference, &r.received, &r.name, &r.email, &r.organisation, &r.answer, &r.tags, &published, &r.consent_version]
        .iter()
        .map(|c| neutralise_cell(c))
        .collect()
}

/// An export failure: logged, and shown as the generic error.
fn export_failed(what: &str, error: &dyn std::fmt::Display) -> AppError {
    AppError::Internal(StoreError::Derived(format!("{what} export: {error}")))
}

fn attachment(name: &str) -> String {
    format!("attachment; filename=\"{name}\"")
}

pub(super) async fn csv(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<Response, AppError> {
    let (c, rows) = load(&state, &id).await?;
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(header_row(&i)).map_err(|e| export_failed("CSV", &e))?;
    for r in &rows {
        writer.write_record(cells(&i, r)).map_err(|e| export_failed("CSV", &e))?;
    }
    let bytes = writer.into_inner().map_err(|e| export_failed("CSV", &e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, attachment(&format!("call-{}.csv", c.id))),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn xlsx(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<Response, AppError> {
    let (c, rows) = load(&state, &id).await?;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in header_row(&i).iter().enumerate() {
        sheet.write_string(0, u16::try_from(col).unwrap_or(u16::MAX), text).map_err(|e| export_failed("XLSX", &e))?;
    }
    for (n, r) in rows.iter().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        for (col, text) in cells(&i, r).iter().enumerate() {
            sheet.write_string(row, u16::try_from(col).unwrap_or(u16::MAX), text).map_err(|e| export_failed("XLSX", &e))?;
        }
    }
    let bytes = book.save_to_buffer().map_err(|e| export_failed("XLSX", &e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, attachment(&format!("call-{}.xlsx", c.id))),
        ],
        bytes,
    )
        .into_response())
}
