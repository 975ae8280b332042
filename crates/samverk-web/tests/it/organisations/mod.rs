//! Tests for /organisations.

mod form;
mod list;
mod page;
mod partners;

use samverk_store::organisation::OrganisationFilter;
use samverk_testkit::TestApp;

/// The id of the organisation with exactly this name.
pub async fn org_id(app: &TestApp, name: &str) -> i64 {
    let filter = OrganisationFilter { q: Some(name.to_owned()), per_page: 50, page: 1, ..Default::default() };
    let page = app.store.organisations(&filter).await.unwrap_or_else(|e| panic!("{e}"));
    page.items.iter().find(|o| o.name == name).map_or_else(|| panic!("no organisation named {name}"), |o| o.id)
}

/// How many organisations there are.
pub async fn org_count(app: &TestApp) -> i64 {
    let filter = OrganisationFilter { per_page: 1, page: 1, ..Default::default() };
    app.store.organisations(&filter).await.unwrap_or_else(|e| panic!("{e}")).total
}
