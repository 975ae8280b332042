//! The network data sets: Covenant of Mayors signatories (with coordinators and supporters) and
//! the CPMR commissions (transcribed), on trimmed real samples; their memberships as evidence
//! for partner discovery; their broken files refused with nothing written.

use samverk_domain::discovery::Evidence;
use samverk_import::dataset::{self, Dataset, Options};
use samverk_store::discovery::PartnerQuery;
use samverk_testkit::TestApp;

use super::{TODAY, counts, fixture, import, named};

/// The id of the one organisation with this exact name.
async fn id_of(app: &TestApp, name: &str) -> i64 {
    let found: Vec<i64> = named(app, name).await.into_iter().filter(|(_, n)| n == name).map(|(id, _)| id).collect();
    assert_eq!(found.len(), 1, "one «{name}»: {found:?}");
    found[0]
}

#[tokio::test]
async fn covenant_signatories_are_members_and_coordinators_have_engagements_of_their_own() {
    let app = TestApp::new().await;
    let bytes = fixture("covenant-of-mayors.csv");
    let first = import(&app, Dataset::CovenantOfMayors, "signatories.csv", &bytes, false).await;
    // 88 Norwegian and Swedish signatories and 2 coordinators in the sample.
    assert!(first.matches.authorities >= 85, "{:?}", first.matches);
    assert!(first.matches.rate() >= 95.0, "{:?}", first.matches);
    // The Covenant, 2 Nordic coordinators and the supporters in the sample, one engagement each.
    assert!(first.created >= 10, "{first:?}");
    let before = counts(&app).await;
    let again = import(&app, Dataset::CovenantOfMayors, "signatories.csv", &bytes, false).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, first.created), "{again:?}");
    assert_eq!(counts(&app).await, before, "no duplicates");

    // Lidköping is the register's municipality, a member of the Covenant and supported by
    // Klimatkommunerna; its own row is named as the source.
    let lidkoping = id_of(&app, "Lidköpings kommun").await;
    let page = app.get(&format!("/organisations/{lidkoping}")).await.text();
    assert!(page.contains("Covenant of Mayors for Climate & Energy"), "{page}");
    assert!(page.contains("Covenant of Mayors supporter: The Climate Municipalities (Sweden - Klimatkommunerna)"), "{page}");
    // Region Norrbotten coordinates Luleå, Piteå, Kiruna …: an engagement of its own.
    let norrbotten = id_of(&app, "Region Norrbotten").await;
    let page = app.get(&format!("/organisations/{norrbotten}")).await.text();
    assert!(page.contains("Covenant of Mayors coordinator: County council of Norrbotten"), "{page}");
    let filter = samverk_store::engagement::EngagementFilter { q: Some("County council of Norrbotten".into()), ..Default::default() };
    let found = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}"));
    let id = found.items.first().map(|e| e.id).unwrap_or_default();
    let page = app.get(&format!("/engagements/{id}")).await.text();
    for member in ["Luleå kommun", "Piteå kommun", "Kiruna kommun"] {
        assert!(page.contains(member), "{member} coordinated by Norrbotten: {page}");
    }
    assert!(page.contains("Imported from public data, not a decision of the authority."), "{page}");
    // An imported network is evidence, not the authority's own work: `samverk check` is clean.
    let check = app.store.check(None).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(check.violations.is_empty(), "{:?}", check.violations.iter().map(|v| &v.title).collect::<Vec<_>>());
}

#[tokio::test]
async fn cpmr_commissions_keep_the_transcribed_flag_as_their_source() {
    let app = TestApp::new().await;
    let bytes = fixture("membership-orgs.csv");
    let first = import(&app, Dataset::MembershipOrgs, "cpmr_commission_members_TRANSCRIBED.csv", &bytes, false).await;
    assert_eq!(first.created, 2, "the North Sea and the Baltic Sea Commission: {first:?}");
    assert!(first.matches.authorities >= 20, "{:?}", first.matches);
    assert!(first.matches.rate() >= 95.0, "{:?}", first.matches);
    // Hordaland and Sogn og Fjordane (merged 2020) are Vestland, not new bodies.
    let hordaland: Vec<String> = named(&app, "Hordaland").await.into_iter().map(|(_, n)| n).collect();
    assert_eq!(hordaland, ["Vestland fylkeskommune"], "found by its former name");
    let vestland = id_of(&app, "Vestland fylkeskommune").await;
    let page = app.get(&format!("/organisations/{vestland}")).await.text();
    assert!(page.contains("CPMR North Sea Commission"), "{page}");
    let filter = samverk_store::engagement::EngagementFilter { q: Some("Baltic Sea Commission".into()), ..Default::default() };
    let id = app.store.engagements(&filter).await.unwrap_or_else(|e| panic!("{e}")).items.first().map(|e| e.id).unwrap_or_default();
    let page = app.get(&format!("/engagements/{id}")).await.text();
    assert!(
        page.contains("membership-orgs: cpmr_commission_members_TRANSCRIBED.csv, row 64 (transcribed by hand from public web pages, not a published data set)"),
        "{page}"
    );
    assert!(page.contains("Region Västernorrland") && page.contains("Nordland fylkeskommune"), "{page}");
    let again = import(&app, Dataset::MembershipOrgs, "cpmr_commission_members_TRANSCRIBED.csv", &bytes, false).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2), "{again:?}");
}

/// The page text with the spaces the tag stripping leaves before stops removed.
fn sentences(text: &str) -> String {
    text.replace(" ,", ",").replace(" .", ".")
}

#[tokio::test]
async fn shared_covenant_and_cpmr_membership_is_evidence_for_partner_discovery() {
    let app = TestApp::new().await;
    import(&app, Dataset::MembershipOrgs, "cpmr.csv", &fixture("membership-orgs.csv"), false).await;
    import(&app, Dataset::CovenantOfMayors, "signatories.csv", &fixture("covenant-of-mayors.csv"), false).await;
    // Region Halland sits in the North Sea Commission with Västra Götalandsregionen.
    let vgr = id_of(&app, "Västra Götalandsregionen").await;
    let text = sentences(&app.get(&format!("/organisations/{vgr}/partners?country=SE")).await.text());
    assert!(text.contains("Region Halland"), "{text}");
    assert!(text.contains("Member of CPMR North Sea Commission, like you."), "{text}");
    // Lidköping and Växjö are both Covenant signatories.
    let lidkoping = id_of(&app, "Lidköpings kommun").await;
    let vaxjo = id_of(&app, "Växjö kommun").await;
    let query = PartnerQuery { authority_id: lidkoping, limit: 200, ..Default::default() };
    let found = app.store.find_partners(&query).await.unwrap_or_else(|e| panic!("{e}"));
    let proposal = found.proposals.iter().find(|p| p.organisation.id == vaxjo).unwrap_or_else(|| panic!("Växjö proposed: {found:?}"));
    assert!(
        proposal
            .proposal
            .evidence
            .iter()
            .any(|e| matches!(e, Evidence::SameNetwork { network } if network.name == "Covenant of Mayors for Climate & Energy")),
        "{proposal:?}"
    );
}

#[tokio::test]
async fn broken_network_files_write_nothing() {
    let app = TestApp::new().await;
    samverk_import::registry::ensure_loaded(&app.store).await.unwrap_or_else(|e| panic!("{e}"));
    let before = counts(&app).await;
    let dir = format!("{}/../samverk-import/tests/broken", env!("CARGO_MANIFEST_DIR"));
    let mut tried = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let set = if file.starts_with("covenant-") {
            Dataset::CovenantOfMayors
        } else if file.starts_with("membership-") {
            Dataset::MembershipOrgs
        } else {
            continue;
        };
        let bytes = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        let options = Options { dry_run: false, skip_bad_rows: false, today: TODAY };
        let error = dataset::import(&app.store, set, &file, &bytes, &options).await.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.starts_with(&format!("{file}, row ")), "{file}: {error}");
        assert_eq!(counts(&app).await, before, "{file} wrote nothing");
        tried += 1;
    }
    assert_eq!(tried, 12);
}
