//! Staff actions of the public face: publishing or withdrawing an engagement or a plan (a
//! button on its page), and writing an engagement's title and description in more languages.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use samverk_store::StoreError;
use serde::Deserialize;

use crate::i18n::{I18n, Lang};
use crate::pages::form::{self, Choice};
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

#[derive(Debug, Deserialize)]
pub struct PublishForm {
    /// "true" publishes, anything else withdraws.
    #[serde(default)]
    published: String,
}

pub async fn engagement(State(state): State<AppState>, Path(id): Path<i64>, Form(f): Form<PublishForm>) -> Result<Redirect, AppError> {
    state.store.set_engagement_published(id, f.published == "true").await?;
    Ok(form::see_other(&format!("/engagements/{id}")))
}

pub async fn plan(State(state): State<AppState>, Path(id): Path<i64>, Form(f): Form<PublishForm>) -> Result<Redirect, AppError> {
    state.store.set_plan_published(id, f.published == "true").await?;
    Ok(form::see_other(&format!("/plans/{id}")))
}

/// The texts form: the original language and a title and description per other language.
#[derive(Debug, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct TextsForm {
    language: String,
    title_nb: String,
    description_nb: String,
    title_sv: String,
    description_sv: String,
    title_en: String,
    description_en: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "public/texts_form.html")]
pub struct TextsPage {
    i: I18n,
    id: i64,
    title: String,
    draft: TextsForm,
    errors: samverk_domain::ValidationErrors,
    edit: Edit,
    languages: Vec<Choice>,
}

/// The texts as stored, as the form shows them, with the engagement's title and version.
async fn stored_texts(state: &AppState, id: i64) -> Result<(TextsForm, String, i64), AppError> {
    let engagement = state.store.engagement(id).await?.ok_or(AppError::NotFound)?;
    let (language, texts) = state.store.engagement_texts(id).await?;
    let mut draft = TextsForm { language: language.unwrap_or_default(), ..TextsForm::default() };
    for t in texts {
        let description = t.description.unwrap_or_default();
        match t.language.as_str() {
            "nb" => (draft.title_nb, draft.description_nb) = (t.title, description),
            "sv" => (draft.title_sv, draft.description_sv) = (t.title, description),
            "en" => (draft.title_en, draft.description_en) = (t.title, description),
            _ => {}
        }
    }
    Ok((draft, engagement.title, engagement.version))
}

fn page(i: I18n, id: i64, title: String, (draft, edit): (TextsForm, Edit)) -> TextsPage {
    let mut languages = vec![Choice::blank(form::none_label(&i), draft.language.is_empty())];
    languages.extend(Lang::ALL.iter().map(|l| Choice::new(l.code(), l.name(), draft.language == l.code())));
    TextsPage { i, id, title, draft, errors: form::no_errors(), edit, languages }
}

pub async fn texts(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<TextsPage, AppError> {
    let (draft, title, version) = stored_texts(&state, id).await?;
    Ok(page(i, id, title, (draft, Edit::at(version))))
}

pub async fn save_texts(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(posted): Form<Versioned<TextsForm>>,
) -> Result<Response, AppError> {
    let f = &posted.fields;
    let language = Lang::parse(&f.language).map(Lang::code);
    let texts = [
        ("nb".to_owned(), f.title_nb.clone(), f.description_nb.clone()),
        ("sv".to_owned(), f.title_sv.clone(), f.description_sv.clone()),
        ("en".to_owned(), f.title_en.clone(), f.description_en.clone()),
    ];
    match state.store.save_engagement_texts(id, posted.expected(), language, &texts).await {
        Ok(()) => Ok(form::see_other(&format!("/engagements/{id}")).into_response()),
        Err(StoreError::Stale { .. }) => {
            let (now, title, version) = stored_texts(&state, id).await?;
            let edit = rebase(&posted.fields, &now, version);
            Ok(conflicted(page(i, id, title, (posted.fields, edit))))
        }
        Err(other) => Err(other.into()),
    }
}
