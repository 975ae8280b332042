//! Several authorities in one installation: each sees and changes only its own records, in the
//! store itself (so a handler cannot forget), while the organisation register is shared.

use axum::http::{Method, StatusCode};
use samverk_domain::engagement::{ContributionDraft, EngagementDraft, ParticipantDraft};
use samverk_store::scope::{self, Scope};
use samverk_store::{Store, StoreError};
use samverk_testkit::{AccessRole, EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

/// Two counties, each with a plan, a goal and an engagement contributing to it.
struct Two {
    app: TestApp,
    vestfold: i64,
    telemark: i64,
    vestfold_engagement: i64,
    vestfold_goal: i64,
    telemark_engagement: i64,
}

async fn two_counties() -> Two {
    let app = TestApp::new().await;
    let vestfold = OrganisationBuilder::new("Vestfold fylkeskommune").region_code("39").insert(&app.store).await;
    let telemark = OrganisationBuilder::new("Telemark fylkeskommune").region_code("40").insert(&app.store).await;
    let vestfold_plan = PlanBuilder::new(vestfold, "Internasjonal strategi Vestfold").insert(&app.store).await;
    let vestfold_goal = GoalBuilder::new(vestfold_plan, "Grønn omstilling i Vestfold").insert(&app.store).await;
    let telemark_plan = PlanBuilder::new(telemark, "Internasjonal strategi Telemark").insert(&app.store).await;
    let telemark_goal = GoalBuilder::new(telemark_plan, "Grønn omstilling i Telemark").insert(&app.store).await;
    let vestfold_engagement = EngagementBuilder::new(vestfold, "Nordsjøkommisjonen for Vestfold")
        .goal(vestfold_goal, "Vestfold leder transportgruppen")
        .insert(&app.store)
        .await;
    let telemark_engagement = EngagementBuilder::new(telemark, "Interreg-prosjekt for Telemark")
        .goal(telemark_goal, "Telemark deltar i arbeidspakke 2")
        .insert(&app.store)
        .await;
    Two { app, vestfold, telemark, vestfold_engagement, vestfold_goal, telemark_engagement }
}

fn draft(owner: i64, title: &str) -> EngagementDraft {
    EngagementDraft { owner_id: Some(owner), title: title.into(), kind: "network".into(), status: "proposed".into(), ..Default::default() }
}

async fn title_of(store: &Store, id: i64) -> String {
    store.engagement(id).await.expect("read").expect("exists").title
}

#[tokio::test]
async fn the_store_refuses_every_write_to_another_authoritys_records() {
    let t = two_counties().await;
    let store = &t.app.store;
    let telemark_only = Scope::Authorities(vec![t.telemark]);
    let outcome = scope::within(telemark_only.clone(), async {
        [
            ("update", store.update_engagement(t.vestfold_engagement, &draft(t.vestfold, "Overtatt")).await.err()),
            ("move to us", store.update_engagement(t.vestfold_engagement, &draft(t.telemark, "Flyttet")).await.err()),
            ("delete", store.delete_engagement(t.vestfold_engagement).await.err()),
            ("create for them", store.create_engagement(&draft(t.vestfold, "Nytt for Vestfold"), &[]).await.err()),
            (
                "add a participant to theirs",
                store
                    .add_participant(
                        t.vestfold_engagement,
                        &ParticipantDraft { organisation_id: Some(t.telemark), role: "member".into(), ..Default::default() },
                    )
                    .await
                    .err(),
            ),
            (
                "link ours to their goal",
                store
                    .add_contribution(t.telemark_engagement, &ContributionDraft { goal_id: Some(t.vestfold_goal), how: "Lånt mål".into() })
                    .await
                    .err(),
            ),
        ]
    })
    .await;
    for (what, error) in outcome {
        // Their record is not found (a write starts by looking for it), or the store's triggers
        // refuse the row; the domain already refuses a goal of another authority.
        let refused = matches!(error, Some(StoreError::OutOfScope(_) | StoreError::NotFound { .. }))
            || (what == "link ours to their goal" && matches!(error, Some(StoreError::Invalid(_))));
        assert!(refused, "{what}: {error:?}");
    }
    // Past the domain's rules, straight SQL in a scoped transaction: the trigger refuses it.
    let raw = scope::within(Scope::Authorities(vec![t.telemark]), async {
        let mut tx = store.begin().await.expect("transaction");
        let insert = samverk_store::Sql::new("INSERT INTO contributions (engagement_id, goal_id, how) VALUES (?, ?, 'Lånt mål')")
            .arg(t.telemark_engagement)
            .arg(t.vestfold_goal);
        tx.conn().execute(&insert).await.map_err(StoreError::from)
    })
    .await;
    assert!(matches!(raw, Err(StoreError::OutOfScope(ref table)) if table == "contributions"), "{raw:?}");
    assert_eq!(title_of(store, t.vestfold_engagement).await, "Nordsjøkommisjonen for Vestfold");
    let page = store.engagement_page(t.vestfold_engagement).await.expect("read").expect("exists");
    assert!(page.participants.is_empty());
    let telemark_page = store.engagement_page(t.telemark_engagement).await.expect("read").expect("exists");
    assert_eq!(telemark_page.contributions.len(), 1, "only its own goal");

    // Its own records, it may change; and the shared register is everyone's.
    scope::within(telemark_only, async {
        store.update_engagement(t.telemark_engagement, &draft(t.telemark, "Interreg-prosjektet")).await.expect("own record");
        OrganisationBuilder::new("Porsgrunn kommune").kind("municipality").insert(store).await;
    })
    .await;
    assert_eq!(title_of(store, t.telemark_engagement).await, "Interreg-prosjektet");
}

#[tokio::test]
async fn the_store_reads_only_the_requests_authorities() {
    let t = two_counties().await;
    let store = &t.app.store;
    let (list, one, theirs, plans) = scope::within(Scope::Authorities(vec![t.telemark]), async {
        let list = store.engagements(&samverk_store::engagement::EngagementFilter { per_page: 50, ..Default::default() }).await;
        let one = store.engagement_page(t.telemark_engagement).await;
        let theirs = store.engagement_page(t.vestfold_engagement).await;
        (list, one, theirs, store.plans(None).await)
    })
    .await;
    let titles: Vec<String> = list.expect("list").items.into_iter().map(|e| e.title).collect();
    assert_eq!(titles, ["Interreg-prosjekt for Telemark"]);
    assert!(one.expect("read").is_some());
    assert!(theirs.expect("read").is_none(), "another authority's engagement is not found");
    let plans: Vec<String> = plans.expect("plans").into_iter().map(|p| p.title).collect();
    assert_eq!(plans, ["Internasjonal strategi Telemark"]);
    // Outside any request (the CLI, imports), everything.
    assert_eq!(store.plans(None).await.expect("plans").len(), 2);
}

#[tokio::test]
async fn an_editor_of_one_county_and_reader_of_the_other_edits_only_the_first() {
    let t = two_counties().await;
    let editor = t.app.view_as(AccessRole::Editor, Some(t.telemark)).await;
    t.app.store.grant_role(editor.auth.account_id.expect("account"), Some(t.vestfold), AccessRole::Reader).await.expect("grant");

    // She reads both counties' engagements...
    let list = editor.get("/engagements").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("Nordsjøkommisjonen for Vestfold") && list.text().contains("Interreg-prosjekt for Telemark"));

    // ...but a save to Vestfold's is refused with a page that says why, and nothing changes.
    let path = format!("/engagements/{}", t.vestfold_engagement);
    let form =
        [("owner_id", t.vestfold.to_string()), ("title", "Overtatt".into()), ("kind", "network".into()), ("status", "active".into())];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = editor.post_form(&path, &fields).await;
    assert!(matches!(saved.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{} {}", saved.status, saved.text());
    assert_eq!(title_of(&t.app.store, t.vestfold_engagement).await, "Nordsjøkommisjonen for Vestfold");

    // A new engagement for Vestfold is refused too; one for Telemark is made.
    let create = |owner: i64, title: &'static str| {
        [("owner_id", owner.to_string()), ("title", title.to_owned()), ("kind", "network".into()), ("status", "proposed".into())]
    };
    let refused = create(t.vestfold, "Nytt nettverk for Vestfold");
    let refused: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = editor.post_form("/engagements", &refused).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.text());
    assert!(answer.text().contains("belongs to an authority where your account has no role"), "{}", answer.text());
    let made = create(t.telemark, "Nytt nettverk for Telemark");
    let made: Vec<(&str, &str)> = made.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = editor.post_form("/engagements", &made).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text());
}

#[tokio::test]
async fn the_api_of_another_authority_answers_not_found_and_writes_nothing() {
    let t = two_counties().await;
    let other = t.app.view_as(AccessRole::Administrator, Some(t.telemark)).await;
    let path = format!("/api/v1/engagements/{}", t.vestfold_engagement);
    assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);
    let body = serde_json::json!({"owner_id": t.vestfold, "title": "Overtatt", "kind": "network", "status": "active"});
    let put = other.send_json_if(Method::PUT, &path, &body, Some("\"1\"")).await;
    assert!(matches!(put.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", put.status);
    let delete = other.delete(&path).await;
    assert!(matches!(delete.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", delete.status);
    assert_eq!(title_of(&t.app.store, t.vestfold_engagement).await, "Nordsjøkommisjonen for Vestfold");
    let list = other.get("/api/v1/engagements").await.json();
    let titles: Vec<&str> = list["items"].as_array().expect("items").iter().filter_map(|e| e["title"].as_str()).collect();
    assert_eq!(titles, ["Interreg-prosjekt for Telemark"]);
}

#[tokio::test]
async fn an_administrator_of_one_authority_manages_only_its_accounts() {
    let t = two_counties().await;
    let telemark_admin = t.app.view_as(AccessRole::Administrator, Some(t.telemark)).await;
    let vestfold_editor = t.app.view_as(AccessRole::Editor, Some(t.vestfold)).await;
    let vestfold_account = vestfold_editor.auth.account_id.expect("account");

    let list = telemark_admin.get("/admin/accounts").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.text().contains("Vestfold fylkeskommune"), "no account of Vestfold is listed");
    let page = telemark_admin.get(&format!("/admin/accounts/{vestfold_account}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let reset = telemark_admin.post_form(&format!("/admin/accounts/{vestfold_account}/reset"), &[]).await;
    assert!(matches!(reset.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", reset.status);
    let disable = telemark_admin.post_form(&format!("/admin/accounts/{vestfold_account}/disable"), &[]).await;
    assert!(matches!(disable.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", disable.status);
    assert_eq!(vestfold_editor.get("/engagements").await.status, StatusCode::OK, "the account still works");

    // Nor can she give herself a role at Vestfold, or at every authority.
    let own = telemark_admin.auth.account_id.expect("account");
    for authority in [t.vestfold.to_string(), String::new()] {
        let fields = [("authority_id", authority.as_str()), ("role", "administrator")];
        let answer = telemark_admin.post_form(&format!("/admin/accounts/{own}/roles"), &fields).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "role at {authority:?}: {}", answer.text());
    }
    let grants = t.app.store.account(own).await.expect("account").grants;
    assert_eq!(grants.len(), 1, "{grants:?}");
}

/// Partner discovery for one county reads the other county's engagements only as far as that
/// county has published them: a proposal's evidence never names an unpublished engagement of
/// another authority.
#[tokio::test]
async fn partner_discovery_names_no_unpublished_engagement_of_another_authority() {
    use samverk_store::discovery::PartnerQuery;
    let t = two_counties().await;
    let store = &t.app.store;
    let partner = OrganisationBuilder::new("Universitetet i Sørøst-Norge").kind("university").insert(store).await;
    let candidate = OrganisationBuilder::new("Aalborg Universitet").kind("university").country("DK").insert(store).await;
    EngagementBuilder::new(t.vestfold, "Vestfolds havvindprosjekt").kind("partnership").participant(partner, "partner").insert(store).await;
    let theirs = EngagementBuilder::new(t.telemark, "Telemarks hemmelige hydrogenprosjekt")
        .kind("partnership")
        .participant(partner, "partner")
        .participant(candidate, "partner")
        .insert(store)
        .await;
    let query = PartnerQuery { authority_id: t.vestfold, goal_id: None, sdg: None, country: None, region: None, kind: None, limit: 50 };
    let proposed = |found: &samverk_store::discovery::Discovery| found.proposals.iter().any(|p| p.organisation.id == candidate);

    // The whole installation sees the link through Telemark's project...
    let everything = store.find_partners(&query).await.expect("discovery");
    assert!(proposed(&everything), "unscoped, the shared project is evidence: {everything:?}");
    // ...Vestfold's staff do not, while Telemark keeps it to itself...
    let vestfold_only = scope::within(Scope::Authorities(vec![t.vestfold]), store.find_partners(&query)).await.expect("discovery");
    assert!(!proposed(&vestfold_only), "Telemark's unpublished project is no evidence for Vestfold: {vestfold_only:?}");
    assert!(!format!("{vestfold_only:?}").contains("hemmelige"), "nor named anywhere");
    // ...until Telemark publishes it.
    store.set_engagement_published(theirs, true).await.expect("publish");
    let published = scope::within(Scope::Authorities(vec![t.vestfold]), store.find_partners(&query)).await.expect("discovery");
    assert!(proposed(&published), "a published project is evidence for everyone: {published:?}");
}
