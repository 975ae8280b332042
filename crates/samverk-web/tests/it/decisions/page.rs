//! The decision list and page: body, case number, date as precisely as known, what it established.

use samverk_testkit::TestApp;

use super::decision;
use crate::organisations::org_id;

#[tokio::test]
async fn case_25_20_shows_the_fylkesting_the_date_and_the_partnership_it_established() {
    let app = TestApp::with_demo().await;
    let d = decision(&app, "Å utvikle Vestfold og Telemark - partnerskap og nettverk").await;
    let response = app.get(&format!("/decisions/{}", d.id)).await;
    assert_eq!(response.status, 200);
    let text = response.text();
    assert!(text.contains("Deciding body Fylkestinget"), "{text}");
    assert!(text.contains("Case number 25/20"), "{text}");
    assert!(text.contains("Date 2020-03-31"), "{text}");
    assert!(text.contains("Authority Vestfold og Telemark fylkeskommune"), "{text}");
    assert!(text.contains("What it established Engagements Bærekraftige Vestfold og Telemark"), "{text}");
    let engagements = app.store.established_by(d.id).await.unwrap_or_else(|e| panic!("{e}")).engagements;
    let (partnership, _) = engagements.first().cloned().unwrap_or_else(|| panic!("nothing established"));
    assert!(response.body.contains(&format!("href=\"/engagements/{partnership}\"")), "partnership not linked");
}

#[tokio::test]
async fn telemarksplanen_is_dated_to_the_month_without_an_invented_day() {
    let app = TestApp::with_demo().await;
    let d = decision(&app, "Telemarksplanen – endelig vedtak").await;
    let response = app.get(&format!("/decisions/{}", d.id)).await;
    let text = response.text();
    assert!(text.contains("Date December 2024"), "{text}");
    assert!(!text.contains("2024-12-01"), "{text}");
    assert!(text.contains("Case number no case number"), "{text}");
    assert!(text.contains("What it established Plans Telemarksplanen"), "{text}");
}

#[tokio::test]
async fn the_list_is_newest_first_and_filters_by_authority() {
    let app = TestApp::with_demo().await;
    let response = app.get("/decisions").await;
    assert_eq!(response.status, 200);
    let text = response.text();
    let december = text.find("December 2024 Fylkestinget").unwrap_or_else(|| panic!("{text}"));
    let june = text.find("June 2024 Fylkestinget").unwrap_or_else(|| panic!("{text}"));
    let case = text.find("2020-03-31 Fylkestinget 25/20 Å utvikle Vestfold og Telemark").unwrap_or_else(|| panic!("{text}"));
    let policy = text.find("2007-06-20 Landstingsfullmäktige").unwrap_or_else(|| panic!("{text}"));
    assert!(december < june && june < case && case < policy, "{text}");

    let region = org_id(&app, "Region Västernorrland").await;
    let filtered = app.get(&format!("/decisions?owner_id={region}")).await;
    let text = filtered.text();
    assert!(text.contains("One decision found"), "{text}");
    assert!(text.contains("Internationell policy"), "{text}");
    assert!(!text.contains("Fylkestinget"), "{text}");
    assert!(filtered.body.contains(&format!("<option value=\"{region}\" selected>Region Västernorrland</option>")));

    let usn = org_id(&app, "Universitetet i Sørøst-Norge").await;
    let empty = app.get(&format!("/decisions?owner_id={usn}")).await.text();
    assert!(empty.contains("No decisions found"), "{empty}");
    assert!(empty.contains("No decision is registered for this authority. Choose another authority, or clear the filter"), "{empty}");
}

#[tokio::test]
async fn an_unknown_decision_is_a_404_page() {
    let app = TestApp::new().await;
    for path in ["/decisions/424242", "/decisions/x", "/decisions/424242/edit"] {
        let response = app.get(path).await;
        assert_eq!(response.status, 404, "{path}");
        assert!(response.text().contains("Page not found"), "{path}");
    }
    assert_eq!(app.post_form("/decisions/424242/delete", &[]).await.status, 404);
    assert_eq!(app.post_form("/decisions/424242", &[("title", "x")]).await.status, 404);
}
