//! Tests for /referrals: a referral received, its statement approved by a named body and sent,
//! and the list of those due soon.

use samverk_testkit::{OrganisationBuilder, TestApp};
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn a_referral_is_answered_with_an_approved_statement_and_leaves_the_due_list() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let deadline = samverk_domain::input::format_date(OffsetDateTime::now_utc().date() + Duration::days(5));
    let base = [
        ("owner_id", owner.to_string()),
        ("sender", "Kommunal- og distriktsdepartementet".to_owned()),
        ("referral_case", "23/4567".to_owned()),
        ("subject", "Høring om regional planlegging".to_owned()),
        ("deadline", deadline.clone()),
        ("responsible", "Internasjonal rådgiver".to_owned()),
    ];
    let pairs: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let created = app.post_form("/referrals", &pairs).await;
    assert_eq!(created.status, 303, "{}", created.text());
    let list = app.get("/referrals").await.text();
    assert!(list.contains("Due within 14 days, not yet answered"), "{list}");
    assert!(list.contains(&format!("{deadline} (5 days left) Høring om regional planlegging")), "{list}");

    let path = created.location().unwrap().to_owned();
    let mut sent: Vec<(&str, &str)> = pairs.clone();
    sent.push(("statement", "Telemark støtter forslaget."));
    sent.push(("sent_on", "2024-02-20"));
    let refused = app.post_form(&path, &sent).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"error-approved_on\""), "{}", refused.text());

    sent.push(("approved_by", "Hovedutvalg for kultur"));
    sent.push(("approved_on", "2024-02-15"));
    assert_eq!(app.post_form(&path, &sent).await.status, 303);
    let page = app.get(&path).await.text();
    assert!(page.contains("Statement sent 2024-02-20"), "{page}");
    assert!(page.contains("Approved by (body) Hovedutvalg for kultur"), "{page}");
    let list = app.get("/referrals").await.text();
    assert!(list.contains("No unanswered referral is due soon."), "{list}");
}
