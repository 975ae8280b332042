//! Find partners and an organisation's network, on a small world where each kind of evidence
//! points at exactly one organisation.

use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

struct World {
    app: TestApp,
    county: i64,
    goal: i64,
    aalborg: i64,
}

async fn world() -> World {
    let app = TestApp::new().await;
    let s = &app.store;
    let county = OrganisationBuilder::new("Telemark fylkeskommune").region_code("40").insert(s).await;
    let skien = OrganisationBuilder::new("Skien kommune").kind("municipality").region_code("4003").insert(s).await;
    let aalborg = OrganisationBuilder::new("Aalborg University").kind("university").country("DK").insert(s).await;
    let skane = OrganisationBuilder::new("Region Skåne").kind("region").country("SE").scb_code("12").insert(s).await;
    let goisern = OrganisationBuilder::new("Bad Goisern").kind("municipality").country("AT").insert(s).await;
    let vgr = OrganisationBuilder::new("Västra Götalandsregionen").kind("region").country("SE").insert(s).await;
    let gotland = OrganisationBuilder::new("Region Gotland").kind("region").country("SE").insert(s).await;
    let orkney = OrganisationBuilder::new("Orkney Islands Council").kind("foreign_region").country("GB").insert(s).await;

    EngagementBuilder::new(county, "Green Ports")
        .kind("eu_project")
        .participant(county, "lead_partner")
        .participant(aalborg, "partner")
        .insert(s)
        .await;
    EngagementBuilder::new(skane, "Hydrogen Valleys")
        .kind("eu_project")
        .participant(skane, "lead_partner")
        .participant(aalborg, "partner")
        .insert(s)
        .await;
    EngagementBuilder::new(skien, "Skien–Bad Goisern").kind("twin_town").participant(goisern, "counterpart").insert(s).await;
    EngagementBuilder::new(county, "North Sea Commission")
        .kind("network")
        .participant(county, "member")
        .participant(vgr, "member")
        .insert(s)
        .await;
    // A network only one of the county's municipalities is in: its members are no evidence.
    let gdansk = OrganisationBuilder::new("Gdańsk").kind("municipality").country("PL").insert(s).await;
    EngagementBuilder::new(skien, "Union of Baltic Cities")
        .kind("network")
        .participant(skien, "member")
        .participant(gdansk, "member")
        .insert(s)
        .await;
    EngagementBuilder::new(gotland, "Renewable energy islands").kind("eu_project").participant(orkney, "partner").insert(s).await;

    let plan = PlanBuilder::new(county, "Regional planstrategi").insert(s).await;
    let goal = GoalBuilder::new(plan, "Grønn omstilling og fornybar energi").sdgs("7").insert(s).await;
    World { app, county, goal, aalborg }
}

/// The page text with the spaces the tag stripping leaves inside brackets and before stops removed.
fn sentences(text: &str) -> String {
    text.replace("( ", "(").replace(" )", ")").replace(" .", ".").replace(" ,", ",")
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not on the page:\n{text}"))
}

#[tokio::test]
async fn proposals_are_ranked_by_evidence_and_say_why() {
    let w = world().await;
    let page = w.app.get(&format!("/organisations/{}/partners", w.county)).await;
    assert_eq!(page.status, 200);
    let text = sentences(&page.text());

    let twin = position(&text, "Bad Goisern");
    let partner_of_partner = position(&text, "Region Skåne");
    let network = position(&text, "Västra Götalandsregionen");
    assert!(twin < partner_of_partner && partner_of_partner < network, "twin town, then partner of partner, then fellow member:\n{text}");
    assert!(text.contains("Twin town of Skien kommune (Skien–Bad Goisern)."), "{text}");
    assert!(text.contains("Works with your partner Aalborg University in Hydrogen Valleys (your partner through Green Ports)."), "{text}");
    assert!(text.contains("Member of North Sea Commission, like you."), "{text}");
    assert!(text.contains("Based on one partner and one municipality."), "{text}");
    // Current partners and the authority's own municipalities are not proposed.
    let html = &page.body;
    assert!(!html.contains(&format!("<h2><a href=\"/organisations/{}\">", w.aalborg)), "a current partner is not a proposal:\n{text}");
    assert!(!text.contains("Orkney"), "no topic without a goal or SDG:\n{text}");
    assert!(!text.contains("Gdańsk"), "a fellow member of a municipality's network is not proposed:\n{text}");
    // The evidence links to what it names.
    assert!(html.contains(&format!("<a href=\"/organisations/{}\">Aalborg University</a>", w.aalborg)), "{html}");
}

#[tokio::test]
async fn a_goal_brings_in_projects_on_its_topic() {
    let w = world().await;
    let page = w.app.get(&format!("/organisations/{}/partners?goal={}", w.county, w.goal)).await;
    let text = sentences(&page.text());
    assert!(text.contains("Took part in Renewable energy islands, which matches energy."), "{text}");
    let filtered = w.app.get(&format!("/organisations/{}/partners?goal={}&country=gb", w.county, w.goal)).await;
    let text = filtered.text();
    assert!(text.contains("Orkney Islands Council") && !text.contains("Bad Goisern"), "{text}");
    let nothing = w.app.get(&format!("/organisations/{}/partners?country=FI", w.county)).await;
    assert!(nothing.text().contains("No organisation to propose."));
}

#[tokio::test]
async fn proposals_are_narrowed_to_a_country_and_a_region_chosen_by_name() {
    let w = world().await;
    samverk_import::registry::ensure_loaded(&w.app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let page = w.app.get(&format!("/organisations/{}/partners", w.county)).await;
    assert!(page.body.contains("<option value=\"SE\">Sweden</option>"), "{}", page.body);
    assert!(page.body.contains("<option value=\"SE-12\">Skåne län (SE-12)</option>"), "{}", page.body);
    let sweden = sentences(&w.app.get(&format!("/organisations/{}/partners?country=SE", w.county)).await.text());
    assert!(sweden.contains("Region Skåne") && sweden.contains("Västra Götalandsregionen") && !sweden.contains("Bad Goisern"), "{sweden}");
    let skane = w.app.get(&format!("/organisations/{}/partners?region=SE-12", w.county)).await;
    assert!(skane.body.contains("<option value=\"SE-12\" selected>"), "{}", skane.body);
    let text = sentences(&skane.text());
    assert!(text.contains("Works with your partner Aalborg University in Hydrogen Valleys"), "{text}");
    assert!(!text.contains("Västra Götalandsregionen") && !text.contains("Bad Goisern"), "{text}");
}

#[tokio::test]
async fn the_api_gives_the_same_proposals_with_evidence_and_checks_its_parameters() {
    let w = world().await;
    let answer = w.app.get(&format!("/api/v1/organisations/{}/partner-proposals?sdg=7", w.county)).await;
    assert_eq!(answer.status, 200);
    let json = answer.json();
    let names: Vec<&str> = json["proposals"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Bad Goisern", "Region Skåne", "Orkney Islands Council", "Västra Götalandsregionen"]);
    assert_eq!(json["proposals"][0]["evidence"][0]["kind"], "twin_town");
    assert_eq!(json["proposals"][0]["evidence"][0]["text"], "Twin town of Skien kommune (Skien–Bad Goisern).");
    assert_eq!(json["partners"], 1);

    let bad = w.app.get(&format!("/api/v1/organisations/{}/partner-proposals?sdg=18", w.county)).await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["errors"][0]["field"], "sdg");
    assert_eq!(w.app.get("/api/v1/organisations/999999/partner-proposals").await.status, 404);
}

#[tokio::test]
async fn an_organisations_network_lists_partners_and_networks() {
    let w = world().await;
    let page = w.app.get(&format!("/organisations/{}/network", w.aalborg)).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Telemark fylkeskommune"), "{text}");
    assert!(text.contains("Green Ports (EU-funded project, Lead partner)"), "{text}");
    assert!(text.contains("Region Skåne"), "{text}");

    let county = w.app.get(&format!("/api/v1/organisations/{}/network", w.county)).await.json();
    assert_eq!(county["partners"][0]["name"], "Aalborg University");
    assert_eq!(county["networks"][0]["title"], "North Sea Commission");
    assert_eq!(county["networks"][0]["members"], 2);
    assert_eq!(w.app.get("/organisations/999999/network").await.status, 404);
}
