//! The follow-up report of a plan for a year: the page, the printable page, the XLSX (read
//! back cell by cell) and a constant number of queries.

use calamine::{Data, Reader, Xlsx};
use samverk_testkit::euproj::{EuProjectBuilder, budget_line};
use samverk_testkit::followup::{MandateBuilder, indicator, person, report};
use samverk_testkit::{DecisionBuilder, EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp, focus_area};

struct Fixture {
    app: TestApp,
    plan: i64,
}

/// A plan with one focus area, a main goal served by a network and an EU project, a goal
/// nothing serves, an engagement without goals, and a decision in 2025. The served goal has an
/// indicator measured in 2024 and 2025 (on track in 2025: 55 % of the way, 50 % of the time)
/// and one measured only in 2026; the network's representative reported in March 2024 and March
/// 2025 and is overdue now (yearly); the twin town has a vacant seat that never reported.
async fn fixture() -> Fixture {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Vestfold og Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Internasjonal strategi").insert(&app.store).await;
    let area = focus_area(&app.store, plan, "Grønn omstilling").await;
    let served = GoalBuilder::new(plan, "Fornybar energi i regionen").focus_area(area).insert(&app.store).await;
    GoalBuilder::new(plan, "Sirkulær økonomi").focus_area(area).insert(&app.store).await;
    let network = EngagementBuilder::new(owner, "North Sea Commission")
        .kind("network")
        .status("active")
        .period("2020-01-01", "")
        .goal(served, "Deler erfaringer om havvind")
        .insert(&app.store)
        .await;
    indicator(&app.store, served, "Andel fornybar energi", (20.0, 2020), (60.0, 2030), &[(2024, 30.5), (2025, 42.0)]).await;
    indicator(&app.store, served, "Havvindprosjekter", (0.0, 2020), (10.0, 2030), &[(2026, 7.0)]).await;
    let kari = person(&app.store, owner, "Kari Nordmann").await;
    let seat = MandateBuilder::new(network, Some(kari), "2020-01-01").report_to("Hovedutvalg for næring").insert(&app.store).await;
    let today = time::OffsetDateTime::now_utc().date();
    let a_year_before = time::Date::from_calendar_date(2024, time::Month::March, 11).unwrap_or(today);
    report(&app.store, seat, a_year_before, "Forrige års rapport om havvind", &[served], today).await;
    let march = time::Date::from_calendar_date(2025, time::Month::March, 10).unwrap_or(today);
    report(&app.store, seat, march, "Tre nye havvindprosjekter i Nordsjøen", &[served], today).await;
    let eu = EuProjectBuilder::new(owner, "=Blue Hydrogen")
        .goal(served, "Pilot for hydrogen i havner")
        .department("Næring")
        .insert(&app.store)
        .await;
    budget_line(&app.store, eu, (2025, owner, 800_000, 480_000, 200_000, 120_000)).await;
    budget_line(&app.store, eu, (2024, owner, 200_000, 120_000, 80_000, 0)).await;
    let twin = EngagementBuilder::new(owner, "Vennskapsby Tønsberg–Tsumeb")
        .kind("twin_town")
        .status("active")
        .period("2010-01-01", "")
        .insert(&app.store)
        .await;
    MandateBuilder::new(twin, None, "2020-01-01").insert(&app.store).await;
    DecisionBuilder::new(owner, "Vedtak fra 2020").insert(&app.store).await;
    let decision = samverk_domain::decision::DecisionDraft {
        owner_id: Some(owner),
        body: "Hovedutvalg for næring".into(),
        case_number: "25/41".into(),
        date: "2025-02-12".into(),
        title: "Deltakelse i Blue Hydrogen".into(),
        ..Default::default()
    };
    app.store.create_decision(&decision).await.unwrap_or_else(|e| panic!("{e}"));
    Fixture { app, plan }
}

#[tokio::test]
async fn the_report_page_shows_goals_eu_projects_decisions_and_gaps() {
    let f = fixture().await;
    let page = f.app.get(&format!("/plans/{}/report?year=2025", f.plan)).await;
    assert_eq!(page.status, 200);
    let text = page.text().replace('\u{a0}', " ");
    assert!(text.contains("Follow-up report 2025: Internasjonal strategi"), "{text}");
    assert!(text.contains("Contributing engagements Engagement Kind Status How it contributes =Blue Hydrogen EU-funded project Active Pilot for hydrogen i havner North Sea Commission Network Active Deler erfaringer om havvind"), "{text}");
    assert!(text.contains("Main goal: Sirkulær økonomi Status: No data. 0 contributing, 0 reported in the last 12 months No engagement running this year contributes to this goal."), "{text}");
    // Goal fulfilment as at the end of 2025: the 2026 measurement does not count yet.
    assert!(text.contains("Status of the plan at the end of 2025: On track."), "{text}");
    assert!(text.contains("Indicators: 1 on track, 0 at risk, 0 off track, 1 without data."), "{text}");
    assert!(text.contains("Grønn omstilling Status: On track. Main goal: Fornybar energi i regionen Status: On track. 2 contributing, 1 reported in the last 12 months"), "{text}");
    assert!(
        text.contains(
            "Indicators Indicator Unit Baseline Target Latest value Status Measurements (year: value) \
             Andel fornybar energi % 20 (2020) 60 (2030) 42 On track 2024: 30.5 · 2025: 42 \
             Havvindprosjekter % 0 (2020) 10 (2030) No measurements yet. No data"
        ),
        "{text}"
    );
    assert_eq!(page.body.matches("<svg").count(), 1, "a chart for the measured indicator only");
    assert!(page.body.contains("<title id=\"chart-title-"), "the chart has its title");
    assert!(
        text.contains(
            "Reports back in 2025 Date Engagement Representative Meeting(s) covered Report \
             2025-03-10 North Sea Commission Kari Nordmann Tre nye havvindprosjekter i Nordsjøen"
        ),
        "{text}"
    );
    assert!(!text.contains("Forrige års rapport"), "only the year's reports back: {text}");
    assert!(
        text.contains(
            "Reports back overdue Reports back overdue Engagement Representative Reports to Due on \
             Vennskapsby Tønsberg–Tsumeb (vacant) Regionala nämnden 2021-01-01 \
             North Sea Commission Kari Nordmann Hovedutvalg for næring 2026-03-10"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "=Blue Hydrogen Interreg Interreg Aurora Lead partner Næring Active 1 000 000 600 000 280 000 120 000 800 000 480 000"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "Decisions of 2025 Date Deciding body Case number Title 2025-02-12 Hovedutvalg for næring 25/41 Deltakelse i Blue Hydrogen"
        ),
        "{text}"
    );
    assert!(!text.contains("Vedtak fra 2020"), "only the year's decisions: {text}");
    assert!(text.contains("Engagements without goals Engagements without goals Engagement Vennskapsby Tønsberg–Tsumeb"), "{text}");
    assert!(text.contains("Goals without engagements Goals without engagements Goal Sirkulær økonomi"), "{text}");
    assert!(page.body.contains("<th scope=\"col\">"), "tables have column headers");
    assert!(page.body.contains("/static/report-print.css"), "print stylesheet");

    let print = f.app.get(&format!("/plans/{}/report/print?year=2025", f.plan)).await;
    assert_eq!(print.status, 200);
    assert!(print.text().contains("Goals without engagements"));
    assert!(!print.body.contains("site-header"), "the printable page has no navigation");
    assert_eq!(f.app.get("/static/report-print.css").await.status, 200);
    assert_eq!(f.app.get("/plans/999999/report?year=2025").await.status, 404);
    assert_eq!(f.app.get(&format!("/plans/{}/report?year=abc", f.plan)).await.status, 404);
}

#[tokio::test]
async fn the_xlsx_has_one_sheet_per_section_with_the_cells_the_page_shows() {
    let f = fixture().await;
    let download = f.app.download(&format!("/plans/{}/report.xlsx?year=2025", f.plan)).await;
    assert_eq!(download.status, 200);
    assert_eq!(
        download.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(download.bytes)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        book.sheet_names(),
        vec![
            "Goals and contributing engageme".to_owned(),
            "EU projects and their budgets".to_owned(),
            "Decisions taken this year".to_owned(),
            "Gaps".to_owned()
        ]
    );
    let eu = book.worksheet_range("EU projects and their budgets").unwrap_or_else(|e| panic!("{e}"));
    let cell = |r: u32, c: u32| eu.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("Follow-up report 2025: Internasjonal strategi".into()));
    assert_eq!(cell(3, 0), Data::String("EU projects and their budgets".into()));
    assert_eq!(cell(6, 0), Data::String("Project".into()));
    // A title beginning with = is text, never a formula.
    assert_eq!(cell(7, 0), Data::String("'=Blue Hydrogen".into()));
    assert_eq!(cell(7, 1), Data::String("Interreg".into()));
    assert_eq!(cell(7, 6), Data::Float(1_000_000.0));
    assert_eq!(cell(7, 10), Data::Float(800_000.0));
    // The goals sheet holds each indicator's row with the latest value as a number, and the
    // year's reports back.
    let goals = book.worksheet_range("Goals and contributing engageme").unwrap_or_else(|e| panic!("{e}"));
    let row_of = |first: &str| {
        goals.rows().find(|r| r.first().is_some_and(|c| *c == first)).map(<[Data]>::to_vec).unwrap_or_else(|| panic!("no row «{first}»"))
    };
    let andel = row_of("Andel fornybar energi");
    assert_eq!(andel[1], Data::String("%".into()));
    assert_eq!(andel[4], Data::Float(42.0));
    assert_eq!(andel[5], Data::String("On track".into()));
    assert_eq!(andel[6], Data::String("2024: 30.5 · 2025: 42".into()));
    let reported = row_of("2025-03-10");
    assert_eq!(reported[2], Data::String("Kari Nordmann".into()));
    assert_eq!(reported[4], Data::String("Tre nye havvindprosjekter i Nordsjøen".into()));
    let gaps = book.worksheet_range("Gaps").unwrap_or_else(|e| panic!("{e}"));
    let texts: Vec<String> = gaps.rows().flat_map(|r| r.iter().map(ToString::to_string)).filter(|s| !s.is_empty()).collect();
    assert!(texts.contains(&"Vennskapsby Tønsberg–Tsumeb".to_owned()), "{texts:?}");
    assert!(texts.contains(&"Sirkulær økonomi".to_owned()), "{texts:?}");
    assert!(texts.contains(&"Reports back overdue".to_owned()) && texts.contains(&"2026-03-10".to_owned()), "{texts:?}");
}

#[tokio::test]
async fn the_report_reads_a_constant_number_of_queries() {
    let f = fixture().await;
    let before = f.app.store.query_count();
    f.app.get(&format!("/plans/{}/report?year=2025", f.plan)).await;
    let small = f.app.store.query_count() - before;
    let owner = f.app.store.plan(f.plan).await.ok().flatten().map(|p| p.owner_id).unwrap_or_default();
    for n in 0..30 {
        EuProjectBuilder::new(owner, &format!("Project {n}")).insert(&f.app.store).await;
    }
    let before = f.app.store.query_count();
    f.app.get(&format!("/plans/{}/report?year=2025", f.plan)).await;
    assert_eq!(f.app.store.query_count() - before, small);
}

#[tokio::test]
async fn without_a_pdf_renderer_no_pdf_is_offered() {
    let f = fixture().await;
    let page = f.app.get(&format!("/plans/{}/report?year=2025", f.plan)).await;
    assert!(!page.body.contains("report.pdf"), "no PDF link when the binary gives no renderer");
    assert_eq!(f.app.get(&format!("/plans/{}/report.pdf?year=2025", f.plan)).await.status, 404);
}
