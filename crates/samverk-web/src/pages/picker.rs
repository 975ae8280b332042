//! The organisation picker: one text field in every form that names an organisation
//! (`templates/_picker.html`). Without JavaScript it is a plain field: the server resolves what
//! was typed (`Store::resolve_organisation`) and, when that names several organisations or
//! none, shows the form again (422) with the text kept and the candidates as radio buttons.
//! `static/picker.js` adds suggestions as one types, from `/organisations/search.json`.
//!
//! A picker named `organisation_id` posts the text as `organisation_id_q`, a candidate's radio
//! button as `organisation_id_pick`, and the organisation chosen before (kept from an earlier
//! answer, or a suggestion the script filled in) as `organisation_id`. A radio button wins;
//! the earlier choice holds while the text is still its name; otherwise the text decides.

use samverk_domain::Problem;
use samverk_store::Store;
use samverk_store::lookup::Resolved;
use samverk_store::organisation::Organisation;

use crate::AppError;
use crate::i18n::I18n;

/// A candidate offered when the text was not enough.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: i64,
    pub label: String,
    /// Kind, country, identifiers and period: what tells two namesakes apart.
    pub detail: String,
}

/// The picker's state in a form.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// What the field shows: the text typed, or the chosen organisation's name.
    pub text: String,
    /// The organisation chosen, kept in the form while its name is in the field.
    pub chosen: Option<i64>,
    pub candidates: Vec<Candidate>,
}

impl Picker {
    /// A picker showing the chosen organisation.
    #[must_use]
    pub fn chosen(id: i64, name: impl Into<String>) -> Self {
        Self { text: name.into(), chosen: Some(id), candidates: Vec::new() }
    }

    /// The value of the hidden field.
    #[must_use]
    pub fn chosen_value(&self) -> String {
        self.chosen.map(|id| id.to_string()).unwrap_or_default()
    }
}

/// What a form posted for one picker.
#[derive(Debug, Clone, Copy)]
pub struct Posted<'a> {
    /// The text field (`<name>_q`).
    pub text: &'a str,
    /// The earlier choice (`<name>`).
    pub id: &'a str,
    /// A candidate's radio button (`<name>_pick`).
    pub pick: &'a str,
}

impl Picked {
    /// The picker to show again: the chosen organisation, or the refused one.
    #[must_use]
    pub fn picker(&self) -> Picker {
        match self {
            Self::One(id, name) => Picker::chosen(*id, name.clone()),
            Self::Refused(_, p) => p.clone(),
        }
    }

    /// The chosen organisation's id.
    #[must_use]
    pub const fn id(&self) -> Option<i64> {
        match self {
            Self::One(id, _) => Some(*id),
            Self::Refused(..) => None,
        }
    }
}

/// What the posted picker names.
#[derive(Debug)]
pub enum Picked {
    /// One organisation (id and name).
    One(i64, String),
    /// Not enough: the problem to show beside the field, and the picker to show again.
    Refused(Problem, Picker),
}

/// What tells two organisations of the same name apart, in words.
fn detail(i: &I18n, o: &Organisation) -> String {
    let codes = super::organisations::identifiers(o);
    let mut parts = vec![i.organisation_kind(&o.kind), o.country.clone()];
    if !codes.is_empty() {
        parts.push(codes);
    }
    if o.valid_from.is_some() || o.valid_to.is_some() {
        parts.push(i.period(&o.valid_from, &o.valid_to));
    }
    parts.join(", ")
}

fn candidates(i: &I18n, found: &[Organisation]) -> Vec<Candidate> {
    found.iter().map(|o| Candidate { id: o.id, label: o.name.clone(), detail: detail(i, o) }).collect()
}

/// Resolves a posted picker: a candidate picked, else the earlier choice while the text is
/// still its name, else the text.
///
/// # Errors
/// The database error.
pub async fn resolve(i: &I18n, store: &Store, posted: Posted<'_>) -> Result<Picked, AppError> {
    let text = posted.text.trim();
    if let Ok(id) = posted.pick.trim().parse::<i64>()
        && let Some(o) = store.organisation(id).await?
    {
        return Ok(Picked::One(o.id, o.name));
    }
    if let Ok(id) = posted.id.trim().parse::<i64>()
        && let Some(o) = store.organisation(id).await?
        && (text.is_empty() || o.name == text)
    {
        return Ok(Picked::One(o.id, o.name));
    }
    if text.is_empty() {
        return Ok(Picked::Refused(Problem::Required, Picker::default()));
    }
    let refused = |problem, found: Vec<Organisation>| {
        Picked::Refused(problem, Picker { text: text.to_owned(), chosen: None, candidates: candidates(i, &found) })
    };
    Ok(match store.resolve_organisation(text).await? {
        Resolved::One(o) => Picked::One(o.id, o.name),
        Resolved::Ambiguous(found) => refused(Problem::Ambiguous, found),
        Resolved::NotInRegister(found) => refused(Problem::NotInRegister, found),
    })
}
