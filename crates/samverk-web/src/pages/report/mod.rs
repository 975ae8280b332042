//! The follow-up report of a plan for a year: as a page, a printable page, XLSX and PDF, all
//! rendered from one `samverk_report::Report`.

mod evidence;
pub mod model;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samverk_report::Report;
// The report templates match on `Block`.
use samverk_report::Block;

use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plans/{id}/report", get(page))
        .route("/plans/{id}/report/print", get(print))
        .route("/plans/{id}/report.xlsx", get(xlsx))
        .route("/plans/{id}/report.pdf", get(pdf))
        .route("/static/report-print.css", get(print_css))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReportQuery {
    year: String,
}

/// The year asked for, or this year; a year that is not a number is not a page.
fn year(q: &ReportQuery) -> Result<i32, AppError> {
    let t = q.year.trim();
    if t.is_empty() {
        return Ok(OffsetDateTime::now_utc().year());
    }
    t.parse::<i32>().ok().filter(|y| (1950..=2100).contains(y)).ok_or(AppError::NotFound)
}

/// The report in the reader's language, with the plan id and year it is for.
async fn build(i: &I18n, state: &AppState, id: &str, q: &ReportQuery) -> Result<(i64, i32, Report), AppError> {
    let id = path_id(id)?;
    let year = year(q)?;
    let data = state.store.follow_up(id, year, OffsetDateTime::now_utc().date()).await?.ok_or(AppError::NotFound)?;
    Ok((id, year, model::report(i, &data)))
}

#[derive(Template, WebTemplate)]
#[template(path = "report/show.html")]
struct Page {
    i: I18n,
    plan_id: i64,
    year: i32,
    report: Report,
    /// Whether a PDF is offered.
    pdf: bool,
}

async fn page(i: I18n, State(state): State<AppState>, Path(id): Path<String>, Query(q): Query<ReportQuery>) -> Result<Page, AppError> {
    let (plan_id, year, report) = build(&i, &state, &id, &q).await?;
    Ok(Page { i, plan_id, year, report, pdf: state.pdf.is_some() })
}

#[derive(Template, WebTemplate)]
#[template(path = "report/print.html")]
struct Print {
    i: I18n,
    report: Report,
}

async fn print(i: I18n, State(state): State<AppState>, Path(id): Path<String>, Query(q): Query<ReportQuery>) -> Result<Print, AppError> {
    let (_, _, report) = build(&i, &state, &id, &q).await?;
    Ok(Print { i, report })
}

fn download(bytes: Vec<u8>, content_type: &'static str, name: String) -> Response {
    ([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], bytes)
        .into_response()
}

async fn xlsx(i: I18n, State(state): State<AppState>, Path(id): Path<String>, Query(q): Query<ReportQuery>) -> Result<Response, AppError> {
    let (plan_id, year, report) = build(&i, &state, &id, &q).await?;
    let bytes = samverk_report::to_xlsx(&report).map_err(|e| AppError::Export(e.to_string()))?;
    Ok(download(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", format!("follow-up-{plan_id}-{year}.xlsx")))
}

/// The PDF, typeset by the renderer the binary provides; 404 without one.
async fn pdf(i: I18n, State(state): State<AppState>, Path(id): Path<String>, Query(q): Query<ReportQuery>) -> Result<Response, AppError> {
    let renderer = state.pdf.clone().ok_or(AppError::NotFound)?;
    let (plan_id, year, report) = build(&i, &state, &id, &q).await?;
    // Typesetting is CPU work: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || renderer.render(&report).map_err(|e| e.to_string()))
        .await
        .map_err(|e| AppError::Export(e.to_string()))?
        .map_err(AppError::Export)?;
    Ok(download(bytes, "application/pdf", format!("follow-up-{plan_id}-{year}.pdf")))
}

async fn print_css() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../../static/report-print.css"),
    )
}
