//! The conflict shown when a form was saved on a version someone else had already changed.

/// One field where the user's version and the current one differ.
#[derive(Debug, Clone)]
pub struct ConflictRow {
    pub field: &'static str,
    pub yours: String,
    pub current: String,
}

/// The differing fields of (name, what was typed, what is stored now).
#[must_use]
pub fn conflict_rows(fields: &[(&'static str, &String, &String)]) -> Vec<ConflictRow> {
    fields
        .iter()
        .filter(|(_, yours, current)| yours.trim() != current.trim())
        .map(|(field, yours, current)| ConflictRow { field, yours: (*yours).clone(), current: (*current).clone() })
        .collect()
}
