//! Tests for /search and /api/v1/search: stemming and folding in Norwegian and Swedish, prefix
//! search, facets with the text, snippets, and an index kept current from the outbox.

use std::sync::Arc;
use std::time::Duration;

use samverk_search::{SearchIndex, SearchQuery};
use samverk_testkit::{NewsBuilder, OrganisationBuilder, TestApp};

mod public;

pub(crate) fn enc(text: &str) -> String {
    text.bytes().map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect()
}

#[tokio::test]
async fn norwegian_and_swedish_words_are_found_stemmed_folded_and_by_prefix() {
    let app = TestApp::with_demo().await;
    // "søk" finds "søknader" by prefix; the stem of "søknader" is that of "søknad".
    for q in ["søk", "søknad", "søknader"] {
        let page = app.get(&format!("/search?q={}", enc(q))).await;
        assert!(page.text().contains("Kunnskapsdeling om EUs samarbeidsprogrammer"), "{q}: {}", page.text());
    }
    let page = app.get("/search?q=Lidkoping").await;
    let text = page.text();
    assert!(text.contains("Lidköpings kommun"), "{text}");
    assert!(page.body.contains("<mark>Lidköpings</mark>") || page.body.contains("<mark>Lidköping</mark>"), "{}", page.body);
    for q in ["ostlandssamarbeidet", "Østlandssamarbeidet"] {
        let page = app.get(&format!("/search?q={}", enc(q))).await;
        let text = page.text();
        assert!(text.contains("Bilateral avtale med Schleswig-Holstein"), "{q}: {text}");
        assert!(text.contains("Samarbeidet med Schleswig-Holstein videreføres"), "{q}: {text}");
    }
}

#[tokio::test]
async fn facets_combine_with_the_text() {
    let app = TestApp::with_demo().await;
    let all = app.get("/api/v1/search?q=partnerskap").await.json();
    let kinds: Vec<&str> = all["hits"].as_array().unwrap().iter().map(|h| h["entity"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"news") && kinds.contains(&"call"), "{all}");
    let news = app.get("/api/v1/search?q=partnerskap&entity=news").await.json();
    let hits = news["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h["entity"] == "news"), "{news}");
    assert!(hits.iter().all(|h| h["url"].as_str().unwrap().starts_with("/news/")), "{news}");
    let facet = news["facets"].as_array().unwrap().iter().find(|f| f["name"] == "entity").unwrap().clone();
    assert_eq!(facet["values"][0]["value"], "news", "{facet}");
    let se = app.get("/api/v1/search?q=partnerskap&entity=news&country=SE").await.json();
    assert_eq!(se["total"], 0, "{se}");
    let page = app.get("/search?q=zzzz&entity=news").await.text();
    assert!(page.contains("Nothing matched “zzzz” · What: News."), "{page}");
}

#[tokio::test]
async fn a_saved_article_is_found_at_once_and_drafts_never() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    assert!(app.get("/search?q=kystnettverk").await.text().contains("No results"));
    NewsBuilder::new(owner, "Kystnettverket er etablert").insert(&app.store).await;
    NewsBuilder::new(owner, "Kystnettverket i utkast").draft().insert(&app.store).await;
    let page = app.get("/search?q=kystnettverk").await;
    assert!(page.text().contains("Kystnettverket er etablert"), "{}", page.text());
    assert!(!page.text().contains("i utkast"), "{}", page.text());
}

/// Two servers, each with its own index over the same database: what one saves, the other's
/// follower picks up from the outbox within two seconds.
#[tokio::test]
async fn every_server_keeps_its_own_index_current_from_the_outbox() {
    let app = TestApp::new().await;
    let other = Arc::new(SearchIndex::in_memory().unwrap());
    other.rebuild(&app.store).await.unwrap();
    let follower = samverk_search::follow(other.clone(), app.store.clone(), Duration::from_millis(100));
    let owner = OrganisationBuilder::new("Region Västernorrland").country("SE").insert(&app.store).await;
    let saved = std::time::Instant::now();
    NewsBuilder::new(owner, "Mid Sweden Office öppnar i Bryssel").insert(&app.store).await;
    let query = SearchQuery { q: "bryssel".into(), limit: 10, ..SearchQuery::default() };
    let now = || time::OffsetDateTime::now_utc().unix_timestamp();
    let mut found = false;
    while saved.elapsed() < Duration::from_secs(2) {
        if other.search(&query, now()).unwrap().total == 1 {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    follower.abort();
    assert!(found, "not visible on the other server within 2 s");
    // A deleted record leaves every index too.
    let id = app.store.news_list(&Default::default(), time::OffsetDateTime::now_utc()).await.unwrap().items[0].id;
    app.store.delete_news(id).await.unwrap();
    other.catch_up(&app.store).await.unwrap();
    assert_eq!(other.search(&query, now()).unwrap().total, 0);
}
