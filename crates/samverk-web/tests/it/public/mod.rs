//! The public face: languages (negotiation, the switcher), the published portfolio, the plan
//! pages, translations with a note of the original's language, the sitemap and the
//! accessibility statement.

use axum::http::{Request, header};
use http_body_util::BodyExt;
use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};
use tower::ServiceExt;

/// A GET with extra headers: (status, headers, body).
async fn get_with(app: &TestApp, path: &str, headers: &[(header::HeaderName, &str)]) -> (u16, axum::http::HeaderMap, String) {
    let mut builder = Request::builder().uri(path);
    for (name, value) in headers {
        builder = builder.header(name, *value);
    }
    // Signed in like every other request of the test app, so staff pages answer too.
    let request = app.authorise(builder, path, None, Vec::new()).unwrap_or_else(|e| panic!("{e}"));
    let response = app.router.clone().oneshot(request).await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = String::from_utf8_lossy(&response.into_body().collect().await.unwrap_or_else(|e| panic!("{e}")).to_bytes()).into_owned();
    (status, headers, body)
}

async fn engagement_id(app: &TestApp, title: &str) -> i64 {
    let filter = samverk_store::engagement::EngagementFilter { q: Some(title.into()), ..Default::default() };
    let page = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}"));
    page.items.iter().find(|e| e.title == title).map(|e| e.id).unwrap_or_else(|| panic!("no engagement {title}"))
}

#[tokio::test]
async fn the_language_follows_accept_language_then_the_remembered_choice_then_the_link() {
    let app = TestApp::new().await;
    let (_, headers, body) = get_with(&app, "/engagements", &[]).await;
    assert!(body.contains("<html lang=\"en\">") && body.contains("Engagements"), "English by default");
    assert_eq!(headers.get(header::CONTENT_LANGUAGE).and_then(|v| v.to_str().ok()), Some("en"));
    let (_, _, body) = get_with(&app, "/engagements", &[(header::ACCEPT_LANGUAGE, "de-DE, sv;q=0.8, en;q=0.5")]).await;
    assert!(body.contains("<html lang=\"sv\">") && body.contains("Engagemang"), "{}", body);
    let (_, _, body) = get_with(&app, "/plans", &[(header::ACCEPT_LANGUAGE, "nb-NO"), (header::COOKIE, "x=1; samverk_lang=en")]).await;
    assert!(body.contains("<html lang=\"en\">"), "the remembered choice wins over Accept-Language");
    let (_, _, body) = get_with(&app, "/plans?lang=nb", &[(header::COOKIE, "samverk_lang=en")]).await;
    assert!(body.contains("<html lang=\"nb\">") && body.contains("Planer"), "a ?lang= link wins");
    let (status, _, body) = get_with(&app, "/no-such-page", &[(header::ACCEPT_LANGUAGE, "nb")]).await;
    assert_eq!(status, 404);
    assert!(body.contains("Fant ikke siden"), "the error page speaks the request's language: {body}");
}

#[tokio::test]
async fn the_switcher_remembers_the_choice_and_leads_back() {
    let app = TestApp::new().await;
    let (status, headers, _) =
        get_with(&app, "/lang/sv", &[(header::HOST, "localhost"), (header::REFERER, "http://localhost/plans?lang=nb")]).await;
    assert_eq!(status, 303);
    assert_eq!(headers.get(header::LOCATION).and_then(|v| v.to_str().ok()), Some("/plans"));
    let cookie = headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.starts_with("samverk_lang=sv;") && cookie.contains("Path=/"), "{cookie}");
    let (_, _, body) = get_with(&app, "/", &[(header::COOKIE, "samverk_lang=sv")]).await;
    assert!(body.contains("aria-current=\"true\">Svenska") && body.contains("href=\"/lang/nb\""), "{body}");
    assert_eq!(get_with(&app, "/lang/de", &[]).await.0, 404);
}

#[tokio::test]
async fn dates_and_plurals_follow_the_language() {
    let app = TestApp::with_demo().await;
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let (_, _, nb) = get_with(&app, &format!("/engagements/{id}"), &[(header::COOKIE, "samverk_lang=nb")]).await;
    assert!(nb.contains("31.03.2020"), "Norwegian dates: {}", nb);
    let (_, _, sv) = get_with(&app, &format!("/engagements/{id}"), &[(header::COOKIE, "samverk_lang=sv")]).await;
    assert!(sv.contains("2020-03-31") && sv.contains("Medlemmar"), "Swedish: {}", sv);
    let (_, _, list) = get_with(&app, "/engagements", &[(header::COOKIE, "samverk_lang=nb")]).await;
    assert!(list.contains("engasjementer"), "{}", list);
}

#[tokio::test]
async fn the_portfolio_shows_published_engagements_by_kind_and_by_goal() {
    let app = TestApp::with_demo().await;
    let index = app.get("/p").await;
    assert_eq!(index.status, 200);
    assert!(index.body.contains("href=\"/p/vestfold-og-telemark-fylkeskommune\""), "{}", index.text());
    let page = app.get("/p/vestfold-og-telemark-fylkeskommune").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(page.body.contains("<meta name=\"description\""), "a description");
    assert!(text.contains("Bærekraftige Vestfold og Telemark"), "{text}");
    assert!(text.contains("Partnerships") && text.contains("By kind"), "{text}");
    assert!(text.contains("Fylkestinget") && text.contains("25/20"), "the decision: {text}");
    assert!(text.contains("Members") && text.contains("University of South-Eastern Norway"), "partners with roles: {text}");

    // Withdrawn, it disappears from the public page but not from the staff pages.
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let staff = app.get(&format!("/engagements/{id}")).await;
    assert!(staff.text().contains("Published on the public pages"), "{}", staff.text());
    let withdrawn = app.post_form(&format!("/engagements/{id}/publish"), &[("published", "false")]).await;
    assert_eq!(withdrawn.status, 303);
    let after = app.get("/p/vestfold-og-telemark-fylkeskommune").await.body;
    assert!(!after.contains(&format!("id=\"e{id}\"")) && after.contains("5 published engagements"), "{after}");
    assert!(app.get(&format!("/engagements/{id}")).await.text().contains("Not published on the public pages"));
    assert_eq!(app.get("/p/no-such-authority").await.status, 404);
}

#[tokio::test]
async fn a_missing_translation_shows_the_original_with_a_note_of_its_language() {
    let app = TestApp::with_demo().await;
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let (_, _, en) = get_with(&app, "/p/vestfold-og-telemark-fylkeskommune", &[(header::COOKIE, "samverk_lang=en")]).await;
    // The title, marked as Norwegian, links to the engagement's own page.
    let marked =
        format!("lang=\"nb\"><a href=\"/p/vestfold-og-telemark-fylkeskommune/engagements/{id}\">Bærekraftige Vestfold og Telemark</a>");
    assert!(en.contains(&marked) && en.contains("(in Norwegian Bokmål)"), "{}", en);
    let saved = app
        .post_form(
            &format!("/engagements/{id}/texts"),
            &[("language", "nb"), ("title_en", "Sustainable Vestfold and Telemark"), ("title_sv", "")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let (_, _, en) = get_with(&app, "/p/vestfold-og-telemark-fylkeskommune", &[(header::COOKIE, "samverk_lang=en")]).await;
    assert!(en.contains("Sustainable Vestfold and Telemark"), "{}", en);
    let (_, _, nb) = get_with(&app, "/p/vestfold-og-telemark-fylkeskommune", &[(header::COOKIE, "samverk_lang=nb")]).await;
    assert!(
        nb.contains("Bærekraftige Vestfold og Telemark") && !nb.contains("(på norsk bokmål)"),
        "the original, unmarked, in its own language"
    );
    let form = app.get(&format!("/engagements/{id}/texts")).await;
    assert!(form.body.contains("value=\"Sustainable Vestfold and Telemark\""), "the form keeps what was saved");
}

#[tokio::test]
async fn an_organisation_is_named_in_a_script_the_reader_reads() {
    // The demo's Hubei has its official name in Chinese and names in Bokmål and English.
    let app = TestApp::with_demo().await;
    let page = "/p/telemark-fylkeskommune";
    for (lang, expected) in [("nb", "Hubei-provinsen"), ("sv", "Hubei-provinsen"), ("en", "Hubei Province")] {
        let (status, _, body) = get_with(&app, &format!("{page}?lang={lang}"), &[]).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains(expected) && !body.contains("湖北省"), "{lang}: {expected} expected, not the Chinese name: {body}");
    }
}

#[tokio::test]
async fn plan_pages_sitemap_and_accessibility_statement() {
    let app = TestApp::with_demo().await;
    let sitemap = app.get("/sitemap.xml").await;
    assert_eq!(sitemap.status, 200);
    assert!(sitemap.content_type().starts_with("application/xml"));
    assert!(sitemap.body.contains("<loc>/p/vestfold-og-telemark-fylkeskommune?lang=sv</loc>"), "{}", sitemap.body);
    let plan = sitemap.body.split("<loc>").find(|l| l.contains("/plans/")).and_then(|l| l.split('?').next()).unwrap_or_default().to_owned();
    let page = app.get(&plan).await;
    assert_eq!(page.status, 200, "{plan}");
    assert!(page.text().contains("Goals and what contributes to them"), "{}", page.text());
    for (lang, title) in [("nb", "Tilgjengelighetserklæring"), ("sv", "Tillgänglighetsredogörelse"), ("en", "Accessibility statement")] {
        let (status, _, body) = get_with(&app, "/accessibility", &[(header::COOKIE, &format!("samverk_lang={lang}"))]).await;
        assert_eq!(status, 200);
        assert!(body.contains(&format!("<h1>{title}</h1>")), "{lang}");
    }
    assert!(app.get("/").await.body.contains("href=\"/accessibility\""), "linked from the footer");
}

/// The address of the link whose text is `label`, as a browser would follow it.
fn link_to(body: &str, label: &str) -> String {
    let end = body.find(&format!(">{label}</a>")).unwrap_or_else(|| panic!("no link «{label}» in {body}"));
    let start = body[..end].rfind("href=\"").unwrap_or_else(|| panic!("no href before «{label}»")) + 6;
    let href = body[start..end].split('"').next().unwrap_or_default();
    href.replace("&#38;", "&").replace("&amp;", "&")
}

#[tokio::test]
async fn the_portfolio_summarises_each_kind_and_goal_and_pages_the_rest() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Paging fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Regional plan").insert(&app.store).await;
    app.store.set_plan_published(plan, true).await.unwrap_or_else(|e| panic!("{e}"));
    let goal = GoalBuilder::new(plan, "Grønn omstilling").insert(&app.store).await;
    let mut ids = Vec::new();
    for n in 1..=25 {
        let mut e = EngagementBuilder::new(owner, &format!("Nettverk {n:02}"));
        if n <= 4 {
            e = e.goal(goal, &format!("bidrag {n:02}"));
        }
        if n > 22 {
            e = e.status("ended");
        }
        ids.push(e.insert(&app.store).await);
    }
    let agreement = EngagementBuilder::new(owner, "Avtale med Kiel").kind("bilateral_agreement").insert(&app.store).await;
    let hidden = EngagementBuilder::new(owner, "Skjult nettverk").insert(&app.store).await;
    for id in ids.iter().chain([&agreement]) {
        app.store.set_engagement_published(*id, true).await.unwrap_or_else(|e| panic!("{e}"));
    }

    // The summary: counts per kind and status, the first five of a kind in full, the rest linked.
    let page = public.get("/p/paging-fylkeskommune").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("26 published engagements") && text.contains("Networks (25)"), "{text}");
    assert!(text.contains("Proposed (22)") && text.contains("Ended (3)"), "the statuses: {text}");
    assert!(text.contains("The first 5 of 25, by title"), "{text}");
    assert!(text.contains("Nettverk 05") && !text.contains("Nettverk 06"), "five networks in full: {text}");
    assert!(text.contains("Avtale med Kiel") && !text.contains("Skjult nettverk"), "{text}");
    // By goal: three of the four contributions named, the list of all of them one link away.
    let by_goal = text.rsplit("By goal").next().unwrap_or_default();
    assert!(by_goal.contains("Nettverk 03 – bidrag 03") && !by_goal.contains("bidrag 04"), "{by_goal}");
    let all_of_goal = link_to(&page.body, "See all 4 engagements contributing to this goal");
    assert_eq!(all_of_goal, format!("/p/paging-fylkeskommune/engagements?goal_id={goal}"));
    let list = public.get(&all_of_goal).await.text();
    assert!(list.contains("4 published engagements"), "{list}");
    for n in 1..=4 {
        assert!(list.contains(&format!("Nettverk {n:02}")) && list.contains(&format!("bidrag {n:02}")), "{list}");
    }
    assert!(!list.contains("Nettverk 05"), "{list}");

    // The full list of a kind, twenty a page, with links between the pages.
    let all = link_to(&page.body, "Networks: see all 25");
    assert_eq!(all, "/p/paging-fylkeskommune/engagements?kind=network");
    let first = public.get(&all).await;
    assert_eq!(first.status, 200);
    let text = first.text();
    assert!(text.contains("25 published engagements") && text.contains("Page 1 of 2"), "{text}");
    assert!(text.contains("Nettverk 01") && text.contains("Nettverk 20") && !text.contains("Nettverk 21"), "{text}");
    assert!(!text.contains("Avtale med Kiel"), "only networks: {text}");
    assert!(first.body.contains("<option value=\"network\" selected>"), "the filter is shown as chosen");
    let second = public.get(&link_to(&first.body, "Next")).await;
    let text = second.text();
    assert!(text.contains("Page 2 of 2") && text.contains("Nettverk 21") && text.contains("Nettverk 25"), "{text}");
    assert!(!text.contains("Nettverk 20") && !second.body.contains("rel=\"next\""), "{text}");
    assert_eq!(link_to(&second.body, "Previous"), all, "back to the first page");
    // A status from the summary narrows the list.
    let ended = public.get(&link_to(&page.body, "Ended (3)")).await.text();
    assert!(ended.contains("3 published engagements") && ended.contains("Nettverk 23") && !ended.contains("Nettverk 22"), "{ended}");

    // Each engagement has a page of its own; unpublished ones and other addresses have none.
    let own = public.get(&link_to(&page.body, "Nettverk 01")).await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("<h1 id=\"e") && own.text().contains("Grønn omstilling – bidrag 01"), "{}", own.text());
    assert_eq!(public.get(&format!("/p/paging-fylkeskommune/engagements/{hidden}")).await.status, 404);
    assert_eq!(public.get("/p/no-such-authority/engagements").await.status, 404);
    let empty = public.get("/p/paging-fylkeskommune/engagements?kind=membership").await.text();
    assert!(empty.contains("No published engagement matches these filters"), "{empty}");
}

#[tokio::test]
async fn a_plan_page_shows_its_goals_their_measures_and_what_contributes_and_reads_only_that_plan() {
    use samverk_domain::plan::{GoalDraft, MeasureDraft};
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Planside fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Regional planstrategi").insert(&app.store).await;
    let other_plan = PlanBuilder::new(owner, "Kystplanen").insert(&app.store).await;
    for p in [plan, other_plan] {
        app.store.set_plan_published(p, true).await.unwrap_or_else(|e| panic!("{e}"));
    }
    let main = app
        .store
        .create_goal(&GoalDraft {
            plan_id: Some(plan),
            title: "Et grønt næringsliv".into(),
            description: "Utslippene skal ned innen 2030.".into(),
            ..Default::default()
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let sub = GoalBuilder::new(plan, "Fornybar energi").parent(main).insert(&app.store).await;
    let coast = GoalBuilder::new(other_plan, "Levende kystsamfunn").insert(&app.store).await;
    for (goal, title) in [(Some(main), "Klimapartnerskap for næringslivet"), (None, "Årlig planforum")] {
        let draft = MeasureDraft { plan_id: Some(plan), goal_id: goal, title: title.into(), ..Default::default() };
        app.store.create_measure(&draft).await.unwrap_or_else(|e| panic!("{e}"));
    }
    for n in 1..=25 {
        let id =
            EngagementBuilder::new(owner, &format!("Klimanettverk {n:02}")).goal(main, &format!("bidrag {n:02}")).insert(&app.store).await;
        app.store.set_engagement_published(id, true).await.unwrap_or_else(|e| panic!("{e}"));
    }
    let energy = EngagementBuilder::new(owner, "Energiforum").goal(sub, "deler kunnskap").insert(&app.store).await;
    let fishing = EngagementBuilder::new(owner, "Fiskerinettverket").goal(coast, "kystkultur").insert(&app.store).await;
    for id in [energy, fishing] {
        app.store.set_engagement_published(id, true).await.unwrap_or_else(|e| panic!("{e}"));
    }
    EngagementBuilder::new(owner, "Hemmelig nettverk").goal(main, "skjult").insert(&app.store).await;

    let path = format!("/p/planside-fylkeskommune/plans/{plan}");
    let before = app.store.query_count();
    let page = public.get(&path).await;
    let statements = app.store.query_count() - before;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Main goal: Et grønt næringsliv") && text.contains("Utslippene skal ned innen 2030."), "{text}");
    assert!(text.contains("Measures: Klimapartnerskap for næringslivet"), "the goal's measure: {text}");
    assert!(text.contains("Other measures Årlig planforum"), "a measure under no goal: {text}");
    assert!(text.contains("Sub-goal: Fornybar energi") && text.contains("Energiforum – deler kunnskap"), "{text}");
    assert!(text.contains("Klimanettverk 01 – bidrag 01") && text.contains("Klimanettverk 20"), "{text}");
    assert!(!text.contains("Klimanettverk 21"), "twenty named per goal: {text}");
    let all = link_to(&page.body, "See all 25 engagements contributing to this goal");
    assert_eq!(all, format!("/p/planside-fylkeskommune/engagements?goal_id={main}"));
    assert!(!text.contains("Hemmelig nettverk") && !text.contains("Fiskerinettverket") && !text.contains("Levende kystsamfunn"), "{text}");
    assert!(page.body.contains(&format!("id=\"g{main}\"")), "each goal has an anchor for search hits");

    // What the store reads for the page: this plan's goals and measures, twenty engagements per
    // goal, nothing of the other plan; and the page takes as many statements with 55 more
    // engagements in the portfolio.
    let read = app.store.public_plan(owner, plan, "en", 20).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("no plan"));
    assert_eq!(read.goals.len(), 2);
    assert_eq!(read.measures.len(), 2);
    assert_eq!(read.contributing.len(), 21, "20 of the main goal's 25 and the sub-goal's one");
    assert!(read.contributing.iter().all(|c| c.goal_id == main || c.goal_id == sub));
    for n in 1..=55 {
        let goal = if n % 2 == 0 { main } else { coast };
        let id = EngagementBuilder::new(owner, &format!("Nytt nettverk {n:02}")).goal(goal, "mer").insert(&app.store).await;
        app.store.set_engagement_published(id, true).await.unwrap_or_else(|e| panic!("{e}"));
    }
    let before = app.store.query_count();
    let page = public.get(&path).await;
    assert_eq!(app.store.query_count() - before, statements, "statements for the plan page at 28 and at 83 engagements");
    assert!(page.text().contains("See all 52 engagements contributing to this goal"), "{}", page.text());

    // Unpublished, the plan has no page; another authority's address does not open it.
    assert_eq!(public.get(&format!("/p/planside-fylkeskommune/plans/{}", other_plan + 1000)).await.status, 404);
    app.store.set_plan_published(plan, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(public.get(&path).await.status, 404);
}

/// The sitemap's addresses (without the language), in order.
fn sitemap_paths(xml: &str) -> Vec<String> {
    let mut out: Vec<String> = xml
        .split("<loc>")
        .skip(1)
        .filter_map(|l| l.split("</loc>").next())
        .filter_map(|l| l.split('?').next())
        .map(str::to_owned)
        .collect();
    out.dedup();
    out
}

#[tokio::test]
async fn the_sitemap_lists_every_public_page_and_each_opens_for_the_public() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let xml = public.get("/sitemap.xml").await.body;
    let paths = sitemap_paths(&xml);
    let base = "/p/vestfold-og-telemark-fylkeskommune";
    for expected in [base.to_owned(), format!("{base}/engagements"), format!("{base}/engagements/{id}"), "/news".into(), "/calls".into()] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    assert!(xml.contains(&format!("<loc>{base}/engagements/{id}?lang=sv</loc>")), "each language: {xml}");
    let news: Vec<_> = paths.iter().filter(|p| p.starts_with("/news/")).collect();
    let calls: Vec<_> = paths.iter().filter(|p| p.starts_with("/calls/")).collect();
    assert_eq!(news.len(), 5, "the demo's published articles: {news:?}");
    assert!(!calls.is_empty(), "the demo's call: {paths:?}");
    for path in &paths {
        let page = public.get(path).await;
        assert_eq!(page.status, 200, "{path} opens for the public");
    }
    // Withdrawn, an engagement leaves the sitemap.
    app.store.set_engagement_published(id, false).await.unwrap_or_else(|e| panic!("{e}"));
    let paths = sitemap_paths(&public.get("/sitemap.xml").await.body);
    assert!(!paths.contains(&format!("{base}/engagements/{id}")), "{paths:?}");
}

#[tokio::test]
async fn every_public_page_has_a_title_a_description_and_its_language() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    let xml = public.get("/sitemap.xml").await.body;
    let mut paths = sitemap_paths(&xml);
    paths.push("/p/search?q=telemark".into());
    for lang in ["nb", "sv", "en"] {
        for path in &paths {
            let sep = if path.contains('?') { '&' } else { '?' };
            let body = public.get(&format!("{path}{sep}lang={lang}")).await.body;
            assert!(body.contains(&format!("<html lang=\"{lang}\">")), "{path} {lang}");
            let title = body.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap_or_default();
            assert!(title.len() > " – samverk".len(), "{path} {lang}: title «{title}»");
            let description =
                body.split("<meta name=\"description\" content=\"").nth(1).and_then(|d| d.split('"').next()).unwrap_or_default();
            assert!(description.len() > 20, "{path} {lang}: description «{description}»");
            assert_eq!(body.matches("<meta name=\"description\"").count(), 1, "{path}: one description");
            // The public's menu: no link to a staff page, which would answer with the sign-in page.
            assert!(body.contains("<a href=\"/p/search\">") && !body.contains("href=\"/plans\""), "{path}: {body}");
        }
    }
    let staff = app.get("/p").await.body;
    assert!(staff.contains("<a href=\"/plans\">") && staff.contains("<a href=\"/search\">"), "signed in, the staff's menu: {staff}");
}

#[tokio::test]
async fn a_representative_shows_by_role_and_by_name_only_once_she_consents() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    let id = engagement_id(&app, "Bærekraftige Vestfold og Telemark").await;
    let owner = app.store.engagement(id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("no engagement")).owner_id;
    let person = samverk_testkit::followup::person(&app.store, owner, "Ingrid Samtykkesen").await;
    samverk_testkit::followup::MandateBuilder::new(id, Some(person), "2024-01-01").insert(&app.store).await;
    let page = format!("/p/vestfold-og-telemark-fylkeskommune/engagements/{id}?lang=en");

    let before = public.get(&page).await.text();
    assert!(before.contains("Representatives") && before.contains("Delegate"), "her role is shown: {before}");
    assert!(!before.contains("Samtykkesen"), "not her name before she consents: {before}");
    let form = app.get(&format!("/people/{person}/edit?lang=en")).await;
    assert!(form.text().contains("She consents to her name being shown on the public pages"), "{}", form.text());
    assert!(!form.body.contains("name=\"show_name\" value=\"yes\" checked"), "not ticked by default: {}", form.body);

    let consent = |ticked: bool| {
        let mut fields = vec![("owner_id", owner.to_string()), ("name", "Ingrid Samtykkesen".to_owned())];
        if ticked {
            fields.push(("show_name", "yes".to_owned()));
        }
        fields
    };
    let fields = consent(true);
    let saved = app.post_form(&format!("/people/{person}"), &fields.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = public.get(&page).await.text();
    assert!(after.contains("Delegate: Ingrid Samtykkesen"), "her role and name once she consents: {after}");
    let nb = public.get(&page.replace("lang=en", "lang=nb")).await.text();
    assert!(nb.contains("Representanter") && nb.contains("Delegat: Ingrid Samtykkesen"), "{nb}");

    // Erasure withdraws the consent with the name.
    let erased = app.post_form("/admin/privacy/person/erase", &[("q", "Ingrid Samtykkesen"), ("confirm", "yes")]).await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let erased = public.get(&page).await.text();
    assert!(erased.contains("Delegate") && !erased.contains("Samtykkesen") && !erased.contains("Erased person"), "{erased}");
}

#[tokio::test]
async fn an_authority_with_only_a_published_plan_shows_that_plan_on_its_portfolio() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Planfylket fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Internasjonal strategi 2024–2030").insert(&app.store).await;
    GoalBuilder::new(plan, "Styrke samarbeidet i Nordsjøregionen").insert(&app.store).await;
    // Nothing published: the authority has no public page yet.
    assert_eq!(public.get("/p/planfylket-fylkeskommune").await.status, 404);

    app.store.set_plan_published(plan, true).await.unwrap_or_else(|e| panic!("{e}"));
    let page = public.get("/p/planfylket-fylkeskommune").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(!text.contains("Nothing has been published yet"), "{text}");
    assert!(text.contains("Internasjonal strategi 2024–2030") && text.contains("Styrke samarbeidet i Nordsjøregionen"), "{text}");
    assert!(page.body.contains(&format!("href=\"/p/planfylket-fylkeskommune/plans/{plan}\"")), "the plan's page is linked: {}", page.body);
    assert!(!text.contains("By kind"), "no empty list of kinds: {text}");
}

#[tokio::test]
async fn plans_goals_and_calls_are_marked_and_noted_in_their_own_language() {
    use samverk_testkit::CallBuilder;
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Sprakfylket fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Regional plan for berekraft").language("nb").insert(&app.store).await;
    GoalBuilder::new(plan, "Halvere utsleppa").insert(&app.store).await;
    app.store.set_plan_published(plan, true).await.unwrap_or_else(|e| panic!("{e}"));
    let page = format!("/p/sprakfylket-fylkeskommune/plans/{plan}");

    // On an English page the Norwegian plan and its goals are marked and noted.
    let en = public.get(&format!("{page}?lang=en")).await;
    assert_eq!(en.status, 200, "{}", en.text());
    assert!(en.body.contains("<h1 lang=\"nb\">Regional plan for berekraft</h1>"), "{}", en.body);
    assert!(en.text().contains("Written in Norwegian Bokmål"), "{}", en.text());
    assert!(en.body.contains("<span lang=\"nb\">Halvere utsleppa</span>"), "the goal takes its plan's language: {}", en.body);
    let sv = public.get(&format!("{page}?lang=sv")).await;
    assert!(sv.body.contains("<h1 lang=\"nb\">") && sv.text().contains("Skrivet på norska (bokmål)"), "{}", sv.text());
    // In its own language: no mark, no note.
    let nb = public.get(&format!("{page}?lang=nb")).await;
    assert!(nb.body.contains("<h1>Regional plan for berekraft</h1>") && !nb.body.contains("lang-note"), "{}", nb.body);

    // Staff pick the language on the plan form.
    let form = app.get(&format!("/plans/{plan}/edit")).await;
    assert!(form.body.contains("<option value=\"nb\" selected>"), "the stored language is chosen: {}", form.body);
    let saved = app
        .post_form(
            &format!("/plans/{plan}"),
            &[
                ("owner_id", &owner.to_string()),
                ("title", "Regional plan for berekraft"),
                ("kind", "plan"),
                ("status", "adopted"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let en = public.get(&format!("{page}?lang=en")).await;
    assert!(en.body.contains("<h1>Regional plan for berekraft</h1>") && !en.body.contains("lang-note"), "{}", en.body);
    let nb = public.get(&format!("{page}?lang=nb")).await;
    assert!(nb.body.contains("<h1 lang=\"en\">") && nb.text().contains("Skrevet på engelsk"), "{}", nb.text());

    // A call: marked and noted on its page and in the list; picked on its form.
    let call = CallBuilder::new(owner, "Innspel til klimaplanen").language("nb").insert(&app.store).await;
    let en = public.get(&format!("/calls/{call}?lang=en")).await;
    assert!(en.body.contains("<h1 lang=\"nb\">Innspel til klimaplanen</h1>"), "{}", en.body);
    assert!(en.text().contains("Written in Norwegian Bokmål") && en.body.contains("<div class=\"body\" lang=\"nb\">"), "{}", en.body);
    let list = public.get("/calls?lang=sv").await;
    assert!(
        list.body.contains("lang=\"nb\">Innspel til klimaplanen</a>") && list.text().contains("Skrivet på norska (bokmål)"),
        "{}",
        list.body
    );
    let nb = public.get(&format!("/calls/{call}?lang=nb")).await;
    assert!(nb.body.contains("<h1>Innspel til klimaplanen</h1>") && !nb.body.contains("lang-note"), "{}", nb.body);
    let form = app.get(&format!("/calls/{call}/edit")).await;
    assert!(form.body.contains("<option value=\"nb\" selected>") && form.body.contains("<option value=\"sv\">"), "{}", form.body);
}
