//! The staff pages of the news: every article in every state, and the form that writes,
//! schedules and publishes one.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverk_domain::ValidationErrors;
use samverk_domain::news::{NewsDraft, Publish};
use samverk_domain::tz::Zone;
use samverk_store::StoreError;
use samverk_store::news::{News, NewsFilter, instant};
use time::OffsetDateTime;

use super::{Card, sdg_choices};
use crate::i18n::I18n;
use crate::pages::decisions::authority_choices;
use crate::pages::fields::Fields;
use crate::pages::form::{self, Choice, records, see_other};
use crate::pages::organisations::path_id;
use crate::pages::public::texts::language_choices;
use crate::trust::conflict::{Edit, conflicted, rebase};
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "news/manage.html")]
pub(super) struct ManagePage {
    i: I18n,
    cards: Vec<Card>,
    deleted: bool,
}

pub(super) async fn manage(
    State(state): State<AppState>,
    i: I18n,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<ManagePage, AppError> {
    let now = OffsetDateTime::now_utc();
    let filter = NewsFilter { per_page: 500, page: 1, ..NewsFilter::default() };
    let page = state.store.news_list(&filter, now).await?;
    let cards = page
        .items
        .into_iter()
        .map(|mut n| {
            let marks = super::localise(&i, &mut n, None, None);
            Card::of(&i, n, marks, now)
        })
        .collect();
    Ok(ManagePage { i, deleted: q.contains_key("deleted"), cards })
}

/// The form as posted, every field as typed (serialised under the form's field names, for the
/// conflict page).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(super) struct NewsForm {
    owner_id: String,
    #[serde(rename = "news_title")]
    title: String,
    lead: String,
    #[serde(rename = "news_body")]
    body: String,
    image_url: String,
    image_alt: String,
    author_role: String,
    tags: String,
    engagement_ids: Vec<i64>,
    goal_ids: Vec<i64>,
    sdgs: Vec<i64>,
    publish: String,
    publish_at: String,
    language: String,
}

impl NewsForm {
    fn of_fields(f: &Fields) -> Self {
        Self {
            owner_id: f.get("owner_id"),
            title: f.get("news_title"),
            lead: f.get("lead"),
            body: f.get("news_body"),
            image_url: f.get("image_url"),
            image_alt: f.get("image_alt"),
            author_role: f.get("author_role"),
            tags: f.get("tags"),
            engagement_ids: f.ids("engagement_ids"),
            goal_ids: f.ids("goal_ids"),
            sdgs: f.ids("sdgs"),
            publish: f.get("publish"),
            publish_at: f.get("publish_at"),
            language: f.get("language"),
        }
    }

    fn of(n: &News, now: OffsetDateTime) -> Self {
        let (publish, publish_at) = match n.item.publish_at {
            None => (Publish::Draft, String::new()),
            Some(at) if at <= now.unix_timestamp() => (Publish::Now, String::new()),
            Some(at) => {
                let local = Zone::default().local(instant(at));
                let text =
                    format!("{}-{:02}-{:02}T{:02}:{:02}", local.year(), u8::from(local.month()), local.day(), local.hour(), local.minute());
                (Publish::Scheduled, text)
            }
        };
        Self {
            owner_id: n.item.owner_id.to_string(),
            title: n.item.title.clone(),
            lead: n.item.lead.clone(),
            body: n.body.clone(),
            image_url: n.item.image_url.clone().unwrap_or_default(),
            image_alt: n.item.image_alt.clone().unwrap_or_default(),
            author_role: n.item.author_role.clone().unwrap_or_default(),
            tags: n.item.tags.join(", "),
            engagement_ids: n.engagements.iter().map(|(id, _)| *id).collect(),
            goal_ids: n.goals.iter().map(|(id, _)| *id).collect(),
            sdgs: n.sdgs.clone(),
            publish: publish.code().to_owned(),
            publish_at,
            language: n.item.language.clone().unwrap_or_default(),
        }
    }

    fn draft(&self) -> NewsDraft {
        NewsDraft {
            owner_id: self.owner_id.trim().parse().ok(),
            title: self.title.clone(),
            lead: self.lead.clone(),
            body: self.body.clone(),
            image_url: self.image_url.clone(),
            image_alt: self.image_alt.clone(),
            author_role: self.author_role.clone(),
            tags: self.tags.clone(),
            engagement_ids: self.engagement_ids.clone(),
            goal_ids: self.goal_ids.clone(),
            sdgs: self.sdgs.clone(),
            publish: self.publish.clone(),
            publish_at: self.publish_at.clone(),
            language: self.language.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "news/form.html")]
pub(super) struct FormPage {
    i: I18n,
    heading: String,
    action: String,
    cancel: String,
    draft: NewsForm,
    errors: ValidationErrors,
    edit: Edit,
    owners: Vec<Choice>,
    engagements: Vec<Choice>,
    goals: Vec<Choice>,
    sdgs: Vec<Choice>,
    publish: Vec<Choice>,
    languages: Vec<Choice>,
    /// The form of the article's texts in other languages (an article being edited).
    texts: Option<String>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        i: I18n,
        id: Option<(i64, &str)>,
        (draft, edit): (NewsForm, Edit),
        errors: ValidationErrors,
    ) -> Result<Self, AppError> {
        let selected = draft.owner_id.trim().parse().ok();
        let mut owners = vec![Choice::blank(form::none_label(&i), selected.is_none())];
        owners.extend(authority_choices(&state.store, selected).await?);
        let (engagement_items, goal_items) = state.store.link_targets().await?;
        let pick = |items: &[(i64, String)], chosen: &[i64]| {
            records(items.iter().map(|(id, t)| (*id, t.as_str())), None)
                .into_iter()
                .map(|mut c| {
                    c.selected = c.value.parse().is_ok_and(|v: i64| chosen.contains(&v));
                    c
                })
                .collect::<Vec<_>>()
        };
        let engagements = pick(&engagement_items, &draft.engagement_ids);
        let goals = pick(&goal_items, &draft.goal_ids);
        let sdgs = sdg_choices(state, &i, &draft.sdgs).await?;
        let current = if draft.publish.trim().is_empty() { Publish::Draft.code() } else { draft.publish.trim() };
        let publish = form::codes(
            Publish::ALL,
            Publish::code,
            |p| match p {
                Publish::Draft => i.t("news-publish-draft"),
                Publish::Now => i.t("news-publish-now"),
                Publish::Scheduled => i.t("news-publish-scheduled"),
            },
            current,
        );
        let (heading, action, cancel) = match id {
            Some((id, title)) => (i.t1("news-edit-title", "title", title), format!("/news/{id}"), "/news/manage".to_owned()),
            None => (i.t("news-new-title"), "/news".to_owned(), "/news/manage".to_owned()),
        };
        let languages = language_choices(&i, &draft.language);
        let texts = id.map(|(id, _)| format!("/news/{id}/texts"));
        Ok(Self { i, heading, action, cancel, draft, errors, edit, owners, engagements, goals, sdgs, publish, languages, texts })
    }
}

fn rejected(page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

pub(super) async fn new(State(state): State<AppState>, i: I18n) -> Result<FormPage, AppError> {
    FormPage::new(&state, i, None, (NewsForm::default(), Edit::default()), form::no_errors()).await
}

pub(super) async fn create(State(state): State<AppState>, i: I18n, fields: Fields) -> Result<Response, AppError> {
    let posted = NewsForm::of_fields(&fields);
    match state.store.create_news(&posted.draft(), OffsetDateTime::now_utc()).await {
        Ok(_) => Ok(see_other("/news/manage").into_response()),
        Err(StoreError::Invalid(errors)) => Ok(rejected(FormPage::new(&state, i, None, (posted, Edit::default()), errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn edit(State(state): State<AppState>, i: I18n, Path(id): Path<String>) -> Result<FormPage, AppError> {
    let id = path_id(&id)?;
    let n = state.store.news(id).await?.ok_or(AppError::NotFound)?;
    let draft = NewsForm::of(&n, OffsetDateTime::now_utc());
    FormPage::new(&state, i, Some((id, &n.item.title)), (draft, Edit::at(n.version)), form::no_errors()).await
}

pub(super) async fn update(State(state): State<AppState>, i: I18n, Path(id): Path<String>, fields: Fields) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let n = state.store.news(id).await?.ok_or(AppError::NotFound)?;
    let posted = NewsForm::of_fields(&fields);
    let version = fields.get("version");
    let now = OffsetDateTime::now_utc();
    match state.store.update_news(id, version.trim().parse().ok(), &posted.draft(), now).await {
        Ok(_) => Ok(see_other("/news/manage").into_response()),
        Err(StoreError::Stale { .. }) => {
            let current = state.store.news(id).await?.ok_or(AppError::NotFound)?;
            let edit = rebase(&posted, &NewsForm::of(&current, now), current.version);
            Ok(conflicted(FormPage::new(&state, i, Some((id, &current.item.title)), (posted, edit), form::no_errors()).await?))
        }
        Err(StoreError::Invalid(errors)) => {
            let edit = Edit { version, conflict: None };
            Ok(rejected(FormPage::new(&state, i, Some((id, &n.item.title)), (posted, edit), errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn delete(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    state.store.delete_news(id).await?;
    Ok(see_other("/news/manage?deleted=1").into_response())
}
