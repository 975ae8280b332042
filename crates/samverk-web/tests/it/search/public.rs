//! `/p/search`: the public's search finds published records and open calls only (in hits and in
//! facet counts), stems and folds like the staff's, and says what was searched when nothing matched.

use std::time::{Duration, Instant};

use samverk_testkit::{CallBuilder, EngagementBuilder, GoalBuilder, NewsBuilder, OrganisationBuilder, PlanBuilder, TestApp};

use super::enc;

#[tokio::test]
async fn the_public_finds_published_records_stemmed_folded_and_by_prefix() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    for q in ["søk", "søknad", "søknader"] {
        let page = public.get(&format!("/p/search?q={}", enc(q))).await;
        assert_eq!(page.status, 200, "{q}");
        assert!(page.text().contains("Kunnskapsdeling om EUs samarbeidsprogrammer"), "{q}: {}", page.text());
    }
    let page = public.get("/p/search?q=Lidkoping").await;
    assert!(page.text().contains("Lidköping"), "{}", page.text());
    assert!(page.body.contains("<mark>Lidköping"), "highlighted: {}", page.body);
    for q in ["ostlandssamarbeidet", "Østlandssamarbeidet"] {
        let text = public.get(&format!("/p/search?q={}", enc(q))).await.text();
        assert!(text.contains("Bilateral avtale med Schleswig-Holstein"), "{q}: {text}");
        assert!(text.contains("Samarbeidet med Schleswig-Holstein videreføres"), "{q}: {text}");
    }
    // Hits lead to public pages, never to staff pages the public cannot open.
    let page = public.get("/p/search?q=Schleswig").await;
    assert!(page.body.contains("href=\"/p/"), "{}", page.body);
    assert!(!page.body.contains("href=\"/engagements/"), "{}", page.body);
}

#[tokio::test]
async fn unpublished_engagements_and_draft_news_never_appear_not_even_in_facet_counts() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let partner = OrganisationBuilder::new("Fjordlaks samvirke").insert(&app.store).await;
    let hidden = EngagementBuilder::new(owner, "Fjordlaksnettverket").participant(partner, "member").insert(&app.store).await;
    let shown = EngagementBuilder::new(owner, "Fjordlaksavtalen").kind("bilateral_agreement").insert(&app.store).await;
    app.store.set_engagement_published(shown, true).await.unwrap();
    NewsBuilder::new(owner, "Fjordlaks i utkast").draft().insert(&app.store).await;
    NewsBuilder::new(owner, "Fjordlaks publisert").insert(&app.store).await;

    let page = public.get("/p/search?q=fjordlaks").await;
    let text = page.text();
    assert!(text.contains("Fjordlaksavtalen") && text.contains("Fjordlaks publisert"), "{text}");
    assert!(!text.contains("Fjordlaksnettverket") && !text.contains("i utkast"), "{text}");
    assert!(!text.contains("Fjordlaks samvirke"), "an organisation only in unpublished engagements: {text}");
    assert!(text.contains("2 results"), "{text}");
    // The facets count what the public may see: one engagement (an agreement), one article.
    assert!(text.contains("Engagement (1)") && text.contains("News (1)"), "{text}");
    assert!(!page.body.contains("kind=network"), "no facet value from the unpublished network: {}", page.body);
    assert!(public.get("/p/search?q=fjordlaks&kind=network").await.text().contains("Nothing matched"));
    // The staff's search is unchanged: the unpublished engagement is there, the draft is not.
    let staff = app.get("/search?q=fjordlaks").await.text();
    assert!(staff.contains("Fjordlaksnettverket") && !staff.contains("i utkast"), "{staff}");

    // Publishing is a save like any other: the public finds it (and its partner) within 2 s.
    let saved = Instant::now();
    app.store.set_engagement_published(hidden, true).await.unwrap();
    let text = public.get("/p/search?q=fjordlaks").await.text();
    assert!(saved.elapsed() < Duration::from_secs(2), "{:?}", saved.elapsed());
    assert!(text.contains("Fjordlaksnettverket") && text.contains("Fjordlaks samvirke"), "{text}");
}

#[tokio::test]
async fn goals_show_when_their_plan_is_published_and_calls_while_they_are_open() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Vestland fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Regional planstrategi").insert(&app.store).await;
    GoalBuilder::new(plan, "Grønn skipsfart langs kysten").insert(&app.store).await;
    assert!(public.get("/p/search?q=skipsfart").await.text().contains("Nothing matched"));
    app.store.set_plan_published(plan, true).await.unwrap();
    let page = public.get("/p/search?q=skipsfart").await;
    assert!(page.text().contains("Grønn skipsfart langs kysten"), "{}", page.text());
    assert!(page.body.contains(&format!("/plans/{plan}#g")), "linked to the goal on the public plan page: {}", page.body);

    let today = time::OffsetDateTime::now_utc().date();
    let day = |d: time::Date| d.to_string();
    CallBuilder::new(owner, "Innspill om havvind")
        .period(&day(today - time::Duration::days(1)), &day(today + time::Duration::days(9)))
        .insert(&app.store)
        .await;
    CallBuilder::new(owner, "Innspill om havbruk").period("2023-11-01", "2023-12-27").insert(&app.store).await;
    let text = public.get("/p/search?q=innspill").await.text();
    assert!(text.contains("Innspill om havvind"), "an open call: {text}");
    assert!(!text.contains("Innspill om havbruk"), "a closed call: {text}");
    assert!(app.get("/search?q=innspill").await.text().contains("Innspill om havbruk"), "staff find closed calls");
}

#[tokio::test]
async fn nothing_matched_says_what_was_searched_and_how_to_widen_it() {
    let app = TestApp::with_demo().await;
    let page = app.view_anonymous().get("/p/search?q=zzzz&entity=news").await;
    let text = page.text();
    assert!(text.contains("Nothing matched “zzzz” · What: News."), "{text}");
    assert!(text.contains("only the start of a word"), "{text}");
    assert!(page.body.contains("href=\"/p/search?q=zzzz\""), "a link without the filter: {}", page.body);
    assert!(page.body.contains("href=\"/news\""), "another way: {}", page.body);
    let nb = app.view_anonymous().get("/p/search?q=zzzz&lang=nb").await.text();
    assert!(nb.contains("Ingenting passet med «zzzz»") || nb.contains("Ingenting passet med “zzzz”"), "{nb}");
}

#[tokio::test]
async fn country_facets_are_named_in_the_page_language() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    for (lang, sweden) in [("en", "Sweden"), ("nb", "Sverige"), ("sv", "Sverige")] {
        let page = public.get(&format!("/p/search?q=Lidkoping&lang={lang}")).await;
        let text = page.text();
        assert!(text.contains(&format!("{sweden} (")), "{lang}: {text}");
        assert!(!text.contains("SE ("), "no bare code: {text}");
        assert!(page.body.contains("country=SE"), "the link still filters by the code: {}", page.body);
    }
    let norway = public.get("/p/search?q=Telemark&lang=en").await.text();
    assert!(norway.contains("Norway (") && !norway.contains("NO ("), "{norway}");
    // The chosen country is named in what was searched, too.
    let text = public.get("/p/search?q=zzzz&country=SE&lang=nb").await.text();
    assert!(text.contains("Land: Sverige"), "{text}");
}

#[tokio::test]
async fn sdg_facets_are_named_in_the_page_language() {
    let app = TestApp::with_demo().await;
    let public = app.view_anonymous();
    let page = public.get("/p/search?q=samarbeid&lang=sv").await;
    let text = page.text();
    assert!(text.contains("17 Genomförande och globalt partnerskap ("), "the goal's name, not its bare number: {text}");
    assert!(page.body.contains("sdg=17"), "the link still filters by the number: {}", page.body);
    // The chosen goal is named in what was searched, too.
    let chosen = public.get("/p/search?q=zzzz&sdg=17&lang=sv").await.text();
    assert!(chosen.contains("17 Genomförande och globalt partnerskap"), "{chosen}");
}

#[tokio::test]
async fn a_translation_is_found_as_its_original_is() {
    let app = TestApp::new().await;
    let public = app.view_anonymous();
    let owner = OrganisationBuilder::new("Agder fylkeskommune").insert(&app.store).await;
    let article = NewsBuilder::new(owner, "Havvindkonferansen samlet hundre").insert(&app.store).await;
    let network = EngagementBuilder::new(owner, "Nettverk for kystkultur").kind("network").insert(&app.store).await;
    app.store.set_engagement_published(network, true).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(public.get("/p/search?q=lighthouse").await.text().contains("Nothing matched"));

    let saved = app
        .post_form(
            &format!("/news/{article}/texts"),
            &[("language", "nb"), ("title_en", "The offshore wind conference"), ("lead_en", "Lighthouse keepers spoke too.")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let saved = app
        .post_form(
            &format!("/engagements/{network}/texts"),
            &[("language", "nb"), ("title_en", "Network for coastal culture"), ("description_en", "Lighthouses and harbours.")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let text = public.get("/p/search?q=lighthouse&lang=nb").await.text();
    assert!(text.contains("Havvindkonferansen samlet hundre") && text.contains("Nettverk for kystkultur"), "{text}");
    assert!(text.contains("2 treff"), "{text}");
    // Each hit's title reads as its own page does: in English the translation, in Swedish (not
    // translated) the original; the snippet shows the words that matched, whichever language.
    let en = public.get("/p/search?q=lighthouse&lang=en").await.text();
    assert!(en.contains("The offshore wind conference") && en.contains("Network for coastal culture"), "{en}");
    assert!(!en.contains("Havvindkonferansen") && !en.contains("Nettverk for kystkultur"), "{en}");
    let sv = public.get("/p/search?q=lighthouse&lang=sv").await.text();
    assert!(sv.contains("Havvindkonferansen samlet hundre") && sv.contains("Nettverk for kystkultur"), "{sv}");
}
