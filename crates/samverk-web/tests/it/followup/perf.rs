//! The follow-up pages take a fixed number of statements whatever the size of the plan.

use samverk_testkit::TestApp;
use samverk_testkit::followup::{FollowupSize, generate_followup};

async fn statements(app: &TestApp, path: &str) -> u64 {
    let before = app.store.query_count();
    let response = app.get(path).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    app.store.query_count() - before
}

#[tokio::test]
async fn the_follow_up_pages_do_not_grow_their_query_count_with_the_plan() {
    let small = TestApp::new().await;
    let larger = TestApp::new().await;
    let a = generate_followup(&small.store, &FollowupSize::small()).await.expect("small plan");
    let size =
        FollowupSize { main_goals: 20, engagements: 60, indicators_per_goal: 3, years: 5, reports_per_mandate: 3, ..FollowupSize::small() };
    let b = generate_followup(&larger.store, &size).await.expect("larger plan");
    for (path_a, path_b) in [
        (format!("/plans/{}/followup", a.plan_id), format!("/plans/{}/followup", b.plan_id)),
        (format!("/plans/{}/heatmap", a.plan_id), format!("/plans/{}/heatmap", b.plan_id)),
        (format!("/mandates?owner_id={}", a.owner_id), format!("/mandates?owner_id={}", b.owner_id)),
    ] {
        let (n_small, n_larger) = (statements(&small, &path_a).await, statements(&larger, &path_b).await);
        assert_eq!(n_small, n_larger, "{path_a}: {n_small} statements for the small plan, {n_larger} for the larger");
        // At most 8 for the page, and one for the trust guard's session lookup.
        assert!(n_small <= 9, "{path_a}: {n_small} statements");
    }
    let page = larger.get(&format!("/plans/{}/followup", b.plan_id)).await.text();
    assert!(page.contains(&format!("Indicators: {} on track", 20 * 3 * 3 / 3)), "{page}");
}
