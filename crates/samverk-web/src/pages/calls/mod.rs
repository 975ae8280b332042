//! Calls for input: the public page with its form (no account needed), the receipt, and the
//! staff pages that open calls and read, tag, publish and export what came in.

mod answers;
mod edit;
mod upload;

use std::net::SocketAddr;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::Extensions;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samverk_domain::ValidationErrors;
use samverk_domain::call::{Phase, Requirements, SubmissionDraft};
use samverk_domain::news::render_body;
use samverk_domain::tz::Zone;
use samverk_store::call::{Call, SubmitError};
use samverk_store::news::instant;
use time::OffsetDateTime;

use crate::i18n::I18n;
use crate::pages::form::{no_errors, see_other};
use crate::pages::news::when;
use crate::pages::organisations::path_id;
use crate::pages::public::texts::written;
use crate::{AppError, AppState};
use fluent_templates::fluent_bundle::FluentValue;
use samverk_domain::attachment;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/calls", get(list).post(edit::create))
        .route("/calls/new", get(edit::new))
        .route("/calls/receipt/{reference}", get(receipt))
        .route("/calls/{id}", get(show).post(edit::update))
        .route("/calls/{id}/edit", get(edit::edit))
        .route("/calls/{id}/answers", post(submit).layer(upload::body_limit()))
        .route("/calls/{id}/submissions", get(answers::list))
        .route("/calls/{id}/submissions/{sid}", post(answers::mark))
        .route("/calls/{id}/submissions/{sid}/attachments/{aid}", get(answers::download))
        .route("/calls/{id}/export.csv", get(answers::csv))
        .route("/calls/{id}/export.xlsx", get(answers::xlsx))
}

fn zone_of(call: &Call) -> Zone {
    Zone::from_code(&call.time_zone).unwrap_or_default()
}

/// A call as its pages show it.
pub(crate) struct Shown {
    id: i64,
    title: String,
    owner: String,
    opens: String,
    closes: String,
    zone: String,
    phase: Phase,
    phase_label: String,
    submissions: i64,
    /// The call's language when it differs from the page's (for `lang`), and a note saying it.
    lang: Option<String>,
    note: Option<String>,
}

impl Shown {
    fn of(i: &I18n, c: &Call, now: OffsetDateTime) -> Self {
        let zone = zone_of(c);
        let phase = Phase::of(instant(c.opens_at), instant(c.closes_at), now);
        let (lang, note) = written(i, c.language.as_deref());
        Self {
            lang,
            note,
            id: c.id,
            title: c.title.clone(),
            owner: c.owner_name.clone(),
            opens: when(c.opens_at, zone),
            closes: when(c.closes_at, zone),
            zone: zone.code().to_owned(),
            phase_label: match phase {
                Phase::NotYetOpen => i.t("call-phase-not-yet-open"),
                Phase::Open => i.t("call-phase-open"),
                Phase::Closed => i.t("call-phase-closed"),
            },
            phase,
            submissions: c.submissions,
        }
    }

    fn is_open(&self) -> bool {
        self.phase == Phase::Open
    }

    fn is_closed(&self) -> bool {
        self.phase == Phase::Closed
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/list.html")]
struct ListPage {
    i: I18n,
    calls: Vec<Shown>,
}

async fn list(State(state): State<AppState>, i: I18n) -> Result<ListPage, AppError> {
    let now = OffsetDateTime::now_utc();
    let calls = state.store.calls(None).await?;
    Ok(ListPage { calls: calls.iter().map(|c| Shown::of(&i, c, now)).collect(), i })
}

/// What the sender typed, kept when the form comes back.
#[derive(Debug, Clone, Default)]
pub(crate) struct Typed {
    name: String,
    email: String,
    organisation: String,
    answer: String,
    consent: bool,
    /// Files were chosen: a form that comes back cannot keep them, and says so.
    had_files: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/show.html")]
struct ShowPage {
    i: I18n,
    call: Shown,
    text_html: String,
    questions: Vec<String>,
    audience: String,
    /// Linked engagements and goals with a public page: (address, title).
    engagements: Vec<(String, String)>,
    goals: Vec<(String, String)>,
    require_name: bool,
    require_email: bool,
    consent_text: String,
    consent_version: String,
    published: Vec<(String, String, String)>,
    typed: Typed,
    errors: ValidationErrors,
    closing_rule: String,
    attachments_hint: String,
}

async fn page(state: &AppState, i: I18n, id: i64, typed: Typed, errors: ValidationErrors) -> Result<ShowPage, AppError> {
    let now = OffsetDateTime::now_utc();
    let c = state.store.call(id).await?.ok_or(AppError::NotFound)?;
    let zone = zone_of(&c);
    let (engagements, goals) = crate::pages::public::public_links(state, &c.engagements, &c.goals).await?;
    let published = state.store.submissions(id, true).await?.into_iter().map(|s| (when(s.submitted_at, zone), s.answer, s.tags)).collect();
    let closing_rule = if c.closes_time.is_some() {
        i.t1("call-closes-at-time", "zone", zone.code())
    } else {
        i.t1("call-closes-rule", "zone", zone.code())
    };
    Ok(ShowPage {
        call: Shown::of(&i, &c, now),
        text_html: render_body(&c.body),
        questions: c.questions.lines().map(str::to_owned).collect(),
        audience: c.audience.clone().unwrap_or_default(),
        engagements,
        goals,
        require_name: c.require_name,
        require_email: c.require_email,
        consent_text: c.consent_text.clone(),
        consent_version: c.consent_version.clone(),
        published,
        typed,
        errors,
        closing_rule,
        attachments_hint: i.ta(
            "call-attachments-hint",
            &[
                ("files", FluentValue::from(i64::try_from(attachment::MAX_FILES).unwrap_or(i64::MAX))),
                ("mb", FluentValue::from(i64::try_from(attachment::MAX_MB).unwrap_or(i64::MAX))),
                ("allowed", FluentValue::from(attachment::ALLOWED)),
            ],
        ),
        i,
    })
}

async fn show(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    page(&state, i, path_id(&id)?, Typed::default(), no_errors()).await
}

/// The address an answer comes from, for the rate limit. Behind a balancer every answer seems
/// to come from it; the limit then holds for all senders together (see ARCHITECTURE.md).
fn client_key(connect: Option<&ConnectInfo<SocketAddr>>) -> String {
    connect.map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/refused.html")]
struct RefusedPage {
    i: I18n,
    id: i64,
    message: String,
}

async fn submit(
    State(state): State<AppState>,
    i: I18n,
    Path(id): Path<String>,
    extensions: Extensions,
    body: upload::AnswerBody,
) -> Result<Response, AppError> {
    let upload::AnswerBody { fields, files } = body;
    let id = path_id(&id)?;
    let call = state.store.call(id).await?.ok_or(AppError::NotFound)?;
    // The honeypot: a field people never see or reach, that form-filling robots fill in.
    if !fields.get("website").trim().is_empty() {
        return Ok((StatusCode::BAD_REQUEST, RefusedPage { i, id, message: i.t("call-refused-robot") }).into_response());
    }
    let typed = Typed {
        name: fields.get("sender_name"),
        email: fields.get("email"),
        organisation: fields.get("sender_organisation"),
        answer: fields.get("answer"),
        consent: fields.checked("consent"),
        had_files: files.iter().any(|f| !f.file_name.trim().is_empty()),
    };
    let draft = SubmissionDraft {
        name: typed.name.clone(),
        email: typed.email.clone(),
        organisation: typed.organisation.clone(),
        answer: typed.answer.clone(),
        consent: if typed.consent { "yes".to_owned() } else { String::new() },
        attachments: files,
    };
    let submission = match draft.validate(Requirements { name: call.require_name, email: call.require_email }) {
        Ok(s) => s,
        Err(errors) => return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, i, id, typed, errors).await?).into_response()),
    };
    match state.store.submit(&call, &submission, &client_key(extensions.get::<ConnectInfo<SocketAddr>>()), OffsetDateTime::now_utc()).await
    {
        Ok(reference) => Ok(see_other(&format!("/calls/receipt/{reference}")).into_response()),
        Err(SubmitError::NotOpen) => Ok((StatusCode::CONFLICT, RefusedPage { i, id, message: i.t("call-refused-closed") }).into_response()),
        Err(SubmitError::RateLimited) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, RefusedPage { i, id, message: i.t("call-refused-rate") }).into_response())
        }
        Err(SubmitError::Store(e)) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "calls/receipt.html")]
struct ReceiptPage {
    i: I18n,
    reference: String,
    call_id: i64,
    call_title: String,
    received: String,
    consent_version: String,
}

async fn receipt(State(state): State<AppState>, i: I18n, Path(reference): Path<String>) -> Result<ReceiptPage, AppError> {
    let s = state.store.submission_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
    let c = state.store.call(s.call_id).await?.ok_or(AppError::NotFound)?;
    Ok(ReceiptPage {
        reference: s.reference,
        call_id: c.id,
        received: when(s.submitted_at, zone_of(&c)),
        call_title: c.title,
        consent_version: s.consent_version,
        i,
    })
}
