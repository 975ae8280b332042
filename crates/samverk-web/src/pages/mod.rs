//! HTML pages: one module per resource, each with its `router()`.

mod calls;
mod check;
mod decisions;
mod engagements;
pub(crate) mod eu;
mod fields;
mod followup;
mod form;
mod history;
mod home;
mod imports;
pub mod language;
mod news;
mod organisations;
mod pager;
mod picker;
mod places;
mod plans;
pub(crate) mod privacy;
pub mod public;
mod referrals;
mod registry;
pub(crate) mod report;
pub mod search;

use axum::Router;

use crate::AppState;

pub(crate) use decisions::authority_choices;
pub use form::Choice;
pub(crate) use organisations::evidence_sentence;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(plans::router())
        .merge(engagements::router())
        .merge(organisations::router())
        .merge(decisions::router())
        .merge(check::router())
        .merge(history::router())
        .merge(followup::router())
        .merge(news::router())
        .merge(calls::router())
        .merge(referrals::router())
        .merge(search::router())
        .merge(registry::router())
        .merge(imports::router())
        .merge(eu::router())
        .merge(report::router())
        .merge(public::router())
        .merge(privacy::router())
}

/// Escapes text for HTML, for the few pieces of markup built in Rust (a sentence with links,
/// a highlighted search hit) that the templates then render as they are.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
