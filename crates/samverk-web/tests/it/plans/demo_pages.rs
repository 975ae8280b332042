//! The plan pages and the goal page, on the demo data of the seeds.

use samverk_testkit::TestApp;

use super::support::{goal_id, plan_id, section, tree};

#[tokio::test]
async fn the_plan_list_groups_plans_by_authority() {
    let app = TestApp::with_demo().await;
    let page = app.get("/plans").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("New plan"), "{text}");
    let telemark = section(&text, "Telemark fylkeskommune", Some("About Telemark fylkeskommune"));
    assert!(telemark.contains("Telemarksplanen Plan Draft"), "{telemark}");
    assert!(
        telemark
            .contains("Strategi for det internasjonale arbeidet i Telemark fylkeskommune fram mot 2035 Strategy Adopted until 2035-12-31"),
        "{telemark}"
    );
    assert!(!telemark.contains("Internationell policy"), "{telemark}");
    let plan = plan_id(&app.store, "Internationell policy").await;
    assert!(page.body.contains(&format!("href=\"/plans/{plan}\"")), "{}", page.body);
}

#[tokio::test]
async fn telemarksplanen_shows_nine_main_goals_not_yet_worded_that_nothing_contributes_to() {
    let app = TestApp::with_demo().await;
    let id = plan_id(&app.store, "Telemarksplanen").await;
    let page = app.get(&format!("/plans/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Adopted by Telemarksplanen – endelig vedtak (Fylkestinget, December 2024)"), "{text}");
    assert!(text.contains("Samordning av ressurser"), "{text}");
    let areas = [
        section(&text, "Inkluderende Telemark", Some("Skapende Telemark")),
        section(&text, "Skapende Telemark", Some("Naturrike Telemark")),
        section(&text, "Naturrike Telemark", None),
    ];
    for area in areas {
        for n in 1..=3 {
            let goal = format!("Main goal {n} – wording not yet filled in No engagement contributes");
            assert!(area.contains(&goal), "{goal} missing in: {area}");
        }
        assert_eq!(area.matches("wording not yet filled in").count(), 3, "{area}");
        assert_eq!(area.matches("No engagement contributes").count(), 3, "{area}");
    }
}

#[tokio::test]
async fn the_international_strategy_shows_its_four_focus_areas_with_their_measures() {
    let app = TestApp::with_demo().await;
    let id = plan_id(&app.store, "Strategi for det internasjonale arbeidet i Telemark fylkeskommune fram mot 2035").await;
    let text = app.get(&format!("/plans/{id}")).await.text();
    let members = section(&text, "Medlemsorganisasjoner", Some("Bilaterale avtaler"));
    assert!(members.contains("Fylkeskommunen skal bruke sitt medlemskap i de ulike organisasjoner til kompetanseheving"), "{members}");
    let bilateral = section(&text, "Bilaterale avtaler", Some("Prosjektarbeid"));
    assert!(bilateral.contains("Minneapolis USA, Hubei-provinsen i Kina og delstaten Schleswig-Holstein"), "{bilateral}");
    assert!(bilateral.contains("følger opp de bilaterale avtalene for felles langsiktig samarbeid mot 2035"), "{bilateral}");
    let projects = section(&text, "Prosjektarbeid", Some("Kompetanse og kunnskapsdeling"));
    assert!(projects.contains("aktivt bruke de europeiske samarbeidsprogram"), "{projects}");
    let competence = section(&text, "Kompetanse og kunnskapsdeling", None);
    assert!(competence.contains("Fylkeskommunen skal ha kompetanse i sin organisasjon til å delta i europeiske prosjekt."), "{competence}");
    assert_eq!(text.matches("Edit measure").count(), 11, "{text}");
}

#[tokio::test]
async fn vasternorrlands_policy_groups_goals_by_who_benefits_and_counts_contributions() {
    let app = TestApp::with_demo().await;
    let id = plan_id(&app.store, "Internationell policy").await;
    let page = app.get(&format!("/plans/{id}")).await;
    let text = page.text();
    assert!(text.contains("(Landstingsfullmäktige, 2007-06-20)"), "{text}");
    let region = section(&text, "Goals for the region", Some("Goals for the organisation"));
    assert!(region.contains("Ge Västernorrland goda utvecklingsförutsättningar 1 engagement contributes"), "{region}");
    assert!(region.contains("Bevaka och hävda landstingets och regionens intressen No engagement contributes"), "{region}");
    let organisation = section(&text, "Goals for the organisation", Some("Goals for the citizens"));
    assert!(organisation.contains("Utveckla landstingets verksamhet No engagement contributes"), "{organisation}");
    let citizens = section(&text, "Goals for the citizens", None);
    assert!(citizens.contains("Gynna medborgarna i Västernorrland"), "{citizens}");
    assert!(citizens.contains("Stimulera internationellt kulturutbyte"), "{citizens}");
    let goal = goal_id(&tree(&app.store, id).await, "Ge Västernorrland goda utvecklingsförutsättningar");
    assert!(page.body.contains(&format!("href=\"/engagements?goal_id={goal}\"")), "{}", page.body);
}

#[tokio::test]
async fn the_goal_page_lists_what_contributes_with_the_sentence_on_how() {
    let app = TestApp::with_demo().await;
    let plan = plan_id(&app.store, "Internationell policy").await;
    let tree = tree(&app.store, plan).await;
    let goal = goal_id(&tree, "Ge Västernorrland goda utvecklingsförutsättningar");
    let page = app.get(&format!("/goals/{goal}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Internationell policy"), "{text}");
    assert!(text.contains("Who benefits The region"), "{text}");
    let contributes = section(&text, "What contributes", Some("Sub-goals"));
    assert!(contributes.contains("1 engagement contributes"), "{contributes}");
    assert!(contributes.contains("Mid Sweden Office (Active)"), "{contributes}");
    assert!(
        contributes
            .contains("Landstinget är en aktiv aktör i regionens Bryssel-kontor, Mid Sweden Office, för att tillgodose regionala behov"),
        "{contributes}"
    );
    let sub_goals = section(&text, "Sub-goals", Some("Measures"));
    assert!(sub_goals.contains("Bevaka och hävda landstingets och regionens intressen"), "{sub_goals}");

    let none = goal_id(&tree, "Stimulera internationellt kulturutbyte");
    let text = app.get(&format!("/goals/{none}")).await.text();
    let contributes = section(&text, "What contributes", Some("Sub-goals"));
    assert!(contributes.contains("No engagement contributes"), "{contributes}");
    assert!(text.contains("Part of the goal Gynna medborgarna i Västernorrland"), "{text}");
}

#[tokio::test]
async fn an_unworded_goal_keeps_its_number_on_its_own_page() {
    let app = TestApp::with_demo().await;
    let plan = plan_id(&app.store, "Telemarksplanen").await;
    let tree = tree(&app.store, plan).await;
    let skapende = tree.focus_areas.iter().find(|a| a.title == "Skapende Telemark").map(|a| a.id);
    let second = tree.main_goals(skapende).nth(1).map(|g| g.id).unwrap_or_default();
    let text = app.get(&format!("/goals/{second}")).await.text();
    assert!(text.contains("Main goal 2 – wording not yet filled in"), "{text}");
    assert!(text.contains("Focus area Skapende Telemark"), "{text}");
}
