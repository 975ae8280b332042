//! Referrals received (høring, remiss): the register by deadline with those due soon first,
//! and the form that records the statement, who approved it and when it was sent.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverk_domain::ValidationErrors;
use samverk_domain::input::format_date;
use samverk_domain::referral::{ReferralDraft, days_left};
use samverk_store::StoreError;
use samverk_store::referral::Referral;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::i18n::I18n;
use crate::pages::decisions::authority_choices;
use crate::pages::form::{self, Choice, see_other};
use crate::pages::organisations::path_id;
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// How far ahead "due soon" looks.
const DUE_SOON_DAYS: i64 = 14;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/referrals", get(list).post(create))
        .route("/referrals/new", get(new))
        .route("/referrals/{id}", get(show).post(update))
        .route("/referrals/{id}/edit", get(edit))
}

struct Row {
    id: i64,
    sender: String,
    case_number: String,
    subject: String,
    deadline: String,
    due: String,
    responsible: String,
    state: String,
}

fn row(i: &I18n, r: &Referral, today: time::Date) -> Row {
    let left = days_left(r.deadline, today);
    Row {
        id: r.id,
        sender: r.sender.clone(),
        case_number: r.case_number.clone().unwrap_or_default(),
        subject: r.subject.clone(),
        deadline: i.date(&r.deadline),
        due: if r.sent_on.is_some() {
            String::new()
        } else if left < 0 {
            i.tn("referral-overdue", "days", -left)
        } else {
            i.tn("referral-days-left", "days", left)
        },
        responsible: r.responsible.clone().unwrap_or_default(),
        state: match (&r.sent_on, &r.approved_on, &r.statement) {
            (Some(d), _, _) => i.t1("referral-state-sent", "date", &i.date(d)),
            (None, Some(d), _) => i.t1("referral-state-approved", "date", &i.date(d)),
            (None, None, Some(_)) => i.t("referral-state-drafted"),
            (None, None, None) => i.t("referral-state-received"),
        },
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "referrals/list.html")]
struct ListPage {
    i: I18n,
    due: Vec<Row>,
    all: Vec<Row>,
    due_heading: String,
}

async fn list(State(state): State<AppState>, i: I18n) -> Result<ListPage, AppError> {
    let today = OffsetDateTime::now_utc().date();
    let due = state.store.referrals(None, Some(today + Duration::days(DUE_SOON_DAYS))).await?;
    let all = state.store.referrals(None, None).await?;
    Ok(ListPage {
        due: due.iter().map(|r| row(&i, r, today)).collect(),
        all: all.iter().map(|r| row(&i, r, today)).collect(),
        due_heading: i.tn("referrals-due-heading", "days", DUE_SOON_DAYS),
        i,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "referrals/show.html")]
struct ShowPage {
    i: I18n,
    r: Row,
    owner: String,
    statement: String,
    approved_by: String,
    approved_on: String,
    sent_on: String,
}

async fn show(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let id = path_id(&id)?;
    let r = state.store.referral(id).await?.ok_or(AppError::NotFound)?;
    let today = OffsetDateTime::now_utc().date();
    Ok(ShowPage {
        owner: r.owner_name.clone(),
        statement: r.statement.clone().unwrap_or_default(),
        approved_by: r.approved_by.clone().unwrap_or_default(),
        approved_on: r.approved_on.map(|d| i.date(&d)).unwrap_or_default(),
        sent_on: r.sent_on.map(|d| i.date(&d)).unwrap_or_default(),
        r: row(&i, &r, today),
        i,
    })
}

/// The form as posted.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
struct ReferralForm {
    owner_id: String,
    sender: String,
    referral_case: String,
    subject: String,
    deadline: String,
    responsible: String,
    statement: String,
    approved_by: String,
    approved_on: String,
    sent_on: String,
}

impl ReferralForm {
    fn draft(&self) -> ReferralDraft {
        ReferralDraft {
            owner_id: self.owner_id.trim().parse().ok(),
            sender: self.sender.clone(),
            case_number: self.referral_case.clone(),
            subject: self.subject.clone(),
            deadline: self.deadline.clone(),
            responsible: self.responsible.clone(),
            statement: self.statement.clone(),
            approved_by: self.approved_by.clone(),
            approved_on: self.approved_on.clone(),
            sent_on: self.sent_on.clone(),
        }
    }

    fn of(r: &Referral) -> Self {
        let date = |d: Option<time::Date>| d.map(format_date).unwrap_or_default();
        Self {
            owner_id: r.owner_id.to_string(),
            sender: r.sender.clone(),
            referral_case: r.case_number.clone().unwrap_or_default(),
            subject: r.subject.clone(),
            deadline: format_date(r.deadline),
            responsible: r.responsible.clone().unwrap_or_default(),
            statement: r.statement.clone().unwrap_or_default(),
            approved_by: r.approved_by.clone().unwrap_or_default(),
            approved_on: date(r.approved_on),
            sent_on: date(r.sent_on),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "referrals/form.html")]
struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    draft: ReferralForm,
    errors: ValidationErrors,
    edit: Edit,
    owners: Vec<Choice>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        i: I18n,
        id: Option<i64>,
        (draft, edit): (ReferralForm, Edit),
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        let selected = draft.owner_id.trim().parse().ok();
        let mut owners = vec![Choice::blank(form::none_label(&i), selected.is_none())];
        owners.extend(authority_choices(&state.store, selected).await?);
        let (heading, action) = match id {
            Some(id) => (i.t("referral-edit-title"), format!("/referrals/{id}")),
            None => (i.t("referral-new-title"), "/referrals".to_owned()),
        };
        Ok(Self { i, heading, action, draft, errors, edit, owners })
    }
}

async fn new(State(state): State<AppState>, i: I18n) -> Result<FormPage, AppError> {
    FormPage::new(&state, i, None, (ReferralForm::default(), Edit::default()), form::no_errors()).await
}

async fn create(State(state): State<AppState>, i: I18n, Form(posted): Form<ReferralForm>) -> Result<Response, AppError> {
    match state.store.create_referral(&posted.draft()).await {
        Ok(id) => Ok(see_other(&format!("/referrals/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, FormPage::new(&state, i, None, (posted, Edit::default()), errors).await?).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn edit(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let r = state.store.referral(id).await?.ok_or(AppError::NotFound)?;
    FormPage::new(&state, i, Some(id), (ReferralForm::of(&r), Edit::at(r.version)), form::no_errors()).await
}

async fn update(
    State(state): State<AppState>,
    i: I18n,
    Path(id): Path<String>,
    Form(posted): Form<Versioned<ReferralForm>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    match state.store.update_referral(id, posted.expected(), &posted.fields.draft()).await {
        Ok(_) => Ok(see_other(&format!("/referrals/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let now = state.store.referral(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted.fields, &ReferralForm::of(&now), now.version);
            Ok(conflicted(FormPage::new(&state, i, Some(id), (posted.fields, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = posted.edit();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, FormPage::new(&state, i, Some(id), (posted.fields, edit), errors).await?).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
