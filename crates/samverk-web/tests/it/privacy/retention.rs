//! The retention job: what has passed its period is deleted or anonymised; a dry run only
//! counts. Dates lie in the past (a call closed in 2020) or the job runs "a year and a month
//! from now".

use samverk_store::account::now;
use samverk_testkit::{CallBuilder, OrganisationBuilder, TestApp};

use super::submit;

const DAY: i64 = 86_400;

fn count(lines: &[samverk_store::privacy::RetentionLine], what: &str) -> u64 {
    lines.iter().find(|l| l.what == what).map_or_else(|| panic!("{what} missing from {lines:?}"), |l| l.count)
}

#[tokio::test]
async fn a_dry_run_lists_what_would_go_and_the_run_deletes_or_anonymises_it() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Fjordbyen kommune").kind("municipality").insert(&app.store).await;
    let old = CallBuilder::new(owner, "Old call").period("2020-01-01", "2020-06-30").insert(&app.store).await;
    let open = CallBuilder::new(owner, "Open call").insert(&app.store).await;
    let old_call = app.store.call(old).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("old call"));
    let open_call = app.store.call(open).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("open call"));
    let in_2020 = time::macros::datetime!(2020-03-01 12:00 UTC);
    submit(&app, &old_call, "Kari Nordmann", "kari@fjordbyen.no", in_2020).await;
    submit(&app, &open_call, "Ola Hansen", "ola@fjordbyen.no", time::OffsetDateTime::now_utc()).await;
    let gone = app.store.create_account("gone", "Gone Person", None).await.unwrap_or_else(|e| panic!("{e}"));
    app.store.set_disabled(gone, true).await.unwrap_or_else(|e| panic!("{e}"));
    let kept = app.store.create_account("kept", "Kept Person", None).await.unwrap_or_else(|e| panic!("{e}"));
    app.store.create_password_reset(kept, None).await.unwrap_or_else(|e| panic!("{e}"));

    // Today: only the old call's answer has passed its period.
    let today = app.store.apply_retention(now(), true).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(&today, "old_submissions"), 1);
    assert_eq!(count(&today, "disabled_accounts"), 0);
    assert_eq!(count(&today, "spent_reset_links"), 0);
    assert_eq!(count(&today, "expired_sessions"), 0);

    // In 13 months the disabled account, the test's session and the reset link have too.
    let later = now() + 395 * DAY;
    let dry = app.store.apply_retention(later, true).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(&dry, "old_submissions"), 1);
    assert_eq!(count(&dry, "disabled_accounts"), 1);
    assert_eq!(count(&dry, "spent_reset_links"), 1);
    assert!(count(&dry, "expired_sessions") >= 1);
    let answers = app.store.submissions(old, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answers[0].name.as_deref(), Some("Kari Nordmann"), "a dry run changes nothing");
    assert_eq!(app.store.account(gone).await.unwrap_or_else(|e| panic!("{e}")).row.username, "gone");
    assert!(app.store.personal_data_log(10, Some("retention")).await.unwrap_or_else(|e| panic!("{e}")).is_empty());

    let run = app.store.apply_retention(later, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run, dry, "the run does what the dry run said");
    let answers = app.store.submissions(old, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((answers[0].name.clone(), answers[0].email.clone(), answers[0].organisation.clone()), (None, None, None));
    assert_eq!(answers[0].answer, "More cycling networks, please.", "the input itself is kept");
    let open_answers = app.store.submissions(open, false).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(open_answers[0].name.as_deref(), Some("Ola Hansen"), "the open call's answer is kept");
    let gone = app.store.account(gone).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(gone.row.username.starts_with("erased-") && gone.row.display_name.starts_with("Erased person #"), "{:?}", gone.row);
    assert_eq!(app.store.account(kept).await.unwrap_or_else(|e| panic!("{e}")).row.username, "kept");
    let log = app.store.personal_data_log(10, Some("retention")).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.len(), 1);
    assert!(log[0].detail.contains("old_submissions: 1") && log[0].detail.contains("disabled_accounts: 1"), "{:?}", log[0]);

    let again = app.store.apply_retention(later, true).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(again.iter().all(|l| l.count == 0), "nothing is left to do: {again:?}");
}
