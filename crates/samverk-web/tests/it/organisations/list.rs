//! The organisation register: folded search, filters, pagination, the empty state.

use samverk_testkit::{OrganisationBuilder, TestApp};

#[tokio::test]
async fn a_search_without_accents_finds_lidkoping() {
    let app = TestApp::with_demo().await;
    // As a browser sends them: "Lidkoping", "lidköping", "LIDKÖPINGS".
    for q in ["Lidkoping", "lidk%C3%B6ping", "LIDK%C3%96PINGS"] {
        let response = app.get(&format!("/organisations?q={q}")).await;
        assert_eq!(response.status, 200, "{q}");
        let text = response.text();
        assert!(text.contains("One organisation found"), "{q}: {text}");
        assert!(text.contains("Lidköpings kommun Municipality SE 1494"), "{q}: {text}");
        assert!(!text.contains("Telemark fylkeskommune"), "{q}: {text}");
    }
}

#[tokio::test]
async fn a_search_without_a_hit_says_so_and_suggests_what_to_do() {
    let app = TestApp::with_demo().await;
    let response = app.get("/organisations?q=Atlantis&kind=county&country=NO").await;
    assert_eq!(response.status, 200);
    let text = response.text();
    assert!(text.contains("No organisations found"), "{text}");
    assert!(text.contains("No organisation matches this search. Try another search or another filter, or clear the filters"), "{text}");
    assert!(response.body.contains("value=\"Atlantis\""), "search text lost");
    assert!(response.body.contains("<option value=\"county\" selected>County</option>"), "kind filter lost");
}

#[tokio::test]
async fn kind_and_country_filter_the_register() {
    let app = TestApp::with_demo().await;
    let text = app.get("/organisations?kind=county&country=no").await.text();
    // The shipped register: 17 Norwegian county bodies across the 2020–2023 and 2024 structures.
    assert!(text.contains("17 organisations found"), "{text}");
    assert!(text.contains("Vestfold og Telemark fylkeskommune"), "{text}");
    assert!(!text.contains("Tønsberg kommune"), "{text}");
    // 311 Swedish bodies in the register: narrow to the region's page of the list.
    let text = app.get("/organisations?country=SE&q=Region").await.text();
    assert!(text.contains("Region Västernorrland"), "{text}");
    assert!(!text.contains("Avinor"), "{text}");
}

#[tokio::test]
async fn country_and_region_are_chosen_by_name_from_the_registers() {
    let app = TestApp::with_demo().await;
    let page = app.get("/organisations").await;
    assert!(page.body.contains("<option value=\"SE\">Sweden</option>"), "{}", page.body);
    assert!(page.body.contains("<option value=\"NO-38\">Vestfold og Telemark (NO-38)</option>"), "{}", page.body);
    assert!(page.body.contains("<option value=\"SE-14\">Västra Götalands län (SE-14)</option>"), "{}", page.body);
    let norsk = app.get("/organisations?lang=nb").await;
    assert!(norsk.body.contains("<option value=\"SE\">Sverige</option>"), "{}", norsk.body);
    let vg = app.get("/organisations?region=SE-14&q=kommun").await;
    assert!(vg.body.contains("<option value=\"SE-14\" selected>"), "{}", vg.body);
    let text = vg.text();
    assert!(text.contains("Lidköpings kommun") && !text.contains("Tønsberg"), "{text}");
    // Tønsberg had 3803 in Vestfold og Telemark until 2023: the fylke holds it.
    let vt = app.get("/organisations?region=NO-38&kind=municipality&q=Tønsberg").await.text();
    assert!(vt.contains("Tønsberg kommune"), "{vt}");
    let elsewhere = app.get("/organisations?region=NO-03&q=Tønsberg").await.text();
    assert!(elsewhere.contains("No organisation"), "{elsewhere}");
}

#[tokio::test]
async fn a_nuts_region_holds_its_counties_and_their_municipalities() {
    let app = TestApp::with_demo().await;
    let page = app.get("/organisations").await;
    assert!(page.body.contains("<option value=\"SE23\">NUTS SE23: Västsverige</option>"), "{}", page.body);
    assert!(page.body.contains("<option value=\"NO093\">NUTS NO093: Vestfold</option>"), "{}", page.body);
    // Västsverige (SE23) is Halland and Västra Götaland: Lidköping is in it, Stockholm is not.
    let west = app.get("/organisations?region=SE23&q=kommun").await;
    assert!(west.body.contains("<option value=\"SE23\" selected>"), "{}", west.body);
    let text = west.text();
    assert!(text.contains("Lidköpings kommun") && text.contains("Halmstads kommun"), "{text}");
    assert!(!text.contains("Stockholms kommun") && !text.contains("Tønsberg"), "{text}");
    // Vestfold (NO093) from 2024: Tønsberg's number is 3905 now; Skien is in Telemark.
    let vestfold = app.get("/organisations?region=NO093&kind=municipality&q=kommune").await.text();
    assert!(vestfold.contains("Tønsberg kommune") && !vestfold.contains("Skien kommune"), "{vestfold}");
    // One level up, Agder og Sør-Østlandet (NO09) holds both, and the county itself.
    let south = app.get("/organisations?region=NO09&q=Telemark").await.text();
    assert!(south.contains("Telemark fylkeskommune"), "{south}");
    // Vestfold og Telemark, dissolved in 2024, has no NUTS code: it is where its successors are.
    assert!(south.contains("Vestfold og Telemark fylkeskommune"), "{south}");
    let vestfold = app.get("/organisations?region=NO093&q=fylkeskommune").await.text();
    assert!(vestfold.contains("Vestfold og Telemark fylkeskommune") && !vestfold.contains("Agder fylkeskommune"), "{vestfold}");
    // A NUTS code of another country, typed in the address, filters and stays chosen.
    let german = app.get("/organisations?region=DE21").await;
    assert!(german.body.contains("<option value=\"DE21\" selected>"), "{}", german.body);
}

#[tokio::test]
async fn the_register_pages_by_fifty_and_keeps_the_search_in_the_links() {
    let app = TestApp::new().await;
    for n in 0..55 {
        OrganisationBuilder::new(&format!("Kommune {n:02}")).kind("municipality").insert(&app.store).await;
    }
    let first = app.get("/organisations?q=kommune").await;
    let text = first.text();
    assert!(text.contains("55 organisations found"), "{text}");
    assert!(text.contains("Kommune 49"), "{text}");
    assert!(!text.contains("Kommune 50"), "{text}");
    assert!(text.contains("Page 1 of 2"), "{text}");
    // Follow the "Next" link as a browser would: it keeps the search.
    let next = next_link(&first.body);
    assert!(next.starts_with("/organisations?q=kommune&") && next.ends_with("&page=2"), "{next}");
    let second = app.get(&next).await.text();
    assert!(second.contains("Kommune 54"), "{second}");
    assert!(!second.contains("Kommune 49"), "{second}");
    // A page number that is not one still shows the register.
    assert_eq!(app.get("/organisations?page=x").await.status, 200);
}

/// The address of the page's "Next" link, with the HTML escaping of `&` undone.
fn next_link(html: &str) -> String {
    let end = html.find("\" rel=\"next\"").unwrap_or_else(|| panic!("no next link: {html}"));
    let start = html[..end].rfind("href=\"").map_or_else(|| panic!("no href: {html}"), |s| s + 6);
    html[start..end].replace("&#38;", "&").replace("&amp;", "&")
}
