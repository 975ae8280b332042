//! The follow-up demo data: Mid Sweden Office with yearly reporting to Regionala nämnden, and
//! the Bærekraftige Vestfold og Telemark partnership's networks with their reporting.

use samverk_testkit::TestApp;

#[tokio::test]
async fn the_demo_shows_mandates_reports_and_indicators() {
    let app = TestApp::with_demo().await;
    let due = app.get("/mandates").await;
    assert_eq!(due.status, 200);
    let text = due.text();
    assert!(text.contains("Mid Sweden Office Eva Exempelsson Board member Regionala nämnden, yearly 2025-02-12"), "{text}");
    assert!(
        text.contains("Klima og miljø Kari Eksempel Delegate Bærekraftige Vestfold og Telemark (partnerskapet), half-yearly 2023-06-20"),
        "{text}"
    );
    assert!(text.contains("Period ended 2023-12-31"), "{text}");
    assert!(text.contains("Folkehelse (vacant)"), "{text}");

    let people = app.get("/people").await.text();
    assert!(people.contains("Eva Exempelsson Ledamot, regionala nämnden Regionstaben Region Västernorrland 1"), "{people}");

    let plans = app.store.plans(None).await.expect("plans");
    let policy = plans.iter().find(|p| p.title == "Internationell policy").expect("policy");
    let followup = app.get(&format!("/plans/{}/followup", policy.id)).await.text();
    assert!(followup.contains("Pågående projekt med EU-finansiering : On track (2024: 7 projekt)"), "{followup}");
    assert!(followup.contains("Arbetslöshet i länet : At risk (2024: 7.9 %)"), "{followup}");
    assert!(followup.contains("Internationella kulturutbyten : No data"), "{followup}");
    let heatmap = app.get(&format!("/plans/{}/heatmap", policy.id)).await;
    assert_eq!(heatmap.status, 200);
}
