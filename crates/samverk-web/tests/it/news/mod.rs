//! Tests for /news: writing, scheduling and publishing, the public list with its filters and
//! search, the message when nothing matches, safe formatting and the Atom feeds.

use samverk_testkit::{NewsBuilder, OrganisationBuilder, TestApp};

/// The id in a link `href="/news/{id}"` after the given title appears in a list.
fn has_title(body: &str, title: &str) -> bool {
    body.contains(&format!(">{title}</a>"))
}

#[tokio::test]
async fn an_article_is_written_from_the_form_and_shows_once_published() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let form = app.get("/news/new").await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Lead (one or two sentences shown in lists and feeds)"), "{}", form.text());
    let response = app
        .post_form(
            "/news",
            &[
                ("owner_id", &owner.to_string()),
                ("news_title", "Møteplass Telemark samlet 200"),
                ("lead", "Konferansen satte prioriteringene for året."),
                ("news_body", "**Viktig** dag. <script>alert(1)</script>"),
                ("tags", "konferanse, Møteplass"),
                ("sdgs", "17"),
                ("sdgs", "11"),
                ("publish", "now"),
            ],
        )
        .await;
    assert_eq!(response.status, 303, "{}", response.text());
    let list = app.get("/news").await;
    assert!(has_title(&list.body, "Møteplass Telemark samlet 200"), "{}", list.body);
    assert!(list.text().contains("One article"), "{}", list.text());
    let id = app.store.news_list(&Default::default(), time::OffsetDateTime::now_utc()).await.unwrap().items[0].id;
    let page = app.get(&format!("/news/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<strong>Viktig</strong>"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;"), "raw HTML is shown as text: {}", page.body);
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    let text = page.text();
    assert!(text.contains("Tags konferanse Møteplass") || (text.contains("konferanse") && text.contains("Møteplass")), "{text}");
    assert!(text.contains("11 ") && text.contains("17 "), "the SDGs are named: {text}");
}

#[tokio::test]
async fn drafts_and_scheduled_articles_are_not_public_until_their_time() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let draft = NewsBuilder::new(owner, "Et utkast").draft().insert(&app.store).await;
    let later = NewsBuilder::new(owner, "Neste år").at("2099-01-01T09:00").insert(&app.store).await;
    NewsBuilder::new(owner, "Allerede ute").at("2024-01-01T09:00").insert(&app.store).await;
    let list = app.get("/news").await;
    assert!(has_title(&list.body, "Allerede ute"));
    assert!(!has_title(&list.body, "Et utkast") && !has_title(&list.body, "Neste år"), "{}", list.body);
    assert_eq!(app.get(&format!("/news/{draft}")).await.status, 404);
    assert_eq!(app.get(&format!("/news/{later}")).await.status, 404);
    let manage = app.get("/news/manage").await.text();
    assert!(manage.contains("Et utkast Draft"), "{manage}");
    assert!(manage.contains("Neste år Scheduled 2099-01-01 09:00 CET"), "{manage}");
    assert!(manage.contains("Allerede ute Published 2024-01-01 09:00 CET"), "{manage}");
}

#[tokio::test]
async fn a_rejected_article_keeps_what_was_typed() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let response = app
        .post_form(
            "/news",
            &[
                ("owner_id", &owner.to_string()),
                ("news_title", "Med bilde"),
                ("lead", "Ingress"),
                ("image_url", "https://example.org/bilde.jpg"),
                ("publish", "scheduled"),
                ("publish_at", "neste uke"),
            ],
        )
        .await;
    assert_eq!(response.status, 422);
    let text = response.text();
    assert!(response.body.contains("id=\"error-image_alt\""), "{text}");
    assert!(response.body.contains("id=\"error-publish_at\""), "{text}");
    assert!(response.body.contains("value=\"https://example.org/bilde.jpg\""), "{}", response.body);
    assert!(response.body.contains("value=\"Med bilde\""));
    assert!(app.store.news_list(&Default::default(), time::OffsetDateTime::now_utc()).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn the_demo_news_is_filtered_by_kind_engagement_sdg_tag_period_and_words() {
    let app = TestApp::with_demo().await;
    let all = app.get("/news").await;
    assert!(all.text().contains("5 articles"), "{}", all.text());

    let tag = app.get("/news?tag=EU").await;
    assert!(has_title(&tag.body, "Kunnskapsdeling om EUs samarbeidsprogrammer"));
    assert!(tag.text().contains("One article"), "{}", tag.text());

    let kind = app.get("/news?kind=bilateral_agreement").await;
    assert!(has_title(&kind.body, "Samarbeidet med Schleswig-Holstein videreføres"));
    assert!(kind.text().contains("One article"), "{}", kind.text());

    let sdg = app.get("/news?sdg=16").await;
    assert!(has_title(&sdg.body, "Vänortsarbetet i Lidköping fortsätter") && sdg.text().contains("One article"));

    let period = app.get("/news?from=2021-01-01&to=2021-12-31").await;
    assert!(has_title(&period.body, "Partnerskapskonferansen 2021") && period.text().contains("One article"), "{}", period.text());

    // Case and accents do not matter: "lidkoping" finds "Lidköping".
    let words = app.get("/news?q=lidkoping").await;
    assert!(has_title(&words.body, "Vänortsarbetet i Lidköping fortsätter"), "{}", words.text());

    let engagement_id = app.store.news_link_choices(time::OffsetDateTime::now_utc()).await.unwrap().0;
    let (id, _) = engagement_id.iter().find(|(_, t)| t == "Bærekraftige Vestfold og Telemark").unwrap();
    let by_engagement = app.get(&format!("/news?engagement={id}")).await;
    assert!(by_engagement.text().contains("2 articles"), "{}", by_engagement.text());
}

#[tokio::test]
async fn when_nothing_matches_the_page_says_what_was_searched_and_how_to_widen_it() {
    let app = TestApp::with_demo().await;
    let page = app.get("/news?q=zebra&tag=EU&from=2024-01-01").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("No news matches what you searched for:"), "{text}");
    assert!(text.contains("the words “zebra”"), "{text}");
    assert!(text.contains("Tag: EU"), "{text}");
    assert!(text.contains("published on or after 2024-01-01"), "{text}");
    assert!(text.contains("To find more, remove a filter, use fewer or shorter words, or widen the period."), "{text}");
    assert!(page.body.contains("href=\"/news?q=zebra\""), "{}", page.body);
    assert!(page.body.contains("href=\"/p/search?q=zebra\""), "the public's search, open without an account: {}", page.body);
    assert_eq!(app.view_anonymous().get("/p/search?q=zebra").await.status, 200);
}

#[tokio::test]
async fn an_article_links_the_public_to_public_pages_of_published_engagements_and_goals_only() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    // The Telemark article about the call: its text does not name the engagement it links to.
    let list = public.get("/news?tag=innspill").await;
    let path = list
        .body
        .split("href=\"")
        .filter_map(|h| h.split('"').next())
        .find(|h| h.strip_prefix("/news/").is_some_and(|id| id.parse::<i64>().is_ok()))
        .unwrap_or_else(|| panic!("{}", list.body))
        .to_owned();
    let page = public.get(&path).await;
    assert_eq!(page.status, 200);
    let filter = samverk_store::engagement::EngagementFilter { q: Some("Bærekraftige Vestfold og Telemark".into()), ..Default::default() };
    let id = app.store.engagements(&filter).await.unwrap().items[0].id;
    let public_page = format!("/p/vestfold-og-telemark-fylkeskommune/engagements/{id}");
    assert!(page.body.contains(&format!("<a href=\"{public_page}\">Bærekraftige Vestfold og Telemark</a>")), "{}", page.body);
    assert!(!page.body.contains("href=\"/engagements/") && !page.body.contains("href=\"/goals/"), "no staff page: {}", page.body);
    assert_eq!(public.get(&public_page).await.status, 200, "the link opens for the public");
    // Withdrawn from the public pages, the engagement is neither linked nor named, nor offered
    // as a filter of the news list.
    app.store.set_engagement_published(id, false).await.unwrap();
    let page = public.get(&path).await;
    assert!(!page.text().contains("Bærekraftige Vestfold og Telemark"), "{}", page.text());
    assert!(!public.get("/news").await.text().contains("Bærekraftige Vestfold og Telemark"), "not among the filters");
}

#[tokio::test]
async fn there_is_an_atom_feed_per_authority_and_per_filter() {
    let app = TestApp::with_demo().await;
    let feed = app.get("/news/feed.atom?tag=EU").await;
    assert_eq!(feed.status, 200);
    assert!(feed.content_type().starts_with("application/atom+xml"), "{}", feed.content_type());
    assert!(feed.body.contains("Kunnskapsdeling om EUs samarbeidsprogrammer</title>"), "{}", feed.body);
    assert!(!feed.body.contains("Partnerskapskonferansen 2021"));
    let all = app.get("/news/feed.atom").await;
    assert_eq!(all.body.matches("<entry>").count(), 5, "{}", all.body);
    let lidkoping = app
        .store
        .organisations(&samverk_store::organisation::OrganisationFilter { per_page: 500, page: 1, ..Default::default() })
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|o| o.name == "Lidköpings kommun")
        .unwrap();
    let one = app.get(&format!("/news/feed.atom?owner={}", lidkoping.id)).await;
    assert_eq!(one.body.matches("<entry>").count(), 1, "{}", one.body);
    assert!(one.body.contains("Vänortsarbetet i Lidköping fortsätter"));
    // The list links the feed of the same filter.
    assert!(app.get("/news?tag=EU").await.body.contains("href=\"/news/feed.atom?tag=EU\""));
}

/// The list's statement count does not grow with its rows (nor does the feed's).
#[tokio::test]
async fn the_list_and_the_feed_take_as_many_statements_for_two_articles_as_for_twenty() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let mut counts = Vec::new();
    for n in [2, 20] {
        while app
            .store
            .news_list(&samverk_store::news::NewsFilter { per_page: 500, page: 1, ..Default::default() }, time::OffsetDateTime::now_utc())
            .await
            .unwrap()
            .total
            < n
        {
            NewsBuilder::new(owner, "Nytt fra nettverkene").tags("EU, nettverk").sdg(17).insert(&app.store).await;
        }
        let mut statements = Vec::new();
        for path in ["/news", "/news/feed.atom"] {
            let before = app.store.query_count();
            assert_eq!(app.get(path).await.status, 200);
            statements.push(app.store.query_count() - before);
        }
        counts.push(statements);
    }
    assert_eq!(counts[0], counts[1], "statements for 2 and for 20 articles");
}

#[tokio::test]
async fn an_article_in_another_language_is_marked_and_noted_in_that_language() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    let list = public.get("/news?q=lidkoping&lang=en").await;
    assert!(list.body.contains("<h2 lang=\"sv\"><a href=\"/news/"), "the Swedish title is marked: {}", list.body);
    assert!(list.text().contains("(in Swedish)"), "{}", list.text());
    let path = list
        .body
        .split("href=\"")
        .filter_map(|h| h.split('"').next())
        .find(|h| h.strip_prefix("/news/").is_some_and(|id| id.parse::<i64>().is_ok()))
        .unwrap_or_else(|| panic!("{}", list.body))
        .to_owned();
    let nb = public.get(&format!("{path}?lang=nb")).await;
    assert!(nb.body.contains("<h1 lang=\"sv\">Vänortsarbetet i Lidköping fortsätter</h1>"), "{}", nb.body);
    assert!(nb.text().contains("(på svensk)"), "{}", nb.text());
    let sv = public.get(&format!("{path}?lang=sv")).await;
    assert!(sv.body.contains("<h1>Vänortsarbetet i Lidköping fortsätter</h1>") && !sv.body.contains("lang-note"), "{}", sv.body);
    // A Norwegian article on a Norwegian page carries no note.
    let norwegian = public.get("/news?tag=innspill&lang=nb").await;
    assert!(!norwegian.body.contains("lang-note") && !norwegian.body.contains("<h2 lang="), "{}", norwegian.body);

    // Staff say which language an article is written in; anything else is refused.
    let owner = app.store.news_list(&Default::default(), time::OffsetDateTime::now_utc()).await.unwrap().items[0].owner_id.to_string();
    let form = app.get("/news/new").await;
    assert!(form.body.contains("<option value=\"sv\">"), "{}", form.body);
    let fields = |language: &'static str| {
        vec![
            ("owner_id", owner.clone()),
            ("language", language.to_owned()),
            ("news_title", "An article in English".to_owned()),
            ("lead", "In English.".to_owned()),
            ("publish", "now".to_owned()),
        ]
    };
    let refused = app.post_form("/news", &fields("de").iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"error-language\""), "{}", refused.text());
    let saved = app.post_form("/news", &fields("en").iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let nb = public.get("/news?q=article&lang=nb").await.text();
    assert!(nb.contains("An article in English") && nb.contains("(på engelsk)"), "{nb}");
}

#[tokio::test]
async fn the_list_is_filtered_by_goal_and_offers_goals_of_published_plans_only() {
    use samverk_testkit::{GoalBuilder, PlanBuilder};
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Målfylket fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Regional plan for klima").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Halvere utslippene").insert(&app.store).await;
    NewsBuilder::new(owner, "Klimamøtet er i gang").goal(goal).insert(&app.store).await;
    NewsBuilder::new(owner, "Kulturprisen er delt ut").insert(&app.store).await;
    // The plan is not published: its goal is not offered, nor named.
    let list = public.get("/news").await;
    assert!(!list.text().contains("Halvere utslippene"), "{}", list.text());
    app.store.set_plan_published(plan, true).await.unwrap();
    let list = public.get("/news").await;
    assert!(list.body.contains(&format!("<option value=\"{goal}\">Halvere utslippene</option>")), "{}", list.body);
    let by_goal = public.get(&format!("/news?goal={goal}")).await;
    assert!(has_title(&by_goal.body, "Klimamøtet er i gang") && !has_title(&by_goal.body, "Kulturprisen er delt ut"), "{}", by_goal.body);
    assert!(by_goal.text().contains("One article"), "{}", by_goal.text());
}

#[tokio::test]
async fn an_article_is_translated_and_each_page_shows_its_language_or_the_original_with_a_note() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let id = NewsBuilder::new(owner, "Klimakonferansen samlet hundre")
        .lead("Kommunene la fram planene sine.")
        .body("En **viktig** dag.")
        .insert(&app.store)
        .await;
    let edit = app.get(&format!("/news/{id}/edit?lang=en")).await;
    assert!(edit.body.contains(&format!("href=\"/news/{id}/texts\"")), "the edit page leads to the texts: {}", edit.body);
    let form = app.get(&format!("/news/{id}/texts?lang=en")).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Lead (English)") && form.text().contains("Text (Swedish)"), "{}", form.text());

    let saved = app
        .post_form(
            &format!("/news/{id}/texts"),
            &[
                ("language", "nb"),
                ("title_en", "The climate conference gathered a hundred"),
                ("lead_en", "The municipalities presented their plans."),
                ("body_en", "An **important** day."),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    assert!(app.get(&format!("/news/{id}/texts")).await.body.contains("value=\"The climate conference gathered a hundred\""));

    // In English: the translation, with no note.
    let en = public.get(&format!("/news/{id}?lang=en")).await;
    assert!(en.body.contains("<h1>The climate conference gathered a hundred</h1>"), "{}", en.body);
    assert!(en.body.contains("An <strong>important</strong> day.") && !en.body.contains("lang-note"), "{}", en.body);
    assert!(en.text().contains("The municipalities presented their plans."), "{}", en.text());
    let list = public.get("/news?lang=en").await;
    assert!(has_title(&list.body, "The climate conference gathered a hundred"), "{}", list.body);
    // In Swedish, not translated: the original, marked as Norwegian, with a note.
    let sv = public.get(&format!("/news/{id}?lang=sv")).await;
    assert!(sv.body.contains("<h1 lang=\"nb\">Klimakonferansen samlet hundre</h1>"), "{}", sv.body);
    assert!(sv.text().contains("(på norska)") && sv.body.contains("En <strong>viktig</strong> dag."), "{}", sv.text());
    // In Norwegian, its own language: the original, no note.
    let nb = public.get(&format!("/news/{id}?lang=nb")).await;
    assert!(nb.body.contains("<h1>Klimakonferansen samlet hundre</h1>") && !nb.body.contains("lang-note"), "{}", nb.body);
    // The Atom feed likewise: in English the translation, in Swedish the original marked nb.
    let feed_en = public.get("/news/feed.atom?lang=en").await.body;
    assert!(feed_en.contains("The climate conference gathered a hundred") && !feed_en.contains("Klimakonferansen"), "{feed_en}");
    assert!(feed_en.contains("<feed") && feed_en.contains("xml:lang=\"en\""), "the feed states its language: {feed_en}");
    let feed_sv = public.get("/news/feed.atom?lang=sv").await.body;
    assert!(feed_sv.contains("Klimakonferansen samlet hundre") && !feed_sv.contains("The climate conference"), "{feed_sv}");
    assert!(feed_sv.contains("<title xml:lang=\"nb\">Klimakonferansen"), "marked as Norwegian: {feed_sv}");
    // The public may not open the staff form.
    assert_ne!(public.get(&format!("/news/{id}/texts")).await.status, 200);
}
