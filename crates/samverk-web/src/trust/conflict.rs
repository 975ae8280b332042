//! The conflict shown when a form was saved on a version someone else had already changed.
//!
//! Every edit form posts the version it was filled from ([`Versioned`]). When the store answers
//! `Stale`, the handler shows the form again (409) with everything the user typed, the fields
//! where the stored record now differs, and the current version ([`rebase`]), so the next save
//! goes through once she has merged.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// One field where the user's version and the current one differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    /// The form field's name (its label is the catalogue's `field-<name>`).
    pub field: String,
    pub yours: String,
    pub current: String,
}

/// A form as posted: its fields and the version of the record they were filled from.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Versioned<F> {
    #[serde(flatten)]
    pub fields: F,
    /// Blank on a form filled before versions existed: such a save overwrites.
    #[serde(default)]
    pub version: String,
}

impl<F> Versioned<F> {
    /// The version the save must find, `None` when the form did not carry one.
    #[must_use]
    pub fn expected(&self) -> Option<i64> {
        self.version.trim().parse().ok()
    }

    /// What the form carries on besides its fields when it comes back rejected.
    #[must_use]
    pub fn edit(&self) -> Edit {
        Edit { version: self.version.clone(), conflict: None }
    }
}

/// What an edit form carries besides its fields: the version it was filled from and, after a
/// stale save, the fields that differ (`trust/_edit.html` shows both).
#[derive(Debug, Clone, Default)]
pub struct Edit {
    pub version: String,
    pub conflict: Option<Vec<ConflictRow>>,
}

impl Edit {
    /// The form of a record at `version`.
    #[must_use]
    pub fn at(version: i64) -> Self {
        Self { version: version.to_string(), conflict: None }
    }
}

/// After a stale save: the form based on `version` (the current one), with the fields where the
/// record as stored now (`current`) differs from what was typed; what was typed stays as it is.
#[must_use]
pub fn rebase<F: Serialize>(typed: &F, current: &F, version: i64) -> Edit {
    Edit { version: version.to_string(), conflict: Some(differences(typed, current)) }
}

/// A form shown again after a stale save: 409, the conflict on the page.
pub fn conflicted(page: impl IntoResponse) -> Response {
    (StatusCode::CONFLICT, page).into_response()
}

/// The fields where `typed` and `current` differ, in the form's order; text is compared without
/// the spaces around it, which a browser may add or drop.
#[must_use]
pub fn differences<F: Serialize>(typed: &F, current: &F) -> Vec<ConflictRow> {
    let current = fields_of(current);
    fields_of(typed)
        .into_iter()
        .filter_map(|(field, yours)| {
            let now = current.iter().find(|(name, _)| *name == field).map(|(_, v)| v.clone()).unwrap_or_default();
            (yours.trim() != now.trim()).then_some(ConflictRow { field, yours, current: now })
        })
        .collect()
}

/// The fields of a form in declaration order, each as the text a person reads. Serialising to
/// JSON text keeps that order, which a `serde_json::Map` (sorted) would lose.
fn fields_of<F: Serialize>(form: &F) -> Vec<(String, String)> {
    let Ok(json) = serde_json::to_string(form) else { return Vec::new() };
    serde_json::from_str::<Ordered>(&json).map(|o| o.0.into_iter().map(|(k, v)| (k, text_of(&v))).collect()).unwrap_or_default()
}

fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "✓".to_owned(),
        Value::Bool(false) => "–".to_owned(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join(", "),
        Value::Object(_) => value.to_string(),
    }
}

/// A JSON object's entries in the order they were written.
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Default)]
    struct Form {
        title: String,
        owner_id: Option<i64>,
        tags: Vec<String>,
        open: bool,
    }

    #[test]
    fn differences_name_the_changed_fields_in_the_forms_order() {
        let typed = Form { title: "Ny tittel ".into(), owner_id: Some(2), tags: vec!["a".into()], open: true };
        let current = Form { title: "Ny tittel".into(), owner_id: Some(3), tags: vec!["a".into(), "b".into()], open: true };
        let rows = differences(&typed, &current);
        assert_eq!(
            rows,
            vec![
                ConflictRow { field: "owner_id".into(), yours: "2".into(), current: "3".into() },
                ConflictRow { field: "tags".into(), yours: "a".into(), current: "a, b".into() },
            ]
        );
    }

    #[test]
    fn a_rebased_form_takes_the_current_version_and_names_the_differences() {
        let typed = Versioned { fields: Form { title: "Mine".into(), ..Form::default() }, version: "3".into() };
        assert_eq!(typed.expected(), Some(3));
        let edit = rebase(&typed.fields, &Form { title: "Theirs".into(), ..Form::default() }, 5);
        assert_eq!(edit.version, "5");
        assert_eq!(edit.conflict.map(|rows| rows.len()), Some(1));
    }
}
