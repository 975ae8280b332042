//! Texts in more than one language, one implementation for engagements and news articles:
//! how a public page shows a text (the translation in its language, else the original marked
//! with its language and noted), and the staff form that sets the original language and the
//! wording in the other languages (`/engagements/{id}/texts`, `/news/{id}/texts`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use samverk_store::StoreError;
use samverk_store::texts::{self, Kind, Text, TextDraft};
use serde::{Deserialize, Serialize};

use crate::i18n::{I18n, Lang};
use crate::pages::form::{self, Choice};
use crate::trust::conflict::{Edit, Versioned, conflicted, rebase};
use crate::{AppError, AppState};

/// A text in the page's language, or the original with a note of its language.
pub struct Shown {
    pub text: String,
    /// The language code of the text when it differs from the page's (for `lang` and the note).
    pub lang: Option<String>,
    pub note: Option<String>,
}

/// Picks the translation for the page's language, else the original, noting its language
/// when that differs from the page's.
pub fn shown(i: &I18n, original: &str, original_lang: Option<&str>, translation: Option<&str>) -> Shown {
    if let Some(t) = translation {
        return Shown { text: t.to_owned(), lang: None, note: None };
    }
    let (lang, note) = marked(i, original_lang);
    Shown { text: original.to_owned(), lang, note }
}

/// The `lang` attribute and the note for a text written in `language`, when that is known and
/// differs from the page's language: "(in Swedish)" beside a title or a lead.
pub fn marked(i: &I18n, language: Option<&str>) -> (Option<String>, Option<String>) {
    noted(i, language, I18n::in_language)
}

/// The same for a record whose every text is in its language (a plan with its goals, a call):
/// "Written in Swedish" above them.
pub fn written(i: &I18n, language: Option<&str>) -> (Option<String>, Option<String>) {
    noted(i, language, I18n::written_in)
}

fn noted(i: &I18n, language: Option<&str>, note: fn(&I18n, &str) -> String) -> (Option<String>, Option<String>) {
    match language {
        Some(code) if code != i.lang() => (Some(code.to_owned()), Some(note(i, code))),
        _ => (None, None),
    }
}

/// The text of `record` in the page's language among `texts`, when written.
pub fn translation<'a>(i: &I18n, texts: &'a [Text], record: i64) -> Option<&'a Text> {
    texts.iter().find(|t| t.record_id == record && t.language == i.lang())
}

/// The languages a record can be written in, as choices (blank: not known).
pub fn language_choices(i: &I18n, chosen: &str) -> Vec<Choice> {
    let chosen = chosen.trim();
    let mut languages = vec![Choice::blank(form::none_label(i), chosen.is_empty())];
    languages.extend(Lang::ALL.iter().map(|l| Choice::new(l.code(), l.name(), chosen == l.code())));
    languages
}

/// Where one kind's texts are kept and where its staff page is.
#[derive(Clone, Copy)]
struct Of {
    kind: Kind,
    /// The record's staff page is `{base}/{id}{page}`; the form is `{base}/{id}/texts`.
    base: &'static str,
    page: &'static str,
}

const ENGAGEMENT: Of = Of { kind: texts::ENGAGEMENT, base: "/engagements", page: "" };
const NEWS: Of = Of { kind: texts::NEWS, base: "/news", page: "/edit" };

/// The texts form: the original language and, per other language, a title and a description
/// (engagements) or a title, a lead and a body (news).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct TextsForm {
    language: String,
    title_nb: String,
    description_nb: String,
    lead_nb: String,
    body_nb: String,
    title_sv: String,
    description_sv: String,
    lead_sv: String,
    body_sv: String,
    title_en: String,
    description_en: String,
    lead_en: String,
    body_en: String,
}

impl TextsForm {
    /// The title, summary (description or lead, as the kind names it) and body fields of a language.
    fn slots(&mut self, of: Of, lang: Lang) -> (&mut String, &mut String, &mut String) {
        let (title, description, lead, body) = match lang {
            Lang::Nb => (&mut self.title_nb, &mut self.description_nb, &mut self.lead_nb, &mut self.body_nb),
            Lang::Sv => (&mut self.title_sv, &mut self.description_sv, &mut self.lead_sv, &mut self.body_sv),
            Lang::En => (&mut self.title_en, &mut self.description_en, &mut self.lead_en, &mut self.body_en),
        };
        (title, if of.kind.has_body { lead } else { description }, body)
    }

    fn of(of: Of, stored: &texts::Texts) -> Self {
        let mut form = Self { language: stored.language.clone().unwrap_or_default(), ..Self::default() };
        for t in &stored.texts {
            if let Some(lang) = Lang::parse(&t.language) {
                let (title, summary, body) = form.slots(of, lang);
                *title = t.title.clone();
                *summary = t.summary.clone().unwrap_or_default();
                *body = t.body.clone().unwrap_or_default();
            }
        }
        form
    }

    fn drafts(&self, of: Of) -> Vec<TextDraft> {
        let mut form = self.clone();
        Lang::ALL
            .iter()
            .map(|lang| {
                let (title, summary, body) = form.slots(of, *lang);
                TextDraft { language: lang.code().to_owned(), title: title.clone(), summary: summary.clone(), body: body.clone() }
            })
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "public/texts_form.html")]
pub struct TextsPage {
    i: I18n,
    action: String,
    back: String,
    title: String,
    has_body: bool,
    draft: TextsForm,
    errors: samverk_domain::ValidationErrors,
    edit: Edit,
    languages: Vec<Choice>,
}

fn page(i: I18n, of: Of, id: i64, title: String, (draft, edit): (TextsForm, Edit)) -> TextsPage {
    let languages = language_choices(&i, &draft.language);
    TextsPage {
        i,
        action: format!("{}/{id}/texts", of.base),
        back: format!("{}/{id}{}", of.base, of.page),
        title,
        has_body: of.kind.has_body,
        draft,
        errors: form::no_errors(),
        edit,
        languages,
    }
}

async fn show(of: Of, i: I18n, state: &AppState, id: i64) -> Result<TextsPage, AppError> {
    let stored = state.store.texts(of.kind, id).await?;
    let draft = TextsForm::of(of, &stored);
    Ok(page(i, of, id, stored.title, (draft, Edit::at(stored.version))))
}

async fn save(of: Of, i: I18n, state: &AppState, id: i64, posted: Versioned<TextsForm>) -> Result<Response, AppError> {
    let language = Lang::parse(&posted.fields.language).map(Lang::code);
    match state.store.save_texts(of.kind, id, posted.expected(), language, &posted.fields.drafts(of)).await {
        Ok(()) => Ok(form::see_other(&format!("{}/{id}{}", of.base, of.page)).into_response()),
        Err(StoreError::Stale { .. }) => {
            let stored = state.store.texts(of.kind, id).await?;
            let edit = rebase(&posted.fields, &TextsForm::of(of, &stored), stored.version);
            Ok(conflicted(page(i, of, id, stored.title, (posted.fields, edit))))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn engagement_form(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<TextsPage, AppError> {
    show(ENGAGEMENT, i, &state, id).await
}

pub async fn engagement_save(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(posted): axum::Form<Versioned<TextsForm>>,
) -> Result<Response, AppError> {
    save(ENGAGEMENT, i, &state, id, posted).await
}

pub async fn news_form(i: I18n, State(state): State<AppState>, Path(id): Path<i64>) -> Result<TextsPage, AppError> {
    show(NEWS, i, &state, id).await
}

pub async fn news_save(
    i: I18n,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    axum::Form(posted): axum::Form<Versioned<TextsForm>>,
) -> Result<Response, AppError> {
    save(NEWS, i, &state, id, posted).await
}
