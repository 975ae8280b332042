//! Helpers shared by the forms: choices for selects, redirects after a save.

use samverk_domain::ValidationErrors;

/// One option of a `<select>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    #[must_use]
    pub fn new(value: impl ToString, label: impl Into<String>, selected: bool) -> Self {
        Self { value: value.to_string(), label: label.into(), selected }
    }

    /// The empty first option ("(none)" or "Any").
    #[must_use]
    pub fn blank(label: String, selected: bool) -> Self {
        Self { value: String::new(), label, selected }
    }
}

/// Choices for a closed code enum, labelled through the catalogue.
pub fn codes<T: Copy + PartialEq>(all: &[T], code: fn(T) -> &'static str, label: impl Fn(&T) -> String, selected: &str) -> Vec<Choice> {
    all.iter().map(|v| Choice::new(code(*v), label(v), code(*v) == selected)).collect()
}

/// Choices for records by id.
pub fn records<'a>(items: impl IntoIterator<Item = (i64, &'a str)>, selected: Option<i64>) -> Vec<Choice> {
    items.into_iter().map(|(id, label)| Choice::new(id, label, Some(id) == selected)).collect()
}

/// A form's state: no errors when first shown.
#[must_use]
pub fn no_errors() -> ValidationErrors {
    ValidationErrors::new()
}

/// After a successful POST, show the saved record (303, so a reload does not resubmit).
pub fn see_other(path: &str) -> axum::response::Redirect {
    axum::response::Redirect::to(path)
}

/// The label of the blank option of an optional select.
#[must_use]
pub fn none_label(i: &crate::i18n::I18n) -> String {
    i.t("none-selected")
}
