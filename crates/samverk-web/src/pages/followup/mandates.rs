//! Mandates: the reports due and overdue (for the whole authority, grouped by the body they
//! go to), the mandate form, each mandate's page with its reports, and the report form.

use std::collections::HashSet;

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::input::format_date;
use samverk_domain::mandate::{DueState, Frequency, MandateDraft, MandateRole, ReportDraft};
use samverk_store::StoreError;
use samverk_store::engagement::EngagementFilter;
use samverk_store::mandate::{Mandate, MandateFilter, Report};
use serde::{Deserialize, Serialize};
use time::Date;

use super::{due_label, rejected, today};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// A mandate as the lists and pages show it.
pub(super) struct MandateRow {
    pub id: i64,
    pub engagement_id: i64,
    pub engagement: String,
    pub person: Option<(i64, String)>,
    pub role: String,
    pub decision: String,
    pub report_to: String,
    pub frequency: String,
    pub period: String,
    pub instructions: Option<String>,
    pub last_report: String,
    /// The next due date, or the reason none is due.
    pub next_due: String,
    pub state: Option<(&'static str, String)>,
    pub flags: Vec<String>,
}

impl MandateRow {
    pub(super) fn of(i: &I18n, m: Mandate, today: Date) -> Self {
        let mut flags = Vec::new();
        if m.ended(today) {
            flags.push(i.t1("followup-flag-ended", "date", &m.end_date.map(format_date).unwrap_or_default()));
        }
        if m.vacant() {
            flags.push(i.t("followup-flag-vacant"));
        }
        let due = m.next_due(today);
        let decision = [Some(m.body.clone()), m.case_number.clone(), m.decision_date.map(format_date)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            id: m.id,
            engagement_id: m.engagement_id,
            engagement: m.engagement_title.clone(),
            person: m.person_id.zip(m.person_name.clone()),
            role: i.t(&format!("followup-role-{}", m.role.code())),
            decision,
            report_to: m.report_to.clone(),
            frequency: i.t(&format!("followup-frequency-{}", m.frequency.code())),
            period: i.period(&Some(m.start_date), &m.end_date),
            instructions: m.instructions.clone(),
            last_report: m.last_report.map_or_else(|| i.t("followup-no-report-yet"), format_date),
            next_due: due.map_or_else(|| i.t("followup-nothing-due"), format_date),
            state: m.due_state(today).map(|s| (s.code(), due_label(i, s))),
            flags,
        }
    }
}

/// A report back as shown.
pub(super) struct ReportView {
    pub id: i64,
    pub mandate_id: i64,
    pub engagement: String,
    pub date: String,
    pub meetings: Option<String>,
    pub text: String,
    pub goals: Vec<(i64, String)>,
    pub attachments: Vec<(i64, String, String)>,
}

impl ReportView {
    pub(super) fn of(i: &I18n, r: Report, engagements: &[(i64, String)]) -> Self {
        Self {
            engagement: engagements.iter().find(|(m, _)| *m == r.mandate_id).map(|(_, t)| t.clone()).unwrap_or_default(),
            id: r.id,
            mandate_id: r.mandate_id,
            date: format_date(r.date),
            meetings: r.meetings,
            text: r.text,
            goals: r.goals.into_iter().map(|(id, t)| (id, if t.is_empty() { i.t("followup-untitled-goal") } else { t })).collect(),
            attachments: r
                .attachments
                .into_iter()
                .map(|a| (a.id, a.file_name, i.tn("followup-kilobytes", "kb", (a.size + 1023) / 1024)))
                .collect(),
        }
    }
}

/// The reports going to one body.
pub(super) struct BodyGroup {
    body: String,
    rows: Vec<MandateRow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct DueQuery {
    owner_id: String,
    /// `1` after a mandate was deleted.
    deleted: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/due.html")]
pub(super) struct DuePage {
    i: I18n,
    summary: String,
    deleted: bool,
    groups: Vec<BodyGroup>,
    flagged: Vec<MandateRow>,
    all: Vec<MandateRow>,
}

/// Reports due soon and overdue for the whole authority (or every authority), grouped by the
/// body they go to; mandates that ended or have no holder; every mandate.
pub(super) async fn due(i: I18n, State(state): State<AppState>, Query(q): Query<DueQuery>) -> Result<DuePage, AppError> {
    let today = today();
    let filter = MandateFilter { owner_id: q.owner_id.trim().parse().ok(), ..MandateFilter::default() };
    let mandates = state.store.mandates(&filter).await?;
    let list = samverk_store::followup::due_list(mandates.clone(), today);
    let overdue = list.due.iter().filter(|d| d.state == DueState::Overdue).count();
    let due_soon = list.due.len() - overdue;
    let mut groups: Vec<BodyGroup> = Vec::new();
    let mut by_body = list.due;
    by_body.sort_by(|a, b| (&a.mandate.report_to, a.state, a.due).cmp(&(&b.mandate.report_to, b.state, b.due)));
    for d in by_body {
        let row = MandateRow::of(&i, d.mandate, today);
        match groups.last_mut() {
            Some(g) if g.body == row.report_to => g.rows.push(row),
            _ => groups.push(BodyGroup { body: row.report_to.clone(), rows: vec![row] }),
        }
    }
    let count = |n: usize| i64::try_from(n).unwrap_or_default();
    Ok(DuePage {
        deleted: q.deleted == "1",
        summary: format!(
            "{} {}",
            i.tn("followup-due-overdue-count", "count", count(overdue)),
            i.tn("followup-due-soon-count", "count", count(due_soon))
        ),
        groups,
        flagged: list.flagged.into_iter().map(|m| MandateRow::of(&i, m, today)).collect(),
        all: mandates.into_iter().map(|m| MandateRow::of(&i, m, today)).collect(),
        i,
    })
}

/// The mandate form as posted.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct MandateForm {
    engagement_id: String,
    person_id: String,
    mandate_role: String,
    mandate_body: String,
    case_number: String,
    decision_date: String,
    start: String,
    end: String,
    instructions: String,
    report_to: String,
    frequency: String,
    next_meeting: String,
}

impl MandateForm {
    /// The stored mandate as the form shows it.
    fn of(m: &Mandate) -> Self {
        let date = |d: Option<Date>| d.map(format_date).unwrap_or_default();
        Self {
            engagement_id: m.engagement_id.to_string(),
            person_id: m.person_id.map(|p| p.to_string()).unwrap_or_default(),
            mandate_role: m.role.code().to_owned(),
            mandate_body: m.body.clone(),
            case_number: m.case_number.clone().unwrap_or_default(),
            decision_date: date(m.decision_date),
            start: format_date(m.start_date),
            end: date(m.end_date),
            instructions: m.instructions.clone().unwrap_or_default(),
            report_to: m.report_to.clone(),
            frequency: m.frequency.code().to_owned(),
            next_meeting: date(m.next_meeting),
        }
    }

    fn draft(&self) -> MandateDraft {
        MandateDraft {
            engagement_id: self.engagement_id.trim().parse().ok(),
            person_id: self.person_id.trim().parse().ok(),
            role: self.mandate_role.clone(),
            body: self.mandate_body.clone(),
            case_number: self.case_number.clone(),
            decision_date: self.decision_date.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            instructions: self.instructions.clone(),
            report_to: self.report_to.clone(),
            frequency: self.frequency.clone(),
            next_meeting: self.next_meeting.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/mandate_form.html")]
pub(super) struct FormPage {
    i: I18n,
    draft: MandateForm,
    errors: ValidationErrors,
    edit: Edit,
    engagements: Vec<Choice>,
    people: Vec<Choice>,
    roles: Vec<Choice>,
    frequencies: Vec<Choice>,
    /// The mandate being edited (id, stored heading); `None` for a new one.
    editing: Option<(i64, String)>,
}

async fn form_page(
    i: I18n,
    state: &AppState,
    editing: Option<(i64, String)>,
    (draft, edit): (MandateForm, Edit),
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let engagement = draft.engagement_id.trim().parse().ok();
    let person = draft.person_id.trim().parse().ok();
    let list = state.store.engagements(&EngagementFilter { page: 1, per_page: 500, ..EngagementFilter::default() }).await?;
    let mut engagements = vec![Choice::blank(form::none_label(&i), engagement.is_none())];
    engagements.extend(form::records(list.items.iter().map(|e| (e.id, e.title.as_str())), engagement));
    let people_list = state.store.people(None).await?;
    let mut people = vec![Choice::blank(i.t("followup-vacant-seat"), person.is_none())];
    people.extend(form::records(people_list.iter().map(|p| (p.id, p.name.as_str())), person));
    let roles =
        form::codes(MandateRole::ALL, MandateRole::code, |r| i.t(&format!("followup-role-{}", r.code())), draft.mandate_role.trim());
    let frequency = if draft.frequency.trim().is_empty() { "yearly" } else { draft.frequency.trim() };
    let frequencies = form::codes(Frequency::ALL, Frequency::code, |f| i.t(&format!("followup-frequency-{}", f.code())), frequency);
    Ok(FormPage { i, draft, errors, edit, engagements, people, roles, frequencies, editing })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NewQuery {
    engagement_id: String,
    person_id: String,
}

pub(super) async fn new(i: I18n, State(state): State<AppState>, Query(q): Query<NewQuery>) -> Result<FormPage, AppError> {
    let draft = MandateForm { engagement_id: q.engagement_id, person_id: q.person_id, ..MandateForm::default() };
    form_page(i, &state, None, (draft, Edit::default()), form::no_errors()).await
}

pub(super) async fn create(i: I18n, State(state): State<AppState>, Form(posted): Form<MandateForm>) -> Result<Response, AppError> {
    match state.store.create_mandate(&posted.draft()).await {
        Ok(id) => Ok(see_other(&format!("/mandates/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_page(i, &state, None, (posted, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

/// A mandate's heading: "engagement: role".
fn heading(i: &I18n, m: &Mandate) -> String {
    format!("{}: {}", m.engagement_title, i.t(&format!("followup-role-{}", m.role.code())))
}

pub(super) async fn edit(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let m = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
    form_page(i, &state, Some((id, heading(&i, &m))), (MandateForm::of(&m), Edit::at(m.version)), form::no_errors()).await
}

pub(super) async fn update(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<MandateForm>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let m = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
    match state.store.update_mandate(id, posted.expected(), &posted.fields.draft()).await {
        Ok(_) => Ok(see_other(&format!("/mandates/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted.fields, &MandateForm::of(&now), now.version);
            Ok(conflicted(form_page(i, &state, Some((id, heading(&i, &now))), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok(rejected(form_page(i, &state, Some((id, heading(&i, &m))), (posted.fields, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// Deletes a mandate without reports back; one with reports is refused with the reason on
/// its page (409).
pub(super) async fn delete(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    match state.store.delete_mandate(id).await {
        Ok(()) => Ok(see_other("/mandates?deleted=1").into_response()),
        Err(StoreError::InUse { .. }) => {
            let mut page = show_page(i, &state, id).await?;
            page.refused = true;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/mandate.html")]
pub(super) struct ShowPage {
    i: I18n,
    m: MandateRow,
    reports: Vec<ReportView>,
    /// A deletion was just refused because the mandate has reports back.
    refused: bool,
}

async fn show_page(i: I18n, state: &AppState, id: i64) -> Result<ShowPage, AppError> {
    let mandate = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
    let titles = vec![(mandate.id, mandate.engagement_title.clone())];
    let reports = state.store.reports(&[id]).await?.into_iter().map(|r| ReportView::of(&i, r, &titles)).collect();
    Ok(ShowPage { m: MandateRow::of(&i, mandate, today()), reports, refused: false, i })
}

pub(super) async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    show_page(i, &state, path_id(&id)?).await
}

/// A goal the report may speak to, as a checkbox.
pub(super) struct GoalBox {
    id: i64,
    label: String,
    checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/report_form.html")]
pub(super) struct ReportPage {
    i: I18n,
    m: MandateRow,
    draft: ReportDraft,
    errors: ValidationErrors,
    goals: Vec<GoalBox>,
}

async fn report_page(
    i: I18n,
    state: &AppState,
    mandate: Mandate,
    draft: ReportDraft,
    errors: ValidationErrors,
) -> Result<ReportPage, AppError> {
    let checked: HashSet<i64> = draft.goal_ids.iter().copied().collect();
    let goals = state
        .store
        .goals_of_owner(mandate.owner_id)
        .await?
        .into_iter()
        .map(|(plan, g)| GoalBox {
            checked: checked.contains(&g.id),
            label: format!("{plan}: {}", g.title.unwrap_or_else(|| i.t("followup-untitled-goal"))),
            id: g.id,
        })
        .collect();
    Ok(ReportPage { m: MandateRow::of(&i, mandate, today()), draft, errors, goals, i })
}

pub(super) async fn new_report(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ReportPage, AppError> {
    let id = path_id(&id)?;
    let mandate = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
    let draft = ReportDraft { date: format_date(today()), ..ReportDraft::default() };
    report_page(i, &state, mandate, draft, form::no_errors()).await
}

/// The report form's fields, read as pairs so the goal checkboxes can repeat.
fn report_draft(fields: Vec<(String, String)>) -> ReportDraft {
    let mut draft = ReportDraft::default();
    for (name, value) in fields {
        match name.as_str() {
            "date" => draft.date = value,
            "meetings" => draft.meetings = value,
            "text" => draft.text = value,
            "goal_ids" => draft.goal_ids.extend(value.trim().parse::<i64>().ok()),
            _ => {}
        }
    }
    draft
}

/// The report form as posted: its fields as pairs and the attached files (name, bytes).
/// The page sends `multipart/form-data`; a URL-encoded form (no files) is read too, e.g. when
/// a form comes back through the sign-in page.
async fn read_report_form(request: Request) -> Result<(Vec<(String, String)>, Vec<(String, Vec<u8>)>), AppError> {
    let multipart =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("multipart/"));
    if !multipart {
        let Form(fields) =
            Form::<Vec<(String, String)>>::from_request(request, &()).await.map_err(|e| AppError::BadRequest(e.to_string()))?;
        return Ok((fields, Vec::new()));
    }
    let mut form = Multipart::from_request(request, &()).await.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (mut fields, mut files) = (Vec::new(), Vec::new());
    while let Some(field) = form.next_field().await.map_err(|e| AppError::BadRequest(e.to_string()))? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(ToOwned::to_owned) {
            Some(file_name) => {
                let data = field.bytes().await.map_err(|e| AppError::BadRequest(e.to_string()))?;
                // A file input left empty still sends a part, without name or bytes.
                if !(file_name.is_empty() && data.is_empty()) {
                    files.push((file_name, data.to_vec()));
                }
            }
            None => fields.push((name, field.text().await.map_err(|e| AppError::BadRequest(e.to_string()))?)),
        }
    }
    Ok((fields, files))
}

/// Saves a report back with its attachments; on any error (the text, a goal, a file too big or
/// of a refused type) nothing is written and the form comes back with the error beside its
/// field.
pub(super) async fn create_report(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let mandate = state.store.mandate(id).await?.ok_or(AppError::NotFound)?;
    let (fields, files) = read_report_form(request).await?;
    let draft = report_draft(fields);
    match state.store.create_report(id, &draft, files, today()).await {
        Ok(_) => Ok(see_other(&format!("/mandates/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(report_page(i, &state, mandate, draft, errors).await?)),
        Err(other) => Err(other.into()),
    }
}

/// Downloads an attachment with the type sniffed when it was stored; never shown inline, so
/// a browser does not render it as a page of ours.
pub(super) async fn attachment(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let a = state.store.attachment(id).await?.ok_or(AppError::NotFound)?;
    let name: String = a.file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_ ".contains(c) { c } else { '_' }).collect();
    Ok((
        [
            (header::CONTENT_TYPE, a.content_type),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        a.data,
    )
        .into_response())
}
