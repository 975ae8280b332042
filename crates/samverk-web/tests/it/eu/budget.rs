//! The budget of an EU project: lines by year and partner, refused when they do not add up,
//! and the sums per programme, year and department.

use samverk_testkit::euproj::{EuProjectBuilder, budget_line};
use samverk_testkit::{OrganisationBuilder, TestApp};

/// The page's text with the no-break spaces between thousands read as spaces.
fn seen(response: &samverk_testkit::TestResponse) -> String {
    response.text().replace('\u{a0}', " ")
}

#[tokio::test]
async fn the_details_and_a_budget_line_are_saved_from_the_forms() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Västerbotten").kind("region").country("SE").insert(&app.store).await;
    let partner = OrganisationBuilder::new("Lapin liitto").kind("region").country("FI").insert(&app.store).await;
    let id = samverk_testkit::EngagementBuilder::new(owner, "Arctic Youth")
        .kind("eu_project")
        .status("active")
        .period("2023-01-01", "2026-12-31")
        .participant(partner, "partner")
        .insert(&app.store)
        .await;
    let empty = app.get(&format!("/engagements/{id}/eu")).await;
    assert_eq!(empty.status, 200);
    assert!(empty.text().contains("The programme and the authority's role are not registered yet."), "{}", empty.text());

    let missing_strand =
        app.post_form(&format!("/engagements/{id}/eu"), &[("programme", "interreg"), ("project_role", "lead_partner")]).await;
    assert_eq!(missing_strand.status, 422);
    assert!(missing_strand.text().contains("Strand or programme area This field is required."), "{}", missing_strand.text());

    let saved = app
        .post_form(
            &format!("/engagements/{id}/eu"),
            &[
                ("programme", "interreg"),
                ("strand", "Interreg Aurora"),
                ("funding_call", "Call 2"),
                ("project_role", "lead_partner"),
                ("lead_department", "Regional utveckling"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let line = app
        .post_form(
            &format!("/engagements/{id}/eu/budget"),
            &[
                ("year", "2024"),
                ("organisation_id", &partner.to_string()),
                ("total", "1 000 000"),
                ("eu_grant", "650000"),
                ("national_cofinancing", "200000"),
                ("own_contribution", "150000"),
                ("cofinancing_rate", ""),
            ],
        )
        .await;
    assert_eq!(line.status, 303, "{}", line.text());
    let page = seen(&app.get(&format!("/engagements/{id}/eu")).await);
    assert!(page.contains("Programme Interreg Strand or programme area Interreg Aurora Call Call 2 The authority's role Lead partner Department Regional utveckling"), "{page}");
    assert!(page.contains("2024 Lapin liitto 1 000 000 650 000 200 000 150 000 65 %"), "{page}");
}

/// Posts a line for 2024: `[total, EU grant, national, own, rate]`.
async fn post(app: &TestApp, path: &str, owner: &str, [total, grant, national, own, rate]: [&str; 5]) -> samverk_testkit::TestResponse {
    app.post_form(
        path,
        &[
            ("year", "2024"),
            ("organisation_id", owner),
            ("total", total),
            ("eu_grant", grant),
            ("national_cofinancing", national),
            ("own_contribution", own),
            ("cofinancing_rate", rate),
        ],
    )
    .await
}

#[tokio::test]
async fn a_budget_that_does_not_add_up_is_refused_beside_the_field_and_nothing_is_written() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let id = EuProjectBuilder::new(owner, "Blue Growth").insert(&app.store).await;
    let path = format!("/engagements/{id}/eu/budget");
    let owner_id = owner.to_string();
    let parts = post(&app, &path, &owner_id, ["1000", "600", "300", "200", ""]).await;
    assert_eq!(parts.status, 422);
    let text = seen(&parts);
    assert!(text.contains("Please correct the following"), "{text}");
    assert!(
        text.contains(
            "Total (required) The parts (EU grant + national co-financing + own contribution) add up to 1 100, not to the total."
        ),
        "{text}"
    );
    for kept in ["value=\"1000\"", "value=\"600\"", "value=\"300\"", "value=\"200\"", "value=\"2024\""] {
        assert!(parts.body.contains(kept), "lost {kept}");
    }
    assert!(parts.body.contains(&format!("<option value=\"{owner}\" selected>")), "partner lost");

    let grant = post(&app, &path, &owner_id, ["1000", "1200", "0", "0", ""]).await;
    assert_eq!(grant.status, 422);
    assert!(grant.text().contains("EU grant (required) The EU grant cannot be above the total."), "{}", grant.text());

    let rate = post(&app, &path, &owner_id, ["1000", "600", "400", "0", "120"]).await;
    assert_eq!(rate.status, 422);
    assert!(rate.text().contains("Co-financing rate (%) A co-financing rate cannot be above 100 %."), "{}", rate.text());

    let outside = app
        .post_form(
            &path,
            &[("year", "2030"), ("organisation_id", &owner_id), ("total", "10"), ("eu_grant", "5"), ("national_cofinancing", "5")],
        )
        .await;
    assert_eq!(outside.status, 422);
    assert!(outside.text().contains("Year (required) This year lies outside the project's period."), "{}", outside.text());

    let page = seen(&app.get(&format!("/engagements/{id}/eu")).await);
    assert!(page.contains("No budget lines yet."), "nothing was written: {page}");
}

#[tokio::test]
async fn the_sums_are_given_per_programme_year_and_department() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Region Jämtland Härjedalen").kind("region").country("SE").insert(&app.store).await;
    let a = EuProjectBuilder::new(owner, "Interreg A").department("Regional utveckling").insert(&app.store).await;
    let b = EuProjectBuilder::new(owner, "Erasmus B").programme("erasmus_plus", "KA2").department("Utbildning").insert(&app.store).await;
    budget_line(&app.store, a, (2024, owner, 1_000_000, 600_000, 300_000, 100_000)).await;
    budget_line(&app.store, a, (2025, owner, 500_000, 300_000, 100_000, 100_000)).await;
    budget_line(&app.store, b, (2024, owner, 200_000, 160_000, 0, 40_000)).await;

    let page = app.get("/eu-projects").await;
    assert_eq!(page.status, 200);
    let text = seen(&page);
    assert!(
        text.contains(
            "Interreg A Interreg Interreg Aurora Lead partner Regional utveckling 2023-01-01 – 2026-12-31 Active 1 500 000 900 000"
        ),
        "{text}"
    );
    assert!(text.contains("Sums per programme Programme Projects Total EU grant National co-financing Own contribution Co-financing rate (%) Erasmus+ 1 200 000 160 000 0 40 000 80 % Interreg 1 1 500 000 900 000 400 000 200 000 60 % Total 2 1 700 000 1 060 000 400 000 240 000 62.35 %"), "{text}");
    assert!(text.contains("Sums per year Year Projects Total EU grant National co-financing Own contribution Co-financing rate (%) 2024 2 1 200 000 760 000 300 000 140 000 63.33 % 2025 1 500 000 300 000 100 000 100 000 60 %"), "{text}");
    assert!(text.contains("Sums per department Department Projects Total EU grant National co-financing Own contribution Co-financing rate (%) Regional utveckling 1 1 500 000 900 000 400 000 200 000 60 % Utbildning 1 200 000 160 000 0 40 000 80 %"), "{text}");
}
