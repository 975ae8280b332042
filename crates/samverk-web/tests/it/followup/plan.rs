//! A plan's follow-up page, its heat map, and the summary the yearly report reads.

use samverk_testkit::followup::{MandateBuilder, indicator, report};
use samverk_testkit::{EngagementBuilder, GoalBuilder, TestApp, focus_area};

use super::{authority, days_ago, plan, today};

struct Fixture {
    plan: i64,
    goal_a: i64,
    goal_b: i64,
    sub_b: i64,
    goal_c: i64,
    e1: i64,
}

/// Goal A (on track, fed by E1 which reported recently), goal B whose sub-goal is off track
/// (fed by E2 through the sub-goal, no report), goal C fed by nothing, E3 feeding nothing.
async fn fixture(app: &TestApp) -> Fixture {
    let owner = authority(app).await;
    let p = plan(app, owner, "Internationell policy").await;
    let area = focus_area(&app.store, p, "Regionen").await;
    let goal_a = GoalBuilder::new(p, "Bevaka intressen").focus_area(area).insert(&app.store).await;
    let goal_b = GoalBuilder::new(p, "Öka projektsamarbetet").focus_area(area).insert(&app.store).await;
    let sub_b = GoalBuilder::new(p, "Fler EU-projekt").focus_area(area).parent(goal_b).insert(&app.store).await;
    let goal_c = GoalBuilder::new(p, "Kulturutbyte").focus_area(area).insert(&app.store).await;
    indicator(&app.store, goal_a, "Kontakter", (40.0, 2020), (60.0, 2030), &[(2025, 49.0)]).await;
    indicator(&app.store, sub_b, "EU-projekt", (4.0, 2020), (12.0, 2030), &[(2025, 4.0)]).await;
    let e1 = EngagementBuilder::new(owner, "Mid Sweden Office")
        .kind("membership")
        .status("active")
        .goal(goal_a, "Bevakning")
        .insert(&app.store)
        .await;
    let e2 = EngagementBuilder::new(owner, "Interreg-nätverket")
        .kind("network")
        .status("active")
        .goal(sub_b, "Projekt")
        .insert(&app.store)
        .await;
    EngagementBuilder::new(owner, "Vänort Kajaani").kind("twin_town").insert(&app.store).await;
    let m1 = MandateBuilder::new(e1, None, "2020-01-01").insert(&app.store).await;
    report(&app.store, m1, days_ago(30), "Årsrapport", &[goal_a], today()).await;
    MandateBuilder::new(e2, None, "2020-01-01").insert(&app.store).await;
    Fixture { plan: p, goal_a, goal_b, sub_b, goal_c, e1 }
}

#[tokio::test]
async fn the_follow_up_page_rolls_statuses_up_with_the_evidence_and_states_the_rule() {
    let app = TestApp::new().await;
    let f = fixture(&app).await;
    let page = app.get(&format!("/plans/{}/followup", f.plan)).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    // The plan and the focus area take the worst status among the main goals: B is off
    // track through its sub-goal (4 projects in 2025 is 0 % of the way, 50 % expected).
    assert!(text.contains("Plan status: Off track"), "{text}");
    assert!(text.contains("Regionen: Off track"), "{text}");
    assert!(text.contains("Indicators: 1 on track, 0 at risk, 1 off track, 0 without data."), "{text}");
    assert!(
        text.contains("Bevaka intressen On track Kontakter : On track (2025: 49 %) 1 contributing, 1 reported in the last 12 months"),
        "{text}"
    );
    assert!(text.contains("Öka projektsamarbetet Off track"), "{text}");
    assert!(text.contains("Sub-goal: ↳ Fler EU-projekt Off track EU-projekt : Off track (2025: 4 %) 1 contributing, 0 reported"), "{text}");
    assert!(text.contains("Kulturutbyte No data Add an indicator 0 contributing, 0 reported"), "{text}");
    assert!(text.contains("How the status is computed"), "{text}");
    assert!(
        text.contains("On track: achieved is at least expected minus 10 percentage points. At risk: at least expected minus 25 points."),
        "{text}"
    );
    assert!(page.body.contains(&format!("href=\"/goals/{}\"", f.sub_b)));
}

#[tokio::test]
async fn the_heat_map_shows_which_engagement_feeds_which_goal_and_the_two_lists() {
    let app = TestApp::new().await;
    let f = fixture(&app).await;
    let page = app.get(&format!("/plans/{}/heatmap", f.plan)).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(page.body.contains(&format!("<th scope=\"col\"><a href=\"/goals/{}\">Bevaka intressen</a></th>", f.goal_a)), "{}", page.body);
    assert!(page.body.contains(&format!("<th scope=\"row\"><a href=\"/engagements/{}\">Mid Sweden Office</a></th>", f.e1)));
    // Columns: Bevaka intressen, Öka projektsamarbetet, Kulturutbyte.
    assert!(text.contains("Interreg-nätverket Via sub-goal"), "{text}");
    assert!(text.contains("Mid Sweden Office Yes"), "{text}");
    assert!(text.contains("Engagements 1 1 0"), "{text}");
    assert!(text.contains("Engagements without goals in this plan Vänort Kajaani (Twin town"), "{text}");
    assert!(text.contains("Goals without engagements Kulturutbyte (Regionen)"), "{text}");
    assert!(!text.contains("Goals without engagements Bevaka"), "{text}");
    let _ = (f.goal_b, f.goal_c);
}

#[tokio::test]
async fn the_plan_summary_gives_each_goal_its_series_reports_and_overdue_reports() {
    let app = TestApp::new().await;
    let f = fixture(&app).await;
    let year = today().year();
    let summary = app.store.plan_summary(f.plan, year, today()).await.expect("summary").expect("plan");
    let a = summary.goals.iter().find(|g| g.status.goal.id == f.goal_a).expect("goal A");
    assert_eq!(a.series.len(), 1);
    assert_eq!(a.series[0].1.iter().map(|m| (m.year, m.value)).collect::<Vec<_>>(), vec![(2025, 49.0)]);
    let reported_this_year = days_ago(30).year() == year;
    assert_eq!(a.reports.len(), usize::from(reported_this_year), "the report speaks to goal A");
    assert!(a.overdue.is_empty());
    // E2's mandate (yearly since 2020, never reported) is overdue and feeds B through its sub-goal.
    let b = summary.goals.iter().find(|g| g.status.goal.id == f.goal_b).expect("goal B");
    assert_eq!(b.overdue.len(), 1);
    assert_eq!(b.overdue[0].mandate.engagement_title, "Interreg-nätverket");
    assert_eq!(b.status.status, samverk_domain::indicator::Status::OffTrack);
    // As of 2024, the 2025 measurement does not count yet.
    let earlier = app.store.plan_summary(f.plan, 2024, today()).await.expect("summary").expect("plan");
    assert_eq!(earlier.followup.status, samverk_domain::indicator::Status::NoData);
}
