//! Lessons learned from EU projects: the list of those not yet spread (and all of them), each
//! lesson with who has read it, and the "mark as read" form.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::eu::ReadingDraft;
use samverk_domain::input::format_date;
use samverk_store::StoreError;
use samverk_store::eu::Lesson;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::form::{self, see_other};
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

/// A lesson in the list, with the departments it has not reached yet.
struct LessonRow {
    lesson: Lesson,
    not_reached: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ListQuery {
    all: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/lessons.html")]
pub(super) struct ListPage {
    i: I18n,
    all: bool,
    rows: Vec<LessonRow>,
}

pub(super) async fn list(i: I18n, State(state): State<AppState>, Query(q): Query<ListQuery>) -> Result<ListPage, AppError> {
    let all = !q.all.is_empty();
    let rows = state
        .store
        .lessons(None)
        .await?
        .into_iter()
        .filter(|l| all || !l.is_spread())
        .map(|lesson| LessonRow { not_reached: lesson.departments_not_reached().join(", "), lesson })
        .collect();
    Ok(ListPage { i, all, rows })
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/lesson.html")]
pub(super) struct ShowPage {
    i: I18n,
    lesson: Lesson,
    not_reached: String,
    draft: ReadingDraft,
    errors: ValidationErrors,
}

impl ShowPage {
    fn new(i: I18n, lesson: Lesson, draft: ReadingDraft, errors: ValidationErrors) -> Self {
        Self { not_reached: lesson.departments_not_reached().join(", "), i, lesson, draft, errors }
    }
}

fn blank_reading() -> ReadingDraft {
    ReadingDraft { read_on: format_date(OffsetDateTime::now_utc().date()), ..ReadingDraft::default() }
}

pub(super) async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let lesson = state.store.lesson(path_id(&id)?).await?.ok_or(AppError::NotFound)?;
    Ok(ShowPage::new(i, lesson, blank_reading(), form::no_errors()))
}

pub(super) async fn mark_read(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(draft): Form<ReadingDraft>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let lesson = state.store.lesson(id).await?.ok_or(AppError::NotFound)?;
    match state.store.mark_lesson_read(id, &draft).await {
        Ok(_) => Ok(see_other(&format!("/lessons/{id}#readers-heading")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok((StatusCode::UNPROCESSABLE_ENTITY, ShowPage::new(i, lesson, draft, errors)).into_response()),
        Err(other) => Err(other.into()),
    }
}
