//! Tests for /decisions.

mod form;
mod page;

use samverk_store::decision::Decision;
use samverk_testkit::TestApp;

/// The decision with this title.
pub async fn decision(app: &TestApp, title: &str) -> Decision {
    let all = app.store.decisions(None).await.unwrap_or_else(|e| panic!("{e}"));
    all.into_iter().find(|d| d.title == title).unwrap_or_else(|| panic!("no decision titled {title}"))
}

/// How many decisions there are.
pub async fn decision_count(app: &TestApp) -> usize {
    app.store.decisions(None).await.unwrap_or_else(|e| panic!("{e}")).len()
}
