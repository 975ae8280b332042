//! The follow-up API: JSON for mandates, reports due, reports back, goal fulfilment and
//! measurements, with problem documents naming the field at fault.

use axum::http::Method;
use samverk_testkit::followup::{MandateBuilder, indicator, person};
use samverk_testkit::{EngagementBuilder, GoalBuilder, TestApp};
use serde_json::json;

use super::{authority, count, days_ago, iso, plan, today};

#[tokio::test]
async fn mandates_reports_and_goal_fulfilment_through_the_api() {
    let app = TestApp::new().await;
    let owner = authority(&app).await;
    let p = plan(&app, owner, "Internationell policy").await;
    let goal = GoalBuilder::new(p, "Utveckla verksamheten").insert(&app.store).await;
    let ind = indicator(&app.store, goal, "EU-projekt", (4.0, 2020), (12.0, 2030), &[]).await;
    let e = EngagementBuilder::new(owner, "Mid Sweden Office").kind("membership").insert(&app.store).await;
    let eva = person(&app.store, owner, "Eva").await;
    let open = MandateBuilder::new(e, Some(eva), &iso(days_ago(400))).insert(&app.store).await;
    let ended = MandateBuilder::new(e, None, &iso(days_ago(400))).end(&iso(days_ago(5))).insert(&app.store).await;

    let mine = app.get(&format!("/api/v1/people/{eva}/mandates")).await.json();
    assert_eq!(mine[0]["engagement_title"], "Mid Sweden Office");
    assert_eq!(mine[0]["due_state"], "overdue");
    let due = app.get(&format!("/api/v1/mandates/due?owner_id={owner}")).await.json();
    assert_eq!(due["due"].as_array().map(Vec::len), Some(1));
    assert_eq!(due["flagged"][0]["id"], ended);
    assert_eq!(due["flagged"][0]["ended"], true);

    let refused =
        app.send_json(Method::POST, &format!("/api/v1/mandates/{ended}/reports"), &json!({"date": iso(today()), "text": "Sent"})).await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.content_type(), "application/problem+json");
    assert_eq!(refused.json()["errors"][0]["field"], "date");
    let written = app
        .send_json(
            Method::POST,
            &format!("/api/v1/mandates/{open}/reports"),
            &json!({"date": iso(today()), "text": "Årsrapport", "goal_ids": [goal]}),
        )
        .await;
    assert_eq!(written.status, 201, "{}", written.body);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM report_goals").await, 1);

    let outside = app
        .send_json(Method::POST, &format!("/api/v1/indicators/{ind}/measurements"), &json!({"year": "2040", "value": "9", "source": "SCB"}))
        .await;
    assert_eq!(outside.status, 422);
    assert_eq!(outside.json()["errors"][0]["field"], "year");
    let ok = app
        .send_json(Method::POST, &format!("/api/v1/indicators/{ind}/measurements"), &json!({"year": "2025", "value": "8", "source": "SCB"}))
        .await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    let f = app.get(&format!("/api/v1/plans/{p}/followup")).await.json();
    assert_eq!(f["status"], "on_track");
    assert_eq!(f["goals"][0]["indicators"][0]["status"], "on_track");
    assert_eq!(f["goals"][0]["indicators"][0]["latest_value"], 8.0);
    assert_eq!(app.get("/api/v1/plans/999999/followup").await.status, 404);
}
